//! The JSON Schemas in `docs/schema/` are generated from the renderers' types
//! (schemars): this test fails when they are out of date and rewrites them with
//! `TOLK_UPDATE_DOCS=1`.

use std::path::Path;

#[test]
fn committed_schemas_match_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
    let schemas = [
        ("document.schema.json", tolk_render::document_schema()),
        ("manifest.schema.json", tolk_render::manifest_schema()),
        ("messages.schema.json", tolk_render::messages_schema()),
    ];
    let update = std::env::var_os("TOLK_UPDATE_DOCS").is_some();
    for (name, expected) in schemas {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "docs/schema/{name} is out of date: run `TOLK_UPDATE_DOCS=1 cargo test -p tolk-render --test schemas`"
        );
        let schema: serde_json::Value = serde_json::from_str(&expected).unwrap();
        assert!(schema["$schema"].as_str().is_some_and(|s| s.contains("json-schema.org")));
    }
}
