//! Text cells of every CSV file the app writes: the guard against formula injection and
//! RFC 4180 quoting.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, and some
//! also after a leading tab or carriage return; a leading apostrophe stops it. The guard
//! is reversible, so the RACI import reads back exactly what was exported.

fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// `text` with an apostrophe in front if a spreadsheet would run it. Text that already
/// starts with apostrophes before such a character gets one more, so `unguard` can
/// tell the guard from the buyer's own apostrophe.
pub fn guard(text: &str) -> String {
    if text.trim_start_matches('\'').starts_with(is_formula_start) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Removes the apostrophe added by `guard`.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(is_formula_start) => rest,
        _ => text,
    }
}

/// One guarded text field, quoted where CSV needs it.
pub fn field(text: &str) -> String {
    quote(guard(text))
}

/// `text` quoted where CSV needs it: separators, quotes, line breaks, or space at either
/// end that a reader would trim.
pub fn quote(text: String) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.trim() != text {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// One record of cells already written as CSV (`field`, `quote`, or a bare number):
/// joined by commas, ended by CRLF.
pub fn record(cells: impl IntoIterator<Item = String>) -> String {
    let mut out = cells.into_iter().collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_guarded(lead: char) {
        let text = format!("{lead}HYPERLINK(\"x\")");
        assert_eq!(guard(&text), format!("'{text}"));
        assert_eq!(unguard(&guard(&text)), text);
        assert!(field(&text).starts_with("\"'") || field(&text).starts_with('\''));
    }

    #[test]
    fn an_equals_sign_is_guarded() {
        assert_guarded('=');
    }

    #[test]
    fn a_plus_sign_is_guarded() {
        assert_guarded('+');
    }

    #[test]
    fn a_minus_sign_is_guarded() {
        assert_guarded('-');
    }

    #[test]
    fn an_at_sign_is_guarded() {
        assert_guarded('@');
    }

    #[test]
    fn a_tab_is_guarded() {
        assert_guarded('\t');
    }

    #[test]
    fn a_carriage_return_is_guarded() {
        assert_guarded('\r');
    }

    #[test]
    fn plain_text_and_apostrophes_read_back() {
        for text in ["'=a", "''-b", "'plain", "plain", "", "a=b"] {
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        assert_eq!(guard("'hello"), "'hello");
        assert_eq!(guard("a=b"), "a=b");
    }

    #[test]
    fn fields_are_quoted_where_csv_needs_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
    }
}
