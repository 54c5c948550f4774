//! The native module `greek_ner._native`: the Rust recognizer for Python.
//!
//! The Python package (`python/greek_ner/`) builds on it: `Recognizer.pipe`, the spaCy
//! component and the pandas helper are Python. This module does what must be fast or
//! exact: building a recognizer, running it with the GIL released (on several threads
//! for a batch), and entities whose offsets are Python `str` indices.

#![deny(missing_docs)]

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyStringData};
use rayon::prelude::*;

/// A person, place or organisation found in a text.
///
/// `start`/`end` are `str` indices (`text[e.start:e.end] == e.text`); `byte_start`/
/// `byte_end` index the text's UTF-8 encoding.
#[pyclass(module = "greek_ner", name = "Entity", frozen)]
struct Entity {
    inner: greek_ner::Entity,
}

impl Entity {
    /// The label as an interned Python string.
    fn label_str<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        match self.inner.label {
            greek_ner::Label::Per => intern!(py, "PER"),
            greek_ner::Label::Loc => intern!(py, "LOC"),
            greek_ner::Label::Org => intern!(py, "ORG"),
        }
    }
}

#[pymethods]
impl Entity {
    /// Start of the mention, as a `str` index of the text.
    #[getter]
    fn start(&self) -> usize {
        self.inner.char_span.start
    }

    /// End of the mention (exclusive), as a `str` index of the text.
    #[getter]
    fn end(&self) -> usize {
        self.inner.char_span.end
    }

    /// Start of the mention in the text's UTF-8 bytes.
    #[getter]
    fn byte_start(&self) -> usize {
        self.inner.span.start
    }

    /// End of the mention (exclusive) in the text's UTF-8 bytes.
    #[getter]
    fn byte_end(&self) -> usize {
        self.inner.span.end
    }

    /// The mention exactly as written.
    #[getter]
    fn text(&self) -> &str {
        self.inner.text()
    }

    /// `PER`, `LOC` or `ORG`.
    #[getter]
    fn label<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        self.label_str(py)
    }

    /// Canonical id (Wikidata QID, `geonames:…`, `iso3166:…`, `grner:…`), or None.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id()
    }

    /// Canonical name, or None.
    #[getter]
    fn canonical(&self) -> Option<&str> {
        self.inner.canonical()
    }

    /// The entry's kind (country, city, party...), or None.
    #[getter]
    fn kind(&self) -> Option<&str> {
        self.inner.kind()
    }

    /// What produced it: `gazetteer:<file>:<line>`, `rule:<name>`, `document:<name>` or
    /// `pattern:<name>`.
    #[getter]
    fn source(&self) -> String {
        self.inner.source.to_string()
    }

    /// How sure its producer was, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f64 {
        confidence(self.inner.confidence)
    }

    /// The entity as a dict with the keys of the JSONL output (`id`, `canonical` and
    /// `kind` are None where unknown).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        // Interned keys and labels: made once per process, not once per entity.
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), self.start())?;
        d.set_item(intern!(py, "end"), self.end())?;
        d.set_item(intern!(py, "byte_start"), self.byte_start())?;
        d.set_item(intern!(py, "byte_end"), self.byte_end())?;
        d.set_item(intern!(py, "text"), self.text())?;
        d.set_item(intern!(py, "label"), self.label_str(py))?;
        d.set_item(intern!(py, "id"), self.id())?;
        d.set_item(intern!(py, "canonical"), self.canonical())?;
        d.set_item(intern!(py, "kind"), self.kind())?;
        d.set_item(intern!(py, "source"), self.source())?;
        d.set_item(intern!(py, "confidence"), self.confidence())?;
        Ok(d)
    }

    /// `Entity(text='Αθήνα', label='LOC', start=2, end=7, id='geonames:264371', ...)`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = &self.inner;
        let quote = |s: &str| -> PyResult<String> { Ok(PyString::new(py, s).repr()?.to_string()) };
        let mut s = format!(
            "Entity(text={}, label='{}', start={}, end={}",
            quote(e.text())?,
            e.label,
            e.char_span.start,
            e.char_span.end
        );
        if let Some(id) = e.id() {
            s.push_str(&format!(", id={}", quote(id)?));
        }
        let source = quote(&e.source.to_string())?;
        s.push_str(&format!(", source={source}, confidence={})", confidence(e.confidence)));
        Ok(s)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.downcast::<Entity>().is_ok_and(|o| o.get().inner == self.inner)
    }
}

