import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/**
 * Reads a file as UTF-8 only when it is a regular file, so a FIFO or a device in its place cannot block the reader
 * (it is opened non-blocking, and checked on the open descriptor, not by a separate stat a swap could outrun).
 * Anything else throws an error whose code is ENOTREG; with `noFollow`, a symbolic link throws ELOOP.
 */
export function readRegularFile(path: string, options: { readonly noFollow?: boolean } = {}): string {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow === true ? constants.O_NOFOLLOW : 0);
  const fd = openSync(path, flags);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' });
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** The code of a failed read (ENOENT, EACCES, ENOTREG, ELOOP, …), for a one-line reason. */
export function readErrorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}
