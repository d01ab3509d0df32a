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
    /// The Fluent parser could not read part of a file. The rest of the file is still
    /// read and checked.
    ///
    /// Example: `help-call = Call { $hotline-phone` (unclosed placeable).
    SyntaxError = "syntax-error", Error;
    /// A message or term is defined twice in one locale; only the first counts.
    ///
    /// Example: `page-title` in both `site.ftl` and `page.ftl`.
    DuplicateMessage = "duplicate-message", Error;
    /// A message of the source locale is absent from a locale. It is an error for a
    /// locale that must be complete, a warning for one in progress (the text then falls
    /// back along the locale's chain).
    ///
    /// Example: `help-chat` exists in en-US but not in `fr`.
    MissingMessage = "missing-message", Error;
    /// A locale defines a message the source locale no longer has.
    ///
    /// Example: `fr` still has `old-banner` after it was removed from en-US.
    ObsoleteMessage = "obsolete-message", Warning;
    /// A translation uses a `$variable` that the source message never uses; it would
    /// render as an error marker at runtime.
    ///
    /// Example: `{ $hotline_phone }` where the source says `{ $hotline-phone }`.
    UnknownVariable = "unknown-variable", Error;
    /// Formatting a message failed at build time (for example an unresolved reference),
    /// so the output contains a placeholder.
    ///
    /// Example: `help-call = { -brand } ...` where `-brand` does not exist.
    FormatError = "format-error", Error;
    /// A locale directory or configured locale is not a valid BCP 47 language tag.
    ///
    /// Example: `locales/english/`.
    InvalidLocale = "invalid-locale", Error;
    /// A locale's coverage is below the minimum that `tolk.toml` or `--min-coverage` asks for.
    ///
    /// Example: `ko` at 52 % with `min-coverage = 60`.
    CoverageBelowMinimum = "coverage-below-minimum", Error;
    /// A file could not be read (missing, unreadable, not UTF-8).
    ///
    /// Example: a `.ftl` file saved as UTF-16.
    UnreadableFile = "unreadable-file", Error;
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
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
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
