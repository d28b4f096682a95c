//! Exact money: integer minor units (cents), currencies, and what the buyer types.
//!
//! Rounding rules, in one place (the README repeats them):
//! - Every amount is a whole number of minor units (`i64` cents). Nothing is ever
//!   summed as a float.
//! - The only divisions are by 12 (a partial contract year, a yearly figure per month),
//!   by 10,000 (a percentage in basis points) and by a user or device count (the
//!   effective rate). Each rounds the exact quotient to the nearest cent, half away from
//!   zero ([`div_round`]), once, at the end of the line it belongs to.
//! - Escalated rates are rounded to the cent every contract year and the next year's
//!   escalation starts from that rounded rate, as an invoice would.
//! - Arithmetic saturates instead of overflowing; the input limits keep every real
//!   figure far below the limit.

use serde::{Deserialize, Serialize};

use crate::domain::input::group;

/// An amount in minor units (cents, pence).
pub type Cents = i64;

/// The largest amount any single money field accepts: 10 million in major units.
pub const MAX_AMOUNT: Cents = 1_000_000_000;

/// A percentage in basis points: 1% is 100, 3.5% is 350.
pub type Bps = i64;

/// The currencies a quote can be compared in. Every one has two minor digits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    #[default]
    Usd,
    Eur,
    Gbp,
    Cad,
    Aud,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::Usd,
        Currency::Eur,
        Currency::Gbp,
        Currency::Cad,
        Currency::Aud,
    ];

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Cad => "CAD",
            Currency::Aud => "AUD",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The name shown in the currency list.
    pub fn label(self) -> &'static str {
        match self {
            Currency::Usd => "US dollar (USD)",
            Currency::Eur => "Euro (EUR)",
            Currency::Gbp => "Pound sterling (GBP)",
            Currency::Cad => "Canadian dollar (CAD)",
            Currency::Aud => "Australian dollar (AUD)",
        }
    }

    /// A short, unambiguous symbol for messages and field prefixes.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Eur => "€",
            Currency::Gbp => "£",
            Currency::Cad => "CA$",
            Currency::Aud => "A$",
        }
    }

    /// An amount for messages: "$1,234.50", "€95". Cents are shown only when there are some.
    /// The page itself formats figures for the buyer's locale; this is for sentences.
    pub fn format(self, cents: Cents) -> String {
        let sign = if cents < 0 { "-" } else { "" };
        format!("{sign}{}{}", self.symbol(), plain(cents.saturating_abs()))
    }

    /// A total for a summary: `format`, but whole units from 1,000 up ("$290,599"). The
    /// brief set "$290,599.16 over 36 months" beside "$146,165 over 24 months"; cents on a
    /// contract's total say nothing. Never for a rate or a threshold, which stay exact.
    pub fn total(self, cents: Cents) -> String {
        if cents.unsigned_abs() >= 100_000 {
            let whole = (i128::from(cents) + if cents < 0 { -50 } else { 50 }) / 100 * 100;
            self.format(whole as Cents)
        } else {
            self.format(cents)
        }
    }
}

/// An amount as the buyer would type it: "1,234.50", or "95" when there are no cents.
pub fn plain(cents: Cents) -> String {
    let major = group(cents / 100);
    let minor = (cents % 100).abs();
    if minor == 0 {
        major
    } else {
        let major = if cents < 0 && cents > -100 {
            format!("-{major}")
        } else {
            major
        };
        format!("{major}.{minor:02}")
    }
}

/// An amount for files: no grouping, always two decimals ("1234.50", "-3.05").
pub fn decimal(cents: Cents) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// A percentage in basis points as the buyer would type it: "3", "3.5", "-2.25".
pub fn percent_text(bps: Bps) -> String {
    let sign = if bps < 0 { "-" } else { "" };
    let abs = bps.unsigned_abs();
    let (whole, frac) = (abs / 100, abs % 100);
    if frac == 0 {
        format!("{sign}{whole}")
    } else if frac % 10 == 0 {
        format!("{sign}{whole}.{}", frac / 10)
    } else {
        format!("{sign}{whole}.{frac:02}")
    }
}

