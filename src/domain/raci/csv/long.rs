//! The long layout: one row per function, party and letter; a function's rows are
//! merged, and rows that contradict each other are reported.

use std::collections::BTreeMap;

use super::draft::*;
use super::records::*;
use super::ImportError;
use crate::domain::raci::edit::clean_name;
use crate::domain::raci::letters::Letters;
use crate::domain::raci::model::*;
use crate::domain::text::same_ignoring_case;

pub(super) fn read_long(header: &Record, columns: &[Option<Col>], body: &[Record]) -> Draft {
    let mut draft = Draft::default();
    let party_col = column(columns, Col::Party);
    let letter_col = column(columns, Col::Letter);
    let side_col = column(columns, Col::Side);
    let _ = header;
    // Where each party's side was first given, to report conflicts.
    let mut side_given: BTreeMap<usize, u64> = BTreeMap::new();
    let mut above = None;
    for rec in body {
        let line = rec.line;
        if category_only(&mut draft, columns, rec, &mut above) {
            continue;
        }
        let category = row_category(&mut draft, columns, rec, &mut above);
        let Some(name) = function_name(&mut draft, columns, rec) else {
            continue;
        };
        let Some(category) = category else { continue };
        let row_index = match draft.find_row(category, &name) {
            Some(i) => i,
            None => draft.add_row(Row {
                line,
                category,
                name: name.clone(),
                ..Row::default()
            }),
        };
        // Function details may sit on any of its rows, but must not disagree.
        let mut details = Row::default();
        read_details(&mut draft, columns, rec, &mut details);
        merge_details(&mut draft, row_index, details, line);

        let party_text = rec.get(party_col).trim().to_owned();
        let letter_text = rec.get(letter_col).to_owned();
        if party_text.is_empty() {
            if !letter_text.trim().is_empty() {
                draft.problem(ImportError::at(line, "a letter is given but no party"));
            }
            continue;
        }
        let side_text = rec.get(side_col).trim().to_owned();
        let side = if side_text.is_empty() {
            None
        } else {
            match Side::from_key(&side_text) {
                Some(s) => Some(s),
                None => {
                    draft.problem(ImportError::at(
                        line,
                        format!("unknown side “{side_text}”; use internal, msp, business or other"),
                    ));
                    None
                }
            }
        };
        let party = match draft.party_index(&party_text) {
            Some(p) => p,
            None => match clean_name(&party_text) {
                Ok(clean) => {
                    let guessed = side.unwrap_or_else(|| Side::guess(&clean));
                    let at = draft.add_party(clean, guessed);
                    if side.is_some() {
                        side_given.insert(at, line);
                    }
                    at
                }
                Err(e) => {
                    draft.problem(ImportError::at(
                        line,
                        format!("party name: {}", e.message()),
                    ));
                    continue;
                }
            },
        };
        if let Some(side) = side {
            match side_given.get(&party) {
                Some(first) if draft.parties[party].1 != side => draft.problem(ImportError::at(
                    line,
                    format!(
                        "{} is on the {} side here but {} on line {first}",
                        draft.parties[party].0,
                        side.key(),
                        draft.parties[party].1.key()
                    ),
                )),
                Some(_) => {}
                None => {
                    draft.parties[party].1 = side;
                    side_given.insert(party, line);
                }
            }
        }
        match Letters::parse(&letter_text) {
            Ok(l) => {
                let cell = draft.rows[row_index].roles.entry(party).or_default();
                for letter in l.iter() {
                    *cell = cell.with(letter);
                }
            }
            Err(bad) => {
                let pname = draft.parties[party].0.clone();
                draft.problem(ImportError::at(
                    line,
                    bad_letters(&letter_text, &pname, bad),
                ));
            }
        }
    }
    draft
}

/// Adds the details read from one more row of a function in the long layout.
pub(super) fn merge_details(draft: &mut Draft, index: usize, new: Row, line: u64) {
    let mut conflicts = Vec::new();
    {
        let row = &mut draft.rows[index];
        let first = row.line;
        let mut take = |slot: &mut String, value: String, label: &str| {
            if value.is_empty() || *slot == value {
                return;
            }
            if slot.is_empty() {
                *slot = value;
            } else {
                conflicts.push(format!("{label} differs from line {first}"));
            }
        };
        take(&mut row.p1, new.p1, "the P1 escalation");
        take(&mut row.handoff, new.handoff, "the hand-off note");
        take(&mut row.notes, new.notes, "the notes");
        take(&mut row.hint, new.hint, "the hint");
        let mut key = row.key.take().unwrap_or_default();
        take(&mut key, new.key.unwrap_or_default(), "the key");
        row.key = (!key.is_empty()).then_some(key);
        for m in new.marks.iter() {
            row.marks.set(m, true);
        }
        row.marks_given |= new.marks_given;
        for (slot, value, label) in [
            (&mut row.day, new.day, "the business hours owner"),
            (&mut row.night, new.night, "the after-hours owner"),
        ] {
            match (slot.as_ref(), value) {
                (_, None) => {}
                (None, Some(v)) => *slot = Some(v),
                (Some((a, _)), Some((b, _))) if same_ignoring_case(a, &b) => {}
                (Some(_), Some(_)) => conflicts.push(format!("{label} differs from line {first}")),
            }
        }
    }
    for c in conflicts {
        draft.problem(ImportError::at(line, c));
    }
}
