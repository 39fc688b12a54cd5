//! Published result tables as baselines (`kompass import-results`).
//!
//! The table is CSV as spreadsheets export it: UTF-8, UTF-16 with a byte
//! order mark, or else Windows-1252 (Excel's "CSV (semikolondelt)"). The
//! delimiter is the one a first `sep=;` line names (Excel's own hint), else
//! tab, `;` or `,`, whichever the header line holds most of. The header names the
//! columns in Norwegian or English, in any order, case and spacing aside:
//! `id` or `område` (and/or `delområde`), `points`/`poeng`, and optionally
//! `name`/`navn` and `max`/`maks`; other columns and empty trailing ones are
//! ignored. Ids are areas ("1"-"8"), sub-areas ("1.1" ...) or "total";
//! numbers take a decimal comma or point (with `,` as the delimiter a
//! decimal comma must be quoted: `"6,7"`, and a row with more fields than
//! the header is refused rather than read with its decimals cut off).
//! A name, when given, must be the bank's name of that area or sub-area in
//! one of its languages, and a maximum the bank's maximum: a table of
//! another framework is refused, not read as this one.
//!
//! Published figures are rounded, so sums are compared with a tolerance of
//! half a unit in the last printed place of every figure involved: an area
//! printed whole ("77") is within 0.5 of its true value, a sub-area printed
//! with one decimal ("18,4") within 0.05. The sub-areas of an area disagree
//! with it when `|area - sum of sub-areas| > tol(area) + sum of tol(sub-area)`
//! (for a whole area of four one-decimal sub-areas: more than 0.7), and the
//! areas with the total likewise. A disagreement is reported, naming the
//! area and both numbers; the figures are kept as printed.

use std::borrow::Cow;
use std::collections::BTreeMap;

use num_traits::Signed;

use super::bank::Bank;
use super::baseline::{AreaPoints, Baseline, BaselineKind, SubareaPoints};
use super::exact::{self, Exact, int};
use super::lang::{Lang, Localized};
use super::parse::Problem;

/// One figure of the table, as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure {
    points: Exact,
    /// Half a unit in the last printed place.
    tolerance: Exact,
    decimals: u32,
}

impl Figure {
    /// A figure of a baseline file, printed with as many decimals as its
    /// exact value needs (6.7 has one, 77 none; at most 9).
    pub(crate) fn of(points: Exact) -> Figure {
        let decimals = (0..9u32)
            .find(|&d| (points * int(10i128.pow(d))).is_integer())
            .unwrap_or(9);
        Figure {
            points,
            tolerance: Exact::new(5, 10i128.pow(decimals + 1)),
            decimals,
        }
    }

    /// Several figures added up: their sum, within the sum of their roundings.
    fn sum(parts: &[Figure]) -> Figure {
        Figure {
            points: parts.iter().map(|f| f.points).sum(),
            tolerance: parts.iter().map(|f| f.tolerance).sum(),
            decimals: parts.iter().map(|f| f.decimals).max().unwrap_or(0),
        }
    }
}

/// Whether `printed` (area `area`, or the total for `None`) disagrees with
/// the sum of its `parts` by more than their rounding explains.
pub(crate) fn disagreement(
    area: Option<&str>,
    printed: Figure,
    parts: &[Figure],
) -> Option<Disagreement> {
    let sum = Figure::sum(parts);
    let tolerance = printed.tolerance + sum.tolerance;
    ((printed.points - sum.points).abs() > tolerance).then(|| Disagreement {
        area: area.map(str::to_owned),
        printed: printed.points,
        sum: sum.points,
        tolerance,
        printed_decimals: printed.decimals,
        sum_decimals: sum.decimals,
    })
}

/// Where a sum and a printed figure disagree by more than the rounding allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The area id, or `None` for the total.
    pub area: Option<String>,
    pub printed: Exact,
    pub sum: Exact,
    pub tolerance: Exact,
    /// Decimals of the printed figure, and of the sum (as many as its parts carry).
    printed_decimals: u32,
    sum_decimals: u32,
}

