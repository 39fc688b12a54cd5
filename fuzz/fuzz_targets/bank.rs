//! Question banks (`--bank FILE`, `bank check`): strict parse, every rule,
//! and, for a bank that passes, scoring at the extremes of its scale.
#![no_main]

use kompass::core::bank::Bank;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(bank) = Bank::parse_unchecked(data.to_vec()) else {
        return;
    };
    let problems = bank.check();
    for p in &problems {
        kompass_fuzz::show(&p.render("fuzz.json"));
    }
    if problems.iter().all(|p| p.warning) {
        kompass_fuzz::score_everything(&bank);
    }
});
