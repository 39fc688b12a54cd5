//! The role view: what each role's interviews alone would give, per area,
//! so that the gap between how leaders and staff describe the municipality
//! shows at a glance.
//!
//! A role's column is the default merge over the interviews that included
//! that role (a group interview counts for each role in it), scored with the
//! ordinary rule. Roles are asked different questions, so a column's points
//! also come with what they were scored over (`scored`, `max_scored`).
//! For the management-versus-staff gap that is not enough: it compares the
//! two sides on the questions both of them scored, and only those.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::assessment::Assessment;
use crate::core::bank::Bank;
use crate::core::exact::{Exact, int};
use crate::core::merge;
use crate::core::scoring::{self, question_points};
use crate::core::session::Scores;

/// The management side of the gap: mayor and chief executive.
pub const MANAGEMENT: &[&str] = &["mayor", "chief_executive"];
/// The staff side of the gap: the union representatives.
pub const STAFF: &[&str] = &["union_rep"];

/// One role's points in one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleArea {
    pub area: String,
    pub points: Exact,
    /// Questions of the area with all three dimensions scored by this role.
    pub scored: usize,
    /// Questions of the area routed to this role.
    pub asked: usize,
    /// The most the scored questions could give, to read `points` against.
    pub max_scored: Exact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleColumn {
    pub role: String,
    /// Interviews that included the role.
    pub interviews: usize,
    pub areas: Vec<RoleArea>,
}

/// Management against staff in one area, on the questions both scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaGap {
    pub area: String,
    /// Questions both sides scored completely.
    pub common: usize,
    /// The most those questions could give.
    pub max: Exact,
    pub management: Exact,
    pub staff: Exact,
}

