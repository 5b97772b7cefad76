//! The link graph and what is derived from it: backlinks (every link form counts, each
//! linking page once) and related pages (shared taxonomy terms, not linked either way, so
//! that a page is listed once: among the backlinks when it links here, else as related).

use rayon::prelude::*;

use super::Site;
use crate::markdown::Rendered;

/// What the Markdown stage derives from the site model: each entry's rendered body and
/// the link graph over them. A value of its own, beside the model, which is never changed
/// after [`Site::build`].
#[derive(Debug, Default)]
pub struct Derived {
    /// Each entry's rendered Markdown, by entry index; without its HTML after a plain
    /// build, which hands that over ([`super::Contents`]).
    pub bodies: Vec<Rendered>,
    /// Entries that link to each entry, each once, in title order.
    pub backlinks: Vec<Vec<usize>>,
    /// Entries sharing taxonomy terms with each entry and not linked from it or to it (those
    /// are its backlinks), best first.
    pub related: Vec<Vec<usize>>,
}

impl Derived {
    /// Entry `id`'s summary (its first paragraph) when `wanted`.
    pub fn summary(&self, id: usize, wanted: bool) -> Option<&str> {
        self.bodies[id].summary.as_deref().filter(|_| wanted)
    }
}

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
    /// The backlinks and related pages of every entry, from the rendered links and terms.
    pub(super) fn derive_graph(&self, bodies: Vec<Rendered>) -> Derived {
        let n = self.entries.len();
        let rank = self.titles.ranks();
        let mut backlinks: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (from, body) in bodies.iter().enumerate() {
            for target in body.links.iter().filter_map(|l| l.target) {
                if target != from {
                    backlinks[target].push(from);
                }
            }
        }
        for list in &mut backlinks {
            list.sort_unstable_by_key(|id| rank[*id]);
            list.dedup();
        }
        let site = self;
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
                    .map(|id| {
                        let linked = (&bodies[*id], backlinks[*id].as_slice());
                        site.related_of(linked, *id, rank, &mut scratch)
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        Derived {
            bodies,
            backlinks,
            related,
        }
    }

    /// Entries sharing terms with `id`, most shared terms first, then by title; leaving out
    /// the entry itself, the entries its text already links to and those that link to it
    /// (`linked`: its body and its backlinks).
    fn related_of(
        &self,
        linked: (&Rendered, &[usize]),
        id: usize,
        rank: &[u32],
        scratch: &mut Scratch,
    ) -> Vec<usize> {
        let e = &self.entries[id];
        if e.source.front.terms.is_empty() {
            return Vec::new();
        }
        let (body, backlinks) = linked;
        let linked: Vec<usize> = body
            .links
            .iter()
            .filter_map(|l| l.target)
            .chain(backlinks.iter().copied())
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

impl Derived {
    /// Puts entry `id`'s new rendered body in place and its links into the graph. Returns
    /// the entries whose backlinks changed, and the body it replaced. When its links
    /// changed, its related pages and those of the entries whose backlinks changed are
    /// computed again (a page that links to another is not among its related pages).
    /// Putting the old body back the same way restores the graph as it was.
    pub fn replace_body(
        &mut self,
        site: &Site,
        id: usize,
        body: Rendered,
    ) -> (Vec<usize>, Rendered) {
        // Links within the page itself (`#anchor`) are no backlinks.
        let old_targets: std::collections::HashSet<usize> = self.bodies[id]
            .links
            .iter()
            .filter_map(|l| l.target)
            .filter(|t| *t != id)
            .collect();
        let old = std::mem::replace(&mut self.bodies[id], body);
        let changed = self.relink(site, id, &old_targets);
        if !changed.is_empty() {
            let rank = site.titles.ranks();
            for entry in std::iter::once(id).chain(changed.iter().copied()) {
                self.refresh_related(site, entry, rank);
            }
        }
        (changed, old)
    }

    /// After entry `id`'s text changed: puts its new links into the graph, given the targets
    /// it linked before. Returns the entries whose backlinks changed.
    fn relink(
        &mut self,
        site: &Site,
        id: usize,
        old_targets: &std::collections::HashSet<usize>,
    ) -> Vec<usize> {
        let new_targets: std::collections::HashSet<usize> = self.bodies[id]
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
        let rank = site.titles.rank(id);
        for t in &changed {
            let list = &mut self.backlinks[*t];
            if new_targets.contains(t) {
                let at = list.partition_point(|b| site.titles.rank(*b) < rank);
                list.insert(at, id);
            } else {
                list.retain(|b| *b != id);
            }
        }
        changed
    }

    /// Recomputes the related pages of entry `id` alone, given the entries' title ranks.
    fn refresh_related(&mut self, site: &Site, id: usize, rank: &[u32]) {
        let n = site.entries.len();
        let mut scratch = Scratch {
            shared: vec![0; n],
            touched: Vec::new(),
            linked: vec![false; n],
        };
        let linked = (&self.bodies[id], self.backlinks[id].as_slice());
        self.related[id] = site.related_of(linked, id, rank, &mut scratch);
    }
}
