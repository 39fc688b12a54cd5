//! The review screens' update step, key by key, without a terminal.

use super::*;
use crate::core::assessment::Decision;
use crate::core::baseline::BaselineKind;
use crate::storage;
use ratatui::crossterm::event::KeyCode::{self};
use ratatui::crossterm::event::KeyModifiers;

/// The review of the demo's sample interviews, opened as `kompass demo` does.
pub(crate) fn demo_session(dir: &std::path::Path) -> ReviewSession {
    storage::write_demo(dir).unwrap();
    reopen(dir)
}

/// The review of the sample data already in `dir`, as it is now.
fn reopen(dir: &std::path::Path) -> ReviewSession {
    storage::open_review(
        &Bank::builtin(),
        &[dir.join("eksempelvik"), dir.join("baselines")],
        None,
        &[],
        dir,
        chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+01:00").unwrap(),
        Lang::Nb,
    )
    .unwrap()
}

/// Ctrl-R as the runtime carries it out: the sample data in `dir` read
/// again as opening reads it, handed back to the screen.
fn reload(r: &mut Review, dir: &std::path::Path) -> Vec<Effect> {
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(r.update(Msg::Key(ctrl_r)), vec![Effect::Reload]);
    let read = storage::read_selection(
        r.bank,
        &[dir.join("eksempelvik"), dir.join("baselines")],
        Some(&r.rs.assessment.municipality),
        &[],
        dir,
    )
    .map(Box::new)
    .map_err(|e| e.lines(r.lang));
    r.update(Msg::Reloaded(read))
}

fn press(r: &mut Review, code: KeyCode) -> Vec<Effect> {
    r.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn typ(r: &mut Review, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(r, KeyCode::Char(c)))
        .collect()
}

#[test]
fn accept_override_with_a_reason_and_clear() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    assert_eq!(r.view, View::Overview);
    press(&mut r, KeyCode::Tab);
    assert_eq!(r.view, View::List);
    press(&mut r, KeyCode::Enter);
    assert_eq!(r.view, View::Question);
    let first = r.current.clone();
    assert_eq!(first, r.order[0].question, "the most disputed first");

    assert_eq!(typ(&mut r, "a"), vec![Effect::Save]);
    let decision = &r.assessment().questions[&first].decision;
    assert!(
        matches!(decision, Some(Decision::Accepted { .. })),
        "{decision:?}"
    );

    // 2 then 5 is 2,5; the next digits fill Extent and Results.
    assert!(typ(&mut r, "2531").is_empty());
    let Some(Overlay::Override(d)) = &r.overlay else {
        panic!("the override editor opens on a digit")
    };
    assert_eq!(
        d.values,
        [Some(Exact::new(5, 2)), Some(int(3)), Some(int(1))]
    );
    // A reason is required: Enter moves to it, Enter on an empty one refuses.
    assert!(press(&mut r, KeyCode::Enter).is_empty());
    assert!(press(&mut r, KeyCode::Enter).is_empty());
    let Some(Overlay::Override(d)) = &r.overlay else {
        panic!("still open")
    };
    assert_eq!(
        d.error.as_deref(),
        Some("En overstyring trenger en begrunnelse")
    );
    typ(&mut r, "Tiltakene er ikke i bruk");
    assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
    assert!(r.overlay.is_none());
    let q = &r.assessment().questions[&first];
    assert_eq!(q.reason(), Some("Tiltakene er ikke i bruk"));
    assert_eq!(q.reconciled().system, Some(Exact::new(5, 2)));
    assert!(!q.overridden().is_empty());
    assert_eq!(question::progress(r.assessment()).overridden, 1);

    // Half steps with + and -, and Esc leaves the decision as it was.
    typ(&mut r, "o+");
    let Some(Overlay::Override(d)) = &r.overlay else {
        panic!("o opens the editor")
    };
    assert_eq!(d.values[0], Some(int(3)));
    assert_eq!(ui::line_text(&d.reason), "Tiltakene er ikke i bruk");
    press(&mut r, KeyCode::Esc);
    assert_eq!(
        r.assessment().questions[&first].reconciled().system,
        Some(Exact::new(5, 2))
    );

    // Clearing an override asks first.
    assert!(typ(&mut r, "x").is_empty());
    assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
    assert!(!r.assessment().questions[&first].is_decided());
}

