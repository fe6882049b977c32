//! Backend passwords in the OS keychain (the Secret Service on Linux: GNOME Keyring, KWallet),
//! keyed by the backend's id. They are never written to the store, logs or exports. There is
//! no fallback: without a keychain the app says so instead of keeping the password elsewhere.

use crate::{Result, SyncError};

/// The keychain service name: the app's identifier.
const SERVICE: &str = "vn.newsroom.editor";

fn entry(backend_id: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, backend_id).map_err(|e| SyncError::Keychain(e.to_string()))
}

pub fn store_password(backend_id: &str, password: &str) -> Result<()> {
    entry(backend_id)?
        .set_password(password)
        .map_err(|e| SyncError::Keychain(e.to_string()))
}

pub fn password(backend_id: &str) -> Result<String> {
    match entry(backend_id)?.get_password() {
        Ok(password) => Ok(password),
        Err(keyring::Error::NoEntry) => Err(SyncError::Keychain(
            "the keychain has no password for this backend: add the backend again".into(),
        )),
        Err(other) => Err(SyncError::Keychain(other.to_string())),
    }
}

pub fn delete_password(backend_id: &str) -> Result<()> {
    match entry(backend_id)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(other) => Err(SyncError::Keychain(other.to_string())),
    }
}
