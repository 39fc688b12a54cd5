//! The review and the demo end to end: the built binary in a real
//! pseudo-terminal, as a newcomer and as a reviewer would use it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::pty::{Term, contains};
use common::{fingerprint, kompass, run};
use kompass::core::assessment::{Assessment, Decision};
use kompass::core::bank::Bank;
use kompass::core::exact::{Exact, int};
use kompass::core::lang::Lang;
use kompass::core::review::question::{self, Filter};
use kompass::storage;

const DOWN: &str = "\x1b[B";
const TAB: &str = "\t";

/// Every session file under `dir` with its bytes and modification time.
fn sessions(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    storage::json_files(&[dir.to_owned()])
        .unwrap()
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "assessment.json"))
        .map(|p| {
            let f = fingerprint(&p);
            (p, f)
        })
        .collect()
}

/// This is what the README tells a newcomer to do: `kompass demo`, with no
/// configuration at all (fresh home, no data directory, LANG=C).
#[test]
fn the_demo_reaches_the_dashboard_in_a_fresh_environment() {
    let home = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let home_s = home.path().to_str().unwrap();
    let (data_home, config_home) = (
        format!("{home_s}/.local/share"),
        format!("{home_s}/.config"),
    );
    let env = [
        ("HOME", home_s),
        ("XDG_DATA_HOME", data_home.as_str()),
        ("XDG_CONFIG_HOME", config_home.as_str()),
        ("TMPDIR", tmp.path().to_str().unwrap()),
        ("LANG", "C"),
    ];
    let mut t = Term::spawn(&["demo"], &env, (80, 24));
    // The dashboard with the national average and its n first, the
    // earlier evaluations after it, and the hint.
    t.wait_for_screen("Sum 540 av 800");
    t.wait_for_screen("1 Offentlighet og demokrati");
    t.wait_for_screen("┃1 Nasjonalt snitt 2026 (fiktiv), 27 evalueringer");
    t.wait_for_screen("┃2 Eksempelvik 2014 (fiktiv)");
    t.wait_for_screen("Demo med eksempeldata i");
    t.send("q");
    let status = t.wait_exit().expect("q ends the demo");
    assert!(status.success(), "{status:?}");
    let out = String::from_utf8_lossy(&t.output()).into_owned();
    assert!(out.contains("Eksempeldataene ligger i"), "{out}");

    // Never the user's own data directory: the sample data went to TMPDIR.
    assert!(!home.path().join(".local/share/kompass").exists());
    let demo_dirs: Vec<PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("kompass-demo-")
        })
        .collect();
    assert_eq!(demo_dirs.len(), 1, "{demo_dirs:?}");
    let assessment = demo_dirs[0].join("eksempelvik/assessment.json");
    assert!(out.contains(&assessment.display().to_string()), "{out}");
    let a = Assessment::parse(&std::fs::read(&assessment).unwrap()).unwrap();
    assert_eq!(a.sessions.len(), 16);
    assert_eq!(
        a.baselines.len(),
        4,
        "2014, 2018, 2022 and the national average"
    );

    // The hint's report command works on it right away.
    let html = tmp.path().join("rapport.html");
    let r = run(kompass(&demo_dirs[0])
        .arg("report")
        .arg(&assessment)
        .arg("-o")
        .arg(&html));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.contains("Eksempelvik"));
    // The national average with its n, the place among its evaluations
    // with the chart of totals by year, and the history of four years.
    assert!(html.contains("Nasjonalt snitt 2026 (fiktiv), 27 evalueringer"));
    assert!(
        html.contains("Plassering blant evaluerte kommuner") && html.contains("id=\"standing-t\"")
    );
    assert!(html.contains("Eksempelvik er evaluert 4 ganger (2014, 2018, 2022, 2026)"));
}

