//! Parity with Mozilla's compare-locales (the reference checker for Fluent trees).
//!
//! Generates a plain locale tree, runs `compare-locales --json` and
//! `tolk check --format json` on it, and asserts that
//!
//! - per locale, the missing message ids and the obsolete message ids are the same set
//!   in both reports;
//! - every error or warning compare-locales reports has a tolk diagnostic of the
//!   mapped code on the same locale, file and message ([`MAPPING`]; the same table is
//!   in README.md, "Parity with compare-locales");
//! - every mapped kind is exercised by the tree, so the table stays true.
//!
//! tolk reports more than compare-locales does (unknown variables, CLDR plural
//! categories, references that resolve nowhere, duplicates across files): only the
//! direction "compare-locales reports it, so tolk reports it" is asserted.
//!
//! compare-locales must be installed (`python3 -m pip install 'compare-locales>=9,<10'`,
//! as `.ci/run` does): without it the tests fail, they never skip.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

use crate::support::*;

// ---------------------------------------------------------------------------------
// The mapping table.
// ---------------------------------------------------------------------------------

/// One kind of report of compare-locales and its tolk counterpart.
struct Row {
    /// The kind, as this test names it (compare-locales' own message keys where it has
    /// them, `checks/fluent.py` `MSGS`).
    kind: &'static str,
    /// What compare-locales writes: a JSON detail key, or the start of its text.
    reports: &'static str,
    /// compare-locales' category (`--json` detail key).
    cl_category: &'static str,
    /// The tolk diagnostic codes, any of which on the same message is a counterpart
    /// (none: no counterpart).
    tolk: &'static [&'static str],
    /// Whether the generated tree makes compare-locales report this kind.
    in_tree: bool,
}

