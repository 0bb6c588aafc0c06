//! Chat and email against queueing theory and against the voice model (docs/centres.md).
//! Stationary 24-hour days unless a test needs closing hours; seeds are
//! fixed and tolerances are the simulation's own 95 % intervals.

use crate::common;

use ccsim::erlang;
use ccsim::metrics::{replication_values, IntervalCounters, Metric, TypePricing};
use ccsim::model::Centre;
use ccsim::scenario::Scenario;
use ccsim::stats::{Estimate, Running};
use common::{assert_inside, report, scenario};

const REPLICATIONS: u32 = 60;

/// A `[[types]]` entry: name, channel, contacts per half-hour (48 of them unless `volumes`
/// is given), exponential handle time and optional exponential patience.
struct Ty<'a> {
    name: &'a str,
    channel: &'a str,
    volumes: Vec<f64>,
    handle_s: f64,
    patience_s: Option<f64>,
    extra: &'a str,
}

fn ty<'a>(name: &'a str, channel: &'a str, per_interval: f64, handle_s: f64) -> Ty<'a> {
    Ty {
        name,
        channel,
        volumes: vec![per_interval; 48],
        handle_s,
        patience_s: None,
        extra: "",
    }
}

/// A centre of `types` and `groups` (TOML), `days` days of 30-minute intervals from 00:00.
fn centre(types: &[Ty], groups: &str, days: u32) -> Scenario {
    let mut toml = format!(
        "[simulation]\nreplications = {REPLICATIONS}\nseed = 77\ninterval_minutes = 30\nopen = \"00:00\"\ndays = {days}\n"
    );
    for t in types {
        let volumes: Vec<String> = t.volumes.iter().map(f64::to_string).collect();
        toml.push_str(&format!(
            "[[types]]\nname = \"{}\"\nchannel = \"{}\"\n[types.arrivals]\nvolumes = [{}]\n[types.handling]\ntime = {{ dist = \"exponential\", mean_s = {} }}\n{}",
            t.name,
            t.channel,
            volumes.join(", "),
            t.handle_s,
            t.extra
        ));
        if let Some(p) = t.patience_s {
            toml.push_str(&format!(
                "[types.patience]\ntime = {{ dist = \"exponential\", mean_s = {p} }}\n"
            ));
        }
    }
    toml.push_str(groups);
    scenario(&toml)
}

fn estimate(xs: impl Iterator<Item = f64>) -> Estimate {
    let mut r = Running::default();
    xs.for_each(|x| r.push(x));
    r.estimate()
}

/// Type `k`'s day-level value of `m` in each replication.
fn per_replication(s: &Scenario, k: usize, m: Metric) -> Vec<f64> {
    let pricing = TypePricing::of(&s.costs, &s.types[k]);
    let mut centre = Centre::new(s);
    (0..s.simulation.replications)
        .map(|r| {
            centre.run(r);
            let tc = centre.type_counters().nth(k).expect("the type");
            replication_values(tc, &pricing).day[m as usize]
        })
        .collect()
}

/// Type `k`'s whole-horizon counters in each replication.
fn type_totals(s: &Scenario, k: usize) -> Vec<IntervalCounters> {
    let mut centre = Centre::new(s);
    (0..s.simulation.replications)
        .map(|r| {
            centre.run(r);
            centre.type_counters().nth(k).expect("the type").day_total()
        })
        .collect()
}

#[test]
fn chat_with_k_slots_and_no_slowdown_matches_erlang_c_on_agents_times_slots() {
    // 4 agents × 3 slots = 12 servers; 90 chats per half-hour of 180 s = 9 Erlang.
    let s = centre(
        &[ty("web", "chat", 90.0, 180.0)],
        "[[groups]]\nname = \"chat\"\nagents = 4\nchat_slots = 3\nserves = [\"web\"]\n",
        1,
    );
    let (servers, load) = (12, 9.0);
    let c = erlang::erlang_c(servers, load);
    let gap = f64::from(servers) / 180.0 - 90.0 / 1800.0;
    let of = |m| estimate(per_replication(&s, 0, m).into_iter());
    assert_inside("P(wait)", of(Metric::DelayedShare), c);
    assert_inside("ASA", of(Metric::AsaS), c / gap);
    assert_inside(
        "SL(20 s)",
        of(Metric::ServiceLevel),
        1.0 - c * (-gap * 20.0).exp(),
    );
    let r = report(&s);
    let chat = r.groups.as_ref().expect("groups")[0]
        .chat
        .as_ref()
        .expect("a chat group reports its slots");
    assert_inside(
        "slot utilisation",
        chat.slot_utilisation,
        load / f64::from(servers),
    );
    // An engaged agent holds between one and three chats.
    assert!(chat.chats_per_agent.mean > 1.0 && chat.chats_per_agent.mean < 3.0);
}

