//! The versioned envelope around everything Splitline stores or writes to a file.
//!
//! `{"format":"splitline","kind":"workspace","version":1,"data":{…}}`
//!
//! The version is an integer that only grows. Older versions are upgraded by pure
//! migration steps; a version newer than this build is an error the buyer sees, never
//! a silent reset, because writing over it would destroy work made by a newer app.

use std::borrow::Cow;

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::Value;

/// The marker that tells our files apart from any other JSON.
pub const FORMAT: &str = "splitline";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// What an envelope carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Per-browser settings: the open workspace.
    Meta,
    /// One engagement workspace.
    Workspace,
    /// Every workspace in this browser, as one backup file.
    Library,
    /// One evaluator's provider scorecard, to merge into a colleague's workspace.
    Scorecard,
    /// One RACI matrix (`documents::RaciDoc`).
    Raci,
    /// One pricing comparison (`documents::PricingDoc`).
    Pricing,
    /// A request for proposal to one provider (`proposal::Request`).
    Request,
    /// A provider's response to a request (`proposal::Response`).
    Response,
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Meta,
        Kind::Workspace,
        Kind::Library,
        Kind::Scorecard,
        Kind::Raci,
        Kind::Pricing,
        Kind::Request,
        Kind::Response,
    ];

    /// The name an envelope gives the kind (`"workspace"`), as serde writes it.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Meta => "meta",
            Kind::Workspace => "workspace",
            Kind::Library => "library",
            Kind::Scorecard => "scorecard",
            Kind::Raci => "raci",
            Kind::Pricing => "pricing",
            Kind::Request => "request",
            Kind::Response => "response",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Meta => "app settings",
            Kind::Workspace => "workspace",
            Kind::Library => "backup of all workspaces",
            Kind::Scorecard => "scorecard",
            Kind::Raci => "RACI matrix",
            Kind::Pricing => "pricing comparison",
            Kind::Request => "request for proposal",
            Kind::Response => "provider's response",
        }
    }
}

/// One upgrade step: turns the data of version N into the data of version N + 1.
pub type Migration = fn(Kind, Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. Empty while only version 1 exists;
/// every schema change appends a step here, bumps `SCHEMA_VERSION` and adds a golden fixture.
pub const MIGRATIONS: &[Migration] = &[];

/// Why an envelope could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not JSON at all (a truncated or hand-edited blob).
    NotJson(String),
    /// JSON, but not one of our envelopes.
    NotSplitline,
    /// One of ours, but carrying something else than was asked for.
    WrongKind { expected: Kind, found: String },
    /// Written by a newer build of Splitline than this one.
    NewerVersion { found: u64 },
    /// A version number that no build ever wrote.
    BadVersion,
    /// An upgrade step refused the data.
    Migration { from: u32, reason: String },
    /// The data does not have the shape of the kind it claims.
    BadData(String),
    /// The right shape, but it breaks a rule the app relies on (a repeated id, a dangling
    /// reference), as the integrity check of an imported file would find.
    Inconsistent(String),
}

impl EnvelopeError {
    /// A plain sentence for the buyer, saying where a file is damaged and how.
    pub fn message(&self) -> String {
        match self {
            EnvelopeError::NotJson(detail) => format!(
                "It is not valid JSON, so it was cut short or is not from Splitline: {}.",
                plain_reason(detail)
            ),
            EnvelopeError::BadData(detail) => {
                format!(
                    "The data inside does not have the expected shape: {}.",
                    plain_reason(detail)
                )
            }
            other => other.summary(),
        }
    }

