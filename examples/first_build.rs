//! Time of the first `Recognizer::default()` in a fresh process, and the RSS after it:
//! what `BENCHMARKS.md` reports as the first build. Prints one JSON line.
//!
//! ```text
//! cargo run --release --example first_build
//! ```

use std::time::Instant;

fn vm_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let rss_before = vm_kb("VmRSS:");
    let t = Instant::now();
    let ner = greek_ner::Recognizer::default();
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let rss_after = vm_kb("VmRSS:");
    let t = Instant::now();
    let n = ner.extract("Ο Κυριάκος Μητσοτάκης συναντήθηκε στην Αθήνα με την Ευρωπαϊκή Επιτροπή.").len();
    let first_call_us = t.elapsed().as_secs_f64() * 1e6;
    println!(
        "{{\"first_build_ms\":{build_ms:.3},\"first_call_us\":{first_call_us:.1},\"entities\":{n},\"rss_before_kb\":{},\"rss_after_kb\":{}}}",
        rss_before.unwrap_or(0),
        rss_after.unwrap_or(0)
    );
}
