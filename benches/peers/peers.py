#!/usr/bin/env python3
"""Peers: the same text and the same names through spaCy's EntityRuler, flashtext and a bare
Aho-Corasick scan (pyahocorasick), next to greek-ner's full pipeline. Prints each one's MB/s and
greek-ner's ratio to it. Not run in CI; see README.md beside this file.

    python3 benches/peers/peers.py [--mb 10] [--spacy-mb 1] [--out DIR]

It builds and runs `cargo run --release --example throughput` to write the bench text (generated
Greek news-style articles, see benches/support/newsgen.rs) and the names it is made from (every
name and alias of gazetteers/**/*.tsv), then times every tool on that text line by line, in
process CPU time (the machine may be shared). Only the matching is timed; building each matcher
is timed apart.
"""
import argparse, json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cpu():
    return time.process_time()


def load(out, mb):
    text_path, names_path = os.path.join(out, f'bench{mb}.txt'), os.path.join(out, 'names.tsv')
    exe = [os.path.join(os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target')), 'release', 'examples', 'throughput')]
    subprocess.run(['cargo', 'build', '--quiet', '--release', '--example', 'throughput'], cwd=ROOT, check=True)
    subprocess.run(exe + ['--write-text', text_path, '--mb', str(mb)], check=True)
    subprocess.run(exe + ['--write-names', names_path], check=True)
    names = [tuple(l.rstrip('\n').split('\t', 1)) for l in open(names_path, encoding='utf-8') if '\t' in l]
    return exe, text_path, open(text_path, encoding='utf-8').read(), names


def ours(exe, text_path):
    r = subprocess.run(exe + ['--file', text_path, '--repeat', '3'], check=True, capture_output=True, text=True)
    d = json.loads(r.stdout)
    return dict(tool='greek-ner (full pipeline)', mb_s=d['mb_s'], build_ms=d['build_ms'], hits=d['entities'])


def timed(name, build, run, lines, nbytes):
    t = cpu(); m = build(); build_ms = (cpu() - t) * 1e3
    best, hits = float('inf'), 0
    for _ in range(3):
        t = cpu(); hits = run(m, lines); best = min(best, cpu() - t)
        if best > 20: break
    return dict(tool=name, mb_s=nbytes / best / 1e6, build_ms=build_ms, hits=hits)


def greek_word_chars():
    import string
    chars = set(string.ascii_letters + string.digits + '_')
    for cp in list(range(0x0370, 0x0400)) + list(range(0x1F00, 0x2000)) + list(range(0xC0, 0x250)):
        c = chr(cp)
        if c.isalnum(): chars.add(c)
    return chars


def flashtext_peer(names, lines, nbytes):
    from flashtext import KeywordProcessor
    def build():
        kp = KeywordProcessor(case_sensitive=False)
        # flashtext's word boundaries are ASCII-only by default: Greek letters must count as word characters.
        kp.set_non_word_boundaries(greek_word_chars())
        for lab, n in names: kp.add_keyword(n, lab)
        return kp
    return timed('flashtext (case-insensitive, whole words)', build,
                 lambda kp, ls: sum(len(kp.extract_keywords(l)) for l in ls), lines, nbytes)


def ahocorasick_peer(names, lines, nbytes):
    import ahocorasick
    def build():
        a = ahocorasick.Automaton()
        for lab, n in names: a.add_word(n.lower(), (lab, n))
        a.make_automaton()
        return a
    return timed('pyahocorasick (bare scan of the lower-cased text, overlapping, no boundaries)', build,
                 lambda a, ls: sum(1 for l in ls for _ in a.iter(l.lower())), lines, nbytes)


def spacy_peer(names, lines, nbytes):
    import spacy
    def build():
        nlp = spacy.blank('el')
        ruler = nlp.add_pipe('entity_ruler', config={'phrase_matcher_attr': 'LOWER'})
        ruler.add_patterns([{'label': lab, 'pattern': n} for lab, n in names])
        return nlp
    return timed(f'spaCy {spacy.__version__} blank("el") + EntityRuler (LOWER)', build,
                 lambda nlp, ls: sum(len(d.ents) for d in nlp.pipe(ls, batch_size=256)), lines, nbytes)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mb', type=int, default=10, help='MB of bench text (default 10)')
    ap.add_argument('--spacy-mb', type=float, default=1.0, help='MB of it given to spaCy (slow; default 1)')
    ap.add_argument('--out', default=os.path.join(ROOT, 'target', 'peers'), help='where to write the text')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    exe, text_path, text, names = load(a.out, a.mb)
    lines = text.splitlines()
    nbytes = len(text.encode('utf-8'))
    print(f'text: {nbytes} bytes, {len(lines)} lines; names: {len(names)}', file=sys.stderr)
    rows = [ours(exe, text_path)]
    for peer in (ahocorasick_peer, flashtext_peer):
        try: rows.append(peer(names, lines, nbytes))
        except ImportError as e: print(f'skipped: {e}', file=sys.stderr)
    # spaCy on a prefix of the text: it is orders of magnitude slower.
    sub, n = [], 0
    for l in lines:
        if n >= a.spacy_mb * (1 << 20): break
        sub.append(l); n += len(l.encode('utf-8')) + 1
    try: rows.append(spacy_peer(names, sub, n))
    except ImportError as e: print(f'skipped: {e}', file=sys.stderr)
    base = rows[0]['mb_s']
    print('| tool | MB/s | build ms | hits | greek-ner / tool |')
    print('|------|-----:|---------:|-----:|-----------------:|')
    for r in rows:
        print(f"| {r['tool']} | {r['mb_s']:.2f} | {r['build_ms']:.0f} | {r['hits']} | {base / r['mb_s']:.2f}x |")
    print(json.dumps(rows), file=sys.stderr)


if __name__ == '__main__':
    main()
