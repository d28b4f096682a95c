//! CSV files. Export is the wide format (functions as rows, parties as columns, cells like
//! `A/R`), which reads back exactly. Import reads the wide format and the long format
//! (one row per function, party and letter), finds columns by their headers, and either
//! builds the whole matrix or reports every bad row by line number.

use std::collections::{BTreeMap, HashMap};

use super::edit::clean_name;
use super::letters::{BadLetter, Letters};
use super::model::*;
use crate::domain::csv_cell::{guard, unguard};
use crate::domain::limits::{MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_REPORTED_PROBLEMS};
use crate::domain::text::{lower, same_ignoring_case};

/// Function columns of the wide format, before one column per party.
pub const WIDE_COLUMNS: [&str; 10] = [
    "Category",
    "Function",
    "Key",
    "Marks",
    "Business hours owner",
    "After hours owner",
    "P1 escalation",
    "Hand-off",
    "Notes",
    "Hint",
];

/// When no category is given.
const DEFAULT_CATEGORY: &str = "Functions";

/// One problem in an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The line of the file (1-based), or `None` for the file as a whole.
    pub line: Option<u64>,
    pub message: String,
}

impl ImportError {
    fn at(line: u64, message: impl Into<String>) -> ImportError {
        ImportError {
            line: Some(line),
            message: message.into(),
        }
    }

    /// A problem with the file as a whole rather than one line.
    pub fn file(message: impl Into<String>) -> ImportError {
        ImportError {
            line: None,
            message: message.into(),
        }
    }

