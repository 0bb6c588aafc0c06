//! Where each point's label goes, decided in pixels before anything is drawn, so that no
//! two labels ever cover each other: the first free spot among positions around the
//! point; else the first spot that covers only data (a leader line leads back); else a
//! number beside the point, its name in a key. The same input always gives the same
//! layout.

/// A box in pixels: left, top, right, bottom.
pub(crate) type Rect = (i32, i32, i32, i32);

/// Whether two boxes share any pixel.
pub(crate) fn overlaps(a: &Rect, b: &Rect) -> bool {
    !(a.2 <= b.0 || a.0 >= b.2 || a.3 <= b.1 || a.1 >= b.3)
}

/// Width in pixels of `text` at font `size`, from its length alone: a bound wide enough
/// for DejaVu Sans (its widest common glyphs are about 0.55 of the size), so a box
/// measured so holds the text drawn.
pub(crate) fn text_width(text: &str, size: u32) -> i32 {
    (text.chars().count() as f64 * f64::from(size) * 0.55).ceil() as i32
}

/// A label to place: its point, the size of its text, and the size of its number.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wanted {
    /// The point, in pixels.
    pub at: (i32, i32),
    /// Width and height of the whole label.
    pub size: (i32, i32),
    /// Width and height of the label's number, should it come to that.
    pub short: (i32, i32),
}

/// Where a label went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placed {
    /// The whole label, in this box.
    Beside(Rect),
    /// Its number, in this box; its name is in the key.
    Numbered(Rect),
}

impl Placed {
    /// The box the label takes.
    pub fn rect(&self) -> Rect {
        match *self {
            Placed::Beside(r) | Placed::Numbered(r) => r,
        }
    }
}

/// The layout of a panel's labels, and the key's box when some label became a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// One per wanted label, in order.
    pub placed: Vec<Placed>,
    /// The key's box (inside the bounds, covering no label), if any label is a number.
    pub key: Option<Rect>,
}

/// Boxes of size `(w, h)` around `at`, nearest first: corners, above, below and the
/// sides, at growing distances.
fn around(at: (i32, i32), (w, h): (i32, i32)) -> Vec<Rect> {
    let mut v = Vec::new();
    for d in [12, 30, 55, 85, 120] {
        for (dx, dy) in [
            (d, -h - d),
            (d, d),
            (-d - w, -h - d),
            (-d - w, d),
            (-w / 2, -h - d - 6),
            (-w / 2, d + 6),
            (d + 6, -h / 2),
            (-d - 6 - w, -h / 2),
        ] {
            v.push((at.0 + dx, at.1 + dy, at.0 + dx + w, at.1 + dy + h));
        }
    }
    v
}

/// Boxes of size `(w, h)` on rings of growing radius around `at`, until `reach` pixels:
/// the nudge of last resort.
fn rings(at: (i32, i32), (w, h): (i32, i32), reach: i32) -> impl Iterator<Item = Rect> {
    (1..=reach / 8).flat_map(move |k| {
        let r = k * 8;
        let steps = (r / 4).max(8);
        (0..steps).map(move |s| {
            let a = std::f64::consts::TAU * f64::from(s) / f64::from(steps);
            let x = at.0 + (f64::from(r) * a.cos()).round() as i32 - w / 2;
            let y = at.1 + (f64::from(r) * a.sin()).round() as i32 - h / 2;
            (x, y, x + w, y + h)
        })
    })
}

fn inside(b: &Rect, bounds: &Rect) -> bool {
    b.0 >= bounds.0 && b.1 >= bounds.1 && b.2 <= bounds.2 && b.3 <= bounds.3
}

