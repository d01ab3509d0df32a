//! The fuzz harnesses of tolk and the invariants they check.
//!
//! Each harness takes arbitrary bytes, runs one part of the pipeline on them and
//! panics when an invariant does not hold:
//!
//! - [`check_pair`]: a source and a translation `.ftl` file (the input split at
//!   [`SEPARATOR`]), indexed with [`index_locale`] and checked with
//!   [`check_locale_with`], plus a lock file written and read back.
//! - [`render_translation`]: the input as the only translation file of a locale;
//!   a small page with every block type ([`page`], source locale [`PAGE_SOURCE`])
//!   is localized and rendered as JSON, HTML, text and Typst.
//! - [`parse_content`]: the input as a content document, parsed with
//!   [`parse_document`], checked against the sample's source locale, and, when it
//!   can be read, localized and rendered.
//!
//! Bytes become text the way `tolk` reads a file (see [`read_like_cli`]); bytes that
//! are not UTF-8 go on decoded lossily, so the rest of the pipeline still sees them.
//!
//! The invariants:
//!
//! - nothing panics (and, enforced by libFuzzer's `-timeout`, nothing hangs);
//! - every diagnostic span lies inside the text of the file it names, on char
//!   boundaries ([`check_spans`]), and so do the spans of every indexed entry
//!   ([`check_index_spans`]);
//! - JSON output parses ([`check_json`]);
//! - no output contains a bidi embedding, override or isolate control
//!   ([`check_no_bidi_controls`]): isolation marks become `<bdi>` in HTML and are
//!   dropped elsewhere;
//! - translator text adds no markup to HTML ([`check_html_within`]): the page
//!   rendered from a fuzzed translation has, for every start tag with its set of
//!   attribute names and every end tag, at most as many as the page rendered from the
//!   source locale (text can hide an optional element, never add one), except
//!   `<bdi>` without attributes, which must be balanced; no more comments, the same
//!   doctypes, and only the `href` values the source page has. Tags are read with
//!   html5gum, a WHATWG tokenizer, switching to raw text inside `<title>`, `<style>`
//!   and `<script>` as a browser does;
//! - every link has a relative URL or an http, https, tel, sms or mailto one
//!   ([`check_link_schemes`]).
//!
//! This crate is a workspace member so that `cargo test --workspace` replays the
//! committed corpus (`fuzz/corpus/<target>/`) and every input that once failed
//! (`fuzz/regressions/<target>/`) through [`TARGETS`], the same functions the
//! cargo-fuzz targets in `fuzz/` call. The `fuzz/` package itself stays outside the
//! workspace, so normal builds never compile libFuzzer.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use tolk_content::{Diagnostic, Document, LocalizedDocument, TextDirection, parse_document};
use tolk_fluent::{
    Catalog, CheckOptions, LOCK_VERSION, LocaleIndex, Lock, SourceFile, check_documents,
    check_locale_with, index_locale, load_locale, localize,
};
use tolk_render::{Alternate, RenderOptions, render_html, render_json, render_text, render_typst};

/// A harness: runs one part of the pipeline on arbitrary bytes, panics when an
/// invariant does not hold.
pub type Harness = fn(&[u8]);

/// Every harness by the name of its cargo-fuzz target and corpus directory.
pub const TARGETS: &[(&str, Harness)] = &[
    ("check_pair", check_pair),
    ("render_translation", render_translation),
    ("parse_content", parse_content),
];

/// Separates the source file from the translation in a [`check_pair`] input. An input
/// without it is both the source and the translation.
pub const SEPARATOR: &[u8] = b"\n%%%%\n";

const SOURCE_TAG: &str = "en-US";
const SOURCE_FILES: [(&str, &str); 2] = [
    ("locales/en-US/site.ftl", include_str!("../../../locales/en-US/site.ftl")),
    ("locales/en-US/trafficking.ftl", include_str!("../../../locales/en-US/trafficking.ftl")),
];

/// The page [`render_translation`] localizes (path, text): every block type, the
/// hotline's facts and a fact of every other type, with few and short messages so
/// that a run stays cheap. See [`page`].
pub const PAGE: (&str, &str) = ("content/fuzz-page.toml", include_str!("../page/page.toml"));
/// The source locale (`en-US`) of [`PAGE`] (path, text): every message the page
/// refers to, and no other.
pub const PAGE_SOURCE: (&str, &str) =
    ("locales/en-US/fuzz-page.ftl", include_str!("../page/en-US.ftl"));

