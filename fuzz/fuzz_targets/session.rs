//! Session files: strict parse, the bank rules, scoring, display, and the
//! round trip (what was read is written back and read again unchanged).
#![no_main]

use kompass::core::scoring;
use kompass::core::session::Session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(session) = Session::parse(data) else {
        return;
    };
    let bank = kompass_fuzz::builtin();
    let problems = session.check(bank);
    for p in &problems {
        kompass_fuzz::show(&p.render("fuzz.json"));
    }
    kompass_fuzz::show(&session.municipality);
    for answer in session.answers.values() {
        kompass_fuzz::show(&answer.notes);
        for f in &answer.findings {
            kompass_fuzz::show(&f.text);
        }
    }
    if problems.iter().all(|p| p.warning) {
        let _ = scoring::score_session(bank, &session);
        let _ = session.progress(bank);
    }
    let again = Session::parse(&session.to_json()).expect("a written session reads back");
    assert_eq!(again, session);
});
