use super::*;
use crate::{SourceFile, index_locale};

fn locale(tag: &str, text: &str) -> LocaleIndex {
    let (idx, diags) =
        index_locale(tag, &[SourceFile::new(format!("locales/{tag}/main.ftl"), text)], false)
            .unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    idx
}

/// Checks `tr` (in locale `tag`) against `src` (en-US): (code, severity, text, excerpt).
fn check_in(tag: &str, src: &str, tr: &str) -> Vec<(&'static str, Severity, String, String)> {
    let report = check_locale(&locale("en-US", src), &locale(tag, tr), Severity::Error);
    report
        .diagnostics
        .into_iter()
        .map(|d| {
            let excerpt = d.span.clone().map(|s| tr[s].to_owned()).unwrap_or_default();
            (d.code.as_str(), d.severity, d.text, excerpt)
        })
        .collect()
}

fn check(src: &str, tr: &str) -> Vec<(&'static str, Severity, String, String)> {
    check_in("fr", src, tr)
}

fn codes(src: &str, tr: &str) -> Vec<&'static str> {
    check(src, tr).into_iter().map(|d| d.0).collect()
}

#[test]
fn a_complete_translation_is_clean() {
    assert_eq!(check("a = A { $x }\nb = B\n", "a = Ah { $x }\nb = Beh\n"), vec![]);
}

#[test]
fn missing_message_names_the_file_where_it_belongs() {
    let report = check_locale(
        &locale("en-US", "a = A\nb = B b\n"),
        &locale("fr", "a = A\n"),
        Severity::Warning,
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.code, Code::MissingMessage);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.file.as_deref(), Some("locales/fr/main.ftl"));
    assert_eq!(d.message_id.as_deref(), Some("b"));
    assert_eq!(
        report.coverage,
        Coverage { messages_total: 2, messages_translated: 1, words_total: 3, words_translated: 1 }
    );
    assert_eq!(report.coverage.ratio(), 0.5);
}

#[test]
fn terms_are_checked_like_messages() {
    let got = check("-brand = Tolk\na = { -brand }\n", "a = { -brand }\n");
    // Diagnostics without a position sort first.
    assert_eq!(got[0].0, "missing-message");
    assert_eq!(got[0].2, "`-brand` is missing in `fr`");
    assert_eq!(got[1].0, "unknown-reference");
    assert_eq!(got[1].2, "`a` references `-brand`: `fr` defines no term `-brand`");
    assert_eq!(got[1].3, "-brand");
}

#[test]
fn unknown_and_missing_variables() {
    let got = check("a = A { $name }\n", "a = A { $nom }\nold = Vieux\n");
    assert_eq!(
        got,
        vec![
            (
                "missing-variable",
                Severity::Warning,
                "`a` never uses `$name`, which the source message uses".to_owned(),
                "a".to_owned()
            ),
            (
                "unknown-variable",
                Severity::Error,
                "`a` uses `$nom`, which the source message does not have".to_owned(),
                "$nom".to_owned()
            ),
            (
                "obsolete-message",
                Severity::Warning,
                "`old` is not in the source locale `en-US`".to_owned(),
                "old".to_owned()
            ),
        ]
    );
}

#[test]
fn variables_in_selectors_and_attributes_count() {
    let src = "a = { $n ->\n    [one] one\n   *[other] many\n}\n    .title = { $who }\n";
    let tr = "a = { $n ->\n    [one] eins\n   *[other] { $who } viele\n}\n    .title = x\n";
    // German uses `one` and `other` only (French would also need `many`).
    assert_eq!(check_in("de", src, tr), vec![]);
}

#[test]
fn unknown_references_fall_back_for_messages_only() {
    // A message the source has resolves through the chain.
    assert_eq!(codes("a = A\nb = { a } B\n", "a = Ah\nb = { a } Beh\n"), Vec::<&str>::new());
    let src = "a = A\nb = B { a }\n";
    assert_eq!(codes(src, "b = { a } Beh\n"), ["missing-message"]);
    let got = check(src, "a = Ah\nb = { c.attr } Beh\n");
    let unknown: Vec<_> = got.iter().filter(|d| d.0 == "unknown-reference").collect();
    assert_eq!(unknown.len(), 1, "{got:?}");
    assert_eq!(unknown[0].3, "c.attr");
    // It is not also reported as a reference the source does not have.
    assert!(!got.iter().any(|d| d.0 == "obsolete-reference"), "{got:?}");
}

