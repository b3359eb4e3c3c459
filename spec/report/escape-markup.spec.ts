import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../src/report/escape-markup.ts';

describe('escapeMarkup', () => {
  it('escapes the five markup characters and drops control characters XML cannot carry', () => {
    expect(escapeMarkup(`a<b & "c" 'd'\u0001\u0007`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;');
    expect(escapeMarkup('σ ≈ 0.42\n\tτ')).toBe('σ ≈ 0.42\n\tτ');
  });
});
