import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { Crc32, crc32Combine, crcHex, parseCrcMeta } from '../../src/s3/crc.js';

describe('CRC-32 of objects', () => {
  test('is the standard CRC-32 (check value of "123456789") whatever the chunking', () => {
    const c = new Crc32();
    for (const ch of '123456789') c.update(Buffer.from(ch));
    expect(crcHex(c.value)).toBe('cbf43926');
    expect(c.bytes).toBe(9);
  });

  test('combine(crc(A), crc(B), |B|) equals the CRC of A then B, for 300 random splits and empty sides', () => {
    for (let i = 0; i < 300; i++) {
      const a = randomBytes(Math.floor(Math.random() * 3000));
      const b = randomBytes(i % 50 === 0 ? 0 : Math.floor(Math.random() * 70_000));
      expect(crc32Combine(zlib.crc32(a), zlib.crc32(b), b.length)).toBe(zlib.crc32(Buffer.concat([a, b])));
    }
  });

  test('ranges of an object fetched in any order combine, in order, to the whole', () => {
    const body = randomBytes(5 * 1024 * 1024 + 17);
    const step = 1024 * 1024;
    const crcs: { crc: number; len: number }[] = [];
    for (let off = 0; off < body.length; off += step) {
      const part = body.subarray(off, off + step);
      crcs.push({ crc: zlib.crc32(part), len: part.length });
    }
    const whole = crcs.reduce((acc, r) => crc32Combine(acc, r.crc, r.len), 0);
    expect(whole).toBe(zlib.crc32(body));
  });

  test('lengths past 2^32 (objects up to 5 TiB) combine consistently', () => {
    const [x, y, z] = [0x12345678, 0x9abcdef0, 0x0f1e2d3c];
    const big = 2 ** 33 + 5;
    expect(crc32Combine(crc32Combine(x, y, big), z, big)).toBe(crc32Combine(x, crc32Combine(y, z, big), 2 * big));
    // Not a no-op: a different length gives a different answer.
    expect(crc32Combine(x, y, big)).not.toBe(crc32Combine(x, y, big - 2 ** 32));
  });

  test('metadata values: 8 hex digits or nothing', () => {
    expect(parseCrcMeta('cbf43926')).toBe(0xcbf43926);
    expect(parseCrcMeta('CBF43926')).toBe(0xcbf43926);
    expect(parseCrcMeta(['0000002a'])).toBe(42);
    for (const bad of [undefined, '', 'cbf4392', 'cbf439266', 'xyz43926', '-1234567']) expect(parseCrcMeta(bad)).toBeUndefined();
    expect(crcHex(42)).toBe('0000002a');
  });
});
