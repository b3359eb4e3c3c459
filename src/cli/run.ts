import { Command } from 'commander';
import { writeFileAtomic } from '../io/index.ts';
import { MAX_EPOCHS, PROTOCOL_NAMES, PROTOCOLS, type ProtocolName, type RunOverrides } from '../protocols/index.ts';
import { runProtocol, type RunRecord, type TraceRow } from '../run/index.ts';
import type { CliIo } from './cli-io.ts';
import { integerInRange, nonEmptyPath, nonNegativeNumber, oneOf, positiveNumber } from './parse-option.ts';
import { RunFailedError } from './usage-error.ts';
import { assertWritable } from './writable.ts';


interface RunFlags {
  protocol: ProtocolName;
  seed: number;
  epochs?: number;
  lr?: number;
  batch?: number;
  beta?: number;
  trace?: string;
  json?: boolean;
}

/** Per-epoch trace as CSV: epoch, train and test MSE, regularised loss, then σ_1 … σ_k. */
export function traceCsv(trace: readonly TraceRow[]): string {
  const modes = trace[0]?.singularValues.length ?? 0;
  const header = ['epoch', 'train_mse', 'test_mse', 'regularised_loss', ...Array.from({ length: modes }, (_, i) => `sigma_${i + 1}`)];
  const rows = trace.map((r) => [r.epoch, r.trainMse, r.testMse, r.regularisedLoss, ...r.singularValues].map(String).join(','));
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

function epochText(epoch: number | null): string {
  return epoch === null ? 'none' : `epoch ${epoch}`;
}

function notTrapped(trapped: boolean, why: string): string {
  return trapped ? '' : ` (did not start trapped: ${why})`;
}

export function summary(record: RunRecord): string {
  const { escape, final } = record;
  const mid = escape.testMseMidpoint;
  const start =
    record.start.kind === 'random'
      ? 'fresh weights'
      : `checkpoint annealed at β = ${record.start.stages.map((s) => s.beta).join(' → ')} (final |∇| = ${record.start.stages.at(-1)?.gradientNorm.toExponential(2)})`;
  const diverged =
    record.diverged === undefined
      ? []
      : [`  DIVERGED: test MSE not finite at epoch ${record.diverged.epoch}; training stopped there (lower --lr or --beta)`];
  return [
    `${record.protocol}, seed ${record.seed}: ${record.epochs} epochs at β = ${record.settings.beta}, lr = ${record.settings.lr}, B = ${record.settings.batch} (${record.settings.stepsPerEpoch} steps/epoch, ${record.parameterCount} parameters)`,
    ...diverged,
    `  start:   ${start}`,
    `  escape:  ${record.trapped ? epochText(record.escapeEpoch) : 'rule does not apply to this run'} (${record.escapeRule})`,
    `    test MSE below ${mid.threshold.toPrecision(6)} (plateau ${mid.plateau.testMse.toPrecision(6)}, global minimum ${mid.globalMinimum.testMse.toPrecision(6)}): ${epochText(mid.epoch)}${notTrapped(mid.trapped, 'the plateau branch is not of lower rank')}`,
    `    σ${escape.sigma.mode} above ${escape.sigma.threshold}: ${epochText(escape.sigma.epoch)}${notTrapped(escape.sigma.trapped, 'already above at the start')}`,
    `  final:   train MSE ${final.trainMse.toPrecision(6)}, test MSE ${final.testMse.toPrecision(6)}, σ = [${final.singularValues.map((s) => s.toPrecision(4)).join(', ')}], rank ${final.effectiveRank}`,
    `  speed:   ${Math.round(record.stepsPerSecond).toLocaleString('en-US')} SGD steps/s`,
    '',
  ].join('\n');
}

/** `metastable run`: one seed of a protocol, printed as a run record (--json) or a summary. */
export function runCommand(io: CliIo): Command {
  return new Command('run')
    .description('Train one seed of a protocol of Section 3.1 / Appendix A and report escape epochs and final metrics.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .requiredOption('--protocol <name>', `one of ${PROTOCOL_NAMES.join(', ')}`, oneOf('protocol', PROTOCOL_NAMES))
    .requiredOption('--seed <n>', 'run seed (integer >= 0)', integerInRange('seed', 0))
    .option('--epochs <n>', `epochs of the continued run (1 to ${MAX_EPOCHS.toLocaleString('en-US')})`, integerInRange('epochs', 1, MAX_EPOCHS))
    .option('--lr <x>', 'learning rate of the continued run', positiveNumber('lr'))
    .option('--batch <n>', 'batch size of the continued run', integerInRange('batch', 1))
    .option('--beta <x>', 'weight decay β of the continued run', nonNegativeNumber('beta'))
    .option('--trace <file.csv>', 'write the per-epoch trace as CSV (its folder is checked writable before the run)', nonEmptyPath('--trace'))
    .option('--json', 'print the run record as JSON')
    .addHelpText(
      'after',
      '\nNumbers are plain decimals (0.08, 1e-3). A run whose loss stops being finite is reported as diverged, with\n' +
        'its epoch (the record\'s `diverged` field), and exits 3; bad input exits 2.',
    )
    .action((flags: RunFlags) => {
      if (flags.trace !== undefined) assertWritable(flags.trace, '--trace', 'file');
      const overrides: RunOverrides = {
        ...(flags.epochs !== undefined ? { epochs: flags.epochs } : {}),
        ...(flags.lr !== undefined ? { lr: flags.lr } : {}),
        ...(flags.batch !== undefined ? { batch: flags.batch } : {}),
        ...(flags.beta !== undefined ? { beta: flags.beta } : {}),
      };
      // Read (and check) the protocol file first, so a broken one is the only line printed.
      const protocol = PROTOCOLS[flags.protocol];
      let lastReport = performance.now();
      io.stderr(`run: ${flags.protocol} seed ${flags.seed}: checkpoints and branch values…\n`);
      const { record, trace } = runProtocol(protocol, flags.seed, overrides, {
        trace: flags.trace !== undefined,
        onProgress: (epoch, total) => {
          const now = performance.now();
          if (now - lastReport >= 1000 || epoch === total) {
            lastReport = now;
            io.stderr(`run: epoch ${epoch}/${total}\n`);
          }
        },
      });
      if (flags.trace !== undefined && trace !== undefined) writeFileAtomic(flags.trace, traceCsv(trace));
      io.stdout(flags.json ? `${JSON.stringify(record, null, 2)}\n` : summary(record));
      if (record.diverged !== undefined) {
        throw new RunFailedError(
          `run diverged: the loss is not finite at epoch ${record.diverged.epoch} (lr ${record.settings.lr}, β ${record.settings.beta}); lower --lr or --beta.`,
        );
      }
    });
}
