import { formatNumber } from '../text/index.ts';

// A value as a reader sees it in the reports: four significant digits resolve every tolerance the paper prints (the
// finest, ± 0.0005 at βc ≈ 0.36, is 0.14 % of it); results.json keeps every digit.

/** Significant digits of a value shown in REPORT.md and report.html. */
export const DISPLAY_DIGITS = 4;

/** A value held as text (results.json's form): a decimal number to DISPLAY_DIGITS, anything else as it is. */
export function displayNumber(value: string): string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? formatNumber(n, DISPLAY_DIGITS) : value;
}
