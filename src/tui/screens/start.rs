//! The start screen: the sessions in the data directory, grouped by
//! municipality, with keys to resume, start, open read-only and review.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use age::secrecy::{ExposeSecret, SecretString};

use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::core::session::Status;
use crate::core::text::one_line;
use crate::storage::{LoadedSession, LockHolder, SessionList};
use crate::tui::help;
use crate::tui::keys::{self, Binding, HelpSection, bind, ch, ctrl, key};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, SELECTED, WARN};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Resume,
    Edit,
    New,
    ReadOnly,
    Review,
    Protect,
    Help,
    Quit,
    Yes,
    No,
}

pub const START: &[Binding<Act>] = &[
    bind(
        &[key(KeyCode::Up)],
        Act::Up,
        "Forrige intervju",
        "Previous interview",
    ),
    bind(
        &[key(KeyCode::Down)],
        Act::Down,
        "Neste intervju",
        "Next interview",
    ),
    bind(
        &[key(KeyCode::Enter)],
        Act::Resume,
        "Fortsett intervjuet (et fullført åpnes skrivebeskyttet)",
        "Resume the interview (a completed one opens read-only)",
    )
    .footer("Fortsett", "Resume"),
    bind(
        &[ch('e')],
        Act::Edit,
        "Rediger intervjuet, også et fullført",
        "Edit the interview, a completed one too",
    )
    .footer("Rediger", "Edit"),
    bind(&[ch('n')], Act::New, "Nytt intervju", "New interview").footer("Nytt", "New"),
    bind(
        &[ch('o')],
        Act::ReadOnly,
        "Åpne skrivebeskyttet",
        "Open read-only",
    )
    .footer("Les", "Read-only"),
    bind(
        &[ch('r')],
        Act::Review,
        "Gjennomgang av kommunen",
        "Review of the municipality",
    )
    .footer("Gjennomgang", "Review"),
    bind(
        &[ch('p')],
        Act::Protect,
        "Beskytt en ny datamappe med passord (alt lagres kryptert)",
        "Protect a new data directory with a passphrase (everything is saved encrypted)",
    ),
    bind(&[key(KeyCode::F(1)), ch('?')], Act::Help, "Hjelp", "Help").footer("Hjelp", "Help"),
    bind(
        &[ch('q'), key(KeyCode::Esc), ctrl('q')],
        Act::Quit,
        "Avslutt",
        "Quit",
    )
    .footer("Avslutt", "Quit"),
];

pub const LOCKED: &[Binding<Act>] = &[
    bind(
        &[ch('j'), ch('y')],
        Act::Yes,
        "Åpne skrivebeskyttet",
        "Open read-only",
    )
    .footer("Ja", "Yes"),
    bind(&[ch('n'), key(KeyCode::Esc)], Act::No, "Avbryt", "Cancel").footer("Nei", "No"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    Resume(PathBuf),
    ReadOnly(PathBuf),
    /// A new interview, with the selected municipality suggested.
    New(Option<String>),
    Review(String),
    /// Protect the data directory with this passphrase (given twice).
    Protect(NewPassphrase),
}

/// A passphrase typed twice on the start screen; never shown or printed.
pub struct NewPassphrase(pub SecretString);

impl std::fmt::Debug for NewPassphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassphrase(..)")
    }
}

impl Clone for NewPassphrase {
    fn clone(&self) -> Self {
        NewPassphrase(SecretString::from(self.0.expose_secret().to_owned()))
    }
}

impl PartialEq for NewPassphrase {
    fn eq(&self, other: &Self) -> bool {
        self.0.expose_secret() == other.0.expose_secret()
    }
}

impl Eq for NewPassphrase {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Group(usize),
    Session(usize, usize),
}

#[derive(Debug)]
enum Overlay {
    Help {
        scroll: u16,
    },
    Locked {
        path: PathBuf,
        holder: String,
    },
    /// Typing a new passphrase for the data directory: the first entry once
    /// given, what is typed now, and why the last try was refused.
    Passphrase {
        first: Option<String>,
        typed: String,
        refused: Option<&'static str>,
    },
}

