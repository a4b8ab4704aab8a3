import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { InputError } from '../errors.js';
import type { ConfigDescriptor } from '../schema/predicate.js';
import { canonicalJson, sha256Hex } from '../util/canonical.js';
import { assertDepth, describeJsonError, exactInteger, parseJsonExact } from '../util/json.js';
import { fileUri } from '../util/file-uri.js';
import { escapePointer, parserLine, parserReason, redactValue, setOwn } from '../redact/index.js';
import { readInputText, resolveInWorkspace } from './paths.js';
import { YAML_READING, parsePythonYaml } from './yaml-python.js';

export type ConfigFormat = ConfigDescriptor['format'];

/** `.env`, `.env.local`, `prod.env`: dotenv files, as python-dotenv and docker compose name them. */
const DOTENV = /(^|\/)\.env(\.[^/]*)?$|\.env$/i;

export function configFormat(file: string): ConfigFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.toml') return 'toml';
  // A dotenv file holds the environment's credentials (WANDB_API_KEY, database URLs), not the
  // run's hyperparameters: recording it would sign a list of redaction markers at best, and any
  // credential the detector misses at worst. Refused by name, saying where hyperparameters go.
  if (DOTENV.test(file.replace(/\\/g, '/'))) {
    throw new InputError('dotenv-config', `config file ${file} is a .env file: it holds environment variables and credentials, which are not recorded`, {
      fix: 'leave it out of --config (the action: `config`); record hyperparameters with `ml-provenance record param KEY=VALUE`, or keep them in a .yaml, .json or .toml config',
      file,
    });
  }
  throw new InputError('unknown-config-format', `config file ${file} has extension "${ext || '(none)'}"`, {
    fix: 'config files must be .yaml, .yml, .json or .toml',
    file,
  });
}

/**
 * Make parser output plain JSON: dates to ISO strings, non-finite numbers to strings, integers
 * (the parsers give big ones as bigint) to numbers, or to their exact decimal text past 2^53;
 * `asText` (if given) collects the JSON Pointers of the integers so kept as text.
 */
export function plainJson(v: unknown, asText?: string[], ptr = ''): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') {
    const n = exactInteger(v);
    if (typeof n === 'string') asText?.push(ptr);
    return n;
  }
  if (Array.isArray(v)) return v.map((x, i) => plainJson(x, asText, `${ptr}/${i}`));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, plainJson(x, asText, `${ptr}/${escapePointer(k)}`));
    return out;
  }
  if (v === undefined) return null;
  return v;
}

/**
 * Parse config text; errors name the file and line. `integersAsText` (if given) collects the
 * JSON Pointers of integers past 2^53 recorded as their decimal text (docs/RECORD.md).
 */
export function parseConfigText(text: string, format: ConfigFormat, file: string, integersAsText?: string[]): unknown {
  const value = parseConfigSyntax(text, format, file);
  assertDepth(value, file, 'config');
  // JSON too can hold numbers that are not JSON-safe: 1e999 parses as Infinity.
  return plainJson(value, integersAsText);
}

function parseConfigSyntax(text: string, format: ConfigFormat, file: string): unknown {
  try {
    // Integers exactly as Python's json, tomllib and PyYAML read them (exactInteger).
    if (format === 'json') return parseJsonExact(text, undefined, true);
    if (format === 'toml') return parseToml(text, { integersAsBigInt: 'asNeeded' });
    // YAML 1.1 as PyYAML reads it (`yes`, `017`, `1_000`, `<<` merge keys), `1e-3` a float as
    // OmegaConf reads it: yaml-python.ts.
    return parsePythonYaml(text);
  } catch (err) {
    // Position and kind only: the parsers' messages quote the refused text, which may be a credential.
    const json = format === 'json' ? describeJsonError(err, text) : undefined;
    const line = json ? json.line : parserLine(err);
    const what = parserReason(json ? new Error(json.message) : err);
    throw new InputError('malformed-config', `${file}${line ? `:${line}` : ''} is not valid ${format.toUpperCase()}: ${what}`, {
      fix: `fix the ${format.toUpperCase()} syntax`,
      file,
      ...(line ? { line } : {}),
      cause: err,
    });
  }
}

/** The reading a YAML file's content is (docs/RECORD.md), and where integers became text. */
function annotations(format: ConfigFormat, integersAsText: string[]): { annotations?: Record<string, unknown> } {
  const a = { ...(format === 'yaml' ? { yamlReading: YAML_READING } : {}), ...(integersAsText.length ? { integersAsText } : {}) };
  return Object.keys(a).length ? { annotations: a } : {};
}

/**
 * Capture one config file: digest of the raw bytes (so an auditor with the file
 * can check it), parsed content with credentials redacted, and the digest of the
 * redacted content's canonical JSON.
 */
export async function captureConfig(file: string, workspace: string, extraKeyPatterns: RegExp[] = []): Promise<ConfigDescriptor> {
  const { abs, rel } = await resolveInWorkspace(file, workspace, 'config file');
  const format = configFormat(rel);
  const { bytes, text } = await readInputText(abs, rel, 'config file');
  const asText: string[] = [];
  const parsed = parseConfigText(text, format, rel, asText);
  const { value, paths } = redactValue(parsed, extraKeyPatterns);
  // Which strings were integers in the file (`seed: 9007199254740993`, not `"9007199254740993"`):
  // the content alone cannot tell them apart.
  const integersAsText = asText.filter((p) => !paths.includes(p));
  return {
    name: rel,
    uri: fileUri(rel),
    digest: { sha256: sha256Hex(bytes) },
    mediaType: format === 'yaml' ? 'application/yaml' : format === 'json' ? 'application/json' : 'application/toml',
    format,
    redacted: paths,
    contentDigest: sha256Hex(canonicalJson(value)),
    content: value as ConfigDescriptor['content'],
    ...annotations(format, integersAsText),
  };
}
