//! The HTML of each entry's body as the rendering stage reads it.
//!
//! Two readers read a body in the rendering stage: its page and its search text. `serve`
//! renders pages again after an edit, so it reads the bodies in place in [`Derived`]. A
//! build reads each of them once: it hands the bodies over, and each is let go of as soon
//! as both readers are done with it, so that the rendered bodies of the whole site (at
//! 100,000 pages a third of a gigabyte) are not all held while the pages and the index are
//! made.

use std::sync::{Arc, Mutex, PoisonError};

use super::Derived;

/// A handed-over body with the number of reads it still has; empty after the last.
type Slot = Mutex<Option<(Arc<String>, u8)>>;

/// Where the rendering stage reads the bodies' HTML.
pub enum Contents<'a> {
    /// In place, as often as wanted.
    Kept(&'a Derived),
    /// Handed over: each body with the number of reads it still has.
    Handed(Vec<Slot>),
}

/// One read of a body's HTML.
pub enum Html<'a> {
    Kept(&'a str),
    Handed(Arc<String>),
}

impl std::ops::Deref for Html<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Html::Kept(html) => html,
            Html::Handed(html) => html,
        }
    }
}

impl<'a> Contents<'a> {
    /// Takes the bodies' HTML out of `derived`, each to be read `reads` times.
    pub fn hand_over(derived: &mut Derived, reads: u8) -> Contents<'static> {
        Contents::Handed(
            derived
                .bodies
                .iter_mut()
                .map(|b| Mutex::new(Some((Arc::new(std::mem::take(&mut b.html)), reads))))
                .collect(),
        )
    }

    /// Entry `id`'s HTML. A handed-over body read more often than it was handed over for
    /// is empty (a debug build stops there).
    pub fn read(&self, id: usize) -> Html<'_> {
        match self {
            Contents::Kept(derived) => Html::Kept(derived.bodies[id].html.as_str()),
            Contents::Handed(bodies) => match Self::count_down(bodies, id) {
                Some(html) => Html::Handed(html),
                None => {
                    debug_assert!(false, "the body of entry {id} was read once too often");
                    Html::Kept("")
                }
            },
        }
    }

    /// Counts a read of entry `id`'s body by a reader that does not need it (a page kept
    /// out of the search index).
    pub fn pass(&self, id: usize) {
        if let Contents::Handed(bodies) = self {
            Self::count_down(bodies, id);
        }
    }

    /// The body, with one read fewer left; the last read takes it out.
    fn count_down(bodies: &[Slot], id: usize) -> Option<Arc<String>> {
        let mut slot = bodies
            .get(id)?
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (html, reads) = slot.as_mut()?;
        let html = Arc::clone(html);
        *reads = reads.saturating_sub(1);
        if *reads == 0 {
            *slot = None;
        }
        Some(html)
    }
}
