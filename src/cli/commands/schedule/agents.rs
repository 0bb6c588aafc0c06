//! The agents' weeks as a planner publishes them: AGENTS.csv (a row per agent and
//! working day) and the per-agent week table of the report.

use crate::export::table::render;
use crate::scenario::{clock, Scenario, Shift};
use crate::staffing::roster::tours::week::Week;

/// A CSV field, quoted when it holds a comma or a quote.
pub(super) fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Hours as the shortest decimal (8, 7.5).
fn hours(minutes: u32) -> String {
    format!("{}", f64::from(minutes) / 60.0)
}

/// A shift's breaks as `12:00+30;15:30+15` (clock time of the start, minutes).
fn breaks(s: &Scenario, sh: &Shift) -> String {
    let open = s.simulation.open_minute;
    sh.breaks
        .iter()
        .map(|b| format!("{}+{}", clock(open + sh.start + b.after), b.minutes))
        .collect::<Vec<_>>()
        .join(";")
}

/// AGENTS.csv: `group,agent,contract,day,date,start,end,paid_h,breaks`, group by group.
pub fn agents_csv(s: &Scenario, weeks: &[Week]) -> String {
    let open = s.simulation.open_minute;
    let mut out = String::from("group,agent,contract,day,date,start,end,paid_h,breaks\n");
    for (w, (k, a)) in weeks
        .iter()
        .flat_map(|w| w.agents.iter().enumerate().map(move |x| (w, x)))
    {
        for sh in &a.shifts {
            let d = sh.day.unwrap_or(0);
            let date = s
                .date_of(d)
                .map(crate::scenario::calendar::format_date)
                .unwrap_or_default();
            out.push_str(&format!(
                "{},{},{},{},{date},{},{},{},{}\n",
                field(&w.group),
                field(&w.id(k)),
                field(&w.contracts[a.contract]),
                d + 1,
                clock(open + sh.start),
                clock(open + sh.end()),
                hours(sh.paid_minutes()),
                breaks(s, sh)
            ));
        }
    }
    out
}

/// The per-agent week table: a column per day (start–end, or `-`), paid hours.
pub fn week_table(s: &Scenario, w: &Week) -> String {
    let open = s.simulation.open_minute;
    let mut head = vec!["agent".to_string(), "contract".into()];
    for d in 0..7u32 {
        head.push(match s.date_of(d) {
            Some(x) => format!("D{} {}", d + 1, crate::scenario::calendar::weekday_key(x)),
            None => format!("D{}", d + 1),
        });
    }
    head.push("paid h".into());
    let mut rows = vec![head];
    for (k, a) in w.agents.iter().enumerate() {
        let mut row = vec![w.id(k), w.contracts[a.contract].clone()];
        for d in 0..7u32 {
            row.push(match a.shifts.iter().find(|x| x.day == Some(d)) {
                Some(sh) => format!("{}–{}", clock(open + sh.start), clock(open + sh.end())),
                None => "-".into(),
            });
        }
        row.push(hours(a.paid_minutes()));
        rows.push(row);
    }
    let mut out = format!(
        "{}agents' weeks ({} agents; tour program: {} columns, LP {:.1} h, bound {:.1} h, roster {:.1} h, gap {:.2} %):\n",
        if s.is_centre() {
            format!("group {}: ", w.group)
        } else {
            String::new()
        },
        w.agents.len(),
        w.tours.columns,
        w.tours.lp_hours,
        w.tours.bound,
        w.tours.paid_hours,
        w.tours.gap() * 100.0
    );
    out.push_str(&render(&rows));
    out
}
