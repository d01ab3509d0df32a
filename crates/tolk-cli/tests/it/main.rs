//! End-to-end tests of the `tolk` binary.

mod bad_input;
mod build;
mod check;
mod fixtures;
mod parity;
mod report;
mod support;
