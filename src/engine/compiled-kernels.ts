import type { MomentWorkspace } from './moment-workspace.ts';
import type { Moments, SampleFeatures } from './moments.ts';
import type { Network } from './network.ts';

/**
 * Shape-specialised versions of the two hot loops (the fused moment-gradient step and the batch-moment
 * sum), generated once per network shape with every dimension and offset written in as a constant and
 * the short loops (over outputs and augmented inputs) unrolled. They perform exactly the arithmetic of
 * momentGradientStepGeneric and accumulateMoments, in the same order, so their results are bit-identical
 * (the specs check this); V8 runs them about twice as fast because its loops over tiny variable bounds
 * cost more than the arithmetic inside them.
 */
export type StepKernel = (
  params: Float64Array,
  moments: Moments,
  beta: number,
  lr: number,
  ws: MomentWorkspace,
  grad: Float64Array,
) => void;

export type AccumulateKernel = (rows: Float64Array, indices: Int32Array, start: number, length: number, out: Moments) => void;

/**
 * The arithmetic a kernel performs: 'float64' (JavaScript's own), or 'float32', where every stored weight and
 * every arithmetic result is rounded to single precision with Math.fround — what a float32 framework computes
 * (up to its order of summation), emulated in float64 registers.
 */
export type Precision = 'float64' | 'float32';

/** Source-text builders for one precision: `acc` adds a product into a variable, `r` rounds an expression. */
interface Arithmetic {
  r(expr: string): string;
  acc(target: string, a: string, b: string): string;
  add(a: string, b: string): string;
  mul(a: string, b: string): string;
}

const FLOAT64: Arithmetic = {
  r: (e) => e,
  acc: (t, a, b) => `${t} += ${a} * ${b};`,
  add: (a, b) => `${a} + ${b}`,
  mul: (a, b) => `${a} * ${b}`,
};

const FLOAT32: Arithmetic = {
  r: (e) => `F(${e})`,
  acc: (t, a, b) => `${t} = F(${t} + F(${a} * ${b}));`,
  add: (a, b) => `F(${a} + ${b})`,
  mul: (a, b) => `F(${a} * ${b})`,
};

function arithmetic(precision: Precision): Arithmetic {
  return precision === 'float32' ? FLOAT32 : FLOAT64;
}

const stepKernels = new Map<string, StepKernel>();
/** Inner products up to this length are written out term by term (same order as the loop). */
const UNROLL = 16;
const accumulateKernels = new Map<string, AccumulateKernel>();

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Lines that fill ws.prefixT[1..L] (see computePrefixesGeneric), with pt0 … ptL and P in scope. */
function prefixLines(net: Network, emit: (line: string) => void, ar: Arithmetic = FLOAT64): void {
  const w = net.shape.widths;
  const L = w.length - 1;
  const a = w[0]! + (net.shape.biases ? 1 : 0);
  for (let l = 1; l <= L; l++) {
    const rows = w[l]!;
    const inner = w[l - 1]!;
    const wo = net.weightOffset[l - 1]!;
    emit(`for (let c = 0; c < ${a}; c++) for (let i = 0; i < ${rows}; i++) {`);
    emit(`  let sum = 0; const wi = ${wo} + i * ${inner}, pc = c * ${inner};`);
    emit(
      inner <= UNROLL
        ? range(inner).map((k) => `  ${ar.acc('sum', `P[wi + ${k}]`, `pt${l - 1}[pc + ${k}]`)}`).join('\n')
        : `  for (let k = 0; k < ${inner}; k++) ${ar.acc('sum', 'P[wi + k]', `pt${l - 1}[pc + k]`)}`,
    );
    emit(`  pt${l}[c * ${rows} + i] = sum;`);
    emit('}');
    const bo = net.biasOffset[l - 1]!;
    const t = `pt${l}[${(a - 1) * rows} + i]`;
    if (bo >= 0) emit(`for (let i = 0; i < ${rows}; i++) ${t} = ${ar.add(t, `P[${bo} + i]`)};`);
  }
}

