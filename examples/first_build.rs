//! Time of the first `Recognizer::default()` in a fresh process, and the RSS after it:
//! what `BENCHMARKS.md` reports as the first build. Then, in the same (now warm) process,
//! the median of 9 more builds of the default recognizer (`Recognizer::builder().build()`)
//! and of 3 builds that add an empty gazetteer of one's own (so that everything is compiled
//! at run time). Prints one JSON line. With `--first-only`, only the first build and call
//! (for counting a whole process's instructions: `valgrind --tool=callgrind`).
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
    if std::env::args().any(|a| a == "--first-only") {
        println!(
            "{{\"first_build_ms\":{build_ms:.3},\"first_call_us\":{first_call_us:.1},\"entities\":{n}}}"
        );
        return;
    }
    let median_ms = |runs: usize, build: &dyn Fn() -> greek_ner::Recognizer| {
        let mut ms: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(build());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        ms[runs / 2]
    };
    let warm_ms = median_ms(9, &|| greek_ner::Recognizer::builder().build().expect("builds"));
    let own = || greek_ner::Recognizer::builder().gazetteer(greek_ner::Gazetteer::new("own")).build();
    let run_time_ms = median_ms(3, &|| own().expect("builds"));
    println!(
        "{{\"first_build_ms\":{build_ms:.3},\"first_call_us\":{first_call_us:.1},\"entities\":{n},\"rss_before_kb\":{},\"rss_after_kb\":{},\"warm_build_ms\":{warm_ms:.3},\"run_time_build_ms\":{run_time_ms:.3}}}",
        rss_before.unwrap_or(0),
        rss_after.unwrap_or(0)
    );
}
