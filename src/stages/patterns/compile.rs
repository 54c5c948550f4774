//! Reading user token patterns: one JSON object per line (JSONL), in the spirit of spaCy's
//! `Matcher`, compiled once into [`Pattern`]s. Errors name the file, the line and the field.

use std::sync::Arc;

use regex::Regex;
use serde_json::{Map, Value};

use crate::error::BuildError;
use crate::fxhash::FxHashMap;
use crate::lexicon::{class_named, CLASS_NAMES};
use crate::text::normalize::fold;
use crate::Label;

/// How many times an element matches, as `OP` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// Once (no `OP`).
    One,
    /// `?`: once or not at all.
    Opt,
    /// `*`: any number of times (`+` is compiled as one, then `*`).
    Star,
    /// `!`: one token that does not match.
    Not,
}

/// What one token must be: every attribute given must hold.
#[derive(Clone, Debug, Default)]
pub(crate) struct Spec {
    /// `LOWER`: the folded token (accents, case and final sigma ignored).
    pub lower: Option<Box<str>>,
    /// `TEXT`: the token exactly as written.
    pub text: Option<Box<str>>,
    /// `REGEX`: searched in the token as written.
    pub regex: Option<Regex>,
    /// `IS_TITLE`, `IS_UPPER`, `IS_LATIN`, `IS_DIGIT`, `IS_PUNCT`.
    pub is_title: Option<bool>,
    pub is_upper: Option<bool>,
    pub is_latin: Option<bool>,
    pub is_digit: Option<bool>,
    pub is_punct: Option<bool>,
    /// `ENT_TYPE`: the label of the mention covering the token, or none (`""`).
    pub ent_type: Option<Option<Label>>,
    /// `LEXICON`: the token is in one of these lexicon classes (a bit set).
    pub lexicon: Option<u64>,
    /// `IN`: the folded token is one of these (folded) forms.
    pub in_: Option<Vec<Box<str>>>,
}

/// One element of a pattern.
#[derive(Clone, Debug)]
pub(crate) struct Elem {
    pub spec: Spec,
    pub op: Op,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    /// The entity's source is `pattern:<name>`.
    pub name: Arc<str>,
    pub label: Label,
    pub id: Option<Arc<str>>,
    pub canonical: Option<Arc<str>>,
    /// Higher wins when the entity overlaps another mention (default [`DEFAULT_PRIORITY`]).
    pub priority: i32,
    /// The elements, `+` expanded into one and `*`.
    pub elems: Vec<Elem>,
    /// The elements `entity.0..entity.1` (of `elems`) are the entity; the others context.
    pub entity: (usize, usize),
    /// The file and line the pattern was read from (`file:line`).
    pub origin: Arc<str>,
}

/// A user pattern outranks every built-in rule (priorities up to 100) and gazetteer.
pub(crate) const DEFAULT_PRIORITY: i32 = 1000;

/// Parses the patterns of `text` (JSONL); `file` is what errors call it. Blank lines and
/// lines starting with `#` are skipped.
pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Pattern>, BuildError> {
    let mut out = Vec::new();
    let mut names: FxHashMap<Arc<str>, usize> = FxHashMap::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let p = parse_line(file, n, line)?;
        if let Some(first) = names.insert(p.name.clone(), n) {
            return Err(BuildError::new(
                file,
                Some(n),
                Some("name"),
                format!("pattern `{}` is already defined on line {first}", p.name),
            ));
        }
        out.push(p);
    }
    Ok(out)
}

