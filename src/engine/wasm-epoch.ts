import { ZIGGURAT_STRIPS, zigguratBeyondRectangle, zigguratWedgeAccepts, type RandomStream } from '../data/index.ts';
import type { BatchSampling } from './batch-sampling.ts';
import type { Precision } from './compiled-kernels.ts';
import type { AfterEpoch, EndToEndView } from './end-to-end-view.ts';
import type { Moments, SampleFeatures } from './moments.ts';
import type { Network } from './network.ts';
import { FunctionBody, OP, SIMD, encodeModule, type FunctionImport } from './wasm-encoder.ts';

/**
 * A whole SGD epoch as one WebAssembly SIMD module, specialised to a network layout and batch configuration: the
 * Fisher–Yates reshuffle from the run's xoroshiro128+ stream (or, with replacement, each step's own draws from it),
 * then per step the batch moments, the fused moment-gradient step and the Langevin kick, then the flush. It is the
 * arithmetic of the JS kernels (compiled-kernels.ts, read from the same layout: widths, parameter offsets, packed
 * sample rows) sum by sum in the same order, so it is bit-identical to them. SIMD only ever puts two separate outputs in the two lanes of an f64x2; a sum is never split or reordered
 * (that changes its rounding), and relaxed SIMD (fused multiply-add where the hardware has it) is never used.
 */
export interface EpochConfig {
  readonly net: Pick<Network, 'shape' | 'weightOffset' | 'biasOffset' | 'params'>;
  readonly features: Pick<SampleFeatures, 'count' | 'width' | 'augmentedInput' | 'outputDim'>;
  /**
   * The effective batch (≤ N); equal to N means full-batch descent on the precomputed full moments, unless the
   * batches are drawn with replacement.
   */
  readonly batch: number;
  readonly steps: number;
  readonly precision: Precision;
  /**
   * SGLD: after every step each weight gets kick·ξ, ξ drawn right there by the ziggurat of ziggurat.ts from the
   * run's 'langevin' stream (trainSgd's `langevin`, float64 only). Absent or false: plain SGD.
   */
  readonly langevin?: boolean;
  /**
   * 'with-replacement': every step draws its batch index by index (drawWithReplacement of batch-sampling.ts) instead
   * of slicing the epoch's reshuffle. Absent: 'epoch-permutation'.
   */
  readonly batchSampling?: BatchSampling;
  /**
   * A network with biases trained as trainBiasedSgd trains it (biased-network.ts): each parameter's S is stepKernel's
   * with lr = 0 (β θ seeded into it when `decayBiases`, 'all-parameters'; else 0 · θ), which leaves θ' = θ − 0 · S;
   * then finishGradient's grad: S, plus β θ' on a weight when the biases are not decayed, 0 for a frozen bias; then
   * θ ← θ' − lr · grad. Absent: trainSgd's fused θ ← θ − lr · S on every parameter.
   */
  readonly biasTraining?: EpochBiasTraining;
  /**
   * The fused step also stores each parameter's S (its gradient) in the gradient area, as stepKernel fills `grad`:
   * what descend() reads. Absent: not stored.
   */
  readonly gradient?: boolean;
}

/** Whether the biases are decayed ('all-parameters') and whether they learn. */
export interface EpochBiasTraining {
  readonly decayBiases: boolean;
  readonly learnBiases: boolean;
}

/** Straight-line code per step grows with these multiply-adds; past this many a shape stays on the JS kernels. */
const MAX_TERMS = 40_000;
/** uniformIndex is exact for n ≤ 2^21 only (random-stream.ts); beyond, the JS path's rounding is not reproduced. */
const MAX_SAMPLES = 1 << 21;

type Lanes = 1 | 2;
type Emit = () => void;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Index runs [start, lanes] covering 0..n-1: pairs for f64x2, a single last one when n is odd. */
function groups(n: number): [number, Lanes][] {
  return range(Math.ceil(n / 2)).map((g) => [2 * g, 2 * g + 1 < n ? 2 : 1]);
}

function dims(cfg: EpochConfig) {
  const w = cfg.net.shape.widths;
  const L = w.length - 1;
  return { w, L, a: cfg.features.augmentedInput, m: w[L]!, n: cfg.features.count, packed: cfg.features.width - 1 };
}

/** Multiply-adds of one step's straight-line code (prefixes, residual, and per layer h, suffix and update). */
export function termsPerStep(cfg: EpochConfig): number {
  const { w, L, a, m } = dims(cfg);
  let terms = m * a * a;
  for (let l = 1; l <= L; l++) terms += a * w[l]! * w[l - 1]! + m * w[l - 1]! * (a + w[l]!) + w[l]! * w[l - 1]! * m;
  return terms;
}

let simdSupported: boolean | undefined;

/** Whether this runtime validates fixed-width SIMD (Node ≥ 16.4 does). */
export function wasmSimdSupported(): boolean {
  if (simdSupported === undefined) {
    const f = new FunctionBody([]);
    f.v128([0, 0]).op(OP.drop);
    simdSupported = typeof WebAssembly === 'object' && WebAssembly.validate(encodeModule(1, [{ name: 'f', body: f }]));
  }
  return simdSupported;
}

/** Whether a WebAssembly epoch exists for this configuration. */
export function epochKernelSupported(cfg: EpochConfig): boolean {
  const { n } = dims(cfg);
  return wasmSimdSupported() && n >= 1 && n <= MAX_SAMPLES && termsPerStep(cfg) <= MAX_TERMS;
}

/** Byte offsets of every array in linear memory (each 16-byte aligned). */
interface Layout {
  readonly params: number;
  readonly moments: number;
  /** Each parameter's gradient S of the last step (EpochConfig.gradient). */
  readonly grad: number;
  readonly residual: number;
  readonly h: number;
  /** prefix l in the layout [i][c] (rows of the map x̃ ↦ h_l), read along c by the next prefix. */
  readonly prefixRows: number[];
  /** prefix l transposed, [c][i] as ws.prefixT, read along i by h; l < L. */
  readonly prefixCols: number[];
  /** suffix l (m × n_l), l ≥ 1. */
  readonly suffix: number[];
  readonly rows: number;
  readonly order: number;
  /** The ziggurat's strips (stripTable), read by the SGLD kick. */
  readonly strips: number;
  readonly bytes: number;
}

/** The xoroshiro128+ states in memory: the batch stream's, and the SGLD kick's ('langevin'). */
const RNG = 0;
const NOISE_RNG = 16;
/** Where descend() leaves the last gradient norm it computed. */
const NORM = 32;
export type StreamSlot = 'batches' | 'langevin';
const SLOT: Record<StreamSlot, number> = { batches: RNG, langevin: NOISE_RNG };

