//! Exact arithmetic for points, and the one rounding rule for display.
//!
//! Points are sums of fractions (a question's share of its sub-area times a
//! score fraction), so they are kept as rationals and rounded only when shown.

use num_rational::Ratio;
use num_traits::{Signed, ToPrimitive};

use super::lang::Lang;

/// An exact rational number of points or score values.
pub type Exact = Ratio<i128>;

/// Largest magnitude accepted for any number read from a file; keeps every
/// later product far from `i128` overflow.
const LIMIT: i128 = 1_000_000_000;
/// Most decimals accepted in a number read from a file.
const MAX_DECIMALS: usize = 9;

pub fn int(n: i128) -> Exact {
    Exact::from_integer(n)
}

/// Parses a decimal such as `"61.5"`, `"6,7"`, `"-3"` or `"1e2"` exactly.
/// Returns a human message when it is not a plain decimal in range.
pub fn parse_decimal(text: &str) -> Result<Exact, String> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Err("empty number".into());
    }
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => {
            let exp: i32 = t[i + 1..]
                .parse()
                .map_err(|_| format!("`{text}` is not a number"))?;
            (&t[..i], exp)
        }
        None => (&t[..], 0),
    };
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if (whole.is_empty() && frac.is_empty())
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(format!("`{text}` is not a number"));
    }
    let frac = frac.trim_end_matches('0');
    let whole = whole.trim_start_matches('0');
    let scale = frac.len() as i32 - exponent;
    if whole.len() + frac.len() > 30 || scale > MAX_DECIMALS as i32 || scale < -12 {
        return Err(format!("`{text}` is out of range"));
    }
    let mut n: i128 = format!("0{whole}{frac}")
        .parse()
        .map_err(|_| format!("`{text}` is out of range"))?;
    let mut d: i128 = 1;
    if scale >= 0 {
        d = 10i128.pow(scale as u32);
    } else {
        n = n
            .checked_mul(10i128.pow((-scale) as u32))
            .ok_or_else(|| format!("`{text}` is out of range"))?;
    }
    let value = Exact::new(if negative { -n } else { n }, d);
    if value.abs() > int(LIMIT) {
        return Err(format!("`{text}` is out of range (at most {LIMIT})"));
    }
    Ok(value)
}

/// Converts a JSON number to an exact value through its shortest decimal
/// form, so that `0.1` in a file means one tenth, not the nearest binary float.
pub fn from_f64(x: f64) -> Result<Exact, String> {
    if !x.is_finite() {
        return Err("not a finite number".into());
    }
    // Whole and half steps (every score) are exact in binary, so they need
    // no trip through their decimal text, which is the slow part of reading
    // a session.
    let doubled = x * 2.0;
    if doubled == doubled.trunc() && x.abs() <= LIMIT as f64 {
        return Ok(Exact::new(doubled as i128, 2));
    }
    parse_decimal(&format!("{x}"))
}

pub fn to_f64(x: Exact) -> f64 {
    x.numer().to_f64().unwrap_or(f64::NAN) / x.denom().to_f64().unwrap_or(f64::NAN)
}

/// Rounds to `decimals` places, half away from zero, and returns the result
/// scaled by `10^decimals` (61.45 at one decimal -> 615). The only rounding
/// rule in the program.
pub fn round_scaled(x: Exact, decimals: u32) -> i128 {
    let scaled = x * int(10i128.pow(decimals));
    // Adding half a unit towards the sign and truncating rounds half away from zero.
    let half = Exact::new(scaled.signum().to_integer(), 2);
    (scaled + half).trunc().to_integer()
}