    /// `message` without the reader's detail of a damaged text: for data found in this
    /// browser's storage, which the buyer downloads rather than mends. (It keeps the
    /// wording of `plain_reason` off the start-up path, where every byte delays the
    /// first screen.)
    pub fn summary(&self) -> String {
        match self {
            EnvelopeError::NotJson(_) => {
                "It is not valid JSON: it was cut short, or it is not from Splitline.".into()
            }
            EnvelopeError::BadData(_) => {
                "The data inside does not have the shape this version of Splitline saves.".into()
            }
            EnvelopeError::NotSplitline => "This is JSON, but not something Splitline saved.".into(),
            EnvelopeError::WrongKind { expected, found } => format!(
                "Expected a {} but this is a {}.",
                expected.label(),
                Kind::from_key(found).map_or(found.as_str(), |k| k.label())
            ),
            EnvelopeError::NewerVersion { found } => format!(
                "This was saved by a newer version of Splitline (format {found}; this page reads up to {SCHEMA_VERSION}). Reload the page to get the update. If it still says this, this site does not have that version yet."
            ),
            EnvelopeError::BadVersion => "The format version is missing or invalid.".into(),
            EnvelopeError::Migration { from, reason } => {
                format!("Upgrading from format {from} failed: {reason}.")
            }
            EnvelopeError::Inconsistent(detail) => {
                format!("The data inside is inconsistent: {detail}.")
            }
        }
    }
}

/// The JSON reader's reason in the buyer's words, without where it is (for a part of a
/// file, whose lines count from the part's start).
pub fn reason_in_words(detail: &str) -> String {
    plain_reason(
        detail
            .rsplit_once(" at line ")
            .map_or(detail, |(what, _)| what),
    )
}

/// The JSON reader's reason in the buyer's words, with where it is: "missing field
/// `profile` at line 1 column 12" reads "“profile” is missing (line 1, column 12)", and
/// "invalid type: string \"many\", expected u32" reads "text (“many”) where a whole
/// number belongs". Reasons it does not know pass through as they are.
fn plain_reason(detail: &str) -> String {
    let (what, place) = match detail.rsplit_once(" at line ") {
        Some((what, at)) => (
            what,
            format!(" (line {})", at.replace(" column ", ", column ")),
        ),
        None => (detail, String::new()),
    };
    let what = if let Some(field) = what.strip_prefix("missing field ") {
        format!("“{}” is missing", field.trim_matches('`'))
    } else if let Some(rest) = what.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "{} where {} belongs",
            type_words(found),
            type_words(expected)
        )
    } else if let Some(rest) = what.strip_prefix("unknown variant ") {
        let value = rest.split_once(", expected").map_or(rest, |(v, _)| v);
        format!(
            "“{}” is not a choice this version knows",
            value.trim_matches('`')
        )
    } else if what.starts_with("EOF while parsing") {
        "the text stops before its end".to_owned()
    } else {
        what.to_owned()
    };
    what + &place
}

/// A JSON reader's name for a type, in words: "u32" is "a whole number".
fn type_words(name: &str) -> String {
    let quoted = |value: &str| value.trim_matches(|c| c == '"' || c == '`').to_owned();
    if let Some(value) = name.strip_prefix("floating point ") {
        return format!("the number {}", quoted(value));
    }
    match name.split_once(' ') {
        Some(("string", value)) => return format!("text (“{}”)", quoted(value)),
        Some(("integer" | "floating", value)) => return format!("the number {}", quoted(value)),
        Some(("boolean", value)) => return format!("{} (yes or no)", quoted(value)),
        Some(("struct", _)) => return "a group of fields".into(),
        _ => {}
    }
    let whole = name.len() > 1 && name.starts_with(['u', 'i']) && name[1..].parse::<u8>().is_ok();
    match name {
        _ if whole => "a whole number",
        "usize" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "string" => "text",
        "a sequence" | "sequence" => "a list",
        "a boolean" => "yes or no",
        "null" | "unit value" => "nothing",
        "map" | "a map" => "a group of fields",
        "" => "something else",
        other => other,
    }
    .to_owned()
}

#[derive(Serialize)]
struct Outgoing<'a, T> {
    format: &'static str,
    kind: Kind,
    version: u32,
    data: &'a T,
}

/// Wraps `data` in a current-version envelope, compact (for storage).
pub fn encode<T: Serialize>(kind: Kind, data: &T) -> String {
    serde_json::to_string(&outgoing(kind, data)).expect("our models always serialise")
}

/// Wraps `data` in a current-version envelope, indented (for files people may read).
pub fn encode_pretty<T: Serialize>(kind: Kind, data: &T) -> String {
    super::indent::indent(&encode(kind, data))
}

