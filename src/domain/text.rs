//! Names as text: one line, and case-insensitive handling without Unicode's case tables,
//! which cost about 25 KB of wasm. Names in this market are English or Western European: ASCII and the
//! Latin-1 and Latin Extended-A letters (é, Ø, Ł, Œ…) fold exactly as `to_lowercase`
//! does; letters of other scripts compare as written.

/// A name typed or pasted with line breaks, on one line: a space for each break (`\r\n`
/// counts as one), and where a caret `caret` UTF-16 units in (as browsers count) stands
/// in the result.
pub fn one_line(text: &str, caret: usize) -> (String, usize) {
    let flat = |s: &str| s.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let before = String::from_utf16_lossy(&text.encode_utf16().take(caret).collect::<Vec<_>>());
    (flat(text), flat(&before).encode_utf16().count())
}

/// The lower-case form of `c` for comparisons.
pub fn fold(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A => code + 0x20,
        // Latin-1 capitals, except the multiplication sign.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Latin Extended-A: capital and small letters alternate, in three runs.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code.is_multiple_of(2) => code + 1,
        0x139..=0x148 | 0x179..=0x17E if !code.is_multiple_of(2) => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` with every letter folded, for comparing and sorting names.
pub fn lower(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// Whether two names are the same but for case.
pub fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.chars().map(fold).eq(b.chars().map(fold))
}

/// "Harbor IT's", "Keystone Partners'", "AWS's": a name's possessive, for the names
/// people give providers and evaluators (a capital S ends an acronym, most often).
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// "1 month", "36 months".
pub fn months(n: u32) -> String {
    counted(n, "month", "months")
}

/// "1 server", "3 servers", "1,200 users": a count with its noun.
pub fn counted(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", crate::domain::input::group(n))
}

/// "a", "a and b", "a, b and c": a list inside a sentence.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// A file name stem from a name: its letters and digits folded to ASCII, words joined by
/// hyphens, at most 60 characters; `fallback` for a name with no letters or digits.
pub fn slug_or(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars().map(fold) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    let cut: String = trimmed.chars().take(60).collect();
    if cut.is_empty() {
        fallback.into()
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_name_becomes_one_line_with_the_caret_kept() {
        assert_eq!(one_line("Written RACI", 7), ("Written RACI".to_owned(), 7));
        // "Named\r\nowners|" with the caret at the end, after a two-unit break.
        assert_eq!(
            one_line("Named\r\nowners", 13),
            ("Named owners".to_owned(), 12)
        );
        assert_eq!(one_line("a\nb\rc", 2), ("a b c".to_owned(), 2));
        // UTF-16: "é" is one unit, "𝄞" two.
        assert_eq!(one_line("é\n𝄞\nx", 4), ("é 𝄞 x".to_owned(), 4));
    }

    #[test]
    fn possessives_of_names_that_end_in_s_take_only_the_apostrophe() {
        assert_eq!(possessive("Harbor IT"), "Harbor IT's");
        assert_eq!(possessive("Keystone Partners"), "Keystone Partners'");
        assert_eq!(possessive("AWS"), "AWS's");
    }

    #[test]
    fn a_month_to_month_term_is_one_month() {
        assert_eq!(months(1), "1 month");
        assert_eq!(months(0), "0 months");
        assert_eq!(months(36), "36 months");
    }

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn folds_like_the_standard_library_for_western_letters() {
        for code in 0..0x180u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let std: Vec<char> = c.to_lowercase().collect();
            // U+0130 (İ) lowers to two characters; as a single character it stays itself.
            if std.len() == 1 {
                assert_eq!(fold(c), std[0], "U+{code:04X} {c}");
            }
        }
    }

    #[test]
    fn names_compare_without_case() {
        assert!(same_ignoring_case("Société Générale", "SOCIÉTÉ GÉNÉRALE"));
        assert!(same_ignoring_case("Łódź IT", "łódź it"));
        assert!(!same_ignoring_case("MSP", "MSPs"));
        assert_eq!(lower("Œuvre ÆØÅ"), "œuvre æøå");
    }
}
