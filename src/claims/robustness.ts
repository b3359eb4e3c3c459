// Every verdict under every reading: the choices the paper leaves open (the regulariser of Eq. 1 against Eq. 2, one
// data set or one per seed, the escape criterion, the temperature of Eq. 5, …) as named dimensions, each reading of
// a claim placed in them, and the claim labelled robust (one verdict under every combination evaluated) or fragile
// (with the choices that flip it). A reading's label is its identity (pins are keyed by it), so the dimensions are
// read off the labels the evaluators give; a spec holds every label of the recorded results to this vocabulary.
import type { Evaluation, Reading, Verdict } from './verdict.ts';

/** One choice the paper forces on the audit, with its options; the first option is the one assumed when unnamed. */
export interface Dimension {
  id: string;
  label: string;
  options: ReadonlyArray<{ id: string; label: string; pattern: RegExp }>;
}

export const DIMENSIONS: readonly Dimension[] = [
  {
    id: 'regulariser',
    label: 'regulariser (Eq. 2 or Eq. 1)',
    options: [
      { id: 'eq2', label: 'Eq. 2 ((Lβ/2) Σλ^{2/L}, decay β/2 Σ‖W‖²)', pattern: /\bEq\. 2\b/ },
      { id: 'eq1', label: 'Eq. 1 ((β/2) Σλ^{2/L}, decay β/(2L) Σ‖W‖²)', pattern: /\bEq\. 1\b/ },
    ],
  },
  {
    id: 'data',
    label: 'data (a new data set per seed, or one)',
    options: [
      { id: 'per-seed', label: 'a data set per seed', pattern: /\ba data set per seed\b/ },
      { id: 'fixed', label: 'one data set', pattern: /\bone data set\b/ },
    ],
  },
  {
    id: 'escape',
    label: 'escape criterion',
    options: [
      { id: 'midpoint', label: 'test MSE past the midpoint', pattern: /\btest MSE past the midpoint\b/ },
      // The watched σ of a named mode stays in the part (σ1 past the threshold: the part σ1).
      { id: 'sigma', label: 'singular value past the threshold', pattern: /σk past the threshold\b|(?<=σ\d+ )past the threshold\b/ },
    ],
  },
  {
    id: 'temperature',
    label: 'temperature of Eq. 5',
    options: [
      { id: 'as-printed', label: 'T = ηlr/(B·tr C), as printed', pattern: /T = ηlr\/\(B·tr C\) \(Appendix A as printed\)/ },
      { id: 'tr-c', label: 'T = ηlr·tr C/B', pattern: /T = ηlr·tr C\/B \(C read as 1\/tr C\)/ },
      { id: 'langevin', label: 'T = ηlr·tr C/(2BD)', pattern: /T = ηlr·tr C\/\(2BD\) \(isotropic Langevin\)/ },
    ],
  },
  {
    id: 'init',
    label: 'N(0, 1/√w): the second argument',
    options: [
      { id: 'std', label: 'standard deviation', pattern: /\bstd 1\/√w\b|N\(mean, standard deviation\)/ },
      { id: 'variance', label: 'variance', pattern: /\bvariance 1\/√w\b|N\(mean, variance\)/ },
    ],
  },
  {
    id: 'sampler',
    label: 'mini-batch sampler',
    options: [
      { id: 'permutation', label: 'a permutation per epoch', pattern: /\ba permutation per epoch( \(the paper’s SGD\))?|\bper-epoch permutation|without replacement \(per-epoch permutation\)/ },
      { id: 'replacement', label: 'drawn with replacement', pattern: /(batches drawn )?with replacement(?! \()/ },
    ],
  },
  {
    id: 'sparse-batch',
    label: 'sparse run batch size',
    options: [
      { id: 'as-written', label: 'B = 64 as written', pattern: /\bB = 64 as written\b|\bas written\b/ },
      { id: 'small', label: 'B = 5', pattern: /\bB = 5\b/ },
    ],
  },
  {
    id: 'network',
    label: 'network',
    options: [
      { id: 'bias-free', label: 'without biases', pattern: /\bno biases\b/ },
      { id: 'biases', label: 'with biases', pattern: /\bwith biases\b/ },
    ],
  },
  {
    id: 'bias-decay',
    label: 'weight decay on the biases (with biases)',
    options: [
      { id: 'every-parameter', label: 'on every parameter', pattern: /\bdecay on every parameter\b/ },
      { id: 'weights-only', label: 'on the weights only', pattern: /\bdecay on weights only\b/ },
    ],
  },
  {
    id: 'bias-init',
    label: 'bias initialisation (with biases)',
    options: [
      { id: 'torch', label: 'as torch.nn.Linear', pattern: /\bPyTorch bias init\b/ },
      { id: 'zero', label: 'zero', pattern: /\bzero bias init\b/ },
    ],
  },
  {
    id: 'moments',
    label: 'moments of the data',
    options: [
      { id: 'population', label: 'population', pattern: /\bpopulation moments\b|Eq\. 3 on (the )?population η/ },
      { id: 'raw-sample', label: 'the sample’s raw', pattern: /\bsample moments\b|Eq\. 3 on the (raw sample Σ̂yx|sample's raw singular values)/ },
      { id: 'whitened-sample', label: 'the sample’s whitened', pattern: /Eq\. 3 on the (whitened sample( Σ̂yx Σ̂xx\^-1\/2)?|sample's whitened singular values)/ },
    ],
  },
  {
    id: 'metastable',
    label: 'the meaning of “metastable”',
    options: [
      { id: 'local-not-global', label: 'a local, not global, minimum', pattern: /metastable = local not global/ },
      { id: 'locally-stable', label: 'locally stable', pattern: /metastable = locally stable/ },
    ],
  },
  {
    id: 'interval',
    label: 'the meaning of “±”',
    options: [
      { id: 'standard-error', label: 'one standard error', pattern: /± one standard error/ },
      { id: 't-interval', label: 'a 95 % t interval', pattern: /± 95 % t interval/ },
    ],
  },
  {
    id: 'prefactor',
    label: 'the prefactor of Eqs. 11–12',
    options: [
      { id: 'eq12', label: 'Eq. 12 as printed', pattern: /Eq\. 12 as printed/ },
      { id: 'log-eq11', label: 'the logarithm of Eq. 11', pattern: /logarithm of Eq\. 11/ },
      { id: 'langer', label: 'Eq. 11 with Langer’s zero-mode factor', pattern: /Eq\. 11 with Langer's zero-mode factor/ },
    ],
  },
];

/** A reading placed in the dimensions: the options its label names, and what is left (the part of the claim it reads). */
export interface PlacedReading {
  label: string;
  verdict: Verdict;
  choices: Record<string, string>;
  part: string;
}

const SEPARATORS = /^[\s,:/;–-]+|[\s,:/;–-]+$/g;

/** The options a reading's label names, and the rest of the label (the part of the claim), normalised. */
export function placeReading(reading: Pick<Reading, 'label' | 'verdict'>): PlacedReading {
  let rest = reading.label.replace(/\s*\(headline\)/, '');
  const choices: Record<string, string> = {};
  for (const d of DIMENSIONS) {
    for (const o of d.options) {
      const m = o.pattern.exec(rest);
      if (m === null) continue;
      choices[d.id] = o.id;
      rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
      break;
    }
  }
  const part = rest
    .split(/\s*[,/]\s*/)
    .map((s) => s.replace(SEPARATORS, '').replace(/\s+/g, ' '))
    .filter((s) => s.length > 0)
    .join(', ')
    .replace(/\s+:/g, ':');
  return { label: reading.label, verdict: reading.verdict, choices, part };
}

export interface Robustness {
  /** `single`: one combination of readings only, so nothing to compare. */
  status: 'robust' | 'fragile' | 'single';
  /** The dimensions the claim's headline is read under, with the options evaluated. */
  dimensions: Array<{ id: string; label: string; options: Array<{ id: string; label: string }> }>;
  /** Every combination evaluated, the headline first: the options chosen, the reading's label and its verdict. */
  combinations: Array<{ choices: Record<string, string>; label: string; verdict: Verdict }>;
  /** The dimensions whose change alone (the other choices held) changes the verdict. */
  flips: string[];
  /** How many combinations the dimensions span, of which `combinations.length` were evaluated. */
  possible: number;
}

/**
 * The headline's part read under every combination the evaluator computed: the readings of the same part, with an
 * unnamed dimension taken at its first option. Robust when they share one verdict; fragile otherwise, naming each
 * dimension whose change alone flips it (or, where no two combinations differ in one choice only, every dimension
 * that varies).
 */
export function robustnessOf(evaluation: Pick<Evaluation, 'readings'>): Robustness {
  const placed = evaluation.readings.map(placeReading);
  const head = placed[0];
  if (head === undefined) return { status: 'single', dimensions: [], combinations: [], flips: [], possible: 1 };
  const group = placed.filter((p) => p.part === head.part);
  const dimIds = DIMENSIONS.map((d) => d.id).filter((id) => group.some((p) => p.choices[id] !== undefined));
  const choiceOf = (p: PlacedReading, id: string): string => p.choices[id] ?? DIMENSIONS.find((d) => d.id === id)!.options[0]!.id;
  const combinations = group.map((p) => ({ choices: Object.fromEntries(dimIds.map((id) => [id, choiceOf(p, id)])), label: p.label, verdict: p.verdict }));
  const dimensions = dimIds.map((id) => {
    const d = DIMENSIONS.find((x) => x.id === id)!;
    return { id, label: d.label, options: d.options.filter((o) => combinations.some((c) => c.choices[id] === o.id)).map((o) => ({ id: o.id, label: o.label })) };
  });
  const possible = dimensions.reduce((n, d) => n * d.options.length, 1);
  if (combinations.length < 2) return { status: 'single', dimensions, combinations, flips: [], possible };
  const verdicts = new Set(combinations.map((c) => c.verdict));
  if (verdicts.size === 1) return { status: 'robust', dimensions, combinations, flips: [], possible };
  const differsOnlyIn = (a: (typeof combinations)[number], b: (typeof combinations)[number], id: string) =>
    a.choices[id] !== b.choices[id] && dimIds.every((other) => other === id || a.choices[other] === b.choices[other]);
  let flips = dimIds.filter((id) => combinations.some((a) => combinations.some((b) => a.verdict !== b.verdict && differsOnlyIn(a, b, id))));
  if (flips.length === 0) flips = dimIds.filter((id) => new Set(combinations.map((c) => c.choices[id])).size > 1);
  return { status: 'fragile', dimensions, combinations, flips, possible };
}