impl Disagreement {
    /// The disagreement as a problem, told in both languages.
    pub fn problem(&self) -> Problem {
        Problem::in_both(self.message(Lang::Nb), self.message(Lang::En))
    }

    pub fn message(&self, lang: Lang) -> String {
        let f = |x: Exact, d: u32| exact::format_points(x, d, lang);
        let sum = f(self.sum, self.sum_decimals);
        let printed = f(self.printed, self.printed_decimals);
        let tol = f(
            self.tolerance,
            self.sum_decimals.max(self.printed_decimals) + 1,
        );
        match (&self.area, lang) {
            (Some(a), Lang::Nb) => format!(
                "område {a}: delområdene summerer til {sum}, men området er oppgitt til {printed} (avrunding forklarer høyst {tol})"
            ),
            (Some(a), Lang::En) => format!(
                "area {a}: the sub-areas add up to {sum}, but the area is printed as {printed} (rounding explains at most {tol})"
            ),
            (None, Lang::Nb) => format!(
                "total: områdene summerer til {sum}, men totalen er oppgitt til {printed} (avrunding forklarer høyst {tol})"
            ),
            (None, Lang::En) => format!(
                "total: the areas add up to {sum}, but the total is printed as {printed} (rounding explains at most {tol})"
            ),
        }
    }
}

/// A table read: the baseline, the sums that disagree, and what could not
/// be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub baseline: Baseline,
    pub disagreements: Vec<Disagreement>,
    /// Sums not compared because a part is missing, one line each.
    pub notes: Vec<String>,
}

/// A figure as printed in the table; what is wrong with it in `lang`.
fn figure(text: &str, lang: Lang) -> Result<Figure, String> {
    let points = exact::parse_decimal(text).map_err(|_| {
        let t = text.trim();
        if t.is_empty() {
            lang.pick("tallet mangler", "the number is missing")
                .to_owned()
        } else if t.replace(',', ".").parse::<f64>().is_ok() {
            format!(
                "`{t}` {}",
                lang.pick("er utenfor det som kan leses", "is out of range")
            )
        } else {
            format!("`{t}` {}", lang.pick("er ikke et tall", "is not a number"))
        }
    })?;
    let t = text.trim();
    let mantissa = t.split(['e', 'E']).next().unwrap_or(t);
    let exponent: i64 = t
        .split_once(['e', 'E'])
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let frac = mantissa
        .split_once(['.', ','])
        .map_or(0, |(_, f)| f.len() as i64);
    let decimals = (frac - exponent).clamp(0, 9) as u32;
    Ok(Figure {
        points,
        tolerance: Exact::new(5, 10i128.pow(decimals + 1)),
        decimals,
    })
}

/// A 4-digit year in the name ("Midtre Gauldal 2015" -> 2015).
fn year_in(name: &str) -> Option<i32> {
    name.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (1900..=2100).contains(y))
}

/// What a column of the table holds, by its header (Norwegian or English,
/// case and spacing aside): the id of an area or sub-area, its points, its
/// name, its maximum. Other columns are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// `id` or `område` ("2", "total"); with a `delområde` column beside
    /// it, a row's sub-area is its id when the row gives one.
    Id,
    Subarea,
    Points,
    Name,
    Max,
}

fn column(header: &str) -> Option<Column> {
    match squeeze(header).as_str() {
        "id" | "område" | "omrade" | "area" => Some(Column::Id),
        "delområde" | "delomrade" | "sub-area" | "subarea" => Some(Column::Subarea),
        "points" | "poeng" => Some(Column::Points),
        "name" | "navn" => Some(Column::Name),
        "max" | "maks" => Some(Column::Max),
        _ => None,
    }
}

