//! Governing documents across the site: review dates, the focus-area matrix built from
//! every committee's action plan, and network meetings with their links resolved.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::Site;
use crate::config::PastDue;
use crate::error::{Diagnostic, Severity};
use crate::markdown::{LinkResolver, Resolved};
use crate::messages::{self as msg, Text};
use crate::slug::slugify;
use crate::text;

/// Why a document is listed in the review report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// The date has passed.
    Overdue,
    /// The date is within `review.warn_days`.
    DueSoon,
    /// The date is further away.
    Later,
}

/// One date of one document that someone must act on.
#[derive(Debug, Clone)]
pub struct ReviewItem {
    pub entry: usize,
    /// `review_by` or `valid_until`.
    pub field: &'static str,
    pub date: chrono::NaiveDate,
    /// Days from today (negative: passed).
    pub days: i64,
    pub status: ReviewStatus,
}

/// All review and validity dates, soonest first.
pub fn review_items(site: &Site) -> Vec<ReviewItem> {
    let today = site.config.today;
    let mut items = Vec::new();
    for (id, e) in site.entries.iter().enumerate() {
        let Some(doc) = &e.source.front.document else {
            continue;
        };
        for (field, date) in [
            ("review_by", &doc.review_by),
            ("valid_until", &doc.valid_until),
        ] {
            let Some(date) = date else { continue };
            let days = (date.date - today).num_days();
            let status = if days < 0 {
                ReviewStatus::Overdue
            } else if days <= site.config.review.warn_days {
                ReviewStatus::DueSoon
            } else {
                ReviewStatus::Later
            };
            items.push(ReviewItem {
                entry: id,
                field,
                date: date.date,
                days,
                status,
            });
        }
    }
    items.sort_by(|a, b| (a.date, a.entry, a.field).cmp(&(b.date, b.entry, b.field)));
    items
}

/// A diagnostic for every passed date: warnings, or errors when the config says so.
pub fn overdue_diagnostics(site: &Site) -> Vec<Diagnostic> {
    review_items(site)
        .into_iter()
        .filter(|i| i.status == ReviewStatus::Overdue)
        .map(|i| {
            let e = &site.entries[i.entry];
            let message = if i.field == "review_by" {
                &msg::REVIEW_OVERDUE
            } else {
                &msg::VALIDITY_PASSED
            };
            let owner: msg::Value = match e
                .source
                .front
                .document
                .as_ref()
                .and_then(|d| d.owner.as_deref())
            {
                Some(owner) => owner.into(),
                None => Text::from(&msg::NO_OWNER).into(),
            };
            let mut d = Diagnostic::warning(text!(message, e.title(), i.date, -i.days, owner))
                .in_file(e.source.display_path())
                .at_line(super::document_line(e, i.field))
                .with_hint(&msg::HINT_REVIEW_OVERDUE);
            if site.config.review.past_due == PastDue::Error {
                d.severity = Severity::Error;
            }
            d
        })
        .collect()
}

/// A focus area across all action plans.
#[derive(Debug, Clone)]
pub struct FocusArea {
    pub number: u32,
    pub name: String,
    /// Site path of the focus area's page.
    pub path: String,
    /// The taxonomy term with the same name ("7 Jämlikhet och jämställdhet"), when pages
    /// carry it: (taxonomy index, term index). Its page and the focus area's link each other.
    pub term: Option<(usize, usize)>,
    /// One cell per committee that has this focus area: (committee index, plan entry,
    /// index of the focus area in that plan).
    pub cells: Vec<(usize, usize, usize)>,
}

/// The committees' plans cross-tabulated by focus area.
#[derive(Debug, Clone, Default)]
pub struct Matrix {
    /// Committees in Swedish order, each with its plan entry.
    pub committees: Vec<(String, usize)>,
    /// Focus areas by number.
    pub focus_areas: Vec<FocusArea>,
    /// The section the matrix page belongs to: the deepest one whose folder holds
    /// `action_plans: path`. The sidebar lists the matrix there, and the breadcrumbs of the
    /// matrix and the focus areas go through it.
    pub parent: usize,
}

