use textwrap::{Options, WordSeparator, WordSplitter};
use tolk_content::{LocalizedBlock, LocalizedDocument};
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

use crate::{RenderOptions, strip_isolation};

/// Text ready to be wrapped: isolation marks removed, NFC.
fn clean(s: &str) -> String {
    strip_isolation(s).nfc().collect()
}

struct Writer {
    out: String,
    width: usize,
}

impl Writer {
    fn options<'a>(&self, initial: &'a str, subsequent: &'a str) -> Options<'a> {
        Options::new(self.width.max(initial.width() + 8))
            .word_separator(WordSeparator::UnicodeBreakProperties)
            // Never split at hyphens: `1-888-373-7888` stays on one line.
            .word_splitter(WordSplitter::NoHyphenation)
            .break_words(false)
            .initial_indent(initial)
            .subsequent_indent(subsequent)
    }

    fn wrapped(&mut self, text: &str, initial: &str, subsequent: &str) {
        let text = clean(text);
        let opts = self.options(initial, subsequent);
        for line in textwrap::wrap(&text, opts) {
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.wrapped(text, "", "");
        self.blank();
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, text: &str, underline: char) {
        self.blank();
        let text = clean(text);
        let before = self.out.len();
        self.wrapped(&text, "", "");
        let width = self.out[before..].lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        self.out.extend(std::iter::repeat_n(underline, width));
        self.out.push('\n');
        self.out.push('\n');
    }

    /// A list item with a hanging indent.
    fn item(&mut self, marker: &str, text: &str) {
        let indent = " ".repeat(marker.width());
        self.wrapped(text, marker, &indent);
    }
}

/// PDF-ready plain text: UTF-8 in Unicode normalization form C, in logical order,
/// wrapped at `opts.text_width` columns with the Unicode line breaking algorithm
/// (East Asian wide characters count as two columns). Headings are underlined
/// (`=` for the title, `-` for sections), lists use `-` or `1.` markers with hanging
/// indents. The quick-exit control has no meaning on paper and is left out.
pub fn render_text(doc: &LocalizedDocument, opts: &RenderOptions) -> String {
    let mut w = Writer { out: String::new(), width: opts.text_width.max(20) };
    w.heading(&doc.title, '=');
    if let Some(summary) = &doc.summary {
        w.paragraph(summary);
    }
    for section in &doc.sections {
        w.heading(&section.heading, '-');
        for block in &section.blocks {
            match block {
                LocalizedBlock::Heading(text) => {
                    w.blank();
                    w.paragraph(text);
                }
                LocalizedBlock::Paragraph(text) => w.paragraph(text),
                LocalizedBlock::List { ordered, items } => {
                    let digits = items.len().to_string().len();
                    for (i, item) in items.iter().enumerate() {
                        let marker = if *ordered {
                            format!("{:>digits$}. ", i + 1)
                        } else {
                            "- ".to_owned()
                        };
                        w.item(&marker, item);
                    }
                    w.blank();
                }
                LocalizedBlock::Qa(items) => {
                    for qa in items {
                        w.wrapped(&qa.question, "", "");
                        w.wrapped(&qa.answer, "    ", "    ");
                        w.blank();
                    }
                }
                LocalizedBlock::Callout { title, text, .. } => {
                    if let Some(title) = title {
                        w.wrapped(title, "| ", "| ");
                    }
                    w.wrapped(text, "| ", "| ");
                    w.blank();
                }
                LocalizedBlock::Link { text, href } => {
                    w.wrapped(text, "", "");
                    // URLs stay whole on their own line.
                    w.out.push_str(&format!("  {href}\n"));
                    w.blank();
                }
                LocalizedBlock::Contact(c) => {
                    if let Some(h) = &c.heading {
                        w.paragraph(h);
                    }
                    if let Some((text, note, _)) = &c.call {
                        w.item("* ", text);
                        if let Some(n) = note {
                            w.wrapped(n, "  ", "  ");
                        }
                    }
                    if let Some((text, note, _, _)) = &c.sms {
                        w.item("* ", text);
                        if let Some(n) = note {
                            w.wrapped(n, "  ", "  ");
                        }
                    }
                    if let Some((text, note, href)) = &c.chat {
                        w.item("* ", text);
                        if let Some(n) = note {
                            w.wrapped(n, "  ", "  ");
                        }
                        w.out.push_str(&format!("  {href}\n"));
                    }
                    w.blank();
                }
                _ => {}
            }
        }
    }
    if let Some(footer) = doc.ui.get("footer") {
        w.blank();
        w.wrapped(footer, "", "");
    }
    while w.out.ends_with("\n\n") {
        w.out.pop();
    }
    match opts.page_lines {
        Some(lines) => paginate(doc, &w.out, lines, w.width),
        None => w.out,
    }
}

/// Cuts text into pages of `lines` lines separated by form feeds (U+000C). Every
/// page starts with the title and a rule, and ends with a rule and the hotline (the
/// document's `footer`, else its phone number) and the page number.
fn paginate(doc: &LocalizedDocument, body: &str, lines: usize, width: usize) -> String {
    let title = clean(&doc.title);
    let footer = doc
        .ui
        .get("footer")
        .map(|f| clean(f))
        .or_else(|| doc.facts.values().find(|f| f.kind() == "phone").map(|f| f.display()))
        .unwrap_or_default();
    let opts = Options::new(width)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(false);
    let header: Vec<String> =
        textwrap::wrap(&title, &opts).into_iter().map(|l| l.into_owned()).collect();
    let footer: Vec<String> =
        textwrap::wrap(&footer, &opts).into_iter().map(|l| l.into_owned()).collect();
    let rule = "-".repeat(width.min(72));
    // header + rule + blank, blank + rule + footer + page number
    let fixed = header.len() + 2 + 2 + footer.len() + 1;
    let per_page = lines.saturating_sub(fixed).max(5);
    let body: Vec<&str> = body.lines().collect();
    let pages: Vec<&[&str]> = body.chunks(per_page).collect();
    let total = pages.len().max(1);
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            out.push('\u{c}');
        }
        for h in &header {
            out.push_str(h);
            out.push('\n');
        }
        out.push_str(&rule);
        out.push_str("\n\n");
        for line in *page {
            out.push_str(line);
            out.push('\n');
        }
        // Pad short pages so the footer sits at the bottom.
        for _ in page.len()..per_page {
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&rule);
        out.push('\n');
        for f in &footer {
            out.push_str(f);
            out.push('\n');
        }
        out.push_str(&format!("{}/{total}\n", i + 1));
    }
    out
}
