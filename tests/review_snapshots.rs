//! Snapshots of the review screens at 80x24 and 120x40, drawn with
//! TestBackend from states reached through the update step, on the demo's
//! sample interviews (read from the bytes embedded in the binary, with fixed
//! file names so the pictures do not depend on a temporary directory).

use std::path::PathBuf;

use chrono::DateTime;
use kompass::core::assessment::SourceSession;
use kompass::core::bank::{Bank, sha256_hex};
use kompass::core::baseline::Baseline;
use kompass::core::exact::int;
use kompass::core::lang::Lang;
use kompass::core::review::ReviewSession;
use kompass::core::review::open::{self, Inputs, MunicipalityGroup};
use kompass::core::session::Session;
use kompass::storage::DEMO_FILES;
use kompass::tui::screens::review::view;
use kompass::tui::screens::review::{Effect, Msg, Picker, Review, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn source(name: &str, bytes: &[u8], dir: &str) -> SourceSession {
    SourceSession {
        session: Session::parse(bytes).unwrap(),
        sha256: sha256_hex(bytes),
        path: name.to_owned(),
        file: PathBuf::from(format!("{dir}/{name}")),
    }
}

/// The demo's interviews and baselines, plus `extra` sessions.
fn review(lang: Lang, extra: Vec<SourceSession>) -> ReviewSession {
    let mut inputs = Inputs::default();
    for (name, bytes) in DEMO_FILES {
        if name.starts_with("baselines/") {
            let b = Baseline::parse(bytes).unwrap();
            inputs
                .baselines
                .push((PathBuf::from(format!("/data/{name}")), b));
        } else {
            inputs.sessions.push(source(name, bytes, "/data"));
        }
    }
    inputs.sessions.extend(extra);
    let bank = Bank::builtin();
    let selection = open::select(inputs, None).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-02T09:00:00+01:00").unwrap();
    open::assemble(
        &bank,
        selection,
        "/data/eksempelvik/assessment.json".into(),
        None,
        now,
        lang,
    )
    .unwrap()
}

fn key(r: &mut Review, code: KeyCode) {
    r.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typ(r: &mut Review, text: &str) {
    for c in text.chars() {
        key(r, KeyCode::Char(c));
    }
}

fn snap(name: &str, r: &Review) {
    for (w, h) in SIZES {
        snap_at(name, r, w, h);
    }
}

fn snap_at(name: &str, r: &Review, w: u16, h: u16) {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, r)).unwrap();
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
}

#[test]
fn overview_dashboard_with_both_baselines_and_the_demo_hint() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    r.hint = Some(
        "Demo med eksempeldata i /tmp/kompass-demo-AbC123 · Ctrl-N: intervjuene (n starter et nytt) · Rapport: kompass report /tmp/kompass-demo-AbC123/eksempelvik/assessment.json -o rapport.html"
            .into(),
    );
    snap("overview", &r);
    key(&mut r, KeyCode::Down);
    key(&mut r, KeyCode::Down);
    key(&mut r, KeyCode::Enter);
    snap("overview_drill", &r);
}

#[test]
fn disagreement_list_most_disputed_first() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    key(&mut r, KeyCode::Tab);
    assert_eq!(r.view, View::List);
    // Two decisions, then only the undecided ones.
    key(&mut r, KeyCode::Enter);
    typ(&mut r, "an2");
    key(&mut r, KeyCode::Enter);
    typ(&mut r, "Tillitsvalgte og ledelse er uenige");
    key(&mut r, KeyCode::Enter);
    key(&mut r, KeyCode::Esc);
    snap("list", &r);
    typ(&mut r, "f");
    snap_at("list_undecided", &r, 80, 24);
}

#[test]
fn question_with_a_big_gap_between_management_and_the_union() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    let first = r.order[0].question.clone();
    r.open_question(&first);
    key(&mut r, KeyCode::Down);
    snap("question", &r);
    // Override: 2,5 / 2 / 1 with a reason; marked with * everywhere.
    typ(&mut r, "2.21");
    snap("question_override_editor", &r);
    key(&mut r, KeyCode::Enter);
    typ(&mut r, "Rutinene finnes, men brukes ulikt");
    key(&mut r, KeyCode::Enter);
    snap("question_overridden", &r);
    let mut en = Review::new(&bank, Lang::En, review(Lang::En, vec![]));
    en.open_question(&first);
    snap_at("question_english", &en, 80, 24);
}