/// compare-locales 9.x reports -> tolk diagnostics. Kept in sync with README.md.
///
/// Missing and obsolete entries and files are compared as sets of message ids per
/// locale (compare-locales reports a whole missing or obsolete file as one item: it is
/// expanded to the ids of the reference file, or of the obsolete file). Terms are
/// `-name` in both tools. Everything else must have a tolk diagnostic of the mapped
/// code in the same locale and file, on the same message (for junk: tolk's line lies in
/// the junk's line range).
const MAPPING: &[Row] = &[
    Row {
        kind: "missing-entity",
        reports: "missingEntity: ID",
        cl_category: "missingEntity",
        tolk: &["missing-message"],
        in_tree: true,
    },
    Row {
        kind: "missing-file",
        reports: "missingFile (one item per file)",
        cl_category: "missingFile",
        tolk: &["missing-message"],
        in_tree: true,
    },
    Row {
        kind: "obsolete-entity",
        reports: "obsoleteEntity: ID",
        cl_category: "obsoleteEntity",
        tolk: &["obsolete-message"],
        in_tree: true,
    },
    Row {
        kind: "obsolete-file",
        reports: "obsoleteFile (one item per file)",
        cl_category: "obsoleteFile",
        tolk: &["obsolete-message"],
        in_tree: true,
    },
    Row {
        kind: "junk",
        reports: "Unparsed content \"...\" from line A column B to line C column D",
        cl_category: "error",
        tolk: &["syntax-error"],
        in_tree: true,
    },
    Row {
        kind: "duplicate",
        reports: "ID occurs N times",
        cl_category: "error",
        tolk: &["duplicate-message"],
        in_tree: true,
    },
    Row {
        kind: "missing-attribute",
        reports: "Missing attribute: NAME",
        cl_category: "error",
        tolk: &["missing-attribute"],
        in_tree: true,
    },
    Row {
        kind: "obsolete-attribute",
        reports: "Obsolete attribute: NAME",
        cl_category: "error",
        tolk: &["obsolete-attribute"],
        in_tree: true,
    },
    Row {
        kind: "missing-value",
        reports: "Missing value",
        cl_category: "error",
        tolk: &["missing-value"],
        in_tree: true,
    },
    Row {
        kind: "obsolete-value",
        reports: "Obsolete value",
        cl_category: "error",
        tolk: &["obsolete-value"],
        in_tree: true,
    },
    Row {
        kind: "duplicate-attribute",
        reports: "Attribute \"NAME\" is duplicated",
        cl_category: "warning",
        tolk: &["duplicate-attribute"],
        in_tree: true,
    },
    Row {
        kind: "duplicate-variant",
        reports: "Variant key \"KEY\" is duplicated",
        cl_category: "warning",
        tolk: &["duplicate-variant"],
        in_tree: true,
    },
    Row {
        kind: "missing-plural",
        reports: "Plural categories missing: CATEGORIES",
        cl_category: "warning",
        tolk: &["missing-plural-category"],
        in_tree: true,
    },
    Row {
        kind: "encodings",
        reports: "\u{fffd} in: ID",
        cl_category: "warning",
        tolk: &["replacement-character"],
        in_tree: true,
    },
    // A reference the source pattern does not have is `obsolete-reference` when it
    // resolves, `unknown-reference` (an error) when it does not.
    Row {
        kind: "obsolete-term-ref",
        reports: "Obsolete term reference: -NAME",
        cl_category: "warning",
        tolk: &["obsolete-reference", "unknown-reference"],
        in_tree: true,
    },
    Row {
        kind: "obsolete-msg-ref",
        reports: "Obsolete message reference: NAME",
        cl_category: "warning",
        tolk: &["obsolete-reference", "unknown-reference"],
        in_tree: true,
    },
    Row {
        kind: "missing-term-ref",
        reports: "Missing term reference: -NAME",
        cl_category: "warning",
        tolk: &["missing-reference"],
        in_tree: true,
    },
    Row {
        kind: "missing-msg-ref",
        reports: "Missing message reference: NAME",
        cl_category: "warning",
        tolk: &["missing-reference"],
        in_tree: true,
    },
    // Junk in the reference locale: tolk reports the syntax error in en-US itself.
    Row {
        kind: "reference-junk",
        reports: "Parser error in en-US",
        cl_category: "warning",
        tolk: &["syntax-error"],
        in_tree: false,
    },
    // Mozilla's checks of `.style` attributes holding CSS (XUL window sizes).
    Row {
        kind: "css",
        reports: "reference is a CSS spec / units for P don't match / P only in l10n",
        cl_category: "error/warning",
        tolk: &[],
        in_tree: false,
    },
];

/// One detail of the compare-locales JSON report, classified.
#[derive(Debug)]
struct ClItem {
    /// `fr/main.ftl`.
    file: String,
    /// The locale (first path component).
    locale: String,
    /// A [`Row::kind`].
    kind: &'static str,
    /// The message id it is about (`None` for files and junk).
    id: Option<String>,
    /// For junk: the line range.
    lines: Option<(u64, u64)>,
    /// The raw text, for failure messages.
    raw: String,
}

