//! The municipality picker, shown when the files of a review hold several.

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode::{Down, End, Enter, Esc, Home, PageDown, PageUp, Up};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Act;
use super::view::BAR_BG;
use crate::core::lang::Lang;
use crate::core::review::open::MunicipalityGroup;
use crate::core::text::one_line;
use crate::tui::help;
use crate::tui::keys::{self, Binding, bind, ch, ctrl, key};
use crate::tui::ui::{self, BOLD, DIM, SELECTED};

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
        let act = keys::lookup(PICKER, &ev)?;
        if let Some(to) = super::moved(act, self.cursor, self.groups.len()) {
            self.cursor = to;
            return None;
        }
        match act {
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

pub fn draw_picker(frame: &mut Frame, p: &Picker) {
    let area = frame.area();
    let t = |nb, en| p.lang.pick(nb, en);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                " Kompass · {}",
                t(
                    "Stiene har intervjuer fra flere kommuner: velg én å gå gjennom",
                    "The paths hold interviews of several municipalities: choose one to review"
                )
            ),
            BOLD,
        ))
        .style(BAR_BG),
        header,
    );
    let lines: Vec<Line> = p
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let line = Line::from(vec![
                Span::styled(
                    format!(" {:<30}", ui::truncate(&one_line(&g.name), 30)),
                    BOLD,
                ),
                Span::styled(
                    format!(
                        "{:>4}",
                        p.lang.count(
                            g.sessions,
                            ["intervju", "intervjuer"],
                            ["interview", "interviews"]
                        )
                    ),
                    DIM,
                ),
            ]);
            if i == p.cursor {
                line.style(SELECTED)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(help::footer_line(
            &crate::tui::keys::footer(&[PICKER], p.lang),
            area.width,
        )),
        footer,
    );
}
