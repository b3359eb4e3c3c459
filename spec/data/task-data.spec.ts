import { describe, expect, it } from 'vitest';
import { makeTaskData } from '../../src/data/task-data.ts';

const teacher = { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] };

describe('makeTaskData', () => {
  it('draws train and test sets of the asked sizes, reproducibly', () => {
    const a = makeTaskData(teacher, { kind: 'iid', trainCount: 512, testCount: 512 }, 42);
    const b = makeTaskData(teacher, { kind: 'iid', trainCount: 512, testCount: 512 }, 42);
    expect(a.train.count).toBe(512);
    expect(a.test.count).toBe(512);
    expect([...a.train.x]).toEqual([...b.train.x]);
    expect([...a.train.x]).not.toEqual([...a.test.x]);
    expect([...makeTaskData(teacher, { kind: 'iid', trainCount: 512, testCount: 512 }, 43).train.x]).not.toEqual([...a.train.x]);
  });

  it('sub-samples the sparse train set from the pool and keeps the test set separate', () => {
    const d = makeTaskData(teacher, { kind: 'subsample', poolCount: 5000, trainCount: 25, testCount: 10_000 }, 42);
    expect(d.train.count).toBe(25);
    expect(d.test.count).toBe(10_000);
    const testRows = new Set<string>();
    for (let s = 0; s < d.test.count; s++) testRows.add(`${d.test.x[2 * s]},${d.test.x[2 * s + 1]}`);
    for (let s = 0; s < d.train.count; s++) expect(testRows.has(`${d.train.x[2 * s]},${d.train.x[2 * s + 1]}`)).toBe(false);
    const again = makeTaskData(teacher, { kind: 'subsample', poolCount: 5000, trainCount: 25, testCount: 10_000 }, 42);
    expect([...again.train.y]).toEqual([...d.train.y]);
  });

  it('refuses a subset larger than the pool', () => {
    expect(() => makeTaskData(teacher, { kind: 'subsample', poolCount: 10, trainCount: 25, testCount: 5 }, 1)).toThrow(RangeError);
  });
});
