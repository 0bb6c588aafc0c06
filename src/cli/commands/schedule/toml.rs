//! The roster written as a scenario file: the input text with its `[staffing]` agents
//! (or shifts; a centre's `[[groups]]` ones) replaced by the roster's `shifts`, comments and everything else kept, so
//! that `ccsim run` accepts it as it is.

use std::path::Path;

use toml_edit::{Array, InlineTable, Item, Value};

use super::shown_path;
use crate::error::{Error, Result};
use crate::scenario::{clock, Scenario, Shift};

/// Hours as TOML: a whole number when whole, else minutes ÷ 60 (whole minutes: exact
/// enough to read back to the same minute).
fn hours(minutes: u32) -> Value {
    if minutes % 60 == 0 {
        Value::from(i64::from(minutes / 60))
    } else {
        Value::from(f64::from(minutes) / 60.0)
    }
}

/// One shift as an inline table, as a planner would write it.
fn shift_value(s: &Shift, open_minute: u32) -> Value {
    let mut t = InlineTable::new();
    t.insert("start", Value::from(clock(open_minute + s.start)));
    t.insert("hours", hours(s.minutes));
    t.insert("agents", Value::from(i64::from(s.agents)));
    if !s.breaks.is_empty() {
        let mut breaks = Array::new();
        for b in &s.breaks {
            let mut bt = InlineTable::new();
            bt.insert("after_h", hours(b.after));
            bt.insert("minutes", Value::from(i64::from(b.minutes)));
            bt.insert("paid", Value::from(b.paid));
            breaks.push(Value::InlineTable(bt));
        }
        t.insert("breaks", Value::Array(breaks));
    }
    if let Some(d) = s.day {
        t.insert("day", Value::from(i64::from(d) + 1));
    }
    Value::InlineTable(t)
}

/// The scenario text `source` with each group's `shifts` (in group order) as its
/// staffing: a one-type file's `[staffing]`, a centre's `[[groups]]` entries. Under a
/// leading comment naming the command and `from` (and, when `misses` is given, how many
/// intervals the roster still misses).
pub fn roster_toml(
    source: &str,
    from: &Path,
    s: &Scenario,
    groups: &[Vec<Shift>],
    misses: Option<usize>,
) -> Result<String> {
    let bad = |why: &str| {
        Error::Other(format!(
            "{}: cannot write the roster: {why}",
            from.display()
        ))
    };
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(&e.to_string()))?;
    let open = s.simulation.open_minute;
    if s.is_centre() {
        let tables = doc
            .get_mut("groups")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| bad("no [[groups]] tables"))?;
        for (g, table) in tables.iter_mut().enumerate() {
            put_shifts(table, groups.get(g).map_or(&[][..], |x| &x[..]), open);
        }
    } else {
        let staffing = doc
            .get_mut("staffing")
            .and_then(Item::as_table_like_mut)
            .ok_or_else(|| bad("no [staffing] table"))?;
        put_shifts(staffing, groups.first().map_or(&[][..], |x| &x[..]), open);
    }
    let header = match misses {
        None => format!(
            "# Written by `ccsim schedule` from {}: its [staffing] replaced by the cheapest\n\
             # roster found by the integer program and checked by simulation to meet its\n\
             # [targets]; the rest of the file is unchanged.\n",
            shown_path(from)
        ),
        Some(n) => format!(
            "# Written by `ccsim schedule --allow-misses` from {}: its [staffing] replaced by\n\
             # the best roster found, which MISSES its [targets] in {n} interval(s).\n",
            shown_path(from)
        ),
    };
    let header = if s.is_centre() {
        header.replacen("its [staffing]", "its groups' staffing", 1)
    } else {
        header
    };
    Ok(format!("{header}{doc}"))
}

/// `table`'s agents replaced by `shifts`, one per line.
fn put_shifts(table: &mut dyn toml_edit::TableLike, shifts: &[Shift], open_minute: u32) {
    table.remove("agents");
    let mut list = Array::new();
    for sh in shifts {
        let mut v = shift_value(sh, open_minute);
        v.decor_mut().set_prefix("\n  ");
        list.push_formatted(v);
    }
    list.set_trailing("\n");
    list.set_trailing_comma(true);
    table.insert("shifts", Item::Value(Value::Array(list)));
}