#[test]
fn a_review_session_accepts_and_overrides_and_leaves_every_session_file_untouched() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let before = sessions(&data);
    assert_eq!(before.len(), 20, "16 interviews and 4 baselines");
    let bank = Bank::builtin();

    // The order the list will show: the default merge, most disputed first.
    let fresh = common::fresh_review(&bank, &demo.sessions, &data, Lang::En);
    let order = question::by_disagreement(&bank, &fresh.assessment, Filter::All);
    let data_s = data.to_str().unwrap();
    let eks = demo.sessions.to_str().unwrap();
    let mut t = Term::spawn(
        &["--lang", "en", "--dir", data_s, "review", eks],
        &[("LANG", "C.UTF-8")],
        (120, 40),
    );
    t.wait_for_screen("Overview");
    // The list, most disputed first; open the first and accept it.
    t.send(TAB);
    t.wait_for_screen("Most disputed first");
    t.send("\r");
    t.wait_for_screen("MANAGEMENT ↔ UNION REPS");
    t.send("a");
    t.wait_for_screen("suggestion accepted");
    // The next one: override with 2.5 / 3 / 1 and a reason.
    t.send("n");
    t.type_slowly("2.31");
    t.wait_for_screen(&format!("Override {}", order[1].question));
    t.send("\r");
    t.type_slowly("Union and management disagree; 2.5 is fair");
    t.send("\r");
    t.wait_for_screen("overridden, with the reason");
    // A finding gets a star, and the curation is kept too.
    t.send(TAB);
    t.send(TAB);
    t.wait_for_screen("21 findings");
    t.send(DOWN);
    t.send("b");
    t.send("q");
    let status = t.wait_exit().expect("q ends the review");
    assert!(status.success(), "{status:?}");
    assert!(
        contains(&t.output(), b"\x1b[?1049l"),
        "the terminal is restored"
    );

    let a = Assessment::parse(&std::fs::read(data.join("eksempelvik/assessment.json")).unwrap())
        .unwrap();
    let decided: Vec<(&String, &Decision)> = a
        .questions
        .iter()
        .filter_map(|(id, q)| q.decision.as_ref().map(|d| (id, d)))
        .collect();
    assert_eq!(decided.len(), 2, "{decided:?}");
    // The most disputed question accepted, the next one overridden.
    let first = &a.questions[&order[0].question];
    assert_eq!(
        first.decision,
        Some(Decision::Accepted {
            scores: first.suggested
        })
    );
    let over = a.questions[&order[1].question].decision.as_ref().unwrap();
    let Decision::Override { scores, reason } = over else {
        unreachable!()
    };
    assert_eq!(reason, "Union and management disagree; 2.5 is fair");
    assert_eq!(scores.system, Some(Exact::new(5, 2)));
    assert_eq!(
        (scores.extent, scores.results),
        (Some(int(3)), Some(int(1)))
    );
    assert!(a.findings["1"][1].best_practice);

    // Review never writes a session file: same bytes, same time.
    assert_eq!(sessions(&data), before);
}

const CTRL_G: &str = "\x07";
const CTRL_R: &str = "\x12";
const CTRL_Z: &str = "\x1a";
const ESC: &str = "\x1b";
const END: &str = "\x1b[F";
const SHIFT_TAB: &str = "\x1b[Z";

/// The review of the demo's interviews in `data`, in bokmål.
fn review_nb(data: &Path, sessions: &Path) -> Term {
    Term::spawn(
        &[
            "--lang",
            "nb",
            "--dir",
            data.to_str().unwrap(),
            "review",
            sessions.to_str().unwrap(),
        ],
        &[("LANG", "C.UTF-8")],
        (100, 32),
    )
}

fn quit(mut t: Term) {
    t.send("q");
    assert!(t.wait_exit().expect("q ends the review").success());
}

fn saved(data: &Path) -> Assessment {
    Assessment::parse(&std::fs::read(data.join("eksempelvik/assessment.json")).unwrap()).unwrap()
}

