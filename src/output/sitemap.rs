//! `sitemap.xml`: every published page, section, taxonomy and term page, sorted by URL
//! from the route table.

use crate::site::{Route, Site};

/// The sitemap document. URLs are absolute when `base_url` is.
pub fn sitemap(site: &Site) -> String {
    let mut urls: Vec<(&str, Option<&str>)> = site
        .routes
        .files()
        .iter()
        .filter(|(_, route)| route.in_sitemap())
        .filter_map(|(file, route)| {
            let lastmod = match route {
                Route::Entry(id) => {
                    let f = &site.entries[*id].source.front;
                    f.updated
                        .as_ref()
                        .or(f.date.as_ref())
                        .map(|d| d.iso.as_str())
                }
                _ => None,
            };
            Some((file.strip_suffix("index.html")?, lastmod))
        })
        .collect();
    urls.sort_unstable();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, lastmod) in urls {
        xml.push_str("  <url>\n    <loc>");
        xml.push_str(&escape_xml(
            &site
                .config
                .permalink(&crate::site::paths::encode_path(path)),
        ));
        xml.push_str("</loc>\n");
        if let Some(d) = lastmod {
            xml.push_str("    <lastmod>");
            xml.push_str(&escape_xml(d));
            xml.push_str("</lastmod>\n");
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Escapes text for XML content and attributes.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
