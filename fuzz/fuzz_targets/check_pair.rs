//! `cargo fuzz run check_pair`: see `tolk_fuzz_invariants::check_pair`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tolk_fuzz_invariants::check_pair(data));
