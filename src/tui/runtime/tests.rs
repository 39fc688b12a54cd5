//! The loop fed through its channel, drawn on ratatui's `TestBackend`.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::people;
use crate::core::bank::Bank;
use crate::core::session::Session;

fn context(dir: &Path) -> Context {
    Context::new(Lang::En, Bank::builtin(), dir.to_owned())
}

fn surface() -> Surface<TestBackend> {
    Surface::new(Terminal::new(TestBackend::new(80, 24)).unwrap(), false)
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn text(s: &str) -> Vec<Event> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Runs `screen` on the events, then on a closed input, so that a loop
/// that does not end where the test expects still returns.
fn run<'b>(
    ctx: &'b Context,
    screen: Screen<'b>,
    events: impl IntoIterator<Item = Event>,
) -> (Exit, Runtime<'b, TestBackend>) {
    let channel = Events::default();
    let tx = channel.sender();
    for ev in events {
        tx.send(ev).unwrap();
    }
    tx.send(Event::InputClosed).unwrap();
    let mut runtime = Runtime::new(ctx, surface(), channel, screen);
    let exit = runtime.run();
    (exit, runtime)
}

fn new_interview<'b>(ctx: &'b Context, municipality: &str) -> Screen<'b> {
    let request = InterviewRequest::New {
        municipality: municipality.into(),
        interviewer: "Kari".into(),
        people: vec![people::person(&ctx.bank, "Ola", "mayor", ctx.lang).unwrap()],
    };
    interview_screen(ctx, &request).unwrap()
}

fn session_files(dir: &Path) -> Vec<PathBuf> {
    storage::json_files(&[dir.to_owned()]).unwrap()
}

fn only_session(dir: &Path) -> Session {
    let files = session_files(dir);
    assert_eq!(files.len(), 1, "{files:?}");
    Session::parse(&std::fs::read(&files[0]).unwrap()).unwrap()
}

fn all_notes(s: &Session) -> String {
    s.answers.values().map(|a| a.notes.as_str()).collect()
}

fn screen_text(runtime: &Runtime<TestBackend>) -> String {
    let buffer = runtime.surface().backend().buffer();
    buffer.content.iter().map(|c| c.symbol()).collect()
}

#[test]
fn typed_notes_reach_the_file_and_quit_ends_a_screen_opened_alone() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let mut events = text("Hello there");
    events.push(ctrl('q'));
    let (exit, runtime) = run(&ctx, new_interview(&ctx, "Eksempelvik"), events);
    assert!(matches!(exit, Exit::Done), "{exit:?}");
    assert!(matches!(runtime.screen(), Screen::Interview(_)));
    assert_eq!(all_notes(&only_session(dir.path())), "Hello there");
    let marker = storage::open_marker_path(&session_files(dir.path())[0]);
    assert!(!marker.exists(), "a clean quit removes the marker");
}

#[test]
fn a_termination_takes_in_the_keys_queued_behind_it_saves_and_holds_the_caller() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let (ack, saved) = mpsc::channel();
    let mut events = text("Before");
    events.push(Event::Terminate(Termination::Terminate, Some(ack)));
    events.extend(text(" after"));
    let (exit, _runtime) = run(&ctx, new_interview(&ctx, "Eksempelvik"), events);
    assert_eq!(all_notes(&only_session(dir.path())), "Before after");
    let Exit::Terminated(how, lines, sender) = exit else {
        panic!("{exit:?}");
    };
    assert_eq!(how, Termination::Terminate);
    assert!(lines.is_empty(), "{lines:?}");
    assert_eq!(saved.try_recv(), Err(mpsc::TryRecvError::Empty));
    drop(sender);
    assert_eq!(saved.try_recv(), Err(mpsc::TryRecvError::Disconnected));
}

#[test]
fn a_closed_terminal_ends_with_a_hangup_after_saving() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let (exit, _runtime) = run(&ctx, new_interview(&ctx, "Eksempelvik"), text("Kept"));
    assert!(
        matches!(exit, Exit::Terminated(Termination::Hangup, ref l, None) if l.is_empty()),
        "{exit:?}"
    );
    assert_eq!(all_notes(&only_session(dir.path())), "Kept");
}

