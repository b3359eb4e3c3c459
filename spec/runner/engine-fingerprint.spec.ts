import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CODE_ENTRIES,
  codeClosure,
  codeFingerprint,
  currentEngine,
  protocolFilesFingerprint,
  runtimeImports,
  textFingerprint,
  type SourceReader,
} from '../../src/runner/engine-fingerprint.ts';
import { checkpointCacheKey } from '../../src/runner/checkpoint-cache.ts';
import { runCacheKey } from '../../src/runner/run-cache.ts';
import { cachedUnit, unitCacheKey } from '../../src/runner/unit-cache.ts';
import { DEFAULT_NUMERICS } from '../../src/protocols/protocols.ts';
import { ENGINE_VERSION } from '../../src/run/run-protocol.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';
import { GoldenFileError } from '../../src/io/index.ts';
import { tempDirs } from '../io/temp-dirs.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const checkout: SourceReader = (file) => readFileSync(join(SRC, file), 'utf8');
/** This checkout with one file's text changed, as an edit in a working tree would. */
const edited = (target: string, edit: (text: string) => string): SourceReader => (file) => (file === target ? edit(checkout(file)) : checkout(file));
const tree = (files: Record<string, string>): SourceReader => (file) => {
  const text = files[file];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
  return text;
};
const tempDir = tempDirs('fingerprint-');

