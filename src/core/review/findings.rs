//! Curating the findings of an area: the list the report prints.
//!
//! Every operation works on `Assessment::findings[area]` by index. Nothing is
//! lost: a merge keeps every source (and [`split`] undoes it), and a dropped
//! finding moves to `Assessment::dropped[area]`, which the report does not
//! print and from which [`restore`] brings it back.

use super::ReviewError;
use crate::core::assessment::{Assessment, CuratedFinding, FindingSource, SessionRecord};
use crate::core::session::FindingKind;

fn list_mut<'a>(
    assessment: &'a mut Assessment,
    area: &str,
) -> Result<&'a mut Vec<CuratedFinding>, ReviewError> {
    assessment
        .findings
        .get_mut(area)
        .ok_or_else(|| ReviewError::UnknownArea(area.to_owned()))
}

fn finding_mut<'a>(
    assessment: &'a mut Assessment,
    area: &str,
    index: usize,
) -> Result<&'a mut CuratedFinding, ReviewError> {
    list_mut(assessment, area)?
        .get_mut(index)
        .ok_or_else(|| no_such(area, index))
}

fn no_such(area: &str, index: usize) -> ReviewError {
    ReviewError::NoSuchFinding {
        area: area.to_owned(),
        index,
    }
}

fn clean(text: &str) -> Result<String, ReviewError> {
    let text = text.trim();
    if text.is_empty() {
        Err(ReviewError::EmptyText)
    } else {
        Ok(text.to_owned())
    }
}

/// Rewrites a finding's text (its sources keep what the interviews said).
pub fn edit_text(
    assessment: &mut Assessment,
    area: &str,
    index: usize,
    text: &str,
) -> Result<(), ReviewError> {
    let text = clean(text)?;
    finding_mut(assessment, area, index)?.text = text;
    Ok(())
}

/// Moves a finding between strength, challenge and weakness.
pub fn set_kind(
    assessment: &mut Assessment,
    area: &str,
    index: usize,
    kind: FindingKind,
) -> Result<(), ReviewError> {
    finding_mut(assessment, area, index)?.kind = kind;
    Ok(())
}

/// Marks or unmarks outstanding practice (the gold star); returns the new mark.
pub fn toggle_best_practice(
    assessment: &mut Assessment,
    area: &str,
    index: usize,
) -> Result<bool, ReviewError> {
    let f = finding_mut(assessment, area, index)?;
    f.best_practice = !f.best_practice;
    Ok(f.best_practice)
}

/// Moves a finding to another place in the list (the report's order).
pub fn move_to(
    assessment: &mut Assessment,
    area: &str,
    from: usize,
    to: usize,
) -> Result<(), ReviewError> {
    let list = list_mut(assessment, area)?;
    if from >= list.len() || to >= list.len() {
        return Err(no_such(area, from.max(to)));
    }
    let f = list.remove(from);
    list.insert(to, f);
    Ok(())
}

/// Merges duplicates into one finding at the place of the first in the list:
/// the kind of the first one named, `text` or else the first one's text, a
/// star if any had one, and every source in the order named. Returns its index.
pub fn merge(
    assessment: &mut Assessment,
    area: &str,
    indices: &[usize],
    text: Option<&str>,
) -> Result<usize, ReviewError> {
    let mut distinct: Vec<usize> = Vec::new();
    for &i in indices {
        if !distinct.contains(&i) {
            distinct.push(i);
        }
    }
    if distinct.len() < 2 {
        return Err(ReviewError::NeedTwo);
    }
    let text = text.map(clean).transpose()?;
    let list = list_mut(assessment, area)?;
    if let Some(&bad) = distinct.iter().find(|&&i| i >= list.len()) {
        return Err(no_such(area, bad));
    }
    let first = &list[distinct[0]];
    let mut merged = CuratedFinding {
        kind: first.kind,
        text: text.unwrap_or_else(|| first.text.clone()),
        best_practice: false,
        sources: Vec::new(),
        own: false,
        dropped_from: None,
    };
    for &i in &distinct {
        merged.best_practice |= list[i].best_practice;
        merged.own |= list[i].own;
        merged.sources.extend(list[i].sources.iter().cloned());
    }
    let place = *distinct.iter().min().expect("two or more");
    let mut sorted = distinct.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    for i in sorted {
        list.remove(i);
    }
    list.insert(place, merged);
    Ok(place)
}

