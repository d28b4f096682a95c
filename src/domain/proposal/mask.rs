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

/// Words of a company's name too common to hide on their own: of "Crest Managed
/// Services" only "Crest" is, as a buyer writes "Crest quoted less".
const GENERIC: [&str; 28] = [
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
    "with",
    "from",
    "your",
    "their",
];

/// Words shorter than this are not hidden on their own.
const MIN_WORD_CHARS: usize = 4;

/// The names to hide, folded for comparison, longest first (so "Harbor IT Group" is
/// masked whole before "Harbor IT" could match part of it): each name, and each word of
/// it that is not a common one nor a word of `own`, the name of the provider the text
/// goes to ("Harbor IT" and "Harbor Cloud": "harbor" stays for Harbor Cloud).
pub fn hidden(names: impl IntoIterator<Item = String>, own: &str) -> Vec<String> {
    let own = lower(own);
    let own_words: Vec<&str> = own.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let name = lower(name.trim());
        let words = name
            .split_whitespace()
            .filter(|w| w.len() != name.len() && w.chars().count() >= MIN_WORD_CHARS)
            .filter(|w| !GENERIC.contains(w) && !own_words.contains(w))
            .map(str::to_owned);
        out.extend(words);
        if name.chars().count() >= MIN_NAME_CHARS {
            out.push(name);
        }
    }
    // Longest first; equal names next to each other, for `dedup`.
    order::sort_by(&mut out, |a, b| {
        b.len().cmp(&a.len()).then_with(|| a.cmp(b))
    });
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
        let names = hidden(["Harbor IT".to_string(), "IT".to_string()], "");
        assert_eq!(
            mask("HARBOR it keeps the firewall; harbor IT's SOC", &names).unwrap(),
            "another provider keeps the firewall; another provider's SOC"
        );
        assert_eq!(mask("Our IT team", &names), None);
    }

    #[test]
    fn the_longest_name_wins_where_two_overlap() {
        let names = hidden(["Harbor".to_string(), "Harbor IT Group".to_string()], "");
        assert_eq!(
            mask("Harbor IT Group and Harbor", &names).unwrap(),
            "another provider and another provider"
        );
    }

    #[test]
    fn a_name_inside_a_longer_word_is_left_alone() {
        let names = hidden(["Edge".to_string()], "");
        assert_eq!(
            mask("Documentation and institutional knowledge", &names),
            None
        );
        assert_eq!(
            mask("Knowledge base kept by Edge, edge-to-edge", &names).unwrap(),
            "Knowledge base kept by another provider, another provider-to-another provider"
        );
        let names = hidden(["(Edge)".to_string()], "");
        assert_eq!(
            mask("Firewall(Edge)", &names).unwrap(),
            "Firewallanother provider"
        );
    }

    #[test]
    fn a_distinctive_word_of_a_name_is_hidden_too_but_not_the_recipients_own() {
        let names = hidden(
            [
                "Crest Managed Services".to_string(),
                "Harbor Cloud".to_string(),
            ],
            "Harbor IT",
        );
        assert_eq!(
            mask(
                "Crest quoted less; managed services stay; Harbor keeps it",
                &names
            )
            .unwrap(),
            "another provider quoted less; managed services stay; Harbor keeps it"
        );
    }

    #[test]
    fn accented_names_are_found() {
        let names = hidden(["Øresund Tech".to_string()], "");
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
            let names = hidden([name.clone()], "");
            let out = mask(&text, &names).unwrap_or(text);
            prop_assert!(out.split(' ').all(|w| lower(w) != lower(&name)), "{out}");
        }
    }
}
