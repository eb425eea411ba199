//! Dates of documents, kept to the day, the month or the year, and ranges of them.
//!
//! A document's date comes from its JSONL `date` or from `--date`: an ISO 8601 calendar date
//! (`2025`, `2025-03`, `2025-03-14`, `20250314`), optionally with a time and a zone
//! (`2025-03-14T23:30:00-05:00`), which are checked and then dropped: the date stays the day
//! the input wrote, not the day in UTC. Dates order as their text does, a year before its
//! months and a month before its days ("2025" < "2025-03" < "2025-03-14"), so written as ISO
//! strings they sort the same way.

use std::fmt;
use std::str::FromStr;

/// A calendar date to the day, the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    /// 1–12, or 0 for a year alone.
    month: u8,
    /// 1–31, or 0 for a month or a year alone.
    day: u8,
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time)")]
pub struct DateError {
    /// The string given, cut to 40 characters.
    pub text: String,
}

impl Date {
    /// A whole day; `None` if there is no such day.
    pub fn day(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// A whole month; `None` if `month` is not 1–12.
    pub fn month(year: u16, month: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(Date {
            year,
            month,
            day: 0,
        })
    }

    /// A whole year.
    pub fn year(year: u16) -> Date {
        Date {
            year,
            month: 0,
            day: 0,
        }
    }

    /// The first day of the period this date names (itself for a day).
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day of the period this date names (itself for a day).
    pub fn last_day(self) -> Date {
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

    /// The month this date falls in (`None` for a year alone), as a month [`Date`].
    pub fn to_month(self) -> Option<Date> {
        Date::month(self.year, self.month)
    }

    /// Whether this date names a day, not a whole month or year.
    pub fn is_day(self) -> bool {
        self.day != 0
    }
}

fn is_leap(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        parse(s.trim()).ok_or_else(|| DateError {
            text: s.chars().take(40).collect(),
        })
    }
}

/// `n` ASCII digits at the start of `s`, as a number, and the rest.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, &s[n..]))
}

