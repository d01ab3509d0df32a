//! Loading a project: `tolk.toml`, the content documents and the locale
//! directories. [`Meta`] is everything but the translations, which `tolk check`
//! and `tolk build` then stream locale by locale; [`load`] also parses every
//! locale into Fluent bundles at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;
use tolk_content::{Code, Diagnostic, Document, parse_document};
use tolk_fluent::{
    Catalog, LocaleCatalog, Lock, SourceFile, fallback_chain, load_locale, parse_locale,
};

use crate::config::{Config, LocaleConfig};
use crate::fsutil::{display_path, read_listed_file, read_text, read_text_up_to};

/// The lock file's name, in the project directory.
pub const LOCK_FILE: &str = "tolk.lock";

/// The largest `tolk.lock` read: it holds every locale's hashes and the source
/// texts, so it may grow far beyond a translation file.
const MAX_LOCK_BYTES: u64 = 512 * 1024 * 1024;

/// The deepest nesting of placeables and call arguments a `.ftl` file may have.
/// Fluent's parser (and its serializer and resolver) recurse once or more per
/// level, so a file nested thousands deep would overflow the stack; translations
/// nest a few levels (a select inside a placeable inside a variant), and 100 levels
/// parse well within the smallest thread stack tolk runs on (2 MiB).
pub const MAX_FTL_NESTING: usize = 100;

/// A project without its translations loaded.
pub struct Meta {
    /// The project directory.
    pub root: PathBuf,
    /// Whether the project has a `tolk.toml` (otherwise it is a plain locale tree).
    pub has_config: bool,
    /// The configuration (defaults for a plain tree).
    pub config: Config,
    /// The canonical tag of the source locale.
    pub source: String,
    /// The documents with their file paths, sorted by id.
    pub documents: Vec<(String, Document)>,
    /// Every locale: canonical tag and directory, sorted by tag.
    pub locales: Vec<(String, PathBuf)>,
    /// The text of files read so far, by displayed path, for source excerpts.
    pub sources: BTreeMap<String, String>,
    /// Problems found while loading.
    pub diagnostics: Vec<Diagnostic>,
    /// `tolk.lock`, when the project has one.
    pub lock: Option<Lock>,
}

impl Meta {
    /// The name a locale gives its own language (from `tolk.toml`, else its tag).
    pub fn language_name(&self, tag: &str) -> String {
        self.config.locale(tag).name.unwrap_or_else(|| tag.to_owned())
    }

    /// Configured fallback chains by canonical tag.
    pub fn explicit_chains(&self) -> BTreeMap<String, Vec<String>> {
        self.config
            .locales
            .iter()
            .filter_map(|(tag, lc)| {
                let canonical = parse_locale(tag).ok()?.to_string();
                lc.fallback.clone().map(|f| (canonical, f))
            })
            .collect()
    }

    /// Every locale's fallback chain by tag: itself, its parents or its configured
    /// chain, then the source locale (see [`tolk_fluent::fallback_chain`]).
    pub fn fallback_chains(&self) -> anyhow::Result<BTreeMap<String, Vec<String>>> {
        let available: Vec<_> =
            self.locales.iter().filter_map(|(t, _)| parse_locale(t).ok()).collect();
        let explicit = self.explicit_chains();
        let source = parse_locale(&self.source)?;
        let mut chains = BTreeMap::new();
        for (tag, _) in &self.locales {
            let id = parse_locale(tag)?;
            let explicit: Option<Vec<_>> = match explicit.get(tag) {
                Some(list) => Some(list.iter().map(|t| parse_locale(t)).collect::<Result<_, _>>()?),
                None => None,
            };
            let chain = fallback_chain(&id, &available, &source, explicit.as_deref());
            chains.insert(tag.clone(), chain.iter().map(ToString::to_string).collect());
        }
        Ok(chains)
    }

    /// The directory of a locale.
    pub fn locale_dir(&self, tag: &str) -> Option<&Path> {
        self.locales.iter().find(|(t, _)| t == tag).map(|(_, d)| d.as_path())
    }

