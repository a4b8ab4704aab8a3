import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The action as the runner loads it. Before any step runs, the runner parses action.yml
 * strictly (a plain scalar containing `: ` breaks the whole job in "Set up job"), then
 * gives the step one INPUT_<NAME> variable per declared input: the workflow's `with:`
 * value, else the default from action.yml (with `${{ }}` expressions evaluated). An
 * input the file does not declare is only a warning on GitHub and never reaches the
 * action, so a test that passes one is testing something users cannot do: it throws here.
 */
export interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string; deprecationMessage?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; pre?: string; post?: string };
  branding?: { icon?: string; color?: string };
}

/** GitHub's branding colours (docs: metadata syntax, branding.color). */
export const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

/**
 * The Feather icon names GitHub accepts for branding.icon that a provenance tool might use,
 * from GitHub's metadata syntax docs (the full list there is Feather v4.28 minus a few
 * brand icons); checked against that list, not invented.
 */
export const BRANDING_ICONS = new Set([
  'activity', 'alert-circle', 'alert-octagon', 'alert-triangle', 'anchor', 'archive', 'award', 'bar-chart', 'bar-chart-2', 'book',
  'book-open', 'box', 'briefcase', 'check', 'check-circle', 'check-square', 'clipboard', 'cloud', 'code', 'command', 'cpu', 'database',
  'download', 'eye', 'feather', 'file', 'file-text', 'filter', 'flag', 'folder', 'git-branch', 'git-commit', 'git-merge',
  'git-pull-request', 'globe', 'hash', 'heart', 'info', 'key', 'layers', 'link', 'list', 'lock', 'package', 'paperclip', 'search',
  'server', 'settings', 'shield', 'shield-off', 'star', 'tag', 'target', 'terminal', 'thumbs-up', 'tool', 'trending-up', 'upload',
  'upload-cloud', 'zap',
]);

/** Read action.yml the way the runner does; every metadata rule broken is listed. */
export function loadActionYml(file: string): ActionMetadata {
  const text = readFileSync(file, 'utf8');
  let doc: unknown;
  try {
    doc = parse(text, { strict: true, prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    throw new Error(`${file} is not valid YAML, so the runner cannot load the action: ${(err as Error).message}`);
  }
  const problems = metadataProblems(doc, path.dirname(file));
  if (problems.length) throw new Error(`${file} breaks the action metadata rules:\n- ${problems.join('\n- ')}`);
  return doc as ActionMetadata;
}

export function metadataProblems(doc: unknown, root: string): string[] {
  const out: string[] = [];
  if (!doc || typeof doc !== 'object') return ['the document is not a mapping'];
  const d = doc as Partial<ActionMetadata> & Record<string, unknown>;
  if (typeof d.name !== 'string' || !d.name) out.push('`name` is required');
  if (typeof d.description !== 'string' || !d.description) out.push('`description` is required');
  for (const [kind, entries] of [['input', d.inputs], ['output', d.outputs]] as const) {
    for (const [name, v] of Object.entries((entries ?? {}) as Record<string, unknown>)) {
      if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) out.push(`${kind} \`${name}\`: ids start with a letter or _ and contain only alphanumerics, - and _`);
      if (!v || typeof v !== 'object' || typeof (v as { description?: unknown }).description !== 'string' || !(v as { description: string }).description.trim()) {
        out.push(`${kind} \`${name}\` has no description`);
      }
      const def = (v as { default?: unknown } | null)?.default;
      if (kind === 'input' && def !== undefined && typeof def !== 'string') out.push(`input \`${name}\`: default must be a string (quote it), got ${typeof def}`);
    }
  }
  const runs = d.runs as ActionMetadata['runs'] | undefined;
  if (!runs) out.push('`runs` is required');
  else {
    if (runs.using !== 'node24') out.push(`runs.using is ${JSON.stringify(runs.using)}, not node24`);
    for (const k of ['main', 'pre', 'post'] as const) {
      if (runs[k] !== undefined && !existsSync(path.join(root, runs[k]!))) out.push(`runs.${k} ${runs[k]} does not exist`);
    }
    if (!runs.main) out.push('runs.main is required');
  }
  if (d.branding) {
    if (d.branding.color !== undefined && !BRANDING_COLORS.includes(d.branding.color)) out.push(`branding.color ${d.branding.color} is not one of ${BRANDING_COLORS.join(', ')}`);
    if (d.branding.icon !== undefined && !BRANDING_ICONS.has(d.branding.icon)) out.push(`branding.icon ${d.branding.icon} is not a Feather icon GitHub accepts`);
  }
  return out;
}

/** The runner's variable name for an input: `INPUT_` + upper case, spaces as underscores (hyphens kept). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Evaluate the few expressions our defaults use; anything else is a test error, not a guess. */
function evaluateDefault(value: string, context: { githubToken: string }): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.token') return context.githubToken;
    throw new Error(`action.yml default uses \${{ ${expr} }}, which the test runner does not evaluate: add it to test/helpers/action-env.ts`);
  });
}

/**
 * The INPUT_* variables of one step: every declared input, with the test's value or the
 * action.yml default (the runner sets defaults, empty strings for inputs without one).
 */
export function stepInputs(meta: ActionMetadata, given: Record<string, string>, context: { githubToken: string }): Record<string, string> {
  const declared = new Set(Object.keys(meta.inputs ?? {}));
  const unknown = Object.keys(given).filter((k) => !declared.has(k));
  if (unknown.length) {
    throw new Error(`input(s) ${unknown.join(', ')} are not declared in action.yml: the runner would drop them (declare them, or fix the test)`);
  }
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    const v = Object.hasOwn(given, name) ? given[name]! : spec.default !== undefined ? evaluateDefault(spec.default, context) : '';
    env[inputVariable(name)] = v;
  }
  return env;
}
