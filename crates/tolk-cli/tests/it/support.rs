use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// A `tolk` command.
pub(crate) fn tolk() -> Command {
    let mut cmd = Command::cargo_bin("tolk").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the repository's sample project (tolk.toml, content, locales) in a
/// temporary directory.
pub(crate) fn sample() -> TempDir {
    let dir = TempDir::new().unwrap();
    let root = repo();
    std::fs::copy(root.join("tolk.toml"), dir.path().join("tolk.toml")).unwrap();
    copy_dir(&root.join("content"), &dir.path().join("content"));
    copy_dir(&root.join("locales"), &dir.path().join("locales"));
    dir
}

/// Writes `text` to `dir/rel`, creating directories.
pub(crate) fn write(dir: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Removes the message `id` (and its attribute lines) from an FTL file.
pub(crate) fn remove_message(path: &Path, id: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with(&format!("{id} =")) {
            skipping = true;
            continue;
        }
        if skipping && line.starts_with(' ') {
            continue;
        }
        skipping = false;
        out.push_str(line);
        out.push('\n');
    }
    assert_ne!(out, text, "{id} not found in {}", path.display());
    std::fs::write(path, out).unwrap();
}

/// Runs a command and returns (exit code, stdout, stderr).
pub(crate) fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
