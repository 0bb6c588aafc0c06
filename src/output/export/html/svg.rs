//! A chart's SVG file made ready to sit inside the page: the XML prolog dropped, and the
//! fixed pixel size of the root replaced by its view box, so the chart scales to the
//! page width (on a laptop, on paper) and keeps its proportions.

use crate::escape::html_text;

/// The `<svg>` element of `svg` (a file the charts wrote) with `label` as its accessible
/// name, or `None` when the text holds no `<svg` element.
pub(super) fn inline(svg: &str, label: &str) -> Option<String> {
    let start = svg.find("<svg")?;
    let rest = &svg[start..];
    let open_end = rest.find('>')?;
    let open = &rest[..open_end];
    let view_box = attribute(open, "viewBox").map(str::to_string).or_else(|| {
        let w = attribute(open, "width")?;
        let h = attribute(open, "height")?;
        Some(format!("0 0 {w} {h}"))
    })?;
    // The view box is numbers the charts wrote; keep only what a view box may hold.
    if !view_box
        .chars()
        .all(|c| c.is_ascii_digit() || " .-,".contains(c))
    {
        return None;
    }
    let body = rest[open_end + 1..].trim_end();
    Some(format!(
        "<svg class=\"chart\" viewBox=\"{view_box}\" xmlns=\"http://www.w3.org/2000/svg\" \
         role=\"img\" aria-label=\"{}\">{body}\n",
        html_text(label)
    ))
}

/// The value of attribute `name` in an opening tag (double-quoted, as the charts write).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_scales_by_its_view_box_and_is_named() {
        let svg = "<?xml version=\"1.0\"?>\n<svg width=\"1600\" height=\"1000\" \
                   viewBox=\"0 0 1600 1000\" xmlns=\"http://www.w3.org/2000/svg\">\n\
                   <rect x=\"0\"/>\n</svg>\n";
        let out = inline(svg, "Cost & <service>").unwrap();
        assert!(out.starts_with("<svg class=\"chart\" viewBox=\"0 0 1600 1000\""));
        assert!(!out.contains("width=\"1600\"") && !out.contains("<?xml"));
        assert!(out.contains("aria-label=\"Cost &amp; &lt;service&gt;\""));
        assert!(out.trim_end().ends_with("<rect x=\"0\"/>\n</svg>"));
    }

    #[test]
    fn a_root_without_a_view_box_gets_one_from_its_size() {
        let out = inline("<svg width=\"40\" height=\"30\"></svg>", "x").unwrap();
        assert!(out.contains("viewBox=\"0 0 40 30\""), "{out}");
    }

    #[test]
    fn text_that_is_no_svg_is_refused() {
        assert_eq!(inline("not a chart", "x"), None);
        assert_eq!(inline("<svg viewBox=\"0 0 javascript\">", "x"), None);
    }

    #[test]
    fn only_the_view_box_of_the_root_is_kept() {
        let out = inline("<svg viewBox=\"0 0 1 1\" onload=\"alert(1)\"></svg>", "x").unwrap();
        assert!(!out.contains("onload"), "{out}");
    }
}