fn ctrl(r: &mut Review, c: char) -> Vec<Effect> {
    r.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

/// Issue 13, item 1: `a` or `x` on an overridden question threw the override
/// and its reason away at once.
#[test]
fn replacing_an_override_asks_once_and_ctrl_z_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    r.open_question("4.4.2");
    typ(&mut r, "231");
    press(&mut r, KeyCode::Enter);
    typ(&mut r, "Systemet er kjøpt, ikke tatt i bruk");
    assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
    let overridden = r.assessment().questions["4.4.2"].clone();
    assert_eq!(
        overridden.reason(),
        Some("Systemet er kjøpt, ikke tatt i bruk")
    );

    // `a` asks; Esc (or n) keeps the override as it was.
    assert!(typ(&mut r, "a").is_empty());
    assert!(matches!(
        r.overlay,
        Some(Overlay::Confirm {
            change: Replacing::Accept,
            ..
        })
    ));
    assert!(press(&mut r, KeyCode::Esc).is_empty());
    assert_eq!(r.assessment().questions["4.4.2"], overridden);
    assert!(typ(&mut r, "an").is_empty());
    assert_eq!(r.assessment().questions["4.4.2"], overridden);

    // Once confirmed the suggestion counts; Ctrl-Z brings the override and
    // its reason back, Ctrl-Y makes the accept again.
    typ(&mut r, "a");
    assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
    let accepted = r.assessment().questions["4.4.2"].clone();
    assert_eq!(accepted.reason(), None);
    assert_eq!(ctrl(&mut r, 'z'), vec![Effect::Save]);
    assert_eq!(r.assessment().questions["4.4.2"], overridden);
    assert_eq!(
        r.notice.as_ref().unwrap().text,
        "Angret: 4.4.2: forslaget er godtatt"
    );
    assert_eq!(ctrl(&mut r, 'y'), vec![Effect::Save]);
    assert_eq!(r.assessment().questions["4.4.2"], accepted);
    ctrl(&mut r, 'z');

    // `x` asks the same way.
    typ(&mut r, "x");
    assert!(matches!(
        r.overlay,
        Some(Overlay::Confirm {
            change: Replacing::Clear,
            ..
        })
    ));
    typ(&mut r, "j");
    assert_eq!(r.assessment().questions["4.4.2"].decision, None);
    ctrl(&mut r, 'z');
    assert_eq!(r.assessment().questions["4.4.2"], overridden);

    // An accepted question is accepted again without a question.
    r.open_question("1.1.1");
    assert_eq!(typ(&mut r, "a"), vec![Effect::Save]);
    assert!(r.overlay.is_none());
}

/// Undo walks back through curation too, and shows where the change was.
#[test]
fn undo_takes_back_curation_where_it_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::En, demo_session(dir.path()));
    let before = r.assessment().clone();
    r.view = View::Findings;
    r.findings_area = 6;
    typ(&mut r, "bkd");
    r.view = View::Priorities;
    typ(&mut r, " ");
    r.prio_cursor = r
        .priority_rows()
        .iter()
        .position(|row| *row == PriorityRow::Group(1))
        .unwrap();
    typ(&mut r, "m");
    assert_ne!(r.assessment().priorities, before.priorities);
    assert_eq!(r.history.len(), 4);
    ctrl(&mut r, 'z');
    assert_eq!(r.assessment().priorities, before.priorities);
    ctrl(&mut r, 'z');
    assert_eq!(
        r.view,
        View::Findings,
        "the undo shows where the change was"
    );
    assert_eq!(r.findings_area, 6);
    ctrl(&mut r, 'z');
    ctrl(&mut r, 'z');
    assert_eq!(r.assessment(), &before);
    assert!(ctrl(&mut r, 'z').is_empty());
    assert_eq!(r.notice.as_ref().unwrap().text, "Nothing to undo");
}