describe('runtimeImports', () => {
  it('reads every runtime import form, multi-line ones too, and skips type-only ones and packages', () => {
    const text = [
      "import { a } from './a.ts';",
      'import {',
      '  b,',
      '  type B,',
      "} from '../b/index.ts';",
      "import type { T } from './types.ts';",
      "export type { U } from './u.ts';",
      "export * from './star.ts';",
      "export { c } from './c.ts';",
      "import './side.ts';",
      "const lazy = await import('./lazy.ts');",
      "const worker = new URL('./worker.ts', import.meta.url);",
      "import Decimal from 'decimal.js';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(runtimeImports(text).sort()).toEqual(['../b/index.ts', './a.ts', './c.ts', './lazy.ts', './side.ts', './star.ts', './worker.ts']);
  });
});

describe('codeClosure', () => {
  const files = {
    'runner/w.ts': "import { f } from '../run/index.ts';\nimport type { X } from '../claims/x.ts';\n",
    'run/index.ts': "export { f } from './f.ts';\nexport * from './g.ts';\n",
    'run/f.ts': "import { h } from '../engine/h.ts';\nexport const f = 1;\n",
    'run/g.ts': "import { f } from './f.ts';\n",
    'engine/h.ts': "import { f } from '../run/f.ts';\nexport const h = 2;\n",
    'report/r.ts': 'export const unrelated = 3;\n',
  };

  it('is the transitive runtime closure of the entry, cycles included, types and unrelated files not', () => {
    expect(codeClosure(['runner/w.ts'], tree(files))).toEqual(['engine/h.ts', 'run/f.ts', 'run/g.ts', 'run/index.ts', 'runner/w.ts']);
  });

  it('throws when an imported file cannot be read, so a moved file is never dropped from a key', () => {
    expect(() => codeClosure(['runner/w.ts'], tree({ ...files, 'run/g.ts': "import './gone.ts';\n" }))).toThrow(/ENOENT: run\/gone\.ts/);
  });

  it('its fingerprint changes with any byte of a file in the closure, not with line endings', () => {
    const print = (f: Record<string, string>) => textFingerprint(codeClosure(['runner/w.ts'], tree(f)), tree(f));
    const reference = print(files);
    expect(print({ ...files, 'engine/h.ts': `${files['engine/h.ts']}// a comment\n` })).not.toBe(reference);
    expect(print({ ...files, 'report/r.ts': 'export const unrelated = 4;\n' })).toBe(reference);
    expect(print({ ...files, 'run/f.ts': files['run/f.ts'].replace(/\n/g, '\r\n') })).toBe(reference);
  });
});

describe('the code each cache kind is keyed by', () => {
  // The file holding each kind's computation, which the kind's key must cover (a change there moved results while
  // the cache served the old ones).
  const computedIn: Record<string, string> = {
    runs: 'run/run-protocol.ts',
    checkpoints: 'run/checkpoints.ts',
    'phase-sweeps': 'run/phase-sweep.ts',
    'kramers-langer': 'run/kramers-langer.ts',
    'sgld-escape': 'run/escape-controls.ts',
    'nonlinear-sweeps': 'run/nonlinear-sweep.ts',
    'nonlinear-trap': 'run/nonlinear-trap.ts',
    'nonlinear-escape': 'run/nonlinear-trap.ts',
    'biased-trap': 'run/biased-trap.ts',
  };

  it('every kind has an entry whose closure holds its computation, the engine and no later stage', () => {
    expect(Object.keys(CODE_ENTRIES).sort()).toEqual(Object.keys(computedIn).sort());
    for (const [kind, entries] of Object.entries(CODE_ENTRIES)) {
      const closure = codeClosure(entries);
      expect(closure, kind).toEqual(expect.arrayContaining([...entries, computedIn[kind]!, 'engine/sgd.ts']));
      expect(closure.filter((file) => /^(claims|report|cli|pipeline|experiments|pins)\//.test(file)), kind).toEqual([]);
    }
    expect(currentEngine('runs')).toEqual({ version: ENGINE_VERSION, fingerprint: codeFingerprint('runs'), defaultNumerics: DEFAULT_NUMERICS });
    expect(codeFingerprint('runs')).toBe(codeFingerprint('runs', checkout));
    expect(() => codeFingerprint('no-such-kind')).toThrow(/no code entry/);
  });

  it('an edit to a file in a kind’s closure changes that kind’s fingerprint; an edit outside it does not', () => {
    for (const [kind, file] of Object.entries(computedIn)) {
      expect(codeFingerprint(kind, edited(file, (text) => `${text}\n// edited\n`)), kind).not.toBe(codeFingerprint(kind));
      expect(codeFingerprint(kind, edited('report/markdown.ts', (text) => `${text}\n// edited\n`)), kind).toBe(codeFingerprint(kind));
    }
  });

  it('the rank threshold scaled in the phase sweep moves the phase-sweep keys (a warm cache recomputes)', () => {
    const scaled = edited('run/phase-sweep.ts', (text) => {
      const changed = text.replace('effectiveRank(m.singularValues, protocol.rankThreshold)', 'effectiveRank(m.singularValues, protocol.rankThreshold * 300)');
      expect(changed).not.toBe(text);
      return changed;
    });
    const task = { dataSeed: 42, directions: ['up'] };
    const engine = currentEngine('phase-sweeps', scaled);
    expect(unitCacheKey('phase-sweeps', task, engine)).not.toBe(unitCacheKey('phase-sweeps', task));
    const dir = tempDir();
    let computed = 0;
    const compute = () => ({ dataSeed: 42, run: (computed += 1) });
    expect(cachedUnit(dir, 'phase-sweeps', task, compute).cached).toBe(false);
    expect(cachedUnit(dir, 'phase-sweeps', task, compute).cached).toBe(true);
    expect(cachedUnit(dir, 'phase-sweeps', task, compute, { engine }).cached).toBe(false);
    expect(computed).toBe(2);
  });

  it('run and checkpoint keys follow their own closures', () => {
    const p = tinyProtocol('random-init');
    const sgd = edited('engine/sgd.ts', (text) => `${text}\n// edited\n`);
    expect(runCacheKey(p, 1, {}, currentEngine('runs', sgd))).not.toBe(runCacheKey(p, 1, {}));
    expect(checkpointCacheKey(p, 1, [0], currentEngine('checkpoints', sgd))).not.toBe(checkpointCacheKey(p, 1, [0]));
    const worker = edited('runner/jobs/seed-runs-worker.ts', (text) => `${text}\n// edited\n`);
    expect(runCacheKey(p, 1, {}, currentEngine('runs', worker))).not.toBe(runCacheKey(p, 1, {}));
    // The checkpoints are shared by the seed runs and the SGLD runs: the worker asking for them is not their code.
    expect(checkpointCacheKey(p, 1, [0], currentEngine('checkpoints', worker))).toBe(checkpointCacheKey(p, 1, [0]));
  });
});

describe('the protocol files a cache key covers', () => {
  const GOLDEN_PROTOCOLS = fileURLToPath(new URL('../../golden/protocols/', import.meta.url));
  /** A protocols folder holding one real protocol file and `plant`'s entry. */
  const folderWith = (plant: (dir: string) => void): string => {
    const dir = tempDir();
    copyFileSync(join(GOLDEN_PROTOCOLS, 'rank1-trap.json'), join(dir, 'rank1-trap.json'));
    plant(dir);
    return dir;
  };
  const refusal = (dir: string): Error => {
    try {
      protocolFilesFingerprint(dir);
    } catch (error) {
      return error as Error;
    }
    throw new Error(`${dir}: the fingerprint was computed`);
  };

  it('are golden/protocols/*.json, read once per process', () => {
    expect(protocolFilesFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(protocolFilesFingerprint(GOLDEN_PROTOCOLS)).toBe(protocolFilesFingerprint());
  });

  it('a folder, a dangling link or a FIFO named *.json is refused in one line naming it, and a FIFO is not read forever', () => {
    for (const [name, plant, reason] of [
      ['junk.json', (dir: string) => mkdirSync(join(dir, 'junk.json')), 'not a regular file'],
      ['gone.json', (dir: string) => symlinkSync(join(dir, 'nowhere.json'), join(dir, 'gone.json')), 'ENOENT'],
      ['fifo.json', (dir: string) => execFileSync('mkfifo', [join(dir, 'fifo.json')]), 'not a regular file'],
    ] as const) {
      const dir = folderWith(plant);
      const error = refusal(dir);
      expect(error, name).toBeInstanceOf(GoldenFileError);
      expect(error.message).toBe(`${join(dir, name)}: cannot be read (${reason}).`);
    }
  });
});
