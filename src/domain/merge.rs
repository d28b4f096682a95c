//! Three-way merge of two edited copies of one JSON document, from the copy both began as.
//!
//! Two tabs that change different things of one workspace inside the save delay should
//! both keep their work: a score typed here and a quote edited there are not a conflict.
//! The merge takes each side's change wherever the other side left that place alone and
//! gives up (`None`) wherever both changed one place differently, so the buyer is asked
//! only about real conflicts. Lists of records with an `id` (or a `provider`, as quotes
//! have) merge record by record, so one tab may add a criterion while another edits one.

use serde_json::{Map, Value};

/// Fields both sides always change with any edit: the later time wins.
const LATEST: &[&str] = &["updated_ms"];
/// Fields that identify a record in a list, tried in order.
const RECORD_KEYS: &[&str] = &["id", "provider"];

/// Fields only one side may change: accepting a counter-proposal in one tab and rejecting
/// it in the other both remove it, and neither answer may win unasked.
const ONE_SIDE: &[&str] = &["redline"];

/// The merged document, or `None` when both sides changed one place differently, or one
/// side added something under an id the other side removed (a score for a criterion the
/// other tab deleted would be kept where nothing shows it).
pub fn merge(base: &Value, ours: &Value, theirs: &Value) -> Option<Value> {
    if let Some(side) = one_side(base, ours, theirs) {
        return Some(side.clone());
    }
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    changes(base, ours, &mut removed, &mut added);
    let (ours_removed, ours_added) = (std::mem::take(&mut removed), std::mem::take(&mut added));
    changes(base, theirs, &mut removed, &mut added);
    let clash = |gone: &[String], new: &[String]| gone.iter().any(|id| new.contains(id));
    if clash(&ours_removed, &added) || clash(&removed, &ours_added) {
        return None;
    }
    merged(base, ours, theirs)
}

/// The side to take when at most one side changed the place (or both alike).
fn one_side<T: PartialEq + Copy>(base: T, ours: T, theirs: T) -> Option<T> {
    if ours == theirs || theirs == base {
        Some(ours)
    } else if ours == base {
        Some(theirs)
    } else {
        None
    }
}

fn merged(base: &Value, ours: &Value, theirs: &Value) -> Option<Value> {
    if let Some(side) = one_side(base, ours, theirs) {
        return Some(side.clone());
    }
    match (base, ours, theirs) {
        (Value::Object(b), Value::Object(o), Value::Object(t)) => {
            objects(b, o, t).map(Value::Object)
        }
        (Value::Array(b), Value::Array(o), Value::Array(t)) => lists(b, o, t).map(Value::Array),
        _ => None,
    }
}

/// A place that may be missing on any side: added, removed or changed.
fn slot(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
) -> Option<Option<Value>> {
    if let Some(side) = one_side(base, ours, theirs) {
        return Some(side.cloned());
    }
    match (base, ours, theirs) {
        (Some(b), Some(o), Some(t)) => merged(b, o, t).map(Some),
        // Added twice differently, or removed on one side and changed on the other.
        _ => None,
    }
}

fn objects(
    b: &Map<String, Value>,
    o: &Map<String, Value>,
    t: &Map<String, Value>,
) -> Option<Map<String, Value>> {
    let mut out = Map::new();
    for key in o.keys().chain(t.keys().filter(|k| !o.contains_key(*k))) {
        let (bv, ov, tv) = (b.get(key), o.get(key), t.get(key));
        if ONE_SIDE.contains(&key.as_str()) && ov != bv && tv != bv {
            return None;
        }
        let merged = match (ov, tv) {
            (Some(Value::Number(x)), Some(Value::Number(y))) if LATEST.contains(&key.as_str()) => {
                Some(if x.as_i64() >= y.as_i64() {
                    ov.cloned()
                } else {
                    tv.cloned()
                })
            }
            _ => slot(bv, ov, tv),
        }?;
        if let Some(v) = merged {
            out.insert(key.clone(), v);
        }
    }
    Some(out)
}

fn lists(b: &[Value], o: &[Value], t: &[Value]) -> Option<Vec<Value>> {
    if let Some(field) = RECORD_KEYS
        .iter()
        .find(|f| [b, o, t].iter().all(|l| keyed(l, f)))
    {
        return records(b, o, t, field);
    }
    // Plain lists merge item by item only while no side added or removed an item.
    if b.len() != o.len() || b.len() != t.len() {
        return None;
    }
    b.iter()
        .zip(o)
        .zip(t)
        .map(|((b, o), t)| merge(b, o, t))
        .collect()
}

