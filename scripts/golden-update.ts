// Recomputes golden/analytic.json from the analytic core, shows what moved and by how much, and writes it.
// Updating a golden file is a deliberate act: refused under CI.
import { Decimal } from 'decimal.js';
import { existsSync, readFileSync } from 'node:fs';
import { chalk } from 'zx';
import {
  ANALYTIC_GOLDEN_PATH,
  computeAnalyticGolden,
  type AnalyticGolden,
} from '../src/claims/analytic-golden.ts';
import { writeFileAtomic } from '../src/io/atomic-file.ts';

if (process.env.CI) {
  console.error('golden update is refused under CI: run it on a workstation and commit the result.');
  process.exit(2);
}

const next = computeAnalyticGolden();
const before: AnalyticGolden | null = existsSync(ANALYTIC_GOLDEN_PATH)
  ? (JSON.parse(readFileSync(ANALYTIC_GOLDEN_PATH, 'utf8')) as AnalyticGolden)
  : null;

function describeMove(label: string, was: unknown, now: unknown): string | null {
  if (was === now) return null;
  if (typeof was === 'string' && typeof now === 'string') {
    const a = new Decimal(was);
    const b = new Decimal(now);
    const relative = a.isZero() ? b.abs() : b.minus(a).div(a).abs();
    return `${label}: ${was} -> ${now} (relative change ${relative.toSignificantDigits(3).toString()})`;
  }
  return `${label}: ${String(was)} -> ${String(now)}`;
}

const moves: string[] = [];
if (before) {
  for (const section of ['critical', 'points'] as const) {
    next[section].forEach((entry, i) => {
      const old = before[section][i] as unknown as Record<string, unknown> | undefined;
      for (const [key, value] of Object.entries(entry)) {
        const move = describeMove(`${section}[${i}].${key}`, old?.[key], value);
        if (move) moves.push(move);
      }
    });
  }
}
writeFileAtomic(ANALYTIC_GOLDEN_PATH, `${JSON.stringify({ $schema: './analytic.schema.json', ...next }, null, 2)}\n`);
if (!before) console.log(chalk.green(`wrote ${ANALYTIC_GOLDEN_PATH} (new)`));
else if (moves.length === 0) console.log(chalk.green('golden/analytic.json: nothing moved'));
else console.log(chalk.yellow(`golden/analytic.json: ${moves.length} value(s) moved:\n  ${moves.join('\n  ')}`));
