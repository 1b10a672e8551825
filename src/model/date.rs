//! Calendar dates as the sources give them: a year, a month, or a full day.

use std::fmt;

/// A date known to the year, the month or the day. Unknown parts are 0 and
/// order before any known value, so a date counts from the start of the
/// period it names ("2025-04" is on or before every day of April 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date {
    /// Year, e.g. 2024.
    pub year: i32,
    /// Month 1–12, or 0 when unknown.
    pub month: u8,
    /// Day 1–31, or 0 when unknown.
    pub day: u8,
}

/// A text that is not a date, or not one on the calendar (`2023-02-30`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What was given.
    pub text: String,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "'{}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
            self.text
        )
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// A full calendar date. Callers must pass a valid day.
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        Date { year, month, day }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bad = || DateError {
            text: text.to_string(),
        };
        let mut parts = text.trim().split('-');
        let year_text = parts.next().ok_or_else(bad)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_text.parse().map_err(|_| bad())?;
        let mut num = |max: u8| -> Result<u8, DateError> {
            match parts.next() {
                None => Ok(0),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let v: u8 = p.parse().map_err(|_| bad())?;
                    if v == 0 || v > max { Err(bad()) } else { Ok(v) }
                }
                Some(_) => Err(bad()),
            }
        };
        let month = num(12)?;
        let day = if month == 0 {
            0
        } else {
            num(days_in_month(year, month))?
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// True when the day is known.
    pub fn is_full(&self) -> bool {
        self.day != 0
    }

    /// Months since January 2000 (unknown month counts as January).
    pub fn month_index(&self) -> i32 {
        (self.year - 2000) * 12 + i32::from(self.month.max(1)) - 1
    }

    /// The first day of the month with the given [`Date::month_index`].
    pub fn from_month_index(index: i32) -> Date {
        let year = 2000 + index.div_euclid(12);
        let month = index.rem_euclid(12) as u8 + 1;
        Date {
            year,
            month,
            day: 1,
        }
    }

    /// The last day of the month with the given [`Date::month_index`].
    pub fn month_end(index: i32) -> Date {
        let d = Date::from_month_index(index);
        Date {
            day: days_in_month(d.year, d.month),
            ..d
        }
    }

    /// The last day of this date's month (or year when the month is unknown).
    pub fn end_of_period(&self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        Date {
            year: self.year,
            month,
            day,
        }
    }

    /// Days since 1970-01-01 (unknown parts count as 1), for spacing on a time axis.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month.max(1)), i64::from(self.day.max(1)));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// "16 Dec 2024", "Dec 2024" or "2024".
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match (self.month, self.day) {
            (0, _) => self.year.to_string(),
            (m, 0) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            (m, d) => format!("{} {} {}", d, MONTHS[usize::from(m - 1)], self.year),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (0, _) => write!(f, "{:04}", self.year),
            (m, 0) => write!(f, "{:04}-{:02}", self.year, m),
            (m, d) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates_and_checks_the_calendar() {
        assert_eq!(Date::parse("2024-12-16").unwrap(), Date::ymd(2024, 12, 16));
        assert_eq!(
            Date::parse("2025-04").unwrap(),
            Date {
                year: 2025,
                month: 4,
                day: 0
            }
        );
        assert_eq!(Date::parse("2023").unwrap().to_string(), "2023");
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2024-13").is_err());
        assert!(Date::parse("24-01-01").is_err());
        assert!(Date::parse("2024-1-01").is_err());
        assert!(Date::parse("2024-01-01-01").is_err());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn partial_dates_order_before_the_days_of_their_period() {
        let april = Date::parse("2025-04").unwrap();
        assert!(april < Date::ymd(2025, 4, 1));
        assert!(april > Date::ymd(2025, 3, 31));
        assert_eq!(april.end_of_period(), Date::ymd(2025, 4, 30));
    }

    #[test]
    fn month_index_round_trip_and_epoch_days() {
        let d = Date::ymd(2020, 10, 13);
        assert_eq!(
            Date::from_month_index(d.month_index()),
            Date::ymd(2020, 10, 1)
        );
        assert_eq!(Date::ymd(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(Date::ymd(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(Date::ymd(2024, 12, 16).human(), "16 Dec 2024");
        assert_eq!(
            Date::month_end(Date::ymd(2024, 2, 5).month_index()),
            Date::ymd(2024, 2, 29)
        );
    }
}