/// `numerator / denominator` rounded to the nearest whole unit, halves away from zero.
/// A zero denominator gives zero (there is nothing to share out).
pub fn div_round(numerator: i128, denominator: i128) -> i128 {
    if denominator == 0 {
        return 0;
    }
    let (n, d) = if denominator < 0 {
        (-numerator, -denominator)
    } else {
        (numerator, denominator)
    };
    let (q, r) = (n / d, n % d);
    if r.abs() * 2 >= d {
        q + n.signum()
    } else {
        q
    }
}

/// Saturates an exact wide result into cents.
pub fn to_cents(value: i128) -> Cents {
    value.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as Cents
}

/// `amount × (1 + bps/10,000)`, rounded to the cent: one year of an escalator or of growth.
pub fn apply_bps(amount: i64, bps: Bps) -> i64 {
    to_cents(div_round(
        i128::from(amount) * (10_000 + i128::from(bps)),
        10_000,
    ))
}

/// Why typed money or a percentage was refused. Each has a plain message for the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    Negative,
    NotANumber,
    TooManyDecimals,
    /// A lone dot before three digits ("2.500"): thousands where a dot groups them, a
    /// decimal where it is the decimal point. Asked, never guessed.
    DotOrThousands {
        thousands: String,
        decimal: String,
    },
    TooLarge {
        max: String,
    },
    OutOfRange {
        min: String,
        max: String,
    },
    /// A mark of another currency ("€90" where amounts are in USD): never converted.
    OtherCurrency {
        typed: String,
        expected: String,
    },
}

impl MoneyError {
    pub fn message(&self) -> String {
        match self {
            MoneyError::Empty => "Enter an amount, like 95 or 1,250.50.".into(),
            MoneyError::Negative => "Enter an amount of zero or more.".into(),
            MoneyError::NotANumber => "Enter an amount, like 95 or 1,250.50.".into(),
            MoneyError::TooManyDecimals => "Use at most two decimals.".into(),
            MoneyError::DotOrThousands { thousands, decimal } => format!(
                "Did you mean {thousands}? Type it without the dot, or with a comma: \
                 {thousands}. For a decimal, use two places, like {decimal}."
            ),
            MoneyError::TooLarge { max } => format!("Enter at most {max}."),
            MoneyError::OutOfRange { min, max } => {
                format!("Enter a percentage from {min} to {max}.")
            }
            MoneyError::OtherCurrency { typed, expected } if typed == "$" => {
                format!("Amounts here are in {expected}, not dollars: enter it in {expected}.")
            }
            MoneyError::OtherCurrency { typed, expected } => format!(
                "Amounts here are in {expected}, and this one is in {typed}: enter it in \
                 {expected}."
            ),
        }
    }
}

/// The digits of a typed decimal, after symbols, codes and separators are read.
struct Decimal {
    negative: bool,
    whole: String,
    fraction: String,
    /// The decimal mark was a dot with no other separator in the number.
    lone_dot: bool,
}

/// Reads "1,234.50", "$95", "95.5", "USD 1 200", "€1.234,50", "95,50" or "3.5%".
///
/// Separators: when both `.` and `,` appear, the last one is the decimal mark and the
/// other groups thousands. A lone `,` followed by one or two digits at the end is a
/// decimal comma ("95,50"); otherwise commas, spaces, apostrophes and underscores group
/// thousands, and groups after the first must have three digits, so "1,2345" is refused
/// rather than guessed. A lone `.` is a decimal point, so "1.234" has too many decimals
/// instead of silently meaning 1,234.
fn read_decimal(text: &str, strip: &[&str]) -> Result<Decimal, MoneyError> {
    let mut s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\'' | '_'))
        .collect();
    for token in strip {
        s = s.replace(token, "");
    }
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negative = true;
        s = rest.to_owned();
    } else if s.starts_with('(') && s.ends_with(')') && s.len() >= 2 {
        negative = true;
        s = s[1..s.len() - 1].to_owned();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_owned();
    }
    for token in strip {
        s = s.replace(token, "");
    }
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(MoneyError::NotANumber);
    }
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let decimal_mark = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => {
            if s.matches('.').count() == 1 {
                Some('.')
            } else {
                None
            }
        }
        (None, Some(c)) => {
            let tail = s.len() - c - 1;
            if s.matches(',').count() == 1 && (tail == 1 || tail == 2) {
                Some(',')
            } else {
                None
            }
        }
        (None, None) => None,
    };
    let (int_part, fraction) = match decimal_mark {
        Some(mark) => {
            let at = s.rfind(mark).unwrap_or(s.len());
            (s[..at].to_owned(), s[at + 1..].to_owned())
        }
        None => (s.clone(), String::new()),
    };
    if fraction.contains(['.', ',']) {
        return Err(MoneyError::NotANumber);
    }
    let groups: Vec<&str> = int_part.split(['.', ',']).collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(MoneyError::NotANumber);
        }
    }
    let whole: String = groups.concat();
    if whole.is_empty() && fraction.is_empty() {
        return Err(MoneyError::NotANumber);
    }
    Ok(Decimal {
        negative,
        lone_dot: decimal_mark == Some('.') && groups.len() == 1,
        whole,
        fraction,
    })
}

