export const id = 741;
export const ids = [741];
export const modules = {

/***/ 2741:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  persistStep: () => (/* binding */ persistStep),
  vI: () => (/* binding */ withExperimentId)
});

// UNUSED EXPORTS: PERSIST_OUTPUTS, readPersistInputs

// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
// EXTERNAL MODULE: ./lib/inputs/storage-inputs.js
var storage_inputs = __webpack_require__(2764);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./lib/storage/access-check.js
var access_check = __webpack_require__(3182);
// EXTERNAL MODULE: ./lib/storage/config.js
var config = __webpack_require__(1275);
// EXTERNAL MODULE: ./lib/storage/etag.js
var storage_etag = __webpack_require__(5496);
// EXTERNAL MODULE: ./lib/storage/list.js
var list = __webpack_require__(5121);
// EXTERNAL MODULE: ./lib/storage/s3-errors.js
var s3_errors = __webpack_require__(5931);
// EXTERNAL MODULE: ./lib/storage/s3-http.js
var s3_http = __webpack_require__(780);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./lib/storage/s3-sdk.js


/** The SDK pieces multipart uploads need, loaded on first use: hydrate and small-file persists never pay for them. */
async function loadSdk() {
    const [{ S3Client }, { Upload }, { NodeHttpHandler }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)),
        Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(711), __webpack_require__.e(358)]).then(__webpack_require__.t.bind(__webpack_require__, 2358, 19)),
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

;// CONCATENATED MODULE: ./lib/storage/upload-walk.js


function inside(root, p) {
    return p === root || p.startsWith(root + external_node_path_.sep);
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
        root = external_node_fs_.realpathSync(dir);
        if (!external_node_fs_.statSync(root).isDirectory())
            return tree;
    }
    catch {
        return tree;
    }
    tree.exists = true;
    const visit = (abs, rel) => {
        for (const ent of external_node_fs_.readdirSync(abs, { withFileTypes: true })) {
            const childAbs = external_node_path_.join(abs, ent.name);
            const childRel = rel ? `${rel}/${ent.name}` : ent.name;
            if (ent.isDirectory())
                visit(childAbs, childRel);
            else if (ent.isFile())
                tree.files.push({ rel: childRel, abs: childAbs, size: external_node_fs_.lstatSync(childAbs).size, viaLink: false });
            else if (ent.isSymbolicLink()) {
                let target;
                try {
                    target = external_node_fs_.realpathSync(childAbs);
                }
                catch {
                    tree.skippedLinks.push({ rel: childRel, reason: 'dangling link' });
                    continue;
                }
                if (!inside(root, target))
                    tree.skippedLinks.push({ rel: childRel, reason: 'points outside the log folder' });
                else if (!external_node_fs_.statSync(target).isFile())
                    tree.skippedLinks.push({ rel: childRel, reason: 'linked folders are not followed' });
                else
                    tree.files.push({ rel: childRel, abs: target, size: external_node_fs_.statSync(target).size, viaLink: true });
            }
        }
    };
    visit(root, '');
    tree.files.sort((a, b) => b.size - a.size);
    return tree;
}

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
    const parts = new storage_etag/* PartsHasher */.Qw(partSize);
    if ((await (0,storage_etag/* hashPath */.Gv)(file, size, whole, parts)) < size)
        throw new Error(`${file} shrank while being read`);
    return { md5: whole.digest('hex'), composite: parts.digest() };
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
        const partSize = (0,storage_etag/* partSizeFor */.oV)(size);
        const { md5, composite } = await hashPrefix(f.abs, size, partSize);
        const etags = size > partSize ? [composite, md5] : [md5];
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
    const uri = (0,config/* storeUri */.mg)(cfg.store, cfg.targetPrefix);
    const tree = walkUpload(cfg.logDir);
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

// EXTERNAL MODULE: ./lib/storage/report.js
var report = __webpack_require__(4983);
;// CONCATENATED MODULE: ./lib/actions/r2-persist-logs/step.js




const PERSIST_OUTPUTS = (/* unused pure expression or super */ null && (['experiment-id', 'uri', 'files-uploaded', 'files-skipped', 'bytes-uploaded', 'verified']));
function readPersistInputs(env, mask) {
    const r = new reader/* InputReader */.i_(env);
    return { r, cfg: (0,storage_inputs/* readPersistConfig */.X7)(r, env, mask) };
}
/** Pins the experiment id (e.g. the one main generated) for a later step such as post. */
function withExperimentId(env, id) {
    return { ...env, [(0,reader/* inputVar */.So)('experiment-id')]: id };
}
/** r2-persist-logs: inputs → upload and confirm → outputs and summary. Throws if anything is missing. */
async function persistStep(rt, env) {
    const { r, cfg } = readPersistInputs(env, (s) => rt.mask(s));
    r.finish();
    rt.log.info(`Persisting ${cfg.logDir} to s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
    // The id and uri first: a later step needs them even if the upload fails.
    rt.setOutput('experiment-id', cfg.experimentId);
    rt.setOutput('uri', `s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
    const result = await persistLogs(cfg, rt.log, rt.progress('persist-logs'));
    rt.setOutput('files-uploaded', result.uploaded);
    rt.setOutput('files-skipped', result.skipped);
    rt.setOutput('bytes-uploaded', result.bytesUploaded);
    rt.setOutput('verified', result.verified);
    await rt.writeSummary((0,report/* persistSummary */.f)(result));
    if (result.failures.length) {
        throw new Error(`${result.failures.length} log files could not be uploaded: ${result.failures.slice(0, 10).map((f) => `${f.rel}: ${f.message}`).join('; ')}`);
    }
    if (!result.noFiles && !result.verified) {
        throw new Error(`Upload not confirmed: missing or different in ${result.uri}: ${result.missing.slice(0, 20).join(', ')}`);
    }
    return result;
}


/***/ })

};
