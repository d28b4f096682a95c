//! The wide layout: one row per function, one column per party, cells like `A/R`.

use super::draft::*;
use super::records::*;
use super::ImportError;
use crate::domain::csv_cell::unguard;
use crate::domain::raci::edit::clean_name;
use crate::domain::raci::letters::Letters;
use crate::domain::raci::model::*;

pub(super) fn read_wide(header: &Record, columns: &[Option<Col>], body: &[Record]) -> Draft {
    let mut draft = Draft::default();
    let party_count = columns.iter().filter(|c| c.is_none()).count();
    if party_count > MAX_PARTIES {
        // Every row would have a cell per column: refuse before reading them.
        draft.problem(ImportError::at(
            header.line,
            format!("the header has {party_count} party columns; a matrix holds at most {MAX_PARTIES} parties"),
        ));
        return draft;
    }
    // Party columns: every header that is not a known column.
    let mut party_columns: Vec<(usize, usize)> = Vec::new();
    for (i, h) in header.fields.iter().enumerate() {
        if columns[i].is_some() {
            continue;
        }
        let h = unguard(h);
        if h.trim().is_empty() {
            draft.problem(ImportError::at(
                header.line,
                format!("column {} has no heading", i + 1),
            ));
            continue;
        }
        match split_party_header(h) {
            Ok((name, side)) => match clean_name(&name) {
                Ok(name) if draft.party_index(&name).is_some() => draft.problem(ImportError::at(
                    header.line,
                    format!("the party “{name}” appears twice"),
                )),
                Ok(name) => {
                    let side = side.unwrap_or_else(|| Side::guess(&name));
                    party_columns.push((i, draft.add_party(name, side)));
                }
                Err(e) => draft.problem(ImportError::at(
                    header.line,
                    format!("party column: {}", e.message()),
                )),
            },
            Err(message) => draft.problem(ImportError::at(header.line, message)),
        }
    }
    if party_columns.is_empty() && draft.errors.is_empty() {
        draft.problem(ImportError::at(
            header.line,
            "no party columns: add one column per party, or use the long layout with Function, Party and Letter columns",
        ));
    }
    let mut above = None;
    for rec in body {
        let line = rec.line;
        if category_only(&mut draft, columns, rec, &mut above) {
            continue;
        }
        if rec.fields.len() > header.fields.len()
            && rec.fields[header.fields.len()..]
                .iter()
                .any(|f| !f.trim().is_empty())
        {
            draft.problem(ImportError::at(
                line,
                "this row has more cells than the header",
            ));
        }
        let category = row_category(&mut draft, columns, rec, &mut above);
        let Some(name) = function_name(&mut draft, columns, rec) else {
            continue;
        };
        let Some(category) = category else { continue };
        if let Some(i) = draft.find_row(category, &name) {
            let first = draft.rows[i].line;
            draft.problem(ImportError::at(
                line,
                format!("“{name}” is already listed in the same category on line {first}"),
            ));
            continue;
        }
        let mut row = Row {
            line,
            category,
            name,
            ..Row::default()
        };
        read_details(&mut draft, columns, rec, &mut row);
        for (col, party) in &party_columns {
            let text = rec.get(Some(*col));
            match Letters::parse(text) {
                Ok(l) => {
                    row.roles.insert(*party, l);
                }
                Err(bad) => {
                    let name = draft.parties[*party].0.clone();
                    draft.problem(ImportError::at(line, bad_letters(text, &name, bad)));
                }
            }
        }
        draft.add_row(row);
    }
    draft
}
