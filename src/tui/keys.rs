//! Key bindings as data. The same tables decide what a key does (update
//! step), what the help overlay lists and what the footer shows, so the
//! documentation of a key cannot drift from its behaviour.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::core::lang::Lang;

/// A key with its modifiers, or a class of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chord {
    Key(KeyCode, KeyModifiers),
    /// Any digit typed without Ctrl or Alt (score values).
    Digit,
}

pub const fn key(code: KeyCode) -> Chord {
    Chord::Key(code, KeyModifiers::NONE)
}

pub const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Chord {
    Chord::Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub const fn ctrl_key(code: KeyCode) -> Chord {
    Chord::Key(code, KeyModifiers::CONTROL)
}

pub const fn alt(c: char) -> Chord {
    Chord::Key(KeyCode::Char(c), KeyModifiers::ALT)
}

pub const fn alt_key(code: KeyCode) -> Chord {
    Chord::Key(code, KeyModifiers::ALT)
}

/// Shift is implied by the character itself (`?`, `N`) and by BackTab, and
/// terminals disagree on reporting it; it is ignored for those keys.
fn normalized(ev: &KeyEvent) -> (KeyCode, KeyModifiers) {
    match ev.code {
        KeyCode::Char(c) => (
            KeyCode::Char(c.to_lowercase().next().unwrap_or(c)),
            ev.modifiers - KeyModifiers::SHIFT,
        ),
        KeyCode::BackTab => (KeyCode::BackTab, ev.modifiers - KeyModifiers::SHIFT),
        code => (code, ev.modifiers),
    }
}

/// A key that types a character (with Shift at most), as opposed to a chord.
pub fn is_typed_char(ev: &KeyEvent) -> bool {
    matches!(ev.code, KeyCode::Char(_)) && (ev.modifiers - KeyModifiers::SHIFT).is_empty()
}

impl Chord {
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let (code, mods) = normalized(ev);
        match self {
            Chord::Key(c, m) => c == code && m == mods,
            Chord::Digit => {
                matches!(code, KeyCode::Char(c) if c.is_ascii_digit())
                    && !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }
        }
    }

    /// How the key is written in the help and the footer: `Ctrl-N`, `PgDn`.
    pub fn label(self, lang: Lang, scale_max: u32) -> String {
        let (code, mods) = match self {
            Chord::Digit => return format!("0–{scale_max}"),
            Chord::Key(code, mods) => (code, mods),
        };
        let name = match code {
            KeyCode::Char(' ') => lang.pick("Mellomrom", "Space").to_owned(),
            KeyCode::Char(c) if mods.is_empty() => c.to_string(),
            KeyCode::Char(c) => c.to_uppercase().to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out.push_str(&name);
        out
    }
}

/// One line of a key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    pub chords: &'static [Chord],
    pub action: A,
    /// What the key does, for the help: (bokmål, English).
    pub help: (&'static str, &'static str),
    /// A short label when the key belongs in the footer.
    pub footer: Option<(&'static str, &'static str)>,
}

pub const fn bind<A>(
    chords: &'static [Chord],
    action: A,
    nb: &'static str,
    en: &'static str,
) -> Binding<A> {
    Binding {
        chords,
        action,
        help: (nb, en),
        footer: None,
    }
}

impl<A> Binding<A> {
    pub const fn footer(mut self, nb: &'static str, en: &'static str) -> Binding<A> {
        self.footer = Some((nb, en));
        self
    }

    pub fn keys_label(&self, lang: Lang, scale_max: u32) -> String {
        self.chords
            .iter()
            .map(|c| c.label(lang, scale_max))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The action bound to a key event in a table, if any.
pub fn lookup<A: Copy>(table: &[Binding<A>], ev: &KeyEvent) -> Option<A> {
    table
        .iter()
        .find(|b| b.chords.iter().any(|c| c.matches(ev)))
        .map(|b| b.action)
}

/// A titled group of keys for the help overlay, already in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: String,
    pub rows: Vec<(String, String)>,
}

pub fn section<A>(
    title: (&str, &str),
    table: &[Binding<A>],
    lang: Lang,
    scale_max: u32,
) -> HelpSection {
    HelpSection {
        title: lang.pick(title.0, title.1).to_owned(),
        rows: table
            .iter()
            .map(|b| {
                (
                    b.keys_label(lang, scale_max),
                    lang.pick(b.help.0, b.help.1).to_owned(),
                )
            })
            .collect(),
    }
}

/// The footer entries of the given tables: (first key, short label).
pub fn footer<A>(tables: &[&[Binding<A>]], lang: Lang) -> Vec<(String, String)> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .filter_map(|b| {
            let (nb, en) = b.footer?;
            let first = b.chords.first()?.label(lang, 4);
            Some((first, lang.pick(nb, en).to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, mods, KeyEventKind::Press)
    }

    #[test]
    fn shift_is_ignored_for_characters_but_ctrl_is_not() {
        assert!(ch('?').matches(&ev(KeyCode::Char('?'), KeyModifiers::SHIFT)));
        assert!(ctrl('n').matches(&ev(KeyCode::Char('N'), KeyModifiers::CONTROL)));
        assert!(!ctrl('n').matches(&ev(KeyCode::Char('n'), KeyModifiers::NONE)));
        assert!(!ch('n').matches(&ev(KeyCode::Char('n'), KeyModifiers::CONTROL)));
        assert!(key(KeyCode::BackTab).matches(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert!(Chord::Digit.matches(&ev(KeyCode::Char('3'), KeyModifiers::NONE)));
        assert!(!Chord::Digit.matches(&ev(KeyCode::Char('3'), KeyModifiers::ALT)));
    }

    #[test]
    fn labels_read_like_a_keyboard() {
        assert_eq!(ctrl('n').label(Lang::Nb, 4), "Ctrl-N");
        assert_eq!(key(KeyCode::PageDown).label(Lang::En, 4), "PgDn");
        assert_eq!(Chord::Digit.label(Lang::En, 4), "0–4");
        assert_eq!(ch(' ').label(Lang::Nb, 4), "Mellomrom");
        assert_eq!(
            alt_key(KeyCode::Backspace).label(Lang::En, 4),
            "Alt-Backspace"
        );
    }

    #[test]
    fn lookup_finds_the_first_matching_binding() {
        const T: &[Binding<u8>] = &[
            bind(&[ctrl('n'), key(KeyCode::PageDown)], 1, "Neste", "Next").footer("Neste", "Next"),
            bind(&[ch('n')], 2, "Ny", "New"),
        ];
        assert_eq!(
            lookup(T, &ev(KeyCode::PageDown, KeyModifiers::NONE)),
            Some(1)
        );
        assert_eq!(
            lookup(T, &ev(KeyCode::Char('n'), KeyModifiers::NONE)),
            Some(2)
        );
        assert_eq!(lookup(T, &ev(KeyCode::Char('x'), KeyModifiers::NONE)), None);
        assert_eq!(
            footer(&[T], Lang::En),
            vec![("Ctrl-N".into(), "Next".into())]
        );
        let s = section(("Navigering", "Navigation"), T, Lang::Nb, 4);
        assert_eq!(s.rows[0], ("Ctrl-N, PgDn".into(), "Neste".into()));
    }
}
