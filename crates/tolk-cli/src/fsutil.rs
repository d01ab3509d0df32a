//! File-system helpers: reading user files into text, atomic writes, and the
//! output directory of a build, replaced as a whole.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use tolk_content::{Code, Diagnostic};

/// `path` relative to `root`, with `/` separators, for diagnostics and reports.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut shown = String::with_capacity(rel.as_os_str().len());
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            shown.push('/');
        }
        shown.push_str(&c.as_os_str().to_string_lossy());
    }
    shown
}

/// The largest file [`read_text`] reads: 16 MiB. Translation files and content
/// documents are a few kilobytes to a few hundred; a larger file is a mistake (a
/// generated dump, a wrong path) and reading it would only cost memory.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a text file of at most [`MAX_TEXT_BYTES`]. A missing or unreadable file, a
/// directory, a FIFO or device (never opened: a FIFO would block and a device may
/// never end), a larger file, one with NUL bytes, or one that is not UTF-8 gives an
/// `unreadable-file` diagnostic naming it (with the byte offset of the first bad
/// byte). A leading byte-order mark is removed.
pub fn read_text(path: &Path, shown: &str) -> Result<String, Box<Diagnostic>> {
    read_text_up_to(path, shown, MAX_TEXT_BYTES)
}

/// [`read_text`] with another size limit, in bytes.
pub fn read_text_up_to(path: &Path, shown: &str, limit: u64) -> Result<String, Box<Diagnostic>> {
    read_text_from(path, shown, limit, false)
}

/// [`read_text`] of a path from a directory listing, with whether the listing gave
/// it as a regular file (not a link). Such a file is opened at once and its size
/// asked of the open file, which saves looking the path up twice; a file replaced
/// since the listing is still refused if it is not a regular file. Anything else
/// is read as [`read_text`] does.
pub fn read_listed_file(
    path: &Path,
    shown: &str,
    regular: bool,
) -> Result<String, Box<Diagnostic>> {
    read_text_from(path, shown, MAX_TEXT_BYTES, regular)
}

