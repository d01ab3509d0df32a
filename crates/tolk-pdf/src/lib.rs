//! PDF output for tolk.
//!
//! [`compile_pdf`] turns the Typst source that `tolk_render::render_typst` writes
//! into a PDF, in process, with text shaping for every script (Arabic, Devanagari,
//! CJK...) from the fonts installed on the system ([`Fonts::system`]). When a
//! locale's script has no font, [`Fonts::check`] names the Debian package that
//! provides one.
//!
//! This crate is separate because Typst is large: the `tolk` binary only depends
//! on it with its `pdf` feature.

use std::collections::BTreeSet;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No installed font covers the locale's script.
    #[error(
        "no font for `{locale}`: none of {families} is installed (install the Debian package {package})"
    )]
    MissingFont {
        /// The locale.
        locale: String,
        /// The families looked for, quoted and joined.
        families: String,
        /// The Debian package that provides them.
        package: &'static str,
    },
    /// Typst reported errors compiling the source.
    #[error("typst: {0}")]
    Typst(String),
}

/// The fonts a PDF can use, found once and shared by every compilation.
pub struct Fonts {
    store: FontStore,
    families: BTreeSet<String>,
}

impl Fonts {
    /// Every font installed on the system (found through fontconfig's directories).
    pub fn system() -> Fonts {
        let mut store = FontStore::new();
        store.extend(typst_kit::fonts::system());
        let families =
            store.book().families().map(|(name, _)| name.to_lowercase()).collect::<BTreeSet<_>>();
        Fonts { store, families }
    }

    /// How many fonts were found.
    pub fn len(&self) -> usize {
        self.families.len()
    }

    /// Whether no font was found.
    pub fn is_empty(&self) -> bool {
        self.families.is_empty()
    }

    /// Checks that the fonts `render_typst` names for `locale` exist: at least one
    /// family of the locale's script.
    pub fn check(&self, locale: &str) -> Result<(), Error> {
        let wanted = tolk_render::fonts_for(locale);
        let script: Vec<&str> =
            if wanted.len() > 1 { wanted[..wanted.len() - 1].to_vec() } else { wanted.clone() };
        if script.iter().any(|f| self.families.contains(&f.to_lowercase())) {
            return Ok(());
        }
        let package = if script.iter().any(|f| f.contains("CJK")) {
            "fonts-noto-cjk"
        } else {
            "fonts-noto-core"
        };
        let families: Vec<String> = script.iter().map(|f| format!("\"{f}\"")).collect();
        Err(Error::MissingFont {
            locale: locale.to_owned(),
            families: families.join(" or "),
            package,
        })
    }
}

struct TolkWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
}

impl World for TolkWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.store.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::AccessDenied) }
    }

    fn file(&self, _: FileId) -> FileResult<Bytes> {
        // Documents are self-contained: no images, no includes.
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.store.font(index)
    }

    fn today(&self, _: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // No dates: the same source gives the same PDF.
        None
    }
}

fn describe(diags: &[SourceDiagnostic]) -> String {
    diags.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("; ")
}

/// Compiles a Typst source (as written by `tolk_render::render_typst` for
/// `locale`) to PDF bytes. The result is the same for the same source and fonts.
pub fn compile_pdf(locale: &str, source: &str, fonts: &Fonts) -> Result<Vec<u8>, Error> {
    fonts.check(locale)?;
    let path = VirtualPath::new("/main.typ").map_err(|e| Error::Typst(format!("{e:?}")))?;
    let id = RootedPath::new(VirtualRoot::Project, path).intern();
    let world = TolkWorld {
        library: LazyHash::new(Library::default()),
        fonts,
        main: Source::new(id, source.to_owned()),
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned.output.map_err(|errors| Error::Typst(describe(errors.as_slice())))?;
    let options = typst_pdf::PdfOptions::default();
    typst_pdf::pdf(&document, &options).map_err(|errors| Error::Typst(describe(errors.as_slice())))
}
