import { join } from 'node:path';
import type { BatchSampling } from '../engine/index.ts';
import { fieldError, loadValidatedJson } from '../io/index.ts';
import type { SweepConvergence } from './phase-diagram-protocol.ts';
import { PROFILES, PROTOCOL_DIR, checkProfiles, type Profile } from './protocols.ts';

/** How "the analogue of β = 0.32" is read on a network whose transitions are not the linear one's (REPRODUCE.md). */
export type TrapReading = 'ratio-to-weak-loss' | 'fraction-between-transitions';

type PerActivation<T> = Readonly<Record<'tanh' | 'sigmoid', T>>;

export interface NonlinearProfile {
  /** Each activation's β grid: its transitions lie at different β (sigmoid's gain is at most 1/4). */
  readonly grid: PerActivation<{ readonly from: number; readonly to: number; readonly step: number }>;
  /** Most full-batch descent steps per sweep point. */
  readonly maxSteps: number;
  readonly seeds: number;
  readonly budget: PerActivation<number>;
}

/** golden/protocols/nonlinear.json: tanh and sigmoid networks (Section 4.1, Appendix G;). */
export interface NonlinearFile {
  readonly name: 'nonlinear';
  readonly base: 'phase-diagram';
  readonly dataSeed: number;
  readonly activations: readonly ('tanh' | 'sigmoid')[];
  readonly widths: readonly number[];
  readonly sweep: {
    readonly convergence: Omit<SweepConvergence, 'lr' | 'maxSteps'> & { readonly lr: PerActivation<number> };
    readonly rankThreshold: number;
    readonly relearnStd: number | null;
  };
  readonly loop: { readonly jumpFraction: number };
  readonly trap: { readonly reading: TrapReading; readonly paperBeta: number; readonly paperWeakLoss: number; readonly paperStrongLoss: number };
  readonly noise: { readonly rank: number; readonly floor: number };
  readonly escape: {
    readonly lr: number;
    readonly batch: number;
    readonly sampling: BatchSampling;
    readonly mode: number;
    readonly riseFraction: number;
    readonly checkEvery: number;
    readonly referenceTau: number;
    readonly minimumEscapes: number;
  };
  readonly paper: Readonly<Record<string, string>>;
  readonly profiles: Readonly<Record<Profile, NonlinearProfile>>;
}

export const NONLINEAR_PATH = join(PROTOCOL_DIR, 'nonlinear.json');
const NONLINEAR_SCHEMA = join(PROTOCOL_DIR, 'nonlinear.schema.json');

/** Most grid points of one sweep: each is a full-batch descent to convergence on a nonlinear network. */
const MAX_GRID_POINTS = 400;

/** Reads golden/protocols/nonlinear.json: its schema, then what the schema cannot say. */
export function loadNonlinear(path = NONLINEAR_PATH): NonlinearFile {
  const file = loadValidatedJson<NonlinearFile>(path, NONLINEAR_SCHEMA);
  if (file.widths[0] !== 2 || file.widths.at(-1) !== 2) throw fieldError(path, '/widths', 'must run from the teacher\'s 2 inputs to its 2 outputs');
  if (file.escape.mode > 2) throw fieldError(path, '/escape/mode', 'must be a mode of the 2-mode teacher');
  if (file.noise.rank >= 2) throw fieldError(path, '/noise/rank', 'must be below the teacher\'s 2 modes');
  for (const profile of PROFILES) {
    for (const a of ['tanh', 'sigmoid'] as const) {
      const g = file.profiles[profile].grid[a];
      if (!(g.to > g.from)) throw fieldError(path, `/profiles/${profile}/grid/${a}`, 'must have to > from');
      if ((g.to - g.from) / g.step + 1 > MAX_GRID_POINTS) throw fieldError(path, `/profiles/${profile}/grid/${a}`, `has more than ${MAX_GRID_POINTS} points`);
    }
  }
  checkProfiles(path, file.profiles, { epochs: ['budget/tanh', 'budget/sigmoid'] });
  return file;
}

