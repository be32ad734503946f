export const id = 606;
export const ids = [606,466];
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


/***/ }),

/***/ 9931:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ storeUri)
/* harmony export */ });
function storeUri(store, key) {
    return `s3://${store.bucket}/${key}`;
}


/***/ }),

/***/ 7606:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g3: () => (/* binding */ persistLogs),
  Mo: () => (/* binding */ uploadEtags)
});

// UNUSED EXPORTS: DEFAULT_UPLOAD_TUNING, MULTIPART_THRESHOLD, NoFilesError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./lib/s3/access-check.js
var access_check = __webpack_require__(651);
// EXTERNAL MODULE: ./lib/s3/store.js
var store = __webpack_require__(9931);
// EXTERNAL MODULE: ./lib/s3/crc.js
var s3_crc = __webpack_require__(6332);
// EXTERNAL MODULE: ./lib/s3/etag.js
var etag = __webpack_require__(973);
// EXTERNAL MODULE: ./lib/s3/list.js
var list = __webpack_require__(6200);
// EXTERNAL MODULE: ./lib/s3/s3-errors.js
var s3_errors = __webpack_require__(1480);
// EXTERNAL MODULE: ./lib/s3/s3-http.js + 1 modules
var s3_http = __webpack_require__(8164);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./lib/s3/s3-sdk.js


/** The SDK pieces multipart uploads need, loaded on first use: hydrate and small-file persists never pay for them. */
async function loadSdk() {
    const [{ S3Client }, { Upload }, { NodeHttpHandler }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(869), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)),
        Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(869), __webpack_require__.e(711), __webpack_require__.e(358)]).then(__webpack_require__.t.bind(__webpack_require__, 2358, 19)),
        __webpack_require__.e(/* import() */ 279).then(__webpack_require__.t.bind(__webpack_require__, 1279, 19)),
    ]);
    return { S3Client, Upload, NodeHttpHandler };
}
/**
 * The SDK client used for lib-storage multipart uploads. Checksums only when
 * required: R2 and s3rver mishandle the aws-chunked bodies the default mode sends for streams
 * (s3rver stores the framing as data), and we verify with Content-MD5 and ETags ourselves.
 */
function sdkClient(sdk, store, sockets) {
    return new sdk.S3Client({
        endpoint: store.endpoint,
        region: store.region,
        forcePathStyle: true,
        credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey, sessionToken: store.sessionToken },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 6,
        requestHandler: new sdk.NodeHttpHandler({
            httpAgent: new external_node_http_.Agent({ keepAlive: true, maxSockets: sockets }),
            httpsAgent: new external_node_https_.Agent({ keepAlive: true, maxSockets: sockets }),
            connectionTimeout: 15_000,
            requestTimeout: 120_000,
        }),
    });
}

// EXTERNAL MODULE: ./lib/storage/upload-walk.js
var upload_walk = __webpack_require__(3820);
;// CONCATENATED MODULE: ./lib/storage/persist.js














/**
 * Files from this size on go up as equal-part multipart uploads (R2 requires equal parts); below it,
 * one streamed PUT. 100 MB is the field's usual cut (r2-upload-action, github-action-aws-s3;
 * rclone uses 200 MiB): a single PUT needs no part buffers and the store checks its Content-MD5.
 */
