import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/claims/index.ts';
import { evaluatePlan, planAudit } from '../../src/pipeline/index.ts';
import { buildResults, renderReport, serialiseResults } from '../../src/report/index.ts';
import { recordedRunnerResults } from '../fixtures/recorded.ts';

describe('every claim of the ledger reaches the report', () => {
  it('appears, evaluated, in REPORT.md and in results.json (the recorded smoke evaluation)', () => {
    const ledger = loadLedger();
    const audit = evaluatePlan(planAudit(ledger.claims, 'smoke', null), recordedRunnerResults());
    const record = buildResults(audit.results, audit.profile, [], audit.tolerances);
    const markdown = renderReport(record, []);
    const json = JSON.parse(serialiseResults(record)) as { claims: { id: string; outcome: string }[] };
    for (const claim of ledger.claims) {
      expect(markdown, claim.id).toContain(claim.id);
      const inJson = json.claims.find((c) => c.id === claim.id);
      expect(inJson, claim.id).toBeDefined();
      expect(inJson!.outcome, claim.id).not.toBe('not evaluated');
    }
    expect(json.claims.map((c) => c.id)).toEqual(ledger.claims.map((c) => c.id));
  });
});
