//! The content model of tolk.
//!
//! A [`Document`] is the locale-neutral structure of one page: sections of
//! [`Block`]s whose visible text is always a [`MessageRef`] (a Fluent message id,
//! optionally with an attribute), plus typed [`Fact`]s that no translation may
//! change (a hotline number, an SMS short code, a URL). Documents are written in
//! TOML and read with [`parse_document`], which never fails: problems come back
//! as [`Diagnostic`]s next to whatever could be read.
//!
//! A [`LocalizedDocument`] is the same tree with every message resolved to text in
//! one locale; it is what renderers consume.
//!
//! This crate knows nothing of Fluent, files or output formats.
//!
//! ```
//! use tolk_content::parse_document;
//!
//! let src = r#"
//! id = "hello"
//! title = "hello-title"
//!
//! [[sections]]
//! id = "intro"
//! heading = "intro-heading"
//! blocks = [{ type = "paragraph", text = "intro-body" }]
//! "#;
//! let parsed = parse_document("content/hello.toml", src);
//! assert!(parsed.diagnostics.is_empty());
//! let doc = parsed.value.unwrap();
//! assert_eq!(doc.id, "hello");
//! assert_eq!(doc.message_refs().count(), 3);
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod diag;
mod localized;
mod model;
mod parse;

pub use crate::diag::{Code, Diagnostic, Severity, line_col};
pub use crate::localized::{
    FallbackRecord, LocalizedBlock, LocalizedContact, LocalizedDocument, LocalizedQa,
    LocalizedSection, TextDirection,
};
pub use crate::model::{
    Block, CalloutTone, Contact, Document, Fact, FactRef, MessageRef, QaPair, Section,
};
pub use crate::parse::{Parsed, parse_document, unused_messages};
