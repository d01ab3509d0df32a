//! The synthetic plain locale tree of `cargo xtask bench`.
//!
//! `en-US` plus `locales - 1` real BCP 47 tags, `files` files per locale, `messages`
//! messages per file: plain text, variables, attributes, a plural select about every
//! tenth message, a few terms, message and term references, resource, group and
//! message comments. Translations are written in the locale's script, with plural
//! variants for the locale's categories (for the common languages), and per locale
//! about 3 % of the messages missing, 1 % obsolete, 0.5 % with a renamed variable and
//! 0.1 % broken (syntax errors).
//!
//! Deterministic: one xorshift generator per (locale, file) from a fixed seed, so a
//! locale's files are the same whatever the number of locales, and subset trees are
//! hard links to the full tree's files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::rng::Rng;

/// Bump when the generated text changes: the cache key includes it.
const GENERATOR_VERSION: u32 = 2;
const SEED: u64 = 0x746f_6c6b_2d62_656e; // "tolk-ben"

/// The source locale, then 99 other real tags (language, or language-region).
pub(crate) const LOCALES: &[&str] = &[
    "en-US", "fr", "de", "es", "pt-BR", "it", "nl", "pl", "ru", "uk", "cs", "sk", "sl", "hr", "sr",
    "bg", "ro", "hu", "el", "tr", "ar", "he", "fa", "ur", "hi", "bn", "pa-IN", "gu-IN", "mr", "ta",
    "te", "kn", "ml", "si", "th", "lo", "km", "my", "vi", "id", "ms", "tl", "zh-CN", "zh-TW", "ja",
    "ko", "mn", "kk", "uz", "az", "ka", "hy", "be", "lt", "lv", "et", "fi", "sv-SE", "nb-NO",
    "nn-NO", "da", "is", "ga-IE", "gd", "cy", "br", "eu", "ca", "gl", "an", "ast", "oc", "co",
    "fy-NL", "lb", "rm", "sq", "mk", "bs", "mt", "sw", "am", "ha", "yo", "ig", "zu", "xh", "af",
    "so", "ne-NP", "ps", "ckb", "kab", "ff", "wo", "ach", "lij", "es-AR", "es-MX", "pt-PT",
    "en-GB", "fr-CA",
];

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub(crate) locales: usize,
    pub(crate) files: usize,
    pub(crate) messages: usize,
}

