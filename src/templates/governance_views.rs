//! Template views of governing documents: document control, action plans, meetings, the
//! review page and the focus-area matrix. Part of the template API (themes/default/README.md).

use serde::Serialize;

use super::views::{link, link_with, LinkView};
use crate::content::action_plan::ActionPlan;
use crate::content::document::DocumentControl;
use crate::site::governance::{review_items, ReviewStatus};
use crate::site::paths::relative_href;
use crate::site::{Derived, Route, Site, ICS_FILE};
use crate::slug::slugify;

/// A meeting in a list on its network's page.
#[derive(Debug, Serialize)]
pub struct MeetingSummary<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub date: &'a str,
    pub start: Option<&'a str>,
    pub end: Option<&'a str>,
    pub place: Option<&'a str>,
    pub theme: Option<&'a str>,
}

/// `page.meeting` on a meeting page.
#[derive(Debug, Serialize)]
pub struct MeetingView<'a> {
    pub network: Option<LinkView<'a>>,
    pub date: &'a str,
    pub start: Option<&'a str>,
    pub end: Option<&'a str>,
    pub place: Option<&'a str>,
    pub theme: Option<&'a str>,
    /// Agenda items; `href` is relative to the meeting page.
    pub agenda: Vec<AgendaView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct AgendaView<'a> {
    pub text: &'a str,
    pub href: Option<String>,
}

/// The governance parts of an entry view.
#[derive(Debug, Serialize)]
pub struct EntryGovernance<'a> {
    pub document: Option<&'a DocumentControl>,
    pub action_plan: Option<&'a ActionPlan>,
    pub meeting: Option<MeetingView<'a>>,
    /// Network pages: meetings from today on, and earlier ones (newest first).
    pub meetings_upcoming: Vec<MeetingSummary<'a>>,
    pub meetings_past: Vec<MeetingSummary<'a>>,
    /// Network pages with meetings: site path of the iCalendar feed.
    pub calendar: Option<String>,
}

/// The governance view of entry `id`.
pub fn entry_governance<'a>(
    site: &'a Site,
    derived: &'a Derived,
    id: usize,
    summaries: bool,
) -> EntryGovernance<'a> {
    let e = &site.entries[id];
    let f = &e.source.front;
    let meeting = f.meeting.as_ref().map(|m| MeetingView {
        network: e
            .meeting_links
            .network
            .map(|n| link_with(&site.entries[n], derived.summary(n, summaries))),
        date: &m.date.iso,
        start: m.start.as_deref(),
        end: m.end.as_deref(),
        place: m.place.as_deref(),
        theme: m.theme.as_deref(),
        agenda: m
            .agenda
            .iter()
            .enumerate()
            .map(|(i, a)| AgendaView {
                text: &a.text,
                href: e
                    .meeting_links
                    .agenda
                    .get(i)
                    .and_then(|r| r.as_ref())
                    .map(|r| r.href.clone()),
            })
            .collect(),
    });
    let (mut upcoming, mut past) = (Vec::new(), Vec::new());
    for m in site.meetings.get(&id).into_iter().flatten() {
        let me = &site.entries[*m];
        let Some(meeting) = &me.source.front.meeting else {
            continue;
        };
        let summary = MeetingSummary {
            title: me.title(),
            path: &me.path,
            date: &meeting.date.iso,
            start: meeting.start.as_deref(),
            end: meeting.end.as_deref(),
            place: meeting.place.as_deref(),
            theme: meeting.theme.as_deref(),
        };
        if meeting.date.date >= site.config.today {
            upcoming.push(summary);
        } else {
            past.push(summary);
        }
    }
    past.reverse();
    EntryGovernance {
        document: f.document.as_deref(),
        action_plan: f.action_plan.as_deref(),
        meeting,
        calendar: Some(format!("{}{ICS_FILE}", e.path))
            .filter(|file| site.routes.get(file) == Some(Route::Calendar(id))),
        meetings_upcoming: upcoming,
        meetings_past: past,
    }
}

/// A row of the review page.
#[derive(Debug, Serialize)]
pub struct ReviewRow<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub doc_type: Option<&'a str>,
    pub owner: Option<&'a str>,
    /// `review_by` or `valid_until`.
    pub field: &'static str,
    pub date: String,
    /// Days from today; negative when passed.
    pub days: i64,
    pub status: ReviewStatus,
}

/// `review` on the page "Dokument att se över".
#[derive(Debug, Serialize)]
pub struct ReviewView<'a> {
    pub today: String,
    pub warn_days: i64,
    pub overdue: Vec<ReviewRow<'a>>,
    pub due_soon: Vec<ReviewRow<'a>>,
    pub later: Vec<ReviewRow<'a>>,
    /// Governing documents (with a `document:` block) that have no review or validity date.
    pub without_date: Vec<LinkView<'a>>,
}

pub fn review<'a>(site: &'a Site, derived: &'a Derived) -> ReviewView<'a> {
    let mut view = ReviewView {
        today: site.config.today.to_string(),
        warn_days: site.config.review.warn_days,
        overdue: Vec::new(),
        due_soon: Vec::new(),
        later: Vec::new(),
        without_date: Vec::new(),
    };
    for item in review_items(site) {
        let e = &site.entries[item.entry];
        let doc = e.source.front.document.as_ref();
        let row = ReviewRow {
            title: e.title(),
            path: &e.path,
            doc_type: doc.and_then(|d| d.doc_type.as_deref()),
            owner: doc.and_then(|d| d.owner.as_deref()),
            field: item.field,
            date: item.date.to_string(),
            days: item.days,
            status: item.status,
        };
        match item.status {
            ReviewStatus::Overdue => view.overdue.push(row),
            ReviewStatus::DueSoon => view.due_soon.push(row),
            ReviewStatus::Later => view.later.push(row),
        }
    }
    view.without_date = (0..site.entries.len())
        .filter(|id| {
            site.entries[*id]
                .source
                .front
                .document
                .as_ref()
                .is_some_and(|d| d.review_by.is_none() && d.valid_until.is_none())
        })
        .map(|id| link(site, derived, id))
        .collect();
    view
}

