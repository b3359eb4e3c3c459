import { describe, expect, it } from 'vitest';
import { makeTaskData } from '../../src/data/index.ts';
import { datasetMoments, prepareTrainingSet } from '../../src/engine/index.ts';
import { annealedCheckpoint, type Checkpoint, type CheckpointStore, type RunContext } from '../../src/run/checkpoints.ts';
import { tinyProtocol } from './tiny-protocol.ts';

function context(seed: number): RunContext {
  const protocol = tinyProtocol();
  const data = makeTaskData(protocol.teacher, protocol.data, seed);
  return { protocol, seed, data, train: prepareTrainingSet(data.train, false), testMoments: datasetMoments(data.test, false) };
}

describe('annealedCheckpoint', () => {
  it('trains stage by stage, reports each stage and shares the β = 0 stage between chains', () => {
    const ctx = context(1);
    const cache = new Map<string, Checkpoint>();
    const trap = annealedCheckpoint(ctx, [0, 0.361], cache);
    const trivial = annealedCheckpoint(ctx, [0, 0.43], cache);
    expect(trap.stages.map((s) => s.beta)).toEqual([0, 0.361]);
    expect(trivial.stages[0]).toBe(trap.stages[0]);
    expect(cache.get('0')!.stages).toHaveLength(1);
    expect(trap.stages[1]!.epochs).toBe(60);
    expect(trap.stages[1]!.gradientNorm).toBeGreaterThanOrEqual(0);
    // Stronger weight decay leaves a smaller end-to-end map.
    expect(trivial.stages[1]!.singularValues[0]!).toBeLessThan(trap.stages[1]!.singularValues[0]!);
  });

  it('is reproducible for a seed', () => {
    const a = annealedCheckpoint(context(2), [0, 0.361], new Map());
    const b = annealedCheckpoint(context(2), [0, 0.361], new Map());
    expect([...a.network.params]).toEqual([...b.network.params]);
  });
});

describe('annealedCheckpoint with a store', () => {
  it('uses a stored checkpoint only when its weights give its last stage, else retrains', () => {
    const fresh = annealedCheckpoint(context(3), [0], new Map());
    const offered: Checkpoint[] = [
      fresh,
      { network: { ...fresh.network, params: new Float64Array(fresh.network.params.length) }, stages: fresh.stages },
    ];
    for (const stored of offered) {
      const verdicts: (string | null)[] = [];
      const store: CheckpointStore = {
        get: (_betas, _network, verify) => {
          const problem = verify?.(stored) ?? null;
          verdicts.push(problem);
          return problem === null ? stored : null;
        },
        set: () => {},
      };
      const got = annealedCheckpoint({ ...context(3), checkpointStore: store }, [0], new Map());
      expect([...got.network.params]).toEqual([...fresh.network.params]);
      expect(verdicts).toEqual([stored === fresh ? null : "its weights do not give its last stage's gradientNorm"]);
    }
  });
});
