//! Which files make a review, and the state a review screen works on.
//!
//! `storage::review_files` reads the paths given (files or directories) and
//! sorts what it finds into [`Inputs`]; this module decides the rest, purely:
//!
//! 1. [`select`]: sessions are grouped by municipality (by slug, so "Midtre
//!    Gauldal" and "Midtre gauldal" are one); one review covers one, chosen
//!    by name when there are several ([`OpenError::ChooseMunicipality`] lists
//!    them with counts). An assessment among the files is the existing state.
//! 2. [`resolve`]: copies of one session id with the same content count once,
//!    silently; different contents under one id are a [`Conflict`] for the
//!    reviewer to resolve by picking one. Until then that session is left out.
//! 3. [`assemble`]: the existing assessment as it is (with [`Staleness`]
//!    pointing out sessions changed, vanished or new since), or a fresh
//!    default merge; baselines attached.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::ReviewError;
use super::refresh::{self, RefreshReport, Staleness};
use crate::core::assessment::{Assessment, SourceSession};
use crate::core::bank::Bank;
use crate::core::baseline::Baseline;
use crate::core::lang::Lang;
use crate::core::parse::Problem;
use crate::core::session::Session;
use crate::core::slug::slug;

/// Everything read from the paths of a review, sorted by kind.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub sessions: Vec<SourceSession>,
    pub assessments: Vec<(PathBuf, Assessment)>,
    pub baselines: Vec<(PathBuf, Baseline)>,
    /// Lines to show: files skipped, sessions made with other bank bytes.
    pub warnings: Vec<String>,
    /// Session files that could not be read (cut off, invalid): a review
    /// opens without them and lists them; `merge` and `score` refuse them
    /// unless told to skip them.
    pub bad: Vec<BadFile>,
}

/// A session file that could not be read, and whether a backup of it exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFile {
    pub file: PathBuf,
    /// What is wrong, with the line where known.
    pub problems: Vec<Problem>,
    /// `FILE.bak`, when there is one: the version saved before.
    pub backup: Option<PathBuf>,
}

impl BadFile {
    /// "eksempelvik/X.json linje 12: the file ends …; en sikkerhetskopi
    /// finnes: eksempelvik/X.json.bak".
    pub fn describe(&self, lang: Lang) -> String {
        let mut text = self.file.display().to_string();
        if let Some(line) = self.problems.iter().find_map(|p| p.line) {
            text.push_str(&format!(" {} {line}", lang.pick("linje", "line")));
        }
        if let Some(first) = self.problems.first() {
            text.push_str(": ");
            if let Some(at) = first.place_in(lang) {
                text.push_str(&format!("{at}: "));
            }
            text.push_str(first.message_in(lang).1);
        }
        if let Some(backup) = &self.backup {
            text.push_str(&format!(
                "; {}: {}",
                lang.pick("en sikkerhetskopi finnes", "a backup exists"),
                backup.display()
            ));
        }
        text
    }
}

impl BadFile {
    /// The problems as every command prints them (`FILE:LINE:COLUMN: …`),
    /// then where the backup is, if there is one.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let file = self.file.display().to_string();
        let mut lines: Vec<String> = self
            .problems
            .iter()
            .map(|p| p.render_in(&file, lang))
            .collect();
        if let Some(backup) = &self.backup {
            lines.push(format!(
                "{file}: {}: {}",
                lang.pick("en sikkerhetskopi finnes", "a backup exists"),
                backup.display()
            ));
        }
        lines
    }
}

/// The overview's line for the files left out: "1 fil kunne ikke leses:
/// eksempelvik/X.json linje 12: …; en sikkerhetskopi finnes: ….bak", or
/// `None` when every file was read.
pub fn bad_files_line(bad: &[BadFile], lang: Lang) -> Option<String> {
    if bad.is_empty() {
        return None;
    }
    let what = match (lang, bad.len()) {
        (Lang::Nb, 1) => "1 fil kunne ikke leses".to_owned(),
        (Lang::Nb, n) => format!("{n} filer kunne ikke leses"),
        (Lang::En, 1) => "1 file could not be read".to_owned(),
        (Lang::En, n) => format!("{n} files could not be read"),
    };
    let files: Vec<String> = bad.iter().map(|b| b.describe(lang)).collect();
    Some(format!("{what}: {}", files.join(" · ")))
}

