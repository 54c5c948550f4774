//! The text layer: folding (accents, case, final sigma, look-alikes) with a map back to the
//! original, tokens and their shapes, the letter case names need, and the vocabulary that
//! gives each folded token its gazetteer id and word classes. Nothing here knows about
//! entities.

pub(crate) mod case;
pub mod names;
pub mod normalize;
pub(crate) mod span;
pub(crate) mod tokens;
pub(crate) mod vocab;
