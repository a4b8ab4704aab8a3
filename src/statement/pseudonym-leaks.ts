import { sameValueForms, type HiddenValue } from './pseudonymize.js';

/**
 * The safety net behind `--anonymize`: after pseudonymisation, every string (and key) of the
 * statement is searched for the hidden values — as the whole field, or, when distinctive, inside a
 * shell command, a joined argv word, a longer param — and for a distinctive folder of a hidden path
 * (`data_dir=data/cohort-7-patients` beside `data/cohort-7-patients/rows.csv`). The record is
 * signed into a public, permanent log, so a hit is an error (assemble.ts): the fix is to name
 * that field too, or to stop the training code from recording it. Pure.
 *
 * Only distinctive texts count inside a longer one: a hidden dataset id `train` or `mnist` is in
 * `scripts/train_model.py` and `mnist-cnn.onnx` by the language people name things in, not because
 * the value leaked; refusing those made the check unusable on ordinary records.
 */
export interface PseudonymLeak {
  /** Where the clear text still is (JSON Pointer into the statement). */
  pointer: string;
  /** The named field whose value it is (JSON Pointer into the predicate). */
  from: string;
  /** The value itself (or another form of it), or a folder of that path. */
  kind: 'value' | 'folder';
  /** The string is exactly that text (a value found whole), not a longer text holding it. */
  whole: boolean;
  /** The hidden value's shape, for the message: a path or URI, or a name (an id, a word). */
  shape: 'path' | 'name';
}

/** Shorter texts are not searched for: they occur by chance (`lr`, `7`, `v2`). */
export const MIN_LEAK_CHARS = 4;

/**
 * A text unlikely to occur by chance: at least 12 characters, or at least 8 with a digit or a
 * separator (`cohort-7`, `data/d.csv`, `s3://b/x`). Common words and folder names (`train`,
 * `mnist`, `data`, `validation`, `processed`) are not; names people coin for one cohort usually are.
 */
