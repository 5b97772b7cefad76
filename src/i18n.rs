//! Swedish (the default) and English for editor-facing messages. The texts themselves are
//! in the message catalogue (`crate::messages`), which every diagnostic names its text in;
//! the language is chosen when a diagnostic is shown ([`translate`]).

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// `sv` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "sv" | "sv-se" | "svenska" => Some(Lang::Sv),
            "en" | "en-gb" | "en-us" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The words around a message: (error, warning, hint).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Lang::Sv => ("fel", "varning", "tips"),
            Lang::En => ("error", "warning", "hint"),
        }
    }
}

/// Something shown to people that can be put into a language (a diagnostic: its message
/// and hint). Implemented where the type is, so that this module depends on no other.
pub trait Translate {
    fn translated(&self, lang: Lang) -> Self;
}

/// The diagnostic (or other [`Translate`] value) in `lang`.
pub fn translate<T: Translate>(d: &T, lang: Lang) -> T {
    d.translated(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_name() {
        assert_eq!(Lang::parse("sv-SE"), Some(Lang::Sv));
        assert_eq!(Lang::parse(" English "), Some(Lang::En));
        assert_eq!(Lang::parse("fi"), None);
        assert_eq!(Lang::Sv.labels(), ("fel", "varning", "tips"));
    }
}
