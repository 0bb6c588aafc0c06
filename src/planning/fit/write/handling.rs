//! The handling and patience tables of one contact type: each fitted duration as an
//! inline table a scenario accepts, with the comment that gives its family, its 95 %
//! intervals, the data's own mean and CV, and how the families compared.

use std::fmt::Write;

use super::text::{num, range};
use crate::fit::durations::DurationFit;
use crate::fit::mle::Fitted;
use crate::fit::TypeFit;
use crate::limits;

/// `mean X s (95 %: …), CV Y (95 %: …)` of a fitted family.
fn family_text(f: &Fitted) -> String {
    let mut s = format!(
        "mean {} s ({})",
        num(f.mean, 1),
        range(f.mean_ci.0, f.mean_ci.1, 1, " s")
    );
    if let Some((lo, hi)) = f.cv_ci {
        let _ = write!(s, ", CV {} ({})", num(f.cv, 3), range(lo, hi, 3, ""));
    }
    s
}

/// The comment line comparing the families by AIC.
fn aic_line(all: &[Fitted]) -> String {
    let best = all.first().map_or(0.0, Fitted::aic);
    let parts: Vec<String> = all
        .iter()
        .map(|f| format!("{} {:+.1}", f.family.key(), f.aic() - best))
        .collect();
    format!(
        "#   AIC against the best (lower is better): {}\n",
        parts.join(", ")
    )
}

/// The inline table of a fitted duration, clamped into what a scenario accepts.
fn dist_table(d: &DurationFit) -> Option<String> {
    match d {
        DurationFit::None => None,
        DurationFit::Fixed(v) => Some(format!(
            "{{ dist = \"fixed\", value_s = {} }}",
            num(v.min(limits::MAX_DURATION_S), 3)
        )),
        DurationFit::Family(f, _) => {
            let mean = num(f.mean.clamp(1e-3, limits::MAX_DURATION_S), 3);
            Some(match f.family {
                crate::fit::family::Family::Exponential => {
                    format!("{{ dist = \"exponential\", mean_s = {mean} }}")
                }
                fam => format!(
                    "{{ dist = \"{}\", mean_s = {mean}, cv = {} }}",
                    fam.key(),
                    num(
                        f.cv.clamp(crate::fit::mle::CV_RANGE.0, crate::fit::mle::CV_RANGE.1),
                        4
                    )
                ),
            })
        }
    }
}

/// Comment lines describing a fitted duration of `n` values.
fn duration_comment(
    o: &mut String,
    what: &str,
    d: &DurationFit,
    sample: &crate::fit::sample::Moments,
) {
    let n = sample.n;
    match d {
        DurationFit::None => {
            let _ = writeln!(
                o,
                "# {what}: no value above 0 among {n} answered contacts: left out."
            );
        }
        DurationFit::Fixed(v) => {
            let _ = writeln!(
                o,
                "# {what}: {} s for all {n} answered contacts: fixed.",
                num(*v, 3)
            );
        }
        DurationFit::Family(f, all) => {
            let _ = writeln!(
                o,
                "# {what}: {} has the highest likelihood over {n} answered contacts:\n#   {}",
                f.family.key(),
                family_text(f)
            );
            let se = sample.variance().sqrt() / (n as f64).sqrt() * crate::fit::mle::Z95;
            let cv_se = sample.cv_standard_error() * crate::fit::mle::Z95;
            let _ = writeln!(
                o,
                "#   the data themselves: mean {} s ({}), CV {} ({})",
                num(sample.mean, 1),
                range(sample.mean - se, sample.mean + se, 1, " s"),
                num(sample.cv(), 3),
                range(sample.cv() - cv_se, sample.cv() + cv_se, 3, "")
            );
            o.push_str(&aic_line(all));
            if f.cv >= limits::MAX_CV * 0.999 {
                let _ = writeln!(
                    o,
                    "#   WARNING: the fit reached ccsim's largest CV, {}: the data are more spread than any family here allows",
                    limits::MAX_CV
                );
            }
        }
    }
}

/// The handling and patience tables of one contact type, under `prefix` (`""` or
/// `"types."`), each estimate with its comment: also what `ccsim forecast` writes.
pub fn handling_tables(o: &mut String, t: &TypeFit, prefix: &str) {
    let _ = writeln!(o, "\n[{prefix}handling]");
    duration_comment(
        o,
        "Handle time (talk + hold)",
        &t.handle,
        &t.data.handle.moments,
    );
    let time = dist_table(&t.handle).unwrap_or_else(|| "{ dist = \"fixed\", value_s = 0 }".into());
    let _ = writeln!(o, "time = {time}");
    duration_comment(o, "Wrap-up", &t.wrap, &t.data.wrap.moments);
    if let Some(w) = dist_table(&t.wrap) {
        let _ = writeln!(o, "wrap_up = {w}");
    }

    let p = &t.patience;
    let naive = p.naive.map_or(String::new(), |n| {
        format!(
            "\n# The naive estimate, the mean wait of abandoned callers, is {} s ({}):\n# biased low, since answered callers would have waited longer; not used.",
            num(n.value, 1), range(n.low, n.high, 1, " s")
        )
    });
    let km = p.km_median.map_or("the Kaplan–Meier curve stays above one half: over half the callers were never seen to give up".into(), |m| {
        format!("Kaplan–Meier median patience {} s", num(m, 1))
    });
    match p.families.first() {
        None => {
            let _ = writeln!(o, "\n# No abandonment among {} answered contacts: no [{prefix}patience] (nobody abandons).", p.answered);
        }
        Some(best) => {
            let _ = writeln!(o, "\n[{prefix}patience]");
            let _ = writeln!(
                o,
                "# Patience from {} waits: {} abandoned (their patience) and {} answered (censored:\n# they would have waited longer). {} has the highest likelihood with censoring:\n#   {}\n# {km}.{naive}",
                p.abandoned + p.answered, p.abandoned, p.answered, best.family.key(), family_text(best)
            );
            o.push_str(&aic_line(&p.families));
            let d = DurationFit::Family(*best, Vec::new());
            let _ = writeln!(o, "time = {}", dist_table(&d).unwrap_or_default());
        }
    }
}
