import { describe, expect, it } from 'vitest';
import { DEPTH, decimalParam, integerListParam, integerParam } from '../../../src/claims/common/params.ts';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { NO_EXPERIMENTS } from '../without-experiments.ts';
import { loadLedger, type Claim } from '../../../src/claims/ledger.ts';
import { GoldenFileError } from '../../../src/io/validated-json.ts';

const claim = (params: Record<string, unknown>) => ({ id: 'some-claim', evaluator: 'x', params }) as unknown as Claim;

describe('claim params', () => {
  it('names the claim and the field when a depth is out of range, instead of a RangeError', () => {
    expect(() => integerParam(claim({ depth: 0 }), 'depth', DEPTH)).toThrow(GoldenFileError);
    expect(() => integerParam(claim({ depth: 0 }), 'depth', DEPTH)).toThrow(/claim 'some-claim' params\.depth must be an integer in \[2, 1000\], not 0/);
    expect(() => integerListParam(claim({ depths: [3, 1] }), 'depths', DEPTH)).toThrow(/params\.depths must be a non-empty list of integers in \[2, 1000\]/);
    expect(() => decimalParam(claim({ eta: '0' }), 'eta', 'positive')).toThrow(/params\.eta must be a decimal string > 0/);
    expect(decimalParam(claim({ eta: '0.05' }), 'eta', 'positive')).toBe('0.05');
  });

  it('a ledger claim with depth 0 fails its evaluation with the claim and field named', () => {
    const target = loadLedger().claims.find((c) => c.params.depth === 3 && c.kind === 'analytic')!;
    const broken = { ...target, params: { ...target.params, depth: 0 } };
    expect(() => evaluateClaim(broken, NO_EXPERIMENTS)).toThrow(
      new RegExp(`claim '${target.id}' params\\.depth must be an integer in \\[2, 1000\\]`),
    );
  });
});
