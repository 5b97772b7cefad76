//! The link graph and what is derived from it: backlinks (every link form counts, each
//! linking page once) and related pages (shared taxonomy terms, not already linked).

use rayon::prelude::*;

use super::Site;
use crate::slug::swedish_sort_key;

/// How many related pages a page lists at most.
pub const RELATED_MAX: usize = 5;

/// Terms on more pages than this are left out when looking for related pages: they say
/// little about what a page is about, and counting through them would make the work grow
/// with the square of the site.
pub const RELATED_TERM_MAX: usize = 1000;

/// Per-thread scratch space for counting shared terms without hashing.
struct Scratch {
    shared: Vec<u32>,
    touched: Vec<usize>,
    linked: Vec<bool>,
}

impl Site {
    /// Fills `backlinks` and `related` of every entry from the rendered links and terms.
    pub(super) fn derive_graph(&mut self) {
        let n = self.entries.len();
        let rank = self.title_ranks();
        let mut backlinks: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (from, e) in self.entries.iter().enumerate() {
            for target in e.rendered.links.iter().filter_map(|l| l.target) {
                if target != from {
                    backlinks[target].push(from);
                }
            }
        }
        for list in &mut backlinks {
            list.sort_unstable_by_key(|id| rank[*id]);
            list.dedup();
        }
        let site = &*self;
        // One scratch space (two arrays the size of the site) per chunk of entries, not per
        // rayon job: `map_init` made one for nearly every entry, 310 MB at 10,000 pages.
        let ids: Vec<usize> = (0..n).collect();
        let chunk = (n / (rayon::current_num_threads() * 8)).max(64);
        let related: Vec<Vec<usize>> = ids
            .par_chunks(chunk)
            .flat_map_iter(|ids| {
                let mut scratch = Scratch {
                    shared: vec![0; n],
                    touched: Vec::new(),
                    linked: vec![false; n],
                };
                ids.iter()
                    .map(|id| site.related_of(*id, &rank, &mut scratch))
                    .collect::<Vec<_>>()
            })
            .collect();
        for ((e, b), r) in self.entries.iter_mut().zip(backlinks).zip(related) {
            e.backlinks = b;
            e.related = r;
        }
    }

    /// Entries sharing terms with `id`, most shared terms first, then by title; leaving out
    /// the entry itself and the entries its text already links to.
    fn related_of(&self, id: usize, rank: &[u32], scratch: &mut Scratch) -> Vec<usize> {
        let e = &self.entries[id];
        if e.source.front.terms.is_empty() {
            return Vec::new();
        }
        let linked: Vec<usize> = e
            .rendered
            .links
            .iter()
            .filter_map(|l| l.target)
            .chain(std::iter::once(id))
            .collect();
        for l in &linked {
            scratch.linked[*l] = true;
        }
        for t in &self.taxonomies {
            for name in e
                .source
                .front
                .terms
                .get(&t.config.name)
                .into_iter()
                .flatten()
            {
                let Some(term) = t.term_by_name(name) else {
                    continue;
                };
                if term.entries.len() > RELATED_TERM_MAX {
                    continue;
                }
                for &other in term.entries.iter().filter(|o| !scratch.linked[**o]) {
                    if scratch.shared[other] == 0 {
                        scratch.touched.push(other);
                    }
                    scratch.shared[other] += 1;
                }
            }
        }
        // Most shared first, then title order: one u64 key per candidate.
        let key = |o: usize| (u64::from(u32::MAX - scratch.shared[o]) << 32) | u64::from(rank[o]);
        let mut by_key: Vec<(u64, usize)> = scratch.touched.iter().map(|o| (key(*o), *o)).collect();
        if by_key.len() > RELATED_MAX {
            by_key.select_nth_unstable(RELATED_MAX - 1);
            by_key.truncate(RELATED_MAX);
        }
        by_key.sort_unstable();
        for o in scratch.touched.drain(..) {
            scratch.shared[o] = 0;
        }
        for l in linked {
            scratch.linked[l] = false;
        }
        // A new, small vector: collecting `by_key` in place would keep its capacity (all the
        // candidates) for five entries, 310 MB at 10,000 pages.
        let mut related = Vec::with_capacity(by_key.len());
        related.extend(by_key.iter().map(|(_, o)| *o));
        related
    }
}

impl Site {
    /// After entry `id`'s text changed: puts its new links into the graph, given the targets
    /// it linked before. Returns the entries whose backlinks changed.
    pub fn relink(
        &mut self,
        id: usize,
        old_targets: &std::collections::HashSet<usize>,
    ) -> Vec<usize> {
        let new_targets: std::collections::HashSet<usize> = self.entries[id]
            .rendered
            .links
            .iter()
            .filter_map(|l| l.target)
            .filter(|t| *t != id)
            .collect();
        let mut changed: Vec<usize> = old_targets
            .symmetric_difference(&new_targets)
            .copied()
            .collect();
        changed.sort_unstable();
        let key = swedish_sort_key(self.entries[id].title());
        for t in &changed {
            if new_targets.contains(t) {
                let at = {
                    let list = &self.entries[*t].backlinks;
                    list.partition_point(|b| {
                        (swedish_sort_key(self.entries[*b].title()), *b) < (key.clone(), id)
                    })
                };
                self.entries[*t].backlinks.insert(at, id);
            } else {
                self.entries[*t].backlinks.retain(|b| *b != id);
            }
        }
        changed
    }

    /// Each entry's position in Swedish title order: one sort, then cheap comparisons.
    fn title_ranks(&self) -> Vec<u32> {
        let keys: Vec<Vec<u32>> = self
            .entries
            .par_iter()
            .map(|e| swedish_sort_key(e.title()))
            .collect();
        let mut by_title: Vec<usize> = (0..self.entries.len()).collect();
        by_title.sort_by(|a, b| keys[*a].cmp(&keys[*b]).then(a.cmp(b)));
        let mut rank = vec![0u32; self.entries.len()];
        for (position, id) in by_title.iter().enumerate() {
            rank[*id] = position as u32;
        }
        rank
    }

    /// Recomputes the related pages of entry `id` alone.
    pub fn refresh_related(&mut self, id: usize) {
        let n = self.entries.len();
        let rank = self.title_ranks();
        let mut scratch = Scratch {
            shared: vec![0; n],
            touched: Vec::new(),
            linked: vec![false; n],
        };
        self.entries[id].related = self.related_of(id, &rank, &mut scratch);
    }
}