/// Turns digits with at most two decimals into hundredths, refusing more than `max`.
fn hundredths(d: &Decimal, max: i64) -> Result<i64, MoneyError> {
    let fraction = d.fraction.trim_end_matches('0');
    if fraction.len() > 2 {
        return Err(MoneyError::TooManyDecimals);
    }
    let whole = d.whole.trim_start_matches('0');
    // More digits than any limit we use: refuse before parsing can overflow.
    if whole.len() > 15 {
        return Err(MoneyError::TooLarge { max: plain(max) });
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::NotANumber)?
    };
    let frac: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| MoneyError::NotANumber)?;
    let value = whole * 100 + frac;
    Ok(if d.negative { -value } else { value })
}

/// The currency marks an amount may carry, longest first so "CA$" is read before "$".
/// `None` is the bare "$", which any dollar currency may use.
const CURRENCY_MARKS: [(&str, Option<Currency>); 13] = [
    ("US$", Some(Currency::Usd)),
    ("CA$", Some(Currency::Cad)),
    ("AU$", Some(Currency::Aud)),
    ("USD", Some(Currency::Usd)),
    ("EUR", Some(Currency::Eur)),
    ("GBP", Some(Currency::Gbp)),
    ("CAD", Some(Currency::Cad)),
    ("AUD", Some(Currency::Aud)),
    ("C$", Some(Currency::Cad)),
    ("A$", Some(Currency::Aud)),
    ("€", Some(Currency::Eur)),
    ("£", Some(Currency::Gbp)),
    ("$", None),
];

/// Takes the currency marks out of `upper`, refusing one that names a currency other
/// than `currency`: "€90" in a comparison in dollars is not 90 dollars.
fn strip_marks(upper: &str, currency: Currency) -> Result<String, MoneyError> {
    let mut s = upper.to_owned();
    for (mark, named) in CURRENCY_MARKS {
        if !s.contains(mark) {
            continue;
        }
        let fits = match named {
            Some(named) => named == currency,
            None => matches!(currency, Currency::Usd | Currency::Cad | Currency::Aud),
        };
        if !fits {
            return Err(MoneyError::OtherCurrency {
                typed: named.map_or("$", Currency::code).to_owned(),
                expected: currency.code().to_owned(),
            });
        }
        s = s.replace(mark, "");
    }
    Ok(s)
}

/// Reads a money amount typed by the buyer into cents, from 0 to `max`, in `currency`.
pub fn parse_money(text: &str, max: Cents, currency: Currency) -> Result<Cents, MoneyError> {
    // Spaces go first, so "US $100" and "CA $80" are read by their marks.
    let spaced: String = text
        .to_ascii_uppercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}'))
        .collect();
    let d = read_decimal(&strip_marks(&spaced, currency)?, &[])?;
    // Only where the dot could group thousands: 1 to 3 digits before it, not starting
    // with 0 ("0.500" is a decimal), in a positive amount.
    let grouping = (1..=3).contains(&d.whole.len()) && !d.whole.starts_with('0');
    if d.lone_dot && d.fraction.len() == 3 && grouping && !d.negative {
        let digits = format!("{}{}", d.whole, d.fraction);
        return Err(MoneyError::DotOrThousands {
            thousands: digits.parse::<i64>().map_or(digits.clone(), group),
            decimal: format!("{}.{}", d.whole, &d.fraction[..2]),
        });
    }
    let value = hundredths(&d, max)?;
    if value < 0 {
        return Err(MoneyError::Negative);
    }
    if value > max {
        return Err(MoneyError::TooLarge { max: plain(max) });
    }
    Ok(value)
}

