//! Sentences the report formats share, in bokmål and English, built from
//! the model so that HTML and Markdown say the same thing.

use super::model::{
    AreaReport, BaselineInfo, BenchmarkReport, Comparison, History, OverrideChange, Points, Report,
    RoleCount,
};
use crate::core::baseline::BaselineKind;
use crate::core::lang::Lang;

pub fn year_text(r: &Report) -> String {
    r.title.year.map(|y| y.to_string()).unwrap_or_default()
}

/// "Kommunekompasset 2026".
pub fn edition(r: &Report) -> String {
    format!("{} {}", r.title.framework, year_text(r))
        .trim()
        .to_owned()
}

/// What the title page says beside the title: evaluators (a dash when none
/// is named), date, and what the evaluation rests on.
pub fn title_facts(r: &Report) -> [(&'static str, String); 3] {
    let evaluators = match r.title.evaluators.is_empty() {
        true => "–".to_owned(),
        false => r.title.evaluators.join(", "),
    };
    [
        (r.lang.pick("Evaluatorer", "Evaluators"), evaluators),
        (r.lang.pick("Dato", "Date"), r.title.date_display.clone()),
        (r.lang.pick("Grunnlag", "Basis"), interview_count(r)),
    ]
}

/// "Evaluering av forvaltningspraksisen i Eksempelvik kommune".
pub fn subtitle(r: &Report) -> String {
    format!(
        "{} {}",
        r.lang.pick(
            "Evaluering av forvaltningspraksisen i",
            "Evaluation of the administrative practice of"
        ),
        r.municipality_long()
    )
}

fn interviews(n: usize, lang: Lang) -> String {
    lang.count(n, ["intervju", "intervjuer"], ["interview", "interviews"])
}

fn people(n: usize, lang: Lang) -> String {
    lang.count(n, ["person", "personer"], ["person", "people"])
}

/// "6 intervjuer med 11 personer".
pub fn interview_count(r: &Report) -> String {
    let m = &r.method;
    format!(
        "{} {} {}",
        interviews(m.interviews.len(), r.lang),
        r.lang.pick("med", "with"),
        people(m.people, r.lang)
    )
}

/// "2 intervjuer, 3 personer".
pub fn role_count(role: &RoleCount, lang: Lang) -> String {
    format!(
        "{}, {}",
        interviews(role.interviews, lang),
        people(role.people, lang)
    )
}

/// The common maximum of the areas ("100"), if they share one.
pub fn area_max(r: &Report) -> Option<String> {
    let first = r.areas.first()?;
    r.areas
        .iter()
        .all(|a| a.max.value == first.max.value)
        .then(|| first.max.display.clone())
}

/// The opening paragraph: the total, then what the compass is.
pub fn intro(r: &Report) -> String {
    let areas = r.areas.len();
    let each = area_max(r)
        .map(|m| {
            r.lang
                .pick(" med inntil {} poeng hver", " of up to {} points each")
                .replace("{}", &m)
        })
        .unwrap_or_default();
    match r.lang {
        Lang::Nb => format!(
            "{} fikk {} av {} mulige poeng i {}. Kommunekompasset er et «røntgenbilde» av hvordan kommunen \
             arbeider – rutiner, prosesser, arbeidsformer og samhandling – målt mot en idealkommune, i {areas} \
             fokusområder{each}. For hvert område beskriver rapporten styrker, utfordringer (finnes, men må bli \
             bedre) og svakheter (mangler).",
            capitalize(&r.municipality_long()),
            r.total.points.display,
            r.total.max.display,
            edition(r)
        ),
        Lang::En => format!(
            "{} scored {} of {} possible points in {}. The compass is an “X-ray” of how the municipality works \
             – routines, processes, ways of working and cooperation – measured against an ideal municipality, in \
             {areas} focus areas{each}. For each area the report describes strengths, challenges (in place, but \
             must improve) and weaknesses (missing).",
            capitalize(&r.municipality_long()),
            r.total.points.display,
            r.total.max.display,
            edition(r)
        ),
    }
}

/// The strongest and weakest areas, and the largest moves since the last
/// evaluation: what a council asks first.
pub fn highlights(r: &Report) -> Option<String> {
    if r.areas.len() < 2 {
        return None;
    }
    // Areas may have different maxima in another bank: compare shares.
    let share = |a: &&AreaReport| a.points.value / a.max.value;
    let best = r.areas.iter().max_by_key(share)?;
    let worst = r.areas.iter().min_by_key(share)?;
    let name = |a: &AreaReport| format!("{} ({})", a.title, a.points.display);
    let mut text = match r.lang {
        Lang::Nb => format!("Høyest skår har {}, lavest {}.", name(best), name(worst)),
        Lang::En => format!(
            "The highest score is in {}, the lowest in {}.",
            name(best),
            name(worst)
        ),
    };
    let changed = r
        .areas
        .iter()
        .filter_map(|a| a.change.as_ref().map(|c| (a, c)));
    let up = changed
        .clone()
        .filter(|(_, c)| c.value > 0)
        .max_by_key(|(_, c)| c.value);
    let down = changed
        .filter(|(_, c)| c.value < 0)
        .min_by_key(|(_, c)| c.value);
    let moved =
        |(a, c): (&AreaReport, &super::model::Change)| format!("{} ({})", a.title, c.display);
    let since = r
        .last_evaluation
        .as_ref()
        .map(|e| e.since.as_str())
        .unwrap_or("");
    match (up, down, r.lang) {
        (Some(u), Some(d), Lang::Nb) => {
            text += &format!(
                " Siden {since} har {} gått mest fram og {} mest tilbake.",
                moved(u),
                moved(d)
            )
        }
        (Some(u), None, Lang::Nb) => {
            text += &format!(" Siden {since} har {} gått mest fram.", moved(u))
        }
        (None, Some(d), Lang::Nb) => {
            text += &format!(" Siden {since} har {} gått mest tilbake.", moved(d))
        }
        (Some(u), Some(d), Lang::En) => {
            text += &format!(
                " Since {since}, {} improved most and {} declined most.",
                moved(u),
                moved(d)
            )
        }
        (Some(u), None, Lang::En) => {
            text += &format!(" Since {since}, {} improved most.", moved(u))
        }
        (None, Some(d), Lang::En) => {
            text += &format!(" Since {since}, {} declined most.", moved(d))
        }
        (None, None, _) => {}
    }
    Some(text)
}

pub fn fictional_notice(lang: Lang) -> &'static str {
    lang.pick(
        "Tall merket «fiktiv» er oppdiktet for demonstrasjon og må ikke siteres.",
        "Figures marked “fictional” are made up for demonstration and must not be quoted.",
    )
}

