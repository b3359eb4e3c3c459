import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Numerics } from '../engine/index.ts';
import { readGoldenFile } from '../io/index.ts';
import { DEFAULT_NUMERICS } from '../protocols/index.ts';
import { ENGINE_VERSION } from '../run/index.ts';

const SRC_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Reads one source file, by its path relative to src/ (a spec injects an edited tree). */
export type SourceReader = (file: string) => string;

const readSource = (root: string): SourceReader => (file) => readFileSync(join(root, file), 'utf8');

// Runtime imports of a TypeScript module: `import … from`, `export … from`, `import '…'`, `import('…')` and the
// `new URL('….ts', import.meta.url)` a pool is given as its worker file. `import type` and `export type` are skipped:
// they are erased before the code runs, so they cannot change a result (an `import { type A }` is kept, to be safe).
const STATIC = /^[ \t]*(import|export)\s+(type\s+)?[^'"`;]*?\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const WORKER_URL = /\bnew URL\(\s*['"]([^'"]+\.ts)['"]\s*,\s*import\.meta\.url\s*\)/g;

/** The relative specifiers a module loads when it runs; package imports are left out (package-lock.json pins them). */
export function runtimeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(STATIC)) if (m[2] === undefined) found.push(m[3]!);
  for (const re of [BARE, DYNAMIC, WORKER_URL]) for (const m of text.matchAll(re)) found.push(m[1]!);
  return found.filter((specifier) => specifier.startsWith('.'));
}

/**
 * The transitive runtime imports of `entries` (paths relative to src/), themselves included, sorted: every .ts file
 * whose text can change what the entries compute. An import that cannot be read throws, so a moved file is never
 * silently dropped from a key.
 */
export function codeClosure(entries: readonly string[], read: SourceReader = readSource(SRC_ROOT)): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeImports(read(file))) pending.push(posix.normalize(posix.join(posix.dirname(file), specifier)));
  }
  return [...seen].sort();
}

/** SHA-256 over the files' paths and text (line endings normalised, so a CRLF checkout hashes the same), in order. */
export function textFingerprint(files: readonly string[], read: SourceReader): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const text = read(file).replace(/\r\n/g, '\n');
    hash.update(`${file}\0${text.length}\0${text}\0`);
  }
  return hash.digest('hex');
}

/**
 * The module each cache kind's entries are computed by, relative to src/: a pool worker, or the function the
 * runner calls in-process. A kind's key covers the closure of these (codeClosure), so editing any file a kind's
 * code imports, directly or not, recomputes that kind's entries and no others. Checkpoints are keyed by the code
 * that trains them, not by the worker that asks, so the seed runs and the SGLD runs share them.
 */
export const CODE_ENTRIES: Readonly<Record<string, readonly string[]>> = {
  runs: ['runner/jobs/seed-runs-worker.ts'],
  checkpoints: ['run/checkpoints.ts', 'runner/checkpoint-cache.ts'],
  'phase-sweeps': ['runner/jobs/phase-sweeps-worker.ts'],
  'kramers-langer': ['run/kramers-langer.ts', 'runner/jobs/worker-result.ts'],
  'sgld-escape': ['runner/jobs/sgld-escapes-worker.ts'],
  'nonlinear-sweeps': ['runner/jobs/nonlinear-worker.ts'],
  'nonlinear-trap': ['runner/jobs/nonlinear-worker.ts'],
  'nonlinear-escape': ['runner/jobs/nonlinear-worker.ts'],
  'biased-trap': ['runner/jobs/biased-traps-worker.ts'],
};

export function codeEntriesOf(kind: string): readonly string[] {
  const entries = CODE_ENTRIES[kind];
  if (entries === undefined) throw new RangeError(`cache kind ${JSON.stringify(kind)} has no code entry (engine-fingerprint.ts, CODE_ENTRIES)`);
  return entries;
}

const fingerprints = new Map<string, string>();

/** The fingerprint of the code a cache kind runs (its closure's text), read once per process. */
export function codeFingerprint(kind: string, read?: SourceReader): string {
  if (read !== undefined) {
    const files = codeClosure(codeEntriesOf(kind), read);
    return textFingerprint(files, read);
  }
  let print = fingerprints.get(kind);
  if (print === undefined) {
    const reader = readSource(SRC_ROOT);
    print = textFingerprint(codeClosure(codeEntriesOf(kind), reader), reader);
    fingerprints.set(kind, print);
  }
  return print;
}

const GOLDEN_PROTOCOLS = fileURLToPath(new URL('../../golden/protocols/', import.meta.url));

const protocols = new Map<string, string>();

/**
 * The fingerprint of golden/protocols/*.json (a spec injects another folder), read once per process: kramersLanger
 * reads the rank1-trap protocol by name, not through its options. Each file is read as the golden-file loader reads
 * it, so a folder, a FIFO or a dangling link named *.json is one GoldenFileError naming it (exit 2), never a hang.
 */
export function protocolFilesFingerprint(folder = GOLDEN_PROTOCOLS): string {
  let print = protocols.get(folder);
  if (print === undefined) {
    const names = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
    print = textFingerprint(names, (name) => readGoldenFile(join(folder, name)));
    protocols.set(folder, print);
  }
  return print;
}

/** What a cache entry records about the code that produced it. */
export interface EngineIdentity {
  readonly version: string;
  /** codeFingerprint of the entry's kind. */
  readonly fingerprint: string;
  /** The arithmetic a protocol without its own `numerics` runs with. */
  readonly defaultNumerics: Numerics;
}

/** This process's code for one cache kind; the default numerics are read at each call, so a changed default changes every key. */
export function currentEngine(kind: string, read?: SourceReader): EngineIdentity {
  return { version: ENGINE_VERSION, fingerprint: codeFingerprint(kind, read), defaultNumerics: { ...DEFAULT_NUMERICS } };
}
