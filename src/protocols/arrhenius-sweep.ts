import { join } from 'node:path';
import { loadValidatedJson } from '../io/index.ts';
import { PROTOCOL_DIR, checkEpochs, checkProfiles, type Profile, type ProfileSettings } from './protocols.ts';

/** golden/protocols/arrhenius-sweep.json: the sweeps of Section 3.3 / Appendix A and of prediction 3. */
export interface ArrheniusSweepFile {
  readonly name: 'arrhenius-sweep';
  readonly base: 'rank1-trap';
  readonly learningRateSweep: { readonly batch: number; readonly learningRates: readonly number[] };
  readonly batchSweep: { readonly learningRate: number; readonly batches: readonly number[] };
  readonly checkpointVariants: readonly number[];
  readonly paper: Readonly<Record<string, string>>;
  readonly profiles: Readonly<Record<Profile, ProfileSettings>>;
}

export const ARRHENIUS_SWEEP_PATH = join(PROTOCOL_DIR, 'arrhenius-sweep.json');
const ARRHENIUS_SWEEP_SCHEMA = join(PROTOCOL_DIR, 'arrhenius-sweep.schema.json');

/** Reads golden/protocols/arrhenius-sweep.json: its schema, then seed ranges and epoch budgets (as for the protocols). */
export function loadArrheniusSweep(path = ARRHENIUS_SWEEP_PATH): ArrheniusSweepFile {
  const file = loadValidatedJson<ArrheniusSweepFile>(path, ARRHENIUS_SWEEP_SCHEMA);
  file.checkpointVariants.forEach((e, i) => checkEpochs(path, `/checkpointVariants/${i}`, e));
  checkProfiles(path, file.profiles, { seedRanges: ['seeds'], epochs: ['epochs', 'checkpointEpochsPerStage'] });
  return file;
}
