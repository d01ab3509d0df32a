//! `tolk build`: check, decide which locales go live, then localize and render
//! every document for every published locale in parallel, and write the files
//! into a staging directory that replaces the output directory as a whole (see
//! [`OutputDir`] for the crash guarantee).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use rayon::prelude::*;
use tolk_content::{Block, Diagnostic, Document, LocalizedDocument, Severity, TextDirection};
use tolk_fluent::{Catalog, LocaleIndex, Pseudo, localize, parse_locale};
use tolk_render::{
    Alternate, Format, Manifest, ManifestDocument, ManifestFile, ManifestLocale, RenderOptions,
    output_path, render_html, render_index_html, render_json, render_manifest, render_messages,
    render_text, render_typst,
};

use crate::check::{Report, check_project};
use crate::cli::BuildArgs;
use crate::config::Config;
use crate::fsutil::{OutputDir, is_within};
use crate::project::{self, Project};
use crate::report::render_diagnostic;

/// A file to write, relative to the output directory.
struct Output {
    path: String,
    contents: Vec<u8>,
}

/// Whether a locale goes live, and why not.
struct GoLive {
    tag: String,
    reasons: Vec<String>,
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

/// `tolk build`.
pub fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut project = project::load(&args.project.path, &args.project.source_locale)?;
    if !project.has_config {
        bail!(
            "{} has no tolk.toml: `tolk build` needs content documents (use `tolk check` for a plain locale tree)",
            project.root.display()
        );
    }
    let out_dir = match &args.out {
        Some(dir) => dir.clone(),
        None => project.root.join(&project.config.out),
    };
    refuse_input_dirs(&project, &out_dir)?;
    let output = OutputDir::prepare(&out_dir)?;
    let selected = selected_locales(&project, &args.locales)?;
    let pdf = pdf::Pdf::new(args.format.contains(&Format::Pdf))?;

