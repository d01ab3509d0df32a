//! `tolk check` and `tolk stats`: run every check and report.

use std::process::ExitCode;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use anyhow::Context;
use rayon::prelude::*;
use tolk_content::{Code, Diagnostic, Severity};
use tolk_fluent::{
    Catalog, CheckOptions, Coverage, IndexOptions, LOCK_VERSION, LocaleIndex, Lock, SourceFile,
    check_documents, check_locale_with, index_locale, index_locale_with, parse_locale,
};

use crate::cli::{CheckArgs, LockArgs, ReportFormat, StatsArgs};
use crate::fsutil::{display_path, write_atomic};
use crate::project::{self, Meta};
use crate::report;

/// Coverage of one part of a document (the whole document, or one section).
#[derive(Debug, Clone)]
pub struct PartCoverage {
    /// The document or section id.
    pub id: String,
    /// Coverage of the messages that part uses.
    pub coverage: Coverage,
}

/// Coverage of one document in one locale, with its sections.
#[derive(Debug, Clone)]
pub struct DocumentCoverage {
    /// The whole document.
    pub document: PartCoverage,
    /// Each section, in document order.
    pub sections: Vec<PartCoverage>,
}

/// One locale's line in a report.
#[derive(Debug, Clone)]
pub struct LocaleSummary {
    /// The tag.
    pub locale: String,
    /// Its own name.
    pub name: String,
    /// Coverage against the source locale.
    pub coverage: Coverage,
    /// The minimum coverage in percent that applies to it.
    pub min_coverage: f64,
    /// Error diagnostics about it.
    pub errors: usize,
    /// Warning diagnostics about it.
    pub warnings: usize,
    /// Coverage per document and section (tolk projects only; sorted by document id).
    pub documents: Vec<DocumentCoverage>,
}

