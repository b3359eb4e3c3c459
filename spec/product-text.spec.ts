// The product speaks only of itself: no word of how it was built (an issue number, "the harness’s own") in its
// sources, golden files, scripts, docs or the report it renders.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../src/claims/index.ts';
import { evaluatePlan, planAudit } from '../src/pipeline/index.ts';
import { buildResults, renderReport } from '../src/report/index.ts';
import { recordedRunnerResults } from './fixtures/recorded.ts';

const BUILD_WORDS = /\bissues? #?\d+|harness['’]s own/i;

function offending(text: string): string[] {
  return text.split('\n').filter((line) => BUILD_WORDS.test(line));
}

describe('the product text', () => {
  it('names no issue and no "harness\'s own" in tracked sources, golden files, scripts and docs', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'golden', 'scripts', 'bench', 'README.md', 'REPRODUCE.md', '.github'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|json|md|yml|mjs|sh|c|cjs)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) => offending(readFileSync(f, 'utf8')).map((line) => `${f}: ${line.trim().slice(0, 120)}`));
    expect(hits).toEqual([]);
  });

  it('nor in the report it renders (the recorded smoke evaluation)', () => {
    const audit = evaluatePlan(planAudit(loadLedger().claims, 'smoke', null), recordedRunnerResults());
    const report = renderReport(buildResults(audit.results, audit.profile, [], audit.tolerances, null, audit.thesis), []);
    expect(offending(report)).toEqual([]);
  });

  it('would catch one', () => {
    expect(offending('fixed in issue 12\nthe harness’s own control\nan audit experiment')).toHaveLength(2);
  });
});
