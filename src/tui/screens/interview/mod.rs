//! The interview screen's state and its update step.
//!
//! [`Interview::update`] takes a message (a key, a paste, a save report) and
//! changes the state; it does no I/O and never looks at a clock, so it is
//! tested directly. What the runtime must do (quit, save now) comes back as
//! [`Effect`]s; when the session should be written, [`Interview::save_due`]
//! says when and [`Interview::snapshot`] gives the copy for the saver.
//!
//! Typing only touches the editor of the current question: the text is
//! copied into the session at snapshot time, and the scorecard is computed
//! again only when a score changes.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::core::scoring::{self, Scorecard};
use crate::core::session::{Answer, FindingKind, Session};
use crate::storage::{Rescue, SaveReport};
use crate::tui::editor::Editor;
use crate::tui::ui;
use crate::tui::walk::{Page, Walk};

mod bindings;
#[cfg(test)]
mod tests;
mod update;
pub mod view;

pub use bindings::*;

/// Save at most this long after the last change...
pub const SAVE_IDLE: Duration = Duration::from_millis(250);
/// ...and at most this long after the first unsaved one, however fast the
/// typing: together with the write itself, under a second is at risk.
pub const SAVE_MAX_WAIT: Duration = Duration::from_millis(700);

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Saved(SaveReport),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Quit,
    SaveNow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Notes,
    Scores,
    Findings,
    Navigator,
    Priorities,
    Status,
}
#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: u16,
        /// The prompt or dashboard F1 was pressed in, shown again after.
        under: Option<Box<Overlay>>,
    },
    Dashboard {
        area: usize,
        drill: bool,
    },
    Jump {
        input: TextArea<'static>,
    },
    Finding {
        input: TextArea<'static>,
        kind: FindingKind,
        /// The finding being edited; None for a new one.
        editing: Option<usize>,
    },
    /// A question answered with yes or no before something is done.
    Confirm(Ask),
}

/// What the interviewer is asked before it happens.
#[derive(Debug)]
pub enum Ask {
    /// A rescue copy newer than the saved session: take it in, or keep the
    /// saved version (the copy stays where it is).
    TakeRescue(Box<Rescue>),
    /// Marking the interview completed while routed questions are open.
    Complete { open: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
    /// Stays until the interviewer leaves the question (recovery notices).
    pub sticky: bool,
    /// Says that saving fails: gone as soon as a save works again.
    pub until_saved: bool,
}

/// The state of the interview screen.
pub struct Interview<'b> {
    pub bank: &'b Bank,
    pub lang: Lang,
    pub session: Session,
    /// The session file, shown after a crash and in the help.
    pub path: PathBuf,
    pub read_only: bool,
    pub walk: Walk,
    pub page: Page,
    pub focus: Focus,
    /// Editors of the questions visited, so each keeps its undo history.
    editors: HashMap<usize, Editor>,
    /// Editors whose text has not been copied into the session yet.
    touched: BTreeSet<usize>,
    pub priorities: Editor,
    priorities_touched: bool,
    pub score_cursor: usize,
    pub finding_cursor: usize,
    pub nav_cursor: usize,
    pub overlay: Option<Overlay>,
    pub card: Scorecard,
    pub saved_at: Option<DateTime<FixedOffset>>,
    pub save_failure: Option<String>,
    pub notice: Option<Notice>,
    /// Bumped by every change drawn outside the editor; typing leaves it, so
    /// the view can redraw only the editor.
    pub revision: u64,
    editor_only: bool,
    /// First and last unsaved change.
    changed: Option<(Instant, Instant)>,
    /// When the current question was entered (or its time last counted).
    entered_at: Instant,
    /// The time of the last message, for showing the time on the question.
    pub now: Instant,
    /// A rescue copy taken in: removed once the session is saved with it.
    pub rescue_taken: Option<PathBuf>,
    /// The last finding removed, to be put back with Ctrl-Z: the question,
    /// its place in the list and the finding.
    removed_finding: Option<(usize, usize, crate::core::session::Finding)>,
}