/// Issue 13, item 12: Ctrl-R read no file again, so a session file fixed
/// while the review was open stayed listed as unreadable and its interview
/// out ("à jour"). Now Ctrl-R reads the files as opening does.
#[test]
fn ctrl_r_takes_in_a_session_file_fixed_while_the_review_is_open() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let file = sessions(&demo.sessions).into_keys().next().unwrap();
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..4000]).unwrap();
    let bank = Bank::builtin();
    let opened = common::fresh_review(&bank, &demo.sessions, &data, Lang::Nb);
    assert_eq!(opened.bad_files.len(), 1);
    let read = opened.assessment.sessions.len();

    let mut t = review_nb(&data, &demo.sessions);
    t.wait_for_screen("Oversikt");
    t.wait_for_screen("1 fil kunne ikke leses");
    t.wait_for_screen(&format!("{read} intervjuer"));
    std::fs::write(&file, &whole).unwrap();
    t.send(CTRL_R);
    t.wait_for_screen("Oppdatert, 1 nytt intervju; 1 fil kan leses igjen");
    t.wait_for_screen(&format!("{} intervjuer", read + 1));
    let screen = t.screen();
    assert!(!screen.contains("kunne ikke leses"), "{screen}");
    quit(t);
    assert_eq!(saved(&data).sessions.len(), read + 1);
}

/// Issue 13, item 1: `a` on an overridden question asked nothing and threw
/// the override and its reason away. Now it asks once, Esc keeps it, and a
/// replacement is undone with Ctrl-Z.
#[test]
fn an_override_is_not_thrown_away_by_one_key_and_ctrl_z_brings_it_back() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let mut t = review_nb(&data, &demo.sessions);
    t.wait_for_screen("Oversikt");
    t.send(CTRL_G);
    t.type_slowly("4.4.2\r");
    t.wait_for_screen("Spørsmål 4.4.2");
    t.type_slowly("231");
    t.send("\r");
    t.type_slowly("Systemet er kjøpt, ikke tatt i bruk");
    t.send("\r");
    t.wait_for_screen("overstyrt, med begrunnelse");
    t.send("a");
    t.wait_for_screen("Erstatte overstyringen?");
    t.send(ESC);
    t.wait_for_screen("overstyringen er beholdt");
    t.send("x");
    t.wait_for_screen("Fjerne overstyringen?");
    t.wait_for_screen("Fjerne overstyringen og begrunnelsen");
    t.send("n");
    t.wait_for_screen("overstyringen er beholdt");
    t.send("a");
    t.wait_for_screen("Erstatte overstyringen?");
    t.send("\r");
    t.wait_for_screen("4.4.2: forslaget er godtatt");
    t.send(CTRL_Z);
    t.wait_for_screen("Angret: 4.4.2: forslaget er godtatt");
    t.wait_for_screen("Begrunnelse: «Systemet er kjøpt, ikke tatt i bruk»");
    quit(t);
    let q = &saved(&data).questions["4.4.2"];
    assert_eq!(q.reason(), Some("Systemet er kjøpt, ikke tatt i bruk"));
    assert_eq!(q.reconciled().system, Some(int(2)));
}

