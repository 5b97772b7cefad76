//! What the site says about when its pages changed and who changed them: one place that
//! decides between front matter and the git history, for the page footer, the start page's
//! recent changes, the change log and its feed.

use crate::dates::DateValue;
use crate::history::{Change, Commit};

use super::{Entry, Site};

/// The most entries the start page lists as changed last.
pub const RECENT_MAX: usize = 5;

/// What an entry's last change is read from.
enum Last<'a> {
    Updated(&'a DateValue),
    Commit(&'a Commit, chrono::DateTime<chrono::FixedOffset>),
    Date(&'a DateValue),
}

/// When an entry last changed, and whether that is a change (`updated:` or a commit) or only
/// the date it was published (`date:`).
pub struct LastChanged {
    pub when: DateValue,
    pub is_change: bool,
}

impl Site {
    /// When entry `id` last changed: its `updated:`, else the last commit that changed its
    /// file (in the commit's own zone), else its `date:`.
    pub fn last_changed(&self, id: usize) -> Option<LastChanged> {
        Some(match self.last_change(id)? {
            Last::Updated(u) => LastChanged {
                when: u.clone(),
                is_change: true,
            },
            Last::Commit(c, t) => LastChanged {
                when: DateValue {
                    date: t.date_naive(),
                    iso: c.rfc3339(),
                },
                is_change: true,
            },
            Last::Date(d) => LastChanged {
                when: d.clone(),
                is_change: false,
            },
        })
    }

    /// The day of [`Site::last_changed`], without making its text (cheap enough to ask of
    /// every entry).
    fn last_changed_day(&self, id: usize) -> Option<chrono::NaiveDate> {
        Some(match self.last_change(id)? {
            Last::Updated(d) | Last::Date(d) => d.date,
            Last::Commit(_, t) => t.date_naive(),
        })
    }

    /// The entries that changed last (the start page left out), newest first by
    /// [`Site::last_changed`]; then by title, then in the site's order; at most
    /// [`RECENT_MAX`].
    pub(super) fn recent_entries(&self) -> Vec<usize> {
        // Days first: only the entries changed on or after the RECENT_MAX-th newest day can
        // make the list, and only theirs are looked at further.
        let mut days: Vec<(chrono::NaiveDate, usize)> = (0..self.entries.len())
            .filter(|id| *id != self.root)
            .filter_map(|id| Some((self.last_changed_day(id)?, id)))
            .collect();
        if days.len() > RECENT_MAX {
            let nth = RECENT_MAX - 1;
            days.select_nth_unstable_by_key(nth, |d| std::cmp::Reverse(d.0));
            let last = days[nth].0;
            days.retain(|d| d.0 >= last);
        }
        days.sort_unstable_by_key(|(day, id)| (std::cmp::Reverse(*day), self.titles.rank(*id)));
        days.into_iter().take(RECENT_MAX).map(|d| d.1).collect()
    }

    /// Where [`Site::last_changed`] comes from: the one place that decides.
    fn last_change(&self, id: usize) -> Option<Last<'_>> {
        let e = &self.entries[id];
        let f = &e.source.front;
        if let Some(u) = &f.updated {
            return Some(Last::Updated(u));
        }
        if let Some(c) = self.history.last(&e.source.rel) {
            if let Some(t) = c.datetime() {
                return Some(Last::Commit(c, t));
            }
        }
        f.date.as_ref().map(Last::Date)
    }

    /// The entry a change of the change log is about today (renames followed), when its
    /// file still exists.
    pub fn change_entry(&self, change: &Change) -> Option<&Entry> {
        let rel = change.current.as_ref()?;
        self.by_source.get(rel).map(|id| &self.entries[*id])
    }

    /// The name a commit is shown with: none with `history: authors: false` (privacy).
    pub fn shown_author<'a>(&self, commit: &'a Commit) -> Option<&'a str> {
        (self.config.history.authors && !commit.author.is_empty()).then_some(commit.author.as_str())
    }
}
