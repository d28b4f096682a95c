//! The minimal JSON of a workspace for a link: default scorecard criteria and red flags
//! travel as a reference (`{"$d": id}`) plus only the fields the buyer changed (usually
//! just the weight), instead of some 16 KB of questions and anchors.
//!
//! References resolve against the defaults of link format 1 (`defaults-v1.json`), which
//! never change, so a link decodes to exactly what was shared even after later versions
//! reword their defaults; the envelope's migrations then apply as usual.

use serde_json::{Map, Value};

const REF: &str = "$d";

/// The frozen format-1 defaults: (list name, the default objects of that list).
fn defaults() -> Vec<(&'static str, Vec<Value>)> {
    let parsed = super::defaults::json();
    ["criteria", "flags"]
        .into_iter()
        .map(|list| {
            let items = parsed[list].as_array().cloned().unwrap_or_default();
            (list, items)
        })
        .collect()
}

fn find<'a>(items: &'a [Value], id: &Value) -> Option<&'a Map<String, Value>> {
    items
        .iter()
        .filter_map(Value::as_object)
        .find(|d| d.get("id") == Some(id))
}

/// Calls `visit` with the defaults of each list and every item of that list in
/// `workspace.scorecard`, stopping at the first error.
fn each_item(
    workspace: &mut Value,
    mut visit: impl FnMut(&[Value], &mut Value) -> Result<(), String>,
) -> Result<(), String> {
    for (list, defaults) in defaults() {
        let pointer = format!("/scorecard/{list}");
        if let Some(array) = workspace
            .pointer_mut(&pointer)
            .and_then(Value::as_array_mut)
        {
            for item in array.iter_mut() {
                visit(&defaults, item)?;
            }
        }
    }
    Ok(())
}

/// Replaces defaults in `workspace.scorecard` by references plus their changed fields.
pub fn minimize(workspace: &mut Value) {
    let outcome = each_item(workspace, |defaults, item| {
        minimize_item(defaults, item);
        Ok(())
    });
    debug_assert!(outcome.is_ok(), "minimize never fails");
}

/// Puts the defaults back. An unknown reference is an error, not a silent gap.
pub fn expand(workspace: &mut Value) -> Result<(), String> {
    each_item(workspace, expand_item)
}

/// The default criteria as a request's questions: without their weights.
fn question_defaults() -> Vec<Value> {
    let mut items = super::defaults::json()["criteria"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for item in &mut items {
        if let Some(object) = item.as_object_mut() {
            object.remove("weight");
        }
    }
    items
}

fn questions(request: &mut Value) -> impl Iterator<Item = &mut Value> {
    request
        .get_mut("questions")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// `minimize` for the questions of a request for proposal.
pub fn minimize_questions(request: &mut Value) {
    let defaults = question_defaults();
    for item in questions(request) {
        minimize_item(&defaults, item);
    }
}

/// `expand` for the questions of a request for proposal.
pub fn expand_questions(request: &mut Value) -> Result<(), String> {
    let defaults = question_defaults();
    questions(request).try_for_each(|item| expand_item(&defaults, item))
}

fn minimize_item(defaults: &[Value], item: &mut Value) {
    let Some(object) = item.as_object() else {
        return;
    };
    let Some(default) = object.get("id").and_then(|id| find(defaults, id)) else {
        return;
    };
    let mut small = Map::new();
    small.insert(REF.into(), object["id"].clone());
    for (key, value) in object {
        if key != "id" && default.get(key) != Some(value) {
            small.insert(key.clone(), value.clone());
        }
    }
    // A field the default has but the item lacks cannot be said with a reference.
    if default.keys().all(|k| object.contains_key(k)) {
        *item = Value::Object(small);
    }
}

fn expand_item(defaults: &[Value], item: &mut Value) -> Result<(), String> {
    let Some(small) = item.as_object_mut() else {
        return Ok(());
    };
    let Some(id) = small.remove(REF) else {
        return Ok(());
    };
    let mut full = find(defaults, &id)
        .cloned()
        .ok_or_else(|| format!("it refers to an unknown default ({id})"))?;
    full.extend(std::mem::take(small));
    *item = Value::Object(full);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::Weight;
    use crate::domain::workspace::Workspace;

    #[test]
    fn minimize_then_expand_is_the_identity_and_much_smaller() {
        let mut ws = Workspace::new("w".into(), "n".into(), 0);
        ws.scorecard.criteria[2].weight = Weight::new(9.0).unwrap();
        ws.scorecard.criteria[3].name = "Our wording".into();
        let full = serde_json::to_value(&ws).unwrap();
        let mut small = full.clone();
        minimize(&mut small);
        assert!(small.to_string().len() * 5 < full.to_string().len());
        assert_eq!(
            small["scorecard"]["criteria"][2],
            serde_json::json!({"$d": "raci-compliance-owner", "weight": 9.0})
        );
        assert_eq!(small["scorecard"]["criteria"][3]["name"], "Our wording");
        expand(&mut small).unwrap();
        assert_eq!(small, full);
    }

    #[test]
    fn an_unknown_reference_is_an_error() {
        let mut v = serde_json::json!({"scorecard": {"criteria": [{"$d": "no-such-criterion"}]}});
        assert!(expand(&mut v).unwrap_err().contains("unknown default"));
    }
}
