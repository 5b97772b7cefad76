//! The HTML of each entry's body as the rendering stage reads it.
//!
//! Two readers read a body in the rendering stage: its page and its search text. `serve`
//! renders pages again after an edit, so it reads the bodies in place in [`Derived`]. A
//! build reads each of them once: the Markdown stage hands each body over as soon as it is
//! rendered, packed, and each is let go of as soon as both readers are done with it, so
//! that the rendered bodies of the whole site (at 100,000 pages a third of a gigabyte) are
//! neither held whole at the end of the Markdown stage nor while the pages and the index
//! are made.
//!
//! Packing is LZ4 (`lz4_flex`): about two thirds of the size on the benchmark corpus, and a
//! body is packed once and unpacked by each reader at several gigabytes a second.

use std::sync::{Arc, Mutex, PoisonError};

use super::Derived;

/// A handed-over body, packed, with the number of reads it still has; empty after the last.
type Slot = Mutex<Option<(Arc<[u8]>, u8)>>;

/// Where the rendering stage reads the bodies' HTML.
pub enum Contents<'a> {
    /// In place, as often as wanted.
    Kept(&'a Derived),
    /// Handed over: each body with the number of reads it still has, and how many reads
    /// each body is handed over for.
    Handed(Vec<Slot>, u8),
}

/// One read of a body's HTML.
pub enum Html<'a> {
    Kept(&'a str),
    Handed(String),
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
    /// Room for the bodies of `entries` entries, each to be handed over by the Markdown
    /// stage ([`Contents::hand_over`]) and read `reads` times.
    pub fn handed(entries: usize, reads: u8) -> Contents<'static> {
        Contents::Handed((0..entries).map(|_| Mutex::new(None)).collect(), reads)
    }

    /// Takes entry `id`'s body out of `html` (which is left empty), packed. Bodies kept in
    /// place are not taken.
    pub fn hand_over(&self, id: usize, html: &mut String) {
        if let Contents::Handed(bodies, reads) = self {
            if let Some(slot) = bodies.get(id) {
                let packed = Arc::from(lz4_flex::compress_prepend_size(html.as_bytes()));
                *html = String::new();
                *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some((packed, *reads));
            }
        }
    }

    /// Entry `id`'s HTML. A handed-over body read more often than it was handed over for
    /// (or never handed over) is empty; a debug build stops there.
    pub fn read(&self, id: usize) -> Html<'_> {
        match self {
            Contents::Kept(derived) => Html::Kept(derived.bodies[id].html.as_str()),
            Contents::Handed(bodies, _) => {
                let unpacked = Self::count_down(bodies, id).and_then(|packed| {
                    let bytes = lz4_flex::decompress_size_prepended(&packed).ok()?;
                    // Checked with SIMD (std's check was 2 % of a build's CPU).
                    simdutf8::basic::from_utf8(&bytes).ok()?;
                    // SAFETY: `bytes` was checked to be UTF-8 on the line above.
                    Some(unsafe { String::from_utf8_unchecked(bytes) })
                });
                debug_assert!(
                    unpacked.is_some(),
                    "the body of entry {id} was not there to read"
                );
                Html::Handed(unpacked.unwrap_or_default())
            }
        }
    }

    /// Counts a read of entry `id`'s body by a reader that does not need it (a page kept
    /// out of the search index).
    pub fn pass(&self, id: usize) {
        if let Contents::Handed(bodies, _) = self {
            Self::count_down(bodies, id);
        }
    }

    /// The packed body, with one read fewer left; the last read takes it out.
    fn count_down(bodies: &[Slot], id: usize) -> Option<Arc<[u8]>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handed_over_body_reads_whole_as_often_as_it_was_handed_over_for() {
        let contents = Contents::handed(3, 2);
        let body = "<p>Åtgärder för ökad trygghet</p>\n".repeat(200);
        let mut html = body.clone();
        contents.hand_over(1, &mut html);
        assert!(html.is_empty(), "the Markdown stage keeps no copy");
        let mut other = "<h2>Mål</h2>".to_string();
        contents.hand_over(2, &mut other);
        contents.pass(2);
        assert_eq!(&*contents.read(2), "<h2>Mål</h2>");
        assert_eq!(&*contents.read(1), body);
        assert_eq!(&*contents.read(1), body);
        let Contents::Handed(slots, _) = &contents else {
            unreachable!("made as handed");
        };
        assert!(
            slots.iter().all(|s| s.lock().is_ok_and(|s| s.is_none())),
            "every body is let go of after its last read"
        );
    }
}
