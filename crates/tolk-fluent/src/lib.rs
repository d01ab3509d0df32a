//! Fluent translations for tolk.
//!
//! [`load_locale`] parses one locale's `.ftl` files into a [`LocaleCatalog`]: a
//! thread-safe Fluent bundle plus an index of every entry with its file and byte
//! position, so that each diagnostic can point at file:line:col. A [`Catalog`] holds
//! all locales with their fallback chains ([`fallback_chain`]); [`localize`] resolves
//! a [`tolk_content::Document`] into a [`tolk_content::LocalizedDocument`] message by
//! message along that chain; [`check_locale`] compares a locale with the source locale
//! and measures its coverage.
//!
//! Problems in user input never make these functions fail: they come back as
//! [`tolk_content::Diagnostic`]s.
//!
//! ```
//! use tolk_fluent::{SourceFile, load_locale, check_locale};
//! use tolk_content::Severity;
//!
//! let (en, _) = load_locale("en-US", vec![SourceFile::new("en-US/app.ftl", "hi = Hello, { $name }!\nbye = Bye\n")]).unwrap();
//! let (fr, _) = load_locale("fr", vec![SourceFile::new("fr/app.ftl", "hi = Bonjour, { $nom } !\n")]).unwrap();
//! let report = check_locale(&en, &fr, Severity::Error);
//! let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
//! assert_eq!(codes, ["missing-message", "missing-variable", "unknown-variable"]);
//! assert_eq!(report.coverage.messages_translated, 1);
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod catalog;
mod check;
mod index;
mod locale;
mod localize;
mod lock;
mod plural;

pub use crate::catalog::{Catalog, LocaleCatalog, Pseudo, SourceFile, load_locale};
pub use crate::check::{
    CheckOptions, Coverage, LocaleReport, check_documents, check_locale, check_locale_with,
};
pub use crate::index::{
    Entries, EntriesIter, Entry, Hashed, IndexOptions, LocaleIndex, Name, PatternInfo, Reference,
    Select, Token, TokenKind, index_locale, index_locale_with, is_bidi_control, tokens,
};
pub use crate::locale::{Error, fallback_chain, parse_locale};
pub use crate::localize::localize;
pub use crate::lock::{LOCK_VERSION, Lock, LockEntry, LockedLocale};
pub use crate::plural::plural_categories;
