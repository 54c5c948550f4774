//! Throughput, build time and peak memory of the default recognizer, without a benchmark
//! harness: what `BENCHMARKS.md` reports.
//!
//! ```text
//! cargo run --release --example throughput [-- --max-mb N] [--learn-iob2 PATH | --model PATH]
//! throughput --write-text FILE --mb N      write N MB of the bench text (for benches/peers)
//! throughput --write-names FILE            write the names the text is made from (label TAB name)
//! throughput --file FILE [--repeat K]      MB/s of the full pipeline on FILE, line by line, as JSON
//! ```
//!
//! The text is Greek news-style articles generated from the authors' own sentence
//! templates and names from the project's gazetteers (`benches/support/newsgen.rs`).
//! Measured, in this order:
//!
//! 1. build time of the default recognizer (every embedded gazetteer, all stages), fresh
//!    each time, min and median of 7;
//! 2. peak RSS (`VmHWM`) while streaming `--max-mb` MB of articles through one worker,
//!    article by article, without holding the text: the library's own footprint;
//! 3. MB/s of the full pipeline for texts of 1 KB to `--max-mb` MB, each text processed
//!    article by article (each article one document), and for one call on the whole text
//!    up to 10 MB;
//! 4. the stages apart: normalisation alone (folding with the offset map), gazetteer
//!    lookup alone (`gazetteer_only`), the full pipeline;
//! 5. a batch of articles on 1 and 2 threads.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use greek_ner::normalize::FoldedText;
use greek_ner::Recognizer;

#[path = "../benches/support/newsgen.rs"]
mod newsgen;

fn vm_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or_else(|| "n/a".into(), |k| format!("{:.1} MB", k as f64 / 1024.0))
}

/// CPU time of the calling thread in seconds (`/proc/thread-self/schedstat`), so that
/// single-thread numbers hold on a shared, busy machine; `None` where unavailable.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Runs `f` until at least `min` has passed (and at least once); returns seconds per run,
/// in thread CPU time where available (wall time otherwise).
fn time_per_run(min: Duration, mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    let c = thread_cpu();
    let mut runs = 0u32;
    while runs == 0 || t.elapsed() < min {
        f();
        runs += 1;
    }
    let secs = match (c, thread_cpu()) {
        (Some(a), Some(b)) => b - a,
        _ => t.elapsed().as_secs_f64(),
    };
    secs / f64::from(runs)
}

/// Wall-clock version of [`time_per_run`], for the multi-thread runs.
fn wall_per_run(min: Duration, mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || t.elapsed() < min {
        f();
        runs += 1;
    }
    t.elapsed().as_secs_f64() / f64::from(runs)
}

fn by_article<'t>(text: &'t str, ends: &[usize]) -> Vec<&'t str> {
    let mut start = 0;
    ends.iter()
        .map(|&e| {
            let a = &text[start..e];
            start = e;
            a
        })
        .collect()
}

fn size_label(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes >> 10)
    }
}

/// `--file`: the full pipeline over a file, line by line (each line one document), as
/// the peers in `benches/peers/` process it: the default recognizer plus every gazetteer
/// file under `gazetteers/` that parses, i.e. every name the peers are given.
fn run_file(path: &str, repeat: u32) {
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = Instant::now();
    let mut b = Recognizer::builder();
    for f in newsgen::files(root) {
        if greek_ner::Gazetteer::from_path(&f).is_ok() {
            b = b.gazetteer_path(f);
        }
    }
    let ner = b.build().expect("gazetteers build");
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let mut w = ner.worker();
    let (mut best, mut best_borrowed) = (f64::INFINITY, f64::INFINITY);
    let mut entities = 0;
    for _ in 0..repeat.max(1) {
        let secs = time_per_run(Duration::from_secs(1), || {
            entities = text.lines().map(|l| black_box(w.extract(l)).len()).sum::<usize>();
        });
        best = best.min(secs);
        let secs = time_per_run(Duration::from_secs(1), || {
            black_box(text.lines().map(|l| w.entities(l).map(black_box).count()).sum::<usize>());
        });
        best_borrowed = best_borrowed.min(secs);
    }
    println!(
        "{{\"tool\": \"greek-ner\", \"bytes\": {}, \"seconds\": {best:.4}, \"mb_s\": {:.2}, \"mb_s_borrowed\": {:.2}, \"entities\": {entities}, \"build_ms\": {build_ms:.1}, \"patterns\": {}}}",
        text.len(),
        text.len() as f64 / best / 1e6,
        text.len() as f64 / best_borrowed / 1e6,
        ner.pattern_count()
    );
}

