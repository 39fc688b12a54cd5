//! The interview screen's update step, key by key, without a terminal.

use super::*;
use crate::core::exact::int;
use crate::core::session::Person;
use crate::core::session::Status;
use ratatui::crossterm::event::KeyCode::{
    self, BackTab, Backspace, Delete, Enter, Esc, PageDown, Right, Tab, Up,
};
use ratatui::crossterm::event::KeyModifiers;

fn fresh(bank: &Bank) -> Session {
    Session::new(
        "01TEST0000000000000000000A".into(),
        bank,
        "Eksempelvik",
        "Kari",
        vec![Person {
            name: "Ola".into(),
            role: "mayor".into(),
        }],
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap(),
    )
}

struct T<'b> {
    s: Interview<'b>,
    t0: Instant,
    clock: Duration,
}

impl<'b> T<'b> {
    fn new(bank: &'b Bank) -> T<'b> {
        let t0 = Instant::now();
        T {
            s: Interview::new(bank, Lang::Nb, fresh(bank), "x.json".into(), false, t0),
            t0,
            clock: Duration::ZERO,
        }
    }
    fn at(&self) -> Instant {
        self.t0 + self.clock
    }
    fn key(&mut self, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
        self.clock += Duration::from_millis(100);
        let at = self.at();
        self.s.update(Msg::Key(KeyEvent::new(code, mods)), at)
    }
    fn typ(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' {
                self.key(Enter, KeyModifiers::NONE);
            } else {
                self.key(KeyCode::Char(c), KeyModifiers::NONE);
            }
        }
    }
    fn ctrl(&mut self, c: char) -> Vec<Effect> {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
    fn plain(&mut self, code: KeyCode) {
        self.key(code, KeyModifiers::NONE);
    }
    fn snap(&mut self) -> Session {
        let at = self.at();
        let wall = self.s.session.updated_at;
        self.s.snapshot(at, wall)
    }
    fn current(&self) -> String {
        self.s
            .question_id(self.s.question_index().unwrap())
            .to_owned()
    }
}

#[test]
fn typing_lands_in_the_first_routed_questions_notes() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let first = t.current();
    assert!(
        bank.question(&first)
            .unwrap()
            .roles
            .contains(&"mayor".to_string())
    );
    assert_eq!(t.s.focus, Focus::Notes);
    assert_eq!(t.s.save_due(), None);
    t.typ("Hei æøå 🙂\nandre linje");
    assert!(t.s.save_due().is_some());
    let s = t.snap();
    assert_eq!(s.answers[&first].notes, "Hei æøå 🙂\nandre linje");
    assert_eq!(s.last_question.as_deref(), Some(first.as_str()));
    assert_eq!(t.s.save_due(), None);
}

#[test]
fn save_is_due_after_a_pause_or_at_the_latest_after_the_max_wait() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    t.typ("a");
    let first = t.at();
    assert_eq!(t.s.save_due(), Some(first + SAVE_IDLE));
    t.typ("bcdefghij"); // 100 ms apart: never idle long enough
    assert_eq!(t.s.save_due(), Some(first + SAVE_MAX_WAIT));
}

#[test]
fn undo_redo_and_paste_arrive_in_the_notes() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    t.typ("abc");
    t.ctrl('z');
    t.ctrl('z');
    t.ctrl('z');
    assert_eq!(t.snap().answers[&t.current()].notes, "");
    t.ctrl('y');
    t.s.update(Msg::Paste("lang\r\ntekst\x1b[31m".into()), t.at());
    let notes = t.snap().answers[&t.current()].notes.clone();
    assert!(notes.ends_with("lang\ntekst␛[31m"), "{notes:?}");
}