    /// Reads one locale's `.ftl` files, sorted by path. Unreadable files, and files
    /// nested deeper than [`MAX_FTL_NESTING`] (which are not parsed), become
    /// diagnostics.
    pub fn read_locale(
        &self,
        tag: &str,
        dir: &Path,
    ) -> anyhow::Result<(Vec<SourceFile>, Vec<Diagnostic>)> {
        // Files are read in parallel and kept in path order.
        let read: Vec<Result<SourceFile, Box<Diagnostic>>> = listed_files(dir, "ftl")?
            .par_iter()
            .map(|(path, regular)| {
                let shown = display_path(&self.root, path);
                let text = read_listed_file(path, &shown, *regular)
                    .map_err(|d| Box::new(d.in_locale(tag)))?;
                match too_deep(&text) {
                    None => Ok(SourceFile::new(shown, text)),
                    Some(at) => Err(Box::new(Diagnostic::new(Code::SyntaxError, {
                        // The file's text is not kept for excerpts: the
                        // position goes into the message.
                        let (line, col) = tolk_content::line_col(&text, at);
                        format!(
                            "placeables and calls nested deeper than {MAX_FTL_NESTING} levels in `{shown}` (line {line}, column {col}); the file is not parsed"
                        )
                    })
                    .at(&shown, at..at + 1)
                    .in_locale(tag)
                    .with_note(
                        "Fluent's parser recurses once per level; a `{` or `(` that is never closed counts as open to the end of the file",
                    ))),
                }
            })
            .collect();
        let mut files = Vec::with_capacity(read.len());
        let mut diags = Vec::new();
        for r in read {
            match r {
                Ok(file) => files.push(file),
                Err(d) => diags.push(*d),
            }
        }
        Ok((files, diags))
    }
}

/// A loaded project with every locale parsed into a Fluent catalog.
pub struct Project {
    /// Everything but the translations.
    pub meta: Meta,
    /// Every locale.
    pub catalog: Catalog,
}

impl std::ops::Deref for Project {
    type Target = Meta;

    fn deref(&self) -> &Meta {
        &self.meta
    }
}

