//! `ccsim serve`: the binary started on a free port, spoken to over plain HTTP/1.1 from a
//! std TcpStream: the run API answers exactly what `ccsim run --json` writes, bad input
//! and oversized bodies are refused, a full queue answers 503, concurrent clients are all
//! served, and a page's newer request replaces its older one.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::common::{assert_success, bin};

const WEEKDAY: &str = include_str!("../../scenarios/weekday.toml");

/// A running `ccsim serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(bin())
            .arg("serve")
            .args(args)
            .args(["--port", "0"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("ccsim serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the bound address is printed");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// Sends one request and returns the status and the body.
    fn send(&self, method: &str, target: &str, body: &[u8]) -> (u16, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connects");
        let head = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            body.len()
        );
        s.write_all(head.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        read_response(s)
    }

    fn post(&self, target: &str, body: &str) -> (u16, String) {
        self.send("POST", target, body.as_bytes())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_response(mut s: TcpStream) -> (u16, String) {
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("a response");
    let text = String::from_utf8(raw).expect("UTF-8");
    let (head, body) = text.split_once("\r\n\r\n").expect("headers end");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    (status, body.to_string())
}

fn error_of(body: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(body).expect("a JSON error");
    v["error"].as_str().expect("an error message").to_string()
}

/// `ccsim ARGS` run in `dir`.
fn ccsim_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("ccsim runs")
}

#[test]
fn the_run_api_answers_exactly_what_run_json_writes() {
    let server = Server::start(&["scenarios"]);
    assert!(
        server.addr.starts_with("127.0.0.1:"),
        "binds {}",
        server.addr
    );
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let (status, api) = server.post(
        "/api/run?file=weekday.toml&replications=40&seed=11&set=staffing.shrinkage%3D0.25&set=staffing.agents%3D*1.1",
        WEEKDAY,
    );
    assert_eq!(status, 200, "{api}");
    let cli = ccsim_in(
        &scenarios,
        &[
            "run",
            "weekday.toml",
            "-n",
            "40",
            "--seed",
            "11",
            "--set",
            "staffing.shrinkage=0.25",
            "--set",
            "staffing.agents=*1.1",
            "--json",
            "-",
        ],
    );
    assert_success(&cli);
    assert_eq!(api, String::from_utf8(cli.stdout).unwrap());
    // The scenario's own replications and seed, and the CSV the command line writes.
    let (_, api) = server.post("/api/run?file=weekday.toml", WEEKDAY);
    let cli = ccsim_in(&scenarios, &["run", "weekday.toml", "--json", "-"]);
    assert_eq!(api, String::from_utf8(cli.stdout).unwrap());
    let (_, csv) = server.post(
        "/api/run?file=weekday.toml&format=csv&replications=10",
        WEEKDAY,
    );
    let cli = ccsim_in(
        &scenarios,
        &["run", "weekday.toml", "-n", "10", "--csv", "-"],
    );
    assert_eq!(csv, String::from_utf8(cli.stdout).unwrap());
}

#[test]
fn a_bad_scenario_or_option_answers_400_with_the_message_check_gives() {
    let server = Server::start(&["--max-replications", "500"]);
    let bad = WEEKDAY.replace("shrinkage = 0.30", "shrinkage = 1.7");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), &bad).unwrap();
    let check = ccsim_in(dir.path(), &["check", "bad.toml"]);
    let said = String::from_utf8(check.stderr).unwrap();
    let first = said.lines().next().unwrap().trim_start_matches("error: ");
    let (status, body) = server.post("/api/run?file=bad.toml", &bad);
    assert_eq!(status, 400);
    assert_eq!(error_of(&body), first);
    assert!(first.contains("staffing.shrinkage"), "{first}");
    // An override that breaks it, named as on the command line.
    let (status, body) = server.post("/api/run?set=staffing.shrinkage%3D2", WEEKDAY);
    assert_eq!(status, 400);
    assert!(
        error_of(&body).contains("--set staffing.shrinkage=2"),
        "{body}"
    );
    // The command line's caps, and the server's own.
    for (query, says) in [
        ("replications=1", "from 2 to"),
        ("replications=501", "at most 500"),
        ("file=..%2Fsecret.toml", "without folders"),
        ("path=%2Fetc%2Fpasswd", "unknown option"),
    ] {
        let (status, body) = server.post(&format!("/api/run?{query}"), WEEKDAY);
        assert_eq!(status, 400, "{query}");
        assert!(error_of(&body).contains(says), "{query}: {body}");
    }
}

#[test]
fn a_body_over_one_mebibyte_answers_413() {
    let server = Server::start(&[]);
    // Declared too large: refused before the body is read.
    let mut s = TcpStream::connect(&server.addr).unwrap();
    let head =
        "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\nConnection: close\r\n\r\n";
    s.write_all(head.as_bytes()).unwrap();
    let (status, body) = read_response(s);
    assert_eq!(status, 413);
    assert!(error_of(&body).contains("1 MiB"), "{body}");
    // Exactly the limit is read (and is no scenario).
    let mut big = WEEKDAY.to_string();
    big.push_str(&"#".repeat((1 << 20) - big.len()));
    let (status, _) = server.post("/api/run", &big);
    assert_eq!(status, 200);
}

