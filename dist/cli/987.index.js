export const id = 987;
export const ids = [987];
export const modules = {

/***/ 1049:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   persistStep: () => (/* binding */ persistStep),
/* harmony export */   vI: () => (/* binding */ withExperimentId)
/* harmony export */ });
/* unused harmony exports PERSIST_OUTPUTS, readPersistInputs */
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(178);
/* harmony import */ var _inputs_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9447);
/* harmony import */ var _storage_persist_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7606);
/* harmony import */ var _storage_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4983);




const PERSIST_OUTPUTS = (/* unused pure expression or super */ null && (['experiment-id', 'uri', 'files-uploaded', 'files-skipped', 'bytes-uploaded', 'verified']));
function readPersistInputs(env, mask) {
    const r = new _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .InputReader */ .i_(env);
    return { r, cfg: (0,_inputs_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readPersistConfig */ .X7)(r, env, mask) };
}
/** Pins the experiment id (e.g. the one main generated) for a later step such as post. */
function withExperimentId(env, id) {
    return { ...env, [(0,_inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .inputVar */ .So)('experiment-id')]: id };
}
/** r2-persist-logs: inputs → upload and confirm → outputs and summary. Throws if anything is missing. */
async function persistStep(rt, env) {
    const { r, cfg } = readPersistInputs(env, (s) => rt.mask(s));
    r.finish();
    rt.log.info(`Persisting ${cfg.logDir} to s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
    // The id and uri first: a later step needs them even if the upload fails.
    rt.setOutput('experiment-id', cfg.experimentId);
    rt.setOutput('uri', `s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
    const result = await (0,_storage_persist_js__WEBPACK_IMPORTED_MODULE_1__/* .persistLogs */ .g3)(cfg, rt.log, rt.progress('persist-logs'));
    rt.setOutput('files-uploaded', result.uploaded);
    rt.setOutput('files-skipped', result.skipped);
    rt.setOutput('bytes-uploaded', result.bytesUploaded);
    rt.setOutput('verified', result.verified);
    await rt.writeSummary((0,_storage_report_js__WEBPACK_IMPORTED_MODULE_2__/* .persistSummary */ .f)(result));
    if (result.failures.length) {
        throw new Error(`${result.failures.length} log files could not be uploaded: ${result.failures.slice(0, 10).map((f) => `${f.rel}: ${f.message}`).join('; ')}`);
    }
    if (!result.noFiles && !result.verified) {
        throw new Error(`Upload not confirmed: missing or different in ${result.uri}: ${result.missing.slice(0, 20).join(', ')}`);
    }
    return result;
}


/***/ }),

/***/ 973:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DC: () => (/* binding */ hashFile),
/* harmony export */   Gv: () => (/* binding */ hashPath),
/* harmony export */   Ln: () => (/* binding */ compositeEtag),
/* harmony export */   Qw: () => (/* binding */ PartsHasher),
/* harmony export */   V: () => (/* binding */ partSizeFits),
/* harmony export */   eu: () => (/* binding */ isSinglePartMd5),
/* harmony export */   h1: () => (/* binding */ multipartParts),
/* harmony export */   oV: () => (/* binding */ partSizeFor),
/* harmony export */   v: () => (/* binding */ EtagHasher)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);


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
        if (isSinglePartMd5(expected)) {
            this.method = 'md5';
            const whole = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5');
            this.hash = { update: (c) => whole.update(c), digest: () => whole.digest('hex') };
        }
        else if (multipartParts(expected) !== undefined && partSize) {
            this.method = 'multipart-md5';
            this.hash = new PartsHasher(partSize);
        }
        else {
            this.method = 'size-only';
        }
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
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
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
/** MD5 and per-part MD5s of the first `size` bytes, in one pass. */
async function hashPrefix(file, size, partSize) {
    const whole = (0,external_node_crypto_.createHash)('md5');
    const parts = new etag/* PartsHasher */.Qw(partSize);
    if ((await (0,etag/* hashPath */.Gv)(file, size, whole, parts)) < size)
        throw new Error(`${file} shrank while being read`);
    return { md5: whole.digest('hex'), composite: parts.digest() };
}
/**
 * Every ETag the first `size` bytes of a file may carry once uploaded as we upload it: the MD5, and
 * for a multipart upload (larger than one part) the composite of the part MD5s too.
 */
async function uploadEtags(file, size) {
    const partSize = (0,etag/* partSizeFor */.oV)(size);
    const { md5, composite } = await hashPrefix(file, size, partSize);
    return { partSize, md5, etags: size > partSize ? [composite, md5] : [md5] };
}
/**
 * Small file: one signed PUT through our own client with Content-MD5, so the store rejects a body
 * that arrives different from what we read. Not the SDK: its middleware and payload SHA-256 cost
 * ~2 ms of CPU per file (profiled), which is most of the time when logs are many small files.
 */
