//! Charts of a [`Report`], each drawn once per backend so the PNG and the SVG show the
//! same thing. They read only the report, and draw text with a font compiled into the
//! binary (DejaVu Sans, `assets/fonts/`), so they render the same on a server with no
//! fonts at all. The bytes are returned: writing them is the exporter's job.
//!
//! The SVG backend escapes `<`, `&` and quotes itself, but writes control characters
//! as they are, which XML cannot hold: every scenario text drawn goes through
//! [`one_line`] first (names, currency).

mod common;
mod comparison;
mod daily;
mod intervals;
mod tradeoff;

pub(crate) use common::metric_by_key;
use common::FONT;
pub(crate) use daily::share_of_days_below_target;

use std::error::Error as StdError;
use std::sync::Once;

use image::{ColorType, ImageEncoder};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

use crate::error::{Error, Result};
use crate::export::escape::one_line;
use crate::report::Report;

static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
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
    Intervals(usize),
    DailySl,
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
    let names: Vec<&str> = report.scenarios.iter().map(|s| s.name.as_str()).collect();
    charts_for(&names)
}

/// Every chart of a report of scenarios with these names: known before simulating, so
/// that every file name can be checked before the long work.
pub fn charts_for(names: &[&str]) -> Vec<Chart> {
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
            stem: "daily-sl".into(),
            title: "Day-to-day service level".into(),
            kind: Kind::DailySl,
        },
    ];
    for (i, (name, slug)) in names.iter().zip(slugs(names)).enumerate() {
        v.push(Chart {
            stem: format!("intervals-{slug}"),
            title: format!("{} by interval", one_line(name)),
            kind: Kind::Intervals(i),
        });
    }
    v
}

/// A chart drawn as PNG and SVG bytes.
pub struct Rendered {
    /// The PNG file.
    pub png: Vec<u8>,
    /// The SVG file.
    pub svg: Vec<u8>,
}

impl Chart {
    /// Pixel size of both images.
    fn size(&self) -> (u32, u32) {
        match self.kind {
            Kind::Comparison => (1600, 1000),
            Kind::Tradeoff => (1600, 850),
            Kind::Intervals(_) => (1500, 1000),
            Kind::DailySl => (1500, 900),
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
            Kind::Intervals(i) => intervals::draw(root, &r.scenarios[i])?,
            Kind::DailySl => daily::draw(root, r)?,
        }
        root.present()?;
        Ok(())
    }

    /// Draws the chart as PNG and SVG.
    pub fn render(&self, report: &Report) -> Result<Rendered> {
        register_fonts();
        let fail = |e: Box<dyn StdError>| Error::Other(format!("cannot draw {}: {e}", self.stem));
        let (w, h) = self.size();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            self.draw(&root, report).map_err(fail)?;
        }
        let mut rgb = vec![255u8; (w * h * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
            self.draw(&root, report).map_err(fail)?;
        }
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(&rgb, w, h, ColorType::Rgb8)
            .map_err(|e| Error::Other(format!("cannot encode {}.png: {e}", self.stem)))?;
        Ok(Rendered {
            png,
            svg: svg.into_bytes(),
        })
    }
}

/// Longest slug taken from a scenario name, so that file names stay short whatever the name.
pub const MAX_SLUG_CHARS: usize = 60;

/// File-name-safe, unique slugs of the scenario names (`Weekday baseline` →
/// `weekday-baseline`), at most [`MAX_SLUG_CHARS`] long before a `-2`, `-3`… that
/// tells repeated slugs apart.
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
