//! The question bank: areas, sub-areas, questions, roles and the scale.
//!
//! The format (`kompass.bank`, version 1) is documented in `docs/formats.md`
//! and `assets/schema/bank.schema.json`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::exact::{self, Exact, int};
use super::lang::{Lang, Localized};
use super::parse::{self, Problem};

pub const FORMAT: &str = "kompass.bank";
pub const FORMAT_VERSION: u64 = 1;

/// The three scoring dimensions, in the order they are shown and stored.
pub const DIMENSIONS: [Dimension; 3] = [Dimension::System, Dimension::Extent, Dimension::Results];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    System,
    Extent,
    Results,
}

impl Dimension {
    pub fn id(self) -> &'static str {
        match self {
            Dimension::System => "system",
            Dimension::Extent => "extent",
            Dimension::Results => "results",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub value: u32,
    pub text: Localized,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionDef {
    pub id: String,
    pub label: Localized,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub label: Localized,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    pub id: String,
    pub title: Localized,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: Localized,
    #[serde(default)]
    pub probes: Vec<Localized>,
    pub roles: Vec<String>,
    #[serde(default = "one", with = "exact::as_number")]
    pub weight: Exact,
}

fn one() -> Exact {
    int(1)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subarea {
    pub id: String,
    pub title: Localized,
    #[serde(with = "exact::as_number")]
    pub max_points: Exact,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub perspective: String,
    pub title: Localized,
    #[serde(with = "exact::as_number")]
    pub max_points: Exact,
    pub subareas: Vec<Subarea>,
}

/// How sessions made with an older version of this bank are brought to
/// this version: their answers move from old question ids to new ones.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    pub from_version: String,
    /// Old question id -> its id in this version, or `null`: the question
    /// is gone (its answer is kept in the session's `orphaned`). Ids not
    /// listed keep their id.
    #[serde(deserialize_with = "parse::unique_map")]
    pub questions: BTreeMap<String, Option<String>>,
}

/// The bank as written in its file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankFile {
    pub format: String,
    pub format_version: u64,
    pub id: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Localized>,
    pub languages: Vec<String>,
    pub scale: Scale,
    pub dimensions: Vec<DimensionDef>,
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub perspectives: Vec<Perspective>,
    pub areas: Vec<Area>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migrations: Vec<Migration>,
}

/// Where a question sits in the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionPos {
    pub area: usize,
    pub subarea: usize,
    pub question: usize,
}

/// A loaded bank: its content, its exact bytes and their hash, and indexes.
#[derive(Debug, Clone)]
pub struct Bank {
    pub file: BankFile,
    /// The bytes it was loaded from, so `bank show --json` can print them as is.
    pub bytes: Vec<u8>,
    pub sha256: String,
    positions: HashMap<String, QuestionPos>,
    order: Vec<QuestionPos>,
}

