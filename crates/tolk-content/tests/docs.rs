//! `docs/checks.md` is generated from the documentation of `Code`: this test fails
//! when it is out of date, and rewrites it with `TOLK_UPDATE_DOCS=1`.

use std::path::Path;

#[test]
fn checks_reference_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/checks.md");
    let expected = tolk_content::Code::reference_markdown();
    if std::env::var_os("TOLK_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/checks.md is out of date: run `TOLK_UPDATE_DOCS=1 cargo test -p tolk-content --test docs`"
    );
}

#[test]
fn every_code_is_documented_with_an_example() {
    for code in tolk_content::Code::ALL {
        assert!(code.doc().contains("Example:"), "{} has no example", code.as_str());
    }
}
