//! The compact body of a scorecard link: one evaluator's card in a few hundred bytes.
//!
//! Layout (link format 1; varints and strings as in `bytes`):
//! card id, evaluator, complete (0/1), exported time, workspace name;
//! providers (count, then id and name each);
//! criteria (count, then per criterion a tag: 0 = written out in full, k = the k-th
//! default criterion of format 1, then its weight);
//! one score nibble per provider × criterion (0 none, 1-6 points 0-5, 7 N/A);
//! a bitmap of the cells that have a note, then the notes in cell order;
//! red flags (count, then 0 = written out, k = the k-th default flag);
//! knock-outs (count of providers, then provider index, count, flag index and note).
//!
//! Defaults travel as their position in the frozen format-1 defaults (`defaults`), so a
//! scorecard built on the market criteria costs almost nothing beyond its scores and notes.

use std::collections::BTreeMap;

use super::bytes::{ReadError, Reader, Writer};
use super::defaults;
use crate::domain::provider::{Provider, MAX_PROVIDERS};
use crate::domain::scorecard::card_file::{self, CardFile};
use crate::domain::scorecard::criteria::MAX_FLAGS;
use crate::domain::scorecard::model::{Anchors, MAX_CRITERIA, MAX_TEXT_CHARS};
use crate::domain::scorecard::{Cell, Criterion, RedFlag, Score, Weight};

/// UTF-8 bytes a text may take (a character is at most four bytes).
const MAX_TEXT_BYTES: usize = MAX_TEXT_CHARS * 4;

/// Writes a card. Cells and knock-outs of providers, criteria or flags the card does
/// not list are left out: nothing shows them.
pub fn encode(card: &CardFile) -> Vec<u8> {
    let mut w = Writer::default();
    w.id(&card.card_id);
    w.str(&card.evaluator);
    w.byte(u8::from(card.complete));
    w.int(card.exported_ms);
    w.str(&card.workspace);
    w.uint(card.providers.len() as u64);
    for p in &card.providers {
        w.id(&p.id);
        w.str(&p.name);
    }
    let default_criteria = defaults::criteria();
    w.uint(card.criteria.len() as u64);
    for c in &card.criteria {
        match default_index(&default_criteria, c) {
            Some(k) => w.uint(k as u64 + 1),
            None => {
                w.uint(0);
                w.id(&c.id);
                for text in [
                    &c.group,
                    &c.name,
                    &c.question,
                    &c.anchors.one,
                    &c.anchors.three,
                    &c.anchors.five,
                ] {
                    w.str(text);
                }
            }
        }
        write_weight(&mut w, c.weight);
    }
    let cells: Vec<Option<&Cell>> = card
        .providers
        .iter()
        .flat_map(|p| {
            card.criteria
                .iter()
                .map(move |c| card.cells.get(&p.id).and_then(|row| row.get(&c.id)))
        })
        .collect();
    for pair in cells.chunks(2) {
        let nib = |cell: Option<&&Cell>| score_nibble(cell.and_then(|c| c.score));
        w.byte(
            nib(pair.first().and_then(Option::as_ref)) << 4
                | nib(pair.get(1).and_then(Option::as_ref)),
        );
    }
    for chunk in cells.chunks(8) {
        let mut bits = 0u8;
        for (i, cell) in chunk.iter().enumerate() {
            if cell.is_some_and(|c| !c.note.is_empty()) {
                bits |= 1 << i;
            }
        }
        w.byte(bits);
    }
    for cell in cells.iter().flatten().filter(|c| !c.note.is_empty()) {
        w.str(&cell.note);
    }
    let default_flags = defaults::flags();
    w.uint(card.flags.len() as u64);
    for f in &card.flags {
        match default_flags.iter().position(|d| d == f) {
            Some(k) => w.uint(k as u64 + 1),
            None => {
                w.uint(0);
                w.id(&f.id);
                w.str(&f.text);
                w.byte(u8::from(f.custom));
            }
        }
    }
    let rows: Vec<(usize, Vec<(usize, &String)>)> = card
        .providers
        .iter()
        .enumerate()
        .filter_map(|(pi, p)| {
            let ticked: Vec<(usize, &String)> = card
                .knockouts
                .get(&p.id)?
                .iter()
                .filter_map(|(flag, note)| {
                    Some((card.flags.iter().position(|f| &f.id == flag)?, note))
                })
                .collect();
            (!ticked.is_empty()).then_some((pi, ticked))
        })
        .collect();
    w.uint(rows.len() as u64);
    for (pi, ticked) in rows {
        w.uint(pi as u64);
        w.uint(ticked.len() as u64);
        for (fi, note) in ticked {
            w.uint(fi as u64);
            w.str(note);
        }
    }
    w.into_bytes()
}

