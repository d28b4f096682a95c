//! What both layouts collect while reading: parties, categories and function rows by
//! their folded names, the details every row may carry, and the problems found; then
//! the whole matrix, or every problem.

use std::collections::{BTreeMap, HashMap};

use super::records::{column, more_problems, Col, Record};
use super::{ImportError, Imported, Layout, DEFAULT_CATEGORY, NO_MARKS};
use crate::domain::limits::MAX_REPORTED_PROBLEMS;
use crate::domain::order;
use crate::domain::raci::edit::clean_name;
use crate::domain::raci::letters::{BadLetter, Letters};
use crate::domain::raci::model::*;
use crate::domain::text::lower;

/// A function being read, before parties and owners are resolved.
#[derive(Default)]
pub(super) struct Row {
    pub(super) line: u64,
    pub(super) category: usize,
    pub(super) name: String,
    pub(super) key: Option<String>,
    pub(super) marks: Marks,
    /// The file says this function's kinds (even if only "none"); otherwise its name
    /// suggests them.
    pub(super) marks_given: bool,
    pub(super) roles: BTreeMap<usize, Letters>,
    pub(super) day: Option<(String, u64)>,
    pub(super) night: Option<(String, u64)>,
    pub(super) p1: String,
    pub(super) handoff: String,
    pub(super) notes: String,
    pub(super) hint: String,
}

/// What both layouts collect. Names are looked up by their folded form, so a file of
/// thousands of rows takes linear time.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) parties: Vec<(String, Side)>,
    pub(super) categories: Vec<String>,
    pub(super) rows: Vec<Row>,
    pub(super) party_at: HashMap<String, usize>,
    pub(super) category_at: HashMap<String, usize>,
    pub(super) row_at: HashMap<(usize, String), usize>,
    pub(super) errors: Vec<ImportError>,
    /// Problems found beyond the ones listed.
    pub(super) more_errors: usize,
}

pub(super) fn key(name: &str) -> String {
    lower(name.trim())
}

impl Draft {
    /// Records a problem; past the first few dozen they are only counted.
    pub(super) fn problem(&mut self, error: ImportError) {
        if self.errors.len() < MAX_REPORTED_PROBLEMS {
            self.errors.push(error);
        } else {
            self.more_errors += 1;
        }
    }

    pub(super) fn category(&mut self, name: &str) -> usize {
        let next = self.categories.len();
        let at = *self.category_at.entry(key(name)).or_insert(next);
        if at == next {
            self.categories.push(name.to_owned());
        }
        at
    }

    pub(super) fn party_index(&self, name: &str) -> Option<usize> {
        self.party_at.get(&key(name)).copied()
    }

    pub(super) fn add_party(&mut self, name: String, side: Side) -> usize {
        let at = self.parties.len();
        self.party_at.insert(key(&name), at);
        self.parties.push((name, side));
        at
    }

    pub(super) fn find_row(&self, category: usize, name: &str) -> Option<usize> {
        self.row_at.get(&(category, key(name))).copied()
    }

    pub(super) fn add_row(&mut self, row: Row) -> usize {
        let at = self.rows.len();
        self.row_at.insert((row.category, key(&row.name)), at);
        self.rows.push(row);
        at
    }

    /// Checks the limits, resolves owners and builds the matrix with fresh ids.
    pub(super) fn finish(mut self, layout: Layout) -> Result<Imported, Vec<ImportError>> {
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
                roles: order::map(
                    r.roles
                        .iter()
                        .filter(|(_, l)| !l.is_empty())
                        .map(|(p, l)| (party_id(*p), *l)),
                ),
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

/// Reads the function-level cells shared by both layouts into `row`.
pub(super) fn read_details(
    draft: &mut Draft,
    columns: &[Option<Col>],
    rec: &Record,
    row: &mut Row,
) {
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

/// A row's function name, or None once the reason it is refused is recorded.
pub(super) fn function_name(
    draft: &mut Draft,
    columns: &[Option<Col>],
    rec: &Record,
) -> Option<String> {
    match clean_name(rec.get(column(columns, Col::Function))) {
        Ok(name) => Some(name),
        Err(e) => {
            let message = format!("function name: {}", e.message());
            draft.problem(ImportError::at(rec.line, message));
            None
        }
    }
}

/// A row naming only a category: it declares that (possibly empty) category.
pub(super) fn category_only(
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
pub(super) fn row_category(
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

pub(super) fn bad_letters(text: &str, party: &str, BadLetter(c): BadLetter) -> String {
    format!(
        "“{}” under {party} is not a set of RACI letters (found “{c}”; use R, A, C or I)",
        text.trim()
    )
}