fn read_text_from(
    path: &Path,
    shown: &str,
    limit: u64,
    listed_regular: bool,
) -> Result<String, Box<Diagnostic>> {
    use std::io::Read;
    let fail = |text: String| Box::new(Diagnostic::new(Code::UnreadableFile, text).in_file(shown));
    let cannot = |e: std::io::Error| fail(format!("cannot read `{shown}`: {e}"));
    let too_large = |len: u64| {
        let d = Diagnostic::new(
            Code::UnreadableFile,
            format!(
                "`{shown}` is larger than {} MiB ({:.1} MB); it is not read",
                limit / (1024 * 1024),
                len as f64 / 1e6
            ),
        )
        .in_file(shown)
        .with_note("split it into several files");
        Box::new(d)
    };
    let (meta, opened) = if listed_regular {
        let file = std::fs::File::open(path).map_err(cannot)?;
        (file.metadata().map_err(cannot)?, Some(file))
    } else {
        (std::fs::metadata(path).map_err(cannot)?, None)
    };
    if meta.is_dir() {
        return Err(fail(format!("`{shown}` is a directory")));
    }
    if !meta.is_file() {
        return Err(fail(format!("`{shown}` is not a regular file (a FIFO, socket or device)")));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    // Room for the whole file up front: `take` hides the size from `read_to_end`,
    // which would otherwise grow the buffer step by step.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    // `take` keeps the limit even if the file grows while it is read.
    opened
        .map_or_else(|| std::fs::File::open(path), Ok)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        let d = Diagnostic::new(
            Code::UnreadableFile,
            format!("`{shown}` contains a NUL byte at offset {at}"),
        )
        .in_file(shown)
        .with_note("text files have none: save the file as UTF-8 (UTF-16 has one in every ASCII character)");
        return Err(Box::new(d));
    }
    let mut text = utf8_string(bytes).map_err(|at| {
        let d = Diagnostic::new(
            Code::UnreadableFile,
            format!("`{shown}` is not valid UTF-8 (first invalid byte at offset {at})"),
        )
        .in_file(shown)
        .with_note("save the file as UTF-8");
        Box::new(d)
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// `bytes` as a `String`, or the offset of the first byte that is not UTF-8.
///
/// Validation is SIMD (`simdutf8`), several times faster than the standard
/// library's on text that is mostly not ASCII, which is most translations.
fn utf8_string(bytes: Vec<u8>) -> Result<String, usize> {
    match simdutf8::basic::from_utf8(&bytes) {
        #[allow(unsafe_code)]
        // SAFETY: `simdutf8` has just checked that `bytes` is valid UTF-8.
        Ok(_) => Ok(unsafe { String::from_utf8_unchecked(bytes) }),
        // The fast check does not say where: ask the exact one.
        Err(_) => Err(std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| 0)),
    }
}

/// Writes `contents` to `path` atomically: into a temporary file in the same
/// directory, then renamed over `path`. A reader never sees a half-written file, and
/// an interrupted write leaves the old file (or none).
pub fn write_atomic(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tolk-")
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    tmp.write_all(contents).with_context(|| format!("writing {}", path.display()))?;
    tmp.as_file().sync_all().with_context(|| format!("writing {}", path.display()))?;
    tmp.persist(path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Whether `inner` is `outer` or inside it (both made absolute first, without
/// needing either to exist).
pub fn is_within(inner: &Path, outer: &Path) -> bool {
    fn absolute(p: &Path) -> PathBuf {
        let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        // Resolve symlinks where the path exists.
        p.canonicalize().unwrap_or(p)
    }
    absolute(inner).starts_with(absolute(outer))
}

/// The output directory of `tolk build`, replaced as a whole by each build.
///
/// A build writes every file into a staging directory beside the output (same
/// parent, so the same file system), `.<name>.tolk-staging-<pid>`, flushes it to
/// disk, and only then swaps it into place. On Linux the swap is one
/// `renameat2(RENAME_EXCHANGE)`; where the file system does not support it (and on
/// other systems) it is two renames: the output to `.<name>.tolk-old-<pid>`, then
/// the staging directory to the output.
///
/// # Crash guarantee
///
/// A build killed at any instant (`SIGKILL`, power loss after the files were
/// flushed) leaves the output directory either exactly as the previous build left
/// it or exactly as this build made it, never a mix:
///
/// - With `RENAME_EXCHANGE`, the output path always names a complete directory. The
///   worst case leaves one hidden `.<name>.tolk-staging-<pid>` sibling holding a
///   partial new output (killed before the swap) or the partly removed previous
///   output (killed after it).
/// - With two renames, a build killed between them leaves no output directory and
///   the complete previous output in `.<name>.tolk-old-<pid>`.
///
/// The next build into the same output directory ([`OutputDir::prepare`]) repairs
/// both before anything else: it renames an orphaned `.<name>.tolk-old-<pid>` back
/// when the output is missing, and removes the other leftovers of builds whose
/// process is gone. Leftovers of a running build are left alone.
///
/// A failed build (a write error such as a full disk, or any error after staging
/// began) removes its staging directory and leaves the previous output untouched.
#[derive(Debug)]
pub struct OutputDir {
    /// The output directory: absolute, its parent's symbolic links resolved (an
    /// output that is itself a link to a directory is replaced where it points).
    path: PathBuf,
    /// Its parent, where the staging directory goes.
    parent: PathBuf,
    /// Its file name.
    name: String,
}

/// A staging directory being filled; removed on drop unless swapped into place.
#[derive(Debug)]
pub struct Staging<'a> {
    out: &'a OutputDir,
    dir: PathBuf,
    done: bool,
}

impl OutputDir {
    /// Checks that `out` may be replaced, and repairs what a killed build left
    /// behind. `out` must be missing, an empty directory, or a directory written by
    /// `tolk build` (one with its manifest, `index.json`): a build never replaces a
    /// directory of the user's. Nothing is created yet.
    pub fn prepare(out: &Path) -> anyhow::Result<OutputDir> {
        let mut path = std::path::absolute(out)
            .with_context(|| format!("the output path {} is not valid", out.display()))?;
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            path = path.canonicalize().with_context(|| {
                format!("the output path {} is a broken symbolic link", out.display())
            })?;
        }
        let name = match path.file_name().and_then(|n| n.to_str()) {
            Some(n) if path.parent().is_some() => n.to_owned(),
            _ => bail!("the output path {} does not name a directory", out.display()),
        };
        let mut parent = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        match std::fs::metadata(&parent) {
            Ok(m) if !m.is_dir() => {
                bail!(
                    "cannot write the output into {}: {} is not a directory",
                    out.display(),
                    parent.display()
                )
            }
            Ok(_) => {
                parent = parent
                    .canonicalize()
                    .with_context(|| format!("cannot read {}", parent.display()))?;
                path = parent.join(&name);
            }
            Err(_) => {}
        }
        let dir = OutputDir { path, parent, name };
        dir.recover()?;
        match std::fs::symlink_metadata(&dir.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.path.display())),
            Ok(m) if !m.is_dir() => {
                bail!("the output path {} exists and is not a directory", dir.path.display())
            }
            Ok(_) => {
                let mut entries = std::fs::read_dir(&dir.path)
                    .with_context(|| format!("cannot read {}", dir.path.display()))?;
                if entries.next().is_some() && !is_tolk_manifest(&dir.path.join("index.json")) {
                    bail!(
                        "refusing to replace {}: it is not empty and has no index.json written by `tolk build`, and a build replaces its output directory as a whole; choose a new or empty directory",
                        dir.path.display()
                    );
                }
            }
        }
        Ok(dir)
    }

    /// The output directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name of a leftover of the process `pid`: `.<name>.tolk-<kind>-<pid>`.
    fn leftover(&self, kind: &str, pid: u32) -> PathBuf {
        self.parent.join(format!(".{}.tolk-{kind}-{pid}", self.name))
    }

    /// Repairs what builds that were killed left behind: restores the previous
    /// output when a build died between its two renames, and removes staging and
    /// old directories of processes that are gone.
    fn recover(&self) -> anyhow::Result<()> {
        let Ok(entries) = std::fs::read_dir(&self.parent) else { return Ok(()) };
        let prefix = format!(".{}.tolk-", self.name);
        let mut found: Vec<(String, u32, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let file_name = e.file_name().into_string().ok()?;
                let (kind, pid) = file_name.strip_prefix(&prefix)?.split_once('-')?;
                let pid: u32 = pid.parse().ok()?;
                let dead = pid == std::process::id() || !process_exists(pid);
                (dead && matches!(kind, "staging" | "old"))
                    .then(|| (kind.to_owned(), pid, e.path()))
            })
            .collect();
        // Restore first, then clean up, in a stable order.
        found.sort_by_key(|a| (a.0 != "old", a.1));
        for (kind, _, leftover) in found {
            if kind == "old" && std::fs::symlink_metadata(&self.path).is_err() {
                std::fs::rename(&leftover, &self.path).with_context(|| {
                    format!(
                        "cannot restore the previous output {} from {}",
                        self.path.display(),
                        leftover.display()
                    )
                })?;
                sync_dir(&self.parent);
            } else {
                std::fs::remove_dir_all(&leftover).with_context(|| {
                    format!("cannot remove {}, left by an interrupted build", leftover.display())
                })?;
            }
        }
        Ok(())
    }

    /// Creates the staging directory.
    pub fn stage(&self) -> anyhow::Result<Staging<'_>> {
        std::fs::create_dir_all(&self.parent)
            .with_context(|| format!("cannot create {}", self.parent.display()))?;
        let dir = self.leftover("staging", std::process::id());
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("cannot remove {}", dir.display()))?;
        }
        std::fs::create_dir(&dir).with_context(|| {
            format!(
                "cannot create the staging directory {} beside the output directory",
                dir.display()
            )
        })?;
        Ok(Staging { out: self, dir, done: false })
    }
}

