//! End-to-end tests of the `tolk` binary.

mod bad_input;
mod browser;
mod build;
mod catalogue;
mod check;
mod faults;
mod fixtures;
mod parity;
mod pdf;
mod report;
mod support;