/// Loads the project at `root` without its translations. Operational problems (no
/// such directory, a broken `tolk.toml` or `tolk.lock`, no source locale) are
/// errors; problems inside content files are diagnostics.
pub fn load_meta(root: &Path, source_locale: &str) -> anyhow::Result<Meta> {
    if !root.is_dir() {
        bail!("{} is not a directory", root.display());
    }
    let config_path = root.join("tolk.toml");
    let has_config = config_path.is_file();
    let mut config = if has_config {
        let text = read_text(&config_path, "tolk.toml").map_err(|d| anyhow::anyhow!(d.text))?;
        Config::parse("tolk.toml", &text).map_err(|e| anyhow::anyhow!(e))?
    } else {
        Config::plain(source_locale)
    };
    let source = parse_locale(&config.source_locale)
        .with_context(|| {
            let from = if has_config { "tolk.toml: source-locale" } else { "--source-locale" };
            format!("{from} `{}`", config.source_locale)
        })?
        .to_string();
    config.locales = canonical_locale_settings(std::mem::take(&mut config.locales))?;
    let mut diagnostics = Vec::new();
    let mut sources = BTreeMap::new();

    // Content documents.
    let mut documents = Vec::new();
    if has_config {
        let dir = root.join(&config.content_dir);
        if dir.is_dir() {
            for path in files_with_extension(&dir, "toml")? {
                let shown = display_path(root, &path);
                match read_text(&path, &shown) {
                    Ok(text) => {
                        let parsed = parse_document(&shown, &text);
                        diagnostics.extend(parsed.diagnostics);
                        if let Some(doc) = parsed.value {
                            documents.push((shown.clone(), doc));
                        }
                        sources.insert(shown, text);
                    }
                    Err(d) => diagnostics.push(*d),
                }
            }
        }
        documents.sort_by(|a, b| a.1.id.cmp(&b.1.id).then(a.0.cmp(&b.0)));
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        documents.retain(|(file, doc)| match seen.get(&doc.id) {
            Some(first) => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        format!("document id `{}` is used by two files", doc.id),
                    )
                    .at(file, doc.title.span.start..doc.title.span.start)
                    .with_note(format!("also used by {first}; this file is skipped")),
                );
                false
            }
            None => {
                seen.insert(doc.id.clone(), file.clone());
                true
            }
        });
    }

    // Locale directories.
    let locales_dir = root.join(&config.locales_dir);
    if !locales_dir.is_dir() {
        bail!("the locales directory {} does not exist", locales_dir.display());
    }
    let mut dirs: Vec<(String, PathBuf)> = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&locales_dir)
        .with_context(|| format!("reading {}", locales_dir.display()))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') {
            continue;
        }
        let shown = display_path(root, &path);
        if !path.is_dir() {
            // A link that leads nowhere (dangling, or a loop) may be a locale.
            if let Err(e) = std::fs::metadata(&path) {
                diagnostics.push(
                    Diagnostic::new(Code::UnreadableFile, format!("cannot follow `{shown}`: {e}"))
                        .in_file(shown),
                );
            }
            continue;
        }
        match parse_locale(&name) {
            Ok(id) => {
                let tag = id.to_string();
                if let Some((_, first)) = dirs.iter().find(|(t, _)| *t == tag) {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::InvalidLocale,
                            format!(
                                "`{name}` and `{}` are the same locale `{tag}`",
                                display_path(root, first)
                            ),
                        )
                        .in_file(shown)
                        .with_note("this directory is skipped; merge the two"),
                    );
                } else {
                    dirs.push((tag, path));
                }
            }
            Err(_) if !has_config && is_tool_dir(&name) => {}
            Err(e) => diagnostics.push(
                Diagnostic::new(Code::InvalidLocale, format!("directory `{name}`: {e}"))
                    .in_file(shown)
                    .with_note(
                        "locale directories are named by BCP 47 tags such as `fr` or `pt-BR`",
                    ),
            ),
        }
    }
    dirs.sort();
    if !dirs.iter().any(|(t, _)| *t == source) {
        bail!(
            "the source locale `{source}` has no directory in {} (found: {})",
            locales_dir.display(),
            dirs.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", ")
        );
    }
    for (tag, settings) in &config.locales {
        if !dirs.iter().any(|(t, _)| t == tag) {
            bail!(
                "tolk.toml configures locale `{tag}`, but {} has no directory for it",
                locales_dir.display()
            );
        }
        for other in settings.fallback.iter().flatten() {
            if !dirs.iter().any(|(t, _)| t == other) {
                bail!(
                    "tolk.toml: [locales.{tag}] fallback: {} has no directory for locale `{other}`",
                    locales_dir.display()
                );
            }
        }
    }

    let lock_path = root.join(LOCK_FILE);
    let lock = if lock_path.is_file() {
        let text = read_text_up_to(&lock_path, LOCK_FILE, MAX_LOCK_BYTES)
            .map_err(|d| anyhow::anyhow!(d.text))?;
        Some(Lock::parse(&text).map_err(|e| anyhow::anyhow!("{LOCK_FILE}:{e}"))?)
    } else {
        None
    };

    Ok(Meta {
        root: root.to_path_buf(),
        has_config,
        config,
        source,
        documents,
        locales: dirs,
        sources,
        diagnostics,
        lock,
    })
}

/// Loads the project at `root` with every locale parsed (in parallel, each once)
/// into a Fluent catalog.
pub fn load(root: &Path, source_locale: &str) -> anyhow::Result<Project> {
    let mut meta = load_meta(root, source_locale)?;
    type Loaded = (LocaleCatalog, Vec<Diagnostic>, Vec<(String, String)>);
    let loaded: Vec<anyhow::Result<Loaded>> = meta
        .locales
        .par_iter()
        .map(|(tag, dir)| {
            let (files, mut diags) = meta.read_locale(tag, dir)?;
            let texts = files.iter().map(|f| (f.path.clone(), f.text.clone())).collect();
            let (catalog, more) = load_locale(tag, files)?;
            diags.extend(more);
            Ok((catalog, diags, texts))
        })
        .collect();
    let mut catalogs = Vec::new();
    for result in loaded {
        let (catalog, diags, texts) = result?;
        catalogs.push(catalog);
        meta.diagnostics.extend(diags);
        meta.sources.extend(texts);
    }
    let catalog = Catalog::new(&meta.source, catalogs, &meta.explicit_chains())
        .context("tolk.toml: fallback chains")?;
    Ok(Project { meta, catalog })
}

