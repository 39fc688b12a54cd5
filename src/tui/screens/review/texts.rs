//! The evaluators' own words in the review (issue 15): the assessment of
//! each area ("Vurdering"), the summary and "Veien videre", each written in
//! the notes editor of the interview ([`Editor`], with its grouped undo).
//!
//! Every change goes into the assessment at once (`core::review::texts`), so
//! a crash or a closed terminal saves it with everything else; the saver is
//! only handed a copy like the interview's notes are, 250 ms after the last
//! change and at most 700 ms after the first ([`TextEditors::save_due`]),
//! and at once when the editor closes.

use std::collections::HashMap;
use std::time::Instant;

use super::*;
use crate::core::review::texts::{self, TextSlot};
use crate::tui::editor::Editor;
use crate::tui::keys::{Binding, bind, ctrl, ctrl_key, key};
use crate::tui::screens::interview::{SAVE_IDLE, SAVE_MAX_WAIT};
use ratatui::crossterm::event::KeyCode::{Enter, Esc, Left, Right};

/// The editors opened so far, one per text, so each keeps its undo
/// history while the review is open, and when the texts were last changed.
#[derive(Default)]
pub struct TextEditors {
    editors: HashMap<TextSlot, Editor>,
    /// The first and the last change not yet handed to the saver.
    unsaved: Option<(Instant, Instant)>,
}

impl TextEditors {
    /// The editor of `slot`, if it was opened.
    pub fn get(&self, slot: &TextSlot) -> Option<&Editor> {
        self.editors.get(slot)
    }

    /// When the runtime should hand the assessment to the saver.
    pub fn save_due(&self) -> Option<Instant> {
        self.unsaved
            .map(|(first, last)| (first + SAVE_MAX_WAIT).min(last + SAVE_IDLE))
    }

    /// Whether a change to a text has not been handed to the saver yet.
    pub fn unsaved(&self) -> bool {
        self.unsaved.is_some()
    }

    /// The assessment, texts and all, was handed to the saver.
    pub fn saved(&mut self) {
        self.unsaved = None;
    }

    fn changed(&mut self, now: Instant) {
        self.unsaved = Some(match self.unsaved {
            Some((first, _)) => (first, now),
            None => (now, now),
        });
    }
}

pub const TEXT: &[Binding<Act>] = &[
    bind(
        &[key(Esc)],
        Act::Back,
        "Ferdig: tilbake (teksten lagres hele tiden)",
        "Done: back (the text is saved as you type)",
    )
    .footer("Ferdig", "Done"),
    bind(&[ctrl('z'), ctrl('u')], Act::Undo, "Angre", "Undo").footer("Angre", "Undo"),
    bind(&[ctrl('y'), ctrl('r')], Act::Redo, "Gjør om", "Redo"),
    bind(&[key(Enter)], Act::Editor, "Ny linje", "New line"),
    bind(
        &[ctrl_key(Left), ctrl_key(Right)],
        Act::Editor,
        "Ett ord tilbake / fram",
        "One word back / forward",
    ),
    bind(
        &[ctrl('s')],
        Act::Save,
        "Lagre nå (det skjer også av seg selv)",
        "Save now (it also happens by itself)",
    ),
    bind(&[ctrl('q')], Act::Quit, "Lagre og avslutt", "Save and quit").footer("Avslutt", "Quit"),
];