/// Classifies the text of an `error` / `warning` detail (compare-locales'
/// `compare/content.py` and `checks/fluent.py`). Entity checks end with
/// `at line L, column C for ID`.
fn classify(text: &str) -> (&'static str, Option<String>, Option<(u64, u64)>) {
    let for_id = || text.rsplit_once(" for ").map(|(_, id)| id.to_string());
    if let Some(rest) = text.strip_prefix("Unparsed content ") {
        // `"..." from line 9 column 1 to line 9 column 11`
        let numbers: Vec<u64> = rest
            .rsplit_once(" from line ")
            .map_or("", |(_, r)| r)
            .split(' ')
            .filter_map(|w| w.parse().ok())
            .collect();
        let lines = match numbers[..] {
            [l1, _, l2, _] => Some((l1, l2)),
            _ => None,
        };
        return ("junk", None, lines);
    }
    // `{id} occurs {n} times` (parser/base.py, findDuplicates)
    let duplicate =
        text.split_once(" occurs ").filter(|(id, n)| !id.contains(' ') && n.ends_with(" times"));
    if let Some((id, _)) = duplicate {
        return ("duplicate", Some(id.to_string()), None);
    }
    let prefixes: &[(&str, &'static str)] = &[
        ("Missing attribute: ", "missing-attribute"),
        ("Obsolete attribute: ", "obsolete-attribute"),
        ("Missing value", "missing-value"),
        ("Obsolete value", "obsolete-value"),
        ("Attribute \"", "duplicate-attribute"),
        ("Variant key \"", "duplicate-variant"),
        ("Plural categories missing: ", "missing-plural"),
        ("\u{fffd} in: ", "encodings"),
        ("Obsolete term reference: ", "obsolete-term-ref"),
        ("Obsolete message reference: ", "obsolete-msg-ref"),
        ("Missing term reference: ", "missing-term-ref"),
        ("Missing message reference: ", "missing-msg-ref"),
        ("Parser error in en-US", "reference-junk"),
        ("reference is a CSS spec", "css"),
        ("units for ", "css"),
    ];
    for (prefix, kind) in prefixes {
        if text.starts_with(prefix) {
            return (kind, for_id(), None);
        }
    }
    if text.contains(" only in l10n") {
        return ("css", for_id(), None);
    }
    panic!(
        "compare-locales reported something this test does not know: {text:?}; add it to MAPPING and README"
    );
}

// ---------------------------------------------------------------------------------
// Running the two tools.
// ---------------------------------------------------------------------------------

const INSTALL: &str = "compare-locales is not installed: run `python3 -m pip install 'compare-locales>=9,<10'` \
     (the parity tests need it and never skip)";

/// A `compare-locales` command: the script on PATH, else the installed Python package.
/// (`python3 -m compare_locales` does not work: the package has no `__main__`, so the
/// fallback calls the console script's entry point.)
fn compare_locales() -> Command {
    let works = |cmd: &mut Command| cmd.output().is_ok_and(|o| o.status.success());
    if works(Command::new("compare-locales").arg("--version")) {
        return Command::new("compare-locales");
    }
    let entry = "import sys; from compare_locales.commands import CompareLocales; \
                 sys.argv[0] = 'compare-locales'; sys.exit(CompareLocales.call())";
    for python in ["python3", "python"] {
        if works(Command::new(python).args(["-c", entry, "--version"])) {
            let mut cmd = Command::new(python);
            cmd.args(["-c", entry]);
            return cmd;
        }
    }
    panic!("{INSTALL}");
}

/// Runs compare-locales on the plain tree `dir` (reference `source`, every other
/// directory a locale) and returns its classified details.
fn run_compare_locales(dir: &Path, source: &str) -> Vec<ClItem> {
    let locales: Vec<String> = locale_dirs(dir).into_iter().filter(|l| l != source).collect();
    let list = locales.iter().map(|l| format!("{l:?}")).collect::<Vec<_>>().join(", ");
    // Every locale must be listed, or compare-locales silently ignores it.
    let basepath = dir.to_str().unwrap();
    let toml = format!(
        "basepath = {basepath:?}\nlocales = [{list}]\n\n[env]\nl = \"{{l10n_base}}/{{locale}}/\"\n\n\
         [[paths]]\nreference = \"{source}/**\"\nl10n = \"{{l}}**\"\n"
    );
    let config = TempDir::new().unwrap();
    std::fs::write(config.path().join("l10n.toml"), toml).unwrap();
    let json_path = config.path().join("report.json");
    let out = compare_locales()
        .arg("--json")
        .arg(&json_path)
        .arg(config.path().join("l10n.toml"))
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("{INSTALL} ({e})"));
    // Exit 1: it found errors (as it must on this tree); anything else is a failure.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "compare-locales failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    // `[{"details": TREE, "summary": {locale: counts}}]`, one object per project. The
    // TREE's keys are path components; a directory with one child is folded into its
    // key (`"de/app.ftl": [...]` next to `"fr": {"app.ftl": [...], ...}`); leaves are
    // lists of `{category: data}` objects.
    let mut leaves = Vec::new();
    for project in json.as_array().expect("a JSON array") {
        flatten(String::new(), &project["details"], &mut leaves);
    }
    let mut items = Vec::new();
    for (file, details) in leaves {
        let locale = file.split('/').next().unwrap().to_string();
        for detail in details.as_array().unwrap() {
            let (category, data) = detail.as_object().unwrap().iter().next().unwrap();
            let data_str = data.as_str().unwrap_or_default().to_string();
            let raw = format!("{file}: {category}: {data_str}");
            let (kind, id, lines) = match category.as_str() {
                "missingEntity" => ("missing-entity", Some(data_str), None),
                "obsoleteEntity" => ("obsolete-entity", Some(data_str), None),
                "missingFile" => ("missing-file", None, None),
                "obsoleteFile" => ("obsolete-file", None, None),
                "error" | "warning" => classify(&data_str),
                other => panic!("unknown compare-locales category {other:?} in {raw}"),
            };
            let row = MAPPING.iter().find(|r| r.kind == kind).unwrap();
            assert!(
                row.cl_category.split('/').any(|c| c == category),
                "MAPPING says compare-locales reports {kind:?} as {:?}, it reported {raw}",
                row.cl_category
            );
            items.push(ClItem { file: file.clone(), locale: locale.clone(), kind, id, lines, raw });
        }
    }
    items
}