function layoutOf(cfg: EpochConfig): Layout {
  const { w, L, a, m, n, packed } = dims(cfg);
  let at = 48;
  const take = (count: number, size = 8) => {
    const start = at;
    at += Math.ceil((count * size) / 16) * 16;
    return start;
  };
  const params = take(cfg.net.params.length);
  const moments = take(packed);
  const grad = take(cfg.gradient === true ? cfg.net.params.length : 0);
  const residual = take(m * a);
  const h = take(m * Math.max(...w));
  const prefixRows = w.map((nl) => take(nl * a));
  const prefixCols = w.slice(0, L).map((nl) => take(nl * a));
  const suffix = w.map((nl, l) => (l === 0 ? -1 : take(m * nl)));
  const rows = take(n * cfg.features.width);
  const order = take(n, 4);
  const strips = take(STRIP_TABLE.length);
  return { params, moments, grad, residual, h, prefixRows, prefixCols, suffix, rows, order, strips, bytes: at };
}

/**
 * Lane-generic float arithmetic on the operand stack: f64 for one lane, f64x2 for two. In float32 every result is
 * rounded to single precision and back (f32.demote_f64 / f64.promote_f32, round-to-nearest-even like Math.fround),
 * exactly where the FLOAT32 Arithmetic of compiled-kernels.ts writes F(…).
 */
class Arith {
  constructor(
    readonly f: FunctionBody,
    private readonly float32: boolean,
  ) {}

  round(lanes: Lanes): void {
    if (!this.float32) return;
    if (lanes === 2) this.f.simd(SIMD.f32x4DemoteF64x2Zero).simd(SIMD.f64x2PromoteLowF32x4);
    else this.f.op(OP.f32DemoteF64, OP.f64PromoteF32);
  }

  load(address: number, lanes: Lanes): Emit {
    return () => {
      this.f.i32(0);
      if (lanes === 2) this.f.simdMem(SIMD.load, address);
      else this.f.mem(OP.f64Load, address);
    };
  }

  /** One f64 for every lane. */
  splat(address: number, lanes: Lanes): Emit {
    return () => {
      this.f.i32(0);
      if (lanes === 2) this.f.simdMem(SIMD.load64Splat, address);
      else this.f.mem(OP.f64Load, address);
    };
  }

  constant(value: number, lanes: Lanes): Emit {
    return () => (lanes === 2 ? this.f.v128([value, value]) : this.f.f64(value));
  }

  /** A value held in a local: `scalar` (an f64) or `vector` (the same f64 in both lanes). */
  local(scalar: number, vector: number, lanes: Lanes): Emit {
    return () => this.f.get(lanes === 2 ? vector : scalar);
  }

  private binary(op: 'add' | 'sub' | 'mul', lanes: Lanes, x: Emit, y: Emit): Emit {
    const scalar = { add: OP.f64Add, sub: OP.f64Sub, mul: OP.f64Mul }[op];
    const vector = { add: SIMD.f64x2Add, sub: SIMD.f64x2Sub, mul: SIMD.f64x2Mul }[op];
    return () => {
      x();
      y();
      if (lanes === 2) this.f.simd(vector);
      else this.f.op(scalar);
      this.round(lanes);
    };
  }

  add = (lanes: Lanes, x: Emit, y: Emit): Emit => this.binary('add', lanes, x, y);
  sub = (lanes: Lanes, x: Emit, y: Emit): Emit => this.binary('sub', lanes, x, y);
  mul = (lanes: Lanes, x: Emit, y: Emit): Emit => this.binary('mul', lanes, x, y);

  /** start + Σ x_k y_k, added left to right: the order of `sum += x * y` in the JS kernels. */
  dot(lanes: Lanes, start: Emit, terms: readonly (readonly [Emit, Emit])[]): Emit {
    return terms.reduce<Emit>((acc, [x, y]) => this.add(lanes, acc, this.mul(lanes, x, y)), start);
  }

  /** Stores a value (lanes wide) at a constant address. */
  store(address: number, lanes: Lanes, value: Emit): void {
    this.f.i32(0);
    value();
    if (lanes === 2) this.f.simdMem(SIMD.store, address);
    else this.f.mem(OP.f64Store, address);
  }
}

/** Locals of the generator state and the bounded draw. */
interface RngLocals {
  readonly s0: number;
  readonly s1: number;
  readonly bound: number;
  readonly product: number;
  readonly low: number;
  readonly threshold: number;
}

function rngLocals(f: FunctionBody): RngLocals {
  return { s0: f.local('i64'), s1: f.local('i64'), bound: f.local('i64'), product: f.local('i64'), low: f.local('i64'), threshold: f.local('i64') };
}

function loadState(f: FunctionBody, r: RngLocals, at = RNG): void {
  f.i32(0).mem(OP.i64Load, at).set(r.s0);
  f.i32(0).mem(OP.i64Load, at + 8).set(r.s1);
}

function storeState(f: FunctionBody, r: RngLocals, at = RNG): void {
  f.i32(0).get(r.s0).mem(OP.i64Store, at);
  f.i32(0).get(r.s1).mem(OP.i64Store, at + 8);
}

/**
 * xoroshiro128+ (Blackman & Vigna) on s0 = (s01 : s00), s1 = (s11 : s10), pure-rand's four int32 words: leaves the
 * 32-bit output, the low word of s0 + s1, as an unsigned i64 on the stack (`full`: all 64 bits of s0 + s1, as the
 * ziggurat draws them), then steps the state.
 */
function emitNext(f: FunctionBody, r: RngLocals, full = false): void {
  f.get(r.s0).get(r.s1).op(OP.i64Add);
  if (!full) f.i64(0xffffffffn).op(OP.i64And);
  f.get(r.s1).get(r.s0).op(OP.i64Xor).set(r.s1);
  f.get(r.s0).i64(24n).op(OP.i64Rotl).get(r.s1).op(OP.i64Xor).get(r.s1).i64(16n).op(OP.i64Shl).op(OP.i64Xor).set(r.s0);
  f.get(r.s1).i64(37n).op(OP.i64Rotl).set(r.s1);
}

/** One draw x · bound into `product` and its low word into `low`. */
function emitProduct(f: FunctionBody, r: RngLocals): void {
  emitNext(f, r);
  f.get(r.bound).op(OP.i64Mul).tee(r.product).i64(0xffffffffn).op(OP.i64And).set(r.low);
}

/** uniformIndex of random-stream.ts for n = `bound`: Lemire's multiply-and-reject; leaves the index as an i32. */
function emitUniformIndex(f: FunctionBody, r: RngLocals): void {
  emitProduct(f, r);
  f.get(r.low).get(r.bound).op(OP.i64LtU).open(OP.if);
  f.i64(0x100000000n).get(r.bound).op(OP.i64Sub).get(r.bound).op(OP.i64RemU).set(r.threshold);
  f.open(OP.block).open(OP.loop);
  f.get(r.low).get(r.threshold).op(OP.i64LtU).op(OP.i32Eqz).op(OP.brIf, 1);
  emitProduct(f, r);
  f.op(OP.br, 0).op(OP.end, OP.end);
  f.op(OP.end);
  f.get(r.product).i64(32n).op(OP.i64ShrU).op(OP.i32WrapI64);
}

