import { createHash } from 'node:crypto';
import { compositeEtag, EtagHasher, multipartParts, partSizeFits, partSizeFor } from '../../src/s3/etag.js';

const md5 = (b: Buffer) => createHash('md5').update(b).digest();

describe('ETags', () => {
  const MiB = 1024 * 1024;
  const body = Buffer.alloc(12 * MiB + 123, 7);
  for (let i = 0; i < body.length; i += 4096) body[i] = i % 251;

  test('multipart ETag is md5 of the part md5s plus -N, as S3 and R2 answer', () => {
    const parts = [body.subarray(0, 5 * MiB), body.subarray(5 * MiB, 10 * MiB), body.subarray(10 * MiB)];
    const expected = `${createHash('md5').update(Buffer.concat(parts.map(md5))).digest('hex')}-3`;
    expect(compositeEtag(parts.map(md5))).toBe(expected);
    // Fed in odd chunk sizes that straddle part boundaries, the hasher agrees.
    const h = new EtagHasher(expected, 5 * MiB);
    for (let off = 0; off < body.length; off += 777_777) h.update(body.subarray(off, off + 777_777));
    expect(h.method).toBe('multipart-md5');
    expect(h.digest()).toBe(expected);
  });

  test('a multipart ETag with the wrong part size does not verify', () => {
    const parts = [body.subarray(0, 5 * MiB), body.subarray(5 * MiB, 10 * MiB), body.subarray(10 * MiB)];
    const expected = compositeEtag(parts.map(md5));
    const h = new EtagHasher(expected, 6 * MiB);
    h.update(body);
    expect(h.digest()).not.toBe(expected);
  });

  test('single-part ETag is the hex MD5; other forms fall back to size only', () => {
    const hex = md5(body).toString('hex');
    const h = new EtagHasher(hex);
    h.update(body);
    expect(h.method).toBe('md5');
    expect(h.digest()).toBe(hex);
    expect(new EtagHasher('abc123-2').method).toBe('size-only');
    expect(new EtagHasher('not-an-md5').method).toBe('size-only');
  });

  test('part size sanity: a store that ignores partNumber is caught', () => {
    expect(multipartParts('0123456789abcdef0123456789abcdef-3')).toBe(3);
    expect(multipartParts('0123456789abcdef0123456789abcdef')).toBeUndefined();
    expect(partSizeFits(12 * MiB + 123, 5 * MiB, 3)).toBe(true);
    expect(partSizeFits(12 * MiB + 123, 12 * MiB + 123, 3)).toBe(false);
    expect(partSizeFits(12 * MiB, 0, 3)).toBe(false);
  });

  test('upload part size: at least 8 MiB, equal parts, never more than 10,000 parts', () => {
    expect(partSizeFor(10 * MiB)).toBe(8 * MiB);
    const huge = 200 * 1024 * MiB;
    const p = partSizeFor(huge);
    expect(Math.ceil(huge / p)).toBeLessThanOrEqual(10_000);
    expect(p % MiB).toBe(0);
  });
});
