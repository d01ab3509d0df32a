//! The published HTML in a real browser: `tests/browser/run.mjs` (Node, playwright-core
//! and the system's Chromium) loads every locale page of the sample and checks it (see
//! "Browser tests" in the README). A missing tool fails the test, it never skips.

use std::path::PathBuf;
use std::process::Command;

use crate::support::*;

const INSTALL: &str = "install what the browser tests need:\n  \
    apt-get install chromium fonts-noto-core fonts-noto-cjk\n  \
    npm ci --prefix tests/browser\n\
    (Node.js 20 or newer with npm; set CHROMIUM=/path/to/chromium for another Chromium)";

/// The Chromium the checks use: `$CHROMIUM`, else Debian's.
fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Panics, saying what to install, unless node, the npm packages and Chromium are there.
fn require_tools() -> PathBuf {
    match Command::new("node").arg("--version").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!("`node --version` failed ({}): {INSTALL}", out.status),
        Err(e) => panic!("`node` not found ({e}): {INSTALL}"),
    }
    let modules = repo().join("tests/browser/node_modules");
    for package in ["playwright-core", "axe-core"] {
        let path = modules.join(package).join("package.json");
        assert!(path.is_file(), "{} is missing: {INSTALL}", path.display());
    }
    let chromium = chromium();
    assert!(chromium.is_file(), "no Chromium at {}: {INSTALL}", chromium.display());
    chromium
}

#[test]
fn every_locale_page_works_in_chromium() {
    let chromium = require_tools();
    let dir = sample();
    let out = dir.path().join("site");
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).arg("--pseudo").arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");

    let script = repo().join("tests/browser/run.mjs");
    let result = Command::new("node")
        .arg(&script)
        .arg(&out)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node {}: {e}: {INSTALL}", script.display()));
    let stdout = String::from_utf8_lossy(&result.stdout);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        result.status.success(),
        "tests/browser/run.mjs failed ({}):\n{stdout}\n{stderr}",
        result.status
    );
    // Every published locale was checked, the pseudo-locales too.
    assert!(stdout.contains("browser checks passed: 100 checks on 10 pages"), "{stdout}\n{stderr}");
    for locale in ["en-US", "ar", "es", "fr", "hi", "ko", "vi", "zh-CN", "en-XA", "ar-XB"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with("ok") && l.split_whitespace().nth(1) == Some(locale)),
            "{locale} was not checked:\n{stdout}"
        );
    }
}