/** drawWithReplacement of batch-sampling.ts: order[0..batch) ← uniformIndex(n), index by index. */
function emitDraw(f: FunctionBody, lay: Layout, n: number, batch: number): void {
  const r = rngLocals(f);
  const at = f.local('i32');
  loadState(f, r);
  f.i64(BigInt(n)).set(r.bound);
  f.i32(0).set(at);
  f.open(OP.loop);
  f.get(at);
  emitUniformIndex(f, r);
  f.mem(OP.i32Store, lay.order, 2);
  f.get(at).i32(4).op(OP.i32Add).tee(at).i32(4 * batch).op(OP.i32LtU).op(OP.brIf, 0).op(OP.end);
  storeState(f, r);
}

/** shuffleInPlace of random-stream.ts over order[0..n). */
function emitShuffle(f: FunctionBody, lay: Layout, n: number): void {
  const r = rngLocals(f);
  const i = f.local('i32');
  const j = f.local('i32');
  const t = f.local('i32');
  const at = (k: number) => f.get(k).i32(4).op(OP.i32Mul);
  loadState(f, r);
  f.i32(n - 1).set(i);
  f.open(OP.block).open(OP.loop);
  f.get(i).op(OP.i32Eqz).op(OP.brIf, 1);
  f.get(i).i32(1).op(OP.i32Add).op(OP.i64ExtendI32U).set(r.bound);
  emitUniformIndex(f, r);
  f.set(j);
  at(i).mem(OP.i32Load, lay.order, 2).set(t);
  at(i);
  at(j).mem(OP.i32Load, lay.order, 2);
  f.mem(OP.i32Store, lay.order, 2);
  at(j).get(t).mem(OP.i32Store, lay.order, 2);
  f.get(i).i32(1).op(OP.i32Sub).set(i);
  f.op(OP.br, 0).op(OP.end, OP.end);
  storeState(f, r);
}

/**
 * The batch moments of order[cursor .. cursor + batch) into the moments area: accumulateKernelSource's sums, each
 * started at 0 and added sample by sample (two sums per f64x2). |y|² is left out: the step does not read it.
 */
function emitAccumulate(ar: Arith, cfg: EpochConfig, lay: Layout, cursor: number, end: number): void {
  const f = ar.f;
  const { packed } = dims(cfg);
  const base = f.local('i32');
  const sums = groups(packed).map(([k, lanes]) => ({ k, lanes, local: f.local(lanes === 2 ? 'v128' : 'f64') }));
  for (const s of sums) {
    ar.constant(0, s.lanes)();
    f.set(s.local);
  }
  f.get(cursor).i32(cfg.batch * 4).op(OP.i32Add).set(end);
  f.open(OP.loop);
  f.get(cursor).mem(OP.i32Load, lay.order, 2).i32(cfg.features.width * 8).op(OP.i32Mul).set(base);
  for (const s of sums) {
    const sample: Emit = () => {
      f.get(base);
      if (s.lanes === 2) f.simdMem(SIMD.load, lay.rows + 8 * s.k);
      else f.mem(OP.f64Load, lay.rows + 8 * s.k);
      ar.round(s.lanes);
    };
    ar.add(s.lanes, () => f.get(s.local), sample)();
    f.set(s.local);
  }
  f.get(cursor).i32(4).op(OP.i32Add).tee(cursor).get(end).op(OP.i32LtU).op(OP.brIf, 0).op(OP.end);
  for (const s of sums) ar.store(lay.moments + 8 * s.k, s.lanes, () => f.get(s.local));
}

interface StepLocals {
  readonly lr: number;
  readonly lrVector: number;
  readonly beta: number;
  readonly betaVector: number;
  readonly scalar: number;
  readonly vector: number;
  /** A second value held (θ' of trainBiasedSgd's step). */
  readonly scalar2: number;
  readonly vector2: number;
}

/**
 * The prefixes of the step (prefixLines of compiled-kernels.ts): the map to h_l = W_l (map to h_{l-1}) (+ b_l in the
 * constant column), row-major into prefixRows[l] and, for l < L, transposed into prefixCols[l].
 */
function emitPrefixes(ar: Arith, cfg: EpochConfig, lay: Layout, v: Pick<StepLocals, 'scalar' | 'vector'>): void {
  const f = ar.f;
  const { w, L, a } = dims(cfg);
  const { weightOffset, biasOffset } = cfg.net;
  const P = (k: number) => lay.params + 8 * k;
  const hold = (lanes: Lanes, value: Emit): Emit => {
    value();
    f.set(lanes === 2 ? v.vector : v.scalar);
    return () => f.get(lanes === 2 ? v.vector : v.scalar);
  };
  // Two columns c per f64x2.
  for (let l = 1; l <= L; l++) {
    const rows = w[l]!;
    const inner = w[l - 1]!;
    const bo = biasOffset[l - 1]!;
    for (let i = 0; i < rows; i++) {
      for (const [c, lanes] of groups(a)) {
        const terms = range(inner).map((k) => [ar.splat(P(weightOffset[l - 1]! + i * inner + k), lanes), ar.load(lay.prefixRows[l - 1]! + 8 * (k * a + c), lanes)] as const);
        let value = ar.dot(lanes, ar.constant(0, lanes), terms);
        if (bo >= 0 && c + lanes === a) {
          // Only the constant column gets the bias; x + (−0) = x exactly, so the other lane is unchanged.
          const bias = ar.load(P(bo + i), 1);
          const vectorBias: Emit = () => {
            f.v128([-0, -0]);
            bias();
            f.simd(SIMD.f64x2ReplaceLane, 1);
          };
          value = ar.add(lanes, value, lanes === 2 ? vectorBias : bias);
        }
        const held = hold(lanes, value);
        ar.store(lay.prefixRows[l]! + 8 * (i * a + c), lanes, held);
        if (l < L) {
          for (const q of range(lanes)) {
            f.i32(0);
            held();
            if (lanes === 2) f.simdMem(SIMD.store64Lane, lay.prefixCols[l]! + 8 * ((c + q) * rows + i)).op(q);
            else f.mem(OP.f64Store, lay.prefixCols[l]! + 8 * ((c + q) * rows + i));
          }
        }
      }
    }
  }
}

/**
 * The fused moment-gradient step of stepKernelSource: prefixes, residual G, then from the output layer down h,
 * the next suffix (from the old W_l), and the update of b_l and W_l. Straight-line code with constant addresses.
 */
