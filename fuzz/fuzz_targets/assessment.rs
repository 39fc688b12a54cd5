//! Assessment files: strict parse, the bank rules, and reconciled scoring
//! for one that passes; the round trip as for sessions.
#![no_main]

use kompass::core::assessment::Assessment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(assessment) = Assessment::parse(data) else {
        return;
    };
    let bank = kompass_fuzz::builtin();
    let problems = assessment.check(bank);
    for p in &problems {
        kompass_fuzz::show(&p.render("fuzz.json"));
    }
    if problems.iter().all(|p| p.warning) {
        let card = assessment.scorecard(bank);
        assert!(card.total <= card.max, "more points than the max");
    }
    let again = Assessment::parse(&assessment.to_json()).expect("a written assessment reads back");
    assert_eq!(again, assessment);
});
