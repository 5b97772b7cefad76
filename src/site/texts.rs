//! The Markdown text of each entry, beside the model rather than in it.
//!
//! The Markdown stage renders every text; after it, a build needs a text again only where
//! it renders it a second time: a section's print page renders each of its parts at the
//! print page's path. So a build keeps those and lets go of the rest (at 100,000 pages the
//! texts are a quarter of a gigabyte), while `serve` keeps every text for its edits.

use super::Site;

/// The Markdown text (after the front matter) of each entry, by entry index.
#[derive(Debug, Default)]
pub struct Texts(Vec<Option<String>>);

impl Texts {
    pub(super) fn new(texts: Vec<String>) -> Texts {
        Texts(texts.into_iter().map(Some).collect())
    }

    /// Entry `id`'s text. A text let go of by [`Texts::keep_printed`] is an empty text: no
    /// stage of a build asks for one (a debug build stops there).
    pub fn get(&self, id: usize) -> &str {
        let text = self.0.get(id).and_then(Option::as_deref);
        debug_assert!(text.is_some(), "the text of entry {id} was let go of");
        text.unwrap_or_default()
    }

    /// Puts `text` in for entry `id` (an edit while serving); returns the text it replaced.
    pub fn replace(&mut self, id: usize, text: String) -> String {
        match self.0.get_mut(id) {
            Some(slot) => slot.replace(text).unwrap_or_default(),
            None => String::new(),
        }
    }

    /// Keeps only the texts that the site's print pages render again; lets go of the rest.
    pub fn keep_printed(&mut self, site: &Site) {
        let mut printed = vec![false; self.0.len()];
        for id in 0..site.entries.len() {
            if site.print_path(id).is_some() {
                for part in site.print_entries(id) {
                    printed[part] = true;
                }
            }
        }
        for (text, printed) in self.0.iter_mut().zip(printed) {
            if !printed {
                *text = None;
            }
        }
    }
}