#[test]
fn scores_take_one_key_each_and_clearing_differs_from_zero() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    t.plain(Tab);
    assert_eq!(t.s.focus, Focus::Scores);
    t.typ("30");
    let id = t.current();
    let sc = t.s.session.answers[&id].scores;
    assert_eq!(
        (sc.system, sc.extent, sc.results),
        (Some(int(3)), Some(int(0)), None)
    );
    assert_eq!(t.s.card.scored(), 0);
    t.typ("4");
    assert_eq!(t.s.card.scored(), 1);
    assert!(t.s.card.total > int(0));
    assert_eq!(
        t.s.focus,
        Focus::Notes,
        "the last dimension hands back the notes"
    );
    t.plain(Tab);
    t.plain(Up);
    t.plain(Delete);
    assert_eq!(t.s.session.answers[&id].scores.extent, None);
    assert_eq!(t.s.card.scored(), 0);
    t.typ("9");
    assert!(t.s.notice.as_ref().unwrap().text.contains("0–4"));
    t.typ(",5"); // a half step: said, and the 5 is out of the scale
    assert!(t.s.notice.as_ref().unwrap().text.contains("0–4"));
    assert_eq!(t.s.session.answers[&id].scores.extent, None);
    assert_eq!(t.s.focus, Focus::Scores);
    t.plain(Right);
    assert_eq!(t.s.session.answers[&id].scores.extent, Some(int(0)));
    t.plain(Esc);
    assert_eq!(t.s.focus, Focus::Notes);
}

#[test]
fn navigation_counts_time_and_reaches_the_closing_page() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let first = t.current();
    t.clock += Duration::from_secs(90);
    t.ctrl('n');
    let second = t.current();
    assert_ne!(first, second);
    assert_eq!(t.s.session.answers[&first].seconds, 90);
    t.ctrl('p');
    assert_eq!(t.current(), first);
    t.key(PageDown, KeyModifiers::NONE);
    assert_eq!(t.current(), second);
    t.ctrl('l');
    assert_eq!(t.s.page, Page::Closing);
    assert_eq!(t.s.focus, Focus::Priorities);
    t.ctrl('p');
    assert_eq!(t.s.page, Page::Question(*t.s.walk.items.last().unwrap()));
}

#[test]
fn jump_by_id_next_unanswered_and_next_flagged() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let first = t.current();
    t.ctrl('g');
    t.typ("6.3.1");
    t.plain(Enter);
    assert_eq!(t.current(), "6.3.1");
    t.ctrl('f');
    assert!(t.s.session.answers["6.3.1"].flagged);
    t.ctrl('g');
    t.typ("1");
    t.plain(Enter);
    assert_eq!(t.current(), first);
    t.ctrl('t');
    assert_eq!(t.current(), "6.3.1");
    t.ctrl('t');
    assert!(t.s.notice.as_ref().unwrap().text.contains("Ingen andre"));
    t.ctrl('g');
    t.typ("6,3,1"); // the number pad's comma
    t.plain(Enter);
    assert_eq!(t.current(), "6.3.1");
    t.ctrl('g');
    t.typ("9.9");
    t.plain(Enter);
    assert!(t.s.notice.as_ref().unwrap().warning);
    // Score the first question fully; next unanswered skips it.
    t.ctrl('g');
    t.typ(&first);
    t.plain(Enter);
    t.plain(Tab);
    t.typ("222");
    t.ctrl('o');
    assert_ne!(t.current(), first);
}

#[test]
fn show_all_reaches_questions_not_routed_to_the_roles() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let n = t.s.walk.items.len();
    t.ctrl('e');
    assert_eq!(t.s.walk.items.len(), 75);
    assert!(n < 75);
    t.ctrl('e');
    assert_eq!(t.s.walk.items.len(), n);
}

#[test]
fn findings_from_the_current_line_can_be_edited_and_removed() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    t.typ("første\n- Har oppdatert klimaplan");
    t.ctrl('k');
    t.plain(Tab); // strength -> challenge
    t.plain(Enter);
    let id = t.current();
    let f = &t.s.session.answers[&id].findings;
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "Har oppdatert klimaplan");
    assert_eq!(f[0].kind, FindingKind::Challenge);
    // A typed sentence from the findings list.
    t.plain(Tab);
    t.plain(Tab);
    assert_eq!(t.s.focus, Focus::Findings);
    t.typ("n");
    t.typ("Mangler strategi");
    t.plain(BackTab); // backwards from strength: weakness
    t.plain(Enter);
    let f = &t.s.session.answers[&id].findings;
    assert_eq!(f[1].kind, FindingKind::Weakness);
    t.typ("1");
    assert_eq!(
        t.s.session.answers[&id].findings[1].kind,
        FindingKind::Strength
    );
    t.plain(Enter);
    for _ in 0.."Mangler strategi".chars().count() {
        t.plain(Backspace);
    }
    t.typ("Har strategi");
    t.plain(Enter);
    assert_eq!(t.s.session.answers[&id].findings[1].text, "Har strategi");
    t.plain(Up);
    t.plain(Delete);
    let f = &t.s.session.answers[&id].findings;
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "Har strategi");
    // Empty findings are refused.
    t.typ("n");
    t.plain(Enter);
    assert_eq!(t.s.session.answers[&id].findings.len(), 1);
}

