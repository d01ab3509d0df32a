//! The deterministic random numbers of the generated benchmark trees.

/// xorshift64*, seeded through splitmix64.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for `parts` (say, a locale and a file) under `seed` (one per
    /// generator, so two trees never share their streams).
    pub(crate) fn new(seed: u64, parts: &[u64]) -> Self {
        let mut x = seed;
        for &p in parts {
            x = splitmix(x ^ p);
        }
        Rng(x | 1)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub(crate) fn per_mille(&mut self, p: u64) -> bool {
        self.next() % 1000 < p
    }

    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
