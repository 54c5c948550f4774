//! A recognizer shared between threads gives exactly the single-thread answers, whatever the
//! number of threads and however the batch is split: byte-identical when serialized.

use std::sync::Arc;

use greek_ner::{BuildError, Entity, Recognizer, Worker};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn types_cross_threads() {
    assert_send_sync::<Recognizer>();
    assert_send_sync::<Entity>();
    assert_send_sync::<Vec<Entity>>();
    assert_send_sync::<BuildError>();
    assert_send_sync::<Worker>();
}

/// Texts of every kind, long and short, with names that the document pass links.
fn batch() -> Vec<String> {
    let pieces = [
        "Ο Βλαντίμιρ Πούτιν μίλησε στη Μόσχα. Ο Πούτιν είπε ότι η Ρωσία δεν θα υποχωρήσει.",
        "Η ΝΔ και η Ευρωπαϊκή Επιτροπή συμφώνησαν στην Αθήνα.",
        "Ο ΚΙΜ ΓΙΟΝΓΚ ΟΥΝ ΕΠΙΣΚΕΦΘΗΚΕ ΤΟ ΒΛΑΔΙΒΟΣΤΟΚ.\r\nΟ Κιμ έφυγε.",
        "🇬🇷 Αθήνα\u{200D} · Ρω\u{200C}σία \u{FEFF}· \0 «Κρεμλίνο»",
        "",
        "Κείμενο χωρίς κανένα όνομα μέσα του.",
        "Της Βόρειας Κορέας, των Ηνωμένων Πολιτειών και του Κρεμλίνου.",
    ];
    (0..400)
        .map(|i| {
            let n = 1 + i % 5;
            (0..n).map(|k| pieces[(i + k) % pieces.len()]).collect::<Vec<_>>().join("\n")
        })
        .collect()
}

fn serialize(results: &[Vec<Entity>]) -> String {
    results.iter().map(|r| serde_json::to_string(r).unwrap() + "\n").collect()
}

/// Runs the batch on `threads` threads, each taking every `threads`-th text (its own worker
/// or the shared `extract`), and puts the answers back in input order.
fn run_threaded(
    ner: &Recognizer,
    texts: &Arc<Vec<String>>,
    threads: usize,
    use_worker: bool,
) -> Vec<Vec<Entity>> {
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let ner = ner.clone();
            let texts = Arc::clone(texts);
            std::thread::spawn(move || {
                let mut worker = ner.worker();
                (t..texts.len())
                    .step_by(threads)
                    .map(|i| (i, if use_worker { worker.extract(&texts[i]) } else { ner.extract(&texts[i]) }))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut out = vec![Vec::new(); texts.len()];
    for h in handles {
        for (i, ents) in h.join().expect("no thread panics") {
            out[i] = ents;
        }
    }
    out
}

#[test]
fn batch_from_several_threads_equals_single_thread() {
    let ner = Recognizer::default();
    let texts = Arc::new(batch());
    let single: Vec<Vec<Entity>> = texts.iter().map(|t| ner.extract(t)).collect();
    assert!(single.iter().map(Vec::len).sum::<usize>() > 400, "the batch has entities");
    let expected = serialize(&single);
    for threads in [1, 2, 3, 8] {
        for use_worker in [false, true] {
            let got = run_threaded(&ner, &texts, threads, use_worker);
            assert_eq!(got, single, "{threads} threads, worker: {use_worker}");
            assert_eq!(serialize(&got), expected, "{threads} threads, worker: {use_worker}");
        }
    }
}

#[test]
fn recognizers_built_on_different_threads_agree() {
    let texts = Arc::new(batch());
    let built: Vec<Recognizer> = (0..3)
        .map(|_| std::thread::spawn(|| Recognizer::builder().build().expect("embedded gazetteers")))
        .map(|h| h.join().unwrap())
        .collect();
    let reference = serialize(&texts.iter().map(|t| built[0].extract(t)).collect::<Vec<_>>());
    for ner in &built[1..] {
        assert_eq!(serialize(&run_threaded(ner, &texts, 2, true)), reference);
    }
}

#[test]
fn shared_by_reference_in_scoped_threads() {
    let ner = Recognizer::default();
    let texts = batch();
    let single: Vec<Vec<Entity>> = texts.iter().map(|t| ner.extract(t)).collect();
    let chunks: Vec<Vec<Vec<Entity>>> = std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .chunks(37)
            .map(|chunk| s.spawn(|| chunk.iter().map(|t| ner.extract(t)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(chunks.concat(), single);
}