/// Places every label once, in order, with `key` (if any) kept free.
fn once(wanted: &[Wanted], data: &[Rect], bounds: Rect, key: Option<Rect>) -> Vec<Placed> {
    let mut taken: Vec<Rect> = key.into_iter().collect();
    let mut placed = Vec::with_capacity(wanted.len());
    let reach = (bounds.2 - bounds.0).max(bounds.3 - bounds.1);
    for w in wanted {
        let free =
            |b: &Rect, taken: &[Rect]| inside(b, &bounds) && taken.iter().all(|t| !overlaps(b, t));
        let spots = around(w.at, w.size);
        let p = spots
            .iter()
            .find(|b| free(b, &taken) && data.iter().all(|d| !overlaps(b, d)))
            .or_else(|| spots.iter().find(|b| free(b, &taken)))
            .map(|b| Placed::Beside(*b))
            .or_else(|| {
                around(w.at, w.short)
                    .into_iter()
                    .chain(rings(w.at, w.short, reach))
                    .find(|b| free(b, &taken))
                    .map(Placed::Numbered)
            })
            // A plot with no free spot left at all: the number sits on its point, and
            // the caller's check reports it.
            .unwrap_or(Placed::Numbered((
                w.at.0,
                w.at.1,
                w.at.0 + w.short.0,
                w.at.1 + w.short.1,
            )));
        taken.push(p.rect());
        placed.push(p);
    }
    placed
}

/// The key's box for `rows` names of at most `width` pixels in lines of `line` pixels,
/// in the corner of `bounds` that covers the fewest data boxes.
fn key_box(rows: usize, (width, line): (i32, i32), data: &[Rect], bounds: Rect) -> Rect {
    let (w, h) = (width + 12, line * rows as i32 + 8);
    let corners = [
        (bounds.2 - w - 4, bounds.1 + 4),
        (bounds.0 + 4, bounds.1 + 4),
        (bounds.2 - w - 4, bounds.3 - h - 4),
        (bounds.0 + 4, bounds.3 - h - 4),
    ];
    let boxes = corners.map(|(x, y)| (x, y, x + w, y + h));
    *boxes
        .iter()
        .min_by_key(|b| data.iter().filter(|d| overlaps(b, d)).count())
        .unwrap_or(&boxes[0])
}