const MULTIPART_THRESHOLD = 100 * 1024 * 1024;
const DEFAULT_UPLOAD_TUNING = { smallMax: 1024 * 1024, multipartThreshold: MULTIPART_THRESHOLD };
/** Multipart uploads in flight at once (each keeps 4 parts in memory). */
const LARGE_AT_ONCE = 1;
class NoFilesError extends Error {
    name = 'NoFilesError';
}
const CONTENT_TYPES = {
    '.log': 'text/plain; charset=utf-8',
    '.txt': 'text/plain; charset=utf-8',
    '.out': 'text/plain; charset=utf-8',
    '.err': 'text/plain; charset=utf-8',
    '.csv': 'text/csv; charset=utf-8',
    '.json': 'application/json',
    '.jsonl': 'application/x-ndjson',
    '.html': 'text/html; charset=utf-8',
    '.png': 'image/png',
};
function contentType(rel) {
    return CONTENT_TYPES[external_node_path_.extname(rel).toLowerCase()] ?? 'application/octet-stream';
}
/** Reads a small file until two reads agree on its size (an appending writer cannot tear it). */
async function readSnapshot(file) {
    let buf = await external_node_fs_.promises.readFile(file);
    for (let i = 0; i < 3; i++) {
        const size = (await external_node_fs_.promises.stat(file)).size;
        if (size === buf.length)
            return { buf, growing: i > 0 };
        buf = await external_node_fs_.promises.readFile(file);
    }
    return { buf, growing: true };
}
/** MD5, CRC-32 and (given a part size) the per-part MD5s of the first `size` bytes, in one pass. */
async function hashPrefix(file, size, partSize) {
    const whole = (0,external_node_crypto_.createHash)('md5');
    const crc = new s3_crc/* Crc32 */.s$();
    // A single PUT needs no per-part MD5s: for one part that would be a second MD5 of every byte.
    const parts = partSize === undefined ? undefined : new etag/* PartsHasher */.Qw(partSize);
    if ((await (0,etag/* hashPath */.Gv)(file, size, whole, crc, ...(parts ? [parts] : []))) < size)
        throw new Error(`${file} shrank while being read`);
    return { md5: whole.digest('hex'), composite: parts?.digest(), crc: (0,s3_crc/* crcHex */.Cv)(crc.value) };
}
/**
 * Every ETag the first `size` bytes of a file may carry once uploaded as we upload it: the MD5, and
 * for a multipart upload (larger than one part) the composite of the part MD5s too.
 */
async function uploadEtags(file, size) {
    const partSize = (0,etag/* partSizeFor */.oV)(size);
    const { md5, composite, crc } = await hashPrefix(file, size, size > partSize ? partSize : undefined);
    return { partSize, md5, crc, etags: size > partSize ? [composite, md5] : [md5] };
}
/**
 * Small file: one signed PUT through our own client with Content-MD5, so the store rejects a body
 * that arrives different from what we read. Every upload also records the CRC-32 of the bytes it
 * sends (CRC_META), which hydrate checks for a sixth of MD5's CPU; Content-MD5 (or the ETag check
 * after a multipart upload) proves those bytes are the ones stored. Not the SDK: its middleware and
 * payload SHA-256 cost ~2 ms of CPU per file (profiled), which is most of the time when logs are
 * many small files.
 */
async function uploadSmall(http, key, f, remote) {
    const { buf, growing } = await readSnapshot(f.abs);
    const md5 = (0,external_node_crypto_.createHash)('md5').update(buf).digest();
    const hex = md5.toString('hex');
    if (remote && remote.size === buf.length && remote.etag === hex)
        return { size: buf.length, etags: [hex], growing, uploaded: false };
    const etag = await http.call('PUT', key, `put s3://${http.store.bucket}/${key}`, { body: buf, headers: { 'content-md5': md5.toString('base64'), 'content-length': String(buf.length), 'content-type': contentType(f.rel), [s3_crc/* CRC_META */.hb]: (0,s3_crc/* crcHex */.Cv)((0,s3_crc/* crc32 */.QR)(buf)) } }, async (res) => (0,list/* normalizeEtag */.Pt)((0,s3_http/* header */.wx)(res, 'etag')));
    if (etag && /^[0-9a-f]{32}$/.test(etag) && etag !== hex)
        throw new Error(`store answered ETag ${etag} for content with MD5 ${hex}`);
    return { size: buf.length, etags: [hex], growing, uploaded: true };
}
/** Medium file: the first `size` bytes (the snapshot) streamed in one PUT with their Content-MD5. */
async function uploadStreamed(http, key, f, remote) {
    for (let attempt = 1;; attempt++) {
        const size = (await external_node_fs_.promises.stat(f.abs)).size;
        const { md5, crc } = await hashPrefix(f.abs, size);
        if (remote && remote.size === size && remote.etag === md5)
            return { size, etags: [md5], growing: false, uploaded: false };
        try {
            await http.call('PUT', key, `put s3://${http.store.bucket}/${key}`, {
                body: () => external_node_fs_.createReadStream(f.abs, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 }),
                headers: { 'content-md5': Buffer.from(md5, 'hex').toString('base64'), 'content-length': String(size), 'content-type': contentType(f.rel), [s3_crc/* CRC_META */.hb]: crc },
            }, async () => undefined);
        }
        catch (e) {
            // BadDigest: the bytes changed under us (rewritten, not appended); read the file again once.
            if (attempt < 2 && e instanceof s3_errors/* S3Error */.Dg && e.code === 'BadDigest')
                continue;
            throw e;
        }
        const growing = (await external_node_fs_.promises.stat(f.abs)).size !== size;
        return { size, etags: [md5], growing, uploaded: true };
    }
}
async function uploadLarge(sdk, client, bucket, key, f, remote, onBytes) {
    for (let attempt = 1;; attempt++) {
        // The size now is the snapshot: an appending writer may add more, but these bytes are final.
        const size = (await external_node_fs_.promises.stat(f.abs)).size;
        const { partSize, md5, crc, etags } = await uploadEtags(f.abs, size);
        if (remote && remote.size === size && etags.includes(remote.etag))
            return { size, etags, growing: false, uploaded: false };
        const upload = new sdk.Upload({
            client,
            params: {
                Bucket: bucket,
                Key: key,
                Body: external_node_fs_.createReadStream(f.abs, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 }),
                ContentLength: size,
                ContentType: contentType(f.rel),
                Metadata: { 'marketsim-part-size': String(partSize), 'marketsim-md5': md5, [s3_crc/* CRC_META_NAME */.ln]: crc },
            },
            partSize,
            queueSize: 4,
            leavePartsOnError: false,
        });
        let sent = 0;
        upload.on('httpUploadProgress', (p) => {
            const loaded = p.loaded ?? 0;
            if (loaded > sent) {
                onBytes(loaded - sent);
                sent = loaded;
            }
        });
        const out = await upload.done();
        const etag = (0,list/* normalizeEtag */.Pt)(out.ETag);
        const growing = (await external_node_fs_.promises.stat(f.abs)).size !== size;
        // s3rver answers the whole-object MD5 for multipart uploads; both forms prove the content.
        if (!etag || etags.includes(etag))
            return { size, etags, growing, uploaded: true };
        onBytes(-sent);
        if (attempt >= 2)
            throw new Error(`content changed while uploading (ETag ${etag}, expected ${etags.join(' or ')}); the file is being rewritten, not appended`);
    }
}
/**
 * Uploads the log folder to `<targetPrefix>`: incremental (same size and MD5 = skipped), multipart
 * with equal parts for large files, then lists the target and confirms every file landed.
 */
