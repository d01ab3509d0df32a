//! Loading a project: `tolk.toml`, the content documents and the locale
//! directories. [`Meta`] is everything but the translations, which `tolk check`
//! then streams locale by locale; [`load`] also parses every locale into Fluent
//! bundles, which `tolk build` needs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;
use tolk_content::{Code, Diagnostic, Document, parse_document};
use tolk_fluent::{Catalog, LocaleCatalog, Lock, SourceFile, load_locale, parse_locale};

use crate::config::Config;
use crate::fsutil::{display_path, read_text};

/// The lock file's name, in the project directory.
pub const LOCK_FILE: &str = "tolk.lock";

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

    /// Reads one locale's `.ftl` files, sorted by path. Unreadable files become
    /// diagnostics.
    pub fn read_locale(
        &self,
        tag: &str,
        dir: &Path,
    ) -> anyhow::Result<(Vec<SourceFile>, Vec<Diagnostic>)> {
        let mut files = Vec::new();
        let mut diags = Vec::new();
        for path in files_with_extension(dir, "ftl")? {
            let shown = display_path(&self.root, &path);
            match read_text(&path, &shown) {
                Ok(text) => files.push(SourceFile::new(shown, text)),
                Err(d) => diags.push(d.in_locale(tag)),
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
    let config = if has_config {
        let text = read_text(&config_path, "tolk.toml").map_err(|d| anyhow::anyhow!(d.text))?;
        Config::parse("tolk.toml", &text).map_err(|e| anyhow::anyhow!(e))?
    } else {
        Config::plain(source_locale)
    };
    let source = parse_locale(&config.source_locale)
        .with_context(|| format!("source locale `{}`", config.source_locale))?
        .to_string();
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
        if name.starts_with('.') || !path.is_dir() {
            continue;
        }
        let shown = display_path(root, &path);
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
    for tag in config.locales.keys() {
        let canonical = parse_locale(tag).with_context(|| format!("tolk.toml: [locales.{tag}]"))?;
        if !dirs.iter().any(|(t, _)| *t == canonical.to_string()) {
            bail!(
                "tolk.toml configures locale `{tag}`, but {} has no directory for it",
                locales_dir.display()
            );
        }
    }

    let lock_path = root.join(LOCK_FILE);
    let lock = if lock_path.is_file() {
        let text = read_text(&lock_path, LOCK_FILE).map_err(|d| anyhow::anyhow!(d.text))?;
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

/// Directories that sit beside locales in existing trees and are not locales.
fn is_tool_dir(name: &str) -> bool {
    matches!(name, "templates" | "node_modules" | "target" | "dist")
}

/// Every file under `dir` with extension `ext`, sorted. Symlinked directories are
/// not followed (no loops); a symlinked file is listed, so that reading it reports
/// a dangling link by name.
fn files_with_extension(dir: &Path, ext: &str) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        let kind = entry.file_type();
        let listed = kind.is_file() || (kind.is_symlink() && !entry.path().is_dir());
        if listed && entry.path().extension().is_some_and(|e| e == ext) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}