#[test]
fn the_list_filters_undecided_and_walks_by_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::En, demo_session(dir.path()));
    let (first, second) = (r.order[0].question.clone(), r.order[1].question.clone());
    r.open_question(&first);
    typ(&mut r, "a");
    press(&mut r, KeyCode::Esc);
    assert_eq!(r.view, View::List);
    typ(&mut r, "f");
    assert_eq!(r.filter, Filter::Undecided);
    assert_eq!(r.list_rows()[0].question, second);
    assert_eq!(r.list_rows().len(), 74);
    // From the question screen, u goes to the next undecided, n to the next in order.
    r.open_question(&first);
    typ(&mut r, "u");
    assert_eq!(r.current, second);
    typ(&mut r, "p");
    assert_eq!(r.current, first);
    typ(&mut r, "n");
    assert_eq!(r.current, second);
    // Ctrl-G jumps by id.
    r.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('g'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut r, "1.1.1");
    press(&mut r, KeyCode::Enter);
    assert_eq!((r.view, r.current.as_str()), (View::Question, "1.1.1"));
}

#[test]
fn findings_star_merge_drop_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    r.view = View::Findings;
    let before = r.assessment().findings["1"].clone();
    assert!(before.len() >= 3);
    assert_eq!(typ(&mut r, "b"), vec![Effect::Save]);
    assert!(r.assessment().findings["1"][0].best_practice);
    // Mark the second, merge it with the third under a new text.
    press(&mut r, KeyCode::Down);
    typ(&mut r, " ");
    assert_eq!(r.finding_cursor, 2);
    assert!(typ(&mut r, "m").is_empty());
    let Some(Overlay::Prompt { input, .. }) = &mut r.overlay else {
        panic!("merging asks for the text")
    };
    **input = ui::line_input("Felles funn");
    assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
    let after = &r.assessment().findings["1"];
    assert_eq!(after.len(), before.len() - 1);
    assert_eq!(after[1].text, "Felles funn");
    assert_eq!(after[1].sources.len(), 2);
    // Drop the merged one, then restore it from the bottom of the list.
    r.finding_cursor = 1;
    assert_eq!(typ(&mut r, "d"), vec![Effect::Save]);
    assert_eq!(r.assessment().dropped["1"][0].text, "Felles funn");
    r.finding_cursor = r.assessment().findings["1"].len();
    assert_eq!(r.selected_finding(), Some(Err(0)));
    assert_eq!(typ(&mut r, "r"), vec![Effect::Save]);
    assert!(r.assessment().dropped.is_empty());
    // The next area, and round from the first to the last.
    press(&mut r, KeyCode::Right);
    assert_eq!(r.findings_area, 1);
    press(&mut r, KeyCode::Left);
    press(&mut r, KeyCode::Left);
    assert_eq!(r.findings_area, 7);
}

#[test]
fn priorities_merge_and_split() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    r.view = View::Priorities;
    let groups = r.assessment().priorities.len();
    let first_items = r.assessment().priorities[0].items.len();
    // Mark the second group, go back to the first, merge.
    r.prio_cursor = first_items + 1;
    typ(&mut r, " ");
    r.prio_cursor = 0;
    assert_eq!(typ(&mut r, "m"), vec![Effect::Save]);
    assert_eq!(r.assessment().priorities.len(), groups - 1);
    // Split the first item off again.
    r.prio_cursor = 1;
    assert_eq!(typ(&mut r, "s"), vec![Effect::Save]);
    assert_eq!(r.assessment().priorities.len(), groups);
}

