//! The review screens' keys: what each one changes, through the review core.

use super::*;
use crate::core::bank::DIMENSIONS;
use crate::core::baseline::Baseline;
use crate::core::review::ReviewError;
use crate::core::review::findings;
use crate::core::review::open::{self};
use crate::core::review::priorities;
use crate::core::review::question::{self, Filter};
use crate::core::review::undo::Scope;
use crate::core::session::FindingKind;
use crate::core::text::one_line;
use crate::tui::keys::{self};
use crate::tui::ui;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

impl Review<'_> {
    pub(super) fn key(&mut self, ev: KeyEvent) -> Vec<Effect> {
        let Some(act) = self.tables().iter().find_map(|t| keys::lookup(t, &ev)) else {
            return vec![];
        };
        match act {
            Act::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Act::NextView => self.show(VIEWS[(self.view.index() + 1) % VIEWS.len()]),
            Act::PrevView => self.show(VIEWS[(self.view.index() + VIEWS.len() - 1) % VIEWS.len()]),
            Act::Jump => self.prompt(PromptFor::Jump, ""),
            Act::Baseline => self.prompt(PromptFor::Baseline, ""),
            Act::Refresh => return vec![Effect::Reload],
            Act::Conflicts => {
                if self.rs.unresolved().next().is_some() {
                    self.overlay = Some(Overlay::Conflict { cursor: 0 });
                } else {
                    self.say(
                        self.t("Ingen konflikter å løse", "No conflicts to resolve"),
                        false,
                    );
                }
            }
            Act::Undo => return self.undo(false),
            Act::Redo => return self.undo(true),
            Act::AreaText | Act::Summary | Act::WayForward => {
                if let Some(slot) = self.text_slot(act) {
                    self.open_text(slot);
                }
            }
            Act::Start => return vec![Effect::Start],
            Act::Save => return vec![Effect::Save],
            Act::Quit => return vec![Effect::Quit],
            _ => {
                return match self.view {
                    View::Overview => self.overview_key(act),
                    View::List => self.list_key(act),
                    View::Question => self.question_key(act, ev),
                    View::Roles => self.roles_key(act),
                    View::Findings if self.suggestions.is_some() => self.suggestions_key(act, ev),
                    View::Findings => self.findings_key(act, ev),
                    View::Priorities => self.priorities_key(act),
                };
            }
        }
        vec![]
    }

    pub(super) fn show(&mut self, view: View) {
        if view == View::List
            && let Some(i) = self
                .list_rows()
                .iter()
                .position(|d| d.question == self.current)
        {
            self.list_cursor = i;
        }
        self.view = view;
    }

    pub(super) fn prompt(&mut self, what: PromptFor, text: &str) {
        self.overlay = Some(Overlay::Prompt {
            what,
            input: Box::new(ui::line_input(text)),
        });
    }

    pub(super) fn overview_key(&mut self, act: Act) -> Vec<Effect> {
        if let Some(to) = moved(act, self.area, self.card.areas.len()) {
            self.area = to;
            return vec![];
        }
        match act {
            Act::Open => self.drill = !self.drill,
            Act::Back => self.drill = false,
            _ => {}
        }
        vec![]
    }

    pub(super) fn list_key(&mut self, act: Act) -> Vec<Effect> {
        if let Some(to) = moved(act, self.list_cursor, self.list_rows().len()) {
            self.list_cursor = to;
            return vec![];
        }
        match act {
            Act::BulkAccept => self.start_bulk_accept(),
            Act::Filter => {
                self.filter = match self.filter {
                    Filter::All => Filter::Undecided,
                    Filter::Undecided => Filter::All,
                };
                self.list_cursor = 0;
                if self.filter == Filter::Undecided && self.list_rows().is_empty() {
                    self.say(
                        self.t("Alle spørsmål er avgjort", "Every question is decided"),
                        false,
                    );
                }
            }
            Act::Open => {
                if let Some(d) = self.list_rows().get(self.list_cursor) {
                    let id = d.question.clone();
                    self.open_question(&id);
                }
            }
            _ => {}
        }
        vec![]
    }

    pub fn open_question(&mut self, id: &str) {
        self.current = id.to_owned();
        self.row = 0;
        self.view = View::Question;
    }

    pub(super) fn question_key(&mut self, act: Act, ev: KeyEvent) -> Vec<Effect> {
        let id = self.current.clone();
        match act {
            Act::Accept | Act::Clear => {
                let change = if act == Act::Accept {
                    Replacing::Accept
                } else {
                    Replacing::Clear
                };
                // An override and its reason are not thrown away by one key.
                if self
                    .rs
                    .assessment
                    .questions
                    .get(&id)
                    .and_then(|q| q.reason())
                    .is_some()
                {
                    self.overlay = Some(Overlay::Confirm {
                        question: id,
                        change,
                    });
                } else {
                    return self.replace_decision(&id, change);
                }
            }
            Act::Override => self.start_override(),
            Act::Digit => {
                self.start_override();
                return self.overlay_key(ev);
            }
            Act::NextQuestion | Act::PrevQuestion => {
                let n = self.order.len();
                if let Some(i) = self.order_index().filter(|_| n > 0) {
                    let j = if act == Act::NextQuestion {
                        (i + 1) % n
                    } else {
                        (i + n - 1) % n
                    };
                    let next = self.order[j].question.clone();
                    self.open_question(&next);
                }
            }
            Act::NextUndecided => {
                let start = self.order_index().map_or(0, |i| i + 1);
                let n = self.order.len();
                let next = (0..n)
                    .map(|k| &self.order[(start + k) % n])
                    .find(|d| !d.decided && d.question != self.current)
                    .map(|d| d.question.clone());
                match next {
                    Some(q) => self.open_question(&q),
                    None => self.say(
                        self.t(
                            "Alle andre spørsmål er avgjort",
                            "Every other question is decided",
                        ),
                        false,
                    ),
                }
            }
            Act::Up | Act::Down | Act::Home | Act::End => {
                let rows = question::view(&self.rs.assessment, &self.rs.sessions, &id)
                    .map_or(0, |v| v.rows.len());
                self.row = moved(act, self.row, rows).unwrap_or(self.row);
            }
            Act::Back => self.show(View::List),
            _ => {}
        }
        vec![]
    }

    /// Accepts the suggestion or clears the decision of `id`, undoably.
    pub(super) fn replace_decision(&mut self, id: &str, change: Replacing) -> Vec<Effect> {
        let what = match change {
            Replacing::Accept => format!(
                "{id}: {}",
                self.t("forslaget er godtatt", "suggestion accepted")
            ),
            Replacing::Clear => {
                format!("{id}: {}", self.t("ikke avgjort igjen", "undecided again"))
            }
        };
        let result = self.change(
            what.clone(),
            &[Scope::Decision(id.to_owned())],
            |a| match change {
                Replacing::Accept => question::accept(a, id),
                Replacing::Clear => question::clear(a, id),
            },
        );
        match result {
            Ok(()) => {
                self.say(what, false);
                self.decided()
            }
            Err(e) => {
                self.fail(e);
                vec![]
            }
        }
    }

    /// A change of the decisions or the curation, recorded so that Ctrl-Z
    /// takes it back: `scopes` names what it may touch.
    pub(super) fn change<T>(
        &mut self,
        what: String,
        scopes: &[Scope],
        change: impl FnOnce(&mut Assessment) -> Result<T, ReviewError>,
    ) -> Result<T, ReviewError> {
        self.history
            .apply(&mut self.rs.assessment, what, scopes, change)
    }

    /// A change of one area's findings (see [`Review::change`]).
    pub(super) fn curate<T>(
        &mut self,
        area: &str,
        what: &str,
        change: impl FnOnce(&mut Assessment) -> Result<T, ReviewError>,
    ) -> Result<T, ReviewError> {
        let what = format!(
            "{what} ({} {area})",
            self.t("funn i område", "findings of area")
        );
        self.change(what, &[Scope::Area(area.to_owned())], change)
    }

    /// A change of the priorities (see [`Review::change`]).
    pub(super) fn reprioritise<T>(
        &mut self,
        what: &str,
        change: impl FnOnce(&mut Assessment) -> Result<T, ReviewError>,
    ) -> Result<T, ReviewError> {
        let what = format!("{what} ({})", self.t("prioriteringer", "priorities"));
        self.change(what, &[Scope::Priorities], change)
    }

    /// What a key that may have changed the curation leads to: saved when
    /// it changed something (`Ok(true)`), the reason when it was refused.
    pub(super) fn outcome(&mut self, result: Result<bool, ReviewError>) -> Vec<Effect> {
        match result {
            Ok(true) => {
                self.clamp_cursors();
                vec![Effect::Save]
            }
            Ok(false) => vec![],
            Err(e) => {
                self.fail(e);
                vec![]
            }
        }
    }

    /// Ctrl-Z (or Ctrl-Y with `redo`): takes the last change back, and shows
    /// where it was.
    pub(super) fn undo(&mut self, redo: bool) -> Vec<Effect> {
        let step = if redo {
            self.history.redo(&mut self.rs.assessment)
        } else {
            self.history.undo(&mut self.rs.assessment)
        };
        let Some(step) = step.map(|st| (st.what.clone(), st.scopes.first().cloned())) else {
            self.say(
                if redo {
                    self.t("Ingenting å gjøre om", "Nothing to redo")
                } else {
                    self.t("Ingenting å angre", "Nothing to undo")
                },
                false,
            );
            return vec![];
        };
        let text = format!(
            "{}: {}",
            if redo {
                self.t("Gjort om", "Redone")
            } else {
                self.t("Angret", "Undone")
            },
            step.0
        );
        match step.1 {
            Some(Scope::Decision(id)) => self.open_question(&id),
            Some(Scope::AllDecisions) => self.show(View::List),
            Some(Scope::Area(area)) => {
                if let Some(i) = self.bank.areas().iter().position(|a| a.id == area)
                    && i != self.findings_area
                {
                    self.findings_area = i;
                    self.finding_cursor = 0;
                }
                self.marked.clear();
                self.view = View::Findings;
            }
            Some(Scope::Priorities) => {
                self.prio_marked.clear();
                self.view = View::Priorities;
            }
            None => {}
        }
        self.say(text, false);
        self.clamp_cursors();
        self.decided()
    }

    pub(super) fn start_override(&mut self) {
        let Some(review) = self.rs.assessment.questions.get(&self.current) else {
            return;
        };
        let values = DIMENSIONS.map(|d| review.reconciled().get(d));
        let mut reason = ui::line_input(review.reason().unwrap_or(""));
        reason
            .set_placeholder_text(self.t("Kort begrunnelse (kreves)", "A short reason (required)"));
        self.overlay = Some(Overlay::Override(Box::new(Draft {
            question: self.current.clone(),
            values,
            cursor: 0,
            typed: false,
            reason,
            on_reason: false,
            error: None,
        })));
    }

    pub(super) fn roles_key(&mut self, act: Act) -> Vec<Effect> {
        if let Some(to) = moved(act, self.area, self.bank.areas().len()) {
            self.area = to;
            return vec![];
        }
        if act == Act::Open {
            self.findings_area = self.area;
            self.finding_cursor = 0;
            self.marked.clear();
            self.view = View::Findings;
        }
        vec![]
    }

    /// The finding under the cursor: `Ok(index)` of a live one, `Err(index)`
    /// of a dropped one; `None` when the list is empty.
    pub fn selected_finding(&self) -> Option<Result<usize, usize>> {
        let (live, dropped) = self.findings_len();
        let c = self.finding_cursor;
        if c < live {
            Some(Ok(c))
        } else if c < live + dropped {
            Some(Err(c - live))
        } else {
            None
        }
    }

    pub(super) fn findings_key(&mut self, act: Act, ev: KeyEvent) -> Vec<Effect> {
        let area = self.area_id(self.findings_area).to_owned();
        let (live, dropped) = self.findings_len();
        let selected = self.selected_finding();
        if let Some(to) = moved(act, self.finding_cursor, live + dropped) {
            self.finding_cursor = to;
            return vec![];
        }
        let result: Result<bool, ReviewError> = match (act, selected) {
            (Act::Suggestions, _) => {
                self.open_suggestions();
                Ok(false)
            }
            (Act::NextArea, _) => {
                let n = self.bank.areas().len();
                self.findings_area = if ev.code == KeyCode::Left {
                    (self.findings_area + n - 1) % n
                } else {
                    (self.findings_area + 1) % n
                };
                self.finding_cursor = 0;
                self.marked.clear();
                Ok(false)
            }
            (Act::Edit, Some(Ok(i))) => {
                let text = one_line(&self.rs.assessment.findings[&area][i].text);
                self.prompt(PromptFor::EditFinding { area, index: i }, &text);
                Ok(false)
            }
            (Act::New, _) => {
                let (at, kind) = match selected {
                    Some(Ok(i)) => (i + 1, self.rs.assessment.findings[&area][i].kind),
                    _ => (live, FindingKind::Strength),
                };
                self.prompt(PromptFor::NewFinding { area, at, kind }, "");
                Ok(false)
            }
            (Act::Kind, Some(Ok(i))) => {
                let next = match self.rs.assessment.findings[&area][i].kind {
                    FindingKind::Strength => FindingKind::Challenge,
                    FindingKind::Challenge => FindingKind::Weakness,
                    FindingKind::Weakness => FindingKind::Strength,
                };
                let what = self.t("type endret", "kind changed");
                self.curate(&area, what, |a| findings::set_kind(a, &area, i, next))
                    .map(|()| true)
            }
            (Act::Star, Some(Ok(i))) => {
                let what = self.t("beste praksis endret", "best practice changed");
                self.curate(&area, what, |a| findings::toggle_best_practice(a, &area, i))
                    .map(|_| true)
            }
            (Act::Mark, Some(Ok(i))) => {
                if !self.marked.remove(&i) {
                    self.marked.insert(i);
                }
                self.finding_cursor = (i + 1).min(live.saturating_sub(1));
                Ok(false)
            }
            (Act::Merge, Some(Ok(i))) => {
                let mut indices: Vec<usize> = self.marked.iter().copied().collect();
                if !indices.contains(&i) {
                    indices.insert(0, i);
                }
                if indices.len() < 2 {
                    Err(ReviewError::NeedTwo)
                } else {
                    let text = one_line(&self.rs.assessment.findings[&area][indices[0]].text);
                    self.prompt(PromptFor::MergeFindings { area, indices }, &text);
                    Ok(false)
                }
            }
            (Act::Split, Some(Ok(i))) => {
                let what = self.t("delt i kildene", "split into its sources");
                self.curate(&area, what, |a| findings::split(a, &area, i))
                    .map(|_| {
                        self.marked.clear();
                        true
                    })
            }
            (Act::Drop, Some(Ok(i))) => {
                let what = self.t("funn forkastet", "finding dropped");
                self.curate(&area, what, |a| findings::drop_finding(a, &area, i))
                    .map(|()| {
                        self.marked.clear();
                        true
                    })
            }
            (Act::Restore, Some(Err(d))) => {
                let what = self.t("funn gjenopprettet", "finding restored");
                self.curate(&area, what, |a| findings::restore(a, &area, d))
                    .map(|at| {
                        self.finding_cursor = at;
                        true
                    })
            }
            (Act::MoveUp | Act::MoveDown, Some(Ok(i))) => {
                let to = if act == Act::MoveUp {
                    i.saturating_sub(1)
                } else {
                    (i + 1).min(live.saturating_sub(1))
                };
                let what = self.t("funn flyttet", "finding moved");
                self.curate(&area, what, |a| findings::move_to(a, &area, i, to))
                    .map(|()| {
                        self.finding_cursor = to;
                        self.marked.clear();
                        true
                    })
            }
            (Act::Restore, Some(Ok(_))) => {
                self.say(
                    self.t(
                        "Gjenopprett virker på forkastede funn (nederst)",
                        "Restore works on dropped findings (at the bottom)",
                    ),
                    false,
                );
                Ok(false)
            }
            (_, Some(Err(_))) => {
                self.say(
                    self.t(
                        "Funnet er forkastet: r gjenoppretter det",
                        "The finding is dropped: r restores it",
                    ),
                    false,
                );
                Ok(false)
            }
            _ => Ok(false),
        };
        self.outcome(result)
    }

    pub(super) fn priorities_key(&mut self, act: Act) -> Vec<Effect> {
        let rows = self.priority_rows();
        let row = rows.get(self.prio_cursor).copied();
        let group = match row {
            Some(PriorityRow::Group(g) | PriorityRow::Item(g, _)) => Some(g),
            None => None,
        };
        if let Some(to) = moved(act, self.prio_cursor, rows.len()) {
            self.prio_cursor = to;
            return vec![];
        }
        let result = match (act, row, group) {
            (Act::New, ..) => {
                self.prompt(PromptFor::NewPriority, "");
                Ok(false)
            }
            (Act::Edit, _, Some(g)) => {
                let theme = one_line(&self.rs.assessment.priorities[g].theme);
                self.prompt(PromptFor::Rename { group: g }, &theme);
                Ok(false)
            }
            (Act::Mark, _, Some(g)) => {
                if !self.prio_marked.remove(&g) {
                    self.prio_marked.insert(g);
                }
                Ok(false)
            }
            (Act::Merge, _, Some(g)) => {
                let mut indices = vec![g];
                indices.extend(self.prio_marked.iter().copied().filter(|&m| m != g));
                let what = self.t("grupper slått sammen", "groups merged");
                self.reprioritise(what, |a| priorities::merge(&mut a.priorities, &indices))
                    .map(|at| {
                        self.prio_marked.clear();
                        self.prio_cursor = rows_before(&self.rs.assessment.priorities, at);
                        true
                    })
            }
            (Act::Split, Some(PriorityRow::Item(g, i)), _) => {
                let what = self.t("prioritering skilt ut", "priority split off");
                self.reprioritise(what, |a| priorities::split(&mut a.priorities, g, i))
                    .map(|at| {
                        self.prio_marked.clear();
                        self.prio_cursor = rows_before(&self.rs.assessment.priorities, at);
                        true
                    })
            }
            (Act::Split, Some(PriorityRow::Group(_)), _) => {
                self.say(
                    self.t(
                        "Velg en prioritering (linjen under gruppen) for å skille den ut",
                        "Choose a priority (a line under the group) to split it off",
                    ),
                    false,
                );
                Ok(false)
            }
            _ => Ok(false),
        };
        self.outcome(result)
    }

    /// The review's files as read again: what came in, what went, what
    /// can be read again and what no longer can, said in one line.
    pub(super) fn reloaded(&mut self, read: Result<Box<Selection>, Vec<String>>) -> Vec<Effect> {
        let selection = match read {
            Ok(selection) => *selection,
            Err(lines) => {
                self.say(
                    format!(
                        "{}: {}",
                        self.t(
                            "Intervjuene kunne ikke leses på nytt",
                            "The interviews could not be read again"
                        ),
                        lines.join(" ")
                    ),
                    true,
                );
                return vec![];
            }
        };
        let report = self.rs.reload(self.bank, selection, self.lang);
        if report.is_empty() {
            let gone = self.rs.stale.vanished.len();
            let text = match gone {
                0 => self
                    .t(
                        "Vurderingen er à jour med intervjuene",
                        "The assessment is up to date with the interviews",
                    )
                    .to_owned(),
                n => format!(
                    "{}; {n} {}",
                    self.t("Ingen endring i filene", "No change in the files"),
                    self.t("borte (beholdt)", "vanished (kept)")
                ),
            };
            self.say(text, false);
            return vec![];
        }
        let lang = self.lang;
        let files = |list: &[PathBuf], nb: &str, en: &str| {
            let names: Vec<String> = list
                .iter()
                .map(|f| {
                    f.file_name()
                        .unwrap_or(f.as_os_str())
                        .to_string_lossy()
                        .into_owned()
                })
                .collect();
            format!(
                "{} {}: {}",
                lang.count(list.len(), ["fil", "filer"], ["file", "files"]),
                lang.pick(nb, en),
                names.join(", ")
            )
        };
        let mut parts: Vec<String> = report
            .refreshed
            .iter()
            .map(|r| refresh_text(r, lang))
            .collect();
        if !report.readable_again.is_empty() {
            parts.push(files(
                &report.readable_again,
                "kan leses igjen",
                "can be read again",
            ));
        }
        if !report.unreadable.is_empty() {
            parts.push(files(
                &report.unreadable,
                "kan ikke leses",
                "cannot be read",
            ));
        }
        let alarming = !report.unreadable.is_empty()
            || report
                .refreshed
                .as_ref()
                .is_some_and(|r| !r.resuggested.is_empty());
        self.say(one_line(&parts.join("; ")), alarming);
        if report.refreshed.is_none() {
            return vec![];
        }
        self.reanalyse();
        if self.overlay.is_none() && self.rs.unresolved().next().is_some() {
            self.overlay = Some(Overlay::Conflict { cursor: 0 });
        }
        self.decided()
    }

    pub(super) fn baseline_loaded(
        &mut self,
        result: Result<(Box<Baseline>, Vec<String>), Vec<String>>,
    ) -> Vec<Effect> {
        match result {
            Err(lines) => {
                self.say(
                    self.t(
                        "Sammenligningsgrunnlaget ble ikke lagt til",
                        "The baseline was not attached",
                    ),
                    true,
                );
                self.overlay = Some(Overlay::Message {
                    title: self
                        .t(
                            "Sammenligningsgrunnlaget kan ikke brukes",
                            "The baseline cannot be used",
                        )
                        .to_owned(),
                    lines,
                });
                vec![]
            }
            Ok((b, warnings)) => {
                let name = b.label(self.lang);
                let notes = open::attach_baselines(&mut self.rs.assessment, vec![*b], self.lang);
                let text = notes.into_iter().next().unwrap_or_else(|| {
                    format!(
                        "{} «{}»",
                        self.t("La til sammenligningsgrunnlaget", "Attached the baseline"),
                        one_line(&name)
                    )
                });
                if !warnings.is_empty() {
                    self.overlay = Some(Overlay::Message {
                        title: format!(
                            "{} «{}»: {}",
                            self.t("Lagt til", "Attached"),
                            one_line(&name),
                            self.t("se over tallene", "check the figures")
                        ),
                        lines: warnings,
                    });
                }
                self.say(text, false);
                self.bases = self.dashboard_baselines();
                vec![Effect::Save]
            }
        }
    }
}
