//! Places inside a page that a link opens at: the element ids the pages give them, and the
//! `at=` part of a fragment that names one (`#/raci?at=rc-19-0`). The decision brief links
//! each question to the function, quote or score it is about, and the shell moves the
//! focus there once the page has built it (`browser::router`).

use super::raci::Id;
use super::route::Route;

/// A DOM id for a domain id under a prefix (ids from files may hold any character, and a
/// fragment's `&` or `#` must not end the id).
pub fn dom_id(prefix: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}-{safe}")
}

/// A cell of the RACI grid; party 0 is the function's row header.
pub fn raci_cell(function: Id, party: Id) -> String {
    format!("rc-{function}-{party}")
}

/// A function's row header in the RACI grid: focusing it selects the function.
pub fn raci_row(function: Id) -> String {
    raci_cell(function, 0)
}

/// A score cell's input in the scorecard grid.
pub fn score_cell(provider: &str, criterion: &str) -> String {
    format!("{}--{}", dom_id("sc-x", provider), dom_id("c", criterion))
}

/// A provider's red-flag checklist on the scorecard's knock-outs view. (The `at-` prefix
/// is one no fixed id uses: a provider id "title" must not give "sc-ko-title".)
pub fn knockouts(provider: &str) -> String {
    dom_id("at-ko", provider)
}

/// A quote's card on the pricing comparison.
pub fn quote(provider: &str) -> String {
    dom_id("at-quote", provider)
}

/// A page's link that opens at `anchor`.
pub fn at(href: &str, anchor: &str) -> String {
    let join = if href.contains('?') { '&' } else { '?' };
    format!("{href}{join}at={anchor}")
}

/// The anchor a fragment opens at, if it names one.
pub fn of_fragment(fragment: &str) -> Option<&str> {
    Route::param(fragment, "at").filter(|a| !a.is_empty())
}

/// The fragment without its anchor: where the page stays once the link has opened there,
/// so a reload later does not jump back to it.
pub fn without(fragment: &str) -> String {
    Route::without_param(fragment, "at")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::tab::Tab;

    #[test]
    fn a_link_opens_at_its_anchor_and_keeps_its_view() {
        let href = at(&Tab::KnockOuts.href(), &knockouts("harbor"));
        assert_eq!(href, "#/scorecard?view=knockouts&at=at-ko-harbor");
        assert_eq!(of_fragment(&href), Some("at-ko-harbor"));
        assert_eq!(Tab::from_fragment(&href), Tab::KnockOuts);
        assert_eq!(
            of_fragment(&at("#/raci", &raci_cell(19, 0))),
            Some("rc-19-0")
        );
        assert_eq!(of_fragment("#/raci"), None);
        assert_eq!(of_fragment("#/raci?at="), None);
    }

    #[test]
    fn the_anchor_leaves_the_address_and_the_view_stays() {
        assert_eq!(without("#/raci?at=rc-19-0"), "#/raci");
        assert_eq!(
            without("#/scorecard?view=knockouts&at=at-ko-nimbus"),
            "#/scorecard?view=knockouts"
        );
        assert_eq!(without("#/pricing"), "#/pricing");
    }

    #[test]
    fn odd_ids_make_ids_a_fragment_can_carry() {
        let anchor = quote("a&b#c d");
        assert_eq!(anchor, "at-quote-a_b_c_d");
        assert_eq!(
            of_fragment(&at("#/pricing", &anchor)),
            Some("at-quote-a_b_c_d")
        );
        assert_eq!(score_cell("p 1", "c/2"), "sc-x-p_1--c-c_2");
    }
}
