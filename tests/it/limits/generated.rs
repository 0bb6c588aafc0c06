//! Scenarios for the property test, kept as values so that the documented limits can
//! judge them: mostly ordinary, now and then one value at, just past or far past a limit.

use ccsim::limits;
use proptest::prelude::*;

/// A duration as a scenario file may give it.
#[derive(Debug, Clone)]
pub enum Dist {
    Exponential(f64),
    Lognormal(f64, f64),
    Gamma(f64, f64),
    Weibull(f64, f64),
    Uniform(f64, f64),
    Fixed(f64),
}

/// One generated scenario, kept as values so the documented rules can judge it.
#[derive(Debug, Clone)]
pub struct Case {
    name: String,
    volumes: Vec<f64>,
    days: i64,
    day_cv: f64,
    handling: Dist,
    patience: Option<Dist>,
    agents: i64,
    shrinkage: f64,
    /// probability, max_attempts, delay
    redial: Option<(f64, i64, Dist)>,
    /// fcr, repeat_probability, repeat_delay
    resolution: Option<(f64, f64, Dist)>,
}

/// A TOML float literal (TOML spells NaN `nan`).
fn lit(v: f64) -> String {
    if v.is_nan() {
        "nan".into()
    } else {
        format!("{v:?}")
    }
}

/// A TOML basic string with every control character escaped.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Dist {
    fn toml(&self) -> String {
        match self {
            Dist::Exponential(m) => format!("{{ dist = \"exponential\", mean_s = {} }}", lit(*m)),
            Dist::Lognormal(m, cv) => format!(
                "{{ dist = \"lognormal\", mean_s = {}, cv = {} }}",
                lit(*m),
                lit(*cv)
            ),
            Dist::Gamma(m, cv) => format!(
                "{{ dist = \"gamma\", mean_s = {}, cv = {} }}",
                lit(*m),
                lit(*cv)
            ),
            Dist::Weibull(m, cv) => format!(
                "{{ dist = \"weibull\", mean_s = {}, cv = {} }}",
                lit(*m),
                lit(*cv)
            ),
            Dist::Uniform(a, b) => format!(
                "{{ dist = \"uniform\", min_s = {}, max_s = {} }}",
                lit(*a),
                lit(*b)
            ),
            Dist::Fixed(v) => format!("{{ dist = \"fixed\", value_s = {} }}", lit(*v)),
        }
    }

    /// Why the documented ranges refuse it, if they do.
    fn refusal(&self) -> Option<&'static str> {
        let max = limits::MAX_DURATION_S;
        let mean_ok = |m: f64| m.is_finite() && m > 0.0 && m <= max;
        let bound_ok = |v: f64| v.is_finite() && (0.0..=max).contains(&v);
        let cv_ok =
            |cv: f64, min: f64| cv.is_finite() && cv > 0.0 && cv >= min && cv <= limits::MAX_CV;
        let ok = match *self {
            Dist::Exponential(m) => mean_ok(m),
            Dist::Lognormal(m, cv) | Dist::Gamma(m, cv) => mean_ok(m) && cv_ok(cv, 0.0),
            Dist::Weibull(m, cv) => mean_ok(m) && cv_ok(cv, 0.02),
            Dist::Uniform(a, b) => bound_ok(a) && bound_ok(b) && a <= b,
            Dist::Fixed(v) => bound_ok(v),
        };
        (!ok).then_some("a duration out of range")
    }

    fn mean(&self) -> f64 {
        match *self {
            Dist::Exponential(m) | Dist::Lognormal(m, _) | Dist::Gamma(m, _) => m,
            Dist::Weibull(m, _) => m,
            Dist::Uniform(a, b) => (a + b) / 2.0,
            Dist::Fixed(v) => v,
        }
    }
}

