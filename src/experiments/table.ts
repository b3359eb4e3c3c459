import type { Profile } from '../protocols/index.ts';
import type { Job, RunnerResults } from '../runner/index.ts';
import { kramersLangerExperiment } from './appendix-f.ts';
import { arrheniusExperiment } from './arrhenius.ts';
import { biasedNetworkExperiment } from './biased-network.ts';
import { gradientNoiseExperiment, initVarianceExperiment } from './coverage.ts';
import { modeControlExperiment, networkControlExperiment, sgldSweepsExperiment } from './escape-controls.ts';
import { readersOver, type Experiment, type Reader, type RequestOf, type ResultsOf } from './experiment.ts';
import { networkKramersExperiment } from './network-kramers.ts';
import { nonlinearExperiment } from './nonlinear.ts';
import { oneWayJumpsExperiment } from './one-way-jumps.ts';
import { phaseDiagramExperiment } from './phase-diagram.ts';
import { premiseTrapsExperiment } from './premise-traps.ts';
import { stagedExperiment } from './staged.ts';
import { TRAPPING_PROTOCOLS, diagnosticsExperiment, sparseExperiment, trappingExperiment } from './trapping.ts';

// The one table of experiments: a request names its row. A new experiment is a file of this folder (its jobs and
// readers, experiment.ts) and one row here; the requests a claim may make and the results an evaluator may read
// follow from the table.

export const EXPERIMENTS = {
  trapping: trappingExperiment,
  sparse: sparseExperiment,
  diagnostics: diagnosticsExperiment,
  'arrhenius-sweeps': arrheniusExperiment,
  'kramers-langer': kramersLangerExperiment,
  'phase-diagram': phaseDiagramExperiment,
  'one-way-jumps': oneWayJumpsExperiment,
  'mode-control': modeControlExperiment,
  'network-control': networkControlExperiment,
  'network-kramers': networkKramersExperiment,
  'init-variance': initVarianceExperiment,
  'gradient-noise': gradientNoiseExperiment,
  staged: stagedExperiment,
  nonlinear: nonlinearExperiment,
  'sgld-sweeps': sgldSweepsExperiment,
  'premise-traps': premiseTrapsExperiment,
  'biased-network': biasedNetworkExperiment,
} as const;

/**
 * An experiment a claim needs, as data: which of the paper's experiments, with its parameters. The profile is the
 * pipeline's, so a request means the same experiment at every size.
 */
export type ExperimentRequest = RequestOf<typeof EXPERIMENTS>;

/**
 * The results of the experiments, each reader by its name: what an evaluator reads. Made over the runner's results
 * by `experimentResults`, or by a spec over synthetic or recorded data.
 */
export type ExperimentResults = ResultsOf<typeof EXPERIMENTS>;

type AnyExperiment = Experiment<object, Readonly<Record<string, Reader>>>;

/** The jobs an experiment needs under a profile (plain data; the runner de-duplicates jobs that experiments share). */
export function jobsOf(request: ExperimentRequest, profile: Profile): Job[] {
  return [...(EXPERIMENTS[request.experiment] as AnyExperiment).jobs(request, profile)];
}

/** The experiments assembled from executed jobs, each result once however many claims read it. */
export function experimentResults(profile: Profile, runner: RunnerResults): ExperimentResults {
  return readersOver(EXPERIMENTS as Readonly<Record<string, AnyExperiment>>, profile, runner) as ExperimentResults;
}

/** Fig. 1(a) draws all three initialisation protocols: a trapping claim's figures need every one of them. */
export const ALL_TRAPPING: readonly ExperimentRequest[] = TRAPPING_PROTOCOLS.map((protocol) => ({ experiment: 'trapping', protocol }));
