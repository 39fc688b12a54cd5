//! The review screens' key tables: what each key does where, which also
//! makes the help and the footer.

use super::*;
use crate::tui::help;
use crate::tui::keys::{self, Binding, Chord, HelpSection, alt_key, bind, ch, ctrl, ctrl_key, key};
use ratatui::crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Help,
    NextView,
    PrevView,
    Jump,
    Baseline,
    Refresh,
    Conflicts,
    Undo,
    Redo,
    New,
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
    /// Write the assessment of the area on show.
    AreaText,
    Summary,
    WayForward,
    /// A key the text editor handles itself (listed for the help).
    Editor,
    /// Show the suggested groups of the area's findings.
    Suggestions,
    /// Accept every undecided question where the interviews agree.
    BulkAccept,
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
    bind(
        &[ctrl('z')],
        Act::Undo,
        "Angre: avgjørelser og funn, de siste 100 endringene",
        "Undo: decisions and findings, the last 100 changes",
    )
    .footer("Angre", "Undo"),
    bind(&[ctrl('y')], Act::Redo, "Gjør om", "Redo"),
];

pub const OVERVIEW: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige område", "Previous area"),
    bind(&[key(Down)], Act::Down, "Neste område", "Next area"),
    bind(
        &[key(Home), key(PageUp)],
        Act::Home,
        "Første område",
        "First area",
    ),
    bind(
        &[key(End), key(PageDown)],
        Act::End,
        "Siste område",
        "Last area",
    ),
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
    bind(
        &[ch('v')],
        Act::AreaText,
        "Skriv vurderingen av det valgte området",
        "Write the assessment of the selected area",
    )
    .footer("Vurdering", "Assessment"),
    bind(
        &[ch('s')],
        Act::Summary,
        "Skriv sammendraget av evalueringen",
        "Write the summary of the evaluation",
    ),
    bind(
        &[ch('w')],
        Act::WayForward,
        "Skriv «Veien videre» (anbefalingene)",
        "Write the way forward (the recommendations)",
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
    bind(
        &[ch('g')],
        Act::BulkAccept,
        "Godta alle uavgjorte der intervjuene er enige (spredning ≤ 1, kan endres), etter en bekreftelse",
        "Accept every undecided question where the interviews agree (spread ≤ 1, can be changed), after a confirmation",
    )
    .footer("Godta enige", "Accept agreeing"),
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
        &[key(Home)],
        Act::Home,
        "Første intervju",
        "First interview",
    ),
    bind(&[key(End)], Act::End, "Siste intervju", "Last interview"),
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
        &[key(Home), key(PageUp)],
        Act::Home,
        "Første område",
        "First area",
    ),
    bind(
        &[key(End), key(PageDown)],
        Act::End,
        "Siste område",
        "Last area",
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
        &[ch('n')],
        Act::New,
        "Nytt eget funn (fra dokumenter, nettsider), av typen under markøren",
        "A finding of your own (documents, the website), of the kind under the cursor",
    )
    .footer("Nytt", "New"),
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
    // Alt-↑ does not reach the program in macOS Terminal.app by default,
    // and Ctrl-↑ may be taken by Mission Control: `<` and `>` always work.
    bind(
        &[alt_key(Up), ctrl_key(Up), ch('<')],
        Act::MoveUp,
        "Flytt funnet opp (rekkefølgen i rapporten)",
        "Move the finding up (the report's order)",
    ),
    bind(
        &[alt_key(Down), ctrl_key(Down), ch('>')],
        Act::MoveDown,
        "Flytt funnet ned",
        "Move the finding down",
    ),
    bind(
        &[ch('v')],
        Act::AreaText,
        "Skriv vurderingen av området",
        "Write the assessment of the area",
    ),
    bind(
        &[ch('g')],
        Act::Suggestions,
        "Foreslåtte grupper: funn som sier det samme",
        "Suggested groups: findings that say the same",
    )
    .footer("Forslag", "Suggestions"),
];