fn parse_line(file: &str, n: usize, line: &str) -> Result<Pattern, BuildError> {
    let err = |field: Option<&'static str>, msg: String| BuildError::new(file, Some(n), field, msg);
    let value: Value = serde_json::from_str(line).map_err(|e| err(None, format!("not valid JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(err(None, "a pattern is a JSON object".into()));
    };
    for key in obj.keys() {
        if !["name", "label", "pattern", "entity", "id", "canonical", "priority"].contains(&key.as_str()) {
            return Err(err(
                None,
                format!(
                    "unknown field `{key}` (known: name, label, pattern, entity, id, canonical, priority)"
                ),
            ));
        }
    }
    let string = |field: &'static str| -> Result<Option<&str>, BuildError> {
        match obj.get(field) {
            None => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim())),
            Some(_) => Err(err(Some(field), "must be a non-empty string".into())),
        }
    };
    let name = string("name")?.ok_or_else(|| err(Some("name"), "missing".into()))?;
    let label = string("label")?.ok_or_else(|| err(Some("label"), "missing".into()))?;
    let label: Label = match label {
        "PER" | "LOC" | "ORG" => label.parse().expect("a label"),
        other => return Err(err(Some("label"), format!("`{other}` is not PER, LOC or ORG"))),
    };
    let id = string("id")?;
    let canonical = string("canonical")?;
    if id.is_some() && canonical.is_none() {
        return Err(err(Some("canonical"), "a pattern with an `id` needs a `canonical` name".into()));
    }
    let priority = match obj.get("priority") {
        None => DEFAULT_PRIORITY,
        Some(v) => v
            .as_i64()
            .and_then(|p| i32::try_from(p).ok())
            .ok_or_else(|| err(Some("priority"), "must be an integer".into()))?,
    };
    let Some(Value::Array(tokens)) = obj.get("pattern") else {
        return Err(err(Some("pattern"), "missing, or not an array of token objects".into()));
    };
    if tokens.is_empty() {
        return Err(err(Some("pattern"), "an empty pattern matches nothing".into()));
    }
    // Original element `k` starts at `starts[k]` of the expanded elements.
    let mut elems = Vec::with_capacity(tokens.len() + 1);
    let mut starts = Vec::with_capacity(tokens.len() + 1);
    for (k, t) in tokens.iter().enumerate() {
        let Value::Object(t) = t else {
            return Err(err(Some("pattern"), format!("element {k} is not a JSON object")));
        };
        let (spec, op) = spec(t).map_err(|msg| err(Some("pattern"), format!("element {k}: {msg}")))?;
        starts.push(elems.len());
        match op {
            "" => elems.push(Elem { spec, op: Op::One }),
            "?" => elems.push(Elem { spec, op: Op::Opt }),
            "*" => elems.push(Elem { spec, op: Op::Star }),
            "!" => elems.push(Elem { spec, op: Op::Not }),
            "+" => {
                elems.push(Elem { spec: spec.clone(), op: Op::One });
                elems.push(Elem { spec, op: Op::Star });
            }
            other => {
                return Err(err(Some("pattern"), format!("element {k}: `OP` `{other}` is not ?, *, + or !")))
            }
        }
    }
    starts.push(elems.len());
    if elems.iter().all(|e| matches!(e.op, Op::Opt | Op::Star)) {
        return Err(err(
            Some("pattern"),
            "every element is optional: the pattern could match no token".into(),
        ));
    }
    let entity = match obj.get("entity") {
        None => (0, elems.len()),
        Some(v) => {
            let pair =
                v.as_array().filter(|a| a.len() == 2).and_then(|a| Some((a[0].as_u64()?, a[1].as_u64()?)));
            let Some((a, b)) = pair else {
                return Err(err(Some("entity"), "must be [first, end): two element indices".into()));
            };
            if a >= b || b as usize > tokens.len() {
                return Err(err(
                    Some("entity"),
                    format!("[{a}, {b}) is not a non-empty range of the {} elements", tokens.len()),
                ));
            }
            (starts[a as usize], starts[b as usize])
        }
    };
    Ok(Pattern {
        name: name.into(),
        label,
        id: id.map(Arc::from),
        canonical: canonical.map(Arc::from),
        priority,
        elems,
        entity,
        origin: format!("{file}:{n}").into(),
    })
}

/// One token object: its attributes and its `OP` (`""` when none).
fn spec(t: &Map<String, Value>) -> Result<(Spec, &str), String> {
    let mut s = Spec::default();
    let mut op = "";
    let string =
        |k: &str, v: &Value| v.as_str().map(str::to_string).ok_or_else(|| format!("`{k}` must be a string"));
    let boolean = |k: &str, v: &Value| v.as_bool().ok_or_else(|| format!("`{k}` must be true or false"));
    for (k, v) in t {
        match k.as_str() {
            "LOWER" => s.lower = Some(fold(string(k, v)?.trim()).into()),
            "TEXT" => s.text = Some(string(k, v)?.into()),
            "REGEX" => {
                let re = string(k, v)?;
                s.regex = Some(Regex::new(&re).map_err(|e| format!("`REGEX` does not compile: {e}"))?);
            }
            "IS_TITLE" => s.is_title = Some(boolean(k, v)?),
            "IS_UPPER" => s.is_upper = Some(boolean(k, v)?),
            "IS_LATIN" => s.is_latin = Some(boolean(k, v)?),
            "IS_DIGIT" => s.is_digit = Some(boolean(k, v)?),
            "IS_PUNCT" => s.is_punct = Some(boolean(k, v)?),
            "ENT_TYPE" => {
                let l = string(k, v)?;
                s.ent_type = Some(match l.as_str() {
                    "" => None,
                    "PER" | "LOC" | "ORG" => Some(l.parse().expect("a label")),
                    other => return Err(format!("`ENT_TYPE` `{other}` is not PER, LOC, ORG or \"\"")),
                });
            }
            "LEXICON" => {
                let mut bits = 0;
                let names: Vec<String> = match v {
                    Value::Array(a) => a.iter().map(|v| string(k, v)).collect::<Result<_, _>>()?,
                    v => vec![string(k, v)?],
                };
                for name in &names {
                    bits |= class_named(name).ok_or_else(|| {
                        let known: Vec<&str> = CLASS_NAMES.iter().map(|c| c.0).collect();
                        format!("`LEXICON`: no class `{name}` (known: {})", known.join(", "))
                    })?;
                }
                if bits == 0 {
                    return Err("`LEXICON` names no class".into());
                }
                s.lexicon = Some(bits);
            }
            "IN" => {
                let Value::Array(a) = v else { return Err("`IN` must be an array of strings".into()) };
                let forms: Vec<Box<str>> = a
                    .iter()
                    .map(|v| {
                        v.as_str().map(|s| fold(s.trim()).into()).ok_or("`IN` must be an array of strings")
                    })
                    .collect::<Result<_, _>>()?;
                s.in_ = Some(forms);
            }
            "OP" => {
                op = v.as_str().ok_or("`OP` must be a string")?;
            }
            other => {
                return Err(format!(
                    "unknown attribute `{other}` (known: LOWER, TEXT, REGEX, IS_TITLE, IS_UPPER, \
                     IS_LATIN, IS_DIGIT, IS_PUNCT, ENT_TYPE, LEXICON, IN, OP)"
                ))
            }
        }
    }
    Ok((s, op))
}