/// One municipality found among the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityGroup {
    /// The spelling most sessions use.
    pub name: String,
    pub slug: String,
    /// Distinct session ids.
    pub sessions: usize,
}

/// Why a review cannot be opened. [`OpenError::lines`] gives the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Files that cannot be read or are invalid, one line each, naming the file.
    Files(Vec<String>),
    /// Neither sessions nor an assessment among the paths.
    Empty,
    /// Several municipalities and none chosen.
    ChooseMunicipality(Vec<MunicipalityGroup>),
    UnknownMunicipality {
        given: String,
        available: Vec<MunicipalityGroup>,
    },
    TwoAssessments(PathBuf, PathBuf),
    /// Two different baselines carry one name.
    BaselineClash {
        name: String,
        first: PathBuf,
        second: PathBuf,
    },
    /// The assessment file belongs to another municipality.
    OtherMunicipality {
        path: PathBuf,
        found: String,
        expected: String,
    },
}

fn listing(groups: &[MunicipalityGroup], lang: Lang) -> String {
    groups
        .iter()
        .map(|g| format!("{} ({})", g.name, super::interviews(g.sessions, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "the paths hold interviews of 2 municipalities: A (1 interview), B (3
/// interviews)": the start of a refusal that each command ends with the way
/// out it offers (`review` and `merge` --municipality, `score`
/// --by-municipality).
pub fn several_municipalities(groups: &[MunicipalityGroup], lang: Lang) -> String {
    format!(
        "{} {} {}: {}",
        lang.pick("stiene har intervjuer fra", "the paths hold interviews of"),
        groups.len(),
        lang.pick("kommuner", "municipalities"),
        listing(groups, lang)
    )
}

impl OpenError {
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let one = |nb: String, en: String| vec![if lang == Lang::Nb { nb } else { en }];
        match self {
            OpenError::Files(lines) => lines.clone(),
            OpenError::Empty => one(
                "fant verken intervjuer eller en vurdering i stiene som ble gitt".into(),
                "found neither interviews nor an assessment in the given paths".into(),
            ),
            OpenError::ChooseMunicipality(groups) => vec![format!(
                "{}; {}",
                several_municipalities(groups, lang),
                lang.pick(
                    "velg én med --municipality",
                    "choose one with --municipality"
                )
            )],
            OpenError::UnknownMunicipality { given, available } => one(
                format!(
                    "ingen intervjuer fra «{given}»; stiene har: {}",
                    listing(available, Lang::Nb)
                ),
                format!(
                    "no interviews of \"{given}\"; the paths hold: {}",
                    listing(available, Lang::En)
                ),
            ),
            OpenError::TwoAssessments(a, b) => one(
                format!(
                    "to vurderinger av samme kommune: {} og {}; gi bare én",
                    a.display(),
                    b.display()
                ),
                format!(
                    "two assessments of one municipality: {} and {}; give only one",
                    a.display(),
                    b.display()
                ),
            ),
            OpenError::BaselineClash {
                name,
                first,
                second,
            } => one(
                format!(
                    "to ulike sammenligningsgrunnlag heter «{name}»: {} og {}",
                    first.display(),
                    second.display()
                ),
                format!(
                    "two different baselines are named \"{name}\": {} and {}",
                    first.display(),
                    second.display()
                ),
            ),
            OpenError::OtherMunicipality {
                path,
                found,
                expected,
            } => one(
                format!(
                    "{}: vurderingen gjelder {found}, ikke {expected}",
                    path.display()
                ),
                format!(
                    "{}: the assessment is of {found}, not {expected}",
                    path.display()
                ),
            ),
        }
    }
}

/// The municipalities among the inputs, by name.
pub fn municipalities(inputs: &Inputs) -> Vec<MunicipalityGroup> {
    let mut spellings: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut ids: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for s in &inputs.sessions {
        let key = slug(&s.session.municipality);
        *spellings
            .entry(key.clone())
            .or_default()
            .entry(s.session.municipality.trim())
            .or_default() += 1;
        ids.entry(key).or_default().insert(&s.session.id);
    }
    for (_, a) in &inputs.assessments {
        spellings
            .entry(slug(&a.municipality))
            .or_default()
            .entry(a.municipality.trim())
            .or_default();
    }
    let mut groups: Vec<MunicipalityGroup> = spellings
        .into_iter()
        .map(|(key, names)| {
            let name = names
                .iter()
                .max_by_key(|(name, n)| (**n, std::cmp::Reverse(*name)))
                .map(|(name, _)| (*name).to_owned())
                .unwrap_or_default();
            MunicipalityGroup {
                name,
                sessions: ids.get(&key).map_or(0, BTreeSet::len),
                slug: key,
            }
        })
        .collect();
    groups.sort_by_key(|g| g.name.to_lowercase());
    groups
}

/// The sessions of every municipality among the inputs, in the order of
/// [`municipalities`] and matched by slug as [`select`] matches them, each
/// in the order read: one read of a national year, scored municipality by
/// municipality. A municipality found only in an assessment comes with no
/// sessions.
pub fn by_municipality(inputs: Inputs) -> Vec<(MunicipalityGroup, Vec<SourceSession>)> {
    let groups = municipalities(&inputs);
    let place: BTreeMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.slug.as_str(), i))
        .collect();
    let mut sessions: Vec<Vec<SourceSession>> = vec![Vec::new(); groups.len()];
    for s in inputs.sessions {
        // Every session's slug is among the groups: they were made from them.
        let i = place[slug(&s.session.municipality).as_str()];
        sessions[i].push(s);
    }
    groups.into_iter().zip(sessions).collect()
}

/// The inputs of one municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub municipality: MunicipalityGroup,
    /// Every session of the municipality read, copies included.
    pub sessions: Vec<SourceSession>,
    /// The assessment of the municipality found among the paths, if any.
    pub assessment: Option<(PathBuf, Assessment)>,
    /// Every baseline found among the paths or given with `--baseline`.
    pub baselines: Vec<(PathBuf, Baseline)>,
    pub warnings: Vec<String>,
    /// Session files that could not be read, of any municipality.
    pub bad: Vec<BadFile>,
}