/// The confidence as Python sees it: the shortest decimal that reads back as the same
/// `f32` (so `0.9`, not `0.8999999761581421`).
fn confidence(c: f32) -> f64 {
    c.to_string().parse().unwrap_or(f64::from(c))
}

/// The recognizer: build once, then run on any number of texts, from any thread.
#[pyclass(module = "greek_ner._native", name = "Recognizer", frozen, subclass)]
struct Recognizer {
    inner: greek_ner::Recognizer,
    /// The options it was built with, for pickling (`Recognizer.__reduce__`).
    options: Options,
}

/// The keyword arguments of `Recognizer(...)`: one field per builder option.
struct Options {
    gazetteers: Vec<PathBuf>,
    default_gazetteers: bool,
    learn_iob2: Vec<PathBuf>,
    train_iob2: Vec<PathBuf>,
    model: Option<PathBuf>,
    gazetteer_only: bool,
    patterns: Vec<PathBuf>,
    veto: Vec<PathBuf>,
    disable_rules: Vec<String>,
}

impl Options {
    /// The default recognizer's options: no builder needed.
    fn is_default(&self) -> bool {
        self.gazetteers.is_empty()
            && self.learn_iob2.is_empty()
            && self.train_iob2.is_empty()
            && self.model.is_none()
            && self.patterns.is_empty()
            && self.veto.is_empty()
            && self.disable_rules.is_empty()
            && self.default_gazetteers
            && !self.gazetteer_only
    }

    fn build(&self) -> Result<greek_ner::Recognizer, greek_ner::BuildError> {
        if self.is_default() {
            return Ok(greek_ner::Recognizer::default());
        }
        let mut b = greek_ner::Recognizer::builder().default_gazetteers(self.default_gazetteers);
        for g in &self.gazetteers {
            b = b.gazetteer_path(g);
        }
        for l in &self.learn_iob2 {
            b = b.learn_iob2(l);
        }
        for t in &self.train_iob2 {
            b = b.train_iob2(t);
        }
        if let Some(m) = &self.model {
            b = b.model_path(m);
        }
        if self.gazetteer_only {
            b = b.gazetteer_only();
        }
        for p in &self.patterns {
            b = b.patterns_path(p);
        }
        for v in &self.veto {
            b = b.veto_path(v);
        }
        for r in &self.disable_rules {
            b = b.disable_rule(r);
        }
        b.build()
    }
}

