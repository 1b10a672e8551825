//! The timeline's months: from the first month the chart covers to the
//! data's own date, what date each month stands for, and where Play goes.

use crate::model::date::Date;

/// The months a timeline runs through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Months {
    /// Month index of the first month.
    pub first: i32,
    /// Month index of the data's as-of date (the last month).
    pub last: i32,
    /// The data's as-of date.
    pub as_of: Date,
}

impl Months {
    /// From `earliest` to the data's `as_of`.
    pub fn new(earliest: Date, as_of: Date) -> Months {
        Months {
            first: earliest.month_index(),
            last: as_of.month_index(),
            as_of,
        }
    }

    /// The view date a month stands for: its last day, or none (the data's
    /// own date) for the final month, so the default link stays short.
    pub fn date_of(&self, month: i32) -> Option<Date> {
        if month >= self.last {
            None
        } else {
            Some(Date::month_end(month.max(self.first)))
        }
    }

    /// The month a view date falls in (`None`: the data's own date).
    pub fn month_of(&self, date: Option<Date>) -> i32 {
        date.map_or(self.last, |d| d.month_index().clamp(self.first, self.last))
    }

    /// Where Play starts from a view date: from the beginning when at the end.
    pub fn play_from(&self, date: Option<Date>) -> i32 {
        let m = self.month_of(date);
        if m >= self.last { self.first } else { m }
    }

    /// The next step of Play after a view date, and whether Play stops there.
    pub fn play_step(&self, date: Option<Date>) -> (Option<Date>, bool) {
        let next = (self.month_of(date) + 1).min(self.last);
        (self.date_of(next), next >= self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_map_to_dates_and_play_runs_to_the_end() {
        let as_of = Date::ymd(2026, 9, 18);
        let m = Months::new(Date::ymd(2020, 10, 1), as_of);
        assert_eq!(m.date_of(m.first), Some(Date::ymd(2020, 10, 31)));
        assert_eq!(
            m.date_of(m.last),
            None,
            "the final month is the data's own date"
        );
        assert_eq!(m.month_of(None), m.last);
        assert_eq!(m.month_of(Some(Date::ymd(2019, 1, 1))), m.first, "clamped");
        assert_eq!(m.play_from(None), m.first, "at the end, Play starts over");
        let mut date = m.date_of(m.play_from(None));
        let mut steps = 0;
        loop {
            let (next, stop) = m.play_step(date);
            steps += 1;
            date = next;
            if stop {
                break;
            }
            assert!(steps < 200);
        }
        assert_eq!(date, None);
        assert_eq!(steps, m.last - m.first);
    }
}
