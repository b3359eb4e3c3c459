import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export type RandomStream = JumpableRandomGenerator;

/** What a stream is used for; each purpose of a run gets its own independent stream. */
export type StreamPurpose = 'data' | 'init' | 'batches' | 'subsample' | 'checkpoint' | 'bootstrap' | 'langevin';

const PURPOSE_CODE: Record<StreamPurpose, number> = { data: 1, init: 2, batches: 3, subsample: 4, checkpoint: 5, bootstrap: 6, langevin: 7 };

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * A xoroshiro128+ stream for (seed, purpose). pure-rand's own `xoroshiro128plus(seed)` puts the 32-bit
 * seed into the state almost unmixed, so nearby seeds would start on nearby states; here the four state
 * words are hashes of (seed, purpose, word index), and a stream never shares its start with another.
 */
export function createStream(seed: number, purpose: StreamPurpose): RandomStream {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const low = seed % 0x100000000 | 0;
  const high = Math.floor(seed / 0x100000000) | 0;
  const words = [0, 1, 2, 3].map((index) =>
    mix32(mix32(mix32(low ^ 0x9e3779b9) ^ high) ^ Math.imul(PURPOSE_CODE[purpose], 0x27d4eb2f) ^ (index * 0x165667b1)),
  );
  // xoroshiro's all-zero state is a fixed point; the hashes make it astronomically unlikely, but refuse it.
  if (!words.some((w) => w !== 0)) words[0] = 1;
  const rng = xoroshiro128plusFromState(words);
  // Discard a few outputs so that the first numbers do not echo the hashed state.
  for (let i = 0; i < 8; i++) rng.next();
  return rng;
}

/** A uniform double in [0, 1) built from 53 random bits (pure-rand's uniformFloat64). */
export function uniformUnit(rng: RandomStream): number {
  return uniformFloat64(rng);
}

const TWO_POW_32 = 4294967296;

/**
 * An unbiased uniform integer in [0, n), 1 ≤ n ≤ 2^21, by Lemire's multiply-and-reject on one 32-bit output:
 * x·n < 2^53 is exact in a double, its high 32 bits are the draw, and low words below 2^32 mod n are
 * rejected. Inlined here because the per-epoch shuffle draws N of these (pure-rand's uniformInt is general
 * and several times slower on this hot path).
 */
export function uniformIndex(rng: RandomStream, n: number): number {
  let product = (rng.next() >>> 0) * n;
  let low = product >>> 0;
  if (low < n) {
    const threshold = (TWO_POW_32 - n) % n;
    while (low < threshold) {
      product = (rng.next() >>> 0) * n;
      low = product >>> 0;
    }
  }
  return Math.floor(product / TWO_POW_32);
}

/** Seeded Fisher–Yates shuffle of the first `length` entries, in place. */
export function shuffleInPlace(rng: RandomStream, values: Int32Array, length: number = values.length): void {
  for (let i = length - 1; i > 0; i--) {
    const j = uniformIndex(rng, i + 1);
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
}
