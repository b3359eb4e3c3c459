/** A sentence pattern per kind of finding: the words of every kind a findings interface declares. */
export type Words<T> = { readonly [K in keyof T]: (values: Readonly<T[K]>) => string };