function emitStep(ar: Arith, cfg: EpochConfig, lay: Layout, v: StepLocals): void {
  const f = ar.f;
  const { w, L, a, m } = dims(cfg);
  const { weightOffset, biasOffset } = cfg.net;
  const P = (k: number) => lay.params + 8 * k;
  const temp = (lanes: Lanes) => (lanes === 2 ? v.vector : v.scalar);
  const hold = (lanes: Lanes, value: Emit): Emit => {
    value();
    f.set(temp(lanes));
    return () => f.get(temp(lanes));
  };
  const beta = (lanes: Lanes) => ar.local(v.beta, v.betaVector, lanes);
  const lr = (lanes: Lanes) => ar.local(v.lr, v.lrVector, lanes);
  const biased = cfg.biasTraining;
  /**
   * A parameter's step from its gradient terms Σ: S = seed · θ + Σ (seed β, or 0 under 'weights-only'), then trainSgd's
   * fused θ ← θ − lr · S, or trainBiasedSgd's three passes one after another: θ' = θ − 0 · S (stepKernel at lr = 0),
   * grad = S (+ β θ' on a weight under 'weights-only', 0 for a frozen bias), θ ← θ' − lr · grad. Nothing later in the
   * step reads θ (suffix[l−1] is formed from the old W_l before), so the passes may run parameter by parameter, θ'
   * held in a local. The first is not a no-op: it turns θ = −0 into +0 when S ≤ 0 (a frozen bias keeps that +0), and
   * S = ±∞ into NaN.
   */
  const update = (address: number, lanes: Lanes, bias: boolean, terms: readonly (readonly [Emit, Emit])[]) => {
    const seed = biased === undefined || biased.decayBiases ? beta(lanes) : ar.constant(0, lanes);
    const sum = hold(lanes, ar.dot(lanes, ar.mul(lanes, seed, ar.load(address, lanes)), terms));
    if (cfg.gradient === true) ar.store(lay.grad + (address - lay.params), lanes, sum);
    if (biased === undefined) return ar.store(address, lanes, ar.sub(lanes, ar.load(address, lanes), ar.mul(lanes, lr(lanes), sum)));
    const zero = ar.constant(0, lanes);
    ar.sub(lanes, ar.load(address, lanes), ar.mul(lanes, zero, sum))();
    f.set(lanes === 2 ? v.vector2 : v.scalar2);
    const primed = ar.local(v.scalar2, v.vector2, lanes);
    const grad = bias ? (biased.learnBiases ? sum : zero) : biased.decayBiases ? sum : ar.add(lanes, sum, ar.mul(lanes, beta(lanes), primed));
    ar.store(address, lanes, ar.sub(lanes, primed, ar.mul(lanes, lr(lanes), grad)));
  };

  emitPrefixes(ar, cfg, lay, v);
  // Residual G = coef (E Sxx − Syx), from −Syx upwards.
  const coefValue = 2 / (cfg.batch * m);
  const coef = cfg.precision === 'float32' ? Math.fround(coefValue) : coefValue;
  const sxx = (k: number) => lay.moments + 8 * k;
  const syx = (k: number) => lay.moments + 8 * (a * a + k);
  for (let o = 0; o < m; o++) {
    for (const [c, lanes] of groups(a)) {
      const negSyx: Emit = () => {
        ar.load(syx(o * a + c), lanes)();
        if (lanes === 2) f.simd(SIMD.f64x2Neg);
        else f.op(OP.f64Neg);
      };
      const terms = range(a).map((k) => [ar.splat(lay.prefixRows[L]! + 8 * (o * a + k), lanes), ar.load(sxx(k * a + c), lanes)] as const);
      ar.store(lay.residual + 8 * (o * a + c), lanes, ar.mul(lanes, ar.constant(coef, lanes), ar.dot(lanes, negSyx, terms)));
    }
  }
  const g = (o: number, c: number) => lay.residual + 8 * (o * a + c);
  for (let l = L; l >= 1; l--) {
    const rows = w[l]!;
    const cols = w[l - 1]!;
    const wo = weightOffset[l - 1]!;
    const su = (o: number, i: number) => lay.suffix[l]! + 8 * (o * rows + i);
    const pt = lay.prefixCols[l - 1]!;
    // h = G prefix[l-1]ᵀ.
    for (let o = 0; o < m; o++) {
      for (const [j, lanes] of groups(cols)) {
        const terms = range(a).map((c) => [ar.splat(g(o, c), lanes), ar.load(pt + 8 * (c * cols + j), lanes)] as const);
        ar.store(lay.h + 8 * (o * cols + j), lanes, ar.dot(lanes, ar.constant(0, lanes), terms));
      }
    }
    // suffix[l-1] = suffix[l] W_l, before W_l is stepped.
    if (l > 1) {
      for (let o = 0; o < m; o++) {
        for (const [j, lanes] of groups(cols)) {
          const terms = range(rows).map((i) => [ar.splat(su(o, i), lanes), ar.load(P(wo + i * cols + j), lanes)] as const);
          ar.store(lay.suffix[l - 1]! + 8 * (o * cols + j), lanes, ar.dot(lanes, ar.constant(0, lanes), terms));
        }
      }
    }
    const bo = biasOffset[l - 1]!;
    if (bo >= 0) {
      for (const [i, lanes] of groups(rows)) {
        const terms = range(m).map((o) => [ar.load(su(o, i), lanes), ar.splat(g(o, a - 1), lanes)] as const);
        update(P(bo + i), lanes, true, terms);
      }
    }
    for (let i = 0; i < rows; i++) {
      for (const [j, lanes] of groups(cols)) {
        const at = P(wo + i * cols + j);
        const terms = range(m).map((o) => [ar.splat(su(o, i), lanes), ar.load(lay.h + 8 * (o * cols + j), lanes)] as const);
        update(at, lanes, false, terms);
      }
    }
  }
}

/** Weights with |w| below the threshold (a parameter; ≤ 0 or NaN: none) become +0, as trainSgd's flush. */
function emitFlush(f: FunctionBody, lay: Layout, count: number, threshold: number, v: StepLocals): void {
  const thresholds = f.local('v128');
  f.get(threshold).f64(0).op(OP.f64Gt).open(OP.if);
  f.get(threshold).simd(SIMD.f64x2Splat).set(thresholds);
  for (const [k, lanes] of groups(count)) {
    const at = lay.params + 8 * k;
    f.i32(0);
    if (lanes === 2) {
      f.i32(0).simdMem(SIMD.load, at).tee(v.vector).get(v.vector).simd(SIMD.f64x2Abs).get(thresholds).simd(SIMD.f64x2Lt).simd(SIMD.andnot);
      f.simdMem(SIMD.store, at);
    } else {
      f.f64(0).i32(0).mem(OP.f64Load, at).tee(v.scalar).get(v.scalar).op(OP.f64Abs).get(threshold).op(OP.f64Lt).op(OP.select);
      f.mem(OP.f64Store, at);
    }
  }
  f.op(OP.end);
}

/** The module's imports, from ziggurat.ts: (0) the base strip's tail, on the 'langevin' state in memory; (1) the wedge test. */
const IMPORTS: readonly FunctionImport[] = [
  { module: 'ziggurat', name: 'beyondRectangle', params: ['i32', 'f64'], results: ['f64'] },
  { module: 'ziggurat', name: 'wedgeAccepts', params: ['i32', 'f64', 'f64'], results: ['i32'] },
];
const [TAIL, WEDGE] = [0, 1];
/** beyondRectangleFunction's index: after the imports, the fifth of epochModuleBytes's functions. */
const BEYOND_RECTANGLE = IMPORTS.length + 4;
/** The block types of an if with an i32 or an f64 result. */
const TYPE_I32 = 0x7f;
const TYPE_F64 = 0x7c;

