//! A request's query string: percent-decoded pairs, and the options they carry. Nothing
//! in it names a path: `file` is a label for messages and the report, never opened.

use super::engine::Options;
use crate::limits;

/// The pairs of a query string (`a=1&set=x%3D2`), decoded, in order.
pub fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `%XX` and `+` decoded; a malformed escape is kept as written.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// The request's options and the page's id, checked as the command line checks them.
pub fn options(
    pairs: &[(String, String)],
    max_replications: u32,
) -> Result<(Options, Option<String>), String> {
    let mut o = Options {
        file: "scenario.toml".to_string(),
        max_replications,
        ..Options::default()
    };
    let mut client = None;
    for (k, v) in pairs {
        match k.as_str() {
            "replications" => {
                let n: u32 = v.trim().parse().map_err(|_| {
                    format!(
                        "replications={v}: expected a whole number from 2 to {}",
                        limits::MAX_REPLICATIONS
                    )
                })?;
                if !(2..=limits::MAX_REPLICATIONS).contains(&n) {
                    return Err(format!(
                        "replications={v}: expected a whole number from 2 to {}",
                        limits::MAX_REPLICATIONS
                    ));
                }
                o.replications = Some(n);
            }
            "seed" => {
                let s: u64 = v
                    .trim()
                    .parse()
                    .ok()
                    .filter(|&s| s <= i64::MAX as u64)
                    .ok_or_else(|| {
                        format!("seed={v}: expected a whole number from 0 to 2^63 − 1")
                    })?;
                o.seed = Some(s);
            }
            "set" => o.sets.push(crate::overrides::parse_set(v)?),
            "file" => o.file = bare_name(v)?,
            "format" => {
                o.csv = match v.as_str() {
                    "json" => false,
                    "csv" => true,
                    _ => return Err(format!("format={v}: expected json or csv")),
                }
            }
            "client" => {
                if v.is_empty() || v.len() > 64 {
                    return Err("client: expected an id of 1 to 64 characters".into());
                }
                client = Some(v.clone());
            }
            _ => {
                return Err(format!(
                    "unknown option `{k}`: expected replications, seed, set, file, format or client"
                ))
            }
        }
    }
    Ok((o, client))
}

/// A file name without any folder: the label a pasted or listed scenario is known by.
fn bare_name(v: &str) -> Result<String, String> {
    let ok = !v.is_empty()
        && v.len() <= 200
        && !v.contains(['/', '\\'])
        && v != "."
        && v != ".."
        && !v.chars().any(char::is_control);
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!("file={v}: expected a file name without folders"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_plus_and_keeps_malformed_ones() {
        assert_eq!(decode("staffing.agents%3D*1.1"), "staffing.agents=*1.1");
        assert_eq!(decode("a+b%2"), "a b%2");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%C3%A9"), "é");
    }

    #[test]
    fn repeated_sets_are_kept_in_order_and_paths_are_refused() {
        let p = pairs(Some("set=a.b%3D1&set=c%3D2&replications=20&file=w.toml"));
        let (o, client) = options(&p, 1000).unwrap();
        assert_eq!(o.sets.len(), 2);
        assert_eq!(o.sets[1].arg(), "c=2");
        assert_eq!(o.replications, Some(20));
        assert_eq!(client, None);
        assert!(options(&pairs(Some("file=..%2Fx.toml")), 1000).is_err());
        assert!(options(&pairs(Some("replications=1")), 1000).is_err());
        assert!(options(&pairs(Some("path=x")), 1000).is_err());
    }
}