#[test]
fn dropped_and_added_references_are_warnings() {
    let src = "-org = Safe Harbor\n-org-short = SH\nnote = Ask { -org }\n    .title = { help }\nhelp = Help\n";
    // Drops `-org` from the value; the attribute keeps `{ help }`.
    let tr = "-org = Port Sûr\n-org-short = PS\nnote = Demandez au port\n    .title = { help }\nhelp = Aide\n";
    assert_eq!(
        check(src, tr),
        vec![(
            "missing-reference",
            Severity::Warning,
            "`note` in `fr` drops the term reference `{ -org }` of the source".to_owned(),
            "note".to_owned()
        )]
    );
    // Uses another term that exists: an obsolete reference; one that does not exist
    // is only `unknown-reference`.
    let tr = "-org = Port Sûr\n-org-short = PS\nnote = Demandez { -org } { -org-short }\n    .title = { help } { -nope }\nhelp = Aide\n";
    assert_eq!(codes(src, tr), ["obsolete-reference", "unknown-reference"]);
    // Term attributes are the locale's grammar: not counted.
    let src = "-org = Safe Harbor\nnote = Ask { -org }\n";
    let tr = "-org = Port\n    .gender = masculine\nnote = { -org.gender ->\n   *[masculine] Demandez au { -org }\n}\n";
    assert_eq!(codes(src, tr), Vec::<&str>::new());
}

#[test]
fn cycles_are_reported_once() {
    let src = "a = { b }\nb = { c }\nc = { a }\nd = { d }\n";
    let got = check(src, src);
    let cycles: Vec<_> =
        got.iter().filter(|d| d.0 == "cyclic-reference").map(|d| d.2.as_str()).collect();
    assert_eq!(
        cycles,
        [
            "references form a cycle: `a` -> `b` -> `c` -> `a`",
            "references form a cycle: `d` -> `d`"
        ]
    );
}

#[test]
fn protected_text_must_stay_exactly_the_same() {
    let src = "call = Call 1-888-373-7888 now, or text 233733.\n";
    assert_eq!(
        codes(src, "call = Appelez le 1-888-373-7888 ou écrivez au 233733.\n"),
        Vec::<&str>::new()
    );
    // One changed digit.
    let got = check(src, "call = Appelez le 1-888-373-7889 ou écrivez au 233733.\n");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "protected-text-changed");
    assert_eq!(got[0].2, "`call` changes `1-888-373-7888` to `1-888-373-7889`");
    assert_eq!(got[0].3, "1-888-373-7889");
    // Dropped.
    let got = check(src, "call = Appelez-nous, ou écrivez au 233733.\n");
    assert_eq!(got[0].2, "`call` does not contain `1-888-373-7888` from the source");
    // Another script's digits are the same digits.
    let ar = "call = اتصل على ١-٨٨٨-٣٧٣-٧٨٨٨ أو أرسل ٢٣٣٧٣٣.\n";
    assert_eq!(check_in("ar", src, ar), vec![]);
    // Added contact details.
    let got = check("a = Write to us.\n", "a = Écrivez à help@example.fr.\n");
    assert_eq!(got[0].2, "`a` adds `help@example.fr`, which the source does not have");
}

#[test]
fn protected_text_may_come_through_the_same_term() {
    let src = "-hotline = 1-888-373-7888\ncall = Call { -hotline }\n";
    assert_eq!(
        codes(src, "-hotline = 1-888-373-7888\ncall = Appelez le { -hotline }\n"),
        Vec::<&str>::new()
    );
    // Retyping the term's value wrongly is caught on the term itself.
    let got = check(src, "-hotline = 1-888-373-7880\ncall = Appelez le { -hotline }\n");
    assert_eq!(got[0].0, "protected-text-changed");
    assert_eq!(got[0].2, "`-hotline` changes `1-888-373-7888` to `1-888-373-7880`");
}

#[test]
fn attributes_and_values_must_match() {
    let src = "a = A\n    .title = T\n    .hint = H\nb =\n    .label = L\nc = C\n";
    let tr = "a = Ah\n    .title = Té\n    .tooltip = X\nb = Bé\n    .label = Lé\nc =\n    .title = Cé\n";
    let got: Vec<_> = check(src, tr).into_iter().map(|d| (d.0, d.2)).collect();
    assert_eq!(
        got,
        [
            ("missing-attribute", "`a` lacks the attribute `.hint` in `fr`".to_owned()),
            (
                "obsolete-attribute",
                "`a` has an attribute `.tooltip` that the source does not have".to_owned()
            ),
            ("obsolete-value", "`b` has a value in `fr` but none in the source".to_owned()),
            ("missing-value", "`c` has a value in the source but none in `fr`".to_owned()),
            (
                "obsolete-attribute",
                "`c` has an attribute `.title` that the source does not have".to_owned()
            ),
        ]
    );
}

