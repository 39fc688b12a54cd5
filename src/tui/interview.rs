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
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::editor::Editor;
use super::help;
use super::keys::{self, Binding, Chord, HelpSection, bind, ch, ctrl, key};
use super::ui;
use super::walk::{Page, Walk};
use crate::core::bank::{Bank, DIMENSIONS, Dimension};
use crate::core::exact::int;
use crate::core::lang::Lang;
use crate::core::scoring::{self, Scorecard};
use crate::core::session::{Answer, Finding, FindingKind, Session, Status};
use crate::storage::SaveReport;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Help,
    Next,
    Prev,
    Jump,
    NextOpen,
    NextFlagged,
    Flag,
    Finding,
    Dashboard,
    ShowAll,
    Closing,
    Save,
    Quit,
    QuitHint,
    FocusNext,
    FocusPrev,
    Undo,
    Redo,
    Editor,
    Up,
    Down,
    Lower,
    Raise,
    Score,
    Clear,
    Back,
    Edit,
    Remove,
    Kind(FindingKind),
    New,
    Open,
    Complete,
    Close,
    Confirm,
}

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

pub const GLOBAL: &[Binding<Act>] = &[
    bind(
        &[key(F(1))],
        Act::Help,
        "Hjelp: alle taster",
        "Help: every key",
    )
    .footer("Hjelp", "Help"),
    bind(&[ctrl('q')], Act::Quit, "Lagre og avslutt", "Save and quit").footer("Avslutt", "Quit"),
    bind(
        &[key(Tab)],
        Act::FocusNext,
        "Neste felt: notater → poeng → funn → navigator",
        "Next field: notes → scores → findings → navigator",
    )
    .footer("Felt", "Field"),
    bind(
        &[key(BackTab)],
        Act::FocusPrev,
        "Forrige felt",
        "Previous field",
    ),
    bind(
        &[ctrl('n'), key(PageDown)],
        Act::Next,
        "Neste spørsmål (etter det siste: avslutningen)",
        "Next question (after the last: the closing page)",
    )
    .footer("Neste", "Next"),
    bind(
        &[ctrl('p'), key(PageUp)],
        Act::Prev,
        "Forrige spørsmål",
        "Previous question",
    ),
    bind(
        &[ctrl('k')],
        Act::Finding,
        "Gjør linjen til et funn (styrke, utfordring, svakhet)",
        "Turn the line into a finding (strength, challenge, weakness)",
    )
    .footer("Funn", "Finding"),
    bind(
        &[ctrl('f')],
        Act::Flag,
        "Merk / fjern merke for oppfølging",
        "Flag / unflag for follow-up",
    )
    .footer("Merk", "Flag"),
    bind(
        &[ctrl('d')],
        Act::Dashboard,
        "Poengoversikt (alle områder)",
        "Score dashboard (all areas)",
    )
    .footer("Poeng", "Scores"),
    bind(
        &[ctrl('g')],
        Act::Jump,
        "Gå til spørsmål, delområde eller område (id)",
        "Go to a question, sub-area or area (id)",
    )
    .footer("Gå til", "Go to"),
    bind(
        &[ctrl('o')],
        Act::NextOpen,
        "Neste spørsmål som ikke er ferdig scoret",
        "Next question not fully scored",
    ),
    bind(
        &[ctrl('t')],
        Act::NextFlagged,
        "Neste merkede spørsmål",
        "Next flagged question",
    ),
    bind(
        &[ctrl('e')],
        Act::ShowAll,
        "Vis alle spørsmål / bare de som gjelder rollene",
        "Show all questions / only those for the roles",
    ),
    bind(
        &[ctrl('l')],
        Act::Closing,
        "Avslutning: prioriteringer og fullføring",
        "Closing page: priorities and completion",
    ),
    bind(
        &[ctrl('s')],
        Act::Save,
        "Lagre nå (det skjer også av seg selv)",
        "Save now (it also happens by itself)",
    ),
    bind(
        &[ctrl('c')],
        Act::QuitHint,
        "Viser hvordan du avslutter",
        "Shows how to quit",
    ),
];

