import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDuplicateKey } from '../../src/io/json-keys.ts';

describe('firstDuplicateKey', () => {
  it('finds nothing in what JSON.stringify writes (it never repeats a key)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => firstDuplicateKey(JSON.stringify(value, null, 1)) === null));
  });

  it('names the repeated key by its JSON pointer, at any depth, past strings holding quotes and braces', () => {
    expect(firstDuplicateKey('{"a": 1, "a": 2}')).toBe('/a');
    expect(firstDuplicateKey('{"s": "}\\"{", "x": [{"k": 1}, {"k": 2, "w": {"y": 1, "y": 1}}]}')).toBe('/x/1/w/y');
    expect(firstDuplicateKey('{"a/b": {"c": 1, "c": 2}}')).toBe('/a~1b/c');
    expect(firstDuplicateKey('[{"a": 1}, {"a": 1}]')).toBeNull();
  });
});