/// What a draft prints where the evaluators have not written a text yet.
pub fn not_written(lang: Lang) -> &'static str {
    lang.pick("Ikke skrevet ennå.", "Not written yet.")
}

/// The draft's notice on a title page: the model's notice and what it
/// means; empty for a final report.
pub fn draft_notice(r: &Report) -> String {
    r.title.draft.as_ref().map_or(String::new(), |d| {
        format!(
            "{}; {}",
            d.notice,
            r.lang
                .pick("poengene kan endre seg.", "the points may change.")
        )
    })
}

pub fn summary_heading(lang: Lang) -> &'static str {
    lang.pick("Sammendrag", "Summary")
}

/// Over the evaluators' summary, below the summary's own figures.
pub fn summary_text_heading(lang: Lang) -> &'static str {
    lang.pick("Evaluatorenes vurdering", "The evaluators' assessment")
}

pub fn assessment_heading(lang: Lang) -> &'static str {
    lang.pick("Vurdering", "Assessment")
}

pub fn way_forward_heading(lang: Lang) -> &'static str {
    lang.pick("Veien videre", "The way forward")
}

/// "nevnt av 5" after a finding that stands for several interviews'
/// findings; nothing for one.
pub fn mentioned(n: usize, lang: Lang) -> Option<String> {
    (n >= 2).then(|| format!("{} {n}", lang.pick("nevnt av", "mentioned by")))
}

pub fn best_practice_legend(lang: Lang) -> &'static str {
    lang.pick(
        "Gullstjerne: et eksempel på beste praksis som andre kommuner kan lære av.",
        "Gold star: an example of best practice other municipalities can learn from.",
    )
}

pub fn priorities_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Hva bør kommunen prioritere fremover?",
        "What should the municipality prioritise next?",
    )
}

pub fn priorities_lead(lang: Lang) -> &'static str {
    lang.pick(
        "Innspill fra intervjuene, samlet etter tema. Tallet viser hvor mange ganger temaet ble nevnt.",
        "Input from the interviews, grouped by theme. The number shows how many times each theme was named.",
    )
}

/// Said when asked questions of an area have no score.
pub fn unscored(a: &AreaReport, lang: Lang) -> Option<String> {
    let missing = a.asked.checked_sub(a.scored).filter(|&m| m > 0)?;
    Some(match lang {
        Lang::Nb => format!(
            "{missing} av {} spørsmål som ble stilt i området, har ikke fått poeng og teller 0.",
            a.asked
        ),
        Lang::En => format!(
            "{missing} of the {} questions asked in this area have no score and count as 0.",
            a.asked
        ),
    })
}