/// The result of checking a project.
#[derive(Debug, Clone)]
pub struct Report {
    /// The source locale.
    pub source_locale: String,
    /// Every locale, source first, then by tag.
    pub locales: Vec<LocaleSummary>,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Number of error diagnostics.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warning diagnostics.
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// The exit code for this report: 1 with errors (or warnings when denied), else 0.
    pub fn exit_code(&self, deny_warnings: bool) -> ExitCode {
        if self.errors() > 0 || (deny_warnings && self.warnings() > 0) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// A part of a check report, handed out in report order: first the diagnostics
/// about the project as a whole (configuration, documents), then one batch per
/// locale, source locale first, then by tag.
#[derive(Debug, Default)]
pub struct Batch {
    /// The diagnostics, sorted and without duplicates.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of the files they point into (only the lines they point at, for
    /// translations), by path.
    pub sources: BTreeMap<String, String>,
    /// The batch already rendered for the report, when the caller asked for it
    /// (rendering then runs on the worker threads, beside the checks).
    pub rendered: Option<String>,
}

/// Checks a project and collects the whole report (see [`check_project_with`]). The
/// texts the diagnostics point into are added to `meta.sources`.
pub fn check_project(
    meta: &mut Meta,
    loaded: Option<&Catalog>,
    min_coverage: Option<f64>,
) -> anyhow::Result<Report> {
    let mut diagnostics = Vec::new();
    let mut texts = BTreeMap::new();
    let locales = check_project_with(meta, loaded, min_coverage, &mut |batch| {
        diagnostics.extend(batch.diagnostics);
        texts.extend(batch.sources);
        Ok(())
    })?;
    for (path, text) in texts {
        meta.sources.entry(path).or_insert(text);
    }
    Ok(Report { source_locale: meta.source.clone(), locales, diagnostics })
}

/// Checks a project, handing each [`Batch`] of the report to `emit` as soon as it
/// and every batch before it are done, and returns every locale's summary (source
/// first, then by tag). With `loaded` (a catalog of every locale, as `tolk build`
/// has), the locales are taken from it; otherwise they are read, indexed, checked
/// and dropped in parallel, a few at a time, so memory holds the source locale, the
/// locales in flight and the batches waiting for an earlier one, whatever the
/// number of locales. `min_coverage` (percent) overrides every locale's configured
/// minimum. The result does not depend on the thread schedule.
pub fn check_project_with(
    meta: &Meta,
    loaded: Option<&Catalog>,
    min_coverage: Option<f64>,
    emit: &mut dyn FnMut(Batch) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<LocaleSummary>> {
    let checked = check_project_inspecting(meta, loaded, min_coverage, &|_, _| (), emit)?;
    Ok(checked.into_iter().map(|(summary, ())| summary).collect())
}

/// [`check_project_with`], which also hands every locale's index, while it is in
/// memory, to `inspect` (on any thread), and returns what it found beside each
/// summary.
pub fn check_project_inspecting<T: Send>(
    meta: &Meta,
    loaded: Option<&Catalog>,
    min_coverage: Option<f64>,
    inspect: &(dyn Fn(&str, &LocaleIndex) -> T + Sync),
    emit: &mut dyn FnMut(Batch) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<(LocaleSummary, T)>> {
    check_project_full(meta, loaded, min_coverage, inspect, None, emit)
}

/// What renders a batch of diagnostics (with the texts they point into) for the
/// report; it must not depend on the batches before it.
pub type Render<'a> = &'a (dyn Fn(&[Diagnostic], &BTreeMap<String, String>) -> String + Sync);

/// [`check_project_with`], which also renders each locale's batch with `render`
/// on the thread that checked the locale, into [`Batch::rendered`].
pub fn check_project_rendering(
    meta: &Meta,
    min_coverage: Option<f64>,
    render: Render<'_>,
    emit: &mut dyn FnMut(Batch) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<LocaleSummary>> {
    let checked = check_project_full(meta, None, min_coverage, &|_, _| (), Some(render), emit)?;
    Ok(checked.into_iter().map(|(summary, ())| summary).collect())
}

fn check_project_full<T: Send>(
    meta: &Meta,
    loaded: Option<&Catalog>,
    min_coverage: Option<f64>,
    inspect: &(dyn Fn(&str, &LocaleIndex) -> T + Sync),
    render: Option<Render<'_>>,
    emit: &mut dyn FnMut(Batch) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<(LocaleSummary, T)>> {
    let hashes = meta.lock.is_some();
    let index_of = |tag: &str,
                    dir: &std::path::Path|
     -> anyhow::Result<(LocaleIndex, Vec<Diagnostic>, Vec<SourceFile>)> {
        let (files, mut diags) = meta.read_locale(tag, dir)?;
        // Words and letters are counted in the source locale only: coverage by
        // words and the `untranslated` rule read them there.
        let opts = IndexOptions { hashes, counts: tag == meta.source };
        let (index, more) = index_locale_with(tag, &files, opts)?;
        let index = index.with_dir(format!("{}/", display_path(&meta.root, dir)));
        diags.extend(more);
        Ok((index, diags, files))
    };
    let source_dir = meta.locales.iter().find(|(t, _)| *t == meta.source).map(|(_, d)| d.clone());
    let source_dir = source_dir.context("no source locale directory")?;

    // Diagnostics found before checking go to their locale's batch, or to the
    // project's.
    let mut early: BTreeMap<Option<String>, Vec<Diagnostic>> = BTreeMap::new();
    let is_locale =
        |l: &Option<String>| l.as_ref().is_some_and(|l| meta.locales.iter().any(|(t, _)| t == l));
    let mut route = |d: Diagnostic| {
        let key = if is_locale(&d.locale) { d.locale.clone() } else { None };
        early.entry(key).or_default().push(d);
    };
    for d in &meta.diagnostics {
        route(d.clone());
    }

    // The source locale, and the locales that appear inside some fallback chain,
    // stay in memory; the others stream.
    let mut owned_source: Option<LocaleIndex> = None;
    let mut source_texts: Vec<SourceFile> = Vec::new();
    let source: &LocaleIndex = match loaded {
        Some(catalog) => catalog.source_locale().index(),
        None => {
            let (index, diags, files) = index_of(&meta.source, &source_dir)?;
            diags.into_iter().for_each(&mut route);
            source_texts = files;
            &*owned_source.insert(index)
        }
    };
    let chains = meta.fallback_chains()?;
    let intermediate: BTreeSet<&str> = chains
        .values()
        .flat_map(|c| c.iter().skip(1))
        .filter(|t| **t != meta.source)
        .map(String::as_str)
        .collect();
    let mut held: BTreeMap<String, LocaleIndex> = BTreeMap::new();
    if loaded.is_none() {
        for (tag, dir) in meta.locales.iter().filter(|(t, _)| intermediate.contains(t.as_str())) {
            let (index, _, _) = index_of(tag, dir)?;
            held.insert(tag.clone(), index);
        }
    }
    let get = |tag: &str| -> Option<&LocaleIndex> {
        match loaded {
            Some(c) => c.locale(tag).map(|l| l.index()),
            None => held.get(tag),
        }
    };

    if meta.has_config {
        let docs: Vec<(&str, &tolk_content::Document)> =
            meta.documents.iter().map(|(f, d)| (f.as_str(), d)).collect();
        check_documents(&docs, source).into_iter().for_each(&mut route);
    }

    // The project's batch.
    let mut project = early.remove(&None).unwrap_or_default();
    sort_diagnostics(&mut project);
    let texts = project
        .iter()
        .filter_map(|d| d.file.as_ref())
        .filter_map(|f| meta.sources.get_key_value(f))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    emit(Batch { diagnostics: project, sources: texts, rendered: None })?;

    // Report order: the source locale, then by tag.
    let mut order: Vec<&(String, std::path::PathBuf)> = meta.locales.iter().collect();
    order.sort_by(|a, b| (a.0 != meta.source, &a.0).cmp(&(b.0 != meta.source, &b.0)));
    let early = &early;
    let whole_source = &source_texts;

    let check_one = |tag: &String,
                     dir: &std::path::PathBuf|
     -> anyhow::Result<(LocaleSummary, T, Batch)> {
        let min = min_coverage.or(meta.config.locale(tag).min_coverage).unwrap_or(100.0);
        let missing = if min >= 100.0 { Severity::Error } else { Severity::Warning };
        let chain: Vec<&LocaleIndex> = chains[tag]
            .iter()
            .skip(1)
            .filter(|t| **t != meta.source)
            .filter_map(|t| get(t))
            .collect();
        let opts =
            CheckOptions { missing, chain, locked: meta.lock.as_ref().and_then(|l| l.locale(tag)) };
        let streamed;
        let (target, mut diags, files) = if *tag == meta.source {
            (source, Vec::new(), Vec::new())
        } else if let Some(index) = loaded.and_then(|c| c.locale(tag)).map(|l| l.index()) {
            (index, Vec::new(), Vec::new())
        } else {
            let (index, diags, files) = index_of(tag, dir)?;
            streamed = index;
            (&streamed, diags, files)
        };
        diags.extend(early.get(&Some(tag.clone())).into_iter().flatten().cloned());
        let r = check_locale_with(source, target, &opts);
        let found = inspect(tag, target);
        let coverage = r.coverage;
        diags.extend(r.diagnostics);
        // Below 100 %, missing messages are warnings, so the threshold is what
        // fails; at 100 % every missing message is already an error.
        let percent = coverage.ratio() * 100.0;
        if percent + 1e-9 < min && min < 100.0 {
            diags.push(
                Diagnostic::new(
                    Code::CoverageBelowMinimum,
                    format!(
                        "`{tag}` translates {percent:.1} % of messages; the minimum is {min} %"
                    ),
                )
                .in_locale(tag)
                .with_note(format!(
                    "{} of {} messages translated",
                    coverage.messages_translated, coverage.messages_total
                )),
            );
        }
        let part = |id: &str, ids: &mut dyn Iterator<Item = &str>| PartCoverage {
            id: id.to_owned(),
            coverage: Coverage::of(ids, source, target),
        };
        let documents = meta
            .documents
            .iter()
            .map(|(_, doc)| DocumentCoverage {
                document: part(&doc.id, &mut doc.message_refs().map(|m| m.id.as_str())),
                sections: doc
                    .sections
                    .iter()
                    .map(|s| {
                        let mut ids = std::iter::once(&s.heading)
                            .chain(s.blocks.iter().flat_map(|b| b.message_refs()))
                            .map(|m| m.id.as_str());
                        part(&s.id, &mut ids)
                    })
                    .collect(),
            })
            .collect();
        sort_diagnostics(&mut diags);
        // Keep, of the files that diagnostics point into, only the lines they
        // point at: memory then follows the report, not the size of the locale.
        // The source locale's files (indexed once, above) are kept whole.
        let mut texts = BTreeMap::new();
        let whole = if *tag == meta.source { whole_source.as_slice() } else { &[] };
        for f in files.iter().chain(whole) {
            let mut mine: Vec<&mut Diagnostic> = diags
                .iter_mut()
                .filter(|d| d.span.is_some() && d.file.as_deref() == Some(f.path.as_str()))
                .collect();
            if mine.is_empty() {
                continue;
            }
            let text =
                if *tag == meta.source { f.text.clone() } else { keep_lines(&f.text, &mut mine) };
            texts.insert(f.path.clone(), text);
        }
        for d in diags.iter().filter_map(|d| d.file.as_ref()) {
            if !texts.contains_key(d)
                && let Some((k, v)) = meta.sources.get_key_value(d)
            {
                texts.insert(k.clone(), v.clone());
            }
        }
        let (errors, warnings) = count(&diags);
        let summary = LocaleSummary {
            locale: tag.clone(),
            name: meta.language_name(tag),
            coverage,
            min_coverage: min,
            errors,
            warnings,
            documents,
        };
        let rendered = render.map(|r| r(&diags, &texts));
        Ok((summary, found, Batch { diagnostics: diags, sources: texts, rendered }))
    };

    // Workers take locales in report order and send each result back; this thread
    // hands them to `emit` in that order, holding only those that finish early.
    // The channel is bounded, so workers wait while this thread is behind writing.
    type Checked<T> = anyhow::Result<(LocaleSummary, T, Batch)>;
    let (tx, rx) =
        std::sync::mpsc::sync_channel::<(usize, Checked<T>)>(rayon::current_num_threads());
    let mut summaries = Vec::with_capacity(order.len());
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let order = &order;
        let check_one = &check_one;
        scope.spawn(move || {
            order.iter().enumerate().par_bridge().for_each_with(tx, |tx, (i, (tag, dir))| {
                let _ = tx.send((i, check_one(tag, dir)));
            });
        });
        let mut waiting: BTreeMap<usize, Checked<T>> = BTreeMap::new();
        let mut next = 0;
        for (i, result) in rx.iter() {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                let (summary, found, batch) = result?;
                emit(batch)?;
                summaries.push((summary, found));
                next += 1;
            }
        }
        Ok(())
    })?;
    // The source locale is freed on a worker: the report is done and the caller
    // need not wait (nor, at exit, the process).
    let (index, texts) = (owned_source.take(), std::mem::take(&mut source_texts));
    rayon::spawn(move || drop((index, texts, held)));
    Ok(summaries)
}

/// Report order within a batch: by file and position, then locale, code, id, text.
fn sort_diagnostics(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// Errors and warnings among `diags`.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diags.len() - errors)
}

/// A copy of `text` with only the lines that `diags` point at; every other line is
/// left empty, so line numbers and columns stay the same. The diagnostics' spans
/// are moved to point into the copy. An offset at or past the end counts as on the
/// last line.
fn keep_lines(text: &str, diags: &mut [&mut Diagnostic]) -> String {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        for d in diags.iter_mut() {
            if let Some(span) = d.span.clone() {
                d.span = Some(span.start..span.end.max(span.start));
            }
        }
        return String::new();
    }
    // The line around an offset: from after the `\n` before it to after the next.
    let line = |offset: usize| {
        let at = offset.min(bytes.len() - 1);
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |p| p + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
        (start, end)
    };
    // The kept lines, as merged byte ranges in order.
    let mut kept: Vec<(usize, usize)> = diags
        .iter()
        .filter_map(|d| d.span.as_ref())
        .map(|s| (line(s.start).0, line(s.end.max(s.start)).1))
        .collect();
    kept.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(kept.len());
    for (a, b) in kept {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    // Each range is copied; what lies between keeps only its line breaks.
    let mut out = String::with_capacity(merged.iter().map(|(a, b)| b - a).sum::<usize>() + 64);
    let mut moved_to = Vec::with_capacity(merged.len());
    let mut pos = 0;
    for &(a, b) in &merged {
        let breaks = memchr::memchr_iter(b'\n', &bytes[pos..a]).count();
        out.extend(std::iter::repeat_n('\n', breaks));
        moved_to.push(out.len());
        out.push_str(&text[a..b]);
        pos = b;
    }
    out.extend(std::iter::repeat_n('\n', memchr::memchr_iter(b'\n', &bytes[pos..]).count()));
    let moved = |offset: usize| {
        let (start, _) = line(offset);
        let i = merged.partition_point(|(a, _)| *a <= start).saturating_sub(1);
        let (a, _) = merged.get(i).copied().unwrap_or((0, 0));
        moved_to.get(i).copied().unwrap_or(0) + offset.saturating_sub(a)
    };
    for d in diags.iter_mut() {
        if let Some(span) = d.span.clone() {
            d.span = Some(moved(span.start)..moved(span.end.max(span.start)));
        }
    }
    out
}

/// `tolk check`.
///
/// The report is printed as it is made, locale by locale, so memory does not grow
/// with the number of locales.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let meta = project::load_meta(&args.project.path, &args.project.source_locale)?;
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let color = report::color_for(args.format);
    let mut writer = report::ReportWriter::new(args.format, color, out, &meta.source)?;
    let (mut errors, mut warnings) = (0, 0);
    let renderer = writer.renderer();
    let render = |d: &[Diagnostic], s: &BTreeMap<String, String>| renderer.render(d, s);
    let locales = check_project_rendering(&meta, args.min_coverage, &render, &mut |batch| {
        let (e, w) = count(&batch.diagnostics);
        (errors, warnings) = (errors + e, warnings + w);
        match batch.rendered {
            Some(text) => writer.write_rendered(&batch.diagnostics, &batch.sources, text)?,
            None => writer.batch(&batch.diagnostics, &batch.sources)?,
        }
        Ok(())
    })?;
    writer.finish(&locales)?;
    Ok(if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `tolk stats`.
pub fn run_stats(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let mut meta = project::load_meta(&args.project.path, &args.project.source_locale)?;
    let report = check_project(&mut meta, None, None)?;
    match args.format {
        ReportFormat::Human => report::print_table(&report)?,
        _ => report::print(args.format, &meta.sources, &report)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `tolk lock`: records, for every locale, which source text each translation was
/// made from, in `tolk.lock`. Stale entries stay stale unless accepted.
pub fn run_lock(args: &LockArgs) -> anyhow::Result<ExitCode> {
    let meta = project::load_meta(&args.project.path, &args.project.source_locale)?;
    let mut lock = meta.lock.clone().unwrap_or(Lock { version: LOCK_VERSION, ..Lock::default() });
    let mut accept: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    if let Some((locale, ids)) = args.accept.split_first() {
        let tag = parse_locale(locale)?.to_string();
        if !meta.locales.iter().any(|(t, _)| *t == tag) {
            anyhow::bail!("--accept: no locale `{locale}` in this project");
        }
        accept.entry(tag).or_default().extend(ids.iter().cloned());
    }
    let source_dir =
        &meta.locales.iter().find(|(t, _)| *t == meta.source).context("no source locale")?.1;
    let (files, _) = meta.read_locale(&meta.source, source_dir)?;
    let (source, _) = index_locale(&meta.source, &files, true)?;
    for (tag, ids) in &accept {
        for id in ids {
            if !source.entries().contains_key(id) {
                anyhow::bail!("--accept {tag} {id}: the source locale has no message `{id}`");
            }
        }
    }
    let updated: Vec<anyhow::Result<(String, LocaleIndex)>> = meta
        .locales
        .par_iter()
        .filter(|(t, _)| *t != meta.source)
        .map(|(tag, dir)| {
            let (files, _) = meta.read_locale(tag, dir)?;
            let opts = IndexOptions { hashes: true, counts: false };
            Ok((tag.clone(), index_locale_with(tag, &files, opts)?.0))
        })
        .collect();
    let empty = BTreeSet::new();
    let mut tags = BTreeSet::new();
    for result in updated {
        let (tag, index) = result?;
        lock.update(&source, &index, accept.get(&tag).unwrap_or(&empty));
        tags.insert(tag);
    }
    lock.retain_locales(&tags);
    // Edit the existing file in place, so that comments and keys this version does
    // not know survive; write only when something changed, and atomically.
    let path = meta.root.join(project::LOCK_FILE);
    let previous = match &meta.lock {
        Some(_) => crate::fsutil::read_text(&path, project::LOCK_FILE).ok(),
        None => None,
    };
    let text = match &previous {
        Some(previous) => lock.update_text(previous),
        None => lock.to_toml(),
    };
    let changed = previous.as_deref() != Some(text.as_str());
    if changed {
        write_atomic(&path, text.as_bytes())?;
    }
    let entries: usize = lock.locales.values().map(|m| m.len()).sum();
    let mut err = std::io::stderr().lock();
    let done = if changed { "wrote" } else { "unchanged" };
    writeln!(err, "{done} {}: {} translations in {} locales", path.display(), entries, tags.len())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first way lines were kept: every line's range, then a flag per line.
    fn keep_lines_by_table(text: &str, diags: &mut [&mut Diagnostic]) -> String {
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            lines.push((start, start + line.len()));
            start += line.len();
        }
        let line_of = |offset: usize| {
            lines.partition_point(|(_, end)| *end <= offset).min(lines.len().saturating_sub(1))
        };
        let mut keep = vec![false; lines.len()];
        for d in diags.iter() {
            if let Some(span) = &d.span {
                for k in keep
                    .iter_mut()
                    .take(line_of(span.end.max(span.start)) + 1)
                    .skip(line_of(span.start))
                {
                    *k = true;
                }
            }
        }
        let mut out = String::new();
        let mut new_start = vec![0; lines.len()];
        for (i, (a, b)) in lines.iter().enumerate() {
            new_start[i] = out.len();
            if keep[i] {
                out.push_str(&text[*a..*b]);
            } else if text[*a..*b].ends_with('\n') {
                out.push('\n');
            }
        }
        let moved = |offset: usize| {
            let line = line_of(offset);
            let (a, _) = lines.get(line).copied().unwrap_or((0, 0));
            new_start.get(line).copied().unwrap_or(0) + offset.saturating_sub(a)
        };
        for d in diags.iter_mut() {
            if let Some(span) = d.span.clone() {
                d.span = Some(moved(span.start)..moved(span.end.max(span.start)));
            }
        }
        out
    }

    #[test]
    fn kept_lines_match_a_line_table() {
        let texts = [
            "",
            "\n",
            "a",
            "a = A",
            "a = A\n",
            "\n\na = A\n\nb = B\n",
            "a = A\nb = { $x\n  }\nc = C",
        ];
        for text in texts {
            let n = text.len();
            let spans: Vec<std::ops::Range<usize>> =
                (0..=n + 2).flat_map(|a| [a..a, a..a + 1, a..a + 3, a..n + 1, a + 2..a]).collect();
            for pair in spans.windows(2) {
                let make = |r: &std::ops::Range<usize>| {
                    Diagnostic::new(Code::ObsoleteMessage, "d").at("f", r.clone())
                };
                let (mut a1, mut a2) = (make(&pair[0]), make(&pair[1]));
                let (mut b1, mut b2) = (make(&pair[0]), make(&pair[1]));
                let fast = keep_lines(text, &mut [&mut a1, &mut a2]);
                let slow = keep_lines_by_table(text, &mut [&mut b1, &mut b2]);
                assert_eq!(
                    (&fast, &a1.span, &a2.span),
                    (&slow, &b1.span, &b2.span),
                    "{text:?} {pair:?}"
                );
            }
        }
    }

    #[test]
    fn kept_lines_keep_positions() {
        let text = "a = A\nb = B { $x }\nc = C\nd = D\n";
        let mut d1 = Diagnostic::new(Code::UnknownVariable, "x").at("f", 14..16);
        let mut d2 = Diagnostic::new(Code::ObsoleteMessage, "d").at("f", 25..26);
        let before = [tolk_content::line_col(text, 14), tolk_content::line_col(text, 25)];
        let kept = keep_lines(text, &mut [&mut d1, &mut d2]);
        assert_eq!(kept, "\nb = B { $x }\n\nd = D\n");
        assert_eq!(&kept[d1.span.clone().unwrap()], "$x");
        assert_eq!(&kept[d2.span.clone().unwrap()], "d");
        let after = [
            tolk_content::line_col(&kept, d1.span.clone().unwrap().start),
            tolk_content::line_col(&kept, d2.span.clone().unwrap().start),
        ];
        assert_eq!(before, after);
    }
}