fn main() {
    let mut max_mb = 100usize;
    let mut learn: Option<String> = None;
    let mut model: Option<String> = None;
    let (mut write_text, mut write_names, mut file, mut repeat) = (None, None, None, 3u32);
    let mut args = std::env::args().skip(1);
    let usage = "usage: throughput [--max-mb N] [--learn-iob2 PATH | --model PATH] | --write-text FILE [--mb N] | --write-names FILE | --file FILE [--repeat K]";
    while let Some(a) = args.next() {
        match a.as_str() {
            "--max-mb" | "--mb" => max_mb = args.next().and_then(|s| s.parse().ok()).expect("--max-mb N"),
            "--learn-iob2" => learn = args.next(),
            "--model" => model = args.next(),
            "--write-text" => write_text = args.next(),
            "--write-names" => write_names = args.next(),
            "--file" => file = args.next(),
            "--repeat" => repeat = args.next().and_then(|s| s.parse().ok()).expect("--repeat K"),
            _ => {
                eprintln!("{usage}");
                std::process::exit(2);
            }
        }
    }
    if let Some(path) = file {
        return run_file(&path, repeat);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let names = newsgen::Names::load(root);
    if let Some(path) = write_names {
        std::fs::write(&path, names.tsv()).expect("writable");
        return;
    }
    if let Some(path) = write_text {
        let mut text = String::new();
        newsgen::Gen::new(&names, 42).text(max_mb << 20, &mut text);
        std::fs::write(&path, text).expect("writable");
        return;
    }
    println!("bench text: generated articles, {} names from gazetteers/", names.len());
    println!("RSS at start: {}", mb(vm_kb("VmRSS:")));

    // 1. Build time.
    let builder = || {
        let b = Recognizer::builder();
        let b = match &learn {
            Some(p) => b.learn_iob2(p),
            None => b,
        };
        match &model {
            Some(p) => b.model_path(p),
            None => b,
        }
    };
    let mut times = Vec::new();
    let mut ner = None;
    for _ in 0..7 {
        let t = Instant::now();
        let r = builder().build().expect("default recognizer builds");
        times.push(t.elapsed().as_secs_f64() * 1e3);
        ner = Some(r);
    }
    let ner = ner.unwrap();
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "build: {} entries, {} patterns; first {:.1} ms, min {:.1} ms, median {:.1} ms",
        ner.entry_count(),
        ner.pattern_count(),
        times[0],
        sorted[0],
        sorted[sorted.len() / 2]
    );
    println!("RSS after building: {} (peak so far {})", mb(vm_kb("VmRSS:")), mb(vm_kb("VmHWM:")));

    // 2. Peak memory while streaming.
    let mut gen = newsgen::Gen::new(&names, 7);
    let mut worker = ner.worker();
    let mut article = String::new();
    let (mut done, mut ents) = (0usize, 0usize);
    let t = Instant::now();
    while done < max_mb << 20 {
        article.clear();
        gen.article(&mut article);
        ents += worker.extract(&article).len();
        done += article.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "streamed {} in articles: {:.1} MB/s wall including generating the text, {} entities; peak RSS {}",
        size_label(done),
        done as f64 / secs / 1e6,
        ents,
        mb(vm_kb("VmHWM:"))
    );

    // 3. Sizes.
    let mut text = String::new();
    let mut gen = newsgen::Gen::new(&names, 42);
    let all_ends = gen.text(max_mb << 20, &mut text);
    println!("\n| size | per article MB/s | one call MB/s | entities |");
    println!("|------|-----------------:|--------------:|---------:|");
    for size in [1usize << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20, 100 << 20] {
        if size > max_mb << 20 {
            break;
        }
        // Whole articles up to `size`; below one article, the lines that fit.
        let n = all_ends.partition_point(|&e| e <= size);
        let (slice, articles) = if n > 0 {
            let slice = &text[..all_ends[n - 1]];
            (slice, by_article(slice, &all_ends[..n]))
        } else {
            let mut cut = size;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let slice = &text[..text[..cut].rfind('\n').map_or(cut, |i| i + 1)];
            (slice, vec![slice])
        };
        let min = Duration::from_millis(if size >= 10 << 20 { 1 } else { 400 });
        let mut count = 0;
        let per = time_per_run(min, || {
            count = articles.iter().map(|a| black_box(worker.extract(a)).len()).sum();
        });
        let one = if slice.len() <= 10 << 20 {
            let s = time_per_run(min, || {
                black_box(worker.extract(slice));
            });
            format!("{:.1}", slice.len() as f64 / s / 1e6)
        } else {
            "–".into()
        };
        println!(
            "| {} ({} B) | {:.1} | {} | {} |",
            size_label(size),
            slice.len(),
            slice.len() as f64 / per / 1e6,
            one,
            count
        );
    }
    println!("peak RSS with the {} text in memory: {}", size_label(text.len()), mb(vm_kb("VmHWM:")));

    // 4. Stages, on 10 MB (or less).
    let n = all_ends.partition_point(|&e| e <= 10 << 20).max(1);
    let slice = &text[..all_ends[n - 1]];
    let articles = by_article(slice, &all_ends[..n]);
    let min = Duration::from_millis(1500);
    let mbs = |s: f64| slice.len() as f64 / s / 1e6;
    let mut folded = FoldedText::default();
    let fold = time_per_run(min, || {
        for a in &articles {
            for line in a.split_inclusive('\n') {
                folded.fold_into(line);
                black_box(folded.as_str());
            }
        }
    });
    let gaz = ner.clone();
    // (A model is trained on top of all the stages: not for gazetteer lookup alone.)
    let gaz_only = match &model {
        Some(_) => Recognizer::builder(),
        None => builder(),
    };
    let gaz_only = gaz_only.gazetteer_only().build().expect("builds");
    let mut w = gaz_only.worker();
    let lookup = time_per_run(min, || {
        for a in &articles {
            black_box(w.extract(a));
        }
    });
    let mut w = gaz.worker();
    let full = time_per_run(min, || {
        for a in &articles {
            black_box(w.extract(a));
        }
    });
    let borrowed = time_per_run(min, || {
        for a in &articles {
            for e in w.entities(a) {
                black_box(e);
            }
        }
    });
    println!("\nstages on {}:", size_label(slice.len()));
    println!("| stage | MB/s | ms per MB |");
    println!("|-------|-----:|----------:|");
    let row = |name: &str, s: f64| {
        println!("| {name} | {:.1} | {:.2} |", mbs(s), s * 1e3 / (slice.len() as f64 / 1e6))
    };
    row("normalisation (fold + offset map)", fold);
    row("normalisation + gazetteer lookup (gazetteer_only)", lookup);
    row("full pipeline (all stages), owned entities (`extract`)", full);
    row("full pipeline (all stages), borrowed entities (`Worker::entities`)", borrowed);
    println!(
        "later stages (rules, document pass): {:.2} ms per MB",
        (full - lookup) * 1e3 / (slice.len() as f64 / 1e6)
    );

    // 5. Threads.
    let batch = &articles;
    let one = wall_per_run(min, || {
        let mut w = ner.worker();
        for a in batch.iter() {
            black_box(w.extract(a));
        }
    });
    let two = wall_per_run(min, || {
        let (a, b) = batch.split_at(batch.len() / 2);
        std::thread::scope(|s| {
            for half in [a, b] {
                let ner = &ner;
                s.spawn(move || {
                    let mut w = ner.worker();
                    for a in half {
                        black_box(w.extract(a));
                    }
                });
            }
        });
    });
    println!(
        "\nbatch of {} articles: 1 thread {:.1} MB/s, 2 threads {:.1} MB/s (x{:.2})",
        batch.len(),
        mbs(one),
        mbs(two),
        one / two
    );
    println!("final peak RSS: {}", mb(vm_kb("VmHWM:")));
}
