//! The sitemap (sitemaps.org protocol): every published page, section, taxonomy and term
//! page, sorted by URL, by absolute address. The route table decides whether there is one
//! (only when `base_url` is an absolute http(s) URL) and in how many files (see
//! [`SitemapPlan`]): `sitemap.xml` lists the pages itself, or past 50,000 of them is an
//! index of `sitemap-1.xml`, `sitemap-2.xml`, … that list them.

use super::xml::escape;
use crate::site::routes::{sitemap_part_file, SitemapPlan};
use crate::site::{Route, Site};

/// One address of the sitemap: the page's site path (`natverk/`) and its last change.
type Url<'a> = (&'a str, Option<&'a str>);

/// The document of the sitemap file that `route` writes (`Route::Sitemap` or
/// `Route::SitemapPart`).
pub fn document(site: &Site, route: Route) -> String {
    let urls = urls(site);
    render(&site.config.base_url, &urls, site.routes.sitemap(), route)
}

/// The pages of the sitemap, sorted by site path, from the route table.
fn urls(site: &Site) -> Vec<Url<'_>> {
    let mut urls: Vec<Url> = site
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
    urls
}

/// The file `route` of the sitemap `plan` for the pages `urls` of the site at `base_url`.
fn render(base_url: &str, urls: &[Url], plan: SitemapPlan, route: Route) -> String {
    match (plan, route) {
        (SitemapPlan::Index { parts, .. }, Route::Sitemap) => index(base_url, parts),
        (SitemapPlan::Index { per_part, .. }, Route::SitemapPart(i)) => {
            let part = urls.chunks(per_part.max(1)).nth(i).unwrap_or_default();
            urlset(base_url, part)
        }
        _ => urlset(base_url, urls),
    }
}

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// A `<urlset>` of `urls`.
fn urlset(base_url: &str, urls: &[Url]) -> String {
    let mut xml = format!("{HEAD}<urlset xmlns=\"{NAMESPACE}\">\n");
    for (path, lastmod) in urls {
        xml.push_str("  <url>\n    <loc>");
        let url = format!("{base_url}{}", crate::site::paths::encode_path(path));
        xml.push_str(&escape(&url));
        xml.push_str("</loc>\n");
        if let Some(d) = lastmod {
            xml.push_str("    <lastmod>");
            xml.push_str(&escape(d));
            xml.push_str("</lastmod>\n");
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// A `<sitemapindex>` of the `parts` files of a sitemap.
fn index(base_url: &str, parts: usize) -> String {
    let mut xml = format!("{HEAD}<sitemapindex xmlns=\"{NAMESPACE}\">\n");
    for i in 0..parts {
        xml.push_str("  <sitemap>\n    <loc>");
        xml.push_str(&escape(&format!("{base_url}{}", sitemap_part_file(i))));
        xml.push_str("</loc>\n  </sitemap>\n");
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://intranat.kommun.se/hallbarhet/";

    /// The `<loc>` texts of a sitemap document, which must parse as XML with the root `root`.
    fn locs(xml: &str, root: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).expect("the sitemap parses as XML");
        assert_eq!(doc.root_element().tag_name().name(), root);
        assert_eq!(doc.root_element().tag_name().namespace(), Some(NAMESPACE));
        doc.descendants()
            .filter(|n| n.has_tag_name((NAMESPACE, "loc")))
            .filter_map(|n| n.text().map(str::to_string))
            .collect()
    }

    /// Above the limit per file, `sitemap.xml` becomes an index of parts that together list
    /// every page once, in order, none holding more than the limit; the route table claims
    /// exactly the files the index names.
    #[test]
    fn past_the_limit_the_sitemap_is_an_index_of_parts() {
        let paths: Vec<String> = (0..7).map(|i| format!("sida-{i}/")).collect();
        let urls: Vec<Url> = paths.iter().map(|p| (p.as_str(), None)).collect();
        let plan = SitemapPlan::new(true, urls.len(), 3);
        assert_eq!(
            plan,
            SitemapPlan::Index {
                parts: 3,
                per_part: 3
            }
        );
        let files = plan.files();
        let index_locs = locs(&render(BASE, &urls, plan, Route::Sitemap), "sitemapindex");
        assert_eq!(
            index_locs,
            [1, 2, 3].map(|n| format!("{BASE}sitemap-{n}.xml"))
        );
        let claimed: Vec<String> = files.iter().map(|(f, _)| format!("{BASE}{f}")).collect();
        assert_eq!(claimed[0], format!("{BASE}sitemap.xml"));
        assert_eq!(claimed[1..], index_locs[..]);
        let mut listed = Vec::new();
        for (_, route) in &files[1..] {
            let part = locs(&render(BASE, &urls, plan, *route), "urlset");
            assert!(!part.is_empty() && part.len() <= 3, "{part:?}");
            listed.extend(part);
        }
        let all: Vec<String> = paths.iter().map(|p| format!("{BASE}{p}")).collect();
        assert_eq!(listed, all);
    }

    #[test]
    fn up_to_the_limit_one_file_and_without_an_absolute_base_url_none() {
        let urls: Vec<Url> = vec![("", None), ("a/", Some("2024-05-01"))];
        let plan = SitemapPlan::new(true, urls.len(), 2);
        assert_eq!(plan, SitemapPlan::One);
        assert_eq!(plan.files(), [("sitemap.xml".to_string(), Route::Sitemap)]);
        let xml = render(BASE, &urls, plan, Route::Sitemap);
        assert_eq!(
            locs(&xml, "urlset"),
            [BASE.to_string(), format!("{BASE}a/")]
        );
        assert!(xml.contains("<lastmod>2024-05-01</lastmod>"));
        let left_out = SitemapPlan::new(false, urls.len(), 2);
        assert_eq!(left_out, SitemapPlan::LeftOut);
        assert!(left_out.files().is_empty());
    }
}
