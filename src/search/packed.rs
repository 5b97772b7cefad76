//! Every document's counts, held from the moment its text is read until the postings are
//! written, packed into bytes.
//!
//! A document's counts are triples (a word's or stem's number, a section, a weight). Held
//! as `(u32, u32, f32)` they took 12 bytes each, 88 MB at 50,000 pages, beside the bodies
//! still waiting for their pages: the largest part of what the search index adds to a
//! build's peak. Packed, a triple takes about four bytes, each part an LEB128 varint: the
//! number as the difference from the one before (zigzag, so unsorted lists pack too), the
//! section, and the weight as twice its number of 32nds (a field weight times a compound
//! part's share is a whole number of 32nds), so that the first byte of a weight is even. A
//! weight that is no whole number of 32nds below 2^28 (or is `-0.0`) is the byte `1` and
//! its four bytes instead, so packing never changes a value.

/// A weight is written as `32 × weight` when that is a whole number below this.
const WHOLE_BELOW: f32 = (1u32 << 28) as f32;
/// The weight's unit when written as a whole number.
const UNIT: f32 = 32.0;

/// A list of (number, section, weight) triples, in the order they were packed.
#[derive(Default)]
pub(super) struct Triples(Box<[u8]>);

impl Triples {
    /// Packs `items` as they come.
    pub fn pack(items: impl IntoIterator<Item = (u32, u32, f32)>) -> Triples {
        let items = items.into_iter();
        let mut out = Vec::with_capacity(items.size_hint().0 * 4);
        let mut previous = 0u32;
        for (id, section, weight) in items {
            let delta = i64::from(id) - i64::from(previous);
            previous = id;
            varint(&mut out, ((delta << 1) ^ (delta >> 63)) as u64);
            varint(&mut out, u64::from(section));
            let whole = weight * UNIT;
            let compact = (0.0..WHOLE_BELOW).contains(&whole)
                && ((whole as u32) as f32 / UNIT).to_bits() == weight.to_bits();
            if compact {
                varint(&mut out, u64::from(whole as u32) << 1);
            } else {
                out.push(1);
                out.extend_from_slice(&weight.to_le_bytes());
            }
        }
        Triples(out.into_boxed_slice())
    }

    /// At least as many as the list holds (each triple takes three bytes or more).
    pub fn len_at_most(&self) -> usize {
        self.0.len() / 3
    }

    /// The triples from the first.
    pub fn iter(&self) -> Cursor<'_> {
        Cursor {
            bytes: &self.0,
            at: 0,
            previous: 0,
        }
    }
}

/// A place in a [`Triples`] list: an iterator over the triples from there on.
#[derive(Clone)]
pub(super) struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
    previous: u32,
}

impl Cursor<'_> {
    /// The next triple, if its number is below `end`; otherwise the cursor stays where it
    /// is.
    pub fn next_below(&mut self, end: usize) -> Option<(u32, u32, f32)> {
        let before = (self.at, self.previous);
        let triple = self.next()?;
        if (triple.0 as usize) < end {
            Some(triple)
        } else {
            (self.at, self.previous) = before;
            None
        }
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

impl Iterator for Cursor<'_> {
    type Item = (u32, u32, f32);

    fn next(&mut self) -> Option<(u32, u32, f32)> {
        let zigzag = self.varint()?;
        let delta = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
        let id = (i64::from(self.previous) + delta) as u32;
        self.previous = id;
        let section = self.varint()? as u32;
        let weight = match self.bytes.get(self.at) {
            Some(1) => {
                let raw = self.bytes.get(self.at + 1..self.at + 5)?;
                self.at += 5;
                f32::from_le_bytes(raw.try_into().ok()?)
            }
            _ => (self.varint()? >> 1) as f32 / UNIT,
        };
        Some((id, section, weight))
    }
}

/// Appends `value` as an LEB128 varint.
fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triples_come_back_as_they_were_packed_whatever_their_values() {
        let items = [
            (5, 0, 10.0),
            (3, 1, 0.125),
            (3, 70_000, 4.5 * 0.25),
            (u32::MAX, 2, 1e9),
            (0, u32::MAX, 0.1),
            (200_000, 3, f32::MAX),
            (7, 4, 3.0 + 0.5 * 0.125),
            (8, 5, -0.0),
            (9, 6, f32::NAN),
            (10, 7, f32::INFINITY),
            (11, 8, f32::NEG_INFINITY),
            (12, 9, -2.0),
            (13, 10, f32::MIN_POSITIVE / 4.0),
            (14, 11, WHOLE_BELOW / UNIT),
            (15, 12, WHOLE_BELOW / UNIT - 1.0 / UNIT),
        ];
        let packed = Triples::pack(items.iter().copied());
        let back: Vec<(u32, u32, f32)> = packed.iter().collect();
        assert_eq!(back.len(), items.len());
        for (a, b) in items.iter().zip(&back) {
            assert_eq!((a.0, a.1, a.2.to_bits()), (b.0, b.1, b.2.to_bits()));
        }
        assert!(Triples::pack([]).iter().next().is_none());
    }

    #[test]
    fn a_cursor_stops_before_the_first_number_at_or_past_the_end() {
        let packed = Triples::pack([(1, 0, 1.0), (4, 0, 2.0), (9, 1, 3.0)]);
        let mut cursor = packed.iter();
        assert_eq!(cursor.next_below(4), Some((1, 0, 1.0)));
        assert_eq!(cursor.next_below(4), None);
        assert_eq!(cursor.next_below(10), Some((4, 0, 2.0)));
        assert_eq!(cursor.next_below(10), Some((9, 1, 3.0)));
        assert_eq!(cursor.next_below(usize::MAX), None);
    }

    #[test]
    fn small_weights_in_32nds_take_one_byte() {
        let packed = Triples::pack([(1, 0, 1.0), (2, 0, 0.125), (3, 0, 1.5)]);
        assert_eq!(packed.0.len(), 9);
    }
}
