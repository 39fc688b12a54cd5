//! Priorities from the closing workshop, grouped by theme and counted.
//!
//! The same theme comes back in many words ("Bedre intern kommunikasjon",
//! "Styrke internkommunikasjonen"), so each priority is reduced to key terms:
//! lowercased, split into words, Norwegian filler words dropped ("bedre",
//! "mer", "styrke", "og", ...), and simple suffixes stripped ("-ene", "-er",
//! "-en", "-et", "-a", ...). A word also carries any other term of the list
//! that begins or ends it, so compounds meet their parts
//! ("internkommunikasjon" has "intern" and "kommunikasjon").
//!
//! Grouping is greedy, so that one shared word cannot chain unrelated themes
//! together: the term most priorities share forms a group of all of them,
//! then the next among those left, until no term is shared; the rest stand
//! alone. The reviewer can then rename, merge and split groups.

use std::collections::{BTreeMap, BTreeSet};

use super::ReviewError;
use crate::core::assessment::{PriorityGroup, PriorityItem};

/// Words that say how much or how well, or name what every priority is
/// about (the municipality, a plan, a strategy): they never make a theme.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "å", "og", "i", "på", "til", "av", "for", "med", "om", "fra", "som", "at", "en", "et", "ei",
    "den", "det", "de", "der", "har", "skal", "må", "bør", "vil", "kan", "være", "bli", "blir",
    "er", "ikke", "alle", "sin", "sitt", "sine", "vår", "våre", "hele", "gjennom", "mellom",
    "innen", "inn", "ut", "opp", "ny", "nye", "nytt", "bedre", "best", "god", "gode", "godt",
    "mer", "mye", "flere", "mindre", "økt", "øke", "økende", "styrke", "styrket", "styrking",
    "forbedre", "forbedring", "videreutvikle", "utvikle", "utvikling", "sikre", "satse",
    "satsing", "fokus", "fokusere", "prioritere", "tydelig", "tydeligere", "arbeid", "arbeidet",
    "jobbe", "kommune", "kommunen", "kommunens", "kommunes", "felles", "faktisk", "enhet",
    "enheten", "enhetene", "enheter", "strategi", "strategien", "plan", "planen", "system",
    "systemet",
];

/// Suffixes stripped from a word, longest first.
const SUFFIXES: &[&str] = &[
    "erne", "ene", "ane", "ens", "ers", "ets", "er", "en", "et", "ar", "a", "e",
];

/// Stems shorter than this are left whole ("leder" stays, not "led"; its
/// plural "lederne" becomes "ledern", which still begins with "leder").
const MIN_STEM: usize = 4;
/// A term must be at least this long to be found inside a compound.
const MIN_PART: usize = 5;

/// A word reduced to its stem: `"innbyggerne"` -> `"innbygg"`.
pub fn stem(word: &str) -> String {
    let chars = word.chars().count();
    for suffix in SUFFIXES {
        let n = suffix.chars().count();
        if word.ends_with(suffix) && chars - n >= MIN_STEM {
            return word[..word.len() - suffix.len()].to_owned();
        }
    }
    word.to_owned()
}

/// The words of a priority that can carry a theme, with their stems.
fn words(text: &str) -> Vec<(String, String)> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(w))
        .map(|w| (w.to_owned(), stem(w)))
        .collect()
}

/// The key terms of a priority given the stems of the list that may be
/// found inside a compound (`parts`).
fn keys(text: &str, parts: &Parts) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, s) in words(text) {
        for k in &parts.0 {
            if k != &s && (s.starts_with(k.as_str()) || s.ends_with(k.as_str())) {
                out.insert(k.clone());
            }
        }
        out.insert(s);
    }
    out
}

/// Every stem of a list long enough to be found inside a compound.
struct Parts(Vec<String>);

fn known_parts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Parts {
    let stems: BTreeSet<String> = texts.into_iter().flat_map(words).map(|(_, s)| s).collect();
    Parts(
        stems
            .into_iter()
            .filter(|s| s.chars().count() >= MIN_PART)
            .collect(),
    )
}

