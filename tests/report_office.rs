//! The council's deck (PPTX) and the Word report (DOCX), read back the way
//! another program would: unzipped, every XML part parsed, the text of the
//! slides and pages checked against `kompass score --json` and the JSON
//! report; hostile text stays text; a template's look is used; and, where
//! LibreOffice is installed (CI: KOMPASS_REQUIRE_TOOLS=1), both convert to
//! PDF with the slides and pages the content needs and every area's title
//! and points in the PDF's text.

mod report_support;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use kompass::core::assessment::CuratedFinding;
use kompass::core::bank::Bank;
use kompass::core::lang::Lang;
use kompass::core::review::texts::{TextSlot, set_text};
use kompass::core::session::FindingKind;
use kompass::report::{Format, Options, Report, render, render_on};

/// The parts of a zip package, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

/// Every XML part parses as XML.
fn assert_well_formed(parts: &BTreeMap<String, Vec<u8>>) {
    for (name, data) in parts {
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let text = std::str::from_utf8(data).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut reader = quick_xml::Reader::from_str(text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed XML: {e}"),
            }
        }
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The texts of the `<tag>` elements of an XML part, in order.
/// Whether `text` occurs in `hay` with `what` right after it (other runs
/// may sit between them).
fn followed_by(hay: &str, text: &str, what: &str) -> bool {
    hay.match_indices(text).any(|(i, _)| {
        let after: String = hay[i + text.len()..].chars().take(what.len() + 8).collect();
        after.contains(what)
    })
}

fn texts(xml: &[u8], tag: &str) -> Vec<String> {
    let xml = String::from_utf8_lossy(xml);
    let open = format!("<{tag}>");
    let open_attr = format!("<{tag} ");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml.as_ref();
    while let Some(at) = rest.find(&open).or_else(|| rest.find(&open_attr)) {
        let after = &rest[at..];
        let start = after.find('>').unwrap() + 1;
        let end = after.find(&close).unwrap();
        out.push(unescape(&after[start..end]));
        rest = &after[end..];
    }
    out
}

/// The slides in presentation order: (slide text joined by " | ", notes).
fn slides(parts: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    let pres = String::from_utf8_lossy(&parts["ppt/presentation.xml"]).into_owned();
    let rels = String::from_utf8_lossy(&parts["ppt/_rels/presentation.xml.rels"]).into_owned();
    let attr = |s: &str, name: &str| -> String {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..at + s[at..].find('"').unwrap()].to_owned()
    };
    let target_of = |id: &str| -> String {
        let at = rels.find(&format!("Id=\"{id}\"")).unwrap();
        let rel = &rels[rels[..at].rfind('<').unwrap()..];
        let rel = &rel[..rel.find("/>").unwrap()];
        attr(rel, "Target")
    };
    let mut out = Vec::new();
    for chunk in pres.split("<p:sldId ").skip(1) {
        let target = target_of(&attr(chunk, "r:id"));
        let name = format!(
            "ppt/{}",
            target.trim_start_matches('/').trim_start_matches("ppt/")
        );
        let text = texts(&parts[&name], "a:t").join(" | ");
        let file = name.rsplit('/').next().unwrap();
        let rels_name = name.replace(file, &format!("_rels/{file}.rels"));
        let notes = parts
            .get(&rels_name)
            .and_then(|r| {
                let r = String::from_utf8_lossy(r);
                let rel = r
                    .split("<Relationship ")
                    .find(|rel| rel.contains("relationships/notesSlide\""))?;
                let target = attr(rel, "Target");
                let notes = format!("ppt/notesSlides/{}", target.rsplit('/').next()?);
                Some(texts(&parts[&notes], "a:t").join(" | "))
            })
            .unwrap_or_default();
        out.push((text, notes));
    }
    out
}

/// A baseline's figure as the tables print it: "58 (n = 18)" when the
/// figure's n is not the one its baseline's label gives.
fn shown_with_n(c: &serde_json::Value, info: &serde_json::Value) -> String {
    let shown = c["points"]["display"].as_str().unwrap_or("–").to_owned();
    match c["n"].as_u64() {
        Some(n) if !c["points"].is_null() && Some(n) != info["n"].as_u64() => {
            format!("{shown} (n = {n})")
        }
        _ => shown,
    }
}

