//! Time as milliseconds since the Unix epoch (UTC), formatted as RFC 3339 the
//! way Partner Center writes it (`2018-06-14T00:00:00.000Z`).

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

/// One day in milliseconds.
pub const DAY: Millis = 86_400_000;

/// Formats as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn to_rfc3339(ms: Millis) -> String {
    let days = ms.div_euclid(DAY);
    let rem = ms.rem_euclid(DAY);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    )
}

/// The date part only, `YYYY-MM-DD`.
pub fn to_date(ms: Millis) -> String {
    to_rfc3339(ms)[..10].to_string()
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (UTC only).
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
    if !s.ends_with('Z') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d, h, mi, se) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let frac = &s[19..s.len() - 1];
    let ms = if frac.is_empty() {
        0
    } else {
        let digits = frac.strip_prefix('.')?;
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let padded: String = digits.chars().chain("000".chars()).take(3).collect();
        padded.parse::<i64>().ok()?
    };
    Some(days_from_civil(y, mo, d) * DAY + h * 3_600_000 + mi * 60_000 + se * 1000 + ms)
}

// Howard Hinnant's civil calendar algorithms.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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
        assert_eq!(parse_rfc3339("2018-06-14"), None);
        assert_eq!(parse_rfc3339("2018-13-14T00:00:00Z"), None);
        assert_eq!(to_date(t), "2018-06-14");
    }
}
