//! How `handbok check` and `handbok build` report problems: plain text for people, JSON for
//! tools, GitHub Actions workflow commands and a GitLab code quality report for CI systems
//! that annotate the changed lines.

use serde_json::json;

use crate::error::{Diagnostic, Severity};
use crate::i18n::{translate, Lang};
use crate::messages::escape_controls;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Github,
    Gitlab,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "github" => Some(Format::Github),
            "gitlab" => Some(Format::Gitlab),
            _ => None,
        }
    }
}

/// How text reports look, besides their language.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Colour the labels and locations with ANSI escapes (the caller decides: a terminal,
    /// and neither `NO_COLOR` nor a pipe).
    pub colour: bool,
    /// Show each message's catalogue code: `fel[HB0301]: …`.
    pub codes: bool,
}

/// The diagnostics in `format` and `lang`.
pub fn render(diagnostics: &[Diagnostic], format: Format, lang: Lang, style: Style) -> String {
    if format == Format::Text {
        return diagnostics.iter().map(|d| text(d, lang, style)).collect();
    }
    let translated: Vec<Diagnostic> = diagnostics.iter().map(|d| translate(d, lang)).collect();
    match format {
        Format::Json => json_report(&translated),
        Format::Github => translated.iter().map(github).collect(),
        _ => gitlab(&translated, diagnostics),
    }
}

/// `file:line:column: ` with control characters in the file name escaped.
fn location(d: &Diagnostic) -> String {
    let file = |f: &std::path::Path| escape_controls(&f.display().to_string(), false);
    match (&d.file, d.position) {
        (Some(f), Some(p)) => format!("{}:{}:{}: ", file(f), p.line, p.column),
        (Some(f), None) => format!("{}: ", file(f)),
        _ => String::new(),
    }
}

fn text(d: &Diagnostic, lang: Lang, style: Style) -> String {
    let (error, warning, hint_label) = lang.labels();
    let (label, colour) = if d.is_error() {
        (error, "\x1b[1;31m")
    } else {
        (warning, "\x1b[1;33m")
    };
    let paint = |s: &str, code: &str| {
        if style.colour && !s.is_empty() {
            format!("{code}{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let code = match d.code() {
        Some(code) if style.codes => format!("[{code}]"),
        _ => String::new(),
    };
    let (message, hint) = d.render_for_terminal(lang);
    let mut out = format!(
        "{}{}: {message}\n",
        paint(&location(d), "\x1b[1m"),
        paint(&format!("{label}{code}"), colour)
    );
    if let Some(h) = hint {
        out.push_str(&format!(
            "  {}: {}\n",
            paint(hint_label, "\x1b[1;36m"),
            h.replace('\n', "\n  ")
        ));
    }
    out
}

/// One diagnostic as JSON: severity, code, file, line, column, message, hint.
pub fn diagnostic_json(d: &Diagnostic) -> serde_json::Value {
    json!({
        "severity": if d.is_error() { "error" } else { "warning" },
        "code": d.code(),
        "file": d.file.as_ref().map(|f| f.display().to_string()),
        "line": d.position.map(|p| p.line),
        "column": d.position.map(|p| p.column),
        "message": d.message,
        "hint": d.hint,
    })
}

fn json_report(ds: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = ds.iter().map(diagnostic_json).collect();
    format!(
        "{}\n",
        serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
    )
}

/// `::error file=…,line=…,col=…,title=handbok::message`, escaped as GitHub requires.
fn github(d: &Diagnostic) -> String {
    let kind = if d.severity == Severity::Error {
        "error"
    } else {
        "warning"
    };
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut props = Vec::new();
    if let Some(f) = &d.file {
        props.push(format!("file={}", prop(&f.display().to_string())));
    }
    if let Some(p) = d.position {
        props.push(format!("line={},col={}", p.line, p.column));
    }
    props.push("title=handbok".to_string());
    let mut message = d.message.clone();
    if let Some(h) = &d.hint {
        message.push_str(&format!("\n{h}"));
    }
    format!("::{kind} {}::{}\n", props.join(","), data(&message))
}

/// A GitLab code quality report (a JSON array of issues with stable fingerprints). Two
/// identical problems on one line get fingerprints of their own (GitLab keeps one issue per
/// fingerprint); a problem without a file is reported at the repository's root (`.`), not
/// attributed to a file it is not about. Fingerprints are made from the English message
/// (`english`, the same diagnostics untranslated), so that they do not change with the
/// language of the report.
fn gitlab(ds: &[Diagnostic], english: &[Diagnostic]) -> String {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let items: Vec<serde_json::Value> = ds
        .iter()
        .zip(english)
        .map(|(d, en)| {
            let path = d
                .file
                .as_ref()
                .map(|f| f.display().to_string())
                .unwrap_or_else(|| ".".into());
            let line = d.position.map_or(1, |p| p.line);
            let column = d.position.map_or(1, |p| p.column);
            let description = match &d.hint {
                Some(h) => format!("{} ({h})", d.message),
                None => d.message.clone(),
            };
            let key = format!("{path}\u{0}{line}\u{0}{column}\u{0}{}", en.message);
            let repeat = seen.entry(key.clone()).or_insert(0);
            *repeat += 1;
            let identity = if *repeat == 1 {
                key
            } else {
                format!("{key}\u{0}{repeat}")
            };
            json!({
                "description": description,
                "check_name": d.code().unwrap_or("handbok"),
                "fingerprint": format!("{:016x}", fnv1a(&identity)),
                "severity": if d.is_error() { "major" } else { "minor" },
                "location": { "path": path, "lines": { "begin": line } },
            })
        })
        .collect();
    format!(
        "{}\n",
        serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
    )
}

/// FNV-1a, 64 bits: a stable fingerprint across runs and machines.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_commands_escape_their_data() {
        // A value with the characters GitHub's commands give meaning to, and a line break.
        let d = Diagnostic::error(crate::text!(crate::messages::YAML_PARSER, "a, b: 100%"))
            .in_file("content/a,b.md")
            .at_line(3)
            .with_hint(crate::text!(crate::messages::YAML_PARSER, "x\ny"));
        assert_eq!(
            render(&[d], Format::Github, Lang::En, Style::default()),
            "::error file=content/a%2Cb.md,line=3,col=1,title=handbok::a, b: 100%25%0Ax%0Ay\n"
        );
    }
}
