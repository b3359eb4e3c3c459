import type { Option } from 'commander';

// `npm run reproduce --plan` (no `--`) hands --plan to npm, not to the script, which would start a full audit. A flag
// npm does not own it keeps as a config value (npm_config_<name> in the script's environment) and passes the word
// after it on as a bare word: spotting those lets the command refuse and print the line that was meant. A flag npm
// owns leaves nothing to spot: npm 11 takes `--only X` for its own setting (and drops it, X not being one of its
// choices), `--cache DIR` and `--no-cache` for its own folder, each with its value and at most a warning on npm's
// side (hidden by --silent), so the script cannot tell the run from a plain `npm run reproduce`.

/**
 * How npm reads the command's flags that are not its own: `--name` or `--name=value` becomes npm_config_name
 * (dashes as underscores; 'true' when no `=` value, the next word then passed on bare). npm splits `--plan` into its
 * one-letter shorthands -p -l -a (parseable, long, all). None for the flags npm owns: `--only` (dropped with its
 * value), `--cache` and `--no-cache` (npm's own folder, always set), `--help` and `--version` (npm answers them and
 * runs no script).
 */
function npmKeys(long: string): readonly string[] | null {
  if (long === '--plan') return ['npm_config_parseable', 'npm_config_long', 'npm_config_all'];
  if (long === '--cache' || long === '--no-cache' || long === '--only' || long === '--help' || long === '--version') return null;
  return [`npm_config_${long.slice(2).replaceAll('-', '_')}`];
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

/**
 * The words the script received, as flags with their values and as bare words: npm passes the values of the
 * flags it took on as bare words, and the command itself takes none.
 */
function splitWords(options: readonly Option[], words: readonly string[]): { bare: string[]; flagged: string[] } {
  const bare: string[] = [];
  const flagged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-')) {
      bare.push(word);
      continue;
    }
    flagged.push(word);
    const option = options.find((o) => o.long === word || o.short === word);
    if (option !== undefined && takesValue(option) && i + 1 < words.length) flagged.push(words[++i]!);
  }
  return { bare, flagged };
}

/**
 * The one line that refuses a run whose flags npm took for itself, with the command line that passes them on;
 * undefined when none was taken. `options` are the command's (and the program's), `words` the arguments the script
 * received, `scriptName` the npm script.
 */
export function swallowedFlagsMessage(
  options: readonly Option[],
  env: Readonly<Record<string, string | undefined>>,
  words: readonly string[],
  scriptName: string,
): string | undefined {
  const taken: { option: Option; value: string | undefined }[] = [];
  for (const option of options) {
    const keys = option.long === undefined ? null : npmKeys(option.long);
    if (keys === null || !keys.every((k) => env[k] !== undefined && env[k] !== '')) continue;
    const value = env[keys[0]!];
    taken.push({ option, value: takesValue(option) && value !== 'true' ? value : undefined });
  }
  const { bare, flagged } = splitWords(options, words);
  if (taken.length === 0 && bare.length === 0) return undefined;
  if (taken.length === 0) {
    // No flag npm kept: a word typed without one (npm drops --only with its value, so it is not that).
    const suggestion = [`npm run ${scriptName} --`, ...flagged, '--only', bare.join(',')].join(' ');
    return (
      `npm passed on the bare word(s) ${bare.join(' ')}, which ${scriptName} does not take (a claim id goes after --only; ` +
      `flags after \`npm run ${scriptName}\` need \`--\` first); nothing was run. Run: ${suggestion}`
    );
  }
  const needingValue = taken.filter((t) => takesValue(t.option) && t.value === undefined);
  // A bare word belongs to a taken flag only when there is exactly one of each: otherwise npm's order is unknown.
  const pairs = needingValue.length === 1 && bare.length === 1;
  const parts = taken.map(({ option, value }) => {
    if (!takesValue(option)) return option.long!;
    const shown = value ?? (pairs ? bare[0]! : option.flags.split(' ').slice(1).join(' '));
    return `${option.long!} ${shown}`;
  });
  const names = taken.map((t) => t.option.long!).join(', ');
  const leftover = pairs || bare.length === 0 ? '' : ` (npm passed on the bare word(s) ${bare.join(' ')})`;
  const suggestion = [`npm run ${scriptName} --`, ...parts, ...flagged].join(' ');
  return `npm took ${names} for itself (flags after \`npm run ${scriptName}\` need \`--\` first); nothing was run. Run: ${suggestion}${leftover}`;
}