/// The locales a fuzzed translation is read as, picked by the input's length: a
/// left-to-right, a right-to-left and a CJK locale, each with its own plural rules.
const LOCALES: [(&str, &str); 3] = [("fr", "Français"), ("ar", "العربية"), ("zh-CN", "简体中文")];

const LINK_SCHEMES: [&str; 5] = ["http", "https", "tel", "sms", "mailto"];

fn locale_for(data: &[u8]) -> (&'static str, &'static str) {
    LOCALES[data.len() % LOCALES.len()]
}

fn fail(harness: &str, what: Result<(), String>) {
    if let Err(e) = what {
        panic!("{harness}: {e}");
    }
}

/// A file's text as `tolk` reads it (`tolk_cli::fsutil::read_text`): valid UTF-8
/// with a leading byte-order mark removed, or `Err` with the offset of the first
/// invalid byte, which `tolk` reports as `unreadable-file`.
pub fn read_like_cli(bytes: &[u8]) -> Result<String, usize> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.valid_up_to())?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

/// The text a harness goes on with: [`read_like_cli`], or for bytes `tolk` would
/// reject, their lossy decoding (invalid sequences become U+FFFD), byte-order mark
/// removed.
pub fn text_of(bytes: &[u8]) -> String {
    read_like_cli(bytes).unwrap_or_else(|_| {
        let text = String::from_utf8_lossy(bytes);
        text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()
    })
}

/// Every diagnostic with a span names a file of `files` (path, text), and the span
/// lies inside that text, on char boundaries.
pub fn check_spans(diags: &[Diagnostic], files: &[(&str, &str)]) -> Result<(), String> {
    for d in diags {
        let Some(span) = &d.span else { continue };
        let Some(file) = d.file.as_deref() else {
            return Err(format!("{} `{}`: span {span:?} without a file", d.code, d.text));
        };
        let Some((_, text)) = files.iter().find(|(path, _)| *path == file) else {
            return Err(format!("{} `{}`: span {span:?} in unknown file `{file}`", d.code, d.text));
        };
        check_range(text, span).map_err(|e| format!("{} `{}` in `{file}`: {e}", d.code, d.text))?;
        // What every report does with a span.
        let _ = tolk_content::line_col(text, span.start);
    }
    Ok(())
}

fn check_range(text: &str, span: &std::ops::Range<usize>) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!("span {span:?} outside 0..{}", text.len()));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("span {span:?} not on char boundaries"));
    }
    Ok(())
}

/// Every span of every entry of `index` (the entry, its attributes, and the
/// variables, references, protected tokens, selects and suspicious characters of
/// its patterns) lies inside the text of the entry's file, on char boundaries.
pub fn check_index_spans(index: &LocaleIndex, files: &[(&str, &str)]) -> Result<(), String> {
    for (id, e) in index.entries() {
        let Some((_, text)) = files.iter().find(|(path, _)| *path == &*e.file) else {
            return Err(format!("entry `{id}` in unknown file `{}`", e.file));
        };
        let at = |what: &str, span: &std::ops::Range<usize>| {
            check_range(text, span).map_err(|err| format!("entry `{id}`, {what}: {err}"))
        };
        at("entry", &e.span)?;
        for (name, span, _) in &e.attributes {
            at(&format!("attribute `{name}`"), span)?;
        }
        for (_, p) in e.patterns() {
            for (name, span) in &p.variables {
                at(&format!("variable `{name}`"), span)?;
            }
            for r in &p.references {
                at(&format!("reference `{}`", r.id), &r.span)?;
            }
            for t in &p.tokens {
                at(&format!("token `{}`", t.text), &t.span)?;
            }
            for s in &p.selects {
                at("select", &s.span)?;
                for (key, span) in &s.duplicate_keys {
                    at(&format!("variant `{key}`"), span)?;
                }
            }
            for (c, span) in &p.suspicious {
                at(&format!("character {c:?}"), span)?;
            }
        }
    }
    Ok(())
}

/// The output parses as JSON.
pub fn check_json(out: &str) -> Result<(), String> {
    serde_json::from_str::<serde_json::Value>(out)
        .map(drop)
        .map_err(|e| format!("JSON output does not parse: {e}"))
}

