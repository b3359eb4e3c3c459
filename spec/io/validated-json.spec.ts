import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYTIC_GOLDEN_PATH, loadAnalyticGolden } from '../../src/pins/analytic-golden.ts';
import { GoldenFileError, loadValidatedJson } from '../../src/io/validated-json.ts';
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

  it('a byte-order mark, NaN, a folder or a FIFO named *.json, and a broken schema: one line naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    const text = readFileSync(ANALYTIC_GOLDEN_PATH, 'utf8');
    const oneLine = (run: () => unknown, message: RegExp) => {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GoldenFileError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    };
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${text}`);
    oneLine(() => loadAnalyticGolden(join(dir, 'bom.json')), /bom\.json: starts with a byte-order mark \(U\+FEFF\)/);
    writeFileSync(join(dir, 'nan.json'), text.replace(/"digits": \d+/, '"digits": NaN'));
    oneLine(() => loadAnalyticGolden(join(dir, 'nan.json')), /nan\.json: not valid JSON \(NaN is not JSON: write a number, or null\)/);
    mkdirSync(join(dir, 'folder.json'));
    oneLine(() => loadAnalyticGolden(join(dir, 'folder.json')), /folder\.json: cannot be read \(not a regular file\)/);
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    oneLine(() => loadAnalyticGolden(join(dir, 'fifo.json')), /fifo\.json: cannot be read \(not a regular file\)/);
    writeFileSync(join(dir, 'schema.json'), '{"type": ');
    oneLine(() => loadValidatedJson(ANALYTIC_GOLDEN_PATH, join(dir, 'schema.json')), /schema\.json: not valid JSON/);
    writeFileSync(join(dir, 'bad-schema.json'), '{"type": "no-such-type"}');
    oneLine(() => loadValidatedJson(ANALYTIC_GOLDEN_PATH, join(dir, 'bad-schema.json')), /bad-schema\.json: the schema is not a valid JSON Schema/);
  });
});
