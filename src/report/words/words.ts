import type { Finding } from '../../claims/index.ts';

/**
 * A sentence pattern per kind of finding: the words of every kind a findings interface declares. `word` words a
 * finding held inside this one (a reading's note kept in a mark), whatever its subject.
 */
export type Words<T> = { readonly [K in keyof T]: (values: Readonly<T[K]>, word: (item: Finding) => string) => string };