/**
 * The ziggurat's strips, 32 bytes each: ratio[i], x[i], and exp(½ (x[i]² − x[i+1]²)), the wedge's f1 / f0, then 0.
 * The last is Math.exp's (within an ulp), on squares rounded as the wedge rounds them (error < 10⁻¹⁵ in all).
 */
const STRIP_TABLE: Float64Array = (() => {
  const { edges, ratios } = ZIGGURAT_STRIPS;
  const table = new Float64Array(4 * ratios.length);
  ratios.forEach((ratio, i) => table.set([ratio, edges[i]!, Math.exp(0.5 * (edges[i]! * edges[i]! - edges[i + 1]! * edges[i + 1]!)), 0], 4 * i));
  return table;
})();
const STRIP_BYTES = 32;

/** Locals of the ziggurat draw. */
interface NormalLocals {
  readonly draw: number;
  /** The strip's byte offset in the strip table (strip · STRIP_BYTES). */
  readonly strip: number;
  readonly u: number;
  readonly x: number;
  readonly uniform: number;
  readonly e0: number;
  readonly a: number;
  readonly k: number;
  readonly r: number;
}

function normalLocals(f: FunctionBody): NormalLocals {
  const f64 = () => f.local('f64');
  return { draw: f.local('i64'), strip: f.local('i32'), u: f64(), x: f64(), uniform: f64(), e0: f64(), a: f64(), k: f64(), r: f64() };
}

/** 1/n!, n = 0..8: exp's Taylor coefficients on |r| ≤ ln 2 / 2, where the remainder is below 4·10⁻¹⁰ relative. */
const EXP_TAYLOR = Array.from({ length: 9 }, (_, n) => 1 / Array.from({ length: n }, (_, k) => k + 1).reduce((p, k) => p * k, 1));

/** 1.5·2^52: a + this, rounded, is round(a) + this for |a| < 2^51, with round(a) in the low bits of its f64. */
const ROUNDING = 1.5 * 2 ** 52;

/**
 * exp of the f64 on the stack, to within 10⁻⁹ relative (not Math.exp's bits: a bound for emitWedge): e^a = 2^k e^r,
 * k = round(a / ln 2) by the 1.5·2^52 shift, r = a − k ln 2, e^r by its Taylor polynomial, and 2^k from k's bits.
 * For |a| < 700 (the wedge's arguments are within ±6).
 */
function emitExp(f: FunctionBody, v: NormalLocals): void {
  f.tee(v.a).f64(1 / Math.LN2).op(OP.f64Mul).f64(ROUNDING).op(OP.f64Add).set(v.k);
  f.get(v.a).get(v.k).f64(ROUNDING).op(OP.f64Sub).f64(Math.LN2).op(OP.f64Mul).op(OP.f64Sub).set(v.r);
  f.f64(EXP_TAYLOR[8]!);
  for (let n = 7; n >= 0; n--) f.get(v.r).op(OP.f64Mul).f64(EXP_TAYLOR[n]!).op(OP.f64Add);
  // k + 0x4338000000000000 are the shifted sum's bits; (k + 1023) << 52 are 2^k's (the constant's low 12 bits are 0).
  f.get(v.k).op(OP.i64ReinterpretF64).i64(1023n).op(OP.i64Add).i64(52n).op(OP.i64Shl).op(OP.f64ReinterpretI64).op(OP.f64Mul);
}

/** Relative half-width of the bounds on Math.exp (2^−24 = 6·10⁻⁸): 100 × emitExp's error bound plus Math.exp's ulp. */
const EXP_BOUND = 2 ** -24;

/** The strip's index from its offset. */
function stripIndex(f: FunctionBody, v: NormalLocals): void {
  f.get(v.strip).i32(Math.log2(STRIP_BYTES)).op(OP.i32ShrU);
}

/**
 * zigguratWedgeAccepts(strip, x, uniform) of ziggurat.ts, leaving 1 (accept) or 0 as an i32. Its f0 = exp(a0), a0 the
 * same operations on the same bits, lies within (1 ± 2^−24)·emitExp(a0), and its f1 = exp(a1) within (1 ± 2^−24)·that
 * times the strip's f1 / f0 (a1 − a0 is ½ (x[i]² − x[i+1]²) up to 2·10⁻¹⁵: both round x², one subtraction each).
 * Rounded +, −, × are monotone, so f1 + U (f0 − f1) lies between the same sum on those bounds. When both ends are on
 * one side of 1 that is the answer; otherwise (about once in 10⁶ wedge draws) the imported zigguratWedgeAccepts
 * decides on Math.exp itself.
 */
function emitWedge(f: FunctionBody, lay: Layout, v: NormalLocals): void {
  const strip = (field: number) => f.get(v.strip).mem(OP.f64Load, lay.strips + 8 * field);
  f.f64(-0.5);
  strip(1).tee(v.a).get(v.a).op(OP.f64Mul);
  f.get(v.x).get(v.x).op(OP.f64Mul).op(OP.f64Sub).op(OP.f64Mul);
  emitExp(f, v);
  f.set(v.e0);
  const f0 = (side: number) => f.get(v.e0).f64(1 + side * EXP_BOUND).op(OP.f64Mul);
  const f1 = (side: number) => {
    f0(side);
    strip(2).op(OP.f64Mul);
  };
  /** f1 + U (f0 − f1) on the bounds: `side` +1 the upper end, −1 the lower. */
  const sum = (side: 1 | -1) => {
    f1(side);
    f.get(v.uniform);
    f0(side);
    f1(-side);
    f.op(OP.f64Sub, OP.f64Mul, OP.f64Add);
  };
  sum(1);
  f.f64(1).op(OP.f64Lt).op(OP.if, TYPE_I32).i32(1).op(OP.else);
  sum(-1);
  f.f64(1).op(OP.f64Ge).op(OP.if, TYPE_I32).i32(0).op(OP.else);
  stripIndex(f, v);
  f.get(v.x).get(v.uniform).op(OP.call, WEDGE);
  f.op(OP.end, OP.end);
}

/**
 * The Langevin kick after a step: θ_k += kick·ξ_k for k = 0, 1, …, each ξ_k drawn just before it by fill of
 * ziggurat.ts from the 'langevin' state, so the normals come in the order trainSgd's fillStandardNormalZiggurat
 * draws them, from the same bits by the same operations: the rectangle here, a draw outside it (one in 36) by
 * beyondRectangleFunction, its wedge in the module (emitWedge) and the base strip's tail (one draw in 1600) by the
 * imported zigguratBeyondRectangle, which reads and writes the state in memory.
 * Product then sum, as trainSgd's `params[k] += kick * noise[k]`.
 */