/// Picks the municipality to review: the one named (matched by slug), else
/// the only one there is.
pub fn select(inputs: Inputs, wanted: Option<&str>) -> Result<Selection, OpenError> {
    let groups = municipalities(&inputs);
    let chosen = match wanted {
        Some(name) => groups
            .iter()
            .find(|g| g.slug == slug(name))
            .cloned()
            .ok_or_else(|| OpenError::UnknownMunicipality {
                given: name.to_owned(),
                available: groups.clone(),
            })?,
        None => match groups.as_slice() {
            [] => return Err(OpenError::Empty),
            [one] => one.clone(),
            _ => return Err(OpenError::ChooseMunicipality(groups)),
        },
    };
    let mut assessments = inputs
        .assessments
        .into_iter()
        .filter(|(_, a)| slug(&a.municipality) == chosen.slug);
    let assessment = assessments.next();
    if let (Some((first, _)), Some((second, _))) = (&assessment, assessments.next()) {
        return Err(OpenError::TwoAssessments(first.clone(), second));
    }
    Ok(Selection {
        sessions: inputs
            .sessions
            .into_iter()
            .filter(|s| slug(&s.session.municipality) == chosen.slug)
            .collect(),
        municipality: chosen,
        assessment,
        baselines: inputs.baselines,
        warnings: inputs.warnings,
        bad: inputs.bad,
    })
}

/// Different contents under one session id.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: String,
    /// The distinct versions, in the order the files were read.
    pub candidates: Vec<SourceSession>,
    /// The version in use: the one the assessment recorded, or the
    /// reviewer's pick; `None` leaves the session out of the review.
    pub chosen: Option<usize>,
}

impl Conflict {
    /// The candidate saved last, a hint for the reviewer.
    pub fn newest(&self) -> usize {
        (0..self.candidates.len())
            .max_by_key(|&i| self.candidates[i].session.updated_at)
            .unwrap_or(0)
    }

    /// The message naming the session id and every file.
    pub fn describe(&self, lang: Lang) -> String {
        let files: Vec<String> = self
            .candidates
            .iter()
            .map(|c| c.file.display().to_string())
            .collect();
        match lang {
            Lang::Nb => format!(
                "intervjuet {} har ulikt innhold i {}; velg én av dem",
                self.id,
                files.join(" og ")
            ),
            Lang::En => format!(
                "session {} has different contents in {}; keep one of them",
                self.id,
                files.join(" and ")
            ),
        }
    }
}

