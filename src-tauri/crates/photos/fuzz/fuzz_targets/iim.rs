//! Any bytes given to the iim reader must give a result, never a panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    newsroom_photos::fuzzing::iim(data);
});
