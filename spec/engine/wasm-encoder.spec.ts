import { describe, expect, it } from 'vitest';
import { FunctionBody, OP, SIMD, encodeModule, signedLeb, unsignedLeb } from '../../src/engine/wasm-encoder.ts';

function instantiate(functions: { name: string; body: FunctionBody }[]): Record<string, unknown> {
  const bytes = encodeModule(1, functions);
  expect(WebAssembly.validate(bytes)).toBe(true);
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
}

describe('LEB128', () => {
  it('encodes the specification examples', () => {
    expect(unsignedLeb(0)).toEqual([0x00]);
    expect(unsignedLeb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb(0xf0)).toEqual([0xf0, 0x01]);
    expect(signedLeb(-123456n)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb(63n)).toEqual([0x3f]);
    expect(signedLeb(64n)).toEqual([0xc0, 0x00]);
    expect(signedLeb(-1n)).toEqual([0x7f]);
  });
});

describe('encodeModule', () => {
  it('builds modules that run: scalar arithmetic, locals, i64 constants and a loop', () => {
    // Σ_{k<n} k·x by repeated addition, and the low word of an i64 constant.
    const sum = new FunctionBody(['i32', 'f64'], ['f64']);
    const acc = sum.local('f64');
    sum.open(OP.block).open(OP.loop);
    sum.get(0).op(OP.i32Eqz).op(OP.brIf, 1);
    sum.get(0).i32(1).op(OP.i32Sub).set(0);
    sum.get(acc).get(1).op(OP.f64Add).set(acc);
    sum.op(OP.br, 0).op(OP.end, OP.end).get(acc);
    const low = new FunctionBody([], ['i32']);
    low.i64(0x123456789abcdefn).op(OP.i32WrapI64);
    const ex = instantiate([
      { name: 'sum', body: sum },
      { name: 'low', body: low },
    ]) as { sum: (n: number, x: number) => number; low: () => number };
    expect(ex.sum(5, 0.25)).toBe(1.25);
    expect(ex.low()).toBe(0x89abcdef | 0);
  });

  it('runs f64x2 lane arithmetic and the float32 round trip as Math.fround', () => {
    const f = new FunctionBody(['f64', 'f64'], []);
    const v = f.local('v128');
    f.get(0).simd(SIMD.f64x2Splat).set(v);
    f.i32(0).get(v).v128([1 / 3, -0]).simd(SIMD.f64x2Mul).simd(SIMD.f32x4DemoteF64x2Zero).simd(SIMD.f64x2PromoteLowF32x4).simdMem(SIMD.store, 0);
    f.i32(0).get(1).op(OP.f32DemoteF64, OP.f64PromoteF32).mem(OP.f64Store, 16);
    const ex = instantiate([{ name: 'f', body: f }]) as { memory: WebAssembly.Memory; f: (x: number, y: number) => void };
    ex.f(0.7, 0.1);
    const out = new Float64Array(ex.memory.buffer, 0, 3);
    expect(out[0]).toBe(Math.fround(0.7 * (1 / 3)));
    expect(Object.is(out[1], -0)).toBe(true);
    expect(out[2]).toBe(Math.fround(0.1));
  });

  it('calls imported functions by index, the module\'s own functions numbered after them', () => {
    // twice(x) = host(x) + host(x), host imported as function 1 after a dummy as 0.
    const twice = new FunctionBody(['f64'], ['f64']);
    twice.get(0).op(OP.call, 1).get(0).op(OP.call, 1).op(OP.f64Add);
    const bytes = encodeModule(
      1,
      [{ name: 'twice', body: twice }],
      [
        { module: 'host', name: 'unused', params: [], results: [] },
        { module: 'host', name: 'cube', params: ['f64'], results: ['f64'] },
      ],
    );
    expect(WebAssembly.validate(bytes)).toBe(true);
    const calls: number[] = [];
    const host = { unused: () => {}, cube: (x: number) => (calls.push(x), x * x * x) };
    const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), { host }).exports as { twice: (x: number) => number };
    expect(ex.twice(1.5)).toBe(6.75);
    expect(calls).toEqual([1.5, 1.5]);
  });
});
