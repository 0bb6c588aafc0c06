//! The rules of `[[rostering.contracts]]`: each contract names its paid hours and working
//! days in the week, its shift lengths, days off in a row, start-time spread and share
//! of the group; a contract no week can keep is refused here, not by the roster.

use super::shifts::{minutes_of_hours, whole};
use super::values::{one_line_name, within};
use super::Check;
use crate::limits::shown;
use crate::scenario::file::{ContractFile, RosteringFile};
use crate::scenario::shifts::{Contract, Rostering};
use crate::scenario::FieldError;

/// Minutes in a week: the most paid time a contract can ask for.
const WEEK_MINUTES: u32 = 7 * 24 * 60;

/// The contracts of `r`, checked against the validated `rostering` (its break rules
/// set the paid minutes of each shift length) on a horizon of `days` days.
pub(crate) fn contracts(
    r: &RosteringFile,
    rostering: &Rostering,
    days: u32,
    day_minutes: u32,
) -> Check<Vec<Contract>> {
    let list = match &r.contracts {
        Some(l) if !l.is_empty() => l,
        _ => return Ok(Vec::new()),
    };
    if days != 7 {
        return Err(FieldError::new(
            "rostering.contracts",
            format!("contracts roster agents' weeks: expected [simulation] days = 7, found {days}"),
        ));
    }
    let mut out: Vec<Contract> = Vec::with_capacity(list.len());
    for (k, c) in list.iter().enumerate() {
        let contract = one(c, k, rostering, day_minutes)?;
        if out.iter().any(|o| o.name == contract.name) {
            return Err(FieldError::new(
                format!("rostering.contracts[{k}].name"),
                format!("\"{}\" names two contracts", contract.name),
            ));
        }
        out.push(contract);
    }
    let low: f64 = out.iter().map(|c| c.share.0).sum();
    let high: f64 = out.iter().map(|c| c.share.1).sum();
    if low > 1.0 + 1e-9 || high < 1.0 - 1e-9 {
        return Err(FieldError::new(
            "rostering.contracts",
            format!(
                "the contracts' shares cannot add up to the whole group: their least shares sum to {}, their most to {} (expected at most 1 and at least 1)",
                shown(low),
                shown(high)
            ),
        ));
    }
    Ok(out)
}

/// A pair `[least, most]` of numbers.
fn pair<T: Copy + PartialOrd + std::fmt::Display>(
    field: &str,
    v: Option<&Vec<T>>,
    what: &str,
) -> Check<Option<(T, T)>> {
    let Some(v) = v else { return Ok(None) };
    match v[..] {
        [lo, hi] if lo <= hi => Ok(Some((lo, hi))),
        [lo, hi] => Err(FieldError::new(
            field,
            format!("expected [least, most] {what}, found least {lo} above most {hi}"),
        )),
        _ => Err(FieldError::new(
            field,
            format!(
                "expected [least, most] {what} (two numbers), found {} numbers",
                v.len()
            ),
        )),
    }
}

fn one(c: &ContractFile, k: usize, rostering: &Rostering, dm: u32) -> Check<Contract> {
    let at = |f: &str| format!("rostering.contracts[{k}].{f}");
    let name = one_line_name(
        &at("name"),
        c.name
            .as_deref()
            .ok_or_else(|| FieldError::new(at("name"), "expected the contract's name"))?,
    )?;
    let (wlo, whi) =
        pair(&at("weekly_hours"), c.weekly_hours.as_ref(), "paid hours")?.ok_or_else(|| {
            FieldError::new(
                at("weekly_hours"),
                "expected [least, most] paid hours in the week, e.g. [36, 40]",
            )
        })?;
    let weekly_minutes = (
        minutes_of_hours(&at("weekly_hours[0]"), wlo, "weekly hours", 0, WEEK_MINUTES)?,
        minutes_of_hours(&at("weekly_hours[1]"), whi, "weekly hours", 0, WEEK_MINUTES)?,
    );
    let (dlo, dhi) = pair(&at("days"), c.days.as_ref(), "working days")?.ok_or_else(|| {
        FieldError::new(
            at("days"),
            "expected [least, most] working days in the week, e.g. [5, 5]",
        )
    })?;
    let days = (
        whole(&at("days[0]"), dlo, "working days", 0, 7)?,
        whole(&at("days[1]"), dhi, "working days", 1, 7)?,
    );
    let shift_minutes = match &c.shift_hours {
        None => rostering.shift_minutes.clone(),
        Some(h) if h.is_empty() => {
            return Err(FieldError::new(
                at("shift_hours"),
                "expected at least one shift length, e.g. [8] (or leave it out for [rostering] shift_hours)",
            ))
        }
        Some(h) => {
            let mut m = Vec::with_capacity(h.len());
            for (j, &x) in h.iter().enumerate() {
                let f = at(&format!("shift_hours[{j}]"));
                let v = minutes_of_hours(&f, x, "a shift length", 1, dm)?;
                if m.contains(&v) {
                    return Err(FieldError::new(f, format!("{} h is listed twice", shown(x))));
                }
                let alone = Rostering {
                    shift_minutes: vec![v],
                    contracts: Vec::new(),
                    ..rostering.clone()
                };
                if alone.patterns(dm).is_empty() {
                    return Err(FieldError::new(
                        f,
                        format!("no {} h shift fits in the day with its breaks", shown(x)),
                    ));
                }
                m.push(v);
            }
            m
        }
    };
    let days_off_together = whole(
        &at("days_off_together"),
        c.days_off_together.unwrap_or(0),
        "days off in a row",
        0,
        7,
    )?;
    if days_off_together > 7 - days.0 {
        return Err(FieldError::new(
            at("days_off_together"),
            format!(
                "{days_off_together} days off in a row do not fit a week of at least {} working days",
                days.0
            ),
        ));
    }
    let start_within_minutes = c
        .start_within_h
        .map(|h| minutes_of_hours(&at("start_within_h"), h, "a start-time spread", 0, 24 * 60))
        .transpose()?;
    let share = match pair(&at("share"), c.share.as_ref(), "shares")? {
        None => (0.0, 1.0),
        Some((lo, hi)) => (
            within(&at("share[0]"), lo, "a share of the group", 0.0, 1.0)?,
            within(&at("share[1]"), hi, "a share of the group", 0.0, 1.0)?,
        ),
    };
    let contract = Contract {
        name,
        weekly_minutes,
        days,
        shift_minutes,
        days_off_together,
        start_within_minutes,
        share,
    };
    if contract.lengths(rostering).is_empty() {
        return Err(FieldError::new(
            at("weekly_hours"),
            format!(
                "no week of {}–{} working days of these shift lengths is paid {}–{} h (unpaid breaks excluded)",
                days.0,
                days.1,
                shown(wlo),
                shown(whi)
            ),
        ));
    }
    Ok(contract)
}
