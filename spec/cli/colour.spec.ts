import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/cli/colour.ts';

describe('colour', () => {
  it('on a terminal by default, never into a pipe unless forced', () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
  });

  it('NO_COLOR (non-empty) turns it off; FORCE_COLOR turns it on, and 0 or false off', () => {
    expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colourWanted(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourWanted(false, { FORCE_COLOR: '' })).toBe(true);
    expect(colourWanted(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourWanted(true, { FORCE_COLOR: 'false', NO_COLOR: '' })).toBe(false);
    expect(colourWanted(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
});
