//! Suggested groups of findings that say the same thing, and taking them.
//!
//! For each area and kind, the findings not yet curated are grouped by
//! [`similarity::cluster`]; each group of two or more is a [`Suggestion`]
//! with its most central member as the representative text. Groups never
//! cross areas or kinds; a likely pair across kinds in one area (the same
//! point as a challenge and as a weakness) is a [`CrossKind`] warning.
//!
//! A finding counts as curated, and is not proposed again, once the reviewer
//! has merged it (more than one source), rewritten it or changed its kind.
//! A dismissed suggestion is recorded in the assessment
//! (`Assessment::dismissed_suggestions`) and a group whose members all lie
//! in one dismissed suggestion is not shown again; a new interview's finding
//! joining them makes a new suggestion.
//!
//! Merging and dismissing are undone by the review's undo history
//! (`core::review::undo`, scope: the area), which restores the area's
//! findings and dismissals exactly.

use serde::Serialize;

use super::ReviewError;
use super::findings;
use crate::core::assessment::{Assessment, CuratedFinding, DismissedSuggestion, FindingSource};
use crate::core::bank::Bank;
use crate::core::session::FindingKind;
use crate::core::similarity::{self, PARAMS, SparseVec};

/// One finding of a suggested group, where it stood when suggested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// Its place in the area's list of findings.
    #[serde(skip)]
    pub index: usize,
    pub text: String,
    /// The interview, question and words it came from.
    pub source: FindingSource,
}

/// Findings of one area and kind that say the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub area: String,
    pub kind: FindingKind,
    /// The most central member's text: what the merged finding says unless
    /// the reviewer edits it.
    pub representative: String,
    /// In the order of the area's list.
    pub members: Vec<Member>,
}

/// Two findings (or groups) of one area that look alike across kinds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrossKind {
    pub area: String,
    /// The two kinds, in [`FindingKind::ALL`] order.
    pub kinds: [FindingKind; 2],
    /// The representative text on each side.
    pub texts: [String; 2],
}

/// Everything suggested for an assessment, areas in bank order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Suggestions {
    /// Per area, largest first, then in list order.
    pub groups: Vec<Suggestion>,
    pub warnings: Vec<CrossKind>,
}

/// Whether the reviewer has already worked on a finding: merged, rewritten
/// or moved to another kind.
pub fn is_curated(f: &CuratedFinding) -> bool {
    match f.sources.as_slice() {
        [one] => f.text != one.text.trim() || f.kind != one.kind,
        _ => true,
    }
}

/// The suggestions for every area of the bank, or for `only` one.
///
/// The weights are computed over all the assessment's findings whichever
/// area is asked for, so one area's suggestions are the same alone as
/// among all.
pub fn suggest(bank: &Bank, assessment: &Assessment, only: Option<&str>) -> Suggestions {
    let lists: Vec<(&str, &Vec<CuratedFinding>)> = bank
        .areas()
        .iter()
        .filter_map(|a| assessment.findings.get_key_value(&a.id))
        .map(|(id, list)| (id.as_str(), list))
        .collect();
    let texts: Vec<&str> = lists
        .iter()
        .flat_map(|(_, list)| list.iter().map(|f| f.text.as_str()))
        .collect();
    let vectors = similarity::vectors(&texts, &PARAMS);
    let mut out = Suggestions::default();
    let mut offset = 0;
    for (area, list) in lists {
        let area_vectors = &vectors[offset..offset + list.len()];
        offset += list.len();
        if only.is_some_and(|o| o != area) {
            continue;
        }
        let dismissed = assessment
            .dismissed_suggestions
            .get(area)
            .map(Vec::as_slice)
            .unwrap_or_default();
        suggest_area(area, list, area_vectors, dismissed, &mut out);
    }
    out
}

/// One area's groups and warnings, appended to `out`.
fn suggest_area(
    area: &str,
    list: &[CuratedFinding],
    vectors: &[SparseVec],
    dismissed: &[DismissedSuggestion],
    out: &mut Suggestions,
) {
    let mut clusters: Vec<(FindingKind, Vec<usize>)> = Vec::new();
    let mut groups: Vec<Suggestion> = Vec::new();
    for kind in FindingKind::ALL {
        let items: Vec<usize> = (0..list.len())
            .filter(|&i| list[i].kind == kind && !is_curated(&list[i]))
            .collect();
        for members in similarity::cluster(vectors, &items, PARAMS.threshold) {
            if members.len() >= 2 && !all_dismissed(list, &members, dismissed) {
                let central = similarity::central(vectors, &members);
                groups.push(Suggestion {
                    area: area.to_owned(),
                    kind,
                    representative: list[central].text.clone(),
                    members: members
                        .iter()
                        .map(|&i| Member {
                            index: i,
                            text: list[i].text.clone(),
                            source: list[i].sources[0].clone(),
                        })
                        .collect(),
                });
            }
            clusters.push((kind, members));
        }
    }
    // Largest first; the sort is stable, so equals stay in kind and list order.
    groups.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
    out.groups.extend(groups);
    for (i, (kind_a, a)) in clusters.iter().enumerate() {
        for (kind_b, b) in &clusters[i + 1..] {
            if kind_a != kind_b && similarity::linkage(vectors, a, b) >= PARAMS.threshold {
                let text = |m: &[usize]| list[similarity::central(vectors, m)].text.clone();
                out.warnings.push(CrossKind {
                    area: area.to_owned(),
                    kinds: [*kind_a, *kind_b],
                    texts: [text(a), text(b)],
                });
            }
        }
    }
}

