//! The report as Markdown: the same content as the HTML, as text and
//! tables (CommonMark with GitHub-style tables).

use std::fmt::Write;

use super::escape::{markdown as md, markdown_inline as md_inline};
use super::model::{AreaReport, Report, Text};
use super::words;
use crate::core::exact::format_points;
use crate::core::session::FindingKind;

pub fn render(r: &Report) -> String {
    let lang = r.lang;
    let pick = |nb: &'static str, en: &'static str| lang.pick(nb, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        md(&words::edition(r)),
        md(&words::subtitle(r))
    );
    let _ = writeln!(
        out,
        "{}\n",
        pick(
            "Rapport til kommunestyret",
            "Report to the municipal council"
        )
    );
    for (k, v) in words::title_facts(r) {
        let _ = writeln!(out, "- **{k}:** {}", md_inline(&v));
    }
    out.push('\n');
    if let Some(draft) = &r.title.draft {
        let _ = writeln!(out, "> **{}**\n", md_inline(&draft.notice));
    }

    // Summary.
    let _ = writeln!(out, "## {}\n", pick("Sammendrag", "Summary"));
    let _ = writeln!(out, "{}\n", md(&words::intro(r)));
    if let Some(h) = words::highlights(r) {
        let _ = writeln!(out, "{}\n", md(&h));
    }
    if r.shows(&r.summary) {
        let _ = writeln!(out, "### {}\n", md(words::summary_text_heading(lang)));
        text(&mut out, r, &r.summary);
    }
    let _ = write!(
        out,
        "**{}: {} {} {} {}.**",
        pick("Totalt", "Total"),
        md(&r.total.points.display),
        pick("av", "of"),
        md(&r.total.max.display),
        pick("poeng", "points")
    );
    if let Some(c) = &r.total.change {
        let _ = write!(
            out,
            " {} {}: {} {}.",
            pick("Endring siden", "Change since"),
            md(&c.since),
            md(&c.display),
            pick("poeng", "points")
        );
    }
    out.push_str("\n\n");

    // The table of areas.
    let (header, rows) = words::summary_table(r);
    table_head(&mut out, &header, |i| i > 0);
    for (cells, bold) in &rows {
        out.push_str(&table_row(cells, *bold));
    }
    out.push('\n');
    if r.has_fictional_baselines() {
        let _ = writeln!(out, "*{}*\n", md(words::fictional_notice(lang)));
    }
    standing(&mut out, r);
    history(&mut out, r);

    for a in &r.areas {
        area(&mut out, r, a);
    }

    if r.shows(&r.way_forward) {
        let _ = writeln!(out, "## {}\n", md(words::way_forward_heading(lang)));
        text(&mut out, r, &r.way_forward);
    }

    // Priorities.
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        md(words::priorities_heading(lang)),
        md(words::priorities_lead(lang))
    );
    if r.priorities.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            pick(
                "Ingen prioriteringer registrert.",
                "No priorities recorded."
            )
        );
    } else {
        table_head(
            &mut out,
            &[
                pick("Tema", "Theme").to_owned(),
                pick("Antall", "Count").to_owned(),
                pick("Slik det ble sagt", "As it was put").to_owned(),
            ],
            |i| i == 1,
        );
        for p in &r.priorities {
            let cells = [p.theme.clone(), p.count.to_string(), p.wordings.join(" · ")];
            out.push_str(&table_row(&cells, false));
        }
        out.push('\n');
    }

    method(&mut out, r);
    out
}

/// One of the evaluators' texts, a paragraph per line; in a draft, one not
/// written yet says so.
fn text(out: &mut String, r: &Report, text: &Text) {
    if text.is_empty() {
        if r.is_draft() {
            let _ = writeln!(out, "*{}*\n", md(words::not_written(r.lang)));
        }
        return;
    }
    for p in &text.paragraphs {
        let _ = writeln!(out, "{}\n", md(p));
    }
}