#[pymethods]
impl Recognizer {
    /// Mirrors `greek_ner::RecognizerBuilder`; with no argument, the embedded default
    /// (built once per process and shared).
    #[new]
    // One keyword argument per builder option, as Python callers write them.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (
        *,
        gazetteers = None,
        default_gazetteers = true,
        learn_iob2 = None,
        train_iob2 = None,
        model = None,
        gazetteer_only = false,
        patterns = None,
        veto = None,
        disable_rules = None,
    ))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<List<PathBuf>>,
        default_gazetteers: bool,
        learn_iob2: Option<List<PathBuf>>,
        train_iob2: Option<List<PathBuf>>,
        model: Option<PathBuf>,
        gazetteer_only: bool,
        patterns: Option<List<PathBuf>>,
        veto: Option<List<PathBuf>>,
        disable_rules: Option<List<String>>,
    ) -> PyResult<Recognizer> {
        let options = Options {
            gazetteers: List::or_empty(gazetteers),
            default_gazetteers,
            learn_iob2: List::or_empty(learn_iob2),
            train_iob2: List::or_empty(train_iob2),
            model,
            gazetteer_only,
            patterns: List::or_empty(patterns),
            veto: List::or_empty(veto),
            disable_rules: List::or_empty(disable_rules),
        };
        let inner = py.allow_threads(|| options.build()).map_err(build_error)?;
        Ok(Recognizer { inner, options })
    }

    /// The keyword arguments it was built with (what pickling it keeps).
    fn _options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let o = &self.options;
        let d = PyDict::new(py);
        d.set_item("gazetteers", &o.gazetteers)?;
        d.set_item("default_gazetteers", o.default_gazetteers)?;
        d.set_item("learn_iob2", &o.learn_iob2)?;
        d.set_item("train_iob2", &o.train_iob2)?;
        d.set_item("model", &o.model)?;
        d.set_item("gazetteer_only", o.gazetteer_only)?;
        d.set_item("patterns", &o.patterns)?;
        d.set_item("veto", &o.veto)?;
        d.set_item("disable_rules", &o.disable_rules)?;
        Ok(d)
    }

    /// Writes what was learned from `train_iob2` (names, conventions, the sequence model)
    /// to `path`, for `Recognizer(model=path)`; `ValueError` when there is no model.
    fn save_model(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.allow_threads(|| self.inner.save_model(&path)).map_err(build_error)
    }

    /// Whether a trained sequence model makes the final decisions.
    #[getter]
    fn has_model(&self) -> bool {
        self.inner.has_model()
    }

    /// The entities of `text`, sorted by position, never overlapping.
    fn extract<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let text = text_of(text, None)?;
        let chars = Chars::of(&text)?;
        let entities = py.allow_threads(|| chars.to_utf8().map(|t| self.inner.extract(&t)));
        entity_list(py, entities.map_err(|_| encode_error(&text))?)
    }

    /// The entities of each text of `texts` (a list of `str`), in order, on `n_threads`
    /// threads, with the GIL released while the recognizer works.
    #[pyo3(signature = (texts, n_threads = 1))]
    fn _extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        n_threads: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        if n_threads == 0 {
            return Err(PyValueError::new_err("n_threads must be at least 1"));
        }
        let owned =
            texts.iter().enumerate().map(|(i, t)| text_of(&t, Some(i))).collect::<PyResult<Vec<_>>>()?;
        let chars = owned.iter().map(Chars::of).collect::<PyResult<Vec<_>>>()?;
        let ner = &self.inner;
        let run = |c: &Chars<'_>| c.to_utf8().map(|t| ner.extract(&t));
        let results: Vec<Result<Vec<greek_ner::Entity>, Unencodable>> = py.allow_threads(|| {
            if n_threads == 1 || chars.len() < 2 {
                chars.iter().map(run).collect()
            } else {
                pool(n_threads).install(|| chars.par_iter().map(run).collect())
            }
        });
        let out = PyList::empty(py);
        for (result, text) in results.into_iter().zip(&owned) {
            let entities = result.map_err(|_| encode_error(text))?;
            out.append(entity_list(py, entities)?)?;
        }
        Ok(out)
    }

    /// Number of entries in the compiled gazetteers.
    #[getter]
    fn entry_count(&self) -> usize {
        self.inner.entry_count()
    }

    fn __repr__(&self) -> String {
        format!("Recognizer(entries={}, patterns={})", self.inner.entry_count(), self.inner.pattern_count())
    }
}

/// A list of paths or names: a `str` or path-like alone is refused, so that
/// `gazetteers="a.tsv"` is not read as a list of one-letter paths.
struct List<T>(Vec<T>);

impl<T> List<T> {
    fn or_empty(list: Option<List<T>>) -> Vec<T> {
        list.map_or_else(Vec::new, |l| l.0)
    }
}

impl<'py, T: FromPyObject<'py>> FromPyObject<'py> for List<T> {
    fn extract_bound(ob: &Bound<'py, PyAny>) -> PyResult<List<T>> {
        if ob.is_instance_of::<PyString>() || ob.extract::<PathBuf>().is_ok() {
            return Err(PyTypeError::new_err("expected a list, not a single str or path"));
        }
        let mut items = Vec::new();
        for item in ob.try_iter()? {
            items.push(item?.extract::<T>()?);
        }
        Ok(List(items))
    }
}

