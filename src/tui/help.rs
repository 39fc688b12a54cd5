//! The help overlay and the footer line, both drawn from the key tables.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{self, Binding, HelpSection, bind, ch, key};
use super::ui::{self, ACCENT, BOLD, DIM};
use crate::core::lang::Lang;

/// What a key does in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpAct {
    Line,
    Page,
    Close,
}

/// The keys of the help overlay, the same on every screen.
pub const KEYS: &[Binding<HelpAct>] = &[
    bind(
        &[key(KeyCode::Up), key(KeyCode::Down)],
        HelpAct::Line,
        "Bla",
        "Scroll",
    ),
    bind(
        &[key(KeyCode::PageUp), key(KeyCode::PageDown)],
        HelpAct::Page,
        "Bla en side",
        "Scroll a page",
    ),
    bind(
        &[key(KeyCode::Esc), key(KeyCode::F(1)), ch('q'), ch('?')],
        HelpAct::Close,
        "Lukk hjelpen",
        "Close the help",
    )
    .footer("Lukk", "Close"),
];

/// A key in the help overlay: scrolls by a line or a page, never past
/// `max`. Returns false when the key closes the help.
pub fn key_in_help(ev: &KeyEvent, scroll: &mut u16, max: u16) -> bool {
    let step = match keys::lookup(KEYS, ev) {
        Some(HelpAct::Close) => return false,
        Some(HelpAct::Line) => 1,
        Some(HelpAct::Page) => 10,
        None => return true,
    };
    *scroll = if matches!(ev.code, KeyCode::Up | KeyCode::PageUp) {
        scroll.saturating_sub(step)
    } else {
        scroll.saturating_add(step).min(max)
    };
    true
}

/// The help's own section, for the screens' help.
pub fn section(lang: Lang) -> HelpSection {
    keys::section(("Hjelp", "Help"), KEYS, lang, 4)
}

/// How far the help of these sections can scroll at most (one line per key
/// and two per section, before wrapping).
pub fn max_scroll(sections: &[HelpSection]) -> u16 {
    sections.iter().map(|s| s.rows.len() as u16 + 2).sum()
}

/// Draws the help over `area`, scrolled by `scroll` lines (clamped).
pub fn draw_help(frame: &mut Frame, area: Rect, sections: &[HelpSection], scroll: u16, lang: Lang) {
    let w = area.width.min(90);
    let h = area.height;
    let rect = ui::centered(area, w, h);
    // Keys in a column; a longer key list puts its text on the next line.
    let key_w = 16usize;
    let text_w = (w as usize).saturating_sub(key_w + 6).max(10);
    let mut lines = Vec::new();
    for s in sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(s.title.clone(), BOLD.fg(ACCENT)));
        for (k, d) in &s.rows {
            let mut text = ui::wrap(d, text_w).into_iter();
            let long = unicode_width::UnicodeWidthStr::width(k.as_str()) > key_w;
            if long {
                lines.push(Line::styled(format!("  {k}"), BOLD));
            }
            let shown_key = if long { "" } else { k.as_str() };
            let first = text.next().unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("  {shown_key:<key_w$}  "), BOLD),
                Span::raw(first),
            ]));
            for more in text {
                lines.push(Line::raw(format!("  {:key_w$}  {more}", "")));
            }
        }
    }
    let inner_h = h.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(inner_h) as u16;
    let scroll = scroll.min(max_scroll);
    let title = format!(
        " {} · {} ",
        lang.pick("Hjelp", "Help"),
        lang.pick(
            "↑↓ blar · Esc lukker · ^ er Ctrl",
            "↑↓ scroll · Esc closes · ^ is Ctrl"
        )
    );
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(Style::new().fg(ACCENT))
                .title(title),
        ),
        rect,
    );
}

/// One line of `key label` pairs, as many as fit the width. When the full
/// key names do not fit, Ctrl is written `^` (as in nano).
pub fn footer_line(entries: &[(String, String)], width: u16) -> Line<'static> {
    let full: usize = entries
        .iter()
        .map(|(k, l)| k.chars().count() + l.chars().count() + 3)
        .sum();
    let short = full > width as usize;
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (k, label) in entries {
        let k = if short {
            k.replace("Ctrl-", "^")
        } else {
            k.clone()
        };
        let w = k.chars().count() + label.chars().count() + 3;
        if used + w > width as usize {
            break;
        }
        spans.push(Span::styled(format!(" {k}"), BOLD.fg(ACCENT)));
        spans.push(Span::styled(format!(" {label} "), DIM));
        used += w;
    }
    Line::from(spans)
}

