"""The spaCy pipeline component ``"greek_ner"``: sets ``doc.ents`` from the recognizer.

    import spacy, greek_ner
    nlp = spacy.blank("el")
    nlp.add_pipe("greek_ner")
    doc = nlp("Ο Κυριάκος Μητσοτάκης μίλησε στις Βρυξέλλες.")
    [(e.text, e.label_, e.kb_id_) for e in doc.ents]

Each entity span has ``kb_id_`` = the canonical id (empty where unknown) and the extension
attributes ``span._.ner_source``, ``span._.ner_confidence``, ``span._.ner_canonical`` and
``span._.ner_kind``.

Spans are aligned to spaCy's tokens with ``alignment_mode="expand"``: a mention that
starts or ends inside a token (rare: spaCy's Greek tokenizer and the recognizer both cut
at spaces and punctuation) is widened to whole tokens rather than dropped. If two widened
mentions then overlap, the longer one is kept.

With a trained pipeline, add it before the ``ner`` (``nlp.add_pipe("greek_ner",
before="ner")``): spaCy's ``ner`` keeps entities that are already set and labels the rest.
Or use it instead of the ``ner`` (``nlp.replace_pipe("ner", "greek_ner")`` or exclude the
``ner`` when loading). ``overwrite_ents`` says what to do with entities set by earlier
components: False (the default) keeps them and adds only mentions that do not overlap
them; True keeps the recognizer's mentions and drops the earlier entities they overlap.
"""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import Entity, shared_recognizer

#: The extension attributes set on each entity span, with what they hold.
EXTENSIONS = {
    "ner_source": "what produced it: gazetteer:<file>:<line>, rule:, document: or pattern:<name>",
    "ner_confidence": "how sure its producer was, from 0 to 1",
    "ner_canonical": "the canonical name, where known",
    "ner_kind": "the entry's kind (country, city, party...), where known",
}

for _name in EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class GreekNER:
    """Sets ``doc.ents`` to the recognizer's persons, places and organisations."""

    def __init__(
        self,
        nlp: Language,
        name: str = "greek_ner",
        *,
        gazetteers: Optional[List[str]] = None,
        default_gazetteers: bool = True,
        learn_iob2: Optional[List[str]] = None,
        train_iob2: Optional[List[str]] = None,
        model: Optional[str] = None,
        gazetteer_only: bool = False,
        patterns: Optional[List[str]] = None,
        veto: Optional[List[str]] = None,
        disable_rules: Optional[List[str]] = None,
        overwrite_ents: bool = False,
        n_threads: int = 1,
    ) -> None:
        self.name = name
        self.recognizer = shared_recognizer(
            gazetteers=list(gazetteers or []),
            default_gazetteers=default_gazetteers,
            learn_iob2=list(learn_iob2 or []),
            train_iob2=list(train_iob2 or []),
            model=model,
            gazetteer_only=gazetteer_only,
            patterns=list(patterns or []),
            veto=list(veto or []),
            disable_rules=list(disable_rules or []),
        )
        self.overwrite_ents = overwrite_ents
        self.n_threads = n_threads

    def __call__(self, doc: Doc) -> Doc:
        return self._set_ents(doc, self.recognizer.extract(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Processes docs a batch at a time, with the GIL released (see ``Recognizer.pipe``)."""
        stream = iter(stream)
        while True:
            docs = []
            for doc in stream:
                docs.append(doc)
                if len(docs) >= batch_size:
                    break
            if not docs:
                return
            results = self.recognizer._extract_batch([d.text for d in docs], self.n_threads)
            for doc, entities in zip(docs, results):
                yield self._set_ents(doc, entities)

    def _set_ents(self, doc: Doc, entities: List[Entity]) -> Doc:
        spans = []
        for e in entities:
            span = doc.char_span(
                e.start, e.end, label=e.label, kb_id=e.id or "", alignment_mode="expand"
            )
            if span is None:  # only white space: nothing to align to
                continue
            span._.ner_source = e.source
            span._.ner_confidence = e.confidence
            span._.ner_canonical = e.canonical
            span._.ner_kind = e.kind
            spans.append(span)
        ours = filter_spans(spans)
        earlier = list(doc.ents)
        if self.overwrite_ents:
            keep = [s for s in earlier if not any(_overlap(s, o) for o in ours)]
        else:
            keep = earlier
            ours = [s for s in ours if not any(_overlap(s, k) for k in earlier)]
        doc.ents = sorted(keep + ours, key=lambda s: s.start)
        return doc


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory(
    "greek_ner",
    default_config={
        "gazetteers": [],
        "default_gazetteers": True,
        "learn_iob2": [],
        "train_iob2": [],
        "model": None,
        "gazetteer_only": False,
        "patterns": [],
        "veto": [],
        "disable_rules": [],
        "overwrite_ents": False,
        "n_threads": 1,
    },
    assigns=["doc.ents", "span._.ner_source", "span._.ner_confidence"],
)
def make_greek_ner(
    nlp: Language,
    name: str,
    gazetteers: List[str],
    default_gazetteers: bool,
    learn_iob2: List[str],
    train_iob2: List[str],
    model: Optional[str],
    gazetteer_only: bool,
    patterns: List[str],
    veto: List[str],
    disable_rules: List[str],
    overwrite_ents: bool,
    n_threads: int,
) -> GreekNER:
    """The ``"greek_ner"`` factory: ``nlp.add_pipe("greek_ner", config={...})``."""
    return GreekNER(
        nlp,
        name,
        gazetteers=gazetteers,
        default_gazetteers=default_gazetteers,
        learn_iob2=learn_iob2,
        train_iob2=train_iob2,
        model=model,
        gazetteer_only=gazetteer_only,
        patterns=patterns,
        veto=veto,
        disable_rules=disable_rules,
        overwrite_ents=overwrite_ents,
        n_threads=n_threads,
    )
