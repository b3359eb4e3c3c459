import type { Profile } from '../protocols/index.ts';
import { canonicalJson, type Job } from '../runner/index.ts';
import { kramersLangerJob } from './appendix-f.ts';
import { oneWayJumpsJobs } from './one-way-jumps.ts';
import { arrheniusJobs } from './arrhenius.ts';
import { modeControlJobs, networkControlJobs, sgldSweepsJobs } from './escape-controls.ts';
import { gradientNoiseJob, initVarianceJob } from './coverage.ts';
import { nonlinearJobs } from './nonlinear.ts';
import { phaseDiagramJob } from './phase-diagram.ts';
import { stagedJobs, type StagedPart } from './staged.ts';
import { TRAPPING_PROTOCOLS, diagnosticJobs, sparseJobs, trappingJobs, type DiagnosedProtocol, type TrappingProtocol } from './trapping.ts';

/**
 * An experiment a claim needs, as data: which of the paper's experiments, with its parameters. The profile is the
 * pipeline's, so a request means the same experiment at every size.
 */
export type ExperimentRequest =
  | { readonly experiment: 'trapping'; readonly protocol: TrappingProtocol }
  | { readonly experiment: 'sparse' }
  | { readonly experiment: 'diagnostics'; readonly protocol: DiagnosedProtocol }
  | { readonly experiment: 'arrhenius-sweeps' }
  | { readonly experiment: 'kramers-langer'; readonly beta: number }
  | { readonly experiment: 'phase-diagram' }
  | { readonly experiment: 'one-way-jumps' }
  | { readonly experiment: 'mode-control' }
  | { readonly experiment: 'network-control' }
  | { readonly experiment: 'init-variance' }
  | { readonly experiment: 'gradient-noise' }
  | { readonly experiment: 'staged'; readonly part: StagedPart }
  | { readonly experiment: 'nonlinear' }
  | { readonly experiment: 'sgld-sweeps' };

export const EXPERIMENT_NAMES = [
  'trapping',
  'sparse',
  'diagnostics',
  'arrhenius-sweeps',
  'kramers-langer',
  'phase-diagram',
  'one-way-jumps',
  'mode-control',
  'network-control',
  'init-variance',
  'gradient-noise',
  'staged',
  'nonlinear',
  'sgld-sweeps',
] as const;

export function requestKey(request: ExperimentRequest): string {
  return canonicalJson(request);
}

/** Each request once, in first-asked order. */
export function distinctRequests(requests: readonly ExperimentRequest[]): ExperimentRequest[] {
  const byKey = new Map<string, ExperimentRequest>();
  for (const r of requests) if (!byKey.has(requestKey(r))) byKey.set(requestKey(r), r);
  return [...byKey.values()];
}

/** The jobs an experiment needs under a profile (plain data; the runner de-duplicates jobs that experiments share). */
export function jobsOf(request: ExperimentRequest, profile: Profile): Job[] {
  switch (request.experiment) {
    case 'trapping':
      return trappingJobs(request.protocol, profile);
    case 'sparse':
      return sparseJobs(profile);
    case 'diagnostics':
      return diagnosticJobs(request.protocol, profile);
    case 'arrhenius-sweeps':
      return arrheniusJobs(profile);
    case 'kramers-langer':
      return [kramersLangerJob(request.beta)];
    case 'phase-diagram':
      return [phaseDiagramJob(profile)];
    case 'one-way-jumps':
      return oneWayJumpsJobs(profile);
    case 'mode-control':
      return modeControlJobs(profile);
    case 'network-control':
      return networkControlJobs(profile);
    case 'init-variance':
      return [initVarianceJob(profile)];
    case 'gradient-noise':
      return [gradientNoiseJob(profile)];
    case 'staged':
      return stagedJobs(request.part, profile);
    case 'nonlinear':
      return nonlinearJobs(profile);
    case 'sgld-sweeps':
      return sgldSweepsJobs(profile);
  }
}

/** Fig. 1(a) draws all three initialisation protocols: a trapping claim's figures need every one of them. */
export const ALL_TRAPPING: readonly ExperimentRequest[] = TRAPPING_PROTOCOLS.map((protocol) => ({ experiment: 'trapping', protocol }));