#[test]
fn a_full_queue_answers_503_and_the_admitted_requests_are_answered() {
    let server = Server::start(&["--jobs", "1", "--queue", "1"]);
    let statuses: Vec<(u16, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| server.post("/api/run?replications=2000", WEEKDAY)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let busy = statuses.iter().filter(|(s, _)| *s == 503).count();
    let done = statuses.iter().filter(|(s, _)| *s == 200).count();
    assert!(
        busy >= 1 && done >= 1 && busy + done == 4,
        "{:?}",
        statuses.iter().map(|s| s.0).collect::<Vec<_>>()
    );
    let refused = statuses.iter().find(|(s, _)| *s == 503).unwrap();
    assert!(error_of(&refused.1).contains("busy"), "{}", refused.1);
}

#[test]
fn twelve_concurrent_requests_are_all_answered() {
    let server = Server::start(&[]);
    let answers: Vec<(u64, u16, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12u64)
            .map(|seed| {
                let server = &server;
                scope.spawn(move || {
                    let (s, b) =
                        server.post(&format!("/api/run?replications=20&seed={seed}"), WEEKDAY);
                    (seed, s, b)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (seed, status, body) in answers {
        assert_eq!(status, 200, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["scenarios"][0]["seed"], seed);
        assert_eq!(v["scenarios"][0]["replications"], 20);
    }
}

#[test]
fn a_newer_request_from_the_same_page_replaces_the_older_one() {
    let server = Server::start(&["--jobs", "2", "--max-replications", "200000"]);
    std::thread::scope(|scope| {
        let older =
            scope.spawn(|| server.post("/api/run?client=page1&replications=100000", WEEKDAY));
        // Only orders the two requests; nothing is timed.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let (status, body) = server.post("/api/run?client=page1&replications=20", WEEKDAY);
        assert_eq!(status, 200, "{body}");
        let (status, body) = older.join().unwrap();
        assert_eq!(status, 409, "{body}");
        assert!(error_of(&body).contains("newer request"), "{body}");
    });
}

#[test]
fn compare_gives_the_paired_difference_from_the_scenario_as_loaded() {
    let server = Server::start(&[]);
    let q = "replications=60&set=staffing.agents%3D*0.9";
    let (status, body) = server.post(&format!("/api/compare?{q}"), WEEKDAY);
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let (_, base) = server.post("/api/run?replications=60", WEEKDAY);
    let (_, changed) = server.post(&format!("/api/run?{q}"), WEEKDAY);
    let sl = |text: &str| -> f64 {
        let r: serde_json::Value = serde_json::from_str(text).unwrap();
        r["scenarios"][0]["metrics"]["service_level"]["mean"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(
        v["report"],
        serde_json::from_str::<serde_json::Value>(&changed).unwrap()
    );
    let d = &v["comparison"]["metrics"]["service_level"];
    assert_eq!(v["comparison"]["paired"], true);
    assert!((d["mean"].as_f64().unwrap() - (sl(&changed) - sl(&base))).abs() < 1e-12);
    assert!(d["half_width"].as_f64().unwrap() < d["unpaired_half_width"].as_f64().unwrap());
    assert!(
        d["mean"].as_f64().unwrap() < 0.0,
        "fewer agents, lower service level"
    );
}

#[test]
fn the_page_and_the_list_come_from_the_binary_and_the_folder_given() {
    let server = Server::start(&["scenarios/multi-skill"]);
    let (status, list) = server.send("GET", "/api/scenarios", b"");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    let names: Vec<&str> = v["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bilingual.toml", "sales-support.toml"]);
    let (status, text) = server.send("GET", "/api/scenario?name=bilingual.toml", b"");
    assert_eq!(status, 200);
    assert!(text.contains("Bilingual centre"));
    for name in ["..%2Fweekday.toml", "study", "%2Fetc%2Fpasswd"] {
        let (status, _) = server.send("GET", &format!("/api/scenario?name={name}"), b"");
        assert_eq!(status, 404, "{name}");
    }
    for asset in ["/", "/page.js", "/page.css"] {
        let (status, text) = server.send("GET", asset, b"");
        assert_eq!(status, 200, "{asset}");
        // Nothing is fetched from the network: the only URL is the SVG namespace.
        let urls = text.replace("http://www.w3.org/2000/svg", "");
        assert!(
            !urls.contains("http://") && !urls.contains("https://") && !urls.contains("//cdn"),
            "{asset}"
        );
    }
}

#[test]
fn set_star_scales_numbers_and_keeps_whole_numbers_whole() {
    let sets = [
        "staffing.agents=*1.5",
        "arrivals.volumes=*0.5",
        "staffing.shrinkage=*0.5",
    ]
    .map(|s| ccsim::overrides::parse_set(s).unwrap());
    let (text, _) = ccsim::overrides::apply(WEEKDAY, &sets).unwrap();
    assert!(
        text.contains("agents = [35, 47, 63, 78, 83, 84, 83, 77, 68, 63, 65, 72,"),
        "{text}"
    );
    assert!(
        text.contains("volumes = [30, 45, 65, 83, 95, 100,"),
        "{text}"
    );
    assert!(text.contains("shrinkage = 0.15"), "{text}");
    assert!(ccsim::overrides::parse_set("staffing.agents=*-1").is_err());
    assert!(ccsim::overrides::parse_set("staffing.agents=*x").is_err());
    let missing =
        ccsim::overrides::apply(WEEKDAY, &[ccsim::overrides::parse_set("lines=*2").unwrap()]);
    assert!(missing.unwrap_err().contains("scale"));
}
