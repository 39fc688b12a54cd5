//! How alike two short texts are, and grouping texts that say the same thing.
//!
//! Offline and deterministic, for findings written by different interviewers
//! ("Høyt sykefravær i helse og omsorg", "Sykefraværet er høyt, særlig i
//! pleie og omsorg"):
//!
//! 1. **Normalise**: lowercase, split at everything that is not a letter or
//!    digit, drop function words ("og", "er", "the"), which say nothing of
//!    the point made. Negations ("ikke", "ingen", "mangler") are kept.
//! 2. **Stem** each word with the Snowball stemmer of the text's language
//!    (Norwegian, or English when a text has more English than Norwegian
//!    function words): "sykefraværet" and "sykefravær" become one stem.
//! 3. **Features**: the stems (words), and the character n-grams of each stem
//!    with its boundaries marked (`^fra`, `frav`, ..., `vær$`), so that a
//!    compound meets its parts ("sykefravær" and "fraværet" share "fravær").
//! 4. **Weights**: TF-IDF over the texts given (`(1 + ln tf) * idf`, a smoothed
//!    idf), each block (words, n-grams) scaled to unit length and weighted by
//!    [`Params::word_share`]; similarity is the cosine, a dot product of unit
//!    vectors, in 0..=1.
//! 5. **Groups**: average-linkage agglomerative clustering stopped at
//!    [`Params::threshold`]: two groups join while the mean similarity of
//!    all their cross pairs is at least the threshold. That mean is the dot
//!    product of the groups' summed vectors divided by both sizes, so no
//!    matrix of pairs is kept (memory grows with the text, not its square);
//!    the nearest-neighbour chain finds the same merges as the textbook
//!    algorithm in quadratic rather than cubic time.
//!
//! It compares words, not meaning: synonyms with no shared stem or n-gram
//! ("fravær" and "sykemeldinger") are not found to be alike.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// What the measure and the grouping depend on; [`PARAMS`] is the tuned set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Weight of the word block against the n-gram block (0..=1): the
    /// squared length of the word part of each vector.
    pub word_share: f32,
    /// Shortest and longest character n-gram.
    pub ngrams: (usize, usize),
    /// Least mean similarity at which two groups join.
    pub threshold: f32,
}

/// The least mean cosine similarity at which findings are suggested as one
/// group. Tuned on the tuning half of `tests/fixtures/findings_labelled.tsv`
/// (`cargo run --release --example tune_suggest`), reported on the other half
/// by `tests/suggest_quality.rs`.
pub const GROUP_THRESHOLD: f32 = 0.20;

/// The measure and threshold in use, tuned with [`GROUP_THRESHOLD`].
pub const PARAMS: Params = Params {
    word_share: 0.1,
    ngrams: (3, 5),
    threshold: GROUP_THRESHOLD,
};

/// Norwegian (bokmål and common nynorsk) function words. Hand-written rather
/// than a general list because those also drop words that carry the point
/// of a finding here ("ikke", "ingen", "mange", "noe").
#[rustfmt::skip]
const NB_STOP: &[&str] = &[
    "og", "i", "på", "til", "av", "for", "med", "om", "fra", "som", "at", "en", "et", "ei", "den",
    "det", "de", "dei", "der", "her", "har", "hadde", "er", "var", "vært", "blir", "ble", "bli",
    "være", "vere", "å", "seg", "sin", "sitt", "sine", "si", "vi", "oss", "man", "men", "eller",
    "så", "da", "når", "hvor", "kva", "hva", "også", "både", "ved", "mot", "under", "over",
    "etter", "inn", "ut", "opp", "ned", "hos", "mellom", "gjennom", "enn", "dette", "disse",
    "denne", "kan", "skal", "vil", "må", "bør", "kunne", "skulle", "ville", "får", "fått", "få",
    "hvis", "dersom", "alle", "litt", "veldig", "svært", "særlig", "spesielt", "blant", "nok",
    "jo", "vel", "nå", "han", "hun", "hen", "meg", "jeg", "eg", "deg", "du", "dem", "deres",
    "vår", "våre", "vårt", "noen", "slik", "sånn", "mye",
];