/// Whether every item is an object with a distinct `field`.
fn keyed(list: &[Value], field: &str) -> bool {
    let mut ids: Vec<&Value> = Vec::with_capacity(list.len());
    for item in list {
        match item.get(field) {
            Some(id @ (Value::String(_) | Value::Number(_))) if !ids.contains(&id) => ids.push(id),
            _ => return false,
        }
    }
    true
}

fn records<'a>(b: &'a [Value], o: &'a [Value], t: &'a [Value], field: &str) -> Option<Vec<Value>> {
    let ids = |list: &[Value]| -> Vec<Value> {
        list.iter().filter_map(|v| v.get(field).cloned()).collect()
    };
    let (bi, oi, ti) = (ids(b), ids(o), ids(t));
    // The order of the records every side still has: at most one side may change it.
    let kept = |list: &[Value]| -> Vec<Value> {
        list.iter()
            .filter(|k| bi.contains(k) && oi.contains(k) && ti.contains(k))
            .cloned()
            .collect()
    };
    let (kb, ko, kt) = (kept(&bi), kept(&oi), kept(&ti));
    let (lead, other) = if kt == kb || ko == kt {
        (&oi, &ti)
    } else if ko == kb {
        (&ti, &oi)
    } else {
        return None;
    };
    // The lead side's order, with the other side's new records after the record they
    // follow there (or first, when they lead its list).
    let mut order: Vec<Value> = lead.clone();
    for (at, key) in other.iter().enumerate() {
        if order.contains(key) || bi.contains(key) {
            continue;
        }
        let after = other[..at]
            .iter()
            .rev()
            .find_map(|k| order.iter().position(|o| o == k));
        order.insert(after.map_or(0, |p| p + 1), key.clone());
    }
    let find = |list: &'a [Value], key: &Value| -> Option<&'a Value> {
        list.iter().find(|v| v.get(field) == Some(key))
    };
    let at = |key: &Value| slot(find(b, key), find(o, key), find(t, key));
    let mut out = Vec::with_capacity(order.len());
    for key in &order {
        out.extend(at(key)?);
    }
    // A record the lead side removed stays removed, unless the other side changed it.
    for key in bi.iter().filter(|k| !order.contains(k)) {
        at(key)?;
    }
    Some(out)
}

/// The record ids `side` removed from the base's lists, and every key and record id it
/// added (inside what it added too).
fn changes(base: &Value, side: &Value, removed: &mut Vec<String>, added: &mut Vec<String>) {
    match (base, side) {
        (Value::Object(b), Value::Object(s)) => {
            for (key, v) in s {
                match b.get(key) {
                    Some(bv) => changes(bv, v, removed, added),
                    None => {
                        added.push(key.clone());
                        changes(&Value::Null, v, removed, added);
                    }
                }
            }
        }
        (Value::Array(b), Value::Array(s)) => {
            let field = RECORD_KEYS.iter().find(|f| keyed(b, f) && keyed(s, f));
            let Some(field) = field else {
                if b.len() == s.len() {
                    b.iter()
                        .zip(s)
                        .for_each(|(b, s)| changes(b, s, removed, added));
                }
                return;
            };
            let find = |list: &'_ [Value], item: &Value| {
                let key = item.get(*field);
                list.iter().position(|x| x.get(*field) == key)
            };
            for item in s {
                match find(b, item) {
                    Some(at) => changes(&b[at], item, removed, added),
                    None => {
                        added.extend(item.get(*field).map(id_text));
                        changes(&Value::Null, item, removed, added);
                    }
                }
            }
            let gone = b.iter().filter(|item| find(s, item).is_none());
            removed.extend(gone.filter_map(|item| item.get(*field)).map(id_text));
        }
        // Everything inside a value that is new here counts as added.
        (_, Value::Object(s)) => {
            for (key, v) in s {
                added.push(key.clone());
                changes(&Value::Null, v, removed, added);
            }
        }
        (_, Value::Array(s)) => s
            .iter()
            .for_each(|v| changes(&Value::Null, v, removed, added)),
        _ => {}
    }
}

