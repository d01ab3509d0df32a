use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use tolk_content::{Diagnostic, TextDirection};
use unic_langid::LanguageIdentifier;

use crate::index::{LocaleIndex, index_locale};
use crate::locale::{Error, fallback_chain, parse_locale};

/// One `.ftl` file: its path (as shown in diagnostics) and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators.
    pub path: String,
    /// The file's text.
    pub text: String,
}

impl SourceFile {
    /// A file with this path and text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile { path: path.into(), text: text.into() }
    }
}

/// One locale's translations: the Fluent bundle used to format, and the index of
/// entries used to check.
pub struct LocaleCatalog {
    index: LocaleIndex,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for LocaleCatalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocaleCatalog")
            .field("tag", &self.index.tag)
            .field("entries", &self.index.entries.len())
            .finish()
    }
}

impl std::ops::Deref for LocaleCatalog {
    type Target = LocaleIndex;

    fn deref(&self) -> &LocaleIndex {
        &self.index
    }
}

impl LocaleCatalog {
    /// The index of entries.
    pub fn index(&self) -> &LocaleIndex {
        &self.index
    }

    pub(crate) fn bundle(&self) -> &FluentBundle<FluentResource> {
        &self.bundle
    }

    /// A generated pseudo-locale built from the source locale and its files, whose
    /// text elements (never placeables: facts stay as they are) go through
    /// `fluent-pseudo`'s transform.
    pub fn pseudo(
        kind: Pseudo,
        source: &LocaleCatalog,
        source_files: Vec<SourceFile>,
    ) -> Result<LocaleCatalog, Error> {
        let langid = parse_locale(kind.tag())?;
        let mut index = source.index().clone();
        index.tag = kind.tag().to_owned();
        index.langid = langid.clone();
        index.dir = None;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(true);
        bundle.set_transform(Some(match kind {
            Pseudo::Accented => transform_accented,
            Pseudo::Bidi => transform_bidi,
        }));
        for file in source_files {
            let fluent = match FluentResource::try_new(file.text) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            let _ = bundle.add_resource(fluent);
        }
        Ok(LocaleCatalog { index, bundle })
    }
}

/// Parses one locale's files into an index and a thread-safe Fluent bundle. `tag`
/// must be a BCP 47 tag; files are added in the order given, and the first
/// definition of an id wins.
///
/// Returns the catalog and the diagnostics found while reading it (see
/// [`index_locale`]).
pub fn load_locale(
    tag: &str,
    files: Vec<SourceFile>,
) -> Result<(LocaleCatalog, Vec<Diagnostic>), Error> {
    let (index, diags) = index_locale(tag, &files, false)?;
    let mut bundle = FluentBundle::new_concurrent(vec![index.langid.clone()]);
    bundle.set_use_isolating(true);
    for file in files {
        let fluent = match FluentResource::try_new(file.text) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        // Overriding errors are duplicates, which the index has reported.
        let _ = bundle.add_resource(fluent);
    }
    Ok((LocaleCatalog { index, bundle }, diags))
}

/// A generated locale for testing layouts and finding text that bypasses Fluent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pseudo {
    /// `en-XA`: accented and about 40 % longer ("Ƈȧȧŀŀ ..."), left to right.
    Accented,
    /// `ar-XB`: mirrored, right to left.
    Bidi,
}

impl Pseudo {
    /// Both kinds.
    pub const ALL: [Pseudo; 2] = [Pseudo::Accented, Pseudo::Bidi];

    /// The locale tag of the generated locale.
    pub fn tag(self) -> &'static str {
        match self {
            Pseudo::Accented => "en-XA",
            Pseudo::Bidi => "ar-XB",
        }
    }

    /// A name for language menus, itself transformed.
    pub fn name(self) -> String {
        match self {
            Pseudo::Accented => transform_accented("Accented English").into_owned(),
            Pseudo::Bidi => transform_bidi("Mirrored English").into_owned(),
        }
    }

    /// The writing direction of the generated locale.
    pub fn direction(self) -> TextDirection {
        match self {
            Pseudo::Accented => TextDirection::Ltr,
            Pseudo::Bidi => TextDirection::Rtl,
        }
    }
}

