import { createStream, uniformUnit } from '../../src/data/index.ts';
import type { RunRecord } from '../../src/run/index.ts';

/**
 * Run records that carry only what survival analysis reads (seed, epochs, escape epoch, applicability), with
 * exponential escape times of mean `meanEpochs` drawn from a seeded stream, censored at `epochs`.
 */
export function syntheticRecords(meanEpochs: number, seeds: readonly number[], epochs: number, streamSeed: number): RunRecord[] {
  const rng = createStream(streamSeed, 'bootstrap');
  return seeds.map((seed) => {
    const time = Math.max(1, Math.ceil(-meanEpochs * Math.log(1 - uniformUnit(rng))));
    return { seed, epochs, trapped: true, escapeEpoch: time <= epochs ? time : null } as unknown as RunRecord;
  });
}