/// The output has no bidi embedding, override or isolate control (U+202A-U+202E,
/// U+2066-U+2069).
pub fn check_no_bidi_controls(format: &str, out: &str) -> Result<(), String> {
    // A search per control skips through the text with `memchr`, several times
    // faster than decoding every char; `bidi_controls_are_the_fluent_ones` (tests)
    // checks that this is the set `is_bidi_control` accepts.
    let first = BIDI_CONTROLS.iter().filter_map(|c| Some((out.find(*c)?, *c))).min();
    match first {
        Some((at, c)) => Err(format!("{format} output has bidi control {c:?} at byte {at}")),
        None => Ok(()),
    }
}

/// Every char [`tolk_fluent::is_bidi_control`] accepts.
const BIDI_CONTROLS: [char; 9] = [
    '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

/// The markup of an HTML page, as a WHATWG tokenizer reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlShape {
    /// Start tags as `<name attr1 attr2>` (attribute names sorted) and end tags as
    /// `</name>`, with their counts; `<bdi>` without attributes and `</bdi>` are
    /// counted apart.
    pub tags: BTreeMap<String, usize>,
    /// `<bdi>` start tags without attributes.
    pub bdi_open: usize,
    /// `</bdi>` end tags.
    pub bdi_close: usize,
    /// The values of every `href` attribute, character references decoded.
    pub hrefs: BTreeSet<String>,
    /// Comments.
    pub comments: usize,
    /// Doctypes.
    pub doctypes: usize,
}

/// Reads the markup of `html` with html5gum, switching to raw text inside
/// `<title>`, `<style>`, `<script>` and the like as a browser does.
pub fn html_shape(html: &str) -> HtmlShape {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let lossy = |s: &[u8]| String::from_utf8_lossy(s).into_owned();
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut shape = HtmlShape::default();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = lossy(&tag.name);
                if name == "bdi" && tag.attributes.is_empty() {
                    shape.bdi_open += 1;
                    continue;
                }
                let mut key = format!("<{name}");
                for (attr, value) in &tag.attributes {
                    let attr = lossy(attr);
                    if attr == "href" {
                        shape.hrefs.insert(lossy(&value.value));
                    }
                    key.push(' ');
                    key.push_str(&attr);
                }
                key.push('>');
                *shape.tags.entry(key).or_default() += 1;
            }
            Token::EndTag(tag) => {
                let name = lossy(&tag.name);
                if name == "bdi" {
                    shape.bdi_close += 1;
                } else {
                    *shape.tags.entry(format!("</{name}>")).or_default() += 1;
                }
            }
            Token::Comment(_) => shape.comments += 1,
            Token::Doctype(_) => shape.doctypes += 1,
            Token::String(_) | Token::Error(_) => {}
        }
    }
    shape
}

/// `page` has no markup that `reference` (the same document rendered from the
/// source locale) lacks: no tag with a set of attributes more often, `<bdi>`
/// balanced, no more comments, the same doctypes, no other `href` value.
pub fn check_html_within(reference: &HtmlShape, page: &HtmlShape) -> Result<(), String> {
    let mut errors = Vec::new();
    for (tag, n) in &page.tags {
        let allowed = reference.tags.get(tag).copied().unwrap_or(0);
        if *n > allowed {
            errors.push(format!("{tag} {n} times, the template writes it {allowed} times"));
        }
    }
    if page.bdi_open != page.bdi_close {
        errors.push(format!("{} <bdi> but {} </bdi>", page.bdi_open, page.bdi_close));
    }
    if page.comments > reference.comments {
        errors.push(format!(
            "{} comments, the template writes {}",
            page.comments, reference.comments
        ));
    }
    if page.doctypes != reference.doctypes {
        errors.push(format!(
            "{} doctypes, the template writes {}",
            page.doctypes, reference.doctypes
        ));
    }
    for href in page.hrefs.difference(&reference.hrefs) {
        errors.push(format!("href {href:?} that the source page does not have"));
    }
    if errors.is_empty() { Ok(()) } else { Err(format!("HTML markup: {}", errors.join("; "))) }
}

