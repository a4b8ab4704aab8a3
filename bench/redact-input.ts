// Prints the benchmark's input strings as JSON: every string value of the ordinary
// ML corpus and every value of the credential corpus (bench/redact.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configFormat, parseConfigText } from '../src/capture/config.js';
import { CREDENTIALS } from '../test/corpora/credentials.js';

const dir = path.join(process.cwd(), 'test', 'corpora', 'ordinary');
const out: string[] = [];
const walk = (v: unknown): void => {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') Object.values(v).forEach(walk);
};
for (const f of readdirSync(dir).sort()) walk(parseConfigText(readFileSync(path.join(dir, f), 'utf8'), configFormat(f), f));
out.push(...CREDENTIALS.map((c) => c.value));
process.stdout.write(JSON.stringify(out));
