//! Tests of shifts, their floor time and the patterns `[rostering]` allows.
use super::*;

fn shift(start: u32, minutes: u32, breaks: Vec<Break>) -> Shift {
    Shift {
        start,
        minutes,
        agents: 2,
        breaks,
        day: None,
    }
}

#[test]
fn a_break_off_the_grid_takes_part_of_two_intervals() {
    let s = shift(
        0,
        240,
        vec![Break {
            after: 105,
            minutes: 30,
            paid: false,
        }],
    );
    // The break runs 105–135: 15 minutes of interval 3 and 15 of interval 4.
    let floor = s.floor_by_interval(30);
    assert_eq!(floor[3], (3, 15));
    assert_eq!(floor[4], (4, 15));
    assert_eq!(s.paid_minutes(), 210);
    let r = Roster {
        shifts: vec![s],
        absenteeism: 0.0,
        interval_minutes: 30,
        intervals: 10,
        days: 1,
    };
    let c = r.day_cover(0);
    assert_eq!(c.floor[..5], [60, 60, 60, 30, 30]);
    assert_eq!(c.paid.iter().sum::<u64>(), 420);
    assert_eq!(r.paid_hours(), 7.0);
}

#[test]
fn patterns_place_breaks_on_the_grid_within_their_window() {
    let r = Rostering {
        shift_minutes: vec![240, 480],
        start_step_minutes: 60,
        breaks: vec![BreakRule {
            min_shift_minutes: 360,
            after_min: 180,
            after_max: 300,
            minutes: 30,
            paid: false,
        }],
        min_agents_per_shift: 0,
        max_agents_per_shift: None,
        contracts: Vec::new(),
    };
    let p = r.patterns(600);
    // 4 h: starts 0..=360 by 60 (7); 8 h: starts 0, 60, 120 (3) × breaks at 180, 240, 300.
    assert_eq!(p.len(), 7 + 3 * 3);
    assert!(p[7..].iter().all(|s| s.breaks.len() == 1));
    assert_eq!(p[8].breaks[0].after, 240);
}

#[test]
fn break_rules_give_the_same_shifts_whatever_their_order() {
    let lunch = BreakRule {
        min_shift_minutes: 360,
        after_min: 180,
        after_max: 270,
        minutes: 30,
        paid: false,
    };
    let short = BreakRule {
        min_shift_minutes: 240,
        after_min: 90,
        after_max: 120,
        minutes: 15,
        paid: true,
    };
    let late = BreakRule {
        min_shift_minutes: 360,
        after_min: 150,
        after_max: 360,
        minutes: 15,
        paid: true,
    };
    let rostering = |breaks: Vec<BreakRule>| Rostering {
        shift_minutes: vec![480],
        start_step_minutes: 15,
        breaks,
        min_agents_per_shift: 0,
        max_agents_per_shift: None,
        contracts: Vec::new(),
    };
    let listed = rostering(vec![lunch.clone(), short.clone(), late.clone()]).patterns(600);
    assert!(
        !listed.is_empty(),
        "the 15-minute break goes before the lunch"
    );
    for order in [
        vec![short.clone(), lunch.clone(), late.clone()],
        vec![late.clone(), lunch.clone(), short.clone()],
        vec![short.clone(), late.clone(), lunch.clone()],
    ] {
        assert_eq!(rostering(order).patterns(600), listed);
    }
    // The late break may go before or after the lunch: both are allowed.
    let eight = listed.iter().filter(|p| p.start == 0);
    let before = eight.clone().filter(|p| p.breaks[1].minutes == 15).count();
    let after = eight.filter(|p| p.breaks[2].minutes == 15).count();
    assert!(before > 0 && after > 0, "{before} {after}");
}
