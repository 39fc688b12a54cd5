//! Strict, helpful JSON reading shared by every file format.
//!
//! Every failure becomes a [`Problem`] that knows where it is: a line and
//! column for syntax and type errors, a field path or question id for rules
//! broken by otherwise well-formed content.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use super::lang::Lang;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};

/// One thing wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// A field path (`answers.1.1.1.scores.system`) or an id (`question 1.1.1`).
    pub at: Option<String>,
    /// `at` in bokmål, where it is words rather than a field path
    /// (`spørsmål 1.1.1`); a field path is the same in both languages.
    pub at_nb: Option<Box<str>>,
    /// The message in English.
    pub message: String,
    /// The message in bokmål, where the code that found the problem has it.
    /// (The bokmål texts are boxed to keep a `Problem`, returned in every
    /// `Result` of a reader, small.)
    pub message_nb: Option<Box<str>>,
    /// A warning is reported but does not make the file invalid.
    pub warning: bool,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Problem {
        Problem {
            line: None,
            column: None,
            at: None,
            at_nb: None,
            message: message.into(),
            message_nb: None,
            warning: false,
        }
    }

    /// A problem told in bokmål and in English.
    pub fn in_both(nb: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem {
            message_nb: Some(nb.into().into()),
            ..Problem::new(en)
        }
    }

    pub fn at(at: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            at: Some(at.into()),
            ..Problem::new(message)
        }
    }

    /// A problem at a field path (`interviewees[1].role`, `format`), told
    /// in bokmål and in English.
    pub fn at_in_both(
        at: impl Into<String>,
        nb: impl Into<String>,
        en: impl Into<String>,
    ) -> Problem {
        Problem {
            at: Some(at.into()),
            ..Problem::in_both(nb, en)
        }
    }

    /// The same problem placed under `at` (`baselines "X"`, in bokmål
    /// `at_nb`) in front of the place it had: `baselines "X": areas[0]`.
    pub fn within(mut self, at_nb: &str, at: &str) -> Problem {
        let join = |outer: &str, inner: Option<&str>| match inner {
            Some(inner) => format!("{outer}: {inner}"),
            None => outer.to_owned(),
        };
        let inner_nb = self.at_nb.as_deref().or(self.at.as_deref());
        self.at_nb = Some(join(at_nb, inner_nb).into());
        self.at = Some(join(at, self.at.as_deref()));
        self
    }

    /// The same problem placed at `question 1.1.1` (`spørsmål 1.1.1`).
    pub fn within_question(self, id: &str) -> Problem {
        self.within(&format!("spørsmål {id}"), &format!("question {id}"))
    }

    /// The same problem with `nb` and `en` put in front of its message:
    /// what it is about (`extent: 5 is outside the scale 0-4`).
    pub fn about(mut self, nb: &str, en: &str) -> Problem {
        self.message_nb = self.message_nb.map(|m| format!("{nb}: {m}").into());
        self.message = format!("{en}: {}", self.message);
        self
    }

    /// A message of serde's or of a reader of numbers and dates, in English,
    /// with its bokmål where one is foreseen (else it stays whole in English).
    pub fn foreseen(en: impl Into<String>) -> Problem {
        let en = en.into();
        match in_bokmaal(&en) {
            Some(nb) => Problem::in_both(nb, en),
            None => Problem::new(en),
        }
    }

    pub fn warning(mut self) -> Problem {
        self.warning = true;
        self
    }

    /// `file:line:column: at: message`, leaving out what is unknown, in the
    /// language of messages ([`Lang::of_messages`]).
    pub fn render(&self, file: &str) -> String {
        self.render_in(file, Lang::of_messages())
    }

    /// The message in `lang`, and the language it is in: a line is in one
    /// language, English where no bokmål text exists.
    pub fn message_in(&self, lang: Lang) -> (Lang, &str) {
        match (&self.message_nb, lang) {
            (Some(nb), Lang::Nb) => (Lang::Nb, nb),
            _ => (Lang::En, &self.message),
        }
    }

    /// Where the problem is, in the language [`Problem::message_in`] tells
    /// the message in (so that a line is in one language).
    pub fn place_in(&self, lang: Lang) -> Option<&str> {
        match self.message_in(lang).0 {
            Lang::Nb => self.at_nb.as_deref().or(self.at.as_deref()),
            Lang::En => self.at.as_deref(),
        }
    }

    /// [`Problem::render`] in `lang` (English where the problem has no
    /// bokmål text).
    pub fn render_in(&self, file: &str, lang: Lang) -> String {
        let mut out = String::from(file);
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                out.push_str(&format!(":{column}"));
            }
        }
        out.push_str(": ");
        let (lang, message) = self.message_in(lang);
        if self.warning {
            out.push_str(lang.pick("advarsel: ", "warning: "));
        }
        if let Some(at) = self.place_in(lang) {
            out.push_str(at);
            out.push_str(": ");
        }
        out.push_str(message);
        out
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render("<input>").trim_start_matches("<input>: "))
    }
}