    let report = check_project(&mut project.meta, Some(&project.catalog), args.min_coverage)?;
    let mut err = std::io::stderr().lock();
    // Warnings do not stop a build; `tolk check` lists them.
    for d in report.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        writeln!(err, "{}\n", render_diagnostic(d, &project.sources, false))?;
    }
    if report.errors() > 0 {
        writeln!(
            err,
            "build stopped: {} errors (see above); nothing was written",
            report.errors()
        )?;
        return Ok(ExitCode::from(1));
    }

    // Go-live rules.
    let rules: Vec<GoLive> = selected.iter().map(|tag| go_live(&project, &report, tag)).collect();
    let unpublished: Vec<&GoLive> = rules.iter().filter(|g| !g.reasons.is_empty()).collect();
    for g in &unpublished {
        writeln!(err, "`{}` is not published: {}", g.tag, g.reasons.join("; "))?;
    }
    if args.strict && !unpublished.is_empty() {
        writeln!(
            err,
            "build stopped (--strict): {} locale(s) do not meet the go-live rules; nothing was written",
            unpublished.len()
        )?;
        return Ok(ExitCode::from(1));
    }
    let mut published: Vec<String> =
        rules.iter().filter(|g| g.reasons.is_empty()).map(|g| g.tag.clone()).collect();

    // Pseudo-locales, generated from the source.
    let pseudo = args.pseudo || project.config.publish.pseudo;
    let mut catalog_pseudo = Vec::new();
    if pseudo {
        let source_dir = project
            .locales
            .iter()
            .find(|(t, _)| *t == project.source)
            .map(|(_, d)| d.clone())
            .unwrap_or_default();
        let (files, _) = project.read_locale(&project.source.clone(), &source_dir)?;
        for kind in Pseudo::ALL {
            project.catalog.add_pseudo(kind, files.clone())?;
            published.push(kind.tag().to_owned());
            catalog_pseudo.push(kind);
        }
    }
    let name_of = |tag: &str| -> String {
        match catalog_pseudo.iter().find(|p| p.tag() == tag) {
            Some(p) => p.name(),
            None => project.language_name(tag),
        }
    };

    // Localize every (document, published locale) once, in parallel.
    let catalog: &Catalog = &project.catalog;
    let pairs: Vec<(usize, &str)> = (0..project.documents.len())
        .flat_map(|d| published.iter().map(move |l| (d, l.as_str())))
        .collect();
    let localized: Vec<anyhow::Result<(LocalizedDocument, Vec<Diagnostic>)>> = pairs
        .par_iter()
        .map(|(d, tag)| {
            let doc = &project.documents[*d].1;
            Ok(localize(doc, catalog, tag, &name_of(tag))?)
        })
        .collect();
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for result in localized {
        let (doc, diags) = result?;
        problems.extend(diags.into_iter().filter(|d| d.severity == Severity::Error));
        docs.push(doc);
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        for d in &problems {
            writeln!(err, "{}\n", render_diagnostic(d, &project.sources, false))?;
        }
        writeln!(
            err,
            "build stopped: {} messages could not be formatted; nothing was written",
            problems.len()
        )?;
        return Ok(ExitCode::from(1));
    }

    // Render every (document, locale, format) in parallel. Unpublished locales are
    // in no language switcher and no hreflang list.
    let langs: Vec<(String, String, TextDirection)> = published
        .iter()
        .map(|tag| {
            let dir = docs.iter().find(|d| d.locale == *tag).map_or(TextDirection::Ltr, |d| d.dir);
            (tag.clone(), name_of(tag), dir)
        })
        .collect();
    let opts = RenderOptions {
        text_width: project.config.text_width,
        page_lines: args.page_lines.or(project.config.text_page_lines),
        html_template: None,
    };
    let jobs: Vec<(&LocalizedDocument, Format)> =
        docs.iter().flat_map(|d| args.format.iter().map(move |f| (d, *f))).collect();
    let rendered: Vec<anyhow::Result<Output>> = jobs
        .par_iter()
        .map(|(doc, format)| {
            let contents = match format {
                Format::Json => render_json(doc).into_bytes(),
                Format::Html => {
                    let alternates = Alternate::for_document(&doc.id, &doc.locale, &langs);
                    render_html(doc, &alternates, &opts)?.into_bytes()
                }
                Format::Text => render_text(doc, &opts).into_bytes(),
                Format::Typst => render_typst(doc).into_bytes(),
                Format::Pdf => pdf.compile(&doc.locale, &render_typst(doc))?,
                other => bail!("format {other} is not supported by this build"),
            };
            Ok(Output { path: output_path(&doc.locale, &doc.id, *format), contents })
        })
        .collect();
    let mut outputs = rendered.into_iter().collect::<anyhow::Result<Vec<_>>>()?;

    // A messages bundle per published locale, for apps that format at run time.
    if args.format.contains(&Format::Json) {
        let documents: Vec<&Document> = project.documents.iter().map(|(_, d)| d).collect();
        for tag in &published {
            let chain = catalog.fallback_chain(tag).unwrap_or_default();
            let resources: Vec<(String, String)> = chain
                .iter()
                .map(|l| {
                    let source_of = catalog_pseudo.iter().any(|p| p.tag() == l);
                    let dir_tag = if source_of { project.source.as_str() } else { l.as_str() };
                    (l.clone(), ftl_of(&project, dir_tag))
                })
                .collect();
            let dir = docs.iter().find(|d| d.locale == *tag).map_or(TextDirection::Ltr, |d| d.dir);
            outputs.push(Output {
                path: format!("{tag}/messages.json"),
                contents: render_messages(tag, dir, chain, &resources, &documents).into_bytes(),
            });
        }
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));

    // The manifest and the index page.
    let manifest = manifest(&project, &report, &rules, &catalog_pseudo, &docs, &outputs);
    let titles: Vec<(String, String, String)> =
        docs.iter().map(|d| (d.locale.clone(), d.id.clone(), d.title.clone())).collect();
    outputs.push(Output {
        path: "index.json".into(),
        contents: render_manifest(&manifest).into_bytes(),
    });
    if args.format.contains(&Format::Html) {
        outputs.push(Output {
            path: "index.html".into(),
            contents: render_index_html(&manifest, &titles).into_bytes(),
        });
    }

    // Everything goes into a staging directory first; the output directory is
    // replaced only once every file is written. On failure the staging directory
    // is removed and the previous output stays as it was.
    let staging = output.stage()?;
    let written = outputs.par_iter().try_for_each(|o| staging.write(&o.path, &o.contents));
    let warning = written.and_then(|()| staging.commit()).with_context(|| {
        format!("nothing was written; {} is unchanged", output.path().display())
    })?;
    if let Some(warning) = warning {
        writeln!(err, "warning: {warning}")?;
    }
    let (warnings, elapsed) = (report.warnings(), started.elapsed());
    writeln!(
        err,
        "built {} files: {} x {} x {} in {:.0?} -> {}{}",
        outputs.len(),
        plural(project.documents.len(), "document"),
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

/// A locale's `.ftl` files, concatenated in path order.
fn ftl_of(project: &Project, tag: &str) -> String {
    let prefix = project
        .locales
        .iter()
        .find(|(t, _)| t == tag)
        .map(|(_, dir)| format!("{}/", crate::fsutil::display_path(&project.root, dir)))
        .unwrap_or_default();
    let mut out = String::new();
    for (path, text) in project.sources.range(prefix.clone()..) {
        if !path.starts_with(&prefix) {
            break;
        }
        if path.ends_with(".ftl") {
            out.push_str(text);
            if !text.ends_with('\n') {
                out.push('\n');
            }
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

fn go_live(project: &Project, report: &Report, tag: &str) -> GoLive {
    let mut reasons = Vec::new();
    if tag != project.source {
        let lc = project.config.locale(tag);
        let min = lc.publish_min_coverage.or(lc.min_coverage).unwrap_or(100.0);
        if let Some(summary) = report.locales.iter().find(|l| l.locale == tag) {
            let percent = summary.coverage.ratio() * 100.0;
            if percent + 1e-9 < min {
                reasons.push(format!("coverage {percent:.1} % is below {min} %"));
            }
        }
        let index: Option<&LocaleIndex> = project.catalog.locale(tag).map(|l| l.index());
        let missing: Vec<String> = required_messages(&project.config, &project.documents)
            .into_iter()
            .filter(|(id, attr)| !index.is_some_and(|i| i.has(id, attr.as_deref())))
            .map(|(id, attr)| match attr {
                Some(a) => format!("`{id}.{a}`"),
                None => format!("`{id}`"),
            })
            .collect();
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
fn refuse_input_dirs(project: &Project, out: &std::path::Path) -> anyhow::Result<()> {
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

fn selected_locales(project: &Project, requested: &[String]) -> anyhow::Result<Vec<String>> {
    let all: Vec<String> = project.catalog.locales().map(|l| l.tag().to_owned()).collect();
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

fn manifest(
    project: &Project,
    report: &Report,
    rules: &[GoLive],
    pseudo: &[Pseudo],
    docs: &[LocalizedDocument],
    outputs: &[Output],
) -> Manifest {
    let source = project.catalog.source().to_owned();
    let documents = project
        .documents
        .iter()
        .map(|(_, d)| ManifestDocument {
            id: d.id.clone(),
            title: docs
                .iter()
                .find(|l| l.id == d.id && l.locale == source)
                .map_or_else(|| d.id.clone(), |l| l.title.clone()),
        })
        .collect();
    let files_of = |tag: &str| -> Vec<ManifestFile> {
        let prefix = format!("{tag}/");
        outputs
            .iter()
            .filter(|o| o.path.starts_with(&prefix))
            .map(|o| ManifestFile::of(&o.path, &o.contents))
            .collect()
    };
    let dir_of =
        |tag: &str| project.catalog.locale(tag).map_or(TextDirection::Ltr, |l| l.direction());
    let chain_of =
        |tag: &str| project.catalog.fallback_chain(tag).map(<[String]>::to_vec).unwrap_or_default();
    let mut locales: Vec<ManifestLocale> = report
        .locales
        .iter()
        .filter_map(|l| {
            let rule = rules.iter().find(|r| r.tag == l.locale)?;
            Some(ManifestLocale {
                locale: l.locale.clone(),
                name: l.name.clone(),
                dir: dir_of(&l.locale),
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
    let source_summary = report.locales.iter().find(|l| l.locale == source);
    for p in pseudo {
        let c = source_summary.map(|s| s.coverage).unwrap_or_default();
        locales.push(ManifestLocale {
            locale: p.tag().to_owned(),
            name: p.name(),
            dir: dir_of(p.tag()),
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
