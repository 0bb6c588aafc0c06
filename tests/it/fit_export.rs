//! `ccsim fit` on a realistic export: weekday peaks, a short Saturday, closed Sundays,
//! chat beside voice, emails arriving all week round the clock, slow growth; the export
//! names channels in a column of its own words (`phone`, `web_chat`, `mail`).

use std::fmt::Write as _;

use ccsim::fit::clock::{civil_from_days, parse_date, weekday};
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Gamma, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::common::{assert_success, ccsim};

const WEEKS: i64 = 10;
const DAY_CV: f64 = 0.06;
const GROWTH: f64 = 0.001;
/// Voice per weekday (Monday first); Sunday closed.
const VOICE: [f64; 7] = [700.0, 600.0, 580.0, 580.0, 560.0, 200.0, 0.0];

/// Mean daily contacts of a channel on day `d` (from the first Monday), without noise.
fn level(channel: &str, d: i64) -> f64 {
    let w = weekday(parse_date("2026-03-02").unwrap() + d);
    let base = match channel {
        "phone" => VOICE[w],
        "web_chat" => VOICE[w] / 4.0,
        _ => 80.0,
    };
    base * (1.0 + GROWTH * d as f64)
}

fn export() -> String {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(21);
    let k = 1.0 / (DAY_CV * DAY_CV);
    let noise = Gamma::new(k, 1.0 / k).unwrap();
    let first = parse_date("2026-03-02").unwrap();
    let mut o = String::from("arrival,channel,outcome,wait_s,talk_s,wrap_s\n");
    for d in 0..7 * WEEKS {
        let w = weekday(first + d);
        let mut rows: Vec<(f64, &str)> = Vec::new();
        for channel in ["phone", "web_chat", "mail"] {
            let mean = level(channel, d) * noise.sample(&mut rng);
            if mean <= 0.0 {
                continue;
            }
            let n = Poisson::new(mean).unwrap().sample(&mut rng) as usize;
            for _ in 0..n {
                let h = match (channel, w) {
                    ("mail", _) => rng.random::<f64>() * 24.0,
                    (_, 5) => 9.0 + rng.random::<f64>() * 5.0,
                    // A morning peak: half the day's contacts before 11:00.
                    _ if rng.random::<f64>() < 0.5 => 8.0 + rng.random::<f64>() * 3.0,
                    _ => 11.0 + rng.random::<f64>() * 7.0,
                };
                rows.push((h, channel));
            }
        }
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (h, channel) in rows {
            let s = (h * 3600.0) as u32;
            let at = format!(
                "{}T{:02}:{:02}:{:02}",
                civil_from_days(first + d),
                s / 3600,
                s / 60 % 60,
                s % 60
            );
            let wait = rng.random::<f64>() * 90.0;
            if channel == "phone" && rng.random::<f64>() < 0.08 {
                let _ = writeln!(o, "{at},{channel},abandoned,{wait:.1},,");
            } else {
                let talk = 150.0 + rng.random::<f64>() * 300.0;
                let _ = writeln!(o, "{at},{channel},answered,{wait:.1},{talk:.1},25");
            }
        }
    }
    o
}

#[test]
fn a_realistic_export_gives_weekday_volumes_day_cv_and_channels_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls.csv");
    std::fs::write(&calls, export()).unwrap();
    let out = dir.path().join("fitted.toml");
    let r = ccsim([
        "fit".as_ref(),
        calls.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--no-chart".as_ref(),
        "--channel".as_ref(),
        "chat=web_chat,email=mail".as_ref(),
    ]);
    assert_success(&r);
    let text = std::fs::read_to_string(&out).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    // Email arriving at night does not open the centre at night.
    assert_eq!(v["simulation"]["open"].as_str(), Some("08:00"), "{text}");
    let types = v["types"].as_array().unwrap();
    let named = |n: &str| {
        types
            .iter()
            .find(|t| t["name"].as_str() == Some(n))
            .unwrap_or_else(|| panic!("no type {n}: {text}"))
    };
    assert_eq!(named("chat")["channel"].as_str(), Some("chat"));
    assert_eq!(named("email")["channel"].as_str(), Some("email"));
    assert!(named("email").get("patience").is_none());
    let voice = &named("voice")["arrivals"];
    let fitted: f64 = voice["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_float().or(x.as_integer().map(|i| i as f64)).unwrap())
        .sum();
    let weekdays: Vec<f64> = (0..7 * WEEKS)
        .filter(|&d| d % 7 < 5)
        .map(|d| level("phone", d))
        .collect();
    let truth = weekdays.iter().sum::<f64>() / weekdays.len() as f64;
    eprintln!("weekday voice per day: fitted {fitted:.1}, truth {truth:.1}");
    assert!(
        (fitted / truth - 1.0).abs() < 0.03,
        "weekday volume {fitted} vs {truth}"
    );
    let day_cv = voice["day_cv"].as_float().unwrap();
    eprintln!("voice day_cv {day_cv} (truth {DAY_CV})");
    assert!((day_cv - DAY_CV).abs() < 0.03, "day_cv {day_cv}");
    let f: Vec<f64> = voice["day_factors"]
        .as_array()
        .unwrap_or_else(|| panic!("no day_factors: {text}"))
        .iter()
        .map(|x| x.as_float().or(x.as_integer().map(|i| i as f64)).unwrap())
        .collect();
    assert_eq!(f.len(), 7);
    assert_eq!(f[6], 0.0, "Sunday is closed");
    assert!((f[5] - 200.0 / 604.0).abs() < 0.03, "Saturday {}", f[5]);
    assert!(f[0] > 1.1, "Monday peaks: {}", f[0]);
    assert_eq!(v["simulation"]["days"].as_integer(), Some(7));
    // The scenario runs as written.
    let check = ccsim(["check".as_ref(), out.as_os_str()]);
    assert_success(&check);
}