/// One session per id: identical copies count once (the copy whose hash the
/// assessment recorded, else the first); different contents become a
/// conflict, resolved already when the assessment recorded one of them.
pub fn resolve(
    sessions: Vec<SourceSession>,
    recorded: Option<&Assessment>,
) -> (Vec<SourceSession>, Vec<Conflict>) {
    // The first record of each id, as a search would find it, but found in
    // one step: a review of thousands of sessions searched per session.
    let mut recorded_shas: HashMap<&str, &str> = HashMap::new();
    for r in recorded.map_or(&[][..], |a| &a.sessions[..]) {
        recorded_shas
            .entry(r.id.as_str())
            .or_insert(r.sha256.as_str());
    }
    let recorded_sha = |id: &str| recorded_shas.get(id).copied();
    let mut order: Vec<String> = Vec::new();
    let mut versions: BTreeMap<String, Vec<SourceSession>> = BTreeMap::new();
    for s in sessions {
        let id = s.session.id.clone();
        let list = versions.entry(id.clone()).or_default();
        if list.is_empty() {
            order.push(id.clone());
        }
        match list.iter_mut().find(|v| v.session == s.session) {
            Some(v) if recorded_sha(&id).is_some_and(|r| r.eq_ignore_ascii_case(&s.sha256)) => {
                *v = s
            }
            Some(_) => {}
            None => list.push(s),
        }
    }
    let mut kept = Vec::new();
    let mut conflicts = Vec::new();
    for id in order {
        let mut candidates = versions.remove(&id).unwrap_or_default();
        if candidates.len() == 1 {
            kept.extend(candidates.pop());
            continue;
        }
        let chosen = recorded_sha(&id).and_then(|r| {
            candidates
                .iter()
                .position(|c| c.sha256.eq_ignore_ascii_case(r))
        });
        if let Some(i) = chosen {
            kept.push(candidates[i].clone());
        }
        conflicts.push(Conflict {
            id,
            candidates,
            chosen,
        });
    }
    (kept, conflicts)
}

/// Baselines by name: identical ones count once; two different ones with
/// one name are refused, since a chart could not tell them apart.
pub fn collect_baselines(list: Vec<(PathBuf, Baseline)>) -> Result<Vec<Baseline>, OpenError> {
    let mut out: Vec<(PathBuf, Baseline)> = Vec::new();
    for (path, b) in list {
        match out.iter().find(|(_, o)| o.name == b.name) {
            Some((_, o)) if *o == b => {}
            Some((first, _)) => {
                return Err(OpenError::BaselineClash {
                    name: b.name.clone(),
                    first: first.clone(),
                    second: path,
                });
            }
            None => out.push((path, b)),
        }
    }
    // Averages first, each kind in the order given: a narrow dashboard's
    // legend then shows the national average with its n before earlier
    // evaluations it has no room for (the report orders them itself).
    out.sort_by_key(|(_, b)| b.kind != crate::core::baseline::BaselineKind::Average);
    Ok(out.into_iter().map(|(_, b)| b).collect())
}

/// Attaches baselines to an assessment: a new name is added, a known name
/// with other figures replaces the attached one (the file given now wins)
/// and says so.
pub fn attach_baselines(
    assessment: &mut Assessment,
    baselines: Vec<Baseline>,
    lang: Lang,
) -> Vec<String> {
    let mut notes = Vec::new();
    for b in baselines {
        match assessment.baselines.iter_mut().find(|o| o.name == b.name) {
            Some(o) if *o == b => {}
            Some(o) => {
                notes.push(format!(
                    "{} «{}» {}",
                    lang.pick("Sammenligningsgrunnlaget", "The baseline"),
                    b.name,
                    lang.pick(
                        "er erstattet med filen som ble gitt nå",
                        "was replaced by the file given now"
                    )
                ));
                *o = b;
            }
            None => assessment.baselines.push(b),
        }
    }
    notes
}

