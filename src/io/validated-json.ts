import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { firstDuplicateKey } from './json-keys.ts';
import { readErrorCode, readRegularFile } from './regular-file.ts';

/** A golden or protocol file that cannot be used: its message names the file and the bad field. */
export class GoldenFileError extends Error {
  override readonly name = 'GoldenFileError';
}

const ajv = new Ajv({ allErrors: true, strict: true });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaPath: string): ValidateFunction {
  let validate = compiled.get(schemaPath);
  if (!validate) {
    try {
      validate = ajv.compile(parseJson(readRegularFile(schemaPath), schemaPath) as object);
    } catch (error) {
      if (error instanceof GoldenFileError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new GoldenFileError(`${schemaPath}: the schema ${code === undefined ? `is not a valid JSON Schema (${oneLine((error as Error).message)})` : `cannot be read (${code})`}; restore it with git.`);
    }
    compiled.set(schemaPath, validate);
  }
  return validate;
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** JSON.parse with a one-line message that names the file and says what is wrong in the words a user would search. */
function parseJson(text: string, label: string): unknown {
  if (text.startsWith('\uFEFF')) throw new GoldenFileError(`${label}: starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const special = /(^|[^"\w])(NaN|-?Infinity)\b/.exec(text);
    const hint = special ? ` (${special[2]} is not JSON: write a number, or null)` : '';
    throw new GoldenFileError(`${label}: not valid JSON${hint} (${oneLine((error as Error).message)}).`);
  }
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` '${String((error.params as { additionalProperty: string }).additionalProperty)}'`
      : error.keyword === 'enum'
        ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')})`
        : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/** Parses `text` (read from `label`) and checks it against the JSON Schema at `schemaPath`. */
export function parseValidatedJson<T>(text: string, schemaPath: string, label: string): T {
  const data = parseJson(text, label);
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== null) throw new GoldenFileError(`${label}: ${duplicate} appears twice in one object; keep one.`);
  const validate = validatorFor(schemaPath);
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(describeError);
    throw new GoldenFileError(`${label}: ${problems.join('; ')}. Fix the file or restore it with git.`);
  }
  return data as T;
}

/**
 * A golden file's text, read only if it is a regular file (readRegularFile: a FIFO cannot block it); one that cannot
 * be read (a folder, a FIFO, a dangling link, no permission) is a GoldenFileError naming it and why.
 */
export function readGoldenFile(path: string): string {
  try {
    return readRegularFile(path);
  } catch (error) {
    const code = readErrorCode(error);
    throw new GoldenFileError(`${path}: cannot be read (${code === 'ENOTREG' ? 'not a regular file' : code}).`);
  }
}

export function loadValidatedJson<T>(path: string, schemaPath: string): T {
  return parseValidatedJson<T>(readGoldenFile(path), schemaPath, path);
}

/** The golden-file error for a value the schema accepts but the code cannot use: names the file and the field. */
export function fieldError(label: string, pointer: string, problem: string): GoldenFileError {
  return new GoldenFileError(`${label}: ${pointer} ${problem}. Fix the file or restore it with git.`);
}

/**
 * An object whose every key is read from `load` on first access, then kept: a golden file is read only by the
 * commands that use it, so a broken one cannot stop the others at module load.
 */
export function lazyRecord<K extends string, V>(keys: readonly K[], load: (key: K) => V): Readonly<Record<K, V>> {
  const record = {} as Record<K, V>;
  for (const key of keys) {
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = load(key);
        Object.defineProperty(record, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return record;
}