function emitKick(f: FunctionBody, lay: Layout, count: number, kick: number): void {
  const r = rngLocals(f);
  const v = normalLocals(f);
  const at = f.local('i32');
  const z = f.local('f64');
  const exponent = f.local('i64');
  loadState(f, r, NOISE_RNG);
  f.i32(0).set(at);
  // One loop, two weights a turn (the head of a loop is a stack check): a normal accepted falls through to the kick;
  // a draw rejected goes back to the top for the same weight.
  const weight = () => {
    emitNext(f, r, true);
    // The 7 high bits pick the strip (held as its offset in the table, 32 bytes a strip).
    f.tee(v.draw).i64(52n).op(OP.i64ShrU).op(OP.i32WrapI64).i32(0xfe0).op(OP.i32And).set(v.strip);
    // u = (2 + k·2^−51) − 3 for the 52 bits k: the f64 with those bits as its fraction and exponent 1, less 3; exact,
    // so the same bits as ziggurat.ts's k·2^−51 − 1.
    f.get(v.draw).i64(7n).op(OP.i64Shl).i64(12n).op(OP.i64ShrU).get(exponent).op(OP.i64Or);
    f.op(OP.f64ReinterpretI64).f64(3).op(OP.f64Sub).tee(v.u);
    f.get(v.strip).mem(OP.f64Load, lay.strips + 8).op(OP.f64Mul).set(z);
    // Inside the strip's rectangle z = u·x[i] is the normal; outside it, beyondRectangle below, on the state in memory
    // (so that no value of this loop lives across its call).
    f.get(v.u).op(OP.f64Abs).get(v.strip).mem(OP.f64Load, lay.strips).op(OP.f64Ge).open(OP.if);
    storeState(f, r, NOISE_RNG);
    f.get(v.strip).get(v.u).op(OP.call, BEYOND_RECTANGLE).tee(z);
    loadState(f, r, NOISE_RNG);
    f.get(z).op(OP.f64Ne).op(OP.brIf, 1);
    f.op(OP.end);
    f.get(at).get(at).mem(OP.f64Load, lay.params).get(kick).get(z).op(OP.f64Mul).op(OP.f64Add).mem(OP.f64Store, lay.params);
    f.get(at).i32(8).op(OP.i32Add).tee(at).i32(8 * count).op(OP.i32LtU);
  };
  // 2's exponent bits, in a local: a constant in the loop is materialised on every turn.
  f.i64(0x4000000000000000n).set(exponent);
  f.open(OP.block).open(OP.loop);
  weight();
  f.op(OP.i32Eqz).op(OP.brIf, 1);
  weight();
  f.op(OP.brIf, 0).op(OP.end, OP.end);
  storeState(f, r, NOISE_RNG);
}

/**
 * beyondRectangle(strip offset, u): the rest of a draw outside its strip's rectangle, from the 'langevin' state in
 * memory: the base strip's tail by the imported zigguratBeyondRectangle; else the wedge at x = u·x[i] with the next
 * output's 53 high bits as its uniform (unit() of ziggurat.ts), x if accepted, NaN if rejected.
 */
function beyondRectangleFunction(lay: Layout): FunctionBody {
  const f = new FunctionBody(['i32', 'f64'], ['f64']);
  const r = rngLocals(f);
  const v = normalLocals(f);
  f.get(0).set(v.strip);
  f.get(v.strip).op(OP.i32Eqz).op(OP.if, TYPE_F64);
  f.i32(0).get(1).op(OP.call, TAIL);
  f.op(OP.else);
  f.get(1).get(v.strip).mem(OP.f64Load, lay.strips + 8).op(OP.f64Mul).set(v.x);
  loadState(f, r, NOISE_RNG);
  emitNext(f, r, true);
  f.i64(11n).op(OP.i64ShrU).op(OP.f64ConvertI64S).f64(2 ** -53).op(OP.f64Mul).set(v.uniform);
  storeState(f, r, NOISE_RNG);
  f.get(v.x).f64(Number.NaN);
  emitWedge(f, lay, v);
  f.op(OP.select).op(OP.end);
  return f;
}

/** wedgeAccepts(strip, x, uniform): emitWedge as a function; for the specs. */
function wedgeFunction(lay: Layout): FunctionBody {
  const f = new FunctionBody(['i32', 'f64', 'f64'], ['i32']);
  const v = normalLocals(f);
  f.get(0).i32(STRIP_BYTES).op(OP.i32Mul).set(v.strip);
  f.get(1).set(v.x);
  f.get(2).set(v.uniform);
  emitWedge(f, lay, v);
  return f;
}

/** epoch(lr, beta, flushBelow, kick): one epoch of trainSgd's moment path on the state in memory. */
function epochFunction(cfg: EpochConfig, lay: Layout): FunctionBody {
  const f = new FunctionBody(['f64', 'f64', 'f64', 'f64']);
  const [lr, beta, flush, kick] = [0, 1, 2, 3];
  const step = () => {
    emitStep(ar, cfg, lay, v);
    if (cfg.langevin === true) emitKick(f, lay, cfg.net.params.length, kick);
  };
  const v: StepLocals = { lr, beta, lrVector: f.local('v128'), betaVector: f.local('v128'), scalar: f.local('f64'), vector: f.local('v128'), scalar2: f.local('f64'), vector2: f.local('v128') };
  const ar = new Arith(f, cfg.precision === 'float32');
  f.get(lr).simd(SIMD.f64x2Splat).set(v.lrVector);
  f.get(beta).simd(SIMD.f64x2Splat).set(v.betaVector);
  const { n } = dims(cfg);
  if (cfg.batchSampling === 'with-replacement') {
    // Every step its own batch in order[0..batch), drawn just before it; never the full moments.
    const cursor = f.local('i32');
    const end = f.local('i32');
    const left = f.local('i32');
    f.i32(cfg.steps).set(left);
    f.open(OP.loop);
    emitDraw(f, lay, n, cfg.batch);
    f.i32(0).set(cursor);
    emitAccumulate(ar, cfg, lay, cursor, end);
    step();
    f.get(left).i32(1).op(OP.i32Sub).tee(left).op(OP.brIf, 0).op(OP.end);
  } else if (cfg.batch === n) {
    // A full batch is the same set whatever the order: no shuffle, the full moments stay in place.
    step();
  } else {
    emitShuffle(f, lay, n);
    const cursor = f.local('i32');
    const end = f.local('i32');
    f.i32(0).set(cursor);
    f.open(OP.loop);
    emitAccumulate(ar, cfg, lay, cursor, end);
    step();
    f.get(cursor).i32(cfg.steps * cfg.batch * 4).op(OP.i32LtU).op(OP.brIf, 0).op(OP.end);
  }
  emitFlush(f, lay, cfg.net.params.length, flush, v);
  return f;
}


/**
 * descend(maxSteps, lr, beta, tolerance) → steps: descendFullBatch's loop on the full moments in memory. Per step the
 * fused step at lr = 0 (θ ← θ − 0 · S, S into the gradient area: stepKernel(…, 0, …) with its grad), the norm
 * √(Σ S_k²) summed in index order as dense.ts's norm, the stop tests (below the tolerance, or not finite: the step's
 * index is returned), then θ ← θ − lr · S. The last norm is left at NORM; maxSteps is returned when no test stopped.
 */
