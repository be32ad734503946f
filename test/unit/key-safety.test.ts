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
});
