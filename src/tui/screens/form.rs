//! The new-interview form: municipality (typed, or picked among those in
//! the data directory), interviewer, and one or more interviewees with
//! their roles.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use crate::app::people;
use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::core::session::Person;
use crate::core::text::one_line;
use crate::tui::help;
use crate::tui::keys::{self, Binding, HelpSection, bind, ctrl, key};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, SELECTED, WARN};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Next,
    Prev,
    Enter,
    PickNext,
    PickPrev,
    AddPerson,
    RemovePerson,
    Submit,
    Cancel,
    Help,
}

pub const FORM: &[Binding<Act>] = &[
    bind(
        &[key(KeyCode::Tab), key(KeyCode::Down)],
        Act::Next,
        "Neste felt",
        "Next field",
    )
    .footer("Neste felt", "Next field"),
    bind(
        &[key(KeyCode::BackTab), key(KeyCode::Up)],
        Act::Prev,
        "Forrige felt",
        "Previous field",
    ),
    bind(
        &[key(KeyCode::Enter)],
        Act::Enter,
        "Neste felt; på knappen: start intervjuet",
        "Next field; on the button: start the interview",
    ),
    bind(
        &[key(KeyCode::PageDown)],
        Act::PickNext,
        "Kommune: neste som finnes fra før",
        "Municipality: next existing one",
    ),
    bind(
        &[key(KeyCode::PageUp)],
        Act::PickPrev,
        "Kommune: forrige som finnes fra før",
        "Municipality: previous existing one",
    ),
    bind(
        &[ctrl('n')],
        Act::AddPerson,
        "Legg til en person (gruppeintervju)",
        "Add a person (group interview)",
    )
    .footer("Ny person", "Add person"),
    bind(
        &[ctrl('d')],
        Act::RemovePerson,
        "Fjern personen i feltet",
        "Remove the person in the field",
    ),
    bind(
        &[ctrl('s')],
        Act::Submit,
        "Start intervjuet",
        "Start the interview",
    )
    .footer("Start", "Start"),
    bind(&[key(KeyCode::Esc)], Act::Cancel, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
    bind(&[key(KeyCode::F(1))], Act::Help, "Hjelp", "Help").footer("Hjelp", "Help"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Cancel,
    Create {
        municipality: String,
        interviewer: String,
        people: Vec<Person>,
    },
}

/// Which field has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Municipality,
    Interviewer,
    Name(usize),
    Role(usize),
    Button,
}

pub struct Form<'b> {
    bank: &'b Bank,
    lang: Lang,
    municipality: TextArea<'static>,
    interviewer: TextArea<'static>,
    people: Vec<(TextArea<'static>, TextArea<'static>)>,
    known: Vec<String>,
    picked: Option<usize>,
    field: Field,
    errors: Vec<String>,
    /// The help overlay, with how far it is scrolled.
    help: Option<u16>,
}