function descendFunction(cfg: EpochConfig, lay: Layout): FunctionBody {
  const f = new FunctionBody(['i32', 'f64', 'f64', 'f64'], ['i32']);
  const [maxSteps, lr, beta, tolerance] = [0, 1, 2, 3];
  const zero = f.local('f64');
  const v: StepLocals = { lr: zero, beta, lrVector: f.local('v128'), betaVector: f.local('v128'), scalar: f.local('f64'), vector: f.local('v128'), scalar2: f.local('f64'), vector2: f.local('v128') };
  const ar = new Arith(f, false);
  const step = f.local('i32');
  const norm = f.local('f64');
  const lrVector = f.local('v128');
  const count = cfg.net.params.length;
  f.f64(0).set(zero);
  f.v128([0, 0]).set(v.lrVector);
  f.get(beta).simd(SIMD.f64x2Splat).set(v.betaVector);
  f.get(lr).simd(SIMD.f64x2Splat).set(lrVector);
  f.i32(0).set(step);
  f.open(OP.block).open(OP.loop);
  f.get(step).get(maxSteps).op(OP.i32LtU).op(OP.i32Eqz).op(OP.brIf, 1);
  emitStep(ar, cfg, lay, v);
  f.f64(0).set(norm);
  for (let k = 0; k < count; k++) {
    const g = () => f.i32(0).mem(OP.f64Load, lay.grad + 8 * k);
    f.get(norm);
    g();
    g();
    f.op(OP.f64Mul, OP.f64Add).set(norm);
  }
  f.get(norm).op(OP.f64Sqrt).set(norm);
  f.i32(0).get(norm).mem(OP.f64Store, NORM);
  f.get(norm).get(tolerance).op(OP.f64Lt).open(OP.if).get(step).op(OP.return).op(OP.end);
  // Not finite: ∞ − ∞ and NaN − NaN are NaN.
  f.get(norm).get(norm).op(OP.f64Sub).f64(0).op(OP.f64Ne).open(OP.if).get(step).op(OP.return).op(OP.end);
  for (const [k, lanes] of groups(count)) {
    ar.store(lay.params + 8 * k, lanes, ar.sub(lanes, ar.load(lay.params + 8 * k, lanes), ar.mul(lanes, () => f.get(lanes === 2 ? lrVector : lr), ar.load(lay.grad + 8 * k, lanes))));
  }
  f.get(step).i32(1).op(OP.i32Add).set(step);
  f.op(OP.br, 0).op(OP.end, OP.end);
  f.get(step);
  return f;
}

/** prefixes(): the prefixes of the weights in memory, the last (the end-to-end map) in prefixRows[L]. */
function prefixesFunction(cfg: EpochConfig, lay: Layout): FunctionBody {
  const f = new FunctionBody([]);
  emitPrefixes(new Arith(f, cfg.precision === 'float32'), cfg, lay, { scalar: f.local('f64'), vector: f.local('v128') });
  return f;
}

/** next(): the stream's next 32-bit output (signed, as pure-rand's next()); for the specs. */
function nextFunction(): FunctionBody {
  const f = new FunctionBody([], ['i32']);
  const r = rngLocals(f);
  loadState(f, r);
  emitNext(f, r);
  f.op(OP.i32WrapI64);
  storeState(f, r);
  return f;
}

/** uniformIndex(n): as random-stream.ts's; for the specs. */
function uniformIndexFunction(): FunctionBody {
  const f = new FunctionBody(['i32'], ['i32']);
  const r = rngLocals(f);
  loadState(f, r);
  f.get(0).op(OP.i64ExtendI32U).set(r.bound);
  emitUniformIndex(f, r);
  storeState(f, r);
  return f;
}

export function configKey(cfg: EpochConfig): string {
  const { shape, weightOffset, biasOffset } = cfg.net;
  const { count, width, augmentedInput } = cfg.features;
  return [shape.widths, weightOffset, biasOffset, [count, width, augmentedInput, cfg.batch, cfg.steps], cfg.precision, cfg.langevin === true, cfg.batchSampling ?? 'epoch-permutation', cfg.biasTraining === undefined ? 'fused' : [cfg.biasTraining.decayBiases, cfg.biasTraining.learnBiases], cfg.gradient === true].join('|');
}

/** The module's bytes for a configuration (a pure function of it). */
export function epochModuleBytes(cfg: EpochConfig): Uint8Array {
  const lay = layoutOf(cfg);
  return encodeModule(
    Math.ceil(lay.bytes / 65536),
    [
      { name: 'epoch', body: epochFunction(cfg, lay) },
      { name: 'next', body: nextFunction() },
      { name: 'uniformIndex', body: uniformIndexFunction() },
      { name: 'wedgeAccepts', body: wedgeFunction(lay) },
      { name: 'beyondRectangle', body: beyondRectangleFunction(lay) },
      { name: 'prefixes', body: prefixesFunction(cfg, lay) },
      ...(cfg.gradient === true ? [{ name: 'descend', body: descendFunction(cfg, lay) }] : []),
    ],
    IMPORTS,
  );
}

const modules = new Map<string, WebAssembly.Module>();

/** pure-rand's xoroshiro128plus keeps its state in four int32 fields, getState() order (s01, s00, s11, s10). */
export interface XoroshiroFields {
  s01: number;
  s00: number;
  s11: number;
  s10: number;
}

const isInt32 = (v: unknown): v is number => typeof v === 'number' && (v | 0) === v;

/** True when the stream is a pure-rand xoroshiro128+ whose state can be handed to the kernel and back. */
export function isXoroshiroStream(rng: RandomStream): rng is RandomStream & XoroshiroFields {
  const fields = rng as unknown as Partial<XoroshiroFields>;
  const state = rng.getState();
  return (
    state.length === 4 &&
    [fields.s01, fields.s00, fields.s11, fields.s10].every((v, k) => isInt32(v) && v === state[k])
  );
}

/** One instance of the epoch module with the training set loaded: its state is handed in and out by the caller. */
export class EpochKernel {
  readonly params: Float64Array;
  private readonly states: Record<StreamSlot, Int32Array>;
  private readonly run: (lr: number, beta: number, flushBelow: number, kick: number) => void;
  readonly next: () => number;
  readonly uniformIndex: (n: number) => number;
  readonly wedgeAccepts: (strip: number, x: number, uniform: number) => number;
  private readonly prefixes: () => void;
  /** The last prefix (m × a, row-major) in memory: the affine end-to-end map after prefixes(). */
  private readonly lastPrefix: Float64Array;
  private readonly outputs: number;
  /** The moments area the step reads: a full batch's moments stay here from step to step. */
  private readonly fullMoments: Float64Array;
  private readonly runDescent: ((maxSteps: number, lr: number, beta: number, tolerance: number) => number) | undefined;
  private readonly norm: Float64Array;

