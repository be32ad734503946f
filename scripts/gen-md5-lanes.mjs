#!/usr/bin/env node
// Generates src/storage/md5-lanes-wasm.ts: MD5 block functions in WebAssembly, written out from the
// algorithm's tables (RFC 1321) and assembled with wabt. md5x8 runs 8 independent MD5 streams in two
// interleaved groups of i32x4 lanes, md5x4 one group, md5x1 one stream (a lane's tail and padding).
// Run: node scripts/gen-md5-lanes.mjs (a unit test checks the committed module is its output).
import fs from 'node:fs';
import wabtInit from 'wabt';

const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const g = (i) => (i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16);
const s = (i) => S[(i >> 4) * 4 + (i & 3)];
const i32 = (k) => (k | 0).toString();

function simdKernel(name, groups) {
  // groups: number of independent 4-lane groups interleaved (1 or 2)
  const L = [];
  const lanes = groups * 4;
  const params = Array.from({ length: lanes }, (_, j) => `(param $p${j} i32)`).join(' ');
  L.push(`(func (export "${name}") (param $st i32) ${params} (param $n i32)`);
  for (let G = 0; G < groups; G++) {
    for (const v of ['a', 'b', 'c', 'd', 'aa', 'bb', 'cc', 'dd', 't']) L.push(`(local $${v}${G} v128)`);
    for (let k = 0; k < 16; k++) L.push(`(local $m${G}_${k} v128)`);
    for (let q = 0; q < 4; q++) for (let j = 0; j < 4; j++) L.push(`(local $l${G}_${q}_${j} v128)`);
    for (let q = 0; q < 4; q++) for (let t = 0; t < 4; t++) L.push(`(local $x${G}_${q}_${t} v128)`);
  }
  for (let G = 0; G < groups; G++) ['a', 'b', 'c', 'd'].forEach((v, r) => L.push(`(local.set $${v}${G} (v128.load offset=${G * 64 + r * 16} (local.get $st)))`));
  L.push(`(block $done (loop $blk`);
  L.push(`(br_if $done (i32.eqz (local.get $n)))`);
  for (let G = 0; G < groups; G++) {
    for (let q = 0; q < 4; q++) for (let j = 0; j < 4; j++) L.push(`(local.set $l${G}_${q}_${j} (v128.load offset=${q * 16} (local.get $p${G * 4 + j})))`);
    const lo32 = '0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23', hi32 = '8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31';
    const lo64 = '0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23', hi64 = '8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31';
    for (let q = 0; q < 4; q++) {
      const l = (j) => `(local.get $l${G}_${q}_${j})`;
      L.push(`(local.set $x${G}_${q}_0 (i8x16.shuffle ${lo32} ${l(0)} ${l(1)}))`);
      L.push(`(local.set $x${G}_${q}_1 (i8x16.shuffle ${lo32} ${l(2)} ${l(3)}))`);
      L.push(`(local.set $x${G}_${q}_2 (i8x16.shuffle ${hi32} ${l(0)} ${l(1)}))`);
      L.push(`(local.set $x${G}_${q}_3 (i8x16.shuffle ${hi32} ${l(2)} ${l(3)}))`);
      const x = (t) => `(local.get $x${G}_${q}_${t})`;
      L.push(`(local.set $m${G}_${4 * q} (i8x16.shuffle ${lo64} ${x(0)} ${x(1)}))`);
      L.push(`(local.set $m${G}_${4 * q + 1} (i8x16.shuffle ${hi64} ${x(0)} ${x(1)}))`);
      L.push(`(local.set $m${G}_${4 * q + 2} (i8x16.shuffle ${lo64} ${x(2)} ${x(3)}))`);
      L.push(`(local.set $m${G}_${4 * q + 3} (i8x16.shuffle ${hi64} ${x(2)} ${x(3)}))`);
    }
    for (const v of ['a', 'b', 'c', 'd']) L.push(`(local.set $${v}${v}${G} (local.get $${v}${G}))`);
  }
  // 64 steps, groups interleaved step by step.
  const names = Array.from({ length: groups }, () => ['a', 'b', 'c', 'd']);
  for (let i = 0; i < 64; i++) {
    for (let G = 0; G < groups; G++) {
      const [A, B, C, D] = names[G].map((v) => `$${v}${G}`);
      const get = (v) => `(local.get ${v})`;
      let f;
      if (i < 16) f = `(v128.bitselect ${get(C)} ${get(D)} ${get(B)})`;
      else if (i < 32) f = `(v128.bitselect ${get(B)} ${get(C)} ${get(D)})`;
      else if (i < 48) f = `(v128.xor (v128.xor ${get(B)} ${get(C)}) ${get(D)})`;
      else f = `(v128.xor ${get(C)} (v128.or ${get(B)} (v128.not ${get(D)})))`;
      const k = i32(K[i]);
      L.push(`(local.set $t${G} (i32x4.add (i32x4.add ${get(A)} ${f}) (i32x4.add (v128.const i32x4 ${k} ${k} ${k} ${k}) (local.get $m${G}_${g(i)}))))`);
      L.push(`(local.set ${A} (i32x4.add ${get(B)} (v128.or (i32x4.shl (local.get $t${G}) (i32.const ${s(i)})) (i32x4.shr_u (local.get $t${G}) (i32.const ${32 - s(i)})))))`);
      // rotate names: new (a,b,c,d) = (d, a, b, c)
      const [a, b, c, d] = names[G];
      names[G] = [d, a, b, c];
    }
  }
  for (let G = 0; G < groups; G++) for (const v of ['a', 'b', 'c', 'd']) L.push(`(local.set $${v}${G} (i32x4.add (local.get $${v}${G}) (local.get $${v}${v}${G})))`);
  for (let j = 0; j < lanes; j++) L.push(`(local.set $p${j} (i32.add (local.get $p${j}) (i32.const 64)))`);
  L.push(`(local.set $n (i32.sub (local.get $n) (i32.const 1)))`);
  L.push(`(br $blk)))`);
  for (let G = 0; G < groups; G++) ['a', 'b', 'c', 'd'].forEach((v, r) => L.push(`(v128.store offset=${G * 64 + r * 16} (local.get $st) (local.get $${v}${G}))`));
  L.push(`)`);
  return L.join('\n');
}