pub const NOTES: &[Binding<Act>] = &[
    bind(&[ctrl('z'), ctrl('u')], Act::Undo, "Angre", "Undo"),
    bind(&[ctrl('y'), ctrl('r')], Act::Redo, "Gjør om", "Redo"),
    bind(&[key(Enter)], Act::Editor, "Ny linje", "New line"),
    bind(
        &[keys::ctrl_key(Left), keys::alt('b')],
        Act::Editor,
        "Ett ord tilbake",
        "One word back",
    ),
    bind(
        &[keys::ctrl_key(Right), keys::alt('f')],
        Act::Editor,
        "Ett ord fram",
        "One word forward",
    ),
    bind(
        &[ctrl('w'), keys::alt_key(Backspace)],
        Act::Editor,
        "Slett ordet foran",
        "Delete the word before",
    ),
    bind(
        &[keys::alt('d'), keys::alt_key(Delete)],
        Act::Editor,
        "Slett ordet etter",
        "Delete the word after",
    ),
    bind(
        &[key(Home), key(End)],
        Act::Editor,
        "Til starten / slutten av linjen",
        "To the start / end of the line",
    ),
    bind(
        &[keys::ctrl_key(Up), keys::ctrl_key(Down)],
        Act::Editor,
        "Forrige / neste avsnitt",
        "Previous / next paragraph",
    ),
];

pub const SCORES: &[Binding<Act>] = &[
    bind(
        &[Chord::Digit],
        Act::Score,
        "Sett verdien og gå til neste dimensjon",
        "Set the value and go to the next dimension",
    )
    .footer("Verdi", "Value"),
    bind(
        &[key(Delete), key(Backspace), ch(' '), ch('x')],
        Act::Clear,
        "Fjern verdien (ikke spurt er ikke 0)",
        "Clear the value (not asked is not 0)",
    )
    .footer("Fjern", "Clear"),
    bind(
        &[key(Up)],
        Act::Up,
        "Forrige dimensjon",
        "Previous dimension",
    ),
    bind(&[key(Down)], Act::Down, "Neste dimensjon", "Next dimension"),
    bind(
        &[key(Left)],
        Act::Lower,
        "Senk verdien med 1",
        "Lower the value by 1",
    ),
    bind(
        &[key(Right)],
        Act::Raise,
        "Øk verdien med 1",
        "Raise the value by 1",
    ),
    bind(
        &[key(Esc), key(Enter)],
        Act::Back,
        "Tilbake til notatene",
        "Back to the notes",
    ),
    bind(&[ch('?')], Act::Help, "Hjelp", "Help"),
];

pub const FINDINGS: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige funn", "Previous finding"),
    bind(&[key(Down)], Act::Down, "Neste funn", "Next finding"),
    bind(
        &[key(Enter)],
        Act::Edit,
        "Rediger funnet",
        "Edit the finding",
    )
    .footer("Rediger", "Edit"),
    bind(&[ch('n')], Act::New, "Nytt funn", "New finding").footer("Nytt", "New"),
    bind(
        &[key(Delete), key(Backspace)],
        Act::Remove,
        "Fjern funnet",
        "Remove the finding",
    )
    .footer("Fjern", "Remove"),
    bind(
        &[ch('1')],
        Act::Kind(FindingKind::Strength),
        "Gjør til styrke",
        "Make it a strength",
    ),
    bind(
        &[ch('2')],
        Act::Kind(FindingKind::Challenge),
        "Gjør til utfordring",
        "Make it a challenge",
    ),
    bind(
        &[ch('3')],
        Act::Kind(FindingKind::Weakness),
        "Gjør til svakhet",
        "Make it a weakness",
    ),
    bind(
        &[key(Esc)],
        Act::Back,
        "Tilbake til notatene",
        "Back to the notes",
    ),
    bind(&[ch('?')], Act::Help, "Hjelp", "Help"),
];

pub const NAVIGATOR: &[Binding<Act>] = &[
    bind(
        &[key(Up)],
        Act::Up,
        "Forrige spørsmål i listen",
        "Previous question in the list",
    ),
    bind(
        &[key(Down)],
        Act::Down,
        "Neste spørsmål i listen",
        "Next question in the list",
    ),
    bind(
        &[key(Enter)],
        Act::Open,
        "Åpne spørsmålet",
        "Open the question",
    )
    .footer("Åpne", "Open"),
    bind(
        &[key(Esc)],
        Act::Back,
        "Tilbake til notatene",
        "Back to the notes",
    ),
    bind(&[ch('?')], Act::Help, "Hjelp", "Help"),
];