/// Lower case with runs of white space as one space, trimmed: how names and
/// headers are compared.
fn squeeze(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The columns the header names, by position.
struct Columns {
    ids: Vec<usize>,
    subareas: Vec<usize>,
    points: usize,
    name: Option<usize>,
    max: Option<usize>,
    /// Columns up to the header's last non-empty one: a row with text
    /// beyond them does not fit the header.
    width: usize,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Option<Columns> {
        let find = |wanted: Column| -> Vec<usize> {
            (0..header.len())
                .filter(|&i| column(&header[i]) == Some(wanted))
                .collect()
        };
        let ids = find(Column::Id);
        let subareas = find(Column::Subarea);
        let points = *find(Column::Points).first()?;
        if ids.is_empty() && subareas.is_empty() {
            return None;
        }
        Some(Columns {
            ids,
            subareas,
            points,
            name: find(Column::Name).first().copied(),
            max: find(Column::Max).first().copied(),
            width: filled_width(header),
        })
    }

    /// The row's id: its sub-area when a sub-area column gives one, else
    /// its id or area.
    fn id<'r>(&self, row: &'r csv::StringRecord) -> &'r str {
        self.subareas
            .iter()
            .chain(&self.ids)
            .map(|&i| row.get(i).unwrap_or(""))
            .find(|f| !f.is_empty())
            .unwrap_or("")
    }
}

/// The fields of a row up to its last non-empty one: spreadsheets export
/// empty trailing columns (`id;points;;`).
fn filled_width(row: &csv::StringRecord) -> usize {
    (0..row.len())
        .rev()
        .find(|&i| !row[i].is_empty())
        .map_or(0, |i| i + 1)
}

/// The delimiter of the header line: the one of tab, `;` and `,` it holds
/// most of (a spreadsheet in Norwegian exports `;`, an English one `,`).
fn delimiter_of(header_line: &str) -> u8 {
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&d| {
            let n = header_line.bytes().filter(|&b| b == d).count();
            // Ties go to the first: tab, then `;`.
            (n, [b',', b';', b'\t'].iter().position(|&x| x == d))
        })
        .filter(|&d| header_line.as_bytes().contains(&d))
        .unwrap_or(b',')
}

/// The text of a table. A byte order mark says the encoding (UTF-8 or
/// UTF-16, as Excel's "Unicode text" writes); without one the bytes are
/// UTF-8 when they are valid UTF-8, else Windows-1252: the encoding of
/// Excel's "CSV (semikolondelt)" on Norwegian and other western Windows,
/// whose æøå are never valid UTF-8.
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_length..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// Excel's `sep=;` first line (it writes one on request and honours it when
/// opening): the delimiter it names, and the text with that line emptied, so
/// that the header is the next line and line numbers stay the file's.
fn excel_separator(text: &str) -> (Option<u8>, Cow<'_, str>) {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    // A `sep=;` typed into a cell comes back quoted and padded: `"sep=;";;`.
    let unquoted = first.replace('"', "");
    let line = unquoted.trim_matches([' ', '\r']);
    let named = line
        .get(..4)
        .filter(|s| s.eq_ignore_ascii_case("sep="))
        .map(|_| &line[4..]);
    let delimiter = match named {
        Some("\\t") => b'\t',
        Some(d) if !d.is_empty() && d.bytes().all(|b| b == d.as_bytes()[0]) => d.as_bytes()[0],
        _ => return (None, Cow::Borrowed(text)),
    };
    if !delimiter.is_ascii() {
        return (None, Cow::Borrowed(text));
    }
    (Some(delimiter), Cow::Owned(format!("\n{rest}")))
}

/// The line a record starts on. The reader gives the line where it began
/// to read, which is before any blank lines it skipped.
fn line_of(text: &str, position: &csv::Position) -> usize {
    let from = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let blank_lines = text.as_bytes()[from.min(text.len())..]
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .filter(|&&b| b == b'\n')
        .count();
    usize::try_from(position.line()).unwrap_or(usize::MAX) + blank_lines
}

/// How the delimiter is named in a message.
fn delimiter_name(delimiter: u8, lang: Lang) -> String {
    match delimiter {
        b'\t' => lang.pick("tabulator", "tab").to_owned(),
        d => format!("`{}`", d as char),
    }
}

/// The bank's title of an area or sub-area, in every language it has.
fn title_of<'b>(bank: &'b Bank, id: &str) -> Option<&'b Localized> {
    let area = bank.areas().iter().find(|a| a.id == id).map(|a| &a.title);
    area.or_else(|| {
        bank.areas()
            .iter()
            .flat_map(|a| &a.subareas)
            .find(|s| s.id == id)
            .map(|s| &s.title)
    })
}

