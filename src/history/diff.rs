//! What changed between two versions of a text: changed lines with a little context, and
//! within them the changed words, for the versions page of a governing document.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

/// Unchanged lines shown around each change.
const CONTEXT: usize = 1;

/// One line of a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// `same`, `removed`, `added`, or `gap` (unchanged lines left out: `skipped` of them).
    pub kind: &'static str,
    pub parts: Vec<Part>,
    pub skipped: usize,
}

/// A run of a line's text; `changed` runs are the words removed or added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub text: String,
    pub changed: bool,
}

/// The lines that differ between `old` and `new`, with [`CONTEXT`] unchanged lines around
/// each change and gaps for the rest. Empty when the texts are equal.
pub fn lines(old: &str, new: &str) -> Vec<DiffLine> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_lines(old, new);
    let mut out = Vec::new();
    let mut shown_to = 0;
    let total = diff.old_slices().len();
    for group in diff.grouped_ops(CONTEXT) {
        let Some(first) = group.first() else { continue };
        let start = first.old_range().start;
        if start > shown_to {
            out.push(gap(start - shown_to));
        }
        for op in &group {
            for change in diff.iter_inline_changes(op) {
                let kind = match change.tag() {
                    ChangeTag::Equal => "same",
                    ChangeTag::Delete => "removed",
                    ChangeTag::Insert => "added",
                };
                let mut parts: Vec<Part> = Vec::new();
                for (changed, text) in change.iter_strings_lossy() {
                    let text = text.trim_end_matches(['\n', '\r']);
                    if text.is_empty() {
                        continue;
                    }
                    // Neighbouring runs of the same kind make one part.
                    match parts.last_mut() {
                        Some(last) if last.changed == changed => last.text.push_str(text),
                        _ => parts.push(Part {
                            text: text.to_string(),
                            changed,
                        }),
                    }
                }
                // A line wholly removed or added (no word of it kept) is marked as a whole.
                if kind != "same" && parts.iter().all(|p| !p.changed) {
                    for p in &mut parts {
                        p.changed = true;
                    }
                }
                out.push(DiffLine {
                    kind,
                    parts,
                    skipped: 0,
                });
            }
        }
        if let Some(last) = group.last() {
            shown_to = last.old_range().end;
        }
    }
    if !out.is_empty() && total > shown_to {
        out.push(gap(total - shown_to));
    }
    out
}

fn gap(skipped: usize) -> DiffLine {
    DiffLine {
        kind: "gap",
        parts: Vec::new(),
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(line: &DiffLine) -> String {
        line.parts
            .iter()
            .map(|p| {
                if p.changed {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn changed_words_are_marked_inside_changed_lines() {
        let old = "Rubrik\n\nNätverket träffas fyra gånger per år.\n\nSlut\n";
        let new = "Rubrik\n\nNätverket träffas sex gånger per år.\n\nSlut\n";
        let d = lines(old, new);
        let kinds: Vec<&str> = d.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, ["gap", "same", "removed", "added", "same", "gap"]);
        assert_eq!(marked(&d[2]), "Nätverket träffas [fyra] gånger per år.");
        assert_eq!(marked(&d[3]), "Nätverket träffas [sex] gånger per år.");
        assert_eq!(d[0].skipped, 1);
        assert_eq!(d[5].skipped, 1);
    }

    #[test]
    fn a_new_line_is_marked_whole_and_equal_texts_have_no_lines() {
        let d = lines("A\n", "A\nB ny rad\n");
        assert_eq!(d.last().map(|l| l.kind), Some("added"));
        assert_eq!(d.last().map(marked).as_deref(), Some("[B ny rad]"));
        assert!(lines("Samma\n", "Samma\n").is_empty());
    }
}
