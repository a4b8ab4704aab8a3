import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { chooseInstance } from '../../src/action/main.js';

const get = (m: Record<string, string>) => (n: string) => m[n] ?? '';

describe('action inputs', () => {
  it('parses multi-line lists and defaults', () => {
    const i = parseInputs(get({ 'subject-path': 'model/*.pt\n\n# comment\nmodel/config.json', config: 'a.yaml' }));
    expect(i.subjects).toEqual(['model/*.pt', 'model/config.json']);
    expect(i).toMatchObject({ policy: 'standard', sign: true, sigstore: 'auto', comment: 'auto', uploadArtifact: true, failOnPublishError: true });
    expect(i.records).toBeUndefined();
  });
  it('records: the input as given (blank is not given); the folder is recordsLocation\'s', () => {
    expect(parseInputs(get({ 'subject-path': 'm', records: ' r ' })).records).toBe('r');
    expect(parseInputs(get({ 'subject-path': 'm', records: '  ' })).records).toBeUndefined();
  });
  it('needs a subject or datasets', () => {
    expect(() => parseInputs(get({}))).toThrow(/neither subject-path nor datasets/);
  });
  it('names a bad boolean, bad retention, bad URL and custom sigstore without URLs', () => {
    expect(() => parseInputs(get({ 'subject-path': 'm', sign: 'yes please' }))).toThrow(/input sign must be true or false/);
    expect(() => parseInputs(get({ 'subject-path': 'm', 'retention-days': '400' }))).toThrow(/retention-days/);
    expect(() => parseInputs(get({ 'subject-path': 'm', sigstore: 'custom' }))).toThrow(/fulcio-url is empty/);
    expect(() => parseInputs(get({ 'subject-path': 'm', sigstore: 'custom', 'fulcio-url': 'ftp://x' }))).toThrow(/fulcio-url is not an http/);
    expect(() => parseInputs(get({ 'subject-path': 'm', sigstore: 'other' }))).toThrow(/input sigstore must be/);
  });
  it('picks GitHub\'s Sigstore for private repositories and public-good otherwise', () => {
    const ctx = (repository: Record<string, unknown>) => ({ event: { repository } }) as never;
    expect(chooseInstance('auto', ctx({ private: true }))).toBe('github');
    expect(chooseInstance('auto', ctx({ visibility: 'internal' }))).toBe('github');
    expect(chooseInstance('auto', ctx({ private: false, visibility: 'public' }))).toBe('public-good');
    expect(chooseInstance('auto', ctx({ private: false }))).toBe('public-good');
    // Unknown visibility (an event without the repository): the private instance, never the public log.
    expect(chooseInstance('auto', { event: {} } as never)).toBe('github');
    expect(chooseInstance('auto', undefined)).toBe('github');
    expect(chooseInstance('custom', ctx({ private: true }))).toBe('custom');
  });
});
