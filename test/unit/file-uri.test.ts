import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asUriReference, datasetUri, datasetUriReference, displayUri, encodeUriPath, fileUri, fileUriPath } from '../../src/util/file-uri.js';
import { readUris } from '../helpers/uri-check.js';

/** Names RFC 3986 gives a meaning to or forbids: a space, non-ASCII, `%`, `?`, `#`, `[`, `]`, and a literal `%20`. */
const ODD_PATHS = [
  'data/my file.csv',
  'raw data/pöints ü.csv',
  'a%b.csv',
  'a%20b.csv',
  'x#y?.csv',
  '[1].csv',
  "sub-delims/!$&'()*+,;=:@~.csv",
  'データ/学習 用.csv',
  'emoji 🧪/%E2%82%AC ?#[]%.csv',
  '//twice/leading.csv',
];
const paths = fc.string({ unit: 'grapheme', maxLength: 40 });

describe('file: URIs as the outside world reads them (Python urllib.parse, rfc3987 / jsonschema uri-reference)', () => {
  it('fileUri(p) is a valid RFC 3986 URI whose path urllib decodes back to p, and is what Python\'s quote() writes', () => {
    const sample = [...ODD_PATHS, ...fc.sample(paths, { numRuns: 300, seed: 3986 })];
    const readings = readUris(sample.map((p) => [fileUri(p), p]));
    readings.forEach((r, i) => {
      const p = sample[i]!;
      expect({ p, rfc3986: r.rfc3986, ref: r.uriReference, scheme: r.scheme, path: r.path, query: r.query, fragment: r.fragment }).toEqual({ p, rfc3986: true, ref: true, scheme: 'file', path: p, query: '', fragment: '' });
      // Python keeps the same characters and writes the same upper-case escapes, except for the
      // one case it does not guard against (a path starting `//`, which it leaves as an authority).
      if (!p.startsWith('//')) expect(r.uri).toBe(r.quoted);
    });
  });

  it('an old record\'s raw `file:` path is no URI for the validators; asUriReference makes it one, naming the same path', () => {
    const raw = ODD_PATHS.filter((p) => encodeUriPath(p) !== p);
    const old = readUris(raw.map((p) => [`file:${p}`, p]));
    // Each raw form is refused or read as another path (a `#` starts a fragment, `%20` is a space).
    old.forEach((r, i) => expect(r.rfc3986 && r.path === raw[i], r.uri).toBe(false));
    const fixed = readUris(raw.map((p) => [asUriReference(`file:${p}`, p), p]));
    fixed.forEach((r, i) => expect([r.rfc3986, r.path, r.query, r.fragment]).toEqual([true, raw[i], '', '']));
  });
});

describe('reading old (raw) and new (encoded) file: uris', () => {
  it('both forms name the path, with the path the record keeps beside the uri and (for the new form) without it', () => {
    fc.assert(
      fc.property(paths, (p) => {
        expect(fileUriPath(fileUri(p))).toBe(p);
        expect(fileUriPath(fileUri(p), p)).toBe(p);
        expect(fileUriPath(`file:${p}`, p)).toBe(p);
        expect(asUriReference(fileUri(p))).toBe(fileUri(p)); // never encoded twice
        expect(asUriReference(fileUri(p), p)).toBe(fileUri(p));
        expect(asUriReference(`file:${p}`, p)).toBe(fileUri(p));
        expect(displayUri(fileUri(p), p)).toBe(`file:${p}`);
        expect(displayUri(`file:${p}`, p)).toBe(`file:${p}`);
      }),
      { numRuns: 500 },
    );
  });

  it('the cases that tell the two forms apart', () => {
    // New: `%20` stays `%20` and reads as a space.
    expect(asUriReference('file:data/my%20file.csv')).toBe('file:data/my%20file.csv');
    expect(fileUriPath('file:data/my%20file.csv')).toBe('data/my file.csv');
    // Old raw text that no encoder writes: read as written, then encoded.
    expect(asUriReference('file:a%b.csv')).toBe('file:a%25b.csv');
    expect(fileUriPath('file:a%b.csv')).toBe('a%b.csv');
    expect(asUriReference('file:raw data/100% é.csv')).toBe('file:raw%20data/100%25%20%C3%A9.csv');
    expect(asUriReference('file:x#y?.csv', 'x#y?.csv')).toBe('file:x%23y%3F.csv');
    expect(asUriReference('file:[1].csv')).toBe('file:%5B1%5D.csv');
    // A file literally named `a%20b.csv`: old and new records name it exactly, by the path beside the uri.
    expect(fileUriPath('file:a%20b.csv', 'a%20b.csv')).toBe('a%20b.csv');
    expect(fileUriPath('file:a%2520b.csv', 'a%20b.csv')).toBe('a%20b.csv');
    expect(asUriReference('file:a%20b.csv', 'a%20b.csv')).toBe('file:a%2520b.csv');
    // Not UTF-8 once decoded: not a path this project wrote, read as written.
    expect(fileUriPath('file:a%FFb')).toBe('a%FFb');
    // Other schemes are no paths; file://host/path is decoded from its URL path.
    expect(fileUriPath('s3://bucket/a b')).toBeUndefined();
    expect(fileUriPath('file:///mnt/my%20data/x.csv')).toBe('/mnt/my data/x.csv');
    expect(displayUri('s3://bucket/a%20b')).toBe('s3://bucket/a%20b');
  });

  it('what lineage, diff and the store hold: an old raw file: path in URI form, any other uri as recorded; the exports: every uri a URI', () => {
    const old = { uri: 'file:data/my file.csv', annotations: { path: 'data/my file.csv' } };
    const neu = { uri: 'file:data/my%20file.csv', annotations: { path: 'data/my file.csv' } };
    const web = { uri: 'https://data.example.com/"quoted"&<x>' };
    expect([datasetUri(old), datasetUri(neu), datasetUri(web)]).toEqual(['file:data/my%20file.csv', 'file:data/my%20file.csv', web.uri]);
    expect(datasetUriReference(web)).toBe('https://data.example.com/%22quoted%22&%3Cx%3E');
  });
});