async function uploadSmall(http, key, f, remote) {
    const { buf, growing } = await readSnapshot(f.abs);
    const md5 = (0,external_node_crypto_.createHash)('md5').update(buf).digest();
    const hex = md5.toString('hex');
    if (remote && remote.size === buf.length && remote.etag === hex)
        return { size: buf.length, etags: [hex], growing, uploaded: false };
    const etag = await http.call('PUT', key, `put s3://${http.store.bucket}/${key}`, { body: buf, headers: { 'content-md5': md5.toString('base64'), 'content-length': String(buf.length), 'content-type': contentType(f.rel) } }, async (res) => (0,list/* normalizeEtag */.Pt)((0,s3_http/* header */.wx)(res, 'etag')));
    if (etag && /^[0-9a-f]{32}$/.test(etag) && etag !== hex)
        throw new Error(`store answered ETag ${etag} for content with MD5 ${hex}`);
    return { size: buf.length, etags: [hex], growing, uploaded: true };
}
/** Medium file: the first `size` bytes (the snapshot) streamed in one PUT with their Content-MD5. */
async function uploadStreamed(http, key, f, remote) {
    for (let attempt = 1;; attempt++) {
        const size = (await external_node_fs_.promises.stat(f.abs)).size;
        const { md5 } = await hashPrefix(f.abs, size, size);
        if (remote && remote.size === size && remote.etag === md5)
            return { size, etags: [md5], growing: false, uploaded: false };
        try {
            await http.call('PUT', key, `put s3://${http.store.bucket}/${key}`, {
                body: () => external_node_fs_.createReadStream(f.abs, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 }),
                headers: { 'content-md5': Buffer.from(md5, 'hex').toString('base64'), 'content-length': String(size), 'content-type': contentType(f.rel) },
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
        const { partSize, md5, etags } = await uploadEtags(f.abs, size);
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
                Metadata: { 'marketsim-part-size': String(partSize), 'marketsim-md5': md5 },
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
    const tree = (0,upload_walk/* walkUpload */.P)(cfg.logDir);
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

/***/ 4983:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ persistSummary),
/* harmony export */   k: () => (/* binding */ hydrateSummary)
/* harmony export */ });
/* harmony import */ var _runtime_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2625);