/// The state a review screen works on.
#[derive(Debug, Clone)]
pub struct ReviewSession {
    pub assessment: Assessment,
    /// Where the assessment is saved (`<municipality-slug>/assessment.json`).
    pub assessment_path: PathBuf,
    /// The assessment was read from `assessment_path`; false when it was
    /// built now and is not saved yet.
    pub existing: bool,
    /// The sessions read now, one per id (conflicts: the chosen version).
    /// Only read, never written: they give the notes beside the scores.
    pub sessions: Vec<SourceSession>,
    pub conflicts: Vec<Conflict>,
    /// Sessions changed, vanished or new since the assessment recorded them.
    pub stale: Staleness,
    pub warnings: Vec<String>,
    /// Session files left out because they could not be read: the overview
    /// lists them ([`bad_files_line`]).
    pub bad_files: Vec<BadFile>,
}

/// What a [`ReviewSession::reload`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReloadReport {
    /// What the refresh did; `None` when the sessions read were the ones
    /// the assessment records (or were gone already).
    pub refreshed: Option<RefreshReport>,
    /// Files listed as unreadable that were read now.
    pub readable_again: Vec<PathBuf>,
    /// Files that cannot be read now and were not listed before.
    pub unreadable: Vec<PathBuf>,
}

impl ReloadReport {
    /// Nothing changed: the assessment was up to date with the files.
    pub fn is_empty(&self) -> bool {
        self.refreshed.is_none() && self.readable_again.is_empty() && self.unreadable.is_empty()
    }
}

/// Builds the review state from a selection: `existing` is the assessment
/// read from `assessment_path`, if there is one (the one among the paths,
/// else the one in the data directory). An existing assessment is taken as
/// it is, with [`ReviewSession::stale`] saying what changed since;
/// [`ReviewSession::refresh`] brings it up to date.
pub fn assemble(
    bank: &Bank,
    selection: Selection,
    assessment_path: PathBuf,
    existing: Option<Assessment>,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<ReviewSession, OpenError> {
    let group = selection.municipality;
    if let Some(a) = existing
        .as_ref()
        .filter(|a| slug(&a.municipality) != group.slug)
    {
        return Err(OpenError::OtherMunicipality {
            path: assessment_path,
            found: a.municipality.clone(),
            expected: group.name,
        });
    }
    let (sessions, conflicts) = resolve(selection.sessions, existing.as_ref());
    let baselines = collect_baselines(selection.baselines)?;
    let is_existing = existing.is_some();
    let mut assessment = existing.unwrap_or_else(|| {
        let mut a = Assessment::build(bank, &sessions, now);
        a.municipality = group.name.clone();
        a
    });
    // The files left out come first among the notes the screen shows.
    let mut warnings: Vec<String> = bad_files_line(&selection.bad, lang).into_iter().collect();
    warnings.extend(selection.warnings);
    warnings.extend(attach_baselines(&mut assessment, baselines, lang));
    let stale = refresh::staleness(&assessment, &refresh::hashes(&sessions));
    Ok(ReviewSession {
        assessment,
        assessment_path,
        existing: is_existing,
        sessions,
        conflicts,
        stale,
        warnings,
        bad_files: selection.bad,
    })
}

impl ReviewSession {
    /// Conflicts the reviewer has not resolved: those sessions are left out.
    pub fn unresolved(&self) -> impl Iterator<Item = &Conflict> {
        self.conflicts.iter().filter(|c| c.chosen.is_none())
    }

    /// Picks the version of a conflicting session to use. The assessment
    /// takes it in at the next [`ReviewSession::refresh`] (it shows as
    /// changed or new in [`ReviewSession::stale`] until then).
    pub fn resolve_conflict(&mut self, id: &str, candidate: usize) -> Result<(), ReviewError> {
        let conflict = self
            .conflicts
            .iter_mut()
            .find(|c| c.id == id)
            .filter(|c| candidate < c.candidates.len())
            .ok_or_else(|| ReviewError::NoSuchConflict(id.to_owned()))?;
        conflict.chosen = Some(candidate);
        let chosen = conflict.candidates[candidate].clone();
        match self.sessions.iter_mut().find(|s| s.session.id == id) {
            Some(s) => *s = chosen,
            None => self.sessions.push(chosen),
        }
        self.stale = refresh::staleness(&self.assessment, &refresh::hashes(&self.sessions));
        Ok(())
    }

    /// Brings the assessment up to date with the sessions read (see
    /// [`refresh::refresh`]): decisions and curation are kept.
    pub fn refresh(&mut self, bank: &Bank) -> RefreshReport {
        let report = refresh::refresh(&mut self.assessment, bank, &self.sessions);
        self.stale = refresh::staleness(&self.assessment, &refresh::hashes(&self.sessions));
        report
    }

    /// Takes in the files read again (Ctrl-R), as [`select`] sorted them
    /// for this municipality: the sessions as they are now (a file fixed
    /// since comes in, one cut off since is left out, its recorded scores
    /// kept), the list of files that cannot be read, and the reader's notes.
    /// Conflicts are resolved again, the reviewer's picks kept; then the
    /// assessment is brought up to date when anything changed. The
    /// assessment and its baselines are the ones on screen, not those read.
    pub fn reload(&mut self, bank: &Bank, selection: Selection, lang: Lang) -> ReloadReport {
        let was_bad: BTreeSet<&PathBuf> = self.bad_files.iter().map(|b| &b.file).collect();
        let is_bad: BTreeSet<&PathBuf> = selection.bad.iter().map(|b| &b.file).collect();
        let readable_again = was_bad.difference(&is_bad).map(|f| (*f).clone()).collect();
        let unreadable = is_bad.difference(&was_bad).map(|f| (*f).clone()).collect();
        let old_line = bad_files_line(&self.bad_files, lang);
        self.warnings.retain(|w| Some(w) != old_line.as_ref());
        for w in selection.warnings {
            if !self.warnings.contains(&w) {
                self.warnings.push(w);
            }
        }
        if let Some(line) = bad_files_line(&selection.bad, lang) {
            self.warnings.insert(0, line);
        }
        self.bad_files = selection.bad;

        // A pick the reviewer made is recorded (the screen refreshes on it),
        // so resolving against the assessment keeps it.
        let (sessions, conflicts) = resolve(selection.sessions, Some(&self.assessment));
        self.sessions = sessions;
        self.conflicts = conflicts;
        let vanished_before = std::mem::take(&mut self.stale.vanished);
        self.stale = refresh::staleness(&self.assessment, &refresh::hashes(&self.sessions));
        // Sessions that were gone already change nothing in a refresh: the
        // reviewer's undo history is kept then.
        let news = !self.stale.changed.is_empty()
            || !self.stale.new.is_empty()
            || self.stale.vanished != vanished_before;
        ReloadReport {
            refreshed: news.then(|| self.refresh(bank)),
            readable_again,
            unreadable,
        }
    }

    /// Takes a session out on the reviewer's word (see [`refresh::remove_session`]).
    pub fn remove_session(&mut self, id: &str) -> bool {
        let removed = refresh::remove_session(&mut self.assessment, id);
        self.sessions.retain(|s| s.session.id != id);
        self.stale = refresh::staleness(&self.assessment, &refresh::hashes(&self.sessions));
        removed
    }

    /// The session file as read now, for its notes.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions
            .iter()
            .map(|s| &s.session)
            .find(|s| s.id == id)
    }
}