/// Accented and at least 40 % longer: vowels are doubled by `fluent-pseudo`, and
/// text that is still short of 140 % of the original gets `~` padding, so layouts
/// meet the expansion of long languages.
fn transform_accented(s: &str) -> std::borrow::Cow<'_, str> {
    let accented = fluent_pseudo::transform(s, false, true);
    let (before, after) = (s.chars().count(), accented.chars().count());
    let target = (before * 14).div_ceil(10);
    if s.trim().is_empty() || after >= target {
        return accented;
    }
    // Keep white space at the edges where it was (it separates placeables).
    let trimmed = accented.trim_end();
    let tail = &accented[trimmed.len()..];
    let pad = "~".repeat(target - after);
    std::borrow::Cow::Owned(format!("{trimmed}{pad}{tail}"))
}

fn transform_bidi(s: &str) -> std::borrow::Cow<'_, str> {
    fluent_pseudo::transform(s, true, false)
}

/// Every locale of a project, with its fallback chain; or one locale with the
/// locales of its chain ([`Catalog::for_chain`]).
#[derive(Debug)]
pub struct Catalog {
    source: String,
    locales: BTreeMap<String, Arc<LocaleCatalog>>,
    chains: BTreeMap<String, Vec<String>>,
}

impl Catalog {
    /// A catalog of `locales`, one of which has the tag `source`. `explicit` gives
    /// configured fallback chains by locale tag (see [`fallback_chain`]).
    pub fn new(
        source: &str,
        locales: Vec<LocaleCatalog>,
        explicit: &BTreeMap<String, Vec<String>>,
    ) -> Result<Catalog, Error> {
        let source_id = parse_locale(source)?;
        let source = source_id.to_string();
        let locales: BTreeMap<String, Arc<LocaleCatalog>> =
            locales.into_iter().map(|l| (l.tag().to_owned(), Arc::new(l))).collect();
        if !locales.contains_key(&source) {
            return Err(Error::UnknownLocale(source));
        }
        let available: Vec<LanguageIdentifier> =
            locales.values().map(|l| l.langid.clone()).collect();
        let mut chains = BTreeMap::new();
        for l in locales.values() {
            let explicit: Option<Vec<LanguageIdentifier>> = match explicit.get(l.tag()) {
                Some(list) => Some(
                    list.iter()
                        .map(|t| {
                            let id = parse_locale(t)?;
                            if locales.contains_key(&id.to_string()) {
                                Ok(id)
                            } else {
                                Err(Error::UnknownLocale(id.to_string()))
                            }
                        })
                        .collect::<Result<_, _>>()?,
                ),
                None => None,
            };
            let chain = fallback_chain(l.langid(), &available, &source_id, explicit.as_deref());
            chains.insert(l.tag().to_owned(), chain.iter().map(ToString::to_string).collect());
        }
        Ok(Catalog { source, locales, chains })
    }

    /// A catalog of one locale and the locales of its fallback chain, in chain
    /// order (the locale first), one of which has the tag `source`. It formats
    /// that locale only; its locales may be shared with other catalogs, so that a
    /// build can hold the source locale once and the other locales one chain at a
    /// time. `None` for an empty chain or one without the source locale.
    pub fn for_chain(source: &str, chain: Vec<Arc<LocaleCatalog>>) -> Option<Catalog> {
        let tags: Vec<String> = chain.iter().map(|l| l.tag().to_owned()).collect();
        if !tags.iter().any(|t| t == source) {
            return None;
        }
        let chains = BTreeMap::from([(tags.first()?.clone(), tags)]);
        let locales = chain.into_iter().map(|l| (l.tag().to_owned(), l)).collect();
        Some(Catalog { source: source.to_owned(), locales, chains })
    }

    /// Adds a generated pseudo-locale built from the source locale's files (see
    /// [`LocaleCatalog::pseudo`]). Its chain is itself, then the source.
    pub fn add_pseudo(&mut self, kind: Pseudo, source_files: Vec<SourceFile>) -> Result<(), Error> {
        let locale = LocaleCatalog::pseudo(kind, self.source_locale(), source_files)?;
        self.chains.insert(kind.tag().to_owned(), vec![kind.tag().to_owned(), self.source.clone()]);
        self.locales.insert(kind.tag().to_owned(), Arc::new(locale));
        Ok(())
    }

    /// The source locale's tag.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The source locale.
    pub fn source_locale(&self) -> &LocaleCatalog {
        &self.locales[&self.source]
    }

    /// A locale by canonical tag.
    pub fn locale(&self, tag: &str) -> Option<&LocaleCatalog> {
        self.locales.get(tag).map(|l| &**l)
    }

    /// All locales, sorted by tag.
    pub fn locales(&self) -> impl Iterator<Item = &LocaleCatalog> {
        self.locales.values().map(|l| &**l)
    }