/// Groups priorities by theme (see the module documentation). Groups come
/// largest first; priorities sharing no term with another stand alone, in
/// the order given.
pub fn group(items: Vec<PriorityItem>) -> Vec<PriorityGroup> {
    let known = known_parts(items.iter().map(|i| i.text.as_str()));
    let mut left: Vec<(PriorityItem, BTreeSet<String>)> = items
        .into_iter()
        .map(|i| {
            let k = keys(&i.text, &known);
            (i, k)
        })
        .collect();
    let mut groups = Vec::new();
    loop {
        // The term most priorities share; on a tie the longer, more specific
        // one, then the one met first.
        let mut count: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut order = 0;
        for (_, keys) in &left {
            for k in keys {
                let e = count.entry(k).or_insert((0, order));
                e.0 += 1;
                order += 1;
            }
        }
        let Some(best) = count
            .iter()
            .filter(|(_, (n, _))| *n >= 2)
            .max_by_key(|(k, (n, first))| (*n, k.chars().count(), std::cmp::Reverse(*first)))
            .map(|(k, _)| k.to_string())
        else {
            break;
        };
        let (taken, rest): (Vec<_>, Vec<_>) =
            left.into_iter().partition(|(_, k)| k.contains(&best));
        left = rest;
        let items: Vec<PriorityItem> = taken.into_iter().map(|(i, _)| i).collect();
        groups.push(PriorityGroup {
            theme: theme_label(&best, &items),
            items,
        });
    }
    groups.extend(left.into_iter().map(|(item, _)| PriorityGroup {
        theme: item.text.clone(),
        items: vec![item],
    }));
    groups
}

/// Names a group after its term: the word of the group that stems to it
/// most often (shortest on a tie), else the term itself, capitalized.
fn theme_label(term: &str, items: &[PriorityItem]) -> String {
    let mut forms: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        for (word, s) in words(&item.text) {
            if s == term {
                *forms.entry(word).or_default() += 1;
            }
        }
    }
    let word = forms
        .into_iter()
        .max_by_key(|(w, n)| (*n, std::cmp::Reverse(w.chars().count())))
        .map_or_else(|| term.to_owned(), |(w, _)| w);
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Places new priorities among existing groups: each joins the largest group
/// it shares a term with (the terms every item of a group shares, or any of
/// its terms when they share none, as after a reviewer's merge); the rest
/// are grouped among themselves and added after.
pub fn place(groups: &mut Vec<PriorityGroup>, items: Vec<PriorityItem>) {
    let known = known_parts(
        groups
            .iter()
            .flat_map(|g| &g.items)
            .chain(&items)
            .map(|i| i.text.as_str()),
    );
    let signatures: Vec<BTreeSet<String>> = groups
        .iter()
        .map(|g| {
            let sets: Vec<BTreeSet<String>> =
                g.items.iter().map(|i| keys(&i.text, &known)).collect();
            let shared = sets
                .iter()
                .skip(1)
                .fold(sets.first().cloned().unwrap_or_default(), |acc, s| {
                    acc.intersection(s).cloned().collect()
                });
            if shared.is_empty() {
                sets.into_iter().flatten().collect()
            } else {
                shared
            }
        })
        .collect();
    let mut rest = Vec::new();
    for item in items {
        let k = keys(&item.text, &known);
        let target = (0..groups.len())
            .filter(|&g| !signatures[g].is_disjoint(&k))
            .max_by_key(|&g| (groups[g].items.len(), std::cmp::Reverse(g)));
        match target {
            Some(g) => groups[g].items.push(item),
            None => rest.push(item),
        }
    }
    groups.extend(group(rest));
}

/// Adds a priority the evaluators were given themselves (the council's
/// workshop): placed like the interviews' ones, with a theme it shares or in
/// a group of its own. Returns the index of its group.
pub fn add(groups: &mut Vec<PriorityGroup>, text: &str) -> Result<usize, ReviewError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ReviewError::EmptyText);
    }
    let item = PriorityItem {
        session: String::new(),
        text: text.to_owned(),
        own: true,
    };
    place(groups, vec![item.clone()]);
    Ok(groups
        .iter()
        .position(|g| g.items.contains(&item))
        .expect("just placed"))
}

