//! Every file validates into one shape: common settings, contact types and agent groups.
//! A one-type file is one type served by one group; written as a centre of that one type
//! and one group, it simulates alike (reports then list the type and the group).

use crate::common::{report, scenario};

use ccsim::metrics::Metric;
use ccsim::scenario::{Channel, Pick, Scenario};

const SETTINGS: &str = "name = \"small\"\n\
[simulation]\nreplications = 12\nseed = 7\ninterval_minutes = 30\n\
[costs]\ncurrency = \"EUR\"\nagent_hour = 30\n";

const TABLES: &str = "arrivals]\nvolumes = [40, 60, 80, 60]\n\
[TABLE.handling]\ntime = { dist = \"lognormal\", mean_s = 240, cv = 0.5 }\n\
[TABLE.patience]\ntime = { dist = \"exponential\", mean_s = 120 }\n\
[TABLE.targets]\nservice_level = { within_s = 20, at_least = 0.8 }\n";

fn one_type() -> Scenario {
    let tables = format!("[{}", TABLES.replace("TABLE.", ""));
    scenario(&format!(
        "{SETTINGS}{tables}[staffing]\nagents = [6, 8, 10, 8]\nshrinkage = 0.2\n"
    ))
}

fn as_centre() -> Scenario {
    let tables = format!("[types.{}", TABLES.replace("TABLE", "types"));
    scenario(&format!(
        "{SETTINGS}[[types]]\nname = \"calls\"\n{tables}\
         [[groups]]\nname = \"agents\"\nagents = [6, 8, 10, 8]\nshrinkage = 0.2\nserves = [\"calls\"]\n"
    ))
}

#[test]
fn a_one_type_file_is_one_type_served_by_one_group() {
    for s in [one_type(), Scenario::default_weekday()] {
        assert!(!s.is_centre());
        assert_eq!((s.types.len(), s.groups.len()), (1, 1));
        let (t, g) = (&s.types[0], &s.groups[0]);
        assert_eq!(t.channel, Channel::Voice);
        assert_eq!(t.routing.len(), 1);
        assert_eq!((t.routing[0].group, t.routing[0].after_s), (0, 0.0));
        assert_eq!(g.serves, vec![0]);
        assert_eq!(g.pick, Pick::Priority);
        assert_eq!(g.agent_hour, s.costs.agent_hour);
        assert_eq!(g.staffing.paid.len(), s.intervals());
        let (types, groups) = s.listed();
        assert!(types.is_empty() && groups.is_empty());
    }
    let c = as_centre();
    assert!(c.is_centre());
    assert_eq!((c.types.len(), c.groups.len()), (1, 1));
    assert_eq!(c.listed().0.len(), 1);
}

#[test]
fn the_same_queue_written_as_a_centre_simulates_alike() {
    let (a, b) = (one_type(), as_centre());
    assert_eq!(a.types[0].arrivals, b.types[0].arrivals);
    assert_eq!(a.types[0].handling, b.types[0].handling);
    assert_eq!(a.types[0].targets, b.types[0].targets);
    assert_eq!(a.groups[0].staffing, b.groups[0].staffing);
    let (ra, rb) = (report(&a), report(&b));
    assert!(ra.types.is_none() && ra.groups.is_none());
    assert_eq!(rb.types.as_ref().map(Vec::len), Some(1));
    assert_eq!(rb.groups.as_ref().map(Vec::len), Some(1));
    // The queue's figures come from the same simulated days, replication by replication.
    for m in [
        Metric::Offered,
        Metric::Answered,
        Metric::Abandoned,
        Metric::ServiceLevel,
        Metric::AsaS,
        Metric::Occupancy,
        Metric::PaidAgentHours,
    ] {
        let day = |r: &ccsim::report::ScenarioReport| -> Vec<f64> {
            r.day_samples.iter().map(|d| d[m as usize]).collect()
        };
        assert_eq!(day(&ra), day(&rb), "{m:?}");
    }
}
