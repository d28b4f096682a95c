//! What every tool's edit language shares: the answer to an accepted edit, and the
//! narrowing of a typed whole number to the type a document stores.
//!
//! Each tool describes the changes a buyer can make as an enum (`RaciEdit`,
//! `ScorecardEdit`, `PricingEdit`, `ProfileEdit`) and applies it with
//! `apply(&mut self, edit) -> Result<Changed, _>`: the view sends data, the domain checks,
//! clamps and narrows it, and says whether the document changed (so an unchanged field
//! makes no undo step and wakes nothing).

use super::input::InputError;

/// Whether an accepted edit changed the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    Yes,
    No,
}

impl Changed {
    /// `Yes` when the stored value differs from before.
    pub fn when(changed: bool) -> Changed {
        if changed {
            Changed::Yes
        } else {
            Changed::No
        }
    }

    pub fn is_yes(self) -> bool {
        self == Changed::Yes
    }

    /// `Yes` when either says so.
    pub fn or(self, other: Changed) -> Changed {
        Changed::when(self.is_yes() || other.is_yes())
    }
}

/// Writes `value` into `slot` and says whether it differed.
pub fn put<T: PartialEq>(slot: &mut T, value: T) -> Changed {
    if *slot == value {
        Changed::No
    } else {
        *slot = value;
        Changed::Yes
    }
}

/// A whole number from a field, checked against its range and narrowed to `u32`.
pub fn whole_u32(value: i64, min: i64, max: i64) -> Result<u32, InputError> {
    if value < min || value > max {
        return Err(InputError::OutOfRange { min, max });
    }
    u32::try_from(value).map_err(|_| InputError::OutOfRange { min, max })
}

/// An amount (cents, basis points) from a field, checked against its range.
pub fn within(value: i64, min: i64, max: i64) -> Result<i64, InputError> {
    if value < min || value > max {
        Err(InputError::OutOfRange { min, max })
    } else {
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_reports_only_real_changes() {
        let mut x = 3;
        assert_eq!(put(&mut x, 3), Changed::No);
        assert_eq!(put(&mut x, 4), Changed::Yes);
        assert_eq!(x, 4);
    }

    #[test]
    fn whole_numbers_are_narrowed_only_inside_their_range() {
        assert_eq!(whole_u32(36, 1, 120), Ok(36));
        let out = Err(InputError::OutOfRange { min: 1, max: 120 });
        assert_eq!(whole_u32(0, 1, 120), out);
        assert_eq!(whole_u32(121, 1, 120), out);
        // A range wider than u32 still never wraps.
        let wide = InputError::OutOfRange {
            min: -1,
            max: i64::MAX,
        };
        assert_eq!(whole_u32(-1, -1, i64::MAX), Err(wide.clone()));
        assert_eq!(whole_u32(1 << 40, -1, i64::MAX), Err(wide));
        assert_eq!(within(-5, -10, 10), Ok(-5));
        assert!(within(11, -10, 10).is_err());
    }
}
