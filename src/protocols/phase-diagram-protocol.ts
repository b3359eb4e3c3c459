import { join } from 'node:path';
import type { TeacherSpec } from '../data/index.ts';
import type { NetworkShape } from '../engine/index.ts';
import { fieldError, lazyRecord, loadValidatedJson } from '../io/index.ts';
import { PROTOCOL_DIR, PROTOCOL_LIMITS, checkInitStd, checkNetwork, checkProfiles, checkSamples, type Profile } from './protocols.ts';

/** "Re-training to convergence at each step" (Appendix A), read as deterministic full-batch descent. */
export interface SweepConvergence {
  readonly kind: 'full-batch-descent';
  readonly lr: number;
  readonly gradientTolerance: number;
  readonly maxSteps: number;
}

/**
 * The quasi-static β sweep of Appendices A and B (Fig. 3) as plain data, read from
 * golden/protocols/phase-diagram.json (schema-checked, the paper's wording beside every field).
 */
export interface PhaseDiagramProtocol {
  readonly teacher: TeacherSpec;
  readonly data: { readonly kind: 'iid'; readonly trainCount: number; readonly testCount: number };
  readonly network: NetworkShape;
  readonly initStd: number;
  /** β = from, from + step, …, to: up in that order, down in reverse. */
  readonly grid: { readonly from: number; readonly to: number; readonly step: number };
  readonly convergence: SweepConvergence;
  readonly refinement: { readonly bisections: number };
  readonly rankThreshold: number;
  /** The explicit option of the 'down, perturbed' sweep: N(0, std²) added to every weight before each β. */
  readonly relearnPerturbation: { readonly std: number };
}

export interface PhaseDiagramFile {
  readonly name: 'phase-diagram';
  readonly settings: PhaseDiagramProtocol;
  readonly paper: Readonly<Record<keyof PhaseDiagramProtocol | 'dataSeeds', string>>;
  readonly profiles: Readonly<Record<Profile, PhaseDiagramProfile>>;
}

export interface SeedRange {
  readonly first: number;
  readonly last: number;
}

/** dataSeeds run all three sweeps; upSweepSeeds the up sweep alone, for the statistics of its transitions. */
export interface PhaseDiagramProfile {
  readonly dataSeeds: SeedRange;
  readonly upSweepSeeds: SeedRange;
}

export const PHASE_DIAGRAM_PATH = join(PROTOCOL_DIR, 'phase-diagram.json');
export const PHASE_DIAGRAM_SCHEMA = join(PROTOCOL_DIR, 'phase-diagram.schema.json');

/** Most β values of one sweep's grid: each is a full-batch descent to convergence. */
const MAX_GRID_POINTS = 10_000;

/** Reads golden/protocols/phase-diagram.json: its schema, then what the schema cannot say (as for the protocols). */
export function loadPhaseDiagramFile(path = PHASE_DIAGRAM_PATH): PhaseDiagramFile {
  const file = loadValidatedJson<PhaseDiagramFile>(path, PHASE_DIAGRAM_SCHEMA);
  const s = file.settings;
  checkNetwork(path, '/settings', s.network, s.teacher);
  checkInitStd(path, '/settings/initStd', s.initStd);
  checkInitStd(path, '/settings/relearnPerturbation/std', s.relearnPerturbation.std);
  checkSamples(path, '/settings/data', s.data);
  if (!(s.grid.to > s.grid.from)) throw fieldError(path, '/settings/grid', `runs from ${s.grid.from} to ${s.grid.to}: 'to' must be above 'from'`);
  if ((s.grid.to - s.grid.from) / s.grid.step > MAX_GRID_POINTS) throw fieldError(path, '/settings/grid/step', `makes more than ${MAX_GRID_POINTS} grid points`);
  if (s.convergence.maxSteps > PROTOCOL_LIMITS.descentSteps) throw fieldError(path, '/settings/convergence/maxSteps', `must be <= ${PROTOCOL_LIMITS.descentSteps}`);
  checkProfiles(path, file.profiles, { seedRanges: ['dataSeeds', 'upSweepSeeds'] });
  return file;
}

let phaseDiagramFile: PhaseDiagramFile | undefined;

/** Read on first use, so a broken file fails only the commands that need it. */
export const PHASE_DIAGRAM_FILE: PhaseDiagramFile = lazyRecord(['name', 'settings', 'paper', 'profiles'] as const, (key) => {
  phaseDiagramFile ??= loadPhaseDiagramFile();
  return phaseDiagramFile[key];
}) as PhaseDiagramFile;

/** The seeds of an inclusive range, in increasing order. */
export function seedsOf({ first, last }: SeedRange): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The data seeds of a profile in increasing order, each with the sweeps it runs: all three, or the up sweep alone. */
export function phaseDiagramSeeds(file: PhaseDiagramFile, profile: Profile): { dataSeed: number; allSweeps: boolean }[] {
  const all = new Set(seedsOf(file.profiles[profile].dataSeeds));
  const seeds = [...new Set([...all, ...seedsOf(file.profiles[profile].upSweepSeeds)])].sort((a, b) => a - b);
  return seeds.map((dataSeed) => ({ dataSeed, allSweeps: all.has(dataSeed) }));
}

/**
 * The grid's β values in increasing order. Each is computed as from + i·step and rounded to 12 decimals, so
 * 0.07 is 0.07 and not 0.07000000000000001 (the grid's values are then the ones printed).
 */
export function gridBetas(grid: PhaseDiagramProtocol['grid']): number[] {
  if (!(grid.to > grid.from) || !(grid.step > 0)) throw new RangeError(`empty β grid: ${JSON.stringify(grid)}`);
  const count = Math.floor((grid.to - grid.from) / grid.step + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => Number((grid.from + i * grid.step).toFixed(12)));
}
