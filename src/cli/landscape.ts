import { Command, Option } from 'commander';
import {
  CONVENTIONS,
  DEFAULT_CONVENTION,
  MAX_DECIMAL_DIGITS,
  MIN_DECIMAL_DIGITS,
  OutOfRangeError,
  decimalScalar,
  describeLandscape,
  float64,
  type Convention,
  type LandscapeSummary,
  type Scalar,
} from '../analytic/index.ts';
import type { CliIo } from './cli-io.ts';
import { integerInRange, nonNegativeNumber, positiveNumber } from './parse-option.ts';
import { UsageError } from './usage-error.ts';

interface LandscapeOptions {
  eta: string;
  beta: string;
  depth: number;
  convention: Convention;
  digits?: number;
  json?: boolean;
}

/** The JSON record of `metastable landscape` (DESIGN.md): numbers as decimal strings, null where absent. */
export interface LandscapeRecord {
  eta: string;
  beta: string;
  depth: number;
  convention: Convention;
  backend: string;
  betaC: string;
  lambdaC: string;
  betaStar: string;
  lambdaSaddle: string | null;
  lambdaMin: string | null;
  barrier: string | null;
  barrierFromMin: string | null;
  globalPhase: 'zero' | 'nonzero';
}

/** Validates a number but keeps the text, so the decimal backend reads "0.8" exactly, not its nearest double. */
function keepText(parse: (raw: string) => number) {
  return (raw: string): string => {
    parse(raw);
    return raw.trim();
  };
}

function landscapeRecord<T>(S: Scalar<T>, options: LandscapeOptions): LandscapeRecord {
  const summary: LandscapeSummary<T> = describeLandscape(S, {
    eta: S.of(options.eta),
    beta: S.of(options.beta),
    depth: options.depth,
    convention: options.convention,
  });
  const text = (value: T): string => S.toString(value);
  const orNull = (value: T | null): string | null => (value === null ? null : text(value));
  return {
    eta: options.eta,
    beta: options.beta,
    depth: options.depth,
    convention: options.convention,
    backend: S.name,
    betaC: text(summary.betaC),
    lambdaC: text(summary.lambdaC),
    betaStar: text(summary.betaStar),
    lambdaSaddle: orNull(summary.lambdaSaddle),
    lambdaMin: orNull(summary.lambdaMin),
    barrier: orNull(summary.barrier),
    barrierFromMin: orNull(summary.barrierFromMin),
    globalPhase: summary.globalPhase,
  };
}

/** The record, or a UsageError saying why float64 cannot hold it and what to run instead. */
export function computeLandscape(options: LandscapeOptions): LandscapeRecord {
  try {
    return options.digits === undefined
      ? landscapeRecord(float64, options)
      : landscapeRecord(decimalScalar(options.digits), options);
  } catch (error) {
    if (!(error instanceof OutOfRangeError)) throw error;
    const hint = options.digits === undefined ? '; decimal arithmetic has no such limit: add --digits 17' : '';
    throw new UsageError(`${error.message}${hint}.`);
  }
}

const ROWS: ReadonlyArray<[keyof LandscapeRecord, string, string]> = [
  ['betaC', 'βc', 'critical strength: the non-zero minimum exists only below it (Eq. 3)'],
  ['lambdaC', 'λc', 'where saddle and minimum merge at βc (Appendix D.1)'],
  ['betaStar', 'β*', 'equal-loss point: below it the non-zero minimum is global'],
  ['lambdaSaddle', 'λsad', 'unstable root of Eq. 2'],
  ['lambdaMin', 'λ**', 'non-zero minimum (stable root of Eq. 2)'],
  ['barrier', 'ΔE', 'Loss(λsad) − Loss(0): escape from the zero phase (Eq. 10)'],
  ['barrierFromMin', 'ΔE**', 'Loss(λsad) − Loss(λ**): escape from the non-zero phase'],
  ['globalPhase', 'global', 'which minimum has the lower loss at this β'],
];

export function formatLandscapeTable(record: LandscapeRecord): string {
  const values = ROWS.map(([key]) => String(record[key] ?? '— (none at this β)'));
  const width = Math.max(...values.map((v) => v.length));
  const lines = ROWS.map(([, symbol, meaning], i) => `  ${symbol.padEnd(7)}${values[i]!.padEnd(width)}  ${meaning}`);
  const head = `Per-mode landscape: η = ${record.eta}, β = ${record.beta}, L = ${record.depth}, convention ${record.convention} (${record.backend})`;
  return `${head}\n${lines.join('\n')}\n`;
}

export function landscapeCommand(io: CliIo): Command {
  return new Command('landscape')
    .description(
      'Critical points, stationary points and barriers of one mode of the regularised loss ' +
        '(Section 2.1, Eqs. 1-3 and 10; Appendices C-E), in float64 or, with --digits, in decimal arithmetic.',
    )
    .requiredOption('--eta <E>', 'singular value η of the cross-covariance Σyx (> 0)', keepText(positiveNumber('--eta')))
    .requiredOption('--beta <B>', 'regularisation strength β (>= 0)', keepText(nonNegativeNumber('--beta')))
    .requiredOption('--depth <L>', 'network depth L (integer >= 2)', integerInRange('--depth', 2, 1000))
    .addOption(
      new Option('--convention <C>', 'regulariser reading: eq2 = (Lβ/2)λ^(2/L) as Eqs. 2, 3, 10 imply; eq1 = (β/2)λ^(2/L) as Eq. 1 prints')
        .choices(CONVENTIONS)
        .default(DEFAULT_CONVENTION),
    )
    .option(
      '--digits <N>',
      `compute in decimal arithmetic and print N significant digits (${MIN_DECIMAL_DIGITS}-${MAX_DECIMAL_DIGITS}); default float64`,
      integerInRange('--digits', MIN_DECIMAL_DIGITS, MAX_DECIMAL_DIGITS),
    )
    .option('--json', 'print one JSON object whose numbers are decimal strings')
    .addHelpText(
      'after',
      '\nNumbers are plain decimals (0.8, 1e-3) within float64\'s range. Where a result overflows float64 or falls below\n' +
        'its normal range (2.2e-308), the float64 backend refuses with the reason; --digits N computes it.\n' +
        '\nFields that describe the saddle or the non-zero minimum are null (or "—") where they do not exist:\n' +
        'for β >= βc, and the saddle always at depth 2, whose transition is continuous (βc = β* = η).\n\n' +
        'Example:\n  npx metastable landscape --eta 0.8 --beta 0.32 --depth 3 --digits 40 --json',
    )
    .action((options: LandscapeOptions) => {
      const record = computeLandscape(options);
      io.stdout(options.json ? `${JSON.stringify(record, null, 2)}\n` : formatLandscapeTable(record));
    });
}
