//! CSV files. Export is the wide format (functions as rows, parties as columns, cells like
//! `A/R`), which reads back exactly. Import reads the wide format and the long format
//! (one row per function, party and letter), finds columns by their headers, and either
//! builds the whole matrix or reports every bad row by line number.
//!
//! `export` writes the wide format; `records` reads a file's lines and names its columns;
//! `draft` holds what both layouts collect; `wide` and `long` read one layout each.

mod draft;
mod export;
mod long;
mod records;
mod wide;

use super::model::Raci;
use super::Id;
use crate::domain::limits::MAX_CSV_BYTES;
pub use export::export_wide;
use long::read_long;
use records::{known_column, read_records, Col};
use wide::read_wide;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::limits::{MAX_CSV_ROWS, MAX_REPORTED_PROBLEMS};
    use crate::domain::profile::Industry;
    use crate::domain::raci::letters::Letters;
    use crate::domain::raci::model::{Mark, Marks, Side, MAX_PARTIES};
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
    fn a_spreadsheet_saved_with_semicolons_or_tabs_reads_the_same() {
        let commas =
            import("Function,Internal IT,MSP\nHelp desk,A,R\n\"Patching, monthly\",C,A/R\n")
                .unwrap();
        for text in [
            "Function;\"Internal IT\";MSP\r\nHelp desk;A;R\r\nPatching, monthly;C;A/R\r\n",
            "\u{feff}Function\tInternal IT\tMSP\nHelp desk\tA\tR\nPatching, monthly\tC\tA/R\n",
        ] {
            let read = import(text).unwrap();
            assert_eq!(read.raci, commas.raci, "{text:?}");
        }
        assert_eq!(commas.raci.functions.len(), 2);
        // Commas inside quotes do not count: a short file with one is still semicolons.
        let quoted = import("Function;\"IT, internal\";MSP\nHelp desk;A;R\n").unwrap();
        let names: Vec<&str> = quoted
            .raci
            .parties
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["IT, internal", "MSP"]);
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