/// `matrix` on the matrix page: focus areas (rows) × committees (columns).
#[derive(Debug, Serialize)]
pub struct MatrixView<'a> {
    pub committees: Vec<LinkView<'a>>,
    /// Committee names, in column order.
    pub committee_names: Vec<&'a str>,
    pub rows: Vec<MatrixRow<'a>>,
    /// Site path of the CSV export.
    pub csv: &'a str,
    /// The matrix's section and the sections above it, from the start page down (for
    /// breadcrumbs: start page › section › matrix).
    pub ancestors: Vec<LinkView<'a>>,
    /// The sidebar's `<li>` items, with the matrix marked current.
    pub nav_html: String,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow<'a> {
    pub number: u32,
    pub name: &'a str,
    pub path: &'a str,
    /// One cell per committee column; `None` where the committee's plan lacks the area.
    pub cells: Vec<Option<MatrixCell>>,
}

#[derive(Debug, Serialize)]
pub struct MatrixCell {
    pub positions: usize,
    pub activities: usize,
    /// Site path of the list: the focus area's page, at the committee's part.
    pub path: String,
}

pub fn matrix<'a>(site: &'a Site, derived: &'a Derived) -> MatrixView<'a> {
    let m = &site.matrix;
    let rows = m
        .focus_areas
        .iter()
        .map(|a| {
            let mut cells: Vec<Option<MatrixCell>> =
                (0..m.committees.len()).map(|_| None).collect();
            for (ci, plan, ai) in &a.cells {
                let Some(p) = &site.entries[*plan].source.front.action_plan else {
                    continue;
                };
                let fa = &p.focus_areas[*ai];
                cells[*ci] = Some(MatrixCell {
                    positions: fa.positions.len(),
                    activities: fa.activities.len(),
                    path: format!("{}#{}", a.path, slugify(&m.committees[*ci].0)),
                });
            }
            MatrixRow {
                number: a.number,
                name: &a.name,
                path: &a.path,
                cells,
            }
        })
        .collect();
    MatrixView {
        committees: m
            .committees
            .iter()
            .map(|(_, id)| link(site, derived, *id))
            .collect(),
        committee_names: m.committees.iter().map(|(c, _)| c.as_str()).collect(),
        rows,
        csv: site.routes.file_of(Route::Csv).unwrap_or_default(),
        ancestors: matrix_ancestors(site, derived),
        nav_html: String::new(),
    }
}

/// The matrix's section and the sections above it, from the start page down.
fn matrix_ancestors<'a>(site: &'a Site, derived: &'a Derived) -> Vec<LinkView<'a>> {
    let parent = site.matrix.parent;
    let mut ids = site.ancestors(parent);
    ids.push(parent);
    ids.into_iter().map(|id| link(site, derived, id)).collect()
}

/// `focus_area` on a focus area's page: every committee's positions and activities.
#[derive(Debug, Serialize)]
pub struct FocusAreaView<'a> {
    pub number: u32,
    pub name: &'a str,
    pub path: &'a str,
    pub matrix_path: &'a str,
    pub plans: Vec<FocusAreaPlanView<'a>>,
    /// The matrix's section and the sections above it, from the start page down (for
    /// breadcrumbs: start page › section › matrix › focus area).
    pub ancestors: Vec<LinkView<'a>>,
    /// The taxonomy term of the same name, when pages carry it: its page lists them.
    pub term: Option<FocusAreaTerm<'a>>,
    /// The sidebar's `<li>` items.
    pub nav_html: String,
}

/// The taxonomy term page of a focus area.
#[derive(Debug, Serialize)]
pub struct FocusAreaTerm<'a> {
    pub name: &'a str,
    /// Site path of the term's page.
    pub path: &'a str,
    /// How many pages carry the term.
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct FocusAreaPlanView<'a> {
    pub committee: &'a str,
    /// Id of the committee's part on the page.
    pub anchor: String,
    pub plan: LinkView<'a>,
    /// Link to the focus area on the plan's own page, relative to the focus-area page.
    pub plan_href: String,
    pub positions: &'a [String],
    pub activities: &'a [String],
}

pub fn focus_area<'a>(site: &'a Site, derived: &'a Derived, index: usize) -> FocusAreaView<'a> {
    let a = &site.matrix.focus_areas[index];
    let plans = a
        .cells
        .iter()
        .filter_map(|(ci, plan, ai)| {
            let e = &site.entries[*plan];
            let fa = &e.source.front.action_plan.as_ref()?.focus_areas[*ai];
            let committee = site.matrix.committees[*ci].0.as_str();
            Some(FocusAreaPlanView {
                committee,
                anchor: slugify(committee),
                plan: link(site, derived, *plan),
                plan_href: format!(
                    "{}#fokusomrade-{}",
                    relative_href(&a.path, &e.path),
                    a.number
                ),
                positions: &fa.positions,
                activities: &fa.activities,
            })
        })
        .collect();
    FocusAreaView {
        number: a.number,
        name: &a.name,
        path: &a.path,
        matrix_path: &site.config.action_plans.path,
        plans,
        ancestors: matrix_ancestors(site, derived),
        term: a.term.map(|(ti, i)| {
            let term = &site.taxonomies[ti].terms[i];
            FocusAreaTerm {
                name: &term.name,
                path: &term.path,
                count: term.entries.len(),
            }
        }),
        nav_html: String::new(),
    }
}
