//! What the site says about when its pages changed and who changed them: one place that
//! decides between front matter and the git history, for the page footer, the start page's
//! recent changes, the change log and its feed.

use crate::dates::DateValue;
use crate::history::{Change, Commit};

use super::{Entry, Site};

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
        let e = &self.entries[id];
        let f = &e.source.front;
        if let Some(u) = &f.updated {
            return Some(LastChanged {
                when: u.clone(),
                is_change: true,
            });
        }
        if let Some(c) = self.history.last(&e.source.rel) {
            if let Some(t) = c.datetime() {
                return Some(LastChanged {
                    when: DateValue {
                        date: t.date_naive(),
                        iso: c.rfc3339(),
                    },
                    is_change: true,
                });
            }
        }
        f.date.clone().map(|d| LastChanged {
            when: d,
            is_change: false,
        })
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
