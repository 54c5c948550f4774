//! Why the recognizer found what it found: each entity's trail through the stages, and the
//! candidate spans that a list, a rule, an overlap or a veto removed (see
//! [`crate::Recognizer::explain`]).
//!
//! The stages know nothing of this: the recognizer takes a copy of a line's (or the
//! document's) mentions before a stage and compares it with what the stage left, and the
//! stages that drop mentions say by which rule when asked. Only `explain` pays for it:
//! [`crate::Recognizer::extract`] records nothing.

use crate::fxhash::FxHashMap;
use crate::stages::mention::Mention;
use crate::{Entity, Label, Source, Span};

/// An entity and the steps that made and changed it, in order.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Explained {
    /// The entity, as [`crate::Recognizer::extract`] returns it.
    pub entity: Entity,
    /// The stages, rules and entries that made or changed it, first to last: a source
    /// (`gazetteer:<file>:<line>`, `rule:<name>`, `pattern:<name>`, `document:<name>`), or
    /// `<stage>:label:<LABEL>` and `<stage>:span` for a change of label or extent that
    /// left the source as it was.
    pub trail: Vec<String>,
}

/// A candidate span that a built-in list or rule, an overlap, a pattern or a veto removed.
///
/// It serializes as `{"start","end","text","by"}`, `start` and `end` in chars.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Dropped {
    /// Span in Unicode scalar values (chars) in the original text.
    pub char_span: Span,
    /// Byte span in the original text.
    pub span: Span,
    /// The span's text.
    pub text: String,
    /// What removed it: `rule:<name>` (a rule or veto of the rule stage, see
    /// [`crate::RecognizerBuilder::disable_rule`]), `overlap:<winner>`, `pattern:<name>`,
    /// `veto:<file>:<line>` (the user's veto list), `adapt` or `adapt:<winner>` (what was
    /// learned from a corpus), `model` or `model:<winner>` (the trained model), `document:<winner>`, or `<winner>(pattern:<name>)` for a
    /// pattern's match that gave way to a mention of higher or equal priority.
    pub by: String,
}

impl serde::Serialize for Dropped {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("start", &self.char_span.start)?;
        m.serialize_entry("end", &self.char_span.end)?;
        m.serialize_entry("text", &self.text)?;
        m.serialize_entry("by", &self.by)?;
        m.end()
    }
}

/// The answer of [`crate::Recognizer::explain`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Explanation {
    /// The entities, as `extract` returns them, each with its trail.
    pub entities: Vec<Explained>,
    /// Every candidate span removed on the way, in text order.
    pub dropped: Vec<Dropped>,
}

/// A mention as it was before a stage.
struct Snap {
    start: usize,
    end: usize,
    label: Label,
    source: Source,
}

/// Byte spans, found by span and by overlap in time logarithmic in their number (a document's
/// stages compare thousands of mentions).
struct Spans {
    spans: Vec<(usize, usize)>,
    /// Span → its index (the first, if two are equal).
    index: FxHashMap<(usize, usize), usize>,
    /// The indices by start, and the longest span's length.
    order: Vec<usize>,
    longest: usize,
}

impl Spans {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Spans {
        let spans: Vec<(usize, usize)> = spans.collect();
        let mut index = FxHashMap::default();
        for (i, &s) in spans.iter().enumerate() {
            index.entry(s).or_insert(i);
        }
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| spans[i].0);
        let longest = spans.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
        Spans { spans, index, order, longest }
    }

    /// The indices of the spans that overlap `start..end`.
    fn overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let hi = self.order.partition_point(|&i| self.spans[i].0 < end);
        self.order[..hi]
            .iter()
            .rev()
            .take_while(move |&&i| self.spans[i].0 + self.longest > start)
            .copied()
            .filter(move |&i| self.spans[i].1 > start)
    }
}

/// The record kept while `explain` runs.
#[derive(Default)]
pub(crate) struct Trace {
    /// The trail of each current mention, by byte span.
    trails: FxHashMap<(usize, usize), Vec<String>>,
    before: Vec<Snap>,
    /// Byte span and what removed it.
    pub dropped: Vec<(usize, usize, String)>,
}

