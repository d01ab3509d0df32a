use base64::Engine;
use minijinja::{AutoEscape, Environment, HtmlEscape, Value};
use serde::Serialize;
use sha2::{Digest, Sha256};
use tolk_content::{LocalizedBlock, LocalizedDocument, TextDirection};

use crate::manifest::Manifest;
use crate::{Error, Format, RenderOptions, output_path, strip_isolation};

const PAGE_TEMPLATE: &str = include_str!("templates/page.html");
const INDEX_TEMPLATE: &str = include_str!("templates/index.html");
const CSS: &str = include_str!("templates/page.css");
const QUICK_EXIT_JS: &str = include_str!("templates/quick-exit.js");

/// Another language version of the same page, for `hreflang` links and the
/// language switcher.
#[derive(Clone, Debug, Serialize)]
pub struct Alternate {
    /// The BCP 47 tag.
    pub locale: String,
    /// The language's name for itself ("Español").
    pub name: String,
    /// Its writing direction, `ltr` or `rtl`.
    pub dir: &'static str,
    /// The link, relative to the page.
    pub href: String,
    /// Whether this is the page being rendered.
    pub current: bool,
}

impl Alternate {
    /// The alternates of document `doc` for `locales` (tag, own name, direction),
    /// as seen from the page of locale `current`.
    pub fn for_document(
        doc: &str,
        current: &str,
        locales: &[(String, String, TextDirection)],
    ) -> Vec<Alternate> {
        locales
            .iter()
            .map(|(tag, name, dir)| Alternate {
                locale: tag.clone(),
                name: name.clone(),
                dir: dir.as_str(),
                href: format!("../{}", output_path(tag, doc, Format::Html)),
                current: tag == current,
            })
            .collect()
    }
}

/// The `sms:` URL that opens a new message to `code` with `keyword` as its body, in
/// the form both Android and iOS accept.
pub(crate) fn sms_href(code: &str, keyword: &str) -> String {
    let body: String = keyword
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("sms:{code}?&body={body}")
}

/// Escapes `s` for HTML, then turns balanced isolation marks into `<bdi>` elements.
/// Unbalanced marks are dropped, so the result is always well-formed.
fn bidi(s: &str) -> Value {
    let cleaned: String = s.chars().filter(|c| !crate::is_bidi_control(*c)).collect();
    let escaped = HtmlEscape(&cleaned).to_string();
    let mut out = String::with_capacity(escaped.len() + 16);
    let mut open = 0usize;
    for c in escaped.chars() {
        match c {
            '\u{2068}' => {
                open += 1;
                out.push_str("<bdi>");
            }
            '\u{2069}' if open > 0 => {
                open -= 1;
                out.push_str("</bdi>");
            }
            '\u{2069}' => {}
            c => out.push(c),
        }
    }
    for _ in 0..open {
        out.push_str("</bdi>");
    }
    Value::from_safe_string(out)
}

fn csp_hash(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // Escape everything, whatever the template's name: translator text is untrusted.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    env.add_filter("bidi", |s: String| bidi(&s));
    env.add_filter("plain", |s: String| strip_isolation(&s));
    env
}

#[derive(Serialize)]
struct Ui {
    skip_link: String,
    language: String,
    contents: String,
    footer: Option<String>,
}

#[derive(Serialize)]
struct QuickExit<'a> {
    label: &'a str,
    hint: Option<&'a str>,
    href: &'a str,
}

#[derive(Serialize)]
struct Section<'a> {
    id: &'a str,
    heading: &'a str,
    blocks: Vec<Block<'a>>,
}

#[derive(Serialize)]
struct Channel<'a> {
    kind: &'static str,
    text: &'a str,
    note: Option<&'a str>,
    href: String,
}

