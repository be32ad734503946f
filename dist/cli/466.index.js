export const id = 466;
export const ids = [466];
export const modules = {

/***/ 6332:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cv: () => (/* binding */ crcHex),
/* harmony export */   Dm: () => (/* binding */ parseCrcMeta),
/* harmony export */   QR: () => (/* binding */ crc32),
/* harmony export */   hb: () => (/* binding */ CRC_META),
/* harmony export */   ln: () => (/* binding */ CRC_META_NAME),
/* harmony export */   s$: () => (/* binding */ Crc32),
/* harmony export */   zz: () => (/* binding */ crc32Combine)
/* harmony export */ });
let zlib;
/** zlib's CRC-32 of `data`, continuing from `value`. zlib loads on first use: ~3 ms a no-op run does not pay. */
function crc32(data, value = 0) {
    zlib ??= process.getBuiltinModule('node:zlib');
    return zlib.crc32(data, value);
}
/**
 * Metadata our uploads set: the CRC-32 (zlib/ISO-HDLC, the one S3 calls CRC32) of the whole object,
 * 8 lowercase hex digits. Set in the same request that creates the object, so it cannot outlive
 * the bytes it describes. zlib.crc32 runs at ~3.5 GB/s here against MD5's ~0.6 GB/s, so hydrate
 * verifies such objects for a sixth of the CPU (and ranges of any size combine, see crc32Combine).
 */
const CRC_META_NAME = 'marketsim-crc32';
const CRC_META = `x-amz-meta-${CRC_META_NAME}`;
/** The header value for a CRC. */
function crcHex(crc) {
    return (crc >>> 0).toString(16).padStart(8, '0');
}
/** The CRC a response's metadata claims, or undefined when absent or not 8 hex digits. */
function parseCrcMeta(v) {
    const s = Array.isArray(v) ? v[0] : v;
    return s && /^[0-9a-f]{8}$/i.test(s) ? Number.parseInt(s, 16) >>> 0 : undefined;
}
/** Running CRC-32 of chunks fed in order. */
class Crc32 {
    value = 0;
    bytes = 0;
    update(chunk) {
        this.value = crc32(chunk, this.value);
        this.bytes += chunk.length;
    }
}
// Reflected CRC-32 polynomial; the combine below is zlib's (crc32.c: multmodp, x2nmodp).
const POLY = 0xedb88320;
/** a(x) * b(x) modulo the CRC polynomial, both reflected. */
function multmodp(a, b) {
    let m = 0x80000000;
    let p = 0;
    for (;;) {
        if (a & m) {
            p ^= b;
            if ((a & (m - 1)) === 0)
                break;
        }
        m >>>= 1;
        b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return p >>> 0;
}
/** X2N[k] = x^(2^k) modulo the polynomial. */
const X2N = new Uint32Array(32);
{
    let p = 0x40000000; // x^1
    X2N[0] = p;
    for (let k = 1; k < 32; k++)
        X2N[k] = p = multmodp(p, p);
}
/** x^(n * 2^k) modulo the polynomial; n may exceed 2^32 (objects up to 5 TiB). */
function x2nmodp(n, k) {
    let p = 0x80000000; // x^0
    while (n > 0) {
        if (n % 2 === 1)
            p = multmodp(X2N[k & 31], p);
        n = Math.floor(n / 2);
        k++;
    }
    return p;
}
/** CRC of A followed by B, from crc(A), crc(B) and B's length: lets ranges fetched in parallel be checked as one object. */
function crc32Combine(crcA, crcB, lengthB) {
    return (multmodp(x2nmodp(lengthB, 3), crcA >>> 0) ^ crcB) >>> 0;
}


/***/ }),

/***/ 973:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ hashPath),
/* harmony export */   Ln: () => (/* binding */ compositeEtag),
/* harmony export */   Qw: () => (/* binding */ PartsHasher),
/* harmony export */   V: () => (/* binding */ partSizeFits),
/* harmony export */   Xr: () => (/* binding */ verifyMethod),
/* harmony export */   eu: () => (/* binding */ isSinglePartMd5),
/* harmony export */   h1: () => (/* binding */ multipartParts),
/* harmony export */   oV: () => (/* binding */ partSizeFor),
/* harmony export */   v: () => (/* binding */ EtagHasher)
/* harmony export */ });
/* unused harmony export hashFile */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);


