import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldenFileError } from '../../src/io/validated-json.ts';
import { MissingResultsError, readFigureSvgs, readResults } from '../../src/report/read-results.ts';
import { FIXTURE_RESULTS } from './fixture.ts';

describe('readResults', () => {
  it('reads a recorded results.json and the figures beside it', () => {
    const results = readResults(FIXTURE_RESULTS);
    expect(results.profile).toBe('smoke');
    const svgs = readFigureSvgs(FIXTURE_RESULTS, results);
    expect([...svgs.keys()].sort()).toEqual(['checkpoint-sensitivity-rank1-trap', 'phase-diagram', 'survival-trapping']);
    for (const svg of svgs.values()) expect(svg).toMatch(/<svg/);
  });

  it('says to run reproduce when the file is missing, and names the field when it is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-results-'));
    expect(() => readResults(join(dir, 'results.json'))).toThrow(MissingResultsError);
    expect(() => readResults(join(dir, 'results.json'))).toThrow(/run `npm run reproduce` first/);
    writeFileSync(join(dir, 'results.json'), '{"paper": "x"}');
    expect(() => readResults(join(dir, 'results.json'))).toThrow(GoldenFileError);
  });
});
