// The paper's network with biases (2 → 10 → 10 → 2, D = 162) at Appendix A's checkpoints, under each reading of
// weight decay and bias initialisation: the checkpoint's end-to-end singular values, its residue off the low-rank
// set, the mini-batch gradient noise along the weak mode, and the trapping runs at β = 0.32 from the rank-1
// (β = 0.361) and rank-0 (β = 0.43) checkpoints with the escape rules of the bias-free protocol.
// Usage: tsx scripts/biased-trap.ts [--seeds 42:91] [--readings a,b] [--epochs 20000] [--batches 2000] [--json] [--out file.json]
//        tsx scripts/biased-trap.ts --from results.json [more.json …]   (the table of saved --json outputs)
// A trap counts only where its checkpoint has the intended effective rank (σ > 10⁻³): a "rank-1" checkpoint that is
// rank 2 has nothing to escape from.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/io/index.ts';
import { PROTOCOLS, protocolVariant } from '../src/protocols/index.ts';
import { BIAS_READINGS, biasedTrapSeed } from '../src/run/index.ts';

function fail(message: string): never {
  process.stderr.write(`biased-trap: ${message}\n`);
  process.exit(2);
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  if (value === undefined) fail(`--${name} needs a value`);
  return value;
}

const [first, last] = option('seeds', '42:91').split(':').map(Number);
if (!Number.isInteger(first) || !Number.isInteger(last) || last! < first!) fail('--seeds must be first:last, integers, first <= last');
const readingNames = option('readings', Object.keys(BIAS_READINGS).join(',')).split(',');
for (const r of readingNames) if (!Object.hasOwn(BIAS_READINGS, r)) fail(`unknown reading ${r}; known: ${Object.keys(BIAS_READINGS).join(', ')}`);
const epochs = Number(option('epochs', '20000'));
const batches = Number(option('batches', '2000'));
if (!(Number.isInteger(epochs) && epochs >= 0 && Number.isInteger(batches) && batches >= 2)) fail('--epochs must be an integer >= 0, --batches >= 2');

const p = PROTOCOLS['rank1-trap'];
const traps = [
  { protocol: protocolVariant('rank1-trap', 'full'), rank: 1 },
  { protocol: protocolVariant('trivial-trap', 'full'), rank: 0 },
].map((t) => ({ ...t, protocol: { ...t.protocol, epochs } }));
const seeds = Array.from({ length: last! - first! + 1 }, (_, i) => first! + i);
const LABELS: Record<string, string> = { 'rank1-trap': 'rank-1', 'trivial-trap': 'rank-0' };

const fromFiles = process.argv.includes('--from') ? process.argv.slice(process.argv.indexOf('--from') + 1) : [];
const out: Record<string, unknown[]> = {};
for (const file of fromFiles) {
  let saved: Record<string, unknown[]>;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>;
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  for (const [k, v] of Object.entries(saved)) out[k] = [...(out[k] ?? []), ...v];
}
const names = fromFiles.length > 0 ? Object.keys(out) : readingNames;
for (const name of fromFiles.length > 0 ? [] : readingNames) {
  const reading = BIAS_READINGS[name]!;
  out[name] = [];
  for (const seed of seeds) {
    const record = biasedTrapSeed(reading, seed, traps, batches);
    // The table's shape: each trap labelled by its rank, σ watched on the weak mode (σ2).
    out[name]!.push({ ...record, traps: record.traps.map((t) => ({ ...t, label: LABELS[t.protocol], escape: { ...t.escape, sigma: t.escape.sigma[1] } })) });
    process.stderr.write(`${name} seed ${seed} done\n`);
  }
}

if (process.argv.includes('--out')) writeFileAtomic(option('out', ''), `${JSON.stringify(out, null, 1)}\n`);
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
  process.exit(0);
}
const g = (v: number, d = 3) => (Number.isFinite(v) ? v.toPrecision(d) : String(v));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
process.stdout.write(`network with biases, widths [${p.network.widths.join(', ')}], seeds ${first}–${last}, ${epochs} epochs at β = ${p.beta}, ηlr = ${p.lr}, B = ${p.batch}; ${batches} batches per noise estimate\n`);
process.stdout.write('reading | trap | trapped seeds |  σ(E) at checkpoint (mean) | residue σ_{r+1}(W1), σ_{r+1}(W3) (max) | |b1|,|b2|,|b3| (mean) | weak drive mean (mean), sd (mean, max) | off-set noise mean (mean) | escaped midpoint / σ2 | median epoch (escaped)\n');
for (const name of names) {
  for (const label of ['rank-1', 'rank-0']) {
    const all = (out[name] as { traps: { label: string; trapped: boolean; noise: any; escape: any }[] }[]).map((r) => r.traps.find((t) => t.label === label)!);
    const rows = all.filter((r) => r.trapped);
    if (rows.length === 0) {
      process.stdout.write(`${name} | ${label} | no seed's checkpoint has rank ${label.at(-1)} (of ${all.length})\n`);
      continue;
    }
    const n = rows.map((r) => r.noise);
    const sv = [0, 1].map((i) => mean(n.map((x) => x.singularValues[i])));
    const mid = rows.filter((r) => r.escape.midpoint.escaped);
    const sig = rows.filter((r) => r.escape.sigma.escaped);
    process.stdout.write(
      [
        name,
        label,
        `${rows.length}/${all.length}`,
        `[${sv.map((v) => g(v, 4)).join(', ')}]`,
        `${g(Math.max(...n.map((x) => x.residue.first)))}, ${g(Math.max(...n.map((x) => x.residue.last)))}`,
        [0, 1, 2].map((i) => g(mean(n.map((x) => x.biasNorms[i])))).join(', '),
        `${g(mean(n.map((x) => x.weakDrive.mean)))}, ${g(mean(n.map((x) => x.weakDrive.sd)))} (max ${g(Math.max(...n.map((x) => x.weakDrive.sd)))})`,
        g(mean(n.map((x) => x.offSetNoise.mean))),
        `${mid.length}/${rows.length} / ${sig.length}/${rows.length}`,
        `${g(median(mid.map((r) => r.escape.midpoint.time)), 4)} / ${g(median(sig.map((r) => r.escape.sigma.time)), 4)}`,
      ].join(' | ') + '\n',
    );
  }
}