#[test]
fn priorities_and_completion_on_the_closing_page() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    t.ctrl('l');
    t.typ("Bedre kommunikasjon\n\n  Digitalisering  \n");
    t.plain(Tab);
    assert_eq!(t.s.focus, Focus::Status);
    t.plain(Enter);
    t.typ("j"); // yes, with every question still open
    let s = t.snap();
    assert_eq!(s.priorities, ["Bedre kommunikasjon", "Digitalisering"]);
    assert_eq!(s.status, Status::Completed);
    t.plain(Enter);
    assert_eq!(t.s.session.status, Status::InProgress);
}

#[test]
fn flags_toggle_and_quit_and_save_are_effects() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    t.ctrl('f');
    assert!(t.s.session.answers[&t.current()].flagged);
    t.ctrl('f');
    assert!(!t.s.session.answers[&t.current()].flagged);
    assert_eq!(t.ctrl('s'), vec![Effect::SaveNow]);
    assert_eq!(t.ctrl('q'), vec![Effect::Quit]);
}

#[test]
fn read_only_moves_but_never_changes() {
    let bank = Bank::builtin();
    let t0 = Instant::now();
    let mut s = Interview::new(&bank, Lang::En, fresh(&bank), "x".into(), true, t0);
    let before = s.session.clone();
    for ev in [
        KeyEvent::from(KeyCode::Char('a')),
        KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL),
        KeyEvent::from(Tab),
        KeyEvent::from(KeyCode::Char('3')),
        KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
    ] {
        s.update(Msg::Key(ev), t0 + Duration::from_secs(5));
    }
    s.update(Msg::Paste("x".into()), t0);
    assert_eq!(s.save_due(), None);
    assert_eq!(s.session.answers, before.answers);
    assert_ne!(
        s.page,
        Interview::new(&bank, Lang::En, fresh(&bank), "x".into(), true, t0).page
    );
}

#[test]
fn resume_lands_on_the_last_question() {
    let bank = Bank::builtin();
    let mut session = fresh(&bank);
    session.last_question = Some("6.3.1".into());
    let s = Interview::new(&bank, Lang::Nb, session, "x".into(), false, Instant::now());
    assert_eq!(s.question_id(s.question_index().unwrap()), "6.3.1");
    assert_eq!(s.focus, Focus::Notes);
}

#[test]
fn save_reports_set_and_clear_the_warning() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let at = t.at();
    t.s.update(
        Msg::Saved(SaveReport::Failed {
            kind: std::io::ErrorKind::StorageFull,
            reason: "the disk is full".into(),
        }),
        at,
    );
    assert_eq!(t.s.save_failure.as_deref(), Some("disken er full"));
    t.typ("x");
    assert!(
        t.s.save_failure.is_some(),
        "a key does not hide the warning"
    );
    t.s.set_save_warning("Kan ikke lagre (disken er full). Ctrl-Q igjen …".into());
    let updated_at = t.s.session.updated_at;
    t.s.update(Msg::Saved(SaveReport::Saved { updated_at }), at);
    assert_eq!(t.s.save_failure, None);
    assert_eq!(
        t.s.notice, None,
        "no stale \"cannot save\" once saving works"
    );
}

#[test]
fn help_lists_every_table_with_the_focused_one_first() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    t.plain(Tab);
    let help = t.s.help_sections();
    assert_eq!(help[0].title, "Poeng");
    assert_eq!(help[1].title, "Overalt");
    assert!(help.iter().any(|s| s.title == "Notater"));
    assert!(help[0].rows.iter().any(|(k, _)| k == "0–4"));
    t.plain(KeyCode::F(1));
    assert!(matches!(t.s.overlay, Some(Overlay::Help { .. })));
    t.plain(Esc);
    assert!(t.s.overlay.is_none());
}