async function persistLogs(cfg, log, progress, tuning = DEFAULT_UPLOAD_TUNING) {
    const started = Date.now();
    const uri = (0,store/* storeUri */.m)(cfg.store, cfg.targetPrefix);
    const walked = (0,upload_walk/* walkUpload */.P)(cfg.logDir);
    const tree = cfg.only ? { ...walked, files: walked.files.filter((f) => cfg.only.has(f.rel)) } : walked;
    const result = {
        experimentId: cfg.experimentId,
        uri,
        files: tree.files.length,
        uploaded: 0,
        skipped: 0,
        bytesUploaded: 0,
        verified: false,
        missing: [],
        growing: [],
        skippedLinks: tree.skippedLinks,
        failures: [],
        noFiles: tree.files.length === 0,
        elapsedMs: 0,
    };
    for (const l of tree.skippedLinks)
        log.warn(`Not uploading link ${l.rel}: ${l.reason}`);
    if (result.noFiles) {
        const msg = `No files found in ${cfg.logDir}${tree.exists ? '' : ' (the folder does not exist)'}; nothing uploaded to ${uri}`;
        if (cfg.ifNoFilesFound === 'error')
            throw new NoFilesError(msg);
        if (cfg.ifNoFilesFound === 'warn')
            log.warn(msg);
        result.elapsedMs = Date.now() - started;
        return result;
    }
    const http = new s3_http/* S3Http */.VF(cfg.store, { connections: cfg.concurrency + 4, onRetry: (m) => log.info(m) });
    // The SDK (lib-storage multipart) only when a file needs it.
    const sdk = tree.files.some((f) => f.size >= tuning.multipartThreshold) ? await loadSdk() : undefined;
    const client = sdk ? sdkClient(sdk, cfg.store, 4 * LARGE_AT_ONCE + 4) : undefined;
    try {
        const existing = await (0,list/* listAll */._w)(http, cfg.targetPrefix, { firstPageRetry: access_check/* FIRST_REQUEST_RETRY */.m }).catch((e) => {
            throw (0,access_check/* explainAccessError */.Q)(e, cfg.store, cfg.targetPrefix);
        });
        const remote = new Map(existing.map((o) => [o.key, o]));
        const snapshots = new Map();
        const bytesTotal = tree.files.reduce((n, f) => n + f.size, 0);
        let filesDone = 0;
        let bytesDone = 0;
        const snapshot = () => ({ verb: 'upload', filesDone, filesTotal: tree.files.length, bytesDone, bytesTotal, elapsedMs: Date.now() - started });
        const ticker = setInterval(() => progress.update(snapshot()), 1000);
        const limit = (0,p_limit/* default */.A)(cfg.concurrency);
        // lib-storage buffers queueSize x partSize per file: bound the large files in flight, so memory is too.
        const large = (0,p_limit/* default */.A)(LARGE_AT_ONCE);
        try {
            await Promise.all(tree.files.map((f) => limit(async () => {
                const key = `${cfg.targetPrefix}${f.rel}`;
                try {
                    const r = f.size < tuning.smallMax
                        ? await uploadSmall(http, key, f, remote.get(key))
                        : f.size < tuning.multipartThreshold
                            ? await uploadStreamed(http, key, f, remote.get(key))
                            : await large(() => uploadLarge(sdk, client, cfg.store.bucket, key, f, remote.get(key), (n) => (bytesDone += n)));
                    snapshots.set(f.rel, r);
                    if (r.growing)
                        result.growing.push(f.rel);
                    if (r.uploaded) {
                        result.uploaded++;
                        result.bytesUploaded += r.size;
                    }
                    else
                        result.skipped++;
                    if (f.size < tuning.multipartThreshold)
                        bytesDone += r.size;
                }
                catch (e) {
                    result.failures.push({ rel: f.rel, message: e.message });
                    log.error(`Failed to upload ${f.rel}: ${e.message}`);
                }
                filesDone++;
            })));
        }
        finally {
            clearInterval(ticker);
        }
        progress.done(snapshot());
        for (const g of result.growing)
            log.info(`${g} grew while it was read; uploaded a consistent snapshot of ${snapshots.get(g)?.size} bytes`);
        // Confirm by listing: every file must be there with the size (and content hash) we read.
        const landed = new Map((await (0,list/* listAll */._w)(http, cfg.targetPrefix)).map((o) => [o.key.slice(cfg.targetPrefix.length), o]));
        for (const f of tree.files) {
            const snap = snapshots.get(f.rel);
            const got = landed.get(f.rel);
            if (!snap || !got || got.size !== snap.size || (got.etag && !snap.etags.includes(got.etag)))
                result.missing.push(f.rel);
        }
        result.verified = result.missing.length === 0;
        result.elapsedMs = Date.now() - started;
        return result;
    }
    finally {
        client?.destroy();
        await http.close();
    }
}


