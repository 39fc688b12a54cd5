//! Snapshots of the interview mode's screens at 80x24 and 120x40, drawn
//! with TestBackend from states reached through the update step.

use std::path::Path;
use std::time::Instant;

use chrono::DateTime;
use kompass::core::bank::Bank;
use kompass::core::exact::int;
use kompass::core::lang::Lang;
use kompass::core::session::{Answer, Finding, FindingKind, Person, Scores, Session};
use kompass::storage::{LoadedSession, SaveReport, SessionList};
use kompass::tui::screens::form::Form;
use kompass::tui::screens::interview::view;
use kompass::tui::screens::interview::{Interview, Msg};
use kompass::tui::screens::start::Start;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn session(bank: &Bank) -> Session {
    let at = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let mut s = Session::new(
        "01JDX0000000000000000000AA".into(),
        bank,
        "Eksempelvik",
        "Kari Nordmann",
        vec![
            Person {
                name: "Ola Ordfører".into(),
                role: "mayor".into(),
            },
            Person {
                name: "Åse Ås".into(),
                role: "chief_executive".into(),
            },
        ],
        at,
    );
    let answer =
        |system: Option<i128>, extent: Option<i128>, results: Option<i128>, notes: &str| Answer {
            scores: Scores {
                system: system.map(int),
                extent: extent.map(int),
                results: results.map(int),
            },
            notes: notes.into(),
            ..Answer::default()
        };
    let mut first = answer(
        Some(3),
        Some(2),
        None,
        "Kommunikasjonsstrategien ble vedtatt i 2021 og revideres hvert fjerde år. \
         Ordføreren mener innbyggerne «får vite det de trenger» 🙂\n\
         - Har oppdatert strategi\n- Mangler mål for dialog med ungdom",
    );
    first.findings = vec![
        Finding {
            kind: FindingKind::Strength,
            text: "Har oppdatert kommunikasjonsstrategi".into(),
        },
        Finding {
            kind: FindingKind::Weakness,
            text: "Ingen mål for dialog med ungdom".into(),
        },
    ];
    s.answers.insert("1.1.1".into(), first);
    let mut flagged = answer(
        Some(4),
        Some(3),
        Some(3),
        "Følges opp med kommunedirektøren.",
    );
    flagged.flagged = true;
    s.answers.insert("1.1.2".into(), flagged);
    s.answers.insert(
        "2.1.1".into(),
        answer(Some(2), Some(2), Some(1), "Planstrategi 2024–2027."),
    );
    s.priorities = vec![
        "Bedre dialog med innbyggerne".into(),
        "Digitalisering 💻".into(),
    ];
    s.last_question = Some("1.1.1".into());
    s
}

fn open(bank: &Bank) -> (Interview<'_>, Instant) {
    let t0 = Instant::now();
    let s = Interview::new(
        bank,
        Lang::Nb,
        session(bank),
        "/data/s.json".into(),
        false,
        t0,
    );
    (s, t0)
}

fn key(s: &mut Interview, t0: Instant, code: KeyCode, mods: KeyModifiers) {
    s.update(Msg::Key(KeyEvent::new(code, mods)), t0);
}

fn draw_interview(name: &str, s: &Interview) {
    for (w, h) in SIZES {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| view::draw(f, s, &mut Default::default()))
            .unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
    }
}

#[test]
fn interview_screen_with_norwegian_notes_and_emoji() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    for c in " Ærlig talt 👍".chars() {
        key(&mut s, t0, KeyCode::Char(c), KeyModifiers::NONE);
    }
    draw_interview("interview_notes", &s);
}

#[test]
fn scores_focused_show_the_level_and_the_bars() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    key(&mut s, t0, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut s, t0, KeyCode::Down, KeyModifiers::NONE);
    draw_interview("interview_scores", &s);
}

#[test]
fn findings_focused_list_the_findings() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    key(&mut s, t0, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut s, t0, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut s, t0, KeyCode::Down, KeyModifiers::NONE);
    draw_interview("interview_findings", &s);
}

#[test]
fn finding_prompt_from_the_current_line() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    key(&mut s, t0, KeyCode::Char('k'), KeyModifiers::CONTROL);
    key(&mut s, t0, KeyCode::Tab, KeyModifiers::NONE);
    draw_interview("interview_finding_prompt", &s);
}

