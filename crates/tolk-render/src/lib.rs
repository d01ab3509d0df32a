//! Pure renderers for tolk.
//!
//! Every function here turns values into a `String`: a [`LocalizedDocument`] into a
//! JSON document ([`render_json`]), a standalone HTML page ([`render_html`]) or
//! PDF-ready plain text ([`render_text`]), and a [`Manifest`] of a whole build into
//! `index.json` and `index.html`. Nothing here reads files or parses translations.
//!
//! Text written by translators is untrusted. HTML output escapes it through
//! minijinja's auto-escaping, which is forced on for every template, including
//! templates supplied at run time; Fluent's isolation marks (U+2068/U+2069) become
//! `<bdi>` elements only after escaping.
//!
//! ```
//! use tolk_render::{Format, output_path};
//! assert_eq!(output_path("ar", "help", Format::Html), "ar/help.html");
//! ```
//!
//! [`LocalizedDocument`]: tolk_content::LocalizedDocument

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod html;
mod json;
mod manifest;
mod text;
mod typst;

use std::fmt;
use std::str::FromStr;

pub use crate::html::{Alternate, render_html, render_index_html};
pub use crate::json::{
    SCHEMA_VERSION, document_schema, messages_schema, render_json, render_messages,
};
pub use crate::manifest::{
    Manifest, ManifestDocument, ManifestFile, ManifestLocale, manifest_schema, render_manifest,
};
pub use crate::text::render_text;
pub use crate::typst::{fonts_for, render_typst};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The localized document tree as JSON.
    Json,
    /// A standalone HTML page.
    Html,
    /// PDF-ready plain text.
    Text,
    /// Typst source, ready to compile to PDF.
    Typst,
    /// PDF, compiled from the Typst source (needs the `tolk` binary's `pdf` feature).
    Pdf,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] =
        [Format::Json, Format::Html, Format::Text, Format::Typst, Format::Pdf];

    /// The name used on the command line and in manifests.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Html => "html",
            Format::Text => "text",
            Format::Typst => "typst",
            Format::Pdf => "pdf",
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Html => "html",
            Format::Text => "txt",
            Format::Typst => "typ",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL.into_iter().find(|f| f.as_str() == s).ok_or_else(|| {
            format!("unknown format `{s}` (expected json, html, text, typst or pdf)")
        })
    }
}

/// Where a document's output goes, relative to the output directory:
/// `<locale>/<document>.<extension>`. Locale tags and document ids are validated
/// before they get here (letters, digits and `-` only), so the path stays inside
/// the output directory.
pub fn output_path(locale: &str, document: &str, format: Format) -> String {
    format!("{locale}/{document}.{}", format.extension())
}

/// Options shared by the renderers.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Column width of the text format (East Asian wide characters count as two).
    pub text_width: usize,
    /// Lines per page of the text format: with a value, the text is cut into pages
    /// separated by form feeds, each with the title as header and the hotline as
    /// footer.
    pub page_lines: Option<usize>,
    /// A minijinja template that replaces the built-in HTML page template. It is
    /// rendered with HTML auto-escaping forced on.
    pub html_template: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { text_width: 72, page_lines: None, html_template: None }
    }
}

/// A renderer failure: only a broken user-supplied template can cause one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The HTML template could not be compiled or rendered.
    #[error("HTML template: {0}")]
    Template(String),
}

/// Removes Fluent's isolation marks (U+2068 FSI, U+2069 PDI) for formats that show
/// text as it is, and the bidi controls that Fluent never writes (see
/// [`is_bidi_control`]).
pub(crate) fn strip_isolation(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '\u{2068}' | '\u{2069}') && !is_bidi_control(*c)).collect()
}

/// Bidi embeddings, overrides and directional isolates (U+202A-U+202E, U+2066,
/// U+2067): a translation that writes them could reorder what a reader sees. Fluent
/// itself only writes U+2068/U+2069, so every renderer drops these.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}' | '\u{2067}')
}

#[cfg(test)]
mod tests;
