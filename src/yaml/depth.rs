//! How deeply a YAML text nests, found in one linear pass before the real parser sees it.
//!
//! libyaml (under serde_norway) scans the whole text before serde_norway's own limit of 128
//! levels applies, and its scanner does work proportional to the depth for every token:
//! 100,000 `[` take half a minute, a 10 MB text hours. This pass counts the open flow
//! collections (`[`, `{`) and block collections (`- ` items and `key:` mappings, by their
//! indentation) and stops at the first line past [`MAX_DEPTH`]. It skips what is text, not
//! structure: quoted scalars, comments, block scalars (`|`, `>`) and the continuation lines
//! of plain scalars, so brackets in an editor's text never count.

/// Lists and mappings a YAML text may hold inside each other. Handbook texts need a handful;
/// 64 is far above any real file and below serde_norway's own limit of 128.
pub const MAX_DEPTH: usize = 64;

/// The 1-based line of `text` where the nesting first goes past [`MAX_DEPTH`], if it does.
pub fn too_deep(text: &str) -> Option<usize> {
    let mut scan = Scan {
        b: text.as_bytes(),
        i: 0,
        line: 1,
        blocks: Vec::new(),
        flow: 0,
        text_deeper_than: None,
    };
    scan.run().err()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Seq,
    Map,
}

/// Scanning fails with the line where the depth is exceeded.
type Step = Result<(), usize>;

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    /// The open block collections: column and kind, innermost last.
    blocks: Vec<(usize, Kind)>,
    /// Open flow collections.
    flow: usize,
    /// After a block scalar or a plain scalar: following lines indented more than this
    /// column (`-1` for any line) are its text.
    text_deeper_than: Option<isize>,
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