fn parse(s: &str) -> Option<Date> {
    let (year, rest) = digits(s, 4)?;
    let year = year as u16;
    if rest.is_empty() {
        return Some(Date::year(year));
    }
    // Extended (2025-03-14) or basic (20250314) form; a month alone only in the extended one
    // (ISO 8601 has no YYYYMM).
    let (date, rest) = if let Some(rest) = rest.strip_prefix('-') {
        let (month, rest) = digits(rest, 2)?;
        if rest.is_empty() {
            return Date::month(year, month as u8);
        }
        let (day, rest) = digits(rest.strip_prefix('-')?, 2)?;
        (Date::day(year, month as u8, day as u8)?, rest)
    } else {
        let (month, rest) = digits(rest, 2)?;
        let (day, rest) = digits(rest, 2)?;
        (Date::day(year, month as u8, day as u8)?, rest)
    };
    if rest.is_empty() {
        return Some(date);
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    valid_time(time).then_some(date)
}

/// `hh[:mm[:ss[.fff]]]` or `hh[mm[ss[.fff]]]`, then an optional zone: `Z`, `±hh`, `±hh:mm`,
/// `±hhmm`.
fn valid_time(s: &str) -> bool {
    let zone_at = s.find(['Z', 'z', '+', '-']).unwrap_or(s.len());
    let (clock, zone) = s.split_at(zone_at);
    valid_clock(clock) && valid_zone(zone)
}

fn valid_clock(s: &str) -> bool {
    let (clock, fraction) = match s.split_once(['.', ',']) {
        Some((c, f)) => (c, Some(f)),
        None => (s, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let two_digits = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = if clock.contains(':') {
        clock.split(':').collect()
    } else if clock.len() % 2 == 0 {
        // Pieces that are not two ASCII digits (a cut inside a character) are missing below.
        (0..clock.len() / 2)
            .filter_map(|i| clock.get(2 * i..2 * i + 2))
            .collect()
    } else {
        return false;
    };
    if parts.len() * 2 < clock.len() && !clock.contains(':') || !parts.iter().all(|p| two_digits(p))
    {
        return false;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(99)).collect();
    match n[..] {
        [h] => h <= 24,
        [h, m] => h <= 23 && m <= 59 || h == 24 && m == 0,
        [h, m, sec] => h <= 23 && m <= 59 && sec <= 60 || h == 24 && m == 0 && sec == 0,
        _ => false,
    }
}

fn valid_zone(s: &str) -> bool {
    if s.is_empty() || s.eq_ignore_ascii_case("z") {
        return true;
    }
    let Some(offset) = s.strip_prefix(['+', '-']) else {
        return false;
    };
    let Some((hours, rest)) = digits(offset, 2) else {
        return false;
    };
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let minutes = match rest {
        "" => Some(0),
        _ => digits(rest, 2)
            .filter(|(_, r)| r.is_empty())
            .map(|(m, _)| m),
    };
    hours <= 23 && minutes.is_some_and(|m| m <= 59)
}

/// The dates from `since` to `until`, both included, either open. A date falls in the range
/// when its whole period does: with `--since 2025-03`, "2025-03-02" and "2025-04" fall in it,
/// "2025" does not (it may be January).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first date kept: from its first day on.
    pub since: Option<Date>,
    /// The last date kept: up to its last day.
    pub until: Option<Date>,
}

impl DateRange {
    /// Whether the range is open at both ends (it keeps undated things too).
    pub fn is_unbounded(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether `date` falls in the range.
    pub fn contains(&self, date: Date) -> bool {
        self.since.is_none_or(|s| date.first_day() >= s.first_day())
            && self.until.is_none_or(|u| date.last_day() <= u.last_day())
    }

    /// Whether something with this date, or none, falls in the range: an undated one does
    /// only when the range is open at both ends.
    pub fn keeps(&self, date: Option<Date>) -> bool {
        match date {
            Some(d) => self.contains(d),
            None => self.is_unbounded(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn days_months_and_years_parse_and_print_back() {
        for s in ["2025", "2025-03", "2025-03-14", "2024-02-29", "0999-12-31"] {
            assert_eq!(date(s).to_string(), s);
        }
        assert_eq!(date("20250314").to_string(), "2025-03-14");
        assert_eq!(date(" 2025-03-14\n").to_string(), "2025-03-14");
    }

    #[test]
    fn times_and_zones_are_checked_and_dropped() {
        for s in [
            "2025-03-14T23:30:00-05:00",
            "2025-03-14T23:30Z",
            "2025-03-14 08:15:00.250+01",
            "2025-03-14t07",
            "20250314T233000+0530",
            "2025-03-14T24:00:00",
            "2025-03-14T23:59:60Z",
        ] {
            assert_eq!(date(s).to_string(), "2025-03-14", "{s}");
        }
    }

    #[test]
    fn what_is_not_a_date_is_an_error() {
        for s in [
            "",
            "yesterday",
            "March 14, 2025",
            "14/03/2025",
            "2025-3-14",
            "2025-13",
            "2025-02-29",
            "2025-04-31",
            "2025-00-10",
            "202503",
            "25-03-14",
            "2025-03-14T25:00",
            "2025-03-14T23:61",
            "2025-03-14T23:30:00+24:00",
            "2025-03-14T23:30:",
            "2025-03-14T23:3000",
            "2025-03-14T",
            "2025-03-14X",
            "2025-03-14T12:00.",
            "２０２５",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s:?} parsed");
        }
        let long = "x".repeat(100);
        assert_eq!(long.parse::<Date>().unwrap_err().text.len(), 40);
    }

    #[test]
    fn dates_sort_as_their_text() {
        let mut dates = [
            "2025-03-14",
            "2025",
            "2024-12-31",
            "2025-03",
            "2025-02-28",
            "2025-10",
        ]
        .map(date);
        dates.sort();
        assert_eq!(
            dates.map(|d| d.to_string()),
            [
                "2024-12-31",
                "2025",
                "2025-02-28",
                "2025-03",
                "2025-03-14",
                "2025-10"
            ]
        );
    }

    #[test]
    fn periods_have_a_first_and_last_day() {
        assert_eq!(date("2024-02").last_day(), date("2024-02-29"));
        assert_eq!(date("2025").first_day(), date("2025-01-01"));
        assert_eq!(date("2025").last_day(), date("2025-12-31"));
        assert_eq!(date("2025-03-14").to_month(), Some(date("2025-03")));
        assert_eq!(date("2025").to_month(), None);
    }

    #[test]
    fn a_date_falls_in_a_range_when_its_whole_period_does() {
        let march = DateRange {
            since: Some(date("2025-03")),
            until: Some(date("2025-03")),
        };
        assert!(march.contains(date("2025-03-01")));
        assert!(march.contains(date("2025-03-31")));
        assert!(march.contains(date("2025-03")));
        assert!(!march.contains(date("2025-04-01")));
        assert!(!march.contains(date("2025")));
        let since = DateRange {
            since: Some(date("2025-03-10")),
            until: None,
        };
        assert!(since.contains(date("2030")));
        assert!(!since.contains(date("2025-03")));
        assert!(!since.keeps(None));
        assert!(DateRange::default().keeps(None));
    }
}
