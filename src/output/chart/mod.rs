//! Charts of a [`Report`], each drawn once per backend so the PNG and the SVG show the
//! same thing. They read only the report, and draw text with a font compiled into the
//! binary (DejaVu Sans, `assets/fonts/`), so they render the same on a server with no
//! fonts at all. The bytes are returned: writing them is the exporter's job.
//!
//! The SVG backend escapes `<`, `&` and quotes itself, but writes control characters
//! as they are, which XML cannot hold: every scenario text drawn goes through
//! [`one_line`](crate::escape::one_line) first (names, currency).

mod backlog;
mod common;
mod comparison;
mod cost;
pub mod coverage;
mod daily;
mod days;
pub mod fit;
pub mod forecast;
mod groups;
mod intervals;
mod list;
mod style;
mod sweep;
mod tradeoff;
mod tradeoff_types;

pub(crate) use common::{color, interval_axis, interval_labels, interval_start, tick, FONT};
pub(crate) use daily::share_of_days_below_target;
pub use list::{charts_for, slugs, Outline, MAX_SLUG_CHARS};
pub use sweep::{sweep_charts, SweepChart, SweepData};

use std::error::Error as StdError;
use std::sync::Once;

use image::{ColorType, ImageEncoder};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

use crate::error::{Error, Result};
use crate::report::{Report, ScenarioReport};

static DEJAVU_SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static FONTS: Once = Once::new();

/// What a drawing function returns.
pub(crate) type DrawResult = std::result::Result<(), Box<dyn StdError>>;

/// Registers the embedded font under [`FONT`] for every style (once per process).
pub fn register_fonts() {
    FONTS.call_once(|| {
        for style in [
            FontStyle::Normal,
            FontStyle::Bold,
            FontStyle::Italic,
            FontStyle::Oblique,
        ] {
            // The bytes are a TTF compiled in; should they not parse, drawing text
            // fails later with plotters' "font unavailable" error, reported per chart.
            let _ = register_font(FONT, style, DEJAVU_SANS);
        }
    });
}

/// Which chart to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Comparison,
    Tradeoff,
    CostPerDay,
    TradeoffTypes,
    Intervals(usize),
    /// Scenario, then contact type.
    TypeIntervals(usize, usize),
    Groups(usize),
    /// A centre's email backlog.
    Backlog(usize),
    DailySl,
    /// A dated run's figures per date.
    Days(usize),
}

/// One chart of a report: its file stem (`.png` and `.svg` are added) and its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// File name without extension, e.g. `comparison` or `intervals-weekday-baseline`.
    pub stem: String,
    /// What it shows, for links and alt text.
    pub title: String,
    kind: Kind,
}

/// Every chart of a report, in the order a reader should see them.
pub fn charts(report: &Report) -> Vec<Chart> {
    let outlines: Vec<Outline> = report.scenarios.iter().map(Outline::of).collect();
    charts_for(&outlines)
}

/// Scenario `i` of the report, or an error when the chart was made for another report.
fn scenario(r: &Report, i: usize) -> std::result::Result<&ScenarioReport, Box<dyn StdError>> {
    r.scenarios
        .get(i)
        .ok_or_else(|| format!("the report has no scenario {i}").into())
}

/// A chart drawn as PNG and SVG bytes.
pub struct Rendered {
    /// The PNG file.
    pub png: Vec<u8>,
    /// The SVG file.
    pub svg: Vec<u8>,
}

