//! Curating to the deck's density (issue 18): the suggested groups of the
//! findings screen's area, each merged into its representative with one key
//! (Enter edits the text first) or dismissed for good; and accepting at once
//! every undecided question where the interviews agree, from the
//! disagreement list. Every one of these is one step of the review's undo
//! history (`core::review::undo`), so Ctrl-Z takes a whole merge, dismissal
//! or bulk accept back.

use super::*;
use crate::core::exact::{Exact, int};
use crate::core::review::bulk;
use crate::core::review::suggest::{self, CrossKind, Suggestion};
use crate::core::review::undo::Scope;
use crate::core::text::one_line;
use crate::tui::keys::{Binding, bind, ch, key};
use ratatui::crossterm::event::KeyCode::{Backspace, Down, Enter, Esc, Left, Right, Up};

/// The suggestions for the area on the findings screen, as last computed.
#[derive(Debug, Clone, Default)]
pub struct SuggestionsView {
    pub groups: Vec<Suggestion>,
    pub warnings: Vec<CrossKind>,
    /// The group selected.
    pub cursor: usize,
}

pub const SUGGESTIONS: &[Binding<Act>] = &[
    bind(
        &[key(Up)],
        Act::Up,
        "Forrige forslag",
        "Previous suggestion",
    ),
    bind(&[key(Down)], Act::Down, "Neste forslag", "Next suggestion"),
    bind(
        &[key(Left), key(Right)],
        Act::NextArea,
        "Forrige / neste område",
        "Previous / next area",
    ),
    bind(
        &[ch('m')],
        Act::Merge,
        "Slå hele gruppen sammen til representanten (alle kilder beholdes)",
        "Merge the whole group into its representative (every source is kept)",
    )
    .footer("Slå sammen", "Merge"),
    bind(
        &[key(Enter), ch('e')],
        Act::Edit,
        "Rediger representanten, så slå sammen",
        "Edit the representative, then merge",
    )
    .footer("Rediger og slå sammen", "Edit and merge"),
    bind(
        &[ch('d')],
        Act::Drop,
        "Avvis forslaget for godt (foreslås ikke igjen)",
        "Dismiss the suggestion for good (not proposed again)",
    )
    .footer("Avvis", "Dismiss"),
    bind(
        &[ch('g'), key(Esc), key(Backspace)],
        Act::Back,
        "Tilbake til funnene",
        "Back to the findings",
    )
    .footer("Funnene", "Findings"),
];

pub const BULK: &[Binding<Act>] = &[
    bind(
        &[key(Enter)],
        Act::Confirm,
        "Godta alle som er talt opp",
        "Accept every one counted",
    )
    .footer("Godta alle", "Accept all"),
    bind(
        &[ch('+'), key(Up), key(Right)],
        Act::Half,
        "Høyere grense for spredningen (et halvt poeng)",
        "A higher limit for the spread (half a point)",
    )
    .footer("Grense +", "Limit +"),
    bind(
        &[ch('-'), key(Down), key(Left)],
        Act::LessHalf,
        "Lavere grense for spredningen",
        "A lower limit for the spread",
    )
    .footer("Grense −", "Limit −"),
    bind(&[key(Esc)], Act::Cancel, "Avbryt", "Cancel").footer("Avbryt", "Cancel"),
];

