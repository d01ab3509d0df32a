use serde::Serialize;
use tolk_content::TextDirection;

use crate::json::SCHEMA_VERSION;

/// What a build produced, for `index.json` and `index.html`.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// The source locale's tag.
    pub source_locale: String,
    /// The built locales, sorted by tag.
    pub locales: Vec<ManifestLocale>,
    /// The documents, sorted by id.
    pub documents: Vec<ManifestDocument>,
}

/// One locale of a build.
#[derive(Clone, Debug)]
pub struct ManifestLocale {
    /// The BCP 47 tag.
    pub locale: String,
    /// The language's own name for itself.
    pub name: String,
    /// Writing direction.
    pub dir: TextDirection,
    /// Messages translated / total, 0.0 to 1.0.
    pub coverage: f64,
    /// Messages in the source locale.
    pub messages_total: usize,
    /// Messages this locale translates.
    pub messages_translated: usize,
    /// Words of source text.
    pub words_total: usize,
    /// Source words this locale translates.
    pub words_translated: usize,
    /// The fallback chain, the locale first.
    pub fallback_chain: Vec<String>,
    /// Output files of this locale, relative to the output directory, sorted.
    pub files: Vec<String>,
}

/// One document of a build.
#[derive(Clone, Debug)]
pub struct ManifestDocument {
    /// The document id.
    pub id: String,
    /// Its title in the source locale.
    pub title: String,
}

#[derive(Serialize)]
struct JsonManifest<'a> {
    schema_version: u32,
    source_locale: &'a str,
    documents: Vec<JsonDoc<'a>>,
    locales: Vec<JsonLocale<'a>>,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    title: String,
}

#[derive(Serialize)]
struct JsonLocale<'a> {
    locale: &'a str,
    name: &'a str,
    dir: &'static str,
    coverage: f64,
    messages_total: usize,
    messages_translated: usize,
    words_total: usize,
    words_translated: usize,
    fallback_chain: &'a [String],
    files: &'a [String],
}

/// `index.json`: the locales with coverage, fallback chains and files, and the
/// documents. Coverage is rounded to four decimals so the file is stable.
pub fn render_manifest(m: &Manifest) -> String {
    let json = JsonManifest {
        schema_version: SCHEMA_VERSION,
        source_locale: &m.source_locale,
        documents: m
            .documents
            .iter()
            .map(|d| JsonDoc { id: &d.id, title: crate::strip_isolation(&d.title) })
            .collect(),
        locales: m
            .locales
            .iter()
            .map(|l| JsonLocale {
                locale: &l.locale,
                name: &l.name,
                dir: l.dir.as_str(),
                coverage: (l.coverage * 10_000.0).round() / 10_000.0,
                messages_total: l.messages_total,
                messages_translated: l.messages_translated,
                words_total: l.words_total,
                words_translated: l.words_translated,
                fallback_chain: &l.fallback_chain,
                files: &l.files,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&json).unwrap_or_default();
    out.push('\n');
    out
}