const SINGLE = /^[0-9a-f]{32}$/;
const MULTI = /^([0-9a-f]{32})-(\d+)$/;
function multipartParts(etag) {
    const m = MULTI.exec(etag);
    return m ? Number(m[2]) : undefined;
}
function isSinglePartMd5(etag) {
    return SINGLE.test(etag);
}
/** True when `partSize` can have produced `parts` parts for an object of `size` bytes. */
function partSizeFits(size, partSize, parts) {
    return partSize > 0 && Math.ceil(size / partSize) === parts && (parts > 1 || size <= partSize);
}
/** S3/R2 multipart ETag: MD5 of the concatenated binary part MD5s, then `-<part count>`. */
function compositeEtag(partMd5s) {
    return `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(Buffer.concat(partMd5s)).digest('hex')}-${partMd5s.length}`;
}
/** Equal parts of `partSize` except a shorter last one: the only layout R2 accepts. */
function partSizeFor(size, minPart = 8 * 1024 * 1024) {
    const MiB = 1024 * 1024;
    const needed = Math.ceil(size / 10_000 / MiB) * MiB;
    return Math.max(minPart, needed);
}
/** MD5 per part of `partSize` bytes, fed in any chunking: digests to the multipart ETag form. */
class PartsHasher {
    partSize;
    part = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5');
    fill = 0;
    md5s = [];
    constructor(partSize) {
        this.partSize = partSize;
    }
    update(chunk) {
        let off = 0;
        while (off < chunk.length) {
            const take = Math.min(this.partSize - this.fill, chunk.length - off);
            this.part.update(chunk.subarray(off, off + take));
            this.fill += take;
            off += take;
            if (this.fill === this.partSize) {
                this.md5s.push(this.part.digest());
                this.part = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5');
                this.fill = 0;
            }
        }
    }
    digest() {
        if (this.fill > 0 || this.md5s.length === 0)
            this.md5s.push(this.part.digest());
        return compositeEtag(this.md5s);
    }
}
/** How bytes can be checked against `etag`: its MD5, the composite of part MD5s (with the part size), or the size alone. */
function verifyMethod(etag, partSize) {
    if (isSinglePartMd5(etag))
        return 'md5';
    if (multipartParts(etag) !== undefined && partSize)
        return 'multipart-md5';
    return 'size-only';
}
/**
 * Hashes bytes in order and says whether they match an ETag. For a multipart ETag it needs the
 * part size; without it (or for an ETag that is not an MD5, e.g. SSE-C) only the size can be checked.
 */
class EtagHasher {
    expected;
    method;
    hash;
    bytes = 0;
    constructor(expected, partSize) {
        this.expected = expected;
        this.method = verifyMethod(expected, partSize);
        if (this.method === 'md5') {
            const whole = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5');
            this.hash = { update: (c) => whole.update(c), digest: () => whole.digest('hex') };
        }
        else if (this.method === 'multipart-md5')
            this.hash = new PartsHasher(partSize);
    }
    update(chunk) {
        this.bytes += chunk.length;
        this.hash?.update(chunk);
    }
    /** The ETag the bytes produce (for size-only: the expected one, unverified). */
    digest() {
        return this.hash ? this.hash.digest() : this.expected;
    }
}
/**
 * Feeds a file, front to back, to every sink: the first `size` bytes, or up to the end when `size`
 * is undefined. Returns how many bytes it read (less than `size` when the file is shorter).
 */
async function hashFile(fh, size, ...sinks) {
    // 1 MiB reads: as fast as bigger ones from the page cache, and four read-backs at once stay small.
    const buf = Buffer.allocUnsafe(size === undefined ? 1024 * 1024 : Math.max(1, Math.min(size, 1024 * 1024)));
    let pos = 0;
    while (size === undefined || pos < size) {
        const { bytesRead } = await fh.read(buf, 0, size === undefined ? buf.length : Math.min(buf.length, size - pos), pos);
        if (bytesRead === 0)
            break;
        const chunk = buf.subarray(0, bytesRead);
        for (const s of sinks)
            s.update(chunk);
        pos += bytesRead;
    }
    return pos;
}
/** `hashFile` on a file named by path: opened for reading, always closed. */
async function hashPath(file, size, ...sinks) {
    // fs.promises loads on first use (with readline and more: ~2 ms a no-op run does not pay).
    const fh = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(file, 'r');
    try {
        return await hashFile(fh, size, ...sinks);
    }
    finally {
        await fh.close();
    }
}


/***/ })

};