/// An id as text: criterion ids are strings, RACI ids numbers, and map keys text.
fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn base() -> Value {
        json!({
            "updated_ms": 100,
            "cells": {"harbor": {"raci": {"score": 4}}, "keystone": {"raci": {"score": 3}}},
            "criteria": [{"id": "raci", "name": "Written RACI"}, {"id": "sla", "name": "SLA"}],
            "weights": [1.0, 2.0],
        })
    }

    fn with(mut v: Value, path: &str, new: Value) -> Value {
        *v.pointer_mut(path).expect("path exists") = new;
        v
    }

    #[test]
    fn edits_of_different_cells_both_stay() {
        let ours = with(base(), "/cells/harbor/raci/score", json!(1));
        let theirs = with(base(), "/cells/keystone/raci/score", json!(2));
        let merged = merge(&base(), &ours, &theirs).expect("no conflict");
        assert_eq!(merged.pointer("/cells/harbor/raci/score"), Some(&json!(1)));
        assert_eq!(
            merged.pointer("/cells/keystone/raci/score"),
            Some(&json!(2))
        );
    }

    #[test]
    fn one_cell_changed_two_ways_is_a_conflict() {
        let ours = with(base(), "/cells/harbor/raci/score", json!(1));
        let theirs = with(base(), "/cells/harbor/raci/score", json!(2));
        assert_eq!(merge(&base(), &ours, &theirs), None);
        let same = merge(&base(), &ours, &ours.clone()).expect("the same change");
        assert_eq!(same, ours);
    }

    #[test]
    fn the_later_update_time_wins_without_a_conflict() {
        let ours = with(
            with(base(), "/updated_ms", json!(300)),
            "/weights/0",
            json!(5.0),
        );
        let theirs = with(
            with(base(), "/updated_ms", json!(200)),
            "/weights/1",
            json!(0.5),
        );
        let merged = merge(&base(), &ours, &theirs).expect("no conflict");
        assert_eq!(merged["updated_ms"], json!(300));
        assert_eq!(merged["weights"], json!([5.0, 0.5]));
        assert_eq!(merge(&base(), &theirs, &ours), Some(merged));
    }

    #[test]
    fn a_record_added_on_one_side_and_another_edited_on_the_other() {
        let mut ours = base();
        ours["criteria"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "exit", "name": "Exit terms"}));
        let theirs = with(base(), "/criteria/0/name", json!("RACI in the contract"));
        let merged = merge(&base(), &ours, &theirs).expect("no conflict");
        assert_eq!(
            merged["criteria"],
            json!([
                {"id": "raci", "name": "RACI in the contract"},
                {"id": "sla", "name": "SLA"},
                {"id": "exit", "name": "Exit terms"},
            ])
        );
    }

    #[test]
    fn records_added_on_both_sides_keep_their_places() {
        let mut ours = base();
        let list = ours["criteria"].as_array_mut().unwrap();
        list.insert(1, json!({"id": "a", "name": "After RACI"}));
        let mut theirs = base();
        let list = theirs["criteria"].as_array_mut().unwrap();
        list.insert(0, json!({"id": "z", "name": "First"}));
        list.push(json!({"id": "y", "name": "Last"}));
        let merged = merge(&base(), &ours, &theirs).expect("no conflict");
        let ids: Vec<&str> = merged["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["z", "raci", "a", "sla", "y"]);
    }

    #[test]
    fn one_id_added_twice_differently_is_a_conflict() {
        let mut ours = base();
        ours["criteria"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": 47, "name": "A"}));
        let mut theirs = base();
        theirs["criteria"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": 47, "name": "B"}));
        assert_eq!(merge(&base(), &ours, &theirs), None);
    }

    #[test]
    fn a_removed_record_stays_removed_unless_the_other_side_changed_it() {
        let mut ours = base();
        ours["criteria"].as_array_mut().unwrap().remove(1);
        let theirs = with(base(), "/cells/harbor/raci/score", json!(5));
        let merged = merge(&base(), &ours, &theirs).expect("no conflict");
        assert_eq!(merged["criteria"].as_array().unwrap().len(), 1);
        assert_eq!(merged.pointer("/cells/harbor/raci/score"), Some(&json!(5)));

        let changed = with(base(), "/criteria/1/name", json!("Response times"));
        assert_eq!(merge(&base(), &ours, &changed), None);
        assert_eq!(merge(&base(), &changed, &ours), None);
    }

    #[test]
    fn a_reorder_on_one_side_keeps_the_other_sides_edit() {
        let mut ours = base();
        ours["criteria"].as_array_mut().unwrap().reverse();
        let theirs = with(base(), "/criteria/0/name", json!("RACI in the contract"));
        let merged = merge(&base(), &ours, &theirs).expect("no conflict");
        assert_eq!(merged["criteria"][1]["name"], json!("RACI in the contract"));
        assert_eq!(merged["criteria"][0]["id"], json!("sla"));
        // Reordered two ways: no order can keep both.
        let three = |ids: [&str; 3]| json!({"list": ids.map(|id| json!({"id": id}))});
        let (b, o, t) = (
            three(["a", "b", "c"]),
            three(["b", "a", "c"]),
            three(["a", "c", "b"]),
        );
        assert_eq!(merge(&b, &o, &t), None);
        assert_eq!(merge(&b, &o, &o), Some(o.clone()));
    }

    #[test]
    fn plain_lists_merge_item_by_item_only_at_the_same_length() {
        let ours = with(base(), "/weights/0", json!(3.0));
        let mut theirs = base();
        theirs["weights"].as_array_mut().unwrap().push(json!(9.0));
        assert_eq!(merge(&base(), &ours, &theirs), None);
        // Grown on one side alone: that side's list.
        let merged = merge(&base(), &base(), &theirs).expect("one side");
        assert_eq!(merged, theirs);
    }

    #[test]
    fn a_key_removed_on_one_side_and_changed_on_the_other_is_a_conflict() {
        let mut ours = base();
        ours["cells"].as_object_mut().unwrap().remove("keystone");
        let theirs = with(base(), "/cells/keystone/raci/score", json!(1));
        assert_eq!(merge(&base(), &ours, &theirs), None);
        let harbor = with(base(), "/cells/harbor/raci/score", json!(1));
        let merged = merge(&base(), &ours, &harbor).expect("no conflict");
        assert!(merged["cells"].get("keystone").is_none());
    }

    #[test]
    fn nothing_is_added_under_an_id_the_other_side_removed() {
        // A criterion deleted here, a first score for it there.
        let mut ours = base();
        ours["criteria"].as_array_mut().unwrap().remove(1);
        let mut theirs = base();
        theirs["cells"]["harbor"]["sla"] = json!({"score": 3});
        assert_eq!(merge(&base(), &ours, &theirs), None);
        assert_eq!(merge(&base(), &theirs, &ours), None);
        // A provider deleted here, its first scores (a new map) there.
        let mut theirs = base();
        theirs["cells"]["nimbus"] = json!({"sla": {"score": 3}});
        let mut gone = base();
        gone["criteria"].as_array_mut().unwrap().remove(1);
        assert_eq!(merge(&base(), &gone, &theirs), None);
        // A score for a criterion the other side kept merges as before.
        let mut kept = base();
        kept["cells"]["nimbus"] = json!({"raci": {"score": 3}});
        assert!(merge(&base(), &gone, &kept).is_some());
    }

    #[test]
    fn a_counter_proposal_answered_in_both_tabs_is_left_to_the_buyer() {
        let base =
            json!({"redline": [{"provider": "harbor", "function": 19}], "roles": {"19": "R"}});
        let accepted = json!({"redline": [], "roles": {"19": "AR"}});
        let rejected = json!({"redline": [], "roles": {"19": "R"}});
        assert_eq!(merge(&base, &accepted, &rejected), None);
    }

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(json!(null)),
            any::<bool>().prop_map(Value::from),
            (0i64..5).prop_map(Value::from),
            "[ab]{0,2}".prop_map(Value::from)
        ]
    }

    fn doc() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[abc]", inner.clone(), 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
                prop::collection::btree_map(0i64..6, inner, 0..4).prop_map(|m| {
                    Value::Array(
                        m.into_iter()
                            .map(|(id, v)| json!({"id": id, "v": v}))
                            .collect(),
                    )
                }),
            ]
        })
    }

    proptest! {
        #[test]
        fn one_sided_changes_are_taken_whole(b in doc(), x in doc()) {
            prop_assert_eq!(merge(&b, &x, &b), Some(x.clone()));
            prop_assert_eq!(merge(&b, &b, &x), Some(x.clone()));
            prop_assert_eq!(merge(&b, &x, &x), Some(x.clone()));
        }

        #[test]
        fn a_merge_keeps_every_change_the_other_side_left_alone(b in doc(), o in doc(), t in doc()) {
            // Merging the result again with either side changes nothing more: it already
            // holds both sides' changes.
            if let Some(m) = merge(&b, &o, &t) {
                // (`None` only when one side adds an id it also removed elsewhere.)
                if let Some(again) = merge(&b, &m, &o) {
                    prop_assert_eq!(again, m.clone());
                }
                if let Some(again) = merge(&b, &t, &m) {
                    prop_assert_eq!(again, m.clone());
                }
            }
        }
    }
}
