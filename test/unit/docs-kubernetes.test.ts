// The Kubernetes YAML that docs/RECORD.md tells users to apply, checked against the
// Kubernetes API's own OpenAPI schemas (kubernetes-models validates each object with the
// schema generated from the upstream spec), so a typo in a field name or a missing
// required field fails here instead of in the user's `kubectl apply`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { Pod } from 'kubernetes-models/v1';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

const doc = readFileSync(path.join(import.meta.dirname, '../../docs/RECORD.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)].map((m) => m[2]!.replace(new RegExp(`^${m[1]}`, 'gm'), ''));

test('the Role and RoleBinding for reading the pod validate against the Kubernetes API schema', () => {
  const rbac = yamlBlocks.map((b) => parse(b) as { apiVersion?: string; kind?: string }).filter((o) => o?.apiVersion === 'rbac.authorization.k8s.io/v1');
  expect(rbac.map((o) => o.kind)).toEqual(['Role', 'RoleBinding']);
  const [role, binding] = rbac as [Record<string, unknown>, Record<string, unknown>];
  expect(() => new Role(role as ConstructorParameters<typeof Role>[0]).validate()).not.toThrow();
  expect(() => new RoleBinding(binding as ConstructorParameters<typeof RoleBinding>[0]).validate()).not.toThrow();
  // The binding points at that role, and the role grants exactly `get` on pods.
  expect(binding).toMatchObject({ roleRef: { kind: 'Role', name: (role.metadata as { name: string }).name }, metadata: { namespace: (role.metadata as { namespace: string }).namespace } });
  expect(role.rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]);
  // The check can fail: the same role with a misspelt field does not validate.
  expect(() => new Role({ ...role, rules: [{ apiGroups: [''], resources: ['pods'] }] } as ConstructorParameters<typeof Role>[0]).validate()).toThrow(/verbs/);
});

test('the pod-spec env snippet (pod name from the downward API) validates inside a container', () => {
  const envs = yamlBlocks.map((b) => parse(b) as { env?: unknown }).filter((o) => o && 'env' in o);
  expect(envs).toHaveLength(1);
  const pod = { metadata: { name: 'train' }, spec: { containers: [{ name: 'trainer', image: 'ghcr.io/acme/train@sha256:' + 'a'.repeat(64), env: envs[0]!.env }] } };
  expect(() => new Pod(pod as ConstructorParameters<typeof Pod>[0]).validate()).not.toThrow();
  expect(envs[0]!.env).toContainEqual({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
});
