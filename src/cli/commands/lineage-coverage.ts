import { attribute } from '../../lineage/attribute.js';
import { renderAttribution } from '../../render/attribution.js';
import { bundleSignedAt, health, renderHealth } from '../../lineage/health.js';
import { resolvePolicy } from '../../policy/index.js';
import { statementRunId } from '../../statement/serialize.js';
import type { LoadedDocument } from '../../statement/load.js';

/** The run's stable id: the sha256 of the statement bytes that were (or would be) signed. */
export function statementId(d: LoadedDocument): string {
  return `sha256:${statementRunId(d)}`;
}

/** `lineage --attribute METRIC` and `lineage --health`, over records already loaded (and verified unless --no-verify). */
export async function coverageAnswer(
  docs: (LoadedDocument & { verified?: boolean })[],
  o: { attribute?: string; split?: string; epoch?: number; health?: boolean; policy?: string; lateAfter?: number; verify: boolean; format: string },
): Promise<string> {
  if (o.attribute !== undefined) {
    const r = attribute(
      docs.map((d) => ({ id: statementId(d), statement: d.statement })),
      { name: o.attribute, ...(o.split ? { split: o.split } : {}), ...(o.epoch !== undefined ? { epoch: o.epoch } : {}) },
    );
    return o.format === 'json' ? JSON.stringify(r, null, 2) : renderAttribution(r);
  }
  const policy = await resolvePolicy(o.policy);
  const h = health(
    docs.map((d) => {
      const signedAt = bundleSignedAt(d.bundle);
      return { id: statementId(d), statement: d.statement, verified: d.verified ?? (o.verify && Boolean(d.bundle)), ...(signedAt ? { signedAt } : {}) };
    }),
    policy,
    { lateAfterHours: o.lateAfter ?? 24 },
  );
  return o.format === 'json' ? JSON.stringify(h, null, 2) : renderHealth(h);
}