export function distinctiveText(t: string): boolean {
  return t.length >= 12 || (t.length >= 8 && /[0-9/\\_.:\- ]/.test(t));
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decoded(f: string): string | undefined {
  try {
    const d = decodeURIComponent(f);
    return d === f ? undefined : d;
  } catch {
    return undefined;
  }
}

/** The texts that spell a hidden value: sameValueForms, the percent-encoded path inside a `file:` uri, any percent-decoding. */
export function leakForms(v: string): string[] {
  const out = new Set<string>();
  for (const f of sameValueForms(v)) {
    out.add(f);
    if (f.startsWith('file:')) out.add(f.slice('file:'.length));
    const d = decoded(f);
    if (d !== undefined) out.add(d);
  }
  return [...out];
}

/** A folder is judged by its own name: `data/mnist` says no more than `mnist`. */
const distinctive = (folder: string) => distinctiveText(folder.slice(folder.lastIndexOf('/') + 1));

/**
 * The folders of a hidden path that identify it as well as the path does. A relative path: every
 * ancestor whose own name is distinctiveText. An absolute path or a URI: its own folder only (higher
 * up are the runner's home, a mount or a bucket other records name too). A `file:` uri has its
 * path among the forms, so none here.
 */
export function distinctiveFolders(form: string): string[] {
  const v = form.replace(/\/+$/, '');
  if (v.startsWith('file:')) return [];
  const slash = v.lastIndexOf('/');
  if (SCHEME.test(v)) {
    const authorityEnd = v.indexOf('/', v.indexOf('//') >= 0 ? v.indexOf('//') + 2 : v.indexOf(':') + 1);
    if (authorityEnd < 0 || slash <= authorityEnd) return [];
    const parent = v.slice(0, slash);
    return distinctive(parent) ? [parent] : [];
  }
  if (v.startsWith('/')) {
    const parent = v.slice(0, slash);
    return slash > 0 && distinctive(parent) ? [parent] : [];
  }
  const parts = v.replace(/^(\.\/)+/, '').split('/');
  const out: string[] = [];
  for (let n = parts.length - 1; n >= 1; n--) {
    const folder = parts.slice(0, n).join('/');
    if (distinctive(folder)) out.push(folder);
  }
  return out;
}

const WORD = /[A-Za-z0-9]/;

interface Needle {
  text: string;
  from: string;
  kind: PseudonymLeak['kind'];
  shape: PseudonymLeak['shape'];
  /** Not distinctiveText: counts only as a whole field, never inside a longer text. */
  wholeOnly: boolean;
}

/** Needles by their first MIN_LEAK_CHARS characters, then by length, then by text. */
type NeedleIndex = Map<string, Map<number, Map<string, Needle[]>>>;

function indexNeedles(needles: Needle[]): NeedleIndex {
  const index: NeedleIndex = new Map();
  for (const n of needles) {
    if (n.text.length < MIN_LEAK_CHARS) continue;
    const byLength = index.get(n.text.slice(0, MIN_LEAK_CHARS)) ?? new Map<number, Map<string, Needle[]>>();
    const byText = byLength.get(n.text.length) ?? new Map<string, Needle[]>();
    byText.set(n.text, [...(byText.get(n.text) ?? []), n]);
    byLength.set(n.text.length, byText);
    index.set(n.text.slice(0, MIN_LEAK_CHARS), byLength);
  }
  return index;
}

/**
 * The needles found in `text` as whole words (not inside a longer name: `cohort-7` is not in
 * `cohort-70`, `4711` not in a digest); a wholeOnly needle only as the entire text. Each position costs a lookup per needle length, not per
 * needle: a record of thousands of strings against thousands of hidden paths sharing `data/`.
 */
function wordsIn(text: string, index: NeedleIndex): Array<{ needle: Needle; whole: boolean }> {
  const out: Array<{ needle: Needle; whole: boolean }> = [];
  for (let i = 0; i + MIN_LEAK_CHARS <= text.length; i++) {
    const byLength = index.get(text.slice(i, i + MIN_LEAK_CHARS));
    if (!byLength) continue;
    for (const [len, byText] of byLength) {
      const hit = i + len <= text.length ? byText.get(text.slice(i, i + len)) : undefined;
      if (!hit) continue;
      const before = text[i - 1];
      const after = text[i + len];
      const okBefore = before === undefined || !WORD.test(text[i]!) || !WORD.test(before);
      const okAfter = after === undefined || !WORD.test(text[i + len - 1]!) || !WORD.test(after);
      const whole = i === 0 && len === text.length;
      if (okBefore && okAfter) out.push(...hit.filter((n) => whole || !n.wholeOnly).map((needle) => ({ needle, whole })));
    }
  }
  return out;
}

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** A path or URI, or a name: what the message calls the hidden value. */
const shapeOf = (v: string): PseudonymLeak['shape'] => (/[/\\]/.test(v) || SCHEME.test(v) ? 'path' : 'name');

/**
 * The dataset ids and names the record shows in clear: a folder of a hidden location named like
 * one (`mnist/train/images.csv` of the dataset `mnist`, only its uri hidden) repeats a public
 * name, not the location.
 */
function publicNames(statement: unknown): Set<string> {
  const root = statement as { predicate?: { datasets?: unknown }; datasets?: unknown };
  const datasets = (root?.predicate ?? root)?.datasets;
  const out = new Set<string>();
  for (const d of Array.isArray(datasets) ? (datasets as Array<Record<string, unknown>>) : []) {
    for (const v of [d?.id, d?.name]) if (typeof v === 'string' && !v.startsWith('pseud:')) out.add(v);
  }
  return out;
}

/** Where the statement still holds a hidden value, or a distinctive folder of one, in clear; one entry per place and field. */
export function pseudonymLeaks(statement: unknown, hidden: HiddenValue[]): PseudonymLeak[] {
  const names = publicNames(statement);
  const needles: Needle[] = [];
  for (const h of hidden) {
    const shape = shapeOf(h.value);
    const forms = leakForms(h.value);
    for (const text of forms) needles.push({ text, from: h.from, kind: 'value', shape, wholeOnly: !distinctiveText(text) });
    for (const text of new Set(forms.flatMap(distinctiveFolders))) {
      if (!names.has(text.slice(text.lastIndexOf('/') + 1))) needles.push({ text, from: h.from, kind: 'folder', shape, wholeOnly: false });
    }
  }
  const index = indexNeedles(needles);
  const found = new Map<string, PseudonymLeak>();
  const check = (text: string, pointer: string) => {
    for (const { needle: n, whole } of wordsIn(text, index)) {
      const id = `${pointer}\u0000${n.from}`;
      const was = found.get(id);
      // One entry per place and field: the value over a folder of it, found whole over inside.
      if (!was || (was.kind === 'folder' && n.kind === 'value') || (was.kind === n.kind && whole && !was.whole)) {
        found.set(id, { pointer, from: n.from, kind: n.kind, whole, shape: n.shape });
      }
    }
  };
  const walk = (v: unknown, ptr: string) => {
    if (typeof v === 'string') check(v, ptr);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const at = `${ptr}/${escape(k)}`;
        check(k, at);
        walk(x, at);
      }
    }
  };
  walk(statement, '#');
  return [...found.values()].sort((a, b) => a.pointer.localeCompare(b.pointer) || a.from.localeCompare(b.from));
}