impl Review<'_> {
    /// The text a key of the overview or the findings screen opens: the
    /// assessment of the area on show, the summary, the way forward.
    pub(super) fn text_slot(&self, act: Act) -> Option<TextSlot> {
        let area = match self.view {
            View::Findings => self.findings_area,
            _ => self.area,
        };
        match act {
            Act::AreaText => Some(TextSlot::Area(self.area_id(area).to_owned())),
            Act::Summary => Some(TextSlot::Summary),
            Act::WayForward => Some(TextSlot::WayForward),
            _ => None,
        }
    }

    /// Opens the editor of a text, where it was left (cursor, undo), or
    /// afresh when the saved text is not what it holds.
    pub fn open_text(&mut self, slot: TextSlot) {
        let saved = texts::text(&self.rs.assessment, &slot);
        let current = self.texts.editors.get(&slot).map(Editor::text);
        if current.as_deref().map(str::trim_end) != Some(saved) {
            let placeholder = match slot {
                TextSlot::Summary => self.t(
                    "Sammendraget av hele evalueringen",
                    "The summary of the whole evaluation",
                ),
                TextSlot::WayForward => self.t(
                    "Veien videre: anbefalingene til kommunen",
                    "The way forward: the recommendations to the municipality",
                ),
                TextSlot::Area(_) => self.t(
                    "Vurderingen av området, med egne ord",
                    "The assessment of the area, in your own words",
                ),
            };
            self.texts
                .editors
                .insert(slot.clone(), Editor::new(saved, placeholder));
        }
        self.overlay = Some(Overlay::Text(slot));
    }

    /// A key while a text is being written.
    pub(super) fn text_key(
        &mut self,
        slot: TextSlot,
        act: Option<Act>,
        ev: KeyEvent,
    ) -> Vec<Effect> {
        let effects = match act {
            Some(Act::Back) => {
                return if self.texts.unsaved() {
                    vec![Effect::Save]
                } else {
                    vec![]
                };
            }
            Some(Act::Quit) => vec![Effect::Quit],
            Some(Act::Save) => vec![Effect::Save],
            Some(Act::Undo | Act::Redo) => {
                if let Some(ed) = self.texts.editors.get_mut(&slot) {
                    if act == Some(Act::Undo) {
                        ed.undo();
                    } else {
                        ed.redo();
                    }
                }
                self.store_text(&slot);
                vec![]
            }
            _ => {
                if let Some(ed) = self.texts.editors.get_mut(&slot)
                    && ed.input(ev)
                {
                    self.store_text(&slot);
                }
                vec![]
            }
        };
        self.overlay = Some(Overlay::Text(slot));
        effects
    }

    /// Pasted text goes into the editor as one edit, lines and all.
    pub(super) fn text_paste(&mut self, slot: &TextSlot, text: &str) {
        if let Some(ed) = self.texts.editors.get_mut(slot) {
            ed.insert_str(&ui::clean_paste(text));
            self.store_text(slot);
        }
    }

    /// Copies the editor's text into the assessment.
    fn store_text(&mut self, slot: &TextSlot) {
        let Some(text) = self.texts.editors.get(slot).map(Editor::text) else {
            return;
        };
        match texts::set_text(&mut self.rs.assessment, self.bank, slot, &text) {
            Ok(true) => self.texts.changed(Instant::now()),
            Ok(false) => {}
            Err(e) => self.fail(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::screens::review::tests::demo_session;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn press(r: &mut Review, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
        r.update(Msg::Key(KeyEvent::new(code, mods)))
    }

    fn typ(r: &mut Review, text: &str) {
        for c in text.chars() {
            press(r, KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    #[test]
    fn the_texts_are_written_on_the_overview_and_the_findings_and_kept_in_the_assessment() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
        // The overview's selected area: v writes its assessment.
        press(&mut r, KeyCode::Down, KeyModifiers::NONE);
        typ(&mut r, "v");
        assert!(matches!(&r.overlay, Some(Overlay::Text(TextSlot::Area(a))) if a == "2"));
        typ(&mut r, "Godt planverk.");
        press(&mut r, KeyCode::Enter, KeyModifiers::NONE);
        // Letters that are keys elsewhere (q quits, s splits) are text here.
        typ(&mut r, "Svak oppfølging, sa q.");
        let slot = TextSlot::Area("2".into());
        assert_eq!(
            texts::text(r.assessment(), &slot),
            "Godt planverk.\nSvak oppfølging, sa q."
        );
        assert!(r.texts.unsaved(), "typing waits for a pause to save");
        let due = r.texts.save_due().unwrap();
        assert!(due <= Instant::now() + SAVE_MAX_WAIT);
        assert_eq!(
            press(&mut r, KeyCode::Esc, KeyModifiers::NONE),
            vec![Effect::Save],
            "closing the editor saves at once"
        );
        assert!(r.overlay.is_none());

        // Undo takes back the last step of the editor's undo, redo brings it back.
        typ(&mut r, "v");
        press(&mut r, KeyCode::Char('z'), KeyModifiers::CONTROL);
        let undone = texts::text(r.assessment(), &slot).to_owned();
        assert!(
            undone.len() < "Godt planverk.\nSvak oppfølging, sa q.".len()
                && "Godt planverk.\nSvak oppfølging, sa q.".starts_with(&undone),
            "{undone:?}"
        );
        press(&mut r, KeyCode::Char('y'), KeyModifiers::CONTROL);
        assert_eq!(
            texts::text(r.assessment(), &slot),
            "Godt planverk.\nSvak oppfølging, sa q."
        );
        press(&mut r, KeyCode::Esc, KeyModifiers::NONE);

        // The summary and the way forward from the overview, the area's
        // assessment from the findings screen too; a paste keeps its lines.
        typ(&mut r, "s");
        typ(&mut r, "Samlet sett godt styrt.");
        press(&mut r, KeyCode::Esc, KeyModifiers::NONE);
        typ(&mut r, "w");
        r.update(Msg::Paste("1. Samskaping\r\n2. Lederutvikling".into()));
        press(&mut r, KeyCode::Esc, KeyModifiers::NONE);
        r.view = View::Findings;
        press(&mut r, KeyCode::Right, KeyModifiers::NONE);
        press(&mut r, KeyCode::Right, KeyModifiers::NONE);
        typ(&mut r, "v");
        typ(&mut r, "Styring uten kontroll.");
        assert_eq!(
            press(&mut r, KeyCode::Char('q'), KeyModifiers::CONTROL),
            vec![Effect::Quit]
        );
        let t = &r.assessment().texts;
        assert_eq!(t.summary, "Samlet sett godt styrt.");
        assert_eq!(t.way_forward, "1. Samskaping\n2. Lederutvikling");
        assert_eq!(t.areas["3"], "Styring uten kontroll.");
        let back = Assessment::parse(&r.assessment().to_json()).unwrap();
        assert_eq!(back.texts, *t);
    }

    #[test]
    fn an_editor_reopens_where_it_was_left_unless_the_text_changed_since() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::En, demo_session(dir.path()));
        typ(&mut r, "s");
        typ(&mut r, "One two");
        press(&mut r, KeyCode::Esc, KeyModifiers::NONE);
        typ(&mut r, "s");
        press(&mut r, KeyCode::Char('u'), KeyModifiers::CONTROL);
        let summary = &r.assessment().texts.summary;
        assert!(
            summary.len() < 7 && "One two".starts_with(summary.as_str()),
            "the undo history is kept: {summary:?}"
        );
        press(&mut r, KeyCode::Esc, KeyModifiers::NONE);
        r.rs.assessment.texts.summary = "Written elsewhere".into();
        typ(&mut r, "s");
        assert_eq!(
            r.texts.get(&TextSlot::Summary).unwrap().text(),
            "Written elsewhere"
        );
        r.texts.saved();
        assert_eq!(r.texts.save_due(), None);
    }
}
