use crate::support::*;

#[test]
fn malformed_ftl_is_reported_with_its_position() {
    let dir = sample();
    let path = dir.path().join("locales/vi/site.ftl");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("broken = { $oops\n");
    let line = text.lines().count();
    std::fs::write(&path, text).unwrap();
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("error[syntax-error]"), "{stdout}");
    assert!(stdout.contains(&format!("locales/vi/site.ftl:{line}:")), "{stdout}");
}

#[test]
fn content_toml_errors_name_the_file() {
    let dir = sample();
    write(dir.path(), "content/broken.toml", "id = \"x\"\ntitle = \n");
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("error[content-syntax]"), "{stdout}");
    assert!(stdout.contains("content/broken.toml:2:"), "{stdout}");
}

#[test]
fn unknown_block_types_are_reported() {
    let dir = sample();
    let path = dir.path().join("content/understanding-trafficking.toml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "type = \"paragraph\"",
        "type = \"banner\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("error[invalid-content]: unknown block type `banner`"), "{stdout}");
}

#[test]
fn config_errors_exit_2_and_name_line_and_column() {
    let dir = sample();
    write(dir.path(), "tolk.toml", "source-locale = \"en-US\"\ntext-widht = 60\n");
    let (code, _, stderr) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 2);
    assert!(stderr.contains("tolk.toml:2:1"), "{stderr}");
    assert!(stderr.contains("text-widht"), "{stderr}");
}

#[test]
fn a_missing_directory_exits_2() {
    let (code, _, stderr) = run(tolk().args(["check", "/nonexistent/tolk-project"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("/nonexistent/tolk-project is not a directory"), "{stderr}");
}

#[test]
fn an_unknown_locale_on_the_command_line_exits_2() {
    let dir = sample();
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).args(["--locale", "de"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no locale `de`"), "{stderr}");
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).args(["--locale", "not a tag"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("not a valid BCP 47"), "{stderr}");
}

#[test]
fn a_locale_directory_that_is_not_a_tag_is_reported() {
    let dir = sample();
    write(dir.path(), "locales/english/site.ftl", "site-language = Language\n");
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("error[invalid-locale]: directory `english`"), "{stdout}");
}

#[test]
fn invalid_utf8_bom_and_crlf() {
    let dir = tempfile::TempDir::new().unwrap();
    write(dir.path(), "en-US/a.ftl", "a = A\nb = B\n");
    write(dir.path(), "fr/a.ftl", b"a = \xff\xfe\n".as_slice());
    write(dir.path(), "de/a.ftl", "\u{feff}a = A\r\nb = { $x }\r\n");
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("`fr/a.ftl` is not valid UTF-8 (first invalid byte at offset 4)"),
        "{stdout}"
    );
    // The BOM and CRLF file reads like any other: line 2, column 7.
    assert!(stdout.contains("de/a.ftl:2:7"), "{stdout}");
}

#[test]
fn out_inside_the_inputs_is_refused() {
    let dir = sample();
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).arg("--out").arg(dir.path().join("locales/x")));
    assert_eq!(code, 2);
    assert!(stderr.contains("refusing to write into"), "{stderr}");
    assert!(!dir.path().join("locales/x").exists());
}

#[test]
fn unsafe_urls_in_facts_are_refused() {
    let dir = sample();
    let path = dir.path().join("content/understanding-trafficking.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("https://www.google.com/", "javascript:alert(1)");
    std::fs::write(&path, text).unwrap();
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("error[invalid-fact]"), "{stdout}");
    assert!(stdout.contains("javascript:alert(1)"), "{stdout}");
}

#[test]
fn translated_markup_is_inert_in_html() {
    let dir = sample();
    let path = dir.path().join("locales/fr/site.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "site-skip-link = ",
        "site-skip-link = <script>alert(1)</script><img src=x onerror=alert(2)>",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(out.join("fr/understanding-trafficking.html")).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "escaped text expected");
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
}

#[test]
fn empty_unreadable_and_non_fluent_files_are_named() {
    let dir = tempfile::TempDir::new().unwrap();
    write(dir.path(), "en-US/a.ftl", "a = A\nb = B\n");
    write(dir.path(), "en-US/b.ftl", "c = C\n");
    // An empty file: its messages are missing, in that file.
    write(dir.path(), "de/a.ftl", "");
    write(dir.path(), "de/b.ftl", "c = Ce\n");
    // Not Fluent at all.
    write(dir.path(), "fr/a.ftl", "<html><body>Not a translation</body></html>\n");
    write(dir.path(), "fr/b.ftl", "c = Cé\n");
    // A link to nowhere cannot be read.
    write(dir.path(), "es/a.ftl", "a = A\nb = Be\n");
    std::os::unix::fs::symlink(dir.path().join("nowhere.ftl"), dir.path().join("es/b.ftl"))
        .unwrap();
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[missing-message]: `a` is missing in `de`\n--> de/a.ftl"),
        "{stdout}"
    );
    assert!(stdout.contains("error[syntax-error]"), "{stdout}");
    assert!(stdout.contains("--> fr/a.ftl:1:1"), "{stdout}");
    assert!(stdout.contains("error[unreadable-file]: cannot read `es/b.ftl`"), "{stdout}");
}

#[test]
fn crlf_and_bom_files_check_the_same_as_lf() {
    let lf = "a = A\nb = { $x } and { $y }\nc = C\n";
    let fr_lf = "a = Ah\nb = { $x } et { $z }\nc = Cé\nold = Vieux\n";
    let make = |crlf: bool, bom: bool| {
        let dir = tempfile::TempDir::new().unwrap();
        let conv = |s: &str| {
            let s = if crlf { s.replace('\n', "\r\n") } else { s.to_owned() };
            if bom { format!("\u{feff}{s}") } else { s }
        };
        write(dir.path(), "en-US/a.ftl", conv(lf));
        write(dir.path(), "fr/a.ftl", conv(fr_lf));
        let (code, stdout, _) = run(tolk().args(["check", "--format", "json"]).arg(dir.path()));
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let diags: Vec<_> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].clone(), d["line"].clone(), d["column"].clone()))
            .collect();
        (code, diags)
    };
    let reference = make(false, false);
    assert_eq!(reference.1.len(), 3, "{reference:?}");
    assert_eq!(make(true, false), reference);
    assert_eq!(make(false, true), reference);
    assert_eq!(make(true, true), reference);
}