#[test]
fn words_typed_while_the_scores_have_the_focus_go_to_the_notes_and_change_no_score() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let id = t.current();
    t.plain(Tab);
    t.typ("32");
    t.typ("Hun sa 4 ting");
    assert_eq!(t.s.focus, Focus::Notes);
    t.plain(Tab);
    t.typ(" x");
    assert_eq!(t.s.focus, Focus::Notes);
    let s = t.snap();
    assert_eq!(s.answers[&id].notes, "Hun sa 4 ting x");
    let sc = s.answers[&id].scores;
    assert_eq!(
        (sc.system, sc.extent, sc.results),
        (Some(int(3)), Some(int(2)), None),
        "a space never clears a score, a letter never sets one"
    );
}

#[test]
fn words_typed_while_the_findings_have_the_focus_go_to_the_notes() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let id = t.current();
    t.typ("Plan finnes");
    t.ctrl('k');
    t.plain(Enter);
    t.plain(Enter);
    t.plain(Tab);
    t.plain(Tab);
    assert_eq!(t.s.focus, Focus::Findings);
    t.typ("Kommunen 3 har en plan");
    let a = &t.snap().answers[&id];
    assert_eq!(a.notes, "Plan finnes\nKommunen 3 har en plan");
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].kind, FindingKind::Strength);
}

#[test]
fn a_removed_finding_comes_back_with_ctrl_z() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let id = t.current();
    t.typ("Plan finnes\nMangler mål");
    t.ctrl('k');
    t.plain(Enter);
    t.plain(Up);
    t.ctrl('k');
    t.plain(Enter);
    t.plain(Tab);
    t.plain(Tab);
    t.plain(Up);
    t.plain(Delete);
    assert_eq!(t.s.session.answers[&id].findings.len(), 1);
    assert!(t.s.notice.as_ref().unwrap().text.contains("Ctrl-Z"));
    t.ctrl('z');
    let texts: Vec<_> = t.s.session.answers[&id]
        .findings
        .iter()
        .map(|f| f.text.clone())
        .collect();
    assert_eq!(texts, ["Mangler mål", "Plan finnes"], "back in its place");
}

#[test]
fn the_same_line_cannot_become_two_findings_without_a_word() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let id = t.current();
    t.typ("Plan finnes");
    t.ctrl('k');
    t.plain(Enter);
    t.ctrl('k');
    t.plain(Tab); // a challenge this time
    t.plain(Enter);
    assert_eq!(t.s.session.answers[&id].findings.len(), 1);
    let notice = t.s.notice.clone().unwrap();
    assert!(
        notice.warning && notice.text.contains("styrke"),
        "{notice:?}"
    );
}

#[test]
fn completing_with_open_questions_asks_once_and_says_how_many() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    let open = t.s.card.coverage().open();
    t.ctrl('l');
    t.plain(Tab);
    t.plain(Enter);
    assert_eq!(t.s.session.status, Status::InProgress);
    let Some(Overlay::Confirm(Ask::Complete { open: asked })) = &t.s.overlay else {
        panic!("asked first: {:?}", t.s.overlay);
    };
    assert_eq!(*asked, open);
    t.plain(Enter); // a hurried Enter is no answer
    assert_eq!(t.s.session.status, Status::InProgress);
    t.typ("n");
    assert_eq!(t.s.session.status, Status::InProgress);
    assert!(t.s.overlay.is_none());
    t.plain(Enter);
    t.typ("j");
    assert_eq!(t.s.session.status, Status::Completed);
    t.plain(Enter); // back to in progress needs no question
    assert_eq!(t.s.session.status, Status::InProgress);
}

#[test]
fn f1_opens_the_help_in_every_prompt_and_the_dashboard_and_returns_to_it() {
    let bank = Bank::builtin();
    let mut t = T::new(&bank);
    for open in ['d', 'g', 'k'] {
        t.ctrl(open);
        t.plain(KeyCode::F(1));
        assert!(
            matches!(t.s.overlay, Some(Overlay::Help { under: Some(_), .. })),
            "Ctrl-{open}"
        );
        t.plain(Esc);
        assert!(
            !matches!(t.s.overlay, None | Some(Overlay::Help { .. })),
            "back in Ctrl-{open}"
        );
        t.plain(Esc);
        assert!(t.s.overlay.is_none());
    }
}
