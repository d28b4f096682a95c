//! JSON files: what the buyer downloads and what may be imported.
//!
//! Files are pretty JSON inside the versioned envelope (see `envelope`), so they are
//! readable, diffable and upgraded by the same migrations as stored data.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::documents::{PricingDoc, RaciDoc};
use super::envelope::{self, EnvelopeError, Kind};
use super::limits::{MAX_FILE_BYTES, MAX_WORKSPACES};
use super::proposal::{Request, Response};
use super::scorecard::card_file::{self, CardFile};
use super::workspace::Workspace;

/// A file the app can import.
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    Workspace(Box<Workspace>),
    /// A backup: the workspaces it could read, and a sentence for each it could not.
    Library {
        workspaces: Vec<Workspace>,
        left_out: Vec<String>,
    },
    Raci(Box<RaciDoc>),
    Pricing(Box<PricingDoc>),
    Scorecard(Box<CardFile>),
    Request(Box<Request>),
    Response(Box<Response>),
}

/// Why a file was refused. Nothing is imported when any check fails.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    TooBig {
        bytes: u64,
    },
    /// Nothing in it (a download that failed, or the wrong file chosen).
    Empty,
    TooManyWorkspaces(usize),
    Unreadable(EnvelopeError),
    Unsupported(&'static str),
    Broken(String),
    /// A backup none of whose workspaces could be read: a sentence for each.
    NoneReadable(Vec<String>),
}

