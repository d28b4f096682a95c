//! Dates and times as the app shows them: "2 Dec 2026, 17:03".
//!
//! Written out by us rather than by `Intl`: the first `Intl` date format of a visit makes
//! the browser load its locale data, about 40 ms of a phone's main thread (150–200 ms
//! under Lighthouse's 4× slowdown) on the first screen of every page, where the footer
//! says when the work was last saved. A day, a short month name and a 24-hour time also
//! read the same to every buyer, where "12/2/2026" does not.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A moment on the calendar and clock, in whichever time zone its maker chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl Moment {
    /// The UTC moment `ms` milliseconds after the Unix epoch (Howard Hinnant's
    /// `civil_from_days`).
    pub fn utc(ms: i64) -> Moment {
        let (days, minutes) = (
            ms.div_euclid(86_400_000),
            ms.rem_euclid(86_400_000) / 60_000,
        );
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        Moment {
            year: yoe + era * 400 + i64::from(month <= 2),
            month: month as u32,
            day: day as u32,
            hour: (minutes / 60) as u32,
            minute: (minutes % 60) as u32,
        }
    }

    /// "2 Dec 2026, 17:03".
    pub fn text(self) -> String {
        let month = MONTHS[(self.month.clamp(1, 12) - 1) as usize];
        format!(
            "{} {month} {}, {:02}:{:02}",
            self.day, self.year, self.hour, self.minute
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_and_a_known_moment() {
        assert_eq!(Moment::utc(0).text(), "1 Jan 1970, 00:00");
        // 2026-12-02T17:03:35Z.
        assert_eq!(Moment::utc(1_796_231_015_000).text(), "2 Dec 2026, 17:03");
    }

    #[test]
    fn leap_days_and_times_before_the_epoch() {
        // 2024-02-29T23:59Z and one minute later.
        assert_eq!(Moment::utc(1_709_251_140_000).text(), "29 Feb 2024, 23:59");
        assert_eq!(Moment::utc(1_709_251_200_000).text(), "1 Mar 2024, 00:00");
        // 1969-12-31T23:59Z.
        assert_eq!(Moment::utc(-60_000).text(), "31 Dec 1969, 23:59");
    }

    #[test]
    fn every_day_of_a_year_follows_the_last() {
        // 2023-01-01T00:00Z, then a day at a time through 2024 (a leap year).
        let start = 1_672_531_200_000_i64;
        let mut previous = Moment::utc(start);
        for d in 1..731 {
            let m = Moment::utc(start + d * 86_400_000);
            let next_day = m.day == previous.day + 1 && m.month == previous.month;
            let next_month = m.day == 1 && (m.month == previous.month + 1 || m.month == 1);
            assert!(next_day || next_month, "{previous:?} then {m:?}");
            previous = m;
        }
        assert_eq!(previous.text(), "31 Dec 2024, 00:00");
    }
}