impl<'b> Form<'b> {
    pub fn new(
        bank: &'b Bank,
        lang: Lang,
        known: Vec<String>,
        municipality: Option<&str>,
    ) -> Form<'b> {
        let field = if municipality.is_some() {
            Field::Interviewer
        } else {
            Field::Municipality
        };
        Form {
            bank,
            lang,
            municipality: ui::line_input(municipality.unwrap_or("")),
            interviewer: ui::line_input(""),
            people: vec![(ui::line_input(""), ui::line_input(""))],
            known,
            picked: None,
            field,
            errors: Vec::new(),
            help: None,
        }
    }

    fn t(&self, nb: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(nb, en)
    }

    fn fields(&self) -> Vec<Field> {
        let mut f = vec![Field::Municipality, Field::Interviewer];
        for k in 0..self.people.len() {
            f.push(Field::Name(k));
            f.push(Field::Role(k));
        }
        f.push(Field::Button);
        f
    }

    fn step(&mut self, by: isize) {
        let fields = self.fields();
        let k = fields.iter().position(|f| *f == self.field).unwrap_or(0) as isize;
        self.field = fields[(k + by).clamp(0, fields.len() as isize - 1) as usize];
    }

    fn input(&mut self) -> Option<&mut TextArea<'static>> {
        match self.field {
            Field::Municipality => Some(&mut self.municipality),
            Field::Interviewer => Some(&mut self.interviewer),
            Field::Name(k) => self.people.get_mut(k).map(|p| &mut p.0),
            Field::Role(k) => self.people.get_mut(k).map(|p| &mut p.1),
            Field::Button => None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        let clean = ui::clean_paste(text).replace('\n', " ");
        if let Some(input) = self.input() {
            input.insert_str(clean);
        }
    }

    pub fn update(&mut self, ev: KeyEvent) -> Option<Effect> {
        if let Some(mut scroll) = self.help {
            let max = help::max_scroll(&self.help_sections());
            self.help = help::key_in_help(&ev, &mut scroll, max).then_some(scroll);
            return None;
        }
        match keys::lookup(FORM, &ev) {
            Some(Act::Next) => self.step(1),
            Some(Act::Prev) => self.step(-1),
            Some(Act::Enter) if self.field == Field::Button => return self.submit(),
            Some(Act::Enter) => self.step(1),
            Some(Act::PickNext | Act::PickPrev) if !self.known.is_empty() => {
                let n = self.known.len();
                let next = match (self.picked, keys::lookup(FORM, &ev)) {
                    (None, Some(Act::PickNext)) => 0,
                    (None, _) => n - 1,
                    (Some(k), Some(Act::PickNext)) => (k + 1) % n,
                    (Some(k), _) => (k + n - 1) % n,
                };
                self.picked = Some(next);
                self.municipality = ui::line_input(&self.known[next]);
                self.field = Field::Municipality;
            }
            Some(Act::AddPerson) => {
                self.people.push((ui::line_input(""), ui::line_input("")));
                self.field = Field::Name(self.people.len() - 1);
            }
            Some(Act::RemovePerson) => {
                if let Field::Name(k) | Field::Role(k) = self.field
                    && self.people.len() > 1
                {
                    self.people.remove(k);
                    self.field = Field::Name(k.min(self.people.len() - 1));
                }
            }
            Some(Act::Submit) => return self.submit(),
            Some(Act::Cancel) => return Some(Effect::Cancel),
            Some(Act::Help) => self.help = Some(0),
            _ => {
                if let Some(input) = self.input() {
                    ui::edit_line(input, &ev);
                }
            }
        }
        None
    }

    /// The interview could not be created (a directory that cannot be
    /// written to): the form stays as typed, with the reasons under it.
    pub fn refused(&mut self, lines: Vec<String>) {
        self.errors = lines;
    }

    fn submit(&mut self) -> Option<Effect> {
        self.errors.clear();
        let municipality = ui::line_text(&self.municipality).trim().to_owned();
        let interviewer = ui::line_text(&self.interviewer).trim().to_owned();
        if municipality.is_empty() {
            self.errors.push(
                self.t("Kommunen mangler.", "The municipality is missing.")
                    .into(),
            );
        }
        if interviewer.is_empty() {
            self.errors.push(
                self.t("Intervjueren mangler.", "The interviewer is missing.")
                    .into(),
            );
        }
        let mut people = Vec::new();
        for (k, (name, role)) in self.people.iter().enumerate() {
            match people::person(
                self.bank,
                &ui::line_text(name),
                &ui::line_text(role),
                self.lang,
            ) {
                Ok(p) => people.push(p),
                Err(e) => {
                    self.errors
                        .push(format!("{} {}: {e}", self.t("Person", "Person"), k + 1))
                }
            }
        }
        if !self.errors.is_empty() {
            return None;
        }
        Some(Effect::Create {
            municipality,
            interviewer,
            people,
        })
    }

    pub fn help_sections(&self) -> Vec<HelpSection> {
        vec![
            keys::section(("Nytt intervju", "New interview"), FORM, self.lang, 4),
            help::section(self.lang),
        ]
    }

    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let width = area.width as usize;
        let [head, body, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(
            ui::title_bar(self.t("Nytt intervju", "New interview"), area.width),
            head,
        );
        let label_w = 14usize;
        // Room for the hint to the right of the inputs.
        let input_w = width.saturating_sub(label_w + 4 + 26).clamp(16, 40) as u16;
        // (label, input, focused, hint); None is an empty line.
        let mut rows: Vec<Option<(String, &TextArea, bool, Line<'static>)>> = Vec::new();
        let known_hint = if self.known.is_empty() {
            Line::raw("")
        } else {
            Line::styled(
                format!("PgDn/PgUp: {}", self.t("finnes fra før", "existing")),
                DIM,
            )
        };
        rows.push(Some((
            self.t("Kommune", "Municipality").into(),
            &self.municipality,
            self.field == Field::Municipality,
            known_hint,
        )));
        rows.push(Some((
            self.t("Intervjuer", "Interviewer").into(),
            &self.interviewer,
            self.field == Field::Interviewer,
            Line::raw(""),
        )));
        rows.push(None);
        for (k, (name, role)) in self.people.iter().enumerate() {
            rows.push(Some((
                format!("{} {}", self.t("Navn", "Name"), k + 1),
                name,
                self.field == Field::Name(k),
                Line::raw(""),
            )));
            let text = ui::line_text(role);
            let hint = if text.trim().is_empty() {
                Line::raw("")
            } else {
                match people::resolve_role(self.bank, &text, self.lang) {
                    Ok(id) => Line::styled(
                        format!("→ {}", one_line(&self.bank.role_label(&id, self.lang))),
                        Style::new().fg(Color::Green),
                    ),
                    Err(_) => Line::styled(
                        self.t("? ukjent eller flertydig", "? unknown or ambiguous"),
                        Style::new().fg(Color::Yellow),
                    ),
                }
            };
            rows.push(Some((
                format!("{} {}", self.t("Rolle", "Role"), k + 1),
                role,
                self.field == Field::Role(k),
                hint,
            )));
        }
        let mut y = body.y;
        for row in rows {
            if y >= body.bottom() {
                break;
            }
            if let Some((label, input, focused, hint)) = row {
                draw_field(
                    frame,
                    Rect::new(body.x, y, body.width, 1),
                    label_w,
                    input_w,
                    &label,
                    input,
                    focused,
                    hint,
                );
            }
            y += 1;
        }
        y += 1;
        let button = format!(" {} ", self.t("Start intervjuet", "Start the interview"));
        if y < body.bottom() {
            let style = if self.field == Field::Button {
                SELECTED.add_modifier(ratatui::style::Modifier::BOLD)
            } else {
                BOLD.fg(ACCENT)
            };
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::raw(" ".repeat(label_w + 2)),
                    Span::styled(format!("[{button}]"), style),
                ])),
                Rect::new(body.x, y, body.width, 1),
            );
        }
        y += 2;
        let roles = format!(
            "{} {}",
            self.t("Roller (id eller navn):", "Roles (id or name):"),
            people::allowed_roles(self.bank, self.lang)
        );
        let mut lines: Vec<Line> = ui::wrap(&roles, width.saturating_sub(2))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), DIM))
            .collect();
        for e in &self.errors {
            for (k, l) in ui::wrap(e, width.saturating_sub(4)).into_iter().enumerate() {
                let mark = if k == 0 { "⚠" } else { " " };
                lines.push(Line::styled(format!(" {mark} {l}"), WARN));
            }
        }
        if y < body.bottom() {
            frame.render_widget(
                Paragraph::new(lines),
                Rect::new(body.x, y, body.width, body.bottom() - y),
            );
        }
        let keys = match self.help {
            Some(_) => keys::footer(&[help::KEYS], self.lang),
            None => keys::footer(&[FORM], self.lang),
        };
        frame.render_widget(Paragraph::new(help::footer_line(&keys, area.width)), foot);
        if let Some(scroll) = self.help {
            help::draw_help(frame, body, &self.help_sections(), scroll, self.lang);
        }
    }
}