#[test]
fn chat_with_very_long_patience_still_matches_erlang_c() {
    // Patience of 10^6 s: practically nobody abandons, and the figures stay Erlang C's.
    let mut web = ty("web", "chat", 90.0, 180.0);
    web.patience_s = Some(1e6);
    let s = centre(
        &[web],
        "[[groups]]\nname = \"chat\"\nagents = 4\nchat_slots = 3\nserves = [\"web\"]\n",
        1,
    );
    let c = erlang::erlang_c(12, 9.0);
    let wait = estimate(per_replication(&s, 0, Metric::DelayedShare).into_iter());
    assert_inside("P(wait)", wait, c);
}

/// A blended group (chat and voice) and a voice-only group; `channel` is the first type's.
fn blended(channel: &str) -> Scenario {
    let mut web = ty("web", channel, 40.0, 300.0);
    web.patience_s = Some(120.0);
    let mut phone = ty("phone", "voice", 30.0, 240.0);
    phone.patience_s = Some(200.0);
    centre(
        &[web, phone],
        "[[groups]]\nname = \"blend\"\nagents = 8\nserves = [\"web\", \"phone\"]\npick = \"longest_wait\"\n\
         [[groups]]\nname = \"phone\"\nagents = 3\nserves = [\"phone\"]\n",
        1,
    )
}

#[test]
fn chat_with_one_slot_gives_exactly_the_figures_of_the_same_type_as_voice() {
    let (chat, voice) = (report(&blended("chat")), report(&blended("voice")));
    let figures = |r: &ccsim::report::ScenarioReport| {
        let types: Vec<_> = r.types.iter().flatten().map(|t| &t.metrics).collect();
        let groups: Vec<_> = r.groups.iter().flatten().map(|g| &g.metrics).collect();
        format!("{:?} {types:?} {groups:?}", r.metrics)
    };
    assert_eq!(figures(&chat), figures(&voice));
    // Customers did wait and abandon, so the comparison covers queueing and patience.
    let web = &chat.types.as_ref().expect("types")[0].metrics;
    assert!(web.get(Metric::Abandoned).mean > 0.0 && web.get(Metric::AsaS).mean > 0.0);
}

#[test]
fn a_concurrency_slowdown_lengthens_the_handle_time_of_chats_held_together() {
    let groups = "[[groups]]\nname = \"chat\"\nagents = 4\nchat_slots = 3\nserves = [\"web\"]\n";
    let mut slow = ty("web", "chat", 60.0, 180.0);
    slow.extra = "concurrency_slowdown = 0.5\n";
    let aht =
        |t: Ty| estimate(per_replication(&centre(&[t], groups, 1), 0, Metric::AhtS).into_iter());
    let (plain, slowed) = (aht(ty("web", "chat", 60.0, 180.0)), aht(slow));
    assert_inside("AHT without slowdown", plain, 180.0);
    // Agents often hold two or three chats: the mean handle time grows well past 180 s.
    assert!(
        slowed.mean - slowed.half_width > plain.mean + plain.half_width,
        "slowdown lengthens chats: {slowed:?} against {plain:?}"
    );
}

/// An email type working hours 08:00–18:00 (20 intervals from 08:00), over `days` days.
fn office_email(per_interval: &[f64], agents: u32, days: u32) -> Scenario {
    let volumes: Vec<String> = per_interval.iter().map(f64::to_string).collect();
    scenario(&format!(
        "[simulation]\nreplications = {REPLICATIONS}\nseed = 9\ninterval_minutes = 30\nopen = \"08:00\"\ndays = {days}\n\
         [[types]]\nname = \"mail\"\nchannel = \"email\"\n[types.arrivals]\nvolumes = [{}]\n\
         [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 600 }}\n\
         [types.targets]\nservice_level = {{ within_s = 14400, at_least = 0.9 }}\n\
         [[groups]]\nname = \"back office\"\nagents = {agents}\nserves = [\"mail\"]\n",
        volumes.join(", ")
    ))
}

#[test]
fn no_email_is_lost_answered_plus_open_at_the_horizon_is_offered() {
    // 30 emails per half-hour of 600 s is 10 Erlang on 8 agents: the backlog grows every
    // day and carries over each night.
    let s = office_email(&[30.0; 20], 8, 3);
    let mut open_some = false;
    for c in type_totals(&s, 0) {
        assert_eq!(c.offered, c.answered + c.open_at_end, "{c:?}");
        assert_eq!(c.abandoned, 0, "emails never abandon");
        open_some |= c.open_at_end > 0;
    }
    assert!(open_some, "the backlog outlives the horizon");
    let r = report(&s);
    let email = r.types.as_ref().expect("types")[0]
        .email
        .as_ref()
        .expect("an email type reports its backlog");
    // Emails left at the first closing were still open at the next opening: the
    // backlog at the last interval's end is large, and the oldest open email is hours old.
    assert!(
        email.backlog[19].backlog.mean > 30.0,
        "{:?}",
        email.backlog[19]
    );
    assert!(email.oldest_open_s.mean > 3600.0);
}