impl Trace {
    /// Notes `mentions` as they are before a stage.
    pub fn snapshot(&mut self, mentions: &[Mention]) {
        self.before.clear();
        self.before.extend(mentions.iter().map(|m| Snap {
            start: m.start,
            end: m.end,
            label: m.label,
            source: m.source.clone(),
        }));
    }

    /// Compares `mentions`, as stage `stage` left them, with the snapshot: each mention
    /// continues the trail of the one it was (same span, or the one it overlaps most), with
    /// its new source if it changed; those no mention continues were dropped, by the reason
    /// the stage gave for their span or else by the mention that overlaps them.
    pub fn after(&mut self, stage: &str, mentions: &[Mention], reasons: Vec<(usize, usize, String)>) {
        let before = std::mem::take(&mut self.before);
        let mut old: Vec<Option<Vec<String>>> =
            before.iter().map(|b| self.trails.remove(&(b.start, b.end))).collect();
        let mut why: FxHashMap<(usize, usize), String> = FxHashMap::default();
        for (s, e, r) in reasons {
            why.entry((s, e)).or_insert(r);
        }
        let spans = Spans::new(before.iter().map(|b| (b.start, b.end)));
        let mut used = vec![false; before.len()];
        for m in mentions {
            // The mention of the same span, unless the stage says it dropped that one (a
            // pattern's match that took its place).
            let same =
                spans.index.get(&(m.start, m.end)).copied().filter(|_| !why.contains_key(&(m.start, m.end)));
            let from = same.or_else(|| {
                // The mention it grew or shrank from: the one it overlaps most, that no reason
                // says was dropped.
                spans
                    .overlapping(m.start, m.end)
                    .filter(|&j| !used[j] && !why.contains_key(&(before[j].start, before[j].end)))
                    .max_by_key(|&j| {
                        (m.end.min(before[j].end) - m.start.max(before[j].start), std::cmp::Reverse(j))
                    })
            });
            let trail = match from {
                Some(j) => {
                    used[j] = true;
                    let b = &before[j];
                    let mut trail = old[j].take().unwrap_or_else(|| vec![b.source.to_string()]);
                    if m.source != b.source {
                        trail.push(m.source.to_string());
                    } else if m.label != b.label {
                        trail.push(format!("{stage}:label:{}", m.label));
                    } else if (m.start, m.end) != (b.start, b.end) {
                        trail.push(format!("{stage}:span"));
                    }
                    trail
                }
                None => vec![m.source.to_string()],
            };
            self.trails.insert((m.start, m.end), trail);
        }
        let after = Spans::new(mentions.iter().map(|m| (m.start, m.end)));
        for (j, b) in before.iter().enumerate() {
            if used[j] {
                continue;
            }
            let by = why.remove(&(b.start, b.end)).unwrap_or_else(|| {
                match after.overlapping(b.start, b.end).min() {
                    Some(k) => format!("{stage}:{}", mentions[k].source),
                    None => stage.to_string(),
                }
            });
            self.dropped.push((b.start, b.end, by));
        }
        // Reasons for spans that never were mentions: a pattern's match that lost to a mention.
        for ((s, e), r) in why {
            if !spans.index.contains_key(&(s, e)) {
                self.dropped.push((s, e, r));
            }
        }
    }

    /// The trails of the final mentions and the dropped spans, as the public types say them.
    pub fn finish(mut self, text: &str, entities: Vec<Entity>) -> Explanation {
        let entities = entities
            .into_iter()
            .map(|e| {
                let trail = self
                    .trails
                    .remove(&(e.span.start, e.span.end))
                    .unwrap_or_else(|| vec![e.source.to_string()]);
                Explained { entity: e, trail }
            })
            .collect();
        self.dropped.sort_by_key(|d| (d.0, d.1));
        self.dropped.dedup();
        let chars = |b: usize| text[..b].chars().count();
        let dropped = self
            .dropped
            .into_iter()
            .map(|(s, e, by)| Dropped {
                char_span: Span::new(chars(s), chars(e)),
                span: Span::new(s, e),
                text: text[s..e].to_string(),
                by,
            })
            .collect();
        Explanation { entities, dropped }
    }
}
