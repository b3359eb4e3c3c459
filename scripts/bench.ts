// Speed of the SGD engine: steps per second on one core on the paper's network (2 → 10 → 10 → 2, N = 512, B = 64,
// lr = 0.08, β = 0.32) with the per-epoch test-MSE metric, for the WebAssembly epoch (the default), the JS kernels
// (the reference), the backprop path, float32 and batches drawn with replacement; beside them the yardstick
// bench/sgd-epoch.c, the same epoch written as fast as C allows, compiled here with cc -O3 -march=native (skipped with
// a note when there is no C compiler), and the ratios yardstick / JS (goal ≥ 7) and WebAssembly / yardstick (goal
// ≥ 0.8). Every path flushes weights below 1e-300 to zero, as the runs do. Every path is timed in its process's CPU time, and each figure is the best of a few
// interleaved rounds: the machine is shared. First of all, the command's start-up: the median wall time of a few
// spawns of `node bin/metastable.js --help`, on the bundle when it is current (else on the sources through tsx).
// Usage: npm run bench [-- --json] [--epochs N] [--rounds N] [--spawns N] [--startup-only]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argv, chalk } from 'zx';
import { createStream, makeTaskData } from '../src/data/index.ts';
import {
  MetricsProbe,
  createNetwork,
  datasetMoments,
  initialiseGaussian,
  prepareTrainingSet,
  stepsPerEpoch,
  trainSgd,
  type SgdSettings,
} from '../src/engine/index.ts';
import { PROTOCOLS } from '../src/protocols/index.ts';

// ---- Start-up: wall seconds of `node bin/metastable.js --help`, the median of --spawns spawns after one to warm the file cache ----
{
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bin = join(root, 'bin', 'metastable.js');
  const spawns = Math.max(1, Number(argv.spawns ?? 11));
  // What bin/metastable.js starts: the bundle when no source is newer than it, else the sources through tsx.
  const sources = join(root, 'src');
  const built = (() => {
    try {
      return statSync(join(root, 'dist', 'metastable.js')).mtimeMs;
    } catch {
      return Number.NEGATIVE_INFINITY;
    }
  })();
  const onBundle = readdirSync(sources, { recursive: true }).every((file) => statSync(join(sources, String(file))).mtimeMs <= built);
  const spawnSeconds = (): number => {
    const started = performance.now();
    const child = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`metastable --help exited ${child.status}: ${child.stderr}`);
    return seconds;
  };
  spawnSeconds();
  const times = Array.from({ length: spawns }, spawnSeconds).sort((a, b) => a - b);
  const median = spawns % 2 === 1 ? times[(spawns - 1) / 2]! : (times[spawns / 2 - 1]! + times[spawns / 2]!) / 2;
  const startup = { startupHelpSecondsMedian: Number(median.toFixed(3)), startupSpawns: spawns, startupOnBundle: onBundle };
  if (argv.json) console.log(JSON.stringify(startup, null, 2));
  else {
    const path = onBundle ? 'the bundle' : chalk.yellow('the sources through tsx (a source is newer than dist/: npm run build)');
    console.log(chalk.bold('Start-up of the command, wall time'));
    console.log(`  metastable --help, median of ${spawns}: ${median.toFixed(3)} s (${times[0]!.toFixed(3)}–${times[spawns - 1]!.toFixed(3)} s), on ${path}`);
  }
  if (argv['startup-only']) process.exit(0);
}

const protocol = PROTOCOLS['random-init'];
const data = makeTaskData(protocol.teacher, protocol.data, 42);
const train = prepareTrainingSet(data.train, false);
const testMoments = datasetMoments(data.test, false);
const epochsFast = Number(argv.epochs ?? 20_000);
const rounds = Number(argv.rounds ?? 3);
const steps = stepsPerEpoch(data.train.count, protocol.batch);

/** User and system CPU seconds of this process since `started` (a process.cpuUsage() reading). */
function cpuSecondsSince(started: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1e6;
}

function stepsPerSecond(variant: Partial<SgdSettings>, epochs: number): number {
  const net = createNetwork(protocol.network);
  initialiseGaussian(net, createStream(42, 'init'), protocol.initStd);
  const probe = new MetricsProbe(net, train.moments, testMoments);
  let sink = 0;
  const settings: SgdSettings = { lr: protocol.lr, batch: protocol.batch, beta: protocol.beta, epochs, flushBelow: 1e-300, ...variant };
  const started = process.cpuUsage();
  trainSgd(net, train, settings, createStream(42, 'batches'), (_, view) => {
    sink += probe.watchedTestMse(view);
  });
  const seconds = cpuSecondsSince(started);
  if (!Number.isFinite(sink)) throw new Error('diverged');
  return (epochs * steps) / seconds;
}

/** bench/sgd-epoch.c compiled with -O3 and these flags, or null when no C compiler is found. */
function compileC(flags: readonly string[]): string | null {
  const cc = ['cc', 'gcc', 'clang'].find((name) => spawnSync(name, ['--version']).status === 0);
  if (cc === undefined) return null;
  const binary = join(mkdtempSync(join(tmpdir(), 'sgd-epoch-')), 'sgd-epoch');
  const source = fileURLToPath(new URL('../bench/sgd-epoch.c', import.meta.url));
  execFileSync(cc, ['-O3', ...flags, '-o', binary, source, '-lm']);
  return binary;
}