    /// The fallback chain of a locale, itself first, the source locale last.
    pub fn fallback_chain(&self, tag: &str) -> Option<&[String]> {
        self.chains.get(tag).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tolk_content::Code;

    #[test]
    fn entries_carry_positions_variables_and_words() {
        let text = "# c\nhi = Hello { $name }, { $n ->\n    [one] one thing\n   *[other] { $n } things\n}\n    .title = Hi there\n-brand = Tolk\n";
        let (cat, diags) =
            load_locale("en-US", vec![SourceFile::new("en-US/a.ftl", text)]).unwrap();
        assert!(diags.is_empty());
        let hi = &cat.entries()["hi"];
        assert_eq!(&text[hi.span.clone()], "hi");
        assert_eq!(hi.attribute_names().collect::<Vec<_>>(), ["title"]);
        let vars: Vec<_> = hi.variables().map(|(n, s)| (n.as_str(), &text[s.clone()])).collect();
        assert_eq!(vars, [("name", "$name"), ("n", "$n"), ("n", "$n")]);
        // "Hello" "," + "things" (default variant) + "Hi" "there"
        assert_eq!(hi.words, 5);
        let brand = &cat.entries()["-brand"];
        assert_eq!(&text[brand.span.clone()], "-brand");
        assert_eq!(&*brand.resource, "a.ftl");
    }

    #[test]
    fn syntax_errors_keep_the_rest_of_the_file() {
        let text = "a = A\nb = { $x\nc = C\n";
        let (cat, diags) =
            load_locale("fr", vec![SourceFile::new("locales/fr/x.ftl", text)]).unwrap();
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::SyntaxError);
        assert_eq!(diags[0].locale.as_deref(), Some("fr"));
        // The parser stops at the `c` that should have been `}`; the diagnostic
        // points at the end of the unclosed line instead.
        let span = diags[0].span.clone().unwrap();
        assert_eq!(tolk_content::line_col(text, span.start), (2, 9));
        assert!(diags[0].text.contains('}'), "{}", diags[0].text);
        assert!(cat.has("a", None) && cat.has("c", None) && !cat.has("b", None));
    }

    #[test]
    fn duplicates_point_at_the_second_definition() {
        let files = vec![
            SourceFile::new("locales/fr/a.ftl", "x = 1\n"),
            SourceFile::new("locales/fr/b.ftl", "y = 2\nx = 3\n"),
        ];
        let (cat, diags) = load_locale("fr", files).unwrap();
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::DuplicateMessage);
        assert_eq!(diags[0].file.as_deref(), Some("locales/fr/b.ftl"));
        assert_eq!(diags[0].span, Some(6..7));
        assert_eq!(&*cat.entries()["x"].file, "locales/fr/a.ftl");
    }

    #[test]
    fn a_chain_catalog_shares_its_locales() {
        let load = |tag: &str, text: &str| {
            Arc::new(
                load_locale(tag, vec![SourceFile::new(format!("{tag}/a.ftl"), text)]).unwrap().0,
            )
        };
        let en = load("en-US", "a = A\n");
        let es = load("es", "a = A es\n");
        let mx =
            Catalog::for_chain("en-US", vec![load("es-MX", "b = B\n"), es, en.clone()]).unwrap();
        assert_eq!(mx.source(), "en-US");
        assert_eq!(mx.fallback_chain("es-MX").unwrap(), ["es-MX", "es", "en-US"]);
        assert!(mx.fallback_chain("es").is_none());
        assert_eq!(mx.locales().count(), 3);
        let pseudo = LocaleCatalog::pseudo(Pseudo::Bidi, &en, Vec::new()).unwrap();
        let xb = Catalog::for_chain("en-US", vec![Arc::new(pseudo), en.clone()]).unwrap();
        assert_eq!(xb.fallback_chain("ar-XB").unwrap(), ["ar-XB", "en-US"]);
        assert_eq!(xb.locale("ar-XB").unwrap().direction(), Pseudo::Bidi.direction());
        assert_eq!(Arc::strong_count(&en), 3);
        assert!(Catalog::for_chain("en-US", Vec::new()).is_none());
        assert!(Catalog::for_chain("fr", vec![en.clone()]).is_none());
    }

    #[test]
    fn invalid_tag_is_an_error() {
        assert_eq!(
            load_locale("xx_yy_zz!", vec![]).unwrap_err(),
            Error::InvalidLocale("xx_yy_zz!".into())
        );
    }
}