/// Reads a card and checks it like an imported scorecard file.
pub fn decode(bytes: &[u8]) -> Result<CardFile, String> {
    let card = read(&mut Reader::new(bytes)).map_err(|e| e.0)?;
    card_file::validate(&card)?;
    Ok(card)
}

fn read(r: &mut Reader) -> Result<CardFile, ReadError> {
    let card_id = r.id("the card id")?;
    let evaluator = r.str(MAX_TEXT_BYTES, "the evaluator")?;
    let complete = r.byte("the complete mark")? == 1;
    let exported_ms = r.int("the export time")?;
    let workspace = r.str(MAX_TEXT_BYTES, "the workspace name")?;
    let mut providers = Vec::new();
    for _ in 0..r.count(MAX_PROVIDERS, "the provider count")? {
        let id = r.id("a provider id")?;
        let name = r.str(MAX_TEXT_BYTES, "a provider name")?;
        providers.push(Provider { id, name });
    }
    let default_criteria = defaults::criteria();
    let mut criteria = Vec::new();
    for _ in 0..r.count(MAX_CRITERIA, "the criterion count")? {
        let tag = r.count(default_criteria.len(), "a criterion")?;
        let mut criterion = if tag == 0 {
            let id = r.id("a criterion id")?;
            let mut texts = Vec::new();
            for what in [
                "a group",
                "a criterion name",
                "a question",
                "an anchor",
                "an anchor",
                "an anchor",
            ] {
                texts.push(r.str(MAX_TEXT_BYTES, what)?);
            }
            let [group, name, question, one, three, five]: [String; 6] = texts
                .try_into()
                .map_err(|_| ReadError("a criterion".into()))?;
            Criterion {
                id,
                group,
                name,
                question,
                anchors: Anchors { one, three, five },
                weight: Weight::ONE,
            }
        } else {
            default_criteria[tag - 1].clone()
        };
        criterion.weight = read_weight(r)?;
        criteria.push(criterion);
    }
    let cell_count = providers.len() * criteria.len();
    let scores: Vec<Option<Score>> = {
        let packed = r.bytes(cell_count.div_ceil(2), "the scores")?;
        packed
            .iter()
            .flat_map(|b| [b >> 4, b & 0x0f])
            .take(cell_count)
            .map(nibble_score)
            .collect::<Result<_, _>>()?
    };
    let note_bits = r.bytes(cell_count.div_ceil(8), "the note map")?.to_vec();
    let mut cells: BTreeMap<String, BTreeMap<String, Cell>> = BTreeMap::new();
    for (i, score) in scores.into_iter().enumerate() {
        let has_note = note_bits[i / 8] >> (i % 8) & 1 == 1;
        let note = if has_note {
            r.str(MAX_TEXT_BYTES, "a note")?
        } else {
            String::new()
        };
        if score.is_none() && note.is_empty() {
            continue;
        }
        let provider = &providers[i / criteria.len()].id;
        let criterion = &criteria[i % criteria.len()].id;
        cells
            .entry(provider.clone())
            .or_default()
            .insert(criterion.clone(), Cell { score, note });
    }
    let default_flags = defaults::flags();
    let mut flags = Vec::new();
    for _ in 0..r.count(MAX_FLAGS, "the flag count")? {
        let tag = r.count(default_flags.len(), "a red flag")?;
        flags.push(if tag == 0 {
            let id = r.id("a flag id")?;
            let text = r.str(MAX_TEXT_BYTES, "a flag")?;
            let custom = r.byte("a flag kind")? == 1;
            RedFlag { id, text, custom }
        } else {
            default_flags[tag - 1].clone()
        });
    }
    let mut knockouts: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for _ in 0..r.count(MAX_PROVIDERS, "the knock-out count")? {
        let pi = r.count(providers.len().saturating_sub(1), "a knocked-out provider")?;
        let provider = providers
            .get(pi)
            .ok_or_else(|| ReadError("a knocked-out provider".into()))?;
        let row = knockouts.entry(provider.id.clone()).or_default();
        for _ in 0..r.count(flags.len(), "a knock-out list")? {
            let fi = r.count(flags.len().saturating_sub(1), "a knock-out")?;
            let flag = flags
                .get(fi)
                .ok_or_else(|| ReadError("a knock-out".into()))?;
            row.insert(flag.id.clone(), r.str(MAX_TEXT_BYTES, "a knock-out note")?);
        }
    }
    if !r.is_empty() {
        return Err(ReadError(
            "there is data after the end of the scorecard".into(),
        ));
    }
    Ok(CardFile {
        card_id,
        evaluator,
        complete,
        exported_ms,
        workspace,
        providers,
        criteria,
        cells,
        flags,
        knockouts,
    })
}

