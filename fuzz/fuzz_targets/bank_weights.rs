//! The shipped bank's structure with generated weights: exact scoring
//! must either refuse the bank (`check`) or score it without overflow.
//! Whole-file mutation rarely changes many weights at once; this does.
#![no_main]

use kompass::core::bank::Bank;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|weights: Vec<(u32, u8)>| {
    if weights.is_empty() {
        return;
    }
    let mut v: serde_json::Value = serde_json::from_slice(&kompass_fuzz::builtin().bytes).unwrap();
    let positions: Vec<_> = kompass_fuzz::builtin()
        .questions()
        .map(|(p, _)| p)
        .collect();
    for (i, p) in positions.iter().enumerate() {
        let (mantissa, decimals) = weights[i % weights.len()];
        // A decimal with up to 9 places, as a bank file may hold.
        let text = format!("{}e-{}", mantissa.max(1), decimals % 10);
        let number: serde_json::Number = text.parse().unwrap();
        v["areas"][p.area]["subareas"][p.subarea]["questions"][p.question]["weight"] =
            serde_json::Value::Number(number);
    }
    let Ok(bank) = Bank::parse(serde_json::to_vec(&v).unwrap()) else {
        return;
    };
    kompass_fuzz::score_everything(&bank);
});
