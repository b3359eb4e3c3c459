// npm's `prepare` (run by `npm ci` and `npm install`): bundles the `metastable` command into dist/ with esbuild, so a
// command starts without transpiling the TypeScript sources on every call. The worker processes still load the
// sources through tsx (they start once per pool); bin/metastable.js falls back to the sources when the bundle is
// missing or older than any of them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'dist', 'metastable.js');

// Files address the golden data, the worker entry points and the sources they hash by `new URL(rel, import.meta.url)`:
// inside the bundle import.meta.url is the bundle's, so each file's own is rebuilt from its path relative to dist/.
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const relative = path.relative(path.dirname(OUT), args.path).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies bundled too: resolving and loading hundreds of small CommonJS modules (@stdlib, vega) cost more than
  // the transpiling did. tinypool stays outside: it starts its workers from its own files.
  external: ['tinypool', 'tsx', 'canvas'],
  plugins: [ownUrl],
  // Half the bytes to parse at every start; names are kept for stack traces (--debug).
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  logLevel: 'error',
  banner: {
    // The bundled CommonJS packages require Node's built-ins, which an ES module has no `require` for.
    js: "// Built by scripts/build.mjs from src/ (npm run build); do not edit.\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
