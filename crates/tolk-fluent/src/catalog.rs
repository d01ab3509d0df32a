use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast;
use tolk_content::{Code, Diagnostic};
use unic_langid::LanguageIdentifier;

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

/// What the catalog knows about one message or term of a locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The file that defines it.
    pub file: String,
    /// The file name relative to the locale directory (`trafficking.ftl`).
    pub resource: String,
    /// Byte range of the id in the file.
    pub span: Range<usize>,
    /// Whether the entry has a value (terms always do).
    pub has_value: bool,
    /// Attribute names, in order.
    pub attributes: Vec<String>,
    /// Every `$variable` used in the value and attributes, with its byte range.
    pub variables: Vec<(String, Range<usize>)>,
    /// Words of text in the value and attributes (white-space separated).
    pub words: usize,
}

impl Entry {
    /// The distinct variable names.
    pub fn variable_names(&self) -> BTreeSet<&str> {
        self.variables.iter().map(|(n, _)| n.as_str()).collect()
    }
}

/// One locale's translations: the Fluent bundle used to format, and an index of
/// entries (messages by id, terms by `-id`) used to check.
pub struct LocaleCatalog {
    langid: LanguageIdentifier,
    tag: String,
    bundle: FluentBundle<FluentResource>,
    entries: BTreeMap<String, Entry>,
    resources: BTreeSet<String>,
    dir: Option<String>,
}

impl std::fmt::Debug for LocaleCatalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocaleCatalog")
            .field("tag", &self.tag)
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl LocaleCatalog {
    /// The canonical BCP 47 tag.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The language identifier.
    pub fn langid(&self) -> &LanguageIdentifier {
        &self.langid
    }

    /// Entries by id (terms with their leading `-`), sorted.
    pub fn entries(&self) -> &BTreeMap<String, Entry> {
        &self.entries
    }

    /// Whether the locale defines message `id` (with `attribute`, when given).
    pub fn has(&self, id: &str, attribute: Option<&str>) -> bool {
        self.entries.get(id).is_some_and(|e| match attribute {
            Some(a) => e.attributes.iter().any(|x| x == a),
            None => e.has_value,
        })
    }

    /// The resource names (file paths relative to the locale directory).
    pub fn resources(&self) -> &BTreeSet<String> {
        &self.resources
    }

    /// The locale's directory as it appears in file paths (`locales/fr/`), known
    /// once the locale has at least one file.
    pub fn dir(&self) -> Option<&str> {
        self.dir.as_deref()
    }

    pub(crate) fn bundle(&self) -> &FluentBundle<FluentResource> {
        &self.bundle
    }
}

/// Parses one locale's files. `tag` must be a BCP 47 tag; files are added in the
/// order given, and the first definition of an id wins.
///
/// Returns the catalog and the diagnostics found while reading it (`syntax-error`,
/// `duplicate-message`), sorted by file and position.
pub fn load_locale(
    tag: &str,
    files: Vec<SourceFile>,
) -> Result<(LocaleCatalog, Vec<Diagnostic>), Error> {
    let langid = parse_locale(tag)?;
    let tag = langid.to_string();
    let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
    bundle.set_use_isolating(true);
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    let mut resources = BTreeSet::new();
    let mut diags = Vec::new();
    let mut dir = None;
    for file in files {
        let resource = resource_name(&file.path, &tag);
        if dir.is_none() {
            dir = file.path.strip_suffix(resource.as_str()).map(str::to_owned);
        }
        resources.insert(resource.clone());
        index_file(&file, &tag, &resource, &mut entries, &mut diags);
        let fluent = match FluentResource::try_new(file.text) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        // Overriding errors are duplicates, which index_file has reported.
        let _ = bundle.add_resource(fluent);
    }
    Ok((LocaleCatalog { langid, tag, bundle, entries, resources, dir }, diags))
}

/// The part of `path` after the locale directory (`locales/fr/a/b.ftl` -> `a/b.ftl`).
fn resource_name(path: &str, tag: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts
        .iter()
        .rposition(|p| p.eq_ignore_ascii_case(tag) || p.replace('_', "-").eq_ignore_ascii_case(tag))
    {
        Some(i) if i + 1 < parts.len() => parts[i + 1..].join("/"),
        _ => parts.last().copied().unwrap_or(path).to_owned(),
    }
}

/// Where to point for a parser error at byte `pos`. The parser reports an unclosed
/// placeable at the start of the next entry; pointing just after the last character
/// of the line before reads better, as rustc does.
fn error_position(text: &str, pos: usize) -> Range<usize> {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    if pos > 0 && text[..pos].ends_with('\n') {
        let trimmed = text[..pos].trim_end();
        if !trimmed.is_empty() {
            pos = trimmed.len();
        }
    }
    pos..pos
}