/// The place among a benchmark's evaluations, with a table per area.
fn standing(out: &mut String, r: &Report) {
    let Some(bm) = &r.benchmark else {
        return;
    };
    let lang = r.lang;
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        words::standing_heading(lang),
        md(&words::rank_sentence(r, bm))
    );
    table_head(
        out,
        &[
            lang.pick("Fokusområde", "Focus area").to_owned(),
            lang.pick("Poeng", "Points").to_owned(),
            lang.pick("Plass", "Place").to_owned(),
        ],
        |i| i > 0,
    );
    for ar in &bm.rank.areas {
        let points = r
            .areas
            .iter()
            .find(|a| a.id == ar.id)
            .map_or("–".to_owned(), |a| a.points.display.clone());
        out.push_str(&table_row(
            &[
                format!("{} {}", ar.id, ar.title),
                points,
                words::rank_short(ar.rank, ar.n, lang),
            ],
            false,
        ));
    }
    out.push_str(&table_row(
        &[
            lang.pick("Totalt", "Total").to_owned(),
            r.total.points.display.clone(),
            words::rank_short(bm.rank.total, bm.n, lang),
        ],
        true,
    ));
    let _ = writeln!(out, "\n{}\n", md(words::ties_note(lang)));
    let totals: Vec<String> = bm
        .points
        .iter()
        .map(|p| {
            let mark = if p.current { "**" } else { "" };
            format!("{mark}{}: {}{mark}", md(&p.label), md(&p.total.display))
        })
        .collect();
    let _ = writeln!(
        out,
        "{}: {}\n",
        lang.pick("Totalpoeng per evaluering", "Total points per evaluation"),
        totals.join(" · ")
    );
}

/// The municipality's own evaluations over the years, with the changes.
fn history(out: &mut String, r: &Report) {
    let Some(h) = &r.history else {
        return;
    };
    let lang = r.lang;
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        words::history_heading(lang),
        md(&words::history_sentence(r, h))
    );
    let mut header = vec![lang.pick("Fokusområde", "Focus area").to_owned()];
    header.extend(h.columns.iter().map(|c| c.label.clone()));
    table_head(out, &header, |i| i > 0);
    for row in h.areas.iter().chain(std::iter::once(&h.total)) {
        let mut cells = vec![words::history_row_label(row)];
        cells.extend(
            row.values
                .iter()
                .zip(&row.changes)
                .map(|(v, c)| words::history_cell(v.as_ref(), c.as_ref())),
        );
        out.push_str(&table_row(&cells, row.id == "total"));
    }
    out.push('\n');
}

/// A header row and the alignment row; numeric columns are right-aligned.
fn table_head(out: &mut String, cells: &[String], numeric: impl Fn(usize) -> bool) {
    out.push_str(&table_row(cells, false));
    let aligns: Vec<&str> = (0..cells.len())
        .map(|i| if numeric(i) { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", aligns.join(" | "));
}

fn table_row(cells: &[String], bold: bool) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| {
            if bold && !c.is_empty() {
                format!("**{}**", md(c))
            } else {
                md(c)
            }
        })
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

fn area(out: &mut String, r: &Report, a: &AreaReport) {
    let lang = r.lang;
    let pick = |nb: &'static str, en: &'static str| lang.pick(nb, en);
    let _ = writeln!(
        out,
        "## {} {}: {}\n",
        pick("Fokusområde", "Focus area"),
        md(&a.id),
        md(&a.title)
    );
    let _ = writeln!(
        out,
        "{} {}: {}\n",
        pick("Perspektiv", "Perspective"),
        md(&a.perspective),
        md(&a.perspective_title)
    );
    let _ = write!(
        out,
        "**{}: {} {} {}**",
        pick("Poengskår", "Score"),
        md(&a.points.display),
        pick("av", "of"),
        md(&a.max.display)
    );
    if let Some(c) = &a.change {
        let _ = write!(
            out,
            " ({} {} {})",
            md(&c.display),
            pick("siden", "since"),
            md(&c.since)
        );
    }
    out.push_str("\n\n");
    let others: Vec<String> = a
        .baselines
        .iter()
        .zip(&r.baselines)
        .filter(|(c, _)| c.points.is_some())
        .map(|(c, info)| format!("{}: {}", c.baseline, words::comparison(c, info, lang)))
        .collect();
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}\n",
            pick("Til sammenligning", "For comparison"),
            md(&others.join(" · "))
        );
    }
    let _ = writeln!(out, "### {}\n", pick("Poengfordeling", "Score breakdown"));
    table_head(
        out,
        &[
            "".to_owned(),
            pick("Delområde", "Sub-area").to_owned(),
            pick("Poeng", "Points").to_owned(),
            pick("Maks", "Max").to_owned(),
        ],
        |i| i > 1,
    );
    out.push_str(&table_row(
        &[
            format!("{}.", a.id),
            a.title.clone(),
            a.points.display.clone(),
            a.max.display.clone(),
        ],
        true,
    ));
    for s in &a.subareas {
        out.push_str(&table_row(
            &[
                s.id.clone(),
                s.title.clone(),
                words::marked_points(s),
                format_points(s.max.value, 0, lang),
            ],
            false,
        ));
    }
    out.push('\n');
    if let Some(note) = words::override_note(a, lang) {
        let _ = writeln!(out, "*{}*\n", md(&note));
    }
    if let Some(note) = words::unscored(a, lang) {
        let _ = writeln!(out, "*{}*\n", md(&note));
    }
    if r.shows(&a.assessment) {
        let _ = writeln!(out, "### {}\n", md(words::assessment_heading(lang)));
        text(out, r, &a.assessment);
    }
    for kind in FindingKind::ALL {
        let _ = writeln!(out, "### {}\n", kind.heading(lang));
        let items = a.findings.column(kind);
        if items.is_empty() {
            let _ = writeln!(out, "*{}*\n", pick("Ingen registrert", "None recorded"));
            continue;
        }
        for f in items {
            let star = if f.best_practice { "★ " } else { "" };
            let count = f
                .note(lang)
                .map(|c| format!(" *({c})*"))
                .unwrap_or_default();
            let _ = writeln!(out, "- {star}{}{count}", md(&f.text));
        }
        out.push('\n');
    }
    if FindingKind::ALL
        .iter()
        .any(|&k| a.findings.column(k).iter().any(|f| f.best_practice))
    {
        let _ = writeln!(out, "★ {}\n", md(words::best_practice_legend(lang)));
    }
}

