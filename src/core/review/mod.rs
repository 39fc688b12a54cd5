//! Review mode: reconciling one municipality's interviews into an assessment.
//!
//! Everything here is pure and works on an [`Assessment`] (plus the sessions
//! read for it, for notes): the review screens and the headless commands
//! drive the same functions. Reading and writing files is
//! `storage::review_files`.
//!
//! - [`open`]: which files make the review (municipality, duplicates,
//!   conflicts, baselines) and the [`ReviewSession`] a screen works on;
//! - [`question`]: rows per interview, spread, decisions, disagreement order;
//! - [`roles`]: what each role's interviews alone would give;
//! - [`agreement`]: Krippendorff's alpha across the interviews;
//! - [`bulk`]: accepting every question where the interviews agree;
//! - [`findings`] and [`priorities`]: curation;
//! - [`suggest`]: suggested groups of findings that say the same thing;
//! - [`refresh`]: sessions changed since, and bringing the assessment up to date;
//! - [`texts`]: the evaluators' summary, area assessments and way forward.
//! - [`undo`]: undo and redo of decisions and curation.
//!
//! [`Assessment`]: crate::core::assessment::Assessment

pub mod agreement;
pub mod bulk;
pub mod findings;
pub mod open;
pub mod priorities;
pub mod question;
pub mod refresh;
pub mod roles;
pub mod suggest;
pub mod texts;
pub mod undo;

pub use open::{Conflict, Inputs, MunicipalityGroup, OpenError, ReviewSession};

use std::fmt;

use super::lang::Lang;
use super::parse::Problem;

/// "1 intervju", "16 interviews".
pub fn interviews(n: usize, lang: Lang) -> String {
    lang.count(n, ["intervju", "intervjuer"], ["interview", "interviews"])
}

/// An operation the review cannot do, with a message for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    UnknownQuestion(String),
    UnknownArea(String),
    NoSuchFinding {
        area: String,
        index: usize,
    },
    NoSuchGroup(usize),
    NoSuchItem(usize),
    /// A text (finding, theme) would be empty.
    EmptyText,
    /// An override needs a reason.
    EmptyReason,
    /// An override must set every dimension; this one (named as the bank
    /// names it, in both languages) is missing.
    MissingValue(Problem),
    /// A value is off the scale or not a half step, naming its dimension.
    BadValue(Problem),
    /// Merging needs at least two different items.
    NeedTwo,
    /// No conflict for this session id, or no such candidate.
    NoSuchConflict(String),
    /// The findings changed since the suggestion was made.
    StaleSuggestion,
}

impl ReviewError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReviewError::UnknownQuestion(id) => {
                format!("{} {id}", lang.pick("Ukjent spørsmål", "Unknown question"))
            }
            ReviewError::UnknownArea(id) => {
                format!("{} {id}", lang.pick("Ukjent område", "Unknown area"))
            }
            ReviewError::NoSuchFinding { area, index } => format!(
                "{} {} {} {area}",
                lang.pick("Ingen funn nr.", "No finding number"),
                index + 1,
                lang.pick("i område", "in area")
            ),
            ReviewError::NoSuchGroup(i) => {
                format!(
                    "{} {}",
                    lang.pick("Ingen prioritetsgruppe nr.", "No priority group number"),
                    i + 1
                )
            }
            ReviewError::NoSuchItem(i) => format!(
                "{} {}",
                lang.pick("Ingen prioritet nr.", "No priority number"),
                i + 1
            ),
            ReviewError::EmptyText => lang
                .pick("Teksten kan ikke være tom", "The text cannot be empty")
                .to_owned(),
            ReviewError::EmptyReason => lang
                .pick(
                    "En overstyring trenger en begrunnelse",
                    "An override needs a reason",
                )
                .to_owned(),
            ReviewError::MissingValue(problem) | ReviewError::BadValue(problem) => {
                problem.message_in(lang).1.to_owned()
            }
            ReviewError::NeedTwo => lang
                .pick(
                    "Velg minst to for å slå sammen",
                    "Choose at least two to merge",
                )
                .to_owned(),
            ReviewError::StaleSuggestion => lang
                .pick(
                    "Funnene er endret siden forslaget ble laget",
                    "The findings have changed since the suggestion was made",
                )
                .to_owned(),
            ReviewError::NoSuchConflict(id) => format!(
                "{} {id}",
                lang.pick(
                    "Ingen konflikt å løse for intervjuet",
                    "No conflict to resolve for session"
                )
            ),
        }
    }
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ReviewError {}
