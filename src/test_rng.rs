//! A small deterministic random source for the unit tests that compare a fast path with a
//! plain reading of its rule on random inputs (xorshift64: no dependency, same inputs on
//! every run).

/// Xorshift64 from a fixed seed.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new() -> Rng {
        Rng(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