/// Every `href` of `page` is relative or has one of the schemes facts allow (http,
/// https, tel, sms, mailto), read as a browser's URL parser would: ASCII tab and
/// newline removed, leading and trailing control characters and spaces trimmed,
/// case ignored.
pub fn check_link_schemes(page: &HtmlShape) -> Result<(), String> {
    for href in &page.hrefs {
        let cleaned: String = href.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        let cleaned = cleaned.trim_matches(|c: char| c <= ' ').to_ascii_lowercase();
        let scheme_end = cleaned.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
        let Some(end) = scheme_end else { continue };
        let starts_scheme = cleaned.starts_with(|c: char| c.is_ascii_alphabetic());
        if cleaned[end..].starts_with(':') && starts_scheme {
            let scheme = &cleaned[..end];
            if !LINK_SCHEMES.contains(&scheme) {
                return Err(format!("link {href:?} with scheme `{scheme}`"));
            }
        }
    }
    Ok(())
}

fn source_files() -> Vec<SourceFile> {
    SOURCE_FILES.iter().map(|(path, text)| SourceFile::new(*path, *text)).collect()
}

fn source_catalog() -> tolk_fluent::LocaleCatalog {
    load_locale(SOURCE_TAG, source_files()).expect("the source tag is valid").0
}

fn page_source_catalog() -> tolk_fluent::LocaleCatalog {
    let (path, text) = PAGE_SOURCE;
    load_locale(SOURCE_TAG, vec![SourceFile::new(path, text)]).expect("the source tag is valid").0
}

fn source_index() -> &'static LocaleIndex {
    static INDEX: OnceLock<LocaleIndex> = OnceLock::new();
    INDEX.get_or_init(|| index_locale(SOURCE_TAG, &source_files(), false).expect("valid tag").0)
}

/// [`PAGE`], parsed.
pub fn page() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| parse_document(PAGE.0, PAGE.1).value.expect("the page parses"))
}

fn alternates(doc: &LocalizedDocument, tag: &str, name: &str) -> Vec<Alternate> {
    let dir = |t: &str| if t == "ar" { TextDirection::Rtl } else { TextDirection::Ltr };
    let locales = [
        (SOURCE_TAG.to_owned(), "English".to_owned(), TextDirection::Ltr),
        (tag.to_owned(), name.to_owned(), dir(tag)),
    ];
    Alternate::for_document(&doc.id, &doc.locale, &locales)
}

/// The markup of [`page`] rendered from its source locale, with `tag` among its
/// alternates: what every fuzzed translation in `tag` is compared with.
fn reference_shape(tag: &str) -> &'static HtmlShape {
    static SHAPES: OnceLock<BTreeMap<&'static str, HtmlShape>> = OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        let catalog = Catalog::new(SOURCE_TAG, vec![page_source_catalog()], &BTreeMap::new())
            .expect("the source catalog is valid");
        let (doc, _) = localize(page(), &catalog, SOURCE_TAG, "English").expect("localizes");
        LOCALES
            .iter()
            .map(|(t, name)| {
                let html = render_html(&doc, &alternates(&doc, t, name), &RenderOptions::default())
                    .expect("the built-in template renders");
                (*t, html_shape(&html))
            })
            .collect()
    });
    &shapes[tag]
}

/// Renders `doc` in every format and checks what holds for any document: JSON
/// parses, no bidi controls anywhere, links with allowed schemes only, `<bdi>`
/// balanced. Returns the HTML page's shape.
fn render_all(
    harness: &str,
    doc: &LocalizedDocument,
    alternates: &[Alternate],
    paginate: bool,
) -> HtmlShape {
    let json = render_json(doc);
    fail(harness, check_json(&json));
    fail(harness, check_no_bidi_controls("JSON", &json));
    let html = render_html(doc, alternates, &RenderOptions::default())
        .expect("the built-in template renders");
    fail(harness, check_no_bidi_controls("HTML", &html));
    let shape = html_shape(&html);
    fail(harness, check_link_schemes(&shape));
    if shape.bdi_open != shape.bdi_close {
        panic!("{harness}: {} <bdi> but {} </bdi>", shape.bdi_open, shape.bdi_close);
    }
    // Paginated and narrow for odd inputs, the defaults for even ones.
    let opts = match paginate {
        true => RenderOptions { text_width: 24, page_lines: Some(12), html_template: None },
        false => RenderOptions::default(),
    };
    fail(harness, check_no_bidi_controls("text", &render_text(doc, &opts)));
    fail(harness, check_no_bidi_controls("Typst", &render_typst(doc)));
    shape
}

