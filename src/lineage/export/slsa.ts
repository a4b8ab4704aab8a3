import type { TrainingStatement } from '../../schema/predicate.js';
import { STATEMENT_TYPE } from '../../schema/predicate.js';
import { asUriReference, datasetUriReference, digests } from './common.js';

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

/**
 * The record as a SLSA v1 provenance statement. Our predicate already follows SLSA's
 * field names; this keeps its buildType and moves the ML inputs (datasets, config files,
 * image) into resolvedDependencies as ResourceDescriptors, where SLSA consumers look.
 * Not for GitHub's attestations API, which only accepts its own buildType (see `slsa: true`).
 */
export function toSlsa(s: TrainingStatement) {
  const p = s.predicate;
  const deps = [...p.buildDefinition.resolvedDependencies];
  const seen = new Set(deps.map((d) => d.uri).filter(Boolean));
  const add = (d: { uri?: string; name?: string; digest?: Record<string, string>; annotations?: Record<string, unknown> }) => {
    if (d.uri && seen.has(d.uri)) return;
    if (d.uri) seen.add(d.uri);
    deps.push(d);
  };
  for (const d of p.datasets) {
    add({
      // SLSA's ResourceDescriptor.uri is a URI: a `file:` path with a space is not one.
      uri: datasetUriReference(d),
      name: d.id,
      ...(d.digest ? { digest: Object.fromEntries(digests(d)) } : {}),
      annotations: { kind: 'dataset', ...(d.version ? { version: d.version } : {}), ...(d.license ? { license: d.license } : {}) },
    });
  }
  for (const c of p.configFiles) add({ name: c.name, digest: { sha256: c.digest.sha256 }, annotations: { kind: 'config' } });
  if (p.image) add({ uri: asUriReference(p.image.uri), ...(p.image.digest ? { digest: p.image.digest } : {}), annotations: { kind: 'image' } });
  const { workflow, command, hyperparameters, policy } = p.buildDefinition.externalParameters;
  return {
    _type: STATEMENT_TYPE,
    subject: s.subject.map((x) => ({ name: x.name, digest: x.digest })),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: p.buildDefinition.buildType,
        externalParameters: {
          ...(workflow ? { workflow } : {}),
          ...(command ? { command } : {}),
          hyperparameters,
          policy,
        },
        ...(p.buildDefinition.internalParameters ? { internalParameters: p.buildDefinition.internalParameters } : {}),
        resolvedDependencies: deps,
      },
      runDetails: {
        builder: p.runDetails.builder,
        metadata: p.runDetails.metadata,
        ...(p.runDetails.byproducts ? { byproducts: p.runDetails.byproducts } : {}),
      },
    },
  };
}