/// The bank shipped inside the binary.
pub const BUILTIN: &[u8] = include_bytes!("../../assets/banks/kommunekompasset.json");

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Bank {
    pub fn builtin() -> Bank {
        Bank::parse(BUILTIN.to_vec()).expect("the built-in bank is checked by the tests")
    }

    /// Parses and checks a bank. Any problem that is not a warning refuses it.
    pub fn parse(bytes: Vec<u8>) -> Result<Bank, Vec<Problem>> {
        let bank = Bank::parse_unchecked(bytes).map_err(|p| vec![p])?;
        let problems = bank.check();
        if problems.iter().any(|p| !p.warning) {
            return Err(problems);
        }
        Ok(bank)
    }

    /// Parses the syntax and types only; [`Bank::check`] applies the rules.
    pub fn parse_unchecked(bytes: Vec<u8>) -> Result<Bank, Problem> {
        let header = parse::header(&bytes)?;
        parse::check_header(&header, FORMAT, FORMAT_VERSION)?;
        let file: BankFile = parse::from_json(&bytes)?;
        let mut positions = HashMap::new();
        let mut order = Vec::new();
        for (a, area) in file.areas.iter().enumerate() {
            for (s, sub) in area.subareas.iter().enumerate() {
                for (q, question) in sub.questions.iter().enumerate() {
                    let pos = QuestionPos {
                        area: a,
                        subarea: s,
                        question: q,
                    };
                    positions.entry(question.id.clone()).or_insert(pos);
                    order.push(pos);
                }
            }
        }
        let sha256 = sha256_hex(&bytes);
        Ok(Bank {
            file,
            bytes,
            sha256,
            positions,
            order,
        })
    }

    pub fn id(&self) -> &str {
        &self.file.id
    }

    pub fn version(&self) -> &str {
        &self.file.version
    }

    pub fn areas(&self) -> &[Area] {
        &self.file.areas
    }

    pub fn scale_max(&self) -> u32 {
        self.file.scale.max
    }

    pub fn scale_min(&self) -> u32 {
        self.file.scale.min
    }

    /// The total of all area maxima (800 for the shipped bank).
    pub fn max_points(&self) -> Exact {
        self.file.areas.iter().map(|a| a.max_points).sum()
    }

    pub fn question_count(&self) -> usize {
        self.order.len()
    }

    /// All questions in bank order, with their position.
    pub fn questions(&self) -> impl Iterator<Item = (QuestionPos, &Question)> + '_ {
        self.order.iter().map(|&p| (p, self.at(p)))
    }

    pub fn at(&self, p: QuestionPos) -> &Question {
        &self.file.areas[p.area].subareas[p.subarea].questions[p.question]
    }

    /// An id as a person types it: the number pad's comma (`7,3,1`),
    /// spaces (`7 3 1`) and a trailing point (`7.3.1.`) all mean `7.3.1`.
    pub fn typed_id(text: &str) -> String {
        text.split(|c: char| c == '.' || c == ',' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(".")
    }

    pub fn position(&self, question_id: &str) -> Option<QuestionPos> {
        self.positions.get(question_id).copied()
    }

    pub fn question(&self, question_id: &str) -> Option<&Question> {
        self.position(question_id).map(|p| self.at(p))
    }

    pub fn area_of(&self, p: QuestionPos) -> &Area {
        &self.file.areas[p.area]
    }

    pub fn subarea_of(&self, p: QuestionPos) -> &Subarea {
        &self.file.areas[p.area].subareas[p.subarea]
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.file.roles.iter().find(|r| r.id == id)
    }

    pub fn role_ids(&self) -> Vec<&str> {
        self.file.roles.iter().map(|r| r.id.as_str()).collect()
    }

    pub fn role_label(&self, id: &str, lang: Lang) -> String {
        self.role(id)
            .map_or_else(|| id.to_owned(), |r| r.label.get(lang).to_owned())
    }

    pub fn dimension(&self, d: Dimension) -> Option<&DimensionDef> {
        self.file.dimensions.iter().find(|x| x.id == d.id())
    }

    /// The one-line description of a level (`None` for halves and unknowns).
    pub fn level_text(&self, d: Dimension, value: u32, lang: Lang) -> Option<&str> {
        self.dimension(d)?
            .levels
            .iter()
            .find(|l| l.value == value)
            .map(|l| l.text.get(lang))
    }

    /// The migration this bank declares from an older version of itself.
    pub fn migration_from(&self, version: &str) -> Option<&Migration> {
        self.file
            .migrations
            .iter()
            .find(|m| m.from_version == version)
    }

    /// Whether a question is put to any of the given roles.
    pub fn is_routed(question: &Question, roles: &BTreeSet<String>) -> bool {
        question.roles.iter().any(|r| roles.contains(r))
    }

    /// Every rule a bank must follow; each problem names the id it concerns.
    pub fn check(&self) -> Vec<Problem> {
        check_rules(&self.file)
    }
}

/// Where in a bank a problem is, in bokmål and in English: a field
/// (`scale`, the same in both) or a part (`område 3` / `area 3`).
struct Place {
    nb: String,
    en: String,
}

