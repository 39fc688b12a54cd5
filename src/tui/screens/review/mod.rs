//! The review screens' state and its update step.
//!
//! [`Review::update`] takes a message (a key, a paste, a save report, a
//! baseline read by the runtime) and changes the state through the pure
//! review core (`core::review`); it does no I/O. What the runtime must do
//! comes back as [`Effect`]s: save the assessment (off the keystroke's path,
//! by the background saver), read a baseline file, read the review's files
//! again, go to the start screen, quit.
//!
//! The figures that only change when the interviews change (role view,
//! agreement) are computed when the review opens and after a refresh; the
//! scorecard and the disagreement order when a decision changes. Drawing
//! (`review_view`) only reads.

use std::collections::BTreeSet;
use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::core::assessment::Assessment;
use crate::core::bank::Bank;
use crate::core::baseline::Baseline;
use crate::core::exact::{Exact, int};
use crate::core::lang::Lang;
use crate::core::review::agreement::{self, Agreement};
use crate::core::review::open::Selection;
use crate::core::review::question::{self, Disagreement, Filter};
use crate::core::review::refresh::RefreshReport;
use crate::core::review::roles::{self, RoleView};
use crate::core::review::suggest::Suggestion;
use crate::core::review::texts::TextSlot;
use crate::core::review::undo::History;
use crate::core::review::{ReviewError, ReviewSession};
use crate::core::scoring::Scorecard;
use crate::core::session::FindingKind;
use crate::core::text::one_line;
use crate::storage::SaveReport;
use crate::tui::dashboard;
use crate::tui::ui;

mod bindings;
mod overlays;
mod picker;
mod suggestions;
#[cfg(test)]
pub(crate) mod tests;
mod texts;
mod update;
pub mod view;

pub use bindings::*;
pub use picker::*;
pub use suggestions::{BULK, SUGGESTIONS, SuggestionsView};
pub use texts::{TEXT, TextEditors};

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Saved(SaveReport),
    /// A baseline file the runtime read for [`Effect::LoadBaseline`]: the
    /// baseline with the warnings its check gave, or the lines saying why it
    /// was refused (each naming the file, and the field or id). Boxed: a
    /// baseline (with an average's members) is large beside the other
    /// messages.
    Baseline(Result<(Box<Baseline>, Vec<String>), Vec<String>>),
    /// The review's files read again for [`Effect::Reload`], as opening
    /// reads them, or the lines saying why they could not be.
    Reloaded(Result<Box<Selection>, Vec<String>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The assessment changed: hand a copy to the saver.
    Save,
    /// Read this baseline file and answer with [`Msg::Baseline`].
    LoadBaseline(PathBuf),
    /// Read the review's files again (Ctrl-R) and answer with [`Msg::Reloaded`].
    Reload,
    /// Go to the start screen (the interviews of the data directory).
    Start,
    Quit,
}

/// The screens of the review, in the order Tab walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Overview,
    List,
    Question,
    Roles,
    Findings,
    Priorities,
}

pub const VIEWS: [View; 6] = [
    View::Overview,
    View::List,
    View::Question,
    View::Roles,
    View::Findings,
    View::Priorities,
];

impl View {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            View::Overview => lang.pick("Oversikt", "Overview"),
            View::List => lang.pick("Uenighet", "Disagreement"),
            View::Question => lang.pick("Spørsmål", "Question"),
            View::Roles => lang.pick("Roller", "Roles"),
            View::Findings => lang.pick("Funn", "Findings"),
            View::Priorities => lang.pick("Prioriteringer", "Priorities"),
        }
    }

    fn index(self) -> usize {
        VIEWS.iter().position(|v| *v == self).unwrap_or(0)
    }
}
/// What a one-line prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    Jump,
    Baseline,
    EditFinding {
        area: String,
        index: usize,
    },
    MergeFindings {
        area: String,
        indices: Vec<usize>,
    },
    Rename {
        group: usize,
    },
    /// `n`: a finding of the evaluators' own, put in at `at`.
    NewFinding {
        area: String,
        at: usize,
        kind: FindingKind,
    },
    /// `n`: a priority the evaluators were given (the council's workshop).
    NewPriority,
    /// The representative of a suggested group, edited before the merge.
    MergeSuggestion {
        group: Suggestion,
    },
}

