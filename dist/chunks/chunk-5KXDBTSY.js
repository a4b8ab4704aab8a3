import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  STATEMENT_TYPE
} from "./chunk-5GZ4GUMW.js";
import {
  invocationUrl,
  parseWorkflowRef
} from "./chunk-E7LSDQ4Q.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/statement/slsa.ts
var SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
function buildSlsaStatement(training, ctx) {
  if (!ctx.workflowRef) {
    throw new InputError("missing-workflow-ref", "GITHUB_WORKFLOW_REF is not set, so the SLSA build provenance cannot name its workflow", {
      fix: "run inside GitHub Actions (the runner sets GITHUB_WORKFLOW_REF), or turn off the SLSA statement (`slsa: false`)",
      fields: ["GITHUB_WORKFLOW_REF"]
    });
  }
  const wf = parseWorkflowRef(ctx.workflowRef);
  if (!wf) {
    throw new InputError("bad-workflow-ref", `GITHUB_WORKFLOW_REF "${ctx.workflowRef}" is not OWNER/REPO/PATH@REF`, {
      fix: "leave GITHUB_WORKFLOW_REF as the runner sets it",
      fields: ["GITHUB_WORKFLOW_REF"]
    });
  }
  const github = { event_name: ctx.eventName };
  if (ctx.repositoryId) github.repository_id = ctx.repositoryId;
  if (ctx.repositoryOwnerId) github.repository_owner_id = ctx.repositoryOwnerId;
  if (ctx.runner.environment) github.runner_environment = ctx.runner.environment;
  return {
    _type: STATEMENT_TYPE,
    subject: training.subject.map((s) => ({ name: s.name, digest: { ...s.digest } })),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        externalParameters: {
          workflow: { ref: wf.ref, repository: `${ctx.serverUrl}/${ctx.repository}`, path: wf.path }
        },
        internalParameters: { github },
        resolvedDependencies: [{ uri: `git+${ctx.serverUrl}/${ctx.repository}@${ctx.ref}`, digest: { gitCommit: ctx.sha } }]
      },
      runDetails: {
        // The runner env has no job_workflow_ref; for a reusable workflow the token's
        // value differs, but the calling workflow is what GITHUB_WORKFLOW_REF names.
        builder: { id: `${ctx.serverUrl}/${ctx.workflowRef}` },
        metadata: { invocationId: invocationUrl(ctx) }
      }
    }
  };
}
__name(buildSlsaStatement, "buildSlsaStatement");

export {
  SLSA_PROVENANCE_V1,
  GITHUB_WORKFLOW_BUILD_TYPE,
  buildSlsaStatement
};
