//! `tolk.toml`: the project configuration.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

/// The parsed `tolk.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Config {
    /// The locale every other locale is compared with.
    #[serde(default = "default_source")]
    pub source_locale: String,
    /// Where the `<locale>/` directories are, relative to the project.
    #[serde(default = "default_locales")]
    pub locales_dir: PathBuf,
    /// Where the content documents are.
    #[serde(default = "default_content")]
    pub content_dir: PathBuf,
    /// Where `tolk build` writes.
    #[serde(default = "default_out")]
    pub out: PathBuf,
    /// Column width of the text format.
    #[serde(default = "default_width")]
    pub text_width: usize,
    /// Lines per page of the text format (print layout); none by default.
    #[serde(default)]
    pub text_page_lines: Option<usize>,
    /// Per-locale settings, by tag.
    #[serde(default)]
    pub locales: BTreeMap<String, LocaleConfig>,
    /// Go-live rules and generated locales.
    #[serde(default)]
    pub publish: PublishConfig,
}

/// When a locale may be published.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PublishConfig {
    /// Messages every published locale must translate itself (no fallback). The
    /// messages of contact (hotline) and quick-exit blocks are always required.
    #[serde(default)]
    pub required_messages: Vec<String>,
    /// Sections whose every message a published locale must translate itself.
    #[serde(default)]
    pub required_sections: Vec<String>,
    /// Also build the pseudo-locales `en-XA` (accented, longer) and `ar-XB`
    /// (mirrored, right to left), generated from the source.
    #[serde(default)]
    pub pseudo: bool,
}

/// Settings of one locale.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct LocaleConfig {
    /// The language's name for itself, shown in language menus.
    pub name: Option<String>,
    /// The lowest acceptable coverage, in percent of messages. 100 (the default)
    /// makes every missing message an error; below 100 the locale is in progress:
    /// missing messages are warnings and fall back along the chain.
    pub min_coverage: Option<f64>,
    /// An explicit fallback chain (after the locale itself; the source locale is
    /// always last).
    pub fallback: Option<Vec<String>>,
    /// The coverage in percent a locale needs to be published (default: its
    /// `min-coverage`, else 100).
    pub publish_min_coverage: Option<f64>,
}

fn default_source() -> String {
    "en-US".into()
}
fn default_locales() -> PathBuf {
    "locales".into()
}
fn default_content() -> PathBuf {
    "content".into()
}
fn default_out() -> PathBuf {
    "dist".into()
}
fn default_width() -> usize {
    72
}

impl Config {
    /// The configuration of a plain locale tree: the tree itself holds the locales,
    /// there is no content.
    pub fn plain(source_locale: &str) -> Config {
        Config {
            source_locale: source_locale.to_owned(),
            locales_dir: ".".into(),
            content_dir: "".into(),
            out: default_out(),
            text_width: default_width(),
            text_page_lines: None,
            locales: BTreeMap::new(),
            publish: PublishConfig::default(),
        }
    }

    /// Parses `tolk.toml`. The error names the line and column.
    pub fn parse(file: &str, text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    let (line, col) = tolk_content::line_col(text, s.start);
                    format!(":{line}:{col}")
                })
                .unwrap_or_default();
            format!("{file}{at}: {}", e.message().trim())
        })?;
        for (tag, lc) in &config.locales {
            if let Some(min) = lc.min_coverage
                && !(0.0..=100.0).contains(&min)
            {
                return Err(format!(
                    "{file}: locales.{tag}.min-coverage must be between 0 and 100"
                ));
            }
        }
        if config.text_width < 20 {
            return Err(format!("{file}: text-width must be at least 20"));
        }
        if config.text_page_lines.is_some_and(|n| n < 20) {
            return Err(format!("{file}: text-page-lines must be at least 20"));
        }
        Ok(config)
    }

    /// The settings of a locale (defaults when it has none).
    pub fn locale(&self, tag: &str) -> LocaleConfig {
        self.locales.get(tag).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply() {
        let c = Config::parse("tolk.toml", "").unwrap();
        assert_eq!(c.source_locale, "en-US");
        assert_eq!(c.out, PathBuf::from("dist"));
        assert_eq!(c.locale("fr").min_coverage, None);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = Config::parse("tolk.toml", "source-locale = \"en\"\nbogus = 1\n").unwrap_err();
        assert!(err.starts_with("tolk.toml:2:1: "), "{err}");
        assert!(err.contains("bogus"), "{err}");
        let err = Config::parse("tolk.toml", "[locales.ko]\nmin-coverage = 140\n").unwrap_err();
        assert!(err.contains("between 0 and 100"), "{err}");
    }
}