  constructor(cfg: EpochConfig, rows: Float64Array, fullMoments: Moments) {
    const key = configKey(cfg);
    let module = modules.get(key);
    if (module === undefined) {
      module = new WebAssembly.Module(epochModuleBytes(cfg));
      modules.set(key, module);
    }
    // The ziggurat's tail, on the 'langevin' state the module has just stored (the view exists by then), and its wedge test.
    let noiseState: Int32Array = new Int32Array(0);
    const imports = {
      ziggurat: {
        beyondRectangle: (strip: number, u: number) => zigguratBeyondRectangle(noiseState, strip, u),
        wedgeAccepts: (strip: number, x: number, uniform: number) => (zigguratWedgeAccepts(strip, x, uniform) ? 1 : 0),
      },
    };
    const exports = new WebAssembly.Instance(module, imports).exports as {
      memory: WebAssembly.Memory;
      epoch: (lr: number, beta: number, flushBelow: number, kick: number) => void;
      next: () => number;
      uniformIndex: (n: number) => number;
      wedgeAccepts: (strip: number, x: number, uniform: number) => number;
      prefixes: () => void;
      descend?: (maxSteps: number, lr: number, beta: number, tolerance: number) => number;
    };
    const lay = layoutOf(cfg);
    const buffer = exports.memory.buffer;
    const { w, L, a, m, n } = dims(cfg);
    this.params = new Float64Array(buffer, lay.params, cfg.net.params.length);
    this.states = { batches: new Int32Array(buffer, RNG, 4), langevin: new Int32Array(buffer, NOISE_RNG, 4) };
    noiseState = this.states.langevin;
    new Float64Array(buffer, lay.strips, STRIP_TABLE.length).set(STRIP_TABLE);
    new Float64Array(buffer, lay.rows, rows.length).set(rows);
    new Int32Array(buffer, lay.order, n).set(Int32Array.from({ length: n }, (_, i) => i));
    // Constant ends, as createMomentWorkspace: the map to h_0 is [I | 0], the product after the last layer is I_m.
    const n0 = w[0]!;
    const rows0 = new Float64Array(buffer, lay.prefixRows[0]!, n0 * a);
    const cols0 = new Float64Array(buffer, lay.prefixCols[0]!, n0 * a);
    const lastSuffix = new Float64Array(buffer, lay.suffix[L]!, m * m);
    for (let i = 0; i < n0; i++) rows0[i * a + i] = cols0[i * n0 + i] = 1;
    for (let o = 0; o < m; o++) lastSuffix[o * m + o] = 1;
    this.fullMoments = new Float64Array(buffer, lay.moments, a * a + m * a);
    if (cfg.batch === n && cfg.batchSampling !== 'with-replacement') this.loadFullMoments(fullMoments);
    this.run = exports.epoch;
    this.next = exports.next;
    this.uniformIndex = exports.uniformIndex;
    this.wedgeAccepts = exports.wedgeAccepts;
    this.prefixes = exports.prefixes;
    this.lastPrefix = new Float64Array(buffer, lay.prefixRows[L]!, m * a);
    this.outputs = m;
    this.runDescent = exports.descend;
    this.norm = new Float64Array(buffer, NORM, 1);
  }

  /**
   * The affine end-to-end map of the weights in memory, transposed (a × m) into `out` as MomentWorkspace.prefixT[L]
   * holds it: computePrefixes's arithmetic, so the same bits, without the weights leaving the module.
   */
  /** A full batch's moments (Sxx, then Syx) into the area the step reads, for a kernel whose batch is the whole set. */
  loadFullMoments(moments: Pick<Moments, 'sxx' | 'syx'>): void {
    this.fullMoments.set(moments.sxx);
    this.fullMoments.set(moments.syx, moments.sxx.length);
  }

  /**
   * descendFullBatch's loop in the module (EpochConfig.gradient): the steps taken before a stop test fired (maxSteps
   * when none did) and the last gradient norm computed (NaN when no step was taken).
   */
  descend(maxSteps: number, lr: number, beta: number, tolerance: number): { readonly steps: number; readonly gradientNorm: number } {
    if (this.runDescent === undefined) throw new Error('descend() needs a kernel built with gradient: true');
    this.norm[0] = Number.NaN;
    const steps = this.runDescent(maxSteps, lr, beta, tolerance);
    return { steps, gradientNorm: this.norm[0]! };
  }

  /** endToEndT as an observer's view, into one array of its own. */
  view(): EndToEndView {
    const out = new Float64Array(this.lastPrefix.length);
    return { endToEndT: () => this.endToEndT(out) };
  }

  endToEndT(out: Float64Array): Float64Array {
    this.prefixes();
    const { lastPrefix, outputs } = this;
    const a = lastPrefix.length / outputs;
    for (let o = 0; o < outputs; o++) for (let c = 0; c < a; c++) out[c * outputs + o] = lastPrefix[o * a + c]!;
    return out;
  }

  epoch(lr: number, beta: number, flushBelow: number, kick = 0): void {
    this.run(lr, beta, flushBelow, kick);
  }

  /**
   * Loads a stream's state into its slot: the batch stream's (default) or the SGLD kick's (memory holds s0 = s01:s00
   * and s1 = s11:s10 as little-endian i64).
   */
  takeStream(rng: XoroshiroFields, slot: StreamSlot = 'batches'): void {
    const s = this.states[slot];
    s[0] = rng.s00;
    s[1] = rng.s01;
    s[2] = rng.s10;
    s[3] = rng.s11;
  }

  giveStream(rng: XoroshiroFields, slot: StreamSlot = 'batches'): void {
    const s = this.states[slot];
    rng.s00 = s[0]!;
    rng.s01 = s[1]!;
    rng.s10 = s[2]!;
    rng.s11 = s[3]!;
  }
}

/** The settings runEpochs reads (trainSgd's and trainBiasedSgd's). */
export interface EpochSettings {
  readonly lr: number;
  readonly beta: number;
  readonly epochs: number;
  readonly flushBelow?: number;
}

/**
 * trainSgd's and trainBiasedSgd's epochs on the WebAssembly kernel: the parameters and the stream's state move into
 * the module's memory, and back out around every afterEpoch call (which reads them, or the end-to-end map through
 * its view, formed in the module, and may change them) and at the end. An SGLD run's 'langevin' stream moves in once
 * (it is trainSgd's own: nothing reads it afterwards); the kernel draws the normals from it. Returns the epochs run.
 */
export function runEpochs(
  kernel: EpochKernel,
  params: Float64Array,
  { lr, beta, epochs, flushBelow = 0 }: EpochSettings,
  rng: XoroshiroFields,
  afterEpoch: AfterEpoch | undefined,
  langevin: { readonly kick: number; readonly rng: XoroshiroFields } | null,
): number {
  kernel.params.set(params);
  kernel.takeStream(rng);
  if (langevin !== null) kernel.takeStream(langevin.rng, 'langevin');
  const view = kernel.view();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    kernel.epoch(lr, beta, flushBelow, langevin?.kick ?? 0);
    if (afterEpoch !== undefined) {
      params.set(kernel.params);
      kernel.giveStream(rng);
      if (afterEpoch(epoch, view) === true) return epoch;
      kernel.params.set(params);
      kernel.takeStream(rng);
    }
  }
  params.set(kernel.params);
  kernel.giveStream(rng);
  return epochs;
}
