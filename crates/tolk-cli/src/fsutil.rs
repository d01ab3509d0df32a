//! File-system helpers: reading user files into text, atomic writes.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use tolk_content::{Code, Diagnostic};

/// `path` relative to `root`, with `/` separators, for diagnostics and reports.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// Reads a text file. A missing or unreadable file, or one that is not UTF-8, gives
/// an `unreadable-file` diagnostic naming it (with the byte offset of the first
/// invalid byte). A leading byte-order mark is removed.
pub fn read_text(path: &Path, shown: &str) -> Result<String, Box<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| {
        Box::new(
            Diagnostic::new(Code::UnreadableFile, format!("cannot read `{shown}`: {e}"))
                .in_file(shown),
        )
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
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