impl Case {
    /// The scenario file.
    pub fn toml(&self) -> String {
        let vols: Vec<String> = self.volumes.iter().map(|v| lit(*v)).collect();
        let mut t = format!(
            "name = {}\n[simulation]\nreplications = 2\nseed = 3\ndays = {}\n\
             [arrivals]\nvolumes = [{}]\nday_cv = {}\n[handling]\ntime = {}\n\
             [staffing]\nagents = {}\nshrinkage = {}\n",
            quoted(&self.name),
            self.days,
            vols.join(", "),
            lit(self.day_cv),
            self.handling.toml(),
            self.agents,
            lit(self.shrinkage),
        );
        if let Some(p) = &self.patience {
            t.push_str(&format!("[patience]\ntime = {}\n", p.toml()));
        }
        if let Some((p, n, d)) = &self.redial {
            t.push_str(&format!(
                "[redial]\nprobability = {}\nmax_attempts = {n}\ndelay = {}\n",
                lit(*p),
                d.toml()
            ));
        }
        if let Some((fcr, rp, d)) = &self.resolution {
            t.push_str(&format!(
                "[resolution]\nfcr = {}\nrepeat_probability = {}\nrepeat_delay = {}\n",
                lit(*fcr),
                lit(*rp),
                d.toml()
            ));
        }
        t
    }

    /// The documented rule (README "Limits", docs/scenario-file.md) this case breaks, if
    /// any:
    /// an oracle written from the documentation, independent of the validation code.
    pub fn refusal(&self) -> Option<&'static str> {
        let share = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
        let name = &self.name;
        if name.trim().is_empty()
            || name.chars().any(|c| c.is_control() || c == '\u{2028}')
            || name.chars().count() > limits::MAX_NAME_CHARS
        {
            return Some("a name that is not one short line");
        }
        if !(1..=i64::from(limits::MAX_DAYS)).contains(&self.days) {
            return Some("days out of range");
        }
        let volume_ok =
            |v: &f64| v.is_finite() && (0.0..=limits::MAX_VOLUME_PER_INTERVAL).contains(v);
        if !self.volumes.iter().all(volume_ok) {
            return Some("a volume out of range");
        }
        if !(self.day_cv.is_finite() && (0.0..=limits::MAX_DAY_CV).contains(&self.day_cv)) {
            return Some("day_cv out of range");
        }
        if let Some(r) = self.handling.refusal() {
            return Some(r);
        }
        if self.handling.mean() <= 0.0 {
            return Some("a handle time with mean 0");
        }
        if let Some(r) = self.patience.as_ref().and_then(Dist::refusal) {
            return Some(r);
        }
        if !(0..=i64::from(limits::MAX_AGENTS)).contains(&self.agents) {
            return Some("agents out of range");
        }
        if !(self.shrinkage.is_finite() && (0.0..1.0).contains(&self.shrinkage)) {
            return Some("shrinkage out of range");
        }
        if let Some((p, n, d)) = &self.redial {
            if !share(*p) || !(1..=i64::from(limits::MAX_ATTEMPTS)).contains(n) {
                return Some("redial out of range");
            }
            if let Some(r) = d.refusal() {
                return Some(r);
            }
        }
        let mut repeat_factor = 1.0;
        if let Some((fcr, rp, d)) = &self.resolution {
            if !share(*fcr) || !share(*rp) {
                return Some("resolution out of range");
            }
            if let Some(r) = d.refusal() {
                return Some(r);
            }
            if *fcr == 0.0 && *rp == 1.0 {
                return Some("repeats forever");
            }
            repeat_factor = 1.0 / (1.0 - (1.0 - fcr) * rp);
        }
        let per_replication = self.volumes.iter().sum::<f64>() * self.days as f64 * repeat_factor;
        if per_replication > limits::MAX_CONTACTS_PER_REPLICATION {
            return Some("too many contacts per replication");
        }
        None
    }
}

/// Mostly ordinary values, sometimes one from `extreme` (at, just past or far past a limit).
fn pick(ordinary: Vec<f64>, extreme: Vec<f64>) -> impl Strategy<Value = f64> {
    prop_oneof![14 => prop::sample::select(ordinary), 1 => prop::sample::select(extreme)]
}

fn mean_s() -> impl Strategy<Value = f64> {
    pick(
        vec![0.5, 30.0, 180.0, 600.0],
        vec![
            1e-300,
            1e-3,
            limits::MAX_DURATION_S,
            limits::MAX_DURATION_S * 1.001,
            1e300,
            0.0,
            -1.0,
            f64::INFINITY,
            f64::NAN,
        ],
    )
}

