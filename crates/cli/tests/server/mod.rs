//! A running `vigil serve` for the tests, spoken to over HTTP/1.1 with a minimal client.

#![allow(dead_code)] // each test binary uses its own part

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `vigil serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts `vigil serve` on `db` on a free loopback port.
    pub fn start(db: &str, token: Option<&str>) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vigil"));
        cmd.args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
            .env_remove("VIGIL_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(t) = token {
            cmd.env("VIGIL_TOKEN", t);
        }
        let mut child = cmd.spawn().unwrap();
        // The first line names the address (port 0: the system chose one).
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut line).unwrap();
        // Keep reading what it prints, so its stdout never closes under it.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// One request; the status and the body.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, Vec<u8>) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        // The server's own address as Host, unless the test gives one.
        let host = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("host"))
            .map_or(self.addr.as_str(), |(_, v)| v);
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (k, v) in headers
            .iter()
            .filter(|(k, _)| !k.eq_ignore_ascii_case("host"))
        {
            req += &format!("{k}: {v}\r\n");
        }
        req += "\r\n";
        s.write_all(req.as_bytes()).unwrap();
        // A refused (too large) body may be answered before it is all sent.
        let _ = s.write_all(body);
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        let head_end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&raw[..head_end]).to_string();
        let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
        let mut body = raw[head_end + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = dechunk(&body);
        }
        (status, body)
    }

    /// GET, the body parsed as JSON.
    pub fn get(&self, path: &str) -> (u16, Value) {
        let (status, body) = self.request("GET", path, &[], b"");
        let v = serde_json::from_slice(&body).unwrap_or_else(|e| {
            panic!(
                "GET {path}: not JSON ({e}): {}",
                String::from_utf8_lossy(&body)
            )
        });
        (status, v)
    }

    /// GET that must answer 200.
    pub fn ok(&self, path: &str) -> Value {
        let (status, v) = self.get(path);
        assert_eq!(status, 200, "GET {path}: {v}");
        v
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(nl) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let n = usize::from_str_radix(std::str::from_utf8(&b[..nl]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + n]);
        b = &b[nl + 2 + n + 2..];
    }
}

/// Four months of steady verbal conflict between Russia and Ukraine, some cooperation
/// elsewhere, then a week of shelling: one alert.
pub fn corpus(path: &Path) {
    let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    let mut lines = String::new();
    for i in 0..120 {
        let day = start + chrono::Duration::days(i);
        let rec = |id: String, title: &str, text: &str| {
            json!({"id": id, "date": day.to_string(), "title": title, "text": text}).to_string()
                + "\n"
        };
        lines += &rec(
            format!("q{i}"),
            "Talks stall",
            "Russia criticised Ukraine over the talks.",
        );
        lines += &rec(
            format!("c{i}"),
            "Aid pledged",
            "France pledged aid to Mali. The talks went on in Paris.",
        );
        if i >= 113 {
            for k in 0..3 {
                lines += &rec(
                    format!("s{i}-{k}"),
                    "Shelling near the border",
                    "Russian forces shelled Ukrainian positions near Kharkiv.",
                );
            }
        }
    }
    std::fs::write(path, lines).unwrap();
}
