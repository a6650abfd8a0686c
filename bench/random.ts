/**
 * A small seeded PRNG for the synthetic data: the same seed gives the same articles, byte for
 * byte, on every machine (Math.random would make bench runs incomparable).
 * mulberry32: https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export type Random = {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both included. */
  readonly int: (min: number, max: number) => number;
  readonly pick: <T>(items: readonly T[]) => T;
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean;
  /** `count` distinct items (or all of them), in random order. */
  readonly sample: <T>(items: readonly T[], count: number) => T[];
  /** An index chosen with the given relative weights. */
  readonly weighted: (weights: readonly number[]) => number;
};

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    for (let k = pool.length - 1; k > 0; k -= 1) {
      const j = Math.floor(next() * (k + 1));
      [pool[k], pool[j]] = [pool[j]!, pool[k]!];
    }
    return pool.slice(0, Math.min(count, pool.length));
  };
  const weighted = (weights: readonly number[]): number => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (const [k, w] of weights.entries()) {
      r -= w;
      if (r < 0) return k;
    }
    return weights.length - 1;
  };
  return { next, int, pick, chance: (p) => next() < p, sample, weighted };
}
