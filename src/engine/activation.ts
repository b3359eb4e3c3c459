/**
 * Hidden-layer activations of the nonlinear networks (Section 4.1: “work on nonlinear networks [7] with sigmoid and tanh activations”).
 * 'identity' makes the nonlinear code a deep linear network, which is how it is checked against the linear engine.
 */
export type Activation = 'identity' | 'tanh' | 'sigmoid';

export const ACTIVATIONS: readonly Activation[] = ['identity', 'tanh', 'sigmoid'];

export interface ActivationFunctions {
  /** φ(z). */
  readonly apply: (z: number) => number;
  /** φ'(z) written through h = φ(z), so backpropagation needs no stored pre-activations. */
  readonly slopeAtOutput: (h: number) => number;
}

const FUNCTIONS: Record<Activation, ActivationFunctions> = {
  identity: { apply: (z) => z, slopeAtOutput: () => 1 },
  tanh: { apply: Math.tanh, slopeAtOutput: (h) => 1 - h * h },
  sigmoid: { apply: (z) => 1 / (1 + Math.exp(-z)), slopeAtOutput: (h) => h * (1 - h) },
};

export function activationFunctions(activation: Activation): ActivationFunctions {
  const f = FUNCTIONS[activation];
  if (f === undefined) throw new RangeError(`unknown activation '${String(activation)}'`);
  return f;
}

export function isActivation(value: string): value is Activation {
  return (ACTIVATIONS as readonly string[]).includes(value);
}
