//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) and every input
//! that once failed (`fuzz/regressions/<target>/`) through the harnesses the
//! cargo-fuzz targets run, and checks that the invariants can fail.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use tolk_fuzz_invariants::{
    HtmlShape, PAGE, PAGE_SOURCE, TARGETS, check_html_within, check_json, check_link_schemes,
    check_no_bidi_controls, check_spans, html_shape, page, read_like_cli,
};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| {
            p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

/// Runs every input of `kind` (`corpus` or `regressions`) through its harness and
/// returns the number of inputs run; fails naming every input that broke an
/// invariant.
fn replay(kind: &str) -> usize {
    let mut failures = Vec::new();
    let mut count = 0;
    for (target, harness) in TARGETS {
        for path in inputs(&fuzz_dir().join(kind).join(target)) {
            let data = std::fs::read(&path).expect("a readable input");
            count += 1;
            if let Err(e) = catch_unwind(AssertUnwindSafe(|| harness(&data))) {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failures.push(format!("{}: {msg}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} inputs failed:\n{}", failures.len(), failures.join("\n"));
    count
}

#[test]
fn corpus_holds_the_invariants() {
    for (target, _) in TARGETS {
        let n = inputs(&fuzz_dir().join("corpus").join(target)).len();
        assert!(n >= 3, "fuzz/corpus/{target} has {n} inputs, expected at least 3");
    }
    replay("corpus");
}

#[test]
fn regressions_hold_the_invariants() {
    // Every target has a directory, even while nothing has been found for it.
    for (target, _) in TARGETS {
        let dir = fuzz_dir().join("regressions").join(target);
        assert!(dir.is_dir(), "{} is missing", dir.display());
    }
    replay("regressions");
}

#[test]
fn decoding_matches_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [&[u8]; 6] = [
        b"a = b\n",
        b"\xef\xbb\xbfa = b\n",
        b"\xef\xbb\xbf\xef\xbb\xbfa = b\n",
        b"a = \xff\n",
        b"\xef\xbb\xbfa = \xc3\n",
        b"",
    ];
    for (i, bytes) in cases.iter().enumerate() {
        let path = dir.path().join(format!("{i}.ftl"));
        std::fs::write(&path, bytes).unwrap();
        let cli = tolk_cli::fsutil::read_text(&path, "x.ftl");
        match (read_like_cli(bytes), cli) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "case {i}"),
            (Err(at), Err(d)) => {
                assert!(d.text.contains(&format!("offset {at})")), "case {i}: {}", d.text)
            }
            (ours, theirs) => panic!("case {i}: {ours:?} but the CLI read {theirs:?}"),
        }
    }
}

#[test]
fn spans_outside_their_file_fail() {
    use tolk_content::{Code, Diagnostic};
    let text = "a = é\n";
    let files = [("f.ftl", text)];
    let at = |span| [Diagnostic::new(Code::SyntaxError, "x").at("f.ftl", span)];
    assert!(check_spans(&at(0..7), &files).is_ok());
    assert!(check_spans(&at(0..8), &files).unwrap_err().contains("outside"));
    assert!(check_spans(&at(5..6), &files).unwrap_err().contains("char boundaries"));
    let elsewhere = [Diagnostic::new(Code::SyntaxError, "x").at("g.ftl", 0..1)];
    assert!(check_spans(&elsewhere, &files).unwrap_err().contains("unknown file"));
}

#[test]
fn injected_markup_fails() {
    let template = |text: &str| {
        format!(
            "<!DOCTYPE html><html><title>{text}</title><style>a<b{{}}</style>\
             <p><a href=\"#main\">{text}</a></p><script>if (a<b) {{}}</script></html>"
        )
    };
    let reference = html_shape(&template("Hello"));
    let ok = html_shape(&template("&lt;script&gt; <bdi>1-888</bdi> &lt;b"));
    assert!(check_html_within(&reference, &ok).is_ok(), "{ok:?}");
    let bad = |text: &str| check_html_within(&reference, &html_shape(&template(text)));
    assert!(bad("<script>x</script>").unwrap_err().contains("<script>"));
    assert!(bad("</title><img src=x onerror=alert(1)>").is_err());
    assert!(bad("<bdi>").unwrap_err().contains("<bdi>"));
    assert!(bad("<!-- x -->").unwrap_err().contains("comments"));
    assert!(bad("</a><a href=\"javascript:x\">").is_err());
}

#[test]
fn links_with_other_schemes_fail() {
    let shape = |href: &str| HtmlShape { hrefs: [href.to_owned()].into(), ..HtmlShape::default() };
    for ok in
        ["#main", "../fr/page.html", "https://example.org/", "tel:+1888", "sms:233733?&body=X"]
    {
        assert!(check_link_schemes(&shape(ok)).is_ok(), "{ok}");
    }
    for bad in ["javascript:alert(1)", " JavaScript:x", "java\tscript:x", "data:text/html,x"] {
        assert!(check_link_schemes(&shape(bad)).is_err(), "{bad}");
    }
}

#[test]
fn bad_json_and_bidi_controls_fail() {
    assert!(check_json("{\"a\": 1}").is_ok());
    assert!(check_json("{\"a\": }").is_err());
    assert!(check_no_bidi_controls("text", "a\u{2068}b").is_err());
    assert!(check_no_bidi_controls("text", "a\u{202e}b").is_err());
    assert!(check_no_bidi_controls("text", "a\u{200f}b").is_ok());
    let err = check_no_bidi_controls("text", "\u{2069}a\u{202a}").unwrap_err();
    assert!(err.contains("'\\u{2069}' at byte 0"), "{err}");
}

#[test]
fn bidi_controls_are_the_fluent_ones() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let found = check_no_bidi_controls("text", &format!("a{c}")).is_err();
        assert_eq!(found, tolk_fluent::is_bidi_control(c), "{c:?}");
    }
}