function scalarKernel() {
  const L = [];
  L.push(`(func (export "md5x1") (param $st i32) (param $p i32) (param $n i32)`);
  for (const v of ['a', 'b', 'c', 'd', 'aa', 'bb', 'cc', 'dd']) L.push(`(local $${v} i32)`);
  for (let k = 0; k < 16; k++) L.push(`(local $m${k} i32)`);
  ['a', 'b', 'c', 'd'].forEach((v, r) => L.push(`(local.set $${v} (i32.load offset=${r * 4} (local.get $st)))`));
  L.push(`(block $done (loop $blk`);
  L.push(`(br_if $done (i32.eqz (local.get $n)))`);
  for (let k = 0; k < 16; k++) L.push(`(local.set $m${k} (i32.load offset=${k * 4} (local.get $p)))`);
  for (const v of ['a', 'b', 'c', 'd']) L.push(`(local.set $${v}${v} (local.get $${v}))`);
  let names = ['a', 'b', 'c', 'd'];
  for (let i = 0; i < 64; i++) {
    const [A, B, C, D] = names.map((v) => `$${v}`);
    const get = (v) => `(local.get ${v})`;
    let f;
    if (i < 16) f = `(i32.or (i32.and ${get(B)} ${get(C)}) (i32.and (i32.xor ${get(B)} (i32.const -1)) ${get(D)}))`;
    else if (i < 32) f = `(i32.or (i32.and ${get(B)} ${get(D)}) (i32.and ${get(C)} (i32.xor ${get(D)} (i32.const -1))))`;
    else if (i < 48) f = `(i32.xor (i32.xor ${get(B)} ${get(C)}) ${get(D)})`;
    else f = `(i32.xor ${get(C)} (i32.or ${get(B)} (i32.xor ${get(D)} (i32.const -1))))`;
    L.push(`(local.set ${A} (i32.add ${get(B)} (i32.rotl (i32.add (i32.add ${get(A)} ${f}) (i32.add (i32.const ${i32(K[i])}) (local.get $m${g(i)}))) (i32.const ${s(i)}))))`);
    const [a, b, c, d] = names;
    names = [d, a, b, c];
  }
  for (const v of ['a', 'b', 'c', 'd']) L.push(`(local.set $${v} (i32.add (local.get $${v}) (local.get $${v}${v})))`);
  L.push(`(local.set $p (i32.add (local.get $p) (i32.const 64)))`);
  L.push(`(local.set $n (i32.sub (local.get $n) (i32.const 1)))`);
  L.push(`(br $blk)))`);
  ['a', 'b', 'c', 'd'].forEach((v, r) => L.push(`(i32.store offset=${r * 4} (local.get $st) (local.get $${v}))`));
  L.push(`)`);
  return L.join('\n');
}

export function wat() {
  return `(module (memory (export "memory") 64 64)\n${simdKernel('md5x4', 1)}\n${simdKernel('md5x8', 2)}\n${scalarKernel()}\n)`;
}

/** The module, base64, as the TypeScript source that carries it. */
export async function moduleSource() {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('md5-lanes.wat', wat(), { simd: true });
  const { buffer } = mod.toBinary({});
  const b64 = Buffer.from(buffer).toString('base64');
  const lines = b64.match(/.{1,100}/g).map((l) => `  '${l}' +`).join('\n');
  return `// Generated by scripts/gen-md5-lanes.mjs: do not edit.\n/** MD5 block functions (md5x8, md5x4, md5x1) in WebAssembly with 128-bit SIMD, base64. */\nexport const MD5_LANES_WASM =\n${lines.slice(0, -2)};\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) fs.writeFileSync(new URL('../src/storage/md5-lanes-wasm.ts', import.meta.url), await moduleSource());