#[test]
fn roles_side_by_side_with_the_gap_and_agreement() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    r.view = View::Roles;
    for _ in 0..3 {
        key(&mut r, KeyCode::Right);
    }
    snap("roles", &r);
}

#[test]
fn findings_with_a_gold_star_and_a_dropped_one() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    r.view = View::Findings;
    key(&mut r, KeyCode::Right);
    key(&mut r, KeyCode::Right);
    key(&mut r, KeyCode::Down);
    typ(&mut r, "b");
    key(&mut r, KeyCode::Down);
    typ(&mut r, " ");
    key(&mut r, KeyCode::Down);
    typ(&mut r, "d");
    key(&mut r, KeyCode::Up);
    snap("findings", &r);
}

#[test]
fn priorities_grouped_by_theme() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    r.view = View::Priorities;
    key(&mut r, KeyCode::Down);
    snap("priorities", &r);
}

#[test]
fn municipality_picker_with_counts() {
    let p = Picker::new(
        Lang::Nb,
        vec![
            MunicipalityGroup {
                name: "Eksempelvik".into(),
                slug: "eksempelvik".into(),
                sessions: 16,
            },
            MunicipalityGroup {
                name: "Midtre Gauldal".into(),
                slug: "midtre-gauldal".into(),
                sessions: 21,
            },
        ],
    );
    for (w, h) in SIZES {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| kompass::tui::screens::review::draw_picker(f, &p))
            .unwrap();
        insta::assert_snapshot!(format!("picker_{w}x{h}"), term.backend());
    }
}

#[test]
fn a_conflict_is_shown_for_the_reviewer_to_pick_a_version() {
    let bank = Bank::builtin();
    let (name, bytes) = DEMO_FILES
        .iter()
        .find(|(n, _)| n.starts_with("eksempelvik/"))
        .unwrap();
    let mut other = source(name, bytes, "/usb");
    other.session.updated_at = DateTime::parse_from_rfc3339("2026-10-14T08:15:00+02:00").unwrap();
    other
        .session
        .answers
        .get_mut("1.1.1")
        .unwrap()
        .scores
        .system = Some(int(4));
    other.sha256 = "another".into();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![other]));
    assert_eq!(r.assessment().sessions.len(), 15, "left out until resolved");
    snap("conflict", &r);
    key(&mut r, KeyCode::Down);
    key(&mut r, KeyCode::Enter);
    assert!(r.overlay.is_none());
    assert_eq!(r.assessment().sessions.len(), 16);
    assert_eq!(
        r.assessment().questions["1.1.1"].interviews[&r.rs.conflicts[0].id].system,
        Some(int(4))
    );
    // Ctrl-R reads both versions again: the pick stands, nothing to do.
    let mut read = Inputs {
        sessions: r.rs.conflicts[0].candidates.clone(),
        ..Inputs::default()
    };
    let id = r.rs.conflicts[0].id.clone();
    read.sessions
        .extend(r.rs.sessions.iter().filter(|s| s.session.id != id).cloned());
    let selection = open::select(read, None).unwrap();
    r.update(Msg::Reloaded(Ok(Box::new(selection))));
    assert_eq!(r.rs.conflicts[0].chosen, Some(1));
    assert!(r.overlay.is_none());
    assert_eq!(
        r.notice.as_ref().unwrap().text,
        "Vurderingen er à jour med intervjuene"
    );
}

#[test]
fn help_lists_the_keys_of_the_screen_in_use_first() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    r.view = View::Question;
    typ(&mut r, "?");
    snap("help", &r);
}

