import { describe, expect, it } from 'vitest';
import { expectRefused as refused, runCli } from './run-cli.ts';

// hostile inputs to `metastable landscape`, each answered or refused with one line and exit 2.
const BASE = ['--eta', '0.8', '--beta', '0.32', '--depth', '3'];

function withFlag(flag: string, value: string): string[] {
  const args = [...BASE];
  args[args.indexOf(flag) + 1] = value;
  return args;
}


describe('metastable landscape refuses what is not a plain decimal number', () => {
  it.each([
    ['--beta', '0x2A'],
    ['--beta', '0b101'],
    ['--beta', '0o7'],
    ['--eta', 'Infinity'],
    ['--eta', 'NaN'],
    ['--eta', ''],
    ['--beta', '1_000'],
    ['--depth', '0x3'],
  ])('%s %j', async (flag, value) => {
    await refused('landscape', withFlag(flag, value), new RegExp(`${flag} must be a decimal (number|integer)`));
  });

  it('refuses a number that overflows or underflows float64 instead of computing at Infinity or 0', async () => {
    await refused('landscape', withFlag('--eta', '1e400'), /--eta must be a finite number/);
    await refused('landscape', withFlag('--beta', '1e-400'), /--beta 1e-400 underflows to 0 in float64/);
    // Zero written any way is still zero, and allowed for β.
    expect((await runCli('landscape', ...withFlag('--beta', '0e-999'))).code).toBe(0);
  });
});

describe('metastable landscape at the extremes answers or says why not', () => {
  it.each([['1e-300'], ['5e-324'], ['1e-200']])('β = %s: float64 refuses the underflowing saddle and names --digits', async (beta) => {
    await refused('landscape', withFlag('--beta', beta), /saddle λsad is outside float64's range.*--digits/);
  });

  it('β = 1e-300 with --digits gives the saddle (b/η)^3 of Eq. 2', async () => {
    const { code, stdout } = await runCli('landscape', ...withFlag('--beta', '1e-300'), '--digits', '20', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).lambdaSaddle).toBe('1.953125e-900');
  });

  it('η = 1e100 in float64 answers every field', async () => {
    const { code, stdout } = await runCli('landscape', ...withFlag('--eta', '1e100'), '--json');
    expect(code).toBe(0);
    const record = JSON.parse(stdout) as Record<string, string>;
    for (const field of ['betaC', 'lambdaSaddle', 'lambdaMin', 'barrier', 'barrierFromMin']) expect(Number.isFinite(Number(record[field]))).toBe(true);
    // Eq. 2 with λ ≪ η: λsad ≈ (β/η)^{L/(L−2)} = (0.32e-100)^3.
    expect(Number(record.lambdaSaddle) / 3.2768e-302 - 1).toBeLessThan(1e-12);
  });

  it('η = 1e300 with --digits 40 answers; in float64 it refuses βc, which overflows', async () => {
    const { code, stdout } = await runCli('landscape', ...withFlag('--eta', '1e300'), '--digits', '40', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).lambdaSaddle).toBe('3.2768e-902');
    await refused('landscape', withFlag('--eta', '1e300'), /βc is outside float64's range/);
  });

  it('η = β = 1e300 is refused in float64, never printed as βc = Infinity and ΔE = NaN', async () => {
    await refused('landscape', ['--eta', '1e300', '--beta', '1e300', '--depth', '3'], /βc is outside float64's range/);
  });

  it('η = β = 1e-300: βc underflows float64 and is refused, not printed as 0', async () => {
    await refused('landscape', ['--eta', '1e-300', '--beta', '1e-300', '--depth', '3'], /βc is outside float64's range/);
  });
});