fn all_dismissed(
    list: &[CuratedFinding],
    members: &[usize],
    dismissed: &[DismissedSuggestion],
) -> bool {
    dismissed.iter().any(|d| {
        members
            .iter()
            .all(|&m| d.sources.contains(&list[m].sources[0]))
    })
}

/// The members' places now, checked: each must still hold the finding as
/// suggested (the list may have changed since).
fn current_places(assessment: &Assessment, s: &Suggestion) -> Result<Vec<usize>, ReviewError> {
    let list = assessment
        .findings
        .get(&s.area)
        .ok_or_else(|| ReviewError::UnknownArea(s.area.clone()))?;
    s.members
        .iter()
        .map(|m| {
            let still = list
                .get(m.index)
                .is_some_and(|f| !is_curated(f) && f.sources[0] == m.source && f.text == m.text);
            if still {
                Ok(m.index)
            } else {
                Err(ReviewError::StaleSuggestion)
            }
        })
        .collect()
}

/// A merge of a suggested group: where the merged finding is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMerge {
    pub area: String,
    pub index: usize,
    pub merged: CuratedFinding,
}

/// Merges a whole suggested group into one finding at the place of its
/// first member, with `text` (trimmed, not empty) or else the
/// representative, every member's source (so its count is the number of
/// interviews' findings it stands for), and a star if any member had one.
pub fn merge_group(
    assessment: &mut Assessment,
    suggestion: &Suggestion,
    text: Option<&str>,
) -> Result<GroupMerge, ReviewError> {
    let places = current_places(assessment, suggestion)?;
    let text = text.unwrap_or(&suggestion.representative);
    let index = findings::merge(assessment, &suggestion.area, &places, Some(text))?;
    Ok(GroupMerge {
        area: suggestion.area.clone(),
        index,
        merged: assessment.findings[&suggestion.area][index].clone(),
    })
}