impl Staging<'_> {
    /// Writes one file, `rel` relative to the output directory with `/` separators.
    /// The error names the file.
    pub fn write(&self, rel: &str, contents: &[u8]) -> anyhow::Result<()> {
        let path = self.dir.join(rel);
        let what = || {
            format!(
                "cannot write {} (staged in {})",
                self.out.path.join(rel).display(),
                self.dir.display()
            )
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(what)?;
        }
        let mut file = std::fs::File::create(&path).with_context(what)?;
        file.write_all(contents).with_context(what)?;
        file.sync_all().with_context(what)?;
        Ok(())
    }

    /// Swaps the staging directory into place and removes the previous output (see
    /// [`OutputDir`] for what an interruption leaves). `Ok` carries a warning when
    /// the new output is in place but the previous one could not be removed.
    pub fn commit(self) -> anyhow::Result<Option<String>> {
        self.commit_with(exchange)
    }

    /// [`Staging::commit`] with `exchange` as the atomic swap.
    fn commit_with(
        mut self,
        exchange: fn(&Path, &Path) -> std::io::Result<bool>,
    ) -> anyhow::Result<Option<String>> {
        let out = self.out;
        for entry in walkdir::WalkDir::new(&self.dir).contents_first(true) {
            let entry = entry.with_context(|| format!("cannot read {}", self.dir.display()))?;
            if entry.file_type().is_dir() {
                std::fs::File::open(entry.path())
                    .and_then(|d| d.sync_all())
                    .with_context(|| format!("cannot flush {}", entry.path().display()))?;
            }
        }
        let previous = std::fs::symlink_metadata(&out.path).ok();
        let swapped = |what: &str| format!("cannot move {} to {}", what, out.path.display());
        let old = match previous {
            None => {
                std::fs::rename(&self.dir, &out.path)
                    .with_context(|| swapped(&self.dir.display().to_string()))?;
                self.done = true;
                None
            }
            Some(meta) => {
                // Keep the permissions of the directory being replaced.
                let _ = std::fs::set_permissions(&self.dir, meta.permissions());
                if exchange(&self.dir, &out.path)
                    .with_context(|| swapped(&self.dir.display().to_string()))?
                {
                    // The staging path now holds the previous output.
                    self.done = true;
                    Some(self.dir.clone())
                } else {
                    let old = out.leftover("old", std::process::id());
                    std::fs::rename(&out.path, &old).with_context(|| {
                        format!("cannot move {} to {}", out.path.display(), old.display())
                    })?;
                    if let Err(e) = std::fs::rename(&self.dir, &out.path) {
                        let _ = std::fs::rename(&old, &out.path);
                        return Err(e).with_context(|| swapped(&self.dir.display().to_string()));
                    }
                    self.done = true;
                    Some(old)
                }
            }
        };
        sync_dir(&out.parent);
        Ok(old.and_then(|old| {
            std::fs::remove_dir_all(&old).err().map(|e| {
                format!(
                    "could not remove the previous output, moved to {}: {e} (the next build removes it)",
                    old.display()
                )
            })
        }))
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Swaps two directories atomically. `Ok(false)` when the system or file system
/// cannot (the caller then renames twice).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Whether the process `pid` is running. Where that cannot be known, `false`: the
/// leftovers of a build running at the same moment into the same output directory
/// are then removed, which fails that build without touching the output.
fn process_exists(pid: u32) -> bool {
    cfg!(target_os = "linux")
        && Path::new("/proc/self").exists()
        && Path::new("/proc").join(pid.to_string()).exists()
}

/// Flushes a directory's entries (renames, new files) to disk, where the system
/// supports it; best effort.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether `path` is a manifest written by `tolk build`.
fn is_tolk_manifest(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else { return false };
    let Ok(serde_json::Value::Object(m)) = serde_json::from_slice(&bytes) else { return false };
    m.get("schema_version").is_some_and(serde_json::Value::is_u64)
        && m.get("source_locale").is_some_and(serde_json::Value::is_string)
        && m.get("locales").is_some_and(serde_json::Value::is_array)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_files_read_as_any_file_does() {
        let tmp = tempfile::TempDir::new().unwrap();
        let cases: [(&str, &[u8]); 4] = [
            ("plain.ftl", b"a = A\n"),
            ("bom.ftl", b"\xef\xbb\xbfa = A\r\n"),
            ("nul.ftl", b"a = \0\n"),
            ("latin1.ftl", b"a = \xe9\n"),
        ];
        for (name, bytes) in cases {
            let path = tmp.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let text = |r: Result<String, Box<Diagnostic>>| r.map_err(|d| d.text);
            assert_eq!(
                text(read_listed_file(&path, name, true)),
                text(read_text(&path, name)),
                "{name}"
            );
        }
        let err = read_listed_file(tmp.path(), "dir", true).unwrap_err();
        assert!(err.text.contains("is a directory"), "{}", err.text);
        let err = read_listed_file(&tmp.path().join("gone.ftl"), "gone.ftl", true).unwrap_err();
        assert!(err.text.contains("cannot read `gone.ftl`"), "{}", err.text);
    }

    #[test]
    fn display_paths_are_relative_with_slashes() {
        let root = Path::new("/p/proj");
        assert_eq!(display_path(root, Path::new("/p/proj/locales/fr/a.ftl")), "locales/fr/a.ftl");
        assert_eq!(
            display_path(root, Path::new("/p/proj/./locales//de/b.ftl")),
            "locales/de/b.ftl"
        );
        assert_eq!(display_path(root, Path::new("/p/proj")), "");
        assert_eq!(display_path(root, Path::new("other/x.ftl")), "other/x.ftl");
    }

    fn build(
        out: &OutputDir,
        files: &[(&str, &str)],
        exchange: fn(&Path, &Path) -> std::io::Result<bool>,
    ) {
        let staging = out.stage().unwrap();
        for (rel, text) in files {
            staging.write(rel, text.as_bytes()).unwrap();
        }
        assert_eq!(staging.commit_with(exchange).unwrap(), None);
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap().path().strip_prefix(dir).unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn both_swaps_replace_the_output_as_a_whole() {
        let tmp = tempfile::TempDir::new().unwrap();
        let out = OutputDir::prepare(&tmp.path().join("dist")).unwrap();
        let manifest = r#"{"schema_version": 1, "source_locale": "en", "locales": []}"#;
        build(&out, &[("index.json", manifest), ("fr/a.html", "1")], exchange);
        let two_renames: fn(&Path, &Path) -> std::io::Result<bool> = |_, _| Ok(false);
        for swap in [exchange, two_renames] {
            let out = OutputDir::prepare(&tmp.path().join("dist")).unwrap();
            build(&out, &[("index.json", manifest), ("de/b.html", "2")], swap);
            assert_eq!(
                listing(tmp.path()),
                ["dist", "dist/de", "dist/de/b.html", "dist/index.json"]
            );
            assert_eq!(std::fs::read_to_string(tmp.path().join("dist/de/b.html")).unwrap(), "2");
        }
    }

    #[test]
    fn a_failed_or_dropped_staging_directory_is_removed() {
        let tmp = tempfile::TempDir::new().unwrap();
        let out = OutputDir::prepare(&tmp.path().join("dist")).unwrap();
        let staging = out.stage().unwrap();
        staging.write("fr/a.html", b"1").unwrap();
        // A directory where a file must go: the write fails and names the file.
        std::fs::create_dir_all(staging.dir.join("fr/b.html")).unwrap();
        let err = staging.write("fr/b.html", b"2").unwrap_err();
        assert!(
            format!("{err:#}")
                .contains(&format!("cannot write {}", tmp.path().join("dist/fr/b.html").display())),
            "{err:#}"
        );
        drop(staging);
        assert!(listing(tmp.path()).is_empty(), "{:?}", listing(tmp.path()));
    }
}