impl Place {
    fn field(name: &str) -> Place {
        Place {
            nb: name.to_owned(),
            en: name.to_owned(),
        }
    }

    /// `område 3` / `area 3`.
    fn part(nb: &str, en: &str, id: &str) -> Place {
        Place {
            nb: format!("{nb} {id}"),
            en: format!("{en} {id}"),
        }
    }

    /// The same place with more words after it: `spørsmål 1.1.1 probe 2`.
    fn then(&self, nb: &str, en: &str) -> Place {
        Place {
            nb: format!("{} {nb}", self.nb),
            en: format!("{} {en}", self.en),
        }
    }

    fn problem(&self, nb: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem::in_both(nb, en).within(&self.nb, &self.en)
    }
}

fn check_rules(b: &BankFile) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |at: &Place, nb: String, en: String| problems.push(at.problem(nb, en));

    if b.id.trim().is_empty() {
        push(
            &Place::field("id"),
            "bankens id er tom".into(),
            "the bank id is empty".into(),
        );
    }
    if b.version.trim().is_empty() {
        push(
            &Place::field("version"),
            "bankens versjon er tom".into(),
            "the bank version is empty".into(),
        );
    }
    if b.languages.is_empty() {
        push(
            &Place::field("languages"),
            "ingen språk er oppført".into(),
            "no language is listed".into(),
        );
    }
    let langs: Vec<&str> = b.languages.iter().map(String::as_str).collect();
    let texts = |at: &Place, text: &Localized, push: &mut dyn FnMut(&Place, String, String)| {
        for lang in &langs {
            if !text.has(lang) {
                push(
                    at,
                    format!("mangler tekst på «{lang}»"),
                    format!("has no text in \"{lang}\""),
                );
            }
        }
    };

    if b.scale.min >= b.scale.max || b.scale.max > 100 {
        let (min, max) = (b.scale.min, b.scale.max);
        push(
            &Place::field("scale"),
            format!("min {min} og maks {max} gir ingen skala (min < maks <= 100)"),
            format!("min {min} and max {max} do not make a scale (min < max <= 100)"),
        );
    }
    let ids: Vec<&str> = b.dimensions.iter().map(|d| d.id.as_str()).collect();
    if ids != ["system", "extent", "results"] {
        let found = ids.join(", ");
        push(
            &Place::field("dimensions"),
            format!("må være system, extent, results i den rekkefølgen; fant {found}"),
            format!("must be system, extent, results in that order; found {found}"),
        );
    }
    for d in &b.dimensions {
        let at = Place::part("dimensjon", "dimension", &d.id);
        texts(&at, &d.label, &mut push);
        let values: BTreeSet<u32> = d.levels.iter().map(|l| l.value).collect();
        for v in b.scale.min..=b.scale.max.min(100) {
            if !values.contains(&v) {
                push(
                    &at,
                    format!("nivå {v} har ingen beskrivelse"),
                    format!("level {v} has no description"),
                );
            }
        }
        if values.len() != d.levels.len() {
            push(
                &at,
                "et nivå er beskrevet to ganger".into(),
                "a level is described twice".into(),
            );
        }
        for l in &d.levels {
            let v = l.value;
            if v < b.scale.min || v > b.scale.max {
                push(
                    &at,
                    format!("nivå {v} er utenfor skalaen"),
                    format!("level {v} is outside the scale"),
                );
            }
            texts(
                &at.then(&format!("nivå {v}"), &format!("level {v}")),
                &l.text,
                &mut push,
            );
        }
    }

    let mut role_ids = BTreeSet::new();
    for r in &b.roles {
        let at = Place::part("rolle", "role", &r.id);
        if !role_ids.insert(r.id.as_str()) {
            push(&at, "står to ganger".into(), "is listed twice".into());
        }
        texts(&at, &r.label, &mut push);
    }
    if b.roles.is_empty() {
        push(
            &Place::field("roles"),
            "ingen rolle er oppført".into(),
            "no role is listed".into(),
        );
    }

    let twice = || {
        (
            "id-en er brukt to ganger".to_owned(),
            "id is used twice".to_owned(),
        )
    };
    let mut seen = BTreeSet::new();
    let mut per_role: BTreeMap<&str, usize> = BTreeMap::new();
    for area in &b.areas {
        let a = &area.id;
        let at = Place::part("område", "area", a);
        if !seen.insert(a.clone()) {
            let (nb, en) = twice();
            push(&at, nb, en);
        }
        if a.is_empty() || !a.bytes().all(|c| c.is_ascii_digit()) {
            push(
                &at,
                "id-en til et område er et tall som \"1\"".into(),
                "an area id is a number such as \"1\"".into(),
            );
        }
        if !b.perspectives.is_empty() && !b.perspectives.iter().any(|p| p.id == area.perspective) {
            let perspective = &area.perspective;
            push(
                &at,
                format!("perspektivet «{perspective}» er ikke oppført"),
                format!("perspective \"{perspective}\" is not listed"),
            );
        }
        texts(&at, &area.title, &mut push);
        if area.max_points <= int(0) {
            push(
                &at,
                "max_points må være over 0".into(),
                "max_points must be above 0".into(),
            );
        }
        if area.subareas.is_empty() {
            push(
                &at,
                "har ingen delområder".into(),
                "has no sub-areas".into(),
            );
        }
        let sum: Exact = area.subareas.iter().map(|s| s.max_points).sum();
        if sum != area.max_points {
            let points = |x: Exact, lang| exact::format_points(x, 2, lang);
            push(
                &at,
                format!(
                    "delområdene summerer til {}, men områdets maks er {}",
                    points(sum, Lang::Nb),
                    points(area.max_points, Lang::Nb)
                ),
                format!(
                    "its sub-areas add up to {} but the area max is {}",
                    points(sum, Lang::En),
                    points(area.max_points, Lang::En)
                ),
            );
        }
        for sub in &area.subareas {
            let s = &sub.id;
            let at = Place::part("delområde", "sub-area", s);
            if !seen.insert(s.clone()) {
                let (nb, en) = twice();
                push(&at, nb, en);
            }
            if !nested(s, a) {
                push(
                    &at,
                    format!("id-en må være «{a}.<n>» i område {a}"),
                    format!("id must be \"{a}.<n>\" inside area {a}"),
                );
            }
            texts(&at, &sub.title, &mut push);
            if sub.max_points <= int(0) {
                push(
                    &at,
                    "max_points må være over 0".into(),
                    "max_points must be above 0".into(),
                );
            }
            if sub.questions.is_empty() {
                push(&at, "har ingen spørsmål".into(), "has no questions".into());
            }
            for q in &sub.questions {
                let id = &q.id;
                let at = Place::part("spørsmål", "question", id);
                if !seen.insert(id.clone()) {
                    let (nb, en) = twice();
                    push(&at, nb, en);
                }
                if !nested(id, s) {
                    push(
                        &at,
                        format!("id-en må være «{s}.<n>» i delområde {s}"),
                        format!("id must be \"{s}.<n>\" inside sub-area {s}"),
                    );
                }
                texts(&at, &q.text, &mut push);
                for (i, probe) in q.probes.iter().enumerate() {
                    let n = i + 1;
                    texts(
                        &at.then(&format!("oppfølging {n}"), &format!("probe {n}")),
                        probe,
                        &mut push,
                    );
                }
                if q.weight <= int(0) {
                    push(
                        &at,
                        "vekten må være over 0".into(),
                        "weight must be above 0".into(),
                    );
                }
                if q.roles.is_empty() {
                    push(
                        &at,
                        "stilles til ingen rolle, så ingen intervjuer når det".into(),
                        "is put to no role, so no interview reaches it".into(),
                    );
                }
                for r in &q.roles {
                    if role_ids.contains(r.as_str()) {
                        *per_role.entry(r.as_str()).or_default() += 1;
                    } else {
                        push(
                            &at,
                            format!("rollen «{r}» er ikke oppført under roles"),
                            format!("role \"{r}\" is not listed in roles"),
                        );
                    }
                }
            }
        }
    }
    if b.areas.is_empty() {
        push(
            &Place::field("areas"),
            "ingen område er oppført".into(),
            "no area is listed".into(),
        );
    }
    for r in &b.roles {
        if !per_role.contains_key(r.id.as_str()) {
            push(
                &Place::part("rolle", "role", &r.id),
                "får ingen spørsmål".into(),
                "gets no questions".into(),
            );
        }
    }
    problems.extend(migration_problems(b));
    problems.extend(exact_range_problem(b));
    problems
}