const METHOD_TEXT = {
    md5: 'MD5 of the body = single-part ETag',
    'multipart-md5': 'MD5 of part MD5s = multipart ETag',
    'size-only': 'size only (the store did not reveal how to check the content)',
    'local-md5': 'local file hashed, matched the ETag (not downloaded)',
    cache: 'restored from the Actions cache',
};
function hydrateSummary(r, source, cacheHit) {
    const lines = [
        `${r.dryRun ? 'Dry run: would download' : 'Downloaded'} **${r.downloaded}** files (${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(r.bytesDownloaded)}) from \`${source}\` in ${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSeconds */ .Xo)(r.elapsedMs)} ` +
            `(${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRate */ .CE)(r.bytesDownloaded, r.elapsedMs)}); ${r.skipped} unchanged, ${r.deleted} deleted.`,
        `Manifest hash: \`${r.manifestHash}\``,
    ];
    if (cacheHit !== undefined)
        lines.push(`Actions cache: ${cacheHit ? 'hit' : 'miss'}`);
    if (r.refused)
        lines.push(`Refused ${r.refused} object keys that would write outside the target (see the warnings).`);
    if (r.staleTempFilesRemoved)
        lines.push(`Removed ${r.staleTempFilesRemoved} temporary files left by an interrupted run.`);
    if (r.failures.length)
        lines.push(`**${r.failures.length} objects failed**: ${r.failures.slice(0, 10).map((f) => `\`${f.key}\``).join(', ')}`);
    const tables = [
        {
            title: 'Folders',
            header: ['folder', 'objects', 'downloaded', 'skipped', 'deleted', 'bytes', 'seconds', 'MB/s'],
            rows: r.dirs.map((d) => [
                d.missing ? `${d.dir} (missing in bucket)` : d.dir,
                String(d.objects),
                String(d.downloaded),
                String(d.skipped),
                String(d.deleted),
                (0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(d.bytes),
                (d.ms / 1000).toFixed(2),
                d.ms > 0 ? (d.bytes / 1e6 / (d.ms / 1000)).toFixed(1) : '-',
            ]),
        },
    ];
    const methods = Object.entries(r.verification);
    if (methods.length) {
        tables.push({ title: 'Integrity', header: ['verified by', 'files'], rows: methods.map(([m, n]) => [METHOD_TEXT[m], String(n)]) });
    }
    return { heading: 'r2-hydrate', lines, tables };
}
function persistSummary(r) {
    const lines = [
        `Logs of experiment \`${r.experimentId}\` → \`${r.uri}\``,
        r.noFiles
            ? 'No files to upload.'
            : `Uploaded **${r.uploaded}** files (${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(r.bytesUploaded)}) in ${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSeconds */ .Xo)(r.elapsedMs)} (${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRate */ .CE)(r.bytesUploaded, r.elapsedMs)}); ` +
                `${r.skipped} already there. Verified by listing: **${r.verified ? 'yes' : 'NO'}**.`,
    ];
    if (r.missing.length)
        lines.push(`Missing or different in the bucket: ${r.missing.slice(0, 20).map((m) => `\`${m}\``).join(', ')}`);
    if (r.growing.length)
        lines.push(`Still being written while read (uploaded as a consistent snapshot): ${r.growing.map((g) => `\`${g}\``).join(', ')}`);
    if (r.skippedLinks.length)
        lines.push(`Links not followed: ${r.skippedLinks.map((l) => `\`${l.rel}\` (${l.reason})`).join(', ')}`);
    const tables = [
        {
            title: 'Upload',
            header: ['files', 'uploaded', 'skipped', 'failed', 'bytes', 'seconds', 'MB/s', 'verified'],
            rows: [
                [
                    String(r.files),
                    String(r.uploaded),
                    String(r.skipped),
                    String(r.failures.length),
                    (0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(r.bytesUploaded),
                    (r.elapsedMs / 1000).toFixed(2),
                    r.elapsedMs > 0 ? (r.bytesUploaded / 1e6 / (r.elapsedMs / 1000)).toFixed(1) : '-',
                    r.verified ? 'yes' : 'no',
                ],
            ],
        },
    ];
    return { heading: 'r2-persist-logs', lines, tables };
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


/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ }),

/***/ 4995:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ay: () => (/* binding */ pRetry)
});

// UNUSED EXPORTS: AbortError, makeRetriable

;// CONCATENATED MODULE: ./node_modules/is-network-error/index.js
const objectToString = Object.prototype.toString;

const isError = value => objectToString.call(value) === '[object Error]';

const errorMessages = new Set([
	'network error', // Chrome
	'NetworkError when attempting to fetch resource.', // Firefox
	'The Internet connection appears to be offline.', // Safari 16
	'Network request failed', // `cross-fetch`
	'fetch failed', // Undici (Node.js)
	'terminated', // Undici (Node.js)
	' A network error occurred.', // Bun (WebKit)
	'Network connection lost', // Cloudflare Workers (fetch)
]);

function isNetworkError(error) {
	const isValid = error
		&& isError(error)
		&& error.name === 'TypeError'
		&& typeof error.message === 'string';

	if (!isValid) {
		return false;
	}

	const {message, stack} = error;

	// Safari 17+ has generic message but no stack for network errors
	if (message === 'Load failed' || (message.startsWith('Load failed (') && message.endsWith(')'))) {
		return stack === undefined
			// Sentry adds its own stack trace to the fetch error, so also check for that
			|| '__sentry_captured__' in error;
	}

	// Deno network errors start with specific text
	if (message.startsWith('error sending request for url')) {
		return true;
	}

	// Chrome: exact "Failed to fetch" or with hostname: "Failed to fetch (example.com)"
	if (message === 'Failed to fetch' || (message.startsWith('Failed to fetch (') && message.endsWith(')'))) {
		return true;
	}

	// Standard network error messages
	return errorMessages.has(message);
}

;// CONCATENATED MODULE: ./node_modules/p-retry/index.js


function validateRetries(retries) {
	if (typeof retries === 'number') {
		if (retries < 0) {
			throw new TypeError('Expected `retries` to be a non-negative number.');
		}

		if (Number.isNaN(retries)) {
			throw new TypeError('Expected `retries` to be a valid number or Infinity, got NaN.');
		}
	} else if (retries !== undefined) {
		throw new TypeError('Expected `retries` to be a number or Infinity.');
	}
}

function validateNumberOption(name, value, {min = 0, allowInfinity = false} = {}) {
	if (value === undefined) {
		return;
	}

	if (typeof value !== 'number' || Number.isNaN(value)) {
		throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? ' or Infinity' : ''}.`);
	}

	if (!allowInfinity && !Number.isFinite(value)) {
		throw new TypeError(`Expected \`${name}\` to be a finite number.`);
	}

	if (value < min) {
		throw new TypeError(`Expected \`${name}\` to be \u2265 ${min}.`);
	}
}

class AbortError extends Error {
	constructor(message) {
		super();

		if (message instanceof Error) {
			this.originalError = message;
			({message} = message);
		} else {
			this.originalError = new Error(message);
			this.originalError.stack = this.stack;
		}

		this.name = 'AbortError';
		this.message = message;
	}
}

