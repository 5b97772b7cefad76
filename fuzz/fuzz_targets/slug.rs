//! Slugs, anchors, sort keys and site paths, with the properties the rest relies on.
#![no_main]

use handbok::internals::{encode_path, normalise, relative_href, root_prefix};
use handbok::internals::{normalise_anchor, slugify, swedish_sort_key};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let slug = slugify(text);
    assert!(
        slug.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
        "{slug:?}"
    );
    assert!(
        !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
        "{slug:?}"
    );
    assert_eq!(slugify(&slug), slug, "slugify is not idempotent");
    let anchor = normalise_anchor(text);
    assert_eq!(
        normalise_anchor(&anchor),
        anchor,
        "normalise_anchor is not idempotent"
    );
    let key = swedish_sort_key(text);
    assert!(key.len() > text.chars().count());

    // Two site paths out of one input: `from|to`.
    let (from, to) = text.split_once('|').unwrap_or((text, ""));
    let _ = relative_href(from, to);
    let _ = root_prefix(from);
    let encoded = encode_path(to);
    assert!(encoded.is_ascii());
    if let Some(n) = normalise(from) {
        assert!(!n.split('/').any(|s| s == ".." || s == "."), "{n:?}");
        assert_eq!(normalise(&n).as_deref(), Some(n.as_str()));
    }
});
