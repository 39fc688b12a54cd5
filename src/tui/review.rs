//! The review screens' state and its update step.
//!
//! [`Review::update`] takes a message (a key, a paste, a save report, a
//! baseline read by the runtime) and changes the state through the pure
//! review core (`core::review`); it does no I/O. What the runtime must do
//! comes back as [`Effect`]s: save the assessment (off the keystroke's path,
//! by the background saver), read a baseline file, go to the start screen,
//! quit.
//!
//! The figures that only change when the interviews change (role view,
//! agreement) are computed when the review opens and after a refresh; the
//! scorecard and the disagreement order when a decision changes. Drawing
//! (`review_view`) only reads.

use std::collections::BTreeSet;
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::dashboard;
use super::help;
use super::keys::{self, Binding, Chord, HelpSection, alt_key, bind, ch, ctrl, key};
use super::ui;
use crate::core::assessment::Assessment;
use crate::core::bank::{Bank, DIMENSIONS};
use crate::core::baseline::Baseline;
use crate::core::exact::{Exact, int};
use crate::core::lang::Lang;
use crate::core::review::agreement::{self, Agreement};
use crate::core::review::findings;
use crate::core::review::open::{self, MunicipalityGroup};
use crate::core::review::priorities;
use crate::core::review::question::{self, Disagreement, Filter};
use crate::core::review::refresh::RefreshReport;
use crate::core::review::roles::{self, RoleView};
use crate::core::review::{ReviewError, ReviewSession};
use crate::core::scoring::Scorecard;
use crate::core::session::{FindingKind, Scores};
use crate::core::text::one_line;
use crate::storage::SaveReport;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Saved(SaveReport),
    /// A baseline file the runtime read for [`Effect::LoadBaseline`]: the
    /// baseline, or the message why it could not be read.
    Baseline(Result<Baseline, String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The assessment changed: hand a copy to the saver.
    Save,
    /// Read this baseline file and answer with [`Msg::Baseline`].
    LoadBaseline(PathBuf),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Help,
    NextView,
    PrevView,
    Jump,
    Baseline,
    Refresh,
    Conflicts,
    Start,
    Save,
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Open,
    Back,
    Filter,
    Accept,
    Override,
    Digit,
    Clear,
    NextQuestion,
    PrevQuestion,
    NextUndecided,
    PrevArea,
    NextArea,
    Edit,
    Kind,
    Star,
    Mark,
    Merge,
    Split,
    Drop,
    Restore,
    MoveUp,
    MoveDown,
    Half,
    LessHalf,
    Confirm,
    Cancel,
}

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

pub const GLOBAL: &[Binding<Act>] = &[
    bind(
        &[key(F(1)), ch('?')],
        Act::Help,
        "Hjelp: alle taster",
        "Help: every key",
    )
    .footer("Hjelp", "Help"),
    bind(
        &[key(Tab)],
        Act::NextView,
        "Neste skjerm: oversikt → uenighet → spørsmål → roller → funn → prioriteringer",
        "Next screen: overview → disagreement → question → roles → findings → priorities",
    )
    .footer("Skjerm", "Screen"),
    bind(
        &[key(BackTab)],
        Act::PrevView,
        "Forrige skjerm",
        "Previous screen",
    ),
    bind(
        &[ctrl('g')],
        Act::Jump,
        "Gå til et spørsmål (id)",
        "Go to a question (id)",
    ),
    bind(
        &[ctrl('b')],
        Act::Baseline,
        "Legg til et sammenligningsgrunnlag (fil)",
        "Attach a baseline (file)",
    ),
    bind(
        &[ctrl('r')],
        Act::Refresh,
        "Oppdater fra endrede intervjuer (avgjørelser beholdes)",
        "Refresh from changed interviews (decisions are kept)",
    ),
    bind(
        &[ctrl('k')],
        Act::Conflicts,
        "Løs konflikter: samme intervju med ulikt innhold",
        "Resolve conflicts: one interview with different contents",
    ),
    bind(
        &[ctrl('n')],
        Act::Start,
        "Til startskjermen: intervjuene (lagrer først)",
        "To the start screen: the interviews (saves first)",
    ),
    bind(
        &[ctrl('s')],
        Act::Save,
        "Lagre nå (det skjer også av seg selv)",
        "Save now (it also happens by itself)",
    ),
    bind(
        &[ctrl('q'), ch('q')],
        Act::Quit,
        "Lagre og avslutt",
        "Save and quit",
    )
    .footer("Avslutt", "Quit"),
];

pub const OVERVIEW: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige område", "Previous area"),
    bind(&[key(Down)], Act::Down, "Neste område", "Next area"),
    bind(
        &[key(Enter), key(Right)],
        Act::Open,
        "Vis / skjul delområdene",
        "Show / hide the sub-areas",
    )
    .footer("Delområder", "Sub-areas"),
    bind(
        &[key(Left), key(Backspace), key(Esc)],
        Act::Back,
        "Tilbake til alle områder",
        "Back to all areas",
    ),
];

pub const LIST: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige spørsmål", "Previous question"),
    bind(&[key(Down)], Act::Down, "Neste spørsmål", "Next question"),
    bind(&[key(PageUp)], Act::PageUp, "En side opp", "A page up"),
    bind(
        &[key(PageDown)],
        Act::PageDown,
        "En side ned",
        "A page down",
    ),
    bind(&[key(Home)], Act::Home, "Til toppen", "To the top"),
    bind(&[key(End)], Act::End, "Til bunnen", "To the bottom"),
    bind(
        &[key(Enter), key(Right)],
        Act::Open,
        "Åpne spørsmålet",
        "Open the question",
    )
    .footer("Åpne", "Open"),
    bind(
        &[ch('f')],
        Act::Filter,
        "Filter: alle / bare ikke avgjorte",
        "Filter: all / only undecided",
    )
    .footer("Filter", "Filter"),
];