/// The line and column (both 1-based, column in characters) of a byte offset.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Checks UTF-8 first so that invalid bytes are reported at their place.
pub fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        Problem {
            line: Some(line),
            column: Some(column),
            ..Problem::in_both("ugyldig UTF-8", "invalid UTF-8")
        }
    })
}

/// Deserializes strictly, reporting line, column and the field path.
pub fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let text = document(bytes)?;
    // Tracking the field path costs about a third of the time of a parse, so
    // it is paid only when there is an error to explain: the same
    // deserializer, run again, fails at the same place.
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // A syntax error has no meaningful field path (serde_path_to_error says "?").
        let syntax = matches!(
            inner.classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        );
        Problem {
            line: Some(inner.line()).filter(|&l| l > 0),
            column: Some(inner.column()).filter(|&c| c > 0),
            at: (!syntax && path != "." && path != "?" && !path.is_empty()).then_some(path),
            ..describe(&inner)
        }
    })?;
    de.end().map_err(|e| Problem {
        line: Some(e.line()),
        column: Some(e.column()),
        ..Problem::in_both(
            "uventet tekst etter slutten av JSON-dokumentet",
            "unexpected text after the end of the JSON document",
        )
    })?;
    Ok(value)
}

/// The text of a document that could be JSON: valid UTF-8, not empty, and
/// without a byte order mark (which serde_json would call "expected value").
fn document(bytes: &[u8]) -> Result<&str, Problem> {
    let text = utf8(bytes)?;
    if text.trim().is_empty() {
        return Err(Problem::in_both("filen er tom", "the file is empty"));
    }
    if text.starts_with('\u{FEFF}') {
        return Err(Problem {
            line: Some(1),
            column: Some(1),
            ..Problem::in_both(
                "filen begynner med et byte-rekkefølgemerke (BOM); lagre den som UTF-8 uten BOM",
                "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
            )
        });
    }
    Ok(text)
}

/// serde_json's message, without its " at line L column C" (the place is
/// reported separately) and in plainer words where it is terse, in English
/// and, for the messages a person meets when a file is cut off or edited by
/// hand, in bokmål.
fn describe(e: &serde_json::Error) -> Problem {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    if let Some(what) = text.strip_prefix("EOF while parsing ") {
        let what_nb = match what {
            "a string" => "en tekst",
            "a list" => "en liste",
            "an object" => "et objekt",
            "a number" => "et tall",
            _ => "en verdi",
        };
        return Problem::in_both(
            format!("filen slutter midt i {what_nb}; er den kuttet av?"),
            format!("the file ends in the middle of {what}; is it cut off?"),
        );
    }
    let plain = match text {
        "expected value" => Some((
            "forventet en JSON-verdi (en tekst, et tall, et objekt, en liste, true, false eller null)",
            "expected a JSON value (a string, number, object, array, true, false or null)",
        )),
        "trailing comma" => Some((
            "et komma foran `}` eller `]` (JSON tillater ikke det)",
            "a comma before `}` or `]` (JSON allows none there)",
        )),
        "recursion limit exceeded" => Some((
            "nestet for dypt (mer enn 128 nivåer)",
            "nested too deeply (more than 128 levels)",
        )),
        "number out of range" => Some(("tallet er for stort", "the number is too large")),
        "key must be a string" => Some((
            "en nøkkel i et objekt må være en tekst i doble anførselstegn",
            "an object key must be a string in double quotes",
        )),
        "expected `,` or `}`" => Some(("forventet `,` eller `}`", "expected `,` or `}`")),
        "expected `,` or `]`" => Some(("forventet `,` eller `]`", "expected `,` or `]`")),
        "expected `:`" => Some(("forventet `:`", "expected `:`")),
        _ => None,
    };
    if let Some((nb, en)) = plain {
        return Problem::in_both(nb, en);
    }
    if let Some(field) = text.strip_prefix("missing field ") {
        return Problem::in_both(format!("feltet {field} mangler"), text);
    }
    // Rust type names mean nothing to the person who edited the file.
    let en = text
        .replace("expected f64", "expected a number")
        .replace(
            "expected u64",
            "expected a whole number from 0 to 18446744073709551615",
        )
        .replace(
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        );
    Problem::foreseen(en)
}

