//! The top panel of an interval chart: contacts offered against paid and productive
//! agents.

use super::*;

pub(super) fn demand<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, d: &Day) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let offered: Vec<f64> = d
        .rows
        .iter()
        .map(|(_, m)| m.get(Metric::Offered).mean)
        .collect();
    // Headroom above the highest bar keeps the legend clear of the data.
    let ymax = offered
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .fold(1.0, f64::max)
        * 1.6;
    let amax = match &d.agents {
        Agents::Scheduled(v) => v
            .iter()
            .map(|(paid, productive)| f64::from(*paid.max(productive)))
            .fold(1.0, f64::max),
        Agents::Allocated(v) => v
            .iter()
            .copied()
            .filter(|x| x.is_finite())
            .fold(1.0, f64::max),
    } * 1.6;
    let mut chart = style::chart(
        area,
        "Contacts offered and agents",
        Frame {
            caption: 24,
            margin: 12,
            x_area: 45,
            y_area: 80,
        },
    )
    .right_y_label_area_size(80)
    .build_cartesian_2d(x_axis(d), 0f64..ymax)?
    .set_secondary_coord(x_axis(d), 0f64..amax);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(d))
        .x_label_formatter(&start_label(d))
        .y_desc("Contacts offered per interval")
        .y_label_formatter(&tick(ymax))
        .fonts(17, 19)
        .faint_grid(0.1)
        .draw()?;
    chart
        .configure_secondary_axes()
        .y_desc("Agents")
        .y_label_formatter(&|y: &f64| {
            // Agents are whole: no tick at 2.5 agents.
            if (y - y.round()).abs() < 1e-9 {
                format!("{y:.0}")
            } else {
                String::new()
            }
        })
        .label_style((FONT, 17))
        .axis_desc_style((FONT, 19))
        .draw()?;
    let to_agents: Vec<f64> = d
        .rows
        .iter()
        .map(|(_, m)| m.get(Metric::OfferedToAgents).mean)
        .collect();
    // With self-service, what agents must staff for is what is left after deflection:
    // offered contacts fade behind it, so a planner does not read the bot's share as load.
    let deflection = offered.iter().zip(&to_agents).any(|(o, a)| o - a > 1e-9);
    let bars = |values: &[f64], style: ShapeStyle| -> Vec<Rectangle<(f64, f64)>> {
        values
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let x = i as f64;
                Rectangle::new([(x - 0.4, 0.0), (x + 0.4, y.max(0.0))], style)
            })
            .collect()
    };
    let offered_style = if deflection {
        OFFERED.mix(0.35).filled()
    } else {
        OFFERED.filled()
    };
    chart
        .draw_series(bars(&offered, offered_style))?
        .label("contacts offered (mean per interval)")
        .legend(move |(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], offered_style));
    if deflection {
        chart
            .draw_series(bars(&to_agents, OFFERED.filled()))?
            .label("of which reach the agents' queue (not deflected)")
            .legend(|(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], OFFERED.filled()));
    }
    let steps = |f: &dyn Fn(usize) -> f64| -> Vec<(f64, f64)> {
        (0..d.rows.len())
            .flat_map(|i| {
                let y = f(i);
                [(i as f64 - 0.5, y), (i as f64 + 0.5, y)]
            })
            .collect()
    };
    match &d.agents {
        Agents::Scheduled(v) => {
            // Productive first, paid dashed on top: with no shrinkage the two coincide.
            chart
                .draw_secondary_series(LineSeries::new(
                    steps(&|i| f64::from(v[i].1)),
                    PRODUCTIVE.stroke_width(4),
                ))?
                .label("productive agents (right axis)")
                .legend(|(x, y)| {
                    PathElement::new([(x, y), (x + 22, y)], PRODUCTIVE.stroke_width(4))
                });
            chart
                .draw_secondary_series(DashedLineSeries::new(
                    steps(&|i| f64::from(v[i].0)),
                    8,
                    5,
                    PAID.stroke_width(3),
                ))?
                .label("paid agents (right axis)")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 22, y)], PAID.stroke_width(3)));
        }
        Agents::Allocated(v) => {
            chart
                .draw_secondary_series(LineSeries::new(
                    steps(&|i| v[i]).into_iter().filter(|(_, y)| y.is_finite()),
                    PRODUCTIVE.stroke_width(4),
                ))?
                .label("paid agents given to this type (each group's, shared by busy time; right axis)")
                .legend(|(x, y)| {
                    PathElement::new([(x, y), (x + 22, y)], PRODUCTIVE.stroke_width(4))
                });
        }
    }
    Legend::at(SeriesLabelPosition::UpperLeft, 17).draw(&mut chart)?;
    Ok(())
}