#[test]
fn a_baseline_read_by_the_runtime_is_attached() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::En, demo_session(dir.path()));
    assert_eq!(r.bases.len(), 4);
    r.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('b'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut r, "/x/y.json");
    assert_eq!(
        press(&mut r, KeyCode::Enter),
        vec![Effect::LoadBaseline("/x/y.json".into())]
    );
    let mut b = Baseline::new("Midtre Gauldal 2023", BaselineKind::Earlier);
    b.total = Some(int(555));
    assert_eq!(
        r.update(Msg::Baseline(Ok((Box::new(b), vec![])))),
        vec![Effect::Save]
    );
    assert_eq!(r.bases.len(), 5);
    assert!(
        r.update(Msg::Baseline(Err(vec!["/x/y.json: no such file".into()])))
            .is_empty()
    );
    assert_eq!(r.notice.as_ref().map(|n| n.warning), Some(true));
    // Every reason for a refusal is shown, not only the first.
    let Some(Overlay::Message { lines, .. }) = &r.overlay else {
        panic!("a refused baseline says why: {:?}", r.overlay)
    };
    assert_eq!(lines, &["/x/y.json: no such file"]);
    press(&mut r, KeyCode::Esc);
    assert!(r.overlay.is_none());
    // A baseline attached with warnings shows them too.
    let mut b = Baseline::new("Midtre Gauldal 2019", BaselineKind::Earlier);
    b.total = Some(int(500));
    let warning = "/x/mg.json: area 2: 40 + 30 = 70, but the file says 75".to_owned();
    r.update(Msg::Baseline(Ok((Box::new(b), vec![warning.clone()]))));
    assert_eq!(r.bases.len(), 6);
    let Some(Overlay::Message { lines, .. }) = &r.overlay else {
        panic!("warnings are shown")
    };
    assert_eq!(lines, &[warning]);
}

#[test]
fn changed_interviews_are_pointed_out_and_refreshed_keeping_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut rs = demo_session(dir.path());
    let first = question::by_disagreement(&bank, &rs.assessment, Filter::All)[0]
        .question
        .clone();
    question::accept(&mut rs.assessment, &first).unwrap();
    storage::save_review(&mut rs, chrono::Local::now().fixed_offset()).unwrap();
    // An interviewer corrects a score after the review began.
    let changed = rs
        .sessions
        .iter()
        .find(|s| s.session.answers.contains_key(&first))
        .unwrap();
    let mut session = changed.session.clone();
    session.answers.get_mut(&first).unwrap().scores.system = Some(int(0));
    std::fs::write(&changed.file, session.to_json()).unwrap();

    let reopened = reopen(dir.path());
    assert_eq!(reopened.stale.changed, vec![session.id.clone()]);
    let mut r = Review::new(&bank, Lang::En, reopened);
    assert_eq!(reload(&mut r, dir.path()), vec![Effect::Save]);
    assert!(r.rs.stale.is_empty());
    let q = &r.assessment().questions[&first];
    assert_eq!(q.interviews[&session.id].system, Some(int(0)));
    assert!(
        matches!(q.decision, Some(Decision::Accepted { .. })),
        "decisions are kept"
    );
    let notice = r.notice.clone().unwrap().text;
    assert!(
        notice == "Refreshed, 1 changed interview"
            || notice.starts_with("Refreshed, 1 changed interview;"),
        "{notice}"
    );
    // Nothing left to refresh.
    assert_eq!(reload(&mut r, dir.path()), vec![]);
    assert_eq!(
        r.notice.unwrap().text,
        "The assessment is up to date with the interviews"
    );
}

#[test]
fn help_lists_every_table_with_the_current_one_first() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    r.view = View::Findings;
    let sections = r.help_sections();
    assert_eq!(sections[0].title, "Funn");
    assert_eq!(sections.len(), 16);
    assert!(
        sections
            .iter()
            .any(|s| s.rows.iter().any(|(_, d)| d.contains("★")))
    );
    typ(&mut r, "?");
    assert!(matches!(r.overlay, Some(Overlay::Help { .. })));
    press(&mut r, KeyCode::Esc);
    assert!(r.overlay.is_none());
    assert_eq!(typ(&mut r, "q"), vec![Effect::Quit]);
}