pub const QUESTION: &[Binding<Act>] = &[
    bind(
        &[ch('a')],
        Act::Accept,
        "Godta forslaget (medianen)",
        "Accept the suggestion (the median)",
    )
    .footer("Godta", "Accept"),
    bind(
        &[Chord::Digit],
        Act::Digit,
        "Overstyr: sifferet blir System, neste siffer Omfang, så Resultat",
        "Override: the digit sets System, the next Extent, then Results",
    )
    .footer("Overstyr", "Override"),
    bind(
        &[ch('o')],
        Act::Override,
        "Overstyr med dagens verdier som utgangspunkt",
        "Override, starting from the current values",
    ),
    bind(
        &[ch('x'), key(Delete), key(Backspace)],
        Act::Clear,
        "Fjern avgjørelsen (ikke avgjort igjen)",
        "Clear the decision (undecided again)",
    ),
    bind(
        &[ch('u')],
        Act::NextUndecided,
        "Neste ikke avgjorte, mest uenige først",
        "Next undecided, most disputed first",
    )
    .footer("Neste uavgjorte", "Next undecided"),
    bind(
        &[key(Right), key(PageDown), ch('n')],
        Act::NextQuestion,
        "Neste spørsmål i uenighetslisten",
        "Next question in the disagreement list",
    ),
    bind(
        &[key(Left), key(PageUp), ch('p')],
        Act::PrevQuestion,
        "Forrige spørsmål i uenighetslisten",
        "Previous question in the disagreement list",
    ),
    bind(
        &[key(Up)],
        Act::Up,
        "Forrige intervju (notater nederst)",
        "Previous interview (notes below)",
    ),
    bind(
        &[key(Down)],
        Act::Down,
        "Neste intervju (notater nederst)",
        "Next interview (notes below)",
    ),
    bind(
        &[key(Esc), ch('l')],
        Act::Back,
        "Tilbake til uenighetslisten",
        "Back to the disagreement list",
    ),
];

pub const ROLES: &[Binding<Act>] = &[
    bind(
        &[key(Left), key(Up)],
        Act::Up,
        "Forrige område (kolonne)",
        "Previous area (column)",
    ),
    bind(
        &[key(Right), key(Down)],
        Act::Down,
        "Neste område (kolonne)",
        "Next area (column)",
    ),
    bind(
        &[key(Enter)],
        Act::Open,
        "Funnene i området",
        "The area's findings",
    )
    .footer("Funn", "Findings"),
];

pub const FINDINGS: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige funn", "Previous finding"),
    bind(&[key(Down)], Act::Down, "Neste funn", "Next finding"),
    bind(
        &[key(Left), key(Right)],
        Act::NextArea,
        "Forrige / neste område",
        "Previous / next area",
    ),
    bind(
        &[key(Enter), ch('e')],
        Act::Edit,
        "Rediger teksten",
        "Edit the text",
    )
    .footer("Rediger", "Edit"),
    bind(
        &[ch('k')],
        Act::Kind,
        "Bytt type: styrke → utfordring → svakhet",
        "Change kind: strength → challenge → weakness",
    )
    .footer("Type", "Kind"),
    bind(
        &[ch('b'), ch('*')],
        Act::Star,
        "Beste praksis ★ på / av",
        "Best practice ★ on / off",
    )
    .footer("★", "★"),
    bind(
        &[ch(' ')],
        Act::Mark,
        "Merk for sammenslåing",
        "Mark for merging",
    ),
    bind(
        &[ch('m')],
        Act::Merge,
        "Slå sammen de merkede (og dette) til ett funn",
        "Merge the marked ones (and this one) into one finding",
    )
    .footer("Slå sammen", "Merge"),
    bind(
        &[ch('s')],
        Act::Split,
        "Del et sammenslått funn i sine kilder",
        "Split a merged finding into its sources",
    ),
    bind(
        &[ch('d'), key(Delete)],
        Act::Drop,
        "Forkast (kan gjenopprettes)",
        "Drop (can be restored)",
    )
    .footer("Forkast", "Drop"),
    bind(
        &[ch('r')],
        Act::Restore,
        "Gjenopprett et forkastet funn",
        "Restore a dropped finding",
    ),
    bind(
        &[alt_key(Up)],
        Act::MoveUp,
        "Flytt funnet opp (rekkefølgen i rapporten)",
        "Move the finding up (the report's order)",
    ),
    bind(
        &[alt_key(Down)],
        Act::MoveDown,
        "Flytt funnet ned",
        "Move the finding down",
    ),
];

pub const PRIORITIES: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige linje", "Previous line"),
    bind(&[key(Down)], Act::Down, "Neste linje", "Next line"),
    bind(
        &[key(Enter), ch('e')],
        Act::Edit,
        "Gi gruppen et nytt navn",
        "Rename the group",
    )
    .footer("Navn", "Rename"),
    bind(
        &[ch(' ')],
        Act::Mark,
        "Merk gruppen for sammenslåing",
        "Mark the group for merging",
    )
    .footer("Merk", "Mark"),
    bind(
        &[ch('m')],
        Act::Merge,
        "Slå de merkede gruppene sammen med denne",
        "Merge the marked groups into this one",
    )
    .footer("Slå sammen", "Merge"),
    bind(
        &[ch('s')],
        Act::Split,
        "Skill prioriteringen ut i en egen gruppe",
        "Split the priority off into a group of its own",
    )
    .footer("Skill ut", "Split"),
];