impl Review<'_> {
    /// Shows the suggestions for the findings screen's area.
    pub(super) fn open_suggestions(&mut self) {
        self.suggestions = Some(SuggestionsView::default());
        self.refresh_suggestions();
        if self
            .suggestions
            .as_ref()
            .is_some_and(|v| v.groups.is_empty())
        {
            self.say(
                self.t(
                    "Ingen forslag i dette området: funnene sier ulike ting, eller er behandlet",
                    "No suggestions in this area: the findings differ, or are curated",
                ),
                false,
            );
        }
    }

    /// Computes the suggestions again (after any change of the findings,
    /// an undo, another area), keeping the cursor's place.
    pub(super) fn refresh_suggestions(&mut self) {
        let Some(view) = &self.suggestions else {
            return;
        };
        let cursor = view.cursor;
        let area = self.area_id(self.findings_area).to_owned();
        let s = suggest::suggest(self.bank, &self.rs.assessment, Some(&area));
        self.suggestions = Some(SuggestionsView {
            cursor: cursor.min(s.groups.len().saturating_sub(1)),
            groups: s.groups,
            warnings: s.warnings,
        });
    }

    pub(super) fn suggestions_key(&mut self, act: Act, ev: KeyEvent) -> Vec<Effect> {
        let Some(view) = &mut self.suggestions else {
            return vec![];
        };
        let selected = view.groups.get(view.cursor).cloned();
        match (act, selected) {
            (Act::Up, _) => view.cursor = view.cursor.saturating_sub(1),
            (Act::Down, _) => {
                view.cursor = (view.cursor + 1).min(view.groups.len().saturating_sub(1))
            }
            (Act::NextArea, _) => {
                view.cursor = 0;
                let n = self.bank.areas().len();
                self.findings_area = if ev.code == Left {
                    (self.findings_area + n - 1) % n
                } else {
                    (self.findings_area + 1) % n
                };
                self.finding_cursor = 0;
                self.marked.clear();
                self.refresh_suggestions();
            }
            (Act::Back, _) => self.suggestions = None,
            (Act::Merge, Some(group)) => return self.merge_suggestion(&group, None),
            (Act::Edit, Some(group)) => {
                let text = one_line(&group.representative);
                self.prompt(PromptFor::MergeSuggestion { group }, &text);
            }
            (Act::Drop, Some(group)) => {
                let what = format!(
                    "{} «{}»",
                    self.t("avvist forslag", "dismissed suggestion"),
                    one_line(&group.representative)
                );
                let result = self.change(what, &[Scope::Area(group.area.clone())], |a| {
                    suggest::dismiss(a, &group)
                });
                if result.is_ok() {
                    self.say(
                        format!(
                            "{} «{}» · Ctrl-Z {}",
                            self.t("Avvist for godt:", "Dismissed for good:"),
                            one_line(&group.representative),
                            self.t("angrer", "undoes")
                        ),
                        false,
                    );
                }
                return self.suggestion_outcome(result.map(|()| true));
            }
            _ => {}
        }
        vec![]
    }

    /// Merges a suggested group into one finding with `text`, or else the
    /// representative; every member's source is kept.
    pub(super) fn merge_suggestion(
        &mut self,
        group: &Suggestion,
        text: Option<&str>,
    ) -> Vec<Effect> {
        let shown = one_line(text.unwrap_or(&group.representative));
        let what = format!("{} «{shown}»", self.t("slått sammen til", "merged into"));
        let result = self.change(what, &[Scope::Area(group.area.clone())], |a| {
            suggest::merge_group(a, group, text)
        });
        if let Ok(merge) = &result {
            let count = merge.merged.sources.len();
            self.say(
                format!(
                    "{} «{shown}» · {} {count} · Ctrl-Z {}",
                    self.t("Slått sammen til", "Merged into"),
                    self.t("nevnt av", "mentioned by"),
                    self.t("angrer", "undoes")
                ),
                false,
            );
        }
        self.suggestion_outcome(result.map(|_| true))
    }

    fn suggestion_outcome(&mut self, result: Result<bool, ReviewError>) -> Vec<Effect> {
        let stale = result == Err(ReviewError::StaleSuggestion);
        let effects = self.outcome(result);
        if stale {
            self.refresh_suggestions();
        }
        effects
    }

    /// Opens the confirmation of a bulk accept, at the default spread.
    pub(super) fn start_bulk_accept(&mut self) {
        self.overlay = Some(Overlay::Bulk {
            max_spread: bulk::DEFAULT_MAX_SPREAD,
        });
    }

    /// How many questions a bulk accept at `max_spread` would take.
    pub fn bulk_count(&self, max_spread: Exact) -> usize {
        bulk::agreeing(self.bank, &self.rs.assessment, max_spread).len()
    }

    pub(super) fn bulk_key(&mut self, max_spread: Exact, act: Option<Act>) -> Vec<Effect> {
        let half = Exact::new(1, 2);
        let top = int(i128::from(self.bank.scale_max() - self.bank.scale_min()));
        match act {
            Some(Act::Confirm) => return self.bulk_accept(max_spread),
            Some(Act::Cancel) => return vec![],
            Some(Act::Half) => {
                self.overlay = Some(Overlay::Bulk {
                    max_spread: (max_spread + half).min(top),
                })
            }
            Some(Act::LessHalf) => {
                self.overlay = Some(Overlay::Bulk {
                    max_spread: (max_spread - half).max(int(0)),
                })
            }
            _ => self.overlay = Some(Overlay::Bulk { max_spread }),
        }
        vec![]
    }

    fn bulk_accept(&mut self, max_spread: Exact) -> Vec<Effect> {
        let bank = self.bank;
        let limit = value_text(Some(max_spread), self.lang);
        let n = self.bulk_count(max_spread);
        if n == 0 {
            self.say(
                format!(
                    "{} {limit}",
                    self.t(
                        "Ingen uavgjorte spørsmål med spredning ≤",
                        "No undecided questions with a spread ≤"
                    )
                ),
                false,
            );
            return vec![];
        }
        let what = format!(
            "{n} {} ≤ {limit}",
            self.t("godtatt med spredning", "accepted with a spread")
        );
        match self.change(what.clone(), &[Scope::AllDecisions], |a| {
            bulk::accept_agreeing(bank, a, max_spread)
        }) {
            Ok(done) => {
                self.say(
                    format!(
                        "{} {} {} ≤ {limit} · Ctrl-Z {}",
                        self.t("Godtok", "Accepted"),
                        done.len(),
                        self.t(
                            "spørsmål der intervjuene er enige, spredning",
                            "questions where the interviews agree, spread"
                        ),
                        self.t("angrer alle", "undoes them all")
                    ),
                    false,
                );
                self.list_cursor = 0;
                self.decided()
            }
            Err(e) => {
                self.fail(e);
                vec![]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Decision;
    use crate::core::review::question::Filter;
    use crate::tui::screens::review::tests::demo_session;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn press(r: &mut Review, code: KeyCode) -> Vec<Effect> {
        r.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    fn ctrl(r: &mut Review, c: char) -> Vec<Effect> {
        r.update(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    fn findings_of(r: &Review, area: &str) -> Vec<crate::core::assessment::CuratedFinding> {
        r.assessment().findings[area].clone()
    }

    #[test]
    fn one_key_merges_a_suggested_group_with_every_source_and_ctrl_z_takes_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
        r.view = View::Findings;
        let before = findings_of(&r, "1");
        press(&mut r, KeyCode::Char('g'));
        let view = r.suggestions.clone().expect("g shows the suggestions");
        let first = view.groups[0].clone();
        assert_eq!(first.area, "1");
        assert!(first.members.len() >= 2);
        // The same as `kompass findings --suggest` for the area.
        assert_eq!(
            view.groups,
            suggest::suggest(&bank, r.assessment(), Some("1")).groups
        );

        assert_eq!(press(&mut r, KeyCode::Char('m')), vec![Effect::Save]);
        let after = findings_of(&r, "1");
        assert_eq!(after.len(), before.len() - first.members.len() + 1);
        let merged = after
            .iter()
            .find(|f| f.text == first.representative && f.sources.len() > 1)
            .expect("the merged finding, under the representative's text");
        let sources: Vec<_> = first.members.iter().map(|m| m.source.clone()).collect();
        assert_eq!(merged.sources, sources, "every member's source is kept");
        let notice = r.notice.clone().unwrap().text;
        assert!(
            notice.contains(&format!("nevnt av {}", sources.len())),
            "{notice}"
        );
        // Curated now: not proposed again; the view moved on to the next.
        let now = r.suggestions.clone().unwrap();
        assert_eq!(now.groups.len(), view.groups.len() - 1);
        assert!(!now.groups.contains(&first));

        ctrl(&mut r, 'z');
        assert_eq!(findings_of(&r, "1"), before, "undone exactly");
        assert_eq!(r.suggestions.clone().unwrap().groups, view.groups);
        ctrl(&mut r, 'y');
        assert_eq!(findings_of(&r, "1"), after, "and redone");
    }

    #[test]
    fn enter_edits_the_representative_and_d_dismisses_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::En, demo_session(dir.path()));
        r.view = View::Findings;
        press(&mut r, KeyCode::Right);
        press(&mut r, KeyCode::Char('g'));
        let groups = r.suggestions.clone().unwrap().groups;
        assert_eq!(groups[0].area, "2");

        // Dismiss the first: recorded in the assessment, not proposed again.
        assert_eq!(press(&mut r, KeyCode::Char('d')), vec![Effect::Save]);
        assert_eq!(r.assessment().dismissed_suggestions["2"].len(), 1);
        let left = r.suggestions.clone().unwrap().groups;
        assert_eq!(left, groups[1..].to_vec());
        let back = Assessment::parse(&r.assessment().to_json()).unwrap();
        assert_eq!(
            suggest::suggest(&bank, &back, Some("2")).groups,
            left,
            "still dismissed after a save and a reopen"
        );

        // Enter: the representative in a prompt, edited, then merged.
        press(&mut r, KeyCode::Enter);
        let Some(Overlay::Prompt { input, .. }) = &mut r.overlay else {
            panic!("Enter opens the representative for editing")
        };
        assert_eq!(ui::line_text(input), left[0].representative);
        input.select_all();
        input.cut();
        input.insert_str("Frivilligheten er lite brukt");
        assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
        let merged = r.assessment().findings["2"]
            .iter()
            .find(|f| f.text == "Frivilligheten er lite brukt")
            .unwrap();
        assert_eq!(merged.sources.len(), left[0].members.len());

        // Undo takes the merge back, then the dismissal.
        ctrl(&mut r, 'z');
        ctrl(&mut r, 'z');
        assert!(!r.assessment().dismissed_suggestions.contains_key("2"));
        assert_eq!(r.suggestions.clone().unwrap().groups, groups);
        press(&mut r, KeyCode::Esc);
        assert!(r.suggestions.is_none());
        assert_eq!(r.view, View::Findings);
    }

    #[test]
    fn bulk_accept_asks_with_the_count_accepts_each_and_undoes_the_batch() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut r = Review::new(&bank, Lang::Nb, demo_session(dir.path()));
        press(&mut r, KeyCode::Tab);
        assert_eq!(r.view, View::List);
        let expected = bulk::agreeing(&bank, r.assessment(), int(1));
        assert!(!expected.is_empty());
        press(&mut r, KeyCode::Char('g'));
        assert!(matches!(r.overlay, Some(Overlay::Bulk { max_spread }) if max_spread == int(1)));
        // A higher limit counts more, and back.
        press(&mut r, KeyCode::Char('+'));
        let Some(Overlay::Bulk { max_spread }) = r.overlay else {
            panic!()
        };
        assert_eq!(max_spread, Exact::new(3, 2));
        assert!(r.bulk_count(max_spread) >= expected.len());
        press(&mut r, KeyCode::Char('-'));
        assert_eq!(press(&mut r, KeyCode::Enter), vec![Effect::Save]);
        for id in &expected {
            let q = &r.assessment().questions[id];
            assert_eq!(
                q.decision,
                Some(Decision::Accepted {
                    scores: q.suggested
                }),
                "{id} recorded as a single accept"
            );
        }
        let undecided = question::by_disagreement(&bank, r.assessment(), Filter::Undecided);
        assert!(undecided.iter().all(|d| d.max.is_none_or(|m| m > int(1))));
        // One undo takes the whole batch back.
        ctrl(&mut r, 'z');
        assert!(
            expected
                .iter()
                .all(|id| r.assessment().questions[id].decision.is_none())
        );
        // Esc on the confirmation accepts nothing.
        press(&mut r, KeyCode::Char('g'));
        assert!(press(&mut r, KeyCode::Esc).is_empty());
        assert!(question::progress(r.assessment()).decided == 0);
    }
}
