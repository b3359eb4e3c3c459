import { protocolVariant, variantSeeds, type Profile, type ProtocolName, type RunVariant } from '../protocols/index.ts';
import type { SeedRunsJob } from '../runner/index.ts';

/** Words for a protocol in progress lines and --plan. */
const TITLES: Readonly<Record<ProtocolName, string>> = {
  'random-init': 'random initialisation (Sec. 3.1 i)',
  'rank1-trap': 'rank-1 trap (Sec. 3.1 ii)',
  'trivial-trap': 'trivial-phase trap (Sec. 3.1 iii)',
  sparse: 'sparse sub-sampling (Sec. 3.1 iv)',
};

/** A job of seed runs for a protocol variant under a profile, labelled in words. */
export function seedRunsJob(name: ProtocolName, profile: Profile, variant: RunVariant, what: string): SeedRunsJob {
  const protocol = protocolVariant(name, profile, variant);
  const seeds = variantSeeds(name, profile, variant);
  const overrides = variant.overrides ?? {};
  const range = seeds.length > 0 ? `seeds ${seeds[0]}–${seeds[seeds.length - 1]}` : 'no seeds';
  return { kind: 'seed-runs', label: `${TITLES[name]}, ${what}: ${range} × ${overrides.epochs ?? protocol.epochs} epochs`, protocol, seeds, overrides };
}
