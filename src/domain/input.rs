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
