//! Throughput of [`Recognizer::extract`] on real text, one document per line: what
//! `BENCHMARKS.md` reports as the real-news figure (elNER sentences, one per call, owned
//! entities, the default recognizer). Prints one JSON line.
//!
//! ```text
//! python3 ../shared/tools/nereval.py docs train.iob2 | jq -r .text > train.txt
//! cargo run --release --example news_throughput -- train.txt [--repeat K] [--model PATH]
//! ```
//!
//! With `--model`, the recognizer loads that model file (`Recognizer::save_model`) on top
//! of the default one.
//!
//! Time is the thread's CPU time (`/proc/thread-self/schedstat`) where available, so that
//! the figure holds on a shared machine; the best of `K` runs of at least one second each.

use std::hint::black_box;
use std::time::{Duration, Instant};

use greek_ner::Recognizer;

/// CPU time of the calling thread in seconds; `None` where unavailable.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: news_throughput FILE [--repeat K] [--model PATH]";
    let path = args.next().unwrap_or_else(|| {
        eprintln!("{usage}");
        std::process::exit(2)
    });
    let (mut repeat, mut model) = (3u32, None);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--repeat", Some(k)) => {
                repeat = k.parse().unwrap_or_else(|_| {
                    eprintln!("{usage}");
                    std::process::exit(2)
                })
            }
            ("--model", Some(m)) => model = Some(m),
            _ => {
                eprintln!("{usage}");
                std::process::exit(2)
            }
        }
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("news_throughput: {path}: {e}");
        std::process::exit(1)
    });
    let docs: Vec<&str> = text.lines().collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let ner = match &model {
        Some(m) => Recognizer::builder().model_path(m).build().unwrap_or_else(|e| {
            eprintln!("news_throughput: {e}");
            std::process::exit(2)
        }),
        None => Recognizer::default(),
    };
    let mut entities = 0;
    let mut best = f64::INFINITY;
    for _ in 0..repeat.max(1) {
        let (wall, cpu) = (Instant::now(), thread_cpu());
        let mut runs = 0u32;
        while runs == 0 || wall.elapsed() < Duration::from_secs(1) {
            entities = docs.iter().map(|d| black_box(ner.extract(d)).len()).sum::<usize>();
            runs += 1;
        }
        let secs = match (cpu, thread_cpu()) {
            (Some(a), Some(b)) => b - a,
            _ => wall.elapsed().as_secs_f64(),
        };
        best = best.min(secs / f64::from(runs));
    }
    println!(
        "{{\"docs\": {}, \"bytes\": {bytes}, \"seconds\": {best:.4}, \"mb_s\": {:.2}, \"entities\": {entities}}}",
        docs.len(),
        bytes as f64 / best / 1e6
    );
}
