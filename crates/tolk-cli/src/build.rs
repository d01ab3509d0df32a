//! `tolk build`: check, decide which locales go live, then localize and render
//! every document of every published locale, and write the files into a staging
//! directory that replaces the output directory as a whole (see [`OutputDir`] for
//! the crash guarantee).
//!
//! The build streams by locale: the check reads, indexes and drops locales a few
//! at a time, keeping only summaries and error diagnostics; then each thread takes
//! one published locale at a time, loads the locales of its fallback chain (the
//! source locale is loaded once and shared), localizes and renders every document,
//! writes each file as soon as it is rendered and keeps only its path, size and
//! digest for the manifest. Memory holds the source locale and the locales in
//! flight, whatever the number of locales.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, bail};
use rayon::prelude::*;
use tolk_content::{Block, Diagnostic, Document, LocalizedDocument, Severity, TextDirection};
use tolk_fluent::{
    Catalog, LocaleCatalog, LocaleIndex, Pseudo, SourceFile, load_locale, localize, parse_locale,
};
use tolk_render::{
    Alternate, Format, Manifest, ManifestDocument, ManifestFile, ManifestLocale, RenderOptions,
    output_path, render_html, render_index_html, render_json, render_manifest, render_messages,
    render_text, render_typst,
};

use crate::check::{Batch, LocaleSummary, check_project_inspecting};
use crate::cli::BuildArgs;
use crate::config::Config;
use crate::fsutil::{OutputDir, Staging, is_within};
use crate::project::{self, Meta};
use crate::report::render_diagnostic;

/// Whether a locale goes live, and why not.
struct GoLive {
    tag: String,
    reasons: Vec<String>,
}

/// What the build keeps of one locale's check, beside its summary.
struct Seen {
    /// The required messages it does not translate itself, as `` `id` `` or
    /// `` `id.attr` `` (none for the source locale).
    untranslated: Vec<String>,
    /// The writing direction of its script.
    dir: TextDirection,
}

/// What the check leaves for the rest of the build.
struct Checked {
    /// Every locale, source first, then by tag.
    locales: Vec<(LocaleSummary, Seen)>,
    /// How many warnings the check found.
    warnings: usize,
}

impl Checked {
    fn locale(&self, tag: &str) -> Option<&(LocaleSummary, Seen)> {
        self.locales.iter().find(|(l, _)| l.locale == tag)
    }
}

/// One locale's share of the build.
enum Built {
    /// The files written (sorted by path) and each document's title, in document
    /// order.
    Written { files: Vec<ManifestFile>, titles: Vec<String> },
    /// Messages that could not be formatted, with the texts they point into;
    /// nothing of the locale was written.
    Problems { diagnostics: Vec<Diagnostic>, sources: BTreeMap<String, String> },
}

/// PDF output, present when the binary is built with the `pdf` feature.
mod pdf {
    /// Compiles Typst sources to PDF with the system's fonts, found once.
    pub(super) struct Pdf {
        #[cfg(feature = "pdf")]
        fonts: Option<tolk_pdf::Fonts>,
    }

    impl Pdf {
        /// Ready to compile when `wanted`; finds the fonts once.
        #[cfg(feature = "pdf")]
        pub(super) fn new(wanted: bool) -> anyhow::Result<Pdf> {
            Ok(Pdf { fonts: wanted.then(tolk_pdf::Fonts::system) })
        }

        /// Without the `pdf` feature, asking for PDF is a usage error.
        #[cfg(not(feature = "pdf"))]
        pub(super) fn new(wanted: bool) -> anyhow::Result<Pdf> {
            if wanted {
                anyhow::bail!(
                    "this tolk was built without PDF support: build it with `cargo build --release -p tolk-cli --features pdf`, or use --format typst and compile with Typst"
                );
            }
            Ok(Pdf {})
        }