/// Issue 13: End/Home/PgDn/PgUp in every list of the review.
#[test]
fn home_end_and_page_keys_move_in_every_list() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    press(&mut r, KeyCode::End);
    assert_eq!(r.area, 7, "overview");
    press(&mut r, KeyCode::Home);
    assert_eq!(r.area, 0);
    r.view = View::List;
    press(&mut r, KeyCode::End);
    assert_eq!(r.list_cursor, 74);
    press(&mut r, KeyCode::PageUp);
    assert_eq!(r.list_cursor, 64);
    r.open_question(&r.order[0].question.clone());
    press(&mut r, KeyCode::End);
    assert!(r.row > 5, "the last interview: {}", r.row);
    press(&mut r, KeyCode::Home);
    assert_eq!(r.row, 0);
    r.view = View::Roles;
    press(&mut r, KeyCode::End);
    assert_eq!(r.area, 7, "roles");
    r.view = View::Findings;
    r.findings_area = 6;
    let n = r.assessment().findings["7"].len();
    press(&mut r, KeyCode::End);
    assert_eq!(r.finding_cursor, n - 1);
    press(&mut r, KeyCode::PageUp);
    assert_eq!(r.finding_cursor, n - 11);
    press(&mut r, KeyCode::PageDown);
    press(&mut r, KeyCode::Home);
    assert_eq!(r.finding_cursor, 0);
    r.view = View::Priorities;
    press(&mut r, KeyCode::End);
    assert_eq!(r.prio_cursor, r.priority_rows().len() - 1);
}

/// Issue 14: moving a finding has twins of Alt-↑/↓ that reach the program
/// in macOS Terminal.app.
#[test]
fn a_finding_moves_with_alt_ctrl_or_the_angle_keys() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    r.view = View::Findings;
    r.findings_area = 6;
    let texts = |r: &Review| -> Vec<String> {
        r.assessment().findings["7"]
            .iter()
            .map(|f| f.text.clone())
            .collect()
    };
    let first = texts(&r)[0].clone();
    for (code, mods) in [
        (KeyCode::Char('>'), KeyModifiers::SHIFT),
        (KeyCode::Down, KeyModifiers::CONTROL),
        (KeyCode::Down, KeyModifiers::ALT),
    ] {
        assert_eq!(
            r.update(Msg::Key(KeyEvent::new(code, mods))),
            vec![Effect::Save]
        );
    }
    assert_eq!(texts(&r)[3], first);
    assert_eq!(r.finding_cursor, 3);
    typ(&mut r, "<");
    r.update(Msg::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::CONTROL)));
    r.update(Msg::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::ALT)));
    assert_eq!(texts(&r)[0], first);
}

/// Issue 13: `n` in Funn adds the reviewer's own finding (marked, saved,
/// undoable), `n` in the priorities a workshop priority; a restored finding
/// goes back to its place; the same text as a challenge and a weakness is
/// pointed out.
#[test]
fn own_findings_and_priorities_restore_in_place_and_the_same_text_twice() {
    use crate::core::review::findings;
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
    r.view = View::Findings;
    r.findings_area = 6;
    press(&mut r, KeyCode::Down);
    let kind = r.assessment().findings["7"][1].kind;
    assert!(typ(&mut r, "n").is_empty());
    typ(&mut r, "Sykefraværet er 9,8 % (KOSTRA 2025)");
    assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
    let f = &r.assessment().findings["7"][2];
    assert_eq!(f.text, "Sykefraværet er 9,8 % (KOSTRA 2025)");
    assert!(f.own && f.sources.is_empty());
    assert_eq!(f.kind, kind, "of the kind under the cursor");
    assert_eq!(r.finding_cursor, 2);
    // Saved as it is, and read back.
    let back = Assessment::parse(&r.assessment().to_json()).unwrap();
    assert!(back.findings["7"][2].own);

    // Dropped and restored: back at its place, not at the end.
    press(&mut r, KeyCode::Char('d'));
    assert_eq!(r.assessment().dropped["7"][0].dropped_from, Some(2));
    press(&mut r, KeyCode::End);
    press(&mut r, KeyCode::Char('r'));
    assert_eq!(r.finding_cursor, 2);
    assert_eq!(
        r.assessment().findings["7"][2].text,
        "Sykefraværet er 9,8 % (KOSTRA 2025)"
    );

    // The same text as a weakness: pointed out.
    let other = if kind == FindingKind::Weakness {
        FindingKind::Challenge
    } else {
        FindingKind::Weakness
    };
    findings::add(
        &mut r.rs.assessment,
        "7",
        0,
        other,
        " sykefraværet er 9,8 %  (kostra 2025)",
    )
    .unwrap();
    let across = findings::across_kinds(r.assessment(), "7");
    assert_eq!(across, vec![(0, kind), (3, other)]);

    // A workshop priority.
    r.view = View::Priorities;
    let groups = r.assessment().priorities.len();
    typ(&mut r, "n");
    typ(&mut r, "Tidlig innsats i skolen");
    assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
    let rows = r.priority_rows();
    let PriorityRow::Item(g, i) = rows[r.prio_cursor] else {
        panic!("the cursor is on the new priority")
    };
    let item = &r.assessment().priorities[g].items[i];
    assert!(item.own && item.session.is_empty());
    assert_eq!(item.text, "Tidlig innsats i skolen");
    assert_eq!(r.assessment().priorities.len(), groups + 1);
    ctrl(&mut r, 'z');
    assert_eq!(r.assessment().priorities.len(), groups);
}

