import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterCount } from '../../src/engine/index.ts';
import {
  PROTOCOLS,
  PROTOCOL_DIR,
  PROTOCOL_FILES,
  PROTOCOL_NAMES,
  applyOverrides,
  dataSeedFor,
  isProtocolName,
  loadProtocolFile,
  profileSeeds,
  protocolForProfile,
  type ProtocolName,
} from '../../src/protocols/protocols.ts';

describe('protocols', () => {
  it('carry the settings of Section 3.1 / Appendix A', () => {
    for (const name of ['random-init', 'rank1-trap', 'trivial-trap'] as const) {
      const p = PROTOCOLS[name];
      expect([p.beta, p.lr, p.batch, p.epochs]).toEqual([0.32, 0.08, 64, 20_000]);
      expect(p.data).toEqual({ kind: 'iid', trainCount: 512, testCount: 512 });
      expect(p.primaryEscapeRule).toBe('test-mse-midpoint');
    }
    expect(PROTOCOLS['random-init'].start).toEqual({ kind: 'random' });
    expect(PROTOCOLS['rank1-trap'].start).toEqual({ kind: 'checkpoint', betas: [0, 0.361] });
    expect(PROTOCOLS['trivial-trap'].start).toEqual({ kind: 'checkpoint', betas: [0, 0.43] });
    const s = PROTOCOLS.sparse;
    expect([s.beta, s.lr, s.batch, s.sigmaThreshold, s.primaryEscapeRule]).toEqual([0.0025, 0.1, 64, 1e-3, 'sigma-threshold']);
    expect(s.data).toEqual({ kind: 'subsample', poolCount: 5000, trainCount: 25, testCount: 10_000 });
    for (const name of PROTOCOL_NAMES) {
      expect(PROTOCOLS[name].teacher.singularValues).toEqual([0.9, 0.8]);
      expect(PROTOCOLS[name].initStd).toBe(1 / Math.sqrt(10));
      expect(PROTOCOLS[name].dataSeed).toEqual({ kind: 'per-seed' });
      expect(parameterCount(PROTOCOLS[name].network)).toBe(140);
    }
  });

  it('are plain data (JSON round trip)', () => {
    expect(JSON.parse(JSON.stringify(PROTOCOLS))).toEqual(PROTOCOLS);
  });

  it('applyOverrides changes only the continued run', () => {
    const p = applyOverrides(PROTOCOLS['rank1-trap'], { lr: 0.001, epochs: 7 });
    expect([p.lr, p.epochs, p.batch, p.beta]).toEqual([0.001, 7, 64, 0.32]);
    expect(p.checkpoint.lr).toBe(0.08);
  });

  it('dataSeedFor follows the scheme', () => {
    expect(dataSeedFor(PROTOCOLS.sparse, 51)).toBe(51);
    expect(dataSeedFor({ ...PROTOCOLS.sparse, dataSeed: { kind: 'fixed', seed: 0 } }, 51)).toBe(0);
  });

  it('isProtocolName', () => {
    expect(isProtocolName('sparse')).toBe(true);
    expect(isProtocolName('rank2')).toBe(false);
  });
});

describe('golden/protocols/*.json', () => {
  it('runs the paper as written in the full profile: seeds 42–91 and its epoch budgets', () => {
    for (const name of PROTOCOL_NAMES) {
      const file = PROTOCOL_FILES[name];
      expect(profileSeeds(file.profiles.full)).toEqual(Array.from({ length: 50 }, (_, i) => 42 + i));
      expect(protocolForProfile(file, 'full').epochs).toBe(file.settings.epochs);
      expect(protocolForProfile(file, 'smoke').epochs).toBeLessThan(file.settings.epochs);
    }
    expect(PROTOCOLS['rank1-trap'].beta).toBe(0.32);
    expect(PROTOCOLS.sparse.data).toEqual({ kind: 'subsample', poolCount: 5000, trainCount: 25, testCount: 10_000 });
  });

  function writeVariant(name: ProtocolName, change: (d: Record<string, any>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'protocols-'));
    const data = JSON.parse(readFileSync(join(PROTOCOL_DIR, `${name}.json`), 'utf8'));
    change(data);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(data));
    return dir;
  }

  it('rejects a malformed protocol file, naming the file and the field', () => {
    const negative = writeVariant('rank1-trap', (d) => (d.settings.lr = -0.08));
    expect(() => loadProtocolFile('rank1-trap', negative)).toThrow(/rank1-trap\.json: \/settings\/lr must be > 0/);
    const unquoted = writeVariant('sparse', (d) => delete d.paper.batch);
    expect(() => loadProtocolFile('sparse', unquoted)).toThrow(/\/paper must have required property 'batch'/);
    const renamed = writeVariant('trivial-trap', (d) => (d.name = 'rank1-trap'));
    expect(() => loadProtocolFile('trivial-trap', renamed)).toThrow(/\/name is 'rank1-trap' but the file is trivial-trap\.json/);
  });
});
