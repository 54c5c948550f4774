"""Persons, places and organisations in Greek political news, with exact spans and canonical ids.

>>> from greek_ner import Recognizer
>>> ner = Recognizer()
>>> text = "Ο Κυριάκος Μητσοτάκης μίλησε στις Βρυξέλλες."
>>> [(e.text, e.label) for e in ner.extract(text)]
[('Κυριάκος Μητσοτάκης', 'PER'), ('Βρυξέλλες', 'LOC')]

``Entity.start``/``Entity.end`` are ``str`` indices: ``text[e.start:e.end] == e.text``.
spaCy (``nlp.add_pipe("greek_ner")``) and pandas (:func:`to_dataframe`) are optional:
neither is imported until used.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
from typing import TYPE_CHECKING, Dict, Iterable, Iterator, List, Optional, Tuple

from ._native import Entity, __version__
from ._native import Recognizer as _NativeRecognizer

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Entity", "Recognizer", "shared_recognizer", "to_dataframe", "__version__"]


class Recognizer(_NativeRecognizer):
    """Finds persons, places and organisations in Greek text.

    ``Recognizer()`` is the embedded default (built once per process, then shared).
    Keyword arguments mirror the Rust builder:

    - ``gazetteers``: a list of gazetteer TSV files to add (they outrank the embedded ones);
    - ``default_gazetteers``: whether to include the embedded gazetteers (default True);
    - ``learn_iob2``: a list of annotated IOB2 corpora to learn names and conventions from;
    - ``train_iob2``: a list of IOB2 corpora to learn from and train the sequence model on
      (keep the result with ``save_model(path)``);
    - ``model``: a model file written by ``save_model`` (not with ``learn_iob2``/``train_iob2``);
    - ``gazetteer_only``: gazetteer lookup only, the rule and document stages off;
    - ``patterns``: a list of token-pattern files (JSONL, as the README describes);
    - ``veto``: a list of veto lists (names never to tag);
    - ``disable_rules``: names of built-in rules or vetoes to switch off.

    A gazetteer or corpus that cannot be parsed raises ``ValueError`` naming its file,
    line and field; one that cannot be read raises ``FileNotFoundError``/``OSError``.
    A recognizer is immutable and thread-safe: share one per process.
    """

    __slots__ = ()

    def __reduce__(self):
        # Pickled as its options; unpickled as the process's recognizer with them
        # (`shared_recognizer`), so that tasks shipped to a worker share one.
        return (_unpickle, (self._options(),))

    def pipe(
        self, texts: Iterable[str], batch_size: int = 256, n_threads: int = 1
    ) -> Iterator[List[Entity]]:
        """Yields the entities of each text of ``texts``, in input order.

        Texts are taken ``batch_size`` at a time; each batch is processed with the GIL
        released, on ``n_threads`` threads. Non-str items raise ``TypeError``.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if n_threads < 1:
            raise ValueError("n_threads must be at least 1")
        it = iter(texts)
        while True:
            batch = list(itertools.islice(it, batch_size))
            if not batch:
                return
            yield from self._extract_batch(batch, n_threads)


_SHARED: Dict[Tuple, Recognizer] = {}
_SHARED_LOCK = threading.Lock()


def shared_recognizer(**options) -> Recognizer:
    """The process's recognizer with these ``Recognizer`` options, built on first use and
    then reused: one per process, whatever calls it (a Spark executor's tasks, a spaCy
    pipeline, ``to_dataframe``). Options are compared by value; lists may be tuples."""
    key = tuple(sorted((k, _hashable(v)) for k, v in options.items()))
    with _SHARED_LOCK:
        ner = _SHARED.get(key)
        if ner is None:
            ner = _SHARED[key] = Recognizer(**options)
        return ner


def _hashable(value):
    """An option's value as a key: paths as strings, lists as tuples."""
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    if isinstance(value, os.PathLike):
        return str(value)
    return value


def _unpickle(options: dict) -> Recognizer:
    return shared_recognizer(**options)


def to_dataframe(
    texts: Iterable[str],
    recognizer: Optional[Recognizer] = None,
    batch_size: int = 256,
    n_threads: int = 1,
) -> "pandas.DataFrame":
    """A long DataFrame of the entities of ``texts``: one row per entity.

    ``texts`` is a pandas Series (its index labels the column ``doc``) or any iterable of
    str (``doc`` is then its position). Columns: ``doc``, ``start``, ``end`` (str
    indices), ``byte_start``, ``byte_end``, ``label``, ``text``, ``id``, ``canonical``,
    ``kind``, ``source``, ``confidence``. Needs pandas.
    """
    import pandas as pd

    ner = recognizer if recognizer is not None else shared_recognizer()
    if isinstance(texts, pd.Series):
        index: Iterable = texts.index
        values: Iterable[str] = texts.tolist()
    else:
        values = list(texts)
        index = range(len(values))
    columns = (
        "start", "end", "byte_start", "byte_end", "label", "text",
        "id", "canonical", "kind", "source", "confidence",
    )
    rows = {c: [] for c in ("doc",) + columns}
    for doc, entities in zip(index, ner.pipe(values, batch_size=batch_size, n_threads=n_threads)):
        for e in entities:
            rows["doc"].append(doc)
            for c in columns:
                rows[c].append(getattr(e, c))
    frame = pd.DataFrame(rows)
    for c in ("start", "end", "byte_start", "byte_end"):
        frame[c] = frame[c].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame


# spaCy finds the factory through the package's entry point; when spaCy is already
# loaded, register it now as well, so that `add_pipe("greek_ner")` never depends on how
# the package was installed. spaCy is never imported here otherwise (it is slow to load).
if "spacy" in sys.modules:
    from . import spacy_component as _spacy_component  # noqa: F401