function workspaceLines(L: number, emit: (line: string) => void): void {
  emit('const P = params, pt = ws.prefixT, su = ws.suffix, g = ws.residual, h = ws.h;');
  for (const l of range(L + 1)) emit(`const pt${l} = pt[${l}], su${l} = su[${l}];`);
}

/** Source of the prefix kernel: the affine maps x̃ ↦ h_l into ws.prefixT. */
export function prefixKernelSource(net: Network): string {
  const out: string[] = [];
  const emit = (line: string) => out.push(line);
  workspaceLines(net.shape.widths.length - 1, emit);
  prefixLines(net, emit);
  return out.join('\n');
}

/** Source of the step kernel for a network's layout (see momentGradientStepGeneric for the maths). */
export function stepKernelSource(net: Network, precision: Precision = 'float64'): string {
  const ar = arithmetic(precision);
  const w = net.shape.widths;
  const L = w.length - 1;
  const a = w[0]! + (net.shape.biases ? 1 : 0);
  const m = w[L]!;
  const out: string[] = [];
  const emit = (line: string) => out.push(line);
  const update = (p: string) => (precision === 'float32' ? `${p} = F(${p} - F(lr * sum));` : `${p} -= lr * sum;`);
  workspaceLines(L, emit);
  emit('const sxx = moments.sxx, syx = moments.syx;');
  if (precision === 'float32') emit('const F = Math.fround;');
  prefixLines(net, emit, ar);
  // Residual G = coef (E Sxx − Syx), unrolled; g_o_c kept in locals.
  emit(`const coef = ${ar.r(`2 / (moments.count * ${m})`)};`);
  for (const o of range(m)) {
    for (const c of range(a)) {
      const sum = range(a).reduce((acc, k) => `(${ar.add(acc, ar.mul(`pt${L}[${k * m + o}]`, `sxx[${k * a + c}]`))})`, `-syx[${o * a + c}]`);
      emit(`const g${o}_${c} = ${ar.mul('coef', sum)};`);
      emit(`g[${o * a + c}] = g${o}_${c};`);
    }
  }
  for (let l = L; l >= 1; l--) {
    const rows = w[l]!;
    const cols = w[l - 1]!;
    const wo = net.weightOffset[l - 1]!;
    // h = G prefix[l-1]ᵀ.
    for (const o of range(m)) {
      const sum = range(a).reduce((acc, c) => `(${ar.add(acc, ar.mul(`g${o}_${c}`, `pt${l - 1}[${c * cols} + j]`))})`, '0');
      emit(`for (let j = 0; j < ${cols}; j++) h[${o * cols} + j] = ${sum};`);
    }
    if (l > 1) {
      for (const o of range(m)) {
        emit(`for (let j = 0; j < ${cols}; j++) {`);
        emit(`  let v = 0;`);
        emit(
          rows <= UNROLL
            ? range(rows).map((i) => `  ${ar.acc('v', `su${l}[${o * rows + i}]`, `P[${wo + i * cols} + j]`)}`).join('\n')
            : `  for (let i = 0; i < ${rows}; i++) ${ar.acc('v', `su${l}[${o * rows} + i]`, `P[${wo} + i * ${cols} + j]`)}`,
        );
        emit(`  su${l - 1}[${o * cols} + j] = v;`);
        emit('}');
      }
    }
    const bo = net.biasOffset[l - 1]!;
    if (bo >= 0) {
      emit(`for (let i = 0; i < ${rows}; i++) {`);
      emit(`  let sum = ${ar.mul('beta', `P[${bo} + i]`)};`);
      for (const o of range(m)) emit(`  ${ar.acc('sum', `su${l}[${o * rows} + i]`, `g${o}_${a - 1}`)}`);
      emit(`  grad[${bo} + i] = sum; ${update(`P[${bo} + i]`)}`);
      emit('}');
    }
    emit(`for (let i = 0; i < ${rows}; i++) {`);
    emit(`  ${range(m).map((o) => `const s${o} = su${l}[${o * rows} + i];`).join(' ')}`);
    emit(`  const wi = ${wo} + i * ${cols};`);
    const body = (j: string) => [
      `    { let sum = ${ar.mul('beta', `P[wi + ${j}]`)};`,
      ...range(m).map((o) => `    ${ar.acc('sum', `s${o}`, `h[${o * cols} + ${j}]`)}`),
      `    grad[wi + ${j}] = sum; ${update(`P[wi + ${j}]`)} }`,
    ];
    if (cols <= UNROLL) range(cols).forEach((j) => body(String(j)).forEach(emit));
    else {
      emit(`  for (let j = 0; j < ${cols}; j++)`);
      body('j').forEach(emit);
    }
    emit('}');
  }
  return out.join('\n');
}

