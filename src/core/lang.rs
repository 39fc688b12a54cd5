//! Interface languages and localized texts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The language messages about files are told in (see [`Lang::of_messages`]):
/// 0 English, 1 bokmål.
static MESSAGES: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// A language of the interface and of bank texts. Norwegian bokmål first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "nb" | "no" | "nn" | "nob" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a `LANG`-style locale string asks for (`nb_NO.UTF-8` -> nb).
    /// Anything that is not Norwegian or English falls back to bokmål.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        let Some(locale) = locale else {
            return Lang::Nb;
        };
        let code = locale.split(['_', '.', '-']).next().unwrap_or("");
        match code {
            "en" => Lang::En,
            _ => Lang::Nb,
        }
    }

    /// Makes `self` the language of messages about files for the rest of
    /// the run. The command line does this once, at the start, as a locale
    /// is set: problems are found deep inside readers that are pure and
    /// shared, and are rendered far from them (`?` into a command's failure,
    /// a line on a screen), so they are told in the run's language without
    /// every reader in between passing it on.
    pub fn use_for_messages(self) {
        let code = match self {
            Lang::En => 0,
            Lang::Nb => 1,
        };
        MESSAGES.store(code, std::sync::atomic::Ordering::Relaxed);
    }

    /// The language of messages about files: English until
    /// [`Lang::use_for_messages`] says otherwise (so tests read English).
    pub fn of_messages() -> Lang {
        match MESSAGES.load(std::sync::atomic::Ordering::Relaxed) {
            1 => Lang::Nb,
            _ => Lang::En,
        }
    }

    /// Picks the Norwegian or the English variant of a fixed interface string.
    pub fn pick<'a>(self, nb: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }

    /// A count with its noun in singular or plural:
    /// `count(1, ["intervju", "intervjuer"], ["interview", "interviews"])` -> "1 intervju".
    pub fn count(self, n: usize, nb: [&str; 2], en: [&str; 2]) -> String {
        let forms = self.pick2(nb, en);
        format!("{n} {}", if n == 1 { forms[0] } else { forms[1] })
    }

    fn pick2<'a>(self, nb: [&'a str; 2], en: [&'a str; 2]) -> [&'a str; 2] {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }
}

/// A text given in several languages: `{"nb": "...", "en": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Localized(
    // A language given twice would otherwise let the last text win unseen.
    #[serde(deserialize_with = "super::parse::unique_map")] pub BTreeMap<String, String>,
);

impl Localized {
    pub fn new(nb: &str, en: &str) -> Localized {
        let mut map = BTreeMap::new();
        map.insert("nb".to_owned(), nb.to_owned());
        map.insert("en".to_owned(), en.to_owned());
        Localized(map)
    }

    /// The text in `lang`, else in bokmål, else in English, else any language.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get("nb"))
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether a non-blank text exists for the language code.
    pub fn has(&self, code: &str) -> bool {
        self.0.get(code).is_some_and(|t| !t.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_language() {
        assert_eq!(Lang::from_locale(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("nb_NO.UTF-8")), Lang::Nb);
        assert_eq!(Lang::from_locale(Some("C")), Lang::Nb);
        assert_eq!(Lang::from_locale(None), Lang::Nb);
        // Windows names its locales with a hyphen.
        assert_eq!(Lang::from_locale(Some("en-US")), Lang::En);
        assert_eq!(Lang::from_locale(Some("nb-NO")), Lang::Nb);
    }

    #[test]
    fn counts_take_singular_or_plural() {
        let forms = (["intervju", "intervjuer"], ["interview", "interviews"]);
        assert_eq!(Lang::Nb.count(1, forms.0, forms.1), "1 intervju");
        assert_eq!(Lang::En.count(16, forms.0, forms.1), "16 interviews");
        assert_eq!(Lang::En.count(0, forms.0, forms.1), "0 interviews");
    }

    #[test]
    fn localized_falls_back() {
        let mut only_en = Localized::default();
        only_en.0.insert("en".into(), "Hello".into());
        assert_eq!(only_en.get(Lang::Nb), "Hello");
        assert_eq!(Localized::new("Hei", "Hello").get(Lang::En), "Hello");
        assert!(!Localized::new(" ", "x").has("nb"));
    }
}
