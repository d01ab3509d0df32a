use std::fmt;
use std::ops::Range;

/// How bad a finding is. Errors make `tolk check` exit 1; warnings do not
/// (unless the user denies warnings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something that breaks the output or misleads a reader.
    Error,
    /// Something a translator or author should look at.
    Warning,
}

impl Severity {
    /// The lowercase name used in every report format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal, $sev:ident; )*) => {
        /// A stable diagnostic code. The kebab-case name ([`Code::as_str`]) is part of
        /// tolk's interface: CI scripts and reports match on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case name, for example `missing-message`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity this code has unless configuration says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// The documentation of the code (what it checks, why, an example).
            pub fn doc(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc, "\n"),*),)* }
            }
        }
    };
}

codes! {
    /// The Fluent parser could not read part of a file. The rest of the file is still
    /// read and checked, except in a file whose placeables and calls nest deeper than
    /// 100 levels: that file is not parsed at all (the parser recurses once per level
    /// and would run out of stack; translations nest a few levels).
    ///
    /// Example: `help-call = Call { $hotline-phone` (unclosed placeable).
    SyntaxError = "syntax-error", Error;
    /// A message or term is defined twice in one locale; only the first counts. The
    /// diagnostic points at the second definition.
    ///
    /// Example: `page-title` in both `site.ftl` and `page.ftl`.
    DuplicateMessage = "duplicate-message", Error;
    /// A message or term of the source locale is absent from a locale. It is an error
    /// for a locale that must be complete, a warning for one in progress (the text then
    /// falls back along the locale's chain). The file named is where it belongs.
    ///
    /// Example: `help-chat` exists in en-US but not in `fr`.
    MissingMessage = "missing-message", Error;
    /// A translation uses a `$variable` that the source message never uses: the
    /// variable has no value at run time and renders as an error marker.
    ///
    /// Example: `{ $nom }` where the source says `{ $name }`.
    UnknownVariable = "unknown-variable", Error;
    /// A message or term reference that resolves nowhere: a term the locale does not
    /// define, or a message neither the locale nor its fallback chain defines.
    ///
    /// Example: `{ -brand-name }` where the locale defines `-brand`.
    UnknownReference = "unknown-reference", Error;
    /// Messages or terms that reference each other in a cycle, which Fluent cannot
    /// format.
    ///
    /// Example: `a = { b }` and `b = { a }`.
    CyclicReference = "cyclic-reference", Error;
    /// Formatting a message would resolve more than 100 placeables, those of the
    /// messages and terms it references included: Fluent stops there and shows an
    /// error instead of the text. Reported at the outermost message of a chain.
    ///
    /// Example: `m0 = { m1 }`, `m1 = { m2 }`, ... 150 messages deep.
    TooManyPlaceables = "too-many-placeables", Error;
    /// A number, phone number, short code, URL or e-mail address of the source text
    /// (values of referenced terms included) does not appear unchanged in the
    /// translation, nor through the same variable or term; or the translation adds a
    /// phone number, URL or e-mail address the source does not have. One changed digit
    /// of a hotline number sends a reader to the wrong place. Digits of other scripts
    /// count as the same digits.
    ///
    /// Example: source `Call 1-888-373-7888`, translation `Appelez le 1-888-373-7889`.
    ProtectedTextChanged = "protected-text-changed", Error;
    /// The source message has an attribute that the translation lacks.
    ///
    /// Example: source `quick-exit` has `.hint`, the translation has none.
    MissingAttribute = "missing-attribute", Error;
    /// The source message has a value and the translation has only attributes.
    ///
    /// Example: source `a = Text` with `.title`, translation `a =` with `.title` only.
    MissingValue = "missing-value", Error;
    /// The translation has a value where the source message has only attributes.
    ///
    /// Example: source `a =\n    .title = T`, translation `a = Texte\n    .title = T`.
    ObsoleteValue = "obsolete-value", Error;
    /// A locale defines a message the source locale no longer has.
    ///
    /// Example: `fr` still has `old-banner` after it was removed from en-US.
    ObsoleteMessage = "obsolete-message", Warning;
    /// A translation has an attribute the source message does not have.
    ///
    /// Example: `.tooltip` on a translation whose source has only `.title`.
    ObsoleteAttribute = "obsolete-attribute", Warning;
    /// The source uses a `$variable` that the translation never does: information the
    /// reader needs may be lost.
    ///
    /// Example: source `{ $count } files`, translation `des fichiers`.
    MissingVariable = "missing-variable", Warning;
    /// A pattern of the translation drops a message or term reference that the same
    /// pattern of the source has: text the source shares (a brand, a hotline name)
    /// may be spelled out by hand and drift. Term attributes (`-brand.gender`) do not
    /// count; a missing attribute is `missing-attribute` instead.
    ///
    /// Example: source `Call { -hotline-name }`, translation `Appelez la ligne`.
    MissingReference = "missing-reference", Warning;
    /// A pattern of the translation references a message or term that the same
    /// pattern of the source does not (a reference that resolves nowhere is
    /// `unknown-reference` instead). Often deliberate, as with a locale's own term for
    /// an inflected brand name, hence a warning.
    ///
    /// Example: source `Read { -brand }`, translation `Lisez { -brand-genitive }`.
    ObsoleteReference = "obsolete-reference", Warning;
    /// A select on a number lacks a CLDR plural category the locale's language uses
    /// (current CLDR data from ICU4X), or a translation drops the source's plural
    /// select although its language has more than one category.
    ///
    /// Example: Polish needs `one`, `few`, `many`; a translation with only `[one]` and
    /// `*[other]` lacks `few` and `many`.
    MissingPluralCategory = "missing-plural-category", Warning;
    /// A translation identical to the source text. Ignored when the source text has
    /// fewer than two words or fewer than ten letters once placeables are removed
    /// (short labels, brand names, placeable-only patterns), for terms (`-brand`:
    /// names that stay the same), and for locales of the source's own language.
    ///
    /// Example: `fr` has `help-intro = If you or someone you know...`.
    Untranslated = "untranslated", Warning;
    /// The source text changed since the translation was locked (`tolk lock`), and the
    /// translation did not: it may no longer say the same thing. Re-translate, or run
    /// `tolk lock --accept LOCALE ID` if it is still right.
    ///
    /// Example: en-US `help-intro` was reworded; `fr` still has the old translation.
    StaleTranslation = "stale-translation", Warning;
    /// A select has two variants with the same key; only the first is ever chosen.
    ///
    /// Example: `[one]` twice.
    DuplicateVariant = "duplicate-variant", Warning;
    /// A message has the same attribute twice; only the last one is used.
    ///
    /// Example: `.title` twice under one message.
    DuplicateAttribute = "duplicate-attribute", Warning;
    /// U+FFFD REPLACEMENT CHARACTER in a translation: text was damaged by a wrong
    /// encoding somewhere on its way.
    ///
    /// Example: `Fran�ais`.
    ReplacementCharacter = "replacement-character", Warning;
    /// A bidi control character (U+202A-U+202E, U+2066-U+2069) written literally in a
    /// translation: it can reorder what a reader sees without changing what tools see
    /// (a "Trojan source" risk). Fluent inserts isolation marks itself.
    ///
    /// Example: U+202E RIGHT-TO-LEFT OVERRIDE inside a message.
    BidiControl = "bidi-control", Warning;
    /// A locale's coverage is below the minimum that `tolk.toml` or `--min-coverage`
    /// asks for.
    ///
    /// Example: `ko` at 52 % with `min-coverage = 60`.
    CoverageBelowMinimum = "coverage-below-minimum", Error;
    /// A locale directory or configured locale is not a valid BCP 47 language tag, or
    /// two directories name the same locale.
    ///
    /// Example: `locales/english/`, or both `pt-br/` and `pt-BR/`.
    InvalidLocale = "invalid-locale", Error;
    /// A file could not be read: missing or unreadable, a dangling or looping link, a
    /// directory, FIFO or device where a file is expected, larger than 16 MiB, with
    /// NUL bytes, or not UTF-8 (the byte offset of the first bad byte is given).
    ///
    /// Example: a `.ftl` file saved as UTF-16.
    UnreadableFile = "unreadable-file", Error;
    /// A content document is not valid TOML.
    ///
    /// Example: `title = "page-title` (unterminated string).
    ContentSyntax = "content-syntax", Error;
    /// A content document has the wrong shape: a missing or mistyped field, an unknown
    /// field, or an unknown block type.
    ///
    /// Example: `type = "carousel"` is not a block type tolk knows.
    InvalidContent = "invalid-content", Error;
    /// Two documents, sections or facts share an id, so links and outputs would collide.
    ///
    /// Example: two `[[sections]]` with `id = "help"`.
    DuplicateId = "duplicate-id", Error;
    /// A document refers to a fact it does not define, or a fact has an invalid value
    /// (a phone number with letters, a URL with a scheme other than http, https, tel,
    /// sms or mailto).
    ///
    /// Example: `url = "javascript:alert(1)"`.
    InvalidFact = "invalid-fact", Error;
    /// A document uses a message id that the source locale does not define, so no
    /// locale could ever show that text.
    ///
    /// Example: `text = "help-intor"` when en-US defines `help-intro`.
    UndefinedMessage = "undefined-message", Error;
    /// A source-locale message that no document uses: translators would spend time on it
    /// for nothing.
    ///
    /// Example: en-US defines `old-banner` but no document refers to it.
    UnusedMessage = "unused-message", Warning;
    /// Formatting a message failed at build time, so the output would contain a
    /// placeholder; the build stops.
    ///
    /// Example: a reference that does not resolve at run time.
    FormatError = "format-error", Error;
}