impl Scan<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    /// True when byte `i` is followed by a blank or the end (`- `, `: `, `? `).
    fn blank_after(&self, i: usize) -> bool {
        self.at(i + 1).is_none_or(is_blank)
    }

    fn run(&mut self) -> Step {
        while self.i < self.b.len() {
            let start = self.i;
            let indent = self.b[start..].iter().take_while(|b| **b == b' ').count();
            let rest = &self.b[start + indent..];
            let marker = indent == 0 && (rest.starts_with(b"---") || rest.starts_with(b"..."));
            let is_text = self.text_deeper_than.is_some_and(|col| {
                !marker && (rest.first().is_none_or(|b| *b == b'\n') || indent as isize > col)
            });
            if !is_text {
                self.text_deeper_than = None;
                self.line_content(indent, marker)?;
            }
            self.next_line();
        }
        Ok(())
    }

    /// Moves past the end of the current line.
    fn next_line(&mut self) {
        match memchr::memchr(b'\n', &self.b[self.i..]) {
            Some(n) => {
                self.i += n + 1;
                self.line += 1;
            }
            None => self.i = self.b.len(),
        }
    }

    /// Leaves `i` at the end of the current line (on its `\n`).
    fn skip_to_line_end(&mut self) {
        self.i = memchr::memchr(b'\n', &self.b[self.i..]).map_or(self.b.len(), |n| self.i + n);
    }

    fn line_content(&mut self, indent: usize, marker: bool) -> Step {
        let line_start = self.i;
        self.i += indent;
        if marker {
            // `---` or `...`: a new document, nothing open.
            self.blocks.clear();
            self.i += 3;
        } else if indent == 0 && self.at(self.i) == Some(b'%') {
            return Ok(()); // a directive
        }
        self.node(line_start, !marker)
    }

    /// Reads the nodes from `i` to the end of the line (or further, for quoted scalars and
    /// flow collections spanning lines). `first` is true until something opens on this line.
    fn node(&mut self, line_start: usize, mut first: bool) -> Step {
        loop {
            while self
                .at(self.i)
                .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r'))
            {
                self.i += 1;
            }
            let column = self.i - line_start;
            let Some(b) = self.at(self.i) else {
                return Ok(());
            };
            match b {
                b'\n' | b'#' => return Ok(()),
                b'-' | b'?' if self.blank_after(self.i) => {
                    let kind = if b == b'-' { Kind::Seq } else { Kind::Map };
                    self.open(kind, column, first)?;
                    first = false;
                    self.i += 1;
                }
                b':' if self.blank_after(self.i) => self.i += 1,
                b'&' | b'!' => self.skip_token(),
                b'|' | b'>' => {
                    self.scalar_text_follows();
                    return Ok(());
                }
                b'[' | b'{' => {
                    self.flow_collection()?;
                    return self.after_node(line_start, column, first);
                }
                b'"' | b'\'' => {
                    self.quoted();
                    return self.after_node(line_start, column, first);
                }
                b'*' => {
                    self.skip_token();
                    return self.after_node(line_start, column, first);
                }
                _ => {
                    if !self.plain_is_key() {
                        self.scalar_text_follows();
                        return Ok(());
                    }
                    self.open(Kind::Map, column, first)?;
                    first = false;
                    self.i += 1;
                }
            }
        }
    }

    /// After a quoted scalar, alias or flow collection: a `:` makes it a key.
    fn after_node(&mut self, line_start: usize, column: usize, first: bool) -> Step {
        while self.at(self.i).is_some_and(|b| b == b' ' || b == b'\t') {
            self.i += 1;
        }
        if self.at(self.i) == Some(b':') && self.blank_after(self.i) {
            self.open(Kind::Map, column, first)?;
            self.i += 1;
            return self.node(line_start, false);
        }
        self.skip_to_line_end();
        Ok(())
    }

    /// Opens a block collection at `column`. The first one on a line closes the deeper
    /// ones above it; a list may stand at its parent key's column (`key:\n- item`).
    fn open(&mut self, kind: Kind, column: usize, first: bool) -> Step {
        if first {
            while let Some(&(c, k)) = self.blocks.last() {
                if c > column || (c == column && k == Kind::Seq && kind == Kind::Map) {
                    self.blocks.pop();
                } else {
                    break;
                }
            }
            if self.blocks.last() == Some(&(column, kind)) {
                return Ok(());
            }
        }
        self.blocks.push((column, kind));
        self.check()
    }

    fn check(&self) -> Step {
        if self.blocks.len() + self.flow > MAX_DEPTH {
            Err(self.line)
        } else {
            Ok(())
        }
    }

    /// The lines after this one that are indented deeper than the innermost open block
    /// are the text of the scalar that ends this line.
    fn scalar_text_follows(&mut self) {
        let column = self.blocks.last().map_or(-1, |(c, _)| *c as isize);
        self.text_deeper_than = Some(column);
        self.skip_to_line_end();
    }

    /// An anchor, tag or alias: up to the next blank or flow indicator.
    fn skip_token(&mut self) {
        while self
            .at(self.i)
            .is_some_and(|b| !is_blank(b) && !b"[]{},".contains(&b))
        {
            self.i += 1;
        }
    }

    /// Whether the plain scalar at `i` is a key (`key: value`); leaves `i` on its `:`.
    fn plain_is_key(&mut self) -> bool {
        let start = self.i;
        while let Some(b) = self.at(self.i) {
            match b {
                b'\n' => return false,
                b':' if self.blank_after(self.i) => return true,
                b'#' if self.i > start && is_blank(self.b[self.i - 1]) => return false,
                _ => self.i += 1,
            }
        }
        false
    }

    /// A quoted scalar starting at `i`, perhaps over several lines; leaves `i` after it.
    fn quoted(&mut self) {
        let quote = self.b[self.i];
        self.i += 1;
        while let Some(b) = self.at(self.i) {
            self.i += 1;
            match b {
                b'\n' => self.line += 1,
                b'\\' if quote == b'"' => {
                    if self.at(self.i) == Some(b'\n') {
                        self.line += 1;
                    }
                    self.i += 1;
                }
                b'\'' if quote == b'\'' && self.at(self.i) == Some(b'\'') => self.i += 1,
                _ if b == quote => return,
                _ => {}
            }
        }
    }

    /// A flow collection starting at `i` (`[` or `{`), perhaps over several lines; leaves
    /// `i` after its end.
    fn flow_collection(&mut self) -> Step {
        let mut node_start = true;
        while let Some(b) = self.at(self.i) {
            match b {
                b'[' | b'{' => {
                    self.flow += 1;
                    self.check()?;
                    node_start = true;
                }
                b']' | b'}' => {
                    self.flow = self.flow.saturating_sub(1);
                    node_start = false;
                    if self.flow == 0 {
                        self.i += 1;
                        return Ok(());
                    }
                }
                b',' | b':' => node_start = true,
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                b'#' if self.i > 0 && is_blank(self.b[self.i - 1]) => {
                    self.skip_to_line_end();
                    continue;
                }
                b'"' | b'\'' if node_start => {
                    self.quoted();
                    node_start = false;
                    continue;
                }
                b'&' | b'!' if node_start => {
                    self.skip_token();
                    continue;
                }
                _ => node_start = false,
            }
            self.i += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(text: &str) -> bool {
        too_deep(text).is_none()
    }

    /// `n` mappings inside each other, in block style.
    fn block_maps(n: usize) -> String {
        (0..n)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect()
    }

    #[test]
    fn deep_flow_and_block_nesting_is_found_on_its_line() {
        assert_eq!(
            too_deep(&format!("a: 1\nb: {}", "[".repeat(100_000))),
            Some(2)
        );
        assert_eq!(too_deep(&"{a: ".repeat(100)), Some(1));
        assert_eq!(too_deep(&block_maps(MAX_DEPTH + 1)), Some(MAX_DEPTH + 1));
        assert_eq!(too_deep(&format!("x:\n{}y\n", "- ".repeat(70))), Some(2));
        assert_eq!(
            too_deep(&format!("a:\n  b: [\n{}\n", "[\n".repeat(70))),
            Some(64)
        );
        assert!(depth_ok(&block_maps(MAX_DEPTH)));
        let flow = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(depth_ok(&flow));
        assert!(!depth_ok(&format!("[{flow}]")));
    }

    #[test]
    fn brackets_in_text_do_not_count() {
        let many = "[{".repeat(200);
        for text in [
            format!("title: \"{many}\"\n"),
            format!("title: '{many} it''s'\n"),
            format!("title: a {many}\n"),
            format!("title: a\n  {many}\n  more text\nnext: 1\n"),
            format!("description: |\n  {many}\n\n  - {many}\nnext: 1\n"),
            format!("- >-\n    {many}\n- b\n"),
            format!("# {many}\ntitle: A # {many}\n"),
            format!("list: [\"{many}\", '{many}', x # {many}\n  ]\n"),
            format!("a: \"multi\n  line {many}\"\nb: 1\n"),
            format!("a: !tag \"{many}\"\nb: &x '{many}'\n"),
            format!("url: http://x.se/{many}\n"),
        ] {
            assert!(depth_ok(&text), "{text}");
        }
    }

    #[test]
    fn siblings_and_lists_at_their_key_column_are_not_deeper() {
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&format!(
                "k{i}:\n- a: 1\n  b:\n  - c\n  - d: [1, {{e: f}}]\n"
            ));
        }
        assert!(depth_ok(&text));
        let documents = format!("---\n{}---\n{}", block_maps(40), block_maps(40));
        assert!(depth_ok(&documents));
    }

    #[test]
    fn large_texts_are_scanned_once() {
        // A quadratic scan of these would not end within the test run.
        assert!(too_deep(&"[".repeat(10_000_000)).is_some());
        assert!(depth_ok(&"k: [[1, 2], {a: b}]\n".repeat(200_000)));
    }
}
