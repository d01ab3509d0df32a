//! `cargo fuzz run render_translation`: see `tolk_fuzz_invariants::render_translation`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tolk_fuzz_invariants::render_translation(data));