        /// The PDF of one locale's Typst source.
        #[cfg(feature = "pdf")]
        pub(super) fn compile(&self, locale: &str, source: &str) -> anyhow::Result<Vec<u8>> {
            let fonts =
                self.fonts.as_ref().ok_or_else(|| anyhow::anyhow!("PDF was not asked for"))?;
            Ok(tolk_pdf::compile_pdf(locale, source, fonts)?)
        }

        #[cfg(not(feature = "pdf"))]
        pub(super) fn compile(&self, _: &str, _: &str) -> anyhow::Result<Vec<u8>> {
            anyhow::bail!("this tolk was built without PDF support")
        }
    }
}

/// `tolk build`: checks the project, streaming its locales through the checks
/// (nothing is written when the check finds errors), applies the go-live rules,
/// then localizes, renders and writes the published locales in parallel, each
/// thread one locale at a time with only the locales of that locale's fallback
/// chain loaded, each file written into the staging directory as soon as it is
/// rendered; finally writes `index.json` (and `index.html`) from the sizes and
/// digests kept, and swaps the staging directory into place.
pub fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut meta = project::load_meta(&args.project.path, &args.project.source_locale)?;
    if !meta.has_config {
        bail!(
            "{} has no tolk.toml: `tolk build` needs content documents (use `tolk check` for a plain locale tree)",
            meta.root.display()
        );
    }
    let out_dir = match &args.out {
        Some(dir) => dir.clone(),
        None => meta.root.join(&meta.config.out),
    };
    refuse_input_dirs(&meta, &out_dir)?;
    let output = OutputDir::prepare(&out_dir)?;
    let selected = selected_locales(&meta, &args.locales)?;
    let pdf = pdf::Pdf::new(args.format.contains(&Format::Pdf))?;
    // Stale translations are `tolk check`'s to report: the build hashes nothing.
    meta.lock = None;

    let mut err = std::io::stderr().lock();
    let Some(checked) = check(&meta, args.min_coverage, &mut err)? else {
        return Ok(ExitCode::from(1));
    };

    let Some(rules) = go_live_rules(&meta, &checked, &selected, args.strict, &mut err)? else {
        return Ok(ExitCode::from(1));
    };
    let mut published: Vec<String> =
        rules.iter().filter(|g| g.reasons.is_empty()).map(|g| g.tag.clone()).collect();
    // Pseudo-locales, generated from the source.
    let pseudo: Vec<Pseudo> =
        if args.pseudo || meta.config.publish.pseudo { Pseudo::ALL.to_vec() } else { Vec::new() };
    published.extend(pseudo.iter().map(|p| p.tag().to_owned()));

    // Everything goes into a staging directory first; the output directory is
    // replaced only once every file is written. On failure the staging directory
    // is removed and the previous output stays as it was.
    let staging = output.stage()?;
    let unchanged = format!("nothing was written; {} is unchanged", output.path().display());
    let langs = languages(&meta, &checked, &pseudo, &published);
    let site = Site::new(&meta, args, &pseudo, langs, &pdf, &staging, &unchanged)?;
    let built: Vec<anyhow::Result<Built>> =
        published.par_iter().map(|tag| site.build_locale(tag)).collect();
    if let Some(code) = stop_on_problems(&built, &mut err)? {
        return Ok(code);
    }
    let mut written: BTreeMap<String, (Vec<ManifestFile>, Vec<String>)> = BTreeMap::new();
    for (tag, result) in published.iter().zip(built) {
        if let Built::Written { files, titles } = result? {
            written.insert(tag.clone(), (files, titles));
        }
    }
    // Only the fallback chains are kept of the site (not the source locale).
    let Site { chains, .. } = site;

    // The manifest and the index page.
    let manifest = manifest(&meta, &checked, &rules, &pseudo, &chains, &written);
    let mut count: usize = written.values().map(|(files, _)| files.len()).sum();
    staging
        .write("index.json", render_manifest(&manifest).as_bytes())
        .context(unchanged.clone())?;
    count += 1;
    if args.format.contains(&Format::Html) {
        let page = render_index_html(&manifest, &titles(&meta, &published, &written));
        staging.write("index.html", page.as_bytes()).context(unchanged.clone())?;
        count += 1;
    }
    let warning = staging.commit().context(unchanged)?;
    if let Some(warning) = warning {
        writeln!(err, "warning: {warning}")?;
    }
    let (warnings, elapsed) = (checked.warnings, started.elapsed());
    writeln!(
        err,
        "built {} files: {} x {} x {} in {:.0?} -> {}{}",
        count,
        plural(meta.documents.len(), "document"),
        plural(published.len(), "locale"),
        plural(args.format.len(), "format"),
        elapsed,
        out_dir.display(),
        if warnings > 0 {
            format!(" ({warnings} warnings: run `tolk check` to see them)")
        } else {
            String::new()
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Checks the project locale by locale, keeping what the build needs. Prints the
/// errors and returns `None` when there are any.
fn check(
    meta: &Meta,
    min_coverage: Option<f64>,
    err: &mut impl Write,
) -> anyhow::Result<Option<Checked>> {
    let required = required_messages(&meta.config, &meta.documents);
    let inspect = |tag: &str, index: &LocaleIndex| Seen {
        untranslated: if tag == meta.source { Vec::new() } else { untranslated(&required, index) },
        dir: index.direction(),
    };
    let mut errors = Batch::default();
    let mut warnings = 0;
    let locales = check_project_inspecting(meta, None, min_coverage, &inspect, &mut |batch| {
        let (e, w): (Vec<Diagnostic>, Vec<Diagnostic>) =
            batch.diagnostics.into_iter().partition(|d| d.severity == Severity::Error);
        warnings += w.iter().filter(|d| d.severity == Severity::Warning).count();
        for d in &e {
            if let Some((path, text)) = d.file.as_ref().and_then(|f| batch.sources.get_key_value(f))
            {
                errors.sources.entry(path.clone()).or_insert_with(|| text.clone());
            }
        }
        errors.diagnostics.extend(e);
        Ok(())
    })?;
    if errors.diagnostics.is_empty() {
        return Ok(Some(Checked { locales, warnings }));
    }
    // Warnings do not stop a build; `tolk check` lists them.
    let mut sources = meta.sources.clone();
    for (path, text) in errors.sources {
        sources.entry(path).or_insert(text);
    }
    for d in &errors.diagnostics {
        writeln!(err, "{}\n", render_diagnostic(d, &sources, false))?;
    }
    writeln!(
        err,
        "build stopped: {} errors (see above); nothing was written",
        errors.diagnostics.len()
    )?;
    Ok(None)
}

/// Applies the go-live rules to the selected locales and prints why a locale is
/// not published. Returns `None` when that stops a `--strict` build.
fn go_live_rules(
    meta: &Meta,
    checked: &Checked,
    selected: &[String],
    strict: bool,
    err: &mut impl Write,
) -> anyhow::Result<Option<Vec<GoLive>>> {
    let rules: Vec<GoLive> = selected.iter().map(|tag| go_live(meta, checked, tag)).collect();
    let unpublished: Vec<&GoLive> = rules.iter().filter(|g| !g.reasons.is_empty()).collect();
    for g in &unpublished {
        writeln!(err, "`{}` is not published: {}", g.tag, g.reasons.join("; "))?;
    }
    if strict && !unpublished.is_empty() {
        writeln!(
            err,
            "build stopped (--strict): {} locale(s) do not meet the go-live rules; nothing was written",
            unpublished.len()
        )?;
        return Ok(None);
    }
    Ok(Some(rules))
}

/// Every page's locale, document id and title, for the index page: by document,
/// then in the order of `published`.
fn titles(
    meta: &Meta,
    published: &[String],
    written: &BTreeMap<String, (Vec<ManifestFile>, Vec<String>)>,
) -> Vec<(String, String, String)> {
    let mut titles = Vec::new();
    for (d, (_, doc)) in meta.documents.iter().enumerate() {
        for tag in published {
            let title = written.get(tag).and_then(|(_, t)| t.get(d)).cloned().unwrap_or_default();
            titles.push((tag.clone(), doc.id.clone(), title));
        }
    }
    titles
}

/// Prints the messages that could not be formatted, if any, and returns exit code
/// 1 then.
fn stop_on_problems(
    built: &[anyhow::Result<Built>],
    err: &mut impl Write,
) -> anyhow::Result<Option<ExitCode>> {
    let mut problems = Vec::new();
    let mut sources = BTreeMap::new();
    for result in built {
        if let Ok(Built::Problems { diagnostics, sources: texts }) = result {
            problems.extend(diagnostics.iter().cloned());
            sources.extend(texts.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }
    if problems.is_empty() {
        return Ok(None);
    }
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    for d in &problems {
        writeln!(err, "{}\n", render_diagnostic(d, &sources, false))?;
    }
    writeln!(
        err,
        "build stopped: {} messages could not be formatted; nothing was written",
        problems.len()
    )?;
    Ok(Some(ExitCode::from(1)))
}

/// What every locale's share of the build needs: the project, the source locale
/// (loaded once), the language switcher's list and the staging directory.
struct Site<'a> {
    meta: &'a Meta,
    args: &'a BuildArgs,
    chains: BTreeMap<String, Vec<String>>,
    source: Arc<LocaleCatalog>,
    source_files: Vec<SourceFile>,
    pseudo: &'a [Pseudo],
    /// Every published locale with its name and direction. Unpublished locales are
    /// in no language switcher and no hreflang list.
    langs: Vec<(String, String, TextDirection)>,
    opts: RenderOptions,
    pdf: &'a pdf::Pdf,
    staging: &'a Staging<'a>,
    /// The context of a failed write.
    unchanged: &'a str,
}

impl<'a> Site<'a> {
    fn new(
        meta: &'a Meta,
        args: &'a BuildArgs,
        pseudo: &'a [Pseudo],
        langs: Vec<(String, String, TextDirection)>,
        pdf: &'a pdf::Pdf,
        staging: &'a Staging<'a>,
        unchanged: &'a str,
    ) -> anyhow::Result<Site<'a>> {
        let dir = meta.locale_dir(&meta.source).context("no source locale directory")?;
        let (source_files, _) = meta.read_locale(&meta.source, dir)?;
        let (source, _) = load_locale(&meta.source, source_files.clone())?;
        Ok(Site {
            meta,
            args,
            chains: meta.fallback_chains()?,
            source: Arc::new(source),
            source_files,
            pseudo,
            langs,
            opts: RenderOptions {
                text_width: meta.config.text_width,
                page_lines: args.page_lines.or(meta.config.text_page_lines),
                html_template: None,
            },
            pdf,
            staging,
            unchanged,
        })
    }

    fn pseudo_kind(&self, tag: &str) -> Option<Pseudo> {
        self.pseudo.iter().copied().find(|p| p.tag() == tag)
    }

    /// Localizes, renders and writes one locale's documents (and its messages
    /// bundle), then drops everything but the files' sizes and digests.
    fn build_locale(&self, tag: &str) -> anyhow::Result<Built> {
        let (catalog, files) = self.load_chain(tag)?;
        let name = name_of(self.meta, self.pseudo, tag);
        let mut docs = Vec::new();
        let mut problems = Vec::new();
        for (_, doc) in &self.meta.documents {
            let (doc, diags) = localize(doc, &catalog, tag, &name)?;
            problems.extend(diags.into_iter().filter(|d| d.severity == Severity::Error));
            docs.push(doc);
        }
        if !problems.is_empty() {
            let sources = files
                .values()
                .flatten()
                .chain(&self.source_files)
                .filter(|f| problems.iter().any(|d| d.file.as_deref() == Some(f.path.as_str())))
                .map(|f| (f.path.clone(), f.text.clone()))
                .collect();
            return Ok(Built::Problems { diagnostics: problems, sources });
        }
        let mut written = Vec::new();
        for doc in &docs {
            for format in &self.args.format {
                let path = output_path(&doc.locale, &doc.id, *format);
                written.push(self.write(&path, &self.render(doc, *format)?)?);
            }
        }
        // A messages bundle per published locale, for apps that format at run time.
        if self.args.format.contains(&Format::Json) {
            let bundle = self.messages(tag, &catalog, &files, &docs);
            written.push(self.write(&format!("{tag}/messages.json"), bundle.as_bytes())?);
        }
        written.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Built::Written { files: written, titles: docs.into_iter().map(|d| d.title).collect() })
    }

    /// A catalog of `tag` and its fallback chain, and the files of each locale of
    /// the chain but the source.
    fn load_chain(
        &self,
        tag: &str,
    ) -> anyhow::Result<(Catalog, BTreeMap<String, Vec<SourceFile>>)> {
        let mut chain = Vec::new();
        let mut files = BTreeMap::new();
        if let Some(kind) = self.pseudo_kind(tag) {
            let locale = LocaleCatalog::pseudo(kind, &self.source, self.source_files.clone())?;
            chain.extend([Arc::new(locale), self.source.clone()]);
        } else {
            let tags = self.chains.get(tag).with_context(|| format!("no locale `{tag}`"))?;
            for t in tags {
                if *t == self.meta.source {
                    chain.push(self.source.clone());
                    continue;
                }
                let dir = self.meta.locale_dir(t).with_context(|| format!("no locale `{t}`"))?;
                let (read, _) = self.meta.read_locale(t, dir)?;
                let (locale, _) = load_locale(t, read.clone())?;
                chain.push(Arc::new(locale));
                files.insert(t.clone(), read);
            }
        }
        let catalog = Catalog::for_chain(&self.meta.source, chain)
            .with_context(|| format!("the fallback chain of `{tag}`"))?;
        Ok((catalog, files))
    }

    /// One document in one format.
    fn render(&self, doc: &LocalizedDocument, format: Format) -> anyhow::Result<Vec<u8>> {
        Ok(match format {
            Format::Json => render_json(doc).into_bytes(),
            Format::Html => {
                let alternates = Alternate::for_document(&doc.id, &doc.locale, &self.langs);
                render_html(doc, &alternates, &self.opts)?.into_bytes()
            }
            Format::Text => render_text(doc, &self.opts).into_bytes(),
            Format::Typst => render_typst(doc).into_bytes(),
            Format::Pdf => self.pdf.compile(&doc.locale, &render_typst(doc))?,
            other => bail!("format {other} is not supported by this build"),
        })
    }

    /// Writes one file into the staging directory and returns its manifest entry.
    fn write(&self, path: &str, contents: &[u8]) -> anyhow::Result<ManifestFile> {
        self.staging.write(path, contents).context(self.unchanged.to_owned())?;
        Ok(ManifestFile::of(path, contents))
    }

    /// The messages bundle of `tag`: the `.ftl` files of every locale of its chain.
    fn messages(
        &self,
        tag: &str,
        catalog: &Catalog,
        files: &BTreeMap<String, Vec<SourceFile>>,
        docs: &[LocalizedDocument],
    ) -> String {
        let chain = catalog.fallback_chain(tag).unwrap_or_default();
        let resources: Vec<(String, String)> = chain
            .iter()
            .map(|l| {
                // Pseudo-locales are made of the source's files.
                let of = files.get(l).map_or(self.source_files.as_slice(), Vec::as_slice);
                (l.clone(), ftl_text(of))
            })
            .collect();
        let documents: Vec<&Document> = self.meta.documents.iter().map(|(_, d)| d).collect();
        let dir = docs.first().map_or(TextDirection::Ltr, |d| d.dir);
        render_messages(tag, dir, chain, &resources, &documents)
    }
}

/// Every published locale with its name and direction, for language switchers.
fn languages(
    meta: &Meta,
    checked: &Checked,
    pseudo: &[Pseudo],
    published: &[String],
) -> Vec<(String, String, TextDirection)> {
    published
        .iter()
        .map(|tag| {
            // A locale's pages carry its direction; without pages, left to right.
            let dir = match meta.documents.is_empty() {
                true => TextDirection::Ltr,
                false => direction(checked, pseudo, tag),
            };
            (tag.clone(), name_of(meta, pseudo, tag), dir)
        })
        .collect()
}

/// The name a locale gives its own language.
fn name_of(meta: &Meta, pseudo: &[Pseudo], tag: &str) -> String {
    match pseudo.iter().find(|p| p.tag() == tag) {
        Some(p) => p.name(),
        None => meta.language_name(tag),
    }
}

/// The writing direction of a checked or pseudo-locale.
fn direction(checked: &Checked, pseudo: &[Pseudo], tag: &str) -> TextDirection {
    match pseudo.iter().find(|p| p.tag() == tag) {
        Some(p) => p.direction(),
        None => checked.locale(tag).map_or(TextDirection::Ltr, |(_, seen)| seen.dir),
    }
}

/// A locale's `.ftl` files, concatenated in path order.
fn ftl_text(files: &[SourceFile]) -> String {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = String::new();
    for file in sorted {
        out.push_str(&file.text);
        if !file.text.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// The messages a locale must translate itself to be published: the configured
/// ones, every message of the configured sections, and every message of contact
/// (hotline) and quick-exit blocks.
fn required_messages(
    config: &Config,
    docs: &[(String, Document)],
) -> BTreeSet<(String, Option<String>)> {
    let mut required: BTreeSet<(String, Option<String>)> = config
        .publish
        .required_messages
        .iter()
        .map(|m| match m.split_once('.') {
            Some((id, attr)) => (id.to_owned(), Some(attr.to_owned())),
            None => (m.clone(), None),
        })
        .collect();
    for (_, doc) in docs {
        for section in &doc.sections {
            let whole = config.publish.required_sections.contains(&section.id);
            if whole {
                required.insert((section.heading.id.clone(), section.heading.attribute.clone()));
            }
            for block in &section.blocks {
                if whole || matches!(block, Block::Contact(_) | Block::QuickExit { .. }) {
                    for m in block.message_refs() {
                        required.insert((m.id.clone(), m.attribute.clone()));
                    }
                }
            }
        }
    }
    required
}

/// The required messages (see [`required_messages`]) that `index` does not
/// translate itself.
fn untranslated(required: &BTreeSet<(String, Option<String>)>, index: &LocaleIndex) -> Vec<String> {
    required
        .iter()
        .filter(|(id, attr)| !index.has(id, attr.as_deref()))
        .map(|(id, attr)| match attr {
            Some(a) => format!("`{id}.{a}`"),
            None => format!("`{id}`"),
        })
        .collect()
}

fn go_live(meta: &Meta, checked: &Checked, tag: &str) -> GoLive {
    let mut reasons = Vec::new();
    if tag != meta.source {
        let lc = meta.config.locale(tag);
        let min = lc.publish_min_coverage.or(lc.min_coverage).unwrap_or(100.0);
        let found = checked.locale(tag);
        if let Some((summary, _)) = found {
            let percent = summary.coverage.ratio() * 100.0;
            if percent + 1e-9 < min {
                reasons.push(format!("coverage {percent:.1} % is below {min} %"));
            }
        }
        let missing = found.map(|(_, seen)| seen.untranslated.as_slice()).unwrap_or_default();
        if !missing.is_empty() {
            reasons.push(format!("required messages not translated: {}", missing.join(", ")));
        }
    }
    GoLive { tag: tag.to_owned(), reasons }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// Never write into the inputs: the output directory may not be the project
/// directory itself, nor inside `locales/` or `content/`.
fn refuse_input_dirs(project: &Meta, out: &std::path::Path) -> anyhow::Result<()> {
    let inputs: [PathBuf; 2] = [
        project.root.join(&project.config.locales_dir),
        project.root.join(&project.config.content_dir),
    ];
    for input in inputs {
        if is_within(out, &input) {
            bail!(
                "refusing to write into {}: the output directory must not be inside the inputs",
                input.display()
            );
        }
    }
    if is_within(&project.root, out) {
        bail!("refusing to write into {}: it contains the project", out.display());
    }
    if out.exists() && !out.is_dir() {
        bail!("the output path {} exists and is not a directory", out.display());
    }
    Ok(())
}

fn selected_locales(meta: &Meta, requested: &[String]) -> anyhow::Result<Vec<String>> {
    let all: Vec<String> = meta.locales.iter().map(|(tag, _)| tag.clone()).collect();
    if requested.is_empty() {
        return Ok(all);
    }
    let mut selected = Vec::new();
    for r in requested {
        let tag = parse_locale(r)?.to_string();
        if !all.contains(&tag) {
            bail!("no locale `{r}` in this project (available: {})", all.join(", "));
        }
        if !selected.contains(&tag) {
            selected.push(tag);
        }
    }
    selected.sort();
    Ok(selected)
}

/// The manifest of a build: every selected locale (published or not) with its
/// coverage, then the pseudo-locales; `written` holds each published locale's files
/// and document titles.
fn manifest(
    meta: &Meta,
    checked: &Checked,
    rules: &[GoLive],
    pseudo: &[Pseudo],
    chains: &BTreeMap<String, Vec<String>>,
    written: &BTreeMap<String, (Vec<ManifestFile>, Vec<String>)>,
) -> Manifest {
    let source = meta.source.clone();
    let documents = meta
        .documents
        .iter()
        .enumerate()
        .map(|(i, (_, d))| ManifestDocument {
            id: d.id.clone(),
            title: written
                .get(&source)
                .and_then(|(_, titles)| titles.get(i))
                .map_or_else(|| d.id.clone(), Clone::clone),
        })
        .collect();
    let files_of = |tag: &str| written.get(tag).map(|(files, _)| files.clone()).unwrap_or_default();
    let chain_of = |tag: &str| match pseudo.iter().any(|p| p.tag() == tag) {
        true => vec![tag.to_owned(), source.clone()],
        false => chains.get(tag).cloned().unwrap_or_default(),
    };
    let mut locales: Vec<ManifestLocale> = checked
        .locales
        .iter()
        .filter_map(|(l, seen)| {
            let rule = rules.iter().find(|r| r.tag == l.locale)?;
            Some(ManifestLocale {
                locale: l.locale.clone(),
                name: l.name.clone(),
                dir: seen.dir,
                coverage: l.coverage.ratio(),
                messages_total: l.coverage.messages_total,
                messages_translated: l.coverage.messages_translated,
                words_total: l.coverage.words_total,
                words_translated: l.coverage.words_translated,
                published: rule.reasons.is_empty(),
                unpublished_reasons: rule.reasons.clone(),
                pseudo: false,
                fallback_chain: chain_of(&l.locale),
                files: files_of(&l.locale),
            })
        })
        .collect();
    let source_summary = checked.locale(&source).map(|(l, _)| l);
    for p in pseudo {
        let c = source_summary.map(|s| s.coverage).unwrap_or_default();
        locales.push(ManifestLocale {
            locale: p.tag().to_owned(),
            name: p.name(),
            dir: p.direction(),
            coverage: c.ratio(),
            messages_total: c.messages_total,
            messages_translated: c.messages_translated,
            words_total: c.words_total,
            words_translated: c.words_translated,
            published: true,
            unpublished_reasons: Vec::new(),
            pseudo: true,
            fallback_chain: chain_of(p.tag()),
            files: files_of(p.tag()),
        });
    }
    Manifest { source_locale: source, locales, documents }
}
