// Speed of the SGD engine: steps per second on one core for both gradient paths on the paper's network
// (2 → 10 → 10 → 2, N = 512, B = 64, lr = 0.08, β = 0.32) with the per-epoch test-MSE metric; the moment path also
// in float32 arithmetic. Every path flushes weights below 1e-300 to zero, as the runs do.
// Usage: npm run bench [-- --json] [--epochs N]
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
  type GradientPath,
  type Precision,
} from '../src/engine/index.ts';
import { PROTOCOLS } from '../src/experiments/index.ts';

const protocol = PROTOCOLS['random-init'];
const data = makeTaskData(protocol.teacher, protocol.data, 42);
const train = prepareTrainingSet(data.train, false);
const testMoments = datasetMoments(data.test, false);
const epochsFast = Number(argv.epochs ?? 20_000);

function stepsPerSecond(path: GradientPath, epochs: number, precision: Precision = 'float64'): number {
  const net = createNetwork(protocol.network);
  initialiseGaussian(net, createStream(42, 'init'), protocol.initStd);
  const probe = new MetricsProbe(net, train.moments, testMoments);
  let sink = 0;
  const settings = { lr: protocol.lr, batch: protocol.batch, beta: protocol.beta, epochs, gradientPath: path, precision, flushBelow: 1e-300 };
  const started = performance.now();
  trainSgd(net, train, settings, createStream(42, 'batches'), () => {
    sink += probe.testMse();
  });
  const seconds = (performance.now() - started) / 1000;
  if (!Number.isFinite(sink)) throw new Error('diverged');
  return (epochs * stepsPerEpoch(data.train.count, protocol.batch)) / seconds;
}

// Warm each path up just before timing it, so the JIT has compiled the code that is measured.
stepsPerSecond('moments', 500);
const moments = stepsPerSecond('moments', epochsFast);
stepsPerSecond('backprop', 50);
const backprop = stepsPerSecond('backprop', Math.max(1, Math.round(epochsFast / 20)));
stepsPerSecond('moments', 500, 'float32');
const float32 = stepsPerSecond('moments', epochsFast, 'float32');
const result = {
  network: protocol.network.widths.join('→'),
  batch: protocol.batch,
  trainCount: data.train.count,
  perEpochMetric: 'test MSE',
  momentsStepsPerSecond: Math.round(moments),
  backpropStepsPerSecond: Math.round(backprop),
  float32MomentsStepsPerSecond: Math.round(float32),
  speedup: Number((moments / backprop).toFixed(2)),
  node: process.version,
};
if (argv.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const fmt = (v: number) => Math.round(v).toLocaleString('en-US').padStart(11);
  console.log(chalk.bold(`SGD steps per second, one core, ${result.network}, B = ${result.batch}, N = ${result.trainCount}, with per-epoch test MSE`));
  console.log(`  moment path (fast):      ${fmt(moments)}`);
  console.log(`  backprop path (ref):     ${fmt(backprop)}`);
  console.log(`  moment path, float32:    ${fmt(float32)}`);
  console.log(`  ratio fast/reference:    ${result.speedup.toFixed(2).padStart(11)}`);
}

// ---- Nonlinear networks (Section 4.1, Appendix G): per-sample backprop SGD on tanh and sigmoid 2 → 10 → 10 → 2 ----
{
  const { createNonlinearNetwork, trainNonlinearSgd } = await import('../src/engine/index.ts');
  const nonlinearStepsPerSecond = (activation: 'tanh' | 'sigmoid', epochs: number): number => {
    const net = createNonlinearNetwork({ ...protocol.network, activation });
    initialiseGaussian(net, createStream(42, 'init'), protocol.initStd);
    const settings = { lr: protocol.lr, batch: protocol.batch, beta: protocol.beta, epochs };
    const started = performance.now();
    trainNonlinearSgd(net, data.train, settings, createStream(42, 'batches'));
    return (epochs * stepsPerEpoch(data.train.count, protocol.batch)) / ((performance.now() - started) / 1000);
  };
  const nonlinearEpochs = Math.max(1, Math.round(epochsFast / 20));
  const nonlinear = Object.fromEntries(
    (['tanh', 'sigmoid'] as const).map((activation) => {
      nonlinearStepsPerSecond(activation, 50);
      return [activation, Math.round(nonlinearStepsPerSecond(activation, nonlinearEpochs))];
    }),
  );
  if (argv.json) console.log(JSON.stringify({ nonlinearStepsPerSecond: nonlinear }, null, 2));
  else for (const [activation, rate] of Object.entries(nonlinear)) console.log(`  ${activation} backprop path:     ${Math.round(rate).toLocaleString('en-US').padStart(11)}`);
}
