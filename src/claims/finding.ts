// Findings as data (DESIGN.md: "Evaluators return findings as data; report/ alone words them and formats every
// number"). A finding is a kind and the values it carries: estimates, intervals, counts, the rule and its
// calibration, each under its own name. Each subject declares its own kinds in its findings.ts; report/words gives
// every kind its sentence.
import type { CommonFindings } from './common/findings.ts';
import type { ControlsFindings } from './controls/findings.ts';
import type { KineticsFindings } from './kinetics/findings.ts';
import type { KramersLangerFindings } from './kramers-langer/findings.ts';
import type { LandscapeFindings } from './landscape/findings.ts';
import type { NonlinearFindings } from './nonlinear/findings.ts';
import type { PhaseDiagramFindings } from './phase-diagram/findings.ts';
import type { StagedFindings } from './staged/findings.ts';
import type { TextFindings } from './text/findings.ts';
import type { TrappingFindings } from './trapping/findings.ts';

/** Every kind of finding by its name (`subject.what`), with the values it carries. */
export interface FindingValues
  extends CommonFindings,
    ControlsFindings,
    KineticsFindings,
    KramersLangerFindings,
    LandscapeFindings,
    NonlinearFindings,
    PhaseDiagramFindings,
    StagedFindings,
    TextFindings,
    TrappingFindings {}

export type FindingKind = keyof FindingValues;

/** One finding: its kind, then its values. */
export type Finding = { [K in FindingKind]: { readonly kind: K } & Readonly<FindingValues[K]> }[FindingKind];

/** A finding of kind `kind` with these values. */
export function finding<K extends FindingKind>(kind: K, values: FindingValues[K]): Finding {
  return { kind, ...values } as unknown as Finding;
}