/// One labelled input on one line, with a hint to its right.
#[allow(clippy::too_many_arguments)]
fn draw_field(
    frame: &mut Frame,
    line: Rect,
    label_w: usize,
    input_w: u16,
    label: &str,
    input: &TextArea,
    focused: bool,
    hint: Line<'static>,
) {
    let style = if focused {
        BOLD.fg(ACCENT)
    } else {
        Style::new()
    };
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {label:<label_w$}"), style)),
        Rect::new(line.x, line.y, label_w as u16 + 1, 1),
    );
    let field = Rect::new(line.x + label_w as u16 + 2, line.y, input_w, 1);
    let mut ta = input.clone();
    ta.set_style(Style::new().bg(Color::Indexed(if focused { 238 } else { 236 })));
    if !focused {
        ta.set_cursor_style(Style::new());
    }
    frame.render_widget(&ta, field);
    let hint_x = field.right() + 1;
    if hint_x < line.right() {
        frame.render_widget(
            Paragraph::new(hint),
            Rect::new(hint_x, line.y, line.right() - hint_x, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn typ(f: &mut Form, text: &str) {
        for c in text.chars() {
            f.update(KeyEvent::from(KeyCode::Char(c)));
        }
    }

    #[test]
    fn a_filled_form_creates_a_group_interview() {
        let bank = Bank::builtin();
        let mut f = Form::new(
            &bank,
            Lang::Nb,
            vec!["Askvoll".into(), "Eksempelvik".into()],
            None,
        );
        f.update(KeyEvent::from(KeyCode::PageDown));
        f.update(KeyEvent::from(KeyCode::PageDown));
        f.update(KeyEvent::from(KeyCode::Tab));
        typ(&mut f, "Kari");
        f.update(KeyEvent::from(KeyCode::Enter));
        typ(&mut f, "Ola Nordmann");
        f.update(KeyEvent::from(KeyCode::Tab));
        typ(&mut f, "ordfører");
        f.update(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
        typ(&mut f, "Åse");
        f.update(KeyEvent::from(KeyCode::Tab));
        typ(&mut f, "union_rep");
        let done = f.update(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(
            done,
            Some(Effect::Create {
                municipality: "Eksempelvik".into(),
                interviewer: "Kari".into(),
                people: vec![
                    Person {
                        name: "Ola Nordmann".into(),
                        role: "mayor".into()
                    },
                    Person {
                        name: "Åse".into(),
                        role: "union_rep".into()
                    },
                ],
            })
        );
    }

    #[test]
    fn errors_name_the_field_and_list_the_roles() {
        let bank = Bank::builtin();
        let mut f = Form::new(&bank, Lang::En, vec![], Some("Eksempelvik"));
        f.update(KeyEvent::from(KeyCode::Tab));
        typ(&mut f, "Ola");
        f.update(KeyEvent::from(KeyCode::Tab));
        typ(&mut f, "pope");
        assert_eq!(
            f.update(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(f.errors[0], "The interviewer is missing.");
        assert!(
            f.errors[1].starts_with("Person 1: Unknown role «pope»"),
            "{:?}",
            f.errors
        );
        assert!(f.errors[1].contains("chief_executive"));
        assert_eq!(f.update(KeyEvent::from(KeyCode::Esc)), Some(Effect::Cancel));
    }
}
