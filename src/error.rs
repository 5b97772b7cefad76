//! Errors as values: every problem an editor can cause becomes a [`Diagnostic`]
//! with the file, line and column it comes from, what was expected and a hint.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::messages::{self as msg, Message, Text};

/// How serious a diagnostic is. Errors fail the build; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a source file, 1-based. `column` counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }

    /// The 1-based line and character column of byte `offset` in `text`.
    pub fn from_offset(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Self { line, column }
    }
}

/// Turns byte offsets of one text into positions in O(log lines) instead of rescanning the
/// text for every offset (which made a page with many links quadratic). Offsets asked in
/// increasing order on one long line only count the characters since the previous one.
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// The last answer: (offset, position), to continue along one line.
    last: std::cell::Cell<(usize, Position)>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            starts,
            last: std::cell::Cell::new((0, Position::new(1, 1))),
        }
    }

    /// The position of byte `offset`, as [`Position::from_offset`] gives it.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let (last_offset, last) = self.last.get();
        let (from, column) = if last.line == line && last_offset <= offset {
            (last_offset, last.column)
        } else {
            (line_start, 1)
        };
        let position = Position::new(line, column + self.text[from..offset].chars().count());
        self.last.set((offset, position));
        position
    }
}

/// One problem found in the site, reported to the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the file, relative to the site root where possible.
    pub file: Option<PathBuf>,
    pub position: Option<Position>,
    /// The message in English (tests and sorting use it; [`Diagnostic::render`] any language).
    pub message: String,
    pub hint: Option<String>,
    /// The catalogue entries with their values, when the message has one (boxed: most
    /// functions return a diagnostic as their error, which must stay small).
    text: Option<Box<Text>>,
    hint_text: Option<Box<Text>>,
}

/// What a diagnostic says: always a catalogue entry with its values (so every message has
/// a code and both languages; English text cannot be passed in).
pub type Said = Text;

/// The English text of `t` and `t` itself, boxed.
fn split(t: Text) -> (String, Option<Box<Text>>) {
    (t.render(Lang::En), Some(Box::new(t)))
}

impl Diagnostic {
    pub fn error(message: impl Into<Said>) -> Self {
        let (message, text) = split(message.into());
        Self {
            severity: Severity::Error,
            file: None,
            position: None,
            message,
            hint: None,
            text,
            hint_text: None,
        }
    }

    /// The catalogue code of the message (`HB0301`), when it has one.
    pub fn code(&self) -> Option<&'static str> {
        self.text.as_deref().map(Text::code)
    }

    /// The catalogue entry and values of the message, when it has one.
    pub fn text(&self) -> Option<&Text> {
        self.text.as_deref()
    }

    /// Whether the message is a text of the catalogue entry `message`.
    pub fn is(&self, message: &'static Message) -> bool {
        self.text.as_ref().is_some_and(|t| t.is(message))
    }

    /// The same diagnostic (file, position, hint) saying `message` instead.
    pub fn with_message(mut self, message: impl Into<Said>) -> Self {
        (self.message, self.text) = split(message.into());
        self
    }

    /// The message and the hint in `lang` for a terminal: control characters taken from
    /// files are escaped (see [`Text::render_for_terminal`]).
    pub fn render_for_terminal(&self, lang: Lang) -> (String, Option<String>) {
        let plain = |s: &str| crate::messages::escape_controls(s, true);
        let message = match &self.text {
            Some(t) => t.render_for_terminal(lang),
            None => plain(&self.message),
        };
        let hint = match (&self.hint_text, &self.hint) {
            (Some(t), _) => Some(t.render_for_terminal(lang)),
            (None, Some(h)) => Some(plain(h)),
            (None, None) => None,
        };
        (message, hint)
    }

    /// The message and the hint in `lang`.
    pub fn render(&self, lang: Lang) -> (String, Option<String>) {
        let message = match &self.text {
            Some(t) => t.render(lang),
            None => self.message.clone(),
        };
        let hint = match (&self.hint_text, &self.hint) {
            (Some(t), _) => Some(t.render(lang)),
            (None, Some(h)) => Some(h.clone()),
            (None, None) => None,
        };
        (message, hint)
    }

    pub fn warning(message: impl Into<Said>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    pub fn at_line(self, line: usize) -> Self {
        self.at(Position::new(line, 1))
    }

    pub fn with_hint(mut self, hint: impl Into<Said>) -> Self {
        let (hint, text) = split(hint.into());
        self.hint = Some(hint);
        self.hint_text = text;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key: by file, then position, then message; makes reports deterministic.
    fn key(&self) -> (Option<&PathBuf>, Option<Position>, &str) {
        (self.file.as_ref(), self.position, &self.message)
    }
}

impl crate::i18n::Translate for Diagnostic {
    /// The diagnostic with its message and hint in `lang`.
    fn translated(&self, lang: Lang) -> Self {
        let mut out = self.clone();
        (out.message, out.hint) = self.render(lang);
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(p) = self.position {
                write!(f, ":{}:{}", p.line, p.column)?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{label}: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics into a stable order (file, line, column, message) and removes exact repeats.
pub fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.key().cmp(&b.key()).then(a.severity.cmp(&b.severity)));
    diagnostics.dedup();
}

/// Why a build or check did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site has problems an editor must fix (content, links, templates).
    #[error("{}", site_summary(.0).render(Lang::En))]
    Site(Vec<Diagnostic>),
    /// The configuration or the command line is wrong.
    #[error("{0}")]
    Config(Box<Diagnostic>),
    /// The file system failed us (not the editor's fault).
    #[error("{}", io_diagnostic(*.action, .path, .source).message)]
    Io {
        action: IoAction,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// "the site has N error(s)".
fn site_summary(diagnostics: &[Diagnostic]) -> Text {
    crate::text!(
        msg::SITE_HAS_ERRORS,
        diagnostics.iter().filter(|d| d.is_error()).count()
    )
}

impl Error {
    pub fn io(action: IoAction, path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.as_ref().to_path_buf(),
            source,
        }
    }

    /// All diagnostics this error carries, for printing.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Site(d) => d.clone(),
            Error::Config(d) => vec![(**d).clone()],
            // What failed and where is in the message; the hint says what to check.
            Error::Io {
                action,
                path,
                source,
            } => vec![io_diagnostic(*action, path, source)],
        }
    }
}

