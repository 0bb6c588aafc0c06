//! Agents' weeks on contracts (`[[rostering.contracts]]`): the tour program finds the
//! optimum a brute-force search finds on a small week; `ccsim schedule --agents` gives
//! every agent a week keeping its contract, read back from AGENTS.csv; the written plan
//! meets the service level on fresh seeds; bad contracts fail with clear messages.

use std::collections::BTreeMap;

use ccsim::scenario::{Contract, Rostering};
use ccsim::staffing::roster::tours::{solve_tours, TourProblem};
use ccsim::staffing::roster::MipOptions;

use crate::bad_input::{assert_fails, Expect};
use crate::common::{assert_success, ccsim};

fn contract(name: &str, days: (u32, u32), hours: (u32, u32), len_h: u32) -> Contract {
    Contract {
        name: name.into(),
        weekly_minutes: (hours.0 * 60, hours.1 * 60),
        days,
        shift_minutes: vec![len_h * 60],
        days_off_together: 0,
        start_within_minutes: None,
        share: (0.0, 1.0),
    }
}

/// A 4-hour day of hourly intervals; a 3-day contract of 3-hour shifts at one start all
/// week with 2 days off in a row and at least half the heads, and a 2-day contract of
/// 2-hour shifts.
fn small_problem() -> TourProblem {
    let mut full = contract("full", (3, 3), (9, 9), 3);
    full.days_off_together = 2;
    full.start_within_minutes = Some(0);
    full.share = (0.5, 1.0);
    let part = contract("part", (2, 2), (4, 4), 2);
    let required = [
        [1.0, 1.0, 1.0, 0.0],
        [0.0, 1.0, 1.0, 0.0],
        [1.0, 1.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 1.0, 0.0],
    ];
    TourProblem {
        rostering: Rostering {
            shift_minutes: vec![120, 180],
            start_step_minutes: 60,
            breaks: Vec::new(),
            min_agents_per_shift: 0,
            max_agents_per_shift: None,
            contracts: vec![full, part],
        },
        interval_minutes: 60,
        intervals: 4,
        required: required.iter().map(|d| d.to_vec()).collect(),
        windows: vec![0..4; 7],
    }
}

/// One explicit tour: contract, paid hours, hours on the floor per (day, interval).
struct Tour {
    full: bool,
    cost: u32,
    cover: Vec<(usize, usize)>,
}

/// Every tour of the small problem, written out from its rules (not from ccsim's).
fn tours() -> Vec<Tour> {
    let mut out = Vec::new();
    for mask in 1u8..128 {
        let days: Vec<usize> = (0..7).filter(|d| mask >> d & 1 == 1).collect();
        let off_in_a_row = (0..7)
            .map(|d0| {
                (0..7)
                    .take_while(|k| mask >> ((d0 + k) % 7) & 1 == 0)
                    .count()
            })
            .max()
            .unwrap();
        if days.len() == 3 && off_in_a_row >= 2 {
            for s in 0..=1 {
                let cover = days
                    .iter()
                    .flat_map(|&d| (s..s + 3).map(move |i| (d, i)))
                    .collect();
                out.push(Tour {
                    full: true,
                    cost: 9,
                    cover,
                });
            }
        }
        if days.len() == 2 {
            for s0 in 0..=2 {
                for s1 in 0..=2 {
                    let cover = [(days[0], s0), (days[1], s1)]
                        .into_iter()
                        .flat_map(|(d, s)| (s..s + 2).map(move |i| (d, i)))
                        .collect();
                    out.push(Tour {
                        full: false,
                        cost: 4,
                        cover,
                    });
                }
            }
        }
    }
    out
}

/// The cheapest multiset of tours covering `need` with at least half the heads full,
/// by branch and bound on the first uncovered cell (an hour paid covers at most one
/// cell-hour, so the uncovered cell-hours bound what is left).
fn brute(tours: &[Tour], need: &mut [[i32; 4]; 7], heads: (u32, u32), cost: u32, best: &mut u32) {
    let left: i32 = need.iter().flatten().map(|&x| x.max(0)).sum();
    let extra_full = heads.1.saturating_sub(heads.0) * 9;
    if cost + left as u32 >= *best {
        return;
    }
    let Some((d, i)) = (0..7)
        .flat_map(|d| (0..4).map(move |i| (d, i)))
        .find(|&(d, i)| need[d][i] > 0)
    else {
        *best = (*best).min(cost + extra_full);
        return;
    };
    for t in tours.iter().filter(|t| t.cover.contains(&(d, i))) {
        for &(e, j) in &t.cover {
            need[e][j] -= 1;
        }
        let h = if t.full {
            (heads.0 + 1, heads.1)
        } else {
            (heads.0, heads.1 + 1)
        };
        brute(tours, need, h, cost + t.cost, best);
        for &(e, j) in &t.cover {
            need[e][j] += 1;
        }
    }
}

