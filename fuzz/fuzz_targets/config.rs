//! `handbok.yaml` text (and the same text as a glossary data file).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (config, _glossary) = handbok::fuzzing::config(text);
    if let Ok(c) = config {
        assert!(c.base_url.ends_with('/'));
        assert!(
            c.base_path.starts_with('/') && c.base_path.ends_with('/'),
            "{:?}",
            c.base_path
        );
        assert!(c.review.path.ends_with('/') && c.action_plans.path.ends_with('/'));
    }
});
