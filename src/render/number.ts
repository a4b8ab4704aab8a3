/**
 * How every reader (text, Markdown, PR comment, HTML report, lineage) writes a number.
 * A whole number is written in full only while a double holds it exactly (a safe integer);
 * anything else is rounded to six significant digits, and a rounded value of a million or more
 * keeps its exponent (2^63 reads 9.22337e+18, 2^70 1.18059e+21): written out in full, the
 * padding zeros would read as exact digits the value does not have.
 */
export function fmtNumber(v: number): string {
  if (Number.isSafeInteger(v)) return String(v);
  const s = v.toPrecision(6);
  const e = s.indexOf('e');
  // Number() drops trailing zeros of the mantissa (0.500000 → 0.5, 1.50000e+20 → 1.5e+20).
  return e < 0 ? String(Number(s)) : `${String(Number(s.slice(0, e)))}${s.slice(e)}`;
}

/**
 * The number exactly as stored (every digit of the double's shortest form), for tables that
 * show the recorded value itself: a whole number past 2^53 in exponent form
 * (9.223372036854776e+18), never padded with zeros (9223372036854776000).
 */
export function exactNumber(v: number): string {
  return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
}
