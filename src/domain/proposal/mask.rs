//! Keeps other providers' names out of what one provider is sent.
//!
//! A RACI or a question the buyer wrote may name an incumbent or a rival ("Harbor IT
//! keeps the firewall"). The request replaces such names with a neutral phrase and
//! tells the buyer where it did, rather than leaking them or refusing to send.

use crate::domain::order;
use crate::domain::text::lower;

/// What a masked name reads as in the request.
pub const NEUTRAL: &str = "another provider";

/// Names shorter than this are not masked: "IT" would match half of every sentence.
const MIN_NAME_CHARS: usize = 3;

/// The names to hide, folded for comparison, longest first (so "Harbor IT Group" is
/// masked whole before "Harbor IT" could match part of it).
pub fn hidden(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = names
        .into_iter()
        .map(|n| lower(n.trim()))
        .filter(|n| n.chars().count() >= MIN_NAME_CHARS)
        .collect();
    order::sort_by_key(&mut out, |n| std::cmp::Reverse(n.len()));
    out.dedup();
    out
}

/// `text` with every hidden name replaced by `NEUTRAL`; `None` when none occurs.
pub fn mask(text: &str, hidden: &[String]) -> Option<String> {
    // Folding keeps every character's UTF-8 length (see `text::fold`), so a byte
    // offset in the folded text is the same offset in the original.
    let folded = lower(text);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for name in hidden {
        let mut from = 0;
        while let Some(at) = folded[from..].find(name.as_str()) {
            let start = from + at;
            let end = start + name.len();
            if !cuts.iter().any(|&(s, e)| start < e && s < end) {
                cuts.push((start, end));
            }
            from = end;
        }
    }
    if cuts.is_empty() {
        return None;
    }
    order::sort_by(&mut cuts, Ord::cmp);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in cuts {
        out.push_str(&text[at..start]);
        out.push_str(NEUTRAL);
        at = end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn masks_every_occurrence_whatever_the_case() {
        let names = hidden(["Harbor IT".to_string(), "IT".to_string()]);
        assert_eq!(
            mask("HARBOR it keeps the firewall; harbor IT's SOC", &names).unwrap(),
            "another provider keeps the firewall; another provider's SOC"
        );
        assert_eq!(mask("Our IT team", &names), None);
    }

    #[test]
    fn the_longest_name_wins_where_two_overlap() {
        let names = hidden(["Harbor".to_string(), "Harbor IT Group".to_string()]);
        assert_eq!(
            mask("Harbor IT Group and Harbor", &names).unwrap(),
            "another provider and another provider"
        );
    }

    #[test]
    fn accented_names_are_found() {
        let names = hidden(["Øresund Tech".to_string()]);
        assert_eq!(mask("øRESUND tech", &names).unwrap(), NEUTRAL);
    }

    proptest! {
        #[test]
        // Names from letters the neutral phrase lacks, so a survivor is a real miss and
        // not the phrase joining its neighbours into the name again.
        fn no_hidden_name_survives(text in "[qzjkxQZJKXéÉ ]{0,60}", name in "[qzjkxQZJKXéÉ]{3,8}") {
            let names = hidden([name.clone()]);
            let out = mask(&text, &names).unwrap_or(text);
            prop_assert!(!lower(&out).contains(&lower(&name)));
        }
    }
}