#[derive(Serialize)]
struct Qa<'a> {
    question: &'a str,
    answer: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum Block<'a> {
    Heading { text: &'a str },
    Paragraph { text: &'a str },
    List { ordered: bool, items: &'a [String] },
    Qa { items: Vec<Qa<'a>> },
    Callout { tone: &'static str, title: Option<&'a str>, text: &'a str },
    Link { text: &'a str, href: &'a str },
    Contact { heading: Option<&'a str>, channels: Vec<Channel<'a>> },
    // The quick exit is rendered once, at the top of the page.
    Skip,
}

fn block(b: &LocalizedBlock) -> Block<'_> {
    match b {
        LocalizedBlock::Heading(text) => Block::Heading { text },
        LocalizedBlock::Paragraph(text) => Block::Paragraph { text },
        LocalizedBlock::List { ordered, items } => Block::List { ordered: *ordered, items },
        LocalizedBlock::Qa(items) => Block::Qa {
            items: items.iter().map(|q| Qa { question: &q.question, answer: &q.answer }).collect(),
        },
        LocalizedBlock::Callout { tone, title, text } => {
            Block::Callout { tone: tone.as_str(), title: title.as_deref(), text }
        }
        LocalizedBlock::Link { text, href } => Block::Link { text, href },
        LocalizedBlock::Contact(c) => {
            let mut channels = Vec::new();
            if let Some((text, note, phone)) = &c.call {
                let href = tolk_content::Fact::Phone(phone.clone()).href().unwrap_or_default();
                channels.push(Channel { kind: "call", text, note: note.as_deref(), href });
            }
            if let Some((text, note, code, keyword)) = &c.sms {
                let href = sms_href(code, keyword);
                channels.push(Channel { kind: "sms", text, note: note.as_deref(), href });
            }
            if let Some((text, note, href)) = &c.chat {
                let href = href.clone();
                channels.push(Channel { kind: "chat", text, note: note.as_deref(), href });
            }
            Block::Contact { heading: c.heading.as_deref(), channels }
        }
        _ => Block::Skip,
    }
}

/// A complete, standalone HTML page for one localized document: `lang` and `dir` on
/// `<html>`, `hreflang` alternates and a language switcher built from `alternates`,
/// the quick-exit control at the top, inline CSS, and no script except the quick
/// exit's. A Content-Security-Policy allows exactly that style and script.
pub fn render_html(
    doc: &LocalizedDocument,
    alternates: &[Alternate],
    opts: &RenderOptions,
) -> Result<String, Error> {
    let css = CSS.trim();
    let script = QUICK_EXIT_JS.trim();
    let quick_exit = doc.quick_exit().map(|(label, hint, href)| QuickExit { label, hint, href });
    let script_src = if quick_exit.is_some() { csp_hash(script) } else { "'none'".to_owned() };
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {script_src}; img-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(css)
    );
    let ui_text =
        |key: &str, default: &str| doc.ui.get(key).cloned().unwrap_or_else(|| default.to_owned());
    let ui = Ui {
        skip_link: ui_text("skip-link", "Skip to main content"),
        language: ui_text("language", "Language"),
        contents: ui_text("contents", "On this page"),
        footer: doc.ui.get("footer").cloned(),
    };
    let sections: Vec<Section<'_>> = doc
        .sections
        .iter()
        .map(|s| Section {
            id: &s.id,
            heading: &s.heading,
            blocks: s.blocks.iter().map(block).filter(|b| !matches!(b, Block::Skip)).collect(),
        })
        .collect();
    let ctx = minijinja::context! {
        lang => &doc.locale,
        dir => doc.dir.as_str(),
        title => &doc.title,
        summary => &doc.summary,
        ui => ui,
        quick_exit => quick_exit,
        alternates => alternates,
        sections => sections,
        css => Value::from_safe_string(css.to_owned()),
        script => Value::from_safe_string(script.to_owned()),
        csp => csp,
    };
    let env = environment();
    let source = opts.html_template.as_deref().unwrap_or(PAGE_TEMPLATE);
    let template = env.template_from_str(source).map_err(|e| Error::Template(e.to_string()))?;
    template
        .render(ctx)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Error::Template(e.to_string()))
}

#[derive(Serialize)]
struct IndexDoc {
    href: String,
    title: String,
}

#[derive(Serialize)]
struct IndexLocale<'a> {
    locale: &'a str,
    name: &'a str,
    dir: &'static str,
    documents: Vec<IndexDoc>,
}

/// `index.html`: every locale by its own name, with links to its pages. `titles`
/// gives each page's title as (locale, document id, title).
pub fn render_index_html(manifest: &Manifest, titles: &[(String, String, String)]) -> String {
    let css = CSS.trim();
    let csp = format!(
        "default-src 'none'; style-src {}; script-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(css)
    );
    let locales: Vec<IndexLocale<'_>> = manifest
        .locales
        .iter()
        .filter(|l| l.published)
        .map(|l| IndexLocale {
            locale: &l.locale,
            name: &l.name,
            dir: l.dir.as_str(),
            documents: titles
                .iter()
                .filter(|(loc, _, _)| *loc == l.locale)
                .map(|(loc, doc, title)| IndexDoc {
                    href: output_path(loc, doc, Format::Html),
                    title: title.clone(),
                })
                .collect(),
        })
        .collect();
    let title = manifest
        .documents
        .first()
        .map(|d| strip_isolation(&d.title))
        .unwrap_or_else(|| "tolk".to_owned());
    let ctx = minijinja::context! {
        source_locale => &manifest.source_locale,
        title => title,
        locales => locales,
        css => Value::from_safe_string(css.to_owned()),
        csp => csp,
    };
    let env = environment();
    // The built-in template is known to compile and render.
    let mut out =
        env.template_from_str(INDEX_TEMPLATE).and_then(|t| t.render(ctx)).unwrap_or_default();
    out.push('\n');
    out
}
