// Words for the findings of the trapping subject (claims/trapping/findings.ts).
import type { TrappingFindings } from '../../claims/index.ts';
import { formatExponent, formatNumber } from '../../text/index.ts';
import { COMMON_WORDS } from './common.ts';
import type { Words } from './words.ts';

type Values<K extends keyof TrappingFindings> = TrappingFindings[K];
type WrappedNote = NonNullable<Values<'trapping.not-reproducible'>['note']>;

/** A wrapped note in words: by its own kind's sentence, common or of this subject. */
function noteWords(note: WrappedNote): string {
  const table = (note.kind.startsWith('common.') ? COMMON_WORDS : TRAPPING_WORDS) as unknown as Record<string, (values: WrappedNote) => string>;
  return table[note.kind]!(note);
}

/** A diagnostic row: counts, the KM median, and the checkpoints' σ in exponent form. */
function diagnosticRowWords(row: Values<'trapping.diagnostic-row'>['row']): string {
  const sigma = row.checkpointSigma;
  const range = sigma === null ? '—' : `median ${formatExponent(sigma.median, 2)} (range ${formatExponent(sigma.lowest, 2)} – ${formatExponent(sigma.highest, 2)})`;
  return `${row.label}: ${row.trapped} of ${row.seeds} trapped, ${row.escapes} escaped, KM median ${row.medianEscape ?? 'not reached'}; checkpoint σ ${range}`;
}

/** Three significant digits: the figures of the checkpoints on the network with biases. */
const f3 = (x: number | null | undefined): string => formatNumber(x, 3);

function biasedCheckpointWords({ reading, protocol, checkpoints, rank, ofRank: c }: Values<'trapping.biased-checkpoint'>): string {
  if (c === null) return `${reading}, ${protocol} checkpoint: none of ${checkpoints} checkpoints has rank ${rank}.`;
  return (
    `${reading}, ${protocol} checkpoint: ${c.count} of ${checkpoints} of rank ${rank}; median σ = (${c.sigma.map(f3).join(', ')}), residue off the rank-${rank} set ` +
    `≤ ${f3(c.residue.first)} (W1), ${f3(c.residue.last)} (W3); median |b1|, |b2|, |b3| = ${c.biasNorms.map(f3).join(', ')}; ` +
    `gradient along the next mode over ${c.batches} batches: |mean| ≤ ${f3(c.weakDrive.mean)}, sd ≤ ${f3(c.weakDrive.sd)}; ` +
    `share of the batch noise off the set: median ${f3(c.offSetShare.median)}, largest ${f3(c.offSetShare.largest)}.`
  );
}

export const TRAPPING_WORDS: Words<TrappingFindings> = {
  'trapping.no-rule-invariant': () =>
    'No statistical rule decides this verdict, so it has no size or power: it follows from the invariance of the trap (an exact property of every SGD step of a bias-free linear network), not from a count of seeds.',
  'trapping.not-reproducible': ({ note }) => `not reproducible as specified${note === null ? '' : ` (${noteWords(note)})`}`,
  'trapping.diagnostic-checkpoint': ({ protocol, seeds }) =>
    `Diagnostic (b), checkpoint convergence (${protocol}, seeds ${seeds[0]}–${seeds.at(-1)}, primary rule): escapes driven by noise would not depend on how long the checkpoint was trained; escapes driven by a residual weak mode would vanish as it converges.`,
  'trapping.diagnostic-precision': ({ protocol }) => `Diagnostic (c), arithmetic (${protocol}, same seeds):`,
  'trapping.diagnostic-row': ({ row }) => `  ${diagnosticRowWords(row)}.`,
  'trapping.biased-checkpoint': biasedCheckpointWords,
  'trapping.diagnostic-sigma-key': () => '(σ at the checkpoint: σ2 of the end-to-end map; 0 means exactly rank-deficient.)',
};