fn flatten(prefix: String, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}/{key}") };
                flatten(path, child, out);
            }
        }
        Value::Array(_) => out.push((prefix, value.clone())),
        _ => panic!("unexpected compare-locales detail at {prefix}: {value}"),
    }
}

/// One tolk diagnostic.
#[derive(Debug)]
struct TolkDiag {
    code: String,
    locale: String,
    file: String,
    line: Option<u64>,
    id: Option<String>,
}

fn run_tolk(dir: &Path, source: &str) -> Vec<TolkDiag> {
    let (code, stdout, stderr) =
        run(tolk().args(["check", "--format", "json", "--source-locale", source]).arg(dir));
    assert_eq!(code, 1, "tolk check must find the errors of the tree\n{stdout}\n{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| TolkDiag {
            code: d["code"].as_str().unwrap().to_string(),
            locale: d["locale"].as_str().unwrap_or_default().to_string(),
            file: d["file"].as_str().unwrap_or_default().to_string(),
            line: d["line"].as_u64(),
            id: d["message_id"].as_str().map(str::to_string),
        })
        .collect()
}

fn locale_dirs(dir: &Path) -> Vec<String> {
    let mut locales: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    locales.sort();
    locales
}

/// The ids of the messages and terms of an FTL file: the lines that start an entry
/// (`id =` or `-id =` at column 1). Enough for the files this test writes.
fn ftl_ids(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let name = id.strip_prefix('-').unwrap_or(id);
            let ok = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            ok.then(|| id.to_string())
        })
        .collect()
}

/// Missing and obsolete ids per locale, from compare-locales: entities as reported,
/// whole files expanded to the ids they hold (the reference file for a missing file,
/// the locale's file for an obsolete one).
type IdSets = BTreeMap<String, BTreeSet<String>>;

fn cl_missing_obsolete(items: &[ClItem], dir: &Path, source: &str) -> (IdSets, IdSets) {
    let (mut missing, mut obsolete) = (IdSets::new(), IdSets::new());
    for item in items {
        let rel_in_locale = item.file.split_once('/').map_or("", |(_, r)| r);
        let ids = match item.kind {
            "missing-entity" | "obsolete-entity" => vec![item.id.clone().unwrap()],
            "missing-file" => ftl_ids(&dir.join(source).join(rel_in_locale)),
            "obsolete-file" => ftl_ids(&dir.join(&item.file)),
            _ => continue,
        };
        let target = if item.kind.starts_with("missing") { &mut missing } else { &mut obsolete };
        target.entry(item.locale.clone()).or_default().extend(ids);
    }
    (missing, obsolete)
}

