//! `cargo fuzz run parse_content`: see `tolk_fuzz_invariants::parse_content`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tolk_fuzz_invariants::parse_content(data));