/// Undoes a merge: one finding per source again, each with the text and kind
/// the interview gave, at the same place. Returns how many there are now.
pub fn split(assessment: &mut Assessment, area: &str, index: usize) -> Result<usize, ReviewError> {
    let list = list_mut(assessment, area)?;
    let f = list.get(index).ok_or_else(|| no_such(area, index))?;
    if f.sources.len() + usize::from(f.own) < 2 {
        return Err(ReviewError::NeedTwo);
    }
    let f = list.remove(index);
    // The evaluators' own part has no source to come back from: it keeps
    // the merged text, first.
    let own = f.own.then(|| CuratedFinding {
        sources: Vec::new(),
        ..f.clone()
    });
    let parts: Vec<CuratedFinding> = own
        .into_iter()
        .chain(f.sources.into_iter().map(|s| CuratedFinding {
            kind: s.kind,
            text: s.text.trim().to_owned(),
            best_practice: false,
            sources: vec![s],
            own: false,
            dropped_from: None,
        }))
        .collect();
    let n = parts.len();
    list.splice(index..index, parts);
    Ok(n)
}

/// Takes a finding out of the report; it is kept in the dropped list.
pub fn drop_finding(
    assessment: &mut Assessment,
    area: &str,
    index: usize,
) -> Result<(), ReviewError> {
    let list = list_mut(assessment, area)?;
    if index >= list.len() {
        return Err(no_such(area, index));
    }
    let mut f = list.remove(index);
    f.dropped_from = Some(index);
    assessment
        .dropped
        .entry(area.to_owned())
        .or_default()
        .push(f);
    Ok(())
}

/// Brings a dropped finding back to the place it was dropped from (the end
/// when the list has become shorter, or for one dropped before places were
/// recorded); returns its index.
pub fn restore(
    assessment: &mut Assessment,
    area: &str,
    dropped_index: usize,
) -> Result<usize, ReviewError> {
    let dropped = assessment
        .dropped
        .get_mut(area)
        .filter(|d| dropped_index < d.len())
        .ok_or_else(|| no_such(area, dropped_index))?;
    let mut f = dropped.remove(dropped_index);
    if dropped.is_empty() {
        assessment.dropped.remove(area);
    }
    let list = list_mut(assessment, area)?;
    let at = f.dropped_from.take().unwrap_or(list.len()).min(list.len());
    list.insert(at, f);
    Ok(at)
}

/// Adds a finding of the evaluators' own (from documents, the website) at
/// `at` in the area's list (clamped to its end); returns its index.
pub fn add(
    assessment: &mut Assessment,
    area: &str,
    at: usize,
    kind: FindingKind,
    text: &str,
) -> Result<usize, ReviewError> {
    let text = clean(text)?;
    let list = list_mut(assessment, area)?;
    let at = at.min(list.len());
    list.insert(
        at,
        CuratedFinding {
            kind,
            text,
            best_practice: false,
            sources: Vec::new(),
            own: true,
            dropped_from: None,
        },
    );
    Ok(at)
}

