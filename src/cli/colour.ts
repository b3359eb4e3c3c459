/**
 * Whether to colour output: on a terminal unless NO_COLOR is set to anything but the empty string
 * (no-color.org); FORCE_COLOR set (to anything but 0 or false) colours a pipe or file too, and wins over NO_COLOR
 * as in Node's own reading of the two.
 */
export function colourWanted(isTerminal: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal;
}
