import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Numerics } from '../engine/index.ts';
import { DEFAULT_NUMERICS } from '../protocols/index.ts';
import { ENGINE_VERSION } from '../run/index.ts';

const SRC_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The source that computes a run record or a checkpoint, relative to src/: folders are taken whole (every .ts
 * under them). A cache entry made by other source is not reused, whether or not ENGINE_VERSION was bumped.
 */
export const FINGERPRINTED_SOURCES = [
  'engine',
  'data',
  'protocols/protocols.ts',
  'run/run-protocol.ts',
  'run/checkpoints.ts',
  'run/escape-detection.ts',
  'run/nonlinear-sweep.ts',
  'run/nonlinear-trap.ts',
  'run/watched-run.ts',
] as const;

function sourceFiles(root: string, entry: string, extension: string): string[] {
  const path = join(root, entry);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(path, name));
}

/**
 * SHA-256 over the named files' paths and text (line endings normalised, so a CRLF checkout hashes the same), in
 * path order. A listed entry that does not exist throws: a moved file must be renamed here too, not dropped.
 */
export function sourceFingerprint(root: string, entries: readonly string[], extension = '.ts'): string {
  const files = entries.flatMap((entry) => sourceFiles(root, entry, extension)).map((file) => relative(root, file).split(sep).join('/'));
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    const text = readFileSync(join(root, file), 'utf8').replace(/\r\n/g, '\n');
    hash.update(`${file}\0${text.length}\0${text}\0`);
  }
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/** The fingerprint of this checkout's engine and run code, read once per process. */
export function engineFingerprint(): string {
  fingerprint ??= sourceFingerprint(SRC_ROOT, FINGERPRINTED_SOURCES);
  return fingerprint;
}

/**
 * What the phase sweeps and the Appendix F analysis read beyond the engine: the analytic solver (βc, the
 * landscape), the line fits of src/stats, and the protocol files themselves (kramersLanger reads the rank1-trap
 * protocol by name, not through its options).
 */
export const ANALYSIS_SOURCES = ['analytic', 'stats'] as const;
const GOLDEN_PROTOCOLS = fileURLToPath(new URL('../../golden/protocols/', import.meta.url));

let analysis: string | undefined;

/** The fingerprint of ANALYSIS_SOURCES and golden/protocols/*.json, read once per process. */
export function analysisFingerprint(): string {
  analysis ??= sourceFingerprint(SRC_ROOT, ANALYSIS_SOURCES) + sourceFingerprint(GOLDEN_PROTOCOLS, ['.'], '.json');
  return analysis;
}

/** What a cache entry records about the code that produced it. */
export interface EngineIdentity {
  readonly version: string;
  readonly fingerprint: string;
  /** The arithmetic a protocol without its own `numerics` runs with. */
  readonly defaultNumerics: Numerics;
}

/** This process's engine; the default numerics are read at each call, so a changed default changes every key. */
export function currentEngine(): EngineIdentity {
  return { version: ENGINE_VERSION, fingerprint: engineFingerprint(), defaultNumerics: { ...DEFAULT_NUMERICS } };
}
