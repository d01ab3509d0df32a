use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

use tolk_content::{Code, Diagnostic, Document, Severity, unused_messages};

use crate::index::{Entry, LocaleIndex, PatternInfo, Reference, Token, TokenKind};
use crate::lock::LockedLocale;
use crate::plural::plural_categories;

/// How much of the source locale a locale translates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Messages and terms in the source locale.
    pub messages_total: usize,
    /// Of those, how many the locale defines.
    pub messages_translated: usize,
    /// Words of source text.
    pub words_total: usize,
    /// Source words of the messages the locale defines.
    pub words_translated: usize,
}

impl Coverage {
    /// Translated messages as a fraction (1.0 when the source is empty).
    pub fn ratio(&self) -> f64 {
        if self.messages_total == 0 {
            1.0
        } else {
            self.messages_translated as f64 / self.messages_total as f64
        }
    }

    /// Translated words as a fraction (1.0 when the source has no words).
    pub fn word_ratio(&self) -> f64 {
        if self.words_total == 0 {
            1.0
        } else {
            self.words_translated as f64 / self.words_total as f64
        }
    }

    /// The coverage of the messages `ids` (source ids; unknown ones are skipped).
    pub fn of<'a>(
        ids: impl IntoIterator<Item = &'a str>,
        source: &LocaleIndex,
        target: &LocaleIndex,
    ) -> Coverage {
        let mut c = Coverage::default();
        let unique: BTreeSet<&str> = ids.into_iter().collect();
        for id in unique {
            let Some(src) = source.entries().get(id) else { continue };
            c.messages_total += 1;
            c.words_total += src.words;
            if target.entries().contains_key(id) {
                c.messages_translated += 1;
                c.words_translated += src.words;
            }
        }
        c
    }
}

/// The result of checking one locale against the source locale.
#[derive(Clone, Debug)]
pub struct LocaleReport {
    /// The locale's tag.
    pub locale: String,
    /// Its coverage.
    pub coverage: Coverage,
    /// What was found, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a check needs besides the two locales.
#[derive(Clone, Debug)]
pub struct CheckOptions<'a> {
    /// Severity of `missing-message`: an error for a locale that must be complete, a
    /// warning for one in progress.
    pub missing: Severity,
    /// The locales between this one and the source in its fallback chain (a message
    /// reference resolves if any of them, or the source, defines it).
    pub chain: Vec<&'a LocaleIndex>,
    /// What `tolk.lock` recorded for this locale, for `stale-translation`.
    pub locked: Option<LockedLocale<'a>>,
}

impl Default for CheckOptions<'_> {
    fn default() -> Self {
        CheckOptions { missing: Severity::Error, chain: Vec::new(), locked: None }
    }
}

fn diag(code: Code, text: String, tag: &str, id: &str) -> Diagnostic {
    Diagnostic::new(code, text).in_locale(tag).for_message(id)
}

/// Compares `target` with `source` with default options (see [`check_locale_with`]).
pub fn check_locale(source: &LocaleIndex, target: &LocaleIndex, missing: Severity) -> LocaleReport {
    check_locale_with(source, target, &CheckOptions { missing, ..CheckOptions::default() })
}

/// Runs every check of a locale against the source locale and measures its
/// coverage. When `target` is the source itself, only the checks that make sense
/// for a source run (references, cycles).
pub fn check_locale_with(
    source: &LocaleIndex,
    target: &LocaleIndex,
    opts: &CheckOptions<'_>,
) -> LocaleReport {
    let tag = target.tag();
    let is_source = std::ptr::eq(source, target) || source.tag() == target.tag();
    // The checks of the reference graph run beside the entry-by-entry checks.
    let graph = || {
        let mut diags = Vec::new();
        references(source, target, opts, &mut diags);
        cycles(target, &mut diags);
        placeable_limit(target, &mut diags);
        diags
    };
    let (graph_diags, (coverage, mut diags)) =
        rayon::join(graph, || check_entries(source, target, opts, is_source));
    diags.extend(graph_diags);
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
    LocaleReport { locale: tag.to_owned(), coverage, diagnostics: diags }
}