pub const PRIORITIES: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige linje", "Previous line"),
    bind(&[key(Down)], Act::Down, "Neste linje", "Next line"),
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
        &[key(Enter), ch('e')],
        Act::Edit,
        "Gi gruppen et nytt navn",
        "Rename the group",
    )
    .footer("Navn", "Rename"),
    bind(
        &[ch('n')],
        Act::New,
        "Ny prioritering fra rådets verksted (evaluatorenes egen)",
        "A priority from the council's workshop (the evaluators' own)",
    )
    .footer("Ny", "New"),
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

pub const CONFIRM: &[Binding<Act>] = &[
    bind(
        &[key(Enter), ch('j'), ch('y')],
        Act::Confirm,
        "Ja, erstatt overstyringen (Ctrl-Z angrer)",
        "Yes, replace the override (Ctrl-Z undoes it)",
    )
    .footer("Ja", "Yes"),
    bind(
        &[key(Esc), ch('n')],
        Act::Cancel,
        "Nei, behold overstyringen",
        "No, keep the override",
    )
    .footer("Nei", "No"),
];

pub const CONFLICT: &[Binding<Act>] = &[
    bind(&[key(Up)], Act::Up, "Forrige versjon", "Previous version"),
    bind(&[key(Down)], Act::Down, "Neste versjon", "Next version"),
    bind(&[key(Home)], Act::Home, "Første versjon", "First version"),
    bind(&[key(End)], Act::End, "Siste versjon", "Last version"),
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

impl Review<'_> {
    /// The key tables in force, most specific first.
    pub fn tables(&self) -> Vec<&'static [Binding<Act>]> {
        match &self.overlay {
            // The help's keys are its own (help::KEYS), the same everywhere.
            Some(Overlay::Help { .. }) => return vec![],
            Some(Overlay::Override(d)) if d.on_reason => return vec![REASON],
            Some(Overlay::Override(_)) => return vec![OVERRIDE],
            Some(Overlay::Prompt { .. }) => return vec![PROMPT],
            Some(Overlay::Conflict { .. }) => return vec![CONFLICT],
            Some(Overlay::Confirm { .. }) => return vec![CONFIRM],
            Some(Overlay::Text(_)) => return vec![TEXT],
            Some(Overlay::Bulk { .. }) => return vec![BULK],
            Some(Overlay::Message { .. }) => return vec![],
            None => {}
        }
        vec![self.view_table(), GLOBAL]
    }

    /// The keys of the screen shown, whatever is open over it.
    pub(super) fn view_table(&self) -> &'static [Binding<Act>] {
        match self.view {
            View::Overview => OVERVIEW,
            View::List => LIST,
            View::Question => QUESTION,
            View::Roles => ROLES,
            View::Findings if self.suggestions.is_some() => SUGGESTIONS,
            View::Findings => FINDINGS,
            View::Priorities => PRIORITIES,
        }
    }

    pub fn help_sections(&self) -> Vec<HelpSection> {
        let max = self.bank.scale_max();
        let s = |t: (&str, &str), table| keys::section(t, table, self.lang, max);
        let own = (
            match self.view {
                View::Overview => ("Oversikt", "Overview"),
                View::List => ("Uenighetslisten", "Disagreement list"),
                View::Question => ("Spørsmål", "Question"),
                View::Roles => ("Roller og samstemthet", "Roles and agreement"),
                View::Findings if self.suggestions.is_some() => {
                    ("Foreslåtte grupper", "Suggested groups")
                }
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
            (("Foreslåtte grupper", "Suggested groups"), SUGGESTIONS),
            (
                (
                    "Godta der intervjuene er enige",
                    "Accept where the interviews agree",
                ),
                BULK,
            ),
            (("Prioriteringer", "Priorities"), PRIORITIES),
            (
                ("Erstatte en overstyring", "Replacing an override"),
                CONFIRM,
            ),
            (("Konflikter", "Conflicts"), CONFLICT),
            (
                (
                    "Vurdering, sammendrag, veien videre",
                    "Assessment, summary, way forward",
                ),
                TEXT,
            ),
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
            Some(Overlay::Message { .. }) => vec![(
                self.t("Enter, Esc", "Enter, Esc").to_owned(),
                self.t("Lukk", "Close").to_owned(),
            )],
            _ => keys::footer(&self.tables(), self.lang),
        }
    }
}
