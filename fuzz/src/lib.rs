//! What every fuzz target does with a file that parsed: everything the
//! program itself does with such a file, so that a panic anywhere on the way
//! (checks, scoring, merging, display) is found, not just in the parser.

use std::sync::OnceLock;

use kompass::core::bank::Bank;
use kompass::core::exact::int;
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
/// question at the lowest, a half step, the highest value, and unscored.
pub fn score_everything(bank: &Bank) {
    let max = int(i128::from(bank.scale_max()));
    for value in [int(i128::from(bank.scale_min())), max / int(2), max] {
        let all: std::collections::BTreeMap<String, Scores> = bank
            .questions()
            .map(|(_, q)| {
                let v = Some(value);
                (
                    q.id.clone(),
                    Scores {
                        system: v,
                        extent: v,
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