/// `[locales.<tag>]` settings keyed by canonical tag, with canonical fallback
/// chains. A key or fallback entry that is not a BCP 47 tag (`..`, `/abs`,
/// `en-US/../../x`) is an error, and so are two keys naming one locale (`pt-br`
/// and `pt-BR`).
fn canonical_locale_settings(
    settings: BTreeMap<String, LocaleConfig>,
) -> anyhow::Result<BTreeMap<String, LocaleConfig>> {
    let mut by_tag: BTreeMap<String, (String, LocaleConfig)> = BTreeMap::new();
    for (key, mut lc) in settings {
        let tag = parse_locale(&key).with_context(|| format!("tolk.toml: [locales.{key}]"))?;
        if let Some(fallback) = &mut lc.fallback {
            for entry in fallback.iter_mut() {
                *entry = parse_locale(entry)
                    .with_context(|| format!("tolk.toml: [locales.{key}] fallback"))?
                    .to_string();
            }
        }
        let tag = tag.to_string();
        if let Some((first, _)) = by_tag.get(&tag) {
            bail!(
                "tolk.toml: [locales.{first}] and [locales.{key}] are the same locale `{tag}`; merge them"
            );
        }
        by_tag.insert(tag, (key, lc));
    }
    Ok(by_tag.into_iter().map(|(tag, (_, lc))| (tag, lc)).collect())
}