impl<'b> Interview<'b> {
    /// Opens a session at its last question (or the first of the walk),
    /// with the notes editor focused.
    pub fn new(
        bank: &'b Bank,
        lang: Lang,
        session: Session,
        path: PathBuf,
        read_only: bool,
        now: Instant,
    ) -> Interview<'b> {
        let walk = Walk::new(bank, &session, false);
        let resume = session
            .last_question
            .as_deref()
            .and_then(|id| bank.position(id))
            .and_then(|pos| walk.positions.iter().position(|&p| p == pos))
            .map(Page::Question);
        let page = resume.unwrap_or_else(|| walk.first());
        let card = scoring::score_session(bank, &session);
        let priorities = Editor::new(
            &session.priorities.join("\n"),
            lang.pick("Én prioritering per linje", "One priority per line"),
        );
        let mut s = Interview {
            bank,
            lang,
            saved_at: Some(session.updated_at),
            session,
            path,
            read_only,
            walk,
            page,
            focus: Focus::Notes,
            editors: HashMap::new(),
            touched: BTreeSet::new(),
            priorities,
            priorities_touched: false,
            score_cursor: 0,
            finding_cursor: 0,
            nav_cursor: 0,
            overlay: None,
            card,
            save_failure: None,
            notice: None,
            revision: 0,
            editor_only: false,
            changed: None,
            entered_at: now,
            now,
            rescue_taken: None,
            removed_finding: None,
        };
        s.enter(page, now);
        s.show_cursor();
        s
    }

    /// Asks whether to take in a rescue copy newer than the saved session.
    pub fn offer_rescue(&mut self, rescue: Rescue) {
        self.overlay = Some(Overlay::Confirm(Ask::TakeRescue(Box::new(rescue))));
        self.revision += 1;
    }

    /// The rescue copy replaces what was loaded; it is saved at once and
    /// removed once saved.
    fn take_rescue(&mut self, rescue: Rescue, now: Instant) {
        let Rescue { path, session, .. } = rescue;
        let here = self
            .question_index()
            .map(|i| self.question_id(i).to_owned());
        self.session = session;
        self.editors.clear();
        self.touched.clear();
        self.priorities = Editor::new(
            &self.session.priorities.join("\n"),
            self.t("Én prioritering per linje", "One priority per line"),
        );
        self.card = scoring::score_session(self.bank, &self.session);
        self.walk = Walk::new(self.bank, &self.session, self.walk.show_all);
        let page = here
            .and_then(|id| self.bank.position(&id))
            .and_then(|pos| self.walk.positions.iter().position(|&p| p == pos))
            .map_or_else(|| self.walk.first(), Page::Question);
        self.enter(page, now);
        self.rescue_taken = Some(path);
        self.say(
            self.t(
                "Redningskopien er tatt inn og lagres nå",
                "The rescue copy is taken in and saved now",
            ),
            false,
        );
        self.changed_at(now);
    }

    /// Shows a notice that stays until the interviewer leaves the question.
    pub fn set_sticky_notice(&mut self, text: String) {
        self.notice = Some(Notice {
            text: crate::core::text::one_line(&text),
            warning: true,
            sticky: true,
            until_saved: false,
        });
    }

    /// A warning that saving fails, shown until a save works again.
    pub fn set_save_warning(&mut self, text: String) {
        self.set_sticky_notice(text);
        if let Some(n) = &mut self.notice {
            n.until_saved = true;
        }
    }

    /// A message in the footer until the next key; it may quote a file, so
    /// control characters are neutralized.
    fn say(&mut self, text: impl Into<String>, warning: bool) {
        self.notice = Some(Notice {
            text: crate::core::text::one_line(&text.into()),
            warning,
            sticky: false,
            until_saved: false,
        });
    }

    pub(crate) fn t(&self, nb: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(nb, en)
    }

    // ----- what the view asks -----

    pub fn question_index(&self) -> Option<usize> {
        match self.page {
            Page::Question(i) => Some(i),
            Page::Closing => None,
        }
    }

    pub fn question_id(&self, i: usize) -> &str {
        &self.bank.at(self.walk.positions[i]).id
    }

    pub fn answer(&self, i: usize) -> Option<&Answer> {
        self.session.answers.get(self.question_id(i))
    }

    /// Whether question `i` has notes, counting text typed since the last save.
    pub fn has_notes(&self, i: usize) -> bool {
        match (self.touched.contains(&i), self.editors.get(&i)) {
            (true, Some(ed)) => !ed.is_blank(),
            _ => self.answer(i).is_some_and(|a| !a.notes.trim().is_empty()),
        }
    }

    /// Seconds spent on question `i`, including the visit in progress.
    pub fn seconds_on(&self, i: usize) -> u64 {
        let stored = self.answer(i).map_or(0, |a| a.seconds);
        let running = if self.page == Page::Question(i) && !self.read_only {
            self.now
                .saturating_duration_since(self.entered_at)
                .as_secs()
        } else {
            0
        };
        stored + running
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.changed.is_some()
    }

    /// When the runtime should hand a snapshot to the saver.
    pub fn save_due(&self) -> Option<Instant> {
        self.changed
            .map(|(first, last)| (first + SAVE_MAX_WAIT).min(last + SAVE_IDLE))
    }

    /// Copies everything typed into the session, counts the time on the
    /// current question, stamps `updated_at` and returns the copy to save.
    pub fn snapshot(&mut self, now: Instant, wall: DateTime<FixedOffset>) -> Session {
        for i in std::mem::take(&mut self.touched) {
            if let Some(ed) = self.editors.get(&i) {
                let text = ed.text();
                let id = self.question_id(i).to_owned();
                self.session.answers.entry(id).or_default().notes = text;
            }
        }
        if std::mem::take(&mut self.priorities_touched) {
            self.session.priorities = self
                .priorities
                .lines()
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
        }
        self.count_time(now);
        self.session.updated_at = wall;
        self.changed = None;
        self.session.clone()
    }

    fn count_time(&mut self, now: Instant) {
        let Page::Question(i) = self.page else {
            return;
        };
        if self.read_only {
            return;
        }
        let secs = now.saturating_duration_since(self.entered_at).as_secs();
        if secs > 0 {
            let id = self.question_id(i).to_owned();
            self.session.answers.entry(id).or_default().seconds += secs;
            self.entered_at += Duration::from_secs(secs);
        }
    }

    fn changed_at(&mut self, now: Instant) {
        self.changed = Some(match self.changed {
            Some((first, _)) => (first, now),
            None => (now, now),
        });
    }

    // ----- the update step -----

    pub fn update(&mut self, msg: Msg, now: Instant) -> Vec<Effect> {
        self.now = now;
        self.editor_only = true;
        let had_notice = self.notice.is_some();
        let effects = match &msg {
            // Plain typing and pasting go to the editor alone; anything else
            // may change what is drawn around it.
            Msg::Key(_) | Msg::Paste(_) => self.step(msg, now),
            Msg::Saved(_) => {
                self.editor_only = false;
                self.step(msg, now)
            }
        };
        if !self.editor_only || had_notice != self.notice.is_some() {
            self.revision += 1;
        }
        self.show_cursor();
        effects
    }

    /// The editor being typed into on this page, if any.
    pub fn current_editor(&self) -> Option<&Editor> {
        match self.page {
            Page::Question(i) => self.editors.get(&i),
            Page::Closing => Some(&self.priorities),
        }
    }

    /// Only the editor being typed into shows its cursor.
    fn show_cursor(&mut self) {
        let typing = self.overlay.is_none() && !self.read_only;
        if let Page::Question(i) = self.page
            && let Some(ed) = self.editors.get_mut(&i)
        {
            ed.show_cursor(typing && self.focus == Focus::Notes);
        }
        self.priorities
            .show_cursor(typing && self.focus == Focus::Priorities);
    }

    fn step(&mut self, msg: Msg, now: Instant) -> Vec<Effect> {
        match msg {
            Msg::Saved(SaveReport::Saved { updated_at }) => {
                self.saved_at = Some(updated_at);
                self.save_failure = None;
                if self.notice.as_ref().is_some_and(|n| n.until_saved) {
                    self.notice = None;
                }
                vec![]
            }
            Msg::Saved(SaveReport::Failed { kind, reason }) => {
                use std::io::ErrorKind;
                let nb = match kind {
                    ErrorKind::StorageFull => Some("disken er full"),
                    ErrorKind::ReadOnlyFilesystem => Some("filsystemet er skrivebeskyttet"),
                    ErrorKind::PermissionDenied => Some("mangler skrivetilgang"),
                    ErrorKind::NotFound => Some("mappen finnes ikke"),
                    _ => None,
                };
                self.save_failure = Some(match (self.lang, nb) {
                    (Lang::Nb, Some(nb)) => nb.to_owned(),
                    _ => reason,
                });
                vec![]
            }
            Msg::Paste(text) => {
                self.paste(&text, now);
                vec![]
            }
            Msg::Key(ev) => {
                if self.notice.as_ref().is_some_and(|n| !n.sticky) {
                    self.notice = None;
                }
                self.key(ev, now)
            }
        }
    }

    fn paste(&mut self, text: &str, now: Instant) {
        let clean = ui::clean_paste(text);
        if self.overlay.is_some() {
            self.editor_only = false;
        }
        match &mut self.overlay {
            Some(Overlay::Jump { input } | Overlay::Finding { input, .. }) => {
                input.insert_str(clean.replace('\n', " "));
                return;
            }
            Some(_) => return,
            None => {}
        }
        if self.read_only {
            return self.refuse_read_only();
        }
        match (self.focus, self.page) {
            (Focus::Notes, Page::Question(i)) => {
                if let Some(ed) = self.editors.get_mut(&i) {
                    ed.insert_str(&clean);
                    self.touched.insert(i);
                    self.changed_at(now);
                }
            }
            (Focus::Priorities, _) => {
                self.priorities.insert_str(&clean);
                self.priorities_touched = true;
                self.changed_at(now);
            }
            _ => self.say(
                self.t(
                    "Lim inn i notatene: trykk Tab til notatfeltet er valgt",
                    "Paste into the notes: press Tab until the notes are selected",
                ),
                false,
            ),
        }
    }

    fn refuse_read_only(&mut self) {
        self.say(
            self.t(
                "Skrivebeskyttet: endringer lagres ikke",
                "Read-only: changes are not saved",
            ),
            true,
        );
    }
}
