import type { RandomStream } from './random-stream.ts';

// Doornik's ZIGNOR ziggurat (J. A. Doornik, "An Improved Ziggurat Method to Generate Normal Random Samples", 2005):
// 128 strips of equal area V under exp(−x²/2), the base strip with the tail beyond R. A draw is one 64-bit output of
// the stream's xoroshiro128+: its 7 high bits pick the strip, the next 52 the signed position; about 97.2 % of draws are
// accepted at once with one compare and one multiply, far fewer operations than the polar method's log and √.
// The strip index and the position come from disjoint bits, which is Doornik's fix for the correlation of
// Marsaglia–Tsang's original.

const STRIPS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;

/** x[i]: the strips' right edges (x[0] = V / f(R), the base strip's virtual width; x[128] = 0). */
const X = new Float64Array(STRIPS + 1);
/** ratio[i] = x[i+1] / x[i]: below it a position is inside strip i's rectangle, accepted at once. */
const RATIO = new Float64Array(STRIPS);
{
  let f = Math.exp(-0.5 * R * R);
  X[0] = V / f;
  X[1] = R;
  X[STRIPS] = 0;
  for (let i = 2; i < STRIPS; i++) {
    X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1]! + f));
    f = Math.exp(-0.5 * X[i]! * X[i]!);
  }
  for (let i = 0; i < STRIPS; i++) RATIO[i] = X[i + 1]! / X[i]!;
}

const TWO_POW_27 = 134217728;
const TWO_POW_M51 = 2 ** -51;
const TWO_POW_M53 = 2 ** -53;

/** The stream's four int32 state words (pure-rand's xoroshiro128+, getState() order), or null for another generator. */
interface XoroshiroState {
  s01: number;
  s00: number;
  s11: number;
  s10: number;
}

function xoroshiroState(rng: RandomStream): (RandomStream & XoroshiroState) | null {
  const fields = rng as unknown as Partial<XoroshiroState>;
  const state = rng.getState();
  const same = state.length === 4 && [fields.s01, fields.s00, fields.s11, fields.s10].every((v, k) => typeof v === 'number' && v === state[k]);
  return same ? (rng as RandomStream & XoroshiroState) : null;
}

/**
 * The working copy of a xoroshiro128+ state (s01, s00, s11, s10 as pure-rand keeps them: s0 = s01:s00, s1 = s11:s10),
 * then the last output's low and high words; module-level so that the step inlines.
 */
const S = new Int32Array(6);

/**
 * One xoroshiro128+ step on S with its full 64-bit output s0 + s1 in S[4] (low word: what pure-rand's next()
 * returns) and S[5] (high word, the generator's best bits; pure-rand drops it).
 */
function step(): void {
  const s01 = S[0]!;
  const s00 = S[1]!;
  const s11 = S[2]!;
  const s10 = S[3]!;
  const low = (s00 + s10) | 0;
  S[4] = low;
  S[5] = (s01 + s11 + ((low >>> 0) < (s00 >>> 0) ? 1 : 0)) | 0;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  S[1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  S[0] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  S[3] = (a1 << 5) ^ (a0 >>> 27);
  S[2] = (a0 << 5) ^ (a1 >>> 27);
}

/** A uniform in [0, 1) from the 53 high bits of one 64-bit output. */
function unit(): number {
  step();
  return ((S[5]! >>> 0) * 2097152 + (S[4]! >>> 11)) * TWO_POW_M53;
}

/**
 * A draw outside strip `strip`'s rectangle (|u| ≥ ratio[strip]), drawing on S: the tail for the base strip, else the
 * wedge test; NaN when the wedge rejects it (the normal is then drawn afresh).
 */
function beyondRectangle(strip: number, u: number): number {
  if (strip === 0) {
    // Marsaglia's tail beyond R: exact for the normal conditioned on |x| > R (logs of 1 − U ∈ (0, 1]).
    let x: number;
    let y: number;
    do {
      x = Math.log(1 - unit()) / R;
      y = Math.log(1 - unit());
    } while (-2 * y < x * x);
    return u < 0 ? x - R : R - x;
  }
  const x = u * X[strip]!;
  return zigguratWedgeAccepts(strip, x, unit()) ? x : Number.NaN;
}

/**
 * The wedge between strip i's rectangle and the curve (strip ≥ 1, x = u·x[i] outside the rectangle): accept x under
 * exp(−x²/2), given the draw's second uniform.
 */
export function zigguratWedgeAccepts(strip: number, x: number, uniform: number): boolean {
  const f0 = Math.exp(-0.5 * (X[strip]! * X[strip]! - x * x));
  const f1 = Math.exp(-0.5 * (X[strip + 1]! * X[strip + 1]! - x * x));
  return f1 + uniform * (f0 - f1) < 1;
}

function fill(out: Float64Array): void {
  for (let k = 0; k < out.length; k++) {
    for (;;) {
      step();
      const hi = S[5]! >>> 0;
      const strip = hi >>> 25;
      // The 25 low bits of the high word and the 27 high bits of the low word: u in [−1, 1) on a grid of 2^−51.
      const u = ((hi & 0x1ffffff) * TWO_POW_27 + (S[4]! >>> 5)) * TWO_POW_M51 - 1;
      if (Math.abs(u) < RATIO[strip]!) {
        out[k] = u * X[strip]!;
        break;
      }
      const z = beyondRectangle(strip, u);
      if (z === z) {
        out[k] = z;
        break;
      }
    }
  }
}

/** The ziggurat's strips for a copy of it written elsewhere (the WebAssembly epoch's): x[0..128] and ratio[0..127]. */
export const ZIGGURAT_STRIPS: { readonly edges: Float64Array; readonly ratios: Float64Array } = { edges: X, ratios: RATIO };

/**
 * The rest of a draw, for a ziggurat whose accepted-at-once case runs elsewhere (the WebAssembly epoch): given the
 * strip and u of a draw outside its rectangle, the normal, or NaN when the draw is rejected (draw again). It draws
 * from the xoroshiro128+ state in `state` (the words s00, s01, s10, s11: s0 then s1 as little-endian 64-bit) and
 * writes the state back there.
 */
export function zigguratBeyondRectangle(state: Int32Array, strip: number, u: number): number {
  S[0] = state[1]!;
  S[1] = state[0]!;
  S[2] = state[3]!;
  S[3] = state[2]!;
  const z = beyondRectangle(strip, u);
  state[0] = S[1]!;
  state[1] = S[0]!;
  state[2] = S[3]!;
  state[3] = S[2]!;
  return z;
}

/**
 * Fills `out` with independent standard normals by the ziggurat above, drawing 32-bit words from `rng`. Each draw is
 * one step of the stream's xoroshiro128+ with its full 64-bit output (pure-rand's next() returns only the low 32
 * bits), run on a working copy of the state written back at the end: the stream moves exactly as that many next()
 * calls would move it, with no method call per word.
 * Only exp, log and √ (V8's fdlibm ports and correctly rounded √): the same bits on every platform.
 */
export function fillStandardNormalZiggurat(rng: RandomStream, out: Float64Array): void {
  const fast = xoroshiroState(rng);
  if (fast === null) throw new RangeError('the ziggurat draws from a createStream (xoroshiro128+) stream');
  S[0] = fast.s01;
  S[1] = fast.s00;
  S[2] = fast.s11;
  S[3] = fast.s10;
  fill(out);
  fast.s01 = S[0]!;
  fast.s00 = S[1]!;
  fast.s11 = S[2]!;
  fast.s10 = S[3]!;
}
