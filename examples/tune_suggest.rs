//! Chooses the constants of suggested groups (issue 18) on the "tune" half
//! of the labelled findings: every combination of the grid is scored by
//! the adjusted Rand index within cells and the best printed, with the
//! held-out score of that one choice (never used to choose).
//!
//!     cargo run --release --example tune_suggest

#[path = "../tests/common/labelled.rs"]
mod labelled;

use kompass::core::similarity::{PARAMS, Params};

fn main() {
    let rows = labelled::load();
    let tune = labelled::set(&rows, "tune");
    let test = labelled::set(&rows, "test");
    // (ARI, ARI averaged over thresholds within ±0.03, params)
    let mut results: Vec<(f64, f64, Params)> = Vec::new();
    for ngrams in [(2, 4), (3, 4), (3, 5), (4, 5), (3, 6)] {
        for share in 0..=10 {
            let scores: Vec<(f64, Params)> = (5..=60)
                .map(|t| {
                    let params = Params {
                        word_share: share as f32 / 10.0,
                        ngrams,
                        threshold: t as f32 / 100.0,
                    };
                    (labelled::ari(&tune, &params), params)
                })
                .collect();
            for (i, (ari, params)) in scores.iter().enumerate() {
                let near = &scores[i.saturating_sub(3)..(i + 4).min(scores.len())];
                let smooth = near.iter().map(|(a, _)| a).sum::<f64>() / near.len() as f64;
                results.push((*ari, smooth, *params));
            }
        }
    }
    // Best first; among equals the one whose neighbours do best too (a
    // plateau, not a spike), then the higher threshold (surer groups).
    results.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(b.2.threshold.total_cmp(&a.2.threshold))
    });
    println!("best on the tune half ({} findings):", tune.len());
    for (ari, smooth, p) in results.iter().take(10) {
        println!(
            "  ARI {ari:.3} (±0.03: {smooth:.3})  word_share {:.1}  ngrams {:?}  threshold {:.2}",
            p.word_share, p.ngrams, p.threshold
        );
    }
    println!(
        "in use: word_share {:.1} ngrams {:?} threshold {:.2}: tune {:.3}, held out ({} findings) {:.3}",
        PARAMS.word_share,
        PARAMS.ngrams,
        PARAMS.threshold,
        labelled::ari(&tune, &PARAMS),
        test.len(),
        labelled::ari(&test, &PARAMS)
    );
}
