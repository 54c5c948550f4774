//! The binary model file: a versioned header, then sections written with [`Writer`] and
//! read back with [`Reader`], which never panics and never allocates more than the file
//! holds, whatever the bytes.
//!
//! # Format (version 5, all numbers little-endian)
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `GRNERMDL` |
//! | 4 | format version (`u32`, [`VERSION`]) |
//! | 8 | fingerprint of the gazetteers and stages the model was trained with (`u64`) |
//! | 8 | payload length (`u64`) |
//! | 8 | checksum of the payload (`u64`, [`checksum`]) |
//! | … | payload |
//!
//! The payload is a sequence of sections (see `crate::learn::model_file`): the model's
//! name, the learned gazetteers, the learned adaptation, the weights ([`write_weights`]),
//! and the compiled lookup of all the gazetteers (`Lookup::to_blob`: its bytes, then its
//! text). Strings and bytes are a `u32` length and the bytes (UTF-8 for strings); lists a
//! `u32` count and their items.

use super::{Weights, TAGS};
use crate::gazetteer::{Entry, Flags, Gazetteer};
use crate::Label;

/// The first bytes of every model file.
pub(crate) const MAGIC: &[u8; 8] = b"GRNERMDL";
/// The format version this build writes and reads (2: entries carry their `same_as` ids;
/// 3: the compiled lookup, and a fingerprint of the embedded gazetteers' sources; 4: the
/// weights as 16-bit integers and their step; 5: BIOES tags, 17 weights a row).
pub(crate) const VERSION: u32 = 5;
/// Header length in bytes.
pub(crate) const HEADER: usize = 8 + 4 + 8 + 8 + 8;
/// Largest weight table a file may ask for (2^26 rows).
const MAX_BITS: u32 = 26;

/// The payload's checksum: [`crate::blob::Fingerprint`], eight bytes a multiply (FNV-1a's
/// byte a multiply took a fifth of loading). Each step is a bijection of the state, so that
/// any one changed word changes the sum; with the length, truncation too.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    crate::blob::Fingerprint::new().bytes(bytes).value()
}

/// Appends little-endian values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn i32(&mut self, v: i32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn f32(&mut self, v: f32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn f64(&mut self, v: f64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }
    pub(crate) fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("fewer than 2^32 items"));
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }
    /// Bytes, after their count.
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.bytes.extend_from_slice(b);
    }
    pub(crate) fn label(&mut self, l: Label) {
        self.u8(l as u8);
    }
}

/// Reads what a [`Writer`] wrote; every read checks the bytes left and reports what was
/// being read and where.
pub(crate) struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    /// What is being read, for errors.
    pub field: &'static str,
}

/// A read error: the field and a message.
pub(crate) type ReadError = (&'static str, String);

impl<'b> Reader<'b> {
    pub(crate) fn new(bytes: &'b [u8]) -> Reader<'b> {
        Reader { bytes, at: 0, field: "payload" }
    }

    fn take(&mut self, n: usize) -> Result<&'b [u8], ReadError> {
        if self.bytes.len() - self.at < n {
            return Err((self.field, format!("truncated: {n} more bytes needed at byte {}", self.at)));
        }
        let b = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(b)
    }

    /// An error about the value just read.
    pub(crate) fn invalid(&self, what: impl std::fmt::Display) -> ReadError {
        (self.field, format!("{what} (before byte {})", self.at))
    }

    pub(crate) fn u8(&mut self) -> Result<u8, ReadError> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u32(&mut self) -> Result<u32, ReadError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, ReadError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
    pub(crate) fn i32(&mut self) -> Result<i32, ReadError> {
        Ok(i32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    pub(crate) fn f32(&mut self) -> Result<f32, ReadError> {
        let v = f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        if v.is_finite() {
            Ok(v)
        } else {
            Err(self.invalid("a weight that is not a finite number"))
        }
    }
    pub(crate) fn f64(&mut self) -> Result<f64, ReadError> {
        let v = f64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes"));
        if v.is_finite() {
            Ok(v)
        } else {
            Err(self.invalid("a number that is not finite"))
        }
    }
    pub(crate) fn bool(&mut self) -> Result<bool, ReadError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(self.invalid(format!("{b} is not a boolean"))),
        }
    }
    /// A count of items each at least `min_size` bytes long: never more than the bytes left
    /// can hold, so that a corrupt count cannot make the reader allocate.
    pub(crate) fn len(&mut self, min_size: usize) -> Result<usize, ReadError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size.max(1)) > self.bytes.len() - self.at {
            return Err(self.invalid(format!("a count of {n} items is more than the file holds")));
        }
        Ok(n)
    }
    pub(crate) fn str(&mut self) -> Result<&'b str, ReadError> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| self.invalid("a string that is not UTF-8"))
    }
    /// What [`Writer::bytes`] wrote.
    pub(crate) fn bytes(&mut self) -> Result<&'b [u8], ReadError> {
        let n = self.len(1)?;
        self.take(n)
    }
    pub(crate) fn label(&mut self) -> Result<Label, ReadError> {
        match self.u8()? {
            0 => Ok(Label::Per),
            1 => Ok(Label::Loc),
            2 => Ok(Label::Org),
            b => Err(self.invalid(format!("{b} is not a label"))),
        }
    }
    /// Whether every byte was read.
    pub(crate) fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// The header of a payload.
