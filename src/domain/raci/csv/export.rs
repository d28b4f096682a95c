//! The wide CSV export: functions as rows, parties as columns, cells like `A/R`, read
//! back exactly by the import.

use super::{NO_MARKS, WIDE_COLUMNS};
use crate::domain::csv_cell::{guard, quote, record};
use crate::domain::raci::model::*;

fn party_header(p: &Party) -> String {
    format!("{} [{}]", p.name, p.side.key())
}

/// The matrix as a wide CSV file (UTF-8 with a byte order mark, CRLF line ends). Written
/// with `csv_cell` like the other exports: the `csv` crate's writer brought the float
/// parser and its tables into the wasm (about 17 KB) for a quoting rule we never use.
pub fn export_wide(raci: &Raci) -> String {
    let mut out = String::from("\u{feff}");
    let mut header: Vec<String> = WIDE_COLUMNS.iter().map(|s| (*s).to_owned()).collect();
    header.extend(raci.parties.iter().map(|p| guard(&party_header(p))));
    let columns = header.len();
    out.push_str(&record(header.into_iter().map(quote)));
    for c in &raci.categories {
        let mut empty = true;
        for f in raci.functions_in(c.id) {
            empty = false;
            write_function(&mut out, raci, &c.name, f);
        }
        if empty {
            // A row with only the category keeps an empty category in the file.
            let mut row = vec![String::new(); columns];
            row[0] = guard(&c.name);
            out.push_str(&record(row.into_iter().map(quote)));
        }
    }
    out
}

fn write_function(out: &mut String, raci: &Raci, category: &str, f: &Function) {
    let party_name = |id: Option<Id>| {
        id.and_then(|id| raci.party(id))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    // "none" says the function has no kind, so reading the file back does not suggest one.
    let marks: Vec<&str> = f.marks.iter().map(Mark::token).collect();
    let marks = if marks.is_empty() {
        NO_MARKS.to_owned()
    } else {
        marks.join("; ")
    };
    let mut row = vec![
        guard(category),
        guard(&f.name),
        guard(f.key.as_deref().unwrap_or("")),
        marks,
        guard(&party_name(f.day_owner)),
        guard(&party_name(f.night_owner)),
        guard(&f.p1),
        guard(&f.handoff),
        guard(&f.notes),
        guard(&f.hint),
    ];
    row.extend(raci.parties.iter().map(|p| f.letters(p.id).label()));
    out.push_str(&record(row.into_iter().map(quote)));
}