/// serde's and the number and date readers' messages about a hand-edited
/// value, in bokmål; `None` for one not foreseen here (it is then told in
/// English, whole, rather than half translated).
fn in_bokmaal(en: &str) -> Option<String> {
    let expected = |rest: &str| -> Option<String> {
        let (found, wanted) = rest.split_once(", expected ")?;
        Some(format!(
            "fant {}, forventet {}",
            value_nb(found)?,
            wanted_nb(wanted)?
        ))
    };
    let known = |rest: &str, what: &str| -> Option<String> {
        let (given, rest) = rest.split_once(", ")?;
        let known = match rest {
            "there are no fields" => "her hører ingen felt hjemme".to_owned(),
            _ => match rest.strip_prefix("expected one of ") {
                Some(list) => format!("forventet én av {list}"),
                // serde names two as "`a` or `b`".
                None => format!(
                    "forventet {}",
                    rest.strip_prefix("expected ")?
                        .replace("` or `", "` eller `")
                ),
            },
        };
        Some(format!("{what} {given}; {known}"))
    };
    if let Some(rest) = en.strip_prefix("invalid type: ") {
        return Some(format!("feil type: {}", expected(rest)?));
    }
    if let Some(rest) = en.strip_prefix("invalid value: ") {
        return Some(format!("ugyldig verdi: {}", expected(rest)?));
    }
    if let Some(rest) = en.strip_prefix("invalid length ") {
        let (n, wanted) = rest.split_once(", expected ")?;
        return Some(format!("feil lengde {n}, forventet {}", wanted_nb(wanted)?));
    }
    if let Some(rest) = en.strip_prefix("unknown field ") {
        return known(rest, "ukjent felt");
    }
    if let Some(rest) = en.strip_prefix("unknown variant ") {
        return known(rest, "ukjent verdi");
    }
    if let Some(field) = en.strip_prefix("duplicate field ") {
        return Some(format!("feltet {field} står to ganger"));
    }
    if let Some(key) = en.strip_prefix("duplicate key ") {
        return Some(format!("nøkkelen {key} står to ganger"));
    }
    // crate::core::exact's messages about a number written as text.
    if let Some((quoted, why)) = en.strip_prefix('`').and_then(|r| r.split_once('`')) {
        let why = match why {
            " is not a number" => "er ikke et tall".to_owned(),
            " is out of range" => "er utenfor det som kan leses".to_owned(),
            " is not a fraction such as 1462/3" => "er ikke en brøk som 1462/3".to_owned(),
            ": the denominator must be above 0" => ": nevneren må være over 0".to_owned(),
            _ => format!(
                "er utenfor det som kan leses (høyst {}",
                why.strip_prefix(" is out of range (at most ")?
            ),
        };
        let space = if why.starts_with(':') { "" } else { " " };
        return Some(format!("`{quoted}`{space}{why}"));
    }
    let plain = match en {
        "empty number" => "tallet er tomt",
        "not a finite number" => "ikke et endelig tall",
        // chrono's, about a date and time.
        "input contains invalid characters" => "datoen og tiden har ugyldige tegn",
        "premature end of input" => "datoen og tiden slutter for tidlig",
        "trailing input" => "det står noe etter datoen og tiden",
        "input is out of range" => "datoen eller tiden finnes ikke",
        "input is not enough for unique date and time" => "datoen og tiden er ufullstendig",
        "no possible date and time matching input" => "ingen dato og tid passer",
        _ => return None,
    };
    Some(plain.to_owned())
}

