//! The arrivals table of one contact type (volumes, day_cv, day_factors, each with the
//! days and the interval behind it), then its handling and patience tables.

use std::fmt::Write;

use super::handling::handling_tables;
use super::text::{list, num, with_interval};
use crate::escape::one_line;
use crate::fit::clock::weekday_name;
use crate::fit::{Fit, TypeFit};
use crate::limits;

/// The tables of one contact type, under `prefix` (`""` or `"types."`).
pub(super) fn type_tables(o: &mut String, fit: &Fit, t: &TypeFit, prefix: &str) {
    let v = &t.volumes;
    let days = v.days;
    for w in &t.warnings {
        let _ = writeln!(o, "# WARNING: {}", one_line(w));
    }
    if let Some(r) = &t.report {
        let _ = writeln!(
            o,
            "# Interval report: {} offered, {} answered, {} abandoned over {} days, AHT {} s; this export: {} contacts, {} answered, {} abandoned over {days} days.",
            r.offered, r.answered, r.abandoned, r.days, num(r.aht_s(), 1),
            t.data.contacts(), t.data.answered, t.data.abandoned
        );
    }
    let _ = writeln!(o, "\n[{prefix}arrivals]");
    let which = if v.day_factors.is_some() {
        format!("{days} weekdays (Monday to Friday)")
    } else {
        format!("{days} days")
    };
    let _ = writeln!(
        o,
        "# Contacts per interval: the mean over {which} of data, with its 95 % interval (Student t);\n# every contact counted ({} answered, {} abandoned, {} blocked, {} deflected).",
        t.data.answered, t.data.abandoned, t.data.blocked, t.data.deflected
    );
    for (i, e) in v.per_interval.iter().enumerate() {
        let _ = writeln!(o, "#   {}  {}", fit.start_of(i), with_interval(e, 2, ""));
    }
    let _ = writeln!(o, "# Per day: {}.", with_interval(&v.per_day, 1, ""));
    let _ = writeln!(
        o,
        "volumes = {}",
        list(v.per_interval.iter().map(|e| num(e.value, 2)))
    );
    if v.day_factors.is_some() {
        let _ = writeln!(
            o,
            "# day_cv: the spread of daily totals beyond Poisson around each weekday's own level,\n# CV² = (Var − mean) ÷ mean², floored at 0, over {which}: {} (χ² interval on the variance).",
            with_interval(&v.day_cv, 3, "")
        );
    } else {
        let _ = writeln!(
            o,
            "# day_cv: the spread of daily totals beyond Poisson, CV² = (Var − mean) ÷ mean², floored\n# at 0, over {days} days: {} (χ² interval on the variance).",
            with_interval(&v.day_cv, 3, "")
        );
    }
    let _ = writeln!(
        o,
        "day_cv = {}",
        num(v.day_cv.value.min(limits::MAX_DAY_CV), 4)
    );
    let present: Vec<String> = v
        .weekday_factors
        .iter()
        .enumerate()
        .filter_map(|(w, f)| f.map(|(x, n)| format!("{} {} ({n} d)", weekday_name(w), num(x, 3))))
        .collect();
    if let Some(f) = &v.day_factors {
        let _ = writeln!(
            o,
            "# The weekdays differ clearly (analysis of variance, p < 0.001), so the day above is Monday\n# to Friday and each weekday has its factor (its mean total ÷ the Monday-to-Friday mean; 0 for\n# a weekday with no contact): {}. Day 1 of the run is a Monday.",
            present.join(", ")
        );
        let _ = writeln!(o, "day_factors = {}", list(f.iter().map(|x| num(*x, 3))));
    } else if present.len() > 1 {
        let _ = writeln!(
            o,
            "# Weekday factors (mean day total ÷ mean over all days): {}.\n# The weekdays {} at the 5 % level (analysis of variance); day_cv above includes\n# the weekday differences, as one day of this file stands for any day of the data.",
            present.join(", "),
            if v.weekdays_differ { "differ" } else { "do not differ" }
        );
    }

    handling_tables(o, t, prefix);
}