#[test]
fn the_tour_program_finds_the_brute_force_optimum_of_a_small_week() {
    let p = small_problem();
    let mut need = [[0i32; 4]; 7];
    for (d, row) in p.required.iter().enumerate() {
        for (i, &r) in row.iter().enumerate() {
            need[d][i] = r as i32;
        }
    }
    let mut best = u32::MAX;
    brute(&tours(), &mut need, (0, 0), 0, &mut best);
    let opts = MipOptions {
        gap: 0.0,
        nodes: 100_000,
        seconds: 30.0,
    };
    let r = solve_tours(&p, opts).expect("solves");
    assert_eq!(
        r.paid_hours,
        f64::from(best),
        "the roster's paid hours against the brute-force optimum"
    );
    assert!(r.bound <= r.paid_hours + 1e-9);
    // The roster really is one: people keeping their contracts and covering every cell.
    let mut have = [[0.0; 4]; 7];
    let full = r.agents.iter().filter(|a| a.contract == 0).count();
    assert!(
        2 * full >= r.agents.len(),
        "full-timers are at least half the heads"
    );
    for a in &r.agents {
        let starts: Vec<u32> = a.shifts.iter().map(|s| s.start).collect();
        let want = if a.contract == 0 { (3, 180) } else { (2, 120) };
        assert_eq!(a.shifts.len(), want.0);
        for s in &a.shifts {
            assert_eq!(s.minutes, want.1);
            for m in (s.start..s.end()).step_by(60) {
                have[s.day.unwrap() as usize][(m / 60) as usize] += 1.0;
            }
        }
        if a.contract == 0 {
            assert!(
                starts.iter().all(|&s| s == starts[0]),
                "one start all week: {starts:?}"
            );
        }
    }
    for (d, (row, need)) in have.iter().zip(&p.required).enumerate() {
        for (i, (h, r)) in row.iter().zip(need).enumerate() {
            assert!(h >= r, "day {d} interval {i} covered");
        }
    }
}

fn scenario_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/shifts/contracts.toml")
}

/// One working day read from AGENTS.csv: day, start, end, paid minutes.
type Day = (u32, u32, u32, u32);

/// `h:mm` → minutes.
fn minutes(t: &str) -> u32 {
    let (h, m) = t.split_once(':').unwrap();
    h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
}

/// Every agent's week read from AGENTS.csv `csv`, each checked against its contract
/// (full-time: five 8-hour days, 37.5–40 h, two days off in a row, starts within 2 h;
/// part-time: 3–5 days of 4–6 h, 16–30 h): agent → (group, contract, days).
pub(crate) fn checked_weeks(csv: &str) -> BTreeMap<String, (String, String, Vec<Day>)> {
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("group,agent,contract,day,date,start,end,paid_h,breaks")
    );
    // agent → (group, contract, [(day, start, end, paid minutes)])
    let mut weeks: BTreeMap<String, (String, String, Vec<Day>)> = BTreeMap::new();
    for l in lines {
        let f: Vec<&str> = l.split(',').collect();
        assert_eq!(f.len(), 9, "{l}");
        assert_eq!(f[4], "", "no start_date: no date");
        let paid = (f[7].parse::<f64>().unwrap() * 60.0).round() as u32;
        let (start, end) = (minutes(f[5]), minutes(f[6]));
        let unpaid: u32 = f[8]
            .split(';')
            .filter(|b| !b.is_empty())
            .map(|b| b.split_once('+').unwrap().1.parse::<u32>().unwrap())
            .sum();
        assert_eq!(
            paid,
            end - start - unpaid,
            "{l}: paid time is the shift less its unpaid breaks"
        );
        let e = weeks.entry(f[1].to_string()).or_insert((
            f[0].to_string(),
            f[2].to_string(),
            Vec::new(),
        ));
        e.2.push((f[3].parse().unwrap(), start, end, paid));
    }
    for (id, (_, contract, days)) in &weeks {
        let worked: u8 = days.iter().map(|d| 1u8 << (d.0 - 1)).fold(0, |a, b| a | b);
        assert_eq!(
            worked.count_ones() as usize,
            days.len(),
            "{id}: one shift a day"
        );
        let paid: u32 = days.iter().map(|d| d.3).sum();
        let lens: Vec<u32> = days.iter().map(|d| d.2 - d.1).collect();
        let starts: Vec<u32> = days.iter().map(|d| d.1).collect();
        let spread = starts.iter().max().unwrap() - starts.iter().min().unwrap();
        let off_in_a_row = (0..7)
            .map(|d0| {
                (0..7)
                    .take_while(|k| worked >> ((d0 + k) % 7) & 1 == 0)
                    .count()
            })
            .max()
            .unwrap();
        match contract.as_str() {
            "full-time" => {
                assert_eq!(days.len(), 5, "{id}: five days");
                assert!(lens.iter().all(|&l| l == 480), "{id}: 8-hour shifts");
                assert!(
                    (37 * 60 + 30..=40 * 60).contains(&paid),
                    "{id}: {paid} paid minutes"
                );
                assert!(off_in_a_row >= 2, "{id}: two days off in a row");
                assert!(spread <= 120, "{id}: starts within 2 h, spread {spread}");
            }
            "part-time" => {
                assert!((3..=5).contains(&days.len()), "{id}: 3 to 5 days");
                assert!(
                    lens.iter().all(|&l| [240, 300, 360].contains(&l)),
                    "{id}: {lens:?}"
                );
                assert!(
                    (16 * 60..=30 * 60).contains(&paid),
                    "{id}: {paid} paid minutes"
                );
            }
            c => panic!("{id}: unknown contract {c}"),
        }
    }
    weeks
}