impl AreaGap {
    /// Management minus staff; `None` when they scored no question in common.
    pub fn gap(&self) -> Option<Exact> {
        (self.common > 0).then(|| self.management - self.staff)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleView {
    /// Roles with at least one interview, in bank order.
    pub roles: Vec<RoleColumn>,
    /// One per area, in bank order.
    pub gaps: Vec<AreaGap>,
}

/// The default merge per question over the interviews that included any of `roles`.
fn merged_for(assessment: &Assessment, roles: &[&str]) -> (usize, BTreeMap<String, Scores>) {
    let ids: BTreeSet<&str> = assessment
        .sessions
        .iter()
        .filter(|s| {
            s.interviewees
                .iter()
                .any(|p| roles.contains(&p.role.as_str()))
        })
        .map(|s| s.id.as_str())
        .collect();
    let merged = assessment
        .questions
        .iter()
        .map(|(qid, review)| {
            let given = review
                .interviews
                .iter()
                .filter(|(sid, _)| ids.contains(sid.as_str()))
                .map(|(_, s)| s);
            (qid.clone(), merge::merge_scores(given))
        })
        .filter(|(_, s)| !s.is_empty())
        .collect();
    (ids.len(), merged)
}

pub fn role_view(bank: &Bank, assessment: &Assessment) -> RoleView {
    let mut roles = Vec::new();
    for role in bank.role_ids() {
        let (interviews, merged) = merged_for(assessment, &[role]);
        if interviews == 0 {
            continue;
        }
        let asked: BTreeSet<String> = [role.to_owned()].into();
        let card = scoring::score(bank, &merged, Some(&asked));
        let areas = card
            .areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let max_scored = bank
                    .questions()
                    .filter(|(pos, q)| {
                        pos.area == i && merged.get(&q.id).is_some_and(Scores::is_complete)
                    })
                    .map(|(pos, _)| scoring::question_max(bank, pos))
                    .sum();
                RoleArea {
                    area: area.id.clone(),
                    points: area.points,
                    scored: area.scored,
                    asked: area.asked,
                    max_scored,
                }
            })
            .collect();
        roles.push(RoleColumn {
            role: role.to_owned(),
            interviews,
            areas,
        });
    }
    let (_, management) = merged_for(assessment, MANAGEMENT);
    let (_, staff) = merged_for(assessment, STAFF);
    let mut gaps: Vec<AreaGap> = bank
        .areas()
        .iter()
        .map(|a| AreaGap {
            area: a.id.clone(),
            common: 0,
            max: int(0),
            management: int(0),
            staff: int(0),
        })
        .collect();
    for (pos, q) in bank.questions() {
        let both = management.get(&q.id).zip(staff.get(&q.id));
        let Some((m, s)) = both.filter(|(m, s)| m.is_complete() && s.is_complete()) else {
            continue;
        };
        let gap = &mut gaps[pos.area];
        gap.common += 1;
        gap.max += scoring::question_max(bank, pos);
        gap.management += question_points(bank, pos, m).unwrap_or_default();
        gap.staff += question_points(bank, pos, s).unwrap_or_default();
    }
    RoleView { roles, gaps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::tests::source;
    use crate::core::session::{Answer, Person, Session, tests::sample};

    fn interview(bank: &Bank, id: &str, roles: &[&str], answers: &[(&str, i128)]) -> Session {
        let mut s = sample(bank);
        s.id = id.into();
        s.interviewees = roles
            .iter()
            .map(|r| Person {
                name: format!("N {r}"),
                role: (*r).into(),
            })
            .collect();
        s.answers.clear();
        for (q, v) in answers {
            let scores = Scores {
                system: Some(int(*v)),
                extent: Some(int(*v)),
                results: Some(int(*v)),
            };
            s.answers.insert(
                (*q).into(),
                Answer {
                    scores,
                    ..Answer::default()
                },
            );
        }
        s
    }

    #[test]
    fn each_role_alone_and_the_management_staff_gap() {
        let bank = Bank::builtin();
        // 7.3 (25 points, 2 questions: 12.5 each), 7.4 (20 points, 2 questions: 10 each).
        let mayor = interview(
            &bank,
            "M",
            &["mayor", "chief_executive"],
            &[("7.3.1", 4), ("7.3.2", 4), ("1.1.1", 4)],
        );
        let union = interview(
            &bank,
            "U",
            &["union_rep"],
            &[("7.3.1", 1), ("7.3.2", 2), ("7.4.1", 2)],
        );
        let union2 = interview(&bank, "U2", &["union_rep"], &[("7.3.1", 2)]);
        let sources = [
            source(&mayor, "m"),
            source(&union, "u"),
            source(&union2, "u2"),
        ];
        let a = Assessment::build(&bank, &sources, mayor.started_at);
        let view = role_view(&bank, &a);
        let roles: Vec<&str> = view.roles.iter().map(|r| r.role.as_str()).collect();
        assert_eq!(roles, ["mayor", "chief_executive", "union_rep"]);
        let union_col = &view.roles[2];
        assert_eq!(union_col.interviews, 2);
        let area7 = &union_col.areas[6];
        // 7.3.1: median of 1 and 2 = 1.5 -> 12.5 x 4.5/12; 7.3.2: 12.5 x 6/12; 7.4.1: 10 x 6/12.
        assert_eq!(
            area7.points,
            Exact::new(125, 10) * Exact::new(45, 120) + Exact::new(125, 20) + int(5)
        );
        assert_eq!((area7.scored, area7.max_scored), (3, int(35)));
        assert_eq!(union_col.areas[0].points, int(0));
        assert_eq!(view.roles[0].areas[0].points, int(10));

        let gap7 = &view.gaps[6];
        assert_eq!((gap7.common, gap7.max), (2, int(25)));
        assert_eq!(gap7.management, int(25));
        assert_eq!(
            gap7.gap(),
            Some(int(25) - Exact::new(125, 10) * Exact::new(45, 120) - Exact::new(125, 20))
        );
        assert_eq!(view.gaps[0].gap(), None);
    }
}