/// English function words, fewer: the findings are mostly Norwegian.
#[rustfmt::skip]
const EN_STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "with", "by", "from", "at",
    "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
    "those", "as", "but", "has", "have", "had", "there", "their", "they", "we", "our", "which",
    "who", "very", "also", "into", "than", "so", "can", "will", "should", "would", "about",
];

/// The language a text is stemmed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    Norwegian,
    English,
}

/// English when the text has more English than Norwegian function words;
/// Norwegian otherwise (the usual case, and the default for a bare phrase).
fn language(words: &[&str]) -> Language {
    let en = words.iter().filter(|w| EN_STOP.contains(w)).count();
    let nb = words.iter().filter(|w| NB_STOP.contains(w)).count();
    if en > nb {
        Language::English
    } else {
        Language::Norwegian
    }
}

/// The stems of a text's content words, in order: the normalisation and
/// stemming steps of the module documentation.
pub fn stems(text: &str) -> Vec<String> {
    Stemmers::new().stems(text)
}

struct Stemmers {
    norwegian: Stemmer,
    english: Stemmer,
}

impl Stemmers {
    fn new() -> Stemmers {
        Stemmers {
            norwegian: Stemmer::create(Algorithm::Norwegian),
            english: Stemmer::create(Algorithm::English),
        }
    }

    fn stems(&self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let (stemmer, stop) = match language(&words) {
            Language::Norwegian => (&self.norwegian, NB_STOP),
            Language::English => (&self.english, EN_STOP),
        };
        words
            .into_iter()
            .filter(|w| !stop.contains(w))
            .map(|w| stemmer.stem(w).into_owned())
            .collect()
    }
}

/// A sparse vector: (feature, weight) sorted by feature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec(Vec<(u32, f32)>);