fn offset(text: &str, slice: &str) -> usize {
    (slice.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
}

fn index_file(
    file: &SourceFile,
    tag: &str,
    resource: &str,
    entries: &mut BTreeMap<String, Entry>,
    diags: &mut Vec<Diagnostic>,
) {
    let text = file.text.as_str();
    let ast = match fluent_syntax::parser::parse(text) {
        Ok(ast) => ast,
        Err((ast, errors)) => {
            for err in errors {
                let at = error_position(text, err.pos.start);
                diags.push(
                    Diagnostic::new(Code::SyntaxError, format!("{}", err.kind))
                        .at(&file.path, at)
                        .in_locale(tag)
                        .with_note("this entry is skipped; the rest of the file is still read"),
                );
            }
            ast
        }
    };
    for entry in &ast.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let id_slice = match entry {
            ast::Entry::Message(m) => m.id.name,
            ast::Entry::Term(t) => t.id.name,
            _ => continue,
        };
        let start = offset(text, id_slice);
        // A term's span starts at its `-`.
        let start = if id.starts_with('-') { start.saturating_sub(1) } else { start };
        let span = start..offset(text, id_slice) + id_slice.len();
        let mut collect = Collect { text, variables: Vec::new(), words: 0 };
        if let Some(v) = value {
            collect.pattern(v);
        }
        for a in attributes {
            collect.pattern(&a.value);
        }
        if let Some(first) = entries.get(&id) {
            let (first_file, first_span) = (first.file.clone(), first.span.clone());
            diags.push(
                Diagnostic::new(
                    Code::DuplicateMessage,
                    format!("`{id}` is defined twice in `{tag}`"),
                )
                .at(&file.path, span)
                .in_locale(tag)
                .for_message(&id)
                .with_note(format!(
                    "first defined in {first_file} at byte {}; this definition is ignored",
                    first_span.start
                )),
            );
            continue;
        }
        entries.insert(
            id,
            Entry {
                file: file.path.clone(),
                resource: resource.to_owned(),
                span,
                has_value: value.is_some(),
                attributes: attributes.iter().map(|a| a.id.name.to_owned()).collect(),
                variables: collect.variables,
                words: collect.words,
            },
        );
    }
}

struct Collect<'t> {
    text: &'t str,
    variables: Vec<(String, Range<usize>)>,
    words: usize,
}

impl<'t> Collect<'t> {
    fn pattern(&mut self, pattern: &ast::Pattern<&'t str>) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    self.words += value.split_whitespace().count();
                }
                ast::PatternElement::Placeable { expression } => self.expression(expression),
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&'t str>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                // Count the words of the default variant only: a reader sees one.
                for variant in variants {
                    let words = self.words;
                    self.pattern(&variant.value);
                    if !variant.default {
                        self.words = words;
                    }
                }
            }
            ast::Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&'t str>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                // The span covers `$name`.
                let start = offset(self.text, id.name).saturating_sub(1);
                let end = offset(self.text, id.name) + id.name.len();
                self.variables.push((id.name.to_owned(), start..end));
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => self.arguments(arguments),
            ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
                self.arguments(arguments)
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            _ => {}
        }
    }

    fn arguments(&mut self, arguments: &ast::CallArguments<&'t str>) {
        for a in &arguments.positional {
            self.inline(a);
        }
        for a in &arguments.named {
            self.inline(&a.value);
        }
    }
}

/// Every locale of a project, with its fallback chain.
#[derive(Debug)]
pub struct Catalog {
    source: String,
    locales: BTreeMap<String, LocaleCatalog>,
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
        let locales: BTreeMap<String, LocaleCatalog> =
            locales.into_iter().map(|l| (l.tag.clone(), l)).collect();
        if !locales.contains_key(&source) {
            return Err(Error::UnknownLocale(source));
        }
        let available: Vec<LanguageIdentifier> =
            locales.values().map(|l| l.langid.clone()).collect();
        let mut chains = BTreeMap::new();
        for l in locales.values() {
            let explicit: Option<Vec<LanguageIdentifier>> = match explicit.get(&l.tag) {
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
            let chain = fallback_chain(&l.langid, &available, &source_id, explicit.as_deref());
            chains.insert(l.tag.clone(), chain.iter().map(ToString::to_string).collect());
        }
        Ok(Catalog { source, locales, chains })
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
        self.locales.get(tag)
    }

    /// All locales, sorted by tag.
    pub fn locales(&self) -> impl Iterator<Item = &LocaleCatalog> {
        self.locales.values()
    }

    /// The fallback chain of a locale, itself first, the source locale last.
    pub fn fallback_chain(&self, tag: &str) -> Option<&[String]> {
        self.chains.get(tag).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_carry_positions_variables_and_words() {
        let text = "# c\nhi = Hello { $name }, { $n ->\n    [one] one thing\n   *[other] { $n } things\n}\n    .title = Hi there\n-brand = Tolk\n";
        let (cat, diags) =
            load_locale("en-US", vec![SourceFile::new("en-US/a.ftl", text)]).unwrap();
        assert!(diags.is_empty());
        let hi = &cat.entries()["hi"];
        assert_eq!(&text[hi.span.clone()], "hi");
        assert_eq!(hi.attributes, ["title"]);
        let vars: Vec<_> =
            hi.variables.iter().map(|(n, s)| (n.as_str(), &text[s.clone()])).collect();
        assert_eq!(vars, [("name", "$name"), ("n", "$n"), ("n", "$n")]);
        // "Hello" "," + "things" (default variant) + "Hi" "there"
        assert_eq!(hi.words, 5);
        let brand = &cat.entries()["-brand"];
        assert_eq!(&text[brand.span.clone()], "-brand");
        assert_eq!(brand.resource, "a.ftl");
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
        assert_eq!(cat.entries()["x"].file, "locales/fr/a.ftl");
    }

    #[test]
    fn invalid_tag_is_an_error() {
        assert_eq!(
            load_locale("xx_yy_zz!", vec![]).unwrap_err(),
            Error::InvalidLocale("xx_yy_zz!".into())
        );
    }
}