#[test]
fn pasted_text_arrives_in_one_piece() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let events = [Event::Paste("line one\nline two".into()), ctrl('q')];
    let (exit, _runtime) = run(&ctx, new_interview(&ctx, "Eksempelvik"), events);
    assert!(matches!(exit, Exit::Done), "{exit:?}");
    assert_eq!(all_notes(&only_session(dir.path())), "line one\nline two");
}

#[test]
fn the_review_opened_from_the_start_screen_returns_to_it() {
    let dir = tempfile::tempdir().unwrap();
    storage::write_demo(dir.path()).unwrap();
    let ctx = context(dir.path());
    let sessions_before = session_files(dir.path()).len();
    let (exit, runtime) = run(
        &ctx,
        start_screen(&ctx),
        [key(KeyCode::Char('r')), key(KeyCode::Char('q'))],
    );
    assert!(
        matches!(exit, Exit::Terminated(Termination::Hangup, ..)),
        "{exit:?}"
    );
    assert!(matches!(runtime.screen(), Screen::Start(_)));
    let assessment = dir.path().join("eksempelvik").join("assessment.json");
    assert!(assessment.exists(), "the new review saved its assessment");
    assert_eq!(session_files(dir.path()).len(), sessions_before + 1);
    assert!(screen_text(&runtime).contains("Eksempelvik"));
}

#[test]
fn the_picker_opens_the_chosen_municipality_and_quit_ends_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    for municipality in ["Annenby", "Eksempelvik"] {
        let (exit, _) = run(&ctx, new_interview(&ctx, municipality), [ctrl('q')]);
        assert!(matches!(exit, Exit::Done));
    }
    let request = ReviewRequest {
        paths: vec![dir.path().to_owned()],
        ..ReviewRequest::default()
    };
    let screen = review_screen(&ctx, &request).unwrap();
    assert!(matches!(screen, Screen::Picker(_)));
    let (exit, runtime) = run(
        &ctx,
        screen,
        [key(KeyCode::Down), key(KeyCode::Enter), ctrl('q')],
    );
    assert!(matches!(exit, Exit::Done), "{exit:?}");
    let Screen::Review(r) = runtime.screen() else {
        panic!("the review is on screen");
    };
    assert_eq!(r.state.assessment().municipality, "Eksempelvik");
    assert!(
        dir.path()
            .join("eksempelvik")
            .join("assessment.json")
            .exists()
    );
}

#[test]
fn a_new_interview_from_the_form_returns_to_the_start_screen() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let mut events = vec![key(KeyCode::Char('n'))];
    events.extend(text("Eksempelvik"));
    events.push(key(KeyCode::Tab));
    events.extend(text("Kari"));
    events.push(key(KeyCode::Tab));
    events.extend(text("Ola"));
    events.push(key(KeyCode::Tab));
    events.extend(text("mayor"));
    events.push(ctrl('s'));
    events.extend(text("Notes"));
    events.push(ctrl('q'));
    let (exit, runtime) = run(&ctx, start_screen(&ctx), events);
    assert!(
        matches!(exit, Exit::Terminated(Termination::Hangup, ..)),
        "{exit:?}"
    );
    assert!(
        matches!(runtime.screen(), Screen::Start(_)),
        "{}",
        screen_text(&runtime)
    );
    assert_eq!(all_notes(&only_session(dir.path())), "Notes");
}

#[test]
fn a_form_that_cannot_become_an_interview_is_kept_with_the_reason() {
    // A data directory that cannot be made (under a file) stands in for
    // one without write access, which root (CI) would not feel.
    let base = tempfile::tempdir().unwrap();
    std::fs::write(base.path().join("fil"), b"").unwrap();
    let ctx = context(&base.path().join("fil").join("data"));
    let mut events = text("Eksempelvik");
    events.push(key(KeyCode::Tab));
    events.extend(text("Kari"));
    events.push(key(KeyCode::Tab));
    events.extend(text("Ola"));
    events.push(key(KeyCode::Tab));
    events.extend(text("mayor"));
    events.push(ctrl('s'));
    let form = Form::new(&ctx.bank, ctx.lang, vec![], None);
    let (_, mut runtime) = run(&ctx, Screen::Form(Box::new(form)), events);
    runtime.draw().unwrap();
    let shown = screen_text(&runtime);
    assert!(matches!(runtime.screen(), Screen::Form(_)), "{shown}");
    assert!(shown.contains("Cannot lock"), "{shown}");
    assert!(
        shown.contains("Eksempelvik") && shown.contains("Ola"),
        "{shown}"
    );
}