fn tolk_ids(diags: &[TolkDiag], code: &str) -> IdSets {
    let mut sets = IdSets::new();
    for d in diags.iter().filter(|d| d.code == code) {
        sets.entry(d.locale.clone()).or_default().insert(d.id.clone().unwrap());
    }
    sets
}

/// Asserts parity on `dir` and returns the compare-locales kinds seen.
fn assert_parity(dir: &Path, source: &str) -> BTreeSet<&'static str> {
    let cl = run_compare_locales(dir, source);
    let tolk = run_tolk(dir, source);
    let locales: Vec<String> = locale_dirs(dir).into_iter().filter(|l| l != source).collect();
    let (cl_missing, cl_obsolete) = cl_missing_obsolete(&cl, dir, source);
    let (tolk_missing, tolk_obsolete) =
        (tolk_ids(&tolk, "missing-message"), tolk_ids(&tolk, "obsolete-message"));
    let mut failures = Vec::new();
    for locale in &locales {
        let empty = BTreeSet::new();
        for (what, a, b) in
            [("missing", &cl_missing, &tolk_missing), ("obsolete", &cl_obsolete, &tolk_obsolete)]
        {
            let (a, b) = (a.get(locale).unwrap_or(&empty), b.get(locale).unwrap_or(&empty));
            if a != b {
                failures.push(format!(
                    "{locale}: {what} ids differ\n  only compare-locales: {:?}\n  only tolk: {:?}",
                    a.difference(b).collect::<Vec<_>>(),
                    b.difference(a).collect::<Vec<_>>()
                ));
            }
        }
    }
    for item in &cl {
        let row = MAPPING.iter().find(|r| r.kind == item.kind).unwrap();
        if matches!(
            item.kind,
            "missing-entity" | "missing-file" | "obsolete-entity" | "obsolete-file"
        ) {
            continue; // compared as sets above
        }
        if row.tolk.is_empty() {
            failures.push(format!(
                "tolk has no counterpart for compare-locales' {:?} ({}): {}",
                row.kind, row.reports, item.raw
            ));
            continue;
        }
        let code = row.tolk.join("` or `");
        let found = tolk.iter().any(|d| {
            row.tolk.contains(&d.code.as_str())
                && d.locale == item.locale
                && d.file == item.file
                && match (item.lines, &item.id) {
                    (Some((from, to)), _) => d.line.is_some_and(|l| (from..=to).contains(&l)),
                    (None, Some(id)) => d.id.as_deref() == Some(id),
                    (None, None) => true,
                }
        });
        if !found {
            failures.push(format!("no tolk `{code}` for compare-locales' {}", item.raw));
        }
    }
    let report = |items: &[String]| items.join("\n");
    assert!(
        failures.is_empty(),
        "compare-locales and tolk disagree:\n{}\n\ncompare-locales:\n{}\n\ntolk:\n{}",
        report(&failures),
        report(&cl.iter().map(|i| i.raw.clone()).collect::<Vec<_>>()),
        report(&tolk.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>()),
    );
    cl.iter().map(|i| i.kind).collect()
}

// ---------------------------------------------------------------------------------
// The tree.
// ---------------------------------------------------------------------------------

