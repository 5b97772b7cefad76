//! A section's print page: the section and everything below it as one document, with
//! links made relative to the print page, headings moved one level down and ids
//! prefixed per part so that they stay unique.

use crate::error::Diagnostic;
use crate::templates::views::{self, PrintPart};

/// Markers around the content block in `page.html` and `section.html`; the print page
/// takes what a template renders between them, so that template-rendered data (like an
/// action plan's focus areas) is printed too.
const START: &str = "<!-- handbok:content -->";
const END: &str = "<!-- /handbok:content -->";

/// The parts of section `id`'s print page at site path `path`. Each part is rendered with
/// its own template at the print page's path, so that links fit the print page; `own` is the
/// section's Markdown already rendered there (its first part).
pub(super) fn parts<'a>(
    base: &super::Base<'a>,
    id: usize,
    path: &str,
    own: &str,
) -> Result<Vec<PrintPart<'a>>, Diagnostic> {
    let site = base.site;
    let mut out = Vec::new();
    for (n, part) in site.print_entries(id).into_iter().enumerate() {
        let e = &site.entries[part];
        let prefix = format!("del-{}", n + 1);
        let rendered_here;
        let markdown = if part == id {
            own
        } else {
            rendered_here = site.render_entry(part, base.texts.get(part), path).html;
            rendered_here.as_str()
        };
        let uses_summaries = base.templates.uses_summaries;
        let view = views::entry(site, base.derived, part, markdown, uses_summaries);
        // Only the content block is printed: a template of the block alone when the
        // entry's template has one, else the whole template (and an error in the block
        // alone is reported as the whole template reports it).
        let whole = || base.render_entry_template(part, &view, path);
        let rendered = match base.templates.print_part(super::template_name(site, part)) {
            Some(block) => base
                .render_entry_with(&block, part, &view, path)
                .or_else(|_| whole()),
            None => whole(),
        };
        let html = String::from_utf8(rendered?)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let content = match (html.find(START), html.find(END)) {
            (Some(a), Some(b)) if a < b => &html[a + START.len()..b],
            _ => markdown,
        };
        out.push(PrintPart {
            title: e.title(),
            description: e.source.front.description.as_deref(),
            path: &e.path,
            content: demote_and_prefix(content, &prefix),
            anchor: prefix,
            kind: if e.is_section() { "section" } else { "page" },
        });
    }
    Ok(out)
}

/// Moves headings one level down (h1→h2 … h5→h6; h6 stays) and prefixes every `id` and
/// in-page `href="#…"` with `prefix-`.
pub fn demote_and_prefix(html: &str, prefix: &str) -> String {
    let mut out = html.to_string();
    for level in (1..=5).rev() {
        out = out
            .replace(&format!("<h{level}"), &format!("<h{}", level + 1))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1));
    }
    out.replace(" id=\"", &format!(" id=\"{prefix}-"))
        .replace(" href=\"#", &format!(" href=\"#{prefix}-"))
        .replace(
            " aria-labelledby=\"",
            &format!(" aria-labelledby=\"{prefix}-"),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_move_down_and_ids_stay_unique() {
        let html = "<section aria-labelledby=\"mandat\"><h2 id=\"mandat\">M</h2></section><h6 id=\"x\">x</h6><p><a href=\"#mandat\">m</a> <a href=\"../a/#b\">b</a></p>";
        let out = demote_and_prefix(html, "del-2");
        assert_eq!(
            out,
            "<section aria-labelledby=\"del-2-mandat\"><h3 id=\"del-2-mandat\">M</h3></section><h6 id=\"del-2-x\">x</h6><p><a href=\"#del-2-mandat\">m</a> <a href=\"../a/#b\">b</a></p>"
        );
    }
}