/// The checks of each source entry against its translation, with the coverage.
fn check_entries(
    source: &LocaleIndex,
    target: &LocaleIndex,
    opts: &CheckOptions<'_>,
    is_source: bool,
) -> (Coverage, Vec<Diagnostic>) {
    let tag = target.tag();
    let mut diags = Vec::new();
    let mut coverage = Coverage::default();
    let categories = plural_categories(target.langid());
    let same_language = source.langid().language == target.langid().language;
    let term_tokens = (terms_have_tokens(source), terms_have_tokens(target));
    // Both maps are sorted: one merge pass pairs source and target entries and
    // finds the obsolete ones, without a lookup per id.
    let mut targets = target.entries().iter().peekable();
    let mut obsolete: Vec<(&str, &Entry)> = Vec::new();
    for (id, src) in source.entries() {
        let mut found = None;
        while let Some((t, _)) = targets.peek() {
            match (*t).cmp(id) {
                std::cmp::Ordering::Less => obsolete.extend(targets.next()),
                std::cmp::Ordering::Equal => {
                    found = targets.next().map(|(_, tr)| tr);
                    break;
                }
                std::cmp::Ordering::Greater => break,
            }
        }
        coverage.messages_total += 1;
        coverage.words_total += src.words;
        let Some(tr) = found else {
            let file = match target.dir() {
                Some(dir) => format!("{dir}{}", src.resource),
                None => src.resource.to_string(),
            };
            diags.push(
                diag(Code::MissingMessage, format!("`{id}` is missing in `{tag}`"), tag, id)
                    .with_severity(opts.missing)
                    .in_file(file),
            );
            continue;
        };
        coverage.messages_translated += 1;
        coverage.words_translated += src.words;
        if is_source {
            continue;
        }
        let at = |d: Diagnostic| d.at(&*tr.file, tr.span.clone());
        // Value and attributes.
        match (src.has_value(), tr.has_value()) {
            (true, false) => diags.push(at(diag(
                Code::MissingValue,
                format!("`{id}` has a value in the source but none in `{tag}`"),
                tag,
                id,
            ))),
            (false, true) => diags.push(at(diag(
                Code::ObsoleteValue,
                format!("`{id}` has a value in `{tag}` but none in the source"),
                tag,
                id,
            ))),
            _ => {}
        }
        // A term's attributes are its locale's grammar (gender, case), which each
        // locale chooses for itself: only messages must match the source's.
        let is_term = id.starts_with('-');
        for name in src.attribute_names().filter(|_| !is_term) {
            if tr.attribute(name).is_none() {
                diags.push(at(diag(
                    Code::MissingAttribute,
                    format!("`{id}` lacks the attribute `.{name}` in `{tag}`"),
                    tag,
                    id,
                )));
            }
        }
        for (name, span, _) in tr.attributes.iter().filter(|_| !is_term) {
            if src.attribute(name).is_none() {
                diags.push(
                    diag(
                        Code::ObsoleteAttribute,
                        format!("`{id}` has an attribute `.{name}` that the source does not have"),
                        tag,
                        id,
                    )
                    .at(&*tr.file, span.clone()),
                );
            }
        }
        variables(id, src, tr, tag, &mut diags);
        if !is_term {
            reference_changes(id, src, tr, (source, target, opts), &mut diags);
        }
        protected(id, src, tr, (source, target), tag, term_tokens, &mut diags);
        plurals(id, src, tr, tag, &categories, &mut diags);
        if !same_language && !is_term {
            untranslated(id, src, tr, tag, &mut diags);
        }
        suspicious(id, tr, tag, &mut diags);
        if let Some(locked) = &opts.locked
            && let Some(d) = locked.stale(id, src, tr, tag)
        {
            diags.push(d);
        }
    }
    if !is_source {
        for (id, tr) in obsolete.into_iter().chain(targets) {
            diags.push(
                diag(
                    Code::ObsoleteMessage,
                    format!("`{id}` is not in the source locale `{}`", source.tag()),
                    tag,
                    id,
                )
                .at(&*tr.file, tr.span.clone()),
            );
        }
    }
    (coverage, diags)
}