/// `ob` as a `str`, or a `TypeError` naming its type (and its position in a batch).
fn text_of<'py>(ob: &Bound<'py, PyAny>, index: Option<usize>) -> PyResult<Bound<'py, PyString>> {
    match ob.downcast::<PyString>() {
        Ok(s) => Ok(s.clone()),
        Err(_) => {
            let type_name = ob.get_type().name().map_or_else(|_| "?".to_string(), |n| n.to_string());
            let what = index.map_or_else(|| "text".to_string(), |i| format!("text {i}"));
            Err(PyTypeError::new_err(format!("{what} must be str, not {type_name}")))
        }
    }
}

fn entity_list(py: Python<'_>, entities: Vec<greek_ner::Entity>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for inner in entities {
        list.append(Bound::new(py, Entity { inner })?)?;
    }
    Ok(list)
}

/// The characters of a Python `str` as CPython stores them, read while the GIL is held and
/// turned into UTF-8 after it is released: a non-ASCII `str` has no UTF-8 form until one
/// is asked for, and making it under the GIL would keep the other threads waiting (and
/// keep a second copy of the text alive with the `str`).
enum Chars<'a> {
    /// An ASCII `str`: its bytes are UTF-8 already.
    Ascii(&'a str),
    Latin1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

/// A `str` with a lone surrogate, which has no UTF-8 form.
struct Unencodable;

impl<'a> Chars<'a> {
    fn of(s: &'a Bound<'_, PyString>) -> PyResult<Chars<'a>> {
        // SAFETY: the `str` is kept alive by `s` for 'a, and a `str` is never changed once
        // it is visible to Python code.
        Ok(match unsafe { s.data() }? {
            PyStringData::Ucs1(b) if b.is_ascii() => {
                Chars::Ascii(std::str::from_utf8(b).expect("ASCII is UTF-8"))
            }
            PyStringData::Ucs1(b) => Chars::Latin1(b),
            PyStringData::Ucs2(u) => Chars::Ucs2(u),
            PyStringData::Ucs4(u) => Chars::Ucs4(u),
        })
    }

    fn to_utf8(&self) -> Result<Cow<'a, str>, Unencodable> {
        match *self {
            Chars::Ascii(s) => Ok(Cow::Borrowed(s)),
            Chars::Latin1(b) => utf8(b),
            Chars::Ucs2(u) => utf8(u),
            Chars::Ucs4(u) => utf8(u),
        }
    }
}

/// UTF-8 of code points (a `str`'s storage units); a lone surrogate has none.
fn utf8<T: Copy + Into<u32>>(units: &[T]) -> Result<Cow<'static, str>, Unencodable> {
    let mut out = String::with_capacity(units.len() * 2);
    for &u in units {
        out.push(char::from_u32(u.into()).ok_or(Unencodable)?);
    }
    Ok(Cow::Owned(out))
}

/// Python's own error for a `str` that has no UTF-8 form (`UnicodeEncodeError`, naming the
/// position of the lone surrogate).
fn encode_error(text: &Bound<'_, PyString>) -> PyErr {
    text.to_str().err().unwrap_or_else(|| PyValueError::new_err("text has no UTF-8 form"))
}

/// A build error as Python's: `FileNotFoundError`/`OSError` for a file that cannot be
/// read, `ValueError` for one that cannot be parsed; the message names file, line and field.
fn build_error(e: greek_ner::BuildError) -> PyErr {
    let io = std::error::Error::source(&e).and_then(|s| s.downcast_ref::<std::io::Error>());
    match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::NotFound) => PyFileNotFoundError::new_err(e.to_string()),
        Some(_) => PyOSError::new_err(e.to_string()),
        None => PyValueError::new_err(e.to_string()),
    }
}

/// One thread pool per thread count, kept for the process: its threads keep their
/// buffers warm from one batch to the next.
fn pool(n: usize) -> Arc<rayon::ThreadPool> {
    static POOLS: Mutex<BTreeMap<usize, Arc<rayon::ThreadPool>>> = Mutex::new(BTreeMap::new());
    let mut pools = POOLS.lock().unwrap_or_else(PoisonError::into_inner);
    pools
        .entry(n)
        .or_insert_with(|| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("greek-ner-{i}"))
                .build()
                .expect("a thread pool can be started");
            Arc::new(pool)
        })
        .clone()
}

/// The native part of the `greek_ner` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Entity>()?;
    m.add_class::<Recognizer>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
