//! The interview screen's key tables: what each key does where, which also
//! makes the help and the footer.

use super::*;
use crate::core::session::FindingKind;
use crate::core::text::one_line;
use crate::tui::help;
use crate::tui::keys::{self, Binding, Chord, HelpSection, bind, ch, ctrl, key};
use ratatui::crossterm::event::KeyCode;

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
    HalfStep,
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
    bind(
        &[ctrl('z'), ctrl('u')],
        Act::Undo,
        "Angre: ett ord, eller det som ble skrevet før en pause",
        "Undo: a word, or what was typed before a pause",
    ),
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
        &[
            keys::ctrl_key(Delete),
            keys::alt('d'),
            keys::alt_key(Delete),
        ],
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
        &[ch(','), ch('.')],
        Act::HalfStep,
        "Halve poeng settes i gjennomgangen, ikke i intervjuet",
        "Half steps are set in the review, not in the interview",
    ),
    bind(
        &[key(Delete), key(Backspace)],
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
        &[ctrl('z')],
        Act::Undo,
        "Sett inn igjen funnet som sist ble fjernet",
        "Put back the finding last removed",
    ),
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
    bind(&[key(F(1))], Act::Help, "Hjelp", "Help").footer("Hjelp", "Help"),
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
    bind(&[key(F(1))], Act::Help, "Hjelp", "Help").footer("Hjelp", "Help"),
];

pub const JUMP_PROMPT: &[Binding<Act>] = &[
    bind(&[key(Enter)], Act::Confirm, "Gå dit", "Go there").footer("Gå", "Go"),
    bind(&[key(Esc)], Act::Close, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
    bind(&[key(F(1))], Act::Help, "Hjelp", "Help").footer("Hjelp", "Help"),
];

/// A question before something is done (a rescue copy to take in,
/// completing with open questions). Enter is no answer: a hurried Enter
/// must not decide it.
pub const CONFIRM: &[Binding<Act>] = &[
    bind(&[ch('j'), ch('y')], Act::Confirm, "Ja", "Yes").footer("Ja", "Yes"),
    bind(&[ch('n'), key(Esc)], Act::Close, "Nei", "No").footer("Nei", "No"),
    bind(&[key(F(1))], Act::Help, "Hjelp", "Help").footer("Hjelp", "Help"),
];

impl Interview<'_> {
    /// The key tables in force, most specific first.
    pub fn tables(&self) -> Vec<&'static [Binding<Act>]> {
        match &self.overlay {
            Some(Overlay::Help { .. }) => return vec![],
            Some(Overlay::Dashboard { .. }) => return vec![DASHBOARD],
            Some(Overlay::Jump { .. }) => return vec![JUMP_PROMPT],
            Some(Overlay::Finding { .. }) => return vec![FINDING_PROMPT],
            Some(Overlay::Confirm(_)) => return vec![CONFIRM],
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

    /// Every key of the screen in use, the focused part first.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        let max = self.bank.scale_max();
        let sec = |title: (&str, &str), table| keys::section(title, table, self.lang, max);
        let notes = sec(("Notater", "Notes"), NOTES);
        let under = match &self.overlay {
            Some(Overlay::Help { under: Some(o), .. }) => Some(&**o),
            _ => None,
        };
        let mut out = match (under, self.focus) {
            (Some(Overlay::Dashboard { .. }), _) => {
                vec![sec(("Poengoversikt", "Dashboard"), DASHBOARD)]
            }
            (Some(Overlay::Finding { .. }), _) => {
                vec![sec(("Nytt funn", "New finding"), FINDING_PROMPT)]
            }
            (Some(Overlay::Jump { .. }), _) => vec![sec(("Gå til", "Go to"), JUMP_PROMPT)],
            (Some(Overlay::Confirm(_)), _) => {
                vec![sec(("Spørsmål (j/n)", "Question (y/n)"), CONFIRM)]
            }
            (_, Focus::Scores) => vec![sec(("Poeng", "Scores"), SCORES)],
            (_, Focus::Findings) => vec![sec(("Funn", "Findings"), FINDINGS)],
            (_, Focus::Navigator) => vec![sec(("Navigator", "Navigator"), NAVIGATOR)],
            (_, Focus::Status) => vec![sec(("Status", "Status"), STATUS)],
            (_, Focus::Priorities) => vec![sec(("Prioriteringer", "Priorities"), NOTES)],
            (_, Focus::Notes) => vec![],
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
            sec(("Spørsmål (j/n)", "Question (y/n)"), CONFIRM),
        ];
        for s in rest {
            if !out.iter().any(|o| o.title == s.title) {
                out.push(s);
            }
        }
        out.push(self.people_section());
        out.push(help::section(self.lang));
        out
    }

    /// Everyone interviewed, in full (the header may only have room for
    /// initials), and whether the current question is for their role.
    fn people_section(&self) -> HelpSection {
        let question = self
            .question_index()
            .map(|i| self.bank.at(self.walk.positions[i]));
        let rows = self
            .session
            .interviewees
            .iter()
            .map(|p| {
                let mut role = one_line(&self.bank.role_label(&p.role, self.lang));
                if let Some(q) = question
                    && !q.roles.contains(&p.role)
                {
                    role.push_str(self.t(
                        " · ○ spørsmålet gjelder ikke rollen",
                        " · ○ the question is not for the role",
                    ));
                }
                (one_line(&p.name), role)
            })
            .collect();
        HelpSection {
            title: self.t("Intervjuet", "Interviewed").to_owned(),
            rows,
        }
    }

    /// The footer: the main keys of what has the focus.
    pub fn footer(&self) -> Vec<(String, String)> {
        match self.overlay {
            Some(Overlay::Help { .. }) => keys::footer(&[help::KEYS], self.lang),
            _ => keys::footer(&self.tables(), self.lang),
        }
    }
}