/// The position among the format-1 defaults of a criterion that equals its default
/// but for the weight.
fn default_index(defaults: &[Criterion], c: &Criterion) -> Option<usize> {
    defaults.iter().position(|d| {
        d.id == c.id
            && d.group == c.group
            && d.name == c.name
            && d.question == c.question
            && d.anchors == c.anchors
    })
}

/// Weights in thousandths when exact (every weight typed in the app), else the f64 bits.
fn write_weight(w: &mut Writer, weight: Weight) {
    let milli = weight.get() * 1000.0;
    if milli.fract() == 0.0 && (0.0..=1e9).contains(&milli) && (milli / 1000.0) == weight.get() {
        w.uint((milli as u64) << 1);
    } else {
        w.uint(1);
        w.bytes(&weight.get().to_le_bytes());
    }
}

fn read_weight(r: &mut Reader) -> Result<Weight, ReadError> {
    let head = r.uint("a weight")?;
    let value = if head & 1 == 0 {
        (head >> 1) as f64 / 1000.0
    } else {
        let raw = r.bytes(8, "a weight")?;
        f64::from_le_bytes(raw.try_into().map_err(|_| ReadError("a weight".into()))?)
    };
    Weight::new(value).map_err(|e| ReadError(e.message().into()))
}

fn score_nibble(score: Option<Score>) -> u8 {
    match score {
        None => 0,
        Some(Score::Points(n)) => n + 1,
        Some(Score::NotApplicable) => 7,
    }
}

