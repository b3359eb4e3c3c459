import { join } from 'node:path';
import type { BatchSampling } from '../engine/index.ts';
import { fieldError, loadValidatedJson } from '../io/index.ts';
import { PROTOCOL_DIR, checkProfiles, type Profile } from './protocols.ts';

/** One group of downward-jump settings: a way of drawing batches and β = β_weak − delta. */
export interface JumpGroup {
  readonly sampling: BatchSampling;
  readonly delta: number;
}

/** golden/protocols/one-way-jumps.json: rank-2 → rank-1 falls under SGD ([18]'s one-way jumps). */
export interface OneWayJumpsFile {
  readonly name: 'one-way-jumps';
  readonly base: 'phase-diagram';
  readonly dataSeed: number;
  readonly mode: number;
  readonly batch: number;
  readonly fallThreshold: number;
  readonly learningRates: readonly number[];
  readonly groups: readonly JumpGroup[];
  readonly paper: Readonly<Record<string, string>>;
  readonly profiles: Readonly<Record<Profile, { readonly seeds: number; readonly budget: number }>>;
}

export const ONE_WAY_JUMPS_PATH = join(PROTOCOL_DIR, 'one-way-jumps.json');
const ONE_WAY_JUMPS_SCHEMA = join(PROTOCOL_DIR, 'one-way-jumps.schema.json');

/** Reads golden/protocols/one-way-jumps.json: its schema, then budgets and distinct settings. */
export function loadOneWayJumps(path = ONE_WAY_JUMPS_PATH): OneWayJumpsFile {
  const file = loadValidatedJson<OneWayJumpsFile>(path, ONE_WAY_JUMPS_SCHEMA);
  checkProfiles(path, file.profiles, { epochs: ['budget'] });
  if (new Set(file.learningRates).size !== file.learningRates.length) throw fieldError(path, '/learningRates', 'repeats a rate');
  const groups = file.groups.map((g) => `${g.sampling} ${g.delta}`);
  if (new Set(groups).size !== groups.length) throw fieldError(path, '/groups', 'repeats a group');
  return file;
}