/// What an assessment holds that a fresh default merge would not write:
/// decisions and curation. `kompass merge` refuses to overwrite it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewerWork {
    pub decisions: usize,
    pub curated_findings: bool,
    pub grouped_priorities: bool,
}

impl ReviewerWork {
    pub fn of(existing: &Assessment, fresh: &Assessment) -> ReviewerWork {
        ReviewerWork {
            decisions: existing
                .questions
                .values()
                .filter(|q| q.is_decided())
                .count(),
            curated_findings: existing.findings != fresh.findings || !existing.dropped.is_empty(),
            grouped_priorities: existing.priorities != fresh.priorities,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == ReviewerWork::default()
    }

    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if self.decisions > 0 {
            parts.push(lang.count(
                self.decisions,
                ["avgjørelse", "avgjørelser"],
                ["decision", "decisions"],
            ));
        }
        if self.curated_findings {
            parts.push(lang.pick("bearbeidede funn", "curated findings").to_owned());
        }
        if self.grouped_priorities {
            parts.push(
                lang.pick("ordnede prioriteringer", "arranged priorities")
                    .to_owned(),
            );
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::tests::source;
    use crate::core::baseline::BaselineKind;
    use crate::core::exact::int;
    use crate::core::session::tests::sample;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-01T09:00:00+01:00").unwrap()
    }

    fn session(id: &str, municipality: &str) -> Session {
        let mut s = sample(&Bank::builtin());
        s.id = id.into();
        s.municipality = municipality.into();
        s
    }

    fn inputs(sessions: &[(&Session, &str)]) -> Inputs {
        Inputs {
            sessions: sessions.iter().map(|(s, sha)| source(s, sha)).collect(),
            ..Inputs::default()
        }
    }

    #[test]
    fn several_municipalities_ask_which_with_counts() {
        let (a, b, c) = (
            session("A", "Eksempelvik"),
            session("B", "eksempelvik"),
            session("C", "Midtre Gauldal"),
        );
        let e = select(inputs(&[(&a, "a"), (&b, "b"), (&c, "c"), (&a, "a")]), None).unwrap_err();
        assert_eq!(
            e.lines(Lang::En),
            vec![
                "the paths hold interviews of 2 municipalities: Eksempelvik (2 interviews), \
                 Midtre Gauldal (1 interview); choose one with --municipality"
            ]
        );
        let sel = select(
            inputs(&[(&a, "a"), (&b, "b"), (&c, "c")]),
            Some("midtre gauldal"),
        )
        .unwrap();
        assert_eq!(sel.municipality.name, "Midtre Gauldal");
        assert_eq!(sel.sessions.len(), 1);
        let e = select(inputs(&[(&a, "a")]), Some("Oslo")).unwrap_err();
        assert!(
            e.lines(Lang::Nb)[0]
                .starts_with("ingen intervjuer fra «Oslo»; stiene har: Eksempelvik (1")
        );
        assert_eq!(
            select(Inputs::default(), None).unwrap_err(),
            OpenError::Empty
        );
    }

    #[test]
    fn by_municipality_splits_by_slug_in_name_order_keeping_the_read_order() {
        let (a, b, c, d) = (
            session("A", "Nabovik"),
            session("B", "eksempelvik"),
            session("C", "Nabovik"),
            session("D", "Eksempelvik "),
        );
        let mut read = inputs(&[(&a, "a"), (&b, "b"), (&c, "c"), (&d, "d")]);
        let mut other = sample(&Bank::builtin());
        other.municipality = "Ålfjord".into();
        let only_assessed = Assessment::build(&Bank::builtin(), &[source(&other, "o")], now());
        read.assessments
            .push(("x/assessment.json".into(), only_assessed));
        let groups = by_municipality(read.clone());
        assert_eq!(
            groups
                .iter()
                .map(|(g, s)| (
                    g.name.as_str(),
                    g.sessions,
                    s.iter().map(|s| s.session.id.as_str()).collect::<Vec<_>>()
                ))
                .collect::<Vec<_>>(),
            [
                ("Eksempelvik", 2, vec!["B", "D"]),
                ("Nabovik", 2, vec!["A", "C"]),
                ("Ålfjord", 0, vec![]),
            ]
        );
        // The groups are the ones select() offers, with the same sessions.
        assert_eq!(
            groups.iter().map(|(g, _)| g.clone()).collect::<Vec<_>>(),
            municipalities(&read)
        );
        let nabovik = select(read, Some("nabovik")).unwrap().sessions;
        assert_eq!(nabovik, groups[1].1);
        assert!(by_municipality(Inputs::default()).is_empty());
    }

    #[test]
    fn identical_copies_count_once_and_different_contents_conflict() {
        let bank = Bank::builtin();
        let a = session("A", "Eksempelvik");
        let mut a2 = a.clone();
        a2.answers.get_mut("1.1.1").unwrap().scores.system = Some(int(0));
        let b = session("B", "Eksempelvik");
        let mut copy = source(&b, "b");
        copy.file = "/usb/B.json".into();
        let all = vec![source(&a, "a1"), source(&b, "b"), source(&a2, "a2"), copy];
        let (kept, conflicts) = resolve(all.clone(), None);
        assert_eq!(
            kept.iter()
                .map(|s| s.session.id.as_str())
                .collect::<Vec<_>>(),
            ["B"]
        );
        assert_eq!(kept[0].file, PathBuf::from("/data/eksempelvik/B.json"));
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].chosen, None);
        assert_eq!(
            conflicts[0].describe(Lang::En),
            "session A has different contents in /data/eksempelvik/A.json and /data/eksempelvik/A.json; keep one of them"
        );