/// The first paragraph of the method section.
pub fn method_intro(r: &Report) -> String {
    let m = &r.method;
    let span = match (m.interviews.first(), m.interviews.last()) {
        (Some(a), Some(b)) if a.date != b.date => {
            format!("{} – {}", a.date_display, b.date_display)
        }
        (Some(a), _) => a.date_display.clone(),
        _ => "–".to_owned(),
    };
    match r.lang {
        Lang::Nb => format!(
            "Evalueringen bygger på {} ({span}). På bakgrunn av svarene i intervjuene har evaluatorene satt poeng \
             på de {} fokusområdene.",
            interview_count(r),
            r.areas.len()
        ),
        Lang::En => format!(
            "The evaluation rests on {} ({span}). From the answers in the interviews the evaluators scored the {} \
             focus areas.",
            interview_count(r),
            r.areas.len()
        ),
    }
}

/// How many questions were asked and scored.
pub fn coverage(r: &Report) -> String {
    let t = &r.total;
    match r.lang {
        Lang::Nb => format!(
            "Av bankens {} spørsmål ble {} stilt til rollene som ble intervjuet, og {} fikk poeng.",
            t.questions, t.asked, t.scored
        ),
        Lang::En => format!(
            "Of the bank's {} questions, {} were put to the roles interviewed, and {} were scored.",
            t.questions, t.asked, t.scored
        ),
    }
}

pub fn no_overrides(lang: Lang) -> &'static str {
    lang.pick(
        "Ingen: alle poeng er forslaget fra intervjuene (medianen).",
        "None: every score is the suggestion from the interviews (the median).",
    )
}

/// "System/prosess: 2 → 3".
pub fn override_change(c: &OverrideChange) -> String {
    format!(
        "{}: {} → {}",
        c.dimension,
        c.suggested.as_deref().unwrap_or("–"),
        c.decided.as_deref().unwrap_or("–")
    )
}

pub fn baseline_kind(kind: BaselineKind, lang: Lang) -> &'static str {
    match kind {
        BaselineKind::Earlier => lang.pick("tidligere evaluering", "earlier evaluation"),
        BaselineKind::Average => lang.pick("gjennomsnitt", "average"),
    }
}

/// "kommunekompasset versjon 2026.1 (sha256 1a2b…)" without markup.
pub fn bank_line(r: &Report) -> String {
    let b = &r.method.bank;
    format!(
        "{} {} {} {} (sha256 {}).",
        r.lang.pick("Spørsmålsbanken", "The question bank"),
        b.id,
        r.lang.pick("versjon", "version"),
        b.version,
        b.sha256.chars().take(16).collect::<String>()
    )
}

pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The mark beside points that include a score the evaluators overrode.
pub const OVERRIDE_MARK: &str = "✱";

/// The sub-area's points as shown on an area page: with [`OVERRIDE_MARK`]
/// when one of its questions was overridden.
pub fn marked_points(s: &super::model::SubareaReport) -> String {
    if s.overridden.is_empty() {
        s.points.display.clone()
    } else {
        format!("{} {OVERRIDE_MARK}", s.points.display)
    }
}

/// "✱ Overstyrt av evaluatorene: 4.4.2, 4.4.3 (se «Overstyringer» under
/// Metode)": the note under an area's score table, when it has overrides.
pub fn override_note(a: &super::model::AreaReport, lang: Lang) -> Option<String> {
    let ids: Vec<&str> = a
        .subareas
        .iter()
        .flat_map(|s| &s.overridden)
        .map(String::as_str)
        .collect();
    (!ids.is_empty()).then(|| {
        format!(
            "{OVERRIDE_MARK} {}: {} ({})",
            lang.pick("Overstyrt av evaluatorene", "Overridden by the evaluators"),
            ids.join(", "),
            lang.pick(
                "se «Overstyringer» under Metode",
                "see “Overrides” in the method section"
            )
        )
    })
}

/// A summary card's heading for an average: "Snitt Norge" when its country
/// is known, so that the Norwegian and Swedish averages stand side by side.
pub fn average_heading(b: &BaselineInfo, lang: Lang) -> String {
    match (b.country, lang) {
        (Some(c), Lang::Nb) => format!("Snitt {}", c.name(lang)),
        (Some(c), Lang::En) => format!("Average, {}", c.name(lang)),
        (None, _) => lang.pick("Snitt", "Average").to_owned(),
    }
}

/// "n = 15".
pub fn n_is(n: u32, _lang: Lang) -> String {
    format!("n = {n}")
}