/// The cached full tree for `p` under `target/bench-corpus/`, generated if needed.
pub(crate) fn ensure(root: &Path, p: Params) -> Result<PathBuf, String> {
    if p.locales < 2 || p.locales > LOCALES.len() {
        return Err(format!("--locales must be between 2 and {}", LOCALES.len()));
    }
    if p.files == 0 || p.messages == 0 {
        return Err("--files and --messages must be at least 1".into());
    }
    let base = root.join("target/bench-corpus");
    let key = format!("l{}-f{}-m{}-v{GENERATOR_VERSION}", p.locales, p.files, p.messages);
    let dir = base.join(&key);
    if dir.join(".complete").exists() {
        return Ok(dir);
    }
    eprintln!("==> generating {}", dir.display());
    let partial = base.join(format!("{key}.partial"));
    let _ = std::fs::remove_dir_all(&partial);
    let _ = std::fs::remove_dir_all(&dir);
    let plans: Vec<Vec<Msg>> = (0..p.files).map(|f| plan_file(f, p.messages)).collect();
    (0..p.locales)
        .into_par_iter()
        .flat_map(|l| (0..p.files).into_par_iter().map(move |f| (l, f)))
        .try_for_each(|(l, f)| {
            let text = if l == 0 {
                render_source(f, &plans[f])
            } else {
                render_translation(l, f, &plans[f])
            };
            let path = partial.join(LOCALES[l]).join(file_name(f));
            std::fs::create_dir_all(path.parent().unwrap())
                .and_then(|()| std::fs::write(&path, text))
                .map_err(|e| format!("{}: {e}", path.display()))
        })?;
    std::fs::write(partial.join(".complete"), "").map_err(|e| e.to_string())?;
    std::fs::rename(&partial, &dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// A tree of the first `n` locales of `full` (en-US included), as hard links.
pub(crate) fn subset(full: &Path, n: usize) -> Result<PathBuf, String> {
    let name = full.file_name().unwrap().to_string_lossy();
    let dir = full.with_file_name(format!("{name}-subset{n}"));
    if dir.join(".complete").exists() {
        return Ok(dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    for locale in &LOCALES[..n] {
        link_tree(&full.join(locale), &dir.join(locale))?;
    }
    std::fs::write(dir.join(".complete"), "").map_err(|e| e.to_string())?;
    Ok(dir)
}

fn link_tree(from: &Path, to: &Path) -> Result<(), String> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(to).map_err(|e| err(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| err(from, e))? {
        let entry = entry.map_err(|e| err(from, e))?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| err(&entry.path(), e))?.is_dir() {
            link_tree(&entry.path(), &target)?;
        } else if std::fs::hard_link(entry.path(), &target).is_err() {
            std::fs::copy(entry.path(), &target).map_err(|e| err(&target, e))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------
// The plan of a file (shared by every locale).
// ---------------------------------------------------------------------------------

const AREAS: &[&str] =
    &["browser", "settings", "toolkit", "devtools", "mail", "calendar", "accounts", "sync"];

const WORDS: &[&str] = &[
    "open",
    "close",
    "save",
    "delete",
    "window",
    "tab",
    "page",
    "file",
    "folder",
    "download",
    "upload",
    "search",
    "settings",
    "privacy",
    "security",
    "password",
    "account",
    "sign",
    "in",
    "out",
    "your",
    "the",
    "a",
    "new",
    "old",
    "all",
    "more",
    "less",
    "show",
    "hide",
    "history",
    "bookmark",
    "bookmarks",
    "library",
    "extension",
    "theme",
    "language",
    "default",
    "browser",
    "connection",
    "network",
    "server",
    "error",
    "warning",
    "message",
    "send",
    "receive",
    "inbox",
    "draft",
    "event",
    "calendar",
    "reminder",
    "today",
    "tomorrow",
    "week",
    "month",
    "year",
    "time",
    "date",
    "profile",
    "sync",
    "device",
    "devices",
    "data",
    "storage",
    "cache",
    "cookies",
    "site",
    "sites",
    "permission",
    "allow",
    "block",
    "always",
    "never",
    "ask",
    "before",
    "after",
    "when",
    "is",
    "are",
    "was",
    "will",
    "be",
    "can",
    "not",
    "could",
    "should",
    "this",
    "that",
    "with",
    "from",
    "to",
    "of",
    "for",
    "on",
    "by",
    "and",
    "or",
    "if",
    "try",
    "again",
    "later",
    "now",
    "learn",
    "about",
    "help",
    "support",
    "report",
    "problem",
    "update",
    "version",
    "install",
    "restart",
    "continue",
    "cancel",
    "done",
    "next",
    "back",
    "copy",
    "paste",
    "cut",
    "select",
    "edit",
    "view",
    "zoom",
    "print",
    "preview",
    "reader",
    "mode",
    "picture",
    "video",
    "audio",
    "microphone",
    "camera",
    "location",
    "notification",
    "notifications",
    "import",
    "export",
    "clear",
    "recent",
    "private",
    "secure",
    "certificate",
    "address",
    "bar",
    "menu",
    "toolbar",
];

const VARIABLES: &[&str] =
    &["user-name", "host", "url", "file-name", "size", "version", "date", "name"];

enum Kind {
    /// `-name = ...` (terms are never dropped, broken or made obsolete).
    Term,
    Plain,
    /// A plural select on `$count`.
    Plural,
}

struct Msg {
    id: String,
    kind: Kind,
    words: usize,
    var: Option<&'static str>,
    term_ref: bool,
    /// An earlier message of the file this one references.
    msg_ref: Option<usize>,
    attrs: Vec<(&'static str, usize)>,
    comment: Option<usize>,
    group_comment: Option<usize>,
}

fn file_name(f: usize) -> String {
    let mut rng = Rng::new(SEED, &[0xf11e, f as u64]);
    format!("{}/{}-{f}.ftl", AREAS[f % AREAS.len()], rng.pick(WORDS))
}

fn plan_file(f: usize, messages: usize) -> Vec<Msg> {
    let mut rng = Rng::new(SEED, &[0x9a1, f as u64]);
    let mut out = Vec::new();
    if f == 0 {
        for id in ["-brand-name", "-brand-short-name", "-vendor-short-name"] {
            out.push(Msg::term(id, 2));
        }
    } else if f % 25 == 0 {
        out.push(Msg::term(&format!("-{}-product-{f}", AREAS[f % AREAS.len()]), 3));
    }
    // Ids start with the file's word and number: unique in the locale.
    let topic = file_name(f).rsplit('/').next().unwrap().trim_end_matches(".ftl").to_string();
    for i in 0..messages {
        let id = format!("{topic}-{}-{}-{i}", rng.pick(WORDS), rng.pick(WORDS));
        let kind = if i % 10 == 3 { Kind::Plural } else { Kind::Plain };
        let mut attrs = Vec::new();
        if i % 7 == 0 {
            attrs.push(("title", rng.range(2, 8)));
            if rng.per_mille(500) {
                attrs.push(("accesskey", 0));
            }
        }
        let var = (rng.per_mille(300)).then(|| rng.pick(VARIABLES));
        let msg_ref =
            (i > 0 && rng.per_mille(20)).then(|| out.len() - 1 - rng.below(out.len().min(3)));
        let msg_ref =
            msg_ref.filter(|&r| matches!(out[r].kind, Kind::Plain) && out[r].msg_ref.is_none());
        out.push(Msg {
            id,
            kind,
            words: rng.range(2, 14),
            var,
            term_ref: rng.per_mille(100),
            msg_ref,
            attrs,
            comment: rng.per_mille(200).then(|| rng.range(4, 12)),
            group_comment: (i % 15 == 0).then(|| rng.range(1, 3)),
        });
    }
    out
}

impl Msg {
    fn term(id: &str, words: usize) -> Msg {
        Msg {
            id: id.to_string(),
            kind: Kind::Term,
            words,
            var: None,
            term_ref: false,
            msg_ref: None,
            attrs: Vec::new(),
            comment: None,
            group_comment: None,
        }
    }
}

// ---------------------------------------------------------------------------------
// Rendering.
// ---------------------------------------------------------------------------------

/// Writes a file; `words(n)` gives n words of text (English for the source, made-up
/// words in the locale's script for translations).
struct Writer<'a> {
    out: String,
    words: &'a mut dyn FnMut(usize) -> String,
}

impl Writer<'_> {
    fn text(&mut self, n: usize) -> String {
        (self.words)(n)
    }

    /// `words` words with `{ $var }`, `{ -brand-short-name }` and a message reference
    /// spliced in.
    fn pattern(&mut self, m: &Msg, plan: &[Msg], var: Option<&str>) -> String {
        let mut parts: Vec<String> = self.text(m.words).split(' ').map(str::to_string).collect();
        let n = parts.len();
        if let Some(var) = var {
            parts.insert(n / 2, format!("{{ ${var} }}"));
        }
        if m.term_ref {
            parts.insert(1.min(parts.len()), "{ -brand-short-name }".into());
        }
        if let Some(r) = m.msg_ref {
            parts.push(format!("{{ {} }}", plan[r].id));
        }
        parts.join(" ")
    }

    /// Writes a message; returns the offset of the end of its first line (`id = ...`).
    fn message(&mut self, m: &Msg, plan: &[Msg], var: Option<&str>, categories: &[&str]) -> usize {
        if let Some(n) = m.group_comment {
            let t = self.text(n);
            let _ = write!(self.out, "\n## {t}\n\n");
        }
        if let Some(n) = m.comment {
            let t = self.text(n);
            let _ = writeln!(self.out, "# {t}");
        }
        let first_line_end;
        match m.kind {
            Kind::Term | Kind::Plain => {
                let p = self.pattern(m, plan, var);
                let _ = write!(self.out, "{} = {p}", m.id);
                first_line_end = self.out.len();
                self.out.push('\n');
            }
            Kind::Plural => {
                let _ = write!(self.out, "{} = {{ $count ->", m.id);
                first_line_end = self.out.len();
                self.out.push('\n');
                for (k, cat) in categories.iter().enumerate() {
                    let star = if k + 1 == categories.len() { "*" } else { " " };
                    let t = self.pattern(m, plan, var);
                    let count = if *cat == "one" { String::new() } else { "{ $count } ".into() };
                    let _ = writeln!(self.out, "   {star}[{cat}] {count}{t}");
                }
                self.out.push_str("}\n");
            }
        }
        for &(attr, n) in &m.attrs {
            let t = if attr == "accesskey" {
                self.text(1).chars().next().unwrap_or('x').to_string()
            } else {
                self.text(n)
            };
            let _ = writeln!(self.out, "    .{attr} = {t}");
        }
        first_line_end
    }
}

fn header(out: &mut String, f: usize) {
    let _ = write!(
        out,
        "# This Source Code Form is subject to the terms of the Mozilla Public\n\
         # License, v. 2.0. If a copy of the MPL was not distributed with this\n\
         # file, You can obtain one at http://mozilla.org/MPL/2.0/.\n\n\
         ### Strings of {} (generated by cargo xtask bench).\n\n",
        file_name(f)
    );
}

fn render_source(f: usize, plan: &[Msg]) -> String {
    let mut rng = Rng::new(SEED, &[0, f as u64, 1]);
    let mut words = |n: usize| {
        let mut s = String::new();
        for k in 0..n.max(1) {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(rng.pick(WORDS));
        }
        s
    };
    let mut w = Writer { out: String::new(), words: &mut words };
    header(&mut w.out, f);
    for m in plan {
        w.message(m, plan, m.var, &["one", "other"]);
    }
    w.out
}

fn render_translation(l: usize, f: usize, plan: &[Msg]) -> String {
    let locale = LOCALES[l];
    let lang = locale.split('-').next().unwrap();
    let alphabet = alphabet(lang);
    let categories = plural_categories(lang);
    let mut text_rng = Rng::new(SEED, &[l as u64, f as u64, 1]);
    let mut words = |n: usize| {
        let mut s = String::new();
        for k in 0..n.max(1) {
            if k > 0 {
                s.push(' ');
            }
            let len = text_rng.range(2, 8);
            for _ in 0..len {
                s.push(alphabet.char(&mut text_rng));
            }
        }
        s
    };
    let mut w = Writer { out: String::new(), words: &mut words };
    header(&mut w.out, f);
    let mut edits = Rng::new(SEED, &[l as u64, f as u64, 2]);
    for m in plan {
        let roll = edits.below(1000);
        let is_term = matches!(m.kind, Kind::Term);
        if roll < 30 && !is_term {
            continue; // missing
        }
        let var = match (m.var, roll) {
            (Some(v), 30..35) => Some(format!("{v}-old")), // renamed variable
            (v, _) => v.map(str::to_string),
        };
        let line_end = w.message(m, plan, var.as_deref(), categories);
        if (35..36).contains(&roll) && !is_term {
            // broken: an unbalanced `}` or a placeable left open, on the first line
            let broken = if edits.per_mille(500) { " } " } else { " { $" };
            w.out.insert_str(line_end, broken);
        }
        if edits.per_mille(10) && !is_term {
            let t = w.text(m.words.min(6));
            let _ = writeln!(w.out, "{}-legacy = {t}", m.id);
        }
    }
    w.out
}

/// Letters to make words from.
enum Alphabet {
    Chars(Vec<char>),
    Hangul,
}

impl Alphabet {
    fn char(&self, rng: &mut Rng) -> char {
        match self {
            Alphabet::Chars(chars) => chars[rng.below(chars.len())],
            Alphabet::Hangul => char::from_u32(0xac00 + rng.below(11172) as u32).unwrap(),
        }
    }
}

fn alphabet(lang: &str) -> Alphabet {
    let chars = match lang {
        "ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" | "mn" => {
            "абвгдежзийклмнопрстуфхцчшщыэюяабвгдеиклмнопрст"
        }
        "ar" | "fa" | "ur" | "ps" | "ckb" => "ابتثجحخدذرزسشصضطظعغفقكلمنهويالمنوي",
        "he" => "אבגדהוזחטיכלמנסעפצקרשת",
        "hi" | "mr" | "ne" => "अआइईउएओकखगचजटडतथदनपबमयरलवशसह",
        "bn" => "অআইউএওকখগচজটডতদনপবমযরলশসহ",
        "ta" => "அஆஇஈஉஎஏஐஒகஙசஞடணதநபமயரலவழளறன",
        "te" | "kn" | "ml" | "si" | "pa" | "gu" => "అఆఇఈఉఎఏఒకగచజటడతదనపబమయరలవసహ",
        "th" | "lo" => "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาิีึืุูเแโใไ",
        "km" | "my" => "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ",
        "zh" => {
            "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手"
        }
        "ja" => {
            "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん設定表示保存削除"
        }
        "ka" => "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
        "hy" => "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
        "el" => "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
        "am" => "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ",
        "ko" => return Alphabet::Hangul,
        _ => "abcdefghijklmnoprstuvzaeioueaioáéíóúñçãõâêôàèäöüåøæłśżšžčř",
    };
    Alphabet::Chars(chars.chars().collect())
}

/// The plural categories a translation's selects use (CLDR, for the languages where
/// they are not `one`/`other`; others get `one`/`other`, as many real trees do).
fn plural_categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "ja" | "zh" | "ko" | "th" | "lo" | "km" | "my" | "vi" | "id" | "ms" | "yo" | "ig"
        | "wo" => &["other"],
        "pl" | "ru" | "uk" | "be" | "lt" | "cs" | "sk" => &["one", "few", "many", "other"],
        "hr" | "sr" | "bs" | "ro" => &["one", "few", "other"],
        "sl" | "gd" => &["one", "two", "few", "other"],
        "ar" | "cy" => &["zero", "one", "two", "few", "many", "other"],
        "he" => &["one", "two", "other"],
        "ga" | "mt" => &["one", "two", "few", "many", "other"],
        "lv" => &["zero", "one", "other"],
        "fr" | "es" | "it" | "pt" | "ca" => &["one", "many", "other"],
        _ => &["one", "other"],
    }
}