/// A migration comes from an older version, once per version, and moves
/// answers only to questions of this bank, at most one old question to each.
fn migration_problems(b: &BankFile) -> Vec<Problem> {
    let questions: BTreeSet<&str> = b
        .areas
        .iter()
        .flat_map(|a| &a.subareas)
        .flat_map(|s| &s.questions)
        .map(|q| q.id.as_str())
        .collect();
    let mut problems = Vec::new();
    let mut versions = BTreeSet::new();
    for m in &b.migrations {
        let (from, version) = (&m.from_version, &b.version);
        let at = Place::part("overgangen fra", "migration from", from);
        if !versions.insert(from.as_str()) {
            problems.push(at.problem("er oppgitt to ganger", "is declared twice"));
        }
        if compare_versions(from, version) != std::cmp::Ordering::Less {
            problems.push(at.problem(
                format!("{from} er ikke eldre enn bankens versjon {version}"),
                format!("{from} is not older than this bank's version {version}"),
            ));
        }
        let mut targets: BTreeMap<&str, &str> = BTreeMap::new();
        for (old, new) in &m.questions {
            let Some(new) = new else { continue };
            if !questions.contains(new.as_str()) {
                problems.push(at.problem(
                    format!(
                        "spørsmål {old} flyttes til {new}, som ikke er et spørsmål i denne banken"
                    ),
                    format!(
                        "question {old} is moved to {new}, which is not a question of this bank"
                    ),
                ));
            }
            if let Some(first) = targets.insert(new, old) {
                problems.push(at.problem(
                    format!(
                        "spørsmål {first} og {old} flyttes begge til {new}; et svar kan bare ha ett \
                         sett skårer, så flytt det ene og fjern det andre (null)"
                    ),
                    format!(
                        "questions {first} and {old} are both moved to {new}; an answer can take \
                         one set of scores, so move one and remove the other (null)"
                    ),
                ));
            }
        }
    }
    problems
}

