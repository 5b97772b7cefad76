//! The link graph and what is derived from it: backlinks (every link form counts, each
//! linking page once) and related pages (shared taxonomy terms, not already linked).

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::Site;
use crate::slug::swedish_sort_key;

/// How many related pages a page lists at most.
pub const RELATED_MAX: usize = 5;

impl Site {
    /// Fills `backlinks` and `related` of every entry from the rendered links and terms.
    pub(super) fn derive_graph(&mut self) {
        let titles: Vec<Vec<u32>> = self
            .entries
            .iter()
            .map(|e| swedish_sort_key(e.title()))
            .collect();
        let mut backlinks: Vec<Vec<usize>> = vec![Vec::new(); self.entries.len()];
        for (from, e) in self.entries.iter().enumerate() {
            for target in e.rendered.links.iter().filter_map(|l| l.target) {
                if target != from {
                    backlinks[target].push(from);
                }
            }
        }
        for list in &mut backlinks {
            list.sort_unstable();
            list.dedup();
            list.sort_by(|a, b| titles[*a].cmp(&titles[*b]).then(a.cmp(b)));
        }
        let related: Vec<Vec<usize>> = (0..self.entries.len())
            .into_par_iter()
            .map(|id| self.related_of(id, &backlinks[id], &titles))
            .collect();
        for ((e, b), r) in self.entries.iter_mut().zip(backlinks).zip(related) {
            e.backlinks = b;
            e.related = r;
        }
    }

    /// Entries sharing terms with `id`, most shared terms first, then by title; leaving out
    /// the entry itself and every entry it links to or is linked from.
    fn related_of(&self, id: usize, backlinks: &[usize], titles: &[Vec<u32>]) -> Vec<usize> {
        let e = &self.entries[id];
        if e.source.front.terms.is_empty() {
            return Vec::new();
        }
        let mut linked: HashSet<usize> = e.rendered.links.iter().filter_map(|l| l.target).collect();
        linked.extend(backlinks.iter().copied());
        linked.insert(id);
        let mut shared: HashMap<usize, u32> = HashMap::new();
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
                for other in term.entries.iter().filter(|o| !linked.contains(o)) {
                    *shared.entry(*other).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, usize)> = shared.into_iter().map(|(o, n)| (n, o)).collect();
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| titles[a.1].cmp(&titles[b.1]))
                .then(a.1.cmp(&b.1))
        });
        ranked
            .into_iter()
            .take(RELATED_MAX)
            .map(|(_, o)| o)
            .collect()
    }
}
