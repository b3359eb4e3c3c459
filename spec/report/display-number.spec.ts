import { describe, expect, it } from 'vitest';
import { displayNumber } from '../../src/report/display-number.ts';

describe('a value as the reports show it', () => {
  it('is four significant digits of a decimal, whatever results.json holds', () => {
    expect(displayNumber('0.35088212858554392786')).toBe('0.3509');
    expect(displayNumber('72600.12')).toBe('72600');
    expect(displayNumber('0.00001626039979813367')).toBe('0.00001626');
    expect(displayNumber('50')).toBe('50');
  });

  it('leaves text that is not a number as it is', () => {
    expect(displayNumber('—')).toBe('—');
    expect(displayNumber('deviates')).toBe('deviates');
    expect(displayNumber('')).toBe('');
  });
});