/// Records that a suggested group is not one point: it is not proposed again.
pub fn dismiss(assessment: &mut Assessment, suggestion: &Suggestion) -> Result<(), ReviewError> {
    current_places(assessment, suggestion)?;
    assessment
        .dismissed_suggestions
        .entry(suggestion.area.clone())
        .or_default()
        .push(DismissedSuggestion {
            sources: suggestion
                .members
                .iter()
                .map(|m| m.source.clone())
                .collect(),
        });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::tests::source;
    use crate::core::review::undo::{History, Scope};
    use crate::core::session::{Answer, Finding, tests::sample};

    /// Area 7 as three interviews wrote it: a sickness-absence point said
    /// three ways, a recruitment point twice, a loner, and the absence point
    /// again as a weakness.
    fn assessment() -> (Bank, Assessment) {
        let bank = Bank::builtin();
        let base = sample(&bank);
        let said = [
            vec![
                (FindingKind::Challenge, "Høyt sykefravær i helse og omsorg"),
                (FindingKind::Challenge, "Vanskelig å rekruttere sykepleiere"),
            ],
            vec![
                (
                    FindingKind::Challenge,
                    "Sykefraværet er høyt, særlig i pleie og omsorg",
                ),
                (FindingKind::Strength, "Godt samarbeid med tillitsvalgte"),
                (
                    FindingKind::Challenge,
                    "Sliter med rekruttering av sykepleiere",
                ),
            ],
            vec![
                (
                    FindingKind::Challenge,
                    "For høyt sykefravær i pleie og omsorg",
                ),
                (FindingKind::Weakness, "Sykefraværet i omsorg er høyt"),
            ],
        ];
        let sessions: Vec<_> = said
            .iter()
            .enumerate()
            .map(|(n, findings)| {
                let mut s = base.clone();
                s.id = format!("S{n}");
                s.answers.clear();
                let answer = Answer {
                    findings: findings
                        .iter()
                        .map(|&(kind, text)| Finding {
                            kind,
                            text: text.into(),
                        })
                        .collect(),
                    ..Answer::default()
                };
                s.answers.insert("7.3.1".into(), answer);
                source(&s, &format!("h{n}"))
            })
            .collect();
        let a = Assessment::build(&bank, &sessions, base.started_at);
        (bank, a)
    }

    fn texts(a: &Assessment) -> Vec<&str> {
        a.findings["7"].iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn groups_within_area_and_kind_largest_first_with_a_cross_kind_warning() {
        let (bank, a) = assessment();
        let s = suggest(&bank, &a, None);
        let groups: Vec<Vec<&str>> = s
            .groups
            .iter()
            .map(|g| g.members.iter().map(|m| m.text.as_str()).collect())
            .collect();
        assert_eq!(
            groups,
            [
                vec![
                    "Høyt sykefravær i helse og omsorg",
                    "Sykefraværet er høyt, særlig i pleie og omsorg",
                    "For høyt sykefravær i pleie og omsorg",
                ],
                vec![
                    "Vanskelig å rekruttere sykepleiere",
                    "Sliter med rekruttering av sykepleiere",
                ],
            ]
        );
        assert_eq!(
            s.groups[0].representative,
            "Sykefraværet er høyt, særlig i pleie og omsorg"
        );
        assert!(s.groups.iter().all(|g| g.kind == FindingKind::Challenge));
        assert_eq!(s.groups[0].members[1].source.session, "S1");
        assert_eq!(
            s.warnings,
            [CrossKind {
                area: "7".into(),
                kinds: [FindingKind::Challenge, FindingKind::Weakness],
                texts: [
                    "Sykefraværet er høyt, særlig i pleie og omsorg".into(),
                    "Sykefraværet i omsorg er høyt".into()
                ],
            }]
        );
        // One area asked for alone gives what it gives among all.
        assert_eq!(suggest(&bank, &a, Some("7")), s);
        assert_eq!(suggest(&bank, &a, Some("1")), Suggestions::default());
        // Deterministic.
        assert_eq!(suggest(&bank, &a, None), s);
    }

    #[test]
    fn merging_a_group_keeps_every_source_and_undo_restores_the_list() {
        let (bank, mut a) = assessment();
        let mut history = History::new();
        let area = [Scope::Area("7".into())];
        let before = a.clone();
        let s = suggest(&bank, &a, None);
        crate::core::review::findings::toggle_best_practice(&mut a, "7", 5).unwrap();
        let starred = a.clone();
        let merge = history
            .apply(&mut a, "merge", &area, |a| {
                merge_group(a, &s.groups[0], None)
            })
            .unwrap();
        assert_eq!(merge.index, 0);
        let merged = &a.findings["7"][0];
        assert_eq!(
            merged.text,
            "Sykefraværet er høyt, særlig i pleie og omsorg"
        );
        assert_eq!(merged.sources.len(), 3, "nevnt av 3");
        assert!(merged.best_practice, "a member's star is kept");
        assert!(is_curated(merged));
        assert_eq!(a.findings["7"].len(), 5);
        // Merged findings are not proposed again; the other group still is.
        let again = suggest(&bank, &a, None);
        assert_eq!(again.groups.len(), 1);
        assert_eq!(again.groups[0].members.len(), 2);
        // The old suggestion no longer fits the list.
        assert_eq!(
            merge_group(&mut a, &s.groups[1], None),
            Err(ReviewError::StaleSuggestion)
        );
        let second = history
            .apply(&mut a, "merge", &area, |a| {
                merge_group(a, &again.groups[0], Some("  Rekruttering av sykepleiere "))
            })
            .unwrap();
        assert_eq!(
            a.findings["7"][second.index].text,
            "Rekruttering av sykepleiere"
        );
        history.undo(&mut a).unwrap();
        history.undo(&mut a).unwrap();
        assert_eq!(a, starred, "the findings are back at their places");
        assert_eq!(
            merge_group(&mut before.clone(), &s.groups[0], Some(" ")),
            Err(ReviewError::EmptyText)
        );
    }

    #[test]
    fn a_dismissed_suggestion_is_recorded_saved_and_not_proposed_again() {
        let (bank, mut a) = assessment();
        let mut history = History::new();
        let s = suggest(&bank, &a, None);
        history
            .apply(&mut a, "dismiss", &[Scope::Area("7".into())], |a| {
                dismiss(a, &s.groups[1])
            })
            .unwrap();
        let saved = Assessment::parse(&a.to_json()).unwrap();
        assert_eq!(saved, a);
        assert_eq!(a.check(&bank), vec![]);
        let now = suggest(&bank, &saved, None);
        assert_eq!(now.groups, s.groups[..1]);
        history.undo(&mut a).unwrap();
        assert!(a.dismissed_suggestions.is_empty());
        assert_eq!(suggest(&bank, &a, None), s);
        // Rewritten findings count as curated.
        crate::core::review::findings::edit_text(&mut a, "7", 1, "Rekruttering").unwrap();
        assert_eq!(suggest(&bank, &a, None).groups.len(), 1);
        assert_eq!(texts(&a)[1], "Rekruttering");
    }
}
