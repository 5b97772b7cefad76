//! A page's Markdown body: parsing, heading ids, lint, link resolution against an in-memory
//! site, glossary marking and anchor checks. The first byte picks the options.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((flags, body)) = data.split_first() else {
        return;
    };
    let body = String::from_utf8_lossy(body);
    let lines = body.matches('\n').count() + 1;
    for d in handbok::fuzzing::markdown(&body, flags & 1 == 1, flags & 2 == 2) {
        // Positions point into the file: the body starts on line 4.
        if let (Some(p), Some(file)) = (d.position, &d.file) {
            if file.ends_with("fuzz.md") && d.message != "no other page links to this page" {
                assert!(p.line >= 4 && p.line < 4 + lines, "{d} outside the body");
                assert!(p.column >= 1, "{d}");
            }
        }
    }
});