pub const STATUS: &[Binding<Act>] = &[
    bind(
        &[key(Enter), ch(' ')],
        Act::Complete,
        "Merk intervjuet som fullført / pågående",
        "Mark the interview completed / in progress",
    )
    .footer("Fullført", "Completed"),
    bind(
        &[key(Esc)],
        Act::Back,
        "Tilbake til prioriteringene",
        "Back to the priorities",
    ),
    bind(&[ch('?')], Act::Help, "Hjelp", "Help"),
];

pub const DASHBOARD: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige område", "Previous area"),
    bind(&[key(Down)], Act::Down, "Neste område", "Next area"),
    bind(
        &[key(Enter), key(Right)],
        Act::Open,
        "Vis delområdene",
        "Show the sub-areas",
    )
    .footer("Delområder", "Sub-areas"),
    bind(
        &[key(Left), key(Backspace)],
        Act::Back,
        "Tilbake til alle områder",
        "Back to all areas",
    ),
    bind(
        &[key(Esc), ctrl('d')],
        Act::Close,
        "Lukk oversikten",
        "Close the dashboard",
    )
    .footer("Lukk", "Close"),
];

pub const FINDING_PROMPT: &[Binding<Act>] = &[
    bind(
        &[key(Enter)],
        Act::Confirm,
        "Lagre funnet",
        "Save the finding",
    )
    .footer("Lagre", "Save"),
    bind(&[key(Tab), key(Down)], Act::Down, "Neste type", "Next kind").footer("Type", "Kind"),
    bind(
        &[key(BackTab), key(Up)],
        Act::Up,
        "Forrige type",
        "Previous kind",
    ),
    bind(&[key(Esc)], Act::Close, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
];

pub const JUMP_PROMPT: &[Binding<Act>] = &[
    bind(&[key(Enter)], Act::Confirm, "Gå dit", "Go there").footer("Gå", "Go"),
    bind(&[key(Esc)], Act::Close, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
];

#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: u16,
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
    /// Stays until the interviewer leaves the question (recovery notices).
    pub sticky: bool,
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
        };
        s.enter(page, now);
        s.show_cursor();
        s
    }

    /// Shows a notice that stays until the interviewer leaves the question.
    pub fn set_sticky_notice(&mut self, text: String) {
        self.notice = Some(Notice {
            text: crate::core::text::one_line(&text),
            warning: true,
            sticky: true,
        });
    }

    /// A message in the footer until the next key; it may quote a file, so
    /// control characters are neutralized.
    fn say(&mut self, text: impl Into<String>, warning: bool) {
        self.notice = Some(Notice {
            text: crate::core::text::one_line(&text.into()),
            warning,
            sticky: false,
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

    /// The key tables in force, most specific first.
    pub fn tables(&self) -> Vec<&'static [Binding<Act>]> {
        match &self.overlay {
            Some(Overlay::Help { .. }) => return vec![],
            Some(Overlay::Dashboard { .. }) => return vec![DASHBOARD],
            Some(Overlay::Jump { .. }) => return vec![JUMP_PROMPT],
            Some(Overlay::Finding { .. }) => return vec![FINDING_PROMPT],
            None => {}
        }
        let own = match self.focus {
            Focus::Notes | Focus::Priorities => NOTES,
            Focus::Scores => SCORES,
            Focus::Findings => FINDINGS,
            Focus::Navigator => NAVIGATOR,
            Focus::Status => STATUS,
        };
        vec![own, GLOBAL]
    }

    fn key(&mut self, ev: KeyEvent, now: Instant) -> Vec<Effect> {
        let act = if self.overlay.is_some() {
            None
        } else {
            self.tables().iter().find_map(|t| keys::lookup(t, &ev))
        };
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
            Some(Act::Help) => self.overlay = Some(Overlay::Help { scroll: 0 }),
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

    /// In read-only mode, only moving around is allowed.
    fn read_only_key(&mut self, act: Option<Act>) {
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

    fn home_focus(&self) -> Focus {
        match self.page {
            Page::Question(_) => Focus::Notes,
            Page::Closing => Focus::Priorities,
        }
    }

    fn cycle_focus(&mut self, step: isize) {
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
    fn edit(&mut self, ev: KeyEvent, now: Instant) {
        let modified = match (self.focus, self.page) {
            (Focus::Notes, Page::Question(i)) => {
                let Some(ed) = self.editors.get_mut(&i) else {
                    return;
                };
                let modified = ed.input(ev);
                if modified {
                    self.touched.insert(i);
                }
                modified
            }
            (Focus::Priorities, _) => {
                let modified = self.priorities.input(ev);
                self.priorities_touched |= modified;
                modified
            }
            _ => false,
        };
        if modified {
            self.changed_at(now);
        }
    }

    fn focus_key(&mut self, act: Act, ev: KeyEvent, now: Instant) {
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
                    Some(super::walk::NavRow::Question(i)) => Page::Question(*i),
                    _ => Page::Closing,
                };
                self.go(page, now);
            }
            (Focus::Status, Act::Complete) => {
                self.session.status = match self.session.status {
                    Status::InProgress => Status::Completed,
                    Status::Completed => Status::InProgress,
                };
                let msg = match self.session.status {
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
            (_, Act::Back) => self.focus = self.home_focus(),
            _ => {}
        }
    }

    fn current_answer_mut(&mut self) -> Option<&mut Answer> {
        let i = self.question_index()?;
        let id = self.question_id(i).to_owned();
        Some(self.session.answers.entry(id).or_default())
    }

    fn score_key(&mut self, act: Act, ev: KeyEvent, now: Instant) {
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
                self.score_cursor = (self.score_cursor + 1).min(DIMENSIONS.len() - 1);
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
            Act::Back => self.focus = Focus::Notes,
            _ => {}
        }
    }

    fn set_score(&mut self, d: Dimension, value: Option<u32>, now: Instant) {
        let Some(a) = self.current_answer_mut() else {
            return;
        };
        a.scores.set(d, value.map(|v| int(v as i128)));
        self.card = scoring::score_session(self.bank, &self.session);
        self.changed_at(now);
    }

    fn findings_key(&mut self, act: Act, now: Instant) {
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
                        "{}: {}",
                        self.t("Fjernet", "Removed"),
                        crate::core::text::one_line(&gone.text)
                    );
                    self.say(text, false);
                }
                self.finding_cursor = k.min(count.saturating_sub(2));
                self.changed_at(now);
            }
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

    fn open_finding_prompt(&mut self, text: &str, kind: FindingKind, editing: Option<usize>) {
        self.overlay = Some(Overlay::Finding {
            input: ui::line_input(text),
            kind,
            editing,
        });
    }

    /// Ctrl-K: the line under the cursor (without a leading bullet) becomes
    /// the text of a new finding, to be confirmed with its kind.
    fn finding_from_line(&mut self) {
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

    fn toggle_flag(&mut self, now: Instant) {
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

    fn next_open(&mut self, now: Instant) {
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

    fn next_flagged(&mut self, now: Instant) {
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

    fn enter(&mut self, page: Page, now: Instant) {
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

    fn overlay_key(&mut self, ev: KeyEvent, now: Instant) {
        if let Some(Overlay::Help { scroll }) = &self.overlay {
            let mut scroll = *scroll;
            let max = help::max_scroll(&self.help_sections());
            self.overlay =
                help::key_in_help(&ev, &mut scroll, max).then_some(Overlay::Help { scroll });
            return;
        }
        let Some(table) = self.tables().first().copied() else {
            return;
        };
        let act = keys::lookup(table, &ev);
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

    fn save_finding(
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

    /// Every key of the screen in use, the focused part first.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        let max = self.bank.scale_max();
        let sec = |title: (&str, &str), table| keys::section(title, table, self.lang, max);
        let notes = sec(("Notater", "Notes"), NOTES);
        let mut out = match self.focus {
            Focus::Scores => vec![sec(("Poeng", "Scores"), SCORES)],
            Focus::Findings => vec![sec(("Funn", "Findings"), FINDINGS)],
            Focus::Navigator => vec![sec(("Navigator", "Navigator"), NAVIGATOR)],
            Focus::Status => vec![sec(("Status", "Status"), STATUS)],
            Focus::Priorities => vec![sec(("Prioriteringer", "Priorities"), NOTES)],
            Focus::Notes => vec![],
        };
        out.push(sec(("Overalt", "Everywhere"), GLOBAL));
        let rest = [
            notes,
            sec(("Poeng", "Scores"), SCORES),
            sec(("Funn", "Findings"), FINDINGS),
            sec(("Navigator", "Navigator"), NAVIGATOR),
            sec(("Avslutning: status", "Closing page: status"), STATUS),
            sec(("Poengoversikt", "Dashboard"), DASHBOARD),
            sec(("Nytt funn", "New finding"), FINDING_PROMPT),
            sec(("Gå til", "Go to"), JUMP_PROMPT),
        ];
        for s in rest {
            if !out.iter().any(|o| o.title == s.title) {
                out.push(s);
            }
        }
        out.push(help::section(self.lang));
        out
    }

    /// The footer: the main keys of what has the focus.
    pub fn footer(&self) -> Vec<(String, String)> {
        match self.overlay {
            Some(Overlay::Help { .. }) => keys::footer(&[help::KEYS], self.lang),
            _ => keys::footer(&self.tables(), self.lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Person;
    use ratatui::crossterm::event::KeyModifiers;

    fn fresh(bank: &Bank) -> Session {
        Session::new(
            "01TEST0000000000000000000A".into(),
            bank,
            "Eksempelvik",
            "Kari",
            vec![Person {
                name: "Ola".into(),
                role: "mayor".into(),
            }],
            DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap(),
        )
    }

    struct T<'b> {
        s: Interview<'b>,
        t0: Instant,
        clock: Duration,
    }

    impl<'b> T<'b> {
        fn new(bank: &'b Bank) -> T<'b> {
            let t0 = Instant::now();
            T {
                s: Interview::new(bank, Lang::Nb, fresh(bank), "x.json".into(), false, t0),
                t0,
                clock: Duration::ZERO,
            }
        }
        fn at(&self) -> Instant {
            self.t0 + self.clock
        }
        fn key(&mut self, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
            self.clock += Duration::from_millis(100);
            let at = self.at();
            self.s.update(Msg::Key(KeyEvent::new(code, mods)), at)
        }
        fn typ(&mut self, text: &str) {
            for c in text.chars() {
                if c == '\n' {
                    self.key(Enter, KeyModifiers::NONE);
                } else {
                    self.key(KeyCode::Char(c), KeyModifiers::NONE);
                }
            }
        }
        fn ctrl(&mut self, c: char) -> Vec<Effect> {
            self.key(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        fn plain(&mut self, code: KeyCode) {
            self.key(code, KeyModifiers::NONE);
        }
        fn snap(&mut self) -> Session {
            let at = self.at();
            let wall = self.s.session.updated_at;
            self.s.snapshot(at, wall)
        }
        fn current(&self) -> String {
            self.s
                .question_id(self.s.question_index().unwrap())
                .to_owned()
        }
    }

    #[test]
    fn typing_lands_in_the_first_routed_questions_notes() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        let first = t.current();
        assert!(
            bank.question(&first)
                .unwrap()
                .roles
                .contains(&"mayor".to_string())
        );
        assert_eq!(t.s.focus, Focus::Notes);
        assert_eq!(t.s.save_due(), None);
        t.typ("Hei æøå 🙂\nandre linje");
        assert!(t.s.save_due().is_some());
        let s = t.snap();
        assert_eq!(s.answers[&first].notes, "Hei æøå 🙂\nandre linje");
        assert_eq!(s.last_question.as_deref(), Some(first.as_str()));
        assert_eq!(t.s.save_due(), None);
    }

    #[test]
    fn save_is_due_after_a_pause_or_at_the_latest_after_the_max_wait() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        t.typ("a");
        let first = t.at();
        assert_eq!(t.s.save_due(), Some(first + SAVE_IDLE));
        t.typ("bcdefghij"); // 100 ms apart: never idle long enough
        assert_eq!(t.s.save_due(), Some(first + SAVE_MAX_WAIT));
    }

    #[test]
    fn undo_redo_and_paste_arrive_in_the_notes() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        t.typ("abc");
        t.ctrl('z');
        t.ctrl('z');
        t.ctrl('z');
        assert_eq!(t.snap().answers[&t.current()].notes, "");
        t.ctrl('y');
        t.s.update(Msg::Paste("lang\r\ntekst\x1b[31m".into()), t.at());
        let notes = t.snap().answers[&t.current()].notes.clone();
        assert!(notes.ends_with("lang\ntekst␛[31m"), "{notes:?}");
    }

    #[test]
    fn scores_take_one_key_each_and_clearing_differs_from_zero() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        t.plain(Tab);
        assert_eq!(t.s.focus, Focus::Scores);
        t.typ("30");
        let id = t.current();
        let sc = t.s.session.answers[&id].scores;
        assert_eq!(
            (sc.system, sc.extent, sc.results),
            (Some(int(3)), Some(int(0)), None)
        );
        assert_eq!(t.s.card.scored(), 0);
        t.typ("4");
        assert_eq!(t.s.card.scored(), 1);
        assert!(t.s.card.total > int(0));
        t.plain(Up);
        t.plain(Delete);
        assert_eq!(t.s.session.answers[&id].scores.extent, None);
        assert_eq!(t.s.card.scored(), 0);
        t.typ("9");
        assert!(t.s.notice.as_ref().unwrap().text.contains("0–4"));
        t.plain(Right);
        assert_eq!(t.s.session.answers[&id].scores.extent, Some(int(0)));
        t.plain(Esc);
        assert_eq!(t.s.focus, Focus::Notes);
    }

    #[test]
    fn navigation_counts_time_and_reaches_the_closing_page() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        let first = t.current();
        t.clock += Duration::from_secs(90);
        t.ctrl('n');
        let second = t.current();
        assert_ne!(first, second);
        assert_eq!(t.s.session.answers[&first].seconds, 90);
        t.ctrl('p');
        assert_eq!(t.current(), first);
        t.key(PageDown, KeyModifiers::NONE);
        assert_eq!(t.current(), second);
        t.ctrl('l');
        assert_eq!(t.s.page, Page::Closing);
        assert_eq!(t.s.focus, Focus::Priorities);
        t.ctrl('p');
        assert_eq!(t.s.page, Page::Question(*t.s.walk.items.last().unwrap()));
    }

    #[test]
    fn jump_by_id_next_unanswered_and_next_flagged() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        let first = t.current();
        t.ctrl('g');
        t.typ("6.3.1");
        t.plain(Enter);
        assert_eq!(t.current(), "6.3.1");
        t.ctrl('f');
        assert!(t.s.session.answers["6.3.1"].flagged);
        t.ctrl('g');
        t.typ("1");
        t.plain(Enter);
        assert_eq!(t.current(), first);
        t.ctrl('t');
        assert_eq!(t.current(), "6.3.1");
        t.ctrl('t');
        assert!(t.s.notice.as_ref().unwrap().text.contains("Ingen andre"));
        t.ctrl('g');
        t.typ("9.9");
        t.plain(Enter);
        assert!(t.s.notice.as_ref().unwrap().warning);
        // Score the first question fully; next unanswered skips it.
        t.ctrl('g');
        t.typ(&first);
        t.plain(Enter);
        t.plain(Tab);
        t.typ("222");
        t.ctrl('o');
        assert_ne!(t.current(), first);
    }

    #[test]
    fn show_all_reaches_questions_not_routed_to_the_roles() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        let n = t.s.walk.items.len();
        t.ctrl('e');
        assert_eq!(t.s.walk.items.len(), 75);
        assert!(n < 75);
        t.ctrl('e');
        assert_eq!(t.s.walk.items.len(), n);
    }

    #[test]
    fn findings_from_the_current_line_can_be_edited_and_removed() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        t.typ("første\n- Har oppdatert klimaplan");
        t.ctrl('k');
        t.plain(Tab); // strength -> challenge
        t.plain(Enter);
        let id = t.current();
        let f = &t.s.session.answers[&id].findings;
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "Har oppdatert klimaplan");
        assert_eq!(f[0].kind, FindingKind::Challenge);
        // A typed sentence from the findings list.
        t.plain(Tab);
        t.plain(Tab);
        assert_eq!(t.s.focus, Focus::Findings);
        t.typ("n");
        t.typ("Mangler strategi");
        t.plain(BackTab); // backwards from strength: weakness
        t.plain(Enter);
        let f = &t.s.session.answers[&id].findings;
        assert_eq!(f[1].kind, FindingKind::Weakness);
        t.typ("1");
        assert_eq!(
            t.s.session.answers[&id].findings[1].kind,
            FindingKind::Strength
        );
        t.plain(Enter);
        for _ in 0.."Mangler strategi".chars().count() {
            t.plain(Backspace);
        }
        t.typ("Har strategi");
        t.plain(Enter);
        assert_eq!(t.s.session.answers[&id].findings[1].text, "Har strategi");
        t.plain(Up);
        t.plain(Delete);
        let f = &t.s.session.answers[&id].findings;
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "Har strategi");
        // Empty findings are refused.
        t.typ("n");
        t.plain(Enter);
        assert_eq!(t.s.session.answers[&id].findings.len(), 1);
    }

    #[test]
    fn priorities_and_completion_on_the_closing_page() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        t.ctrl('l');
        t.typ("Bedre kommunikasjon\n\n  Digitalisering  \n");
        t.plain(Tab);
        assert_eq!(t.s.focus, Focus::Status);
        t.plain(Enter);
        let s = t.snap();
        assert_eq!(s.priorities, ["Bedre kommunikasjon", "Digitalisering"]);
        assert_eq!(s.status, Status::Completed);
        t.plain(Enter);
        assert_eq!(t.s.session.status, Status::InProgress);
    }

    #[test]
    fn flags_toggle_and_quit_and_save_are_effects() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        t.ctrl('f');
        assert!(t.s.session.answers[&t.current()].flagged);
        t.ctrl('f');
        assert!(!t.s.session.answers[&t.current()].flagged);
        assert_eq!(t.ctrl('s'), vec![Effect::SaveNow]);
        assert_eq!(t.ctrl('q'), vec![Effect::Quit]);
    }

    #[test]
    fn read_only_moves_but_never_changes() {
        let bank = Bank::builtin();
        let t0 = Instant::now();
        let mut s = Interview::new(&bank, Lang::En, fresh(&bank), "x".into(), true, t0);
        let before = s.session.clone();
        for ev in [
            KeyEvent::from(KeyCode::Char('a')),
            KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL),
            KeyEvent::from(Tab),
            KeyEvent::from(KeyCode::Char('3')),
            KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
        ] {
            s.update(Msg::Key(ev), t0 + Duration::from_secs(5));
        }
        s.update(Msg::Paste("x".into()), t0);
        assert_eq!(s.save_due(), None);
        assert_eq!(s.session.answers, before.answers);
        assert_ne!(
            s.page,
            Interview::new(&bank, Lang::En, fresh(&bank), "x".into(), true, t0).page
        );
    }

    #[test]
    fn resume_lands_on_the_last_question() {
        let bank = Bank::builtin();
        let mut session = fresh(&bank);
        session.last_question = Some("6.3.1".into());
        let s = Interview::new(&bank, Lang::Nb, session, "x".into(), false, Instant::now());
        assert_eq!(s.question_id(s.question_index().unwrap()), "6.3.1");
        assert_eq!(s.focus, Focus::Notes);
    }

    #[test]
    fn save_reports_set_and_clear_the_warning() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        let at = t.at();
        t.s.update(
            Msg::Saved(SaveReport::Failed {
                kind: std::io::ErrorKind::StorageFull,
                reason: "the disk is full".into(),
            }),
            at,
        );
        assert_eq!(t.s.save_failure.as_deref(), Some("disken er full"));
        t.typ("x");
        assert!(
            t.s.save_failure.is_some(),
            "a key does not hide the warning"
        );
        let updated_at = t.s.session.updated_at;
        t.s.update(Msg::Saved(SaveReport::Saved { updated_at }), at);
        assert_eq!(t.s.save_failure, None);
    }

    #[test]
    fn help_lists_every_table_with_the_focused_one_first() {
        let bank = Bank::builtin();
        let mut t = T::new(&bank);
        t.plain(Tab);
        let help = t.s.help_sections();
        assert_eq!(help[0].title, "Poeng");
        assert_eq!(help[1].title, "Overalt");
        assert!(help.iter().any(|s| s.title == "Notater"));
        assert!(help[0].rows.iter().any(|(k, _)| k == "0–4"));
        t.typ("?");
        assert!(matches!(t.s.overlay, Some(Overlay::Help { .. })));
        t.plain(Esc);
        assert!(t.s.overlay.is_none());
    }
}