impl FileError {
    pub fn message(&self) -> String {
        match self {
            FileError::TooBig { bytes } => format!(
                "This file is {:.1} MB; Splitline files are never over {} MB, so it was not read.",
                *bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            FileError::Empty => {
                "This file is empty, so there is nothing to import. Choose a file that Splitline downloaded.".into()
            }
            FileError::TooManyWorkspaces(count) => format!(
                "This backup holds {count} workspaces; Splitline imports at most {MAX_WORKSPACES} workspaces at once. Nothing was imported."
            ),
            FileError::Unreadable(e) => e.message(),
            FileError::Unsupported(what) => {
                format!("This file holds a {what}, which cannot be imported here.")
            }
            FileError::Broken(why) => {
                format!("The file's data is inconsistent: {why}. Nothing was imported.")
            }
            FileError::NoneReadable(left_out) => format!(
                "No workspace in this backup could be read, so nothing was imported. {}",
                left_out.join(" ")
            ),
        }
    }
}

/// Checks the size first, then the envelope, then the invariants of what it carries.
pub fn read(bytes: u64, text: &str) -> Result<Imported, FileError> {
    if bytes > MAX_FILE_BYTES {
        return Err(FileError::TooBig { bytes });
    }
    // Editors on Windows save a byte-order mark first, which JSON parsers refuse. The
    // browser's Blob.text() drops it already; this keeps the reader right on its own.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| FileError::Unreadable(EnvelopeError::NotJson(e.to_string())))?;
    match envelope::kind_of(&value) {
        Some(Kind::Library) => {
            let file: RawLibrary =
                envelope::decode_value(value, Kind::Library).map_err(FileError::Unreadable)?;
            if file.workspaces.len() > MAX_WORKSPACES {
                return Err(FileError::TooManyWorkspaces(file.workspaces.len()));
            }
            read_backup(&file)
        }
        Some(Kind::Meta) => Err(FileError::Unsupported("set of browser settings")),
        Some(Kind::Raci) => {
            let doc: RaciDoc =
                envelope::decode_value(value, Kind::Raci).map_err(FileError::Unreadable)?;
            doc.raci.check_integrity().map_err(FileError::Broken)?;
            Ok(Imported::Raci(Box::new(doc)))
        }
        Some(Kind::Pricing) => {
            let doc: PricingDoc =
                envelope::decode_value(value, Kind::Pricing).map_err(FileError::Unreadable)?;
            doc.check().map_err(FileError::Broken)?;
            Ok(Imported::Pricing(Box::new(doc)))
        }
        Some(Kind::Scorecard) => {
            let card: CardFile =
                envelope::decode_value(value, Kind::Scorecard).map_err(FileError::Unreadable)?;
            card_file::validate(&card).map_err(FileError::Broken)?;
            Ok(Imported::Scorecard(Box::new(card)))
        }
        Some(Kind::Request) => {
            let request: Request =
                envelope::decode_value(value, Kind::Request).map_err(FileError::Unreadable)?;
            request.check().map_err(FileError::Broken)?;
            Ok(Imported::Request(Box::new(request)))
        }
        Some(Kind::Response) => {
            let response: Response =
                envelope::decode_value(value, Kind::Response).map_err(FileError::Unreadable)?;
            response.check().map_err(FileError::Broken)?;
            Ok(Imported::Response(Box::new(response)))
        }
        // A workspace, or anything else: decoding as a workspace gives the precise error.
        _ => {
            let ws: Workspace =
                envelope::decode_value(value, Kind::Workspace).map_err(FileError::Unreadable)?;
            ws.check().map_err(FileError::Broken)?;
            Ok(Imported::Workspace(Box::new(ws)))
        }
    }
}

/// A backup with each workspace left as text, so one damaged workspace leaves the others
/// to import (it cost a whole restore).
#[derive(Deserialize)]
struct RawLibrary {
    workspaces: Vec<Box<RawValue>>,
}

/// Only the name of a workspace, to say which one was left out.
#[derive(Deserialize)]
struct NameOnly {
    #[serde(default)]
    name: String,
}

/// Reads every workspace of a backup that it can; refuses the file only when none is.
fn read_backup(file: &RawLibrary) -> Result<Imported, FileError> {
    let (mut workspaces, mut left_out) = (Vec::new(), Vec::new());
    for (place, raw) in (1..).zip(&file.workspaces) {
        let read = serde_json::from_str::<Workspace>(raw.get())
            .map_err(|e| envelope::reason_in_words(&e.to_string()))
            .and_then(|ws| ws.check().map(|()| ws));
        match read {
            Ok(ws) => workspaces.push(ws),
            Err(why) => {
                let name = serde_json::from_str::<NameOnly>(raw.get())
                    .ok()
                    .map(|n| n.name.trim().to_owned())
                    .filter(|n| !n.is_empty())
                    .map_or_else(|| format!("Workspace {place}"), |n| format!("“{n}”"));
                left_out.push(format!(
                    "{name} (number {place} in the file) was left out: {why}."
                ));
            }
        }
    }
    if workspaces.is_empty() && !left_out.is_empty() {
        return Err(FileError::NoneReadable(left_out));
    }
    Ok(Imported::Library {
        workspaces,
        left_out,
    })
}

/// A file name from a document name: "Acme / 2026 review" → "acme-2026-review".
pub fn slug(name: &str) -> String {
    super::text::slug_or(name, "untitled")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::Library;
    use crate::domain::persist::library_file;

    #[test]
    fn a_workspace_file_round_trips() {
        let ws = Workspace::new("a".into(), "Acme".into(), 1);
        let text = envelope::encode_pretty(Kind::Workspace, &ws);
        assert_eq!(
            read(text.len() as u64, &text),
            Ok(Imported::Workspace(Box::new(ws)))
        );
    }

    #[test]
    fn a_backup_of_everything_round_trips() {
        let mut lib = Library::new(Workspace::new("a".into(), "Acme".into(), 1));
        lib.create("b".into(), 2);
        let text = library_file(&lib);
        let all = Imported::Library {
            workspaces: lib.workspaces().to_vec(),
            left_out: Vec::new(),
        };
        assert_eq!(read(text.len() as u64, &text), Ok(all.clone()));
        let with_mark = format!("\u{feff}{text}");
        assert_eq!(read(with_mark.len() as u64, &with_mark), Ok(all));
    }

    #[test]
    fn one_tool_documents_are_read_and_checked() {
        use crate::domain::profile::Industry;
        use crate::domain::raci::template;
        let mut ws = Workspace::new("a".into(), "Acme".into(), 1);
        ws.raci = template::co_managed(Industry::General).into();
        let raci = envelope::encode_pretty(Kind::Raci, &RaciDoc::of(&ws));
        assert!(matches!(read(10, &raci), Ok(Imported::Raci(d)) if d.raci == *ws.raci));
        let pricing = envelope::encode_pretty(Kind::Pricing, &PricingDoc::of(&ws));
        assert!(matches!(read(10, &pricing), Ok(Imported::Pricing(_))));
        let card = card_file::encode(&card_file::card_file(
            &ws.scorecard,
            &ws.providers,
            "Acme",
            3,
        ));
        assert!(matches!(read(10, &card), Ok(Imported::Scorecard(_))));
        ws.raci.functions[0].category = 12345;
        let broken = envelope::encode(Kind::Raci, &RaciDoc::of(&ws));
        assert!(matches!(read(10, &broken), Err(FileError::Broken(m)) if m.contains("category")));
    }

    #[test]
    fn big_foreign_and_wrong_files_are_refused() {
        assert!(matches!(
            read(MAX_FILE_BYTES + 1, "{}"),
            Err(FileError::TooBig { .. })
        ));
        assert!(matches!(
            read(2, "[]"),
            Err(FileError::Unreadable(EnvelopeError::NotSplitline))
        ));
        assert!(matches!(
            read(5, "nope"),
            Err(FileError::Unreadable(EnvelopeError::NotJson(_)))
        ));
        assert_eq!(read(0, ""), Err(FileError::Empty));
        assert_eq!(read(3, "\u{feff}"), Err(FileError::Empty));
        assert!(read(3, " \n\n")
            .unwrap_err()
            .message()
            .starts_with("This file is empty"));
        let meta = r#"{"format":"splitline","kind":"meta","version":1,"data":{}}"#;
        assert_eq!(
            read(10, meta),
            Err(FileError::Unsupported("set of browser settings"))
        );
        let odd = r#"{"format":"splitline","kind":"spreadsheet","version":1,"data":{}}"#;
        assert!(matches!(
            read(10, odd),
            Err(FileError::Unreadable(EnvelopeError::WrongKind { .. }))
        ));
    }

    #[test]
    fn a_damaged_workspace_in_a_backup_is_left_out_and_named_and_the_others_import() {
        let mut lib = Library::new(Workspace::new("a".into(), "Acme".into(), 1));
        lib.create("b".into(), 2);
        lib.rename("b", "Beta", 3).unwrap();
        lib.create("c".into(), 4);
        let text = library_file(&lib).replacen("\"employees\": 75", "\"employees\": \"many\"", 2);
        let text = text.replacen("\"employees\": \"many\"", "\"employees\": 75", 1);
        let Ok(Imported::Library {
            workspaces,
            left_out,
        }) = read(10, &text)
        else {
            panic!("the readable workspaces import: {:?}", read(10, &text));
        };
        let names: Vec<&str> = workspaces.iter().map(|w| w.display_name()).collect();
        assert_eq!(names, ["Acme", "New engagement"]);
        assert_eq!(
            left_out,
            ["“Beta” (number 2 in the file) was left out: text (“many”) where a whole number belongs."]
        );
        // With none readable, nothing is imported and the reason is said.
        let none = library_file(&lib).replace("\"employees\": 75", "\"employees\": \"many\"");
        let err = read(10, &none).unwrap_err();
        assert_eq!(
            err.message(),
            "No workspace in this backup could be read, so nothing was imported. “Acme” (number 1 in the file) was left out: text (“many”) where a whole number belongs. “Beta” (number 2 in the file) was left out: text (“many”) where a whole number belongs. “New engagement” (number 3 in the file) was left out: text (“many”) where a whole number belongs."
        );
    }

    #[test]
    fn a_backup_with_too_many_workspaces_is_refused() {
        let mut lib = Library::new(Workspace::new("w0".into(), "W 0".into(), 1));
        for i in 1..=MAX_WORKSPACES {
            lib.insert(Workspace::new(format!("w{i}"), format!("W {i}"), 1));
        }
        let text = library_file(&lib);
        let err = read(text.len() as u64, &text).unwrap_err();
        assert_eq!(err, FileError::TooManyWorkspaces(MAX_WORKSPACES + 1));
        assert!(err.message().contains("at most 200 workspaces"));
    }

    #[test]
    fn a_workspace_with_too_many_or_too_long_providers_is_refused() {
        use crate::domain::provider::{Provider, MAX_PROVIDERS};
        let mut ws = Workspace::new("a".into(), "Acme".into(), 1);
        ws.providers = (0..=MAX_PROVIDERS)
            .map(|i| Provider {
                id: format!("p{i}"),
                name: format!("MSP {i}"),
            })
            .collect();
        let text = envelope::encode(Kind::Workspace, &ws);
        assert!(
            matches!(read(10, &text), Err(FileError::Broken(m)) if m.contains("more than 20 providers"))
        );
        ws.providers.truncate(1);
        ws.providers[0].name = "n".repeat(81);
        let text = envelope::encode(Kind::Workspace, &ws);
        assert!(matches!(read(10, &text), Err(FileError::Broken(m)) if m.contains("too long")));
    }

    #[test]
    fn a_workspace_that_breaks_its_invariants_is_refused() {
        let mut ws = Workspace::new("a".into(), "Acme".into(), 1);
        ws.profile.internal_it = ws.profile.employees + 1;
        let text = envelope::encode(Kind::Workspace, &ws);
        assert!(matches!(read(10, &text), Err(FileError::Broken(_))));
    }

    #[test]
    fn slugs_are_short_lowercase_and_safe() {
        assert_eq!(slug("Acme / 2026 Review!"), "acme-2026-review");
        assert_eq!(slug("  "), "untitled");
        assert_eq!(slug("<script>"), "script");
        assert_eq!(slug(&"x".repeat(100)).len(), 60);
    }
}
