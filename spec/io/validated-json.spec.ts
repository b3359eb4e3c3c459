import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYTIC_GOLDEN_PATH, loadAnalyticGolden } from '../../src/pins/analytic-golden.ts';
import { GoldenFileError } from '../../src/io/validated-json.ts';
import { readFileSync } from 'node:fs';

function writeVariant(mutate: (data: Record<string, unknown>) => void): string {
  const data = JSON.parse(readFileSync(ANALYTIC_GOLDEN_PATH, 'utf8')) as Record<string, unknown>;
  mutate(data);
  const path = join(mkdtempSync(join(tmpdir(), 'golden-')), 'analytic.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('golden files are validated by their JSON Schema on load', () => {
  it('accepts the committed golden/analytic.json', () => {
    expect(loadAnalyticGolden().points.length).toBeGreaterThan(0);
  });

  it('names the bad field of a malformed entry', () => {
    const wrongType = writeVariant((d) => {
      (d.points as Record<string, unknown>[])[2]!.barrier = 0.0285;
    });
    expect(() => loadAnalyticGolden(wrongType)).toThrow(GoldenFileError);
    expect(() => loadAnalyticGolden(wrongType)).toThrow(/\/points\/2\/barrier must be string/);

    const missing = writeVariant((d) => {
      delete (d.critical as Record<string, unknown>[])[0]!.betaC;
    });
    expect(() => loadAnalyticGolden(missing)).toThrow(/\/critical\/0 must have required property 'betaC'/);

    const badPhase = writeVariant((d) => {
      (d.points as Record<string, unknown>[])[0]!.globalPhase = 'rank-2';
    });
    expect(() => loadAnalyticGolden(badPhase)).toThrow(/\/points\/0\/globalPhase must be equal to one of the allowed values \(zero, nonzero\)/);

    const extra = writeVariant((d) => {
      d.note = 'x';
    });
    expect(() => loadAnalyticGolden(extra)).toThrow(/must NOT have additional properties 'note'/);
  });

  it('says when the file is not JSON or cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    const broken = join(dir, 'analytic.json');
    writeFileSync(broken, '{"digits": 50,');
    expect(() => loadAnalyticGolden(broken)).toThrow(/analytic\.json: not valid JSON/);
    expect(() => loadAnalyticGolden(join(dir, 'absent.json'))).toThrow(/absent\.json: cannot be read \(ENOENT\)/);
  });
});
