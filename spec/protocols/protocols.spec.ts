import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARRHENIUS_SWEEP_PATH, loadArrheniusSweep } from '../../src/protocols/arrhenius-sweep.ts';
import { PHASE_DIAGRAM_PATH, loadPhaseDiagramFile } from '../../src/protocols/phase-diagram-protocol.ts';
import { GoldenFileError } from '../../src/io/validated-json.ts';
import { parameterCount } from '../../src/engine/index.ts';
import {
  PROTOCOLS,
  PROTOCOL_DIR,
  PROTOCOL_FILES,
  PROTOCOL_NAMES,
  applyOverrides,
  checkProfiles,
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

  it.each([
    ['widths against inputDim', (d: Record<string, any>) => (d.settings.network.widths = [3, 10, 10, 2]), /\/settings\/network\/widths\/0 is 3 but teacher\.inputDim is 2/],
    ['widths against outputDim', (d: Record<string, any>) => (d.settings.network.widths = [2, 10, 10, 5]), /\/settings\/network\/widths\/3 is 5 but teacher\.outputDim is 2/],
    ['a width beyond the limit', (d: Record<string, any>) => (d.settings.network.widths = [2, 1e8, 2]), /\/settings\/network\/widths\/1 is 100000000; widths must be <= 1000/],
    ['too many parameters', (d: Record<string, any>) => (d.settings.network.widths = [2, ...Array(5).fill(1000), 2]), /\/settings\/network\/widths make \d+ parameters; at most 1000000/],
    ['sigmaMode beyond the modes', (d: Record<string, any>) => (d.settings.sigmaMode = 3), /\/settings\/sigmaMode is 3 but the network has 2 modes/],
    ['initStd 1e308', (d: Record<string, any>) => (d.settings.initStd = 1e308), /\/settings\/initStd is 1e\+308; must be <= 10/],
    ['more singular values than modes', (d: Record<string, any>) => d.settings.teacher.singularValues.push(0.5), /\/settings\/teacher\/singularValues lists 3 values/],
    ['smoke seeds with first > last', (d: Record<string, any>) => (d.profiles.smoke.seeds = { first: 50, last: 42 }), /\/profiles\/smoke\/seeds runs from first 50 to last 42/],
    ['an epoch budget beyond the limit', (d: Record<string, any>) => (d.profiles.full.epochs = 1e12), /\/profiles\/full\/epochs is 1000000000000; must be <= 1000000/],
  ])('refuses %s, naming the file and the field', (_, change, message) => {
    const dir = writeVariant('rank1-trap', change);
    expect(() => loadProtocolFile('rank1-trap', dir)).toThrow(GoldenFileError);
    expect(() => loadProtocolFile('rank1-trap', dir)).toThrow(new RegExp(`rank1-trap\\.json: ${message.source}`));
  });

  it('refuses a duplicate key, which JSON.parse would resolve silently to the last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocols-'));
    const text = readFileSync(join(PROTOCOL_DIR, 'sparse.json'), 'utf8').replace('"beta": 0.0025,', '"beta": 0.0025,\n    "beta": 0.32,');
    expect(text).toContain('"beta": 0.32');
    writeFileSync(join(dir, 'sparse.json'), text);
    expect(() => loadProtocolFile('sparse', dir)).toThrow(/sparse\.json: \/settings\/beta appears twice in one object/);
  });

  it('the phase-diagram and Arrhenius files get the same checks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocols-'));
    const phase = JSON.parse(readFileSync(PHASE_DIAGRAM_PATH, 'utf8'));
    phase.settings.network.widths = [2, 10, 3];
    writeFileSync(join(dir, 'phase-diagram.json'), JSON.stringify(phase));
    expect(() => loadPhaseDiagramFile(join(dir, 'phase-diagram.json'))).toThrow(/phase-diagram\.json: \/settings\/network\/widths\/2 is 3 but teacher\.outputDim is 2/);
    const sweep = JSON.parse(readFileSync(ARRHENIUS_SWEEP_PATH, 'utf8'));
    sweep.profiles.smoke.seeds = { first: 43, last: 42 };
    writeFileSync(join(dir, 'arrhenius-sweep.json'), JSON.stringify(sweep));
    expect(() => loadArrheniusSweep(join(dir, 'arrhenius-sweep.json'))).toThrow(/arrhenius-sweep\.json: \/profiles\/smoke\/seeds runs from first 43 to last 42/);
  });
});

describe('checkProfiles', () => {
  const profiles = {
    smoke: { seeds: { first: 1, last: 2 }, budget: { tanh: 10, sigmoid: 10 } },
    quick: { seeds: { first: 1, last: 2 }, budget: { tanh: 10, sigmoid: 2_000_000 } },
    full: { seeds: { first: 5, last: 2 }, budget: { tanh: 10, sigmoid: 10 } },
  };

  it('names the first profile field out of range by its pointer: seed ranges, then budgets, profile by profile', () => {
    expect(() => checkProfiles('f.json', profiles, { epochs: ['budget/tanh', 'budget/sigmoid'] })).toThrow(/f\.json: \/profiles\/quick\/budget\/sigmoid .*1000000/);
    expect(() => checkProfiles('f.json', profiles, { seedRanges: ['seeds'] })).toThrow(/\/profiles\/full\/seeds .*first must be <= last/);
    expect(() => checkProfiles('f.json', profiles, { seedRanges: ['seeds'], epochs: ['budget/tanh'] })).toThrow(/\/profiles\/full\/seeds/);
  });
});