fn sample() -> Report {
    report_support::sample_report(Lang::Nb)
}

fn kompass(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kompass"))
        .env_remove("KOMPASS_DIR")
        .env("LANG", "nb_NO.UTF-8")
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The sample assessment with the evaluators' texts written.
fn assessment_with_texts(dir: &Path) -> PathBuf {
    let bank = Bank::builtin();
    let mut a = report_support::sample_assessment(&bank);
    set_text(
        &mut a,
        &bank,
        &TextSlot::Summary,
        "Samlet sett en kommune i god utvikling.\nStyringen er solid.",
    )
    .unwrap();
    set_text(
        &mut a,
        &bank,
        &TextSlot::WayForward,
        "Prioriter samskaping med innbyggerne.",
    )
    .unwrap();
    for area in bank.areas() {
        set_text(
            &mut a,
            &bank,
            &TextSlot::Area(area.id.clone()),
            &format!(
                "Vurdering av område {}: arbeidet er godt forankret.",
                area.id
            ),
        )
        .unwrap();
    }
    let path = dir.join("assessment.json");
    std::fs::write(&path, a.to_json()).unwrap();
    path
}

#[test]
fn the_deck_and_the_word_report_hold_the_numbers_of_score_and_the_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment_with_texts(dir.path());
    let national = report_support::baseline_path("nasjonalt-snitt-2026.json");
    let (a, national) = (a.to_str().unwrap(), national.to_str().unwrap());
    let deck = dir.path().join("deck.pptx");
    let word = dir.path().join("rapport.docx");
    for (format, out) in [("pptx", &deck), ("docx", &word)] {
        let run = kompass(
            dir.path(),
            &[
                "report",
                a,
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
                "--baseline",
                national,
            ],
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let score = kompass(dir.path(), &["score", a, "--json"]);
    assert!(score.status.success());
    let score: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    let json = kompass(
        dir.path(),
        &["report", a, "--format", "json", "--baseline", national],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();

    let parts = unzip(&std::fs::read(&deck).unwrap());
    assert_well_formed(&parts);
    let slides = slides(&parts);
    let docx = unzip(&std::fs::read(&word).unwrap());
    assert_well_formed(&docx);
    let body = texts(&docx["word/document.xml"], "w:t").join(" | ");

    let total = json["total"]["points"]["display"].as_str().unwrap();
    let exact_total = score["total"].as_f64().unwrap();
    assert!((exact_total - json["total"]["points"]["value"].as_f64().unwrap()).abs() < 1e-9);
    let results = slides
        .iter()
        .find(|(t, _)| t.starts_with("Resultater"))
        .expect("a results slide");
    assert!(results.0.contains(&format!("| {total} |")), "{}", results.0);
    for b in json["total"]["baselines"].as_array().unwrap() {
        if let Some(p) = b["points"]["display"].as_str() {
            let label = b["baseline"].as_str().unwrap();
            assert!(
                results.0.contains(&format!("{label} | {p}")),
                "{label} {p}: {}",
                results.0
            );
            assert!(body.contains(p));
        }
    }
    for (i, area) in json["areas"].as_array().unwrap().iter().enumerate() {
        let id = area["id"].as_str().unwrap();
        let title = area["title"].as_str().unwrap();
        let points = area["points"]["display"].as_str().unwrap();
        let exact = score["areas"][i]["points"].as_f64().unwrap();
        assert!(
            (exact - area["points"]["value"].as_f64().unwrap()).abs() < 1e-9,
            "area {id}"
        );
        assert!(
            (exact - points.parse::<f64>().unwrap()).abs() <= 0.5,
            "area {id}"
        );
        let table = slides
            .iter()
            .find(|(t, _)| t.starts_with(&format!("Poengfordeling område {id}:")))
            .unwrap_or_else(|| panic!("a points slide for area {id}"));
        assert!(
            table.0.contains(&format!("{id}. | {title} | {points} |")),
            "{}",
            table.0
        );
        // The sum row: this evaluation, every baseline (an average's figure
        // with its n where it stands on fewer evaluations than the
        // average's label says), the maximum.
        let baselines: Vec<String> = area["baselines"]
            .as_array()
            .unwrap()
            .iter()
            .zip(json["baselines"].as_array().unwrap())
            .map(|(b, info)| shown_with_n(b, info))
            .collect();
        let sum_row = format!(
            "{id}. | {title} | {points} | {} | {}",
            baselines.join(" | "),
            area["max"]["display"].as_str().unwrap()
        );
        assert!(table.0.contains(&sum_row), "{sum_row}: {}", table.0);
        assert!(
            table.0.contains(&format!("Vurdering av område {id}:")),
            "{}",
            table.0
        );
        for (k, s) in area["subareas"].as_array().unwrap().iter().enumerate() {
            let sid = s["id"].as_str().unwrap();
            let shown = s["points"]["display"].as_str().unwrap();
            let exact = score["areas"][i]["subareas"][k]["points"].as_f64().unwrap();
            let parsed: f64 = shown.replace(',', ".").parse().unwrap();
            assert!(
                (exact - parsed).abs() <= 0.05 + 1e-9,
                "{sid}: {exact} shown {shown}"
            );
            let row = format!("{sid} | {} | {shown} |", s["title"].as_str().unwrap());
            assert!(table.0.contains(&row), "slide: {row}");
            assert!(body.contains(&row), "docx: {row}");
        }
        // Every finding on a findings slide of the area, starred ones with
        // their star; and in the Word report.
        let findings: String = slides
            .iter()
            .filter(|(t, _)| t.starts_with(&format!("Fokusområde {id}:")))
            .map(|(t, _)| t.as_str())
            .collect();
        assert!(!findings.is_empty(), "findings slide of area {id}");
        for kind in ["strengths", "challenges", "weaknesses"] {
            for f in area["findings"][kind].as_array().unwrap() {
                let text = f["text"].as_str().unwrap();
                assert!(findings.contains(text), "area {id}: {text}");
                assert!(body.contains(text), "docx area {id}: {text}");
                if f["best_practice"].as_bool().unwrap() {
                    assert!(findings.contains(&format!("★  | {text}")), "star: {text}");
                }
                // A merged finding with how many it stands for, once.
                let n = f["mentions"].as_u64().unwrap();
                if n >= 2 {
                    let count = format!("(nevnt av {n})");
                    assert!(followed_by(&findings, text, &count), "pptx {text} {count}");
                    assert!(followed_by(&body, text, &count), "docx {text} {count}");
                }
            }
        }
        assert!(body.contains(&format!("Fokusområde {id}: {title}")));
    }
    // The evaluators' words, in the deck and in the Word report.
    for text in [
        "Samlet sett en kommune i god utvikling.",
        "Prioriter samskaping med innbyggerne.",
    ] {
        assert!(slides.iter().any(|(t, _)| t.contains(text)), "{text}");
        assert!(body.contains(text), "{text}");
    }
    // The seed deck's order: title, compass, scoring, method, summary,
    // results, areas; the priorities and the closing slide last.
    let titles: Vec<&str> = slides
        .iter()
        .map(|(t, _)| t.split(" | ").next().unwrap())
        .collect();
    assert_eq!(titles[0], "Kommunekompasset 2026");
    assert!(titles[1].starts_with("Kommunekompasset: 4 perspektiver – 8 fokusområder"));
    assert_eq!(
        &titles[2..6],
        [
            "Poenggivning",
            "Metode",
            "Sammendrag",
            "Resultater Eksempelvik"
        ]
    );
    assert_eq!(titles[6], "Poeng per fokusområde");
    let way = titles
        .iter()
        .position(|t| t.starts_with("Veien videre"))
        .unwrap();
    let last_area = titles
        .iter()
        .rposition(|t| t.starts_with("Fokusområde 8:"))
        .unwrap();
    assert_eq!(way, last_area + 1, "{titles:?}");
    assert!(
        titles[way + 1..titles.len() - 1]
            .iter()
            .all(|t| t.starts_with("Hva bør kommunen prioritere"))
    );
    assert_eq!(titles[titles.len() - 1], "Takk for oppmerksomheten!");
    // Native charts with their workbooks.
    assert!(parts.keys().any(|k| k.starts_with("ppt/charts/chart")));
    assert!(parts.keys().any(|k| k.starts_with("ppt/embeddings/")));
    // The Word report uses Word's own heading styles and a picture per chart.
    let document = String::from_utf8_lossy(&docx["word/document.xml"]);
    assert!(document.contains("<w:pStyle w:val=\"Heading1\""));
    assert!(docx.keys().any(|k| k.starts_with("word/media/")));
}

#[test]
fn hostile_text_stays_text_in_both_files() {
    let bank = Bank::builtin();
    let mut a = report_support::sample_assessment(&bank);
    let long = "Lang ".repeat(1000);
    let hostile = [
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://x.example\",\"klikk\")",
        "Kontroll\u{7}tegn\u{1b}[31m og \u{feff}\u{fffe}slutt",
        long.trim(),
        "Emoji 🎉👍🏽 og ÆØÅ",
    ];
    let list = a.findings.get_mut("1").unwrap();
    for (i, text) in hostile.iter().enumerate() {
        list.push(CuratedFinding {
            kind: FindingKind::ALL[i % 3],
            text: (*text).to_owned(),
            best_practice: i == 4,
            sources: Vec::new(),
            own: false,
            dropped_from: None,
        });
    }
    set_text(
        &mut a,
        &bank,
        &TextSlot::Summary,
        "<b>fet</b> & \u{0}null\n=1+1",
    )
    .unwrap();
    let r = Report::build(
        &bank,
        &a,
        &[],
        Options {
            lang: Lang::Nb,
            names: true,
            per_interview: false,
        },
    );
    for format in [Format::Pptx, Format::Docx] {
        let parts = unzip(&render(&r, format).unwrap());
        assert_well_formed(&parts);
        let all: String = parts
            .iter()
            .filter(|(n, _)| n.ends_with(".xml"))
            .flat_map(|(_, d)| {
                let mut t = texts(d, "a:t");
                t.extend(texts(d, "w:t"));
                t
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains("<script>alert(1)</script>"), "{format:?}");
        assert!(all.contains("=HYPERLINK(\"http://x.example\",\"klikk\")"));
        assert!(all.contains("Emoji 🎉👍🏽 og ÆØÅ"));
        assert!(all.contains("<b>fet</b> & "));
        assert!(!all.contains('\u{7}') && !all.contains('\u{1b}') && !all.contains('\u{0}'));
        assert!(!all.contains('\u{fffe}'));
        // The long finding is whole in the Word report and in the deck's
        // notes, cut on the slide.
        assert!(
            all.contains(long.trim()),
            "{format:?} lost the long finding"
        );
        // No markup from text: the only <script> is inside a text element.
        for (name, data) in &parts {
            let raw = String::from_utf8_lossy(data);
            assert!(!raw.contains("<script>"), "{name}");
        }
    }
}

#[test]
fn a_template_gives_its_look_and_loses_its_own_slides_and_text() {
    let r = sample();
    let plain = render(&r, Format::Pptx).unwrap();
    let plain_slides = slides(&unzip(&plain)).len();
    // A "consultancy template": a deck with slides of its own and another
    // accent colour.
    let mut template = unzip(&plain);
    let theme = String::from_utf8(template["ppt/theme/theme1.xml"].clone()).unwrap();
    template.insert(
        "ppt/theme/theme1.xml".into(),
        theme.replace("1F4E79", "7A1F5C").into_bytes(),
    );
    let template = zip_parts(&template);
    let on = render_on(&r, Format::Pptx, Some(&template)).unwrap();
    let parts = unzip(&on);
    assert_well_formed(&parts);
    assert_eq!(
        slides(&parts).len(),
        plain_slides,
        "the template's slides are gone"
    );
    assert!(String::from_utf8_lossy(&parts["ppt/theme/theme1.xml"]).contains("7A1F5C"));

    let word = render(&r, Format::Docx).unwrap();
    let on = render_on(&r, Format::Docx, Some(&word)).unwrap();
    let docx = unzip(&on);
    assert_well_formed(&docx);
    let body = texts(&docx["word/document.xml"], "w:t").join(" | ");
    let plain = texts(&unzip(&word)["word/document.xml"], "w:t").join(" | ");
    assert_eq!(
        body.matches("Fokusområde 1: ").count(),
        plain.matches("Fokusområde 1: ").count(),
        "the template's body is replaced, not added to"
    );

    let not = render_on(&r, Format::Pptx, Some(b"not a zip"));
    assert!(not.unwrap_err().contains("malen er ikke en PowerPoint-fil"));
    let not = render_on(&r, Format::Docx, Some(b"not a zip"));
    assert!(not.unwrap_err().contains("malen er ikke en Word-fil"));
}

fn zip_parts(parts: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// LibreOffice's `soffice`, or why the conversion test is skipped (a
/// failure under KOMPASS_REQUIRE_TOOLS=1).
fn soffice() -> Option<&'static str> {
    let works = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let found = ["soffice", "libreoffice"]
        .into_iter()
        .find(|c| works(c, "--version"));
    if found.is_none() || !works("pdftotext", "-v") {
        let why = "LibreOffice (libreoffice-impress, libreoffice-writer) or pdftotext (poppler-utils) is missing";
        assert!(
            std::env::var("KOMPASS_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "KOMPASS_REQUIRE_TOOLS=1: {why}"
        );
        eprintln!("SKIPPED libreoffice_converts_both: {why}");
        return None;
    }
    found
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap()
}

#[test]
fn libreoffice_converts_both_with_every_area_in_the_text() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let r = sample();
    let deck = render(&r, Format::Pptx).unwrap();
    let slide_count = slides(&unzip(&deck)).len();
    std::fs::write(dir.path().join("deck.pptx"), &deck).unwrap();
    std::fs::write(
        dir.path().join("rapport.docx"),
        render(&r, Format::Docx).unwrap(),
    )
    .unwrap();
    // A profile of its own, so a LibreOffice the user has open is not used.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    for file in ["deck.pptx", "rapport.docx"] {
        let out = Command::new(soffice)
            .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(dir.path().join(file))
            .output()
            .unwrap();
        let pdf = dir.path().join(file).with_extension("pdf");
        assert!(
            out.status.success() && pdf.exists(),
            "{file}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let deck_pdf = dir.path().join("deck.pdf");
    let word_pdf = dir.path().join("rapport.pdf");
    assert_eq!(pdf_pages(&deck_pdf), slide_count, "one page per slide");
    // Cover, contents, summary, eight areas, priorities, method at least.
    let pages = pdf_pages(&word_pdf);
    assert!(pages >= 13, "{pages} pages");
    for pdf in [&deck_pdf, &word_pdf] {
        let text = Command::new("pdftotext")
            .arg(pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout).replace('\u{a0}', " ");
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for a in &r.areas {
            assert!(flat.contains(&a.title), "{}: {}", pdf.display(), a.title);
            assert!(
                flat.contains(&a.points.display),
                "{}: {}",
                pdf.display(),
                a.points.display
            );
        }
        assert!(flat.contains(&r.total.points.display));
    }
}

#[test]
fn the_evaluators_texts_appear_in_every_format_and_a_draft_says_what_is_missing() {
    let bank = Bank::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = assessment_with_texts(dir.path());
    let (a, _) = kompass::storage::load_assessment(&path, &bank).unwrap();
    let r = Report::build(
        &bank,
        &a,
        &[],
        Options {
            lang: Lang::Nb,
            names: false,
            per_interview: false,
        },
    );
    let wanted = [
        "Samlet sett en kommune i god utvikling.",
        "Styringen er solid.",
        "Vurdering av område 5: arbeidet er godt forankret.",
        "Prioriter samskaping med innbyggerne.",
    ];
    for format in [Format::Html, Format::Markdown, Format::Json] {
        let text = String::from_utf8(render(&r, format).unwrap()).unwrap();
        for w in wanted {
            assert!(text.contains(w), "{format:?}: {w}");
        }
    }
    let cells: Vec<String> = report_support::read_xlsx(&render(&r, Format::Xlsx).unwrap())
        .iter()
        .flat_map(|s| s.rows.iter().flatten().map(|c| c.to_string()))
        .collect();
    for w in wanted {
        assert!(cells.iter().any(|c| c == w), "xlsx: {w}");
    }
    // A draft without texts says they are not written; with every question
    // decided and no texts, nothing is said.
    let mut bare = report_support::sample_assessment(&bank);
    let draft = Report::build(
        &bank,
        &bare,
        &[],
        Options {
            lang: Lang::Nb,
            names: false,
            per_interview: false,
        },
    );
    assert!(draft.is_draft());
    let md = String::from_utf8(render(&draft, Format::Markdown).unwrap()).unwrap();
    assert_eq!(
        md.matches("Ikke skrevet ennå.").count(),
        2 + draft.areas.len()
    );
    for q in bare.questions.values_mut() {
        let scores = q.suggested;
        q.decision
            .get_or_insert(kompass::core::assessment::Decision::Accepted { scores });
    }
    let done = Report::build(
        &bank,
        &bare,
        &[],
        Options {
            lang: Lang::Nb,
            names: false,
            per_interview: false,
        },
    );
    assert!(!done.is_draft());
    for format in [Format::Markdown, Format::Html] {
        let text = String::from_utf8(render(&done, format).unwrap()).unwrap();
        assert!(!text.contains("Ikke skrevet ennå."), "{format:?}");
        assert!(!text.contains("Vurdering"), "{format:?}");
    }
}

/// The slide parts (ppt/slides/slideN.xml) whose text contains `text`.
fn slide_parts_with<'a>(parts: &'a BTreeMap<String, Vec<u8>>, text: &str) -> Vec<&'a str> {
    parts
        .iter()
        .filter(|(name, data)| {
            name.starts_with("ppt/slides/slide") && texts(data, "a:t").join(" | ").contains(text)
        })
        .map(|(name, _)| name.as_str())
        .collect()
}

#[test]
fn the_place_among_all_and_the_own_history_are_in_the_deck_and_the_word_report() {
    let r = sample();
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    let (bm, h) = (&json["benchmark"], &json["history"]);
    assert!(
        bm.is_object() && h.is_object(),
        "the sample ranks and has a history"
    );
    let deck = unzip(&render(&r, Format::Pptx).unwrap());
    assert_well_formed(&deck);
    let slides = slides(&deck);
    let docx = unzip(&render(&r, Format::Docx).unwrap());
    assert_well_formed(&docx);
    let body = texts(&docx["word/document.xml"], "w:t").join(" | ");

    // The place: the sentence, every area's place and the total's, on one
    // slide beside the picture of every evaluation's total by year.
    let (standing, standing_notes) = slides
        .iter()
        .find(|(t, _)| t.starts_with("Plassering blant evaluerte kommuner"))
        .expect("a slide of the place among all");
    let place = format!(
        "nr. {} av {}",
        bm["rank"]["total"].as_u64().unwrap(),
        bm["n"].as_u64().unwrap()
    );
    assert!(standing.contains(&place), "{standing}");
    assert!(body.contains(&place));
    assert!(standing_notes.contains(&place));
    let area_points = |id: &str| -> String {
        json["areas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["points"]["display"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let ranked = bm["rank"]["areas"].as_array().unwrap();
    assert_eq!(ranked.len(), 8);
    for ar in ranked {
        let id = ar["id"].as_str().unwrap();
        let row = format!(
            "{id} {} | {} | {} | {}",
            ar["title"].as_str().unwrap(),
            area_points(id),
            ar["rank"],
            ar["n"]
        );
        assert!(standing.contains(&row), "slide: {row}");
        assert!(body.contains(&row), "docx: {row}");
    }
    let total_row = format!(
        "Totalt | {} | {} | {}",
        json["total"]["points"]["display"].as_str().unwrap(),
        bm["rank"]["total"],
        bm["n"]
    );
    assert!(standing.contains(&total_row), "{standing}");
    assert!(body.contains(&total_row), "docx: {total_row}");

    // The history: every evaluation oldest first, every figure with its
    // change, beside the two line charts.
    let (history, _) = slides
        .iter()
        .find(|(t, _)| t.starts_with("Utvikling over tid"))
        .expect("a history slide");
    // The columns by year (narrow columns; the caption says which figures
    // are fictional).
    let years: Vec<String> = h["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["year"].to_string())
        .collect();
    assert_eq!(years, ["2014", "2018", "2022", "2026"]);
    let head = format!("Fokusområde | {}", years.join(" | "));
    assert!(history.contains(&head), "{history}");
    assert!(body.contains(&head), "docx: {head}");
    let rows = h["areas"]
        .as_array()
        .unwrap()
        .iter()
        .chain(std::iter::once(&h["total"]));
    for row in rows {
        let label = match row["id"].as_str().unwrap() {
            "total" => row["title"].as_str().unwrap().to_owned(),
            id => format!("{id} {}", row["title"].as_str().unwrap()),
        };
        let cells: Vec<String> = row["values"]
            .as_array()
            .unwrap()
            .iter()
            .zip(row["changes"].as_array().unwrap())
            .map(|(v, c)| {
                let shown = v["display"].as_str().unwrap_or("–");
                match c["display"].as_str() {
                    Some(change) => format!("{shown} ({change})"),
                    None => shown.to_owned(),
                }
            })
            .collect();
        let line = format!("{label} | {}", cells.join(" | "));
        assert!(history.contains(&line), "slide: {line}\n{history}");
        assert!(body.contains(&line), "docx: {line}");
    }
    // A totals-only year shows in the total only.
    assert!(h["areas"][0]["values"][1].is_null());
    assert!(!h["total"]["values"][1].is_null());

    // The charts are pictures on their slides, and figures in Word.
    for title in ["Plassering blant evaluerte kommuner", "Utvikling over tid"] {
        let parts_with = slide_parts_with(&deck, title);
        assert_eq!(parts_with.len(), 1, "{title}");
        let slide = parts_with[0];
        let xml = String::from_utf8_lossy(&deck[slide]);
        assert!(xml.contains("<p:pic>"), "{title}: a picture");
        let file = slide.rsplit('/').next().unwrap();
        let rels =
            String::from_utf8_lossy(&deck[&format!("ppt/slides/_rels/{file}.rels")]).into_owned();
        for rel in rels
            .split("<Relationship ")
            .filter(|r| r.contains("relationships/image\""))
        {
            let at = rel.find("Target=\"").unwrap() + 8;
            let target = &rel[at..at + rel[at..].find('"').unwrap()];
            let media = format!("ppt/media/{}", target.rsplit('/').next().unwrap());
            assert!(deck[&media].starts_with(b"\x89PNG"), "{media}");
        }
    }
    assert!(body.contains("Totalpoeng over tid."));

    // Every average's figure with its n, where it differs from the label's.
    let national = json["baselines"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["kind"] == "average")
        .unwrap();
    let info = &json["baselines"][national];
    assert!(info["label"].as_str().unwrap().ends_with("27 evalueringer"));
    let area = &json["areas"][0];
    let with_n = shown_with_n(&area["baselines"][national], info);
    assert!(with_n.contains("(n = 18)"), "{with_n}");
    let points_slide = slides
        .iter()
        .find(|(t, _)| t.starts_with("Poengfordeling område 1:"))
        .unwrap();
    assert!(points_slide.0.contains(&with_n), "{}", points_slide.0);
    assert!(body.contains(&with_n));
}

/// Issue 15: one assessment gives one file. The `pptx` crate stamped each
/// zip entry with the clock, wrote the parts in hash order and kept the
/// template's properties (python-pptx, 2013); zip times are in two-second
/// steps, so two runs more than two seconds apart show a clock stamp. Run
/// as the user runs it, one process a file (docx-rs numbers pictures per
/// process).
#[test]
fn the_same_report_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment_with_texts(dir.path());
    let national = report_support::baseline_path("nasjonalt-snitt-2026.json");
    let write = |run: usize| -> Vec<Vec<u8>> {
        ["pptx", "docx"]
            .iter()
            .map(|format| {
                let out = dir.path().join(format!("{run}.{format}"));
                let done = kompass(
                    dir.path(),
                    &[
                        "report",
                        a.to_str().unwrap(),
                        "--format",
                        format,
                        "-o",
                        out.to_str().unwrap(),
                        "--benchmark",
                        national.to_str().unwrap(),
                    ],
                );
                assert!(
                    done.status.success(),
                    "{}",
                    String::from_utf8_lossy(&done.stderr)
                );
                std::fs::read(&out).unwrap()
            })
            .collect()
    };
    let first = write(1);
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let second = write(2);
    for (a, b) in first.iter().zip(&second) {
        assert!(a == b, "two runs on one assessment differ");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
        for i in 0..zip.len() {
            let entry = zip.by_index(i).unwrap();
            let time = entry.last_modified().map(|t| t.year());
            assert!(time.is_none_or(|y| y <= 1980), "{:?}", entry.name());
        }
    }
    let deck = unzip(&first[0]);
    let core = String::from_utf8_lossy(&deck["docProps/core.xml"]).into_owned();
    assert!(
        core.contains("T00:00:00Z") && !core.contains("2013-01-27"),
        "{core}"
    );
    assert!(
        core.contains("Eksempelvik") && !core.contains("python-pptx"),
        "{core}"
    );
}