function calculateDelay(retriesConsumed, options) {
	const attempt = Math.max(1, retriesConsumed + 1);
	const random = options.randomize ? (Math.random() + 1) : 1;

	let timeout = Math.round(random * options.minTimeout * (options.factor ** (attempt - 1)));
	timeout = Math.min(timeout, options.maxTimeout);

	return timeout;
}

function calculateRemainingTime(start, max) {
	if (!Number.isFinite(max)) {
		return max;
	}

	return max - (performance.now() - start);
}

async function onAttemptFailure({error, attemptNumber, retriesConsumed, startTime, options}) {
	const normalizedError = error instanceof Error
		? error
		: new TypeError(`Non-error was thrown: "${error}". You should only throw errors.`);

	if (normalizedError instanceof AbortError) {
		throw normalizedError.originalError;
	}

	const retriesLeft = Number.isFinite(options.retries)
		? Math.max(0, options.retries - retriesConsumed)
		: options.retries;

	const maxRetryTime = options.maxRetryTime ?? Number.POSITIVE_INFINITY;

	const context = Object.freeze({
		error: normalizedError,
		attemptNumber,
		retriesLeft,
		retriesConsumed,
	});

	await options.onFailedAttempt(context);

	if (calculateRemainingTime(startTime, maxRetryTime) <= 0) {
		throw normalizedError;
	}

	const consumeRetry = await options.shouldConsumeRetry(context);

	const remainingTime = calculateRemainingTime(startTime, maxRetryTime);

	if (remainingTime <= 0 || retriesLeft <= 0) {
		throw normalizedError;
	}

	if (normalizedError instanceof TypeError && !isNetworkError(normalizedError)) {
		if (consumeRetry) {
			throw normalizedError;
		}

		options.signal?.throwIfAborted();
		return false;
	}

	if (!await options.shouldRetry(context)) {
		throw normalizedError;
	}

	if (!consumeRetry) {
		options.signal?.throwIfAborted();
		return false;
	}

	const delayTime = calculateDelay(retriesConsumed, options);
	const finalDelay = Math.min(delayTime, remainingTime);

	options.signal?.throwIfAborted();

	if (finalDelay > 0) {
		await new Promise((resolve, reject) => {
			const onAbort = () => {
				clearTimeout(timeoutToken);
				options.signal?.removeEventListener('abort', onAbort);
				reject(options.signal.reason);
			};

			const timeoutToken = setTimeout(() => {
				options.signal?.removeEventListener('abort', onAbort);
				resolve();
			}, finalDelay);

			if (options.unref) {
				timeoutToken.unref?.();
			}

			options.signal?.addEventListener('abort', onAbort, {once: true});
		});
	}

	options.signal?.throwIfAborted();

	return true;
}

async function pRetry(input, options = {}) {
	options = {...options};

	validateRetries(options.retries);

	if (Object.hasOwn(options, 'forever')) {
		throw new Error('The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.');
	}

	options.retries ??= 10;
	options.factor ??= 2;
	options.minTimeout ??= 1000;
	options.maxTimeout ??= Number.POSITIVE_INFINITY;
	options.maxRetryTime ??= Number.POSITIVE_INFINITY;
	options.randomize ??= false;
	options.onFailedAttempt ??= () => {};
	options.shouldRetry ??= () => true;
	options.shouldConsumeRetry ??= () => true;

	// Validate numeric options and normalize edge cases
	validateNumberOption('factor', options.factor, {min: 0, allowInfinity: false});
	validateNumberOption('minTimeout', options.minTimeout, {min: 0, allowInfinity: false});
	validateNumberOption('maxTimeout', options.maxTimeout, {min: 0, allowInfinity: true});
	validateNumberOption('maxRetryTime', options.maxRetryTime, {min: 0, allowInfinity: true});

	// Treat non-positive factor as 1 to avoid zero backoff or negative behavior
	if (!(options.factor > 0)) {
		options.factor = 1;
	}

	options.signal?.throwIfAborted();

	let attemptNumber = 0;
	let retriesConsumed = 0;
	const startTime = performance.now();

	while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true) {
		attemptNumber++;

		try {
			options.signal?.throwIfAborted();

			const result = await input(attemptNumber);

			options.signal?.throwIfAborted();

			return result;
		} catch (error) {
			if (await onAttemptFailure({
				error,
				attemptNumber,
				retriesConsumed,
				startTime,
				options,
			})) {
				retriesConsumed++;
			}
		}
	}

	// Should not reach here, but in case it does, throw an error
	throw new Error('Retry attempts exhausted without throwing an error.');
}

function makeRetriable(function_, options) {
	return function (...arguments_) {
		return pRetry(() => function_.apply(this, arguments_), options);
	};
}


/***/ })

};