pub(crate) fn header(fingerprint: u64, payload: &[u8]) -> Vec<u8> {
    let mut w = Writer::default();
    w.bytes.extend_from_slice(MAGIC);
    w.u32(VERSION);
    w.u64(fingerprint);
    w.u64(payload.len() as u64);
    w.u64(checksum(payload));
    w.bytes
}

/// Checks the header of `file` against `fingerprint` and returns the payload.
pub(crate) fn payload(file: &[u8], fingerprint: u64) -> Result<&[u8], ReadError> {
    let mut r = Reader::new(file);
    r.field = "magic";
    if file.len() < 8 || &file[..8] != MAGIC {
        return Err(("magic", "not a greek-ner model file (no GRNERMDL magic bytes)".into()));
    }
    r.take(8)?;
    r.field = "version";
    let version = r.u32()?;
    if version != VERSION {
        return Err(("version", format!("format version {version}; this build reads version {VERSION}")));
    }
    r.field = "fingerprint";
    let found = r.u64()?;
    if found != fingerprint {
        return Err((
            "fingerprint",
            format!(
                "trained with other gazetteers or stages (fingerprint {found:016x}, these are \
                 {fingerprint:016x}): train again with the gazetteers and stages used now"
            ),
        ));
    }
    r.field = "length";
    let len = r.u64()?;
    r.field = "checksum";
    let sum = r.u64()?;
    let rest = &file[HEADER..];
    if rest.len() as u64 != len {
        return Err((
            "length",
            format!("{} payload bytes, the header says {len}: truncated or padded", rest.len()),
        ));
    }
    if checksum(rest) != sum {
        return Err(("checksum", "the payload does not match its checksum: the file is corrupt".into()));
    }
    Ok(rest)
}

/// Writes a gazetteer with all its entries.
pub(crate) fn write_gazetteer(w: &mut Writer, g: &Gazetteer) {
    w.str(&g.name);
    w.i32(g.priority);
    w.len(g.entries.len());
    for e in &g.entries {
        w.str(&e.id);
        w.label(e.label);
        w.str(&e.canonical);
        w.len(e.aliases.len());
        for a in &e.aliases {
            w.str(a);
        }
        w.len(e.same_as.len());
        for id in &e.same_as {
            w.str(id);
        }
        match &e.kind {
            Some(k) => {
                w.u8(1);
                w.str(k);
            }
            None => w.u8(0),
        }
        w.u8(e.flags.bits());
        w.u32(e.line);
    }
}

/// Reads what [`write_gazetteer`] wrote.
pub(crate) fn read_gazetteer(r: &mut Reader<'_>) -> Result<Gazetteer, ReadError> {
    r.field = "gazetteers";
    let name = r.str()?;
    let priority = r.i32()?;
    // An entry takes at least 4 + 1 + 4 + 4 + 4 + 1 + 1 + 4 bytes.
    let n = r.len(23)?;
    let mut entries = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str()?;
        let label = r.label()?;
        let canonical = r.str()?;
        let aliases = (0..r.len(4)?).map(|_| r.str().map(str::to_string)).collect::<Result<Vec<_>, _>>()?;
        let same_as = (0..r.len(4)?).map(|_| r.str().map(Into::into)).collect::<Result<Vec<_>, _>>()?;
        let kind = if r.bool()? { Some(r.str()?.into()) } else { None };
        let bits = r.u8()?;
        let Some(flags) = Flags::from_bits(bits) else {
            return Err(r.invalid(format!("flags {bits}")));
        };
        let line = r.u32()?;
        entries.push(Entry {
            id: id.into(),
            label,
            canonical: canonical.into(),
            aliases,
            same_as,
            kind,
            flags,
            line,
        });
    }
    Ok(Gazetteer { name: name.into(), entries, priority, user: false, learned: false }.learned_from_corpus())
}

