import { PAPER_KRAMERS_OPTIONS, type KramersLangerReport } from '../run/index.ts';
import type { KramersLangerJob, RunnerResults } from '../runner/index.ts';
import { experiment } from './experiment.ts';

/** Appendix F at β: the Hessians at the rank-1 trap and the saddle, Eq. 11/12 and the gradient noise (seed 42's data). */
export function kramersLangerJob(beta: number): KramersLangerJob {
  return { kind: 'kramers-langer', label: `Appendix F analysis at β = ${beta}: Hessians at the trap and the saddle, gradient noise`, options: { ...PAPER_KRAMERS_OPTIONS, beta } };
}

export function kramersLangerResult(beta: number, runner: RunnerResults): KramersLangerReport {
  return runner.get(kramersLangerJob(beta));
}

/** Appendix F at the β a claim names. */
export const kramersLangerExperiment = experiment({
  jobs: ({ beta }: { beta: number }) => [kramersLangerJob(beta)],
  readers: { kramersLanger: (_profile, runner, beta: number) => kramersLangerResult(beta, runner) },
});
