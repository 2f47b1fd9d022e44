//! Test helpers shared by the core's tests.

/// Deterministic pseudo-random numbers (xorshift64), so tests need no RNG crate: the
/// generator's successive states from `seed` (which must not be 0).
pub fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut s = seed;
    move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    }
}

/// `n` pseudo-random values in [−0.5, 0.5) from `seed`.
pub fn noise(seed: u64, n: usize) -> Vec<f64> {
    let mut next = xorshift(seed);
    (0..n)
        .map(|_| (next() >> 11) as f64 / (1u64 << 53) as f64 - 0.5)
        .collect()
}
