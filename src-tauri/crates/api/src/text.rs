//! Vietnamese text from old codes (`newsroom-text`'s `legacy`): pasted text rescued for the
//! editor, files and text converted for the CLI. None of it needs the store.

use newsroom_text::legacy;

use crate::{ApiError, ApiResult, Conversion, ErrorCode, Legacy};

/// The most text a paste may hand over for checking, far beyond any article body.
const MAX_PASTE_BYTES: usize = 8 * 1024 * 1024;

/// Finds text pasted from a document set in an old font (TCVN3, VNI, VIQR) and converts it;
/// `None` for good Unicode, which is never changed.
pub fn text_rescue(text: &str) -> ApiResult<Option<Conversion>> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!(
                "the pasted text is {} bytes; the limit is {MAX_PASTE_BYTES} bytes",
                text.len()
            ),
        ));
    }
    Ok(legacy::rescue(text))
}

/// Reads a file's bytes as text: Unicode as it is, an old code detected (`from: None`) or named,
/// converted with what was converted.
pub fn text_decode(
    name: &str,
    bytes: &[u8],
    from: Option<Legacy>,
) -> ApiResult<(String, Option<Conversion>)> {
    match from {
        Some(from) => {
            let conversion = legacy::decode_bytes_from(bytes, from);
            Ok((conversion.text.clone(), Some(conversion)))
        }
        None => legacy::decode_bytes(bytes)
            .map(|decoded| (decoded.text, decoded.conversion))
            .map_err(|e| ApiError::new(ErrorCode::InvalidInput, format!("{name}: {e}"))),
    }
}

/// Writes Unicode text as the bytes of an old code, for the systems that still ask for one.
pub fn text_encode(text: &str, to: Legacy) -> Vec<u8> {
    legacy::encode_bytes(text, to)
}
