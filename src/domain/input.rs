//! Parsing of what the buyer types into number fields.
//!
//! Refusals are values with a message for the field; the caller keeps the last good
//! value, so a typo never wipes a figure.

/// Why typed text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotWhole,
    OutOfRange { min: i64, max: i64 },
}

impl InputError {
    pub fn message(&self) -> String {
        match self {
            InputError::Empty => "Enter a number.".into(),
            InputError::NotWhole => "Enter a whole number, like 75.".into(),
            InputError::OutOfRange { min, max } => {
                format!("Enter a number from {} to {}.", group(*min), group(*max))
            }
        }
    }
}

/// Reads a whole number, allowing spaces and thousands separators ("1,200").
pub fn parse_whole(text: &str, min: i64, max: i64) -> Result<i64, InputError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Err(InputError::Empty);
    }
    let value: i64 = cleaned.parse().map_err(|_| InputError::NotWhole)?;
    if value < min || value > max {
        return Err(InputError::OutOfRange { min, max });
    }
    Ok(value)
}

/// Reads a decimal number as people type it: "2.5", "2,5", "-0.25", " 10 ", ".5". At
/// most 15 digits before the point and 9 after; no exponents. `None` for anything else.
/// (Kept to digits on purpose: it stands in for `str::parse::<f64>`, whose tables would
/// otherwise sit in the wasm.)
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (whole, fraction) = t.split_once(['.', ',']).unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty())
        || !digits(whole)
        || !digits(fraction)
        || whole.len() > 15
        || fraction.len() > 9
    {
        return None;
    }
    let whole = whole.parse::<u64>().unwrap_or(0) as f64;
    let fraction = fraction.parse::<u64>().unwrap_or(0) as f64 / 10f64.powi(fraction.len() as i32);
    let value = whole + fraction;
    Some(if negative { -value } else { value })
}

/// A decimal in millionths: the whole number a typed field (a weight, a margin) goes back
/// to, exactly, when an entry is refused.
pub fn micros(value: f64) -> i64 {
    (value * 1e6).round() as i64
}

/// Millionths as the shortest decimal text that reads back to them: 2,500,000 is "2.5".
pub fn micros_text(micros: i64) -> String {
    decimal_text(micros as f64 / 1e6, 6)
}

/// Writes `value` with at most `decimals` digits after the point, dropping trailing
/// zeros: (2.5, 3) → "2.5", (3.0, 3) → "3". For the short figures the app shows.
pub fn decimal_text(value: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    let fraction = format!("{fraction:0width$}", width = decimals as usize);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// Writes a whole number with thousands separators: 1000000 → "1,000,000".
pub fn group(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimals_read_as_typed() {
        for (text, value) in [
            ("2.5", 2.5),
            ("2,5", 2.5),
            (" 10 ", 10.0),
            ("-0.25", -0.25),
            (".5", 0.5),
            ("7.", 7.0),
            ("0.1", 0.1),
        ] {
            assert_eq!(super::parse_decimal(text), Some(value), "{text}");
        }
        for text in [
            "",
            "-",
            ".",
            "1e3",
            "1.000.5",
            "abc",
            "+5",
            "1.2345678901",
            "inf",
            "NaN",
        ] {
            assert_eq!(super::parse_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn decimals_written_short() {
        assert_eq!(super::decimal_text(2.5, 3), "2.5");
        assert_eq!(super::decimal_text(3.0, 3), "3");
        assert_eq!(super::decimal_text(0.1254, 3), "0.125");
        assert_eq!(super::decimal_text(-1.05, 1), "-1.1");
        assert_eq!(super::decimal_text(0.0, 2), "0");
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_plain_and_grouped_numbers() {
        assert_eq!(parse_whole("75", 0, 100), Ok(75));
        assert_eq!(parse_whole(" 1,200 ", 0, 5000), Ok(1200));
        assert_eq!(parse_whole("1 200", 0, 5000), Ok(1200));
    }

    #[test]
    fn refuses_blank_fractional_and_out_of_range_input() {
        assert_eq!(parse_whole("", 0, 9), Err(InputError::Empty));
        assert_eq!(parse_whole("7.5", 0, 9), Err(InputError::NotWhole));
        assert_eq!(parse_whole("ten", 0, 9), Err(InputError::NotWhole));
        assert_eq!(
            parse_whole("-1", 0, 9),
            Err(InputError::OutOfRange { min: 0, max: 9 })
        );
        assert_eq!(
            InputError::OutOfRange {
                min: 1,
                max: 1_000_000
            }
            .message(),
            "Enter a number from 1 to 1,000,000."
        );
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(-1234567), "-1,234,567");
    }

    proptest! {
        #[test]
        fn grouped_text_parses_back(n in -1_000_000_000i64..1_000_000_000) {
            prop_assert_eq!(parse_whole(&group(n), i64::MIN, i64::MAX), Ok(n));
        }

        #[test]
        fn never_panics_on_any_text(s in ".*") {
            let _ = parse_whole(&s, 0, 100);
        }
    }
}
