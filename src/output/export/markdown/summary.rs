//! "Executive summary": the table a director reads first (see
//! [`crate::export::executive`]), with how its money and FTE were converted.

use std::fmt::Write;

use crate::escape::markdown_table_cell;
use crate::export::executive;
use crate::report::Report;

/// The section, heading to table.
pub(super) fn section(r: &Report) -> String {
    let Some(first) = r.scenarios.first() else {
        return String::new();
    };
    let mut o = String::from("## Executive summary\n\n");
    let p = &first.pricing;
    let same = r.scenarios.iter().all(|s| {
        s.pricing.fte_hours_per_day == p.fte_hours_per_day
            && s.pricing.open_days_per_year == p.open_days_per_year
    });
    let basis = if same {
        format!(
            "a full-time agent is paid {} h a day and a year has {} open days",
            p.fte_hours_per_day, p.open_days_per_year
        )
    } else {
        "each scenario's own paid hours per full-time agent and open days per year".into()
    };
    let _ = writeln!(
        o,
        "Means over simulated days. Operating cost only (the money the centre spends); \
         paid FTE and the month (a twelfth of the year) and year convert a day with \
         `[costs]`: {basis}. Service level and abandonment are the live channels'.\n"
    );
    let rows = executive::rows(r, &|n| markdown_table_cell(n));
    for (k, row) in rows.iter().enumerate() {
        let _ = writeln!(o, "| {} |", row.join(" | "));
        if k == 0 {
            let _ = writeln!(o, "|{}", " --- |".repeat(row.len()));
        }
    }
    o
}
