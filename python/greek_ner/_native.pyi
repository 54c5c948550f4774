"""Type stubs of the native module ``greek_ner._native`` (Rust, PyO3)."""

from os import PathLike
from typing import Any, Dict, Iterable, List, Optional, Union

__version__: str

_Path = Union[str, PathLike[str]]

class Entity:
    """A person, place or organisation found in a text (immutable)."""

    @property
    def start(self) -> int:
        """Start of the mention, as a ``str`` index: ``text[e.start:e.end] == e.text``."""
    @property
    def end(self) -> int:
        """End of the mention (exclusive), as a ``str`` index."""
    @property
    def byte_start(self) -> int:
        """Start of the mention in the text's UTF-8 bytes."""
    @property
    def byte_end(self) -> int:
        """End of the mention (exclusive) in the text's UTF-8 bytes."""
    @property
    def text(self) -> str:
        """The mention exactly as written."""
    @property
    def label(self) -> str:
        """``"PER"``, ``"LOC"`` or ``"ORG"``."""
    @property
    def id(self) -> Optional[str]:
        """Canonical id (Wikidata QID, ``geonames:…``, ``iso3166:…``, ``grner:…``), or None."""
    @property
    def canonical(self) -> Optional[str]:
        """Canonical name, or None."""
    @property
    def kind(self) -> Optional[str]:
        """The entry's kind (country, city, party...), or None."""
    @property
    def source(self) -> str:
        """``gazetteer:<file>:<line>``, ``rule:<name>``, ``document:<name>`` or ``pattern:<name>``."""
    @property
    def confidence(self) -> float:
        """How sure its producer was, from 0 to 1."""
    def to_dict(self) -> Dict[str, Any]:
        """The keys of the JSONL output; ``id``, ``canonical``, ``kind`` None where unknown."""
    def __eq__(self, other: object) -> bool: ...

class Recognizer:
    """The native recognizer; use ``greek_ner.Recognizer``, which adds ``pipe``."""

    def __new__(
        cls,
        *,
        gazetteers: Optional[Iterable[_Path]] = None,
        default_gazetteers: bool = True,
        learn_iob2: Optional[Iterable[_Path]] = None,
        train_iob2: Optional[Iterable[_Path]] = None,
        model: Optional[_Path] = None,
        gazetteer_only: bool = False,
        patterns: Optional[Iterable[_Path]] = None,
        veto: Optional[Iterable[_Path]] = None,
        disable_rules: Optional[Iterable[str]] = None,
    ) -> "Recognizer": ...
    def extract(self, text: str) -> List[Entity]:
        """The entities of ``text``, sorted by position, never overlapping."""
    def _extract_batch(self, texts: List[str], n_threads: int = 1) -> List[List[Entity]]:
        """The entities of each text, in order, on ``n_threads`` threads, GIL released."""
    def _options(self) -> Dict[str, Any]:
        """The keyword arguments it was built with (what pickling it keeps)."""
    def save_model(self, path: _Path) -> None:
        """Writes what ``train_iob2`` taught to ``path``, for ``Recognizer(model=path)``."""
    @property
    def has_model(self) -> bool:
        """Whether a trained sequence model makes the final decisions."""
    @property
    def entry_count(self) -> int:
        """Number of entries in the compiled gazetteers."""