/// "5 av 23".
pub fn rank_short(rank: usize, n: usize, lang: Lang) -> String {
    format!("{rank} {} {n}", lang.pick("av", "of"))
}

/// "Med 512 poeng er Eksempelvik 2026 nr. 5 av 23 evalueringer i
/// Nasjonalt snitt (2012–2026)."
pub fn rank_sentence(r: &Report, bm: &BenchmarkReport) -> String {
    let years: Vec<i32> = bm.points.iter().filter_map(|p| p.year).collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(z)) if a != z => format!(" ({a}–{z})"),
        (Some(a), _) => format!(" ({a})"),
        _ => String::new(),
    };
    let evaluations = r.lang.count(
        bm.n,
        ["evaluering", "evalueringer"],
        ["evaluation", "evaluations"],
    );
    match r.lang {
        Lang::Nb => format!(
            "Med {} poeng er {} nr. {} av {evaluations} i {}{span}.",
            r.total.points.display,
            r.current_label(),
            bm.rank.total,
            bm.name
        ),
        Lang::En => format!(
            "With {} points, {} is number {} of {evaluations} in {}{span}.",
            r.total.points.display,
            r.current_label(),
            bm.rank.total,
            bm.name
        ),
    }
}

/// What the chart of totals by year shows.
pub fn standing_caption(undated: usize, floor: &str, lang: Lang) -> String {
    let mut text = lang
        .pick(
            "Hver prikk er én evaluering, med totalpoeng (av 800) etter år; kommunens egne evalueringer er markert.",
            "Each dot is one evaluation, its total points by year; the municipality's own evaluations are marked.",
        )
        .to_owned();
    if floor != "0" {
        text += &match lang {
            Lang::Nb => format!(" Aksen begynner på {floor}."),
            Lang::En => format!(" The axis starts at {floor}."),
        };
    }
    if undated > 0 {
        text += &match lang {
            Lang::Nb => format!(" {undated} uten år er ikke vist, men rangert."),
            Lang::En => format!(" {undated} without a year are not shown, but ranked."),
        };
    }
    text
}

pub fn ties_note(lang: Lang) -> &'static str {
    lang.pick(
        "Plass etter de viste (avrundede) poengene, høyest først; like poeng deler plass. Et område rangeres blant evalueringene som har poeng for det.",
        "Place by the points shown (rounded), highest first; equal points share a place. An area is ranked among the evaluations that have points for it.",
    )
}

/// "Eksempelvik er evaluert 4 ganger (2014, 2018, 2022, 2026). Totalen har
/// gått fra 412 til 512 (+100)."
pub fn history_sentence(r: &Report, h: &History) -> String {
    let when: Vec<String> = h
        .columns
        .iter()
        .map(|c| c.year.map_or_else(|| c.label.clone(), |y| y.to_string()))
        .collect();
    let first = h.total.values.iter().flatten().next();
    let last = h.total.values.last().and_then(Option::as_ref);
    let change = match (first, last) {
        (Some(a), Some(b)) => {
            let diff = crate::core::exact::round_scaled(b.value, b.decimals)
                - crate::core::exact::round_scaled(a.value, a.decimals);
            let sign = match diff {
                d if d > 0 => format!("+{d}"),
                d if d < 0 => format!("\u{2212}{}", -d),
                _ => "0".to_owned(),
            };
            match r.lang {
                Lang::Nb => format!(
                    " Totalen har gått fra {} til {} ({sign}).",
                    a.display, b.display
                ),
                Lang::En => format!(
                    " The total went from {} to {} ({sign}).",
                    a.display, b.display
                ),
            }
        }
        _ => String::new(),
    };
    match r.lang {
        Lang::Nb => format!(
            "{} er evaluert {} ganger ({}).{change}",
            r.title.municipality,
            h.columns.len(),
            when.join(", ")
        ),
        Lang::En => format!(
            "{} has been evaluated {} times ({}).{change}",
            r.title.municipality,
            h.columns.len(),
            when.join(", ")
        ),
    }
}

/// Under the history's charts.
pub fn history_caption(lang: Lang) -> &'static str {
    lang.pick(
        "Totalpoeng og poeng per fokusområde ved hver evaluering. Et år med bare totalen (publisert uten områdepoeng) vises bare i totalen.",
        "Total points and points per focus area at each evaluation. A year with the total only (published without area points) shows in the total only.",
    )
}

/// Under the history's table.
pub fn history_changes_note(lang: Lang) -> &'static str {
    lang.pick(
        "Endringen står etter hvert tall: forskjellen fra forrige evaluering med et tall, regnet av de viste (avrundede) tallene.",
        "The change follows each number: the difference from the previous evaluation with a number, computed from the numbers shown (rounded).",
    )
}

