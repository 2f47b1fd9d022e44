//! Number and date formatting for sentences, axes and tooltips.

use crate::date::format_iso;
use time::Date;

/// The typographic minus used in every displayed number.
pub const MINUS: char = '\u{2212}';

/// `value` with `decimals` decimals, thousands separated by commas, a true minus sign.
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push(MINUS);
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Like [`number`] with an explicit `+` on positive values.
pub fn signed(value: f64, decimals: usize) -> String {
    let n = number(value, decimals);
    if value > 0.0 && n.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{n}")
    } else {
        n
    }
}

/// US$ millions in words that fit a sentence: `+$655.3M`, `−$3.47bn`.
pub fn usd_millions(value_usd_m: f64) -> String {
    let sign = if value_usd_m < 0.0 {
        MINUS.to_string()
    } else if value_usd_m > 0.0 {
        "+".to_owned()
    } else {
        String::new()
    };
    let a = value_usd_m.abs();
    if a >= 1000.0 {
        format!("{sign}${}bn", number(a / 1000.0, 2))
    } else {
        format!("{sign}${}M", number(a, 1))
    }
}

/// A correlation to two decimals with a true minus.
pub fn correlation(value: f64) -> String {
    number(value, 2)
}

/// `2025-11-20`.
pub fn date(d: Date) -> String {
    format_iso(d)
}

/// Short axis label: `Nov 2025`.
pub fn month_year(d: Date) -> String {
    format!("{} {}", month_abbrev(d), d.year())
}

/// Short axis label: `20 Nov`.
pub fn day_month(d: Date) -> String {
    format!("{} {}", d.day(), month_abbrev(d))
}

fn month_abbrev(d: Date) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get(usize::from(u8::from(d.month())) - 1)
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn numbers_are_grouped_with_a_true_minus() {
        assert_eq!(number(-903.2, 1), "−903.2");
        assert_eq!(number(1234567.891, 0), "1,234,568");
        assert_eq!(number(-0.001, 1), "0.0");
        assert_eq!(signed(655.3, 1), "+655.3");
        assert_eq!(signed(0.0, 1), "0.0");
        assert_eq!(correlation(-0.3333), "−0.33");
    }

    #[test]
    fn money() {
        assert_eq!(usd_millions(-903.2), "−$903.2M");
        assert_eq!(usd_millions(-3466.7), "−$3.47bn");
        assert_eq!(usd_millions(655.3), "+$655.3M");
    }

    #[test]
    fn dates() {
        assert_eq!(month_year(date!(2025 - 11 - 20)), "Nov 2025");
        assert_eq!(day_month(date!(2025 - 11 - 20)), "20 Nov");
    }
}
