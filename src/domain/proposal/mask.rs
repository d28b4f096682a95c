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
    // Longest first; equal names next to each other, for `dedup`.
    order::sort_by(&mut out, |a, b| {
        b.len().cmp(&a.len()).then_with(|| a.cmp(b))
    });
    out.dedup();
    out
}

/// Words of a company's name too common to point at it on their own.
const GENERIC: [&str; 24] = [
    "managed",
    "services",
    "service",
    "solutions",
    "technologies",
    "technology",
    "tech",
    "systems",
    "networks",
    "network",
    "partners",
    "group",
    "consulting",
    "computers",
    "computer",
    "support",
    "cloud",
    "cyber",
    "digital",
    "data",
    "global",
    "company",
    "limited",
    "corp",
];

/// Words shorter than this are not looked for on their own.
const MIN_WORD_CHARS: usize = 4;

/// The words of other providers' several-word names that `text` has as words of its own
/// ("Crest quoted less", with "Crest MSP" among `names`), each with its name: not
/// replaced, as a common word ("Secure", "Response") would garble the text, but named
/// to the buyer to check. Words of `own`, the recipient's name, are left out.
pub fn mentions(text: &str, names: &[String], own: &str) -> Vec<(String, String)> {
    let edge = |c: char| !c.is_alphanumeric();
    let folded = lower(text);
    let own = lower(own);
    let own_words: Vec<&str> = own
        .split_whitespace()
        .map(|w| w.trim_matches(edge))
        .collect();
    let mut out: Vec<(String, String)> = Vec::new();
    for name in names {
        let words: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_matches(edge))
            .collect();
        if words.len() < 2 {
            continue;
        }
        for word in words {
            let key = lower(word);
            let distinct = word.chars().count() >= MIN_WORD_CHARS
                && !GENERIC.contains(&key.as_str())
                && !own_words.contains(&key.as_str());
            let named = distinct
                && folded
                    .match_indices(key.as_str())
                    .any(|(at, _)| whole_word(&folded, at, at + key.len()));
            if named && !out.iter().any(|(w, _)| lower(w) == key) {
                out.push((word.to_owned(), name.trim().to_owned()));
            }
        }
    }
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
            if !whole_word(&folded, start, end) {
                // On past the name's first character: "edge" in "knowledge edge".
                from = start + name.chars().next().map_or(1, char::len_utf8);
                continue;
            }
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

/// Whether `text[start..end]` stands as words of its own: a name is not masked inside
/// a longer word ("Edge" in "knowledge"). Only where the name itself starts or ends with
/// a letter or digit, so "(Edge)" as a name still matches after a letter.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let name = &text[start..end];
    let joined_before = word(text[..start].chars().next_back()) && word(name.chars().next());
    let joined_after = word(text[end..].chars().next()) && word(name.chars().next_back());
    !joined_before && !joined_after
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
    fn a_name_inside_a_longer_word_is_left_alone() {
        let names = hidden(["Edge".to_string()]);
        assert_eq!(
            mask("Documentation and institutional knowledge", &names),
            None
        );
        assert_eq!(
            mask("Knowledge base kept by Edge, edge-to-edge", &names).unwrap(),
            "Knowledge base kept by another provider, another provider-to-another provider"
        );
        let names = hidden(["(Edge)".to_string()]);
        assert_eq!(
            mask("Firewall(Edge)", &names).unwrap(),
            "Firewallanother provider"
        );
    }

    #[test]
    fn a_word_of_another_providers_name_is_pointed_out_not_replaced() {
        let names = [
            "Crest Managed Services".to_string(),
            "Harbor Cloud".to_string(),
        ];
        let note = "Crest quoted less; managed services stay; Harbor keeps it; crestfallen";
        assert_eq!(
            mentions(note, &names, "Harbor IT"),
            [("Crest".to_string(), "Crest Managed Services".to_string())]
        );
        let names = ["Secure Response Partners".to_string()];
        assert_eq!(mentions("Incident response", &names, "Harbor IT").len(), 1);
        assert!(mask("Incident response", &hidden(names)).is_none());
        // Punctuation is no part of a word, on either side.
        let names = ["Crest, Inc.".to_string()];
        assert_eq!(
            mentions("Crest's quote", &names, ""),
            [("Crest".to_string(), "Crest, Inc.".to_string())]
        );
        // A one-word name is masked whole, so it is not pointed out as well.
        assert!(mentions("Edge quoted", &["Edge".to_string()], "").is_empty());
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
        fn no_hidden_name_survives_as_a_word(
            words in proptest::collection::vec("[qzjkxQZJKXéÉ]{1,8}", 0..12),
            name in "[qzjkxQZJKXéÉ]{3,8}",
            at in 0usize..13,
        ) {
            let mut words = words;
            words.insert(at.min(words.len()), name.clone());
            let text = words.join(" ");
            let names = hidden([name.clone()]);
            let out = mask(&text, &names).unwrap_or(text);
            prop_assert!(out.split(' ').all(|w| lower(w) != lower(&name)), "{out}");
        }
    }
}