/// A change that throws away an override (its values and reason), asked
/// once before it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replacing {
    /// `a`: accept the suggestion instead.
    Accept,
    /// `x`: undecided again.
    Clear,
}

/// An override being typed: the three values and the reason.
#[derive(Debug)]
pub struct Draft {
    pub question: String,
    pub values: [Option<Exact>; 3],
    /// The dimension under the cursor.
    pub cursor: usize,
    /// A value was typed at the cursor since it moved there: the next
    /// digit goes to the next dimension.
    typed: bool,
    pub reason: TextArea<'static>,
    pub on_reason: bool,
    /// Why the last attempt to save was refused.
    pub error: Option<String>,
}

#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Override(Box<Draft>),
    Prompt {
        what: PromptFor,
        input: Box<TextArea<'static>>,
    },
    /// Choosing the version of the first unresolved conflict.
    Conflict {
        cursor: usize,
    },
    /// Lines to read (a baseline refused or attached with warnings); any
    /// key closes it.
    Message {
        title: String,
        lines: Vec<String>,
    },
    /// "4.4.2 er overstyrt …: godta forslaget i stedet?"
    Confirm {
        question: String,
        change: Replacing,
    },
    /// Writing one of the evaluators' texts (its editor is in `texts`).
    Text(TextSlot),
    /// "Godta 23 spørsmål med spredning ≤ 1?"
    Bulk {
        max_spread: Exact,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
}

/// A line of the priorities screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorityRow {
    Group(usize),
    Item(usize, usize),
}

/// The figures that depend only on the interviews.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub roles: RoleView,
    pub agreement: Agreement,
}

/// The state of the review screens.
pub struct Review<'b> {
    pub bank: &'b Bank,
    pub lang: Lang,
    pub rs: ReviewSession,
    pub view: View,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    /// A line for the overview (the demo's hint).
    pub hint: Option<String>,
    pub card: Scorecard,
    /// Every question, most disputed first.
    pub order: Vec<Disagreement>,
    pub analysis: Analysis,
    /// The baselines as the dashboard draws them.
    pub bases: Vec<dashboard::Baseline>,
    /// The question on the question screen.
    pub current: String,
    /// The interview row selected on the question screen.
    pub row: usize,
    pub filter: Filter,
    pub list_cursor: usize,
    /// The area selected on the overview and the roles screen.
    pub area: usize,
    pub drill: bool,
    /// The area on the findings screen, and the line selected there
    /// (findings first, then the dropped ones).
    pub findings_area: usize,
    pub finding_cursor: usize,
    pub marked: BTreeSet<usize>,
    pub prio_cursor: usize,
    pub prio_marked: BTreeSet<usize>,
    pub saved_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub save_failure: Option<String>,
    /// Decisions and curation that can be undone (Ctrl-Z) while the review
    /// is open.
    pub history: History,
    /// The editors of the evaluators' texts.
    pub texts: TextEditors,
    /// The suggested groups, while the findings screen shows them.
    pub suggestions: Option<SuggestionsView>,
}

/// Shows a score value: `2`, `2,5`, `2,25` (a median of halves), `–`.
pub fn value_text(v: Option<Exact>, lang: Lang) -> String {
    match v {
        None => "–".into(),
        Some(v) => {
            let decimals = if v.is_integer() {
                0
            } else if (v * int(2)).is_integer() {
                1
            } else {
                2
            };
            crate::core::exact::format_points(v, decimals, lang)
        }
    }
}

/// The short name of a role: the part before " / " ("Ordfører").
pub fn short_role(bank: &Bank, role: &str, lang: Lang) -> String {
    let label = bank.role_label(role, lang);
    one_line(label.split(" / ").next().unwrap_or(&label))
}