/// `docs/keys.md`: every key of every screen, in English and bokmål, from
/// the same tables the screens use (a test keeps the file in step).
pub fn keys_markdown() -> String {
    use super::screens::{form, interview as iv, start};
    fn table<A>(out: &mut String, title: &str, rows: &[super::keys::Binding<A>]) {
        out.push_str(&format!(
            "\n### {title}\n\n| Keys | What it does | Hva tasten gjør |\n|---|---|---|\n"
        ));
        for b in rows {
            let keys = b.keys_label(Lang::En, 4).replace('|', "\\|");
            out.push_str(&format!("| {keys} | {} | {} |\n", b.help.1, b.help.0));
        }
    }
    let mut out = String::from(
        "# Keys\n\n\
         Every screen lists its keys with F1 (and `?` where no text is typed); the \
         footer shows the main ones, with Ctrl written `^` when the terminal is \
         narrow. This file is generated from the key tables the screens use \
         (`KOMPASS_WRITE_DOCS=1 cargo test --test interview_docs` rewrites it).\n\n\
         While the notes have the focus every printable key is text, so commands use \
         Ctrl, F-keys and Tab. `0–4` stands for the bank's scale. In the scores and \
         the findings, a printable key that is not one of theirs (a letter, a space) \
         goes to the notes, and the focus with it: words typed into the wrong field \
         are never lost and never change a score. Setting the last dimension hands \
         the focus back to the notes.\n",
    );
    out.push_str("\n## Start screen (`kompass`)\n");
    table(&mut out, "Sessions", start::START);
    table(
        &mut out,
        "When the interview is open elsewhere",
        start::LOCKED,
    );
    out.push_str("\n## New interview\n");
    table(&mut out, "Form", form::FORM);
    out.push_str("\n## Interview (`kompass interview`)\n");
    table(&mut out, "Everywhere", iv::GLOBAL);
    table(&mut out, "Notes and priorities (typing)", iv::NOTES);
    table(&mut out, "Scores", iv::SCORES);
    table(&mut out, "Findings", iv::FINDINGS);
    table(&mut out, "Navigator", iv::NAVIGATOR);
    table(&mut out, "Closing page: status", iv::STATUS);
    table(&mut out, "Score dashboard (Ctrl-D)", iv::DASHBOARD);
    table(&mut out, "New or edited finding", iv::FINDING_PROMPT);
    table(&mut out, "Go to (Ctrl-G)", iv::JUMP_PROMPT);
    table(
        &mut out,
        "A question before it happens (a rescue copy, completing with open questions)",
        iv::CONFIRM,
    );
    table(&mut out, "Help (every screen)", KEYS);
    review_markdown(&mut out, table::<super::screens::review::Act>);
    out
}

/// The review's part of [`keys_markdown`].
fn review_markdown(
    out: &mut String,
    table: fn(&mut String, &str, &[super::keys::Binding<super::screens::review::Act>]),
) {
    use super::screens::review as rv;
    out.push_str(
        "\n## Review (`kompass review`, `kompass demo`)\n\n\
         Tab walks the screens: overview (dashboard with baselines), disagreement list, \
         question, roles, findings, priorities. Nothing is typed outside the prompts and \
         the text editors, so single letters are commands.\n\n\
         **The evaluators' own words.** `v` on the overview (the selected area) or on the \
         findings screen writes the area's assessment (\"Vurdering\"), `s` on the overview \
         the summary and `w` \"Veien videre\": the interview's notes editor, over the \
         screen, saved as you type; Esc goes back. Every report format shows them.\n\n\
         **Overriding a score is typed.** On the question screen a digit starts an override \
         with that value for System/process; each further digit fills the next dimension \
         (Extent, then Results/analysis). `.`, `,` or `+` adds half a point to the value \
         just typed (and so does `5` right after a digit: `2` `5` is 2.5); `-` takes half a \
         point away; ←/→ move between the dimensions; a letter starts the reason. Enter goes to the reason, which is \
         required; Enter again saves. So `2531`, Enter, a reason, Enter sets 2.5 / 3 / 1. \
         Overridden values are marked `*` wherever they are shown, with the reason.\n",
    );
    table(out, "Every review screen", rv::GLOBAL);
    table(out, "Overview (dashboard)", rv::OVERVIEW);
    table(out, "Disagreement list", rv::LIST);
    table(out, "Question", rv::QUESTION);
    table(out, "Override: values", rv::OVERRIDE);
    table(out, "Override: reason", rv::REASON);
    table(out, "Roles and agreement", rv::ROLES);
    table(out, "Findings", rv::FINDINGS);
    table(out, "Priorities", rv::PRIORITIES);
    table(out, "Conflicts (Ctrl-K)", rv::CONFLICT);
    table(out, "Assessment, summary, way forward (v, s, w)", rv::TEXT);
    table(
        out,
        "Prompts (go to, baseline, edit, merge, rename)",
        rv::PROMPT,
    );
    table(out, "Municipality picker", rv::PICKER);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_abbreviates_ctrl_when_narrow() {
        let entries = vec![
            ("F1".to_string(), "Hjelp".to_string()),
            ("Ctrl-Q".into(), "Avslutt".into()),
        ];
        let text = |w| {
            footer_line(&entries, w)
                .spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        assert_eq!(text(80), " F1 Hjelp  Ctrl-Q Avslutt ");
        assert_eq!(text(24), " F1 Hjelp  ^Q Avslutt ");
        assert_eq!(text(12), " F1 Hjelp ");
    }
}
