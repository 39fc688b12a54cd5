//! The question walk of one interview: which questions it holds (those
//! routed to the interviewees' roles, or all of them on request), how to
//! move through it, and the rows of the navigator.

use crate::core::bank::{Bank, QuestionPos};
use crate::core::session::Session;

/// One row of the navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavRow {
    Area(usize),
    Subarea(usize, usize),
    /// A question, by its index in bank order.
    Question(usize),
    Closing,
}

/// Where the interviewer is: a question (bank-order index) or the closing page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Question(usize),
    Closing,
}

#[derive(Debug, Clone)]
pub struct Walk {
    /// Every question's position, in bank order.
    pub positions: Vec<QuestionPos>,
    /// Whether each question is routed to the interview's roles.
    pub routed: Vec<bool>,
    pub show_all: bool,
    /// The questions in the walk (bank-order indices, ascending).
    pub items: Vec<usize>,
    /// Navigator rows; rebuilt only when the walk changes.
    pub rows: Vec<NavRow>,
}

impl Walk {
    pub fn new(bank: &Bank, session: &Session, show_all: bool) -> Walk {
        let roles = session.roles();
        let (positions, routed) = bank
            .questions()
            .map(|(p, q)| (p, Bank::is_routed(q, &roles)))
            .unzip();
        let mut walk = Walk {
            positions,
            routed,
            show_all,
            items: Vec::new(),
            rows: Vec::new(),
        };
        walk.rebuild();
        walk
    }

    pub fn set_show_all(&mut self, show_all: bool) {
        self.show_all = show_all;
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.items = (0..self.positions.len())
            .filter(|&i| self.show_all || self.routed[i])
            .collect();
        self.rows.clear();
        let mut last: Option<QuestionPos> = None;
        for &i in &self.items {
            let p = self.positions[i];
            if last.is_none_or(|l| l.area != p.area) {
                self.rows.push(NavRow::Area(p.area));
            }
            if last.is_none_or(|l| l.area != p.area || l.subarea != p.subarea) {
                self.rows.push(NavRow::Subarea(p.area, p.subarea));
            }
            self.rows.push(NavRow::Question(i));
            last = Some(p);
        }
        self.rows.push(NavRow::Closing);
    }

    /// The first page of the walk (the closing page when it is empty).
    pub fn first(&self) -> Page {
        self.items
            .first()
            .map_or(Page::Closing, |&i| Page::Question(i))
    }

    pub fn next(&self, page: Page) -> Page {
        match page {
            Page::Closing => Page::Closing,
            Page::Question(cur) => self
                .items
                .iter()
                .find(|&&i| i > cur)
                .map_or(Page::Closing, |&i| Page::Question(i)),
        }
    }

    pub fn prev(&self, page: Page) -> Page {
        let before = |cur: usize| self.items.iter().rev().find(|&&i| i < cur).copied();
        match page {
            Page::Closing => self
                .items
                .last()
                .map_or(Page::Closing, |&i| Page::Question(i)),
            Page::Question(cur) => before(cur).map_or(page, Page::Question),
        }
    }

    /// The next question after `page` (wrapping around) that satisfies
    /// `pred`: among the walk, or among all questions when `everywhere`.
    pub fn next_where(
        &self,
        page: Page,
        everywhere: bool,
        pred: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let all: Vec<usize>;
        let items = if everywhere {
            all = (0..self.positions.len()).collect();
            &all
        } else {
            &self.items
        };
        let start = match page {
            Page::Question(cur) => items.iter().position(|&i| i > cur).unwrap_or(0),
            Page::Closing => 0,
        };
        let n = items.len();
        (0..n)
            .map(|k| items[(start + k) % n])
            .find(|&i| pred(i) && page != Page::Question(i))
    }

    /// 1-based place of the page in the walk, and the walk's length.
    pub fn place(&self, page: Page) -> (Option<usize>, usize) {
        let place = match page {
            Page::Question(cur) => self.items.iter().position(|&i| i == cur).map(|k| k + 1),
            Page::Closing => None,
        };
        (place, self.items.len())
    }

    /// The navigator row showing `page`.
    pub fn row_of(&self, page: Page) -> Option<usize> {
        self.rows.iter().position(|r| match (r, page) {
            (NavRow::Question(i), Page::Question(cur)) => *i == cur,
            (NavRow::Closing, Page::Closing) => true,
            _ => false,
        })
    }