fn outgoing<T>(kind: Kind, data: &T) -> Outgoing<'_, T> {
    Outgoing {
        format: FORMAT,
        kind,
        version: SCHEMA_VERSION,
        data,
    }
}

/// Opens an envelope of the expected kind, upgrading older versions.
///
/// Data at the current version is read straight from the text into `T`; only older
/// data goes through a JSON value for the migration steps. (Reading every document
/// through a value cost a second deserialiser per type in the wasm.)
pub fn decode<T: DeserializeOwned>(text: &str, expected: Kind) -> Result<T, EnvelopeError> {
    decode_with(MIGRATIONS, text, expected)
}

/// `decode` with the given upgrade steps: the newest version is the one after the last step.
fn decode_with<T: DeserializeOwned>(
    steps: &[Migration],
    text: &str,
    expected: Kind,
) -> Result<T, EnvelopeError> {
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        Category::Data => EnvelopeError::NotSplitline,
        _ => EnvelopeError::NotJson(e.to_string()),
    })?;
    let newest = steps.len() as u32 + 1;
    let (version, data) = header.open(expected, newest)?;
    let bad = |e: serde_json::Error| EnvelopeError::BadData(e.to_string());
    if version == newest {
        return serde_json::from_str(data.get()).map_err(bad);
    }
    let value: Value = serde_json::from_str(data.get()).map_err(bad)?;
    let value = upgrade(steps, expected, version, value)?;
    serde_json::from_str(&value.to_string()).map_err(bad)
}

/// Like `decode`, for an envelope already parsed as JSON (inside a share link).
pub fn decode_value<T: DeserializeOwned>(value: Value, expected: Kind) -> Result<T, EnvelopeError> {
    decode(&value.to_string(), expected)
}

/// The kind an envelope claims to carry, if it is one of ours.
pub fn kind_of(value: &Value) -> Option<Kind> {
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return None;
    }
    Kind::from_key(value.get("kind")?.as_str()?)
}

/// The envelope as a JSON value, for embedding in a share link. It goes through text:
/// `serde_json::to_value` compiled a second copy of every model's `Serialize`, one for
/// `Value` beside the one for text that storage and files need anyway (about 30 KB).
pub fn to_value<T: Serialize>(kind: Kind, data: &T) -> Value {
    serde_json::from_str(&encode(kind, data)).expect("our own JSON always parses")
}

/// The wrapper of an envelope, with its data left as text until the kind and version
/// are known to be ones this build reads.
#[derive(Deserialize)]
struct Header<'a> {
    #[serde(default, borrow)]
    format: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    kind: Option<&'a RawValue>,
    #[serde(default, borrow)]
    version: Option<&'a RawValue>,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
}

impl<'a> Header<'a> {
    /// Checks the wrapper and returns the version and the raw data.
    fn open(self, expected: Kind, newest: u32) -> Result<(u32, &'a RawValue), EnvelopeError> {
        if self.format.as_deref() != Some(FORMAT) {
            return Err(EnvelopeError::NotSplitline);
        }
        let kind: Option<Cow<str>> = self.kind.and_then(|k| serde_json::from_str(k.get()).ok());
        if kind.as_deref().and_then(Kind::from_key) != Some(expected) {
            let found = kind
                .as_deref()
                .unwrap_or("document of unknown kind")
                .replace('_', " ");
            return Err(EnvelopeError::WrongKind { expected, found });
        }
        let version = match self
            .version
            .and_then(|v| serde_json::from_str::<u64>(v.get()).ok())
        {
            Some(v) if v > u64::from(newest) => {
                return Err(EnvelopeError::NewerVersion { found: v })
            }
            Some(v) if v >= 1 => v as u32,
            _ => return Err(EnvelopeError::BadVersion),
        };
        let data = self
            .data
            .ok_or_else(|| EnvelopeError::BadData("no data".into()))?;
        Ok((version, data))
    }
}