fn check_group(groups: &[PriorityGroup], index: usize) -> Result<(), ReviewError> {
    if index < groups.len() {
        Ok(())
    } else {
        Err(ReviewError::NoSuchGroup(index))
    }
}

/// Gives a group another theme.
pub fn rename(groups: &mut [PriorityGroup], index: usize, theme: &str) -> Result<(), ReviewError> {
    check_group(groups, index)?;
    let theme = theme.trim();
    if theme.is_empty() {
        return Err(ReviewError::EmptyText);
    }
    groups[index].theme = theme.to_owned();
    Ok(())
}

/// Merges groups into the first one named (its theme is kept); returns the
/// merged group's index.
pub fn merge(groups: &mut Vec<PriorityGroup>, indices: &[usize]) -> Result<usize, ReviewError> {
    let mut sorted: Vec<usize> = indices.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() < 2 {
        return Err(ReviewError::NeedTwo);
    }
    for &i in &sorted {
        check_group(groups, i)?;
    }
    let target = indices[0];
    let mut moved = Vec::new();
    for &i in sorted.iter().rev() {
        if i != target {
            moved.push(groups.remove(i));
        }
    }
    let target = target - sorted.iter().filter(|&&i| i < target).count();
    for g in moved.into_iter().rev() {
        groups[target].items.extend(g.items);
    }
    Ok(target)
}

/// Moves one priority out of its group into a group of its own, placed right
/// after; a group left empty disappears. Returns the new group's index.
pub fn split(
    groups: &mut Vec<PriorityGroup>,
    index: usize,
    item: usize,
) -> Result<usize, ReviewError> {
    check_group(groups, index)?;
    if item >= groups[index].items.len() {
        return Err(ReviewError::NoSuchItem(item));
    }
    if groups[index].items.len() == 1 {
        return Ok(index);
    }
    let taken = groups[index].items.remove(item);
    groups.insert(
        index + 1,
        PriorityGroup {
            theme: taken.text.clone(),
            items: vec![taken],
        },
    );
    Ok(index + 1)
}

