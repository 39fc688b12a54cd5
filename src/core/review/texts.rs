//! The evaluators' own words (issue 15): the summary, an assessment per area
//! ("Vurdering") and the way forward ("Veien videre"), kept in
//! `Assessment::texts`. The review screen's editors and any other caller
//! read and write them through [`text`] and [`set_text`] only.

use super::ReviewError;
use crate::core::assessment::Assessment;
use crate::core::bank::Bank;
use crate::core::lang::Lang;

/// Which of the texts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextSlot {
    Summary,
    /// The assessment of one area, by its id.
    Area(String),
    WayForward,
}

impl TextSlot {
    /// Every text of the report, in the order it prints them: the summary,
    /// the areas in the bank's order, the way forward.
    pub fn all(bank: &Bank) -> Vec<TextSlot> {
        std::iter::once(TextSlot::Summary)
            .chain(bank.areas().iter().map(|a| TextSlot::Area(a.id.clone())))
            .chain(std::iter::once(TextSlot::WayForward))
            .collect()
    }

    /// The heading an editor and the report show over the text.
    pub fn label(&self, bank: &Bank, lang: Lang) -> String {
        match self {
            TextSlot::Summary => lang.pick("Sammendrag", "Summary").to_owned(),
            TextSlot::WayForward => lang.pick("Veien videre", "The way forward").to_owned(),
            TextSlot::Area(id) => {
                let title = bank
                    .areas()
                    .iter()
                    .find(|a| &a.id == id)
                    .map(|a| a.title.get(lang).to_owned())
                    .unwrap_or_default();
                format!("{} · {id} {title}", lang.pick("Vurdering", "Assessment"))
            }
        }
    }
}

/// The text as saved ("" when not written).
pub fn text<'a>(assessment: &'a Assessment, slot: &TextSlot) -> &'a str {
    let texts = &assessment.texts;
    match slot {
        TextSlot::Summary => &texts.summary,
        TextSlot::WayForward => &texts.way_forward,
        TextSlot::Area(id) => texts.areas.get(id).map_or("", String::as_str),
    }
}

/// Stores a text as typed, lines and all; only trailing white space at the
/// end of the whole text is dropped, and an empty text removes the entry.
/// Returns whether anything changed, so that a caller saves only then.
pub fn set_text(
    assessment: &mut Assessment,
    bank: &Bank,
    slot: &TextSlot,
    value: &str,
) -> Result<bool, ReviewError> {
    let value = value.trim_end();
    let value = value.trim_start_matches(['\n', '\r']);
    if text(assessment, slot) == value {
        return Ok(false);
    }
    let texts = &mut assessment.texts;
    match slot {
        TextSlot::Summary => texts.summary = value.to_owned(),
        TextSlot::WayForward => texts.way_forward = value.to_owned(),
        TextSlot::Area(id) => {
            if !bank.areas().iter().any(|a| &a.id == id) {
                return Err(ReviewError::UnknownArea(id.clone()));
            }
            if value.is_empty() {
                texts.areas.remove(id);
            } else {
                texts.areas.insert(id.clone(), value.to_owned());
            }
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::tests::assessment;

    #[test]
    fn texts_are_kept_as_typed_and_an_empty_one_is_removed() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        let area = TextSlot::Area("3".into());
        let typed = "Kommunen styrer godt.\n\n  – men rapporterer lite.\n\n";
        assert_eq!(set_text(&mut a, &bank, &area, typed), Ok(true));
        assert_eq!(
            text(&a, &area),
            "Kommunen styrer godt.\n\n  – men rapporterer lite."
        );
        assert_eq!(
            set_text(
                &mut a,
                &bank,
                &area,
                "Kommunen styrer godt.\n\n  – men rapporterer lite."
            ),
            Ok(false),
            "the same text again changes nothing"
        );
        set_text(&mut a, &bank, &TextSlot::Summary, "Samlet: bra.").unwrap();
        set_text(&mut a, &bank, &TextSlot::WayForward, "Samskaping.").unwrap();
        let back = Assessment::parse(&a.to_json()).unwrap();
        assert_eq!(back.texts, a.texts);
        assert_eq!(set_text(&mut a, &bank, &area, " \n "), Ok(true));
        assert!(!a.texts.areas.contains_key("3"));
        assert_eq!(
            set_text(&mut a, &bank, &TextSlot::Area("9".into()), "x"),
            Err(ReviewError::UnknownArea("9".into()))
        );
    }

    #[test]
    fn every_text_has_a_slot_and_a_label() {
        let bank = Bank::builtin();
        let slots = TextSlot::all(&bank);
        assert_eq!(slots.len(), bank.areas().len() + 2);
        assert_eq!(slots[0].label(&bank, Lang::Nb), "Sammendrag");
        assert_eq!(
            slots[3].label(&bank, Lang::Nb),
            "Vurdering · 3 Styring og kontroll"
        );
        assert_eq!(
            slots.last().unwrap().label(&bank, Lang::En),
            "The way forward"
        );
    }
}