#[test]
fn every_agents_week_keeps_its_contract_and_the_plan_meets_the_service_level_on_fresh_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    let agents = dir.path().join("agents.csv");
    let file = scenario_file();
    let out = ccsim([
        "schedule",
        file.to_str().unwrap(),
        "--out",
        plan.to_str().unwrap(),
        "--agents",
        agents.to_str().unwrap(),
        "--search-replications",
        "10",
        "--mip-nodes",
        "300",
        "--max-repairs",
        "40",
    ]);
    assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("agents' weeks ("),
        "the report has the per-agent week table:\n{text}"
    );
    let weeks = checked_weeks(&std::fs::read_to_string(&agents).unwrap());
    assert!(weeks.keys().all(|k| k.starts_with("week-on-contracts-")));
    let full = weeks.values().filter(|w| w.1 == "full-time").count();
    assert!(
        full > 0 && 2 * full >= weeks.len(),
        "full-timers: {full} of {}",
        weeks.len()
    );
    // The plan, run whole (queues carried between days) on a fresh seed.
    let json = dir.path().join("r.json");
    let run = ccsim([
        "run",
        plan.to_str().unwrap(),
        "--set",
        "simulation.seed=90210",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_success(&run);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let intervals = v["scenarios"][0]["intervals"].as_array().unwrap();
    let met = intervals
        .iter()
        .filter(|i| i["metrics"]["service_level"]["mean"].as_f64().unwrap() >= 0.80)
        .count();
    assert!(
        met as f64 >= 0.95 * intervals.len() as f64,
        "{met} of {} intervals meet the service level",
        intervals.len()
    );
}

#[test]
fn contracts_that_no_week_can_keep_are_refused() {
    assert_fails(Expect {
        file: "contract_shares_exceed_group.toml",
        field: Some("rostering.contracts"),
        line: Some((19, "[[rostering.contracts]]")),
        phrases: &["least shares sum to 1.2", "expected at most 1"],
    });
    assert_fails(Expect {
        file: "contract_days_off_do_not_fit.toml",
        field: Some("rostering.contracts[0].days_off_together"),
        line: Some((23, "days_off_together = 3")),
        phrases: &["3 days off in a row do not fit a week of at least 5 working days"],
    });
    assert_fails(Expect {
        file: "contract_hours_unreachable.toml",
        field: Some("rostering.contracts[0].weekly_hours"),
        line: Some((21, "weekly_hours = [36, 40]")),
        phrases: &["no week of 3–4 working days", "paid 36–40 h"],
    });
    assert_fails(Expect {
        file: "contract_weekly_hours_one_number.toml",
        field: Some("rostering.contracts[0].weekly_hours"),
        line: Some((21, "weekly_hours = [40]")),
        phrases: &["expected [least, most] paid hours (two numbers), found 1 numbers"],
    });
    assert_fails(Expect {
        file: "contract_needs_a_week.toml",
        field: Some("rostering.contracts"),
        line: Some((19, "[[rostering.contracts]]")),
        phrases: &["expected [simulation] days = 7, found 1"],
    });
}