/// The heading of the place among a benchmark's evaluations.
pub fn standing_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Plassering blant evaluerte kommuner",
        "Place among evaluated municipalities",
    )
}

/// The heading of the municipality's own history.
pub fn history_heading(lang: Lang) -> &'static str {
    lang.pick("Utvikling over tid", "Development over time")
}

/// A history table's row label: "3 Styring og kontroll", or "Totalt".
pub fn history_row_label(row: &super::model::HistoryRow) -> String {
    if row.id == "total" {
        row.title.clone()
    } else {
        format!("{} {}", row.id, row.title)
    }
}

/// A history cell: "512 (+75)", or "–".
pub fn history_cell(
    value: Option<&super::model::Points>,
    change: Option<&super::model::Change>,
) -> String {
    let shown = value.map_or("–", |p| p.display.as_str());
    match change {
        Some(c) => format!("{shown} ({})", c.display),
        None => shown.to_owned(),
    }
}

/// The summary's table of areas as text, shared by Markdown and Word: a
/// header (area, this evaluation, each baseline, the change, max), a row
/// per area, the total last and marked bold.
pub fn summary_table(r: &Report) -> (Vec<String>, Vec<(Vec<String>, bool)>) {
    let lang = r.lang;
    let mut header = vec![
        lang.pick("Fokusområde", "Focus area").to_owned(),
        r.current_label(),
    ];
    header.extend(r.baselines.iter().map(|b| b.label.clone()));
    if let Some(last) = &r.last_evaluation {
        header.push(format!(
            "{} {}",
            lang.pick("Endring siden", "Change since"),
            last.since
        ));
    }
    header.push(lang.pick("Maks", "Max").to_owned());
    let row = |label: String,
               points: &Points,
               baselines: &[Comparison],
               change: Option<&super::model::Change>,
               max: &super::model::Points| {
        let mut cells = vec![label, points.display.clone()];
        cells.extend(
            baselines
                .iter()
                .zip(&r.baselines)
                .map(|(c, info)| comparison(c, info, lang)),
        );
        if r.last_evaluation.is_some() {
            cells.push(change.map_or("–".to_owned(), |c| c.display.clone()));
        }
        cells.push(max.display.clone());
        cells
    };
    let mut rows: Vec<(Vec<String>, bool)> = r
        .areas
        .iter()
        .map(|a| {
            let label = format!("{} {}", a.id, a.title);
            let cells = row(label, &a.points, &a.baselines, a.change.as_ref(), &a.max);
            (cells, false)
        })
        .collect();
    let t = &r.total;
    let total = lang.pick("Totalt", "Total").to_owned();
    rows.push((
        row(total, &t.points, &t.baselines, t.change.as_ref(), &t.max),
        true,
    ));
    (header, rows)
}

/// A baseline's figure as the tables print it, with its n when it differs
/// from the one its column's label gives: "57 (n = 18)"; "–" when missing.
pub fn comparison(c: &super::model::Comparison, info: &BaselineInfo, lang: Lang) -> String {
    let shown = c
        .points
        .as_ref()
        .map_or("–".to_owned(), |p| p.display.clone());
    match c.own_n(info) {
        Some(n) => format!("{shown} ({})", n_is(n, lang)),
        None => shown,
    }
}

/// The table of places among a benchmark's evaluations: a header, a row per
/// area that has one, the total last (area, points, place, of).
pub fn rank_table(r: &Report, bm: &BenchmarkReport) -> Vec<[String; 4]> {
    let lang = r.lang;
    let mut rows = vec![[
        lang.pick("Fokusområde", "Focus area").to_owned(),
        lang.pick("Poeng", "Points").to_owned(),
        lang.pick("Plass", "Place").to_owned(),
        lang.pick("Av", "Of").to_owned(),
    ]];
    for ar in &bm.rank.areas {
        let points = r
            .areas
            .iter()
            .find(|a| a.id == ar.id)
            .map_or("–", |a| a.points.display.as_str());
        rows.push([
            format!("{} {}", ar.id, ar.title),
            points.to_owned(),
            ar.rank.to_string(),
            ar.n.to_string(),
        ]);
    }
    rows.push([
        lang.pick("Totalt", "Total").to_owned(),
        r.total.points.display.clone(),
        bm.rank.total.to_string(),
        bm.n.to_string(),
    ]);
    rows
}

/// A history table's column heading where columns are narrow (the deck,
/// Word): the year, else the label.
pub fn history_column(c: &super::model::HistoryColumn) -> String {
    c.year.map_or_else(|| c.label.clone(), |y| y.to_string())
}
