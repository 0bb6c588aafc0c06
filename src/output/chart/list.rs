//! Which charts a report has and the file stem of each, decided from what is known
//! before simulating (names, a centre's types and groups), so that every file name can
//! be checked before the long work and the files written are exactly those checked.

use super::{Chart, Kind};
use crate::escape::one_line;
use crate::report::ScenarioReport;

/// What decides a scenario's charts, known before simulating: its name and, for a
/// centre, the names of its contact types and whether it has agent groups.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outline {
    /// Scenario name.
    pub name: String,
    /// Contact type names, in file order (empty for a one-type file).
    pub types: Vec<String>,
    /// Whether the scenario has agent groups (a centre) to chart.
    pub groups: bool,
    /// Whether some contact type is email (its backlog is charted).
    pub email: bool,
    /// Whether the run is dated (its days are charted).
    pub dated: bool,
}

impl Outline {
    /// The outline of a one-type scenario named `name`.
    pub fn named(name: &str) -> Self {
        Outline {
            name: name.to_string(),
            ..Outline::default()
        }
    }

    /// The outline of a simulated scenario.
    pub fn of(s: &ScenarioReport) -> Self {
        Outline {
            name: s.name.clone(),
            types: s.types.iter().flatten().map(|t| t.name.clone()).collect(),
            groups: s.groups.as_ref().is_some_and(|g| !g.is_empty()),
            email: s.types.iter().flatten().any(|t| t.email.is_some()),
            dated: s.dated_days.is_some(),
        }
    }
}

/// Every chart of a report of scenarios with these outlines: known before simulating,
/// so that every file name can be checked before the long work. A centre adds one
/// interval chart per contact type, a chart of its agent groups, and the report a
/// trade-off of the types; a study of one-type files has the same charts as ever.
pub fn charts_for(outlines: &[Outline]) -> Vec<Chart> {
    let mut v = vec![
        Chart {
            stem: "comparison".into(),
            title: "Key metrics by scenario".into(),
            kind: Kind::Comparison,
        },
        Chart {
            stem: "tradeoff".into(),
            title: "Cost against service: the trade-off".into(),
            kind: Kind::Tradeoff,
        },
        Chart {
            stem: "cost-per-day".into(),
            title: "Operating cost per day".into(),
            kind: Kind::CostPerDay,
        },
    ];
    if outlines.iter().any(|o| !o.types.is_empty()) {
        v.push(Chart {
            stem: "tradeoff-types".into(),
            title: "Cost against service by contact type".into(),
            kind: Kind::TradeoffTypes,
        });
    }
    v.push(Chart {
        stem: "daily-sl".into(),
        title: "Day-to-day service level".into(),
        kind: Kind::DailySl,
    });
    let names: Vec<&str> = outlines.iter().map(|o| o.name.as_str()).collect();
    let scenario_slugs = slugs(&names);
    // Every scenario keeps the stem it has always had; a type's or group's chart that
    // would take a stem already in use (scenario `a` type `b` against scenario `a b`)
    // gets a `-2`, `-3`… instead.
    let mut taken: Vec<String> = v.iter().map(|c| c.stem.clone()).collect();
    taken.extend(scenario_slugs.iter().map(|s| format!("intervals-{s}")));
    let mut unique = |stem: String| {
        let mut s = stem.clone();
        let mut k = 2;
        while taken.contains(&s) {
            s = format!("{stem}-{k}");
            k += 1;
        }
        taken.push(s.clone());
        s
    };
    for (i, (o, slug)) in outlines.iter().zip(&scenario_slugs).enumerate() {
        let name = one_line(&o.name);
        v.push(Chart {
            stem: format!("intervals-{slug}"),
            title: format!("{name} by interval"),
            kind: Kind::Intervals(i),
        });
        let types: Vec<&str> = o.types.iter().map(String::as_str).collect();
        for (t, (type_name, type_slug)) in types.iter().zip(slugs(&types)).enumerate() {
            v.push(Chart {
                stem: unique(format!("intervals-{slug}-{type_slug}")),
                title: format!("{name} · {} by interval", one_line(type_name)),
                kind: Kind::TypeIntervals(i, t),
            });
        }
        if o.groups {
            v.push(Chart {
                stem: unique(format!("groups-{slug}")),
                title: format!("{name}: agent groups by interval"),
                kind: Kind::Groups(i),
            });
        }
        if o.email {
            v.push(Chart {
                stem: unique(format!("backlog-{slug}")),
                title: format!("{name}: email backlog by interval"),
                kind: Kind::Backlog(i),
            });
        }
        if o.dated {
            v.push(Chart {
                stem: unique(format!("days-{slug}")),
                title: format!("{name} day by day"),
                kind: Kind::Days(i),
            });
        }
    }
    v
}