/// Lays out `wanted` inside `bounds`, avoiding the `data` (points, crosses, lines) where
/// it can; a key of `line`-pixel rows of the numbered labels' names, `key_width(i)`
/// pixels wide for label `i`, is kept free of every label.
pub(crate) fn place(
    wanted: &[Wanted],
    data: &[Rect],
    bounds: Rect,
    line: i32,
    key_width: impl Fn(usize) -> i32,
) -> Layout {
    let mut key = None;
    let mut placed = once(wanted, data, bounds, key);
    // Reserving the key can push more labels to numbers: grow it until it holds them
    // all (a few rounds; the key only grows, so this ends).
    let mut rows = 0;
    let mut width = 0;
    for _ in 0..4 {
        let numbered: Vec<usize> = (0..placed.len())
            .filter(|&i| matches!(placed[i], Placed::Numbered(_)))
            .collect();
        let need = numbered.iter().map(|&i| key_width(i)).max().unwrap_or(0);
        if numbered.len() <= rows && need <= width {
            break;
        }
        rows = rows.max(numbered.len());
        width = width.max(need);
        let b = key_box(rows, (width, line), data, bounds);
        key = Some(b);
        placed = once(wanted, data, bounds, key);
    }
    Layout { placed, key }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Rect = (100, 60, 780, 700);

    /// `n` labels of the given lengths around `centres`, each point spread a little.
    fn crowd(centres: &[(i32, i32)], names: &[String]) -> Vec<Wanted> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let c = centres[i % centres.len()];
                let k = i as i32;
                Wanted {
                    at: (c.0 + (k * 7) % 23 - 11, c.1 + (k * 11) % 19 - 9),
                    size: (text_width(name, 19), 19),
                    short: (text_width(&(i + 1).to_string(), 19), 19),
                }
            })
            .collect()
    }

    fn assert_apart(wanted: &[Wanted], layout: &Layout) {
        let mut boxes: Vec<Rect> = layout.placed.iter().map(Placed::rect).collect();
        boxes.extend(layout.key);
        for (i, a) in boxes.iter().enumerate() {
            assert!(inside(a, &BOUNDS), "box {i} {a:?} leaves the plot");
            for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                assert!(!overlaps(a, b), "boxes {i} {a:?} and {j} {b:?} overlap");
            }
        }
        assert_eq!(layout.placed.len(), wanted.len());
    }

    #[test]
    fn seven_scenarios_on_nearly_one_spot_get_labels_apart() {
        // The study that overlapped: seven scenarios within a few pixels of each other,
        // two of them on exactly the same spot.
        let names: Vec<String> = [
            "Baseline",
            "Callback offer",
            "Chatbot, 25 % fewer agents",
            "Evening cut",
            "Fewer agents (-8 %)",
            "Shorter handling, lower FCR",
            "Baseline again",
        ]
        .map(String::from)
        .to_vec();
        let wanted = crowd(&[(420, 330)], &names);
        let layout = place(&wanted, &[], BOUNDS, 23, |i| text_width(&names[i], 19) + 30);
        assert_apart(&wanted, &layout);
        assert!(
            layout.placed.iter().all(|p| matches!(p, Placed::Beside(_))),
            "seven labels fit beside their points: {layout:?}"
        );
    }

    #[test]
    fn thirty_five_points_of_five_types_get_labels_apart_numbering_the_crowded() {
        let types = ["billing", "technical", "sales", "support_es", "retention"];
        let scenarios = [
            "Separate queues",
            "Pooled centre",
            "Overflow after 20 s",
            "Stress: Monday +17 %",
            "Staffed plan",
            "Evening cut",
            "Fewer agents",
        ];
        let names: Vec<String> = scenarios
            .iter()
            .flat_map(|s| types.iter().map(move |t| format!("{s} · {t}")))
            .collect();
        // Types cluster: each type's seven scenarios lie close together.
        let centres = [(250, 200), (600, 250), (300, 520), (650, 560), (450, 400)];
        let wanted = crowd(&centres, &names);
        // Every point's cross is data a label should rather not cover.
        let data: Vec<Rect> = wanted
            .iter()
            .map(|w| (w.at.0 - 30, w.at.1 - 9, w.at.0 + 30, w.at.1 + 9))
            .collect();
        let layout = place(&wanted, &data, BOUNDS, 23, |i| {
            text_width(&names[i], 19) + 30
        });
        assert_apart(&wanted, &layout);
        let again = place(&wanted, &data, BOUNDS, 23, |i| {
            text_width(&names[i], 19) + 30
        });
        assert_eq!(layout, again, "the layout is deterministic");
    }

    #[test]
    fn a_label_with_no_room_beside_becomes_a_number_and_the_key_stays_free() {
        // A plot barely larger than the labels: most cannot stand beside their points.
        let bounds = (0, 0, 260, 160);
        let names: Vec<String> = (0..6)
            .map(|i| format!("a long scenario name {i}"))
            .collect();
        let wanted: Vec<Wanted> = (0..6)
            .map(|i| Wanted {
                at: (130, 80),
                size: (text_width(&names[i], 19), 19),
                short: (text_width(&(i + 1).to_string(), 19), 19),
            })
            .collect();
        let layout = place(&wanted, &[], bounds, 23, |_| 40);
        assert!(layout.key.is_some());
        assert!(layout
            .placed
            .iter()
            .any(|p| matches!(p, Placed::Numbered(_))));
        let mut boxes: Vec<Rect> = layout.placed.iter().map(Placed::rect).collect();
        boxes.extend(layout.key);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_width_estimate_grows_with_the_text_and_the_font() {
        assert_eq!(text_width("", 19), 0);
        assert!(text_width("Baseline", 19) < text_width("Baseline again", 19));
        assert!(text_width("Baseline", 15) < text_width("Baseline", 19));
    }
}