/// The reference locale: terms, attributes, plural selects, variables, a message
/// reference, comments.
const REFERENCE: &[(&str, &str)] = &[
    (
        "browser/main.ftl",
        r#"### Strings of the main window.

-brand-name = Tolk Browser
-vendor = Example Foundation

## Window

window-title = { -brand-name }
about-brand = About { -brand-name }
    .title = Learn more about { -brand-name } by { -vendor }
welcome = Welcome back, { $user-name }!
tabs-open = { $count ->
    [one] One tab is open
   *[other] { $count } tabs are open
}
downloads-status = { $count ->
    [one] { $count } download in progress
   *[other] { $count } downloads in progress
}
    .tooltip = Show the downloads panel
search-field =
    .placeholder = Search the web
    .aria-label = Search
# Shown when the browser has no network connection.
offline-notice = You are offline. Check your connection and try again.
update-ready = A new version ({ $version }) is ready to install.
    .accesskey = U
"#,
    ),
    (
        "browser/settings.ftl",
        r#"## Settings page

settings-title = Settings
settings-general = General
    .title = General settings
settings-homepage = Homepage
    .label = Homepage and new windows
    .accesskey = H
settings-default = { $is-default ->
    [true] { -brand-name } is your default browser
   *[false] { -brand-name } is not your default browser
}
settings-cookies = Delete cookies and site data older than { $days } days
settings-storage = { $count ->
    [one] Your stored site data uses one megabyte of disk space.
   *[other] Your stored site data uses { $count } megabytes of disk space.
}
settings-reset =
    .label = Reset all settings
    .accesskey = R
"#,
    ),
    (
        "errors.ftl",
        r#"error-page-title = Problem loading page
error-not-found = Hmm. We are having trouble finding that site.
error-connection = The connection to { $host } was interrupted while the page was loading.
error-certificate = { $host } uses an invalid security certificate.
    .title = Security risk ahead
error-retry = Try again
    .accesskey = T
error-report = Report this error to { -vendor }
error-help = { error-retry } or go back to the previous page.
"#,
    ),
    (
        "onboarding.ftl",
        r#"# First run.
onboarding-welcome = Welcome to { -brand-name }
onboarding-import = Import your bookmarks and passwords
onboarding-theme = Choose a theme
    .title = Themes change how { -brand-name } looks
onboarding-done = All set
"#,
    ),
];

/// Pseudo-translates one FTL line: letters of text outside placeables get the locale's
/// accents; identifiers, attribute names, variant keys, placeables and comments stay.
fn pseudo_line(line: &str, accents: &[(char, char)]) -> String {
    let trimmed = line.trim_start();
    if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "}" {
        return line.to_string();
    }
    let text_start = if trimmed.starts_with('[') || trimmed.starts_with("*[") {
        line.find(']').map_or(0, |i| i + 1)
    } else if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-')
        || trimmed.starts_with('.')
    {
        line.find('=').map_or(0, |i| i + 1)
    } else {
        0
    };
    let (head, text) = line.split_at(text_start);
    let mut out = head.to_string();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let mapped = if depth == 0 {
            accents.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| *to)
        } else {
            c
        };
        out.push(mapped);
    }
    out
}

/// An FTL file as entries `(id, text)`: comments and blank lines go with the entry
/// that follows them, indented lines and `}` with the entry they continue.
fn entries(text: &str) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') {
            let id = line.split_once(" =").map(|(id, _)| id.to_string());
            out.push((id, std::mem::take(&mut pending)));
        } else if (line.starts_with(' ') || line == "}") && pending.is_empty() && !out.is_empty() {
            // continues the current entry
        } else {
            pending.push_str(line);
            pending.push('\n');
            continue;
        }
        let entry = &mut out.last_mut().unwrap().1;
        entry.push_str(line);
        entry.push('\n');
    }
    if !pending.is_empty() {
        out.push((None, pending));
    }
    out
}

/// What a locale changes in its pseudo-translation.
#[derive(Default)]
struct Edits {
    /// Ids left out (missing).
    drop: &'static [&'static str],
    /// Reference files left out entirely.
    drop_files: &'static [&'static str],
    /// (id, replacement FTL) for entries written by hand.
    replace: &'static [(&'static str, &'static str)],
    /// (file, FTL) appended to a file (obsolete messages, duplicates), or a new file.
    append: &'static [(&'static str, &'static str)],
}

fn write_locale(dir: &Path, locale: &str, accents: &[(char, char)], edits: &Edits) {
    for (file, text) in REFERENCE {
        if edits.drop_files.contains(file) {
            continue;
        }
        let mut out = String::new();
        for (id, entry) in entries(text) {
            if let Some(id) = &id {
                if edits.drop.contains(&id.as_str()) {
                    continue;
                }
                if let Some((_, ftl)) = edits.replace.iter().find(|(r, _)| r == id) {
                    // Keep the comments above the entry.
                    for line in entry.lines().take_while(|l| !l.starts_with(id.as_str())) {
                        out.push_str(line);
                        out.push('\n');
                    }
                    out.push_str(ftl);
                    continue;
                }
            }
            for line in entry.lines() {
                out.push_str(&pseudo_line(line, accents));
                out.push('\n');
            }
        }
        write(dir, &format!("{locale}/{file}"), out);
    }
    for (file, ftl) in edits.append {
        let path = dir.join(locale).join(file);
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        text.push_str(ftl);
        write(dir, &format!("{locale}/{file}"), text);
    }
}

