#!/usr/bin/env node
// The bundle that `npm ci` builds (scripts/build.mjs, npm's `prepare`) starts in a fraction of a second; when it is
// missing or older than any source (an edit since the install), the TypeScript sources run through tsx's loader.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/metastable.js', import.meta.url));
const sources = fileURLToPath(new URL('../src/', import.meta.url));

function bundleIsCurrent() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  return readdirSync(sources, { recursive: true }).every((file) => statSync(sources + file).mtimeMs <= built);
}

// A reader that stops early (`| head`) ends the output, not with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

if (bundleIsCurrent()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