export type PrefixKernel = (params: Float64Array, ws: MomentWorkspace) => void;
const prefixKernels = new Map<string, PrefixKernel>();

function shapeKey(net: Network): string {
  return `${net.shape.widths.join(',')}|${net.shape.biases}`;
}

/** The prefix kernel for a network's layout, generated on first use. */
export function prefixKernel(net: Network): PrefixKernel {
  const key = shapeKey(net);
  let kernel = prefixKernels.get(key);
  if (kernel === undefined) {
    kernel = new Function('params', 'ws', prefixKernelSource(net)) as PrefixKernel;
    prefixKernels.set(key, kernel);
  }
  return kernel;
}

/** The step kernel for a network's layout and precision, generated on first use. */
export function stepKernel(net: Network, precision: Precision = 'float64'): StepKernel {
  const key = `${shapeKey(net)}|${precision}`;
  let kernel = stepKernels.get(key);
  if (kernel === undefined) {
    kernel = new Function('params', 'moments', 'beta', 'lr', 'ws', 'grad', stepKernelSource(net, precision)) as StepKernel;
    stepKernels.set(key, kernel);
  }
  return kernel;
}

/** Source of the batch-moment sum for packed sample rows of the given width (see accumulateMoments). */
export function accumulateKernelSource(features: Pick<SampleFeatures, 'width' | 'augmentedInput'>, precision: Precision = 'float64'): string {
  const { width, augmentedInput: a } = features;
  const f32 = precision === 'float32';
  const add = (t: string, v: string) => (f32 ? `${t} = F(${t} + F(${v}));` : `${t} += ${v};`);
  const packed = width - 1;
  const aa = a * a;
  const sums = range(packed);
  return [
    ...(f32 ? ['const F = Math.fround;'] : []),
    `let ${sums.map((k) => `s${k} = 0`).join(', ')}, yy = 0;`,
    `for (let b = start; b < start + length; b++) {`,
    `  const base = indices[b] * ${width};`,
    ...sums.map((k) => `  ${add(`s${k}`, `rows[base + ${k}]`)}`),
    `  ${add('yy', `rows[base + ${packed}]`)}`,
    '}',
    `const sxx = out.sxx, syx = out.syx;`,
    ...sums.map((k) => (k < aa ? `sxx[${k}] = s${k};` : `syx[${k - aa}] = s${k};`)),
    'out.count = length; out.syyTrace = yy;',
  ].join('\n');
}

export function accumulateKernel(features: SampleFeatures, precision: Precision = 'float64'): AccumulateKernel {
  const key = `${features.width}|${features.augmentedInput}|${precision}`;
  let kernel = accumulateKernels.get(key);
  if (kernel === undefined) {
    kernel = new Function('rows', 'indices', 'start', 'length', 'out', accumulateKernelSource(features, precision)) as AccumulateKernel;
    accumulateKernels.set(key, kernel);
  }
  return kernel;
}