#[test]
fn help_overlay_lists_the_keys() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    key(&mut s, t0, KeyCode::F(1), KeyModifiers::NONE);
    draw_interview("interview_help", &s);
}

#[test]
fn dashboard_and_its_drill_down() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    key(&mut s, t0, KeyCode::Char('d'), KeyModifiers::CONTROL);
    draw_interview("dashboard", &s);
    key(&mut s, t0, KeyCode::Enter, KeyModifiers::NONE);
    draw_interview("dashboard_drill", &s);
}

#[test]
fn closing_page_with_priorities() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    key(&mut s, t0, KeyCode::Char('l'), KeyModifiers::CONTROL);
    key(&mut s, t0, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut s, t0, KeyCode::Enter, KeyModifiers::NONE);
    draw_interview("complete_with_open_questions", &s);
    key(&mut s, t0, KeyCode::Char('j'), KeyModifiers::NONE);
    draw_interview("closing", &s);
}

#[test]
fn save_failure_warning_and_read_only_header() {
    let bank = Bank::builtin();
    let (mut s, t0) = open(&bank);
    s.update(
        Msg::Saved(SaveReport::Failed {
            kind: std::io::ErrorKind::StorageFull,
            reason: "the disk is full".into(),
        }),
        t0,
    );
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::draw(f, &s, &mut Default::default()))
        .unwrap();
    insta::assert_snapshot!("save_failure_80x24", term.backend());

    let ro = Interview::new(&bank, Lang::En, session(&bank), "/s.json".into(), true, t0);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::draw(f, &ro, &mut Default::default()))
        .unwrap();
    insta::assert_snapshot!("read_only_english_80x24", term.backend());
}

#[test]
fn recovery_notice_says_from_when() {
    let bank = Bank::builtin();
    let (mut s, _) = open(&bank);
    let saved = s.session.updated_at;
    s.set_sticky_notice(kompass::tui::runtime::recovered_notice(Lang::Nb, saved));
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::draw(f, &s, &mut Default::default()))
        .unwrap();
    insta::assert_snapshot!("recovered_80x24", term.backend());
}

#[test]
fn start_screen_groups_sessions_by_municipality() {
    let bank = Bank::builtin();
    let base = session(&bank);
    let loaded = |id: &str, m: &str, minutes: i64| {
        let mut s = base.clone();
        s.id = id.into();
        s.municipality = m.into();
        s.started_at += chrono::Duration::minutes(minutes);
        LoadedSession {
            path: Path::new("/data").join(format!("{id}.json")),
            session: s,
            sha256: String::new(),
            warnings: vec![],
            migrated: None,
        }
    };
    let mut done = loaded("E2", "Eksempelvik", 90);
    done.session.status = kompass::core::session::Status::Completed;
    done.session.interviewees = vec![Person {
        name: "Kåre Tillitsvalgt".into(),
        role: "union_rep".into(),
    }];
    let list = SessionList {
        municipalities: vec![
            ("Askvoll".into(), vec![loaded("A1", "Askvoll", 0)]),
            (
                "Eksempelvik".into(),
                vec![done, loaded("E1", "Eksempelvik", 0)],
            ),
        ],
        broken: vec![],
    };
    let start = Start::new(&bank, Lang::Nb, Path::new("/data"), list);
    for (w, h) in SIZES {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| start.draw(f)).unwrap();
        insta::assert_snapshot!(format!("start_{w}x{h}"), term.backend());
    }
}