/// The byte offset of the first `{` or `(` nested deeper than [`MAX_FTL_NESTING`]
/// in Fluent source, if any. Counts `{` everywhere and `(` inside placeables,
/// skipping comment lines and string literals. It never resets at a new entry, as
/// an indented or even unindented continuation can keep a placeable open: the
/// count is an upper bound of the parser's depth.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // The depth grows only at a `{` or `(`: a file with no more of them than the
    // limit cannot go deeper (almost every file; one SIMD search, no parsing).
    memchr::memchr2_iter(b'{', b'(', bytes).nth(MAX_FTL_NESTING)?;
    let mut depth = 0usize;
    let mut i = 0;
    // Where the next `{`, `}` or `"`, and the next `(`, `)` or `#`, are (see below).
    let mut next = [0usize; 2];
    while i < bytes.len() {
        if depth == 0 {
            // Outside placeables only a `{` that is not in a comment matters: jump
            // to the next one.
            let at = i + memchr::memchr(b'{', &bytes[i..])?;
            let line = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |p| p + 1);
            if bytes[line] == b'#' {
                i = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
                continue;
            }
            i = at;
        } else {
            // Inside a placeable (a select's variants can be long): jump to the next
            // byte that can change the depth, start a string or a comment. Two SIMD
            // searches, each remembered until it is passed (no text is searched twice).
            if next[0] < i {
                next[0] =
                    memchr::memchr3(b'{', b'}', b'"', &bytes[i..]).map_or(usize::MAX, |p| i + p);
            }
            if next[1] < i {
                next[1] =
                    memchr::memchr3(b'(', b')', b'#', &bytes[i..]).map_or(usize::MAX, |p| i + p);
            }
            i = next[0].min(next[1]);
            if i == usize::MAX {
                return None;
            }
        }
        let b = bytes[i];
        let line_start = i == 0 || bytes[i - 1] == b'\n';
        if line_start && b == b'#' {
            // A comment; inside a placeable, a parse error that ends the entry.
            depth = 0;
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        match b {
            b'{' | b'(' if b == b'{' || depth > 0 => {
                depth += 1;
                if depth > MAX_FTL_NESTING {
                    return Some(i);
                }
            }
            b'}' | b')' => depth = depth.saturating_sub(1),
            b'"' if depth > 0 => {
                // A string literal ends at its closing quote or, unclosed, at the
                // end of the line.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i < bytes.len() && bytes[i] == b'\n' {
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Directories that sit beside locales in existing trees and are not locales.
fn is_tool_dir(name: &str) -> bool {
    matches!(name, "templates" | "node_modules" | "target" | "dist")
}

/// Every path under `dir` with extension `ext`, sorted. Symlinked directories are
/// not followed (no loops). Whatever has the extension is listed, links, FIFOs and
/// directories included, so that reading it reports by name a dangling link, a
/// loop, or something that is not a file.
fn files_with_extension(dir: &Path, ext: &str) -> anyhow::Result<Vec<PathBuf>> {
    Ok(listed_files(dir, ext)?.into_iter().map(|(path, _)| path).collect())
}

/// [`files_with_extension`], each with whether the listing says it is a regular
/// file (not a link, a directory or anything else).
fn listed_files(dir: &Path, ext: &str) -> anyhow::Result<Vec<(PathBuf, bool)>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if entry.depth() > 0 && entry.path().extension().is_some_and(|e| e == ext) {
            let regular = entry.file_type().is_file();
            files.push((entry.into_path(), regular));
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!("a = {}$x{}\n", "{ ".repeat(depth), " }".repeat(depth))
    }

    #[test]
    fn nesting_up_to_the_limit_is_allowed() {
        assert_eq!(too_deep(&nested(MAX_FTL_NESTING)), None);
        assert_eq!(too_deep(&nested(MAX_FTL_NESTING + 1)), Some(4 + 2 * MAX_FTL_NESTING));
        // Sequential placeables do not add up.
        assert_eq!(too_deep(&"a = { $x }\n".repeat(1000)), None);
    }

    #[test]
    fn braces_in_strings_comments_and_text_parentheses_do_not_count() {
        let braces = "{".repeat(MAX_FTL_NESTING + 1);
        assert_eq!(too_deep(&format!("# {braces}\na = A\n")), None);
        assert_eq!(too_deep(&format!("a = {{ \"{braces}\" }}\n")), None);
        assert_eq!(too_deep(&format!("a = {{ \"\\\"{braces}\" }}\n")), None);
        let parens = "(".repeat(MAX_FTL_NESTING + 1);
        assert_eq!(too_deep(&format!("a = {parens}\n")), None);
        // Inside a placeable they are calls.
        assert!(too_deep(&format!("a = {{ {} }}\n", "F(".repeat(MAX_FTL_NESTING + 1))).is_some());
    }

    #[test]
    fn long_placeables_strings_and_comments_are_stepped_over_right() {
        let deep =
            format!("{}$x{}", "{ ".repeat(MAX_FTL_NESTING + 1), " }".repeat(MAX_FTL_NESTING + 1));
        // A long select, then a string holding braces: neither counts.
        let select =
            format!("a = {{ $n ->\n   *[other] {} {{ \"{{{{((\" }}\n}}\n", "word ".repeat(500));
        assert_eq!(too_deep(&select), None);
        // Found after them, at the right offset.
        let text = format!("{select}b = {deep}\n");
        assert_eq!(too_deep(&text), Some(select.len() + 4 + 2 * MAX_FTL_NESTING));
        // A comment line ends an open placeable.
        let open = format!("c = {}\n# {}\nd = {{ $y }}\n", "{ ".repeat(60), "{ ".repeat(60));
        assert_eq!(too_deep(&open), None);
    }

    #[test]
    fn locale_settings_are_keyed_by_canonical_tag() {
        let mut settings = BTreeMap::new();
        let fallback = LocaleConfig { fallback: Some(vec!["pt_pt".into()]), ..Default::default() };
        settings.insert("pt-br".to_owned(), fallback);
        let got = canonical_locale_settings(settings.clone()).unwrap();
        assert_eq!(got.keys().collect::<Vec<_>>(), ["pt-BR"]);
        assert_eq!(got["pt-BR"].fallback, Some(vec!["pt-PT".to_owned()]));

        settings.insert("pt-BR".to_owned(), LocaleConfig::default());
        let err = canonical_locale_settings(settings).err().unwrap().to_string();
        assert!(err.contains("[locales.pt-BR] and [locales.pt-br] are the same locale"), "{err}");

        for bad in ["..", "/abs", "en-US/../../x"] {
            let settings = BTreeMap::from([(bad.to_owned(), LocaleConfig::default())]);
            let err = format!("{:#}", canonical_locale_settings(settings).err().unwrap());
            assert!(err.contains("not a valid BCP 47"), "{err}");
        }
    }
}