/// What the file system refused to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    Read,
    Create,
    CreateLockFile,
    Write,
    Remove,
    Lock,
    MoveAside,
    MoveIntoPlace,
    Use,
    Listen,
    StartServer,
    StartWatching,
}

impl IoAction {
    /// "cannot read {path}: {detail}" and the like.
    fn message(self) -> &'static Message {
        match self {
            IoAction::Read => &msg::IO_CANNOT_READ,
            IoAction::Create => &msg::IO_CANNOT_CREATE,
            IoAction::CreateLockFile => &msg::IO_CANNOT_CREATE_LOCK_FILE,
            IoAction::Write => &msg::IO_CANNOT_WRITE,
            IoAction::Remove => &msg::IO_CANNOT_REMOVE,
            IoAction::Lock => &msg::IO_CANNOT_LOCK,
            IoAction::MoveAside => &msg::IO_CANNOT_MOVE_ASIDE,
            IoAction::MoveIntoPlace => &msg::IO_CANNOT_MOVE_INTO_PLACE,
            IoAction::Use => &msg::IO_CANNOT_USE,
            IoAction::Listen => &msg::IO_CANNOT_LISTEN,
            IoAction::StartServer => &msg::IO_CANNOT_START_SERVER,
            IoAction::StartWatching => &msg::IO_CANNOT_START_WATCHING,
        }
    }

    /// The hint that fits the action.
    fn hint(self) -> &'static Message {
        match self {
            IoAction::Read => &msg::HINT_IO_READ,
            IoAction::Listen => &msg::HINT_LISTEN,
            _ => &msg::HINT_IO_WRITE,
        }
    }
}

/// The diagnostic of a failed file-system `action` on `path`, with the hint that fits the
/// action. The system's own description of the error stays as it is.
pub fn io_diagnostic(action: IoAction, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(crate::text!(action.message(), path.display(), e)).with_hint(action.hint())
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The closest candidate to `wanted` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a, I>(wanted: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted_lower = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::normalized_damerau_levenshtein(&wanted_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_to_line_and_character_column() {
        let text = "ab\nåäö x\n";
        assert_eq!(Position::from_offset(text, 0), Position::new(1, 1));
        let x = text.find('x').unwrap();
        assert_eq!(Position::from_offset(text, x), Position::new(2, 5));
    }

    #[test]
    fn line_index_agrees_with_from_offset_in_any_order() {
        let text = "ab\nåäö x\n\nsista raden utan radslut";
        let index = LineIndex::new(text);
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        offsets.extend((0..=text.len()).rev());
        for o in offsets {
            assert_eq!(
                index.position(o),
                Position::from_offset(text, o),
                "offset {o}"
            );
        }
    }

    #[test]
    fn a_diagnostic_is_shown_in_either_language() {
        use crate::i18n::translate;
        let d = Diagnostic::error(crate::text!(msg::FM_UNKNOWN_FIELD, "titel"))
            .with_hint(crate::text!(msg::HINT_DID_YOU_MEAN_FIELD, "title"));
        assert_eq!(d.message, "unknown front matter field `titel`");
        assert_eq!(d.code(), Some(msg::FM_UNKNOWN_FIELD.code));
        assert!(d.is(&msg::FM_UNKNOWN_FIELD));
        let sv = translate(&d, Lang::Sv);
        assert_eq!(sv.message, "okänt fält `titel` i metadatablocket");
        assert_eq!(
            sv.hint.as_deref(),
            Some("menade du `title`? (egna fält skrivs under `extra:`)")
        );
        assert_eq!(translate(&d, Lang::En), d);
        let read = io_diagnostic(
            IoAction::Read,
            Path::new("handbok.yaml"),
            &std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        assert!(read.message.starts_with("cannot read handbok.yaml: "));
        assert_eq!(
            translate(&read, Lang::Sv).hint.as_deref(),
            Some("kontrollera att filen finns och att du har behörighet att läsa den")
        );
    }

    #[test]
    fn a_text_inside_a_text_is_in_the_same_language() {
        let who = crate::text!(msg::WHO_SEARCH_PAGE);
        let d = Diagnostic::error(crate::text!(msg::URL_CLASH, "content/sok.md", who, "sok/"));
        assert_eq!(
            d.message,
            "content/sok.md and the search page both want the URL /sok/"
        );
        assert_eq!(
            d.render(Lang::Sv).0,
            "content/sok.md och söksidan vill båda ha adressen /sok/"
        );
    }

    #[test]
    fn suggestion_is_close_match_only() {
        let keys = ["title", "description", "weight"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("wieght", keys), Some("weight"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