#[test]
fn new_interview_form_with_a_role_error() {
    let bank = Bank::builtin();
    let mut form = Form::new(
        &bank,
        Lang::Nb,
        vec!["Eksempelvik".into()],
        Some("Eksempelvik"),
    );
    for c in "Kari".chars() {
        form.update(KeyEvent::from(KeyCode::Char(c)));
    }
    form.update(KeyEvent::from(KeyCode::Tab));
    for c in "Ola Ordfører".chars() {
        form.update(KeyEvent::from(KeyCode::Char(c)));
    }
    form.update(KeyEvent::from(KeyCode::Tab));
    for c in "ordfører".chars() {
        form.update(KeyEvent::from(KeyCode::Char(c)));
    }
    form.update(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    for c in "Per 😀".chars() {
        form.update(KeyEvent::from(KeyCode::Char(c)));
    }
    form.update(KeyEvent::from(KeyCode::Tab));
    for c in "pave".chars() {
        form.update(KeyEvent::from(KeyCode::Char(c)));
    }
    form.update(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    for (w, h) in SIZES {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| form.draw(f)).unwrap();
        insta::assert_snapshot!(format!("form_{w}x{h}"), term.backend());
    }
}

/// The text of a drawn screen, row by row.
fn text_of(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_counter_counts_routed_questions_and_names_the_ones_outside_the_roles() {
    let bank = Bank::builtin();
    let mut s = session(&bank);
    s.answers.clear();
    s.interviewees = vec![Person {
        name: "Kåre Tillitsvalgt".into(),
        role: "union_rep".into(),
    }];
    let roles = s.roles();
    let (routed, outside): (Vec<_>, Vec<_>) = bank
        .questions()
        .map(|(_, q)| q)
        .partition(|q| Bank::is_routed(q, &roles));
    let full = Scores {
        system: Some(int(2)),
        extent: Some(int(2)),
        results: Some(int(2)),
    };
    for q in [routed[0], outside[0], outside[1]] {
        let answer = Answer {
            scores: full,
            ..Answer::default()
        };
        s.answers.insert(q.id.clone(), answer);
    }
    let asked = routed.len();
    let (whole, short) = (
        format!("1/{asked} +2 utenfor rollene"),
        format!("1/{asked} +2"),
    );
    let t0 = Instant::now();
    let mut screen = Interview::new(&bank, Lang::Nb, s.clone(), "/s.json".into(), false, t0);
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut draw = |screen: &Interview| {
        term.draw(|f| view::draw(f, screen, &mut Default::default()))
            .unwrap();
        text_of(&term)
    };
    assert!(draw(&screen).contains(&format!("✓{short}")), "header");
    key(&mut screen, t0, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(draw(&screen).contains(&whole), "dashboard");
    key(&mut screen, t0, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut screen, t0, KeyCode::Char('l'), KeyModifiers::CONTROL);
    let closing = draw(&screen);
    assert!(closing.contains(&whole), "closing page:\n{closing}");
    assert!(
        closing.contains(&format!("{} gjenstår", asked - 1)),
        "{closing}"
    );

    let list = SessionList {
        municipalities: vec![(
            "Eksempelvik".into(),
            vec![LoadedSession {
                path: "/data/a.json".into(),
                session: s,
                sha256: String::new(),
                warnings: vec![],
                migrated: None,
            }],
        )],
        broken: vec![],
    };
    let start = Start::new(&bank, Lang::Nb, Path::new("/data"), list);
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| start.draw(f)).unwrap();
    assert!(text_of(&term).contains(&short), "start screen");
}

#[test]
fn a_group_of_four_shows_everyone_at_80_columns_and_the_navigator_grows_at_200() {
    let bank = Bank::builtin();
    let mut s = session(&bank);
    s.interviewees = [
        ("Ola Ordfører", "mayor"),
        ("Åse Ås", "chief_executive"),
        ("Kåre Tillitsvalgt", "union_rep"),
        ("Per Sektor", "sector_head"),
    ]
    .into_iter()
    .map(|(name, role)| Person {
        name: name.into(),
        role: role.into(),
    })
    .collect();
    let t0 = Instant::now();
    let screen = Interview::new(&bank, Lang::Nb, s, "/s.json".into(), false, t0);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::draw(f, &screen, &mut Default::default()))
        .unwrap();
    let header = text_of(&term).lines().next().unwrap().to_owned();
    for who in ["OO", "ÅÅ", "KT", "PS"] {
        assert!(header.contains(who), "{who} in {header:?}");
    }
    // 1.1.1 is not for a union representative or a head of sector.
    assert!(
        header.contains("○KT") && header.contains("○PS"),
        "{header:?}"
    );
    insta::assert_snapshot!("group_of_four_80x24", term.backend());

    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    term.draw(|f| view::draw(f, &screen, &mut Default::default()))
        .unwrap();
    insta::assert_snapshot!("group_of_four_200x60", term.backend());
    assert!(view::side_width(200) > 40);
}
