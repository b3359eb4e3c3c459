// Text made from data: the one number formatter every stage's words use.
export { DEFAULT_DIGITS, formatDecimals, formatExponent, formatNumber } from './number.ts';
