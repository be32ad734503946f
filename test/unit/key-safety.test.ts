import path from 'node:path';
import { unsafeKeyReason } from '../../src/storage/key-safety.js';

describe('unsafeKeyReason', () => {
  const root = '/work/data/trainingdata';
  test.each([
    ['../x', "'..' segment"],
    ['a/../../x', "'..' segment"],
    ['a/..', "'..' segment"],
    ['..', "'..' segment"],
    ['/etc/passwd', 'starts with /'],
    ['a\\..\\..\\x', 'backslash'],
    ['a\0b', 'NUL'],
    ['C:/x', 'drive letter'],
    ['a//b', 'empty segment'],
    ['./a', "'.' segment"],
    ['', 'empty name'],
  ])('refuses %j', (key, why) => {
    expect(unsafeKeyReason(key, root)).toContain(why);
  });

  test.each(['AAPL.csv', 'nested/deep/file.json', '...', '..foo', 'a..b/c', 'ünïcode €.csv'])('accepts %j', (key) => {
    expect(unsafeKeyReason(key, root)).toBeUndefined();
  });

  test('the fast path for plain keys agrees with an independent check on 20,000 random keys', () => {
    // Keys built from the characters that matter: dots, slashes, a backslash, a colon, letters.
    const alphabet = ['a', 'b', '.', '.', '/', '/', '-', '_', '\\', ':', 'C', '0'];
    let x = 12345;
    const rand = (n: number): number => ((x = (x * 1103515245 + 12345) >>> 0) % n);
    for (let i = 0; i < 20_000; i++) {
      let key = '';
      for (let n = 1 + rand(8); n > 0; n--) key += alphabet[rand(alphabet.length)];
      const segments = key.split('/');
      const oracleSafe =
        !key.includes('\\') &&
        !/^[A-Za-z]:/.test(key) &&
        !key.startsWith('/') &&
        segments.every((s) => s !== '' && s !== '.' && s !== '..') &&
        path.resolve(root, key).startsWith(`${root}/`);
      expect([key, unsafeKeyReason(key, root) === undefined]).toEqual([key, oracleSafe]);
    }
  });
});
