import type { Numerics } from '../engine/index.ts';
import {
  PROTOCOL_FILES,
  profileSeeds,
  protocolForProfile,
  type DataSeedScheme,
  type Profile,
  type Protocol,
  type ProtocolName,
  type RunOverrides,
} from './protocols.ts';

/** A variation of a protocol that an experiment or diagnostic runs beside the paper's own. */
export interface RunVariant {
  readonly overrides?: RunOverrides;
  readonly checkpointEpochsPerStage?: number;
  readonly dataSeed?: DataSeedScheme;
  /** Replaces the profile's seeds. */
  readonly seeds?: readonly number[];
  /** Replaces the default arithmetic (e.g. float32). */
  readonly numerics?: Numerics;
  /** Replaces the initial weight scale (standard deviation), e.g. Appendix A's N(0, 1/√w) read as a variance. */
  readonly initStd?: number;
}

/**
 * The protocol as a profile runs it, with a variant applied. Only the fields a variant sets are added, so a
 * protocol (and every run-cache key made from it) is the same whichever experiment asks for it.
 */
export function protocolVariant(name: ProtocolName, profile: Profile, variant: RunVariant = {}): Protocol {
  const base = protocolForProfile(PROTOCOL_FILES[name], profile);
  return {
    ...base,
    ...(variant.dataSeed ? { dataSeed: variant.dataSeed } : {}),
    ...(variant.numerics ? { numerics: variant.numerics } : {}),
    ...(variant.initStd !== undefined ? { initStd: variant.initStd } : {}),
    checkpoint: { ...base.checkpoint, epochsPerStage: variant.checkpointEpochsPerStage ?? base.checkpoint.epochsPerStage },
  };
}

/** The seeds a variant runs: its own, or the profile's. */
export function variantSeeds(name: ProtocolName, profile: Profile, variant: RunVariant = {}): number[] {
  return variant.seeds ? [...variant.seeds] : profileSeeds(PROTOCOL_FILES[name].profiles[profile]);
}