const cBinary = compileC(['-march=native']);
/**
 * The yardstick held to the engine's arithmetic and width: no fused multiply-add (GCC contracts a·b + c by default),
 * the sums in the engine's order, and 128-bit vectors, the width of WebAssembly SIMD.
 */
const cLikeEngine = cBinary === null ? null : compileC(['-march=native', '-mprefer-vector-width=128', '-ffp-contract=off', '-DSEQUENTIAL_SUMS']);
const runBinary = (binary: string, epochs: number) => Number(execFileSync(binary, [String(epochs), String(protocol.lr), String(protocol.beta)]).toString().split(' ')[0]);
const runC = (epochs: number) => runBinary(cBinary!, epochs);

const paths = {
  wasm: { variant: { kernel: 'wasm' }, epochs: epochsFast },
  js: { variant: { kernel: 'js' }, epochs: Math.round(epochsFast / 4) },
  backprop: { variant: { gradientPath: 'backprop' }, epochs: Math.max(1, Math.round(epochsFast / 40)) },
  float32Wasm: { variant: { precision: 'float32' }, epochs: epochsFast },
  replacementWasm: { variant: { batchSampling: 'with-replacement' }, epochs: epochsFast },
} as const satisfies Record<string, { variant: Partial<SgdSettings>; epochs: number }>;
type PathName = keyof typeof paths;

const best: Record<PathName | 'c' | 'cLikeEngine', number> = { wasm: 0, js: 0, backprop: 0, float32Wasm: 0, replacementWasm: 0, c: 0, cLikeEngine: 0 };
// Warm each path up (JIT and WebAssembly tier-up) before the timed rounds.
for (const { variant, epochs } of Object.values(paths)) stepsPerSecond(variant, Math.max(1, Math.round(epochs / 10)));
for (let round = 0; round < rounds; round++) {
  for (const [name, { variant, epochs }] of Object.entries(paths) as [PathName, (typeof paths)[PathName]][]) {
    best[name] = Math.max(best[name], stepsPerSecond(variant, epochs));
  }
  if (cBinary !== null) best.c = Math.max(best.c, runC(epochsFast));
  if (cLikeEngine !== null) best.cLikeEngine = Math.max(best.cLikeEngine, runBinary(cLikeEngine, epochsFast));
}

const ratio = (v: number) => (cBinary === null ? null : Number((v / best.c).toFixed(2)));
/** The goals: the yardstick at least 7 × the JS reference, the WebAssembly epoch at least 0.8 × the yardstick. */
const GOAL = { cToJs: 7, wasmToC: 0.8 };
const result = {
  network: protocol.network.widths.join('→'),
  batch: protocol.batch,
  trainCount: data.train.count,
  perEpochMetric: 'test MSE',
  wasmStepsPerSecond: Math.round(best.wasm),
  jsStepsPerSecond: Math.round(best.js),
  backpropStepsPerSecond: Math.round(best.backprop),
  float32WasmStepsPerSecond: Math.round(best.float32Wasm),
  replacementWasmStepsPerSecond: Math.round(best.replacementWasm),
  cStepsPerSecond: cBinary === null ? null : Math.round(best.c),
  cLikeEngineStepsPerSecond: cLikeEngine === null ? null : Math.round(best.cLikeEngine),
  wasmToC: ratio(best.wasm),
  jsToC: ratio(best.js),
  cToJs: cBinary === null ? null : Number((best.c / best.js).toFixed(2)),
  wasmToJs: Number((best.wasm / best.js).toFixed(2)),
  node: process.version,
};
if (argv.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const fmt = (v: number) => Math.round(v).toLocaleString('en-US').padStart(11);
  const vsC = (v: number) => (cBinary === null ? '' : `   ${(v / best.c).toFixed(2)} × C`);
  console.log(chalk.bold(`SGD steps per second, one core, ${result.network}, B = ${result.batch}, N = ${result.trainCount}, with per-epoch test MSE`));
  console.log(`  WebAssembly epoch (default): ${fmt(best.wasm)}${vsC(best.wasm)}`);
  console.log(`  JS kernels (reference):      ${fmt(best.js)}${vsC(best.js)}`);
  console.log(`  backprop path:               ${fmt(best.backprop)}`);
  console.log(`  WebAssembly epoch, float32:  ${fmt(best.float32Wasm)}`);
  console.log(`  WebAssembly, with replacement: ${fmt(best.replacementWasm).slice(2)}`);
  if (cBinary === null) console.log(chalk.dim('  C -O3 -march=native:         skipped: no C compiler (cc, gcc or clang) found'));
  else {
    const mark = (value: number, goal: number) => (value >= goal ? chalk.green(`goal ≥ ${goal}: met`) : chalk.yellow(`goal ≥ ${goal}: not met`));
    console.log(`  C yardstick -O3 -march=native: ${fmt(best.c).slice(2)}`);
    console.log(`  yardstick / JS:              ${(best.c / best.js).toFixed(2).padStart(11)}   ${mark(best.c / best.js, GOAL.cToJs)}`);
    console.log(`  WebAssembly / yardstick:     ${(best.wasm / best.c).toFixed(2).padStart(11)}   ${mark(best.wasm / best.c, GOAL.wasmToC)}`);
    console.log(`  C as the engine computes (no FMA, sums in order, 128-bit vectors): ${fmt(best.cLikeEngine).slice(2)}   WebAssembly / it: ${(best.wasm / best.cLikeEngine).toFixed(2)}`);
  }
  console.log(`  WebAssembly / JS:            ${result.wasmToJs.toFixed(2).padStart(11)}`);
}

