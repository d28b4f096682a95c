//! The comparison's summary in words: the lowest quote, what it leaves without a price,
//! the lowest the buyer can choose beside knocked-out ones, and the lowest by the year.

use super::compare::{Comparison, QuoteView};
use super::money::Cents;
use crate::domain::text::{and_list, months};

/// The comparison's summary line. `knocked`: the scorecard's knocked-out providers and
/// their red flags; `money`: an amount in the page's own format (the buyer's locale).
pub fn summary(
    c: &Comparison,
    knocked: &[(String, Vec<String>)],
    money: impl Fn(Cents) -> String,
) -> String {
    let Some(best) = c.ranked().first().copied() else {
        return String::new();
    };
    if best.rank.is_none() {
        return "No quote has a price yet: type in the rates from each quote to rank them."
            .to_owned();
    }
    let flags_of = |id: &str| knocked.iter().find(|(k, _)| k == id).map(|(_, f)| f);
    let mut text = format!(
        "Lowest total contract value: {}, {} over {}.",
        best.name,
        money(best.totals.total),
        months(best.term)
    );
    text.push_str(&unpriced(best));
    if let Some(flags) = flags_of(&best.provider) {
        text.push_str(&format!(
            " Your scorecard knocks {} out ({}).",
            best.name,
            flags.join("; ")
        ));
        let open = c.ranked_among(|id| flags_of(id).is_some()).first().copied();
        text.push_str(&match open {
            Some(q) => format!(
                " Of the providers you can choose, {} is lowest: {} over {}.{}",
                q.name,
                money(q.totals.total),
                months(q.term),
                unpriced(q)
            ),
            None if c.ranked_count() > 1 => {
                " It knocks out every other priced quote too.".to_owned()
            }
            None => " No other quote has a price yet.".to_owned(),
        });
    }
    // A shorter contract can win on total alone: say which of the quotes the buyer can
    // choose costs least by the year, against the lowest of them in total.
    let left_out = |id: &str| flags_of(id).is_some();
    let open = c.ranked_among(left_out).first().copied();
    // The knocked-out ones are left out; say so unless the lines above already did.
    let among = if flags_of(&best.provider).is_none()
        && c.ranked()
            .iter()
            .any(|x| x.rank.is_some() && left_out(&x.provider))
    {
        " Of the providers you can choose,"
    } else {
        ""
    };
    if let (Some(q), Some(open)) = (c.lowest_yearly(left_out), open) {
        let yearly = |q: &QuoteView| money(q.yearly_average());
        text.push_str(&if q.provider == open.provider {
            format!(
                "{among} {} is also the lowest by the year: {} a year on average.",
                q.name,
                yearly(q)
            )
        } else {
            format!(
                "{among} {} costs less by the year: {} a year on average over {}, \
                 against {} for {}.",
                q.name,
                yearly(q),
                months(q.term),
                yearly(open),
                open.name
            )
        });
    }
    text
}

/// What the quote leaves out with no price, when it is named as the lowest: the chart
/// beside it cannot show what it does not know.
fn unpriced(q: &QuoteView) -> String {
    let items: Vec<&str> = q.totals.unknown().into_iter().map(|i| i.phrase()).collect();
    match items.is_empty() {
        true => String::new(),
        false => format!(
            " It leaves {} without a price, so the real figure is higher.",
            and_list(&items)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::compare::compare;
    use crate::domain::pricing::compare::reference::three_quotes;
    use crate::domain::pricing::money::Currency;
    use crate::domain::profile::CompanyProfile;

    fn said(knocked: &[(&str, &str)]) -> String {
        let (p, providers) = three_quotes();
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let knocked: Vec<(String, Vec<String>)> = knocked
            .iter()
            .map(|(id, flag)| (id.to_string(), vec![flag.to_string()]))
            .collect();
        summary(&c, &knocked, |cents| Currency::Usd.format(cents))
    }

    #[test]
    fn names_the_lowest_what_it_leaves_unpriced_and_what_costs_less_by_the_year() {
        assert_eq!(
            said(&[]),
            "Lowest total contract value: Keystone Partners, $157,176 over 24 months. \
             It leaves project work and after-hours incident response without a price, so \
             the real figure is higher. Northwind MSP costs less by the year: $74,748.62 a \
             year on average over 30 months, against $78,588 for Keystone Partners."
        );
    }

    #[test]
    fn beside_a_knocked_out_lowest_names_the_lowest_the_buyer_can_choose() {
        assert_eq!(
            said(&[("b", "No exit plan")]),
            "Lowest total contract value: Keystone Partners, $157,176 over 24 months. It \
             leaves project work and after-hours incident response without a price, so the \
             real figure is higher. Your scorecard knocks Keystone Partners out (No exit \
             plan). Of the providers you can choose, Northwind MSP is lowest: $186,871.56 \
             over 30 months. It leaves on-site visits without a price, so the real figure is \
             higher. Northwind MSP is also the lowest by the year: $74,748.62 a year on \
             average."
        );
        // The lowest is not knocked out: the yearly line says whom it is among.
        let text = said(&[("a", "No exit plan")]);
        assert!(
            text.ends_with(
                "Of the providers you can choose, Northwind MSP costs less by the year: \
                 $74,748.62 a year on average over 30 months, against $78,588 for Keystone \
                 Partners."
            ),
            "{text}"
        );
        // Two knocked out: the last one left; all three: none.
        let text = said(&[("b", "x"), ("c", "y")]);
        assert!(
            text.contains("you can choose, Harbor IT is lowest"),
            "{text}"
        );
        assert!(text.contains("It leaves compliance"), "{text}");
        let text = said(&[("a", "x"), ("b", "y"), ("c", "z")]);
        assert!(
            text.ends_with("It knocks out every other priced quote too."),
            "{text}"
        );
    }

    #[test]
    fn without_a_price_it_says_how_to_get_one() {
        let (mut p, providers) = three_quotes();
        for q in &mut p.quotes {
            *q = crate::domain::pricing::quote::Quote {
                provider: q.provider.clone(),
                ..Default::default()
            };
        }
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        assert_eq!(
            summary(&c, &[], |cents| Currency::Usd.format(cents)),
            "No quote has a price yet: type in the rates from each quote to rank them."
        );
        let none = compare(&Default::default(), &CompanyProfile::default(), &[], &[]);
        assert_eq!(summary(&none, &[], |cents| Currency::Usd.format(cents)), "");
    }
}