    /// "Line 4: …" or just the message.
    pub fn text(&self) -> String {
        match self.line {
            Some(line) => format!("Line {line}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// Which layout a file used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Long,
}

/// A successfully read file.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub raci: Raci,
    pub layout: Layout,
    /// Functions the file gave no kinds that got them from their names.
    pub suggested: Vec<Id>,
}

/// The Marks cell of a function with no kind.
const NO_MARKS: &str = "none";

fn party_header(p: &Party) -> String {
    format!("{} [{}]", p.name, p.side.key())
}

/// The matrix as a wide CSV file (UTF-8 with a byte order mark, CRLF line ends).
pub fn export_wide(raci: &Raci) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = WIDE_COLUMNS.iter().map(|s| (*s).to_owned()).collect();
    header.extend(raci.parties.iter().map(|p| guard(&party_header(p))));
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&header);
    for c in &raci.categories {
        let mut empty = true;
        for f in raci.functions_in(c.id) {
            empty = false;
            write_function(&mut w, raci, &c.name, f);
        }
        if empty {
            // A row with only the category keeps an empty category in the file.
            let mut row = vec![String::new(); header.len()];
            row[0] = guard(&c.name);
            let _ = w.write_record(&row);
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

fn write_function(w: &mut ::csv::Writer<Vec<u8>>, raci: &Raci, category: &str, f: &Function) {
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
    let _ = w.write_record(&row);
}

/// What a header names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
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

fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(crate::domain::text::fold)
        .collect()
}

fn known_column(header: &str) -> Option<Col> {
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
fn split_party_header(header: &str) -> Result<(String, Option<Side>), String> {
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

/// A function being read, before parties and owners are resolved.
#[derive(Default)]
struct Row {
    line: u64,
    category: usize,
    name: String,
    key: Option<String>,
    marks: Marks,
    /// The file says this function's kinds (even if only "none"); otherwise its name
    /// suggests them.
    marks_given: bool,
    roles: BTreeMap<usize, Letters>,
    day: Option<(String, u64)>,
    night: Option<(String, u64)>,
    p1: String,
    handoff: String,
    notes: String,
    hint: String,
}

/// What both layouts collect. Names are looked up by their folded form, so a file of
/// thousands of rows takes linear time.
#[derive(Default)]
struct Draft {
    parties: Vec<(String, Side)>,
    categories: Vec<String>,
    rows: Vec<Row>,
    party_at: HashMap<String, usize>,
    category_at: HashMap<String, usize>,
    row_at: HashMap<(usize, String), usize>,
    errors: Vec<ImportError>,
    /// Problems found beyond the ones listed.
    more_errors: usize,
}

fn key(name: &str) -> String {
    lower(name.trim())
}

impl Draft {
    /// Records a problem; past the first few dozen they are only counted.
    fn problem(&mut self, error: ImportError) {
        if self.errors.len() < MAX_REPORTED_PROBLEMS {
            self.errors.push(error);
        } else {
            self.more_errors += 1;
        }
    }

    fn category(&mut self, name: &str) -> usize {
        let next = self.categories.len();
        let at = *self.category_at.entry(key(name)).or_insert(next);
        if at == next {
            self.categories.push(name.to_owned());
        }
        at
    }

    fn party_index(&self, name: &str) -> Option<usize> {
        self.party_at.get(&key(name)).copied()
    }

    fn add_party(&mut self, name: String, side: Side) -> usize {
        let at = self.parties.len();
        self.party_at.insert(key(&name), at);
        self.parties.push((name, side));
        at
    }

    fn find_row(&self, category: usize, name: &str) -> Option<usize> {
        self.row_at.get(&(category, key(name))).copied()
    }

    fn add_row(&mut self, row: Row) -> usize {
        let at = self.rows.len();
        self.row_at.insert((row.category, key(&row.name)), at);
        self.rows.push(row);
        at
    }

    /// Checks the limits, resolves owners and builds the matrix with fresh ids.
    fn finish(mut self, layout: Layout) -> Result<Imported, Vec<ImportError>> {
        if self.rows.is_empty() && self.errors.is_empty() {
            self.problem(ImportError::file("The file has a header but no functions."));
        }
        for (count, max, what) in [
            (self.parties.len(), MAX_PARTIES, "parties"),
            (self.categories.len(), MAX_CATEGORIES, "categories"),
            (self.rows.len(), MAX_FUNCTIONS, "functions"),
        ] {
            if count > max {
                self.problem(ImportError::file(format!(
                    "The file has {count} {what}; a matrix holds at most {max}."
                )));
            }
        }
        let mut keys: BTreeMap<String, u64> = BTreeMap::new();
        let mut problems = Vec::new();
        for row in &self.rows {
            for (owner, label) in [(&row.day, "business hours"), (&row.night, "after-hours")] {
                if let Some((name, line)) = owner {
                    if self.party_index(name).is_none() {
                        problems.push(ImportError::at(
                            *line,
                            format!("the {label} owner “{name}” is not one of the parties"),
                        ));
                    }
                }
            }
            if let Some(key) = &row.key {
                if let Some(first) = keys.insert(key.clone(), row.line) {
                    problems.push(ImportError::at(
                        row.line,
                        format!("the key “{key}” is already used on line {first}"),
                    ));
                    keys.insert(key.clone(), first);
                }
            }
        }
        for problem in problems {
            self.problem(problem);
        }
        if !self.errors.is_empty() {
            crate::domain::order::sort_by_key(&mut self.errors, |e| e.line.unwrap_or(0));
            if self.more_errors > 0 {
                self.errors.push(more_problems(self.more_errors));
            }
            return Err(self.errors);
        }

        let mut raci = Raci::default();
        let mut next: Id = 1;
        let mut fresh = || {
            next += 1;
            next - 1
        };
        raci.parties = self
            .parties
            .iter()
            .map(|(name, side)| Party {
                id: fresh(),
                name: name.clone(),
                side: *side,
            })
            .collect();
        raci.categories = self
            .categories
            .iter()
            .map(|name| Category {
                id: fresh(),
                name: name.clone(),
            })
            .collect();
        // Functions are stored in grid order: by category, then as they came.
        crate::domain::order::sort_by_key(&mut self.rows, |r| r.category);
        let party_id = |i: usize| raci.parties[i].id;
        let owner = |o: &Option<(String, u64)>| {
            o.as_ref()
                .and_then(|(name, _)| self.party_index(name))
                .map(party_id)
        };
        let functions: Vec<Function> = self
            .rows
            .iter()
            .map(|r| Function {
                id: fresh(),
                key: r.key.clone(),
                category: raci.categories[r.category].id,
                name: r.name.clone(),
                hint: r.hint.clone(),
                marks: r.marks,
                roles: r
                    .roles
                    .iter()
                    .filter(|(_, l)| !l.is_empty())
                    .map(|(p, l)| (party_id(*p), *l))
                    .collect(),
                day_owner: owner(&r.day),
                night_owner: owner(&r.night),
                p1: r.p1.clone(),
                handoff: r.handoff.clone(),
                notes: r.notes.clone(),
                ..Function::default()
            })
            .collect();
        raci.functions = functions;
        raci.next_id = fresh();
        let mut suggested = Vec::new();
        // Kinds the file gives are kept as they are, like the template's; the name
        // suggests kinds only where the file says nothing.
        for (f, r) in raci.functions.iter_mut().zip(&self.rows) {
            if !r.marks_given && !f.follow_name().is_empty() {
                suggested.push(f.id);
            }
        }
        Ok(Imported {
            raci,
            layout,
            suggested,
        })
    }
}

/// The cells of one record, with formula guards removed.
struct Record {
    line: u64,
    fields: Vec<String>,
}

impl Record {
    fn get(&self, index: Option<usize>) -> &str {
        index
            .and_then(|i| self.fields.get(i))
            .map(|s| unguard(s))
            .unwrap_or("")
    }

    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// "…and 412 more problems", after the ones listed.
fn more_problems(count: usize) -> ImportError {
    ImportError::file(format!(
        "…and {} more problem{} not listed.",
        crate::domain::input::group(count as i64),
        if count == 1 { "" } else { "s" }
    ))
}

fn read_records(text: &str) -> Result<Vec<Record>, Vec<ImportError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
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

/// Refuses a file over the size limit; the browser asks before reading the file.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_CSV_BYTES {
        return Err(ImportError::file(format!(
            "The file is {:.1} MB; a RACI CSV file is at most {} MB.",
            bytes as f64 / 1_048_576.0,
            MAX_CSV_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Reads a CSV file in the wide or the long layout. A file over the size or row limit
/// is refused before its rows are looked at; past the first few dozen problems the
/// rest are counted, not listed.
pub fn import(text: &str) -> Result<Imported, Vec<ImportError>> {
    check_size(text.len() as u64).map_err(|e| vec![e])?;
    let records = read_records(text)?;
    let Some((header, body)) = records.split_first() else {
        return Err(vec![ImportError::file("The file is empty.")]);
    };
    let columns: Vec<Option<Col>> = header.fields.iter().map(|h| known_column(h)).collect();
    let has = |c: Col| columns.contains(&Some(c));
    if !has(Col::Function) {
        return Err(vec![ImportError::at(
            header.line,
            "the header has no Function column; the first line must name the columns",
        )]);
    }
    if has(Col::Party) && has(Col::Letter) {
        read_long(header, &columns, body).finish(Layout::Long)
    } else {
        read_wide(header, &columns, body).finish(Layout::Wide)
    }
}

fn column(columns: &[Option<Col>], c: Col) -> Option<usize> {
    columns.iter().position(|x| *x == Some(c))
}

/// Reads the function-level cells shared by both layouts into `row`.
fn read_details(draft: &mut Draft, columns: &[Option<Col>], rec: &Record, row: &mut Row) {
    let line = rec.line;
    let get = |c| rec.get(column(columns, c));
    let key = get(Col::Key).trim();
    if !key.is_empty() {
        row.key = Some(key.to_owned());
    }
    for token in get(Col::Marks)
        .split(|c: char| c == ';' || c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        row.marks_given = true;
        if token.eq_ignore_ascii_case(NO_MARKS) {
            continue;
        }
        match Mark::from_token(token) {
            Some(m) => row.marks.set(m, true),
            None => draft.problem(ImportError::at(
                line,
                format!(
                    "unknown mark “{token}”; use 24/7, incident, compliance, exit, tools or none"
                ),
            )),
        }
    }
    for (c, slot) in [(Col::Day, &mut row.day), (Col::Night, &mut row.night)] {
        let name = get(c).trim();
        if !name.is_empty() {
            *slot = Some((name.to_owned(), line));
        }
    }
    for (c, slot, label) in [
        (Col::P1, &mut row.p1, "the P1 escalation"),
        (Col::Handoff, &mut row.handoff, "the hand-off note"),
        (Col::Notes, &mut row.notes, "the notes"),
        (Col::Hint, &mut row.hint, "the hint"),
    ] {
        let text = get(c);
        if text.chars().count() > MAX_TEXT_CHARS {
            draft.problem(ImportError::at(
                line,
                format!("{label} is longer than {MAX_TEXT_CHARS} characters"),
            ));
        } else {
            *slot = text.to_owned();
        }
    }
}

/// A row naming only a category: it declares that (possibly empty) category.
fn category_only(
    draft: &mut Draft,
    columns: &[Option<Col>],
    rec: &Record,
    above: &mut Option<usize>,
) -> bool {
    let Some(cat_col) = column(columns, Col::Category) else {
        return false;
    };
    let only = rec
        .fields
        .iter()
        .enumerate()
        .all(|(i, f)| (i == cat_col) != f.trim().is_empty());
    if only {
        if let Ok(name) = clean_name(rec.get(Some(cat_col))) {
            *above = Some(draft.category(&name));
            return true;
        }
    }
    false
}

/// The category of a row: its own, the one above it when blank, or the default.
fn row_category(
    draft: &mut Draft,
    columns: &[Option<Col>],
    rec: &Record,
    above: &mut Option<usize>,
) -> Option<usize> {
    let text = rec.get(column(columns, Col::Category)).trim().to_owned();
    if text.is_empty() {
        return Some(above.unwrap_or_else(|| draft.category(DEFAULT_CATEGORY)));
    }
    match clean_name(&text) {
        Ok(name) => {
            let c = draft.category(&name);
            *above = Some(c);
            Some(c)
        }
        Err(e) => {
            draft.problem(ImportError::at(
                rec.line,
                format!("category: {}", e.message()),
            ));
            None
        }
    }
}

fn bad_letters(text: &str, party: &str, BadLetter(c): BadLetter) -> String {
    format!(
        "“{}” under {party} is not a set of RACI letters (found “{c}”; use R, A, C or I)",
        text.trim()
    )
}

fn read_wide(header: &Record, columns: &[Option<Col>], body: &[Record]) -> Draft {
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
        let name = match clean_name(rec.get(column(columns, Col::Function))) {
            Ok(name) => name,
            Err(e) => {
                draft.problem(ImportError::at(
                    line,
                    format!("function name: {}", e.message()),
                ));
                continue;
            }
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

fn read_long(header: &Record, columns: &[Option<Col>], body: &[Record]) -> Draft {
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
        let name = match clean_name(rec.get(column(columns, Col::Function))) {
            Ok(name) => name,
            Err(e) => {
                draft.problem(ImportError::at(
                    line,
                    format!("function name: {}", e.message()),
                ));
                continue;
            }
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
fn merge_details(draft: &mut Draft, index: usize, new: Row, line: u64) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template::co_managed;
    use proptest::prelude::*;

    fn messages(result: Result<Imported, Vec<ImportError>>) -> Vec<String> {
        result.unwrap_err().iter().map(ImportError::text).collect()
    }

    #[test]
    fn the_template_round_trips_exactly() {
        for industry in Industry::ALL {
            let raci = co_managed(industry);
            let text = export_wide(&raci);
            let back = import(&text).unwrap();
            assert_eq!(back.layout, Layout::Wide);
            assert_eq!(back.raci, raci.canonical(), "{industry:?}");
            assert_eq!(export_wide(&back.raci), text);
        }
    }

    #[test]
    fn export_has_a_bom_crlf_and_cells_like_a_slash_r() {
        let text = export_wide(&co_managed(Industry::General));
        assert!(text.starts_with('\u{feff}'));
        let first_line = text
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .next()
            .unwrap();
        assert_eq!(
            first_line,
            "Category,Function,Key,Marks,Business hours owner,After hours owner,P1 escalation,Hand-off,Notes,Hint,Internal IT [internal],MSP [msp],Business leadership [business]"
        );
        assert!(text.contains(",A/R,I,\r\n"), "cells like A/R");
    }

    /// A wide file with one function per row, every name different.
    fn unique_names(bytes: usize) -> String {
        let mut text = String::from("Category,Function,Internal IT,MSP\n");
        let mut i = 0;
        while text.len() < bytes {
            text.push_str(&format!("Ops,Function number {i},R,I\n"));
            i += 1;
        }
        text
    }

    #[test]
    fn a_megabyte_of_unique_names_is_refused_quickly() {
        let text = unique_names(1024 * 1024);
        let started = std::time::Instant::now();
        let errors = import(&text).unwrap_err();
        let took = started.elapsed();
        println!("1 MB of unique names: {took:?}");
        assert!(
            errors[0].message.contains("more than 12,500 rows"),
            "{errors:?}"
        );
        // A generous bound: the linear path takes milliseconds, the quadratic one minutes.
        assert!(took.as_secs() < 10, "{took:?}");
    }

    #[test]
    fn the_largest_file_within_the_limits_is_read_in_linear_time() {
        // Long layout at the row limit: every function, category and party new.
        let mut text = String::from("Category,Function,Party,Letter\n");
        for i in 0..MAX_CSV_ROWS {
            text.push_str(&format!("Area {i},Function {i},Party {i},R\n"));
        }
        let started = std::time::Instant::now();
        let errors = import(&text).unwrap_err();
        println!("{MAX_CSV_ROWS} rows of new names: {:?}", started.elapsed());
        assert!(errors
            .iter()
            .any(|e| e.message.contains("a matrix holds at most")));
        assert!(started.elapsed().as_secs() < 10);
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
        let text = " ".repeat(MAX_CSV_BYTES as usize + 1);
        let errors = import(&text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("at most 5 MB"), "{errors:?}");
    }

    #[test]
    fn problems_past_the_first_thirty_are_counted_not_listed() {
        let mut text = String::from("Category,Function,Internal IT\n");
        for i in 0..100 {
            text.push_str(&format!("Ops,Function {i},X\n"));
        }
        let errors = import(&text).unwrap_err();
        assert_eq!(errors.len(), MAX_REPORTED_PROBLEMS + 1);
        assert_eq!(errors[0].line, Some(2));
        assert_eq!(
            errors.last().unwrap().text(),
            "…and 70 more problems not listed."
        );
    }

    #[test]
    fn too_many_party_columns_are_refused_before_the_rows() {
        let header: Vec<String> = (0..=MAX_PARTIES).map(|i| format!("Party {i}")).collect();
        let text = format!("Function,{}\nPatching,R\n", header.join(","));
        let errors = import(&text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("25 party columns"), "{errors:?}");
    }

    #[test]
    fn every_formula_start_is_guarded_in_the_export_and_reads_back() {
        let mut raci = co_managed(Industry::General);
        let texts = ["=cmd()", "+1", "-x", "@SUM", "\tcmd", "\r=x"];
        for (f, text) in raci.functions.iter_mut().zip(texts) {
            f.notes = text.to_owned();
        }
        let exported = export_wide(&raci);
        for text in texts {
            assert!(exported.contains(&format!("'{text}")), "{text:?}");
        }
        let back = import(&exported).unwrap().raci;
        for (f, text) in back.rows().into_iter().zip(texts) {
            assert_eq!(f.notes, text);
        }
    }

    #[test]
    fn wide_import_accepts_separators_lowercase_bom_crlf_and_quotes() {
        let text = "\u{feff}Function,Category,Internal IT,MSP\r\n\
            \"Patching, and patch failures\",Operations,a/r,R\r\n\
            Backups,,c+i,A R\r\n\
            \"Says \"\"hi\"\"\nover two lines\",Security,\"A,R\",i\r\n";
        let imported = import(text).unwrap();
        let r = &imported.raci;
        assert_eq!(r.parties.len(), 2);
        assert_eq!(r.parties[0].side, Side::Internal, "guessed from the name");
        assert_eq!(r.parties[1].side, Side::Msp);
        let names: Vec<&str> = r.rows().iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Patching, and patch failures",
                "Backups",
                "Says \"hi\"\nover two lines"
            ]
        );
        let backups = r.rows()[1];
        assert_eq!(
            r.category(backups.category).unwrap().name,
            "Operations",
            "blank category = the row above"
        );
        assert_eq!(backups.letters(r.parties[0].id).label(), "C/I");
        assert_eq!(backups.letters(r.parties[1].id).label(), "A/R");
    }

    #[test]
    fn long_import_spans_rows_and_merges_letters() {
        let text = "Category,Function,Party,Letter,Side,P1 escalation,After hours owner\n\
            Security,Security alerts,MSP SOC,R,msp,SOC on-call then IT manager,\n\
            Security,Security alerts,MSP SOC,A,,,MSP SOC\n\
            Security,Security alerts,Internal IT,I,internal,,\n\
            Operations,Backups,MSP SOC,r/a,,,\n\
            Operations,Backups,Compliance officer,,,,\n";
        let imported = import(text).unwrap();
        assert_eq!(imported.layout, Layout::Long);
        let r = &imported.raci;
        let party_names: Vec<&str> = r.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            party_names,
            ["MSP SOC", "Internal IT", "Compliance officer"]
        );
        assert_eq!(r.parties[2].side, Side::Business);
        let alerts = r
            .functions
            .iter()
            .find(|f| f.name == "Security alerts")
            .unwrap();
        assert_eq!(alerts.letters(r.parties[0].id).label(), "A/R");
        assert_eq!(alerts.p1, "SOC on-call then IT manager");
        assert_eq!(alerts.night_owner, Some(r.parties[0].id));
        let cats: Vec<&str> = r.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(cats, ["Security", "Operations"]);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_nothing_is_imported() {
        let text = "Category,Function,Business hours owner,Internal IT,MSP\n\
            Ops,Patching,Internal IT,A,R\n\
            Ops,,Internal IT,A,R\n\
            Ops,Backups,Nobody,A,X\n\
            Ops,Patching,,A,R\n\
            Ops,Alerts,,A,R,extra\n";
        let errors = messages(import(text));
        assert_eq!(
            errors,
            [
                "Line 3: function name: Give it a name.",
                "Line 4: “X” under MSP is not a set of RACI letters (found “X”; use R, A, C or I)",
                "Line 4: the business hours owner “Nobody” is not one of the parties",
                "Line 5: “Patching” is already listed in the same category on line 2",
                "Line 6: this row has more cells than the header",
            ]
        );
    }

    #[test]
    fn header_problems_are_reported() {
        assert_eq!(messages(import("")), ["The file is empty."]);
        assert_eq!(messages(import("\u{feff}\r\n\r\n")), ["The file is empty."]);
        assert_eq!(
            messages(import("Name,Owner\nx,y\n")),
            ["Line 1: the header has no Function column; the first line must name the columns"]
        );
        assert_eq!(
            messages(import("Function,MSP [vendor]\nx,R\n")),
            ["Line 1: the column “MSP [vendor]” has an unknown side “vendor”; use internal, msp, business or other"]
        );
        assert_eq!(
            messages(import("Function,MSP,msp\nx,R,A\n")),
            ["Line 1: the party “msp” appears twice"]
        );
        assert_eq!(
            messages(import("Function,MSP\n")),
            ["The file has a header but no functions."]
        );
        assert!(messages(import("Function\nx\n"))[0].contains("no party columns"));
    }

    #[test]
    fn long_import_reports_conflicts() {
        let text = "Function,Party,Letter,Side,P1\n\
            Alerts,MSP,R,msp,Call SOC\n\
            Alerts,MSP,A,internal,Call IT\n\
            Alerts,,R,,\n\
            Alerts,MSP,Q,,\n";
        assert_eq!(
            messages(import(text)),
            [
                "Line 3: the P1 escalation differs from line 2",
                "Line 3: MSP is on the internal side here but msp on line 2",
                "Line 4: a letter is given but no party",
                "Line 5: “Q” under MSP is not a set of RACI letters (found “Q”; use R, A, C or I)",
            ]
        );
    }

    #[test]
    fn functions_the_file_gives_no_kinds_are_marked_by_their_names() {
        let text = "Function,MSP [msp]\nHIPAA control ownership,A\nPrinter support,R\n24/7 alert triage,R\n";
        let got = import(text).unwrap();
        let names: Vec<&str> = got
            .suggested
            .iter()
            .map(|id| got.raci.function(*id).unwrap().name.as_str())
            .collect();
        assert_eq!(names, ["HIPAA control ownership", "24/7 alert triage"]);
        let hipaa = got.raci.function(got.suggested[0]).unwrap();
        assert!(hipaa.marks.compliance && hipaa.inferred.compliance);

        // A Marks cell, even "none", is the file's word; an empty one is not.
        let text = "Function,Marks,MSP [msp]\nHIPAA control ownership,none,A\nOvernight backups,,R\nSOC2 evidence,exit,R\n";
        let got = import(text).unwrap();
        let marks: Vec<Vec<Mark>> = got
            .raci
            .functions
            .iter()
            .map(|f| f.marks.iter().collect())
            .collect();
        assert_eq!(marks, [vec![], vec![Mark::AroundClock], vec![Mark::Exit]]);
        assert_eq!(got.suggested.len(), 1);
    }

    #[test]
    fn a_function_with_no_kind_exports_as_none() {
        let mut r = Raci::default();
        let p = r.add_party("MSP", Side::Msp).unwrap();
        let c = r.add_category("Ops").unwrap();
        let f = r.add_function(c, "Printer support").unwrap();
        r.set_cell(f, p, Letters::parse("R").unwrap());
        assert!(export_wide(&r).contains("Ops,Printer support,,none,"));
    }

    #[test]
    fn unknown_marks_and_duplicate_keys_are_refused() {
        let text = "Function,Key,Marks,MSP\nA,k,24/7; urgent,R\nB,k,exit,R\n";
        assert_eq!(
            messages(import(text)),
            [
                "Line 2: unknown mark “urgent”; use 24/7, incident, compliance, exit, tools or none",
                "Line 3: the key “k” is already used on line 2",
            ]
        );
    }

    // Names: printable text with CSV and Markdown trouble-makers, trimmed, never blank.
    fn name() -> impl Strategy<Value = String> {
        "[A-Za-z0-9 ,;\"'=+@<>/é\\[\\]-]{0,10}[A-Za-z0-9é]".prop_map(|s| s.trim().to_owned())
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[A-Za-z0-9 ,;\"'=+@<>\n-]{0,30}".prop_map(|s| s),
        ]
    }

    prop_compose! {
        fn raci()(
            party_names in proptest::collection::btree_set(name(), 1..6),
            category_names in proptest::collection::btree_set(name(), 1..4),
            rows in proptest::collection::vec(
                (name(), 0usize..4, proptest::collection::vec(0u8..16, 6), 0u8..32,
                 proptest::option::of(0usize..6), proptest::option::of(0usize..6),
                 text(), text(), proptest::option::of("[a-z0-9-]{1,8}")),
                0..12),
            sides in proptest::collection::vec(0usize..4, 6),
        ) -> Raci {
            let mut r = Raci::default();
            let mut parties = Vec::new();
            for (i, n) in party_names.iter().enumerate() {
                if let Ok(id) = r.add_party(n, Side::ALL[sides[i] % 4]) { parties.push(id); }
            }
            let mut cats = Vec::new();
            for n in &category_names {
                if let Ok(id) = r.add_category(n) { cats.push(id); }
            }
            let mut keys = std::collections::BTreeSet::new();
            for (n, c, letters, marks, day, night, p1, notes, key) in rows {
                let Ok(f) = r.add_function(cats[c % cats.len()], &n) else { continue };
                for (i, p) in parties.iter().enumerate() {
                    r.set_cell(f, *p, Letters::parse(&Letters::of(
                        &crate::domain::raci::Letter::ALL.into_iter()
                            .enumerate().filter(|(b, _)| letters[i] & (1 << b) != 0)
                            .map(|(_, l)| l).collect::<Vec<_>>()).label()).unwrap());
                }
                for (b, m) in Mark::ALL.into_iter().enumerate() {
                    r.set_mark(f, m, marks & (1 << b) != 0);
                }
                r.set_owner(f, crate::domain::raci::Shift::Day, day.and_then(|i| parties.get(i).copied()));
                r.set_owner(f, crate::domain::raci::Shift::Night, night.and_then(|i| parties.get(i).copied()));
                r.set_text(f, crate::domain::raci::TextField::P1, &p1).unwrap();
                r.set_text(f, crate::domain::raci::TextField::Notes, &notes).unwrap();
                if let Some(k) = key.filter(|k| keys.insert(k.clone())) {
                    r.function_mut(f).unwrap().key = Some(k);
                }
            }
            r
        }
    }

    proptest! {
        #[test]
        fn export_then_import_is_the_identity(r in raci()) {
            let text = export_wide(&r);
            match import(&text) {
                Ok(back) => {
                    // The file carries each function's kinds as decided, not whether a
                    // name suggested them.
                    let mut want = r.canonical();
                    for f in &mut want.functions {
                        f.inferred = Marks::default();
                        f.by_hand = Marks::default();
                    }
                    prop_assert_eq!(back.raci, want);
                    prop_assert!(back.suggested.is_empty());
                }
                Err(errors) => {
                    // Only a matrix with no functions is refused, and it says why.
                    prop_assert!(r.functions.is_empty(), "{:?}", errors);
                }
            }
        }

        #[test]
        fn malformed_input_returns_errors_and_never_panics(text in "\\PC{0,200}") {
            let _ = import(&text);
        }

        #[test]
        fn csv_shaped_noise_never_panics(
            lines in proptest::collection::vec(
                proptest::collection::vec("[A-Za-z/ ,\"\\[\\]RACIraci;=+-]{0,8}", 0..6), 0..8)
        ) {
            let text = lines.iter().map(|l| l.join(",")).collect::<Vec<_>>().join("\n");
            let with_header = format!("Function,Party,Letter,MSP [msp]\n{text}");
            let _ = import(&text);
            let _ = import(&with_header);
        }
    }
}
