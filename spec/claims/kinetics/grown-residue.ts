// A trapped run edited so that its weak-mode residue grew (1e-3 at the checkpoint, 0.01 at the end), still censored:
// its trap is not the invariant one, so a longer budget could decide.
import type { ExperimentResults } from '../../../src/experiments/index.ts';
import { primaryOutcome, type RunRecord } from '../../../src/run/index.ts';

/** `records` with the first trapped run's residue grown. */
export function withGrownResidue(records: readonly RunRecord[]): RunRecord[] {
  const record = records.find((r) => primaryOutcome(r).trapped)!;
  if (record.start.kind !== 'checkpoint') throw new Error('the trap starts from a checkpoint');
  const stages = record.start.stages.map((s) => ({ ...s, singularValues: s.singularValues.map((v, i) => (i === 0 ? v : 1e-3)) }));
  const grown = { ...record, start: { ...record.start, stages }, final: { ...record.final, singularValues: record.final.singularValues.map((v, i) => (i === 0 ? v : 1e-2)) } };
  return records.map((r) => (r === record ? grown : r));
}

/** Results whose rank-1 trap's per-seed runs have one such run. */
export function paperTrapGrown(base: ExperimentResults): ExperimentResults {
  const trap = base.trapping('rank1-trap');
  const edited = { ...trap, runs: { ...trap.runs, 'per-seed': withGrownResidue(trap.runs['per-seed']) } };
  return { ...base, trapping: (protocol) => (protocol === 'rank1-trap' ? edited : base.trapping(protocol)) };
}
