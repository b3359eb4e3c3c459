// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.

/** Each kind's values. */
export interface KramersLangerFindings {}
