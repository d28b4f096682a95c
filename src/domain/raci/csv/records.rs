//! A file's records (blank lines dropped, formula guards removed) and what its header
//! columns name.

use super::ImportError;
use crate::domain::csv_cell::unguard;
use crate::domain::limits::{MAX_CSV_ROWS, MAX_REPORTED_PROBLEMS};
use crate::domain::raci::model::{Side, MAX_FUNCTIONS};

/// What a header names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Col {
    Category,
    Function,
    Key,
    Marks,
    Day,
    Night,
    P1,
    Handoff,
    Notes,
    Hint,
    Party,
    Letter,
    Side,
}

pub(super) fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(crate::domain::text::fold)
        .collect()
}

pub(super) fn known_column(header: &str) -> Option<Col> {
    Some(match normalise(header).as_str() {
        "category" | "group" | "area" => Col::Category,
        "function" | "activity" | "task" => Col::Function,
        "key" => Col::Key,
        "marks" | "flags" => Col::Marks,
        "businesshoursowner" | "businesshours" | "dayowner" => Col::Day,
        "afterhoursowner" | "afterhours" | "nightowner" | "outofhoursowner" => Col::Night,
        "p1escalation" | "p1escalationpath" | "p1" | "escalationpath" => Col::P1,
        "handoff" | "handoffnote" => Col::Handoff,
        "notes" | "note" | "comments" => Col::Notes,
        "hint" => Col::Hint,
        "party" => Col::Party,
        "letter" | "letters" | "role" | "roles" | "raci" => Col::Letter,
        "side" | "partyside" => Col::Side,
        _ => return None,
    })
}

/// Splits "Name [side]" into the name and the side, if the brackets hold a side.
pub(super) fn split_party_header(header: &str) -> Result<(String, Option<Side>), String> {
    let trimmed = header.trim();
    if let Some(open) = trimmed.rfind('[') {
        if let Some(inner) = trimmed[open + 1..].strip_suffix(']') {
            let name = trimmed[..open].trim_end();
            return match Side::from_key(inner) {
                Some(side) if !name.is_empty() => Ok((name.to_owned(), Some(side))),
                Some(_) => Err("a party column has a side but no name".to_owned()),
                None => Err(format!(
                    "the column “{trimmed}” has an unknown side “{inner}”; use internal, msp, business or other"
                )),
            };
        }
    }
    Ok((trimmed.to_owned(), None))
}

/// The cells of one record, with formula guards removed.
pub(super) struct Record {
    pub(super) line: u64,
    pub(super) fields: Vec<String>,
}

impl Record {
    pub(super) fn get(&self, index: Option<usize>) -> &str {
        index
            .and_then(|i| self.fields.get(i))
            .map(|s| unguard(s))
            .unwrap_or("")
    }

    pub(super) fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// "…and 412 more problems", after the ones listed.
pub(super) fn more_problems(count: usize) -> ImportError {
    ImportError::file(format!(
        "…and {} more problem{} not listed.",
        crate::domain::input::group(count as i64),
        if count == 1 { "" } else { "s" }
    ))
}

/// The separator of a file, read off its header line outside quotes: a comma, or the
/// semicolon of a spreadsheet saved where the comma is the decimal mark (most of Europe),
/// or a tab. On a tie, a comma.
fn separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\t' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let most = (0..3).max_by_key(|&i| counts[i]).unwrap_or(2);
    [b'\t', b';', b','][most]
}

pub(super) fn read_records(text: &str) -> Result<Vec<Record>, Vec<ImportError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut more_errors = 0;
    for result in reader.records() {
        match result {
            Ok(rec) => {
                let line = rec.position().map(|p| p.line()).unwrap_or(0);
                let record = Record {
                    line,
                    fields: rec.iter().map(str::to_owned).collect(),
                };
                if !record.is_blank() {
                    records.push(record);
                }
                if records.len() > MAX_CSV_ROWS {
                    return Err(vec![ImportError::file(format!(
                        "The file has more than {} rows; a matrix holds at most {MAX_FUNCTIONS} functions.",
                        crate::domain::input::group(MAX_CSV_ROWS as i64)
                    ))]);
                }
            }
            Err(_) if errors.len() >= MAX_REPORTED_PROBLEMS => more_errors += 1,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                errors.push(ImportError {
                    line,
                    message: "this line cannot be read as CSV".to_owned(),
                });
            }
        }
    }
    if more_errors > 0 {
        errors.push(more_problems(more_errors));
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

pub(super) fn column(columns: &[Option<Col>], c: Col) -> Option<usize> {
    columns.iter().position(|x| *x == Some(c))
}