impl Code {
    /// The reference of every check as Markdown (the text of `docs/checks.md`):
    /// each code's severity, what it checks and why, and an example, all taken
    /// from the code's documentation.
    pub fn reference_markdown() -> String {
        let mut out = String::from(
            "# Checks\n\n\
             <!-- Generated from `tolk_content::Code`; do not edit. Regenerate with\n\
             `TOLK_UPDATE_DOCS=1 cargo test -p tolk-content --test docs`. -->\n\n\
             Every diagnostic of `tolk check` has one of these stable codes. Errors make\n\
             the check exit 1; warnings do not, unless `--deny-warnings` is given.\n\n\
             | code | severity |\n|---|---|\n",
        );
        for code in Code::ALL {
            out.push_str(&format!(
                "| [`{0}`](#{0}) | {1} |\n",
                code.as_str(),
                code.default_severity().as_str()
            ));
        }
        for code in Code::ALL {
            out.push_str(&format!("\n## {}\n\n", code.as_str()));
            out.push_str(&format!("Severity: {}.\n\n", code.default_severity().as_str()));
            let doc: Vec<&str> = code.doc().lines().map(str::trim).collect();
            out.push_str(doc.join("\n").trim());
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about user input: what is wrong, where, and in which locale.
///
/// Positions are byte ranges into the file named by `file`; [`line_col`] turns a
/// byte offset into a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// One short line, lowercase start, subjects in backticks.
    pub text: String,
    /// The locale the finding is about, if any.
    pub locale: Option<String>,
    /// The file, as a path relative to the project root with `/` separators.
    pub file: Option<String>,
    /// Byte range inside `file`.
    pub span: Option<Range<usize>>,
    /// The message or term id the finding is about (terms keep their leading `-`).
    pub message_id: Option<String>,
    /// Extra lines of explanation.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity and no location.
    pub fn new(code: Code, text: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            text: text.into(),
            locale: None,
            file: None,
            span: None,
            message_id: None,
            notes: Vec::new(),
        }
    }

    /// Sets the severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the locale.
    pub fn in_locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// Sets the file, without a position.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Sets the file and the byte range inside it.
    pub fn at(mut self, file: impl Into<String>, span: Range<usize>) -> Self {
        self.file = Some(file.into());
        self.span = Some(span);
        self
    }

    /// Sets the message id.
    pub fn for_message(mut self, id: impl Into<String>) -> Self {
        self.message_id = Some(id.into());
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// A key that orders diagnostics deterministically: by file, position, code,
    /// locale, message and text.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            self.file.as_deref(),
            self.span.as_ref().map(|s| (s.start, s.end)),
            self.locale.as_deref(),
            self.code,
            self.message_id.as_deref(),
            self.text.as_str(),
        )
    }
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
/// An offset past the end, or inside a character, is clamped.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text.as_bytes()[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let text = "ab\nçd\r\nef";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'ç' is two bytes: the offset of 'd' is 5, column 2.
        assert_eq!(line_col(text, 5), (2, 2));
        assert_eq!(line_col(text, 8), (3, 1));
        assert_eq!(line_col(text, 999), (3, 3));
        // Inside a multi-byte character: clamped to its start.
        assert_eq!(line_col(text, 4), (2, 1));
    }

    #[test]
    fn codes_are_kebab_case_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{name}");
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(!code.doc().trim().is_empty(), "{name} has no documentation");
        }
    }
}