#[test]
fn the_page_has_every_block_and_fact_type() {
    use std::collections::BTreeSet;
    let doc = page();
    let blocks: BTreeSet<&str> =
        doc.sections.iter().flat_map(|s| &s.blocks).map(|b| b.kind()).collect();
    let every_block =
        ["heading", "paragraph", "list", "qa", "callout", "link", "contact", "quick-exit"];
    assert_eq!(blocks, every_block.into(), "block types");
    let facts: BTreeSet<&str> = doc.facts.values().map(|f| f.kind()).collect();
    let every_fact = ["phone", "short-code", "keyword", "url", "email", "number", "text"];
    assert_eq!(facts, every_fact.into(), "fact types");
    let ui: Vec<&str> = doc.ui.keys().map(String::as_str).collect();
    assert_eq!(ui, ["contents", "footer", "language", "skip-link"]);
    assert!(doc.summary.is_some());
    let contact = doc.sections.iter().flat_map(|s| &s.blocks).find_map(|b| match b {
        tolk_content::Block::Contact(c) => Some(c),
        _ => None,
    });
    let contact = contact.expect("a contact block");
    assert!(contact.heading.is_some() && contact.call.is_some());
    assert!(contact.sms.is_some() && contact.chat.is_some());
}

#[test]
fn the_page_source_defines_what_the_page_uses() {
    use std::collections::BTreeMap;
    use tolk_fluent::{Catalog, SourceFile, check_documents, index_locale, load_locale, localize};
    let (path, text) = PAGE_SOURCE;
    let (index, diags) = index_locale("en-US", &[SourceFile::new(path, text)], false).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    let unused_or_undefined = check_documents(&[(PAGE.0, page())], &index);
    assert!(unused_or_undefined.is_empty(), "{unused_or_undefined:?}");
    let (locale, _) = load_locale("en-US", vec![SourceFile::new(path, text)]).unwrap();
    let catalog = Catalog::new("en-US", vec![locale], &BTreeMap::new()).unwrap();
    let (_, diags) = localize(page(), &catalog, "en-US", "English").unwrap();
    assert!(diags.is_empty(), "{diags:?}");
}