/// Findings of an area whose text (case and spacing aside) is also a
/// finding of another kind there, say a challenge and a weakness: each
/// index with the other kind. The screen points them out; one is likely
/// meant.
pub fn across_kinds(assessment: &Assessment, area: &str) -> Vec<(usize, FindingKind)> {
    let list = assessment.findings.get(area).map_or(&[][..], Vec::as_slice);
    let key = |f: &CuratedFinding| {
        f.text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let keys: Vec<String> = list.iter().map(key).collect();
    let mut out = Vec::new();
    for (i, f) in list.iter().enumerate() {
        if let Some(j) = (0..list.len()).find(|&j| list[j].kind != f.kind && keys[j] == keys[i]) {
            out.push((i, list[j].kind));
        }
    }
    out
}

/// The interview a finding's source came from, to show who said it.
pub fn origin<'a>(assessment: &'a Assessment, source: &FindingSource) -> Option<&'a SessionRecord> {
    assessment.sessions.iter().find(|s| s.id == source.session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::tests::source;
    use crate::core::bank::Bank;
    use crate::core::session::{Answer, Finding, tests::sample};

    /// Area 1 with four findings from two interviews: A's two on 1.1.1, B's two on 1.2.1.
    fn assessment() -> Assessment {
        let bank = Bank::builtin();
        let mut a = sample(&bank);
        a.answers.clear();
        let mut answer = Answer::default();
        let finding = |kind, text: &str| Finding {
            kind,
            text: text.into(),
        };
        answer.findings = vec![
            finding(FindingKind::Strength, "Har kommunikasjonsplan"),
            finding(FindingKind::Weakness, "Ingen strategi for lokaldemokrati"),
        ];
        a.answers.insert("1.1.1".into(), answer.clone());
        let mut b = a.clone();
        b.id = "B".into();
        b.answers.clear();
        answer.findings = vec![
            finding(FindingKind::Strength, "Kommunikasjonsplanen er oppdatert"),
            finding(FindingKind::Challenge, "Nettsidene er vanskelige å bruke"),
        ];
        b.answers.insert("1.2.1".into(), answer);
        Assessment::build(&bank, &[source(&a, "a"), source(&b, "b")], a.started_at)
    }

    fn texts(a: &Assessment) -> Vec<&str> {
        a.findings["1"].iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn edit_kind_star_and_order() {
        let mut a = assessment();
        edit_text(&mut a, "1", 3, " Nettsidene er lite brukervennlige ").unwrap();
        assert_eq!(edit_text(&mut a, "1", 3, "  "), Err(ReviewError::EmptyText));
        set_kind(&mut a, "1", 3, FindingKind::Weakness).unwrap();
        assert!(toggle_best_practice(&mut a, "1", 0).unwrap());
        move_to(&mut a, "1", 3, 0).unwrap();
        assert_eq!(texts(&a)[0], "Nettsidene er lite brukervennlige");
        assert_eq!(a.findings["1"][0].kind, FindingKind::Weakness);
        assert_eq!(
            a.findings["1"][0].sources[0].text,
            "Nettsidene er vanskelige å bruke"
        );
        assert!(a.findings["1"][1].best_practice);
        assert_eq!(
            move_to(&mut a, "1", 9, 0),
            Err(ReviewError::NoSuchFinding {
                area: "1".into(),
                index: 9
            })
        );
        assert_eq!(
            set_kind(&mut a, "9", 0, FindingKind::Strength),
            Err(ReviewError::UnknownArea("9".into()))
        );
    }

    #[test]
    fn merge_keeps_every_source_and_split_undoes_it() {
        let mut a = assessment();
        let before = a.findings["1"].clone();
        toggle_best_practice(&mut a, "1", 2).unwrap();
        let at = merge(&mut a, "1", &[2, 0], Some("Oppdatert kommunikasjonsplan")).unwrap();
        assert_eq!(at, 0);
        assert_eq!(
            texts(&a),
            [
                "Oppdatert kommunikasjonsplan",
                "Ingen strategi for lokaldemokrati",
                "Nettsidene er vanskelige å bruke"
            ]
        );
        let merged = &a.findings["1"][0];
        assert!(merged.best_practice);
        assert_eq!(merged.sources.len(), 2);
        assert_eq!(merged.sources[0].session, "B", "sources in the order named");
        assert_eq!(merge(&mut a, "1", &[1, 1], None), Err(ReviewError::NeedTwo));
        assert_eq!(split(&mut a, "1", 1), Err(ReviewError::NeedTwo));

        assert_eq!(split(&mut a, "1", 0).unwrap(), 2);
        assert_eq!(a.findings["1"].len(), 4);
        let mut now: Vec<_> = a.findings["1"].iter().map(|f| f.sources.clone()).collect();
        let mut was: Vec<_> = before.iter().map(|f| f.sources.clone()).collect();
        now.sort_by(|x, y| x[0].text.cmp(&y[0].text));
        was.sort_by(|x, y| x[0].text.cmp(&y[0].text));
        assert_eq!(now, was);
    }

    #[test]
    fn dropped_findings_are_kept_and_can_be_restored() {
        let bank = Bank::builtin();
        let mut a = assessment();
        drop_finding(&mut a, "1", 1).unwrap();
        assert_eq!(a.findings["1"].len(), 3);
        assert_eq!(a.dropped["1"][0].text, "Ingen strategi for lokaldemokrati");
        let saved = crate::core::assessment::Assessment::parse(&a.to_json()).unwrap();
        assert_eq!(saved, a);
        assert_eq!(a.check(&bank), vec![]);
        // Back at its place (issue 13), not at the end.
        assert_eq!(a.dropped["1"][0].dropped_from, Some(1));
        let before = assessment();
        assert_eq!(restore(&mut a, "1", 0).unwrap(), 1);
        assert!(a.dropped.is_empty());
        assert_eq!(a.findings, before.findings);
        // One dropped before places were recorded goes to the end.
        drop_finding(&mut a, "1", 1).unwrap();
        a.dropped.get_mut("1").unwrap()[0].dropped_from = None;
        assert_eq!(restore(&mut a, "1", 0).unwrap(), 3);
        assert_eq!(
            restore(&mut a, "1", 0),
            Err(ReviewError::NoSuchFinding {
                area: "1".into(),
                index: 0
            })
        );
        let src = &a.findings["1"][3].sources[0];
        assert_eq!(origin(&a, src).unwrap().interviewees[0].role, "mayor");
    }
}