    /// The nearest selectable row (a question or the closing page) from
    /// `row` in direction `step` (+1 or -1).
    pub fn step_row(&self, row: usize, step: isize) -> usize {
        let mut r = row as isize;
        loop {
            r += step;
            if r < 0 || r as usize >= self.rows.len() {
                return row;
            }
            if matches!(self.rows[r as usize], NavRow::Question(_) | NavRow::Closing) {
                return r as usize;
            }
        }
    }

    /// The page a question id, sub-area id or area id points to: the
    /// question itself, or the first question of the sub-area or area
    /// (preferring questions in the walk).
    /// An id as typed: `7,3,1` (the number pad's comma), `7 3 1` and
    /// `7.3.1.` mean `7.3.1` ([`Bank::typed_id`]).
    pub fn resolve(&self, bank: &Bank, id: &str) -> Option<usize> {
        let id = Bank::typed_id(id);
        let id = id.as_str();
        if let Some(pos) = bank.position(id) {
            return self.positions.iter().position(|&p| p == pos);
        }
        let inside = |i: usize| {
            let p = self.positions[i];
            let area = &bank.areas()[p.area];
            area.id == id || area.subareas[p.subarea].id == id
        };
        self.items
            .iter()
            .copied()
            .find(|&i| inside(i))
            .or_else(|| (0..self.positions.len()).find(|&i| inside(i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::tests::sample;

    #[test]
    fn the_walk_holds_the_routed_questions_and_show_all_the_rest() {
        let bank = Bank::builtin();
        let s = sample(&bank); // a mayor
        let mut walk = Walk::new(&bank, &s, false);
        let routed = bank
            .questions()
            .filter(|(_, q)| q.roles.iter().any(|r| r == "mayor"))
            .count();
        assert_eq!(walk.items.len(), routed);
        assert!(routed < 75);
        assert_eq!(walk.rows.last(), Some(&NavRow::Closing));
        walk.set_show_all(true);
        assert_eq!(walk.items.len(), 75);
        assert_eq!(
            walk.rows
                .iter()
                .filter(|r| matches!(r, NavRow::Area(_)))
                .count(),
            8
        );
    }

    #[test]
    fn moving_through_the_walk() {
        let bank = Bank::builtin();
        let walk = Walk::new(&bank, &sample(&bank), false);
        let first = walk.first();
        let Page::Question(f) = first else { panic!() };
        assert_eq!(walk.prev(first), first);
        let second = walk.next(first);
        assert_eq!(walk.prev(second), first);
        let last = *walk.items.last().unwrap();
        assert_eq!(walk.next(Page::Question(last)), Page::Closing);
        assert_eq!(walk.prev(Page::Closing), Page::Question(last));
        assert_eq!(walk.place(second), (Some(2), walk.items.len()));
        // Wraps around and skips the current page.
        assert_eq!(
            walk.next_where(Page::Question(last), false, |_| true),
            Some(f)
        );
        assert_eq!(walk.next_where(first, false, |i| i == f), None);
        // A question outside the walk still has neighbours in it.
        let outside = (0..75).find(|i| !walk.routed[*i] && *i > f).unwrap();
        assert!(
            matches!(walk.next(Page::Question(outside)), Page::Question(i) if i > outside)
                || walk.next(Page::Question(outside)) == Page::Closing
        );
    }

    #[test]
    fn resolve_finds_questions_subareas_and_areas() {
        let bank = Bank::builtin();
        let walk = Walk::new(&bank, &sample(&bank), false);
        let id = |i: usize| bank.at(walk.positions[i]).id.clone();
        assert_eq!(walk.resolve(&bank, "6.3.1").map(id), Some("6.3.1".into()));
        let in_six = walk.resolve(&bank, "6").map(id).unwrap();
        assert!(in_six.starts_with("6."));
        assert_eq!(walk.resolve(&bank, "9.9"), None);
        let row = walk.row_of(walk.first()).unwrap();
        assert!(matches!(
            walk.rows[walk.step_row(row, 1)],
            NavRow::Question(_)
        ));
        assert_eq!(walk.step_row(row, -1), row);
    }
}
