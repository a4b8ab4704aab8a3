import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';

/**
 * Bytes as text: a UTF-8 byte order mark is dropped; invalid UTF-8 and NUL bytes are
 * refused with their byte offset (a decoder would silently turn them into U+FFFD, or
 * a parser would cut the text there). `base` is added to offsets (a line's position).
 */
export function decodeText(bytes: Uint8Array, what: string, shown: string, base = 0): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    throw new InputError('nul-byte', `${what} ${shown} has a NUL byte at byte offset ${base + nul}`, {
      fix: `a ${what} is UTF-8 text: remove the binary content (is it the right file?)`,
      file: shown,
    });
  }
  if (!isUtf8(buf)) {
    throw new InputError('invalid-utf8', `${what} ${shown} is not valid UTF-8 at byte offset ${base + invalidUtf8Offset(buf)}`, {
      fix: `save the ${what} as UTF-8`,
      file: shown,
    });
  }
  return buf.toString('utf8', bom);
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined) return i;
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