/// Reads a percentage ("3", "3.5", "2.25%", "-2") into basis points within `min..=max`.
pub fn parse_percent(text: &str, min: Bps, max: Bps) -> Result<Bps, MoneyError> {
    let d = read_decimal(text, &["%"]).map_err(|e| match e {
        MoneyError::Empty => MoneyError::Empty,
        _ => MoneyError::NotANumber,
    })?;
    let range = || MoneyError::OutOfRange {
        min: format!("{}%", percent_text(min)),
        max: format!("{}%", percent_text(max)),
    };
    let value = hundredths(&d, i64::MAX).map_err(|e| match e {
        MoneyError::TooLarge { .. } => range(),
        other => other,
    })?;
    if value < min || value > max {
        return Err(range());
    }
    Ok(value)
}

impl MoneyError {
    /// The message for a percentage field (the generic ones talk about amounts).
    pub fn percent_message(&self) -> String {
        match self {
            MoneyError::Empty | MoneyError::NotANumber => {
                "Enter a percentage, like 3 or 3.5.".into()
            }
            other => other.message(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MAX: Cents = MAX_AMOUNT;

    #[test]
    fn reads_the_usual_ways_of_writing_an_amount() {
        assert_eq!(parse_money("1,234.50", MAX, Currency::Usd), Ok(123_450));
        assert_eq!(parse_money("$95", MAX, Currency::Usd), Ok(9_500));
        assert_eq!(parse_money("95.5", MAX, Currency::Usd), Ok(9_550));
        assert_eq!(parse_money(" 95.05 ", MAX, Currency::Usd), Ok(9_505));
        assert_eq!(parse_money("USD 1 200", MAX, Currency::Usd), Ok(120_000));
        assert_eq!(parse_money("€1.234,50", MAX, Currency::Eur), Ok(123_450));
        assert_eq!(parse_money("95,50", MAX, Currency::Usd), Ok(9_550));
        assert_eq!(
            parse_money("£1,000,000", MAX, Currency::Gbp),
            Ok(100_000_000)
        );
        assert_eq!(parse_money("CA$ 80", MAX, Currency::Cad), Ok(8_000));
        assert_eq!(parse_money("a$80", MAX, Currency::Aud), Ok(8_000));
        assert_eq!(parse_money(".5", MAX, Currency::Usd), Ok(50));
        assert_eq!(parse_money("0", MAX, Currency::Usd), Ok(0));
        assert_eq!(parse_money("12.50 eur", MAX, Currency::Eur), Ok(1_250));
        assert_eq!(
            parse_money("95.5000", MAX, Currency::Usd),
            Ok(9_550),
            "trailing zeros are not cents"
        );
        assert_eq!(parse_money("1,234.500", MAX, Currency::Usd), Ok(123_450));
    }

    #[test]
    fn refuses_what_it_would_have_to_guess() {
        assert_eq!(parse_money("", MAX, Currency::Usd), Err(MoneyError::Empty));
        assert_eq!(parse_money("$", MAX, Currency::Usd), Err(MoneyError::Empty));
        assert_eq!(
            parse_money("ninety", MAX, Currency::Usd),
            Err(MoneyError::NotANumber)
        );
        // "2.500" is 2,500 where a dot groups thousands: asked, never read as 2.50.
        let dot = parse_money("2.500", MAX, Currency::Usd).unwrap_err();
        assert_eq!(
            dot.message(),
            "Did you mean 2,500? Type it without the dot, or with a comma: 2,500. For a \
             decimal, use two places, like 2.50."
        );
        assert_eq!(
            parse_money("$1.234", MAX, Currency::Usd),
            Err(MoneyError::DotOrThousands {
                thousands: "1,234".into(),
                decimal: "1.23".into()
            })
        );
        // Where a dot cannot group thousands, it is a decimal point.
        assert_eq!(parse_money("0.500", MAX, Currency::Usd), Ok(50));
        assert_eq!(parse_money(".500", MAX, Currency::Usd), Ok(50));
        assert_eq!(
            parse_money("0.125", MAX, Currency::Usd),
            Err(MoneyError::TooManyDecimals)
        );
        assert_eq!(
            parse_money("1234.567", MAX, Currency::Usd),
            Err(MoneyError::TooManyDecimals)
        );
        assert_eq!(
            parse_money("-2.500", MAX, Currency::Usd),
            Err(MoneyError::Negative)
        );
        assert_eq!(
            parse_money("1.234,50", MAX, Currency::Usd),
            Ok(123_450),
            "a dot that groups"
        );
        assert_eq!(
            parse_money("95.1255", MAX, Currency::Usd),
            Err(MoneyError::TooManyDecimals)
        );
        assert_eq!(
            parse_money("1,2345", MAX, Currency::Usd),
            Err(MoneyError::NotANumber)
        );
        assert_eq!(
            parse_money("1.2.3", MAX, Currency::Usd),
            Err(MoneyError::NotANumber)
        );
        assert_eq!(
            parse_money("1,234.5.6", MAX, Currency::Usd),
            Err(MoneyError::NotANumber)
        );
        assert_eq!(
            parse_money("-5", MAX, Currency::Usd),
            Err(MoneyError::Negative)
        );
        assert_eq!(
            parse_money("(5.00)", MAX, Currency::Usd),
            Err(MoneyError::Negative)
        );
        assert_eq!(
            parse_money("12e3", MAX, Currency::Usd),
            Err(MoneyError::NotANumber)
        );
        assert_eq!(
            parse_money("10,000,000.01", MAX, Currency::Usd),
            Err(MoneyError::TooLarge {
                max: "10,000,000".into()
            })
        );
        assert_eq!(
            parse_money("99999999999999999999999", MAX, Currency::Usd),
            Err(MoneyError::TooLarge {
                max: "10,000,000".into()
            })
        );
        assert_eq!(
            MoneyError::TooLarge {
                max: "10,000,000".into()
            }
            .message(),
            "Enter at most 10,000,000."
        );
    }

    #[test]
    fn refuses_an_amount_marked_in_another_currency() {
        let other = |typed: &str, expected: &str| {
            Err(MoneyError::OtherCurrency {
                typed: typed.into(),
                expected: expected.into(),
            })
        };
        assert_eq!(parse_money("€90", MAX, Currency::Usd), other("EUR", "USD"));
        assert_eq!(
            parse_money("90 gbp", MAX, Currency::Eur),
            other("GBP", "EUR")
        );
        assert_eq!(
            parse_money("CA$ 80", MAX, Currency::Usd),
            other("CAD", "USD")
        );
        assert_eq!(parse_money("A$80", MAX, Currency::Cad), other("AUD", "CAD"));
        assert_eq!(
            parse_money("US$80", MAX, Currency::Aud),
            other("USD", "AUD")
        );
        assert_eq!(parse_money("$80", MAX, Currency::Gbp), other("$", "GBP"));
        // A bare "$" is every dollar's own.
        assert_eq!(parse_money("$80", MAX, Currency::Cad), Ok(8_000));
        assert_eq!(parse_money("$80", MAX, Currency::Aud), Ok(8_000));
        assert_eq!(parse_money("AU$80", MAX, Currency::Aud), Ok(8_000));
        assert_eq!(parse_money("US $100", MAX, Currency::Usd), Ok(10_000));
        assert_eq!(parse_money("CA $80", MAX, Currency::Cad), Ok(8_000));
        assert_eq!(parse_money("80 EUR", MAX, Currency::Eur), Ok(8_000));
        assert_eq!(
            other("EUR", "USD").unwrap_err().message(),
            "Amounts here are in USD, and this one is in EUR: enter it in USD."
        );
        assert_eq!(
            other("$", "EUR").unwrap_err().message(),
            "Amounts here are in EUR, not dollars: enter it in EUR."
        );
    }

    #[test]
    fn reads_percentages_into_basis_points() {
        assert_eq!(parse_percent("3", 0, 2_000), Ok(300));
        assert_eq!(parse_percent("3.5%", 0, 2_000), Ok(350));
        assert_eq!(parse_percent(" 2.25 % ", 0, 2_000), Ok(225));
        assert_eq!(parse_percent("-2", -5_000, 5_000), Ok(-200));
        assert_eq!(parse_percent("0,5", 0, 2_000), Ok(50));
        assert_eq!(
            parse_percent("-1", 0, 2_000),
            Err(MoneyError::OutOfRange {
                min: "0%".into(),
                max: "20%".into()
            })
        );
        assert_eq!(
            parse_percent("3.125", 0, 2_000),
            Err(MoneyError::TooManyDecimals)
        );
        assert_eq!(
            parse_percent("three", 0, 2_000).map_err(|e| e.percent_message()),
            Err("Enter a percentage, like 3 or 3.5.".into())
        );
        assert_eq!(
            parse_percent("1e9", 0, 2_000).map_err(|e| e.percent_message()),
            Err("Enter a percentage, like 3 or 3.5.".into())
        );
    }

    #[test]
    fn writes_amounts_back_the_way_they_are_typed() {
        assert_eq!(plain(123_450), "1,234.50");
        assert_eq!(plain(9_500), "95");
        assert_eq!(plain(5), "0.05");
        assert_eq!(plain(-5), "-0.05");
        assert_eq!(plain(-123_405), "-1,234.05");
        assert_eq!(decimal(123_450), "1234.50");
        assert_eq!(decimal(-305), "-3.05");
        assert_eq!(decimal(0), "0.00");
        assert_eq!(Currency::Eur.format(9_550), "€95.50");
        assert_eq!(Currency::Usd.format(-250_000), "-$2,500");
        assert_eq!(percent_text(350), "3.5");
        assert_eq!(percent_text(225), "2.25");
        assert_eq!(percent_text(-200), "-2");
        assert_eq!(percent_text(5), "0.05");
    }

    #[test]
    fn rounding_is_to_the_nearest_cent_with_halves_away_from_zero() {
        assert_eq!(div_round(10, 4), 3, "2.5 rounds up");
        assert_eq!(div_round(9, 4), 2, "2.25 rounds down");
        assert_eq!(div_round(11, 4), 3, "2.75 rounds up");
        assert_eq!(div_round(-10, 4), -3, "-2.5 rounds away from zero");
        assert_eq!(div_round(7, 3), 2);
        assert_eq!(div_round(8, 3), 3);
        assert_eq!(div_round(5, -2), -3);
        assert_eq!(div_round(5, 0), 0);
        // 3% on $95.50 is $98.365, which rounds to $98.37.
        assert_eq!(apply_bps(9_550, 300), 9_837);
        // 3% on $95.05 is $97.9015: $97.90.
        assert_eq!(apply_bps(9_505, 300), 9_790);
        assert_eq!(apply_bps(7_500, 1_000), 8_250);
        assert_eq!(apply_bps(75, 1_000), 83, "82.5 rounds to 83");
        assert_eq!(apply_bps(83, 1_000), 91, "91.3 rounds to 91");
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
        assert_eq!(Currency::from_code("usd"), Some(Currency::Usd));
        assert_eq!(Currency::from_code("JPY"), None);
        assert_eq!(Currency::default(), Currency::Usd);
    }

    proptest! {
        #[test]
        fn typed_amounts_read_back_exactly(cents in 0i64..=MAX) {
            prop_assert_eq!(parse_money(&plain(cents), MAX, Currency::Usd), Ok(cents));
            prop_assert_eq!(parse_money(&decimal(cents), MAX, Currency::Usd), Ok(cents));
            prop_assert_eq!(parse_money(&Currency::Gbp.format(cents), MAX, Currency::Gbp), Ok(cents));
            // Summaries round totals of 1,000 and more to whole units.
            let said = if cents >= 100_000 { (cents + 50) / 100 * 100 } else { cents };
            prop_assert_eq!(parse_money(&Currency::Gbp.total(cents), MAX, Currency::Gbp), Ok(said));
        }

        #[test]
        fn percentages_read_back_exactly(bps in -5_000i64..=5_000) {
            prop_assert_eq!(parse_percent(&percent_text(bps), -5_000, 5_000), Ok(bps));
        }

        #[test]
        fn parsing_never_panics(s in ".*") {
            let _ = parse_money(&s, MAX, Currency::Usd);
            let _ = parse_percent(&s, -5_000, 5_000);
        }

        #[test]
        fn rounding_is_within_half_a_unit(n in -1_000_000_000i128..1_000_000_000, d in 1i128..10_000) {
            let q = div_round(n, d);
            prop_assert!((q * d - n).abs() * 2 <= d);
        }
    }
}