fn nibble_score(n: u8) -> Result<Option<Score>, ReadError> {
    match n {
        0 => Ok(None),
        1..=6 => Ok(Some(Score::Points(n - 1))),
        7 => Ok(Some(Score::NotApplicable)),
        _ => Err(ReadError("a score is out of range".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::criteria::{default_criteria, default_flags};
    use proptest::prelude::*;

    /// A card like the ones evaluators share: defaults, one custom criterion, notes.
    pub(crate) fn sample(providers: usize, criteria: usize, note: &str) -> CardFile {
        let mut all = default_criteria();
        all.truncate(criteria.saturating_sub(1));
        all.push(Criterion {
            id: "19a4c2f1e00deadbeef".into(),
            group: "Our own".into(),
            name: "Knows our ERP <vendor>".into(),
            question: "Have you supported our ERP?".into(),
            anchors: Anchors::default(),
            weight: Weight::new(2.5).unwrap(),
        });
        all[0].weight = Weight::new(7.0).unwrap();
        let providers: Vec<Provider> = (0..providers)
            .map(|i| Provider {
                id: format!("19a4c2f1e{i:02}0a1b2c3d4"),
                name: format!("Provider {i} & Co"),
            })
            .collect();
        let mut cells = BTreeMap::new();
        for (pi, p) in providers.iter().enumerate() {
            for (ci, c) in all.iter().enumerate() {
                let score = match (pi + ci) % 8 {
                    7 => None,
                    6 => Some(Score::NotApplicable),
                    n => Some(Score::Points((n % 6) as u8)),
                };
                let note = if note.is_empty() {
                    String::new()
                } else {
                    format!("{note} {pi}/{ci}")
                };
                if score.is_some() || !note.is_empty() {
                    cells
                        .entry(p.id.clone())
                        .or_insert_with(BTreeMap::new)
                        .insert(c.id.clone(), Cell { score, note });
                }
            }
        }
        let mut flags = default_flags();
        flags.push(RedFlag {
            id: "19a4c2f1e00c0ffee00".into(),
            text: "Wants our admin passwords by email".into(),
            custom: true,
        });
        let mut knockouts = BTreeMap::new();
        if let Some(p) = providers.first() {
            knockouts.insert(
                p.id.clone(),
                BTreeMap::from([("ko-vague-sla".to_owned(), "Best effort only".to_owned())]),
            );
        }
        CardFile {
            card_id: "19a4c2f1e0012345678".into(),
            evaluator: "Dana Reyes".into(),
            complete: true,
            exported_ms: 1_763_946_000_000,
            workspace: "Northwind review".into(),
            providers,
            criteria: all,
            cells,
            flags,
            knockouts,
        }
    }

    #[test]
    fn a_shared_card_round_trips() {
        let card = sample(10, 5, "Named engineer, tested escalation");
        let bytes = encode(&card);
        assert_eq!(decode(&bytes), Ok(card));
    }

    #[test]
    fn a_default_flag_given_twice_is_refused() {
        let mut card = sample(2, 3, "");
        card.flags = vec![default_flags()[0].clone(), default_flags()[0].clone()];
        card.knockouts.clear();
        let err = decode(&encode(&card)).unwrap_err();
        assert!(err.contains("red flag"), "{err}");
    }

    #[test]
    fn providers_named_alike_but_for_case_are_refused() {
        let mut card = sample(2, 3, "");
        card.providers[1].name = card.providers[0].name.to_uppercase();
        let err = decode(&encode(&card)).unwrap_err();
        assert!(err.contains("provider name"), "{err}");
    }

    #[test]
    fn defaults_cost_only_their_index() {
        let card = sample(3, 34, "");
        let full_json = serde_json::to_vec(&card).unwrap();
        let bytes = encode(&card);
        assert!(
            bytes.len() * 20 < full_json.len(),
            "{} vs {}",
            bytes.len(),
            full_json.len()
        );
    }

    #[test]
    fn an_edited_default_travels_in_full_and_keeps_the_edit() {
        let mut card = sample(2, 3, "");
        card.criteria[1].name = "Renamed by us".into();
        assert_eq!(
            decode(&encode(&card)).unwrap().criteria[1].name,
            "Renamed by us"
        );
    }

    #[test]
    fn truncated_or_padded_bodies_are_errors() {
        let bytes = encode(&sample(4, 5, "note"));
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
    }

    #[test]
    fn out_of_range_weights_and_scores_are_refused() {
        let weight = |write: fn(&mut Writer)| {
            let mut w = Writer::default();
            write(&mut w);
            read_weight(&mut Reader::new(&w.into_bytes()))
        };
        assert_eq!(weight(|w| w.uint(2500 << 1)), Ok(Weight::new(2.5).unwrap()));
        assert!(weight(|w| w.uint(1_000_001 << 1)).is_err(), "over 1000");
        assert!(weight(|w| {
            w.uint(1);
            w.bytes(&f64::NAN.to_le_bytes());
        })
        .is_err());
        assert!(weight(|w| {
            w.uint(1);
            w.bytes(&(-1.0f64).to_le_bytes());
        })
        .is_err());
        assert_eq!(
            nibble_score(8),
            Err(ReadError("a score is out of range".into()))
        );
    }

    proptest! {
        #[test]
        fn any_card_built_in_the_app_round_trips(p in 0usize..6, c in 1usize..12, note in "[a-zA-Z ,.<>&]{0,30}") {
            let card = sample(p, c, &note);
            prop_assert_eq!(decode(&encode(&card)), Ok(card));
        }

        #[test]
        fn any_bytes_are_refused_or_read_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = decode(&bytes);
        }
    }
}