/// Rounds for display and formats with the language's decimal mark:
/// `format_points(61.5, 0, nb)` -> `"62"`, `format_points(6.65, 1, nb)` -> `"6,7"`.
pub fn format_points(x: Exact, decimals: u32, lang: Lang) -> String {
    let scaled = round_scaled(x, decimals);
    let negative = scaled < 0;
    let digits = scaled.abs().to_string();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if decimals == 0 {
        out.push_str(&digits);
        return out;
    }
    let d = decimals as usize;
    let padded = format!("{digits:0>width$}", width = d + 1);
    let (whole, frac) = padded.split_at(padded.len() - d);
    out.push_str(whole);
    out.push(match lang {
        Lang::Nb => ',',
        Lang::En => '.',
    });
    out.push_str(frac);
    out
}

/// A score value as shown: "3", "2,5" (nb) or "2.5" (en); up to two decimals.
pub fn format_value(x: Exact, lang: Lang) -> String {
    let text = format_points(x, 2, lang);
    let mark = if lang == Lang::Nb { ',' } else { '.' };
    text.trim_end_matches('0').trim_end_matches(mark).to_owned()
}

/// Whether `x` is a whole multiple of one half (the finest score step).
pub fn is_half_step(x: Exact) -> bool {
    // A ratio is kept reduced with a positive denominator, so this is
    // `(2x).is_integer()` without a multiplication (two i128 gcds).
    matches!(*x.denom(), 1 | 2)
}

/// Median of exact values; for an even count, the mean of the two middle ones.
pub fn median(values: &mut [Exact]) -> Option<Exact> {
    if values.is_empty() {
        return None;
    }
    values.sort();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / int(2)
    })
}