// ---- Nonlinear networks (Section 4.1, Appendix G): SGD on tanh and sigmoid 2 → 10 → 10 → 2, B = 64, both gradient paths ----
{
  const { createNonlinearNetwork, trainNonlinearSgd } = await import('../src/engine/index.ts');
  type Path = 'batched' | 'per-sample';
  const nonlinearStepsPerSecond = (activation: 'tanh' | 'sigmoid', gradientPath: Path, epochs: number): number => {
    const net = createNonlinearNetwork({ ...protocol.network, activation });
    initialiseGaussian(net, createStream(42, 'init'), protocol.initStd);
    const settings = { lr: protocol.lr, batch: protocol.batch, beta: protocol.beta, epochs, gradientPath };
    const started = process.cpuUsage();
    trainNonlinearSgd(net, data.train, settings, createStream(42, 'batches'));
    return (epochs * stepsPerEpoch(data.train.count, protocol.batch)) / cpuSecondsSince(started);
  };
  const nonlinearEpochs = Math.max(1, Math.round(epochsFast / 20));
  const nonlinear: Record<string, number> = {};
  for (const activation of ['tanh', 'sigmoid'] as const) {
    for (const path of ['batched', 'per-sample'] as const) {
      nonlinearStepsPerSecond(activation, path, 50);
      let rate = 0;
      for (let round = 0; round < rounds; round++) rate = Math.max(rate, nonlinearStepsPerSecond(activation, path, nonlinearEpochs));
      nonlinear[`${activation} ${path}`] = Math.round(rate);
    }
  }
  if (argv.json) console.log(JSON.stringify({ nonlinearStepsPerSecond: nonlinear }, null, 2));
  else for (const [name, rate] of Object.entries(nonlinear)) console.log(`  ${name.padEnd(19)} backprop:  ${rate.toLocaleString('en-US').padStart(11)}`);
}

// ---- The positive controls: SGLD (the WebAssembly epoch with the ziggurat kick), Euler–Maruyama on one mode, and their full-profile cost ----
{
  const { modeControlRun } = await import('../src/run/index.ts');
  const { modePotential } = await import('../src/engine/index.ts');
  const { jobCost } = await import('../src/runner/index.ts');
  const { jobsOf } = await import('../src/experiments/index.ts');
  const sgldEpochs = Math.max(1, Math.round(epochsFast / 4));
  // Warm up first: an SGLD run compiles a WebAssembly epoch of its own (with the kick), once per process.
  stepsPerSecond({ langevin: { temperature: 1e-3, seed: 7 } }, Math.max(1, Math.round(sgldEpochs / 10)));
  const sgld = Math.round(stepsPerSecond({ langevin: { temperature: 1e-3, seed: 7 } }, sgldEpochs));
  const potential = modePotential(0.8, 0.32, 3);
  const started = process.cpuUsage();
  let eulerSteps = 0;
  for (let seed = 0; seed < 4; seed++) eulerSteps += modeControlRun({ eta: 0.8, beta: 0.32, depth: 3, temperature: potential.barrier / 6, dt: 0.01, maxSteps: 1e7 }, 1, seed).steps;
  const euler = Math.round(eulerSteps / cpuSecondsSince(started));
  const controlJobs = [...jobsOf({ experiment: 'mode-control' }, 'full'), ...jobsOf({ experiment: 'network-control' }, 'full')];
  const controlCpu = Math.round(controlJobs.reduce((s, job) => s + jobCost(job, null).cpuSeconds, 0));
  if (argv.json) console.log(JSON.stringify({ sgldStepsPerSecond: sgld, sgdToSgld: Number((best.wasm / sgld).toFixed(2)), eulerStepsPerSecond: euler, controlsFullProfileCpuSecondsUpperBound: controlCpu }, null, 2));
  else {
    console.log(`  SGLD (ziggurat kick):           ${sgld.toLocaleString('en-US').padStart(11)}   SGD / SGLD per step: ${(best.wasm / sgld).toFixed(2)} (goal ≤ 2: ${best.wasm / sgld <= 2 ? 'met' : 'not met'})`);
    console.log(`  one-mode Euler–Maruyama:        ${euler.toLocaleString('en-US').padStart(11)}`);
    console.log(`  positive controls, full profile: ≤ ${controlCpu} CPU s by the cost model (every SGLD run to its budget)`);
  }
}