/// Issue 13, item 2: an accepted score kept showing "godtatt" after a late
/// interview moved the suggestion. Now the question is undecided again,
/// listed and counted as "endret siden godtatt" until accepted again, and the
/// accept records the values taken.
#[test]
fn a_late_interview_undecides_an_accept_until_it_is_accepted_again() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let bank = Bank::builtin();
    let open = || common::fresh_review(&bank, &demo.sessions, &data, Lang::Nb);
    let fresh = open();
    let q = question::by_disagreement(&bank, &fresh.assessment, Filter::All)[0]
        .question
        .clone();
    let before = fresh.assessment.questions[&q].suggested;

    let mut t = review_nb(&data, &demo.sessions);
    t.wait_for_screen("Oversikt");
    t.send(CTRL_G);
    t.type_slowly(&format!("{q}\r"));
    t.wait_for_screen(&format!("Spørsmål {q}"));
    t.send("a");
    t.wait_for_screen("forslaget er godtatt");
    quit(t);
    assert_eq!(
        saved(&data).questions[&q].decision,
        Some(Decision::Accepted { scores: before })
    );

    // Three late interviews score it 4 everywhere.
    let template = &fresh.sessions[0].session;
    for n in 1..=3 {
        let mut late = template.clone();
        late.id = format!("01M6ZZZZZZZZZZZZZZZZZZZZZ{n}");
        late.answers.entry(q.clone()).or_default().scores = kompass::core::session::Scores {
            system: Some(int(4)),
            extent: Some(int(4)),
            results: Some(int(4)),
        };
        storage::save_session(&data, &late).unwrap();
    }
    let mut moved = open();
    moved.refresh(&bank);
    let after = moved.assessment.questions[&q].suggested;
    assert_ne!(after, before, "the late interviews move the suggestion");
    let text = question::changed_since_accepted(&before, &after, kompass::core::lang::Lang::Nb);

    let mut t = review_nb(&data, &demo.sessions);
    t.wait_for_screen("Intervjuer endret siden vurderingen");
    t.send(CTRL_R);
    t.wait_for_screen("se på igjen");
    t.wait_for_screen("!1 endret");
    t.wait_for_screen("1 endret siden godtatt");
    t.send(TAB);
    t.wait_for_screen(&text);
    t.send(CTRL_G);
    t.type_slowly(&format!("{q}\r"));
    t.wait_for_screen("! Endret siden godtatt");
    t.send("a");
    t.wait_for_screen("forslaget er godtatt");
    t.send(SHIFT_TAB);
    t.send(SHIFT_TAB);
    t.wait_for_screen("Avgjort 1 av 75");
    assert!(
        !t.screen().contains("endret siden godtatt"),
        "{}",
        t.screen()
    );
    quit(t);
    assert_eq!(
        saved(&data).questions[&q].decision,
        Some(Decision::Accepted { scores: after })
    );
}

/// Issue 13, item 13: `n` did nothing. The reviewer adds a finding of their
/// own and a workshop priority, both marked as the evaluators' own and
/// saved; End reaches the dropped findings, and a restored finding goes back
/// to its place.
#[test]
fn the_reviewer_adds_own_findings_and_priorities_and_restores_in_place() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let mut t = review_nb(&data, &demo.sessions);
    t.wait_for_screen("Oversikt");
    for _ in 0..4 {
        t.send(TAB);
    }
    t.wait_for_screen("1 Offentlighet og demokrati ▶");
    t.send(DOWN);
    t.send("n");
    t.wait_for_screen("Eget funn i område 1");
    t.type_slowly("Kommunen har ingen kanal for innbyggerforslag på nettsidene");
    t.send("\r");
    t.wait_for_screen("evaluatorenes eget funn");
    // Dropped, then restored from the bottom of the list (End).
    t.send("d");
    t.wait_for_screen("· 1 forkastet");
    t.send(END);
    t.send("r");
    t.wait_for_screen("22 funn · 0 ★ · 0 forkastet");
    t.send(TAB);
    t.wait_for_screen("Prioriteringer");
    t.send("n");
    t.wait_for_screen("Ny prioritering");
    t.type_slowly("Tidlig innsats i skolen");
    t.send("\r");
    t.wait_for_screen("evaluatorene (verksted)");
    quit(t);
    let a = saved(&data);
    let own = &a.findings["1"][2];
    assert_eq!(
        own.text,
        "Kommunen har ingen kanal for innbyggerforslag på nettsidene"
    );
    assert!(own.own && own.sources.is_empty() && own.dropped_from.is_none());
    assert!(!a.dropped.contains_key("1"));
    let item = a
        .priorities
        .iter()
        .flat_map(|g| &g.items)
        .find(|i| i.own)
        .unwrap();
    assert_eq!(item.text, "Tidlig innsats i skolen");
    // The report marks the finding as the evaluators' own.
    let md = root.path().join("rapport.md");
    let r = run(kompass(&data)
        .args(["--lang", "nb", "report"])
        .arg(data.join("eksempelvik/assessment.json"))
        .arg("-o")
        .arg(&md));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("Kommunen har ingen kanal for innbyggerforslag på nettsidene")
            && text.contains("evaluatorenes eget funn"),
        "{text}"
    );
}