/***/ }),

/***/ 3820:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ walkUpload)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);


function inside(root, p) {
    return p === root || p.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
}
/**
 * Lists the files of an upload folder. Symlinks are followed only when their real target is a
 * file inside the folder; anything else (outside targets such as ~/.ssh, folders, dangling
 * links, devices) is skipped and reported.
 */
function walkUpload(dir) {
    const tree = { files: [], skippedLinks: [], exists: false };
    let root;
    try {
        root = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(dir);
        if (!node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(root).isDirectory())
            return tree;
    }
    catch {
        return tree;
    }
    tree.exists = true;
    const visit = (abs, rel) => {
        for (const ent of node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync(abs, { withFileTypes: true })) {
            const childAbs = node_path__WEBPACK_IMPORTED_MODULE_1__.join(abs, ent.name);
            const childRel = rel ? `${rel}/${ent.name}` : ent.name;
            if (ent.isDirectory())
                visit(childAbs, childRel);
            else if (ent.isFile())
                tree.files.push({ rel: childRel, abs: childAbs, size: node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync(childAbs).size, viaLink: false });
            else if (ent.isSymbolicLink()) {
                let target;
                try {
                    target = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(childAbs);
                }
                catch {
                    tree.skippedLinks.push({ rel: childRel, reason: 'dangling link' });
                    continue;
                }
                if (!inside(root, target))
                    tree.skippedLinks.push({ rel: childRel, reason: 'points outside the log folder' });
                else if (!node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(target).isFile())
                    tree.skippedLinks.push({ rel: childRel, reason: 'linked folders are not followed' });
                else
                    tree.files.push({ rel: childRel, abs: target, size: node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(target).size, viaLink: true });
            }
        }
    };
    visit(root, '');
    tree.files.sort((a, b) => b.size - a.size);
    return tree;
}


/***/ })

};
