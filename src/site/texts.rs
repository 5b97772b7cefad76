//! The Markdown text of each entry, beside the model rather than in it.
//!
//! The Markdown stage renders every text; after it, a build needs a text again only where
//! it renders it a second time: a section's print page renders each of its parts at the
//! print page's path. So a build lets go of every other text as soon as the Markdown stage
//! has rendered it (at 100,000 pages the texts are a quarter of a gigabyte), while `serve`
//! keeps every text for its edits.

use rayon::prelude::*;

use super::Site;

/// The Markdown text (after the front matter) of each entry, by entry index.
#[derive(Debug, Default)]
pub struct Texts {
    texts: Vec<Option<String>>,
    /// Which texts outlive the Markdown stage (`None`: all of them).
    kept: Option<Vec<bool>>,
}

impl Texts {
    pub(super) fn new(texts: Vec<String>) -> Texts {
        Texts {
            texts: texts.into_iter().map(Some).collect(),
            kept: None,
        }
    }

    /// Entry `id`'s text. A text let go of after the Markdown stage is an empty text: no
    /// later stage of a build asks for one (a debug build stops there).
    pub fn get(&self, id: usize) -> &str {
        let text = self.texts.get(id).and_then(Option::as_deref);
        debug_assert!(text.is_some(), "the text of entry {id} was let go of");
        text.unwrap_or_default()
    }

    /// Puts `text` in for entry `id` (an edit while serving); returns the text it replaced.
    pub fn replace(&mut self, id: usize, text: String) -> String {
        match self.texts.get_mut(id) {
            Some(slot) => slot.replace(text).unwrap_or_default(),
            None => String::new(),
        }
    }

    /// From now on keeps only the texts that the site's print pages render again: the
    /// others are let go of once [`Texts::render_each`] has rendered them.
    pub fn keep_only_printed(&mut self, site: &Site) {
        let mut printed = vec![false; self.texts.len()];
        for id in 0..site.entries.len() {
            if site.print_path(id).is_some() {
                for part in site.print_entries(id) {
                    printed[part] = true;
                }
            }
        }
        self.kept = Some(printed);
    }

    /// Renders every text in parallel with `render` (entry index, text) and lets go of
    /// each text that is not kept as soon as it is rendered.
    pub(super) fn render_each<R: Send>(
        &mut self,
        render: impl Fn(usize, &str) -> R + Sync + Send,
    ) -> Vec<R> {
        let kept = self.kept.as_deref();
        self.texts
            .par_iter_mut()
            .enumerate()
            .map(|(id, slot)| {
                let rendered = render(id, slot.as_deref().unwrap_or_default());
                if kept.is_some_and(|k| !k.get(id).copied().unwrap_or(true)) {
                    *slot = None;
                }
                rendered
            })
            .collect()
    }
}