/// Writes the weights (compact, see [`Weights::compact`]): the transitions, the weight of
/// one integer step, then each feature row with a weight other than 0, as integers.
pub(crate) fn write_weights(w: &mut Writer, weights: &Weights) {
    let compact;
    let weights = if weights.slots.is_empty() {
        compact = weights.clone().compact();
        &compact
    } else {
        weights
    };
    w.u32(weights.bits);
    for &x in &weights.trans {
        w.f32(x);
    }
    w.f32(weights.scale);
    let rows = weights.quantized();
    w.len(rows.len());
    for (r, q) in rows {
        w.u32(r);
        for x in q {
            w.bytes.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// Reads what [`write_weights`] wrote, compact (rows in ascending order, as written).
pub(crate) fn read_weights(r: &mut Reader<'_>) -> Result<Weights, ReadError> {
    r.field = "weights";
    let bits = r.u32()?;
    if !(1..=MAX_BITS).contains(&bits) {
        return Err(r.invalid(format!("a table of 2^{bits} rows")));
    }
    let mut trans = Vec::with_capacity((TAGS + 1) * TAGS);
    for _ in 0..(TAGS + 1) * TAGS {
        trans.push(r.f32()?);
    }
    let scale = r.f32()?;
    if scale <= 0.0 {
        return Err(r.invalid(format!("a weight step of {scale}")));
    }
    const ROW: usize = 4 + 2 * TAGS;
    let n = r.len(ROW)?;
    // The rows in one piece, decoded without a bounds check per number.
    let bytes = r.take(n * ROW)?;
    let mut rows = Vec::with_capacity(n);
    for (k, row) in bytes.chunks_exact(ROW).enumerate() {
        let (id, weights) = row.split_at(4);
        let id = u32::from_le_bytes(id.try_into().expect("4 bytes")) as usize;
        if rows.last().is_some_and(|&(last, _)| id <= last) || id >= 1 << bits {
            return Err(r.invalid(format!("row {id} (entry {k}) out of order or outside the table")));
        }
        let mut q = [0i16; TAGS];
        for (x, b) in q.iter_mut().zip(weights.chunks_exact(2)) {
            *x = i16::from_le_bytes(b.try_into().expect("2 bytes"));
        }
        rows.push((id, q));
    }
    Ok(Weights::from_quantized(bits, trans, scale, n, rows.into_iter()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip() {
        let mut w = Weights::zero(4);
        // The largest magnitude, others, and rows within 1% of it from 0: dropped.
        let weights = [
            (3 * TAGS + 2, 1.5),
            (3 * TAGS + 8, -0.001),
            (9 * TAGS, 0.7),
            (12 * TAGS + 4, 1e-6),
            (14 * TAGS + 1, -0.014),
            (14 * TAGS + 5, 0.01),
        ];
        for (at, x) in weights {
            w.table[at] = x;
        }
        w.trans[7] = -0.25;
        let mut out = Writer::default();
        write_weights(&mut out, &w);
        let mut r = Reader::new(&out.bytes);
        let back = read_weights(&mut r).unwrap();
        assert!(r.done());
        assert_eq!(back, w.clone().compact());
        assert_eq!(back.quantized().iter().map(|r| r.0).collect::<Vec<_>>(), [3, 9]);
        assert_eq!(back.trans, w.trans);
        for row in 0..16 {
            for (a, b) in back.row(row).iter().zip(w.row(row)) {
                let kept = [3, 9].contains(&row);
                assert!(
                    (a - b).abs() <= if kept { back.scale / 2.0 + 1e-7 } else { 0.015 },
                    "row {row}: {a} vs {b}"
                );
            }
        }
        // Every truncation is an error, not a panic.
        for cut in 0..out.bytes.len() {
            assert!(read_weights(&mut Reader::new(&out.bytes[..cut])).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn headers_are_checked() {
        let body = b"some payload".to_vec();
        let mut file = header(42, &body);
        file.extend_from_slice(&body);
        assert_eq!(payload_ok(&file, 42), Ok(()));
        let cases: &[(&str, Vec<u8>, u64)] = &[
            ("fingerprint", file.clone(), 43),
            ("magic", b"NOTAMODEL".to_vec(), 42),
            ("length", file[..file.len() - 1].to_vec(), 42),
            (
                "checksum",
                {
                    let mut f = file.clone();
                    *f.last_mut().unwrap() ^= 1;
                    f
                },
                42,
            ),
            (
                "version",
                {
                    let mut f = file.clone();
                    f[8] = 9;
                    f
                },
                42,
            ),
        ];
        for (field, bytes, fp) in cases {
            assert_eq!(payload(bytes, *fp).map(|_| ()).unwrap_err().0, *field);
        }
    }

    fn payload_ok(file: &[u8], fp: u64) -> Result<(), &'static str> {
        payload(file, fp).map(|_| ()).map_err(|e| e.0)
    }
}