#[test]
fn ctrl_r_reads_the_files_again_taking_in_a_fixed_file_and_listing_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let demo = storage::write_demo(dir.path()).unwrap();
    let file = storage::json_files(std::slice::from_ref(&demo.sessions)).unwrap()[0].clone();
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..4000]).unwrap();
    let mut r = Review::new(&bank, Lang::Nb, reopen(dir.path()));
    assert_eq!(r.rs.bad_files.len(), 1);
    assert_eq!(r.assessment().sessions.len(), 15);
    assert!(r.rs.warnings[0].starts_with("1 fil kunne ikke leses"));

    // Restored: its interview comes in, the file is no longer listed.
    std::fs::write(&file, &whole).unwrap();
    assert_eq!(reload(&mut r, dir.path()), vec![Effect::Save]);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(
        r.notice.clone().unwrap().text,
        format!("Oppdatert, 1 nytt intervju; 1 fil kan leses igjen: {name}")
    );
    assert!(r.rs.bad_files.is_empty());
    assert!(!r.rs.warnings.iter().any(|w| w.contains("kunne ikke leses")));
    assert_eq!(r.assessment().sessions.len(), 16);
    assert!(r.rs.stale.is_empty());

    // Cut off while the review is open: listed again, its scores kept.
    std::fs::write(&file, &whole[..4000]).unwrap();
    assert_eq!(reload(&mut r, dir.path()), vec![Effect::Save]);
    let notice = r.notice.clone().unwrap();
    assert!(notice.warning);
    assert_eq!(
        notice.text,
        format!("Oppdatert, 1 borte (beholdt); 1 fil kan ikke leses: {name}")
    );
    assert_eq!(r.rs.bad_files.len(), 1);
    assert_eq!(r.rs.bad_files[0].file, file);
    assert!(r.rs.warnings[0].starts_with("1 fil kunne ikke leses"));
    assert_eq!(r.assessment().sessions.len(), 16);

    // Two reads of the same files change nothing, and say so.
    let before = r.rs.clone();
    assert_eq!(reload(&mut r, dir.path()), vec![]);
    assert_eq!(
        r.notice.clone().unwrap().text,
        "Ingen endring i filene; 1 borte (beholdt)"
    );
    assert_eq!(r.rs.bad_files, before.bad_files);
    assert_eq!(r.rs.warnings, before.warnings);
    assert_eq!(r.rs.stale, before.stale);
}

#[test]
fn counts_of_interviews_take_singular_and_plural() {
    let one = RefreshReport {
        added: vec!["a".into()],
        updated: vec!["b".into()],
        ..Default::default()
    };
    assert_eq!(
        refresh_text(&one, Lang::Nb),
        "Oppdatert, 1 nytt intervju, 1 endret intervju"
    );
    assert_eq!(
        refresh_text(&one, Lang::En),
        "Refreshed, 1 new interview, 1 changed interview"
    );
    let two = RefreshReport {
        added: vec!["a".into(), "c".into()],
        updated: vec!["b".into(), "d".into()],
        ..Default::default()
    };
    assert_eq!(
        refresh_text(&two, Lang::Nb),
        "Oppdatert, 2 nye intervjuer, 2 endrede intervjuer"
    );
    assert_eq!(
        refresh_text(&two, Lang::En),
        "Refreshed, 2 new interviews, 2 changed interviews"
    );
}