impl<'b> Review<'b> {
    pub fn new(bank: &'b Bank, lang: Lang, rs: ReviewSession) -> Review<'b> {
        let card = rs.assessment.scorecard(bank);
        let order = question::by_disagreement(bank, &rs.assessment, Filter::All);
        let analysis = analyse(bank, &rs.assessment);
        let current = order
            .first()
            .map_or_else(String::new, |d| d.question.clone());
        let mut r = Review {
            bank,
            lang,
            rs,
            view: View::Overview,
            overlay: None,
            notice: None,
            hint: None,
            card,
            order,
            analysis,
            bases: Vec::new(),
            current,
            row: 0,
            filter: Filter::All,
            list_cursor: 0,
            area: 0,
            drill: false,
            findings_area: 0,
            finding_cursor: 0,
            marked: BTreeSet::new(),
            prio_cursor: 0,
            prio_marked: BTreeSet::new(),
            saved_at: None,
            save_failure: None,
            history: History::new(),
            texts: TextEditors::default(),
            suggestions: None,
        };
        r.bases = r.dashboard_baselines();
        // Warnings (files skipped, other bank bytes) are said at once; the
        // overview lists them all where there is room.
        if let Some(first) = r.rs.warnings.first() {
            let more = r.rs.warnings.len() - 1;
            let text = if more > 0 {
                format!("⚠ {} (+{more})", one_line(first))
            } else {
                format!("⚠ {}", one_line(first))
            };
            r.say(text, true);
        }
        if r.rs.unresolved().next().is_some() {
            r.overlay = Some(Overlay::Conflict { cursor: 0 });
        }
        r
    }

    pub fn t(&self, nb: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(nb, en)
    }

    fn say(&mut self, text: impl Into<String>, warning: bool) {
        self.notice = Some(Notice {
            text: text.into(),
            warning,
        });
    }

    fn fail(&mut self, e: ReviewError) {
        let text = e.message(self.lang);
        self.say(text, true);
    }

    pub fn assessment(&self) -> &Assessment {
        &self.rs.assessment
    }

    fn dashboard_baselines(&self) -> Vec<dashboard::Baseline> {
        self.rs
            .assessment
            .baselines
            .iter()
            .map(|b| {
                (
                    b.label(self.lang),
                    self.card
                        .areas
                        .iter()
                        .map(|a| b.area_points(&a.id))
                        .collect(),
                )
            })
            .collect()
    }

    /// After a decision: the points and the order change, nothing else.
    fn decided(&mut self) -> Vec<Effect> {
        self.card = self.rs.assessment.scorecard(self.bank);
        self.order = question::by_disagreement(self.bank, &self.rs.assessment, Filter::All);
        vec![Effect::Save]
    }

    /// After the interviews changed (refresh, a conflict resolved). The
    /// history of changes starts again: what it kept was taken from the
    /// interviews as they were.
    fn reanalyse(&mut self) {
        if !self.history.is_empty() || self.history.redoable() > 0 {
            self.history.clear();
            if let Some(n) = &mut self.notice {
                n.text.push_str(self.lang.pick(
                    " (det som var gjort før, kan ikke lenger angres)",
                    " (what was done before can no longer be undone)",
                ));
            }
        }
        self.analysis = analyse(self.bank, &self.rs.assessment);
        self.bases = self.dashboard_baselines();
        self.clamp_cursors();
    }

    /// The questions of the list screen, with the filter applied.
    pub fn list_rows(&self) -> Vec<&Disagreement> {
        self.order
            .iter()
            .filter(|d| self.filter == Filter::All || !d.decided)
            .collect()
    }

    fn order_index(&self) -> Option<usize> {
        self.order.iter().position(|d| d.question == self.current)
    }

    pub fn area_id(&self, area: usize) -> &str {
        self.bank.areas().get(area).map_or("", |a| a.id.as_str())
    }

    pub fn priority_rows(&self) -> Vec<PriorityRow> {
        let mut rows = Vec::new();
        for (g, group) in self.rs.assessment.priorities.iter().enumerate() {
            rows.push(PriorityRow::Group(g));
            rows.extend((0..group.items.len()).map(|i| PriorityRow::Item(g, i)));
        }
        rows
    }

    fn findings_len(&self) -> (usize, usize) {
        let id = self.area_id(self.findings_area);
        let a = &self.rs.assessment;
        (
            a.findings.get(id).map_or(0, Vec::len),
            a.dropped.get(id).map_or(0, Vec::len),
        )
    }

    fn clamp_cursors(&mut self) {
        let (live, dropped) = self.findings_len();
        self.finding_cursor = self.finding_cursor.min((live + dropped).saturating_sub(1));
        self.prio_cursor = self
            .prio_cursor
            .min(self.priority_rows().len().saturating_sub(1));
        self.list_cursor = self
            .list_cursor
            .min(self.list_rows().len().saturating_sub(1));
    }

    // ----- the update step -----

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Saved(SaveReport::Saved { updated_at }) => {
                self.saved_at = Some(updated_at);
                self.save_failure = None;
                vec![]
            }
            Msg::Saved(SaveReport::Failed { reason, .. }) => {
                self.save_failure = Some(reason);
                vec![]
            }
            Msg::Baseline(result) => self.baseline_loaded(result),
            Msg::Reloaded(result) => self.reloaded(result),
            Msg::Paste(text) => {
                if let Some(Overlay::Text(slot)) = &self.overlay {
                    let slot = slot.clone();
                    self.text_paste(&slot, &text);
                    return vec![];
                }
                let clean = ui::clean_paste(&text).replace('\n', " ");
                match &mut self.overlay {
                    Some(Overlay::Prompt { input, .. }) => {
                        input.insert_str(clean);
                    }
                    Some(Overlay::Override(d)) => {
                        d.on_reason = true;
                        d.reason.insert_str(clean);
                    }
                    _ => {}
                }
                vec![]
            }
            Msg::Key(ev) => {
                self.notice = None;
                let effects = if self.overlay.is_some() {
                    self.overlay_key(ev)
                } else {
                    self.key(ev)
                };
                // Whatever changed the assessment may change the suggestions.
                if effects.contains(&Effect::Save) {
                    self.refresh_suggestions();
                }
                effects
            }
        }
    }
}

