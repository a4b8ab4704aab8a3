import correct from 'spdx-correct';
import parse from 'spdx-expression-parse';
import * as z from 'zod';

/**
 * SPDX license expressions (https://spdx.github.io/spdx-spec/v3.0.1/annexes/spdx-license-expressions/),
 * checked by spdx-expression-parse against the SPDX license list (spdx-license-ids) and
 * exceptions list: `MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`,
 * and `LicenseRef-NAME` for a license that is not on the list.
 */
export function isSpdxExpression(value: string): boolean {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** spdx-correct's SPDX id for one license name, or undefined. */
function correctId(name: string): string | undefined {
  // spdx-correct throws on blank input; a suggestion is a courtesy, never a crash.
  if (!name.trim()) return undefined;
  try {
    // No upgrade: spdx-correct upgrades gpl-3.0 to GPL-3.0-or-later, other terms than the deprecated GPL-3.0 (= -only).
    return correct(name, { upgrade: false }) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The SPDX spelling of a near miss (`apache-2.0` → `Apache-2.0`, `apache-2.0 or mit` →
 * `Apache-2.0 OR MIT`), when spdx-correct knows one. An expression is corrected license by
 * license with its operators kept: spdx-correct alone reads `apache-2.0 or mit` as
 * `Apache-2.0`, and a suggestion that drops a license changes the terms.
 */
export function suggestSpdx(value: string): string | undefined {
  // `MIT, Apache-2.0` (or `;`, `|`, `&`) could mean AND or OR: no guess that might change the terms.
  if (/[,;|&]/.test(value)) return undefined;
  // `MIT/Apache-2.0` is the old dual-license spelling (crates.io and npm read it as OR).
  const parts = value.split(/(\s+(?:and|or|with)\s+|\s*\/\s*|[()])/i);
  let afterWith = false;
  const fixed: string[] = [];
  for (const part of parts) {
    const op = /^\s+(and|or|with)\s+$/i.exec(part) ?? (/^\s*\/\s*$/.test(part) ? [part, 'or'] : null);
    if (op) {
      fixed.push(` ${op[1]!.toUpperCase()} `);
      afterWith = op[1]!.toLowerCase() === 'with';
    } else if (part === '(' || part === ')' || !part.trim()) {
      fixed.push(part);
    } else if (afterWith) {
      // An exception (Classpath-exception-2.0): spdx-correct knows licenses only.
      fixed.push(part.trim());
      afterWith = false;
    } else {
      const ref = /^\s*licenseref-([A-Za-z0-9.-]+)\s*$/i.exec(part);
      const id = ref ? `LicenseRef-${ref[1]}` : correctId(part);
      if (!id) return undefined;
      fixed.push(id);
    }
  }
  const s = fixed.join('');
  return s !== value && isSpdxExpression(s) ? s : undefined;
}

/** How to fix a license that is not an SPDX expression, naming a correction when there is one. */
export function spdxFix(value: string): string {
  const s = suggestSpdx(value);
  return `${s ? `did you mean "${s}"? ` : ''}use an SPDX license id or expression (MIT, CC-BY-4.0, Apache-2.0 OR MIT; the list is at https://spdx.org/licenses/), or LicenseRef-NAME for a license that is not on the list`;
}

export const SPDX_MESSAGE = 'must be an SPDX license expression (e.g. CC-BY-4.0, Apache-2.0 OR MIT) or LicenseRef-NAME; see https://spdx.org/licenses/';

/** A license field in the documents we read (manifests, record events, policy files). */
export const SpdxLicenseExpression = z
  .string()
  .min(1)
  // The near miss is named here too, so a manifest, a records.jsonl line and a policy file say what `--license` says.
  .refine(isSpdxExpression, {
    error: (iss) => {
      const s = typeof iss.input === 'string' ? suggestSpdx(iss.input) : undefined;
      return s ? `${SPDX_MESSAGE} (did you mean "${s}"?)` : SPDX_MESSAGE;
    },
  })
  .meta({ description: 'SPDX license expression (https://spdx.org/licenses/), or LicenseRef-NAME for a custom license; ml-provenance checks it against the SPDX license list, which this schema cannot express' });
