use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// Operational errors of this crate (bad configuration, not bad translations).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A string is not a BCP 47 language tag.
    InvalidLocale(String),
    /// A locale was asked for that the catalog does not have.
    UnknownLocale(String),
    /// A locale with more files, or a file with more entries, than an index holds
    /// (2^32).
    TooLarge(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InvalidLocale(s) => write!(f, "`{s}` is not a valid BCP 47 language tag"),
            Error::UnknownLocale(s) => write!(f, "no locale `{s}` in the catalog"),
            Error::TooLarge(s) => {
                write!(f, "locale `{s}` has more than 2^32 files, or a file with more entries")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Parses a BCP 47 tag (`es-MX`, `zh-Hant-TW`). Accepts `_` as a separator, as
/// many existing locale trees do, and returns the canonical form.
pub fn parse_locale(tag: &str) -> Result<LanguageIdentifier, Error> {
    let invalid = || Error::InvalidLocale(tag.to_owned());
    if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(invalid());
    }
    let langid: LanguageIdentifier = tag.parse().map_err(|_| invalid())?;
    // Language subtags of 5-8 letters are reserved: `english` is a directory name,
    // not a language.
    if langid.language.is_empty() || langid.language.as_str().len() > 3 {
        return Err(invalid());
    }
    Ok(langid)
}

/// The ordered chain of locales to try for `locale`: the locale itself, then the
/// available locales that match it from most to least specific (`es-MX` -> `es`),
/// then `source`. With `explicit`, the chain is the locale, then those locales, then
/// `source`. Locales never repeat.
pub fn fallback_chain(
    locale: &LanguageIdentifier,
    available: &[LanguageIdentifier],
    source: &LanguageIdentifier,
    explicit: Option<&[LanguageIdentifier]>,
) -> Vec<LanguageIdentifier> {
    let mut chain = vec![locale.clone()];
    let push = |l: &LanguageIdentifier, chain: &mut Vec<LanguageIdentifier>| {
        if !chain.contains(l) {
            chain.push(l.clone());
        }
    };
    match explicit {
        Some(list) => list.iter().for_each(|l| push(l, &mut chain)),
        None => {
            // Only less specific parents of the locale, never siblings: `es-MX`
            // falls back to `es`, not to `es-ES`.
            let parents: Vec<&LanguageIdentifier> =
                available.iter().filter(|a| *a != locale && is_parent(a, locale)).collect();
            let negotiated =
                negotiate_languages(&[locale], &parents, None, NegotiationStrategy::Filtering);
            for l in negotiated {
                push(l, &mut chain);
            }
        }
    }
    push(source, &mut chain);
    chain
}

/// Whether `parent` is `child` with fewer subtags (`es` for `es-MX`, `zh-Hans` for
/// `zh-Hans-CN`).
fn is_parent(parent: &LanguageIdentifier, child: &LanguageIdentifier) -> bool {
    parent.language == child.language
        && (parent.script.is_none() || parent.script == child.script)
        && (parent.region.is_none() || parent.region == child.region)
        && parent.variants().len() <= child.variants().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(tags: &[&str]) -> Vec<LanguageIdentifier> {
        tags.iter().map(|t| parse_locale(t).unwrap()).collect()
    }

    fn chain(locale: &str, available: &[&str]) -> Vec<String> {
        fallback_chain(&parse_locale(locale).unwrap(), &ids(available), &ids(&["en-US"])[0], None)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn regional_locale_falls_back_to_language_then_source() {
        assert_eq!(
            chain("es-MX", &["en-US", "es", "es-ES", "es-MX", "fr"]),
            ["es-MX", "es", "en-US"]
        );
        assert_eq!(chain("fr", &["en-US", "es", "fr"]), ["fr", "en-US"]);
        assert_eq!(chain("en-US", &["en-US", "fr"]), ["en-US"]);
    }

    #[test]
    fn explicit_chain_overrides_negotiation() {
        let got = fallback_chain(
            &parse_locale("gl").unwrap(),
            &ids(&["en-US", "es", "gl", "pt"]),
            &ids(&["en-US"])[0],
            Some(&ids(&["es", "pt"])),
        );
        assert_eq!(got, ids(&["gl", "es", "pt", "en-US"]));
    }

    #[test]
    fn tags_are_validated_and_canonicalized() {
        assert_eq!(parse_locale("zh_cn").unwrap().to_string(), "zh-CN");
        assert_eq!(parse_locale("pt-br").unwrap().to_string(), "pt-BR");
        for bad in ["", "english", "..", "en US", "/abs", "en-US/../x", "123"] {
            assert!(parse_locale(bad).is_err(), "{bad}");
        }
    }
}