/// Fuzz target `check_pair`: the input is a source file and a translation, split at
/// [`SEPARATOR`]. Both are indexed (with hashes, as for a lock file) and the
/// translation, in the locale picked by the input's length, is checked against the
/// source; so is the source itself. A lock file recorded from the pair must read
/// back unchanged.
pub fn check_pair(data: &[u8]) {
    const H: &str = "check_pair";
    let (src, tr) = match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(i) => (&data[..i], &data[i + SEPARATOR.len()..]),
        None => (data, data),
    };
    let (tag, _) = locale_for(data);
    let src_path = "locales/en-US/fuzz.ftl";
    let tr_path = format!("locales/{tag}/fuzz.ftl");
    let (src_text, tr_text) = (text_of(src), text_of(tr));
    let files = [(src_path, src_text.as_str()), (tr_path.as_str(), tr_text.as_str())];

    let (source, mut diags) =
        index_locale(SOURCE_TAG, &[SourceFile::new(src_path, src_text.as_str())], true)
            .expect("the source tag is valid");
    let (target, more) = index_locale(tag, &[SourceFile::new(&tr_path, tr_text.as_str())], true)
        .expect("the locale tag is valid");
    diags.extend(more);
    fail(H, check_index_spans(&source, &files));
    fail(H, check_index_spans(&target, &files));

    let mut lock = Lock { version: LOCK_VERSION, ..Lock::default() };
    lock.update(&source, &target, &BTreeSet::new());
    let written = lock.to_toml();
    match Lock::parse(&written) {
        Ok(read) if read == lock => {}
        Ok(read) => panic!("{H}: the lock reads back as {read:?}, not {lock:?}:\n{written}"),
        Err(e) => panic!("{H}: the written lock does not read back: {e}\n{written}"),
    }

    let opts = CheckOptions { locked: lock.locale(tag), ..CheckOptions::default() };
    let report = check_locale_with(&source, &target, &opts);
    let c = report.coverage;
    if c.messages_translated > c.messages_total || c.words_translated > c.words_total {
        panic!("{H}: coverage above 100 %: {c:?}");
    }
    diags.extend(report.diagnostics);
    diags.extend(check_locale_with(&source, &source, &CheckOptions::default()).diagnostics);
    fail(H, check_spans(&diags, &files));
}

/// Fuzz target `render_translation`: the input is the only file of a translation
/// (in the locale picked by its length) of [`page`], whose source locale is
/// [`PAGE_SOURCE`]. The localized document is rendered in every format; the HTML
/// page may not have markup the source page lacks.
pub fn render_translation(data: &[u8]) {
    const H: &str = "render_translation";
    let (tag, name) = locale_for(data);
    let path = format!("locales/{tag}/fuzz.ftl");
    let text = text_of(data);
    let (target, mut diags) =
        load_locale(tag, vec![SourceFile::new(&path, text.as_str())]).expect("valid tag");
    let catalog = Catalog::new(SOURCE_TAG, vec![page_source_catalog(), target], &BTreeMap::new())
        .expect("the catalog is valid");
    let (doc, more) = localize(page(), &catalog, tag, name).expect("the locale is known");
    diags.extend(more);
    let files = [(path.as_str(), text.as_str()), PAGE_SOURCE];
    fail(H, check_spans(&diags, &files));
    let shape = render_all(H, &doc, &alternates(&doc, tag, name), data.len() % 2 == 1);
    fail(H, check_html_within(reference_shape(tag), &shape));
}

/// Fuzz target `parse_content`: the input is a content document. It is parsed and
/// checked against the sample's source locale; when it can be read, it is localized
/// in that locale and rendered in every format.
pub fn parse_content(data: &[u8]) {
    const H: &str = "parse_content";
    let path = "content/fuzz.toml";
    let text = text_of(data);
    let parsed = parse_document(path, &text);
    let mut diags = parsed.diagnostics;
    let mut files = vec![(path, text.as_str())];
    files.extend(SOURCE_FILES);
    if let Some(doc) = parsed.value {
        diags.extend(check_documents(&[(path, &doc)], source_index()));
        let catalog = Catalog::new(SOURCE_TAG, vec![source_catalog()], &BTreeMap::new())
            .expect("the source catalog is valid");
        let (localized, more) = localize(&doc, &catalog, SOURCE_TAG, "English").expect("known");
        diags.extend(more);
        let locales = [(SOURCE_TAG.to_owned(), "English".to_owned(), TextDirection::Ltr)];
        let alternates = Alternate::for_document(&doc.id, SOURCE_TAG, &locales);
        render_all(H, &localized, &alternates, data.len() % 2 == 1);
    }
    fail(H, check_spans(&diags, &files));
}