/// serde's name of a value found in a file (`string "x"`, ``integer `5` ``).
fn value_nb(found: &str) -> Option<String> {
    let quoted = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(text) = found.strip_prefix("string ") {
        return Some(format!("teksten {text}"));
    }
    if let Some(n) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return Some(format!("tallet {n}"));
    }
    if let Some(b) = quoted("boolean ") {
        return Some(format!("sannhetsverdien {b}"));
    }
    let plain = match found {
        "unit value" | "null" => "null",
        "sequence" => "en liste",
        "map" => "et objekt",
        _ => return None,
    };
    Some(plain.to_owned())
}

/// What serde, or a reader of Kompass, expected instead.
fn wanted_nb(wanted: &str) -> Option<String> {
    if let Some(max) = wanted.strip_prefix("a whole number from 0 to ") {
        return Some(format!("et helt tall fra 0 til {max}"));
    }
    if wanted.starts_with("struct ") {
        return Some("et objekt".to_owned());
    }
    let plain = match wanted {
        "a number" => "et tall",
        "a string" => "en tekst",
        "a boolean" => "true eller false",
        "a sequence" => "en liste",
        "a map" | "an object" => "et objekt",
        "u8" => "et helt tall fra 0 til 255",
        "u16" => "et helt tall fra 0 til 65535",
        "i32" | "i64" => "et helt tall",
        "a formatted date and time string or a unix timestamp"
        | "an RFC 3339 formatted date and time string" => {
            "en dato og tid som 2026-10-13T09:00:00+02:00"
        }
        _ => return None,
    };
    Some(plain.to_owned())
}

/// The two fields every Kompass file starts with, read before anything else
/// so that a newer file is refused by version rather than by some field.
#[derive(Debug, Deserialize)]
pub struct Header {
    pub format: Option<String>,
    pub format_version: Option<u64>,
}

/// Reads just the header; the rest of the document is skipped (but must be
/// well-formed JSON).
pub fn header(bytes: &[u8]) -> Result<Header, Problem> {
    let text = document(bytes)?;
    // Anything but an object would otherwise be read as a struct from a list
    // ("[0]: invalid type"), which hides that this is no Kompass file at all.
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with('{') {
        let (line, column) = line_column(bytes, start);
        return Err(Problem {
            line: Some(line),
            column: Some(column),
            ..Problem::in_both(
                "ikke en Kompass-fil: forventet et JSON-objekt som begynner med `{` og har feltet \"format\"",
                "not a Kompass file: expected a JSON object starting with `{` and a \"format\" field",
            )
        });
    }
    from_json::<Header>(bytes)
}

/// The `format` of a document that opens with it (`{"format": "..."`, as
/// Kompass writes every file), read from its first bytes alone. It only
/// routes a file to the parser that then reads and checks all of it; `None`
/// means the document opens otherwise and [`header`] must be read.
pub fn leading_format(bytes: &[u8]) -> Option<&str> {
    let mut rest = bytes;
    for token in [&b"{"[..], b"\"format\"", b":", b"\""] {
        let start = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))?;
        rest = rest[start..].strip_prefix(token)?;
    }
    let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
    if rest[end] == b'\\' {
        return None;
    }
    std::str::from_utf8(&rest[..end]).ok()
}

/// Checks the header's `format` and `format_version` against what this build
/// understands.
pub fn check_header(header: &Header, format: &str, supported: u64) -> Result<(), Problem> {
    match header.format.as_deref() {
        Some(f) if f == format => {}
        Some(other) => {
            return Err(Problem {
                at: Some("format".into()),
                ..Problem::in_both(
                    format!("forventet \"{format}\", fant \"{other}\""),
                    format!("expected \"{format}\", found \"{other}\""),
                )
            });
        }
        None => {
            return Err(Problem::at_in_both(
                "format",
                format!("mangler; forventet \"{format}\""),
                format!("missing; expected \"{format}\""),
            ));
        }
    }
    match header.format_version {
        Some(v) if v > supported => Err(Problem {
            at: Some("format_version".into()),
            ..Problem::in_both(
                format!(
                    "filen har format_version {v}, men denne Kompass leser høyst {supported}; oppdater Kompass for å åpne den"
                ),
                format!(
                    "this file has format_version {v}, but this Kompass reads at most {supported}; update Kompass to open it"
                ),
            )
        }),
        Some(0) => Err(Problem::at_in_both(
            "format_version",
            "må være 1 eller høyere",
            "must be 1 or higher",
        )),
        Some(_) => Ok(()),
        None => Err(Problem::at_in_both("format_version", "mangler", "missing")),
    }
}