/// Serde adapter: exact values are written as JSON numbers.
pub mod as_number {
    use super::*;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &Exact, s: S) -> Result<S::Ok, S::Error> {
        write(*x, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Exact, D::Error> {
        let x = f64::deserialize(d)?;
        from_f64(x).map_err(serde::de::Error::custom)
    }

    pub(crate) fn write<S: Serializer>(x: Exact, s: S) -> Result<S::Ok, S::Error> {
        if x.is_integer() {
            s.serialize_i64(x.to_integer() as i64)
        } else {
            s.serialize_f64(to_f64(x))
        }
    }
}

/// Serde adapter for `Option<Exact>` (`null` when absent).
pub mod as_opt_number {
    use super::*;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &Option<Exact>, s: S) -> Result<S::Ok, S::Error> {
        match x {
            Some(x) => as_number::write(*x, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Exact>, D::Error> {
        match Option::<f64>::deserialize(d)? {
            Some(x) => from_f64(x).map(Some).map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}

/// The decimal text of `x` when it has one of at most [`MAX_DECIMALS`]
/// places and 15 digits ("6.7", "488.25"), so it reads back exactly from a
/// JSON number.
pub fn finite_decimal(x: Exact) -> Option<String> {
    // A reduced fraction is a finite decimal when its denominator has no
    // prime factors but 2 and 5; it needs as many places as the larger count.
    let (mut d, mut twos, mut fives) = (*x.denom(), 0u32, 0u32);
    while d % 2 == 0 {
        d /= 2;
        twos += 1;
    }
    while d % 5 == 0 {
        d /= 5;
        fives += 1;
    }
    let places = twos.max(fives);
    // At most 15 significant digits: what a double keeps, so the shortest
    // decimal of the JSON number is this one.
    (d == 1 && places as usize <= MAX_DECIMALS && round_scaled(x, places).abs() < 10i128.pow(15))
        .then(|| format_points(x, places, Lang::En))
}

/// Parses `"1462/3"` (or a plain decimal) exactly: how a mean that is no
/// finite decimal is written.
pub fn parse_fraction(text: &str) -> Result<Exact, String> {
    let Some((n, d)) = text.split_once('/') else {
        return parse_decimal(text);
    };
    let number = |t: &str| -> Result<i128, String> {
        let t = t.trim();
        if t.is_empty()
            || t.len() > 30
            || !t
                .trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            return Err(format!("`{text}` is not a fraction such as 1462/3"));
        }
        t.parse().map_err(|_| format!("`{text}` is out of range"))
    };
    let (n, d) = (number(n)?, number(d)?);
    if d <= 0 {
        return Err(format!("`{text}`: the denominator must be above 0"));
    }
    let value = Exact::new(n, d);
    if value.abs() > int(LIMIT) || *value.denom() > LIMIT * LIMIT {
        return Err(format!("`{text}` is out of range"));
    }
    Ok(value)
}

/// `x` as text that reads back exactly: its decimal ("6.7") when it has
/// one, else the fraction ("20/3").
pub fn exact_text(x: Exact) -> String {
    finite_decimal(x).unwrap_or_else(|| format!("{}/{}", x.numer(), x.denom()))
}

/// Serde adapter for a flattened field written twice: as a JSON number
/// (for scripts) and beside it as [`exact_text`] (for `kompass benchmark`,
/// which must not lose a third to a double). `score --json` uses it.
pub mod with_exact_text {
    use super::*;
    use serde::Serializer;
    use serde::ser::SerializeMap;

    struct Number(Exact);

    impl serde::Serialize for Number {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            as_number::write(self.0, s)
        }
    }

    /// `"points": 6.666666666666667, "points_exact": "20/3"`.
    pub fn points<S: Serializer>(x: &Exact, s: S) -> Result<S::Ok, S::Error> {
        pair(s, "points", *x)
    }

    /// `"total": ..., "total_exact": ...`.
    pub fn total<S: Serializer>(x: &Exact, s: S) -> Result<S::Ok, S::Error> {
        pair(s, "total", *x)
    }

    fn pair<S: Serializer>(s: S, name: &str, x: Exact) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry(name, &Number(x))?;
        map.serialize_entry(&format!("{name}_exact"), &exact_text(x))?;
        map.end()
    }
}

/// Serde adapter for points that may be any rational (a mean): a JSON
/// number when the value is a finite decimal, else a string `"1462/3"`, so
/// nothing is lost to a binary float. Reads either.
pub mod as_rational {
    use super::*;
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrText {
        Number(f64),
        Text(String),
    }

    pub fn serialize<S: Serializer>(x: &Exact, s: S) -> Result<S::Ok, S::Error> {
        write(*x, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Exact, D::Error> {
        read(NumberOrText::deserialize(d)?).map_err(serde::de::Error::custom)
    }

    fn read(value: NumberOrText) -> Result<Exact, String> {
        match value {
            NumberOrText::Number(x) => from_f64(x),
            NumberOrText::Text(t) => parse_fraction(&t),
        }
    }

    pub(crate) fn write<S: Serializer>(x: Exact, s: S) -> Result<S::Ok, S::Error> {
        match finite_decimal(x) {
            Some(_) => as_number::write(x, s),
            None => s.serialize_str(&format!("{}/{}", x.numer(), x.denom())),
        }
    }

    /// For `Option<Exact>`: absent or `null` is `None`.
    pub mod opt {
        use super::*;

        pub fn serialize<S: Serializer>(x: &Option<Exact>, s: S) -> Result<S::Ok, S::Error> {
            match x {
                Some(x) => write(*x, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Exact>, D::Error> {
            Option::<NumberOrText>::deserialize(d)?
                .map(read)
                .transpose()
                .map_err(serde::de::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Exact {
        parse_decimal(s).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(format_points(d("61.5"), 0, Lang::Nb), "62");
        assert_eq!(format_points(d("-61.5"), 0, Lang::Nb), "-62");
        assert_eq!(format_points(d("6.65"), 1, Lang::Nb), "6,7");
        assert_eq!(format_points(d("6.65"), 1, Lang::En), "6.7");
        assert_eq!(format_points(d("0.04"), 1, Lang::En), "0.0");
        assert_eq!(format_points(Exact::new(20, 3), 1, Lang::Nb), "6,7");
        assert_eq!(format_points(Exact::new(1, 2), 0, Lang::Nb), "1");
        assert_eq!(format_points(Exact::new(49, 100), 0, Lang::Nb), "0");
    }

    #[test]
    fn deck_area_one_is_exactly_61_5_and_rounds_up() {
        let exact: Exact = ["10,0", "5,0", "20,0", "6,7", "19,8"]
            .iter()
            .map(|s| d(s))
            .sum();
        assert_eq!(exact, d("61.5"));
        assert_eq!(format_points(exact, 0, Lang::Nb), "62");
    }

    #[test]
    fn parses_decimals_exactly() {
        assert_eq!(d("0.1"), Exact::new(1, 10));
        assert_eq!(d("1e2"), int(100));
        assert_eq!(d("2,50"), Exact::new(5, 2));
        assert_eq!(from_f64(0.1).unwrap(), Exact::new(1, 10));
        assert!(parse_decimal("1e300").is_err());
        assert!(parse_decimal("abc").is_err());
        assert!(parse_decimal("").is_err());
        assert!(parse_decimal("1.2.3").is_err());
        assert!(from_f64(f64::NAN).is_err());
    }

    #[test]
    fn the_fast_path_for_steps_agrees_with_the_decimal_path() {
        for twice in -41..=41 {
            let x = twice as f64 / 2.0;
            assert_eq!(from_f64(x), parse_decimal(&format!("{x}")), "{x}");
        }
        assert_eq!(from_f64(-0.0), Ok(int(0)));
        assert!(from_f64(2e9).is_err());
        assert!(from_f64(-1e300).is_err());
        assert_eq!(from_f64(0.25), Ok(Exact::new(1, 4)));
    }

    #[test]
    fn half_steps_are_whole_and_half_values_of_either_sign() {
        for yes in [
            int(0),
            int(3),
            int(-2),
            Exact::new(5, 2),
            Exact::new(-1, 2),
            Exact::new(6, 4),
        ] {
            assert!(is_half_step(yes), "{yes}");
        }
        for no in [Exact::new(1, 3), Exact::new(1, 4), Exact::new(-7, 10)] {
            assert!(!is_half_step(no), "{no}");
        }
    }

    #[test]
    fn median_of_even_count_is_mean_of_middle() {
        assert_eq!(
            median(&mut [int(1), int(4), int(2), int(3)]),
            Some(Exact::new(5, 2))
        );
        assert_eq!(median(&mut [int(3), int(0), int(4)]), Some(int(3)));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn rationals_are_written_as_decimals_when_they_are_and_as_fractions_else() {
        assert_eq!(finite_decimal(Exact::new(67, 10)).as_deref(), Some("6.7"));
        assert_eq!(
            finite_decimal(Exact::new(1953, 4)).as_deref(),
            Some("488.25")
        );
        assert_eq!(finite_decimal(int(62)).as_deref(), Some("62"));
        assert_eq!(finite_decimal(Exact::new(1, 1 << 20)), None, "20 places");
        assert_eq!(finite_decimal(Exact::new(1462, 3)), None);
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct P {
            #[serde(with = "as_rational")]
            p: Exact,
            #[serde(with = "as_rational::opt", default)]
            q: Option<Exact>,
        }
        for (x, text) in [
            (Exact::new(1462, 3), r#"{"p":"1462/3","q":null}"#),
            (Exact::new(67, 10), r#"{"p":6.7,"q":null}"#),
            (int(5), r#"{"p":5,"q":null}"#),
        ] {
            let v = P { p: x, q: None };
            assert_eq!(serde_json::to_string(&v).unwrap(), text);
            assert_eq!(serde_json::from_str::<P>(text).unwrap(), v);
        }
        let v: P = serde_json::from_str(r#"{"p":"6.5","q":"-7/14"}"#).unwrap();
        assert_eq!((v.p, v.q), (Exact::new(13, 2), Some(Exact::new(-1, 2))));
        for bad in [
            r#"{"p":"1/0"}"#,
            r#"{"p":"a/3"}"#,
            r#"{"p":"1/-3"}"#,
            r#"{"p":"99999999999/1"}"#,
        ] {
            assert!(serde_json::from_str::<P>(bad).is_err(), "{bad}");
        }
    }
}
