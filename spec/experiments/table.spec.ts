import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, experimentResults, jobsOf } from '../../src/experiments/index.ts';
import { MissingResultError, RunnerResults } from '../../src/runner/index.ts';
import { recordedResults } from '../fixtures/recorded.ts';

describe('the table of experiments', () => {
  it('gives every reader of every row, each reading only jobs its plan ran', () => {
    const readers = Object.values(EXPERIMENTS).flatMap((e) => Object.keys(e.readers));
    const results = experimentResults('smoke', new RunnerResults());
    expect(Object.keys(results).sort()).toEqual(['profile', ...readers].sort());
    expect(() => results.sparse()).toThrow(MissingResultError);
    expect(() => results.kramersLanger(0.32)).toThrow(MissingResultError);
  });

  it('assembles each result once per argument, however many claims read it', () => {
    const results = recordedResults();
    expect(results.trapping('rank1-trap')).toBe(results.trapping('rank1-trap'));
    expect(results.trapping('rank1-trap')).not.toBe(results.trapping('trivial-trap'));
  });

  it('asks for the jobs of the request it is given', () => {
    expect(jobsOf({ experiment: 'kramers-langer', beta: 0.3 }, 'smoke').map((j) => j.kind)).toEqual(['kramers-langer']);
    expect(jobsOf({ experiment: 'trapping', protocol: 'rank1-trap' }, 'smoke')).toHaveLength(2);
  });
});
