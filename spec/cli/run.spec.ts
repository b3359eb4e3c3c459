import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { traceCsv } from '../../src/cli/run.ts';

describe('metastable run', () => {
  it('prints the run record with --json and writes the trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-cli-'));
    try {
      const file = join(dir, 'trace.csv');
      const { code, stdout, stderr } = await runCli('run', '--protocol', 'random-init', '--seed', '42', '--epochs', '3', '--trace', file, '--json');
      expect(code).toBe(0);
      const record = JSON.parse(stdout);
      expect(record).toMatchObject({ protocol: 'random-init', seed: 42, epochs: 3 });
      expect(record.final).toHaveProperty('trainMse');
      expect(record.final).toHaveProperty('testMse');
      expect(record.final.singularValues).toHaveLength(2);
      expect(typeof record.stepsPerSecond).toBe('number');
      expect('escapeEpoch' in record).toBe(true);
      expect(stderr).toMatch(/epoch 3\/3/);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines[0]).toBe('epoch,train_mse,test_mse,regularised_loss,sigma_1,sigma_2');
      expect(lines).toHaveLength(5);
      expect(Number(lines[4]!.split(',')[2])).toBe(record.final.testMse);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await runCli('run', '--protocol', 'sparse', '--seed', '1', '--epochs', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^sparse, seed 1: 2 epochs at β = 0.0025/);
    expect(stdout).toMatch(/σ2 above 0.001/);
  });

  it.each([
    [['--protocol', 'nope', '--seed', '1'], /unknown protocol 'nope'/],
    [['--protocol', 'sparse', '--seed', '1.5'], /seed must be an integer/],
    [['--protocol', 'sparse', '--seed', '1', '--lr', '-1'], /lr must be > 0/],
    [['--protocol', 'sparse', '--seed', '1', '--batch', '0'], /batch must be an integer >= 1/],
    [['--protocol', 'sparse', '--seed', '1', '--beta', '-0.1'], /beta must be >= 0/],
    [['--protocol', 'sparse', '--seed', '1', '--bogus'], /unknown option '--bogus'/],
    [['--seed', '1'], /required option '--protocol/],
  ])('refuses %j with one line on stderr and exit code 2', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'run-cli-'));
    try {
      const file = join(dir, 'trace.csv');
      const { code, stdout, stderr } = await runCli('run', ...args, '--trace', file);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('traceCsv', () => {
  it('writes one row per epoch with every singular value', () => {
    const csv = traceCsv([{ epoch: 0, trainMse: 1, testMse: 2, regularisedLoss: 3, singularValues: [0.5, 0.25, 0] }]);
    expect(csv).toBe('epoch,train_mse,test_mse,regularised_loss,sigma_1,sigma_2,sigma_3\n0,1,2,3,0.5,0.25,0\n');
  });
});
