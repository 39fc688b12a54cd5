//! What every fuzz target does with a file that parsed: everything the
//! program itself does with such a file, so that a panic anywhere on the way
//! (checks, scoring, merging, display) is found, not just in the parser.

use std::sync::OnceLock;

use kompass::core::bank::Bank;
use kompass::core::exact::{Exact, int};
use kompass::core::scoring;
use kompass::core::session::Scores;
use kompass::core::text;

/// The built-in bank, parsed once per process.
pub fn builtin() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(Bank::builtin)
}

/// Shows a text as the CLI and TUI would, and checks the promise of
/// `core::text`: nothing that a terminal obeys survives.
pub fn show(s: &str) {
    for shown in [text::one_line(s), text::multi_line(s)] {
        assert!(
            !shown
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{shown:?}"
        );
    }
}

/// Scores a bank that passed its checks the ways the program does: every
/// question at the lowest, a half step, the highest value; values that
/// differ from question to question (uniform values let each sub-area's sum
/// collapse to a round number and hide large denominators); and unscored.
pub fn score_everything(bank: &Bank) {
    let (min, max) = (i128::from(bank.scale_min()), i128::from(bank.scale_max()));
    let uniform = |v: i128| move |_: usize| int(v);
    let mixed = |i: usize| Exact::new(min * 2 + (i as i128 * 3) % ((max - min) * 2 + 1), 2);
    let patterns: [&dyn Fn(usize) -> Exact; 4] =
        [&uniform(min), &|_| int(max) / int(2), &uniform(max), &mixed];
    for value in patterns {
        let all: std::collections::BTreeMap<String, Scores> = bank
            .questions()
            .enumerate()
            .map(|(i, (_, q))| {
                let v = Some(value(i));
                (
                    q.id.clone(),
                    Scores {
                        system: v,
                        extent: Some(value(i + 1)),
                        results: v,
                    },
                )
            })
            .collect();
        let card = scoring::score(bank, &all, None);
        let _ = card.to_json();
        assert!(card.total <= bank.max_points(), "more points than the max");
    }
    let empty = std::collections::BTreeMap::<String, Scores>::new();
    assert_eq!(scoring::score(bank, &empty, None).total, int(0));
}