impl Chart {
    /// What a reader needs to read a centre's chart, under it in `report.md` (the charts
    /// of one-type files need none).
    pub fn note(&self) -> Option<&'static str> {
        match self.kind {
            Kind::TradeoffTypes => Some(
                "One point per scenario and contact type (colour = scenario, shape = type). \
                 A type's cost per contact carries each agent group's paid time in \
                 proportion to the busy time the type used in it.",
            ),
            Kind::TypeIntervals(..) => Some(
                "Agents belong to groups, not types: the line is each group's paid agents \
                 shared by the busy time they spent on this type.",
            ),
            Kind::Groups(_) => Some(
                "Occupancy of each agent group with its 95 % interval, and the paid agents \
                 of every group stacked: each bar is the whole centre's headcount.",
            ),
            Kind::Backlog(_) => Some(
                "Emails waiting at each interval's end, mean over days with its 95 % interval; \
                 nobody answers email while the centre is closed, so the last point waits \
                 overnight.",
            ),
            _ => None,
        }
    }

    /// The scenario a chart of one scenario's detail belongs to (its intervals, groups,
    /// backlog, days); `None` for a chart of the whole study.
    pub fn scenario(&self) -> Option<usize> {
        match self.kind {
            Kind::Intervals(i)
            | Kind::TypeIntervals(i, _)
            | Kind::Groups(i)
            | Kind::Backlog(i)
            | Kind::Days(i) => Some(i),
            _ => None,
        }
    }

    /// Pixel size of both images.
    fn size(&self, r: &Report) -> (u32, u32) {
        match self.kind {
            // Past six scenarios the panels stack, so each bar keeps room for its label.
            Kind::Comparison if r.scenarios.len() > comparison::SIDE_BY_SIDE => (1600, 1900),
            Kind::Comparison => (1600, 1000),
            Kind::Tradeoff => (1600, 850),
            Kind::CostPerDay => (1600, 900),
            Kind::TradeoffTypes => (1600, 900),
            Kind::Intervals(_) | Kind::TypeIntervals(..) => (1500, 1150),
            Kind::Groups(_) => (1500, 1000),
            Kind::Backlog(_) => (1500, 800),
            Kind::DailySl => (1500, 900),
            Kind::Days(_) => (1500, 1000),
        }
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        root.fill(&WHITE)?;
        match self.kind {
            Kind::Comparison => comparison::draw(root, r)?,
            Kind::Tradeoff => tradeoff::draw(root, r)?,
            Kind::CostPerDay => cost::draw(root, r)?,
            Kind::TradeoffTypes => tradeoff_types::draw(root, r)?,
            Kind::Intervals(i) => {
                intervals::draw(root, &intervals::Day::of_scenario(scenario(r, i)?))?
            }
            Kind::TypeIntervals(i, t) => {
                let s = scenario(r, i)?;
                let ty = s
                    .types
                    .as_ref()
                    .and_then(|v| v.get(t))
                    .ok_or_else(|| format!("scenario {i} has no contact type {t}"))?;
                intervals::draw(root, &intervals::Day::of_type(s, ty))?;
            }
            Kind::Groups(i) => groups::draw(root, scenario(r, i)?)?,
            Kind::Backlog(i) => backlog::draw(root, scenario(r, i)?)?,
            Kind::DailySl => daily::draw(root, r)?,
            Kind::Days(i) => days::draw(root, scenario(r, i)?)?,
        }
        root.present()?;
        Ok(())
    }

    /// Draws the chart as PNG and SVG.
    pub fn render(&self, report: &Report) -> Result<Rendered> {
        render_pair(&self.stem, self.size(report), &(self, report))
    }
}

/// A picture that draws itself on any backend.
pub(crate) trait Drawing {
    /// Draws on `root`.
    fn draw_on<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static;
}

impl Drawing for (&Chart, &Report) {
    fn draw_on<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        self.0.draw(root, self.1)
    }
}

/// Draws one picture as PNG and SVG, once per backend (charts that do not read a report,
/// like `ccsim fit`'s, use this too); `stem` names it in errors.
pub(crate) fn render_pair(
    stem: &str,
    (w, h): (u32, u32),
    picture: &impl Drawing,
) -> Result<Rendered> {
    register_fonts();
    let fail = |e: Box<dyn StdError>| Error::Other(format!("cannot draw {stem}: {e}"));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        picture.draw_on(&root).map_err(fail)?;
    }
    let mut rgb = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        picture.draw_on(&root).map_err(fail)?;
    }
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&rgb, w, h, ColorType::Rgb8)
        .map_err(|e| Error::Other(format!("cannot encode {stem}.png: {e}")))?;
    Ok(Rendered {
        png,
        svg: svg.into_bytes(),
    })
}