fn cv() -> impl Strategy<Value = f64> {
    pick(
        vec![0.3, 1.0, 2.5],
        vec![limits::MAX_CV, 4.01, 1e5, 1e6, 0.0, -1.0, 0.01, f64::NAN],
    )
}

fn dist() -> impl Strategy<Value = Dist> {
    prop_oneof![
        mean_s().prop_map(Dist::Exponential),
        (mean_s(), cv()).prop_map(|(m, c)| Dist::Lognormal(m, c)),
        (mean_s(), cv()).prop_map(|(m, c)| Dist::Gamma(m, c)),
        (mean_s(), cv()).prop_map(|(m, c)| Dist::Weibull(m, c)),
        // Bounds in order, or now and then the wrong way round.
        (mean_s(), mean_s(), prop::bool::weighted(0.9)).prop_map(|(a, b, sorted)| {
            if sorted && b < a {
                Dist::Uniform(b, a)
            } else {
                Dist::Uniform(a, b)
            }
        }),
        mean_s().prop_map(Dist::Fixed),
    ]
}

fn name() -> impl Strategy<Value = String> {
    let long = "x".repeat(limits::MAX_NAME_CHARS);
    let too_long = "x".repeat(limits::MAX_NAME_CHARS + 1);
    prop_oneof![
        14 => prop::sample::select(vec![
            "Weekday".to_string(),
            "Früh & spät <b>bold</b> | \"quoted\"".to_string(),
            long,
        ]),
        1 => prop::sample::select(vec![
            "a\nb".to_string(),
            "a\tb".to_string(),
            "a\u{7f}b".to_string(),
            "a\u{85}b".to_string(),
            "a\u{2028}b".to_string(),
            String::new(),
            "   ".to_string(),
            too_long,
        ]),
    ]
}

/// Volumes within the cap stay small (at most 200 per interval) so that every accepted
/// case runs in milliseconds; those beyond it are extreme.
fn volume() -> impl Strategy<Value = f64> {
    prop_oneof![
        14 => (0u32..=200).prop_map(f64::from),
        1 => prop::sample::select(vec![
            limits::MAX_VOLUME_PER_INTERVAL + 1.0,
            1e7,
            1e12,
            1e300,
            -5.0,
            f64::INFINITY,
            f64::NAN,
        ]),
    ]
}

/// A whole scenario; see [`Case::refusal`] for the rules it is judged by.
pub fn case() -> impl Strategy<Value = Case> {
    let shape = (
        name(),
        prop::collection::vec(volume(), 1..=4),
        prop_oneof![14 => 1i64..=2, 1 => prop::sample::select(vec![366i64, 3661, 0, 1_000_000])],
        pick(
            vec![0.0, 0.1, 0.5],
            vec![limits::MAX_DAY_CV, 1.01, 1e6, -0.1, f64::NAN],
        ),
    );
    let people = (
        dist(),
        prop::option::weighted(0.7, dist()),
        prop_oneof![
            14 => 0i64..=30,
            1 => prop::sample::select(vec![
                i64::from(limits::MAX_AGENTS),
                i64::from(limits::MAX_AGENTS) + 1,
                4_000_000_000,
                -1,
            ]),
        ],
        pick(vec![0.0, 0.3, 0.9], vec![0.999, 1.0, -0.1, 1e300, f64::NAN]),
    );
    let journey = (
        prop::option::weighted(
            0.25,
            (
                prop::sample::select(vec![0.0, 0.5, 1.0, 1.5]),
                prop::sample::select(vec![1i64, 3, limits::MAX_ATTEMPTS.into(), 101, 0]),
                dist(),
            ),
        ),
        prop::option::weighted(
            0.25,
            (
                prop::sample::select(vec![0.0, 0.3, 1.0, -0.1]),
                prop::sample::select(vec![0.0, 0.5, 0.9, 1.0]),
                dist(),
            ),
        ),
    );
    (shape, people, journey).prop_map(
        |(
            (name, volumes, days, day_cv),
            (handling, patience, agents, shrinkage),
            (redial, resolution),
        )| Case {
            name,
            volumes,
            days,
            day_cv,
            handling,
            patience,
            agents,
            shrinkage,
            redial,
            resolution,
        },
    )
}
