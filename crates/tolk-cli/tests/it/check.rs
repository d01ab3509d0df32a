use crate::support::*;

#[test]
fn the_repository_sample_checks_clean() {
    let (code, stdout, _) = run(tolk().arg("check").arg(repo()));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("check ok: 8 locales, 0 errors"), "{stdout}");
    // The in-progress locale's missing messages are warnings.
    assert!(stdout.contains("warning[missing-message]: `training-link` is missing in `ko`"));
}

#[test]
fn removing_a_message_from_a_complete_locale_fails_and_names_it() {
    let dir = sample();
    remove_message(&dir.path().join("locales/fr/trafficking.ftl"), "help-chat");
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("error[missing-message]: `help-chat` is missing in `fr`"), "{stdout}");
    assert!(stdout.contains("locales/fr/trafficking.ftl"), "{stdout}");
}

#[test]
fn json_report_has_positions_and_coverage() {
    let dir = sample();
    let file = dir.path().join("locales/es/site.ftl");
    let text = std::fs::read_to_string(&file).unwrap().replace("$hotline-phone", "$hotline_phone");
    std::fs::write(&file, &text).unwrap();
    let (code, stdout, _) = run(tolk().args(["check", "--format", "json"]).arg(dir.path()));
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["source_locale"], "en-US");
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-variable")
        .expect("an unknown-variable diagnostic");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["locale"], "es");
    assert_eq!(d["file"], "locales/es/site.ftl");
    assert_eq!(d["message_id"], "site-footer");
    let line = text.lines().position(|l| l.starts_with("site-footer")).unwrap() + 1;
    assert_eq!(d["line"], line);
    // Columns count characters, not bytes ("día" comes before the variable).
    let l = text.lines().nth(line - 1).unwrap();
    let col = l[..l.find("$hotline_phone").unwrap()].chars().count() + 1;
    assert_eq!(d["column"].as_u64().unwrap() as usize, col);
    let ko = json["locales"].as_array().unwrap().iter().find(|l| l["locale"] == "ko").unwrap();
    assert!(ko["coverage"].as_f64().unwrap() > 0.4 && ko["coverage"].as_f64().unwrap() < 0.7);
    assert!(ko["messages_translated"].as_u64() < ko["messages_total"].as_u64());
}

#[test]
fn min_coverage_and_deny_warnings_fail_the_check() {
    let (code, stdout, _) = run(tolk().args(["check", "--min-coverage", "90"]).arg(repo()));
    assert_eq!(code, 1);
    assert!(stdout.contains("error[coverage-below-minimum]: `ko` translates"), "{stdout}");
    let (code, _, _) = run(tolk().args(["check", "--deny-warnings"]).arg(repo()));
    assert_eq!(code, 1);
    let (code, _, _) = run(tolk().args(["check", "--min-coverage", "50"]).arg(repo()));
    assert_eq!(code, 0);
}

#[test]
fn a_plain_locale_tree_needs_no_configuration() {
    let dir = tempfile::TempDir::new().unwrap();
    write(dir.path(), "en-US/app.ftl", "hello = Hello, { $name }!\nbye = Goodbye\n");
    write(dir.path(), "de/app.ftl", "hello = Hallo, { $name }!\n");
    write(dir.path(), "pt-BR/app.ftl", "hello = Olá, { $name }!\nbye = Tchau\nold = Velho\n");
    let (code, stdout, _) = run(tolk().arg("check").arg(dir.path()));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("error[missing-message]: `bye` is missing in `de`"), "{stdout}");
    assert!(stdout.contains("--> de/app.ftl"), "{stdout}");
    assert!(
        stdout.contains("warning[obsolete-message]: `old` is not in the source locale `en-US`")
    );
    assert!(stdout.contains("pt-BR/app.ftl:3:1"), "{stdout}");
    // Another reference locale.
    let (code, stdout, _) = run(tolk().args(["check", "--source-locale", "pt-BR"]).arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("`old` is missing in `en-US`"), "{stdout}");
}

#[test]
fn stats_prints_a_table() {
    let (code, stdout, _) = run(tolk().arg("stats").arg(repo()));
    assert_eq!(code, 0);
    let ko = stdout.lines().find(|l| l.starts_with("ko ")).expect("a ko row");
    assert!(ko.contains("31/53"), "{stdout}");
    assert!(stdout.lines().next().unwrap().starts_with("locale"));
}

