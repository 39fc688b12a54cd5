//! The interview screen's keys: what each one changes in the state.

use super::*;
use crate::core::bank::{DIMENSIONS, Dimension};
use crate::core::exact::int;
use crate::core::scoring::{self};
use crate::core::session::{Answer, Finding, FindingKind, Status};
use crate::tui::editor::Editor;
use crate::tui::help;
use crate::tui::keys::{self};
use crate::tui::ui;
use crate::tui::walk::Page;
use KeyCode::Esc;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::time::Instant;

impl Interview<'_> {
    pub(super) fn key(&mut self, ev: KeyEvent, now: Instant) -> Vec<Effect> {
        let act = if self.overlay.is_some() {
            None
        } else {
            self.tables().iter().find_map(|t| keys::lookup(t, &ev))
        };
        if act.is_none() && self.typed_words_elsewhere(&ev) {
            // The interviewer went on writing while the scores or the
            // findings had the focus: the key and the focus go to the notes,
            // so no word is lost and no number changes by accident.
            self.focus = Focus::Notes;
            self.edit(ev, now);
            return vec![];
        }
        let to_editor = self.overlay.is_none()
            && !self.read_only
            && matches!(self.focus, Focus::Notes | Focus::Priorities)
            && matches!(act, None | Some(Act::Editor | Act::Undo | Act::Redo));
        self.editor_only = to_editor;
        if self.overlay.is_some() {
            self.overlay_key(ev, now);
            return vec![];
        }
        match act {
            Some(Act::Help) => {
                self.overlay = Some(Overlay::Help {
                    scroll: 0,
                    under: None,
                })
            }
            Some(Act::Quit) => return vec![Effect::Quit],
            Some(Act::Save) if !self.read_only => return vec![Effect::SaveNow],
            Some(Act::QuitHint) => self.say(
                self.t(
                    "Avslutt med Ctrl-Q; alt er lagret.",
                    "Quit with Ctrl-Q; everything is saved.",
                ),
                false,
            ),
            Some(Act::FocusNext) => self.cycle_focus(1),
            Some(Act::FocusPrev) => self.cycle_focus(-1),
            Some(Act::Next) => self.go(self.walk.next(self.page), now),
            Some(Act::Prev) => self.go(self.walk.prev(self.page), now),
            Some(Act::Closing) => self.go(Page::Closing, now),
            Some(Act::Jump) => {
                self.overlay = Some(Overlay::Jump {
                    input: ui::line_input(""),
                })
            }
            Some(Act::NextOpen) => self.next_open(now),
            Some(Act::NextFlagged) => self.next_flagged(now),
            Some(Act::ShowAll) => {
                let all = !self.walk.show_all;
                self.walk.set_show_all(all);
                self.say(
                    if all {
                        self.t(
                            "Viser alle spørsmål; de som ikke gjelder rollene er merket ○",
                            "Showing all questions; those not for the roles are marked ○",
                        )
                    } else {
                        self.t(
                            "Viser spørsmålene som gjelder rollene",
                            "Showing the questions for the roles",
                        )
                    },
                    false,
                );
            }
            Some(Act::Dashboard) => {
                let area = self
                    .question_index()
                    .map_or(0, |i| self.walk.positions[i].area);
                self.overlay = Some(Overlay::Dashboard { area, drill: false });
            }
            Some(_) if self.read_only => self.read_only_key(act),
            Some(Act::Flag) => self.toggle_flag(now),
            Some(Act::Finding) => self.finding_from_line(),
            Some(a) => self.focus_key(a, ev, now),
            None if matches!(self.focus, Focus::Notes | Focus::Priorities) => {
                if self.read_only {
                    self.refuse_read_only();
                } else {
                    self.edit(ev, now);
                }
            }
            None => {}
        }
        vec![]
    }

    /// A printable key that means nothing where the focus is (the scores or
    /// the findings of a question): words meant for the notes.
    fn typed_words_elsewhere(&self, ev: &KeyEvent) -> bool {
        self.overlay.is_none()
            && !self.read_only
            && matches!(self.focus, Focus::Scores | Focus::Findings)
            && matches!(self.page, Page::Question(_))
            && keys::is_typed_char(ev)
    }

    /// In read-only mode, only moving around is allowed.
    pub(super) fn read_only_key(&mut self, act: Option<Act>) {
        match act {
            Some(Act::Back) => self.focus = self.home_focus(),
            Some(Act::Up | Act::Down | Act::Open) if self.focus == Focus::Navigator => {
                let now = self.now;
                self.focus_key(act.unwrap_or(Act::Open), KeyEvent::from(Esc), now)
            }
            Some(Act::Up) if self.focus == Focus::Scores => {
                self.score_cursor = self.score_cursor.saturating_sub(1)
            }
            Some(Act::Down) if self.focus == Focus::Scores => {
                self.score_cursor = (self.score_cursor + 1).min(DIMENSIONS.len() - 1)
            }
            Some(Act::Up | Act::Down) if self.focus == Focus::Findings => {
                let now = self.now;
                self.focus_key(act.unwrap_or(Act::Up), KeyEvent::from(Esc), now)
            }
            _ => self.refuse_read_only(),
        }
    }

    pub(super) fn home_focus(&self) -> Focus {
        match self.page {
            Page::Question(_) => Focus::Notes,
            Page::Closing => Focus::Priorities,
        }
    }

    pub(super) fn cycle_focus(&mut self, step: isize) {
        let ring: &[Focus] = match self.page {
            Page::Question(_) => &[
                Focus::Notes,
                Focus::Scores,
                Focus::Findings,
                Focus::Navigator,
            ],
            Page::Closing => &[Focus::Priorities, Focus::Status, Focus::Navigator],
        };
        let k = ring.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let n = ring.len() as isize;
        self.focus = ring[((k + step).rem_euclid(n)) as usize];
        if self.focus == Focus::Navigator {
            self.nav_cursor = self.walk.row_of(self.page).unwrap_or(0);
        }
    }

    /// Typing into the focused editor.
    pub(super) fn edit(&mut self, ev: KeyEvent, now: Instant) {
        let modified = match (self.focus, self.page) {
            (Focus::Notes, Page::Question(i)) => {
                let Some(ed) = self.editors.get_mut(&i) else {
                    return;
                };
                let modified = ed.input_at(ev, now);
                if modified {
                    self.touched.insert(i);
                }
                modified
            }
            (Focus::Priorities, _) => {
                let modified = self.priorities.input_at(ev, now);
                self.priorities_touched |= modified;
                modified
            }
            _ => false,
        };
        if modified {
            self.changed_at(now);
        }
    }

    pub(super) fn focus_key(&mut self, act: Act, ev: KeyEvent, now: Instant) {
        match (self.focus, act) {
            (Focus::Notes | Focus::Priorities, Act::Undo | Act::Redo) => {
                let ed = match (self.focus, self.page) {
                    (Focus::Notes, Page::Question(i)) => self.editors.get_mut(&i),
                    (Focus::Priorities, _) => Some(&mut self.priorities),
                    _ => None,
                };
                let Some(ed) = ed else { return };
                let done = if act == Act::Undo {
                    ed.undo()
                } else {
                    ed.redo()
                };
                if done {
                    match self.page {
                        Page::Question(i) if self.focus == Focus::Notes => {
                            self.touched.insert(i);
                        }
                        _ => self.priorities_touched = true,
                    }
                    self.changed_at(now);
                }
            }
            (Focus::Notes | Focus::Priorities, _) => self.edit(ev, now),
            (Focus::Scores, _) => self.score_key(act, ev, now),
            (Focus::Findings, _) => self.findings_key(act, now),
            (Focus::Navigator, Act::Up | Act::Down) => {
                let step = if act == Act::Up { -1 } else { 1 };
                self.nav_cursor = self.walk.step_row(self.nav_cursor, step);
            }
            (Focus::Navigator, Act::Open) => {
                let page = match self.walk.rows.get(self.nav_cursor) {
                    Some(crate::tui::walk::NavRow::Question(i)) => Page::Question(*i),
                    _ => Page::Closing,
                };
                self.go(page, now);
            }
            (Focus::Status, Act::Complete) => match self.session.status {
                Status::Completed => self.set_status(Status::InProgress, now),
                Status::InProgress => match self.card.coverage().open() {
                    0 => self.set_status(Status::Completed, now),
                    open => self.overlay = Some(Overlay::Confirm(Ask::Complete { open })),
                },
            },
            (_, Act::Back) => self.focus = self.home_focus(),
            _ => {}
        }
    }

    pub(super) fn current_answer_mut(&mut self) -> Option<&mut Answer> {
        let i = self.question_index()?;
        let id = self.question_id(i).to_owned();
        Some(self.session.answers.entry(id).or_default())
    }

    pub(super) fn score_key(&mut self, act: Act, ev: KeyEvent, now: Instant) {
        let d: Dimension = DIMENSIONS[self.score_cursor];
        let max = self.bank.scale_max();
        let min = self.bank.scale_min();
        match act {
            Act::Up => self.score_cursor = self.score_cursor.saturating_sub(1),
            Act::Down => self.score_cursor = (self.score_cursor + 1).min(DIMENSIONS.len() - 1),
            Act::Score => {
                let KeyCode::Char(c) = ev.code else { return };
                let v = c.to_digit(10).unwrap_or(u32::MAX);
                if v < min || v > max {
                    let text = format!(
                        "{} {min}–{max}",
                        self.t("Verdien må være", "The value must be")
                    );
                    return self.say(text, true);
                }
                self.set_score(d, Some(v), now);
                if self.score_cursor + 1 == DIMENSIONS.len() {
                    // The last dimension: the interviewer goes back to writing.
                    self.focus = Focus::Notes;
                } else {
                    self.score_cursor += 1;
                }
            }
            Act::Lower | Act::Raise => {
                let cur = self
                    .question_index()
                    .and_then(|i| self.answer(i))
                    .and_then(|a| a.scores.get(d));
                let v = match (cur, act) {
                    (None, Act::Lower) => max,
                    (None, _) => min,
                    (Some(v), Act::Lower) => {
                        (v - int(1)).ceil().to_integer().max(min as i128) as u32
                    }
                    (Some(v), _) => (v + int(1)).floor().to_integer().min(max as i128) as u32,
                };
                self.set_score(d, Some(v), now);
            }
            Act::Clear => self.set_score(d, None, now),
            Act::HalfStep => self.say(
                self.t(
                    "Intervjuet setter hele poeng; halve poeng settes i gjennomgangen",
                    "The interview sets whole steps; half steps are set in the review",
                ),
                true,
            ),
            Act::Back => self.focus = Focus::Notes,
            _ => {}
        }
    }

    pub(super) fn set_score(&mut self, d: Dimension, value: Option<u32>, now: Instant) {
        let Some(a) = self.current_answer_mut() else {
            return;
        };
        a.scores.set(d, value.map(|v| int(v as i128)));
        self.card = scoring::score_session(self.bank, &self.session);
        self.changed_at(now);
    }

    pub(super) fn findings_key(&mut self, act: Act, now: Instant) {
        let Some(i) = self.question_index() else {
            return;
        };
        let count = self.answer(i).map_or(0, |a| a.findings.len());
        match act {
            Act::Up => self.finding_cursor = self.finding_cursor.saturating_sub(1),
            Act::Down => {
                self.finding_cursor = (self.finding_cursor + 1).min(count.saturating_sub(1))
            }
            Act::New => self.open_finding_prompt("", FindingKind::Strength, None),
            Act::Edit if count > 0 => {
                let f = self
                    .answer(i)
                    .map(|a| a.findings[self.finding_cursor].clone());
                if let Some(f) = f {
                    self.open_finding_prompt(&f.text, f.kind, Some(self.finding_cursor));
                }
            }
            Act::Remove if count > 0 => {
                let k = self.finding_cursor;
                if let Some(a) = self.current_answer_mut() {
                    let gone = a.findings.remove(k);
                    let text = format!(
                        "{}: {} · {}",
                        self.t("Fjernet", "Removed"),
                        crate::core::text::one_line(&gone.text),
                        self.t("Ctrl-Z angrer", "Ctrl-Z undoes")
                    );
                    self.removed_finding = Some((i, k, gone));
                    self.say(text, false);
                }
                self.finding_cursor = k.min(count.saturating_sub(2));
                self.changed_at(now);
            }
            Act::Undo => match self.removed_finding.take() {
                Some((q, k, finding)) if q == i => {
                    if let Some(a) = self.current_answer_mut() {
                        let at = k.min(a.findings.len());
                        a.findings.insert(at, finding);
                        self.finding_cursor = at;
                    }
                    self.say(self.t("Funnet er tilbake", "The finding is back"), false);
                    self.changed_at(now);
                }
                other => {
                    self.removed_finding = other;
                    self.say(
                        self.t(
                            "Ingen fjernet funn å angre her",
                            "No removed finding to undo here",
                        ),
                        false,
                    );
                }
            },
            Act::Kind(kind) if count > 0 => {
                let k = self.finding_cursor;
                if let Some(a) = self.current_answer_mut() {
                    a.findings[k].kind = kind;
                }
                self.changed_at(now);
            }
            Act::Back => self.focus = Focus::Notes,
            _ => {}
        }
    }

    pub(super) fn open_finding_prompt(
        &mut self,
        text: &str,
        kind: FindingKind,
        editing: Option<usize>,
    ) {
        self.overlay = Some(Overlay::Finding {
            input: ui::line_input(text),
            kind,
            editing,
        });
    }

    /// Ctrl-K: the line under the cursor (without a leading bullet) becomes
    /// the text of a new finding, to be confirmed with its kind.
    pub(super) fn finding_from_line(&mut self) {
        let Some(i) = self.question_index() else {
            return self.say(
                self.t(
                    "Funn hører til et spørsmål",
                    "Findings belong to a question",
                ),
                true,
            );
        };
        let line = self
            .editors
            .get(&i)
            .map(|ed| ed.current_line().to_owned())
            .unwrap_or_default();
        let text = line
            .trim()
            .trim_start_matches(['-', '*', '•', '+'])
            .trim()
            .to_owned();
        self.open_finding_prompt(&text, FindingKind::Strength, None);
    }

    pub(super) fn toggle_flag(&mut self, now: Instant) {
        let Some(a) = self.current_answer_mut() else {
            return;
        };
        a.flagged = !a.flagged;
        let flagged = a.flagged;
        self.say(
            if flagged {
                self.t("Merket for oppfølging", "Flagged for follow-up")
            } else {
                self.t("Merket er fjernet", "Flag removed")
            },
            false,
        );
        self.changed_at(now);
    }

    pub(super) fn next_open(&mut self, now: Instant) {
        let target = self.walk.next_where(self.page, false, |i| {
            !self
                .session
                .answers
                .get(self.question_id(i))
                .is_some_and(|a| a.scores.is_complete())
        });
        match target {
            Some(i) => self.go(Page::Question(i), now),
            None => self.say(
                self.t(
                    "Alle spørsmålene er ferdig scoret",
                    "Every question is fully scored",
                ),
                false,
            ),
        }
    }

    pub(super) fn next_flagged(&mut self, now: Instant) {
        // A flag is set on purpose, so flagged questions outside the walk count too.
        let target = self.walk.next_where(self.page, true, |i| {
            self.session
                .answers
                .get(self.question_id(i))
                .is_some_and(|a| a.flagged)
        });
        match target {
            Some(i) => self.go(Page::Question(i), now),
            None => self.say(
                self.t("Ingen andre merkede spørsmål", "No other flagged questions"),
                false,
            ),
        }
    }

    /// Moves to a page: the time on the old question is counted, the notes
    /// editor of the new one is focused.
    pub fn go(&mut self, page: Page, now: Instant) {
        if page == self.page {
            self.focus = self.home_focus();
            return;
        }
        self.count_time(now);
        if self.notice.as_ref().is_some_and(|n| n.sticky) {
            // A recovery notice has been read once the interviewer moves on.
            self.notice = None;
        }
        self.enter(page, now);
        if !self.read_only {
            self.changed_at(now);
        }
    }

    pub(super) fn enter(&mut self, page: Page, now: Instant) {
        self.page = page;
        self.entered_at = now;
        self.focus = self.home_focus();
        self.score_cursor = 0;
        self.finding_cursor = 0;
        if let Page::Question(i) = page {
            let id = self.question_id(i).to_owned();
            if !self.editors.contains_key(&i) {
                let notes = self
                    .session
                    .answers
                    .get(&id)
                    .map_or("", |a| a.notes.as_str());
                let ed = Editor::new(
                    notes,
                    self.t("Skriv notatene her …", "Type the notes here …"),
                );
                self.editors.insert(i, ed);
            }
            if !self.read_only {
                self.session.last_question = Some(id);
            }
        }
        self.nav_cursor = self.walk.row_of(page).unwrap_or(0);
    }

    pub(super) fn overlay_key(&mut self, ev: KeyEvent, now: Instant) {
        if let Some(Overlay::Help { scroll, .. }) = &self.overlay {
            let mut at = *scroll;
            let max = help::max_scroll(&self.help_sections());
            if help::key_in_help(&ev, &mut at, max) {
                if let Some(Overlay::Help { scroll, .. }) = &mut self.overlay {
                    *scroll = at;
                }
            } else if let Some(Overlay::Help { under, .. }) = self.overlay.take() {
                // Back to the prompt or dashboard F1 was pressed in.
                self.overlay = under.map(|o| *o);
            }
            return;
        }
        let Some(table) = self.tables().first().copied() else {
            return;
        };
        let act = keys::lookup(table, &ev);
        if act == Some(Act::Help) {
            self.overlay = Some(Overlay::Help {
                scroll: 0,
                under: self.overlay.take().map(Box::new),
            });
            return;
        }
        if let Some(Overlay::Confirm(_)) = &self.overlay {
            return self.answer_key(act, now);
        }
        let Some(overlay) = self.overlay.as_mut() else {
            return;
        };
        match (overlay, act) {
            (_, Some(Act::Close)) => self.overlay = None,
            (Overlay::Dashboard { area, .. }, Some(Act::Up)) => *area = area.saturating_sub(1),
            (Overlay::Dashboard { area, .. }, Some(Act::Down)) => {
                *area = (*area + 1).min(self.card.areas.len().saturating_sub(1))
            }
            (Overlay::Dashboard { drill, .. }, Some(Act::Open)) => *drill = true,
            (Overlay::Dashboard { drill, .. }, Some(Act::Back)) => *drill = false,
            (Overlay::Jump { input }, Some(Act::Confirm)) => {
                let wanted = ui::line_text(input);
                self.overlay = None;
                match self.walk.resolve(self.bank, &wanted) {
                    Some(i) => {
                        self.go(Page::Question(i), now);
                        if !self.walk.routed[i] {
                            self.say(
                                self.t(
                                    "Dette spørsmålet gjelder ikke rollene i intervjuet",
                                    "This question is not for the roles in this interview",
                                ),
                                false,
                            );
                        }
                    }
                    None => {
                        let text = format!(
                            "{} «{}»",
                            self.t("Fant ikke", "Not found:"),
                            crate::core::text::one_line(wanted.trim())
                        );
                        self.say(text, true)
                    }
                }
            }
            (Overlay::Finding { kind, .. }, Some(Act::Down | Act::Up)) => {
                let k = FindingKind::ALL.iter().position(|x| x == kind).unwrap_or(0);
                let step = if act == Some(Act::Down) { 1 } else { 2 };
                *kind = FindingKind::ALL[(k + step) % 3];
            }
            (
                Overlay::Finding {
                    input,
                    kind,
                    editing,
                },
                Some(Act::Confirm),
            ) => {
                let text = ui::line_text(input).trim().to_owned();
                let (kind, editing) = (*kind, *editing);
                self.overlay = None;
                self.save_finding(text, kind, editing, now);
            }
            (Overlay::Jump { input } | Overlay::Finding { input, .. }, None) => {
                ui::edit_line(input, &ev);
            }
            _ => {}
        }
    }

    pub(super) fn set_status(&mut self, status: Status, now: Instant) {
        self.session.status = status;
        let msg = match status {
            Status::Completed => self.t(
                "Intervjuet er merket som fullført",
                "The interview is marked completed",
            ),
            Status::InProgress => self.t(
                "Intervjuet er merket som pågående",
                "The interview is marked in progress",
            ),
        };
        self.say(msg, false);
        self.changed_at(now);
    }

    /// Yes or no to what the interviewer was asked.
    fn answer_key(&mut self, act: Option<Act>, now: Instant) {
        let yes = match act {
            Some(Act::Confirm) => true,
            Some(Act::Close) => false,
            _ => return,
        };
        let Some(Overlay::Confirm(ask)) = self.overlay.take() else {
            return;
        };
        match (ask, yes) {
            (Ask::TakeRescue(rescue), true) => self.take_rescue(*rescue, now),
            (Ask::TakeRescue(rescue), false) => {
                let text = format!(
                    "{} {}",
                    self.t(
                        "Den lagrede versjonen er beholdt; redningskopien ligger i",
                        "The saved version is kept; the rescue copy stays in"
                    ),
                    rescue.path.display()
                );
                self.set_sticky_notice(text);
            }
            (Ask::Complete { .. }, true) => self.set_status(Status::Completed, now),
            (Ask::Complete { .. }, false) => {}
        }
    }

    pub(super) fn save_finding(
        &mut self,
        text: String,
        kind: FindingKind,
        editing: Option<usize>,
        now: Instant,
    ) {
        if text.is_empty() {
            return self.say(
                self.t(
                    "Tomt funn ble ikke lagret",
                    "An empty finding was not saved",
                ),
                true,
            );
        }
        let label = kind.label(self.lang);
        let same = |f: &Finding| f.text.trim().to_lowercase() == text.to_lowercase();
        let twin = self.question_index().and_then(|i| {
            let findings = &self.answer(i)?.findings;
            findings
                .iter()
                .enumerate()
                .find(|&(k, f)| Some(k) != editing && same(f))
                .map(|(_, f)| f.kind)
        });
        if let Some(other) = twin {
            // Enter pressed twice on one line must not make a strength and a
            // weakness of the same words.
            let text = format!(
                "{} {}. {}",
                self.t(
                    "Samme tekst er allerede et funn på spørsmålet:",
                    "The same text is already a finding of this question:"
                ),
                other.label(self.lang).to_lowercase(),
                self.t(
                    "Bytt type med 1, 2 eller 3 i funnlisten (Tab).",
                    "Change its kind with 1, 2 or 3 in the findings list (Tab)."
                )
            );
            return self.say(text, true);
        }
        let Some(a) = self.current_answer_mut() else {
            return;
        };
        let finding = Finding { kind, text };
        let at = match editing {
            Some(k) if k < a.findings.len() => {
                a.findings[k] = finding;
                k
            }
            _ => {
                a.findings.push(finding);
                a.findings.len() - 1
            }
        };
        self.finding_cursor = at;
        let msg = format!(
            "{} {}",
            self.t("Lagret som", "Saved as"),
            label.to_lowercase()
        );
        self.say(msg, false);
        self.changed_at(now);
    }
}