fn variables(id: &str, src: &Entry, tr: &Entry, tag: &str, diags: &mut Vec<Diagnostic>) {
    if src.variables().next().is_none() && tr.variables().next().is_none() {
        return;
    }
    // Most translations use the source's variables in the same order; next most,
    // the same ones in another order: compare the sorted names.
    if src.variables().map(|(n, _)| n).eq(tr.variables().map(|(n, _)| n)) {
        return;
    }
    fn names(e: &Entry) -> Vec<&str> {
        let mut v: Vec<&str> = e.variables().map(|(n, _)| n.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
    if names(src) == names(tr) {
        return;
    }
    let known = src.variable_names();
    let used = tr.variable_names();
    let mut reported = BTreeSet::new();
    for (name, span) in tr.variables() {
        if !known.contains(name.as_str()) && reported.insert(name.as_str()) {
            let mut d = diag(
                Code::UnknownVariable,
                format!("`{id}` uses `${name}`, which the source message does not have"),
                tag,
                id,
            )
            .at(&*tr.file, span.clone());
            if !known.is_empty() {
                let list: Vec<String> = known.iter().map(|k| format!("${k}")).collect();
                d = d.with_note(format!("the source uses {}", list.join(", ")));
            }
            diags.push(d);
        }
    }
    for name in known.difference(&used) {
        diags.push(
            diag(
                Code::MissingVariable,
                format!("`{id}` never uses `${name}`, which the source message uses"),
                tag,
                id,
            )
            .at(&*tr.file, tr.span.clone()),
        );
    }
}

/// Tokens of an entry's patterns plus those of the terms it references, as found
/// in `locales` (the first that defines each term).
fn entry_tokens<'a>(entry: &'a Entry, locales: &[&'a LocaleIndex]) -> Vec<&'a Token> {
    let mut out: Vec<&Token> = entry.patterns().flat_map(|(_, p)| &p.tokens).collect();
    for (_, p) in entry.patterns() {
        for r in p.references.iter().filter(|r| r.id.starts_with('-')) {
            for locale in locales {
                if let Some(term) = locale.entries().get(&r.id) {
                    out.extend(term.patterns().flat_map(|(_, p)| &p.tokens));
                }
            }
        }
    }
    out
}

/// Whether some term of `locale` holds a protected token (terms sort first).
fn terms_have_tokens(locale: &LocaleIndex) -> bool {
    locale
        .entries()
        .iter()
        .take_while(|(id, _)| id.starts_with('-'))
        .any(|(_, e)| e.patterns().any(|(_, p)| !p.tokens.is_empty()))
}

fn protected(
    id: &str,
    src: &Entry,
    tr: &Entry,
    (source, target): (&LocaleIndex, &LocaleIndex),
    tag: &str,
    term_tokens: (bool, bool),
    diags: &mut Vec<Diagnostic>,
) {
    let required = if term_tokens.0 {
        entry_tokens(src, &[source])
    } else {
        src.patterns().flat_map(|(_, p)| &p.tokens).collect()
    };
    if required.is_empty() && tr.patterns().all(|(_, p)| p.tokens.is_empty()) {
        return;
    }
    let available = if term_tokens.0 || term_tokens.1 {
        entry_tokens(tr, &[target, source])
    } else {
        tr.patterns().flat_map(|(_, p)| &p.tokens).collect()
    };
    let available_texts: BTreeSet<&str> = available.iter().map(|t| t.text.as_str()).collect();
    let required_texts: BTreeSet<&str> = required.iter().map(|t| t.text.as_str()).collect();
    // The translation's own tokens that the source does not have.
    let mut extra: Vec<&Token> = tr
        .patterns()
        .flat_map(|(_, p)| &p.tokens)
        .filter(|t| !required_texts.contains(t.text.as_str()))
        .collect();
    let mut reported = BTreeSet::new();
    for token in &required {
        if available_texts.contains(token.text.as_str()) || !reported.insert(token.text.as_str()) {
            continue;
        }
        // Point at the translation's token of the same kind that replaced it, if any.
        let replaced = extra.iter().position(|t| t.kind == token.kind);
        let d = match replaced {
            Some(i) => {
                let t = extra.remove(i);
                diag(
                    Code::ProtectedTextChanged,
                    format!("`{id}` changes `{}` to `{}`", token.text, t.text),
                    tag,
                    id,
                )
                .at(&*tr.file, t.span.clone())
            }
            None => diag(
                Code::ProtectedTextChanged,
                format!("`{id}` does not contain `{}` from the source", token.text),
                tag,
                id,
            )
            .at(&*tr.file, tr.span.clone()),
        };
        diags.push(d.with_note(
            "numbers, phone numbers, URLs and e-mail addresses must be kept exactly, or come through the same variable or term",
        ));
    }
    for t in extra {
        if matches!(t.kind, TokenKind::Phone | TokenKind::Url | TokenKind::Email) {
            diags.push(
                diag(
                    Code::ProtectedTextChanged,
                    format!("`{id}` adds `{}`, which the source does not have", t.text),
                    tag,
                    id,
                )
                .at(&*tr.file, t.span.clone())
                .with_note("a translation must not add or change contact details"),
            );
        }
    }
}

fn plurals(
    id: &str,
    src: &Entry,
    tr: &Entry,
    tag: &str,
    categories: &[&str],
    diags: &mut Vec<Diagnostic>,
) {
    for (attr, p) in tr.patterns() {
        for select in p.selects.iter().filter(|s| s.plural) {
            let missing: Vec<&str> = categories
                .iter()
                .copied()
                .filter(|c| !select.keys.iter().any(|k| k == c))
                .collect();
            if !missing.is_empty() {
                let what = attr.map_or(String::new(), |a| format!(".{a}"));
                diags.push(
                    diag(
                        Code::MissingPluralCategory,
                        format!(
                            "`{id}{what}` lacks the plural categor{} {} that `{tag}` uses",
                            if missing.len() == 1 { "y" } else { "ies" },
                            missing.join(", ")
                        ),
                        tag,
                        id,
                    )
                    .at(&*tr.file, select.span.clone())
                    .with_note(format!("`{tag}` uses {}", categories.join(", "))),
                );
            }
        }
    }
    if categories.len() > 1 {
        for (attr, sp) in src.patterns() {
            let tp = match attr {
                Some(a) => tr.attribute(a),
                None => tr.value.as_ref(),
            };
            let Some(tp) = tp else { continue };
            if sp.selects.iter().any(|s| s.plural) && !tp.selects.iter().any(|s| s.plural) {
                let what = attr.map_or(String::new(), |a| format!(".{a}"));
                diags.push(
                    diag(
                        Code::MissingPluralCategory,
                        format!("`{id}{what}` drops the source's plural select, but `{tag}` has plural forms"),
                        tag,
                        id,
                    )
                    .at(&*tr.file, tr.span.clone())
                    .with_note(format!("`{tag}` uses {}", categories.join(", "))),
                );
            }
        }
    }
}

/// The rule for `untranslated`: identical text, and the source has at least two
/// words and ten letters once placeables are removed. Terms are not checked: they
/// hold brand and product names, which stay the same.
fn untranslated(id: &str, src: &Entry, tr: &Entry, tag: &str, diags: &mut Vec<Diagnostic>) {
    for (attr, sp) in src.patterns() {
        let tp = match attr {
            Some(a) => tr.attribute(a),
            None => tr.value.as_ref(),
        };
        let Some(tp) = tp else { continue };
        if tp.text_hash != sp.text_hash || sp.text_hash == 0 {
            continue;
        }
        if sp.letter_words >= 2 && sp.letters >= 10 {
            let what = attr.map_or(String::new(), |a| format!(".{a}"));
            diags.push(
                diag(
                    Code::Untranslated,
                    format!("`{id}{what}` in `{tag}` is identical to the source text"),
                    tag,
                    id,
                )
                .at(&*tr.file, tr.span.clone()),
            );
        }
    }
}

fn suspicious(id: &str, tr: &Entry, tag: &str, diags: &mut Vec<Diagnostic>) {
    for (_, p) in tr.patterns() {
        for (c, span) in &p.suspicious {
            let (code, text) = if *c == '\u{fffd}' {
                (Code::ReplacementCharacter, format!("`{id}` contains U+FFFD, a damaged character"))
            } else {
                (
                    Code::BidiControl,
                    format!(
                        "`{id}` contains the bidi control U+{:04X} written literally",
                        *c as u32
                    ),
                )
            };
            diags.push(diag(code, text, tag, id).at(&*tr.file, span.clone()));
        }
    }
}

/// Whether reference `r` of a message of `target` resolves: a term in the locale
/// itself, a message in the locale, its fallback chain or the source.
fn resolves(
    r: &Reference,
    source: &LocaleIndex,
    target: &LocaleIndex,
    opts: &CheckOptions<'_>,
) -> bool {
    if r.id.starts_with('-') {
        target.entries().contains_key(&r.id)
    } else {
        let has = |l: &LocaleIndex| l.has(&r.id, r.attribute.as_deref());
        has(target) || opts.chain.iter().any(|l| has(l)) || has(source)
    }
}

/// The references of a pattern as compare-locales counts them: messages with their
/// attribute (`other.title`), terms without (a term attribute such as
/// `-brand.gender` is grammar the locale chooses, not content).
fn counted_references(p: &PatternInfo) -> BTreeSet<String> {
    p.references
        .iter()
        .filter(|r| !(r.id.starts_with('-') && r.attribute.is_some()))
        .map(|r| match &r.attribute {
            Some(a) => format!("{}.{a}", r.id),
            None => r.id.to_string(),
        })
        .collect()
}

/// Whether two patterns reference the same messages and terms, without
/// allocating in the common cases (none, or the same in the same order).
fn same_references(a: &PatternInfo, b: &PatternInfo) -> bool {
    fn counted(p: &PatternInfo) -> impl Iterator<Item = (&str, Option<&str>)> {
        p.references
            .iter()
            .filter(|r| !(r.id.starts_with('-') && r.attribute.is_some()))
            .map(|r| (r.id.as_str(), r.attribute.as_deref()))
    }
    if counted(a).eq(counted(b)) {
        return true;
    }
    fn sorted(p: &PatternInfo) -> Vec<(&str, Option<&str>)> {
        let mut v: Vec<_> = counted(p).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
    sorted(a) == sorted(b)
}

/// `missing-reference` and `obsolete-reference`: a pattern of the translation that
/// drops a reference of the source pattern, or adds one it does not have. Compared
/// per pattern present on both sides (a missing attribute is `missing-attribute`);
/// an added reference that resolves nowhere is `unknown-reference` instead.
fn reference_changes(
    id: &str,
    src: &Entry,
    tr: &Entry,
    (source, target, opts): (&LocaleIndex, &LocaleIndex, &CheckOptions<'_>),
    diags: &mut Vec<Diagnostic>,
) {
    let tag = target.tag();
    for (attr, sp) in src.patterns() {
        let tp = match attr {
            Some(a) => tr.attribute(a),
            None => tr.value.as_ref(),
        };
        let Some(tp) = tp else { continue };
        if same_references(sp, tp) {
            continue;
        }
        let (want, have) = (counted_references(sp), counted_references(tp));
        let what = attr.map_or(String::new(), |a| format!(".{a}"));
        for r in want.difference(&have) {
            let kind = if r.starts_with('-') { "term" } else { "message" };
            diags.push(
                diag(
                    Code::MissingReference,
                    format!("`{id}{what}` in `{tag}` drops the {kind} reference `{{ {r} }}` of the source"),
                    tag,
                    id,
                )
                .at(&*tr.file, tr.span.clone()),
            );
        }
        let mut reported = BTreeSet::new();
        for r in &tp.references {
            if r.id.starts_with('-') && r.attribute.is_some() {
                continue;
            }
            let key = match &r.attribute {
                Some(a) => format!("{}.{a}", r.id),
                None => r.id.to_string(),
            };
            if want.contains(&key)
                || !resolves(r, source, target, opts)
                || !reported.insert(key.clone())
            {
                continue;
            }
            let kind = if r.id.starts_with('-') { "term" } else { "message" };
            diags.push(
                diag(
                    Code::ObsoleteReference,
                    format!("`{id}{what}` in `{tag}` references the {kind} `{key}`, which the source text does not"),
                    tag,
                    id,
                )
                .at(&*tr.file, r.span.clone()),
            );
        }
    }
    // Attributes only the translation has are `obsolete-attribute`.
}

fn references(
    source: &LocaleIndex,
    target: &LocaleIndex,
    opts: &CheckOptions<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let tag = target.tag();
    // Each distinct reference is resolved once (most reference a few terms).
    let mut resolved: FxHashMap<(&str, Option<&str>), bool> = FxHashMap::default();
    for (id, entry) in target.entries() {
        for (_, p) in entry.patterns() {
            for r in &p.references {
                let ok = *resolved
                    .entry((r.id.as_str(), r.attribute.as_deref()))
                    .or_insert_with(|| resolves(r, source, target, opts));
                if !ok {
                    let what = match &r.attribute {
                        Some(a) => format!("{}.{a}", r.id),
                        None => r.id.to_string(),
                    };
                    let scope = if r.id.starts_with('-') {
                        format!("`{tag}` defines no term `{}`", r.id)
                    } else {
                        format!("neither `{tag}` nor its fallback chain defines it")
                    };
                    diags.push(
                        diag(
                            Code::UnknownReference,
                            format!("`{id}` references `{what}`: {scope}"),
                            tag,
                            id,
                        )
                        .at(&*entry.file, r.span.clone()),
                    );
                }
            }
        }
    }
}

/// Reports every cycle of references among a locale's messages and terms, once, at
/// the entry of the cycle that sorts first.
fn cycles(target: &LocaleIndex, diags: &mut Vec<Diagnostic>) {
    // A cycle needs an entry that references an entry that references something.
    // Most references are to a few terms that reference nothing: no graph to walk.
    let mut deep: FxHashMap<&str, bool> = FxHashMap::default();
    let mut any_deep = false;
    for e in target.entries().values() {
        for r in e.patterns().flat_map(|(_, p)| &p.references) {
            any_deep |= *deep.entry(r.id.as_str()).or_insert_with(|| {
                target
                    .entries()
                    .get(&r.id)
                    .is_some_and(|t| t.patterns().any(|(_, p)| !p.references.is_empty()))
            });
        }
    }
    if !any_deep {
        return;
    }
    // Nodes are the entries that reference something (no other entry can be on a
    // cycle), sorted by id; an edge for every reference to another node.
    let nodes: Vec<(&str, &Entry)> = target
        .entries()
        .iter()
        .filter(|(_, e)| e.patterns().any(|(_, p)| !p.references.is_empty()))
        .collect();
    let ids: Vec<&str> = nodes.iter().map(|(id, _)| *id).collect();
    // Each distinct referenced id is searched for once (most reference a few terms).
    let mut node_of: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .map(|(_, e)| {
            let mut out: Vec<usize> = Vec::new();
            for r in e.patterns().flat_map(|(_, p)| &p.references) {
                let to = *node_of
                    .entry(r.id.as_str())
                    .or_insert_with(|| ids.binary_search(&r.id.as_str()).ok());
                out.extend(to);
            }
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    // Iterative depth-first search: 0 unvisited, 1 on the stack, 2 done.
    let mut state = vec![0u8; ids.len()];
    let mut seen_cycles: BTreeSet<Vec<usize>> = BTreeSet::new();
    // One stack and one path for every search, emptied when it ends.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    for start in 0..ids.len() {
        if state[start] != 0 {
            continue;
        }
        stack.push((start, 0));
        path.push(start);
        state[start] = 1;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            if *next < edges[node].len() {
                let to = edges[node][*next];
                *next += 1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        stack.push((to, 0));
                        path.push(to);
                    }
                    1 => {
                        let from = path.iter().position(|n| *n == to).unwrap_or(0);
                        let mut cycle = path[from..].to_vec();
                        let min =
                            cycle.iter().enumerate().min_by_key(|(_, n)| **n).map_or(0, |(i, _)| i);
                        cycle.rotate_left(min);
                        seen_cycles.insert(cycle);
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
                path.pop();
            }
        }
    }
    let tag = target.tag();
    for cycle in seen_cycles {
        let first = ids[cycle[0]];
        let Some(entry) = target.entries().get(first) else { continue };
        let chain: Vec<String> = cycle
            .iter()
            .chain(std::iter::once(&cycle[0]))
            .map(|n| format!("`{}`", ids[*n]))
            .collect();
        diags.push(
            diag(
                Code::CyclicReference,
                format!("references form a cycle: {}", chain.join(" -> ")),
                tag,
                first,
            )
            .at(&*entry.file, entry.span.clone()),
        );
    }
}

/// Fluent formats at most this many placeables for one message, those of the
/// messages and terms it references included (`fluent-bundle`'s `MAX_PLACEABLES`).
const MAX_PLACEABLES: usize = 100;

/// `too-many-placeables`: a message or term whose formatting, references followed,
/// would resolve more placeables than Fluent allows (a long chain of references, or
/// a huge pattern). Counted per pattern as an upper bound: every reference of the
/// pattern counts, whichever variant it is in. Reported at the outermost patterns
/// only, not at every link of a chain.
fn placeable_limit(target: &LocaleIndex, diags: &mut Vec<Diagnostic>) {
    let entries: Vec<(&str, &Entry)> = target.entries().iter().collect();
    // Nodes are patterns: entry i's value is (i, None), its attributes (i, Some(k)).
    type Node = (usize, Option<usize>);
    let pattern = |(i, k): Node| -> Option<&PatternInfo> {
        let e = entries[i].1;
        match k {
            None => e.value.as_ref(),
            Some(k) => e.attributes.get(k).map(|(_, _, p)| p),
        }
    };
    // Each distinct referenced id is searched for once (most reference a few
    // terms); positions in id order are indices into `entries`. On the way, a bound: a pattern's own placeables and those of the
    // patterns it references. When no referenced pattern references anything
    // itself, that bound is exact, and when no bound is over the limit, nothing is.
    let mut position: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let (mut deep, mut over) = (false, false);
    for (_, e) in &entries {
        for (_, p) in e.patterns() {
            let mut bound = p.placeables;
            for r in &p.references {
                let at = *position
                    .entry(r.id.as_str())
                    .or_insert_with(|| target.entries().position(&r.id));
                let target = at.and_then(|i| match &r.attribute {
                    None => entries[i].1.value.as_ref(),
                    Some(a) => entries[i].1.attribute(a),
                });
                if let Some(t) = target {
                    deep |= !t.references.is_empty();
                    bound = bound.saturating_add(t.placeables);
                }
            }
            over |= bound > MAX_PLACEABLES;
        }
    }
    if !deep && !over {
        return;
    }
    let target_of = |r: &Reference| -> Option<Node> {
        let i = position.get(r.id.as_str()).copied().flatten()?;
        match &r.attribute {
            None => Some((i, None)),
            Some(a) => {
                entries[i].1.attributes.iter().position(|(n, _, _)| n == a).map(|k| (i, Some(k)))
            }
        }
    };
    // Dense numbering: entry i's patterns are `first[i]..first[i + 1]`.
    let mut first = Vec::with_capacity(entries.len() + 1);
    first.push(0);
    for (_, e) in &entries {
        first.push(first[first.len() - 1] + 1 + e.attributes.len());
    }
    let number = |(i, k): Node| first[i] + k.map_or(0, |k| k + 1);
    // Totals by iterative depth-first search (a chain may be thousands long); a
    // pattern on a cycle counts as 0 on its way back (cycles are reported apart).
    const UNKNOWN: usize = usize::MAX;
    let mut total = vec![UNKNOWN; first[entries.len()]];
    let mut on_stack = vec![false; total.len()];
    let nodes: Vec<Node> = entries
        .iter()
        .enumerate()
        .flat_map(|(i, (_, e))| {
            std::iter::once((i, None))
                .filter(move |_| e.value.is_some())
                .chain((0..e.attributes.len()).map(move |k| (i, Some(k))))
        })
        .collect();
    // One stack for every search (each ends with it empty).
    let mut stack: Vec<(Node, bool)> = Vec::new();
    for &start in &nodes {
        if total[number(start)] != UNKNOWN {
            continue;
        }
        stack.push((start, false));
        while let Some((node, expanded)) = stack.pop() {
            let n = number(node);
            let Some(p) = pattern(node) else {
                total[n] = 0;
                continue;
            };
            if expanded {
                let sum = p
                    .references
                    .iter()
                    .filter_map(&target_of)
                    .map(|t| match total[number(t)] {
                        UNKNOWN => 0,
                        t => t,
                    })
                    .fold(p.placeables, usize::saturating_add);
                total[n] = sum.min(UNKNOWN - 1);
                on_stack[n] = false;
                continue;
            }
            if total[n] != UNKNOWN || on_stack[n] {
                continue;
            }
            if p.references.is_empty() {
                total[n] = p.placeables;
                continue;
            }
            on_stack[n] = true;
            stack.push((node, true));
            for r in &p.references {
                if let Some(t) = target_of(r)
                    && total[number(t)] == UNKNOWN
                    && !on_stack[number(t)]
                {
                    stack.push((t, false));
                }
            }
        }
    }
    let over: BTreeSet<Node> =
        nodes.iter().copied().filter(|n| total[number(*n)] > MAX_PLACEABLES).collect();
    let inner: BTreeSet<Node> = over
        .iter()
        .filter_map(|n| pattern(*n))
        .flat_map(|p| p.references.iter().filter_map(&target_of))
        .collect();
    let tag = target.tag();
    for node in over.difference(&inner) {
        let (id, entry) = entries[node.0];
        let what = match node.1 {
            Some(k) => format!("{id}.{}", entry.attributes[k].0),
            None => id.to_string(),
        };
        diags.push(
            diag(
                Code::TooManyPlaceables,
                format!(
                    "`{what}` in `{tag}` resolves {} placeables with its references; Fluent stops at {MAX_PLACEABLES}",
                    total[number(*node)]
                ),
                tag,
                id,
            )
            .at(&*entry.file, entry.span.clone())
            .with_note("it would be shown as an error: shorten the chain of references or split the message"),
        );
    }
}

/// Checks documents against the source locale: every message a document uses must be
/// defined there (`undefined-message`), and every source message should be used by
/// some document (`unused-message`). `docs` pairs each document with its file.
pub fn check_documents(docs: &[(&str, &Document)], source: &LocaleIndex) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (file, doc) in docs {
        for m in doc.message_refs() {
            if !source.has(&m.id, m.attribute.as_deref()) {
                let what = match (&m.attribute, source.entries().contains_key(&m.id)) {
                    (Some(a), true) => format!("`{}` has no attribute `{a}`", m.id),
                    (None, true) => format!("`{}` has no value", m.id),
                    _ => format!("`{}` is not defined", m.id),
                };
                diags.push(
                    Diagnostic::new(
                        Code::UndefinedMessage,
                        format!("{what} in the source locale `{}`", source.tag()),
                    )
                    .at(*file, m.span.clone())
                    .for_message(m.key()),
                );
            }
        }
    }
    // Messages referenced from used messages count as used.
    let mut used: BTreeSet<&str> =
        docs.iter().flat_map(|(_, d)| d.message_refs()).map(|r| r.id.as_str()).collect();
    let mut queue: Vec<&str> = used.iter().copied().collect();
    while let Some(id) = queue.pop() {
        if let Some(e) = source.entries().get(id) {
            for r in e.patterns().flat_map(|(_, p)| &p.references) {
                if used.insert(r.id.as_str()) {
                    queue.push(r.id.as_str());
                }
            }
        }
    }
    let defined = source.entries().keys().filter(|id| !id.starts_with('-') && !used.contains(id));
    for id in unused_messages(docs.iter().map(|(_, d)| *d), defined) {
        let Some(entry) = source.entries().get(id) else { continue };
        diags.push(
            Diagnostic::new(Code::UnusedMessage, format!("`{id}` is not used by any document"))
                .at(&*entry.file, entry.span.clone())
                .in_locale(source.tag())
                .for_message(id),
        );
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags
}

#[cfg(test)]
mod tests;
