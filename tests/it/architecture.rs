//! The layers hold: read from the source's own `crate::` paths, every module imports only
//! from its own layer or the layers below it, and no two modules import each other,
//! directly or round a longer circle; inside a module folder, no two of its files import
//! each other through `super::` either. Run it alone with
//! `cargo test --release --test it architecture`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first, as folders of `src/`.
const LAYERS: [&str; 7] = [
    "foundation",
    "input",
    "simulation",
    "study",
    "planning",
    "output",
    "cli",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file belongs to: `layer/name` (a folder or a file directly in the layer).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.len() < 2 {
        return None; // lib.rs and main.rs wire the layers together
    }
    let name = parts[1].trim_end_matches(".rs");
    Some(format!(
        "{}/{}",
        parts[0],
        if name == "mod" { "" } else { name }
    ))
}

/// The short paths `lib.rs` re-exports (`crate::scenario` is `input/scenario`).
fn short_paths() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut map = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let (layer, names) = rest.split_once("::").unwrap();
        let names = names
            .trim_end_matches(';')
            .trim_matches(|c| c == '{' || c == '}');
        for name in names.split(',') {
            map.insert(name.trim().to_string(), format!("{layer}/{}", name.trim()));
        }
    }
    map
}

/// Every module a file's text names through `crate::…`, outside comments.
fn imports(text: &str, short: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            if i > 0 && code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue; // `ccsim_crate::` or the like
            }
            let path: Vec<&str> = code[i + 7..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .collect();
            let first = path[0];
            if let Some(m) = short.get(first) {
                found.insert(m.clone());
            } else if LAYERS.contains(&first) {
                // `crate::study::Study` names the layer's own root, not a module of it.
                let second = path.get(1).copied().unwrap_or("");
                let module = if second.starts_with(|c: char| c.is_lowercase()) {
                    second
                } else {
                    ""
                };
                found.insert(format!("{first}/{module}"));
            }
        }
    }
    found
}

fn layer_rank(module: &str) -> usize {
    let layer = module.split('/').next().unwrap();
    LAYERS.iter().position(|l| *l == layer).unwrap()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let short = short_paths();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(from) = module_of(&file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let targets = imports(&text, &short);
        let entry = g.entry(from.clone()).or_default();
        entry.extend(targets.into_iter().filter(|t| *t != from));
    }
    g
}

#[test]
fn every_module_imports_only_from_its_layer_or_below() {
    let mut upward = Vec::new();
    for (from, targets) in graph() {
        for to in targets {
            if layer_rank(&to) > layer_rank(&from) {
                upward.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(upward.is_empty(), "imports running back up: {upward:#?}");
}

/// The circles of a graph, each written `a -> b -> a`.
fn circles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    // Depth-first search with colours: an edge to a module still on the stack closes a circle.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
        circles: &mut Vec<String>,
    ) {
        state.insert(m.to_string(), 1);
        stack.push(m.to_string());
        for next in g.get(m).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                0 => visit(next, g, state, stack, circles),
                1 => {
                    let at = stack.iter().position(|s| s == next).unwrap();
                    circles.push(format!("{} -> {next}", stack[at..].join(" -> ")));
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(m.to_string(), 2);
    }
    let (mut state, mut stack, mut circles) = (BTreeMap::new(), Vec::new(), Vec::new());
    for m in g.keys() {
        if !state.contains_key(m.as_str()) {
            visit(m, g, &mut state, &mut stack, &mut circles);
        }
    }
    circles
}

#[test]
fn no_two_modules_import_each_other_round_any_circle() {
    let circles = circles(&graph());
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}

/// The files of a module folder (`mod.rs`, which wires them together, aside) and the
/// siblings each names through `super::`, outside comments.
fn sibling_graph(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut siblings = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() || (path.extension().is_some_and(|e| e == "rs") && stem != "mod") {
            siblings.insert(stem);
        }
    }
    let mut g = BTreeMap::new();
    for name in &siblings {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{name}.rs"))) else {
            continue; // a folder: its own files are checked on their own
        };
        g.insert(name.clone(), super_imports(&text, &siblings, name));
    }
    g
}

/// The siblings named by `super::name` or `super::{name::…, …}` in `text`.
fn super_imports(text: &str, siblings: &BTreeSet<String>, own: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("super::") {
            let rest = &code[i + 7..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
                None => vec![rest],
            };
            for n in names {
                let first = n.trim().split(|c: char| !(c.is_alphanumeric() || c == '_'));
                if let Some(first) = first.into_iter().next() {
                    if first != own && siblings.contains(first) {
                        found.insert(first.to_string());
                    }
                }
            }
        }
    }
    found
}

#[test]
fn no_two_files_of_a_module_import_each_other_round_any_circle() {
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for f in files.iter().filter(|f| f.ends_with("mod.rs")) {
        dirs.push(f.parent().unwrap().to_path_buf());
    }
    assert!(dirs.iter().any(|d| d.ends_with("simulation/model")));
    let mut found = Vec::new();
    for dir in dirs {
        let rel = dir.strip_prefix(src()).unwrap().display().to_string();
        found.extend(
            circles(&sibling_graph(&dir))
                .into_iter()
                .map(|c| format!("{rel}: {c}")),
        );
    }
    assert!(found.is_empty(), "import circles between files: {found:#?}");
}

#[test]
fn the_reader_of_super_imports_sees_single_and_grouped_paths() {
    let siblings: BTreeSet<String> = ["agents", "chat", "flow", "log"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let text =
        "use super::agents::GroupState;\nuse super::{flow::after, log, Centre};\n// super::chat\n";
    let want: BTreeSet<String> = ["agents", "flow", "log"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(super_imports(text, &siblings, "chat"), want);
}

#[test]
fn the_reader_of_imports_sees_short_paths_layers_and_skips_comments() {
    let short = short_paths();
    let text = "use crate::scenario::Scenario;\n// crate::chart in a comment\nlet x = crate::study::Study::new();\n";
    let found = imports(text, &short);
    let want: BTreeSet<String> = ["input/scenario", "study/"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, want);
}
