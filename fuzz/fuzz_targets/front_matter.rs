//! A content file's raw bytes: decoding, front matter splitting and validation (with the
//! `document:`, `action_plan:` and `meeting:` blocks), then the site built around it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for d in handbok::fuzzing::front_matter(data) {
        // Every problem is reported on a line of the file.
        if let Some(p) = d.position {
            assert!(p.line >= 1, "line 0 in {d}");
        }
    }
});
