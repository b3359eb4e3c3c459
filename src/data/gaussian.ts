import { uniformUnit, type RandomStream } from './random-stream.ts';

/**
 * Fills `out` with independent standard normals by Marsaglia's polar method: draw (u, v) uniformly in the
 * square [-1, 1)² from 53-bit uniforms, reject points outside the unit disc (and the origin), then
 * u·√(−2 ln s / s) and v·√(−2 ln s / s) with s = u² + v² are two exact independent N(0, 1) draws.
 * It uses only √ (correctly rounded) and ln (V8's fdlibm port, the same bits on every platform), no sin/cos.
 */
export function fillStandardNormal(rng: RandomStream, out: Float64Array): void {
  let i = 0;
  while (i < out.length) {
    const u = 2 * uniformUnit(rng) - 1;
    const v = 2 * uniformUnit(rng) - 1;
    const s = u * u + v * v;
    if (s >= 1 || s === 0) continue;
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    out[i++] = u * scale;
    if (i < out.length) out[i++] = v * scale;
  }
}