#[test]
fn the_evaluators_texts_in_their_editor_and_on_the_overview() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    key(&mut r, KeyCode::Down);
    typ(&mut r, "v");
    typ(
        &mut r,
        "Godt planverk med bærekraftsmålene i kommuneplanen.",
    );
    key(&mut r, KeyCode::Enter);
    typ(
        &mut r,
        "Oppfølgingen av tiltakene er svak, og frivilligheten er lite brukt.",
    );
    snap("text_editor", &r);
    key(&mut r, KeyCode::Esc);
    typ(&mut r, "w");
    typ(&mut r, "Samskaping med frivillige.");
    key(&mut r, KeyCode::Esc);
    snap("overview_texts", &r);
}

#[test]
fn suggested_groups_of_an_area_and_the_bulk_accept_confirmation() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    r.view = View::Findings;
    key(&mut r, KeyCode::Right);
    typ(&mut r, "g");
    key(&mut r, KeyCode::Down);
    snap("suggestions", &r);
    typ(&mut r, "m");
    snap_at("suggestions_merged", &r, 80, 24);
    key(&mut r, KeyCode::Tab);
    key(&mut r, KeyCode::Tab);
    key(&mut r, KeyCode::Tab);
    assert_eq!(r.view, View::List);
    typ(&mut r, "g");
    snap("bulk_accept", &r);
}

/// Issue 13, item 2: an accept the suggestion moved away from is listed as
/// "endret siden godtatt" with the values, and counted, until accepted again.
#[test]
fn an_accept_the_suggestion_moved_away_from_is_pointed_out() {
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    let q = r.order[0].question.clone();
    r.open_question(&q);
    typ(&mut r, "a");
    // Three late interviews that give 4 everywhere move the median; Ctrl-R
    // reads them with the others.
    let mut read = Inputs {
        sessions: r.rs.sessions.clone(),
        ..Inputs::default()
    };
    for i in 0..3 {
        let mut late = r.rs.sessions[i].clone();
        late.session.id = format!("01LATE{i}");
        late.sha256 = format!("late{i}");
        late.path = format!("eksempelvik/late{i}.json");
        let answer = late.session.answers.entry(q.clone()).or_default();
        answer.scores = kompass::core::session::Scores {
            system: Some(int(4)),
            extent: Some(int(4)),
            results: Some(int(4)),
        };
        read.sessions.push(late);
    }
    let effects = r.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(effects, vec![Effect::Reload]);
    let selection = open::select(read, None).unwrap();
    r.update(Msg::Reloaded(Ok(Box::new(selection))));
    assert!(
        r.assessment().questions[&q]
            .changed_since_accepted()
            .is_some()
    );
    snap_at("question_changed_since_accepted", &r, 80, 24);
    key(&mut r, KeyCode::Esc);
    snap("list_changed_since_accepted", &r);
    r.view = View::Overview;
    snap_at("overview_changed_since_accepted", &r, 80, 24);
}

/// Issue 13, items 1 and 12: the question before an override is replaced,
/// and the unreadable file listed on the overview.
#[test]
fn replacing_an_override_asks_and_a_bad_file_stays_listed() {
    use kompass::core::parse::Problem;
    use kompass::core::review::open::BadFile;
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, review(Lang::Nb, vec![]));
    r.open_question("4.4.2");
    typ(&mut r, "231");
    key(&mut r, KeyCode::Enter);
    typ(&mut r, "Systemet er kjøpt, men ikke tatt i bruk");
    key(&mut r, KeyCode::Enter);
    typ(&mut r, "a");
    snap("question_replace_override", &r);
    key(&mut r, KeyCode::Esc);
    r.rs.bad_files = vec![BadFile {
        file: PathBuf::from("/data/eksempelvik/01M4T0Z6C0H4QMEQ6Q944YN005.json"),
        problems: vec![Problem {
            line: Some(12),
            column: Some(3),
            at: None,
            at_nb: None,
            message: "the file ends in the middle of a value".into(),
            message_nb: Some("filen slutter midt i en verdi".into()),
            warning: false,
        }],
        backup: Some(PathBuf::from(
            "/data/eksempelvik/01M4T0Z6C0H4QMEQ6Q944YN005.json.bak",
        )),
    }];
    r.view = View::Overview;
    snap("overview_bad_file", &r);
}