/// Moves one priority to another group; a group left empty disappears.
pub fn move_item(
    groups: &mut Vec<PriorityGroup>,
    from: usize,
    item: usize,
    to: usize,
) -> Result<(), ReviewError> {
    check_group(groups, from)?;
    check_group(groups, to)?;
    if item >= groups[from].items.len() {
        return Err(ReviewError::NoSuchItem(item));
    }
    if from == to {
        return Ok(());
    }
    let taken = groups[from].items.remove(item);
    groups[to].items.push(taken);
    if groups[from].items.is_empty() {
        groups.remove(from);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(texts: &[&str]) -> Vec<PriorityItem> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| PriorityItem {
                session: format!("s{}", i % 4),
                text: (*t).to_owned(),
                own: false,
            })
            .collect()
    }

    fn themes(groups: &[PriorityGroup]) -> Vec<(String, Vec<String>)> {
        groups
            .iter()
            .map(|g| {
                (
                    g.theme.clone(),
                    g.items.iter().map(|i| i.text.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn stems_norwegian_suffixes() {
        assert_eq!(stem("innbyggerne"), "innbygg");
        assert_eq!(stem("innbygger"), "innbygg");
        assert_eq!(stem("tjenestene"), "tjenest");
        assert_eq!(stem("tjenester"), "tjenest");
        assert_eq!(stem("ledere"), "leder");
        assert_eq!(stem("leder"), "leder");
        assert_eq!(stem("klimaplanen"), "klimaplan");
        assert_eq!(stem("plan"), "plan");
        assert_eq!(stem("interne"), "intern");
    }

    #[test]
    fn workshop_priorities_group_by_theme() {
        let groups = group(items(&[
            "Bedre intern kommunikasjon",
            "Mer involvering av innbyggerne",
            "Styrke internkommunikasjonen",
            "Lederutvikling",
            "Økt innbyggerinvolvering",
            "Lederne må få mer opplæring",
            "Rekruttere flere sykepleiere",
            "Kompetanseutvikling for ledere",
            "Bedre rekruttering av fagfolk",
            "Intern kommunikasjon på tvers av sektorene",
            "Digitalisering av tjenestene",
            "Oppfølging av klimaplanen",
            "Mer digitalisering!",
            "Følge opp klimaplanen",
            "Boligbygging",
        ]));
        let t = themes(&groups);
        assert_eq!(
            t[0],
            (
                "Kommunikasjon".to_owned(),
                vec![
                    "Bedre intern kommunikasjon".to_owned(),
                    "Styrke internkommunikasjonen".to_owned(),
                    "Intern kommunikasjon på tvers av sektorene".to_owned(),
                ]
            ),
            "{t:#?}"
        );
        let find = |text: &str| {
            groups
                .iter()
                .position(|g| g.items.iter().any(|i| i.text == text))
                .unwrap()
        };
        assert_eq!(
            find("Mer involvering av innbyggerne"),
            find("Økt innbyggerinvolvering")
        );
        assert_eq!(
            find("Lederutvikling"),
            find("Kompetanseutvikling for ledere")
        );
        assert_eq!(find("Lederutvikling"), find("Lederne må få mer opplæring"));
        assert_eq!(
            find("Rekruttere flere sykepleiere"),
            find("Bedre rekruttering av fagfolk")
        );
        assert_eq!(
            find("Digitalisering av tjenestene"),
            find("Mer digitalisering!")
        );
        assert_eq!(
            find("Oppfølging av klimaplanen"),
            find("Følge opp klimaplanen")
        );
        assert_ne!(find("Lederutvikling"), find("Rekruttere flere sykepleiere"));
        assert_ne!(
            find("Bedre intern kommunikasjon"),
            find("Mer involvering av innbyggerne")
        );
        assert_eq!(
            groups.iter().map(|g| g.items.len()).sum::<usize>(),
            15,
            "nothing lost"
        );
        let last = groups.last().unwrap();
        assert_eq!((last.theme.as_str(), last.items.len()), ("Boligbygging", 1));
        assert_eq!(groups.len(), 7, "{t:#?}");
    }

    #[test]
    fn reviewer_renames_merges_splits_and_moves() {
        let mut groups = group(items(&[
            "Intern kommunikasjon",
            "Kommunikasjon internt",
            "Boligbygging",
            "Klima",
        ]));
        assert_eq!(groups.len(), 3);
        rename(&mut groups, 0, "  Kommunikasjon  ").unwrap();
        assert_eq!(groups[0].theme, "Kommunikasjon");
        assert_eq!(rename(&mut groups, 0, " "), Err(ReviewError::EmptyText));
        assert_eq!(merge(&mut groups, &[2, 1]).unwrap(), 1);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[1].theme, "Klima");
        assert_eq!(groups[1].items.len(), 2);
        assert_eq!(split(&mut groups, 1, 0).unwrap(), 2);
        assert_eq!(groups[2].items[0].text, "Klima");
        move_item(&mut groups, 2, 0, 0).unwrap();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].items.len(), 3);
        assert_eq!(merge(&mut groups, &[0]), Err(ReviewError::NeedTwo));
        assert_eq!(
            move_item(&mut groups, 5, 0, 0),
            Err(ReviewError::NoSuchGroup(5))
        );
    }

    #[test]
    fn new_priorities_join_the_group_of_their_theme() {
        let mut groups = group(items(&[
            "Bedre intern kommunikasjon",
            "Internkommunikasjon",
            "Klimaplan",
        ]));
        place(
            &mut groups,
            items(&[
                "Styrke den interne kommunikasjonen",
                "Boligbygging",
                "Bolig for unge",
            ]),
        );
        let t = themes(&groups);
        assert_eq!(t[0].1.len(), 3, "{t:#?}");
        assert_eq!(t[1].1, vec!["Klimaplan"]);
        assert_eq!(t[2].1, vec!["Boligbygging", "Bolig for unge"], "{t:#?}");
    }
}
