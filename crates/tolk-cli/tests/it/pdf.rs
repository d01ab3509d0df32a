//! PDF output. The tests that make PDFs need the `pdf` feature (CI runs them with
//! `cargo test -p tolk-cli --features pdf --test it pdf`), `pdftotext` and
//! `pdftoppm` (Debian `poppler-utils`) and the Noto fonts (`fonts-noto-core`,
//! `fonts-noto-cjk`); a missing tool fails the test, never skips it.

use crate::support::*;

#[cfg(not(feature = "pdf"))]
#[test]
fn pdf_without_the_feature_is_a_usage_error() {
    let dir = sample();
    let (code, _, stderr) = run(tolk()
        .arg("build")
        .arg(dir.path())
        .args(["--format", "pdf", "--out"])
        .arg(dir.path().join("o")));
    assert_eq!(code, 2);
    assert!(stderr.contains("built without PDF support"), "{stderr}");
    assert!(stderr.contains("--features pdf"), "{stderr}");
}

#[cfg(feature = "pdf")]
fn tool(name: &str) -> std::process::Command {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(found, "`{name}` is missing: apt-get install poppler-utils");
    std::process::Command::new(name)
}

#[cfg(feature = "pdf")]
#[test]
fn every_locale_gets_a_pdf_with_its_title_and_the_hotline() {
    const LOCALES: [&str; 8] = ["ar", "en-US", "es", "fr", "hi", "ko", "vi", "zh-CN"];
    let dir = sample();
    let out = dir.path().join("out");
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).args(["--format", "json,pdf", "--out"]).arg(&out));
    assert_eq!(code, 0, "{stderr}");
    for locale in LOCALES {
        let pdf = out.join(locale).join("understanding-trafficking.pdf");
        let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        assert!(bytes.starts_with(b"%PDF-"), "{locale}: not a PDF");
        let text = tool("pdftotext").arg(&pdf).arg("-").output().unwrap();
        assert!(text.status.success(), "{locale}: pdftotext failed");
        let text = String::from_utf8_lossy(&text.stdout);
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.join(locale).join("understanding-trafficking.json"))
                .unwrap(),
        )
        .unwrap();
        let title = json["title"].as_str().unwrap();
        // pdftotext may break lines or use other white space: compare words.
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let words: Vec<&str> = title.split_whitespace().collect();
        assert!(
            flat.contains(&words.join(" ")),
            "{locale}: title {title:?} not in the PDF text:\n{flat}"
        );
        // pdftotext reads glyphs in display order: a number laid out right to left
        // inside an Arabic line would come out as 7888-373-888-1.
        assert!(
            flat.contains("1-888-373-7888"),
            "{locale}: no hotline (in display order) in the PDF"
        );
        assert!(flat.contains("233733"), "{locale}: no short code in the PDF");
    }
    // The first page of the complex scripts renders.
    for locale in ["ar", "hi", "zh-CN"] {
        let pdf = out.join(locale).join("understanding-trafficking.pdf");
        let png = out.join(format!("{locale}-page1"));
        let status = tool("pdftoppm")
            .args(["-png", "-r", "50", "-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg(&png)
            .status()
            .unwrap();
        assert!(status.success(), "{locale}: pdftoppm failed");
        let rendered = std::fs::read_dir(&out).unwrap().filter_map(Result::ok).any(|e| {
            e.file_name().to_string_lossy().starts_with(&format!("{locale}-page1"))
                && e.metadata().unwrap().len() > 1000
        });
        assert!(rendered, "{locale}: no page image");
    }
    // The same inputs give the same PDF.
    let first = std::fs::read(out.join("ar/understanding-trafficking.pdf")).unwrap();
    let again = dir.path().join("again");
    run(tolk()
        .arg("build")
        .arg(dir.path())
        .args(["--format", "pdf", "--locale", "ar", "--out"])
        .arg(&again));
    assert_eq!(std::fs::read(again.join("ar/understanding-trafficking.pdf")).unwrap(), first);
}
