//! The evaluators' texts: the editor over the screen, and the lines that
//! show on the overview and the findings screen what is written so far.

use super::*;
use crate::core::review::texts::{self, TextSlot};

/// The editor of one text, over the whole body.
pub(super) fn draw_text_editor(frame: &mut Frame, body: Rect, s: &Review, slot: &TextSlot) {
    let Some(editor) = s.texts.get(slot) else {
        return;
    };
    frame.render_widget(Clear, body);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(format!(" {} ", one_line(&slot.label(s.bank, s.lang))));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let [hint, text] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(s.t(
            "Med egne ord, til rapporten · lagres mens du skriver · Esc: ferdig",
            "In your own words, for the report · saved as you type · Esc: done",
        ))
        .style(DIM),
        hint,
    );
    frame.render_widget(editor, text);
}

/// "Vurdering 3: «Kommunen styrer godt …» · v", or "ikke skrevet".
fn preview(s: &Review, name: String, slot: &TextSlot, key: char, width: usize) -> Line<'static> {
    let text = texts::text(s.assessment(), slot);
    let head = format!(" {name}: ");
    let tail = format!(" · {key}");
    let room = width.saturating_sub(head.width() + tail.width());
    let body = if text.is_empty() {
        Span::styled(
            ui::truncate(s.t("ikke skrevet", "not written"), room),
            Style::new().fg(Color::Yellow),
        )
    } else {
        Span::raw(ui::truncate(&one_line(text), room))
    };
    Line::from(vec![
        Span::styled(head, BOLD),
        body,
        Span::styled(tail, DIM),
    ])
}

/// The assessment of area `area` (its index in the bank) on one line.
pub(super) fn area_text_line(s: &Review, area: usize, width: usize) -> Line<'static> {
    let id = s.area_id(area).to_owned();
    let name = format!("{} {id}", s.t("Vurdering", "Assessment"));
    preview(s, name, &TextSlot::Area(id), 'v', width)
}

/// The summary and the way forward, each on a line.
pub(super) fn whole_text_lines(s: &Review, width: usize) -> [Line<'static>; 2] {
    [
        preview(
            s,
            s.t("Sammendrag", "Summary").to_owned(),
            &TextSlot::Summary,
            's',
            width,
        ),
        preview(
            s,
            s.t("Veien videre", "Way forward").to_owned(),
            &TextSlot::WayForward,
            'w',
            width,
        ),
    ]
}
