import { closestIds } from '../report/index.ts';
import { UsageError } from './usage-error.ts';

/** A shell-style pattern over claim ids: `*` any run of characters, `?` one; anything else literal. */
export function globPattern(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

/**
 * The ids a list of ids and patterns names, in ledger order, each once. An id that is not in the ledger, or a
 * pattern that matches none, is refused naming the closest ids.
 */
export function resolveClaimIds(what: string, patterns: readonly string[], ids: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const pattern of patterns) {
    const matches = isGlob(pattern) ? ids.filter((id) => globPattern(pattern).test(id)) : ids.filter((id) => id === pattern);
    if (matches.length === 0) {
      const near = closestIds(pattern.replace(/[*?]/g, ''), ids).join(', ');
      const kind = isGlob(pattern) ? 'no claim id matches' : 'no claim';
      throw new UsageError(`${what}: ${kind} '${pattern}'; did you mean ${near}? (metastable list shows every id)`);
    }
    for (const id of matches) wanted.add(id);
  }
  return ids.filter((id) => wanted.has(id));
}
