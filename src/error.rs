//! Errors as values: every problem an editor can cause becomes a [`Diagnostic`]
//! with the file, line and column it comes from, what was expected and a hint.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::messages::{Message, Text};

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
    /// The catalogue entries with their values, when the message (or hint) has one; boxed,
    /// so that a `Result<_, Diagnostic>` stays small.
    coded: Option<Box<Coded>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Coded {
    message: Option<Text>,
    hint: Option<Text>,
}

/// What a diagnostic says: a catalogue entry with values, or (until every message has moved
/// into the catalogue) English text.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub enum Said {
    Coded(Text),
    Plain(String),
}

impl From<Text> for Said {
    fn from(t: Text) -> Self {
        Said::Coded(t)
    }
}

impl From<&'static Message> for Said {
    fn from(m: &'static Message) -> Self {
        Said::Coded(Text::from(m))
    }
}

impl From<String> for Said {
    fn from(s: String) -> Self {
        Said::Plain(s)
    }
}

impl From<&str> for Said {
    fn from(s: &str) -> Self {
        Said::Plain(s.to_string())
    }
}

impl Said {
    fn split(self) -> (String, Option<Text>) {
        match self {
            Said::Coded(t) => (t.render(Lang::En), Some(t)),
            Said::Plain(s) => (s, None),
        }
    }
}

impl Diagnostic {
    pub fn error(message: impl Into<Said>) -> Self {
        let (message, text) = message.into().split();
        Self {
            severity: Severity::Error,
            file: None,
            position: None,
            message,
            hint: None,
            coded: text.map(|t| {
                Box::new(Coded {
                    message: Some(t),
                    hint: None,
                })
            }),
        }
    }

    fn message_text(&self) -> Option<&Text> {
        self.coded.as_ref().and_then(|c| c.message.as_ref())
    }

    fn hint_text(&self) -> Option<&Text> {
        self.coded.as_ref().and_then(|c| c.hint.as_ref())
    }

    /// The catalogue code of the message (`HB0301`), when it has one.
    pub fn code(&self) -> Option<&'static str> {
        self.message_text().map(Text::code)
    }

    /// The message and the hint in `lang` for a terminal: control characters taken from
    /// files are escaped (see [`Text::render_for_terminal`]).
    pub fn render_for_terminal(&self, lang: Lang) -> (String, Option<String>) {
        let plain = |s: &str| crate::messages::escape_controls(&crate::i18n::legacy(s, lang), true);
        let message = match self.message_text() {
            Some(t) => t.render_for_terminal(lang),
            None => plain(&self.message),
        };
        let hint = match (self.hint_text(), &self.hint) {
            (Some(t), _) => Some(t.render_for_terminal(lang)),
            (None, Some(h)) => Some(plain(h)),
            (None, None) => None,
        };
        (message, hint)
    }

    /// The message and the hint in `lang`.
    pub fn render(&self, lang: Lang) -> (String, Option<String>) {
        let message = match self.message_text() {
            Some(t) => t.render(lang),
            None => crate::i18n::legacy(&self.message, lang),
        };
        let hint = match (self.hint_text(), &self.hint) {
            (Some(t), _) => Some(t.render(lang)),
            (None, Some(h)) => Some(crate::i18n::legacy(h, lang)),
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
        let (hint, text) = hint.into().split();
        self.hint = Some(hint);
        match (&mut self.coded, text) {
            (Some(coded), text) => coded.hint = text,
            (None, Some(text)) => {
                self.coded = Some(Box::new(Coded {
                    message: None,
                    hint: Some(text),
                }))
            }
            (None, None) => {}
        }
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
    #[error("the site has {} error(s)", .0.iter().filter(|d| d.is_error()).count())]
    Site(Vec<Diagnostic>),
    /// The configuration or the command line is wrong.
    #[error("{0}")]
    Config(Box<Diagnostic>),
    /// The file system failed us (not the editor's fault).
    #[error("{action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn io(action: &'static str, path: impl AsRef<Path>, source: std::io::Error) -> Self {
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
            } => vec![io_diagnostic(action, path, source)],
        }
    }
}

/// The hint for a failed write, creation, move or lock.
pub const IO_HINT: &str =
    "check that the folder exists, that you may write to it, and that the disk has free space";
/// The hint for a failed read.
pub const READ_HINT: &str = "check that the file exists and that you may read it";
/// The hint for a port the server cannot listen on.
pub const LISTEN_HINT: &str =
    "another program may be using the port: choose another with --port, or --port 0 for any free one";

/// The diagnostic of a failed file-system `action` ("cannot read", "cannot create", …) on
/// `path`, with the hint that fits the action.
pub fn io_diagnostic(action: &str, path: &Path, e: &std::io::Error) -> Diagnostic {
    let hint = if action.starts_with("cannot read") {
        READ_HINT
    } else if action.starts_with("cannot listen") {
        LISTEN_HINT
    } else {
        IO_HINT
    };
    Diagnostic::error(format!("{action} {}: {e}", path.display())).with_hint(hint)
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
    fn suggestion_is_close_match_only() {
        let keys = ["title", "description", "weight"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("wieght", keys), Some("weight"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