#[test]
fn plural_categories_follow_the_locale() {
    let src = "n = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\n";
    let pl = "n = { $n ->\n    [one] jeden plik\n   *[other] { $n } plików\n}\n";
    let got = check_in("pl", src, pl);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "missing-plural-category");
    assert_eq!(got[0].2, "`n` lacks the plural categories few, many that `pl` uses");
    assert_eq!(got[0].3, "n");
    let pl_ok =
        "n = { $n ->\n    [one] plik\n    [few] pliki\n    [many] plików\n   *[other] pliku\n}\n";
    assert_eq!(check_in("pl", src, pl_ok), vec![]);
    // Japanese has one form: collapsing the select loses nothing.
    assert_eq!(check_in("ja", src, "n = { $n } 個のファイル\n"), vec![]);
    // Arabic needs six: dropping the select is flagged.
    let got = check_in("ar", src, "n = { $n } ملفات\n");
    assert_eq!(got[0].2, "`n` drops the source's plural select, but `ar` has plural forms");
}

#[test]
fn untranslated_text_follows_an_explicit_rule() {
    let src = "long = If you need help, call us.\nshort = OK\nbrand = Tolk Pro\nvar = { $name }\n";
    let got: Vec<_> = check(src, src).into_iter().map(|d| (d.0, d.3)).collect();
    assert_eq!(got, [("untranslated", "long".to_owned())]);
    // A locale of the source's language may repeat the source.
    let report = check_locale(&locale("en-US", src), &locale("en-GB", src), Severity::Error);
    assert!(report.diagnostics.is_empty());
}

#[test]
fn damaged_and_bidi_characters_are_flagged() {
    let got = check("a = Hello there\n", "a = Fran\u{fffd}ais \u{202e}xyz\n");
    let codes: Vec<_> = got.iter().map(|d| (d.0, d.3.as_str())).collect();
    assert_eq!(codes, [("replacement-character", "\u{fffd}"), ("bidi-control", "\u{202e}")]);
}

#[test]
fn duplicate_variants_and_attributes_are_found_when_reading() {
    let text = "a = { $n ->\n    [one] x\n    [one] y\n   *[other] z\n}\n    .t = 1\n    .t = 2\n";
    let (_, diags) = index_locale("fr", &[SourceFile::new("fr/a.ftl", text)], false).unwrap();
    let got: Vec<_> =
        diags.iter().map(|d| (d.code.as_str(), &text[d.span.clone().unwrap()])).collect();
    assert_eq!(got, [("duplicate-attribute", "t"), ("duplicate-variant", "one")]);
}

#[test]
fn documents_are_checked_against_the_source() {
    let doc_src = r#"
id = "d"
title = "title"
[[sections]]
id = "s"
heading = "nope"
blocks = [{ type = "paragraph", text = "title.missing-attr" }]
"#;
    let doc = tolk_content::parse_document("content/d.toml", doc_src).value.unwrap();
    let src =
        locale("en-US", "title = T { used-by-title }\nused-by-title = U\nextra = E\n-brand = B\n");
    let diags = check_documents(&[("content/d.toml", &doc)], &src);
    let got: Vec<_> = diags.iter().map(|d| (d.code.as_str(), d.text.as_str())).collect();
    assert_eq!(
        got,
        [
            ("undefined-message", "`nope` is not defined in the source locale `en-US`"),
            (
                "undefined-message",
                "`title` has no attribute `missing-attr` in the source locale `en-US`"
            ),
            ("unused-message", "`extra` is not used by any document"),
        ]
    );
    assert_eq!(&doc_src[diags[0].span.clone().unwrap()], "\"nope\"");
}

#[test]
fn coverage_of_a_subset() {
    let src = locale("en-US", "a = one two\nb = three\nc = four five six\n");
    let tr = locale("fr", "a = un deux\nc = quatre\n");
    let c = Coverage::of(["a", "b", "a", "zzz"], &src, &tr);
    assert_eq!(
        c,
        Coverage { messages_total: 2, messages_translated: 1, words_total: 3, words_translated: 2 }
    );
}

#[test]
fn chains_beyond_fluents_placeable_limit_are_reported_once() {
    // 150 messages deep: only the outermost is reported.
    let mut src = String::new();
    for i in 0..150 {
        src.push_str(&format!("m{i} = {{ m{} }}\n", i + 1));
    }
    src.push_str("m150 = end\n");
    let got = check_in("en-US", &src, &src);
    let over: Vec<_> = got.iter().filter(|d| d.0 == "too-many-placeables").collect();
    assert_eq!(over.len(), 1, "{got:?}");
    assert_eq!(over[0].3, "m0");
    assert!(over[0].2.contains("resolves 150 placeables"), "{}", over[0].2);
    // 100 is allowed, as in Fluent.
    let mut src = String::new();
    for i in 0..100 {
        src.push_str(&format!("m{i} = {{ m{} }}\n", i + 1));
    }
    src.push_str("m100 = end\n");
    assert!(check_in("en-US", &src, &src).iter().all(|d| d.0 != "too-many-placeables"));
    // A select counts its largest variant; a cycle does not loop.
    let src = "a = { $n ->\n    [one] { b }\n   *[other] x\n}\nb = { a }\n";
    assert!(check_in("en-US", src, src).iter().all(|d| d.0 != "too-many-placeables"));
}