pub struct Start<'b> {
    bank: &'b Bank,
    lang: Lang,
    dir: PathBuf,
    list: SessionList,
    rows: Vec<Row>,
    cursor: usize,
    overlay: Option<Overlay>,
    notice: Option<(String, bool)>,
    /// The data directory is new (no interviews) and unprotected: the
    /// screen offers protection before the first interview.
    offer_protection: bool,
}

impl<'b> Start<'b> {
    pub fn new(bank: &'b Bank, lang: Lang, dir: &Path, list: SessionList) -> Start<'b> {
        let mut rows = Vec::new();
        for (g, (_, sessions)) in list.municipalities.iter().enumerate() {
            rows.push(Row::Group(g));
            rows.extend((0..sessions.len()).map(|k| Row::Session(g, k)));
        }
        let cursor = rows
            .iter()
            .position(|r| matches!(r, Row::Session(..)))
            .unwrap_or(0);
        Start {
            bank,
            lang,
            dir: dir.to_owned(),
            list,
            rows,
            cursor,
            overlay: None,
            notice: None,
            offer_protection: false,
        }
    }

    /// Offers to protect the data directory (it is new and unprotected), or
    /// stops offering (it was just protected).
    pub fn offer_protection(&mut self, offer: bool) {
        self.offer_protection = offer;
    }

    /// Shows a message in the footer until the next key (error messages
    /// quote files, so control characters are neutralized).
    pub fn say(&mut self, text: String, warning: bool) {
        self.notice = Some((one_line(&text), warning));
    }

    /// Asks whether to open a session held by another process read-only.
    pub fn ask_read_only(&mut self, path: PathBuf, holder: &LockHolder) {
        self.overlay = Some(Overlay::Locked {
            path,
            holder: holder.describe(self.lang),
        });
    }

    fn t(&self, nb: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(nb, en)
    }

    fn selected_group(&self) -> Option<usize> {
        match self.rows.get(self.cursor)? {
            Row::Group(g) | Row::Session(g, _) => Some(*g),
        }
    }

    fn selected(&self) -> Option<&LoadedSession> {
        match self.rows.get(self.cursor)? {
            Row::Session(g, k) => Some(&self.list.municipalities[*g].1[*k]),
            Row::Group(_) => None,
        }
    }

    fn tables(&self) -> &'static [Binding<Act>] {
        match self.overlay {
            Some(Overlay::Locked { .. }) => LOCKED,
            _ => START,
        }
    }