pub const OVERRIDE: &[Binding<Act>] = &[
    bind(
        &[Chord::Digit],
        Act::Digit,
        "Sett verdien; neste siffer går til neste dimensjon",
        "Set the value; the next digit goes to the next dimension",
    )
    .footer("Verdi", "Value"),
    bind(
        &[ch('.'), ch(','), ch('+')],
        Act::Half,
        "Et halvt poeng opp (2 . = 2,5; også 5 etter et siffer)",
        "Half a point up (2 . = 2.5; also 5 after a digit)",
    )
    .footer("½ opp", "½ up"),
    bind(
        &[ch('-')],
        Act::LessHalf,
        "Et halvt poeng ned",
        "Half a point down",
    ),
    bind(
        &[key(Right), key(Tab)],
        Act::Down,
        "Neste dimensjon",
        "Next dimension",
    ),
    bind(
        &[key(Left), key(BackTab)],
        Act::Up,
        "Forrige dimensjon",
        "Previous dimension",
    ),
    bind(
        &[key(Enter)],
        Act::Confirm,
        "Til begrunnelsen; i begrunnelsen: lagre",
        "To the reason; in the reason: save",
    )
    .footer("Begrunnelse/lagre", "Reason/save"),
    bind(&[key(Esc)], Act::Cancel, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
];

pub const REASON: &[Binding<Act>] = &[
    bind(
        &[key(Enter)],
        Act::Confirm,
        "Lagre overstyringen",
        "Save the override",
    )
    .footer("Lagre", "Save"),
    bind(
        &[key(Up), key(BackTab)],
        Act::Up,
        "Tilbake til verdiene",
        "Back to the values",
    )
    .footer("Verdier", "Values"),
    bind(&[key(Esc)], Act::Cancel, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
];

pub const PROMPT: &[Binding<Act>] = &[
    bind(&[key(Enter)], Act::Confirm, "Bekreft", "Confirm").footer("Bekreft", "Confirm"),
    bind(&[key(Esc)], Act::Cancel, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
];

pub const CONFLICT: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige versjon", "Previous version"),
    bind(&[key(Down)], Act::Down, "Neste version", "Next version"),
    bind(
        &[key(Enter)],
        Act::Confirm,
        "Bruk denne versjonen",
        "Use this version",
    )
    .footer("Bruk", "Use"),
    bind(
        &[key(Esc)],
        Act::Cancel,
        "Senere (intervjuet holdes utenfor til da)",
        "Later (the interview is left out until then)",
    )
    .footer("Senere", "Later"),
];

/// What a one-line prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    Jump,
    Baseline,
    EditFinding { area: String, index: usize },
    MergeFindings { area: String, indices: Vec<usize> },
    Rename { group: usize },
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

    /// After the interviews changed (refresh, a conflict resolved).
    fn reanalyse(&mut self) {
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
            Msg::Paste(text) => {
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
                if self.overlay.is_some() {
                    self.overlay_key(ev)
                } else {
                    self.key(ev)
                }
            }
        }
    }

    /// The key tables in force, most specific first.
    pub fn tables(&self) -> Vec<&'static [Binding<Act>]> {
        match &self.overlay {
            // The help's keys are its own (help::KEYS), the same everywhere.
            Some(Overlay::Help { .. }) => return vec![],
            Some(Overlay::Override(d)) if d.on_reason => return vec![REASON],
            Some(Overlay::Override(_)) => return vec![OVERRIDE],
            Some(Overlay::Prompt { .. }) => return vec![PROMPT],
            Some(Overlay::Conflict { .. }) => return vec![CONFLICT],
            None => {}
        }
        vec![self.view_table(), GLOBAL]
    }

    /// The keys of the screen shown, whatever is open over it.
    fn view_table(&self) -> &'static [Binding<Act>] {
        match self.view {
            View::Overview => OVERVIEW,
            View::List => LIST,
            View::Question => QUESTION,
            View::Roles => ROLES,
            View::Findings => FINDINGS,
            View::Priorities => PRIORITIES,
        }
    }

    fn key(&mut self, ev: KeyEvent) -> Vec<Effect> {
        let Some(act) = self.tables().iter().find_map(|t| keys::lookup(t, &ev)) else {
            return vec![];
        };
        match act {
            Act::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Act::NextView => self.show(VIEWS[(self.view.index() + 1) % VIEWS.len()]),
            Act::PrevView => self.show(VIEWS[(self.view.index() + VIEWS.len() - 1) % VIEWS.len()]),
            Act::Jump => self.prompt(PromptFor::Jump, ""),
            Act::Baseline => self.prompt(PromptFor::Baseline, ""),
            Act::Refresh => return self.refresh(),
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
            Act::Start => return vec![Effect::Start],
            Act::Save => return vec![Effect::Save],
            Act::Quit => return vec![Effect::Quit],
            _ => {
                return match self.view {
                    View::Overview => self.overview_key(act),
                    View::List => self.list_key(act),
                    View::Question => self.question_key(act, ev),
                    View::Roles => self.roles_key(act),
                    View::Findings => self.findings_key(act, ev),
                    View::Priorities => self.priorities_key(act),
                };
            }
        }
        vec![]
    }

    fn show(&mut self, view: View) {
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

    fn prompt(&mut self, what: PromptFor, text: &str) {
        self.overlay = Some(Overlay::Prompt {
            what,
            input: Box::new(ui::line_input(text)),
        });
    }

    fn overview_key(&mut self, act: Act) -> Vec<Effect> {
        let n = self.card.areas.len();
        match act {
            Act::Up => self.area = self.area.saturating_sub(1),
            Act::Down => self.area = (self.area + 1).min(n.saturating_sub(1)),
            Act::Open => self.drill = !self.drill,
            Act::Back => self.drill = false,
            _ => {}
        }
        vec![]
    }

    fn list_key(&mut self, act: Act) -> Vec<Effect> {
        let n = self.list_rows().len();
        let last = n.saturating_sub(1);
        match act {
            Act::Up => self.list_cursor = self.list_cursor.saturating_sub(1),
            Act::Down => self.list_cursor = (self.list_cursor + 1).min(last),
            Act::PageUp => self.list_cursor = self.list_cursor.saturating_sub(10),
            Act::PageDown => self.list_cursor = (self.list_cursor + 10).min(last),
            Act::Home => self.list_cursor = 0,
            Act::End => self.list_cursor = last,
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

    fn question_key(&mut self, act: Act, ev: KeyEvent) -> Vec<Effect> {
        let id = self.current.clone();
        match act {
            Act::Accept => match question::accept(&mut self.rs.assessment, &id) {
                Ok(()) => {
                    self.say(
                        format!(
                            "{id}: {}",
                            self.t("forslaget er godtatt", "suggestion accepted")
                        ),
                        false,
                    );
                    return self.decided();
                }
                Err(e) => self.fail(e),
            },
            Act::Clear => match question::clear(&mut self.rs.assessment, &id) {
                Ok(()) => {
                    self.say(
                        format!("{id}: {}", self.t("ikke avgjort igjen", "undecided again")),
                        false,
                    );
                    return self.decided();
                }
                Err(e) => self.fail(e),
            },
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
            Act::Up => self.row = self.row.saturating_sub(1),
            Act::Down => {
                let rows = question::view(&self.rs.assessment, &self.rs.sessions, &id)
                    .map_or(0, |v| v.rows.len());
                self.row = (self.row + 1).min(rows.saturating_sub(1));
            }
            Act::Back => self.show(View::List),
            _ => {}
        }
        vec![]
    }

    fn start_override(&mut self) {
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

    fn roles_key(&mut self, act: Act) -> Vec<Effect> {
        let n = self.bank.areas().len();
        match act {
            Act::Up => self.area = self.area.saturating_sub(1),
            Act::Down => self.area = (self.area + 1).min(n.saturating_sub(1)),
            Act::Open => {
                self.findings_area = self.area;
                self.finding_cursor = 0;
                self.marked.clear();
                self.view = View::Findings;
            }
            _ => {}
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

    fn findings_key(&mut self, act: Act, ev: KeyEvent) -> Vec<Effect> {
        let area = self.area_id(self.findings_area).to_owned();
        let (live, dropped) = self.findings_len();
        let selected = self.selected_finding();
        let result: Result<bool, ReviewError> = match (act, selected) {
            (Act::Up, _) => {
                self.finding_cursor = self.finding_cursor.saturating_sub(1);
                Ok(false)
            }
            (Act::Down, _) => {
                self.finding_cursor =
                    (self.finding_cursor + 1).min((live + dropped).saturating_sub(1));
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
            (Act::Kind, Some(Ok(i))) => {
                let a = &mut self.rs.assessment;
                let next = match a.findings[&area][i].kind {
                    FindingKind::Strength => FindingKind::Challenge,
                    FindingKind::Challenge => FindingKind::Weakness,
                    FindingKind::Weakness => FindingKind::Strength,
                };
                findings::set_kind(a, &area, i, next).map(|()| true)
            }
            (Act::Star, Some(Ok(i))) => {
                findings::toggle_best_practice(&mut self.rs.assessment, &area, i).map(|_| true)
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
                findings::split(&mut self.rs.assessment, &area, i).map(|_| {
                    self.marked.clear();
                    true
                })
            }
            (Act::Drop, Some(Ok(i))) => findings::drop_finding(&mut self.rs.assessment, &area, i)
                .map(|()| {
                    self.marked.clear();
                    true
                }),
            (Act::Restore, Some(Err(d))) => findings::restore(&mut self.rs.assessment, &area, d)
                .map(|at| {
                    self.finding_cursor = at;
                    true
                }),
            (Act::MoveUp | Act::MoveDown, Some(Ok(i))) => {
                let to = if act == Act::MoveUp {
                    i.saturating_sub(1)
                } else {
                    (i + 1).min(live.saturating_sub(1))
                };
                findings::move_to(&mut self.rs.assessment, &area, i, to).map(|()| {
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

    fn priorities_key(&mut self, act: Act) -> Vec<Effect> {
        let rows = self.priority_rows();
        let row = rows.get(self.prio_cursor).copied();
        let group = match row {
            Some(PriorityRow::Group(g) | PriorityRow::Item(g, _)) => Some(g),
            None => None,
        };
        let result = match (act, row, group) {
            (Act::Up, ..) => {
                self.prio_cursor = self.prio_cursor.saturating_sub(1);
                Ok(false)
            }
            (Act::Down, ..) => {
                self.prio_cursor = (self.prio_cursor + 1).min(rows.len().saturating_sub(1));
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
                let groups = &mut self.rs.assessment.priorities;
                priorities::merge(groups, &indices).map(|at| {
                    self.prio_marked.clear();
                    self.prio_cursor = rows_before(groups, at);
                    true
                })
            }
            (Act::Split, Some(PriorityRow::Item(g, i)), _) => {
                let groups = &mut self.rs.assessment.priorities;
                priorities::split(groups, g, i).map(|at| {
                    self.prio_marked.clear();
                    self.prio_cursor = rows_before(groups, at);
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

    fn refresh(&mut self) -> Vec<Effect> {
        if self.rs.stale.is_empty() {
            self.say(
                self.t(
                    "Vurderingen er à jour med intervjuene",
                    "The assessment is up to date with the interviews",
                ),
                false,
            );
            return vec![];
        }
        let report = self.rs.refresh(self.bank);
        let text = refresh_text(&report, self.lang);
        self.say(text, !report.resuggested.is_empty());
        self.reanalyse();
        self.decided()
    }

    fn baseline_loaded(&mut self, result: Result<Baseline, String>) -> Vec<Effect> {
        match result {
            Err(reason) => {
                self.say(reason, true);
                vec![]
            }
            Ok(b) => {
                let name = b.label(self.lang);
                let notes = open::attach_baselines(&mut self.rs.assessment, vec![b], self.lang);
                let text = notes.into_iter().next().unwrap_or_else(|| {
                    format!(
                        "{} «{}»",
                        self.t("La til sammenligningsgrunnlaget", "Attached the baseline"),
                        one_line(&name)
                    )
                });
                self.say(text, false);
                self.bases = self.dashboard_baselines();
                vec![Effect::Save]
            }
        }
    }

    // ----- overlays -----

    fn overlay_key(&mut self, ev: KeyEvent) -> Vec<Effect> {
        let act = self.tables().iter().find_map(|t| keys::lookup(t, &ev));
        let Some(overlay) = self.overlay.take() else {
            return vec![];
        };
        match overlay {
            Overlay::Help { mut scroll } => {
                let max = help::max_scroll(&self.help_sections());
                self.overlay =
                    help::key_in_help(&ev, &mut scroll, max).then_some(Overlay::Help { scroll });
                vec![]
            }
            Overlay::Override(draft) => self.override_key(draft, act, ev),
            Overlay::Prompt { what, mut input } => match act {
                Some(Act::Confirm) => self.confirm_prompt(what, ui::line_text(&input)),
                Some(Act::Cancel) => vec![],
                _ => {
                    ui::edit_line(&mut input, &ev);
                    self.overlay = Some(Overlay::Prompt { what, input });
                    vec![]
                }
            },
            Overlay::Conflict { cursor } => self.conflict_key(cursor, act),
        }
    }

    fn override_key(&mut self, mut d: Box<Draft>, act: Option<Act>, ev: KeyEvent) -> Vec<Effect> {
        if d.on_reason {
            match act {
                Some(Act::Confirm) => return self.save_override(d),
                Some(Act::Cancel) => return vec![],
                Some(Act::Up) => d.on_reason = false,
                _ => {
                    ui::edit_line(&mut d.reason, &ev);
                    d.error = None;
                }
            }
            self.overlay = Some(Overlay::Override(d));
            return vec![];
        }
        let max = int(i128::from(self.bank.scale_max()));
        let min = int(i128::from(self.bank.scale_min()));
        let half = Exact::new(1, 2);
        d.error = None;
        match (act, ev.code) {
            (Some(Act::Cancel), _) => return vec![],
            (Some(Act::Confirm), _) => {
                if ui::line_text(&d.reason).trim().is_empty() {
                    d.on_reason = true;
                } else {
                    return self.save_override(d);
                }
            }
            (Some(Act::Down), _) => {
                d.cursor = (d.cursor + 1).min(2);
                d.typed = false;
            }
            (Some(Act::Up), _) => {
                d.cursor = d.cursor.saturating_sub(1);
                d.typed = false;
            }
            // "5" right after a digit is the half: 2 then 5 is 2,5.
            (Some(Act::Digit), KeyCode::Char('5')) if d.typed => {
                d.values[d.cursor] = d.values[d.cursor].map(|v| (v + half).min(max));
            }
            (Some(Act::Digit), KeyCode::Char(c)) => {
                let v = c.to_digit(10).map(i128::from).map(int);
                match v.filter(|v| *v >= min && *v <= max) {
                    Some(v) => {
                        if d.typed && d.cursor < 2 {
                            d.cursor += 1;
                        }
                        d.values[d.cursor] = Some(v);
                        d.typed = true;
                    }
                    None => {
                        d.error = Some(format!(
                            "{} {}–{}",
                            self.t("Skalaen er", "The scale is"),
                            self.bank.scale_min(),
                            self.bank.scale_max()
                        ))
                    }
                }
            }
            (Some(Act::Half), _) => {
                let v = d.values[d.cursor].unwrap_or(min);
                d.values[d.cursor] = Some((v + half).min(max));
            }
            (Some(Act::LessHalf), _) => {
                let v = d.values[d.cursor].unwrap_or(min);
                d.values[d.cursor] = Some((v - half).max(min));
            }
            _ => {
                // Letters go to the reason: typing it needs no extra key.
                if let KeyCode::Char(c) = ev.code
                    && c.is_alphabetic()
                {
                    d.on_reason = true;
                    ui::edit_line(&mut d.reason, &ev);
                }
            }
        }
        self.overlay = Some(Overlay::Override(d));
        vec![]
    }

    fn save_override(&mut self, mut d: Box<Draft>) -> Vec<Effect> {
        let scores = Scores {
            system: d.values[0],
            extent: d.values[1],
            results: d.values[2],
        };
        let reason = ui::line_text(&d.reason);
        match question::override_scores(
            &mut self.rs.assessment,
            self.bank,
            &d.question,
            scores,
            &reason,
        ) {
            Ok(()) => {
                self.say(
                    format!(
                        "{}: {}",
                        d.question,
                        self.t("overstyrt, med begrunnelse", "overridden, with the reason")
                    ),
                    false,
                );
                self.decided()
            }
            Err(e) => {
                d.on_reason = matches!(e, ReviewError::EmptyReason);
                d.error = Some(e.message(self.lang));
                self.overlay = Some(Overlay::Override(d));
                vec![]
            }
        }
    }

    fn confirm_prompt(&mut self, what: PromptFor, text: String) -> Vec<Effect> {
        let a = &mut self.rs.assessment;
        let result = match &what {
            PromptFor::Jump => {
                let id = text.trim().trim_end_matches('.');
                if a.questions.contains_key(id) {
                    let id = id.to_owned();
                    self.open_question(&id);
                    return vec![];
                }
                self.say(
                    format!(
                        "{} «{}»",
                        self.t("Fant ikke spørsmålet", "No such question"),
                        one_line(id)
                    ),
                    true,
                );
                return vec![];
            }
            PromptFor::Baseline => {
                let path = text.trim();
                if path.is_empty() {
                    return vec![];
                }
                return vec![Effect::LoadBaseline(PathBuf::from(expand_home(path)))];
            }
            PromptFor::EditFinding { area, index } => findings::edit_text(a, area, *index, &text),
            PromptFor::MergeFindings { area, indices } => {
                findings::merge(a, area, indices, Some(&text)).map(|at| {
                    self.finding_cursor = at;
                    self.marked.clear();
                })
            }
            PromptFor::Rename { group } => priorities::rename(&mut a.priorities, *group, &text),
        };
        match result {
            Ok(()) => {
                self.clamp_cursors();
                vec![Effect::Save]
            }
            Err(e) => {
                self.fail(e);
                // Keep the text so a slip costs nothing.
                self.prompt(what, &text);
                vec![]
            }
        }
    }

    fn conflict_key(&mut self, cursor: usize, act: Option<Act>) -> Vec<Effect> {
        let Some(conflict) = self.rs.unresolved().next() else {
            return vec![];
        };
        let n = conflict.candidates.len();
        let id = conflict.id.clone();
        match act {
            Some(Act::Up) => {
                self.overlay = Some(Overlay::Conflict {
                    cursor: cursor.saturating_sub(1),
                })
            }
            Some(Act::Down) => {
                self.overlay = Some(Overlay::Conflict {
                    cursor: (cursor + 1).min(n.saturating_sub(1)),
                })
            }
            Some(Act::Confirm) => {
                if let Err(e) = self.rs.resolve_conflict(&id, cursor) {
                    self.fail(e);
                    return vec![];
                }
                let report = self.rs.refresh(self.bank);
                self.say(refresh_text(&report, self.lang), false);
                self.reanalyse();
                if self.rs.unresolved().next().is_some() {
                    self.overlay = Some(Overlay::Conflict { cursor: 0 });
                }
                return self.decided();
            }
            Some(Act::Cancel) => {}
            _ => self.overlay = Some(Overlay::Conflict { cursor }),
        }
        vec![]
    }

    // ----- help and footer -----

    pub fn help_sections(&self) -> Vec<HelpSection> {
        let max = self.bank.scale_max();
        let s = |t: (&str, &str), table| keys::section(t, table, self.lang, max);
        let own = (
            match self.view {
                View::Overview => ("Oversikt", "Overview"),
                View::List => ("Uenighetslisten", "Disagreement list"),
                View::Question => ("Spørsmål", "Question"),
                View::Roles => ("Roller og samstemthet", "Roles and agreement"),
                View::Findings => ("Funn", "Findings"),
                View::Priorities => ("Prioriteringer", "Priorities"),
            },
            self.view_table(),
        );
        let mut sections = vec![s(own.0, own.1)];
        for (title, table) in [
            (("Alle skjermer", "Every screen"), GLOBAL),
            (("Oversikt", "Overview"), OVERVIEW),
            (("Uenighetslisten", "Disagreement list"), LIST),
            (("Spørsmål", "Question"), QUESTION),
            (("Overstyring: verdier", "Override: values"), OVERRIDE),
            (("Overstyring: begrunnelse", "Override: reason"), REASON),
            (("Roller og samstemthet", "Roles and agreement"), ROLES),
            (("Funn", "Findings"), FINDINGS),
            (("Prioriteringer", "Priorities"), PRIORITIES),
            (("Konflikter", "Conflicts"), CONFLICT),
            (("Tekstfelt", "Text prompts"), PROMPT),
        ] {
            if !std::ptr::eq(table, own.1) {
                sections.push(s(title, table));
            }
        }
        sections.push(help::section(self.lang));
        sections
    }

    pub fn footer(&self) -> Vec<(String, String)> {
        match self.overlay {
            Some(Overlay::Help { .. }) => keys::footer(&[help::KEYS], self.lang),
            _ => keys::footer(&self.tables(), self.lang),
        }
    }
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
    let n = |v: usize, nb: &str, en: &str| format!("{v} {}", lang.pick(nb, en));
    if !r.added.is_empty() {
        parts.push(n(r.added.len(), "nye intervjuer", "new interviews"));
    }
    if !r.updated.is_empty() {
        parts.push(n(
            r.updated.len(),
            "endrede intervjuer",
            "changed interviews",
        ));
    }
    if !r.kept_vanished.is_empty() {
        parts.push(n(
            r.kept_vanished.len(),
            "borte (beholdt)",
            "vanished (kept)",
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

/// The municipality picker shown when the paths hold several.
pub struct Picker {
    pub lang: Lang,
    pub groups: Vec<MunicipalityGroup>,
    pub cursor: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerEffect {
    Chosen(String),
    Quit,
}

pub const PICKER: &[Binding<Act>] = &[
    bind(
        &[key(Up)],
        Act::Up,
        "Forrige kommune",
        "Previous municipality",
    ),
    bind(
        &[key(Down)],
        Act::Down,
        "Neste kommune",
        "Next municipality",
    ),
    bind(
        &[key(Enter)],
        Act::Confirm,
        "Gå gjennom denne kommunen",
        "Review this municipality",
    )
    .footer("Velg", "Choose"),
    bind(
        &[key(Esc), ch('q'), ctrl('q')],
        Act::Quit,
        "Avslutt",
        "Quit",
    )
    .footer("Avslutt", "Quit"),
];

impl Picker {
    pub fn new(lang: Lang, groups: Vec<MunicipalityGroup>) -> Picker {
        Picker {
            lang,
            groups,
            cursor: 0,
        }
    }

    pub fn update(&mut self, ev: KeyEvent) -> Option<PickerEffect> {
        match keys::lookup(PICKER, &ev)? {
            Act::Up => self.cursor = self.cursor.saturating_sub(1),
            Act::Down => self.cursor = (self.cursor + 1).min(self.groups.len().saturating_sub(1)),
            Act::Confirm => {
                return self
                    .groups
                    .get(self.cursor)
                    .map(|g| PickerEffect::Chosen(g.name.clone()));
            }
            Act::Quit => return Some(PickerEffect::Quit),
            _ => {}
        }
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::assessment::Decision;
    use crate::core::baseline::BaselineKind;
    use crate::storage;
    use ratatui::crossterm::event::KeyModifiers;

    /// The review of the demo's sample interviews, opened as `kompass demo` does.
    pub(crate) fn demo_session(dir: &std::path::Path) -> ReviewSession {
        storage::write_demo(dir).unwrap();
        reopen(dir)
    }

    /// The review of the sample data already in `dir`, as it is now.
    fn reopen(dir: &std::path::Path) -> ReviewSession {
        storage::open_review(
            &Bank::builtin(),
            &[dir.join("eksempelvik"), dir.join("baselines")],
            None,
            &[],
            dir,
            chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+01:00").unwrap(),
            Lang::Nb,
        )
        .unwrap()
    }

    fn press(r: &mut Review, code: KeyCode) -> Vec<Effect> {
        r.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    fn typ(r: &mut Review, text: &str) -> Vec<Effect> {
        text.chars()
            .flat_map(|c| press(r, KeyCode::Char(c)))
            .collect()
    }

    #[test]
    fn accept_override_with_a_reason_and_clear() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
        assert_eq!(r.view, View::Overview);
        press(&mut r, KeyCode::Tab);
        assert_eq!(r.view, View::List);
        press(&mut r, KeyCode::Enter);
        assert_eq!(r.view, View::Question);
        let first = r.current.clone();
        assert_eq!(first, r.order[0].question, "the most disputed first");

        assert_eq!(typ(&mut r, "a"), vec![Effect::Save]);
        let decision = &r.assessment().questions[&first].decision;
        assert_eq!(decision, &Some(Decision::Accepted));

        // 2 then 5 is 2,5; the next digits fill Extent and Results.
        assert!(typ(&mut r, "2531").is_empty());
        let Some(Overlay::Override(d)) = &r.overlay else {
            panic!("the override editor opens on a digit")
        };
        assert_eq!(
            d.values,
            [Some(Exact::new(5, 2)), Some(int(3)), Some(int(1))]
        );
        // A reason is required: Enter moves to it, Enter on an empty one refuses.
        assert!(press(&mut r, KeyCode::Enter).is_empty());
        assert!(press(&mut r, KeyCode::Enter).is_empty());
        let Some(Overlay::Override(d)) = &r.overlay else {
            panic!("still open")
        };
        assert_eq!(
            d.error.as_deref(),
            Some("En overstyring trenger en begrunnelse")
        );
        typ(&mut r, "Tiltakene er ikke i bruk");
        assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
        assert!(r.overlay.is_none());
        let q = &r.assessment().questions[&first];
        assert_eq!(q.reason(), Some("Tiltakene er ikke i bruk"));
        assert_eq!(q.reconciled().system, Some(Exact::new(5, 2)));
        assert!(!q.overridden().is_empty());
        assert_eq!(question::progress(r.assessment()).overridden, 1);

        // Half steps with + and -, and Esc leaves the decision as it was.
        typ(&mut r, "o+");
        let Some(Overlay::Override(d)) = &r.overlay else {
            panic!("o opens the editor")
        };
        assert_eq!(d.values[0], Some(int(3)));
        assert_eq!(ui::line_text(&d.reason), "Tiltakene er ikke i bruk");
        press(&mut r, KeyCode::Esc);
        assert_eq!(
            r.assessment().questions[&first].reconciled().system,
            Some(Exact::new(5, 2))
        );

        assert_eq!(typ(&mut r, "x"), vec![Effect::Save]);
        assert!(!r.assessment().questions[&first].is_decided());
    }

    #[test]
    fn the_list_filters_undecided_and_walks_by_disagreement() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::En, demo_session(dir.path()));
        let (first, second) = (r.order[0].question.clone(), r.order[1].question.clone());
        r.open_question(&first);
        typ(&mut r, "a");
        press(&mut r, KeyCode::Esc);
        assert_eq!(r.view, View::List);
        typ(&mut r, "f");
        assert_eq!(r.filter, Filter::Undecided);
        assert_eq!(r.list_rows()[0].question, second);
        assert_eq!(r.list_rows().len(), 74);
        // From the question screen, u goes to the next undecided, n to the next in order.
        r.open_question(&first);
        typ(&mut r, "u");
        assert_eq!(r.current, second);
        typ(&mut r, "p");
        assert_eq!(r.current, first);
        typ(&mut r, "n");
        assert_eq!(r.current, second);
        // Ctrl-G jumps by id.
        r.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('g'),
            KeyModifiers::CONTROL,
        )));
        typ(&mut r, "1.1.1");
        press(&mut r, KeyCode::Enter);
        assert_eq!((r.view, r.current.as_str()), (View::Question, "1.1.1"));
    }

    #[test]
    fn findings_star_merge_drop_and_restore() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
        r.view = View::Findings;
        let before = r.assessment().findings["1"].clone();
        assert!(before.len() >= 3);
        assert_eq!(typ(&mut r, "b"), vec![Effect::Save]);
        assert!(r.assessment().findings["1"][0].best_practice);
        // Mark the second, merge it with the third under a new text.
        press(&mut r, KeyCode::Down);
        typ(&mut r, " ");
        assert_eq!(r.finding_cursor, 2);
        assert!(typ(&mut r, "m").is_empty());
        let Some(Overlay::Prompt { input, .. }) = &mut r.overlay else {
            panic!("merging asks for the text")
        };
        **input = ui::line_input("Felles funn");
        assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
        let after = &r.assessment().findings["1"];
        assert_eq!(after.len(), before.len() - 1);
        assert_eq!(after[1].text, "Felles funn");
        assert_eq!(after[1].sources.len(), 2);
        // Drop the merged one, then restore it from the bottom of the list.
        r.finding_cursor = 1;
        assert_eq!(typ(&mut r, "d"), vec![Effect::Save]);
        assert_eq!(r.assessment().dropped["1"][0].text, "Felles funn");
        r.finding_cursor = r.assessment().findings["1"].len();
        assert_eq!(r.selected_finding(), Some(Err(0)));
        assert_eq!(typ(&mut r, "r"), vec![Effect::Save]);
        assert!(r.assessment().dropped.is_empty());
        // The next area, and round from the first to the last.
        press(&mut r, KeyCode::Right);
        assert_eq!(r.findings_area, 1);
        press(&mut r, KeyCode::Left);
        press(&mut r, KeyCode::Left);
        assert_eq!(r.findings_area, 7);
    }

    #[test]
    fn priorities_merge_and_split() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
        r.view = View::Priorities;
        let groups = r.assessment().priorities.len();
        let first_items = r.assessment().priorities[0].items.len();
        // Mark the second group, go back to the first, merge.
        r.prio_cursor = first_items + 1;
        typ(&mut r, " ");
        r.prio_cursor = 0;
        assert_eq!(typ(&mut r, "m"), vec![Effect::Save]);
        assert_eq!(r.assessment().priorities.len(), groups - 1);
        // Split the first item off again.
        r.prio_cursor = 1;
        assert_eq!(typ(&mut r, "s"), vec![Effect::Save]);
        assert_eq!(r.assessment().priorities.len(), groups);
    }

    #[test]
    fn a_baseline_read_by_the_runtime_is_attached() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::En, demo_session(dir.path()));
        assert_eq!(r.bases.len(), 2);
        r.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('b'),
            KeyModifiers::CONTROL,
        )));
        typ(&mut r, "/x/y.json");
        assert_eq!(
            press(&mut r, KeyCode::Enter),
            vec![Effect::LoadBaseline("/x/y.json".into())]
        );
        let mut b = Baseline::new("Midtre Gauldal 2023", BaselineKind::Earlier);
        b.total = Some(int(555));
        assert_eq!(r.update(Msg::Baseline(Ok(b))), vec![Effect::Save]);
        assert_eq!(r.bases.len(), 3);
        assert!(
            r.update(Msg::Baseline(Err("/x/y.json: no such file".into())))
                .is_empty()
        );
        assert_eq!(r.notice.as_ref().map(|n| n.warning), Some(true));
    }

    #[test]
    fn changed_interviews_are_pointed_out_and_refreshed_keeping_decisions() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut rs = demo_session(dir.path());
        let first = question::by_disagreement(&bank, &rs.assessment, Filter::All)[0]
            .question
            .clone();
        question::accept(&mut rs.assessment, &first).unwrap();
        storage::save_review(&mut rs, chrono::Local::now().fixed_offset()).unwrap();
        // An interviewer corrects a score after the review began.
        let changed = rs
            .sessions
            .iter()
            .find(|s| s.session.answers.contains_key(&first))
            .unwrap();
        let mut session = changed.session.clone();
        session.answers.get_mut(&first).unwrap().scores.system = Some(int(0));
        std::fs::write(&changed.file, session.to_json()).unwrap();

        let reopened = reopen(dir.path());
        assert_eq!(reopened.stale.changed, vec![session.id.clone()]);
        let mut r = Review::new(&bank, Lang::En, reopened);
        let effects = r.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('r'),
            KeyModifiers::CONTROL,
        )));
        assert_eq!(effects, vec![Effect::Save]);
        assert!(r.rs.stale.is_empty());
        let q = &r.assessment().questions[&first];
        assert_eq!(q.interviews[&session.id].system, Some(int(0)));
        assert_eq!(q.decision, Some(Decision::Accepted), "decisions are kept");
        let notice = r.notice.clone().unwrap().text;
        assert!(
            notice.starts_with("Refreshed, 1 changed interviews"),
            "{notice}"
        );
        // Nothing left to refresh.
        r.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('r'),
            KeyModifiers::CONTROL,
        )));
        assert_eq!(
            r.notice.unwrap().text,
            "The assessment is up to date with the interviews"
        );
    }

    #[test]
    fn help_lists_every_table_with_the_current_one_first() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
        r.view = View::Findings;
        let sections = r.help_sections();
        assert_eq!(sections[0].title, "Funn");
        assert_eq!(sections.len(), 12);
        assert!(
            sections
                .iter()
                .any(|s| s.rows.iter().any(|(_, d)| d.contains("★")))
        );
        typ(&mut r, "?");
        assert!(matches!(r.overlay, Some(Overlay::Help { .. })));
        press(&mut r, KeyCode::Esc);
        assert!(r.overlay.is_none());
        assert_eq!(typ(&mut r, "q"), vec![Effect::Quit]);
    }
}
