//! Figures in the sentences a planner reads: a count agrees with its noun ("1 agent",
//! "2 agents"), a length of time is in hours and minutes rather than a fraction of an
//! hour, and a computed number is rounded (never `0.016666666666666666`).

use crate::limits::shown;

/// `n` and its noun, singular for exactly one: `count(1, "agent")` = "1 agent".
pub fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Whole minutes as a planner says them: "0", "1 minute", "8 hours", "7 hours 30 minutes".
pub fn hours_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, 0) => "0".to_string(),
        (0, m) => count(m.into(), "minute"),
        (h, 0) => count(h.into(), "hour"),
        (h, m) => format!("{} {}", count(h.into(), "hour"), count(m.into(), "minute")),
    }
}

/// A computed number, to two decimals at most (trailing zeros dropped); very large or
/// very small ones (from a million, below 0.005) in short scientific notation.
pub fn rounded(v: f64) -> String {
    let a = v.abs();
    if !v.is_finite() || a >= 1e6 || (a > 0.0 && a < 0.005) {
        return shown(format!("{v:.2e}").parse().unwrap_or(v));
    }
    let t = format!("{v:.2}");
    let t = t.trim_end_matches('0').trim_end_matches('.');
    if t == "-0" {
        "0".to_string()
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(1, "agent"), "1 agent");
        assert_eq!(count(0, "agent"), "0 agents");
        assert_eq!(count(12, "line"), "12 lines");
    }

    #[test]
    fn lengths_of_time_in_hours_and_minutes() {
        assert_eq!(hours_minutes(0), "0");
        assert_eq!(hours_minutes(1), "1 minute");
        assert_eq!(hours_minutes(20), "20 minutes");
        assert_eq!(hours_minutes(60), "1 hour");
        assert_eq!(hours_minutes(1440), "24 hours");
        assert_eq!(hours_minutes(450), "7 hours 30 minutes");
        assert_eq!(hours_minutes(61), "1 hour 1 minute");
    }

    #[test]
    fn computed_numbers_are_rounded() {
        assert_eq!(rounded(1.0 / 60.0), "0.02");
        assert_eq!(rounded(1.0 / 3.0), "0.33");
        assert_eq!(rounded(2981.5833333333335), "2981.58");
        assert_eq!(rounded(8.0), "8");
        assert_eq!(rounded(-0.001), "-0.001");
        assert_eq!(rounded(0.0), "0");
        assert_eq!(rounded(1.0 / 3e12), "3.33e-13");
        assert_eq!(rounded(2e15 / 3.0), "6.67e14");
    }
}