fn method(out: &mut String, r: &Report) {
    let lang = r.lang;
    let pick = |nb: &'static str, en: &'static str| lang.pick(nb, en);
    let m = &r.method;
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        pick("Metode", "Method"),
        md(&words::method_intro(r))
    );
    let _ = writeln!(out, "### {}\n", pick("Intervjuer med", "Interviews with"));
    for role in &m.roles {
        let _ = writeln!(
            out,
            "- {} ({})",
            md(&role.label),
            md(&words::role_count(role, lang))
        );
    }
    out.push('\n');
    let names = m.interviews.iter().any(|i| i.names.is_some());
    let mut header = vec![
        pick("Dato", "Date").to_owned(),
        pick("Roller", "Roles").to_owned(),
    ];
    if names {
        header.push(pick("Navn", "Names").to_owned());
    }
    header.push(pick("Personer", "People").to_owned());
    let people_column = header.len() - 1;
    table_head(out, &header, |i| i == people_column);
    for i in &m.interviews {
        let mut cells = vec![i.date_display.clone(), i.roles_text(lang)];
        if let Some(n) = &i.names {
            cells.push(n.join(", "));
        }
        cells.push(i.people.to_string());
        out.push_str(&table_row(&cells, false));
    }
    out.push('\n');

    let _ = writeln!(out, "### {}\n", pick("Poenggivning", "Scoring"));
    for p in &m.scoring_rule {
        let _ = writeln!(out, "{}\n", md(p));
    }
    let mut header = vec![pick("Verdi", "Value").to_owned()];
    header.extend(m.dimensions.iter().map(|d| d.label.clone()));
    table_head(out, &header, |i| i == 0);
    for value in m.scale_min..=m.scale_max {
        let mut cells = vec![value.to_string()];
        cells.extend(m.dimensions.iter().map(|d| {
            d.levels
                .iter()
                .find(|l| l.value == value)
                .map_or(String::new(), |l| l.text.clone())
        }));
        out.push_str(&table_row(&cells, false));
    }
    let _ = writeln!(out, "\n{}\n", md(&words::coverage(r)));

    let _ = writeln!(out, "### {}\n", pick("Overstyringer", "Overrides"));
    if r.overrides.is_empty() {
        let _ = writeln!(out, "{}\n", md(words::no_overrides(lang)));
    } else {
        table_head(
            out,
            &[
                pick("Spørsmål", "Question").to_owned(),
                pick("Endring", "Change").to_owned(),
                pick("Begrunnelse", "Reason").to_owned(),
            ],
            |_| false,
        );
        for o in &r.overrides {
            let changes: Vec<String> = o.changes.iter().map(words::override_change).collect();
            out.push_str(&table_row(
                &[
                    format!("{} {}", o.question, o.question_text),
                    changes.join("; "),
                    o.reason.clone(),
                ],
                false,
            ));
        }
        out.push('\n');
    }
    if !r.baselines.is_empty() {
        let _ = writeln!(
            out,
            "### {}\n",
            pick("Sammenligningsgrunnlag", "Comparisons")
        );
        for b in &r.baselines {
            let mut line = format!(
                "**{}** – {}",
                md(&b.label),
                md(words::baseline_kind(b.kind, lang))
            );
            for extra in [&b.source, &b.note].into_iter().flatten() {
                let _ = write!(line, ". {}", md(extra));
            }
            let _ = writeln!(out, "- {line}");
        }
        out.push('\n');
        if r.has_fictional_baselines() {
            let _ = writeln!(out, "*{}*\n", md(words::fictional_notice(lang)));
        }
    }
    let _ = writeln!(
        out,
        "### {}\n\n{}",
        pick("Spørsmålsbank", "Question bank"),
        md(&words::bank_line(r))
    );
}