#[test]
fn every_email_is_answered_when_capacity_is_ample() {
    // 10 emails per half-hour of 600 s is 3.3 Erlang on 12 agents.
    let s = office_email(&[10.0; 20], 12, 2);
    for c in type_totals(&s, 0) {
        assert_eq!(c.answered, c.offered);
        assert_eq!(c.open_at_end, 0);
    }
    let sl = estimate(per_replication(&s, 0, Metric::ServiceLevel).into_iter());
    assert_eq!(sl.mean, 1.0, "every email within the deadline");
}

#[test]
fn an_email_backlog_built_in_the_morning_drains_in_the_quiet_afternoon() {
    // A morning peak of 40 per half-hour (13 Erlang on 8 agents), then nothing.
    let mut volumes = vec![40.0; 6];
    volumes.extend([0.0; 14]);
    let r = report(&office_email(&volumes, 8, 1));
    let email = r.types.as_ref().expect("types")[0]
        .email
        .clone()
        .expect("an email type reports its backlog");
    let at = |i: usize| email.backlog[i].backlog;
    assert!(
        at(5).mean - at(5).half_width > 20.0,
        "a backlog at the peak's end: {:?}",
        at(5)
    );
    assert_eq!(at(19).mean, 0.0, "drained by closing");
    assert_eq!(email.open_at_horizon.mean, 0.0);
}

#[test]
fn blended_voice_waits_more_than_without_email_and_less_than_in_one_fifo_queue() {
    // Voice 6 Erlang and work of 2 Erlang on 10 agents who take voice first.
    let voice = || ty("phone", "voice", 60.0, 180.0);
    let work = |channel| ty("mail", channel, 20.0, 180.0);
    let one_group = |serves: &str, pick: &str| {
        format!("[[groups]]\nname = \"all\"\nagents = 10\nserves = [{serves}]\npick = \"{pick}\"\n")
    };
    let asa = |s: &Scenario| per_replication(s, 0, Metric::AsaS);
    let alone = asa(&centre(&[voice()], &one_group("\"phone\"", "priority"), 1));
    let blended = asa(&centre(
        &[voice(), work("email")],
        &one_group("\"phone\", \"mail\"", "priority"),
        1,
    ));
    // The same work as contacts of one FIFO queue (longest wait first, nobody abandons).
    let fifo = asa(&centre(
        &[voice(), work("voice")],
        &one_group("\"phone\", \"mail\"", "longest_wait"),
        1,
    ));
    // Same seed, same customers (common random numbers): paired differences per day.
    let diff = |a: &[f64], b: &[f64]| estimate(a.iter().zip(b).map(|(x, y)| x - y));
    let more = diff(&blended, &alone);
    let less = diff(&fifo, &blended);
    assert!(
        more.mean - more.half_width > 0.0,
        "non-preemptive: voice waits behind emails in hand ({more:?})"
    );
    assert!(
        less.mean - less.half_width > 0.0,
        "voice first: waits less than in one FIFO queue ({less:?})"
    );
}

#[test]
fn channel_figures_merge_from_shards_and_ignore_the_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = "scenarios/channels/omnichannel.toml";
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let ccsim = |args: &[&str]| {
        let out = std::process::Command::new(common::bin())
            .args(args)
            .output()
            .expect("ccsim runs");
        common::assert_success(&out);
    };
    for (part, shard) in [("p1.json", "1/2"), ("p2.json", "2/2")] {
        ccsim(&[
            "run",
            file,
            "-n",
            "8",
            "--shard",
            shard,
            "--json",
            &path(part),
        ]);
    }
    ccsim(&[
        "merge",
        &path("p1.json"),
        &path("p2.json"),
        "--json",
        &path("merged.json"),
    ]);
    ccsim(&[
        "run",
        file,
        "-n",
        "8",
        "-j",
        "1",
        "--json",
        &path("one.json"),
    ]);
    ccsim(&[
        "run",
        file,
        "-n",
        "8",
        "-j",
        "2",
        "--json",
        &path("two.json"),
    ]);
    let read = |name: &str| std::fs::read(path(name)).expect("written");
    let one = read("one.json");
    assert!(String::from_utf8_lossy(&one).contains("\"slot_utilisation\""));
    assert!(String::from_utf8_lossy(&one).contains("\"open_at_horizon\""));
    assert_eq!(
        read("merged.json"),
        one,
        "merged shards equal the whole run"
    );
    assert_eq!(
        read("two.json"),
        one,
        "two threads give the same bytes as one"
    );
}
