//! `cargo bench`: the full pipeline and its stages on generated Greek news-style text
//! (see `benches/support/newsgen.rs`; no outside corpus), recognizer build time, and a
//! batch on 1 vs 2 threads. Throughput is reported in bytes per second, allocations by
//! divan's allocation profiler. `examples/throughput.rs` gives the same numbers (plus
//! peak RSS and 100 MB inputs) without a harness.

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, AllocProfiler, Bencher};
use greek_ner::normalize::FoldedText;
use greek_ner::Recognizer;

#[path = "support/newsgen.rs"]
mod newsgen;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

const KB: usize = 1 << 10;
const MB: usize = 1 << 20;

/// 32 MB of articles and the byte offsets where each ends.
static TEXT: LazyLock<(String, Vec<usize>)> = LazyLock::new(|| {
    let names = newsgen::Names::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut text = String::new();
    let ends = newsgen::Gen::new(&names, 42).text(32 * MB, &mut text);
    (text, ends)
});

/// Whole articles making up about `size` bytes (at least one).
fn articles(size: usize) -> Vec<&'static str> {
    let (text, ends) = &*TEXT;
    let n = ends.partition_point(|&e| e <= size).max(1);
    let mut start = 0;
    ends[..n]
        .iter()
        .map(|&e| {
            let a = &text[start..e];
            start = e;
            a
        })
        .collect()
}

fn run(b: Bencher, ner: &Recognizer, size: usize) {
    let docs = articles(size);
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut w = ner.worker();
    b.counter(BytesCount::new(bytes)).bench_local(|| {
        for d in &docs {
            black_box(w.extract(black_box(d)));
        }
    });
}

fn main() {
    LazyLock::force(&TEXT);
    divan::main();
}

/// Building the default recognizer from scratch (every embedded gazetteer, all stages).
#[divan::bench(sample_count = 20)]
fn build_default() -> Recognizer {
    Recognizer::builder().build().unwrap()
}

/// Full pipeline, all stages, each article one document; cost should grow linearly.
#[divan::bench(args = [KB, 10 * KB, 100 * KB, MB, 10 * MB], sample_count = 10)]
fn full_pipeline(b: Bencher, size: usize) {
    run(b, &Recognizer::default(), size);
}

/// The largest input, fewer samples.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn full_pipeline_32mb(b: Bencher) {
    run(b, &Recognizer::default(), 32 * MB);
}

/// Stage 0 alone: folding with the offset map, line by line as the recognizer does.
#[divan::bench(sample_count = 20)]
fn normalisation_1mb(b: Bencher) {
    let docs = articles(MB);
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut f = FoldedText::default();
    b.counter(BytesCount::new(bytes)).bench_local(|| {
        for d in &docs {
            for line in d.split_inclusive('\n') {
                f.fold_into(line);
                black_box(f.as_str());
            }
        }
    });
}

/// Normalisation + gazetteer matching (later stages off).
#[divan::bench(sample_count = 20)]
fn matching_1mb(b: Bencher) {
    run(b, &Recognizer::builder().gazetteer_only().build().unwrap(), MB);
}

/// Everything: the difference to `matching_1mb` is the rule and document stages.
#[divan::bench(sample_count = 20)]
fn rules_and_document_1mb(b: Bencher) {
    run(b, &Recognizer::default(), MB);
}

/// A batch of 4 MB of articles split over 1 or 2 threads (same total work).
#[divan::bench(args = [1, 2], sample_count = 10)]
fn batch_threads(b: Bencher, threads: usize) {
    let docs = articles(4 * MB);
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let ner = Recognizer::default();
    let chunk = docs.len().div_ceil(threads);
    b.counter(BytesCount::new(bytes)).bench_local(|| {
        std::thread::scope(|s| {
            for part in docs.chunks(chunk) {
                let ner = &ner;
                s.spawn(move || {
                    let mut w = ner.worker();
                    for d in part {
                        black_box(w.extract(d));
                    }
                });
            }
        });
    });
}