/// `deserialize_with` for maps that must not repeat a key: plain serde maps
/// would let the last duplicate win silently.
pub fn unique_map<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct UniqueMap<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueMap<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(UniqueMap(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Doc {
        #[serde(deserialize_with = "unique_map")]
        #[allow(dead_code)]
        items: BTreeMap<String, u8>,
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let p = from_json::<Doc>(b"{\n  \"items\": {\"a\": 1,}\n}").unwrap_err();
        assert_eq!(p.line, Some(2));
        assert!(
            p.render("f.json").starts_with("f.json:2:"),
            "{}",
            p.render("f.json")
        );
    }

    #[test]
    fn type_errors_name_the_field() {
        let p = from_json::<Doc>(b"{\"items\": {\"a\": \"x\"}}").unwrap_err();
        assert_eq!(p.at.as_deref(), Some("items.a"));
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let p = from_json::<Doc>(b"{\"items\": {\"a\": 1, \"a\": 2}}").unwrap_err();
        assert!(p.message.contains("duplicate key `a`"), "{p:?}");
        let p = from_json::<Doc>(b"{\"items\": {}, \"items\": {}}").unwrap_err();
        assert!(p.message.contains("duplicate field"), "{p:?}");
    }

    #[test]
    fn invalid_utf8_and_empty_and_deep() {
        let p = from_json::<Doc>(b"{\"items\":\n {\"\xff\": 1}}").unwrap_err();
        assert_eq!((p.line, p.message.as_str()), (Some(2), "invalid UTF-8"));
        assert_eq!(
            from_json::<Doc>(b"  ").unwrap_err().message,
            "the file is empty"
        );
        // 100,000 levels neither overflow the stack nor hang, wherever they are.
        let nest = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let p = from_json::<Doc>(format!("{{\"items\": {nest}}}").as_bytes()).unwrap_err();
        assert!(p.message.contains("expected an object"), "{p:?}");
        let skipped = from_json::<Doc>(format!("{{\"items\": {{}}, \"x\": {nest}}}").as_bytes());
        assert!(skipped.is_ok());
        let p = from_json::<serde_json::Value>(nest.as_bytes()).unwrap_err();
        assert!(p.message.contains("nested too deeply"), "{p:?}");
    }

    #[test]
    fn terse_serde_messages_are_reworded() {
        let p = from_json::<Doc>(b"{\"items\": {\"a\": 1").unwrap_err();
        assert_eq!(
            (p.at.as_deref(), p.message.as_str()),
            (
                None,
                "the file ends in the middle of an object; is it cut off?"
            )
        );
        let p = from_json::<Doc>(b"{\"items\": {\"a\": 1,}}").unwrap_err();
        assert!(p.message.contains("JSON allows none there"), "{p:?}");
        let p = from_json::<Doc>(b"{\"items\": {\"a\": 300}}").unwrap_err();
        assert_eq!(p.at.as_deref(), Some("items.a"));
        assert!(p.message.contains("expected u8"), "{p:?}");
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Numbers {
            f: Option<f64>,
            u: Option<u64>,
        }
        let p = from_json::<Numbers>(br#"{"f": "x"}"#).unwrap_err();
        assert_eq!(p.message, "invalid type: string \"x\", expected a number");
        let p = from_json::<Numbers>(br#"{"u": 99999999999999999999}"#).unwrap_err();
        assert!(
            p.message
                .ends_with("expected a whole number from 0 to 18446744073709551615"),
            "{p:?}"
        );
        let p = from_json::<Numbers>(br#"{"f": 1e400}"#).unwrap_err();
        assert_eq!(p.message, "the number is too large");
    }

    #[test]
    fn values_edited_by_hand_are_explained_in_bokmaal_too() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "lowercase")]
        #[allow(dead_code)]
        enum Kind {
            Strength,
            Weakness,
        }
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Edited {
            f: Option<f64>,
            u: Option<u8>,
            list: Option<Vec<u8>>,
            kind: Option<Kind>,
            at: Option<chrono::DateTime<chrono::FixedOffset>>,
            #[serde(default, with = "crate::core::exact::as_rational::opt")]
            points: Option<crate::core::exact::Exact>,
        }
        let nb = |json: &str| {
            let p = from_json::<Edited>(json.as_bytes()).unwrap_err();
            let (lang, text) = p.message_in(Lang::Nb);
            assert_eq!(lang, Lang::Nb, "{json}: {p:?}");
            (p.at.clone(), text.to_owned())
        };
        for (json, at, expected) in [
            (
                r#"{"f": "x"}"#,
                "f",
                "feil type: fant teksten \"x\", forventet et tall",
            ),
            (
                r#"{"u": 300}"#,
                "u",
                "ugyldig verdi: fant tallet 300, forventet et helt tall fra 0 til 255",
            ),
            (
                r#"{"u": true}"#,
                "u",
                "feil type: fant sannhetsverdien true, forventet et helt tall fra 0 til 255",
            ),
            (
                r#"{"list": {}}"#,
                "list",
                "feil type: fant et objekt, forventet en liste",
            ),
            (
                r#"{"kind": "styrke"}"#,
                "kind",
                "ukjent verdi `styrke`; forventet `strength` eller `weakness`",
            ),
            (
                r#"{"at": "13. okt"}"#,
                "at",
                "datoen og tiden har ugyldige tegn",
            ),
            (
                r#"{"points": "1,2,3"}"#,
                "points",
                "`1,2,3` er ikke et tall",
            ),
            (
                r#"{"points": "1/0"}"#,
                "points",
                "`1/0`: nevneren må være over 0",
            ),
        ] {
            assert_eq!(
                nb(json),
                (Some(at.to_owned()), expected.to_owned()),
                "{json}"
            );
        }
        let (_, text) = nb(r#"{"fields": 1}"#);
        assert!(
            text.starts_with("ukjent felt `fields`; forventet én av `f`, `u`"),
            "{text}"
        );
        let (_, text) = nb(r#"{"f": 1, "f": 2}"#);
        assert_eq!(text, "feltet `f` står to ganger");
    }

    #[test]
    fn a_document_that_is_no_object_is_no_kompass_file() {
        for text in ["[1, 2]", "\n  \"kompass.session\"", "hello", "42"] {
            let p = header(text.as_bytes()).unwrap_err();
            assert!(p.message.starts_with("not a Kompass file"), "{text}: {p:?}");
        }
        let p = header(b"\n\n  [").unwrap_err();
        assert_eq!((p.line, p.column), (Some(3), Some(3)));
        let p = header("\u{FEFF}{}".as_bytes()).unwrap_err();
        assert!(p.message.contains("byte order mark"), "{p:?}");
    }

    #[test]
    fn leading_format_reads_only_a_document_that_opens_with_it() {
        let written = b"{\n  \"format\": \"kompass.session\",\n  \"format_version\": 1}";
        assert_eq!(leading_format(written), Some("kompass.session"));
        assert_eq!(leading_format(b" {\"format\" :\t\"x\""), Some("x"));
        for other in [
            &b"{\"format_version\": 1, \"format\": \"kompass.session\"}"[..],
            b"[\"format\"]",
            b"{\"format\": \"kompass\\u002esession\"}",
            b"{\"format\": 1}",
            b"{\"format\": \"cut off",
            "\u{FEFF}{\"format\": \"kompass.session\"}".as_bytes(),
            b"",
        ] {
            assert_eq!(
                leading_format(other),
                None,
                "{}",
                String::from_utf8_lossy(other)
            );
        }
    }

    #[test]
    fn newer_version_is_refused_by_version() {
        let h = header(br#"{"format": "kompass.session", "format_version": 9, "x": [1]}"#).unwrap();
        let p = check_header(&h, "kompass.session", 1).unwrap_err();
        assert!(p.message.contains("format_version 9") && p.message.contains("at most 1"));
    }
}
