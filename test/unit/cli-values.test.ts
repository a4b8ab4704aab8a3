import { describe, expect, it } from 'vitest';
import { parseKeyValue, parseLibrary, typedValue } from '../../src/cli/values.js';

describe('CLI values', () => {
  it('types numbers, booleans and null the way a user means them', () => {
    expect(parseKeyValue('lr=3e-5', 'param')).toEqual(['lr', 3e-5]);
    expect(parseKeyValue('epochs=10', 'param')).toEqual(['epochs', 10]);
    expect(parseKeyValue('shuffle=true', 'param')).toEqual(['shuffle', true]);
    expect(parseKeyValue('ckpt=null', 'param')).toEqual(['ckpt', null]);
    expect(parseKeyValue('url=a=b', 'param')).toEqual(['url', 'a=b']);
  });
  it('keeps identifiers with leading zeros and integers too big for a double as strings', () => {
    expect(typedValue('007')).toBe('007');
    expect(typedValue('00123')).toBe('00123');
    expect(typedValue('0.5')).toBe(0.5);
    expect(typedValue('12345678901234567890')).toBe('12345678901234567890');
  });
  it('library versions are strings, with = or @', () => {
    expect(parseLibrary('torch=2.10', '--library')).toEqual(['torch', '2.10']);
    expect(parseLibrary('numpy@1.20', '--library')).toEqual(['numpy', '1.20']);
    expect(parseLibrary('@scope/pkg@1.0.0', '--library')).toEqual(['@scope/pkg', '1.0.0']);
    expect(() => parseLibrary('torch', '--library')).toThrow(/--library: an argument is not NAME=VERSION or NAME@VERSION/);
  });
});