/// Rows a page key moves in a list.
const PAGE: usize = 10;

/// Where a list's cursor goes for a movement key (↑ ↓, PgUp PgDn, Home
/// End), or `None` for any other key: every list moves the same way.
pub(super) fn moved(act: Act, cursor: usize, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match act {
        Act::Up => cursor.saturating_sub(1),
        Act::Down => (cursor + 1).min(last),
        Act::PageUp => cursor.saturating_sub(PAGE),
        Act::PageDown => (cursor + PAGE).min(last),
        Act::Home => 0,
        Act::End => last,
        _ => return None,
    })
}

/// The row index of group `g` among the priority rows.
fn rows_before(groups: &[crate::core::assessment::PriorityGroup], g: usize) -> usize {
    groups[..g.min(groups.len())]
        .iter()
        .map(|x| 1 + x.items.len())
        .sum()
}

fn analyse(bank: &Bank, a: &Assessment) -> Analysis {
    Analysis {
        roles: roles::role_view(bank, a),
        agreement: agreement::agreement(bank, a),
    }
}

/// `~/x` as the shell would read it.
fn expand_home(path: &str) -> String {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => format!("{}/{rest}", home.to_string_lossy()),
        _ => path.to_owned(),
    }
}

/// What a refresh did, in one line.
pub fn refresh_text(r: &RefreshReport, lang: Lang) -> String {
    let mut parts = vec![lang.pick("Oppdatert", "Refreshed").to_owned()];
    if !r.added.is_empty() {
        parts.push(lang.count(
            r.added.len(),
            ["nytt intervju", "nye intervjuer"],
            ["new interview", "new interviews"],
        ));
    }
    if !r.updated.is_empty() {
        parts.push(lang.count(
            r.updated.len(),
            ["endret intervju", "endrede intervjuer"],
            ["changed interview", "changed interviews"],
        ));
    }
    if !r.kept_vanished.is_empty() {
        parts.push(format!(
            "{} {}",
            r.kept_vanished.len(),
            lang.pick("borte (beholdt)", "vanished (kept)")
        ));
    }
    let mut text = parts.join(", ");
    if !r.resuggested.is_empty() {
        text.push_str(&format!(
            "; {}: {}",
            lang.pick(
                "se på igjen, nytt forslag for avgjort spørsmål",
                "look again, new suggestion for decided question"
            ),
            r.resuggested.join(", ")
        ));
    }
    text
}