impl SparseVec {
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// `self + other`, both sorted, so the result is too.
    fn add(&self, other: &SparseVec) -> SparseVec {
        let (a, b) = (&self.0, &other.0);
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
                out.push(a[i]);
                i += 1;
            } else if i == a.len() || b[j].0 < a[i].0 {
                out.push(b[j]);
                j += 1;
            } else {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
        SparseVec(out)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The two blocks of features, kept apart so each can be weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Block {
    Word,
    Ngram,
}

/// One text's features with their counts, before weighting.
type Counts = Vec<(u32, Block, u32)>;

/// The unit vectors of `texts` (TF-IDF over these texts), one per text in
/// order. A text with no content word gets the empty vector, alike to nothing.
pub fn vectors(texts: &[&str], params: &Params) -> Vec<SparseVec> {
    let stemmers = Stemmers::new();
    // Features are numbered in the order first met, so the vectors, and
    // everything computed from them, are the same from run to run.
    let mut ids: HashMap<(Block, String), u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let counted: Vec<Counts> = texts
        .iter()
        .map(|text| {
            let mut counts: HashMap<u32, (Block, u32)> = HashMap::new();
            let mut add = |block: Block, feature: String| {
                let next = ids.len() as u32;
                let id = *ids.entry((block, feature)).or_insert(next);
                counts.entry(id).or_insert((block, 0)).1 += 1;
            };
            for stem in stemmers.stems(text) {
                let marked: Vec<char> = std::iter::once('^')
                    .chain(stem.chars())
                    .chain(std::iter::once('$'))
                    .collect();
                for n in params.ngrams.0..=params.ngrams.1 {
                    for gram in marked.windows(n) {
                        add(Block::Ngram, gram.iter().collect());
                    }
                }
                add(Block::Word, stem);
            }
            let mut counts: Counts = counts.into_iter().map(|(id, (b, n))| (id, b, n)).collect();
            counts.sort_unstable_by_key(|&(id, _, _)| id);
            df.resize(ids.len(), 0);
            for &(id, _, _) in &counts {
                df[id as usize] += 1;
            }
            counts
        })
        .collect();
    let n = texts.len() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    counted
        .into_iter()
        .map(|counts| weigh(counts, &idf, params.word_share))
        .collect()
}

/// TF-IDF weights, each block scaled to length √share so the whole is a unit
/// vector (or a block alone when the other is empty).
fn weigh(counts: Counts, idf: &[f32], word_share: f32) -> SparseVec {
    let raw: Vec<(u32, Block, f32)> = counts
        .into_iter()
        .map(|(id, b, tf)| (id, b, (1.0 + (tf as f32).ln()) * idf[id as usize]))
        .collect();
    let norm = |block: Block| {
        raw.iter()
            .filter(|(_, b, _)| *b == block)
            .map(|(_, _, w)| w * w)
            .sum::<f32>()
            .sqrt()
    };
    let (words, ngrams) = (norm(Block::Word), norm(Block::Ngram));
    let share = |block: Block| match (words > 0.0, ngrams > 0.0) {
        (true, true) if block == Block::Word => word_share.sqrt() / words,
        (true, true) => (1.0 - word_share).sqrt() / ngrams,
        _ if block == Block::Word => 1.0 / words,
        _ => 1.0 / ngrams,
    };
    let (word_scale, ngram_scale) = (share(Block::Word), share(Block::Ngram));
    SparseVec(
        raw.into_iter()
            .map(|(id, b, w)| {
                let scale = if b == Block::Word {
                    word_scale
                } else {
                    ngram_scale
                };
                (id, w * scale)
            })
            .collect(),
    )
}

/// A group being built: its members and the sum of their vectors.
struct Cluster {
    members: Vec<usize>,
    sum: SparseVec,
}

impl Cluster {
    /// Mean similarity over all pairs with one member in each.
    fn linkage(&self, other: &Cluster) -> f32 {
        self.sum.dot(&other.sum) / (self.members.len() * other.members.len()) as f32
    }
}

/// Groups `items` (indices into `vectors`) by average linkage down to
/// `threshold`. Every item is in exactly one group; groups come in the order
/// of their first member in `items`, members in the order of `items`.
pub fn cluster(vectors: &[SparseVec], items: &[usize], threshold: f32) -> Vec<Vec<usize>> {
    let mut active: Vec<Option<Cluster>> = items
        .iter()
        .map(|&i| {
            Some(Cluster {
                members: vec![i],
                sum: vectors[i].clone(),
            })
        })
        .collect();
    let mut done: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut left = active.len();
    // The nearest-neighbour chain: each slot's nearest neighbour is the next;
    // two slots nearest to each other are merged. Average linkage never
    // brings two groups closer by merging a third, so a group whose
    // nearest is below the threshold is final, and the merges are those of
    // the greedy algorithm.
    let mut chain: Vec<usize> = Vec::new();
    while left > 0 {
        if chain.is_empty() {
            let first = active.iter().position(Option::is_some).expect("left > 0");
            chain.push(first);
        }
        let top = *chain.last().expect("not empty");
        let previous = chain.len().checked_sub(2).map(|i| chain[i]);
        let here = active[top].as_ref().expect("chain holds active slots");
        let mut best: Option<(usize, f32)> = None;
        for (slot, other) in active.iter().enumerate() {
            let Some(other) = other.as_ref().filter(|_| slot != top) else {
                continue;
            };
            let s = here.linkage(other);
            // On a tie the previous link of the chain wins (so the chain
            // ends), then the lowest slot.
            let better = match best {
                None => true,
                Some((b, bs)) => s > bs || (s == bs && Some(slot) == previous && b != slot),
            };
            if better {
                best = Some((slot, s));
            }
        }
        match best {
            Some((near, s)) if s >= threshold => {
                if Some(near) == previous {
                    chain.truncate(chain.len() - 2);
                    let (low, high) = (top.min(near), top.max(near));
                    let b = active[high].take().expect("active");
                    let a = active[low].take().expect("active");
                    let mut members = a.members;
                    members.extend(b.members);
                    active[low] = Some(Cluster {
                        members,
                        sum: a.sum.add(&b.sum),
                    });
                    left -= 1;
                } else {
                    chain.push(near);
                }
            }
            _ => {
                chain.pop();
                let c = active[top].take().expect("active");
                done.push((top, c.members));
                left -= 1;
            }
        }
    }
    let position: HashMap<usize, usize> = items.iter().enumerate().map(|(p, &i)| (i, p)).collect();
    let mut groups: Vec<Vec<usize>> = done
        .into_iter()
        .map(|(_, mut members)| {
            members.sort_by_key(|m| position[m]);
            members
        })
        .collect();
    groups.sort_by_key(|g| position[&g[0]]);
    groups
}

/// The most central member of a group: the one with the highest summed
/// similarity to the others; on a tie the first.
pub fn central(vectors: &[SparseVec], members: &[usize]) -> usize {
    let sum = members
        .iter()
        .fold(SparseVec::default(), |acc, &m| acc.add(&vectors[m]));
    let mut best = members[0];
    let mut best_score = f32::NEG_INFINITY;
    for &m in members {
        let score = vectors[m].dot(&sum);
        if score > best_score {
            best = m;
            best_score = score;
        }
    }
    best
}

/// Mean similarity between two groups of items.
pub fn linkage(vectors: &[SparseVec], a: &[usize], b: &[usize]) -> f32 {
    let sum = |items: &[usize]| {
        items
            .iter()
            .fold(SparseVec::default(), |acc, &m| acc.add(&vectors[m]))
    };
    sum(a).dot(&sum(b)) / (a.len() * b.len()) as f32
}

/// Groups texts within their cells as the suggestions do (weights over all
/// the texts, clusters within each cell) and returns each text's group
/// number: how the labelled findings are scored.
pub fn group_within<C: Ord>(texts: &[&str], cells: &[C], params: &Params) -> Vec<usize> {
    use std::collections::BTreeMap;
    let vectors = vectors(texts, params);
    let mut by_cell: BTreeMap<&C, Vec<usize>> = BTreeMap::new();
    for (i, c) in cells.iter().enumerate() {
        by_cell.entry(c).or_default().push(i);
    }
    let mut label = vec![0; texts.len()];
    let mut next = 0;
    for items in by_cell.values() {
        for group in cluster(&vectors, items, params.threshold) {
            for i in group {
                label[i] = next;
            }
            next += 1;
        }
    }
    label
}

/// The adjusted Rand index of a grouping against the true one, counting only
/// pairs within the same cell (items of different cells are never grouped).
/// `cells[i]`, `truth[i]` and `found[i]` are item i's cell and labels.
/// 1 is perfect agreement; 0 is what chance (or putting everything in one
/// group, or nothing together) gives.
pub fn adjusted_rand_within<C: Ord, T: Ord, F: Ord>(cells: &[C], truth: &[T], found: &[F]) -> f64 {
    use std::collections::BTreeMap;
    let pairs = |n: u64| (n * n.saturating_sub(1) / 2) as f64;
    let mut by_cell: BTreeMap<&C, Vec<usize>> = BTreeMap::new();
    for (i, c) in cells.iter().enumerate() {
        by_cell.entry(c).or_default().push(i);
    }
    let (mut index, mut expected, mut max) = (0.0, 0.0, 0.0);
    for items in by_cell.values() {
        let mut joint: BTreeMap<(&T, &F), u64> = BTreeMap::new();
        let mut rows: BTreeMap<&T, u64> = BTreeMap::new();
        let mut cols: BTreeMap<&F, u64> = BTreeMap::new();
        for &i in items {
            *joint.entry((&truth[i], &found[i])).or_default() += 1;
            *rows.entry(&truth[i]).or_default() += 1;
            *cols.entry(&found[i]).or_default() += 1;
        }
        let a: f64 = rows.values().map(|&n| pairs(n)).sum();
        let b: f64 = cols.values().map(|&n| pairs(n)).sum();
        let all = pairs(items.len() as u64);
        index += joint.values().map(|&n| pairs(n)).sum::<f64>();
        if all > 0.0 {
            expected += a * b / all;
        }
        max += (a + b) / 2.0;
    }
    if max == expected {
        // Both groupings trivial in the same way: no information either way.
        return if index == max { 1.0 } else { 0.0 };
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str, corpus: &[&str]) -> f32 {
        let mut texts = vec![a, b];
        texts.extend_from_slice(corpus);
        let v = vectors(&texts, &PARAMS);
        v[0].dot(&v[1])
    }

    #[test]
    fn stems_ignore_case_punctuation_inflection_and_function_words() {
        assert_eq!(
            stems("Sykefraværet er HØYT, særlig i pleie og omsorg!"),
            stems("sykefravær høyt pleie omsorg")
        );
        assert_eq!(stems("Høyt sykefravær")[1], stems("sykefraværet")[0]);
        assert_eq!(
            stems("The budget is not followed up"),
            ["budget", "not", "follow", "up"]
        );
        assert!(stems("ikke ingen").len() == 2, "negations are kept");
        assert!(stems(" ,.; ").is_empty());
    }

    #[test]
    fn vectors_are_unit_and_similarity_survives_inflection_and_compounds() {
        let corpus = [
            "Gode rutiner for budsjettoppfølging",
            "Nettsidene er vanskelige å bruke",
            "Lite samarbeid mellom skolene",
        ];
        let v = vectors(&corpus, &PARAMS);
        for x in &v {
            assert!((x.dot(x) - 1.0).abs() < 1e-5);
        }
        let same = sim(
            "Høyt sykefravær i helse og omsorg",
            "Sykefraværet er høyt, særlig i pleie og omsorg",
            &corpus,
        );
        let compound = sim(
            "Sykefraværet er høyt i omsorg",
            "Fraværet blant ansatte i omsorgstjenesten er høyt",
            &corpus,
        );
        let other = sim(
            "Høyt sykefravær i helse og omsorg",
            "Nettsidene er vanskelige å bruke",
            &corpus,
        );
        assert!(same > PARAMS.threshold, "{same}");
        assert!(compound > other + 0.1, "{compound} vs {other}");
        assert!(other < 0.1, "{other}");
        assert_eq!(vectors(&[" - "], &PARAMS)[0], SparseVec::default());
    }

    #[test]
    fn clusters_by_average_linkage_deterministically() {
        let texts = [
            "Høyt sykefravær i helse og omsorg",
            "Nettsidene er vanskelige å bruke",
            "Sykefraværet er høyt, særlig i pleie og omsorg",
            "Nettsiden er vanskelig å finne fram på",
            "Kommunen har god økonomistyring",
            "Høyt sykefravær i pleie og omsorg",
        ];
        let v = vectors(&texts, &PARAMS);
        let all: Vec<usize> = (0..texts.len()).collect();
        let groups = cluster(&v, &all, PARAMS.threshold);
        assert_eq!(groups, vec![vec![0, 2, 5], vec![1, 3], vec![4]]);
        assert_eq!(central(&v, &groups[0]), 2);
        // The order of the items does not change which groups are found.
        let reversed: Vec<usize> = all.iter().rev().copied().collect();
        let mut again = cluster(&v, &reversed, PARAMS.threshold);
        for g in &mut again {
            g.sort();
        }
        again.sort();
        let mut sorted = groups.clone();
        sorted.sort();
        assert_eq!(again, sorted);
        assert!(cluster(&v, &[], 0.3).is_empty());
        assert_eq!(cluster(&v, &all, 1.1).len(), texts.len());
        assert_eq!(cluster(&v, &all, -1.0).len(), 1);
        assert!(linkage(&v, &[0], &[2]) > linkage(&v, &[0], &[1]));
    }

    #[test]
    fn adjusted_rand_index_is_one_when_equal_and_zero_for_trivial_groupings() {
        let cells = ["a", "a", "a", "a", "b", "b", "b"];
        let truth = [1, 1, 2, 2, 3, 3, 4];
        assert_eq!(adjusted_rand_within(&cells, &truth, &truth), 1.0);
        let one = [0; 7];
        assert_eq!(adjusted_rand_within(&cells, &truth, &one), 0.0);
        let alone: Vec<usize> = (0..7).collect();
        assert_eq!(adjusted_rand_within(&cells, &truth, &alone), 0.0);
        let partly = [1, 1, 2, 5, 3, 3, 3];
        let ari = adjusted_rand_within(&cells, &truth, &partly);
        assert!(ari > 0.0 && ari < 1.0, "{ari}");
        // Pairs across cells do not count: the same labels in two cells.
        let across = [7, 7, 8, 8, 7, 7, 8];
        assert_eq!(adjusted_rand_within(&cells, &truth, &across), 1.0);
    }
}
