//! Time as milliseconds since the Unix epoch (UTC), written as RFC 3339 the
//! way Partner Center writes it (`2018-06-14T00:00:00.000Z`), and ISO 8601
//! durations (`P730D`, as Microsoft Graph writes a relationship's length).
//! An impossible date (`2018-02-31`) is refused, not rolled over.
//!
//! The calendar arithmetic is written here (proleptic Gregorian, days from
//! civil dates after H. Hinnant's `chrono`-compatible algorithms) rather than
//! taken from a date crate: it is all the product needs, and a date crate
//! costs the customer's page ~20 KiB of download (issue 12). `jiff` checks it
//! in the tests as an oracle.

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

/// One day in milliseconds.
pub const DAY: Millis = 86_400_000;

/// The earliest time written: 0000-01-01T00:00:00.000Z.
const MIN: Millis = -62_167_219_200_000;
/// The latest time written: 9999-12-31T23:59:59.999Z.
const MAX: Millis = 253_402_300_799_999;

/// Now, from the platform's clock (the JavaScript clock in the browser).
pub fn now_ms() -> Millis {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as Millis
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as Millis)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1–12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1–12, day 1–31) of a day since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days in a month of a year (Gregorian leap years).
fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Formats as `YYYY-MM-DDTHH:MM:SS.mmmZ` (times outside years 0–9999, which
/// no caller makes, clamp to those bounds).
pub fn to_rfc3339(ms: Millis) -> String {
    let ms = ms.clamp(MIN, MAX);
    let (days, rem) = (ms.div_euclid(DAY), ms.rem_euclid(DAY));
    let (y, m, d) = civil_from_days(days);
    let (s, milli) = (rem / 1000, rem % 1000);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{milli:03}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The date part only, `YYYY-MM-DD`.
pub fn to_date(ms: Millis) -> String {
    to_rfc3339(ms)[..10].to_string()
}

/// The value of `s`'s ASCII digits (`None` if any is not one, or none).
fn digits(s: &[u8]) -> Option<i64> {
    if s.is_empty() || s.len() > 18 {
        return None;
    }
    s.iter().try_fold(0i64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
    })
}

/// Parses an RFC 3339 timestamp in UTC, `YYYY-MM-DDTHH:MM:SS[.f…]Z` with up
/// to nine fraction digits (kept to the millisecond); `None` for anything
/// else, impossible dates and other offsets included. A leap second (`:60`)
/// reads as `:59`, as RFC 3339 parsers commonly do.
pub fn parse_rfc3339(s: &str) -> Option<Millis> {
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (y, mo, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
    let (h, mi, sec) = (
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    );
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60
    {
        return None;
    }
    let milli = match &b[19..] {
        [b'Z'] => 0,
        [b'.', fraction @ .., b'Z'] if (1..=9).contains(&fraction.len()) => {
            let mut padded = [b'0'; 3];
            let n = fraction.len().min(3);
            padded[..n].copy_from_slice(&fraction[..n]);
            digits(fraction)?;
            digits(&padded)?
        }
        _ => return None,
    };
    let seconds = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec.min(59);
    Some(seconds * 1000 + milli)
}

/// An ISO 8601 duration of whole days (`P1D` … `P730D`, `P2Y`, `P1Y2M3W4D`,
/// a zero time part allowed): its length in days, counted from `from`
/// (years and months have their calendar length, a day past a month's end
/// becomes its last day); `None` when it is not one or has a non-zero time
/// part, or ends past year 9999.
pub fn duration_days(iso: &str, from: Millis) -> Option<i64> {
    let rest = iso.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (rest, None),
    };
    // Each part is digits then its designator, in this order, each at most once.
    let parts = |text: &str, designators: &[u8]| -> Option<Vec<i64>> {
        let mut values = vec![0; designators.len()];
        let mut next = 0;
        let mut number = Vec::new();
        for &c in text.as_bytes() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let at = designators[next..].iter().position(|&d| d == c)? + next;
            values[at] = digits(&number)?;
            number.clear();
            next = at + 1;
        }
        (number.is_empty() && (text.is_empty() || next > 0)).then_some(values)
    };
    let date = parts(date, b"YMWD")?;
    if let Some(time) = time {
        if parts(time, b"HMS")?.iter().any(|&v| v != 0) {
            return None;
        }
    } else if rest.is_empty() {
        return None;
    }
    let start_day = from.div_euclid(DAY);
    let (y, m, d) = civil_from_days(start_day);
    let months = (m - 1)
        .checked_add(date[1])?
        .checked_add(date[0].checked_mul(12)?)?;
    let (y, m) = (
        y.checked_add(months.div_euclid(12))?,
        months.rem_euclid(12) + 1,
    );
    if y > 9999 {
        return None;
    }
    let end_day = days_from_civil(y, m, d.min(days_in_month(y, m)))
        .checked_add(date[2].checked_mul(7)?)?
        .checked_add(date[3])?;
    if end_day * DAY > MAX {
        return None;
    }
    Some(end_day - start_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        assert_eq!(to_rfc3339(0), "1970-01-01T00:00:00.000Z");
        let t = parse_rfc3339("2018-06-14T00:00:00.000Z").unwrap();
        assert_eq!(to_rfc3339(t), "2018-06-14T00:00:00.000Z");
        assert_eq!(
            parse_rfc3339("2024-02-29T23:59:59Z")
                .map(to_rfc3339)
                .unwrap(),
            "2024-02-29T23:59:59.000Z"
        );
        assert_eq!(
            parse_rfc3339("2026-11-26T10:00:00.123Z")
                .map(to_rfc3339)
                .unwrap(),
            "2026-11-26T10:00:00.123Z"
        );
        assert_eq!(parse_rfc3339("2018-06-14"), None);
        assert_eq!(parse_rfc3339("2018-13-14T00:00:00Z"), None);
        assert_eq!(to_date(t), "2018-06-14");
    }

    #[test]
    fn impossible_dates_are_refused_not_rolled_over() {
        assert_eq!(parse_rfc3339("2018-02-31T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2023-02-29T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2018-06-14T24:00:00Z"), None);
        assert_eq!(parse_rfc3339("2018-06-14T10:00:00+02:00"), None, "UTC only");
    }

    #[test]
    fn iso_durations_read_in_days() {
        let from = parse_rfc3339("2026-01-01T00:00:00Z").unwrap();
        assert_eq!(duration_days("P730D", from), Some(730));
        assert_eq!(duration_days("P1D", from), Some(1));
        assert_eq!(duration_days("P2Y", from), Some(730));
        assert_eq!(duration_days("PT0S", from), Some(0));
        assert_eq!(duration_days("PT12H", from), None);
        assert_eq!(duration_days("730 days", from), None);
        assert_eq!(duration_days("P", from), None);
    }

    #[test]
    fn calendar_edges() {
        assert_eq!(to_rfc3339(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(to_rfc3339(i64::MAX), "9999-12-31T23:59:59.999Z");
        assert_eq!(to_rfc3339(i64::MIN), "0000-01-01T00:00:00.000Z");
        assert_eq!(
            parse_rfc3339("2000-02-29T00:00:00Z").map(to_date),
            Some("2000-02-29".into())
        );
        assert_eq!(parse_rfc3339("1900-02-29T00:00:00Z"), None);
        assert_eq!(
            parse_rfc3339("2016-12-31T23:59:60Z"),
            parse_rfc3339("2016-12-31T23:59:59Z")
        );
        assert_eq!(
            parse_rfc3339("2018-06-14T00:00:00.5Z").map(|t| t % 1000),
            Some(500)
        );
        assert_eq!(
            parse_rfc3339("2018-06-14T00:00:00.123456789Z").map(|t| t % 1000),
            Some(123)
        );
        assert_eq!(parse_rfc3339("2018-06-14T00:00:00.Z"), None);
        assert_eq!(parse_rfc3339("2018-06-14T00:00:00.1234567890Z"), None);
        assert_eq!(parse_rfc3339("+018-06-14T00:00:00Z"), None);
        let jan31 = parse_rfc3339("2025-01-31T10:00:00Z").unwrap();
        assert_eq!(
            duration_days("P1M", jan31),
            Some(28),
            "to the month's last day"
        );
        assert_eq!(
            duration_days("P1Y2M3W4D", jan31),
            Some(365 + 59 + 25),
            "2025-01-31 → 2026-01-31 → 2026-03-31 → 2026-04-25"
        );
        assert_eq!(duration_days("PT", jan31), None);
        assert_eq!(duration_days("P1D2Y", jan31), None, "designators in order");
        assert_eq!(duration_days("P9999Y", jan31), None, "past year 9999");
    }
}

/// `jiff` (a test dependency only) as the oracle for the calendar.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod oracle {
    use super::*;
    use jiff::{Span, SpanRelativeTo, Timestamp, Unit};
    use proptest::prelude::*;

    fn jiff_duration_days(iso: &str, from: Millis) -> Option<i64> {
        let span: Span = iso.parse().ok()?;
        if span.get_hours() != 0
            || span.get_minutes() != 0
            || span.get_seconds() != 0
            || span.is_negative()
        {
            return None;
        }
        let start = Timestamp::from_millisecond(from)
            .ok()?
            .to_zoned(jiff::tz::TimeZone::UTC);
        let days = span.total((Unit::Day, SpanRelativeTo::from(&start))).ok()?;
        (days.fract() == 0.0).then_some(days as i64)
    }

    proptest! {
        #[test]
        fn formats_like_jiff(ms in MIN..=MAX) {
            let t = Timestamp::from_millisecond(ms).unwrap();
            prop_assert_eq!(to_rfc3339(ms), t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
            prop_assert_eq!(parse_rfc3339(&to_rfc3339(ms)), Some(ms));
        }

        #[test]
        // From 1970: before it, jiff rounds a sub-millisecond fraction toward
        // zero and this reader truncates the digits (no caller dates then).
        fn reads_what_jiff_reads(y in 1970i64..=9999, mo in 0i64..=13, d in 0i64..=32, h in 0i64..=25, mi in 0i64..=61, s in 0i64..=61, frac in "(\\.[0-9]{1,9})?") {
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}Z");
            let ours = parse_rfc3339(&text);
            let jiffs = text.parse::<Timestamp>().ok().map(|t| t.as_millisecond());
            prop_assert_eq!(ours, jiffs, "{}", text);
        }

        #[test]
        fn counts_days_like_jiff(y in 0i64..40, m in 0i64..30, w in 0i64..60, d in 0i64..800, from in 0i64..4_102_444_800_000, form in 0usize..4) {
            let iso = match form {
                0 => format!("P{d}D"),
                1 => format!("P{y}Y"),
                2 => format!("P{y}Y{m}M{w}W{d}D"),
                _ => format!("P{m}M{d}DT0H"),
            };
            prop_assert_eq!(duration_days(&iso, from), jiff_duration_days(&iso, from), "{}", iso);
        }
    }
}