/// Longest slug taken from a scenario name, so that file names stay short whatever the name.
pub const MAX_SLUG_CHARS: usize = 60;

/// File-name-safe, unique slugs of the scenario names, or of one centre's type names
/// (`Weekday baseline` → `weekday-baseline`), at most [`MAX_SLUG_CHARS`] long before a
/// `-2`, `-3`… that tells repeated slugs apart.
pub fn slugs(names: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let mut slug = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            if slug.len() >= MAX_SLUG_CHARS {
                break;
            }
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let base = match slug.trim_end_matches('-') {
            "" => "scenario".to_string(),
            t => t.to_string(),
        };
        let mut slug = base.clone();
        let mut k = 2;
        while out.contains(&slug) {
            slug = format!("{base}-{k}");
            k += 1;
        }
        out.push(slug);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centre(name: &str, types: &[&str]) -> Outline {
        Outline {
            name: name.into(),
            types: types.iter().map(|t| t.to_string()).collect(),
            groups: true,
            email: false,
            dated: false,
        }
    }

    fn stems(outlines: &[Outline]) -> Vec<String> {
        charts_for(outlines).into_iter().map(|c| c.stem).collect()
    }

    #[test]
    fn one_type_files_have_the_report_charts_and_one_per_scenario() {
        let s = stems(&[Outline::named("Weekday"), Outline::named("Weekday")]);
        assert_eq!(
            s,
            [
                "comparison",
                "tradeoff",
                "cost-per-day",
                "daily-sl",
                "intervals-weekday",
                "intervals-weekday-2"
            ]
        );
    }

    #[test]
    fn a_centre_adds_its_types_its_groups_and_the_type_trade_off() {
        let s = stems(&[centre("Split", &["Billing", "Tech <2>"])]);
        assert_eq!(
            s,
            [
                "comparison",
                "tradeoff",
                "cost-per-day",
                "tradeoff-types",
                "daily-sl",
                "intervals-split",
                "intervals-split-billing",
                "intervals-split-tech-2",
                "groups-split",
            ]
        );
        let titles: Vec<String> = charts_for(&[centre("Split", &["Tech <2>"])])
            .into_iter()
            .map(|c| c.title)
            .collect();
        assert!(titles.contains(&"Split · Tech <2> by interval".to_string()));
    }

    #[test]
    fn a_centre_with_email_adds_its_backlog_chart() {
        let mut c = centre("Omni", &["phone", "email"]);
        c.email = true;
        let s = stems(&[c]);
        assert_eq!(s.last().map(String::as_str), Some("backlog-omni"));
        assert!(!stems(&[centre("Omni", &["phone"])]).contains(&"backlog-omni".to_string()));
    }

    #[test]
    fn a_type_chart_never_takes_another_scenarios_stem() {
        // Scenario "a" type "b" and scenario "a b" would both be `intervals-a-b`.
        let s = stems(&[centre("a", &["b"]), Outline::named("a b")]);
        assert!(s.contains(&"intervals-a-b".to_string()));
        assert!(s.contains(&"intervals-a-b-2".to_string()));
        let mut unique = s.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), s.len(), "{s:?}");
        // The scenario keeps its own stem, whatever comes before it.
        let c = charts_for(&[centre("a", &["b"]), Outline::named("a b")]);
        let own = c.iter().find(|c| c.kind == Kind::Intervals(1)).unwrap();
        assert_eq!(own.stem, "intervals-a-b");
    }

    #[test]
    fn stems_stay_short_whatever_the_names() {
        let long = "x".repeat(500);
        let s = stems(&[centre(&long, &[&long, &format!("{long}y")])]);
        for stem in &s {
            assert!(stem.len() <= 10 + 2 * MAX_SLUG_CHARS + 4, "{stem}");
        }
        let mut unique = s.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), s.len(), "{s:?}");
    }
}
