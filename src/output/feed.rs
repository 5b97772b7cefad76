//! `atom.xml`: an Atom feed (RFC 4287) of the dated pages, newest first.

use super::xml::escape as escape_xml;
use crate::site::{paths::encode_path, Derived, Site};
use crate::slug::slugify;

/// How many entries the feed holds at most.
pub const FEED_MAX: usize = 50;

/// The feed document. Entry ids are the pages' permalinks when `base_url` is absolute,
/// else stable `urn:` ids built from the site title and the page path.
pub fn atom(site: &Site, derived: &Derived) -> String {
    let mut dated: Vec<usize> = (0..site.entries.len())
        .filter(|id| site.entries[*id].source.front.date.is_some() && *id != site.root)
        .collect();
    dated.sort_by(|a, b| {
        let (ea, eb) = (&site.entries[*a], &site.entries[*b]);
        eb.source
            .front
            .date
            .cmp(&ea.source.front.date)
            .then_with(|| ea.path.cmp(&eb.path))
    });
    dated.truncate(FEED_MAX);
    let absolute = site.config.absolute_base_url();
    let id_of = |path: &str| {
        if absolute {
            site.config.permalink(&encode_path(path))
        } else {
            format!(
                "urn:handbok:{}:{}",
                slugify(&site.config.title),
                path.trim_end_matches('/').replace('/', ":")
            )
        }
    };
    let updated = dated
        .iter()
        .filter_map(|id| {
            let f = &site.entries[*id].source.front;
            f.updated.as_ref().or(f.date.as_ref())
        })
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| timestamp(&d.iso));
    let mut xml = feed_head(
        site,
        &FeedHead {
            title: &site.config.title,
            subtitle: site.config.description.as_deref(),
            id: &id_of(""),
            feed: &site.config.permalink("atom.xml"),
            page: &site.config.base_url,
            updated: &updated,
        },
    );
    for id in dated {
        let e = &site.entries[id];
        let f = &e.source.front;
        let Some(date) = &f.date else { continue };
        let changed = f.updated.as_ref().unwrap_or(date);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape_xml(e.title())));
        xml.push_str(&format!(
            "    <link href=\"{}\"/>\n",
            escape_xml(&site.config.permalink(&encode_path(&e.path)))
        ));
        xml.push_str(&format!("    <id>{}</id>\n", escape_xml(&id_of(&e.path))));
        xml.push_str(&format!(
            "    <published>{}</published>\n",
            timestamp(&date.iso)
        ));
        xml.push_str(&format!(
            "    <updated>{}</updated>\n",
            timestamp(&changed.iso)
        ));
        if let Some(summary) = f.description.as_deref() {
            xml.push_str(&format!("    <summary>{}</summary>\n", escape_xml(summary)));
        } else if let Some(html) = derived.summary(id, true) {
            xml.push_str(&format!(
                "    <summary type=\"html\">{}</summary>\n",
                escape_xml(html)
            ));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// What a feed says about itself before its entries.
struct FeedHead<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    id: &'a str,
    /// The feed's own address and the page it stands for.
    feed: &'a str,
    page: &'a str,
    updated: &'a str,
}

/// The XML declaration, the feed's opening tag and its head; the site is the author.
fn feed_head(site: &Site, head: &FeedHead) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape_xml(&site.config.language)
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape_xml(head.title)));
    if let Some(d) = head.subtitle {
        xml.push_str(&format!("  <subtitle>{}</subtitle>\n", escape_xml(d)));
    }
    xml.push_str(&format!("  <id>{}</id>\n", escape_xml(head.id)));
    xml.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        escape_xml(head.feed)
    ));
    xml.push_str(&format!("  <link href=\"{}\"/>\n", escape_xml(head.page)));
    xml.push_str(&format!("  <updated>{}</updated>\n", head.updated));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape_xml(&site.config.title)
    ));
    xml
}

/// An RFC 3339 timestamp: dates become midnight UTC, date-times are kept.
fn timestamp(iso: &str) -> String {
    if iso.len() == 10 {
        format!("{iso}T00:00:00Z")
    } else {
        iso.to_string()
    }
}

/// The feed of "Senaste ändringar": one entry per content change from git, newest first.
/// Ids are the commit and the file, so that a reader sees each change once; the times are
/// the commits', so the same commit always gives the same feed.
/// `title` is the theme's name of the page ("Senaste ändringar").
pub fn changes(site: &Site, title: &str) -> String {
    use crate::site::Route;
    let (page, feed) = (
        site.routes.page_of(Route::Changes).unwrap_or_default(),
        site.routes.file_of(Route::ChangesFeed).unwrap_or_default(),
    );
    let h = &site.history;
    let site_id = format!("urn:handbok:{}:andringar", slugify(&site.config.title));
    let updated = h
        .changes
        .first()
        .and_then(|c| h.commits.get(c.commit))
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |c| c.rfc3339());
    let mut xml = feed_head(
        site,
        &FeedHead {
            title: &format!("{title}: {}", site.config.title),
            subtitle: None,
            id: &site_id,
            feed: &site.config.permalink(feed),
            page: &site.config.permalink(page),
            updated: &updated,
        },
    );
    for ch in &h.changes {
        let Some(c) = h.commits.get(ch.commit) else {
            continue;
        };
        let entry = site.change_entry(ch);
        let title = entry.map_or(ch.path.as_str(), |e| e.title());
        let link = entry.map_or_else(
            || site.config.permalink(page),
            |e| site.config.permalink(&encode_path(&e.path)),
        );
        xml.push_str("  <entry>\n");
        xml.push_str(&format!(
            "    <title>{}</title>\n",
            escape_xml(&format!("{title}: {}", c.summary))
        ));
        xml.push_str(&format!("    <link href=\"{}\"/>\n", escape_xml(&link)));
        xml.push_str(&format!(
            "    <id>{}</id>\n",
            escape_xml(&format!("{site_id}:{}:{}", c.id, encode_path(&ch.path)))
        ));
        xml.push_str(&format!("    <updated>{}</updated>\n", c.rfc3339()));
        if let Some(author) = site.shown_author(c) {
            xml.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape_xml(author)
            ));
        }
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_xml(&c.summary)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
