// How long `--store postgres://…` waits for a connection, read as libpq reads it (PostgreSQL's
// documentation, "Parameter Key Words": connect_timeout is "in seconds (write as a decimal
// integer, e.g., 10). Zero, negative, or not specified means wait indefinitely"; PGCONNECT_TIMEOUT
// "behaves the same as the connect_timeout connection parameter"). Unset, we wait
// CONNECT_TIMEOUT_S instead (a batch job should not wait forever). libpq before 17 read 1 as 2 s;
// 17 dropped that minimum, and 1 is 1 s here.
import { describe, expect, test } from 'vitest';
import { CONNECT_TIMEOUT_S, connectTimeoutMs } from '../../src/store/postgres.js';

const URL = 'postgres://u@db.example:5432/store';

describe('connectTimeoutMs', () => {
  test('the URL first, then PGCONNECT_TIMEOUT, then our default', () => {
    expect(connectTimeoutMs(`${URL}?connect_timeout=7`, { PGCONNECT_TIMEOUT: '9' })).toBe(7000);
    expect(connectTimeoutMs(URL, { PGCONNECT_TIMEOUT: '9' })).toBe(9000);
    expect(connectTimeoutMs(URL, {})).toBe(CONNECT_TIMEOUT_S * 1000);
    expect(connectTimeoutMs(URL, { PGCONNECT_TIMEOUT: '' })).toBe(CONNECT_TIMEOUT_S * 1000);
  });

  test("libpq's meanings: zero or negative waits without limit (pg's 0)", () => {
    expect(connectTimeoutMs(`${URL}?connect_timeout=0`, {})).toBe(0);
    expect(connectTimeoutMs(`${URL}?connect_timeout=-1`, {})).toBe(0);
    expect(connectTimeoutMs(URL, { PGCONNECT_TIMEOUT: '-5' })).toBe(0);
    expect(connectTimeoutMs(`${URL}?connect_timeout=1`, {})).toBe(1000);
  });

  test('a value that is not a whole number of seconds is named, with where it came from', () => {
    expect(() => connectTimeoutMs(`${URL}?connect_timeout=1.5`, {})).toThrow(/^--store URL's connect_timeout "1\.5" is not a whole number of seconds$/);
    expect(() => connectTimeoutMs(`${URL}?connect_timeout=ten`, {})).toThrow(/connect_timeout "ten"/);
    expect(() => connectTimeoutMs(URL, { PGCONNECT_TIMEOUT: 'soon' })).toThrow(/^PGCONNECT_TIMEOUT "soon" is not a whole number of seconds$/);
  });
});
