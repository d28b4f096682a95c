//! Compact JSON laid out exactly as `serde_json::to_string_pretty` lays it out.
//!
//! Files people may read are written this way, from the compact text storage needs
//! anyway: serialising a model with serde_json's pretty formatter compiled a second copy
//! of every model's `Serialize` into the wasm. Here there is one small function.

/// `compact` (serde_json's compact output: no whitespace outside strings), indented by
/// two spaces per level, with `": "` after keys and empty containers kept as `[]` / `{}`.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.char_indices();
    while let Some((i, c)) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if bytes.get(i + 1) == Some(&(close as u8)) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth -= 1;
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn same_as_serde(v: &Value) {
        let ours = indent(&serde_json::to_string(v).unwrap());
        assert_eq!(ours, serde_json::to_string_pretty(v).unwrap());
    }

    #[test]
    fn lays_out_like_serde_json_including_empty_containers_and_tricky_strings() {
        same_as_serde(&json!({
            "a": [], "b": {}, "c": [1, [2, []], {"d": null}],
            "quote \" brace { bracket ] colon : comma ,": "back\\slash\\\" [x] {y}",
            "unicode": "é – 漢字 \u{1}", "n": -1.5e-7, "t": true
        }));
        same_as_serde(&json!([]));
        same_as_serde(&json!("just text"));
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| json!(f)),
            ".{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(".{0,8}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_json_is_laid_out_exactly_like_serde_json(v in value()) {
            let ours = indent(&serde_json::to_string(&v).unwrap());
            prop_assert_eq!(ours, serde_json::to_string_pretty(&v).unwrap());
        }
    }
}
