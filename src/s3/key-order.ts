/**
 * Orders strings the way S3 and R2 order keys in a listing: by their UTF-8 bytes, which is code
 * point order. JavaScript's `<` compares UTF-16 units, which disagrees only where one string has
 * a surrogate (a code point above U+FFFF) and the other a unit in U+E000-U+FFFF at the first
 * difference.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return rank(x) - rank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Surrogates stand for code points above U+FFFF: they sort after every other unit. */
function rank(unit: number): number {
  return unit <= 0xdfff ? unit + 0x10000 : unit;
}