impl Matrix {
    /// Builds the matrix; two plans naming one focus-area number differently is an error.
    pub fn build(site: &Site, errors: &mut Vec<Diagnostic>) -> Matrix {
        let mut plans: Vec<(String, usize)> = site
            .entries
            .iter()
            .enumerate()
            .filter_map(|(id, e)| {
                e.source
                    .front
                    .action_plan
                    .as_ref()
                    .map(|p| (p.committee.clone(), id))
            })
            .collect();
        plans.sort_by_cached_key(|(c, id)| (crate::slug::swedish_sort_key(c), *id));
        for pair in plans.windows(2) {
            if pair[0].0 == pair[1].0 {
                let (first, second) = (&site.entries[pair[0].1], &site.entries[pair[1].1]);
                let line = second
                    .source
                    .front
                    .action_plan
                    .as_ref()
                    .map_or(1, |p| p.line);
                errors.push(
                    Diagnostic::error(text!(
                        msg::SECOND_ACTION_PLAN,
                        pair[1].0,
                        first.source.display_path()
                    ))
                    .in_file(second.source.display_path())
                    .at_line(line)
                    .with_hint(&msg::HINT_SECOND_ACTION_PLAN),
                );
            }
        }
        let mut areas: BTreeMap<u32, FocusArea> = BTreeMap::new();
        for (ci, (_, id)) in plans.iter().enumerate() {
            let e = &site.entries[*id];
            let Some(plan) = &e.source.front.action_plan else {
                continue;
            };
            for (ai, a) in plan.focus_areas.iter().enumerate() {
                let base = &site.config.action_plans.path;
                let area = areas.entry(a.number).or_insert_with(|| FocusArea {
                    number: a.number,
                    name: a.name.clone(),
                    path: format!("{base}{}-{}/", a.number, slugify(&a.name)),
                    term: term_named(site, &format!("{} {}", a.number, a.name)),
                    cells: Vec::new(),
                });
                if area.name != a.name {
                    let first = &site.entries[area.cells.first().map_or(*id, |c| c.1)];
                    errors.push(
                        Diagnostic::error(text!(
                            msg::FOCUS_AREA_NAMES_DIFFER,
                            a.number,
                            a.name,
                            area.name,
                            first.source.display_path()
                        ))
                        .in_file(e.source.display_path())
                        .at_line(a.line)
                        .with_hint(&msg::HINT_FOCUS_AREA_NAMES),
                    );
                }
                area.cells.push((ci, *id, ai));
            }
        }
        Matrix {
            committees: plans,
            focus_areas: areas.into_values().collect(),
            parent: matrix_parent(site),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.committees.is_empty()
    }

    /// The focus area whose term is term `term` of taxonomy `taxonomy`.
    pub fn focus_area_of_term(&self, taxonomy: usize, term: usize) -> Option<&FocusArea> {
        self.focus_areas
            .iter()
            .find(|a| a.term == Some((taxonomy, term)))
    }
}

/// The first taxonomy term named `name` (compared by slug, as terms are): (taxonomy index,
/// term index).
fn term_named(site: &Site, name: &str) -> Option<(usize, usize)> {
    let slug = slugify(name);
    site.taxonomies.iter().enumerate().find_map(|(ti, t)| {
        t.terms
            .iter()
            .position(|term| term.slug == slug)
            .map(|i| (ti, i))
    })
}

/// The deepest section whose site path holds the matrix's (`action_plans: path`); the start
/// page when no other does.
fn matrix_parent(site: &Site) -> usize {
    let path = &site.config.action_plans.path;
    site.entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.is_section() && path.starts_with(e.path.as_str()) && e.path != *path)
        .max_by_key(|(_, e)| e.path.len())
        .map_or(site.root, |(id, _)| id)
}

/// A meeting's network page and agenda links, resolved against the site.
#[derive(Debug, Clone, Default)]
pub struct MeetingLinks {
    pub network: Option<usize>,
    /// Per agenda item: its resolved link, if it has one.
    pub agenda: Vec<Option<Resolved>>,
}

/// Resolves the network and agenda links of meeting `id`, reporting broken ones at their lines.
pub fn resolve_meeting(
    site: &Site,
    id: usize,
    resolver: &dyn LinkResolver,
) -> (MeetingLinks, Vec<Diagnostic>) {
    let e = &site.entries[id];
    let Some(m) = &e.source.front.meeting else {
        return (MeetingLinks::default(), Vec::new());
    };
    let file = PathBuf::from(e.source.display_path());
    let mut errors = Vec::new();
    let mut links = MeetingLinks::default();
    match resolver.resolve(&m.network) {
        Ok(r) if r.target.is_some() => links.network = r.target,
        Ok(_) => errors.push(
            Diagnostic::error(text!(msg::MEETING_NETWORK_NOT_A_PAGE, m.network))
                .with_hint(&msg::HINT_MEETING_NETWORK_PAGE)
                .at_line(m.lines.network),
        ),
        Err(d) => errors.push(d.at_line(m.lines.network)),
    }
    for (i, item) in m.agenda.iter().enumerate() {
        let resolved = item.link.as_ref().and_then(|l| match resolver.resolve(l) {
            Ok(r) => Some(r),
            Err(d) => {
                errors.push(d.at_line(m.lines.agenda.get(i).copied().unwrap_or(m.lines.network)));
                None
            }
        });
        links.agenda.push(resolved);
    }
    for d in &mut errors {
        d.file = Some(file.clone());
    }
    (links, errors)
}
