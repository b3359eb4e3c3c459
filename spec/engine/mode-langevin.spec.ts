import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/data/index.ts';
import { float64, modeBarriers } from '../../src/analytic/index.ts';
import {
  defaultAbsorbingPoint,
  kramersTime,
  meanFirstPassageTime,
  modeLangevinEscape,
  modeLangevinSweep,
  modePotential,
  overdampedFirstPassage,
} from '../../src/engine/mode-langevin.ts';
import { DEFAULT_ALPHA, fitEscapeRateLine } from '../../src/stats/index.ts';

const paper = { eta: 0.8, beta: 0.32, depth: 3 };
const P = modePotential(paper.eta, paper.beta, paper.depth);

describe('modePotential', () => {
  it('is the per-mode loss in u = λ^{1/L}: its barrier is ΔE of Eq. 10 (0.028453 at β = 0.32, η = 0.8, L = 3, eq2)', () => {
    expect(P.barrier).toBeCloseTo(0.028453, 6);
    expect(P.value(P.saddle)).toBeCloseTo(P.barrier, 12);
    expect(P.gradient(P.saddle)).toBeCloseTo(0, 12);
    expect(P.gradient(P.minimum)).toBeCloseTo(0, 12);
    expect(P.curvature(0)).toBeCloseTo(3 * 0.32, 12);
  });

  it('has gradient and curvature that are the derivatives of its value (central differences)', () => {
    const h = 1e-5;
    for (const u of [-0.5, 0.1, 0.45, 0.7, 1.1]) {
      expect(P.gradient(u)).toBeCloseTo((P.value(u + h) - P.value(u - h)) / (2 * h), 8);
      expect(P.curvature(u)).toBeCloseTo((P.gradient(u + h) - P.gradient(u - h)) / (2 * h), 7);
    }
  });
});

describe('meanFirstPassageTime', () => {
  it('gives b/F for a constant drift F (linear potential, natural left boundary)', () => {
    const F = 0.7;
    expect(meanFirstPassageTime((u) => -F * u, { temperature: 0.05, start: 0, upper: 1.3 })).toBeCloseTo(1.3 / F, 8);
  });

  it('approaches Kramers\' law as T → 0 (ΔE/T = 20: within 2 %)', () => {
    const T = P.barrier / 20;
    const exact = meanFirstPassageTime(P.value, { temperature: T, start: 0, upper: defaultAbsorbingPoint(P) });
    expect(exact / kramersTime(P, T)).toBeGreaterThan(0.98);
    expect(exact / kramersTime(P, T)).toBeLessThan(1.02);
  });
});

describe('overdampedFirstPassage', () => {
  it('matches the exact mean first-passage time of a constant drift (2000 seeded runs, within 4 %)', () => {
    // E[τ] = b/F = 1; the standard error is √(2Tb/F³)/√2000 = 1 %, the discrete-time overshoot about +0.8 %.
    const rng = createStream(7, 'langevin');
    let sum = 0;
    for (let run = 0; run < 2000; run++) {
      const r = overdampedFirstPassage(() => -1, { temperature: 0.1, dt: 1e-3, maxSteps: 1e6, start: 0, upper: 1 }, rng);
      expect(r.escaped).toBe(true);
      sum += r.time;
    }
    expect(Math.abs(sum / 2000 - 1)).toBeLessThan(0.04);
  });

  it('relaxes to the Euler–Maruyama stationary variance of a harmonic well, 2T/(k(2 − k·dt))', () => {
    // V = k u²/2, absorbing point never reached: the state is read through the gradient, which sees u before each
    // step. After 59 steps the start is forgotten to (1 − k·dt)^118 ≈ 4e-6.
    const k = 2;
    const T = 0.5;
    const dt = 0.05;
    const runs = 4000;
    let sumSq = 0;
    for (let run = 0; run < runs; run++) {
      let u = 0;
      const gradient = (x: number): number => {
        u = x;
        return k * x;
      };
      const r = overdampedFirstPassage(gradient, { temperature: T, dt, maxSteps: 60, start: 0, upper: 1e9 }, createStream(run, 'langevin'));
      expect(r.escaped).toBe(false);
      sumSq += u * u;
    }
    expect(Math.abs(sumSq / runs / ((2 * T) / (k * (2 - k * dt))) - 1)).toBeLessThan(4 * Math.sqrt(2 / runs));
  });
});

describe('modeLangevinEscape', () => {
  const settings = { ...paper, temperature: P.barrier / 3, dt: 0.01, maxSteps: 1_000_000 };

  it('is a pure function of (settings, seed)', () => {
    expect(modeLangevinEscape(settings, 5)).toEqual(modeLangevinEscape(settings, 5));
    expect(modeLangevinEscape(settings, 5)).not.toEqual(modeLangevinEscape(settings, 6));
  });

  it('censors at the step budget', () => {
    const r = modeLangevinEscape({ ...settings, maxSteps: 10 }, 5);
    expect(r).toEqual({ time: 10 * settings.dt, escaped: false, steps: 10 });
  });

  it('has the exact mean first-passage time at ΔE/T = 2 (400 seeds, within 3 standard errors)', () => {
    const T = P.barrier / 2;
    const times = Array.from({ length: 400 }, (_, seed) => modeLangevinEscape({ ...settings, temperature: T }, seed).time);
    const mean = times.reduce((s, t) => s + t, 0) / times.length;
    const exact = meanFirstPassageTime(P.value, { temperature: T, start: 0, upper: defaultAbsorbingPoint(P) });
    expect(Math.abs(mean / exact - 1)).toBeLessThan(3 / Math.sqrt(times.length));
  });
});

describe('the Arrhenius fit on the one-mode positive control (50 seeds, ΔE/T = 2 … 6)', () => {
  const ratios = [2, 3, 4, 5, 6];
  const temperatures = ratios.map((r) => P.barrier / r);
  const seeds = Array.from({ length: 50 }, (_, i) => 100 + i);
  const fitAt = (beta: number) =>
    fitEscapeRateLine(
      modeLangevinSweep({ ...paper, beta, dt: 0.01, maxSteps: 2_000_000 }, temperatures, seeds).map((g) => ({ x: 1 / g.temperature, runs: g.runs })),
      DEFAULT_ALPHA,
    );

  it('recovers ΔE within its interval at the paper\'s β', () => {
    const fit = fitAt(paper.beta);
    expect(fit.slopeInterval.lower).toBeLessThan(P.barrier);
    expect(fit.slopeInterval.upper).toBeGreaterThan(P.barrier);
  });

  it('excludes ΔE when β is moved so that the simulated barrier is 0.7 ΔE', () => {
    const beta = betaWithBarrier(0.7 * P.barrier);
    const fit = fitAt(beta);
    expect(fit.slopeInterval.upper).toBeLessThan(P.barrier);
    expect(fit.slopeInterval.lower).toBeLessThan(0.7 * P.barrier);
    expect(fit.slopeInterval.upper).toBeGreaterThan(0.7 * P.barrier);
  });
});

/** The β (below 0.32) at which Eq. 10's barrier for η = 0.8, L = 3 equals `target`, by bisection. */
function betaWithBarrier(target: number): number {
  let lo = 0.1;
  let hi = paper.beta;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const b = modeBarriers(float64, { eta: paper.eta, beta: mid, depth: paper.depth, convention: 'eq2' });
    if (b !== null && b.fromZero > target) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}