/// Runs the upgrade steps from `version` to the newest one `steps` knows.
pub fn upgrade(
    steps: &[Migration],
    kind: Kind,
    version: u32,
    mut data: Value,
) -> Result<Value, EnvelopeError> {
    for (index, step) in steps.iter().enumerate().skip(version as usize - 1) {
        let from = index as u32 + 1;
        data = step(kind, data).map_err(|reason| EnvelopeError::Migration { from, reason })?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Note {
        text: String,
    }

    #[test]
    fn encode_then_decode_is_the_identity() {
        let note = Note {
            text: "hello <b>".into(),
        };
        let text = encode(Kind::Meta, &note);
        assert!(text.starts_with(r#"{"format":"splitline","kind":"meta","version":1"#));
        assert_eq!(decode::<Note>(&text, Kind::Meta), Ok(note));
        let pretty = encode_pretty(Kind::Meta, &Note { text: "x".into() });
        assert!(pretty.contains('\n'));
        assert_eq!(decode::<Note>(&pretty, Kind::Meta).unwrap().text, "x");
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Counted {
        text: String,
        count: u32,
    }

    #[test]
    fn what_is_wrong_inside_a_file_is_said_in_words_with_where_it_is() {
        let wrapped = |data: &str| {
            format!(r#"{{"format":"splitline","kind":"meta","version":1,"data":{data}}}"#)
        };
        let message = |data: &str| {
            decode::<Counted>(&wrapped(data), Kind::Meta)
                .unwrap_err()
                .message()
        };
        assert_eq!(
            message(r#"{"text":"a","count":"many"}"#),
            "The data inside does not have the expected shape: text (“many”) where a whole number belongs (line 1, column 26)."
        );
        assert_eq!(
            message(r#"{"text":"a"}"#),
            "The data inside does not have the expected shape: “count” is missing (line 1, column 12)."
        );
        assert_eq!(
            message(r#"{"text":"a","count":1.5}"#),
            "The data inside does not have the expected shape: the number 1.5 where a whole number belongs (line 1, column 23)."
        );
        assert_eq!(
            message(r#"{"text":5,"count":1}"#),
            "The data inside does not have the expected shape: the number 5 where text belongs (line 1, column 9)."
        );
        let cut = &wrapped(r#"{"text":"a","count":1}"#)[..60];
        assert_eq!(
            decode::<Counted>(cut, Kind::Meta).unwrap_err().message(),
            "It is not valid JSON, so it was cut short or is not from Splitline: the text stops before its end (line 1, column 60)."
        );
        // A reason it does not know passes through.
        assert_eq!(
            plain_reason("trailing characters at line 2 column 1"),
            "trailing characters (line 2, column 1)"
        );
    }

    #[test]
    fn a_file_is_the_text_serde_json_would_indent_and_a_link_value_the_one_it_would_build() {
        let ws = crate::domain::decision::example::workspace();
        let direct = outgoing(Kind::Workspace, &ws);
        assert_eq!(
            encode_pretty(Kind::Workspace, &ws),
            serde_json::to_string_pretty(&direct).unwrap()
        );
        assert_eq!(
            to_value(Kind::Workspace, &ws),
            serde_json::to_value(&direct).unwrap()
        );
    }

    #[test]
    fn kind_keys_are_the_names_serde_writes() {
        for kind in Kind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), json!(kind.key()));
            assert_eq!(Kind::from_key(kind.key()), Some(kind));
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct NoteV3 {
        body: String,
        flag: bool,
    }

    #[test]
    fn older_versions_are_upgraded_before_they_are_read() {
        let steps: &[Migration] = &[add_flag, rename_text];
        let v1 = r#"{"format":"splitline","kind":"meta","version":1,"data":{"text":"t"}}"#;
        let v3 =
            r#"{"format":"splitline","kind":"meta","version":3,"data":{"body":"b","flag":false}}"#;
        let v4 = r#"{"format":"splitline","kind":"meta","version":4,"data":{}}"#;
        let read = |text| decode_with::<NoteV3>(steps, text, Kind::Meta);
        assert_eq!(
            read(v1),
            Ok(NoteV3 {
                body: "t".into(),
                flag: true
            })
        );
        assert_eq!(
            read(v3),
            Ok(NoteV3 {
                body: "b".into(),
                flag: false
            })
        );
        assert_eq!(read(v4), Err(EnvelopeError::NewerVersion { found: 4 }));
    }

    #[test]
    fn every_known_version_has_an_upgrade_step() {
        assert_eq!(MIGRATIONS.len() as u32, SCHEMA_VERSION - 1);
    }

    #[test]
    fn a_newer_version_is_an_error_not_a_reset() {
        let text = r#"{"format":"splitline","kind":"meta","version":99,"data":{"text":"x"}}"#;
        assert_eq!(
            decode::<Note>(text, Kind::Meta),
            Err(EnvelopeError::NewerVersion { found: 99 })
        );
        assert!(EnvelopeError::NewerVersion { found: 99 }
            .message()
            .contains("newer version"));
    }

    #[test]
    fn damaged_and_foreign_text_is_refused_with_a_reason() {
        type Check = fn(&EnvelopeError) -> bool;
        let cases: [(&str, Check); 7] = [
            (r#"{"format":"splitline","kind":"me"#, |e| {
                matches!(e, EnvelopeError::NotJson(_))
            }),
            ("[1,2]", |e| *e == EnvelopeError::NotSplitline),
            (
                r#"{"format":"other","kind":"meta","version":1,"data":{}}"#,
                |e| *e == EnvelopeError::NotSplitline,
            ),
            (
                r#"{"format":"splitline","kind":"workspace","version":1,"data":{}}"#,
                |e| matches!(e, EnvelopeError::WrongKind { found, .. } if found == "workspace"),
            ),
            (
                r#"{"format":"splitline","kind":"meta","version":0,"data":{}}"#,
                |e| *e == EnvelopeError::BadVersion,
            ),
            (r#"{"format":"splitline","kind":"meta","version":1}"#, |e| {
                matches!(e, EnvelopeError::BadData(_))
            }),
            (
                r#"{"format":"splitline","kind":"meta","version":1,"data":{"text":5}}"#,
                |e| matches!(e, EnvelopeError::BadData(_)),
            ),
        ];
        for (text, expected) in cases {
            let err = decode::<Note>(text, Kind::Meta).unwrap_err();
            assert!(expected(&err), "{text} gave {err:?}");
            assert!(!err.message().is_empty());
        }
        let backup = r#"{"format":"splitline","kind":"library","version":1,"data":{}}"#;
        assert_eq!(
            decode::<Note>(backup, Kind::Scorecard)
                .unwrap_err()
                .message(),
            "Expected a scorecard but this is a backup of all workspaces."
        );
    }

    fn add_flag(_: Kind, mut v: Value) -> Result<Value, String> {
        v["flag"] = json!(true);
        Ok(v)
    }

    fn rename_text(_: Kind, mut v: Value) -> Result<Value, String> {
        let text = v.get("text").cloned().ok_or("no text")?;
        v["body"] = text;
        Ok(v)
    }

    #[test]
    fn upgrade_runs_every_step_from_the_stored_version_in_order() {
        let steps: &[Migration] = &[add_flag, rename_text];
        let v1 = json!({"text": "t"});
        let from_1 = upgrade(steps, Kind::Meta, 1, v1).unwrap();
        assert_eq!(from_1, json!({"text": "t", "flag": true, "body": "t"}));
        let from_2 = upgrade(steps, Kind::Meta, 2, json!({"text": "u"})).unwrap();
        assert_eq!(from_2, json!({"text": "u", "body": "u"}));
        let from_3 = upgrade(steps, Kind::Meta, 3, json!({"x": 1})).unwrap();
        assert_eq!(from_3, json!({"x": 1}));
    }

    #[test]
    fn a_failing_step_names_the_version_it_started_from() {
        let steps: &[Migration] = &[add_flag, rename_text];
        let err = upgrade(steps, Kind::Meta, 2, json!({})).unwrap_err();
        assert_eq!(
            err,
            EnvelopeError::Migration {
                from: 2,
                reason: "no text".into()
            }
        );
    }
}