/// Orders bank versions such as "2025.1" < "2026.1" < "2026.10": part by
/// part at the dots, numerically where both parts are numbers.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let mut left = a.split('.');
    let mut right = b.split('.');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(x), Ok(y)) => x.cmp(&y),
                    _ => x.cmp(y),
                };
                if order.is_ne() {
                    return order;
                }
            }
        }
    }
}

/// Exact scoring adds fractions whose denominators come from the weights; odd
/// weights such as 1.000000007 in many sub-areas make those denominators
/// outgrow `i128` (a panic, or in a release build a wrong total). A bank is
/// refused unless every sum of points stays far inside: all denominators
/// (question max x quarter-step values / 3 x scale max) divide one common
/// denominator of at most 10^18, and the total max is at most 10^15, so no
/// numerator passes 10^33.
fn exact_range_problem(b: &BankFile) -> Option<Problem> {
    use num_traits::{CheckedDiv, CheckedMul};
    const MAX_DENOMINATOR: i128 = 1_000_000_000_000_000_000;
    const MAX_TOTAL: i128 = 1_000_000_000_000_000;
    // Merged scores are medians of half steps: quarter steps.
    let per_question = 4 * 3 * i128::from(b.scale.max.clamp(1, 100));
    let mut common: i128 = per_question;
    let mut total = int(0);
    for area in &b.areas {
        total += area.max_points;
        for sub in &area.subareas {
            let weights: Exact = sub.questions.iter().map(|q| q.weight).sum();
            let too_fine = || {
                Place::part("delområde", "sub-area", &sub.id).problem(
                    "max_points og vektene har for mange desimaler til å skåres eksakt; \
                     bruk færre (vekter som 1, 1,5 eller 2)",
                    "its max_points and weights have too many decimals to score exactly; \
                     use fewer (weights such as 1, 1.5 or 2)",
                )
            };
            for q in &sub.questions {
                let Some(max) = sub
                    .max_points
                    .checked_mul(&q.weight)
                    .and_then(|m| m.checked_div(&weights))
                else {
                    return Some(too_fine());
                };
                let d = *max.denom();
                match (common / gcd(common, d)).checked_mul(d) {
                    Some(lcm) if lcm <= MAX_DENOMINATOR => common = lcm,
                    _ => return Some(too_fine()),
                }
            }
        }
    }
    (total > int(MAX_TOTAL) || total < int(-MAX_TOTAL)).then(|| {
        Place::field("areas").problem(
            format!("områdenes max_points summerer til mer enn {MAX_TOTAL}"),
            format!("the areas' max_points add up to more than {MAX_TOTAL}"),
        )
    })
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

/// `"1.2"` is nested in `"1"`: the parent id, a dot, then a number.
fn nested(child: &str, parent: &str) -> bool {
    child
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_as_typed_with_comma_space_or_point() {
        for typed in ["7.3.1", "7,3,1", " 7 3 1 ", "7.3.1.", "7,3.1", "7,,3,1"] {
            assert_eq!(Bank::typed_id(typed), "7.3.1", "{typed:?}");
        }
        assert_eq!(Bank::typed_id("7,"), "7");
        assert_eq!(Bank::typed_id(""), "");
        assert!(Bank::builtin().position(&Bank::typed_id("7,3,1")).is_some());
    }

    #[test]
    fn builtin_bank_is_clean_and_complete() {
        let bank = Bank::builtin();
        assert_eq!(bank.check(), vec![]);
        assert_eq!(bank.areas().len(), 8);
        assert_eq!(
            bank.areas().iter().map(|a| a.subareas.len()).sum::<usize>(),
            35
        );
        assert_eq!(bank.question_count(), 75);
        assert_eq!(bank.max_points(), int(800));
        for area in bank.areas() {
            for sub in &area.subareas {
                assert!((2..=3).contains(&sub.questions.len()), "{}", sub.id);
                for q in &sub.questions {
                    assert!((2..=5).contains(&q.probes.len()), "{}", q.id);
                }
            }
        }
        for role in bank.role_ids() {
            let n = bank
                .questions()
                .filter(|(_, q)| q.roles.iter().any(|r| r == role))
                .count();
            assert!(n >= 12, "{role} gets only {n} questions");
        }
        for d in DIMENSIONS {
            for v in 0..=4 {
                assert!(bank.level_text(d, v, Lang::En).is_some());
            }
        }
    }

    #[test]
    fn builtin_subarea_maxima_match_the_domain_reference() {
        let expected = [
            ("1.1", 20),
            ("1.2", 10),
            ("1.3", 30),
            ("1.4", 10),
            ("1.5", 30),
            ("2.1", 15),
            ("2.2", 30),
            ("2.3", 30),
            ("2.4", 25),
            ("3.1", 10),
            ("3.2", 40),
            ("3.3", 30),
            ("3.4", 20),
            ("4.1", 20),
            ("4.2", 20),
            ("4.3", 20),
            ("4.4", 20),
            ("4.5", 20),
            ("5.1", 20),
            ("5.2", 20),
            ("5.3", 20),
            ("5.4", 20),
            ("5.5", 20),
            ("6.1", 20),
            ("6.2", 20),
            ("6.3", 30),
            ("6.4", 30),
            ("7.1", 15),
            ("7.2", 40),
            ("7.3", 25),
            ("7.4", 20),
            ("8.1", 20),
            ("8.2", 30),
            ("8.3", 20),
            ("8.4", 30),
        ];
        let bank = Bank::builtin();
        let actual: Vec<(String, Exact)> = bank
            .areas()
            .iter()
            .flat_map(|a| a.subareas.iter().map(|s| (s.id.clone(), s.max_points)))
            .collect();
        let expected: Vec<(String, Exact)> = expected
            .iter()
            .map(|(id, m)| (id.to_string(), int(*m)))
            .collect();
        assert_eq!(actual, expected);
    }

    fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
        let mut v: serde_json::Value = serde_json::from_slice(BUILTIN).unwrap();
        edit(&mut v);
        let bytes = serde_json::to_vec(&v).unwrap();
        match Bank::parse(bytes) {
            Ok(_) => vec![],
            Err(ps) => ps.iter().map(|p| p.render("bank.json")).collect(),
        }
    }

    #[test]
    fn check_names_each_problem_by_id() {
        let ps = broken(|v| v["areas"][0]["subareas"][0]["max_points"] = 25.into());
        assert!(
            ps.iter()
                .any(|p| p
                    .contains("area 1: its sub-areas add up to 105.00 but the area max is 100.00")),
            "{ps:?}"
        );
        let ps = broken(|v| v["areas"][0]["subareas"][0]["questions"][1]["id"] = "1.1.1".into());
        assert!(
            ps.iter()
                .any(|p| p.contains("question 1.1.1: id is used twice")),
            "{ps:?}"
        );
        let ps = broken(|v| v["areas"][1]["subareas"][0]["questions"][0]["id"] = "1.1.9".into());
        assert!(
            ps.iter()
                .any(|p| p.contains("question 1.1.9: id must be \"2.1.<n>\"")),
            "{ps:?}"
        );
        let ps = broken(|v| {
            v["areas"][0]["subareas"][0]["questions"][0]["roles"] = serde_json::json!([])
        });
        assert!(
            ps.iter()
                .any(|p| p.contains("question 1.1.1: is put to no role")),
            "{ps:?}"
        );
        let ps = broken(|v| v["areas"][0]["subareas"][0]["questions"][0]["text"]["en"] = "".into());
        assert!(
            ps.iter()
                .any(|p| p.contains("question 1.1.1: has no text in \"en\"")),
            "{ps:?}"
        );
        let ps = broken(|v| {
            v["dimensions"][0]["levels"].as_array_mut().unwrap().pop();
        });
        assert!(
            ps.iter()
                .any(|p| p.contains("dimension system: level 4 has no description")),
            "{ps:?}"
        );
        let ps = broken(|v| {
            v["areas"][0]["subareas"][0]["questions"][0]["roles"] =
                serde_json::json!(["mayor", "pope"])
        });
        assert!(
            ps.iter().any(|p| p.contains("role \"pope\" is not listed")),
            "{ps:?}"
        );
    }

    #[test]
    fn migrations_come_from_older_versions_onto_questions_of_the_bank() {
        let ps = broken(|v| {
            v["migrations"] = serde_json::json!([
                {"from_version": "2025.1", "questions": {"1.1.9": "1.1.2", "1.1.2": "1.1.1", "4.4.4": null}},
                {"from_version": "2024.2", "questions": {}}
            ])
        });
        assert_eq!(ps, Vec::<String>::new());
        let ps = broken(|v| {
            v["migrations"] = serde_json::json!([
                {"from_version": "2025.1", "questions": {"1.1.9": "1.1.7", "1.2.9": "1.2", "1.1.8": "2.1.1", "1.1.7": "2.1.1"}},
                {"from_version": "2025.1", "questions": {}},
                {"from_version": "2026.1", "questions": {}},
                {"from_version": "2026.10", "questions": {}}
            ])
        });
        for expected in [
            "migration from 2025.1: question 1.1.9 is moved to 1.1.7, which is not a question of this bank",
            "migration from 2025.1: question 1.2.9 is moved to 1.2, which is not a question of this bank",
            "migration from 2025.1: questions 1.1.7 and 1.1.8 are both moved to 2.1.1",
            "migration from 2025.1: is declared twice",
            "migration from 2026.1: 2026.1 is not older than this bank's version 2026.1",
            "migration from 2026.10: 2026.10 is not older than this bank's version 2026.1",
        ] {
            assert!(
                ps.iter().any(|p| p.contains(expected)),
                "{expected}: {ps:?}"
            );
        }
        let twice = br#"{"from_version": "1", "questions": {"a": null, "a": "1.1.1"}}"#;
        let e = parse::from_json::<Migration>(twice).unwrap_err();
        assert!(e.message.contains("duplicate key `a`"), "{e:?}");
    }

    #[test]
    fn versions_compare_part_by_part() {
        use std::cmp::Ordering::*;
        for (a, b, order) in [
            ("2025.1", "2026.1", Less),
            ("2026.2", "2026.10", Less),
            ("2026.1", "2026.1", Equal),
            ("2026", "2026.1", Less),
            ("2027.1", "2026.9", Greater),
            ("2026.beta", "2026.rc", Less),
        ] {
            assert_eq!(compare_versions(a, b), order, "{a} {b}");
        }
    }

    #[test]
    fn weights_too_fine_to_score_exactly_are_refused() {
        // Found by hand while preparing the fuzz targets: these weights made
        // `kompass score` panic with "attempt to multiply with overflow".
        let odd = [
            1.000000007,
            1.000000009,
            1.000000021,
            1.000000033,
            1.000000087,
        ];
        let ps = broken(|v| {
            let mut i = 0;
            for area in v["areas"].as_array_mut().unwrap() {
                for sub in area["subareas"].as_array_mut().unwrap() {
                    for q in sub["questions"].as_array_mut().unwrap() {
                        q["weight"] = serde_json::json!(odd[i % odd.len()]);
                        i += 1;
                    }
                }
            }
        });
        assert!(
            ps.iter()
                .any(|p| p.contains("too many decimals to score exactly")),
            "{ps:?}"
        );
        let ps = broken(|v| {
            v["areas"][0]["subareas"][0]["questions"][0]["weight"] = serde_json::json!(1.5);
            v["areas"][1]["subareas"][1]["questions"][0]["weight"] = serde_json::json!(0.25);
        });
        assert_eq!(ps, Vec::<String>::new());
    }

    #[test]
    fn weights_found_by_the_fuzzer_are_refused_not_overflowed() {
        // fuzz target bank_weights, with the rule above disabled, found these
        // alternating weights overflowing `kompass score` within seconds.
        let ps = broken(|v| {
            let positions: Vec<QuestionPos> = Bank::builtin().questions().map(|(p, _)| p).collect();
            for (i, p) in positions.iter().enumerate() {
                let w = [0.775040567, 35485.0][i % 2];
                v["areas"][p.area]["subareas"][p.subarea]["questions"][p.question]["weight"] =
                    serde_json::json!(w);
            }
        });
        assert!(
            ps.iter()
                .any(|p| p.contains("too many decimals to score exactly")),
            "{ps:?}"
        );
    }

    #[test]
    fn weights_are_exact_decimals() {
        let ps = broken(|v| {
            v["areas"][0]["subareas"][0]["questions"][0]["weight"] = serde_json::json!(0.1)
        });
        assert_eq!(ps, Vec::<String>::new());
        let ps = broken(|v| {
            v["areas"][0]["subareas"][0]["questions"][0]["weight"] = serde_json::json!(0)
        });
        assert!(
            ps.iter().any(|p| p.contains("weight must be above 0")),
            "{ps:?}"
        );
    }
}