/// The parity tree: en-US, a clean complete `de`, and `fr`, `pl`, `pt-BR` with every
/// kind of problem compare-locales reports (and tolk-only ones).
fn parity_tree() -> TempDir {
    let dir = TempDir::new().unwrap();
    for (file, text) in REFERENCE {
        write(dir.path(), &format!("en-US/{file}"), text);
    }
    // de: complete and clean for both tools.
    write_locale(
        dir.path(),
        "de",
        &[('a', 'ä'), ('o', 'ö'), ('u', 'ü'), ('e', 'ë'), ('A', 'Ä'), ('O', 'Ö'), ('U', 'Ü')],
        &Edits::default(),
    );
    // fr: missing messages and a term, a whole missing file, obsolete messages, a
    // missing attribute, an obsolete value. (tolk-only: `many` is a CLDR plural
    // category of French; `-vendor` is referenced but missing.)
    write_locale(
        dir.path(),
        "fr",
        &[('e', 'é'), ('a', 'à'), ('o', 'ô'), ('E', 'É')],
        &Edits {
            drop: &["downloads-status", "error-report", "-vendor"],
            drop_files: &["onboarding.ftl"],
            replace: &[
                (
                    "settings-homepage",
                    "settings-homepage = Page d’accueil\n    .label = Page d’accueil et nouvelles fenêtres\n",
                ),
                (
                    "settings-reset",
                    "settings-reset = Réinitialiser\n    .label = Réinitialiser tous les paramètres\n    .accesskey = R\n",
                ),
            ],
            append: &[
                ("browser/main.ftl", "old-sync-title = Synchroniser maintenant\n"),
                (
                    "browser/settings.ftl",
                    "settings-advanced = Avancé\n    .title = Paramètres avancés\n",
                ),
            ],
        },
    );
    // pl: a syntax error (so that message is missing), a duplicate id, missing plural
    // categories, a duplicate attribute and variant, an obsolete attribute, U+FFFD,
    // dropped term and message references.
    write_locale(
        dir.path(),
        "pl",
        &[('a', 'ą'), ('e', 'ę'), ('o', 'ó'), ('s', 'ś'), ('S', 'Ś')],
        &Edits {
            replace: &[
                // An unbalanced `}`: junk up to the end of the line for both parsers.
                (
                    "error-connection",
                    "error-connection = Połączenie z { $host } zostało przerwane } podczas wczytywania.\n",
                ),
                (
                    "tabs-open",
                    "tabs-open = { $count ->\n    [one] Otwarta jest jedna karta\n   *[other] Otwartych kart: { $count }\n}\n",
                ),
                (
                    "downloads-status",
                    "downloads-status = { $count ->\n    [one] { $count } pobieranie w toku\n    [few] { $count } pobierania w toku\n    [few] { $count } pobierania w toku\n    [many] { $count } pobierań w toku\n   *[other] { $count } pobierania w toku\n}\n    .tooltip = Pokaż panel pobierania\n",
                ),
                (
                    "settings-storage",
                    "settings-storage = { $count ->\n    [one] Przechowywane dane zajmują jeden megabajt.\n    [few] Przechowywane dane zajmują { $count } megabajty.\n    [many] Przechowywane dane zajmują { $count } megabajtów.\n   *[other] Przechowywane dane zajmują { $count } megabajta.\n}\n",
                ),
                (
                    "error-certificate",
                    "error-certificate = { $host } używa nieprawidłowego certyfikatu.\n    .title = Zagrożenie bezpieczeństwa\n    .title = Uwaga: zagrożenie\n",
                ),
                (
                    "error-retry",
                    "error-retry = Spróbuj ponownie\n    .accesskey = S\n    .tooltip = Wczytaj stronę ponownie\n",
                ),
                (
                    "offline-notice",
                    "offline-notice = Jesteś offline. Sprawdź połączenie i spr\u{fffd}buj ponownie.\n",
                ),
                ("onboarding-welcome", "onboarding-welcome = Witamy w przeglądarce\n"),
                ("error-help", "error-help = Wróć do poprzedniej strony.\n"),
            ],
            append: &[("browser/settings.ftl", "settings-title = Ustawienia (kopia)\n")],
            ..Edits::default()
        },
    );
    // pt-BR: a whole obsolete file, a missing value, missing messages, a reference to
    // a term it does not define, an added message reference. (tolk-only: an unknown
    // variable.)
    write_locale(
        dir.path(),
        "pt-BR",
        &[('a', 'ã'), ('o', 'õ'), ('e', 'ê'), ('c', 'ç')],
        &Edits {
            drop: &["onboarding-theme", "settings-cookies"],
            replace: &[
                ("settings-title", "settings-title = Configurações do { -marca }\n"),
                (
                    "error-certificate",
                    "error-certificate =\n    .title = Risco de segurança à frente\n",
                ),
                (
                    "error-connection",
                    "error-connection = A conexão com { $hostname } foi interrompida durante o carregamento.\n",
                ),
                (
                    "error-help",
                    "error-help = { error-retry } ou volte para { error-page-title }.\n",
                ),
            ],
            append: &[(
                "legacy.ftl",
                "legacy-toolbar = Barra de ferramentas clássica\nlegacy-sidebar = Painel lateral\n    .title = Mostrar o painel\n",
            )],
            ..Edits::default()
        },
    );
    dir
}