    pub fn update(&mut self, ev: KeyEvent) -> Option<Effect> {
        self.notice = None;
        if let Some(Overlay::Help { mut scroll }) = self.overlay {
            let max = help::max_scroll(&self.help_sections());
            self.overlay =
                help::key_in_help(&ev, &mut scroll, max).then_some(Overlay::Help { scroll });
            return None;
        }
        if let Some(Overlay::Passphrase { .. }) = self.overlay {
            return self.passphrase_key(ev);
        }
        let act = keys::lookup(self.tables(), &ev)?;
        match (&mut self.overlay, act) {
            (Some(Overlay::Locked { path, .. }), Act::Yes) => {
                let path = path.clone();
                self.overlay = None;
                Some(Effect::ReadOnly(path))
            }
            (Some(_), _) => {
                self.overlay = None;
                None
            }
            (None, Act::Up) => {
                self.cursor = self.cursor.saturating_sub(1);
                None
            }
            (None, Act::Down) => {
                self.cursor = (self.cursor + 1).min(self.rows.len().saturating_sub(1));
                None
            }
            (None, Act::Resume | Act::Edit | Act::ReadOnly) => match self.selected() {
                // A completed interview is looked at far more often than
                // changed: opening it must not write to it by accident.
                Some(l) if act == Act::Resume && l.session.status == Status::Completed => {
                    Some(Effect::ReadOnly(l.path.clone()))
                }
                Some(l) if act == Act::ReadOnly => Some(Effect::ReadOnly(l.path.clone())),
                Some(l) => Some(Effect::Resume(l.path.clone())),
                None => {
                    self.say(
                        self.t("Velg et intervju med ↑↓", "Pick an interview with ↑↓")
                            .into(),
                        true,
                    );
                    None
                }
            },
            (None, Act::New) => Some(Effect::New(
                self.selected_group()
                    .map(|g| self.list.municipalities[g].0.clone()),
            )),
            (None, Act::Review) => match self.selected_group() {
                Some(g) => Some(Effect::Review(self.list.municipalities[g].0.clone())),
                None => {
                    self.say(
                        self.t(
                            "Ingen kommune å gå gjennom ennå",
                            "No municipality to review yet",
                        )
                        .into(),
                        true,
                    );
                    None
                }
            },
            (None, Act::Protect) if self.offer_protection => {
                self.overlay = Some(Overlay::Passphrase {
                    first: None,
                    typed: String::new(),
                    refused: None,
                });
                None
            }
            (None, Act::Protect) => {
                self.say(
                    self.t(
                        "Bare en ny, ubeskyttet datamappe beskyttes her; ellers: kompass protect",
                        "Only a new, unprotected data directory is protected here; otherwise: kompass protect",
                    )
                    .into(),
                    true,
                );
                None
            }
            (None, Act::Help) => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                None
            }
            (None, Act::Quit) => Some(Effect::Quit),
            (None, _) => None,
        }
    }

    /// A key while a new passphrase is typed: characters, Backspace, Enter
    /// to go on, Esc to give up. Nothing typed is ever shown.
    fn passphrase_key(&mut self, ev: KeyEvent) -> Option<Effect> {
        let Some(Overlay::Passphrase {
            first,
            typed,
            refused,
        }) = &mut self.overlay
        else {
            return None;
        };
        let plain = !ev.modifiers.intersects(
            ratatui::crossterm::event::KeyModifiers::CONTROL
                | ratatui::crossterm::event::KeyModifiers::ALT,
        );
        match ev.code {
            KeyCode::Esc => {
                self.overlay = None;
                self.say(
                    self.t(
                        "Ikke beskyttet. Det kan gjøres senere med: kompass protect",
                        "Not protected. It can be done later with: kompass protect",
                    )
                    .into(),
                    false,
                );
            }
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(c) if plain => typed.push(c),
            KeyCode::Enter => {
                let entered = std::mem::take(typed);
                match first.take() {
                    None if entered.chars().count()
                        < crate::storage::vault::MIN_PASSPHRASE_CHARS =>
                    {
                        *refused = Some(self.lang.pick(
                            "Passordet må ha minst 8 tegn.",
                            "The passphrase needs at least 8 characters.",
                        ));
                    }
                    None => {
                        *first = Some(entered);
                        *refused = None;
                    }
                    Some(earlier) if earlier == entered => {
                        self.overlay = None;
                        return Some(Effect::Protect(NewPassphrase(SecretString::from(entered))));
                    }
                    Some(_) => {
                        *refused = Some(self.lang.pick(
                            "Passordene er ulike; skriv det nye passordet igjen.",
                            "The passphrases differ; type the new passphrase again.",
                        ));
                    }
                }
            }
            _ => {}
        }
        None
    }

    pub fn help_sections(&self) -> Vec<HelpSection> {
        vec![
            keys::section(("Startskjermen", "Start screen"), START, self.lang, 4),
            keys::section(
                (
                    "Når intervjuet er åpent et annet sted",
                    "When the interview is open elsewhere",
                ),
                LOCKED,
                self.lang,
                4,
            ),
            help::section(self.lang),
        ]
    }

    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let broken_h = if self.list.broken.is_empty() {
            0
        } else {
            (self.list.broken.len() as u16 + 1).min(4)
        };
        let [head, body, broken, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(0),
            Constraint::Length(broken_h),
            Constraint::Length(1),
        ])
        .areas(area);
        let title = format!(
            "{} · {}",
            self.t("Intervjuer", "Interviews"),
            one_line(&self.dir.display().to_string())
        );
        frame.render_widget(ui::title_bar(&title, area.width), head);
        if self.rows.is_empty() {
            let mut text = self
                .t(
                    "Ingen intervjuer her ennå. Trykk n for å starte et nytt intervju.",
                    "No interviews here yet. Press n to start a new interview.",
                )
                .to_owned();
            if self.offer_protection {
                text.push_str(self.t(
                    "\n\nDatamappen er ny og ikke beskyttet. Trykk p for å beskytte den med et passord før første intervju: da lagres notater, sikkerhetskopier og alt annet her kryptert, og en mistet PC avslører ingenting.",
                    "\n\nThe data directory is new and not protected. Press p to protect it with a passphrase before the first interview: notes, backups and everything else here are then saved encrypted, and a lost laptop reveals nothing.",
                ));
            }
            let text = ui::wrap(&text, body.width.saturating_sub(2) as usize);
            frame.render_widget(
                Paragraph::new(
                    text.into_iter()
                        .map(|l| Line::raw(format!(" {l}")))
                        .collect::<Vec<_>>(),
                ),
                body,
            );
        } else {
            self.draw_rows(frame, body);
        }
        if broken_h > 0 {
            let mut lines = vec![Line::styled(
                format!(
                    " ⚠ {} {}",
                    self.list.broken.len(),
                    self.t("filer kunne ikke leses:", "files could not be read:")
                ),
                BOLD.fg(Color::Yellow),
            )];
            for e in &self.list.broken {
                for l in e.lines() {
                    lines.push(Line::styled(
                        ui::truncate(&format!("   {}", one_line(&l)), area.width as usize),
                        DIM,
                    ));
                }
            }
            frame.render_widget(Paragraph::new(lines), broken);
        }
        let line = match &self.notice {
            Some((text, warning)) => Line::styled(
                ui::truncate(&format!(" {text}"), area.width as usize),
                if *warning { WARN } else { BOLD.fg(ACCENT) },
            ),
            None if matches!(self.overlay, Some(Overlay::Help { .. })) => {
                help::footer_line(&keys::footer(&[help::KEYS], self.lang), area.width)
            }
            None => help::footer_line(&keys::footer(&[self.tables()], self.lang), area.width),
        };
        frame.render_widget(Paragraph::new(line), foot);
        match &self.overlay {
            Some(Overlay::Help { scroll }) => {
                help::draw_help(frame, body, &self.help_sections(), *scroll, self.lang)
            }
            Some(Overlay::Locked { holder, .. }) => {
                let rect = ui::centered(body, body.width.min(64), 6);
                frame.render_widget(Clear, rect);
                let text = format!(
                    "{} {}. {}",
                    self.t(
                        "Intervjuet er åpent for redigering i",
                        "The interview is open for editing in"
                    ),
                    holder,
                    self.t(
                        "Åpne det skrivebeskyttet? (j/n)",
                        "Open it read-only? (y/n)"
                    )
                );
                let lines = ui::wrap(&text, rect.width.saturating_sub(2) as usize);
                frame.render_widget(
                    Paragraph::new(lines.into_iter().map(Line::raw).collect::<Vec<_>>()).block(
                        Block::default()
                            .borders(Borders::ALL)
                            .border_style(Style::new().fg(Color::Yellow))
                            .title(self.t(" Låst ", " Locked ")),
                    ),
                    rect,
                );
            }
            Some(Overlay::Passphrase {
                first,
                typed,
                refused,
                ..
            }) => {
                let rect = ui::centered(body, body.width.min(64), 8);
                frame.render_widget(Clear, rect);
                let prompt = match first {
                    None => self.t("Nytt passord: ", "New passphrase: "),
                    Some(_) => self.t("Gjenta passordet: ", "Repeat the passphrase: "),
                };
                let mut lines = vec![
                    Line::raw(self.t(
                        "Uten passordet kan ingen lese noe her, heller ikke du.",
                        "Without the passphrase no one can read anything here, you included.",
                    )),
                    Line::raw(""),
                    Line::from(vec![
                        Span::raw(prompt),
                        Span::styled("•".repeat(typed.chars().count()), BOLD),
                    ]),
                ];
                if let Some(why) = refused {
                    lines.push(Line::styled(*why, WARN));
                }
                lines.push(Line::styled(
                    self.t("Enter: videre · Esc: avbryt", "Enter: go on · Esc: cancel"),
                    DIM,
                ));
                frame.render_widget(
                    Paragraph::new(lines).block(
                        Block::default()
                            .borders(Borders::ALL)
                            .border_style(Style::new().fg(ACCENT))
                            .title(self.t(" Beskytt datamappen ", " Protect the data directory ")),
                    ),
                    rect,
                );
            }
            None => {}
        }
    }

    fn draw_rows(&self, frame: &mut Frame, area: Rect) {
        let height = area.height as usize;
        let width = area.width as usize;
        let first = self
            .cursor
            .saturating_sub(height.saturating_sub(2))
            .min(self.rows.len().saturating_sub(height));
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .map(|(r, row)| {
                let line = match *row {
                    Row::Group(g) => {
                        let (name, sessions) = &self.list.municipalities[g];
                        Line::styled(
                            ui::truncate(
                                &format!(" {} ({})", one_line(name), sessions.len()),
                                width,
                            ),
                            BOLD.fg(ACCENT),
                        )
                    }
                    Row::Session(g, k) => {
                        self.session_line(&self.list.municipalities[g].1[k], width)
                    }
                };
                if r == self.cursor {
                    line.style(SELECTED)
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn session_line(&self, l: &crate::storage::LoadedSession, width: usize) -> Line<'static> {
        let s = &l.session;
        let c = s.coverage(self.bank);
        let outside = match c.outside {
            0 => String::new(),
            n => format!(" +{n}"),
        };
        let status = match s.status {
            Status::InProgress => self.t("pågår", "in progress"),
            Status::Completed => self.t("fullført", "completed"),
        };
        let people = ui::people_line(self.bank, &s.interviewees, self.lang);
        let right = format!(" {:>2}/{:<2}{outside} {status:<11}", c.scored, c.asked);
        let date = s.started_at.format("%Y-%m-%d %H:%M").to_string();
        let people_w = width.saturating_sub(3 + date.len() + 2 + right.chars().count());
        Line::from(vec![
            Span::styled(format!("   {date}  "), DIM),
            Span::raw(format!("{:<people_w$}", ui::truncate(&people, people_w))),
            Span::styled(
                right,
                if s.status == Status::Completed {
                    Style::new().fg(Color::Green)
                } else {
                    DIM
                },
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::tests::sample;
    use crate::storage::LoadedSession;

    fn list(bank: &Bank) -> SessionList {
        let s = sample(bank);
        let loaded = |id: &str, m: &str| {
            let mut s = s.clone();
            s.id = id.into();
            s.municipality = m.into();
            LoadedSession {
                path: PathBuf::from(format!("/d/{id}.json")),
                session: s,
                sha256: String::new(),
                warnings: vec![],
                migrated: None,
            }
        };
        SessionList {
            municipalities: vec![
                ("Askvoll".into(), vec![loaded("A1", "Askvoll")]),
                (
                    "Eksempelvik".into(),
                    vec![loaded("E1", "Eksempelvik"), loaded("E2", "Eksempelvik")],
                ),
            ],
            broken: vec![],
        }
    }

    #[test]
    fn keys_resume_open_new_and_review_the_selection() {
        let bank = Bank::builtin();
        let mut s = Start::new(&bank, Lang::Nb, Path::new("/d"), list(&bank));
        let k = |c: KeyCode| KeyEvent::from(c);
        assert_eq!(
            s.update(k(KeyCode::Enter)),
            Some(Effect::Resume("/d/A1.json".into()))
        );
        s.update(k(KeyCode::Down));
        s.update(k(KeyCode::Down));
        assert_eq!(
            s.update(k(KeyCode::Char('o'))),
            Some(Effect::ReadOnly("/d/E1.json".into()))
        );
        assert_eq!(
            s.update(k(KeyCode::Char('r'))),
            Some(Effect::Review("Eksempelvik".into()))
        );
        assert_eq!(
            s.update(k(KeyCode::Char('n'))),
            Some(Effect::New(Some("Eksempelvik".into())))
        );
        s.update(k(KeyCode::Up));
        // On a group heading there is no interview to resume.
        assert_eq!(s.update(k(KeyCode::Enter)), None);
        assert!(s.notice.is_some());
        assert_eq!(s.update(k(KeyCode::Char('q'))), Some(Effect::Quit));
    }

    #[test]
    fn a_completed_interview_opens_read_only_unless_asked_to_edit() {
        let bank = Bank::builtin();
        let mut list = list(&bank);
        list.municipalities[0].1[0].session.status = Status::Completed;
        let mut s = Start::new(&bank, Lang::Nb, Path::new("/d"), list);
        let k = |c: KeyCode| KeyEvent::from(c);
        assert_eq!(
            s.update(k(KeyCode::Enter)),
            Some(Effect::ReadOnly("/d/A1.json".into()))
        );
        assert_eq!(
            s.update(k(KeyCode::Char('e'))),
            Some(Effect::Resume("/d/A1.json".into()))
        );
    }

    #[test]
    fn a_locked_interview_offers_read_only() {
        let bank = Bank::builtin();
        let mut s = Start::new(&bank, Lang::En, Path::new("/d"), list(&bank));
        let holder = LockHolder {
            pid: Some(42),
            host: Some("laptop".into()),
        };
        s.ask_read_only("/d/A1.json".into(), &holder);
        assert_eq!(
            s.update(KeyEvent::from(KeyCode::Char('y'))),
            Some(Effect::ReadOnly("/d/A1.json".into()))
        );
        s.ask_read_only("/d/A1.json".into(), &holder);
        assert_eq!(s.update(KeyEvent::from(KeyCode::Esc)), None);
        assert!(s.overlay.is_none());
    }

    #[test]
    fn an_empty_directory_only_offers_a_new_interview() {
        let bank = Bank::builtin();
        let mut s = Start::new(&bank, Lang::Nb, Path::new("/d"), SessionList::default());
        assert_eq!(
            s.update(KeyEvent::from(KeyCode::Char('n'))),
            Some(Effect::New(None))
        );
        assert_eq!(s.update(KeyEvent::from(KeyCode::Char('r'))), None);
    }

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::from(code)
    }

    fn typed(s: &mut Start, text: &str) -> Option<Effect> {
        let mut last = None;
        for c in text.chars() {
            last = s.update(k(KeyCode::Char(c)));
        }
        last.or_else(|| s.update(k(KeyCode::Enter)))
    }

    #[test]
    fn a_new_data_directory_is_offered_protection_with_a_passphrase_typed_twice() {
        let bank = Bank::builtin();
        let empty = SessionList {
            municipalities: vec![],
            broken: vec![],
        };
        let mut s = Start::new(&bank, Lang::En, Path::new("/d"), empty);
        s.offer_protection(true);
        assert_eq!(s.update(k(KeyCode::Char('p'))), None);
        // Too short, then two that differ, then twice the same.
        assert_eq!(typed(&mut s, "kort"), None);
        assert!(matches!(
            s.overlay,
            Some(Overlay::Passphrase { refused: Some(why), .. }) if why.contains("at least 8")
        ));
        assert_eq!(typed(&mut s, "riktig hest"), None);
        assert_eq!(typed(&mut s, "feil hest!"), None);
        assert!(matches!(
            s.overlay,
            Some(Overlay::Passphrase { first: None, refused: Some(why), .. }) if why.contains("differ")
        ));
        // q and n are letters of the passphrase here, not commands.
        assert_eq!(typed(&mut s, "riktig hest q n"), None);
        let protect = typed(&mut s, "riktig hest q n");
        assert_eq!(
            protect,
            Some(Effect::Protect(NewPassphrase(SecretString::from(
                "riktig hest q n".to_owned()
            ))))
        );
        assert!(s.overlay.is_none());
        assert!(!format!("{protect:?}").contains("hest"), "never printed");
    }

    #[test]
    fn esc_gives_up_and_a_directory_with_interviews_is_not_protected_here() {
        let bank = Bank::builtin();
        let mut s = Start::new(&bank, Lang::En, Path::new("/d"), list(&bank));
        s.offer_protection(true);
        s.update(k(KeyCode::Char('p')));
        s.update(k(KeyCode::Char('x')));
        assert_eq!(s.update(k(KeyCode::Esc)), None);
        assert!(s.overlay.is_none());
        s.offer_protection(false);
        assert_eq!(s.update(k(KeyCode::Char('p'))), None);
        assert!(s.overlay.is_none());
        assert!(s.notice.as_ref().unwrap().0.contains("kompass protect"));
    }
}
