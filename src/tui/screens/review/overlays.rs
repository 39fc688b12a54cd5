//! The review's overlays: the override editor, prompts, confirmations,
//! conflicts and messages, each taking the keys while it is open.

use super::*;
use crate::core::exact::{Exact, int};
use crate::core::review::ReviewError;
use crate::core::review::findings;
use crate::core::review::priorities;
use crate::core::review::question;
use crate::core::review::undo::Scope;
use crate::core::session::Scores;
use crate::core::text::one_line;
use crate::tui::help;
use crate::tui::keys::{self};
use crate::tui::ui;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::path::PathBuf;

impl Review<'_> {
    pub(super) fn overlay_key(&mut self, ev: KeyEvent) -> Vec<Effect> {
        let act = self.tables().iter().find_map(|t| keys::lookup(t, &ev));
        let Some(overlay) = self.overlay.take() else {
            return vec![];
        };
        match overlay {
            Overlay::Help { mut scroll } => {
                let max = help::max_scroll(&self.help_sections());
                self.overlay =
                    help::key_in_help(&ev, &mut scroll, max).then_some(Overlay::Help { scroll });
                vec![]
            }
            Overlay::Override(draft) => self.override_key(draft, act, ev),
            Overlay::Prompt { what, mut input } => match act {
                Some(Act::Confirm) => self.confirm_prompt(what, ui::line_text(&input)),
                Some(Act::Cancel) => vec![],
                _ => {
                    ui::edit_line(&mut input, &ev);
                    self.overlay = Some(Overlay::Prompt { what, input });
                    vec![]
                }
            },
            Overlay::Conflict { cursor } => self.conflict_key(cursor, act),
            // Read; any key closes it.
            Overlay::Message { .. } => vec![],
            Overlay::Confirm { question, change } => match act {
                Some(Act::Confirm) => self.replace_decision(&question, change),
                Some(Act::Cancel) => {
                    self.say(
                        format!(
                            "{question}: {}",
                            self.t("overstyringen er beholdt", "the override is kept")
                        ),
                        false,
                    );
                    vec![]
                }
                _ => {
                    self.overlay = Some(Overlay::Confirm { question, change });
                    vec![]
                }
            },
            Overlay::Text(slot) => self.text_key(slot, act, ev),
            Overlay::Bulk { max_spread } => self.bulk_key(max_spread, act),
        }
    }

    pub(super) fn override_key(
        &mut self,
        mut d: Box<Draft>,
        act: Option<Act>,
        ev: KeyEvent,
    ) -> Vec<Effect> {
        if d.on_reason {
            match act {
                Some(Act::Confirm) => return self.save_override(d),
                Some(Act::Cancel) => return vec![],
                Some(Act::Up) => d.on_reason = false,
                _ => {
                    ui::edit_line(&mut d.reason, &ev);
                    d.error = None;
                }
            }
            self.overlay = Some(Overlay::Override(d));
            return vec![];
        }
        let max = int(i128::from(self.bank.scale_max()));
        let min = int(i128::from(self.bank.scale_min()));
        let half = Exact::new(1, 2);
        d.error = None;
        match (act, ev.code) {
            (Some(Act::Cancel), _) => return vec![],
            (Some(Act::Confirm), _) => {
                if ui::line_text(&d.reason).trim().is_empty() {
                    d.on_reason = true;
                } else {
                    return self.save_override(d);
                }
            }
            (Some(Act::Down), _) => {
                d.cursor = (d.cursor + 1).min(2);
                d.typed = false;
            }
            (Some(Act::Up), _) => {
                d.cursor = d.cursor.saturating_sub(1);
                d.typed = false;
            }
            // "5" right after a digit is the half: 2 then 5 is 2,5.
            (Some(Act::Digit), KeyCode::Char('5')) if d.typed => {
                d.values[d.cursor] = d.values[d.cursor].map(|v| (v + half).min(max));
            }
            (Some(Act::Digit), KeyCode::Char(c)) => {
                let v = c.to_digit(10).map(i128::from).map(int);
                match v.filter(|v| *v >= min && *v <= max) {
                    Some(v) => {
                        if d.typed && d.cursor < 2 {
                            d.cursor += 1;
                        }
                        d.values[d.cursor] = Some(v);
                        d.typed = true;
                    }
                    None => {
                        d.error = Some(format!(
                            "{} {}–{}",
                            self.t("Skalaen er", "The scale is"),
                            self.bank.scale_min(),
                            self.bank.scale_max()
                        ))
                    }
                }
            }
            (Some(Act::Half), _) => {
                let v = d.values[d.cursor].unwrap_or(min);
                d.values[d.cursor] = Some((v + half).min(max));
            }
            (Some(Act::LessHalf), _) => {
                let v = d.values[d.cursor].unwrap_or(min);
                d.values[d.cursor] = Some((v - half).max(min));
            }
            _ => {
                // Letters go to the reason: typing it needs no extra key.
                if let KeyCode::Char(c) = ev.code
                    && c.is_alphabetic()
                {
                    d.on_reason = true;
                    ui::edit_line(&mut d.reason, &ev);
                }
            }
        }
        self.overlay = Some(Overlay::Override(d));
        vec![]
    }

    pub(super) fn save_override(&mut self, mut d: Box<Draft>) -> Vec<Effect> {
        let scores = Scores {
            system: d.values[0],
            extent: d.values[1],
            results: d.values[2],
        };
        let reason = ui::line_text(&d.reason);
        let bank = self.bank;
        let what = format!("{}: {}", d.question, self.t("overstyrt", "overridden"));
        let id = d.question.clone();
        match self.change(what, &[Scope::Decision(id.clone())], |a| {
            question::override_scores(a, bank, &id, scores, &reason)
        }) {
            Ok(()) => {
                self.say(
                    format!(
                        "{}: {}",
                        d.question,
                        self.t("overstyrt, med begrunnelse", "overridden, with the reason")
                    ),
                    false,
                );
                self.decided()
            }
            Err(e) => {
                d.on_reason = matches!(e, ReviewError::EmptyReason);
                d.error = Some(e.message(self.lang));
                self.overlay = Some(Overlay::Override(d));
                vec![]
            }
        }
    }

    pub(super) fn confirm_prompt(&mut self, what: PromptFor, text: String) -> Vec<Effect> {
        let result = match &what {
            PromptFor::Jump => {
                let id = text.trim().trim_end_matches('.');
                if self.rs.assessment.questions.contains_key(id) {
                    let id = id.to_owned();
                    self.open_question(&id);
                    return vec![];
                }
                self.say(
                    format!(
                        "{} «{}»",
                        self.t("Fant ikke spørsmålet", "No such question"),
                        one_line(id)
                    ),
                    true,
                );
                return vec![];
            }
            PromptFor::Baseline => {
                let path = text.trim();
                if path.is_empty() {
                    return vec![];
                }
                return vec![Effect::LoadBaseline(PathBuf::from(expand_home(path)))];
            }
            PromptFor::EditFinding { area, index } => {
                let did = self.t("tekst endret", "text edited");
                self.curate(area, did, |a| findings::edit_text(a, area, *index, &text))
            }
            PromptFor::MergeFindings { area, indices } => {
                let did = self.t("funn slått sammen", "findings merged");
                self.curate(area, did, |a| {
                    findings::merge(a, area, indices, Some(&text))
                })
                .map(|at| {
                    self.finding_cursor = at;
                    self.marked.clear();
                })
            }
            PromptFor::MergeSuggestion { group } => {
                if text.trim().is_empty() {
                    self.fail(ReviewError::EmptyText);
                    self.prompt(what.clone(), &text);
                    return vec![];
                }
                let group = group.clone();
                return self.merge_suggestion(&group, Some(&text));
            }
            PromptFor::NewFinding { area, at, kind } => {
                let did = self.t("eget funn lagt til", "own finding added");
                self.curate(area, did, |a| findings::add(a, area, *at, *kind, &text))
                    .map(|at| {
                        self.finding_cursor = at;
                        self.marked.clear();
                    })
            }
            PromptFor::NewPriority => {
                let did = self.t("prioritering lagt til", "priority added");
                self.reprioritise(did, |a| priorities::add(&mut a.priorities, &text))
                    .map(|g| {
                        let groups = &self.rs.assessment.priorities;
                        self.prio_cursor = rows_before(groups, g) + groups[g].items.len();
                    })
            }
            PromptFor::Rename { group } => {
                let did = self.t("gruppe omdøpt", "group renamed");
                self.reprioritise(did, |a| {
                    priorities::rename(&mut a.priorities, *group, &text)
                })
            }
        };
        match result {
            Ok(()) => {
                self.clamp_cursors();
                vec![Effect::Save]
            }
            Err(e) => {
                self.fail(e);
                // Keep the text so a slip costs nothing.
                self.prompt(what, &text);
                vec![]
            }
        }
    }

    pub(super) fn conflict_key(&mut self, cursor: usize, act: Option<Act>) -> Vec<Effect> {
        let Some(conflict) = self.rs.unresolved().next() else {
            return vec![];
        };
        let n = conflict.candidates.len();
        let id = conflict.id.clone();
        if let Some(to) = act.and_then(|act| moved(act, cursor, n)) {
            self.overlay = Some(Overlay::Conflict { cursor: to });
            return vec![];
        }
        match act {
            Some(Act::Confirm) => {
                if let Err(e) = self.rs.resolve_conflict(&id, cursor) {
                    self.fail(e);
                    return vec![];
                }
                let report = self.rs.refresh(self.bank);
                self.say(refresh_text(&report, self.lang), false);
                self.reanalyse();
                if self.rs.unresolved().next().is_some() {
                    self.overlay = Some(Overlay::Conflict { cursor: 0 });
                }
                return self.decided();
            }
            Some(Act::Cancel) => {}
            _ => self.overlay = Some(Overlay::Conflict { cursor }),
        }
        vec![]
    }

    // ----- help and footer -----
}