#[test]
fn staleness_workflow_end_to_end() {
    let dir = sample();
    let p = dir.path();
    // Lock the current translations.
    let (code, _, stderr) = run(tolk().arg("lock").arg(p));
    assert_eq!(code, 0, "{stderr}");
    assert!(p.join("tolk.lock").is_file());
    let (code, stdout, _) = run(tolk().arg("check").arg(p));
    assert_eq!(code, 0);
    assert!(!stdout.contains("stale-translation"));

    // Edit the source: every translation of that message is now stale.
    let en = p.join("locales/en-US/trafficking.ftl");
    let text = std::fs::read_to_string(&en).unwrap().replace(
        "help-chat = Chat live with an advocate",
        "help-chat = Chat online with a trained advocate",
    );
    std::fs::write(&en, text).unwrap();
    let (code, stdout, _) = run(tolk().arg("check").arg(p));
    assert_eq!(code, 0, "stale translations are warnings");
    assert!(stdout.contains("warning[stale-translation]: `help-chat` in `fr` was translated from an older source text"), "{stdout}");
    assert!(stdout.contains("source then: help-chat = Chat live with an advocate"), "{stdout}");
    assert!(
        stdout.contains("source now:  help-chat = Chat online with a trained advocate"),
        "{stdout}"
    );
    let (code, _, _) = run(tolk().args(["check", "--deny-warnings"]).arg(p));
    assert_eq!(code, 1);
    // Locking again keeps them stale.
    run(tolk().arg("lock").arg(p));
    let (_, stdout, _) = run(tolk().arg("check").arg(p));
    assert_eq!(stdout.matches("warning[stale-translation]").count(), 7, "{stdout}");

    // The French translator updates the translation: no longer stale.
    let fr = p.join("locales/fr/trafficking.ftl");
    let text = std::fs::read_to_string(&fr).unwrap();
    let line = text.lines().find(|l| l.starts_with("help-chat =")).unwrap().to_owned();
    std::fs::write(
        &fr,
        text.replace(&line, "help-chat = Discutez en ligne avec un conseiller formé"),
    )
    .unwrap();
    let (_, stdout, _) = run(tolk().arg("check").arg(p));
    assert!(!stdout.contains("`help-chat` in `fr`"), "{stdout}");
    assert_eq!(stdout.matches("warning[stale-translation]").count(), 6);

    // The Spanish one is still right: accept it.
    // (`--accept` takes every value after it, so PATH comes first.)
    let (code, _, stderr) = run(tolk().arg("lock").arg(p).args(["--accept", "es", "help-chat"]));
    assert_eq!(code, 0, "{stderr}");
    let (_, stdout, _) = run(tolk().arg("check").arg(p));
    assert!(!stdout.contains("`help-chat` in `es`"), "{stdout}");
    assert_eq!(stdout.matches("warning[stale-translation]").count(), 5);

    // Accepting an unknown message is an error.
    let (code, _, stderr) = run(tolk().arg("lock").arg(p).args(["--accept", "es", "no-such-id"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no message `no-such-id`"), "{stderr}");
}

#[test]
fn the_lock_file_is_deterministic_and_committed() {
    // The repository's own lock file is current: locking again changes nothing.
    let dir = sample();
    std::fs::copy(repo().join("tolk.lock"), dir.path().join("tolk.lock")).unwrap();
    let before = std::fs::read_to_string(dir.path().join("tolk.lock")).unwrap();
    run(tolk().arg("lock").arg(dir.path()));
    assert_eq!(std::fs::read_to_string(dir.path().join("tolk.lock")).unwrap(), before);
}

#[test]
fn json_report_has_per_document_and_section_coverage() {
    let (_, stdout, _) = run(tolk().args(["check", "--format", "json"]).arg(repo()));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let ko = json["locales"].as_array().unwrap().iter().find(|l| l["locale"] == "ko").unwrap();
    let doc = &ko["documents"][0];
    assert_eq!(doc["id"], "understanding-trafficking");
    let sections = doc["sections"].as_array().unwrap();
    let by_id =
        |id: &str| sections.iter().find(|s| s["id"] == id).unwrap()["coverage"].as_f64().unwrap();
    assert_eq!(by_id("get-help"), 1.0);
    assert_eq!(by_id("labor-trafficking"), 0.0);
}