// ---------------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------------

#[test]
fn tolk_reports_what_compare_locales_reports() {
    let dir = parity_tree();
    let kinds = assert_parity(dir.path(), "en-US");
    // Every mapped kind the tree is meant to exercise was reported, so MAPPING (and the
    // README table) is checked, not just written down.
    let expected: BTreeSet<&str> = MAPPING.iter().filter(|r| r.in_tree).map(|r| r.kind).collect();
    assert_eq!(kinds, expected, "the tree no longer exercises every row of MAPPING");
}

#[test]
fn the_clean_locale_is_clean_for_both_tools() {
    let dir = parity_tree();
    let cl = run_compare_locales(dir.path(), "en-US");
    assert!(
        cl.iter().all(|i| i.locale != "de"),
        "{:?}",
        cl.iter().filter(|i| i.locale == "de").collect::<Vec<_>>()
    );
    let tolk = run_tolk(dir.path(), "en-US");
    assert!(
        tolk.iter().all(|d| d.locale != "de"),
        "{:?}",
        tolk.iter().filter(|d| d.locale == "de").collect::<Vec<_>>()
    );
    // The tree has what the other test relies on.
    assert_eq!(ftl_ids(&dir.path().join("en-US/onboarding.ftl")).len(), 4);
    assert!(!dir.path().join("fr/onboarding.ftl").exists());
    assert!(dir.path().join("pt-BR/legacy.ftl").exists());
}

/// An entry with an unclosed placeable whose parse fails on the *next* line
/// (`broken = {` then `next = ...`). The Python parser of compare-locales rewinds the
/// junk to the last line start before the error, so `next` is parsed; fluent-syntax
/// 0.12 alone extends the junk to the next entry start *after* the error. tolk parses
/// junk again from its first line that starts an entry, so both tools agree.
#[test]
fn junk_ends_where_compare_locales_ends_it() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "en-US/app.ftl", "broken = Broken\nnext = Next one\n");
    write(dir.path(), "fr/app.ftl", "broken = Cassé {\nnext = Le suivant\n");
    assert_parity(dir.path(), "en-US");
}
