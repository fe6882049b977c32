//! Any bytes given to the xmp reader must give a result, never a panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    newsroom_photos::fuzzing::xmp(data);
});