/// The end of a message refusing a name or maximum that is not the bank's.
fn another_framework(lang: Lang) -> &'static str {
    lang.pick(
        "er tabellen fra et annet rammeverk?",
        "is the table of another framework?",
    )
}

/// Reads a result table against the bank. Every problem (unknown id,
/// repeated id, a number that is not one, points above the max, a name or
/// maximum that is not the bank's) is returned, each naming its line.
pub fn import(
    bytes: &[u8],
    bank: &Bank,
    name: &str,
    kind: BaselineKind,
    lang: Lang,
) -> Result<Imported, Vec<Problem>> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(vec![Problem::new(lang.pick(
            "er en regnearkfil (xlsx), ikke CSV: lagre den som «CSV (semikolondelt)» eller «CSV UTF-8»",
            "is a workbook (xlsx), not CSV: save it as \"CSV UTF-8\" or \"CSV (comma delimited)\"",
        ))]);
    }
    let decoded = decode(bytes);
    let (sep, text) = excel_separator(&decoded);
    let header_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = sep.unwrap_or_else(|| delimiter_of(header_line));
    let at_line = |line: usize, msg: String| Problem {
        line: Some(line),
        ..Problem::new(msg)
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let mut figures: BTreeMap<String, (usize, Figure)> = BTreeMap::new();
    let mut columns: Option<Columns> = None;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_of(&text, p));
                problems.push(at_line(
                    line,
                    format!(
                        "{}: {e}",
                        lang.pick("kan ikke leses som CSV", "not readable as CSV")
                    ),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_of(&text, p));
        if record.iter().all(str::is_empty) {
            continue;
        }
        let Some(cols) = &columns else {
            match Columns::of(&record) {
                Some(found) => columns = Some(found),
                None => {
                    problems.push(at_line(
                        line,
                        format!(
                            "{} `{}`",
                            lang.pick(
                                "overskriften må ha en kolonne for id (id, område eller delområde) og en for poeng (poeng eller points); fant",
                                "the header must have an id column (id, område or delområde) and a points column (points or poeng); found"
                            ),
                            header_line.trim()
                        ),
                    ));
                    return Err(problems);
                }
            }
            continue;
        };
        let used = filled_width(&record);
        if used > cols.width {
            let hint = if delimiter == b',' {
                lang.pick(
                    "; med `,` mellom feltene må et desimalkomma stå i anførselstegn (\"6,7\"), eller bruk `;`",
                    "; with `,` between the fields a decimal comma must be quoted (\"6,7\"), or use `;`",
                )
            } else {
                ""
            };
            problems.push(at_line(
                line,
                format!(
                    "{used} {} {}, {} {} {}{hint}",
                    lang.pick("felt adskilt med", "fields separated by"),
                    delimiter_name(delimiter, lang),
                    lang.pick("men overskriften har", "but the header has"),
                    cols.width,
                    lang.pick("kolonner", "columns"),
                ),
            ));
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or("");
        let shown_id = cols.id(&record);
        let id = shown_id.to_lowercase();
        if id.is_empty() {
            problems.push(at_line(
                line,
                lang.pick("raden har ingen id", "the row has no id")
                    .to_owned(),
            ));
            continue;
        }
        let max = if id == "total" {
            Some(bank.max_points())
        } else if let Some(area) = bank.areas().iter().find(|a| a.id == id) {
            Some(area.max_points)
        } else {
            bank.areas()
                .iter()
                .flat_map(|a| &a.subareas)
                .find(|s| s.id == id)
                .map(|s| s.max_points)
        };
        let Some(max) = max else {
            problems.push(at_line(
                line,
                format!(
                    "{} \"{shown_id}\"; {}",
                    lang.pick("ukjent id", "unknown id"),
                    lang.pick(
                        "id-er er områder (1, 2, ...), delområder (1.1, ...) eller total",
                        "ids are areas (1, 2, ...), sub-areas (1.1, ...) or total"
                    ),
                ),
            ));
            continue;
        };
        if let Some(given) = cols.name.map(field).filter(|n| !n.is_empty())
            && id != "total"
        {
            let title = title_of(bank, &id);
            let known = title.is_some_and(|t| t.0.values().any(|n| squeeze(n) == squeeze(given)));
            if !known {
                let bank_name = bank
                    .file
                    .title
                    .as_ref()
                    .map_or_else(|| bank.id().to_owned(), |t| t.get(lang).to_owned());
                problems.push(at_line(
                    line,
                    format!(
                        "{id}: {} «{given}», {} «{bank_name}» {} «{}»; {}",
                        lang.pick("tabellen kaller den", "the table calls it"),
                        lang.pick("men i", "but in"),
                        lang.pick("heter den", "it is"),
                        title.map_or("", |t| t.get(lang)),
                        another_framework(lang),
                    ),
                ));
                continue;
            }
        }
        let fig = match figure(field(cols.points), lang) {
            Ok(f) => f,
            Err(e) => {
                problems.push(at_line(line, format!("{id}: {e}")));
                continue;
            }
        };
        if let Some(given) = cols.max.map(field).filter(|m| !m.is_empty()) {
            match figure(given, lang) {
                Ok(m) if m.points == max => {}
                Ok(_) => {
                    problems.push(at_line(
                        line,
                        format!(
                            "{id}: {} {given}, {} {}; {}",
                            lang.pick("tabellen gir maks", "the table gives a maximum of"),
                            lang.pick("men banken har", "but the bank has"),
                            exact::format_points(max, 0, lang),
                            another_framework(lang),
                        ),
                    ));
                    continue;
                }
                Err(e) => {
                    problems.push(at_line(line, format!("{id}: {e}")));
                    continue;
                }
            }
        }
        if fig.points < int(0) || fig.points > max {
            problems.push(at_line(
                line,
                format!(
                    "{id}: {} {} 0-{}",
                    field(cols.points),
                    lang.pick("poeng er utenfor", "points is outside"),
                    exact::format_points(max, 0, lang)
                ),
            ));
            continue;
        }
        if let Some((first, _)) = figures.get(&id) {
            problems.push(at_line(
                line,
                format!(
                    "{id} {} {first})",
                    lang.pick(
                        "er gitt to ganger (først på linje",
                        "is given twice (first on line"
                    ),
                ),
            ));
            continue;
        }
        figures.insert(id, (line, fig));
    }
    if columns.is_none() {
        problems.push(Problem::new(lang.pick(
            "filen er tom; forventet en overskrift som `id;poeng`",
            "the file is empty; expected a header such as `id,points`",
        )));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if figures.is_empty() {
        return Err(vec![Problem::new(lang.pick(
            "tabellen har ingen rader etter overskriften",
            "the table has no rows after the header",
        ))]);
    }
    let get = |id: &str| figures.get(id).map(|(_, f)| *f);

    let mut baseline = Baseline::new(name.trim(), kind);
    baseline.year = year_in(name);
    baseline.bank = Some(bank.id().to_owned());
    baseline.total = get("total").map(|f| f.points);
    let mut disagreements = Vec::new();
    let mut notes = Vec::new();
    // Each area as the total check sees it: printed, else its complete sub-areas.
    let mut area_figures: Vec<Option<Figure>> = Vec::new();
    for area in bank.areas() {
        let printed = get(&area.id);
        let subs: Vec<(String, Figure)> = area
            .subareas
            .iter()
            .filter_map(|s| get(&s.id).map(|f| (s.id.clone(), f)))
            .collect();
        let complete = subs.len() == area.subareas.len();
        let parts: Vec<Figure> = subs.iter().map(|(_, f)| *f).collect();
        let sum = complete.then(|| Figure::sum(&parts));
        match (printed, sum) {
            (Some(p), Some(_)) => {
                disagreements.extend(disagreement(Some(&area.id), p, &parts));
            }
            (Some(_), None) if !subs.is_empty() => notes.push(format!(
                "{} {}: {} {} {} {}",
                lang.pick("område", "area"),
                area.id,
                subs.len(),
                lang.pick("av", "of"),
                area.subareas.len(),
                lang.pick(
                    "delområder er gitt; summen deres er ikke sammenlignet med området",
                    "sub-areas are given; their sum is not compared with the area"
                ),
            )),
            _ => {}
        }
        area_figures.push(printed.or(sum));
        if printed.is_some() || !subs.is_empty() {
            baseline.areas.push(AreaPoints {
                id: area.id.clone(),
                points: printed.map(|f| f.points),
                n: None,
                subareas: subs
                    .into_iter()
                    .map(|(id, f)| SubareaPoints {
                        id,
                        points: f.points,
                        n: None,
                    })
                    .collect(),
            });
        }
    }
    if let Some(total) = get("total") {
        let known: Option<Vec<Figure>> = area_figures.iter().copied().collect();
        match known {
            Some(areas) => disagreements.extend(disagreement(None, total, &areas)),
            None => notes.push(
                lang.pick(
                    "total: ikke alle områder er gitt; summen er ikke sammenlignet med totalen",
                    "total: not every area is given; their sum is not compared with the total",
                )
                .to_owned(),
            ),
        }
    }
    Ok(Imported {
        baseline,
        disagreements,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import_en(csv: &str) -> Result<Imported, Vec<String>> {
        import_bytes(csv.as_bytes())
    }

    #[test]
    fn delimiters_decimal_marks_and_quotes() {
        for csv in [
            "id,points\n1.1,6.7\n1.2,\"3,3\"\n",
            "\u{feff}id;points\n1.1;6,7\n\"1.2\";3.3\n",
            "ID ; Points\r\n\r\n1.1 ; 6,7\r\n1.2;3,30\r\n",
        ] {
            let imported = import_en(csv).unwrap();
            let area = &imported.baseline.areas[0];
            assert_eq!(area.id, "1");
            assert_eq!(area.points, None);
            assert_eq!(area.subareas.len(), 2, "{csv:?}");
            assert_eq!(area.subareas[0].points, Exact::new(67, 10));
            assert_eq!(area.subareas[1].points, Exact::new(33, 10));
        }
        let b = import_en("id,points\n1,62\n").unwrap().baseline;
        assert_eq!((b.year, b.name.as_str()), (Some(2015), "Test 2015"));
    }

    #[test]
    fn every_bad_row_is_named_by_line() {
        let e = import_en("id,points\n1.1,6,7\n9,10\n1.2,abc\n1.3,31\n1.4,2\n1.4,3\n").unwrap_err();
        assert_eq!(
            e,
            vec![
                "t.csv:2: 3 fields separated by `,`, but the header has 2 columns; with `,` between the fields a decimal comma must be quoted (\"6,7\"), or use `;`",
                "t.csv:3: unknown id \"9\"; ids are areas (1, 2, ...), sub-areas (1.1, ...) or total",
                "t.csv:4: 1.2: `abc` is not a number",
                "t.csv:5: 1.3: 31 points is outside 0-30",
                "t.csv:7: 1.4 is given twice (first on line 6)",
            ]
        );
        assert_eq!(
            import_en("points;navn\n1;2\n").unwrap_err(),
            vec![
                "t.csv:1: the header must have an id column (id, område or delområde) and a points column (points or poeng); found `points;navn`"
            ]
        );
        assert_eq!(
            import_en("\n\n").unwrap_err(),
            vec!["t.csv: the file is empty; expected a header such as `id,points`"]
        );
        assert!(import_en("id;points\n").unwrap_err()[0].contains("no rows"));
    }

    #[test]
    fn tables_as_spreadsheets_export_them() {
        for csv in [
            // Excel in Norwegian: `;`, headers in Norwegian, empty trailing columns.
            "Område;Navn;Poeng;Maks;;\n1;Offentlighet og demokrati;62;100;;\n1.1;strategi for  kommunikasjon og demokratiutvikling;10,0;20;;\n;;;;;\n",
            // Tab-separated, English, an extra column, names in English.
            "ID\tName\tPoints\tComment\n1\tPublic access and democracy\t62\tgood\n1.1\tStrategy for communication and democratic development\t10.0\t\n",
            // Area and sub-area columns side by side; a decimal comma in quotes.
            "område,delområde,poeng\n1,,62\n1,1.1,\"10,0\"\n",
        ] {
            let b = import_en(csv)
                .unwrap_or_else(|e| panic!("{csv:?}: {e:?}"))
                .baseline;
            assert_eq!(b.area_points("1"), Some(int(62)), "{csv:?}");
            assert_eq!(b.subarea_points("1.1"), Some(int(10)), "{csv:?}");
            assert_eq!(b.areas.len(), 1, "{csv:?}");
        }
    }

    fn import_bytes(bytes: &[u8]) -> Result<Imported, Vec<String>> {
        import(
            bytes,
            &Bank::builtin(),
            "Test 2015",
            BaselineKind::Earlier,
            Lang::En,
        )
        .map_err(|ps| ps.iter().map(|p| p.render("t.csv")).collect())
    }

    #[test]
    fn tables_in_windows_1252_and_utf_16_are_read_with_their_letters() {
        let table = "Område;Navn;Poeng;Maks\r\n2.3;Bærekraft og økologisk holdbarhet;20,5;30\r\n";
        let cp1252 = encoding_rs::WINDOWS_1252.encode(table).0;
        assert!(std::str::from_utf8(&cp1252).is_err(), "æøå are not UTF-8");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(table.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        for bytes in [cp1252.to_vec(), utf16, table.as_bytes().to_vec()] {
            let b = import_bytes(&bytes)
                .unwrap_or_else(|e| panic!("{e:?}"))
                .baseline;
            assert_eq!(b.subarea_points("2.3"), Some(Exact::new(41, 2)));
        }
        // A name that is not the bank's is quoted as the file spells it.
        let other = encoding_rs::WINDOWS_1252
            .encode("Område;Navn;Poeng\n2.3;Økonomi og miljø;20\n")
            .0;
        assert!(import_bytes(&other).unwrap_err()[0].contains("«Økonomi og miljø»"));
    }

    #[test]
    fn excels_sep_line_names_the_delimiter_and_is_not_the_header() {
        for csv in [
            "sep=;\nid;points\n1.1;6,7\n",
            "sep=,\r\nid,points\r\n1.1,\"6,7\"\r\n",
            "sep=\t\nid\tpoints\n1.1\t6.7\n",
            "sep=\\t\nid\tpoints\n1.1\t6.7\n",
            "\u{feff}\"sep=;\";;\nid;points;;\n1.1;6,7;;\n",
            // The named delimiter wins over the one the header holds most of.
            "sep=;\nid;points;a,b,c,d\n1.1;6,7;x\n",
        ] {
            let b = import_en(csv)
                .unwrap_or_else(|e| panic!("{csv:?}: {e:?}"))
                .baseline;
            assert_eq!(b.subarea_points("1.1"), Some(Exact::new(67, 10)), "{csv:?}");
        }
        // Lines are still the file's, blank ones counted.
        assert_eq!(
            import_en("id;points\r\n\r\n\n1.1;abc\n").unwrap_err(),
            vec!["t.csv:4: 1.1: `abc` is not a number"]
        );
        assert_eq!(
            import_en("sep=;\nid;points\n1.1;abc\n").unwrap_err(),
            vec!["t.csv:3: 1.1: `abc` is not a number"]
        );
        assert_eq!(
            import_en("sep=;\npoints;navn\n").unwrap_err(),
            vec![
                "t.csv:2: the header must have an id column (id, område or delområde) and a points column (points or poeng); found `points;navn`"
            ]
        );
    }

    #[test]
    fn a_workbook_is_refused_with_how_to_save_it_as_csv() {
        let e = import_bytes(b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
        assert_eq!(
            e,
            vec![
                "t.csv: is a workbook (xlsx), not CSV: save it as \"CSV UTF-8\" or \"CSV (comma delimited)\""
            ]
        );
    }

    #[test]
    fn a_name_or_maximum_of_another_framework_is_refused_naming_both() {
        let e = import_en(
            "Område;Navn;Poeng\n1;Økonomi;62\n1.2;Kommunens informasjon til innbyggerne;5\n",
        )
        .unwrap_err();
        assert_eq!(
            e,
            vec![
                "t.csv:2: 1: the table calls it «Økonomi», but in «The Municipal Compass» it is «Public access and democracy»; is the table of another framework?"
            ]
        );
        let e = import_en("id;maks;poeng\n1.1;25;10\n").unwrap_err();
        assert_eq!(
            e,
            vec![
                "t.csv:2: 1.1: the table gives a maximum of 25, but the bank has 20; is the table of another framework?"
            ]
        );
    }

    #[test]
    fn messages_are_in_the_users_language_and_quote_the_files_delimiter() {
        let nb = |csv: &str| {
            import(
                csv.as_bytes(),
                &Bank::builtin(),
                "T",
                BaselineKind::Earlier,
                Lang::Nb,
            )
            .unwrap_err()
            .iter()
            .map(|p| p.render("t.csv"))
            .collect::<Vec<_>>()
        };
        assert_eq!(
            nb("Kode;Navn;Verdi\n1;x;2\n"),
            vec![
                "t.csv:1: overskriften må ha en kolonne for id (id, område eller delområde) og en for poeng (poeng eller points); fant `Kode;Navn;Verdi`"
            ]
        );
        assert_eq!(
            nb("id;poeng\n9;1\n1.1;x\n1.2;11\n1.3;1;2\n1.4;1\n1.4;1\n"),
            vec![
                "t.csv:2: ukjent id \"9\"; id-er er områder (1, 2, ...), delområder (1.1, ...) eller total",
                "t.csv:3: 1.1: `x` er ikke et tall",
                "t.csv:4: 1.2: 11 poeng er utenfor 0-10",
                "t.csv:5: 3 felt adskilt med `;`, men overskriften har 2 kolonner",
                "t.csv:7: 1.4 er gitt to ganger (først på linje 6)",
            ]
        );
        assert_eq!(
            nb("id\tpoeng\n1.1\t1\t2\n"),
            vec!["t.csv:2: 3 felt adskilt med tabulator, men overskriften har 2 kolonner"]
        );
        assert_eq!(
            nb("Område;Navn;Poeng\n1;Økonomi;62\n"),
            vec![
                "t.csv:2: 1: tabellen kaller den «Økonomi», men i «Kommunekompasset» heter den «Offentlighet og demokrati»; er tabellen fra et annet rammeverk?"
            ]
        );
        assert_eq!(
            nb("id;poeng\n1;Økonomi\n")[0],
            "t.csv:2: 1: `Økonomi` er ikke et tall"
        );
    }

    #[test]
    fn tolerance_is_half_a_unit_in_the_last_printed_place() {
        assert_eq!(figure("77", Lang::En).unwrap().tolerance, Exact::new(1, 2));
        assert_eq!(
            figure("18,4", Lang::En).unwrap().tolerance,
            Exact::new(1, 20)
        );
        assert_eq!(
            figure("6.65", Lang::En).unwrap().tolerance,
            Exact::new(1, 200)
        );
        // Four one-decimal sub-areas and a whole area: 0.5 + 4 x 0.05 = 0.7 is allowed.
        let ok = import_en("id,points\n2,77\n2.1,8.0\n2.2,25.0\n2.3,18.4\n2.4,24.9\n").unwrap();
        assert!(ok.disagreements.is_empty(), "76.3 vs 77 is 0.7");
        let off = import_en("id,points\n2,77\n2.1,8.0\n2.2,25.0\n2.3,18.4\n2.4,24.8\n").unwrap();
        assert_eq!(
            off.disagreements[0].message(Lang::En),
            "area 2: the sub-areas add up to 76.2, but the area is printed as 77 (rounding explains at most 0.70)"
        );
        let partial = import_en("id,points\n2,77\n2.1,8.0\n").unwrap();
        assert_eq!(
            partial.notes,
            vec!["area 2: 1 of 4 sub-areas are given; their sum is not compared with the area"]
        );
    }
}