        // The reviewer picks the second version; after a refresh it counts.
        let sel = select(
            Inputs {
                sessions: all.clone(),
                ..Inputs::default()
            },
            None,
        )
        .unwrap();
        let mut review = assemble(
            &bank,
            sel,
            "x/assessment.json".into(),
            None,
            now(),
            Lang::Nb,
        )
        .unwrap();
        assert_eq!(review.assessment.sessions.len(), 1);
        assert_eq!(review.unresolved().count(), 1);
        review.resolve_conflict("A", 1).unwrap();
        assert_eq!(review.stale.new, vec!["A"]);
        assert_eq!(
            review.resolve_conflict("A", 7),
            Err(ReviewError::NoSuchConflict("A".into()))
        );
        review.refresh(&bank);
        assert!(review.stale.is_empty());
        assert_eq!(
            review.assessment.questions["1.1.1"].interviews["A"].system,
            Some(int(0))
        );

        // Reopened with the saved assessment, the recorded version is chosen already.
        let saved = review.assessment.clone();
        let sel = select(
            Inputs {
                sessions: all,
                ..Inputs::default()
            },
            None,
        )
        .unwrap();
        let review = assemble(
            &bank,
            sel,
            "x/assessment.json".into(),
            Some(saved),
            now(),
            Lang::Nb,
        )
        .unwrap();
        assert_eq!(review.unresolved().count(), 0);
        assert_eq!(review.conflicts[0].chosen, Some(1));
        assert!(review.stale.is_empty());
    }

    #[test]
    fn an_existing_assessment_is_kept_and_staleness_reported() {
        let bank = Bank::builtin();
        let a = session("A", "Eksempelvik");
        let mut existing = Assessment::build(&bank, &[source(&a, "old")], now());
        crate::core::review::question::accept(&mut existing, "1.1.1").unwrap();
        let b = session("B", "Eksempelvik");
        let sel = select(inputs(&[(&a, "new"), (&b, "b")]), None).unwrap();
        let review = assemble(
            &bank,
            sel,
            "p".into(),
            Some(existing.clone()),
            now(),
            Lang::En,
        )
        .unwrap();
        assert!(review.existing);
        assert_eq!(review.assessment.questions, existing.questions);
        assert_eq!(review.stale.changed, vec!["A"]);
        assert_eq!(review.stale.new, vec!["B"]);

        let other = session("C", "Oslo");
        let sel = select(inputs(&[(&other, "c")]), None).unwrap();
        let e = assemble(&bank, sel, "p".into(), Some(existing), now(), Lang::En).unwrap_err();
        assert_eq!(
            e.lines(Lang::En),
            vec!["p: the assessment is of Eksempelvik, not Oslo"]
        );
    }

    #[test]
    fn baselines_by_name() {
        let mut b1 = Baseline::new("Eksempelvik 2022", BaselineKind::Earlier);
        b1.total = Some(int(500));
        let mut b2 = b1.clone();
        b2.total = Some(int(501));
        let list = vec![("x.json".into(), b1.clone()), ("y.json".into(), b1.clone())];
        assert_eq!(collect_baselines(list).unwrap(), vec![b1.clone()]);
        let e = collect_baselines(vec![
            ("x.json".into(), b1.clone()),
            ("y.json".into(), b2.clone()),
        ])
        .unwrap_err();
        assert_eq!(
            e.lines(Lang::En),
            vec!["two different baselines are named \"Eksempelvik 2022\": x.json and y.json"]
        );
        let bank = Bank::builtin();
        let mut a = Assessment::empty(&bank, "Eksempelvik", now());
        assert!(attach_baselines(&mut a, vec![b1.clone()], Lang::En).is_empty());
        let notes = attach_baselines(&mut a, vec![b2.clone()], Lang::En);
        assert_eq!(notes.len(), 1);
        assert_eq!(a.baselines, vec![b2]);
    }

    #[test]
    fn reviewer_work_is_what_a_fresh_merge_would_not_write() {
        let bank = Bank::builtin();
        let a = session("A", "Eksempelvik");
        let fresh = Assessment::build(&bank, &[source(&a, "a")], now());
        assert!(ReviewerWork::of(&fresh, &fresh).is_empty());
        let mut worked = fresh.clone();
        crate::core::review::question::accept(&mut worked, "1.1.1").unwrap();
        worked.findings.get_mut("1").unwrap()[0].best_practice = true;
        let work = ReviewerWork::of(&worked, &fresh);
        assert_eq!(work.describe(Lang::En), "1 decision, curated findings");
    }
}
