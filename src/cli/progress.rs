//! A progress bar on stderr, shown only when stderr is a terminal, so scripts and CI
//! logs get clean output.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::runner::progress_units;
use crate::scenario::Scenario;

/// A bar over the simulated intervals of `replications` of each scenario (a long horizon
/// moves within a replication), with time left; hidden when stderr is not a terminal.
pub fn simulation_bar<'a>(
    scenarios: impl IntoIterator<Item = (&'a Scenario, u32)>,
    what: &str,
) -> ProgressBar {
    let total = scenarios
        .into_iter()
        .map(|(s, replications)| progress_units(s) * u64::from(replications))
        .sum();
    let bar = bar(
        total,
        "{msg} [{bar:40}] {percent:>3}% of the simulated days, {elapsed} gone, about {eta} left",
    );
    bar.set_message(what.to_string());
    bar
}

/// A bar over `total` units drawn with `template`, hidden when stderr is not a terminal.
pub fn bar(total: u64, template: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(template)
            .expect("a valid progress template")
            .progress_chars("=> "),
    );
    bar
}

/// A spinner on stderr while a search works, hidden when stderr is not a terminal.
pub fn spinner() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {wide_msg}")
            .expect("a valid progress template"),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
