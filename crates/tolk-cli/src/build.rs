//! `tolk build`: check, then localize and render every document for every locale
//! in parallel, and write the files atomically.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::bail;
use rayon::prelude::*;
use tolk_content::{Diagnostic, LocalizedDocument, Severity, TextDirection};
use tolk_fluent::{localize, parse_locale};
use tolk_render::{
    Alternate, Format, Manifest, ManifestDocument, ManifestLocale, RenderOptions, output_path,
    render_html, render_index_html, render_json, render_manifest, render_text, render_typst,
};

use crate::check::check_project;
use crate::cli::BuildArgs;
use crate::fsutil::{is_within, write_atomic};
use crate::project::{self, Project};
use crate::report::render_diagnostic;

/// A file to write, relative to the output directory.
struct Output {
    path: String,
    contents: String,
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
    let selected = selected_locales(&project, &args.locales)?;

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

    // Localize every (document, locale) once, in parallel.
    let pairs: Vec<(usize, &str)> = (0..project.documents.len())
        .flat_map(|d| selected.iter().map(move |l| (d, l.as_str())))
        .collect();
    let localized: Vec<anyhow::Result<(LocalizedDocument, Vec<Diagnostic>)>> = pairs
        .par_iter()
        .map(|(d, tag)| {
            let doc = &project.documents[*d].1;
            Ok(localize(doc, &project.catalog, tag, &project.language_name(tag))?)
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

    // Render every (document, locale, format) in parallel.
    let langs: Vec<(String, String, TextDirection)> = selected
        .iter()
        .map(|tag| {
            let dir = docs.iter().find(|d| d.locale == *tag).map_or(TextDirection::Ltr, |d| d.dir);
            (tag.clone(), project.language_name(tag), dir)
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
                Format::Json => render_json(doc),
                Format::Html => {
                    let alternates = Alternate::for_document(&doc.id, &doc.locale, &langs);
                    render_html(doc, &alternates, &opts)?
                }
                Format::Text => render_text(doc, &opts),
                Format::Typst => render_typst(doc),
                other => bail!("format {other} is not supported by this build"),
            };
            Ok(Output { path: output_path(&doc.locale, &doc.id, *format), contents })
        })
        .collect();
    let mut outputs = rendered.into_iter().collect::<anyhow::Result<Vec<_>>>()?;
    outputs.sort_by(|a, b| a.path.cmp(&b.path));

    // The manifest and the index page.
    let manifest = manifest(&project, &report, &selected, &docs, &outputs);
    let titles: Vec<(String, String, String)> =
        docs.iter().map(|d| (d.locale.clone(), d.id.clone(), d.title.clone())).collect();
    outputs.push(Output { path: "index.json".into(), contents: render_manifest(&manifest) });
    if args.format.contains(&Format::Html) {
        outputs.push(Output {
            path: "index.html".into(),
            contents: render_index_html(&manifest, &titles),
        });
    }

    outputs
        .par_iter()
        .try_for_each(|o| write_atomic(&out_dir.join(&o.path), o.contents.as_bytes()))?;
    let (warnings, elapsed) = (report.warnings(), started.elapsed());
    writeln!(
        err,
        "built {} files: {} x {} x {} in {:.0?} -> {}{}",
        outputs.len(),
        plural(project.documents.len(), "document"),
        plural(selected.len(), "locale"),
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
    report: &crate::check::Report,
    selected: &[String],
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
    let locales = report
        .locales
        .iter()
        .filter(|l| selected.contains(&l.locale))
        .map(|l| {
            let prefix = format!("{}/", l.locale);
            ManifestLocale {
                locale: l.locale.clone(),
                name: l.name.clone(),
                dir: docs
                    .iter()
                    .find(|d| d.locale == l.locale)
                    .map_or(TextDirection::Ltr, |d| d.dir),
                coverage: l.coverage.ratio(),
                messages_total: l.coverage.messages_total,
                messages_translated: l.coverage.messages_translated,
                words_total: l.coverage.words_total,
                words_translated: l.coverage.words_translated,
                fallback_chain: project
                    .catalog
                    .fallback_chain(&l.locale)
                    .map(<[String]>::to_vec)
                    .unwrap_or_default(),
                files: outputs
                    .iter()
                    .filter(|o| o.path.starts_with(&prefix))
                    .map(|o| o.path.clone())
                    .collect(),
            }
        })
        .collect();
    Manifest { source_locale: source, locales, documents }
}
