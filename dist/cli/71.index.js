export const id = 71;
export const ids = [71];
export const modules = {

/***/ 9071:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hydrateStep: () => (/* binding */ hydrateStep)
});

// UNUSED EXPORTS: HYDRATE_OUTPUTS, readHydrateInputs

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
// EXTERNAL MODULE: ./lib/inputs/storage-inputs.js + 1 modules
var storage_inputs = __webpack_require__(9447);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./lib/runtime/format.js
var format = __webpack_require__(2625);
// EXTERNAL MODULE: ./lib/s3/access-check.js
var access_check = __webpack_require__(651);
// EXTERNAL MODULE: ./lib/storage/config.js
var config = __webpack_require__(1275);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/s3/etag.js
var s3_etag = __webpack_require__(973);
;// CONCATENATED MODULE: ./lib/storage/md5-lanes.js
/**
 * A hash worker's main loop. MD5 is a chain: one stream cannot go faster than one core's scalar
 * speed (OpenSSL: ~0.64 GB/s here). But files, and the parts of a multipart object, are independent
 * streams: up to 8 of them run together in the 128-bit SIMD lanes of `md5x8` (two interleaved
 * groups of four, from MD5_LANES_WASM), measured at 2.1 GB/s on one core, 3.3x OpenSSL; four at
 * once run `md5x4` (1.4 GB/s). A stream alone from its start waits 2 ms for company, then is hashed
 * by OpenSSL, which is faster than one lane; a stream left alone mid-way finishes in `md5x1` (0.46 GB/s). Work goes in steps of
 * at most 256 KiB per lane so that jobs arriving meanwhile join the lanes.
 *
 * A range still being written (a part of a ranged download) is hashed as its bytes land: the job
 * says how much is written and LaneProgress messages say more. A stream that has hashed all that is
 * written leaves its lane (its state kept) to one that has bytes, and comes back when told of more.
 * Hashing after the last byte instead left the worker idle while 32 parts downloaded side by side,
 * then 256 MiB to hash while the rest of the run waited (traced: ~150 ms of a 1.4 s run).
 *
 * Self-contained: its source text is the worker's code (no imports, no outside names).
 */
function md5LanesWorker(wasmBase64, fs, crypto, port) {
    const LANES = 8;
    const LONE_WAIT_MS = 2;
    const ALONE_STEP = 1024 * 1024;
    const CHUNK = 256 * 1024;
    const ST = 0; // lane states: group g at ST + 64 g, words a, b, c, d of its four lanes
    const ST1 = 256; // one stream's state, for md5x1
    const TAIL = 512; // a stream's last bytes and padding: up to two blocks
    const DUMMY = 4096; // idle lanes read here (their results are never used)
    const region = (j) => DUMMY + CHUNK * (1 + j);
    const INIT = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    const exports = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(wasmBase64, 'base64'))).exports;
    const mem = new Uint8Array(exports.memory.buffer);
    const view = new DataView(exports.memory.buffer);
    const waiting = [];
    const lanes = new Array(LANES).fill(undefined);
    let scheduled = false;
    const schedule = () => {
        if (scheduled)
            return;
        scheduled = true;
        setImmediate(step);
    };
    const close = (job) => {
        jobs.delete(job.id);
        if (job.fd >= 0)
            fs.closeSync(job.fd);
        job.fd = -1;
    };
    const fail = (job, e) => {
        if (job.failed)
            return;
        job.failed = true;
        try {
            close(job);
        }
        catch {
            // closed already
        }
        port.postMessage({ id: job.id, error: String(e?.message ?? e) });
    };
    const done = (s, digest, bytes) => {
        const job = s.job;
        if (job.failed)
            return;
        job.bytes += bytes;
        if (s.part < 0)
            job.md5 = digest.toString('hex');
        else
            job.parts[s.part] = digest;
        if (--job.streams > 0)
            return;
        close(job);
        port.postMessage({ id: job.id, bytes: job.bytes, md5: job.md5, parts: job.parts.map((p) => p.toString('base64')) });
    };
    const jobs = new Map();
    port.on('message', (msg) => {
        if (!('file' in msg)) {
            const job = jobs.get(msg.id);
            if (!job || job.failed)
                return;
            if (msg.cancel) {
                // Called off (the range is fetched again): nothing is answered.
                job.failed = true;
                close(job);
                return;
            }
            for (const s of job.all)
                s.written = Math.min(s.end, job.start + (msg.written ?? Infinity));
            schedule();
            return;
        }
        const m = msg;
        let fd;
        try {
            fd = fs.openSync(m.file, 'r');
        }
        catch (e) {
            port.postMessage({ id: m.id, error: String(e?.message ?? e) });
            return;
        }
        const job = { id: m.id, fd, start: m.start, all: [], streams: 0, bytes: 0, md5: '', parts: [], failed: false };
        jobs.set(job.id, job);
        const written = m.start + (m.written ?? m.length);
        const add = (part, from, to) => {
            job.streams++;
            const s = { job, part, pos: m.start + from, end: m.start + to, written: Math.min(m.start + to, written), saved: undefined, loaded: 0, used: 0, hashed: 0, waited: false };
            job.all.push(s);
            waiting.push(s);
        };
        if (m.partSize) {
            let k = 0;
            for (let off = 0; off < m.length || k === 0; off += m.partSize)
                add(k++, off, Math.min(m.length, off + m.partSize));
        }
        else
            add(-1, 0, m.length);
        schedule();
    });
    /** Reads until `want` bytes are in or the file ends: returns how many. */
    const readFull = (fd, into, at, want, pos) => {
        let got = 0;
        while (got < want) {
            const n = fs.readSync(fd, into, at + got, want - got, pos + got);
            if (n === 0)
                break;
            got += n;
        }
        return got;
    };
    /**
     * A stream alone from its start, hashed by OpenSSL ALONE_STEP bytes per step: what arrives
     * meanwhile (jobs, progress, small-file writes served by this thread) waits ~2 ms at most.
     */
    let alone;
    let aloneBuf;
    const stepAlone = () => {
        const a = alone;
        const s = a.s;
        try {
            aloneBuf ??= Buffer.allocUnsafe(ALONE_STEP);
            if (!s.job.failed && s.pos < s.end) {
                const n = readFull(s.job.fd, aloneBuf, 0, Math.min(ALONE_STEP, s.end - s.pos), s.pos);
                if (n === 0)
                    s.end = s.pos; // the file is shorter: the stream ends here
                a.h.update(aloneBuf.subarray(0, n));
                s.pos += n;
                a.bytes += n;
            }
            if (s.job.failed)
                alone = undefined;
            else if (s.pos >= s.end) {
                alone = undefined;
                done(s, a.h.digest(), a.bytes);
            }
        }
        catch (e) {
            alone = undefined;
            fail(s.job, e);
        }
    };
    const word = (j, r) => ST + (j >> 2) * 64 + r * 16 + (j & 3) * 4;
    /** Lane `j`'s state to the single-stream state md5x1 works on, and back. */
    const toSingle = (j) => {
        for (let r = 0; r < 4; r++)
            view.setUint32(ST1 + r * 4, view.getUint32(word(j, r), true), true);
    };
    const fromSingle = (j) => {
        for (let r = 0; r < 4; r++)
            view.setUint32(word(j, r), view.getUint32(ST1 + r * 4, true), true);
    };
    /** The stream in lane `j` has no whole block left and no more bytes: its last bytes, the padding, the digest. */
    const finish = (j) => {
        const s = lanes[j];
        lanes[j] = undefined;
        const rest = s.loaded - s.used;
        const total = s.hashed + rest;
        const blocks = rest < 56 ? 1 : 2;
        mem.fill(0, TAIL, TAIL + 128);
        mem.copyWithin(TAIL, region(j) + s.used, region(j) + s.loaded);
        mem[TAIL + rest] = 0x80;
        view.setUint32(TAIL + blocks * 64 - 8, (total * 8) >>> 0, true);
        view.setUint32(TAIL + blocks * 64 - 4, Math.floor(total / 0x20000000), true);
        toSingle(j);
        exports.md5x1(ST1, TAIL, blocks);
        done(s, Buffer.from(mem.subarray(ST1, ST1 + 16)), total);
    };
    /** Bytes the stream may read now: whole blocks of what is written, or the rest once all of it is. */
    const readable = (s) => {
        const n = Math.min(CHUNK, s.written - s.pos);
        return s.written >= s.end ? n : n - (n % 64);
    };
    /** A stream out of a lane has work: written bytes to hash, or only its end left. */
    const ready = (s) => s.written >= s.end || s.written - s.pos >= 64;
    function step() {
        scheduled = false;
        if (alone)
            stepAlone();
        // Streams of a failed job are dropped. A stream that has hashed all that is written leaves its
        // lane, its state kept; free lanes take ready streams, oldest first, lowest lane first (group 0 fills first).
        for (let j = 0; j < LANES; j++) {
            const s = lanes[j];
            if (s?.job.failed)
                lanes[j] = undefined;
            else if (s && s.used === s.loaded && !ready(s)) {
                s.saved = [0, 1, 2, 3].map((r) => view.getUint32(word(j, r), true));
                lanes[j] = undefined;
                waiting.push(s);
            }
        }
        if (waiting.some((s) => s.job.failed))
            waiting.splice(0, waiting.length, ...waiting.filter((s) => !s.job.failed));
        for (let j = 0, k = 0; j < LANES && k < waiting.length; j++) {
            if (lanes[j])
                continue;
            while (k < waiting.length && !ready(waiting[k]))
                k++;
            if (k === waiting.length)
                break;
            const s = waiting.splice(k, 1)[0];
            lanes[j] = s;
            for (let r = 0; r < 4; r++)
                view.setUint32(word(j, r), s.saved?.[r] ?? INIT[r], true);
            s.saved = undefined;
        }
        let active = lanes.reduce((n, s) => n + (s ? 1 : 0), 0);
        if (active === 0) {
            if (alone)
                schedule();
            return;
        }
        if (active === 1 && !alone && !waiting.some(ready)) {
            const j = lanes.findIndex((s) => s);
            const s = lanes[j];
            if (s.hashed === 0 && s.loaded === 0 && s.written >= s.end) {
                if (!s.waited) {
                    // Files finish downloading a few ms apart: a short wait often brings a second stream to
                    // share the lanes with, cheaper than OpenSSL alone (client CPU -4 to -5 %, wall -1 to -3 %,
                    // medians of 10-12 alternating rounds, twice; 5 ms was worse).
                    s.waited = true;
                    scheduled = true;
                    setTimeout(step, LONE_WAIT_MS);
                    return;
                }
                lanes[j] = undefined;
                alone = { s, h: crypto.createHash('md5'), bytes: 0 };
                schedule();
                return;
            }
        }
        // Each lane with no whole block left reads its next piece; one with nothing left to read is finished.
        for (let j = 0; j < LANES; j++) {
            const s = lanes[j];
            if (s?.job.failed)
                lanes[j] = undefined;
            if (!s || s.job.failed || s.loaded - s.used >= 64)
                continue;
            if (s.pos < s.end && s.used === s.loaded) {
                try {
                    const want = readable(s);
                    const n = readFull(s.job.fd, mem, region(j), want, s.pos);
                    s.loaded = n;
                    s.used = 0;
                    s.pos += n;
                    if (n < want)
                        s.end = s.pos; // the file is shorter: the stream ends here
                }
                catch (e) {
                    fail(s.job, e);
                    lanes[j] = undefined;
                    continue;
                }
            }
            if (s.loaded - s.used < 64 && s.pos >= s.end)
                finish(j);
        }
        active = 0;
        let blocks = Infinity;
        let low = false;
        let high = false;
        for (let j = 0; j < LANES; j++) {
            const s = lanes[j];
            if (!s)
                continue;
            active++;
            blocks = Math.min(blocks, Math.floor((s.loaded - s.used) / 64));
            if (j < 4)
                low = true;
            else
                high = true;
        }
        if (active > 0 && blocks > 0) {
            const at = (j) => (lanes[j] ? region(j) + lanes[j].used : DUMMY);
            if (active === 1) {
                const j = lanes.findIndex((s) => s);
                toSingle(j);
                exports.md5x1(ST1, at(j), blocks);
                fromSingle(j);
            }
            else if (!high)
                exports.md5x4(ST, at(0), at(1), at(2), at(3), blocks);
            else if (!low)
                exports.md5x4(ST + 64, at(4), at(5), at(6), at(7), blocks);
            else
                exports.md5x8(ST, at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7), blocks);
            for (const s of lanes) {
                if (!s)
                    continue;
                s.used += blocks * 64;
                s.hashed += blocks * 64;
            }
        }
        // Streams waiting for bytes to be written are woken by the progress message that brings them.
        if (active > 0 || alone || waiting.some(ready))
            schedule();
    }
}

;// CONCATENATED MODULE: ./lib/storage/md5-lanes-wasm.js
// Generated by scripts/gen-md5-lanes.mjs: do not edit.
/** MD5 block functions (md5x8, md5x4, md5x1) in WebAssembly with 128-bit SIMD, base64. */
const MD5_LANES_WASM = 'AGFzbQEAAAABHQNgBn9/f39/fwBgCn9/f39/f39/f38AYAN/f38AAwQDAAECBQQBAUBAByIEBm1lbW9yeQIABW1kNXg0AAAFbWQ1' +
    'eDgAAQVtZDV4MQACCqqNAQOMKQE5eyAA/QAEACEGIAD9AAQQIQcgAP0ABCAhCCAA/QAEMCEJAkADQCAFRQ0BIAH9AAQAIR8gAv0A' +
    'BAAhICAD/QAEACEhIAT9AAQAISIgAf0ABBAhIyAC/QAEECEkIAP9AAQQISUgBP0ABBAhJiAB/QAEICEnIAL9AAQgISggA/0ABCAh' +
    'KSAE/QAEICEqIAH9AAQwISsgAv0ABDAhLCAD/QAEMCEtIAT9AAQwIS4gHyAg/Q0AAQIDEBESEwQFBgcUFRYXIS8gISAi/Q0AAQID' +
    'EBESEwQFBgcUFRYXITAgHyAg/Q0ICQoLGBkaGwwNDg8cHR4fITEgISAi/Q0ICQoLGBkaGwwNDg8cHR4fITIgLyAw/Q0AAQIDBAUG' +
    'BxAREhMUFRYXIQ8gLyAw/Q0ICQoLDA0ODxgZGhscHR4fIRAgMSAy/Q0AAQIDBAUGBxAREhMUFRYXIREgMSAy/Q0ICQoLDA0ODxgZ' +
    'GhscHR4fIRIgIyAk/Q0AAQIDEBESEwQFBgcUFRYXITMgJSAm/Q0AAQIDEBESEwQFBgcUFRYXITQgIyAk/Q0ICQoLGBkaGwwNDg8c' +
    'HR4fITUgJSAm/Q0ICQoLGBkaGwwNDg8cHR4fITYgMyA0/Q0AAQIDBAUGBxAREhMUFRYXIRMgMyA0/Q0ICQoLDA0ODxgZGhscHR4f' +
    'IRQgNSA2/Q0AAQIDBAUGBxAREhMUFRYXIRUgNSA2/Q0ICQoLDA0ODxgZGhscHR4fIRYgJyAo/Q0AAQIDEBESEwQFBgcUFRYXITcg' +
    'KSAq/Q0AAQIDEBESEwQFBgcUFRYXITggJyAo/Q0ICQoLGBkaGwwNDg8cHR4fITkgKSAq/Q0ICQoLGBkaGwwNDg8cHR4fITogNyA4' +
    '/Q0AAQIDBAUGBxAREhMUFRYXIRcgNyA4/Q0ICQoLDA0ODxgZGhscHR4fIRggOSA6/Q0AAQIDBAUGBxAREhMUFRYXIRkgOSA6/Q0I' +
    'CQoLDA0ODxgZGhscHR4fIRogKyAs/Q0AAQIDEBESEwQFBgcUFRYXITsgLSAu/Q0AAQIDEBESEwQFBgcUFRYXITwgKyAs/Q0ICQoL' +
    'GBkaGwwNDg8cHR4fIT0gLSAu/Q0ICQoLGBkaGwwNDg8cHR4fIT4gOyA8/Q0AAQIDBAUGBxAREhMUFRYXIRsgOyA8/Q0ICQoLDA0O' +
    'DxgZGhscHR4fIRwgPSA+/Q0AAQIDBAUGBxAREhMUFRYXIR0gPSA+/Q0ICQoLDA0ODxgZGhscHR4fIR4gBiEKIAchCyAIIQwgCSEN' +
    'IAYgCCAJIAf9Uv2uAf0MeKRq13ikatd4pGrXeKRq1yAP/a4B/a4BIQ4gByAOQQf9qwEgDkEZ/a0B/VD9rgEhBiAJIAcgCCAG/VL9' +
    'rgH9DFa3x+hWt8foVrfH6Fa3x+ggEP2uAf2uASEOIAYgDkEM/asBIA5BFP2tAf1Q/a4BIQkgCCAGIAcgCf1S/a4B/QzbcCAk23Ag' +
    'JNtwICTbcCAkIBH9rgH9rgEhDiAJIA5BEf2rASAOQQ/9rQH9UP2uASEIIAcgCSAGIAj9Uv2uAf0M7s69we7OvcHuzr3B7s69wSAS' +
    '/a4B/a4BIQ4gCCAOQRb9qwEgDkEK/a0B/VD9rgEhByAGIAggCSAH/VL9rgH9DK8PfPWvD3z1rw989a8PfPUgE/2uAf2uASEOIAcg' +
    'DkEH/asBIA5BGf2tAf1Q/a4BIQYgCSAHIAggBv1S/a4B/QwqxodHKsaHRyrGh0cqxodHIBT9rgH9rgEhDiAGIA5BDP2rASAOQRT9' +
    'rQH9UP2uASEJIAggBiAHIAn9Uv2uAf0ME0YwqBNGMKgTRjCoE0YwqCAV/a4B/a4BIQ4gCSAOQRH9qwEgDkEP/a0B/VD9rgEhCCAH' +
    'IAkgBiAI/VL9rgH9DAGVRv0BlUb9AZVG/QGVRv0gFv2uAf2uASEOIAggDkEW/asBIA5BCv2tAf1Q/a4BIQcgBiAIIAkgB/1S/a4B' +
    '/QzYmIBp2JiAadiYgGnYmIBpIBf9rgH9rgEhDiAHIA5BB/2rASAOQRn9rQH9UP2uASEGIAkgByAIIAb9Uv2uAf0Mr/dEi6/3RIuv' +
    '90SLr/dEiyAY/a4B/a4BIQ4gBiAOQQz9qwEgDkEU/a0B/VD9rgEhCSAIIAYgByAJ/VL9rgH9DLFb//+xW///sVv//7Fb//8gGf2u' +
    'Af2uASEOIAkgDkER/asBIA5BD/2tAf1Q/a4BIQggByAJIAYgCP1S/a4B/Qy+11yJvtdcib7XXIm+11yJIBr9rgH9rgEhDiAIIA5B' +
    'Fv2rASAOQQr9rQH9UP2uASEHIAYgCCAJIAf9Uv2uAf0MIhGQayIRkGsiEZBrIhGQayAb/a4B/a4BIQ4gByAOQQf9qwEgDkEZ/a0B' +
    '/VD9rgEhBiAJIAcgCCAG/VL9rgH9DJNxmP2TcZj9k3GY/ZNxmP0gHP2uAf2uASEOIAYgDkEM/asBIA5BFP2tAf1Q/a4BIQkgCCAG' +
    'IAcgCf1S/a4B/QyOQ3mmjkN5po5DeaaOQ3mmIB39rgH9rgEhDiAJIA5BEf2rASAOQQ/9rQH9UP2uASEIIAcgCSAGIAj9Uv2uAf0M' +
    'IQi0SSEItEkhCLRJIQi0SSAe/a4B/a4BIQ4gCCAOQRb9qwEgDkEK/a0B/VD9rgEhByAGIAcgCCAJ/VL9rgH9DGIlHvZiJR72YiUe' +
    '9mIlHvYgEP2uAf2uASEOIAcgDkEF/asBIA5BG/2tAf1Q/a4BIQYgCSAGIAcgCP1S/a4B/QxAs0DAQLNAwECzQMBAs0DAIBX9rgH9' +
    'rgEhDiAGIA5BCf2rASAOQRf9rQH9UP2uASEJIAggCSAGIAf9Uv2uAf0MUVpeJlFaXiZRWl4mUVpeJiAa/a4B/a4BIQ4gCSAOQQ79' +
    'qwEgDkES/a0B/VD9rgEhCCAHIAggCSAG/VL9rgH9DKrHtumqx7bpqse26arHtukgD/2uAf2uASEOIAggDkEU/asBIA5BDP2tAf1Q' +
    '/a4BIQcgBiAHIAggCf1S/a4B/QxdEC/WXRAv1l0QL9ZdEC/WIBT9rgH9rgEhDiAHIA5BBf2rASAOQRv9rQH9UP2uASEGIAkgBiAH' +
    'IAj9Uv2uAf0MUxREAlMURAJTFEQCUxREAiAZ/a4B/a4BIQ4gBiAOQQn9qwEgDkEX/a0B/VD9rgEhCSAIIAkgBiAH/VL9rgH9DIHm' +
    'odiB5qHYgeah2IHmodggHv2uAf2uASEOIAkgDkEO/asBIA5BEv2tAf1Q/a4BIQggByAIIAkgBv1S/a4B/QzI+9PnyPvT58j70+fI' +
    '+9PnIBP9rgH9rgEhDiAIIA5BFP2rASAOQQz9rQH9UP2uASEHIAYgByAIIAn9Uv2uAf0M5s3hIebN4SHmzeEh5s3hISAY/a4B/a4B' +
    'IQ4gByAOQQX9qwEgDkEb/a0B/VD9rgEhBiAJIAYgByAI/VL9rgH9DNYHN8PWBzfD1gc3w9YHN8MgHf2uAf2uASEOIAYgDkEJ/asB' +
    'IA5BF/2tAf1Q/a4BIQkgCCAJIAYgB/1S/a4B/QyHDdX0hw3V9IcN1fSHDdX0IBL9rgH9rgEhDiAJIA5BDv2rASAOQRL9rQH9UP2u' +
    'ASEIIAcgCCAJIAb9Uv2uAf0M7RRaRe0UWkXtFFpF7RRaRSAX/a4B/a4BIQ4gCCAOQRT9qwEgDkEM/a0B/VD9rgEhByAGIAcgCCAJ' +
    '/VL9rgH9DAXp46kF6eOpBenjqQXp46kgHP2uAf2uASEOIAcgDkEF/asBIA5BG/2tAf1Q/a4BIQYgCSAGIAcgCP1S/a4B/Qz4o+/8' +
    '+KPv/Pij7/z4o+/8IBH9rgH9rgEhDiAGIA5BCf2rASAOQRf9rQH9UP2uASEJIAggCSAGIAf9Uv2uAf0M2QJvZ9kCb2fZAm9n2QJv' +
    'ZyAW/a4B/a4BIQ4gCSAOQQ79qwEgDkES/a0B/VD9rgEhCCAHIAggCSAG/VL9rgH9DIpMKo2KTCqNikwqjYpMKo0gG/2uAf2uASEO' +
    'IAggDkEU/asBIA5BDP2tAf1Q/a4BIQcgBiAHIAj9USAJ/VH9rgH9DEI5+v9COfr/Qjn6/0I5+v8gFP2uAf2uASEOIAcgDkEE/asB' +
    'IA5BHP2tAf1Q/a4BIQYgCSAGIAf9USAI/VH9rgH9DIH2cYeB9nGHgfZxh4H2cYcgF/2uAf2uASEOIAYgDkEL/asBIA5BFf2tAf1Q' +
    '/a4BIQkgCCAJIAb9USAH/VH9rgH9DCJhnW0iYZ1tImGdbSJhnW0gGv2uAf2uASEOIAkgDkEQ/asBIA5BEP2tAf1Q/a4BIQggByAI' +
    'IAn9USAG/VH9rgH9DAw45f0MOOX9DDjl/Qw45f0gHf2uAf2uASEOIAggDkEX/asBIA5BCf2tAf1Q/a4BIQcgBiAHIAj9USAJ/VH9' +
    'rgH9DETqvqRE6r6kROq+pETqvqQgEP2uAf2uASEOIAcgDkEE/asBIA5BHP2tAf1Q/a4BIQYgCSAGIAf9USAI/VH9rgH9DKnP3kup' +
    'z95Lqc/eS6nP3ksgE/2uAf2uASEOIAYgDkEL/asBIA5BFf2tAf1Q/a4BIQkgCCAJIAb9USAH/VH9rgH9DGBLu/ZgS7v2YEu79mBL' +
    'u/YgFv2uAf2uASEOIAkgDkEQ/asBIA5BEP2tAf1Q/a4BIQggByAIIAn9USAG/VH9rgH9DHC8v75wvL++cLy/vnC8v74gGf2uAf2u' +
    'ASEOIAggDkEX/asBIA5BCf2tAf1Q/a4BIQcgBiAHIAj9USAJ/VH9rgH9DMZ+myjGfpsoxn6bKMZ+myggHP2uAf2uASEOIAcgDkEE' +
    '/asBIA5BHP2tAf1Q/a4BIQYgCSAGIAf9USAI/VH9rgH9DPonoer6J6Hq+ieh6vonoeogD/2uAf2uASEOIAYgDkEL/asBIA5BFf2t' +
    'Af1Q/a4BIQkgCCAJIAb9USAH/VH9rgH9DIUw79SFMO/UhTDv1IUw79QgEv2uAf2uASEOIAkgDkEQ/asBIA5BEP2tAf1Q/a4BIQgg' +
    'ByAIIAn9USAG/VH9rgH9DAUdiAQFHYgEBR2IBAUdiAQgFf2uAf2uASEOIAggDkEX/asBIA5BCf2tAf1Q/a4BIQcgBiAHIAj9USAJ' +
    '/VH9rgH9DDnQ1Nk50NTZOdDU2TnQ1NkgGP2uAf2uASEOIAcgDkEE/asBIA5BHP2tAf1Q/a4BIQYgCSAGIAf9USAI/VH9rgH9DOWZ' +
    '2+blmdvm5Znb5uWZ2+YgG/2uAf2uASEOIAYgDkEL/asBIA5BFf2tAf1Q/a4BIQkgCCAJIAb9USAH/VH9rgH9DPh8oh/4fKIf+Hyi' +
    'H/h8oh8gHv2uAf2uASEOIAkgDkEQ/asBIA5BEP2tAf1Q/a4BIQggByAIIAn9USAG/VH9rgH9DGVWrMRlVqzEZVasxGVWrMQgEf2u' +
    'Af2uASEOIAggDkEX/asBIA5BCf2tAf1Q/a4BIQcgBiAIIAcgCf1N/VD9Uf2uAf0MRCIp9EQiKfREIin0RCIp9CAP/a4B/a4BIQ4g' +
    'ByAOQQb9qwEgDkEa/a0B/VD9rgEhBiAJIAcgBiAI/U39UP1R/a4B/QyX/ypDl/8qQ5f/KkOX/ypDIBb9rgH9rgEhDiAGIA5BCv2r' +
    'ASAOQRb9rQH9UP2uASEJIAggBiAJIAf9Tf1Q/VH9rgH9DKcjlKunI5SrpyOUq6cjlKsgHf2uAf2uASEOIAkgDkEP/asBIA5BEf2t' +
    'Af1Q/a4BIQggByAJIAggBv1N/VD9Uf2uAf0MOaCT/Dmgk/w5oJP8OaCT/CAU/a4B/a4BIQ4gCCAOQRX9qwEgDkEL/a0B/VD9rgEh' +
    'ByAGIAggByAJ/U39UP1R/a4B/QzDWVtlw1lbZcNZW2XDWVtlIBv9rgH9rgEhDiAHIA5BBv2rASAOQRr9rQH9UP2uASEGIAkgByAG' +
    'IAj9Tf1Q/VH9rgH9DJLMDI+SzAyPkswMj5LMDI8gEv2uAf2uASEOIAYgDkEK/asBIA5BFv2tAf1Q/a4BIQkgCCAGIAkgB/1N/VD9' +
    'Uf2uAf0MffTv/3307/999O//ffTv/yAZ/a4B/a4BIQ4gCSAOQQ/9qwEgDkER/a0B/VD9rgEhCCAHIAkgCCAG/U39UP1R/a4B/QzR' +
    'XYSF0V2EhdFdhIXRXYSFIBD9rgH9rgEhDiAIIA5BFf2rASAOQQv9rQH9UP2uASEHIAYgCCAHIAn9Tf1Q/VH9rgH9DE9+qG9Pfqhv' +
    'T36ob09+qG8gF/2uAf2uASEOIAcgDkEG/asBIA5BGv2tAf1Q/a4BIQYgCSAHIAYgCP1N/VD9Uf2uAf0M4OYs/uDmLP7g5iz+4OYs' +
    '/iAe/a4B/a4BIQ4gBiAOQQr9qwEgDkEW/a0B/VD9rgEhCSAIIAYgCSAH/U39UP1R/a4B/QwUQwGjFEMBoxRDAaMUQwGjIBX9rgH9' +
    'rgEhDiAJIA5BD/2rASAOQRH9rQH9UP2uASEIIAcgCSAIIAb9Tf1Q/VH9rgH9DKERCE6hEQhOoREITqERCE4gHP2uAf2uASEOIAgg' +
    'DkEV/asBIA5BC/2tAf1Q/a4BIQcgBiAIIAcgCf1N/VD9Uf2uAf0Mgn5T94J+U/eCflP3gn5T9yAT/a4B/a4BIQ4gByAOQQb9qwEg' +
    'DkEa/a0B/VD9rgEhBiAJIAcgBiAI/U39UP1R/a4B/Qw18jq9NfI6vTXyOr018jq9IBr9rgH9rgEhDiAGIA5BCv2rASAOQRb9rQH9' +
    'UP2uASEJIAggBiAJIAf9Tf1Q/VH9rgH9DLvS1yq70tcqu9LXKrvS1yogEf2uAf2uASEOIAkgDkEP/asBIA5BEf2tAf1Q/a4BIQgg' +
    'ByAJIAggBv1N/VD9Uf2uAf0MkdOG65HThuuR04brkdOG6yAY/a4B/a4BIQ4gCCAOQRX9qwEgDkEL/a0B/VD9rgEhByAGIAr9rgEh' +
    'BiAHIAv9rgEhByAIIAz9rgEhCCAJIA39rgEhCSABQcAAaiEBIAJBwABqIQIgA0HAAGohAyAEQcAAaiEEIAVBAWshBQwACwsgACAG' +
    '/QsEACAAIAf9CwQQIAAgCP0LBCAgACAJ/QsEMAuAUgFyeyAA/QAEACEKIAD9AAQQIQsgAP0ABCAhDCAA/QAEMCENIAD9AARAIUMg' +
    'AP0ABFAhRCAA/QAEYCFFIAD9AARwIUYCQANAIAlFDQEgAf0ABAAhIyAC/QAEACEkIAP9AAQAISUgBP0ABAAhJiAB/QAEECEnIAL9' +
    'AAQQISggA/0ABBAhKSAE/QAEECEqIAH9AAQgISsgAv0ABCAhLCAD/QAEICEtIAT9AAQgIS4gAf0ABDAhLyAC/QAEMCEwIAP9AAQw' +
    'ITEgBP0ABDAhMiAjICT9DQABAgMQERITBAUGBxQVFhchMyAlICb9DQABAgMQERITBAUGBxQVFhchNCAjICT9DQgJCgsYGRobDA0O' +
    'DxwdHh8hNSAlICb9DQgJCgsYGRobDA0ODxwdHh8hNiAzIDT9DQABAgMEBQYHEBESExQVFhchEyAzIDT9DQgJCgsMDQ4PGBkaGxwd' +
    'Hh8hFCA1IDb9DQABAgMEBQYHEBESExQVFhchFSA1IDb9DQgJCgsMDQ4PGBkaGxwdHh8hFiAnICj9DQABAgMQERITBAUGBxQVFhch' +
    'NyApICr9DQABAgMQERITBAUGBxQVFhchOCAnICj9DQgJCgsYGRobDA0ODxwdHh8hOSApICr9DQgJCgsYGRobDA0ODxwdHh8hOiA3' +
    'IDj9DQABAgMEBQYHEBESExQVFhchFyA3IDj9DQgJCgsMDQ4PGBkaGxwdHh8hGCA5IDr9DQABAgMEBQYHEBESExQVFhchGSA5IDr9' +
    'DQgJCgsMDQ4PGBkaGxwdHh8hGiArICz9DQABAgMQERITBAUGBxQVFhchOyAtIC79DQABAgMQERITBAUGBxQVFhchPCArICz9DQgJ' +
    'CgsYGRobDA0ODxwdHh8hPSAtIC79DQgJCgsYGRobDA0ODxwdHh8hPiA7IDz9DQABAgMEBQYHEBESExQVFhchGyA7IDz9DQgJCgsM' +
    'DQ4PGBkaGxwdHh8hHCA9ID79DQABAgMEBQYHEBESExQVFhchHSA9ID79DQgJCgsMDQ4PGBkaGxwdHh8hHiAvIDD9DQABAgMQERIT' +
    'BAUGBxQVFhchPyAxIDL9DQABAgMQERITBAUGBxQVFhchQCAvIDD9DQgJCgsYGRobDA0ODxwdHh8hQSAxIDL9DQgJCgsYGRobDA0O' +
    'DxwdHh8hQiA/IED9DQABAgMEBQYHEBESExQVFhchHyA/IED9DQgJCgsMDQ4PGBkaGxwdHh8hICBBIEL9DQABAgMEBQYHEBESExQV' +
    'FhchISBBIEL9DQgJCgsMDQ4PGBkaGxwdHh8hIiAKIQ4gCyEPIAwhECANIREgBf0ABAAhXCAG/QAEACFdIAf9AAQAIV4gCP0ABAAh' +
    'XyAF/QAEECFgIAb9AAQQIWEgB/0ABBAhYiAI/QAEECFjIAX9AAQgIWQgBv0ABCAhZSAH/QAEICFmIAj9AAQgIWcgBf0ABDAhaCAG' +
    '/QAEMCFpIAf9AAQwIWogCP0ABDAhayBcIF39DQABAgMQERITBAUGBxQVFhchbCBeIF/9DQABAgMQERITBAUGBxQVFhchbSBcIF39' +
    'DQgJCgsYGRobDA0ODxwdHh8hbiBeIF/9DQgJCgsYGRobDA0ODxwdHh8hbyBsIG39DQABAgMEBQYHEBESExQVFhchTCBsIG39DQgJ' +
    'CgsMDQ4PGBkaGxwdHh8hTSBuIG/9DQABAgMEBQYHEBESExQVFhchTiBuIG/9DQgJCgsMDQ4PGBkaGxwdHh8hTyBgIGH9DQABAgMQ' +
    'ERITBAUGBxQVFhchcCBiIGP9DQABAgMQERITBAUGBxQVFhchcSBgIGH9DQgJCgsYGRobDA0ODxwdHh8hciBiIGP9DQgJCgsYGRob' +
    'DA0ODxwdHh8hcyBwIHH9DQABAgMEBQYHEBESExQVFhchUCBwIHH9DQgJCgsMDQ4PGBkaGxwdHh8hUSByIHP9DQABAgMEBQYHEBES' +
    'ExQVFhchUiByIHP9DQgJCgsMDQ4PGBkaGxwdHh8hUyBkIGX9DQABAgMQERITBAUGBxQVFhchdCBmIGf9DQABAgMQERITBAUGBxQV' +
    'FhchdSBkIGX9DQgJCgsYGRobDA0ODxwdHh8hdiBmIGf9DQgJCgsYGRobDA0ODxwdHh8hdyB0IHX9DQABAgMEBQYHEBESExQVFhch' +
    'VCB0IHX9DQgJCgsMDQ4PGBkaGxwdHh8hVSB2IHf9DQABAgMEBQYHEBESExQVFhchViB2IHf9DQgJCgsMDQ4PGBkaGxwdHh8hVyBo' +
    'IGn9DQABAgMQERITBAUGBxQVFhcheCBqIGv9DQABAgMQERITBAUGBxQVFhcheSBoIGn9DQgJCgsYGRobDA0ODxwdHh8heiBqIGv9' +
    'DQgJCgsYGRobDA0ODxwdHh8heyB4IHn9DQABAgMEBQYHEBESExQVFhchWCB4IHn9DQgJCgsMDQ4PGBkaGxwdHh8hWSB6IHv9DQAB' +
    'AgMEBQYHEBESExQVFhchWiB6IHv9DQgJCgsMDQ4PGBkaGxwdHh8hWyBDIUcgRCFIIEUhSSBGIUogCiAMIA0gC/1S/a4B/Qx4pGrX' +
    'eKRq13ikatd4pGrXIBP9rgH9rgEhEiALIBJBB/2rASASQRn9rQH9UP2uASEKIEMgRSBGIET9Uv2uAf0MeKRq13ikatd4pGrXeKRq' +
    '1yBM/a4B/a4BIUsgRCBLQQf9qwEgS0EZ/a0B/VD9rgEhQyANIAsgDCAK/VL9rgH9DFa3x+hWt8foVrfH6Fa3x+ggFP2uAf2uASES' +
    'IAogEkEM/asBIBJBFP2tAf1Q/a4BIQ0gRiBEIEUgQ/1S/a4B/QxWt8foVrfH6Fa3x+hWt8foIE39rgH9rgEhSyBDIEtBDP2rASBL' +
    'QRT9rQH9UP2uASFGIAwgCiALIA39Uv2uAf0M23AgJNtwICTbcCAk23AgJCAV/a4B/a4BIRIgDSASQRH9qwEgEkEP/a0B/VD9rgEh' +
    'DCBFIEMgRCBG/VL9rgH9DNtwICTbcCAk23AgJNtwICQgTv2uAf2uASFLIEYgS0ER/asBIEtBD/2tAf1Q/a4BIUUgCyANIAogDP1S' +
    '/a4B/Qzuzr3B7s69we7OvcHuzr3BIBb9rgH9rgEhEiAMIBJBFv2rASASQQr9rQH9UP2uASELIEQgRiBDIEX9Uv2uAf0M7s69we7O' +
    'vcHuzr3B7s69wSBP/a4B/a4BIUsgRSBLQRb9qwEgS0EK/a0B/VD9rgEhRCAKIAwgDSAL/VL9rgH9DK8PfPWvD3z1rw989a8PfPUg' +
    'F/2uAf2uASESIAsgEkEH/asBIBJBGf2tAf1Q/a4BIQogQyBFIEYgRP1S/a4B/QyvD3z1rw989a8PfPWvD3z1IFD9rgH9rgEhSyBE' +
    'IEtBB/2rASBLQRn9rQH9UP2uASFDIA0gCyAMIAr9Uv2uAf0MKsaHRyrGh0cqxodHKsaHRyAY/a4B/a4BIRIgCiASQQz9qwEgEkEU' +
    '/a0B/VD9rgEhDSBGIEQgRSBD/VL9rgH9DCrGh0cqxodHKsaHRyrGh0cgUf2uAf2uASFLIEMgS0EM/asBIEtBFP2tAf1Q/a4BIUYg' +
    'DCAKIAsgDf1S/a4B/QwTRjCoE0YwqBNGMKgTRjCoIBn9rgH9rgEhEiANIBJBEf2rASASQQ/9rQH9UP2uASEMIEUgQyBEIEb9Uv2u' +
    'Af0ME0YwqBNGMKgTRjCoE0YwqCBS/a4B/a4BIUsgRiBLQRH9qwEgS0EP/a0B/VD9rgEhRSALIA0gCiAM/VL9rgH9DAGVRv0BlUb9' +
    'AZVG/QGVRv0gGv2uAf2uASESIAwgEkEW/asBIBJBCv2tAf1Q/a4BIQsgRCBGIEMgRf1S/a4B/QwBlUb9AZVG/QGVRv0BlUb9IFP9' +
    'rgH9rgEhSyBFIEtBFv2rASBLQQr9rQH9UP2uASFEIAogDCANIAv9Uv2uAf0M2JiAadiYgGnYmIBp2JiAaSAb/a4B/a4BIRIgCyAS' +
    'QQf9qwEgEkEZ/a0B/VD9rgEhCiBDIEUgRiBE/VL9rgH9DNiYgGnYmIBp2JiAadiYgGkgVP2uAf2uASFLIEQgS0EH/asBIEtBGf2t' +
    'Af1Q/a4BIUMgDSALIAwgCv1S/a4B/Qyv90SLr/dEi6/3RIuv90SLIBz9rgH9rgEhEiAKIBJBDP2rASASQRT9rQH9UP2uASENIEYg' +
    'RCBFIEP9Uv2uAf0Mr/dEi6/3RIuv90SLr/dEiyBV/a4B/a4BIUsgQyBLQQz9qwEgS0EU/a0B/VD9rgEhRiAMIAogCyAN/VL9rgH9' +
    'DLFb//+xW///sVv//7Fb//8gHf2uAf2uASESIA0gEkER/asBIBJBD/2tAf1Q/a4BIQwgRSBDIEQgRv1S/a4B/QyxW///sVv//7Fb' +
    '//+xW///IFb9rgH9rgEhSyBGIEtBEf2rASBLQQ/9rQH9UP2uASFFIAsgDSAKIAz9Uv2uAf0Mvtdcib7XXIm+11yJvtdciSAe/a4B' +
    '/a4BIRIgDCASQRb9qwEgEkEK/a0B/VD9rgEhCyBEIEYgQyBF/VL9rgH9DL7XXIm+11yJvtdcib7XXIkgV/2uAf2uASFLIEUgS0EW' +
    '/asBIEtBCv2tAf1Q/a4BIUQgCiAMIA0gC/1S/a4B/QwiEZBrIhGQayIRkGsiEZBrIB/9rgH9rgEhEiALIBJBB/2rASASQRn9rQH9' +
    'UP2uASEKIEMgRSBGIET9Uv2uAf0MIhGQayIRkGsiEZBrIhGQayBY/a4B/a4BIUsgRCBLQQf9qwEgS0EZ/a0B/VD9rgEhQyANIAsg' +
    'DCAK/VL9rgH9DJNxmP2TcZj9k3GY/ZNxmP0gIP2uAf2uASESIAogEkEM/asBIBJBFP2tAf1Q/a4BIQ0gRiBEIEUgQ/1S/a4B/QyT' +
    'cZj9k3GY/ZNxmP2TcZj9IFn9rgH9rgEhSyBDIEtBDP2rASBLQRT9rQH9UP2uASFGIAwgCiALIA39Uv2uAf0MjkN5po5DeaaOQ3mm' +
    'jkN5piAh/a4B/a4BIRIgDSASQRH9qwEgEkEP/a0B/VD9rgEhDCBFIEMgRCBG/VL9rgH9DI5DeaaOQ3mmjkN5po5DeaYgWv2uAf2u' +
    'ASFLIEYgS0ER/asBIEtBD/2tAf1Q/a4BIUUgCyANIAogDP1S/a4B/QwhCLRJIQi0SSEItEkhCLRJICL9rgH9rgEhEiAMIBJBFv2r' +
    'ASASQQr9rQH9UP2uASELIEQgRiBDIEX9Uv2uAf0MIQi0SSEItEkhCLRJIQi0SSBb/a4B/a4BIUsgRSBLQRb9qwEgS0EK/a0B/VD9' +
    'rgEhRCAKIAsgDCAN/VL9rgH9DGIlHvZiJR72YiUe9mIlHvYgFP2uAf2uASESIAsgEkEF/asBIBJBG/2tAf1Q/a4BIQogQyBEIEUg' +
    'Rv1S/a4B/QxiJR72YiUe9mIlHvZiJR72IE39rgH9rgEhSyBEIEtBBf2rASBLQRv9rQH9UP2uASFDIA0gCiALIAz9Uv2uAf0MQLNA' +
    'wECzQMBAs0DAQLNAwCAZ/a4B/a4BIRIgCiASQQn9qwEgEkEX/a0B/VD9rgEhDSBGIEMgRCBF/VL9rgH9DECzQMBAs0DAQLNAwECz' +
    'QMAgUv2uAf2uASFLIEMgS0EJ/asBIEtBF/2tAf1Q/a4BIUYgDCANIAogC/1S/a4B/QxRWl4mUVpeJlFaXiZRWl4mIB79rgH9rgEh' +
    'EiANIBJBDv2rASASQRL9rQH9UP2uASEMIEUgRiBDIET9Uv2uAf0MUVpeJlFaXiZRWl4mUVpeJiBX/a4B/a4BIUsgRiBLQQ79qwEg' +
    'S0ES/a0B/VD9rgEhRSALIAwgDSAK/VL9rgH9DKrHtumqx7bpqse26arHtukgE/2uAf2uASESIAwgEkEU/asBIBJBDP2tAf1Q/a4B' +
    'IQsgRCBFIEYgQ/1S/a4B/Qyqx7bpqse26arHtumqx7bpIEz9rgH9rgEhSyBFIEtBFP2rASBLQQz9rQH9UP2uASFEIAogCyAMIA39' +
    'Uv2uAf0MXRAv1l0QL9ZdEC/WXRAv1iAY/a4B/a4BIRIgCyASQQX9qwEgEkEb/a0B/VD9rgEhCiBDIEQgRSBG/VL9rgH9DF0QL9Zd' +
    'EC/WXRAv1l0QL9YgUf2uAf2uASFLIEQgS0EF/asBIEtBG/2tAf1Q/a4BIUMgDSAKIAsgDP1S/a4B/QxTFEQCUxREAlMURAJTFEQC' +
    'IB39rgH9rgEhEiAKIBJBCf2rASASQRf9rQH9UP2uASENIEYgQyBEIEX9Uv2uAf0MUxREAlMURAJTFEQCUxREAiBW/a4B/a4BIUsg' +
    'QyBLQQn9qwEgS0EX/a0B/VD9rgEhRiAMIA0gCiAL/VL9rgH9DIHmodiB5qHYgeah2IHmodggIv2uAf2uASESIA0gEkEO/asBIBJB' +
    'Ev2tAf1Q/a4BIQwgRSBGIEMgRP1S/a4B/QyB5qHYgeah2IHmodiB5qHYIFv9rgH9rgEhSyBGIEtBDv2rASBLQRL9rQH9UP2uASFF' +
    'IAsgDCANIAr9Uv2uAf0MyPvT58j70+fI+9PnyPvT5yAX/a4B/a4BIRIgDCASQRT9qwEgEkEM/a0B/VD9rgEhCyBEIEUgRiBD/VL9' +
    'rgH9DMj70+fI+9PnyPvT58j70+cgUP2uAf2uASFLIEUgS0EU/asBIEtBDP2tAf1Q/a4BIUQgCiALIAwgDf1S/a4B/QzmzeEh5s3h' +
    'IebN4SHmzeEhIBz9rgH9rgEhEiALIBJBBf2rASASQRv9rQH9UP2uASEKIEMgRCBFIEb9Uv2uAf0M5s3hIebN4SHmzeEh5s3hISBV' +
    '/a4B/a4BIUsgRCBLQQX9qwEgS0Eb/a0B/VD9rgEhQyANIAogCyAM/VL9rgH9DNYHN8PWBzfD1gc3w9YHN8MgIf2uAf2uASESIAog' +
    'EkEJ/asBIBJBF/2tAf1Q/a4BIQ0gRiBDIEQgRf1S/a4B/QzWBzfD1gc3w9YHN8PWBzfDIFr9rgH9rgEhSyBDIEtBCf2rASBLQRf9' +
    'rQH9UP2uASFGIAwgDSAKIAv9Uv2uAf0Mhw3V9IcN1fSHDdX0hw3V9CAW/a4B/a4BIRIgDSASQQ79qwEgEkES/a0B/VD9rgEhDCBF' +
    'IEYgQyBE/VL9rgH9DIcN1fSHDdX0hw3V9IcN1fQgT/2uAf2uASFLIEYgS0EO/asBIEtBEv2tAf1Q/a4BIUUgCyAMIA0gCv1S/a4B' +
    '/QztFFpF7RRaRe0UWkXtFFpFIBv9rgH9rgEhEiAMIBJBFP2rASASQQz9rQH9UP2uASELIEQgRSBGIEP9Uv2uAf0M7RRaRe0UWkXt' +
    'FFpF7RRaRSBU/a4B/a4BIUsgRSBLQRT9qwEgS0EM/a0B/VD9rgEhRCAKIAsgDCAN/VL9rgH9DAXp46kF6eOpBenjqQXp46kgIP2u' +
    'Af2uASESIAsgEkEF/asBIBJBG/2tAf1Q/a4BIQogQyBEIEUgRv1S/a4B/QwF6eOpBenjqQXp46kF6eOpIFn9rgH9rgEhSyBEIEtB' +
    'Bf2rASBLQRv9rQH9UP2uASFDIA0gCiALIAz9Uv2uAf0M+KPv/Pij7/z4o+/8+KPv/CAV/a4B/a4BIRIgCiASQQn9qwEgEkEX/a0B' +
    '/VD9rgEhDSBGIEMgRCBF/VL9rgH9DPij7/z4o+/8+KPv/Pij7/wgTv2uAf2uASFLIEMgS0EJ/asBIEtBF/2tAf1Q/a4BIUYgDCAN' +
    'IAogC/1S/a4B/QzZAm9n2QJvZ9kCb2fZAm9nIBr9rgH9rgEhEiANIBJBDv2rASASQRL9rQH9UP2uASEMIEUgRiBDIET9Uv2uAf0M' +
    '2QJvZ9kCb2fZAm9n2QJvZyBT/a4B/a4BIUsgRiBLQQ79qwEgS0ES/a0B/VD9rgEhRSALIAwgDSAK/VL9rgH9DIpMKo2KTCqNikwq' +
    'jYpMKo0gH/2uAf2uASESIAwgEkEU/asBIBJBDP2tAf1Q/a4BIQsgRCBFIEYgQ/1S/a4B/QyKTCqNikwqjYpMKo2KTCqNIFj9rgH9' +
    'rgEhSyBFIEtBFP2rASBLQQz9rQH9UP2uASFEIAogCyAM/VEgDf1R/a4B/QxCOfr/Qjn6/0I5+v9COfr/IBj9rgH9rgEhEiALIBJB' +
    'BP2rASASQRz9rQH9UP2uASEKIEMgRCBF/VEgRv1R/a4B/QxCOfr/Qjn6/0I5+v9COfr/IFH9rgH9rgEhSyBEIEtBBP2rASBLQRz9' +
    'rQH9UP2uASFDIA0gCiAL/VEgDP1R/a4B/QyB9nGHgfZxh4H2cYeB9nGHIBv9rgH9rgEhEiAKIBJBC/2rASASQRX9rQH9UP2uASEN' +
    'IEYgQyBE/VEgRf1R/a4B/QyB9nGHgfZxh4H2cYeB9nGHIFT9rgH9rgEhSyBDIEtBC/2rASBLQRX9rQH9UP2uASFGIAwgDSAK/VEg' +
    'C/1R/a4B/QwiYZ1tImGdbSJhnW0iYZ1tIB79rgH9rgEhEiANIBJBEP2rASASQRD9rQH9UP2uASEMIEUgRiBD/VEgRP1R/a4B/Qwi' +
    'YZ1tImGdbSJhnW0iYZ1tIFf9rgH9rgEhSyBGIEtBEP2rASBLQRD9rQH9UP2uASFFIAsgDCAN/VEgCv1R/a4B/QwMOOX9DDjl/Qw4' +
    '5f0MOOX9ICH9rgH9rgEhEiAMIBJBF/2rASASQQn9rQH9UP2uASELIEQgRSBG/VEgQ/1R/a4B/QwMOOX9DDjl/Qw45f0MOOX9IFr9' +
    'rgH9rgEhSyBFIEtBF/2rASBLQQn9rQH9UP2uASFEIAogCyAM/VEgDf1R/a4B/QxE6r6kROq+pETqvqRE6r6kIBT9rgH9rgEhEiAL' +
    'IBJBBP2rASASQRz9rQH9UP2uASEKIEMgRCBF/VEgRv1R/a4B/QxE6r6kROq+pETqvqRE6r6kIE39rgH9rgEhSyBEIEtBBP2rASBL' +
    'QRz9rQH9UP2uASFDIA0gCiAL/VEgDP1R/a4B/Qypz95Lqc/eS6nP3kupz95LIBf9rgH9rgEhEiAKIBJBC/2rASASQRX9rQH9UP2u' +
    'ASENIEYgQyBE/VEgRf1R/a4B/Qypz95Lqc/eS6nP3kupz95LIFD9rgH9rgEhSyBDIEtBC/2rASBLQRX9rQH9UP2uASFGIAwgDSAK' +
    '/VEgC/1R/a4B/QxgS7v2YEu79mBLu/ZgS7v2IBr9rgH9rgEhEiANIBJBEP2rASASQRD9rQH9UP2uASEMIEUgRiBD/VEgRP1R/a4B' +
    '/QxgS7v2YEu79mBLu/ZgS7v2IFP9rgH9rgEhSyBGIEtBEP2rASBLQRD9rQH9UP2uASFFIAsgDCAN/VEgCv1R/a4B/QxwvL++cLy/' +
    'vnC8v75wvL++IB39rgH9rgEhEiAMIBJBF/2rASASQQn9rQH9UP2uASELIEQgRSBG/VEgQ/1R/a4B/QxwvL++cLy/vnC8v75wvL++' +
    'IFb9rgH9rgEhSyBFIEtBF/2rASBLQQn9rQH9UP2uASFEIAogCyAM/VEgDf1R/a4B/QzGfpsoxn6bKMZ+myjGfpsoICD9rgH9rgEh' +
    'EiALIBJBBP2rASASQRz9rQH9UP2uASEKIEMgRCBF/VEgRv1R/a4B/QzGfpsoxn6bKMZ+myjGfpsoIFn9rgH9rgEhSyBEIEtBBP2r' +
    'ASBLQRz9rQH9UP2uASFDIA0gCiAL/VEgDP1R/a4B/Qz6J6Hq+ieh6vonoer6J6HqIBP9rgH9rgEhEiAKIBJBC/2rASASQRX9rQH9' +
    'UP2uASENIEYgQyBE/VEgRf1R/a4B/Qz6J6Hq+ieh6vonoer6J6HqIEz9rgH9rgEhSyBDIEtBC/2rASBLQRX9rQH9UP2uASFGIAwg' +
    'DSAK/VEgC/1R/a4B/QyFMO/UhTDv1IUw79SFMO/UIBb9rgH9rgEhEiANIBJBEP2rASASQRD9rQH9UP2uASEMIEUgRiBD/VEgRP1R' +
    '/a4B/QyFMO/UhTDv1IUw79SFMO/UIE/9rgH9rgEhSyBGIEtBEP2rASBLQRD9rQH9UP2uASFFIAsgDCAN/VEgCv1R/a4B/QwFHYgE' +
    'BR2IBAUdiAQFHYgEIBn9rgH9rgEhEiAMIBJBF/2rASASQQn9rQH9UP2uASELIEQgRSBG/VEgQ/1R/a4B/QwFHYgEBR2IBAUdiAQF' +
    'HYgEIFL9rgH9rgEhSyBFIEtBF/2rASBLQQn9rQH9UP2uASFEIAogCyAM/VEgDf1R/a4B/Qw50NTZOdDU2TnQ1Nk50NTZIBz9rgH9' +
    'rgEhEiALIBJBBP2rASASQRz9rQH9UP2uASEKIEMgRCBF/VEgRv1R/a4B/Qw50NTZOdDU2TnQ1Nk50NTZIFX9rgH9rgEhSyBEIEtB' +
    'BP2rASBLQRz9rQH9UP2uASFDIA0gCiAL/VEgDP1R/a4B/Qzlmdvm5Znb5uWZ2+blmdvmIB/9rgH9rgEhEiAKIBJBC/2rASASQRX9' +
    'rQH9UP2uASENIEYgQyBE/VEgRf1R/a4B/Qzlmdvm5Znb5uWZ2+blmdvmIFj9rgH9rgEhSyBDIEtBC/2rASBLQRX9rQH9UP2uASFG' +
    'IAwgDSAK/VEgC/1R/a4B/Qz4fKIf+HyiH/h8oh/4fKIfICL9rgH9rgEhEiANIBJBEP2rASASQRD9rQH9UP2uASEMIEUgRiBD/VEg' +
    'RP1R/a4B/Qz4fKIf+HyiH/h8oh/4fKIfIFv9rgH9rgEhSyBGIEtBEP2rASBLQRD9rQH9UP2uASFFIAsgDCAN/VEgCv1R/a4B/Qxl' +
    'VqzEZVasxGVWrMRlVqzEIBX9rgH9rgEhEiAMIBJBF/2rASASQQn9rQH9UP2uASELIEQgRSBG/VEgQ/1R/a4B/QxlVqzEZVasxGVW' +
    'rMRlVqzEIE79rgH9rgEhSyBFIEtBF/2rASBLQQn9rQH9UP2uASFEIAogDCALIA39Tf1Q/VH9rgH9DEQiKfREIin0RCIp9EQiKfQg' +
    'E/2uAf2uASESIAsgEkEG/asBIBJBGv2tAf1Q/a4BIQogQyBFIEQgRv1N/VD9Uf2uAf0MRCIp9EQiKfREIin0RCIp9CBM/a4B/a4B' +
    'IUsgRCBLQQb9qwEgS0Ea/a0B/VD9rgEhQyANIAsgCiAM/U39UP1R/a4B/QyX/ypDl/8qQ5f/KkOX/ypDIBr9rgH9rgEhEiAKIBJB' +
    'Cv2rASASQRb9rQH9UP2uASENIEYgRCBDIEX9Tf1Q/VH9rgH9DJf/KkOX/ypDl/8qQ5f/KkMgU/2uAf2uASFLIEMgS0EK/asBIEtB' +
    'Fv2tAf1Q/a4BIUYgDCAKIA0gC/1N/VD9Uf2uAf0MpyOUq6cjlKunI5SrpyOUqyAh/a4B/a4BIRIgDSASQQ/9qwEgEkER/a0B/VD9' +
    'rgEhDCBFIEMgRiBE/U39UP1R/a4B/QynI5SrpyOUq6cjlKunI5SrIFr9rgH9rgEhSyBGIEtBD/2rASBLQRH9rQH9UP2uASFFIAsg' +
    'DSAMIAr9Tf1Q/VH9rgH9DDmgk/w5oJP8OaCT/Dmgk/wgGP2uAf2uASESIAwgEkEV/asBIBJBC/2tAf1Q/a4BIQsgRCBGIEUgQ/1N' +
    '/VD9Uf2uAf0MOaCT/Dmgk/w5oJP8OaCT/CBR/a4B/a4BIUsgRSBLQRX9qwEgS0EL/a0B/VD9rgEhRCAKIAwgCyAN/U39UP1R/a4B' +
    '/QzDWVtlw1lbZcNZW2XDWVtlIB/9rgH9rgEhEiALIBJBBv2rASASQRr9rQH9UP2uASEKIEMgRSBEIEb9Tf1Q/VH9rgH9DMNZW2XD' +
    'WVtlw1lbZcNZW2UgWP2uAf2uASFLIEQgS0EG/asBIEtBGv2tAf1Q/a4BIUMgDSALIAogDP1N/VD9Uf2uAf0MkswMj5LMDI+SzAyP' +
    'kswMjyAW/a4B/a4BIRIgCiASQQr9qwEgEkEW/a0B/VD9rgEhDSBGIEQgQyBF/U39UP1R/a4B/QySzAyPkswMj5LMDI+SzAyPIE/9' +
    'rgH9rgEhSyBDIEtBCv2rASBLQRb9rQH9UP2uASFGIAwgCiANIAv9Tf1Q/VH9rgH9DH307/999O//ffTv/3307/8gHf2uAf2uASES' +
    'IA0gEkEP/asBIBJBEf2tAf1Q/a4BIQwgRSBDIEYgRP1N/VD9Uf2uAf0MffTv/3307/999O//ffTv/yBW/a4B/a4BIUsgRiBLQQ/9' +
    'qwEgS0ER/a0B/VD9rgEhRSALIA0gDCAK/U39UP1R/a4B/QzRXYSF0V2EhdFdhIXRXYSFIBT9rgH9rgEhEiAMIBJBFf2rASASQQv9' +
    'rQH9UP2uASELIEQgRiBFIEP9Tf1Q/VH9rgH9DNFdhIXRXYSF0V2EhdFdhIUgTf2uAf2uASFLIEUgS0EV/asBIEtBC/2tAf1Q/a4B' +
    'IUQgCiAMIAsgDf1N/VD9Uf2uAf0MT36ob09+qG9PfqhvT36obyAb/a4B/a4BIRIgCyASQQb9qwEgEkEa/a0B/VD9rgEhCiBDIEUg' +
    'RCBG/U39UP1R/a4B/QxPfqhvT36ob09+qG9PfqhvIFT9rgH9rgEhSyBEIEtBBv2rASBLQRr9rQH9UP2uASFDIA0gCyAKIAz9Tf1Q' +
    '/VH9rgH9DODmLP7g5iz+4OYs/uDmLP4gIv2uAf2uASESIAogEkEK/asBIBJBFv2tAf1Q/a4BIQ0gRiBEIEMgRf1N/VD9Uf2uAf0M' +
    '4OYs/uDmLP7g5iz+4OYs/iBb/a4B/a4BIUsgQyBLQQr9qwEgS0EW/a0B/VD9rgEhRiAMIAogDSAL/U39UP1R/a4B/QwUQwGjFEMB' +
    'oxRDAaMUQwGjIBn9rgH9rgEhEiANIBJBD/2rASASQRH9rQH9UP2uASEMIEUgQyBGIET9Tf1Q/VH9rgH9DBRDAaMUQwGjFEMBoxRD' +
    'AaMgUv2uAf2uASFLIEYgS0EP/asBIEtBEf2tAf1Q/a4BIUUgCyANIAwgCv1N/VD9Uf2uAf0MoREITqERCE6hEQhOoREITiAg/a4B' +
    '/a4BIRIgDCASQRX9qwEgEkEL/a0B/VD9rgEhCyBEIEYgRSBD/U39UP1R/a4B/QyhEQhOoREITqERCE6hEQhOIFn9rgH9rgEhSyBF' +
    'IEtBFf2rASBLQQv9rQH9UP2uASFEIAogDCALIA39Tf1Q/VH9rgH9DIJ+U/eCflP3gn5T94J+U/cgF/2uAf2uASESIAsgEkEG/asB' +
    'IBJBGv2tAf1Q/a4BIQogQyBFIEQgRv1N/VD9Uf2uAf0Mgn5T94J+U/eCflP3gn5T9yBQ/a4B/a4BIUsgRCBLQQb9qwEgS0Ea/a0B' +
    '/VD9rgEhQyANIAsgCiAM/U39UP1R/a4B/Qw18jq9NfI6vTXyOr018jq9IB79rgH9rgEhEiAKIBJBCv2rASASQRb9rQH9UP2uASEN' +
    'IEYgRCBDIEX9Tf1Q/VH9rgH9DDXyOr018jq9NfI6vTXyOr0gV/2uAf2uASFLIEMgS0EK/asBIEtBFv2tAf1Q/a4BIUYgDCAKIA0g' +
    'C/1N/VD9Uf2uAf0Mu9LXKrvS1yq70tcqu9LXKiAV/a4B/a4BIRIgDSASQQ/9qwEgEkER/a0B/VD9rgEhDCBFIEMgRiBE/U39UP1R' +
    '/a4B/Qy70tcqu9LXKrvS1yq70tcqIE79rgH9rgEhSyBGIEtBD/2rASBLQRH9rQH9UP2uASFFIAsgDSAMIAr9Tf1Q/VH9rgH9DJHT' +
    'huuR04brkdOG65HThusgHP2uAf2uASESIAwgEkEV/asBIBJBC/2tAf1Q/a4BIQsgRCBGIEUgQ/1N/VD9Uf2uAf0MkdOG65HThuuR' +
    '04brkdOG6yBV/a4B/a4BIUsgRSBLQRX9qwEgS0EL/a0B/VD9rgEhRCAKIA79rgEhCiALIA/9rgEhCyAMIBD9rgEhDCANIBH9rgEh' +
    'DSBDIEf9rgEhQyBEIEj9rgEhRCBFIEn9rgEhRSBGIEr9rgEhRiABQcAAaiEBIAJBwABqIQIgA0HAAGohAyAEQcAAaiEEIAVBwABq' +
    'IQUgBkHAAGohBiAHQcAAaiEHIAhBwABqIQggCUEBayEJDAALCyAAIAr9CwQAIAAgC/0LBBAgACAM/QsEICAAIA39CwQwIAAgQ/0L' +
    'BEAgACBE/QsEUCAAIEX9CwRgIAAgRv0LBHALlxIBGH8gACgCACEDIAAoAgQhBCAAKAIIIQUgACgCDCEGAkADQCACRQ0BIAEoAgAh' +
    'CyABKAIEIQwgASgCCCENIAEoAgwhDiABKAIQIQ8gASgCFCEQIAEoAhghESABKAIcIRIgASgCICETIAEoAiQhFCABKAIoIRUgASgC' +
    'LCEWIAEoAjAhFyABKAI0IRggASgCOCEZIAEoAjwhGiADIQcgBCEIIAUhCSAGIQogBCADIAQgBXEgBEF/cyAGcXJqQfjIqrt9IAtq' +
    'akEHd2ohAyADIAYgAyAEcSADQX9zIAVxcmpB1u6exn4gDGpqQQx3aiEGIAYgBSAGIANxIAZBf3MgBHFyakHb4YGhAiANampBEXdq' +
    'IQUgBSAEIAUgBnEgBUF/cyADcXJqQe6d9418IA5qakEWd2ohBCAEIAMgBCAFcSAEQX9zIAZxcmpBr5/wq38gD2pqQQd3aiEDIAMg' +
    'BiADIARxIANBf3MgBXFyakGqjJ+8BCAQampBDHdqIQYgBiAFIAYgA3EgBkF/cyAEcXJqQZOMwcF6IBFqakERd2ohBSAFIAQgBSAG' +
    'cSAFQX9zIANxcmpBgaqaaiASampBFndqIQQgBCADIAQgBXEgBEF/cyAGcXJqQdixgswGIBNqakEHd2ohAyADIAYgAyAEcSADQX9z' +
    'IAVxcmpBr++T2nggFGpqQQx3aiEGIAYgBSAGIANxIAZBf3MgBHFyakGxt30gFWpqQRF3aiEFIAUgBCAFIAZxIAVBf3MgA3FyakG+' +
    'r/PKeCAWampBFndqIQQgBCADIAQgBXEgBEF/cyAGcXJqQaKiwNwGIBdqakEHd2ohAyADIAYgAyAEcSADQX9zIAVxcmpBk+PhbCAY' +
    'ampBDHdqIQYgBiAFIAYgA3EgBkF/cyAEcXJqQY6H5bN6IBlqakERd2ohBSAFIAQgBSAGcSAFQX9zIANxcmpBoZDQzQQgGmpqQRZ3' +
    'aiEEIAQgAyAEIAZxIAUgBkF/c3FyakHiyviwfyAMampBBXdqIQMgAyAGIAMgBXEgBCAFQX9zcXJqQcDmgoJ8IBFqakEJd2ohBiAG' +
    'IAUgBiAEcSADIARBf3NxcmpB0bT5sgIgFmpqQQ53aiEFIAUgBCAFIANxIAYgA0F/c3FyakGqj9vNfiALampBFHdqIQQgBCADIAQg' +
    'BnEgBSAGQX9zcXJqQd2gvLF9IBBqakEFd2ohAyADIAYgAyAFcSAEIAVBf3NxcmpB06iQEiAVampBCXdqIQYgBiAFIAYgBHEgAyAE' +
    'QX9zcXJqQYHNh8V9IBpqakEOd2ohBSAFIAQgBSADcSAGIANBf3NxcmpByPfPvn4gD2pqQRR3aiEEIAQgAyAEIAZxIAUgBkF/c3Fy' +
    'akHmm4ePAiAUampBBXdqIQMgAyAGIAMgBXEgBCAFQX9zcXJqQdaP3Jl8IBlqakEJd2ohBiAGIAUgBiAEcSADIARBf3NxcmpBh5vU' +
    'pn8gDmpqQQ53aiEFIAUgBCAFIANxIAYgA0F/c3FyakHtqeiqBCATampBFHdqIQQgBCADIAQgBnEgBSAGQX9zcXJqQYXSj896IBhq' +
    'akEFd2ohAyADIAYgAyAFcSAEIAVBf3NxcmpB+Me+ZyANampBCXdqIQYgBiAFIAYgBHEgAyAEQX9zcXJqQdmFvLsGIBJqakEOd2oh' +
    'BSAFIAQgBSADcSAGIANBf3NxcmpBipmp6XggF2pqQRR3aiEEIAQgAyAEIAVzIAZzakHC8mggEGpqQQR3aiEDIAMgBiADIARzIAVz' +
    'akGB7ce7eCATampBC3dqIQYgBiAFIAYgA3MgBHNqQaLC9ewGIBZqakEQd2ohBSAFIAQgBSAGcyADc2pBjPCUbyAZampBF3dqIQQg' +
    'BCADIAQgBXMgBnNqQcTU+6V6IAxqakEEd2ohAyADIAYgAyAEcyAFc2pBqZ/73gQgD2pqQQt3aiEGIAYgBSAGIANzIARzakHglu21' +
    'fyASampBEHdqIQUgBSAEIAUgBnMgA3NqQfD4/vV7IBVqakEXd2ohBCAEIAMgBCAFcyAGc2pBxv3txAIgGGpqQQR3aiEDIAMgBiAD' +
    'IARzIAVzakH6z4TVfiALampBC3dqIQYgBiAFIAYgA3MgBHNqQYXhvKd9IA5qakEQd2ohBSAFIAQgBSAGcyADc2pBhbqgJCARampB' +
    'F3dqIQQgBCADIAQgBXMgBnNqQbmg0859IBRqakEEd2ohAyADIAYgAyAEcyAFc2pB5bPutn4gF2pqQQt3aiEGIAYgBSAGIANzIARz' +
    'akH4+Yn9ASAaampBEHdqIQUgBSAEIAUgBnMgA3NqQeWssaV8IA1qakEXd2ohBCAEIAMgBSAEIAZBf3Nyc2pBxMSkoX8gC2pqQQZ3' +
    'aiEDIAMgBiAEIAMgBUF/c3JzakGX/6uZBCASampBCndqIQYgBiAFIAMgBiAEQX9zcnNqQafH0Nx6IBlqakEPd2ohBSAFIAQgBiAF' +
    'IANBf3Nyc2pBucDOZCAQampBFXdqIQQgBCADIAUgBCAGQX9zcnNqQcOz7aoGIBdqakEGd2ohAyADIAYgBCADIAVBf3Nyc2pBkpmz' +
    '+HggDmpqQQp3aiEGIAYgBSADIAYgBEF/c3JzakH96L9/IBVqakEPd2ohBSAFIAQgBiAFIANBf3Nyc2pB0buRrHggDGpqQRV3aiEE' +
    'IAQgAyAFIAQgBkF/c3JzakHP/KH9BiATampBBndqIQMgAyAGIAQgAyAFQX9zcnNqQeDNs3EgGmpqQQp3aiEGIAYgBSADIAYgBEF/' +
    'c3JzakGUhoWYeiARampBD3dqIQUgBSAEIAYgBSADQX9zcnNqQaGjoPAEIBhqakEVd2ohBCAEIAMgBSAEIAZBf3Nyc2pBgv3Nun8g' +
    'D2pqQQZ3aiEDIAMgBiAEIAMgBUF/c3JzakG15OvpeyAWampBCndqIQYgBiAFIAMgBiAEQX9zcnNqQbul39YCIA1qakEPd2ohBSAF' +
    'IAQgBiAFIANBf3Nyc2pBkaeb3H4gFGpqQRV3aiEEIAMgB2ohAyAEIAhqIQQgBSAJaiEFIAYgCmohBiABQcAAaiEBIAJBAWshAgwA' +
    'CwsgACADNgIAIAAgBDYCBCAAIAU2AgggACAGNgIMCw==';

;// CONCATENATED MODULE: ./lib/storage/small-writer.js
/**
 * Writes whole small files on a worker thread: create the temporary file, write, fstat, close,
 * rename, all synchronous there. On the JavaScript thread the same five steps were five thread-pool
 * round trips per file, each a cross-thread wake-up, and four pool threads creating files in one
 * folder spin on its lock in the kernel. Inline code (node builtins only), so every bundle carries
 * it; the hash worker serves the same requests (see WriterHost).
 */
const WRITE_SMALL = `(fs, { id, tmp, dest, body }) => {
  let fd;
  let created = false;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    created = true;
    for (let off = 0; off < body.length; ) {
      const n = fs.writeSync(fd, body, off, body.length - off, off);
      if (n <= 0) throw new Error('write made no progress');
      off += n;
    }
    const mtimeMs = fs.fstatSync(fd).mtimeMs;
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, dest);
    return { id, mtimeMs };
  } catch (e) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch {}
    if (created) try { fs.unlinkSync(tmp); } catch {}
    return { id, error: String((e && e.message) || e), code: e && e.code };
  }
}`;
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const writeSmall = ${WRITE_SMALL};
parentPort.on('message', (m) => parentPort.postMessage(writeSmall(fs, m)));
`;
/** node:worker_threads, loaded when the first thread starts (~1.3 ms of start a no-op run does not pay). */
const workerThreads = () => process.getBuiltinModule('node:worker_threads');
class SmallFileWriter {
    host;
    worker;
    waiting = new Map();
    nextId = 0;
    constructor(host) {
        this.host = host;
    }
    /** Writes handed over and not finished yet. */
    get pending() {
        return this.waiting.size;
    }
    start() {
        const onReply = (m) => {
            const p = this.waiting.get(m.id);
            if (!p)
                return;
            this.waiting.delete(m.id);
            if (m.error === undefined)
                p.resolve(m.mtimeMs ?? 0);
            else
                p.reject(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
        };
        const port = this.host?.();
        if (port) {
            port.on('message', onReply);
            // The host thread ended (it failed, or its pool was closed).
            port.on('close', () => this.failAll(new Error('file writer thread ended')));
            return port;
        }
        const w = new (workerThreads().Worker)(WORKER_CODE, { eval: true });
        w.on('message', onReply);
        w.on('error', (e) => this.failAll(e));
        w.on('exit', (code) => this.failAll(new Error(`file writer exited with code ${code}`)));
        return w;
    }
    failAll(e) {
        this.worker = undefined;
        for (const p of this.waiting.values())
            p.reject(e);
        this.waiting.clear();
    }
    /**
     * `body` into a new file `tmp`, renamed to `dest` once closed. A view of a SharedArrayBuffer (the
     * pooled buffers) reaches the worker without a copy; the caller must not touch it until this
     * settles. Resolves with the file's mtime; on failure nothing it wrote is left at `tmp`.
     */
    write(tmp, dest, body) {
        this.worker ??= this.start();
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.waiting.set(id, { resolve, reject });
            this.worker.postMessage({ id, tmp, dest, body });
        });
    }
    async close() {
        const w = this.worker;
        this.worker = undefined;
        if (w && 'terminate' in w)
            await w.terminate();
        else
            w?.close();
    }
}

;// CONCATENATED MODULE: ./lib/storage/hash-pool.js







/** Whether this runtime runs the SIMD module (checked once, on first use). */
let lanesOk;
function lanesSupported() {
    if (lanesOk === undefined)
        lanesOk = WebAssembly.validate(Buffer.from(MD5_LANES_WASM, 'base64'));
    return lanesOk;
}
/**
 * MD5 of written files on worker threads, so the JavaScript thread that parses bodies and feeds the
 * disk is not also the one hashing every byte (a profile of a 477 MB loopback download: 0.92 s of
 * its 2.2 s was MD5). A worker reads the bytes back from the file (the page cache) after they were
 * written, so what is verified is exactly what is kept. The worker is inline code (node builtins
 * only), so every ncc bundle carries it without a second entry file.
 */
const HASH_RANGE = `(fs, crypto, buf, file, start, length, partSize) => {
  const fd = fs.openSync(file, 'r');
  try {
    // With a part size only the parts' MD5s are wanted: no second pass over the bytes for the whole.
    const whole = partSize ? undefined : crypto.createHash('md5');
    const parts = [];
    let part = partSize ? crypto.createHash('md5') : undefined;
    let inPart = 0;
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, length - done), start + done);
      if (n <= 0) break;
      const chunk = buf.subarray(0, n);
      if (whole) whole.update(chunk);
      for (let off = 0; part && off < n; ) {
        const take = Math.min(partSize - inPart, n - off);
        part.update(chunk.subarray(off, off + take));
        inPart += take;
        off += take;
        if (inPart === partSize) { parts.push(part.digest()); part = crypto.createHash('md5'); inPart = 0; }
      }
      done += n;
    }
    if (part && (inPart > 0 || parts.length === 0)) parts.push(part.digest());
    return { bytes: done, md5: whole ? whole.digest('hex') : '', parts };
  } finally {
    fs.closeSync(fd);
  }
}`;
/**
 * The worker when WebAssembly SIMD is there (every x64 and arm64 Node 20+): MD5 streams in lanes.
 * Given a port (`{ writerPort }`), it also writes small files for a SmallFileWriter, between its steps.
 */
const LANES_WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const writeSmall = ${WRITE_SMALL};
const jobs = {
  on: (_event, listener) => parentPort.on('message', (m) => {
    if (!m.writerPort) return listener(m);
    const port = m.writerPort;
    port.on('message', (w) => port.postMessage(writeSmall(fs, w)));
  }),
  postMessage: (reply) => parentPort.postMessage(reply),
};
(${md5LanesWorker.toString()})(workerData, fs, require('node:crypto'), jobs);
`;
/** Without SIMD: OpenSSL, one job after the other. */
const hash_pool_WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(1024 * 1024);
const hashRange = ${HASH_RANGE};
parentPort.on('message', ({ id, file, start, length, partSize }) => {
  try {
    const r = hashRange(fs, crypto, buf, file, start, length, partSize);
    parentPort.postMessage({ id, bytes: r.bytes, md5: r.md5, parts: r.parts.map((p) => p.toString('base64')) });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;
/** The same code on this thread, for the tail (see `help`). */
// One source for both threads; no input reaches the code.
const hashRangeHere = new Function(`return ${HASH_RANGE}`)();
/**
 * A stream tells the worker of written bytes at most once per this much (and at its end): one
 * message per 256 KiB write would be four per MiB on this thread, for a worker that hashes 256 KiB
 * per lane per step anyway.
 */
const STREAM_STEP = 1024 * 1024;
/**
 * Bytes a worker holds at once: ~50 ms of hashing, so it never waits for this thread to hand it the
 * next job (with 2 jobs each, a busy event loop starved the worker: loopback 1.33 -> 1.49 s).
 */
const PER_WORKER_BYTES = 32 * 1024 * 1024;
/**
 * With MD5 lanes a worker holds more: 8 streams fill its lanes (8 parts of 8 MiB are 64 MiB), and
 * a part's lanes finish together, so the next ones must be there already. 32 MiB left it in 4-lane
 * mode and idle 37 % of a foreign-upload run (profiled).
 */
const PER_WORKER_BYTES_LANES = 128 * 1024 * 1024;
/** The largest job this thread takes while helping: it blocks the event loop while it runs (8 MiB: ~13 ms). */
const HELP_MAX = 8 * 1024 * 1024;
class HashPool {
    size;
    lanes;
    workers = [];
    /** Each job's caller, and its length (what it counts against a worker's bytes once handed over; for a stream, what is written so far). */
    waiting = new Map();
    /** Jobs not handed to a worker yet (workers take the oldest). */
    queue = [];
    nextId = 0;
    helping = false;
    /** Jobs this thread ran itself while helping. */
    helped = 0;
    helpScheduled = false;
    buf;
    closed = false;
    /**
     * Workers start with the first job (~12 MB of RSS each): a run whose objects all carry our CRC
     * needs none, or only the first, to write small files (writerPort).
     */
    constructor(size, 
    /** MD5 streams in SIMD lanes (off: OpenSSL one job at a time, as without SIMD). */
    lanes = lanesSupported() && process.env.MARKETSIM_MD5_LANES !== '0') {
        this.size = size;
        this.lanes = lanes;
    }
    /** Starts workers until there are `n` (at most the pool's size). */
    spawn(n = this.size) {
        while (this.workers.length < Math.min(n, this.size)) {
            const { Worker } = workerThreads();
            const w = this.lanes ? new Worker(LANES_WORKER_CODE, { eval: true, workerData: MD5_LANES_WASM }) : new Worker(hash_pool_WORKER_CODE, { eval: true });
            const slot = { w, inFlight: 0, bytes: 0 };
            slot.w.on('message', (m) => {
                const p = this.waiting.get(m.id);
                if (p) {
                    slot.inFlight--;
                    slot.bytes -= p.length;
                    this.waiting.delete(m.id);
                    if (m.error !== undefined)
                        p.reject(new Error(`hashing failed: ${m.error}`));
                    else
                        p.resolve({ bytes: m.bytes ?? 0, md5: m.md5 ?? '', parts: (m.parts ?? []).map((x) => Buffer.from(x, 'base64')) });
                }
                this.pump();
            });
            slot.w.on('error', (e) => {
                for (const p of this.waiting.values())
                    p.reject(e);
                this.waiting.clear();
            });
            // A worker that ended is dropped, so later jobs and writers start a new one: a message posted
            // to an exited worker is lost without an error, and whoever waits for its answer would wait forever.
            slot.w.on('exit', (code) => {
                const i = this.workers.indexOf(slot);
                if (i >= 0)
                    this.workers.splice(i, 1);
                // Its jobs will never be answered (an error event has rejected them already, if there was one).
                if (slot.inFlight > 0 && !this.closed) {
                    for (const p of this.waiting.values())
                        p.reject(new Error(`hashing failed: the hash worker exited (code ${code})`));
                    this.waiting.clear();
                }
            });
            // Idle workers never hold the process open.
            slot.w.unref();
            this.workers.push(slot);
        }
    }
    /** MD5 (and per-part MD5s) of `length` bytes of `file` from `start`. */
    hash(file, start, length, partSize) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.waiting.set(id, { resolve, reject, length });
            this.queue.push({ id, file, start, length, partSize });
            this.pump();
        });
    }
    /**
     * MD5 of `length` bytes of `file` from `start`, taken while they are written: with MD5 lanes, a
     * worker hashes the bytes as `written` reports them, so a part is verified moments after its last
     * byte lands. Without lanes the range is hashed once all of it is written, as `hash` does.
     */
    stream(file, start, length) {
        let sent = 0;
        let whole;
        let settle;
        const result = new Promise((resolve, reject) => (settle = { resolve, reject }));
        // Rejected before anyone awaits it (a read error while the range still downloads) is not an unhandled rejection.
        result.catch(() => undefined);
        if (!this.lanes) {
            let cancelled = false;
            return {
                written: (n) => {
                    if (n !== length || whole || cancelled)
                        return;
                    whole = this.hash(file, start, length);
                    whole.then(settle.resolve, settle.reject);
                },
                cancel: () => void (cancelled = true),
                result,
            };
        }
        if (this.workers.length < this.size)
            this.spawn();
        const slot = this.workers.reduce((a, b) => (b.bytes < a.bytes ? b : a));
        const id = this.nextId++;
        const entry = { ...settle, length: 0 };
        this.waiting.set(id, entry);
        slot.inFlight++;
        // Straight to a worker, whatever it holds: the bytes count against it only as they are written.
        slot.w.postMessage({ id, file, start, length, written: 0 });
        return {
            written: (n) => {
                if (!this.waiting.has(id) || n <= sent || (n - sent < STREAM_STEP && n !== length))
                    return;
                slot.bytes += n - sent;
                entry.length += n - sent;
                sent = n;
                slot.w.postMessage({ id, written: n });
            },
            cancel: () => {
                if (!this.waiting.delete(id))
                    return;
                slot.inFlight--;
                slot.bytes -= entry.length;
                slot.w.postMessage({ id, cancel: true });
                this.pump();
            },
            result,
        };
    }
    /**
     * A port on which the first worker also writes small files (SmallFileWriter's requests), so a run
     * does not start a second thread for that: ~12 MB of RSS and ~40 ms of CPU. Only with lanes: a
     * worker without them hashes one job at a time (up to 32 MiB, ~50 ms) and writes would wait behind it.
     */
    writerPort() {
        if (!this.lanes || this.size === 0 || this.closed)
            return undefined;
        this.spawn(1);
        const { port1, port2 } = new (workerThreads().MessageChannel)();
        this.workers[0].w.postMessage({ writerPort: port2 }, [port2]);
        return port1;
    }
    /**
     * From now on this thread takes queued jobs too, when the workers are busy: call it once nothing
     * is left to download but the last transfers (a loopback run ended with the worker hashing a
     * ~250 ms backlog alone while this thread idled).
     */
    help() {
        // A lane hashes 3-4x cheaper than OpenSSL on this thread: taking jobs from the lanes cost ~0.19 s of
        // this thread's CPU in a foreign-upload run (profiled); without helping, client CPU fell 2.06 -> 1.79 s
        // and wall 1.55 -> 1.45 s (medians of 12 alternating rounds, with PER_WORKER_BYTES_LANES).
        if (this.lanes)
            return;
        this.helping = true;
        this.pump();
    }
    pump() {
        if (this.workers.length < this.size && this.queue.length > 0)
            this.spawn();
        for (const slot of this.workers) {
            // Always one job, then up to PER_WORKER_BYTES (with lanes, PER_WORKER_BYTES_LANES).
            const most = this.lanes ? PER_WORKER_BYTES_LANES : PER_WORKER_BYTES;
            while (this.queue.length > 0 && (slot.inFlight === 0 || slot.bytes + this.queue[0].length <= most)) {
                const job = this.queue.shift();
                slot.inFlight++;
                slot.bytes += job.length;
                slot.w.postMessage(job);
            }
        }
        if (this.helping && !this.helpScheduled && this.queue.some((j) => j.length <= HELP_MAX)) {
            this.helpScheduled = true;
            // After the event loop has had its turn: replies and the last bodies come first.
            setImmediate(() => this.helpOnce());
        }
    }
    /** Runs the newest small-enough queued job on this thread. */
    helpOnce() {
        this.helpScheduled = false;
        let i = this.queue.length - 1;
        while (i >= 0 && this.queue[i].length > HELP_MAX)
            i--;
        if (i < 0)
            return;
        const job = this.queue.splice(i, 1)[0];
        const p = this.waiting.get(job.id);
        this.waiting.delete(job.id);
        this.helped++;
        try {
            this.buf ??= Buffer.allocUnsafe(1024 * 1024);
            p?.resolve(hashRangeHere(external_node_fs_, external_node_crypto_, this.buf, job.file, job.start, job.length, job.partSize));
        }
        catch (e) {
            p?.reject(new Error(`hashing failed: ${e.message}`));
        }
        this.pump();
    }
    /**
     * Checks a whole file against an ETag the way EtagHasher does: MD5 for a single-part ETag, the
     * composite for a multipart one with a known part size, else the size only.
     */
    async verify(file, size, etag, partSize) {
        const method = (0,s3_etag/* verifyMethod */.Xr)(etag, partSize);
        if (method === 'md5') {
            const h = await this.hash(file, 0, size);
            return { method, bytes: h.bytes, actual: h.md5 };
        }
        if (method === 'multipart-md5') {
            const h = await this.hash(file, 0, size, partSize);
            return { method, bytes: h.bytes, actual: (0,s3_etag/* compositeEtag */.Ln)(h.parts) };
        }
        return { method, bytes: size, actual: etag };
    }
    async close() {
        this.closed = true;
        await Promise.all(this.workers.map((slot) => slot.w.terminate()));
    }
}
/** One worker per core beyond the first (the JavaScript thread keeps its own); none on one core. */
function hashPoolSize(env = process.env) {
    const forced = env.MARKETSIM_HASH_WORKERS;
    if (forced !== undefined && /^\d+$/.test(forced))
        return Math.min(8, Number(forced));
    return Math.max(0, Math.min(4, external_node_os_.availableParallelism() - 1));
}

;// CONCATENATED MODULE: ./lib/storage/file-writer.js

/** Write buffers, reused across downloads so a large transfer allocates (and collects) almost nothing. */
class BufferPool {
    size;
    keep;
    /** Free buffers by length: `size`, and for whole small bodies `size`/4, `size`/16. */
    free = new Map();
    constructor(size, keep) {
        this.size = size;
        this.keep = keep;
    }
    /** A buffer of `size` bytes (for streaming), or the smallest class that holds `bytes` (a whole small body). */
    take(bytes = this.size) {
        let len = this.size;
        // Classes of 1/16 and 1/4 of the size: 256 small bodies in flight hold ~their bytes, not 256 x 256 KiB (64 MB of RSS).
        for (let i = 0; i < 2 && bytes <= len / 4; i++)
            len /= 4;
        // Shared memory: a small file's buffer reaches the writer thread without a copy, and no garbage is left there.
        return this.free.get(len)?.pop() ?? Buffer.from(new SharedArrayBuffer(len));
    }
    give(buf) {
        const len = buf.length;
        if (len !== this.size && len !== this.size / 4 && len !== this.size / 16)
            return;
        let list = this.free.get(len);
        if (!list)
            this.free.set(len, (list = []));
        if (list.length < this.keep)
            list.push(buf);
    }
}
/**
 * Body bytes to a file at their offsets with few, large writes: chunks are copied into a pooled
 * buffer, a full buffer is written on the thread pool while the next one fills, and the sender is
 * paused (`write` returns false) while both are busy. One write per buffer instead of one per
 * 64 KiB socket read: ~8x fewer thread-pool round trips.
 */
class FileWriter {
    fd;
    pos;
    pool;
    maxChunk;
    cur;
    fill = 0;
    inflight = 0;
    error;
    onIdle;
    /** Called when the writer can take bytes again after `write` returned false. */
    onDrain;
    /** Called with the file offset up to which every byte given so far is written (writes may complete out of order). */
    onWritten;
    /** Ends of the writes in flight, in file order, and whether each is done. */
    ends = [];
    paused = false;
    constructor(fd, pos, pool, 
    /** Room kept free in the buffer being filled: the largest chunk `write` is given. */
    maxChunk) {
        this.fd = fd;
        this.pos = pos;
        this.pool = pool;
        this.maxChunk = maxChunk;
    }
    /**
     * The free end of the buffer being filled, for the socket to read into: a chunk that `write` then
     * gets there is taken without a copy. Empty while paused or failed.
     */
    room() {
        if (this.error || this.paused)
            return undefined;
        return this.filling().subarray(this.fill);
    }
    /** The buffer being filled: a pooled one, taken when there is none. */
    filling() {
        if (!this.cur) {
            this.cur = this.pool.take();
            this.fill = 0;
        }
        return this.cur;
    }
    /** Copies `chunk` (which may be reused by the caller afterwards); false means "pause until onDrain". */
    write(chunk) {
        if (this.error)
            throw this.error;
        if (this.cur && chunk.buffer === this.cur.buffer && chunk.byteOffset === this.cur.byteOffset + this.fill && chunk.length <= this.cur.length - this.fill) {
            // Read into our room: already in place.
            this.fill += chunk.length;
            return this.afterFill();
        }
        let cur = this.filling();
        if (this.fill + chunk.length > cur.length) {
            // Only when a sender ignores a pause: still correct, through a one-off buffer.
            this.flush();
            cur = this.cur = chunk.length > this.pool.size ? Buffer.allocUnsafe(chunk.length) : this.pool.take();
            this.fill = 0;
        }
        cur.set(chunk, this.fill);
        this.fill += chunk.length;
        return this.afterFill();
    }
    /** Writes the buffer once it has less room than a chunk; false when two writes are in flight already. */
    afterFill() {
        if (this.cur.length - this.fill < this.maxChunk) {
            this.flush();
            if (this.inflight >= 2) {
                this.paused = true;
                return false;
            }
        }
        return true;
    }
    /** Writes what is buffered and waits for every write; throws the first write error. */
    async end() {
        this.flush();
        await this.idle();
        if (this.error)
            throw this.error;
    }
    /** Waits for writes in flight without flushing (after a failed transfer, before the file is closed or removed). */
    async idle() {
        if (this.inflight > 0)
            await new Promise((resolve) => (this.onIdle = resolve));
        if (this.cur) {
            this.pool.give(this.cur);
            this.cur = undefined;
        }
    }
    flush() {
        const buf = this.cur;
        const len = this.fill;
        this.cur = undefined;
        this.fill = 0;
        if (!buf)
            return;
        if (len === 0 || this.error) {
            this.pool.give(buf);
            return;
        }
        const at = this.pos;
        this.pos += len;
        this.inflight++;
        const end = { end: this.pos, done: false };
        this.ends.push(end);
        this.writeAll(buf, 0, len, at, end);
    }
    writeAll(buf, off, len, at, end) {
        external_node_fs_.write(this.fd, buf, off, len, at, (err, n) => {
            if (!err && n < len)
                return this.writeAll(buf, off + n, len - n, at + n, end);
            if (err)
                this.error ??= err;
            else {
                end.done = true;
                let written;
                while (this.ends[0]?.done)
                    written = this.ends.shift().end;
                if (written !== undefined)
                    this.onWritten?.(written);
            }
            this.pool.give(buf);
            this.inflight--;
            if (this.inflight === 0) {
                const done = this.onIdle;
                this.onIdle = undefined;
                done?.();
            }
            if (this.paused && this.inflight < 2) {
                this.paused = false;
                this.onDrain?.();
            }
        });
    }
}

// EXTERNAL MODULE: ./lib/s3/crc.js
var s3_crc = __webpack_require__(6332);
// EXTERNAL MODULE: ./lib/s3/list.js
var list = __webpack_require__(6200);
;// CONCATENATED MODULE: ./lib/storage/local-tree.js


/** Suffix of our temporary download files; anything ending in it is ours to delete. */
const PARTIAL_SUFFIX = '.marketsim-partial';
/** Present while a hydrate may have temporary files on disk; a run that finds it sweeps for a killed run's leftovers. */
const DOWNLOADING_MARKER = 'hydrate-downloading';
/**
 * Calls `visit` for each regular file below the pulled folders, reading names a few at a time
 * (no lstat, nothing kept per file: a folder of 100,000 files costs the memory of a few names).
 * Symlinks are neither followed nor visited; a missing folder is skipped.
 */
function forEachFile(localRoot, dirs, visit) {
    const stack = dirs.map((d) => [external_node_path_.join(localRoot, d), d]);
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        const [abs, rel] = top;
        let dir;
        try {
            dir = external_node_fs_.opendirSync(abs);
        }
        catch {
            continue;
        }
        try {
            for (let ent = dir.readSync(); ent; ent = dir.readSync()) {
                if (ent.isDirectory())
                    stack.push([external_node_path_.join(abs, ent.name), `${rel}/${ent.name}`]);
                else if (ent.isFile())
                    visit(external_node_path_.join(abs, ent.name), `${rel}/${ent.name}`, ent.name);
            }
        }
        finally {
            dir.closeSync();
        }
    }
}
/** Deletes our temporary files (a killed run's) below the pulled folders. Returns how many. */
function sweepPartials(localRoot, dirs) {
    let removed = 0;
    forEachFile(localRoot, dirs, (abs, _rel, name) => {
        if (!name.endsWith(PARTIAL_SUFFIX))
            return;
        try {
            external_node_fs_.unlinkSync(abs);
            removed++;
        }
        catch {
            // gone already
        }
    });
    return removed;
}
/** Paths (relative to the local root) of the files below `dirs` that `keep` refuses, our temporary files aside. */
function filesNotKept(localRoot, dirs, keep) {
    const out = [];
    forEachFile(localRoot, dirs, (_abs, rel, name) => {
        if (!name.endsWith(PARTIAL_SUFFIX) && !keep(rel))
            out.push(rel);
    });
    return out;
}

// EXTERNAL MODULE: ./lib/net/retry.js
var retry = __webpack_require__(6705);
// EXTERNAL MODULE: ./lib/s3/body-client.js
var body_client = __webpack_require__(7362);
// EXTERNAL MODULE: ./lib/s3/s3-http.js + 1 modules
var s3_http = __webpack_require__(8164);
;// CONCATENATED MODULE: ./lib/storage/download.js











/** Metadata key our uploads set, so a multipart ETag can be re-computed by anyone. */
const PART_SIZE_META = 'x-amz-meta-marketsim-part-size';
/**
 * smallMax equals writeBuffer so every whole-read body fits a pooled buffer: bench peak RSS
 * 139-140 MB with 1 MiB (bodies of 256 KiB-1 MiB allocated each time) against 119-121 MB, same speed.
 */
const DEFAULT_TUNING = {
    smallMax: 256 * 1024,
    rangeThreshold: 32 * 1024 * 1024,
    rangeSize: 8 * 1024 * 1024,
    writeBuffer: 256 * 1024,
    verifyAttempts: 3,
};
/** The bytes did not match the ETag after every attempt: never kept. */
class CorruptObjectError extends Error {
    name = 'CorruptObjectError';
}
/** The object was replaced while we read it (If-Match failed). */
class ObjectChangedError extends Error {
    name = 'ObjectChangedError';
}
/** Small files queued on the writer thread beyond which more go through the thread pool (~2 ms of writes on a local disk). */
const WRITER_BACKLOG = 32;
let tempCounter = 0;
/** `.<name>.<pid>-<n>.marketsim-partial` beside the target: unique per process, cheap to make. */
function tempPathFor(dest) {
    const base = external_node_path_.basename(dest).slice(0, 180);
    return external_node_path_.join(external_node_path_.dirname(dest), `.${base}.${process.pid}-${++tempCounter}${PARTIAL_SUFFIX}`);
}
function removeQuietly(file) {
    try {
        external_node_fs_.unlinkSync(file);
    }
    catch {
        // already gone
    }
}
/**
 * The part size behind a multipart ETag: our own uploads record it in metadata; otherwise the
 * size of part 1 from `HEAD ?partNumber=1` (R2 and S3 support it). Undefined when the answer is not
 * consistent with the part count (a store that ignores partNumber), so we never "verify" wrongly.
 * The same answer carries the CRC-32 metadata of our uploads, read at no extra request.
 */
async function headParts(http, key, size, parts, etag) {
    return http.call('HEAD', key, `head s3://${http.store.bucket}/${key}`, { query: { partNumber: '1' } }, async (res) => {
        const crc = (0,list/* normalizeEtag */.Pt)((0,s3_http/* header */.wx)(res, 'etag')) === etag ? (0,s3_crc/* parseCrcMeta */.Dm)((0,s3_http/* header */.wx)(res, s3_crc/* CRC_META */.hb)) : undefined;
        const meta = Number((0,s3_http/* header */.wx)(res, PART_SIZE_META));
        if ((0,s3_etag/* partSizeFits */.V)(size, meta, parts))
            return { partSize: meta, crc };
        const len = Number((0,s3_http/* header */.wx)(res, 'content-length'));
        return { partSize: (0,s3_etag/* partSizeFits */.V)(size, len, parts) ? len : undefined, crc };
    });
}
function checkEtag(item, expected, actual) {
    if (actual !== expected)
        throw new CorruptObjectError(`${item.key}: content does not match its ETag (${expected}, got ${actual})`);
}
function checkBytes(item, hasher, size) {
    if (hasher.bytes !== size)
        throw new CorruptObjectError(`${item.key}: got ${hasher.bytes} bytes, expected ${size}`);
    checkEtag(item, hasher.expected, hasher.digest());
}
/**
 * Bytes whose CRC-32 disagrees with the one our upload recorded: the ETag decides. When the MD5 (or
 * multipart MD5) matches it, the metadata is wrong, not the bytes: told, and the file is kept.
 * Otherwise, or when the ETag cannot be checked, the bytes are corrupt.
 */
function overruleCrc(ctx, item, etag, crc, md5) {
    const what = `CRC-32 ${(0,s3_crc/* crcHex */.Cv)(crc.got)}, but ${(0,s3_crc/* crcHex */.Cv)(crc.want)} was recorded at upload`;
    if (md5.method === 'size-only')
        throw new CorruptObjectError(`${item.key}: ${what}`);
    if (md5.actual !== etag)
        throw new CorruptObjectError(`${item.key}: ${what}; content does not match its ETag either (${etag}, got ${md5.actual})`);
    ctx.onNotice?.(`${item.key}: ${what}; its bytes match its ETag, so the metadata is wrong: kept, verified by MD5 (upload it again to mend the metadata)`);
    return md5.method;
}
function what(ctx, item) {
    return `get s3://${ctx.http.store.bucket}/${item.key}`;
}
/** The length the answer announces: the body client frames the body by it, and a small body is read into a buffer of that size. */
function lengthOf(item, headers) {
    const n = Number(headers['content-length']);
    if (!Number.isSafeInteger(n) || n < 0)
        throw new CorruptObjectError(`${item.key}: answer has no usable Content-Length`);
    return n;
}
/**
 * Small object: one GET into one buffer (pooled when it fits), verified, then
 * open/write/fstat/close/rename synchronously on the writer thread (SmallFileWriter), else on the
 * thread pool. Not synchronously on this thread: that froze every transfer whenever the kernel
 * throttled writeback (profiled: 2.9 s of a 15 s run blocked in writeSync). With our CRC-32 in
 * the answer's metadata, that is checked instead of the MD5, which is taken only if the CRC disagrees.
 */
async function downloadSmall(ctx, item, dest, partSize) {
    return (ctx.smallRequests ?? ctx.requests)(() => (0,retry/* withRetry */.bD)(what(ctx, item), async () => {
        let hasher;
        let want;
        let body;
        let got = 0;
        let size = 0;
        let etag = item.etag;
        let etagPartSize;
        const asked = Date.now();
        try {
            await ctx.http.getBody(item.key, what(ctx, item), { accept: [200] }, {
                start: (_status, headers) => {
                    // A GET is atomic: verify against the ETag it came with, which is newer than the listing's if they differ.
                    etag = (0,list/* normalizeEtag */.Pt)(headers.etag) || item.etag;
                    // The part size belongs to the listed ETag.
                    etagPartSize = etag === item.etag ? partSize : undefined;
                    want = (0,s3_crc/* parseCrcMeta */.Dm)(headers[s3_crc/* CRC_META */.hb]);
                    hasher = want === undefined ? new s3_etag/* EtagHasher */.v(etag, etagPartSize) : new s3_crc/* Crc32 */.s$();
                    size = lengthOf(item, headers);
                    body = size <= ctx.buffers.size ? ctx.buffers.take(size) : Buffer.allocUnsafe(size);
                },
                data: (chunk) => {
                    if (!hasher || !body || got + chunk.length > size)
                        throw new CorruptObjectError(`${item.key}: body longer than its Content-Length`);
                    // Read straight into the body's room (see `room`): nothing to copy.
                    if (chunk.buffer !== body.buffer || chunk.byteOffset !== body.byteOffset + got)
                        body.set(chunk, got);
                    got += chunk.length;
                    hasher.update(chunk);
                    return true;
                },
                room: () => body?.subarray(got, size),
            });
            if (!hasher || !body)
                throw new CorruptObjectError(`${item.key}: no answer`);
            ctx.onSmallLatency?.(Date.now() - asked);
            if (got !== size)
                throw new CorruptObjectError(`${item.key}: got ${got} bytes, expected ${size}`);
            let method;
            if (hasher instanceof s3_crc/* Crc32 */.s$) {
                if (hasher.value === want)
                    method = 'crc32';
                else {
                    const md5 = new s3_etag/* EtagHasher */.v(etag, etagPartSize);
                    md5.update(body.subarray(0, size));
                    method = overruleCrc(ctx, item, etag, { want: want, got: hasher.value }, { method: md5.method, actual: md5.digest() });
                }
            }
            else {
                checkBytes(item, hasher, size);
                method = hasher.method;
            }
            const tmp = tempPathFor(dest);
            // A backlog there (a slow file system: one thread creates files one at a time) spills to the thread pool's four.
            if (ctx.smallWriter && ctx.smallWriter.pending < WRITER_BACKLOG) {
                const mtimeMs = await ctx.smallWriter.write(tmp, dest, body.subarray(0, size));
                ctx.onBytes(size);
                return { size, etag, mtimeMs, method };
            }
            try {
                const fh = await external_node_fs_.promises.open(tmp, 'wx', 0o644);
                let mtimeMs;
                try {
                    await fh.write(body, 0, size, 0);
                    mtimeMs = (await fh.stat()).mtimeMs;
                }
                finally {
                    await fh.close();
                }
                await external_node_fs_.promises.rename(tmp, dest);
                ctx.onBytes(size);
                return { size, etag, mtimeMs, method };
            }
            catch (e) {
                removeQuietly(tmp);
                throw e;
            }
        }
        finally {
            if (body)
                ctx.buffers.give(body);
        }
    }, ctx.http.retryPolicy, ctx.onRetry));
}
/**
 * Streams `bytes start..end` of the object (the whole body when `range` is absent), pinned to the
 * listed ETag with If-Match, into `fd` at the same offsets through a FileWriter. Every chunk is
 * given to `hash` first, and to a CRC-32 when the answer carries our CRC metadata (zlib.crc32:
 * ~3 ms per 8 MiB range on this thread). `stream` is told of the bytes as they are written. A short,
 * long or replaced body throws; progress of a failed attempt is taken back.
 */
async function fetchToFile(ctx, item, fd, range, hash, stream) {
    const [start, end] = range ?? [0, item.size - 1];
    const writer = new FileWriter(fd, start, ctx.buffers, body_client/* READ_BUFFER */.ms);
    if (stream)
        writer.onWritten = (pos) => stream.written(pos - start);
    let pos = start;
    const out = { crc: 0 };
    try {
        await ctx.http.getBody(item.key, what(ctx, item), { headers: { ...(range ? { range: `bytes=${start}-${end}` } : {}), 'if-match': `"${item.etag}"` }, accept: [range ? 206 : 200, 412] }, {
            start: (status, headers, resume) => {
                if (status === 412)
                    throw new ObjectChangedError(item.key);
                if (range) {
                    const cr = parseContentRange(headers['content-range']);
                    if (!cr || cr.start !== start || cr.end !== end || cr.total !== item.size) {
                        throw new CorruptObjectError(`${item.key}: store answered range ${headers['content-range']} for bytes ${start}-${end}/${item.size}`);
                    }
                }
                else if (lengthOf(item, headers) !== item.size)
                    throw new CorruptObjectError(`${item.key}: Content-Length ${headers['content-length']}, listed ${item.size}`);
                out.want = (0,s3_crc/* parseCrcMeta */.Dm)(headers[s3_crc/* CRC_META */.hb]);
                writer.onDrain = resume;
            },
            room: () => writer.room(),
            data: (chunk) => {
                if (pos + chunk.length > end + 1)
                    throw new CorruptObjectError(`${item.key}: range ${start}-${end} ran long`);
                hash?.update(chunk);
                if (out.want !== undefined)
                    out.crc = (0,s3_crc/* crc32 */.QR)(chunk, out.crc);
                pos += chunk.length;
                ctx.onBytes(chunk.length);
                return writer.write(chunk);
            },
        });
        if (pos !== end + 1)
            throw new CorruptObjectError(`${item.key}: range ${start}-${end} ended at ${pos}`);
        await writer.end();
        return out;
    }
    catch (e) {
        await writer.idle();
        ctx.onBytes(start - pos);
        throw e;
    }
}
/** The written file's MD5 (or multipart MD5), as its ETag's form asks: on a worker with a pool, else here. A short file is corrupt. */
async function md5OfFile(ctx, item, tmp, partSize) {
    let v;
    if (ctx.hashes)
        v = await ctx.hashes.verify(tmp, item.size, item.etag, partSize);
    else {
        const hasher = new s3_etag/* EtagHasher */.v(item.etag, partSize);
        await (0,s3_etag/* hashPath */.Gv)(tmp, item.size, hasher);
        v = { method: hasher.method, actual: hasher.digest(), bytes: hasher.bytes };
    }
    if (v.bytes !== item.size)
        throw new CorruptObjectError(`${item.key}: got ${v.bytes} bytes, expected ${item.size}`);
    return v;
}
/** The written file checked against its ETag. */
async function verifyFile(ctx, item, tmp, partSize) {
    const v = await md5OfFile(ctx, item, tmp, partSize);
    checkEtag(item, item.etag, v.actual);
    return { size: item.size, etag: item.etag, method: v.method };
}
/** The written file, all of whose answers carried our CRC: checked by it, or (when it disagrees) by the ETag. */
async function verifyByCrc(ctx, item, tmp, crc, partSize) {
    if (crc.got === crc.want)
        return { size: item.size, etag: item.etag, method: 'crc32' };
    return { size: item.size, etag: item.etag, method: overruleCrc(ctx, item, item.etag, crc, await md5OfFile(ctx, item, tmp, partSize)) };
}
/** Medium object: one GET streamed to a temporary file, checked by our CRC on the way, else hashed on the way (or, with a hash pool, read back on a worker). */
async function downloadStream(ctx, item, tmp, partSize) {
    let fetched = { crc: 0 };
    await ctx.requests(() => (0,retry/* withRetry */.bD)(what(ctx, item), async () => {
        const hasher = ctx.hashes ? undefined : new s3_etag/* EtagHasher */.v(item.etag, partSize);
        const fh = await external_node_fs_.promises.open(tmp, 'w', 0o644);
        try {
            fetched = await fetchToFile(ctx, item, fh.fd, undefined, hasher);
        }
        finally {
            await fh.close();
        }
        if (hasher && fetched.want === undefined)
            checkBytes(item, hasher, item.size);
    }, ctx.http.retryPolicy, ctx.onRetry));
    // Outside the request slot: the next GET starts while a worker hashes this file.
    if (fetched.want !== undefined)
        return verifyByCrc(ctx, item, tmp, { want: fetched.want, got: fetched.crc }, partSize);
    return ctx.hashes ? verifyFile(ctx, item, tmp, partSize) : { size: item.size, etag: item.etag, method: (0,s3_etag/* verifyMethod */.Xr)(item.etag, partSize) };
}
function parseContentRange(v) {
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(v ?? '');
    return m ? { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]) } : undefined;
}
/**
 * Large object: parallel ranged GETs pinned with If-Match, written at their offsets. When every
 * answer carries our CRC, the ranges' CRCs combine into the object's and nothing is read back;
 * otherwise a multipart ETag with a known part size is checked part by part as parts arrive, and
 * a single-part one by hashing the file in order.
 */
async function downloadRanged(ctx, item, tmp, head) {
    const { partSize } = head;
    // The ranges are written here; without our CRC the file is read back by path to be hashed.
    const fh = await external_node_fs_.promises.open(tmp, 'w', 0o644);
    try {
        await fh.truncate(item.size);
        // With a multipart ETag, a known part size and no CRC of ours, one range per part: each part's
        // MD5 is taken as its bytes arrive, in parallel, and the file never has to be read back to be verified.
        const inline = head.crc === undefined && partSize !== undefined && (0,s3_etag/* multipartParts */.h1)(item.etag) !== undefined && partSize <= 4 * ctx.tuning.rangeSize;
        const step = inline ? partSize : ctx.tuning.rangeSize;
        const ranges = [];
        for (let start = 0; start < item.size; start += step)
            ranges.push([start, Math.min(item.size, start + step) - 1]);
        const partMd5s = new Array(ranges.length);
        const partHashes = new Array(ranges.length);
        const fetched = new Array(ranges.length);
        let failed = false;
        const pool = ctx.hashes;
        const settled = await Promise.allSettled(ranges.map((range, i) => ctx
            .requests(() => {
            // Once one range has failed for good, the queued ones are not worth fetching.
            if (failed)
                throw new Error('cancelled');
            return (0,retry/* withRetry */.bD)(`${what(ctx, item)} bytes ${range[0]}-${range[1]}`, async () => {
                const md5 = inline && !pool ? (0,external_node_crypto_.createHash)('md5') : undefined;
                // With a pool, a worker hashes the part as its bytes are written (each attempt anew).
                const stream = inline && pool ? pool.stream(tmp, range[0], range[1] - range[0] + 1) : undefined;
                try {
                    fetched[i] = await fetchToFile(ctx, item, fh.fd, range, md5, stream);
                }
                catch (e) {
                    stream?.cancel();
                    throw e;
                }
                if (md5)
                    partMd5s[i] = md5.digest();
                partHashes[i] = stream;
            }, ctx.http.retryPolicy, ctx.onRetry).catch((e) => {
                failed = true;
                throw e;
            });
        })
            // The part's last bytes are hashed while the request slot goes to the next range.
            .then(async () => {
            const stream = partHashes[i];
            if (stream)
                partMd5s[i] = Buffer.from((await stream.result).md5, 'hex');
        })));
        const firstFailure = settled.find((r) => r.status === 'rejected' && r.reason.message !== 'cancelled');
        if (firstFailure)
            throw firstFailure.reason;
        const want = fetched[0]?.want;
        if (want !== undefined && fetched.every((f) => f.want === want)) {
            const got = fetched.reduce((acc, f, i) => (0,s3_crc/* crc32Combine */.zz)(acc, f.crc, ranges[i][1] - ranges[i][0] + 1), 0);
            return await verifyByCrc(ctx, item, tmp, { want, got }, partSize);
        }
        if (inline) {
            checkEtag(item, item.etag, (0,s3_etag/* compositeEtag */.Ln)(partMd5s));
            return { size: item.size, etag: item.etag, method: 'multipart-md5' };
        }
        // Single-part ETag (or a part size too big to fetch per part): hash the file front to back (it is in the page cache).
        return await verifyFile(ctx, item, tmp, partSize);
    }
    finally {
        await fh.close();
    }
}
/**
 * Downloads one object to `dest` (whose folder exists and was checked): bytes land in a temporary
 * file beside it and are renamed only after size and ETag (or our CRC) match. Corruption and
 * mid-read replacement are retried as a whole; the bytes of a failed attempt are never kept.
 */
async function downloadObject(ctx, item, dest) {
    let current = item;
    let lastError;
    for (let attempt = 1; attempt <= ctx.tuning.verifyAttempts; attempt++) {
        const parts = (0,s3_etag/* multipartParts */.h1)(current.etag);
        const head = parts === undefined ? {} : await ctx.requests(() => headParts(ctx.http, current.key, current.size, parts, current.etag));
        if (current.size <= ctx.tuning.smallMax) {
            try {
                return await downloadSmall(ctx, current, dest, head.partSize);
            }
            catch (e) {
                if (!(e instanceof CorruptObjectError))
                    throw e;
                lastError = e;
                ctx.onRetry(`${e.message}; attempt ${attempt} of ${ctx.tuning.verifyAttempts}`);
                continue;
            }
        }
        const tmp = tempPathFor(dest);
        try {
            const got = current.size < ctx.tuning.rangeThreshold ? await downloadStream(ctx, current, tmp, head.partSize) : await downloadRanged(ctx, current, tmp, head);
            const mtimeMs = external_node_fs_.statSync(tmp).mtimeMs;
            external_node_fs_.renameSync(tmp, dest);
            return { ...got, mtimeMs };
        }
        catch (e) {
            removeQuietly(tmp);
            if (e instanceof ObjectChangedError) {
                ctx.onRetry(`${current.key} changed in the bucket while downloading; starting over`);
                current = await ctx.requests(() => headObject(ctx.http, current));
            }
            else if (e instanceof CorruptObjectError) {
                ctx.onRetry(`${e.message}; attempt ${attempt} of ${ctx.tuning.verifyAttempts}`);
            }
            else
                throw e;
            lastError = e;
        }
    }
    throw new CorruptObjectError(`${item.key}: not saved after ${ctx.tuning.verifyAttempts} attempts: ${lastError.message}`);
}
async function headObject(http, item) {
    return http.call('HEAD', item.key, `head s3://${http.store.bucket}/${item.key}`, {}, async (res) => ({
        ...item,
        size: Number((0,s3_http/* header */.wx)(res, 'content-length')),
        etag: (0,list/* normalizeEtag */.Pt)((0,s3_http/* header */.wx)(res, 'etag')),
    }));
}

// EXTERNAL MODULE: ./lib/atomic-write.js
var atomic_write = __webpack_require__(9296);
// EXTERNAL MODULE: ./lib/s3/key-order.js
var key_order = __webpack_require__(5900);
;// CONCATENATED MODULE: ./lib/storage/sorted-lines.js


/**
 * Files of JSON lines `["<key>", ...]` sorted by key (S3's order): looked up by binary search over
 * byte offsets and read forward a piece at a time, merged without holding either side. This is
 * how a state of 100,000 records is used without loading it.
 */
/** Lines read (and scanned) a piece at a time. */
const READ_CHUNK = 1 << 16;
/** Below this span the binary search stops and the caller scans forward. */
const SCAN_SPAN = 1 << 16;
/** One probe reads this much: enough for the line after any offset (keys are at most 1,024 bytes). */
const PROBE = 1 << 13;
/** The key of `["<key>", ...]`: sliced without a parse when it has no escapes (nearly always). */
function keyOfLine(line) {
    if (line.startsWith('["')) {
        const end = line.indexOf('"', 2);
        const esc = line.indexOf('\\', 2);
        if (end !== -1 && (esc === -1 || esc > end))
            return line.slice(2, end);
    }
    try {
        const j = JSON.parse(line);
        return Array.isArray(j) && typeof j[0] === 'string' ? j[0] : undefined;
    }
    catch {
        return undefined;
    }
}
/** The lines of an open file from byte `pos` on; `onRead` counts the bytes read. */
function* linesFrom(fd, pos, onRead) {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    let rest = '';
    for (;;) {
        const n = external_node_fs_.readSync(fd, buf, 0, buf.length, pos);
        if (n === 0)
            break;
        onRead?.(n);
        pos += n;
        // Cut at the last newline: a UTF-8 character never spans it.
        const cut = buf.lastIndexOf(10, n - 1);
        if (cut === -1) {
            rest += buf.toString('utf8', 0, n);
            continue;
        }
        const text = rest + buf.toString('utf8', 0, cut);
        rest = buf.toString('utf8', cut + 1, n);
        yield* text.split('\n');
    }
    if (rest)
        yield rest;
}
/** The lines of `file` from byte `from` on; nothing when it does not exist. */
function* linesOf(file, from = 0) {
    let fd;
    try {
        fd = external_node_fs_.openSync(file, 'r');
    }
    catch {
        return;
    }
    try {
        yield* linesFrom(fd, from);
    }
    finally {
        external_node_fs_.closeSync(fd);
    }
}
/**
 * A line start at or after `start` such that every line before it has a key below `target`:
 * scanning forward from there meets `target`'s line, if any, within about 64 KiB. `start` must be
 * a line start. A line the probe cannot read whole only ends the search early (a longer scan).
 */
function seekLine(fd, start, size, target, onRead) {
    const buf = Buffer.allocUnsafe(PROBE);
    let lo = start;
    let hi = size;
    while (hi - lo > SCAN_SPAN) {
        const mid = lo + Math.floor((hi - lo) / 2);
        const n = external_node_fs_.readSync(fd, buf, 0, PROBE, mid);
        onRead?.(n);
        const got = buf.subarray(0, n);
        const nl = got.indexOf(10);
        const end = nl === -1 ? -1 : got.indexOf(10, nl + 1);
        const key = end === -1 ? undefined : keyOfLine(got.toString('utf8', nl + 1, end));
        const lineStart = mid + nl + 1;
        // Each branch narrows [lo, hi): a line met at or past hi says nothing new.
        if (key === undefined || lineStart >= hi)
            hi = mid;
        else if ((0,key_order/* compareKeys */.Y)(key, target) < 0)
            lo = mid + end + 1;
        else
            hi = lineStart;
    }
    return lo;
}
function byKey(a, b) {
    return (0,key_order/* compareKeys */.Y)(a.key, b.key);
}
/**
 * Merges sources sorted by key into one sorted stream of lines. For a key in several sources (or
 * several times in one), the last wins: later sources are newer. A winning removal drops the key.
 */
function* mergeSorted(sources) {
    const heads = sources.map((s) => s.next());
    for (;;) {
        let min;
        for (const h of heads)
            if (!h.done && (min === undefined || (0,key_order/* compareKeys */.Y)(h.value.key, min) < 0))
                min = h.value.key;
        if (min === undefined)
            return;
        let winner = null;
        for (let i = 0; i < heads.length; i++) {
            let h = heads[i];
            while (!h.done && h.value.key === min) {
                winner = h.value.line;
                h = sources[i].next();
            }
            heads[i] = h;
        }
        if (winner !== null)
            yield winner;
    }
}
/** Lines joined into pieces of ~64 KiB, each line ended by a newline: few writes, no whole-file string. */
function* batchLines(lines) {
    let out = '';
    for (const l of lines) {
        out += `${l}\n`;
        if (out.length >= READ_CHUNK) {
            yield out;
            out = '';
        }
    }
    if (out)
        yield out;
}

;// CONCATENATED MODULE: ./lib/storage/local-state.js





const STATE_DIR = '.marketsim';
const STATE_FILE = 'hydrate-state.json';
/** Changes since the last snapshot, one JSON line each: `[rel, size, etag, mtimeMs, method]` or `[rel]` for a removal. */
const JOURNAL_SUFFIX = '.journal';
function statePath(localRoot) {
    return external_node_path_.join(localRoot, STATE_DIR, STATE_FILE);
}
function parseJournalLine(line) {
    if (!line)
        return undefined;
    try {
        const j = JSON.parse(line);
        if (!Array.isArray(j) || typeof j[0] !== 'string')
            return undefined;
        if (j.length === 1 || j.length === 5)
            return j;
    }
    catch {
        // the torn last line of a killed run
    }
    return undefined;
}
/** A journal line as a merge takes it: a removal has no line. */
function keyedOf(line) {
    const j = parseJournalLine(line);
    return j && { key: j[0], line: j.length === 1 ? null : line };
}
function entryOf(line) {
    const j = parseJournalLine(line);
    return j && j.length === 5 ? { size: j[1], etag: j[2], mtimeMs: j[3], method: j[4] } : undefined;
}
/** The first line of a snapshot; the records follow, one per line, sorted by path in S3's key order. */
const HEADER = '{"version":2}';
const DATA_START = Buffer.byteLength(`${HEADER}\n`);
/** Journal records sorted in memory at a time when a snapshot is written; more spill to sorted run files. */
const SORT_CHUNK = 20_000;
/**
 * The hydrate state file, kept in `<local-root>/.marketsim/` (outside the data folders, so the
 * simulator never sees it): a header line, then one record per line, sorted by path in the order
 * S3 lists keys. It is never loaded: each listing page is looked up in one forward pass over the
 * slice of the file it spans (found by binary search), so a no-op over 100,000 objects holds no
 * record per file.
 *
 * During a run, changes are appended to a journal beside it (`flush`, every 2 s: a few lines, not
 * the whole 10 MB of a 100,000-object state). `save` merges the journal into a new snapshot, sorted
 * in pieces of SORT_CHUNK records, written atomically, and drops the journal. Loading merges a
 * killed run's journal first (ignoring its torn last line), so it loses nothing it had flushed. A
 * lost or corrupt file only costs re-verification. A version 1 file (one JSON object) is rewritten
 * once.
 */
class LocalState {
    file;
    sortChunk;
    /** Changes not yet in the journal; null = removed. */
    pending = new Map();
    /** The journal holds lines the snapshot lacks. */
    dirty = false;
    /** A killed run's journal could not be merged at load: this run's lines start on a line of their own. */
    tornCheck = false;
    saved = false;
    /** Bytes read from the snapshot by lookups (a test checks that a page reads only its slice). */
    bytesRead = 0;
    constructor(file, sortChunk = SORT_CHUNK) {
        this.file = file;
        this.sortChunk = sortChunk;
    }
    static load(file, sortChunk = SORT_CHUNK) {
        const s = new LocalState(file, sortChunk);
        s.upgradeVersion1();
        if (external_node_fs_.existsSync(s.journal)) {
            s.dirty = true;
            try {
                s.merge();
            }
            catch {
                // Left for save (which merges the whole journal); until then lookups miss its records,
                // which costs re-verification of those files, never a wrong skip.
                s.tornCheck = true;
            }
        }
        return s;
    }
    get journal() {
        return `${this.file}${JOURNAL_SUFFIX}`;
    }
    /** A version 1 state (one JSON object) becomes a sorted snapshot, once. */
    upgradeVersion1() {
        const snap = this.openSnapshot();
        if (snap) {
            external_node_fs_.closeSync(snap.fd);
            return;
        }
        let raw;
        try {
            raw = external_node_fs_.readFileSync(this.file, 'utf8');
        }
        catch {
            return;
        }
        try {
            const parsed = JSON.parse(raw);
            if (parsed.version !== 1 || !parsed.files || typeof parsed.files !== 'object')
                return;
            const recs = [];
            for (const [rel, p] of Object.entries(parsed.files))
                if (Array.isArray(p) && p.length === 4)
                    recs.push({ key: rel, line: JSON.stringify([rel, ...p]) });
            recs.sort(byKey);
            (0,atomic_write/* writeChunksAtomic */.x)(this.file, batchLines([HEADER, ...recs.map((r) => r.line)]));
        }
        catch {
            // A torn or foreign file: lookups find nothing in it, and save replaces it.
        }
    }
    /**
     * The records of `rels` from before this run, or their changes in this run not flushed yet. One
     * forward pass over the slice of the snapshot they span: a listing page, in key order, reads
     * about its own share of the file.
     */
    lookup(rels) {
        const out = new Array(rels.length).fill(undefined);
        const want = [];
        for (let i = 0; i < rels.length; i++) {
            const p = this.pending.get(rels[i]);
            if (p === undefined)
                want.push(i);
            else
                out[i] = p ?? undefined;
        }
        if (want.length === 0)
            return out;
        // Already in this order when they come from a listing page: the sort is one pass then.
        want.sort((i, j) => (0,key_order/* compareKeys */.Y)(rels[i], rels[j]));
        const snap = this.openSnapshot();
        if (!snap)
            return out;
        const { fd, size, count } = snap;
        try {
            let k = 0;
            for (const line of linesFrom(fd, seekLine(fd, DATA_START, size, rels[want[0]], count), count)) {
                const key = keyOfLine(line);
                if (key === undefined)
                    continue;
                while (k < want.length && (0,key_order/* compareKeys */.Y)(rels[want[k]], key) < 0)
                    k++;
                if (k === want.length)
                    break;
                while (k < want.length && rels[want[k]] === key)
                    out[want[k++]] = entryOf(line);
            }
        }
        finally {
            external_node_fs_.closeSync(fd);
        }
        return out;
    }
    /**
     * Up to `max` records after the path `after` (exclusive) and under its folder `dir`, in key order:
     * what a listing range will most likely name first (the read-ahead of a no-op).
     */
    *recordsAfter(after, dir, max) {
        const snap = this.openSnapshot();
        if (!snap)
            return;
        const { fd, size, count } = snap;
        try {
            let n = 0;
            for (const line of linesFrom(fd, seekLine(fd, DATA_START, size, after, count), count)) {
                const key = keyOfLine(line);
                if (key === undefined || (0,key_order/* compareKeys */.Y)(key, after) <= 0)
                    continue;
                if (!key.startsWith(`${dir}/`))
                    return;
                const e = entryOf(line);
                if (!e)
                    continue;
                yield [key, e];
                if (++n >= max)
                    return;
            }
        }
        finally {
            external_node_fs_.closeSync(fd);
        }
    }
    /** The snapshot open for reading, when there is one with our header (closed here otherwise); `count` adds to bytesRead. */
    openSnapshot() {
        let fd;
        try {
            fd = external_node_fs_.openSync(this.file, 'r');
        }
        catch {
            return undefined;
        }
        try {
            const head = Buffer.alloc(DATA_START);
            if (external_node_fs_.readSync(fd, head, 0, DATA_START, 0) === DATA_START && head.toString('utf8') === `${HEADER}\n`) {
                return { fd, size: external_node_fs_.fstatSync(fd).size, count: (n) => (this.bytesRead += n) };
            }
        }
        catch {
            // unreadable: as if absent
        }
        external_node_fs_.closeSync(fd);
        return undefined;
    }
    /** One record; see `lookup`. */
    get(rel) {
        return this.lookup([rel])[0];
    }
    set(rel, e) {
        this.usable();
        this.pending.set(rel, e);
        this.dirty = true;
    }
    delete(rel) {
        this.usable();
        this.pending.set(rel, null);
        this.dirty = true;
    }
    /** Appends the changes since the last flush to the journal (cheap: only what changed). */
    flush() {
        if (this.pending.size === 0)
            return;
        let lines = '';
        for (const [rel, e] of this.pending)
            lines += `${JSON.stringify(e ? [rel, e.size, e.etag, e.mtimeMs, e.method] : [rel])}\n`;
        external_node_fs_.mkdirSync(external_node_path_.dirname(this.file), { recursive: true });
        if (this.tornCheck) {
            // After a killed run's torn last line, this run's lines start on a line of their own.
            if (!endsWithNewline(this.journal))
                lines = `\n${lines}`;
            this.tornCheck = false;
        }
        // Kept pending until appended: a failed append (disk full) is tried again at the next flush.
        // A partial append leaves a torn line, which loading skips; a record it held is re-verified next run.
        external_node_fs_.appendFileSync(this.journal, lines);
        this.pending.clear();
    }
    /** Merges the journal into a new snapshot (see the class comment), then drops the journal. */
    save() {
        if (!this.dirty)
            return;
        this.flush();
        this.merge();
        this.saved = true;
    }
    merge() {
        const runs = [];
        try {
            const sources = [this.snapshotRecords()];
            let chunk = [];
            const spill = () => {
                // Stable: a path changed twice keeps its journal order, and the later wins the merge.
                chunk.sort(byKey);
                const run = `${this.file}.run-${process.pid}-${runs.length}`;
                runs.push(run);
                external_node_fs_.writeFileSync(run, [...batchLines(chunk.map((r) => r.line ?? JSON.stringify([r.key])))].join(''));
                chunk = [];
            };
            for (const line of linesOf(this.journal)) {
                const rec = keyedOf(line);
                if (!rec)
                    continue;
                chunk.push(rec);
                if (chunk.length >= this.sortChunk)
                    spill();
            }
            if (runs.length && chunk.length)
                spill();
            if (runs.length)
                for (const run of runs)
                    sources.push(runRecords(run));
            else
                sources.push(chunk.sort(byKey).values());
            (0,atomic_write/* writeChunksAtomic */.x)(this.file, batchLines([HEADER, ...mergeSorted(sources)]));
            external_node_fs_.rmSync(this.journal, { force: true });
            this.dirty = false;
        }
        finally {
            for (const run of runs)
                external_node_fs_.rmSync(run, { force: true });
        }
    }
    *snapshotRecords() {
        const snap = this.openSnapshot();
        if (!snap)
            return;
        try {
            for (const line of linesFrom(snap.fd, DATA_START)) {
                const key = keyOfLine(line);
                if (key !== undefined)
                    yield { key, line };
            }
        }
        finally {
            external_node_fs_.closeSync(snap.fd);
        }
    }
    usable() {
        if (this.saved)
            throw new Error('LocalState: changed after save; load the file again');
    }
}
function* runRecords(file) {
    for (const line of linesOf(file)) {
        const rec = keyedOf(line);
        if (rec)
            yield rec;
    }
}
function endsWithNewline(file) {
    let fd;
    try {
        fd = external_node_fs_.openSync(file, 'r');
    }
    catch {
        return true;
    }
    try {
        const size = external_node_fs_.fstatSync(fd).size;
        if (size === 0)
            return true;
        const b = Buffer.alloc(1);
        external_node_fs_.readSync(fd, b, 0, 1, size - 1);
        return b[0] === 10;
    }
    finally {
        external_node_fs_.closeSync(fd);
    }
}

;// CONCATENATED MODULE: ./lib/storage/listing-hints.js





const HINTS_FILE = 'listing-hints.json';
function hintsPath(localRoot) {
    return external_node_path_.join(localRoot, STATE_DIR, HINTS_FILE);
}
/**
 * Where last run's listings can be split, so a folder of many pages is listed in parallel ranges.
 * A file of its own, a few hundred bytes: it is read before the requests go out, while the state
 * file (10 MB at 100,000 objects; ~10 ms to parse at 3,000) is read during the wait. A missing,
 * stale or corrupt file only costs balance: the ranges partition the key space whatever they are.
 */
class ListingHints {
    file;
    splits;
    changed = false;
    constructor(file, splits) {
        this.file = file;
        this.splits = splits;
    }
    static load(localRoot) {
        const file = hintsPath(localRoot);
        try {
            const parsed = JSON.parse(external_node_fs_.readFileSync(file, 'utf8'));
            if (parsed.version === 1 && parsed.splits && typeof parsed.splits === 'object') {
                const splits = Object.create(null);
                for (const [k, v] of Object.entries(parsed.splits))
                    if (Array.isArray(v) && v.every((s) => typeof s === 'string'))
                        splits[k] = v;
                return new ListingHints(file, splits);
            }
        }
        catch {
            // none yet, or unreadable: list each folder from its start
        }
        return new ListingHints(file, Object.create(null));
    }
    splitAfter(bucket, prefix) {
        return this.splits[`${bucket}/${prefix}`] ?? [];
    }
    /** Records the split points of a fresh listing, from its pages' ends (in any order). */
    learn(bucket, prefix, pages) {
        const id = `${bucket}/${prefix}`;
        const next = (0,list/* splitPointsFromPages */.i0)(pages);
        const prev = this.splits[id] ?? [];
        if (next.length === prev.length && next.every((k, i) => k === prev[i]))
            return;
        if (next.length)
            this.splits[id] = next;
        else
            delete this.splits[id];
        this.changed = true;
    }
    /** Writes the file when a listing's split points changed (a no-op run writes nothing). */
    save() {
        if (!this.changed)
            return;
        (0,atomic_write/* writeFileAtomic */.Z)(this.file, JSON.stringify({ version: 1, splits: this.splits }));
        this.changed = false;
    }
}

;// CONCATENATED MODULE: ./lib/storage/local-view.js


/** Parents of `rel` below its pulled folder, outermost first: `a/b/c/f` gives `a/b`, `a/b/c`. */
function* parentsBelowTop(rel) {
    let i = rel.indexOf('/');
    i = rel.indexOf('/', i + 1);
    while (i !== -1) {
        yield rel.slice(0, i);
        i = rel.indexOf('/', i + 1);
    }
}
/** Folders remembered at a time; past it the memory starts over (it is a cache: one lstat more per folder). */
const DIR_CACHE = 4096;
/**
 * The planner without a walk: one lstat per listed path, as its page is planned, and one per
 * folder on the way (remembered). A no-op over 100,000 objects then holds nothing per file, and a
 * fresh host (no folder yet) spends one lstat per folder, not per object.
 */
class StatView {
    localRoot;
    dirs = new Map();
    constructor(localRoot) {
        this.localRoot = localRoot;
    }
    take(rel) {
        // A missing pulled folder holds nothing (a fresh host): one lstat for all its objects.
        if (this.kind(rel.slice(0, rel.indexOf('/'))) === 'none')
            return undefined;
        for (const p of parentsBelowTop(rel))
            if (this.kind(p) !== 'dir')
                return undefined;
        try {
            const st = external_node_fs_.lstatSync(external_node_path_.join(this.localRoot, rel));
            return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
        }
        catch {
            return undefined;
        }
    }
    linkAbove(rel) {
        if (this.kind(rel.slice(0, rel.indexOf('/'))) === 'none')
            return undefined;
        for (const p of parentsBelowTop(rel)) {
            const k = this.kind(p);
            if (k === 'link')
                return p;
            if (k === 'none')
                return undefined;
        }
        return undefined;
    }
    kind(rel) {
        let k = this.dirs.get(rel);
        if (k !== undefined)
            return k;
        try {
            // The pulled folder may be a link to a folder: it is followed (stat), anything below is not (lstat).
            const abs = external_node_path_.join(this.localRoot, rel);
            const st = rel.includes('/') ? external_node_fs_.lstatSync(abs) : external_node_fs_.statSync(abs);
            k = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : 'none';
        }
        catch {
            k = 'none';
        }
        if (this.dirs.size >= DIR_CACHE)
            this.dirs.clear();
        this.dirs.set(rel, k);
        return k;
    }
}

;// CONCATENATED MODULE: ./lib/storage/read-ahead.js
/** Records held at most: ~5 MB, whatever the object count. */
const READ_AHEAD_MAX = 32_000;
/** Records per turn of the event loop (~1 ms): a page that arrives meanwhile waits no longer. */
const SLICE = 256;
/** Records read at the start of each listing range: one page's worth. */
const PER_RANGE = 1000;
/**
 * A re-run's read-ahead. While the first listing pages are on their way (~100 ms from R2), the
 * state records at the start of each listing range are read and their files lstat'ed, so planning
 * those pages costs a map lookup instead of a state lookup and an lstat each (3,000 objects: ~15
 * ms on the critical path). Listings name, in key order, mostly what the state recorded last time.
 * It stops when the first page arrives; what it holds is bounded (READ_AHEAD_MAX) and let go once
 * the listings are planned.
 */
class ReadAhead {
    state;
    local;
    ranges;
    max;
    got = new Map();
    stopped = false;
    /** `ranges`: where each listing range starts, as `[after, dir]` (the path it lists after, and its folder). */
    constructor(state, local, ranges, max = READ_AHEAD_MAX) {
        this.state = state;
        this.local = local;
        this.ranges = ranges;
        this.max = max;
    }
    async run() {
        let inSlice = 0;
        for (const [after, dir] of this.ranges) {
            // Leaving the loop early closes the state file (for-of returns the generator).
            for (const [rel, entry] of this.state.recordsAfter(after, dir, PER_RANGE)) {
                if (this.stopped || this.got.size >= this.max)
                    return;
                this.got.set(rel, { entry, local: this.local.take(rel) });
                if (++inSlice === SLICE) {
                    inSlice = 0;
                    await new Promise((resolve) => setImmediate(resolve));
                }
            }
        }
    }
    stop() {
        this.stopped = true;
    }
    /** The record and the lstat of `rel`, read ahead (once: it is let go). */
    take(rel) {
        const hit = this.got.get(rel);
        if (hit)
            this.got.delete(rel);
        return hit;
    }
    get size() {
        return this.got.size;
    }
    clear() {
        this.stopped = true;
        this.got.clear();
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
;// CONCATENATED MODULE: ./lib/storage/key-safety.js

/**
 * Why an object key may not become a local path, or undefined when it is safe.
 * Checked before any file-system call: `..`/`.`/empty segments, a leading `/`, backslashes,
 * NUL and drive letters are refused outright, then the resolved path must stay under the root.
 */
let lastRoot = '';
let lastResolved = '';
/**
 * The common shape (ASCII letters, digits, `_ - .`, segments that do not start with a dot, single
 * slashes): safe by construction, so the checks below are skipped. A no-op plan of 3,000 keys spent
 * 3-9 ms in them (path.resolve per key), most of the planning.
 */
const PLAIN_KEY = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;
function unsafeKeyReason(relativeKey, root) {
    if (PLAIN_KEY.test(relativeKey))
        return undefined;
    if (relativeKey.length === 0)
        return 'empty name';
    if (relativeKey.includes('\0'))
        return 'contains a NUL byte';
    if (relativeKey.includes('\\'))
        return 'contains a backslash';
    if (relativeKey.startsWith('/'))
        return 'starts with /';
    if (/^[A-Za-z]:/.test(relativeKey))
        return 'starts with a drive letter';
    for (const seg of relativeKey.split('/')) {
        if (seg === '..')
            return "has a '..' segment";
        if (seg === '.')
            return "has a '.' segment";
        if (seg === '')
            return 'has an empty segment (//)';
    }
    // Defense in depth (the segment rules already keep a key inside); the root is resolved once, not per key.
    if (root !== lastRoot) {
        lastRoot = root;
        lastResolved = external_node_path_.resolve(root);
    }
    const resolvedRoot = lastResolved;
    const target = external_node_path_.resolve(resolvedRoot, relativeKey);
    if (target !== resolvedRoot && !target.startsWith(resolvedRoot + external_node_path_.sep))
        return 'resolves outside the target folder';
    return undefined;
}

;// CONCATENATED MODULE: ./lib/storage/listed-paths.js
/** Digests kept per growth step: 512 KiB. */
const CHUNK = 65_536;
/**
 * cyrb53 (bryc, public domain): a 53-bit hash of the UTF-16 units, exact in a double. ~40 ns a
 * path here, where a SHA-256 per path (createHash) cost ~3 µs: 0.6 s of a 100,000-object no-op.
 */
function digest(rel) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < rel.length; i++) {
        const c = rel.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
/**
 * The set of paths a listing named, kept as 8 bytes per path (a 53-bit hash) in typed arrays
 * outside the JS heap: what delete mode asks of every local file once the listings are in, without
 * a string per object. A local file whose hash equals a listed path's (about 1 in 10^10 per file at
 * a million objects) is kept when it should have gone: a collision never deletes a file the bucket has.
 */
class ListedPaths {
    chunks = [];
    filled = CHUNK;
    sorted;
    add(rel) {
        if (this.sorted)
            throw new Error('ListedPaths: add after the set was sealed');
        if (this.filled === CHUNK) {
            this.chunks.push(new Float64Array(CHUNK));
            this.filled = 0;
        }
        this.chunks[this.chunks.length - 1][this.filled++] = digest(rel);
    }
    has(rel) {
        const all = this.seal();
        const d = digest(rel);
        let lo = 0;
        let hi = all.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (all[mid] < d)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < all.length && all[lo] === d;
    }
    /** One sorted array of every digest; no add after it. */
    seal() {
        if (this.sorted)
            return this.sorted;
        const n = this.chunks.length === 0 ? 0 : (this.chunks.length - 1) * CHUNK + this.filled;
        const all = new Float64Array(n);
        this.chunks.forEach((c, i) => all.set(i === this.chunks.length - 1 ? c.subarray(0, this.filled) : c, i * CHUNK));
        this.chunks.length = 0;
        this.sorted = all.sort();
        return all;
    }
}

;// CONCATENATED MODULE: ./lib/storage/plan.js





/** include/exclude globs over paths relative to the local root, e.g. `trainingdata/**\/*.csv`. */
function pathFilter(include, exclude) {
    const inc = include.length ? picomatch(include, { dot: true }) : undefined;
    const exc = exclude.length ? picomatch(exclude, { dot: true }) : undefined;
    return (rel) => (!inc || inc(rel)) && !(exc && exc(rel));
}
/**
 * Decides, without touching the network, what a hydrate has to do, one batch of listed
 * objects at a time: a hydrate starts downloading from the first listing page while later pages
 * are on their way. `finish` once every listing is complete adds what needs all of them (missing
 * folders, deletions).
 */
class Planner {
    input;
    plan = { download: [], adopt: [], toFetch: 0, unchanged: { files: 0, bytes: 0, perDir: new Map() }, delete: [], refused: [], missingDirs: [] };
    wanted;
    /** Real objects (not folder markers) seen per folder. */
    seen = new Map();
    /** With delete: every listed path, 8 bytes each, to tell what the bucket lacks once the listings are in. */
    listed;
    constructor(input) {
        this.input = input;
        this.wanted = pathFilter(input.include, input.exclude);
        if (input.delete)
            this.listed = new ListedPaths();
    }
    /** Classifies `objects` listed under `dir`; returns what to download or adopt among them, largest first. */
    add(dir, objects) {
        const { input, plan } = this;
        const out = { download: [], adopt: [] };
        const dirPrefix = `${input.prefix}${dir}/`;
        let real = this.seen.get(dir) ?? 0;
        const wanted = [];
        for (const o of objects) {
            if (o.key.endsWith('/') && o.size === 0)
                continue; // a folder marker
            real++;
            const rest = o.key.slice(dirPrefix.length);
            const rel = `${dir}/${rest}`;
            // Every listed path, refused or filtered out too: a file the bucket has is never deleted.
            this.listed?.add(rel);
            const reason = unsafeKeyReason(rest, `${input.localRoot}/${dir}`);
            if (reason) {
                plan.refused.push({ key: o.key, reason });
                continue;
            }
            const link = input.local.linkAbove(rel);
            if (link) {
                plan.refused.push({ key: o.key, reason: `would be written through the symlink ${link}` });
                continue;
            }
            if (this.wanted(rel))
                wanted.push({ o, rel });
        }
        this.seen.set(dir, real);
        // Read ahead, or one pass over the state's slice for the rest of the page (its keys are in order).
        const hits = wanted.map((w) => input.readAhead?.take(w.rel));
        const misses = wanted.filter((_, i) => !hits[i]);
        const looked = input.state.lookup(misses.map((w) => w.rel));
        let m = 0;
        for (let i = 0; i < wanted.length; i++) {
            const { o, rel } = wanted[i];
            const hit = hits[i];
            const st = hit ? hit.entry : looked[m++];
            const local = hit ? hit.local : input.local.take(rel);
            const untouched = local !== undefined && st !== undefined && local.size === st.size && local.mtimeMs === st.mtimeMs;
            if (untouched && st.etag === o.etag && st.size === o.size) {
                plan.unchanged.files++;
                plan.unchanged.bytes += o.size;
                plan.unchanged.perDir.set(dir, (plan.unchanged.perDir.get(dir) ?? 0) + 1);
                continue;
            }
            const item = { key: o.key, rel, dir, size: o.size, etag: o.etag };
            if (untouched)
                out.download.push({ ...item, reason: 'changed in bucket' });
            else if (local && local.size === o.size && ((0,s3_etag/* isSinglePartMd5 */.eu)(o.etag) || (0,s3_etag/* multipartParts */.h1)(o.etag) !== undefined))
                out.adopt.push(item);
            else
                out.download.push({ ...item, reason: local ? 'changed locally' : 'new' });
        }
        // Largest first: long ranged downloads overlap with the stream of small files.
        out.download.sort((a, b) => b.size - a.size);
        plan.toFetch += out.download.length + out.adopt.length;
        if (input.keepItems) {
            for (const d of out.download)
                plan.download.push(d);
            for (const a of out.adopt)
                plan.adopt.push(a);
        }
        return out;
    }
    /**
     * Once every folder's listing is complete: folders with no object, and (with delete) local files
     * gone from the bucket, found by reading the folders' names (a few at a time) against the listed
     * paths. Files this run writes meanwhile are listed; its temporary files are passed over.
     */
    finish(dirs) {
        const { input, plan } = this;
        const all = [...dirs];
        for (const d of all)
            if (!this.seen.get(d))
                plan.missingDirs.push(d);
        const listed = this.listed;
        if (listed) {
            // A folder the bucket has nothing under is never emptied: it may be a wrong prefix.
            const present = all.filter((d) => this.seen.get(d));
            for (const rel of filesNotKept(input.localRoot, present, (r) => listed.has(r) || !this.wanted(r)))
                plan.delete.push(rel);
        }
        return plan;
    }
}

;// CONCATENATED MODULE: ./lib/storage/task-queue.js
/** One FIFO lane of a TaskQueue: an array and a read position, compacted now and then. */
class Lane {
    items = [];
    head = 0;
    get size() {
        return this.items.length - this.head;
    }
    push(item) {
        this.items.push(item);
    }
    shift() {
        const item = this.items[this.head++];
        // Drop the consumed front now and then, so a long run does not keep every item it has done.
        if (this.head >= 1024 && this.head * 2 >= this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return item;
    }
    clear() {
        this.items = [];
        this.head = 0;
    }
}
/**
 * Items fed over time (a listing page at a time) to a fixed number of workers: memory stays flat
 * whatever the count (an array slot per waiting item, no promise per item up front, as p-limit would
 * make), and the workers wait for more until `close`. Items pushed as `first` are taken before the
 * others whenever they arrive: a hydrate starts its largest files first even when their folder is
 * listed after a folder of small ones.
 */
class TaskQueue {
    first = new Lane();
    rest = new Lane();
    closed = false;
    waiters = [];
    push(item, first = false) {
        if (this.closed)
            throw new Error('TaskQueue: push after close');
        const waiter = this.waiters.shift();
        if (waiter)
            waiter(item);
        else
            (first ? this.first : this.rest).push(item);
    }
    /** No more items: workers finish what is queued, then stop. */
    close() {
        this.closed = true;
        for (const w of this.waiters.splice(0))
            w(undefined);
    }
    /** Closes and drops what has not started (the run is failing: no point fetching more). */
    discard() {
        this.first.clear();
        this.rest.clear();
        this.close();
    }
    /** The next item, waiting for one if none is queued; undefined once closed and drained. */
    next() {
        if (this.first.size)
            return this.first.shift();
        if (this.rest.size)
            return this.rest.shift();
        if (this.closed)
            return undefined;
        return new Promise((resolve) => this.waiters.push(resolve));
    }
    /**
     * Runs `workers` loops that take items and `run` them, until the queue is closed and drained.
     * `onLast` is called once, when the first loop finds nothing left to take (the rest are finishing).
     */
    async drain(workers, run, onLast) {
        let told = false;
        const loop = async () => {
            for (let item = await this.next(); item !== undefined; item = await this.next())
                await run(item);
            if (!told) {
                told = true;
                onLast?.();
            }
        };
        await Promise.all(Array.from({ length: workers }, loop));
    }
}
/**
 * How many items wait to start, with a brake for whoever produces them: `room()` is a promise while
 * `high` or more wait, settled once half of that or fewer do (a listing stops paging ahead of the
 * downloads, and resumes with enough left that the next page arrives before the queue runs dry).
 */
class Backlog {
    high;
    n = 0;
    closed = false;
    waiters = [];
    constructor(high) {
        this.high = high;
    }
    get size() {
        return this.n;
    }
    add(count) {
        this.n += count;
    }
    take(count) {
        this.n -= count;
        if (this.waiters.length && this.n <= this.high / 2)
            for (const w of this.waiters.splice(0))
                w();
    }
    /** Undefined when there is room; else a promise settled when there is (or on `close`). */
    room() {
        if (this.closed || this.n < this.high)
            return undefined;
        return new Promise((resolve) => this.waiters.push(resolve));
    }
    /** No more braking: waiting producers go on (the consumer has stopped). */
    close() {
        this.closed = true;
        for (const w of this.waiters.splice(0))
            w();
    }
}

;// CONCATENATED MODULE: ./lib/storage/manifest.js

const RECORD = 32;
/**
 * The manifest hash of a hydrate's listings: which objects, at which size and ETag, under which
 * folders. Fed a page at a time in any order (parallel listing ranges interleave), it keeps 32 bytes
 * per object outside the JS heap instead of the listing itself (at 100,000 objects: 3.2 MB against
 * ~20 MB of objects), and never depends on how the listing was split.
 *
 * Each object is hashed on its own (SHA-256 of folder and key, each after its length, size, ETag);
 * the manifest is the SHA-256 of those digests in sorted order. Sorting makes the result independent
 * of arrival order while any two different listings still need a SHA-256 collision to share a hash
 * (a sum or XOR of the digests would be cheaper to keep but can be forged).
 */
class ManifestBuilder {
    records = Buffer.alloc(0);
    count = 0;
    dirs = new Set();
    /** A folder that was listed, with or without objects (an empty folder changes the manifest too). */
    addDir(dir) {
        this.dirs.add(dir);
    }
    add(dir, objects) {
        this.dirs.add(dir);
        const need = (this.count + objects.length) * RECORD;
        if (need > this.records.length) {
            const grown = Buffer.allocUnsafe(Math.max(need, this.records.length * 2, 64 * RECORD));
            this.records.copy(grown, 0, 0, this.count * RECORD);
            this.records = grown;
        }
        for (const o of objects) {
            external_node_crypto_.hash('sha256', `${dir.length}:${dir}${o.key.length}:${o.key}${o.size}\t${o.etag}`, 'buffer').copy(this.records, this.count * RECORD);
            this.count++;
        }
    }
    /** The hex digest; `prefix` is the bucket prefix the folders were listed under. */
    digest(prefix) {
        const n = this.count;
        const recs = this.records;
        // Sorted by the first 48 bits (a plain number comparison), the whole record on a tie.
        const head = new Float64Array(n);
        for (let i = 0; i < n; i++)
            head[i] = recs.readUIntBE(i * RECORD, 6);
        const order = Array.from({ length: n }, (_, i) => i);
        order.sort((a, b) => head[a] - head[b] || recs.compare(recs, b * RECORD, b * RECORD + RECORD, a * RECORD, a * RECORD + RECORD));
        const sorted = Buffer.allocUnsafe(n * RECORD);
        for (let i = 0; i < n; i++)
            recs.copy(sorted, i * RECORD, order[i] * RECORD, order[i] * RECORD + RECORD);
        const h = external_node_crypto_.createHash('sha256');
        h.update(`marketsim-manifest-v2\n${prefix}\n`);
        for (const d of [...this.dirs].sort())
            h.update(`dir ${d}\n`);
        h.update(sorted);
        return h.digest('hex');
    }
}

;// CONCATENATED MODULE: ./lib/storage/safe-dirs.js


class UnsafePathError extends Error {
    name = 'UnsafePathError';
}
/**
 * Creates folders below a pulled folder without ever passing through a symlink, so a link planted
 * in the target (or in a cache archive) cannot redirect writes elsewhere. Results are cached:
 * one lstat per folder per run.
 */
class SafeDirs {
    localRoot;
    ok = new Set();
    constructor(localRoot) {
        this.localRoot = localRoot;
    }
    /** Ensures `<localRoot>/<relDir>` exists; `relDir` starts with the pulled folder's name. */
    ensure(relDir) {
        const segs = relDir.split('/');
        let rel = segs[0] ?? '';
        let abs = external_node_path_.join(this.localRoot, rel);
        if (!this.ok.has(rel)) {
            // The pulled folder itself may be a symlink (a dataset on another disk); it is the user's choice.
            external_node_fs_.mkdirSync(abs, { recursive: true });
            this.ok.add(rel);
        }
        for (const seg of segs.slice(1)) {
            rel = `${rel}/${seg}`;
            abs = external_node_path_.join(abs, seg);
            if (this.ok.has(rel))
                continue;
            let st;
            try {
                st = external_node_fs_.lstatSync(abs);
            }
            catch {
                try {
                    external_node_fs_.mkdirSync(abs);
                }
                catch (e) {
                    if (e.code !== 'EEXIST')
                        throw e;
                }
                st = external_node_fs_.lstatSync(abs);
            }
            if (st.isSymbolicLink())
                throw new UnsafePathError(`${rel} is a symlink; refusing to write through it`);
            if (!st.isDirectory())
                throw new UnsafePathError(`${rel} exists and is not a folder`);
            this.ok.add(rel);
        }
        return abs;
    }
}

;// CONCATENATED MODULE: ./lib/storage/hydrate.js
























/** What would change, one line each; the unchanged summarised in one line (they can be thousands). */
function printPlan(log, plan) {
    for (const d of plan.download)
        log.info(`(dry run) download ${d.rel} ${(0,format/* formatBytes */.z3)(d.size)} [${d.reason}]`);
    for (const a of plan.adopt)
        log.info(`(dry run) verify ${a.rel} ${(0,format/* formatBytes */.z3)(a.size)} [local file not recorded; hash it, download if different]`);
    for (const rel of plan.delete)
        log.info(`(dry run) delete ${rel}`);
    const changes = plan.download.length + plan.adopt.length + plan.delete.length;
    log.info(`(dry run) ${changes ? `${changes} changes` : 'up to date: nothing would change'}; ${plan.unchanged.files} files unchanged (${(0,format/* formatBytes */.z3)(plan.unchanged.bytes)})`);
}
/** Share of the machine's CPU time that was idle since the last call (all cores, from os.cpus()). */
function cpuIdleShare() {
    const sample = () => {
        let idle = 0;
        let total = 0;
        for (const c of external_node_os_.cpus()) {
            idle += c.times.idle;
            total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
        }
        return { idle, total };
    };
    let last = sample();
    return () => {
        const now = sample();
        const share = now.total > last.total ? (now.idle - last.idle) / (now.total - last.total) : 1;
        last = now;
        return share;
    };
}
/**
 * Small objects are latency-bound: throughput = requests in flight / latency. Starting at
 * `concurrency`, the limit doubles (up to SMALL_MAX_IN_FLIGHT) while the median small GET takes
 * 10 ms or more and the machine has CPU to spare: answers across the internet (R2 from a rented
 * GPU: ~40 ms) get more in flight. With every core busy, slow answers are our own queueing, and
 * more in flight only adds contention: on 2 cores with the store on the same machine, 256 in
 * flight took 1.28 s where 128 took 1.11 s (medians of 7), while answers 40 ms away gained (3,045
 * objects: 1.64 -> 1.41 s). Bytes in flight stay bounded: every small body fits one 256 KiB buffer.
 */
function smallObjectLimit(cfg, log, idleShare = cpuIdleShare()) {
    const limit = (0,p_limit/* default */.A)(cfg.concurrency);
    if (!cfg.adaptive)
        return { limit, observe: () => undefined };
    let window = [];
    const observe = (ms) => {
        // At the cap there is nothing left to decide: no window kept, no sorting per 32 answers.
        if (limit.concurrency >= config/* SMALL_MAX_IN_FLIGHT */.sL)
            return;
        window.push(ms);
        if (window.length < 32)
            return;
        const sorted = window.sort((a, b) => a - b);
        const median = sorted[sorted.length >> 1];
        window = [];
        if (median < 10)
            return;
        // Read only when it decides something: os.cpus() costs ~40 µs on 2 cores, more on 64.
        const idle = idleShare();
        if (idle >= 0.2) {
            limit.concurrency = Math.min(config/* SMALL_MAX_IN_FLIGHT */.sL, limit.concurrency * 2);
            log.debug(`small objects answer in ${median} ms (median), CPU ${Math.round(idle * 100)} % idle: ${limit.concurrency} requests in flight`);
        }
    };
    return { limit, observe };
}
/**
 * Pulls `<prefix><dir>/` for each folder into `<localRoot>/<dir>/`: incremental (listing + local
 * state, no request per unchanged object), verified, atomic per file, bounded in memory.
 * Downloads start from the first listing page while later pages are on their way (a fresh GPU host
 * has no local state: every run there is a full download, and a folder of 100,000 objects is 100
 * listing pages). Failures of single objects are collected in the result; bad configuration throws.
 */
async function hydrate(cfg, log, progress, hooks = {}, tuning = DEFAULT_TUNING) {
    const started = Date.now();
    // Sockets open on demand: room for the small-object requests an adaptive run may add.
    const http = new s3_http/* S3Http */.VF(cfg.store, { connections: cfg.concurrency + (cfg.adaptive ? config/* SMALL_MAX_IN_FLIGHT */.sL : 0) + 4, onRetry: (m) => log.info(m) });
    try {
        // A dry run prints the whole plan, and a cache restore needs the manifest of the complete
        // listing (and may bring files and the state file): both plan from complete listings.
        const streaming = !cfg.dryRun && !hooks.afterListing;
        // Pages wait here until the state and the walk are read and every folder's first page is in:
        // those go as one batch, largest first across folders (on a fast link that is the whole
        // listing, and big files started first keep the hash workers busy while small ones finish).
        const waiting = [];
        const firstPagesDue = new Set(cfg.dirs);
        let feedNow;
        // Objects listed and not yet started: past BACKLOG_HIGH the listing stops paging ahead, so a folder
        // of 100,000 objects is never held whole while its downloads catch up.
        const backlog = new Backlog(tuning.backlogHigh ?? config/* BACKLOG_HIGH */.RQ);
        // What is kept of each listing: a count, its pages' ends (next run's split points) and the
        // manifest's 32 bytes per object; the objects themselves only without streaming.
        const listed = new Map(cfg.dirs.map((d) => [d, { count: 0, pages: [] }]));
        const manifest = new ManifestBuilder();
        for (const d of cfg.dirs)
            manifest.addDir(d);
        const complete = streaming ? undefined : new Map(cfg.dirs.map((d) => [d, []]));
        // Set once the run ends early: a listing still paging stops at its next page.
        let stopped = false;
        // Local files are looked up as pages are planned; the state's records at the start of each
        // range are read ahead until the first page arrives (from then on, planning pages is the work).
        const view = new StatView(cfg.localRoot);
        let readAhead;
        let stopReadAhead = false;
        const onPage = (dir, objects) => {
            if (stopped)
                throw new Error('hydrate stopped');
            stopReadAhead = true;
            readAhead?.stop();
            const l = listed.get(dir);
            l.count += objects.length;
            if (objects.length)
                l.pages.push({ last: objects[objects.length - 1].key, count: objects.length });
            manifest.add(dir, objects);
            if (complete) {
                complete.get(dir).push(objects);
                return undefined;
            }
            waiting.push([dir, objects]);
            backlog.add(objects.length);
            firstPagesDue.delete(dir);
            if (feedNow && firstPagesDue.size === 0)
                feedNow();
            return backlog.room();
        };
        // The first page of each listing doubles as the credentials check: one message naming the input.
        // Folders that took several pages last time are listed in parallel ranges split at last run's
        // keys: the hints are a tiny file of their own, so the requests go out before the state is read.
        const hints = ListingHints.load(cfg.localRoot);
        const splitAfter = cfg.dirs.map((d) => hints.splitAfter(cfg.store.bucket, `${cfg.prefix}${d}/`));
        const listing = Promise.all(cfg.dirs.map((d, k) => (0,list/* listEach */.Ok)(http, `${cfg.prefix}${d}/`, (objects) => onPage(d, objects), { firstPageRetry: access_check/* FIRST_REQUEST_RETRY */.m, splitAfter: splitAfter[k], maxKeys: tuning.listPageSize }))).then(() => undefined, (err) => ({ err }));
        // The state is opened (a killed run's journal merged) while the store answers, once the requests
        // are on their way: it is synchronous and would otherwise hold them back. There is no walk: each
        // listed path is looked up (state and lstat) as its page is planned, so a no-op over 100,000
        // objects holds nothing per file.
        let opened;
        if (!hooks.afterListing) {
            await new Promise((resolve) => setImmediate(resolve));
            opened = LocalState.load(statePath(cfg.localRoot));
            if (!stopReadAhead) {
                // Where each folder's listing ranges start (the first 32 of each: the ranges listed first).
                const ranges = [];
                const starts = cfg.dirs.map((d, k) => [`${d}/`, ...splitAfter[k].map((key) => key.slice(cfg.prefix.length))].slice(0, list/* LIST_RANGES_IN_FLIGHT */.pq));
                for (let i = 0; starts.some((s) => i < s.length); i++)
                    for (const [k, s] of starts.entries())
                        if (i < s.length)
                            ranges.push([s[i], cfg.dirs[k]]);
                readAhead = new ReadAhead(opened, view, ranges);
                void readAhead.run().catch(() => undefined);
            }
        }
        // Without streaming: the complete listings, before anything else.
        let hash = '';
        if (complete) {
            const failed = await listing;
            if (failed)
                throw (0,access_check/* explainAccessError */.Q)(failed.err, cfg.store, cfg.prefix);
            hash = manifest.digest(cfg.prefix);
            if (hooks.afterListing)
                await hooks.afterListing(hash);
        }
        const state = opened ?? LocalState.load(statePath(cfg.localRoot));
        const planner = new Planner({ ...cfg, state, local: view, readAhead, keepItems: cfg.dryRun });
        const plan = planner.plan;
        const where = `s3://${cfg.store.bucket}/${cfg.prefix}`;
        const stats = new Map(cfg.dirs.map((dir) => [dir, { dir, objects: 0, downloaded: 0, skipped: 0, deleted: 0, bytes: 0, ms: 0, missing: false }]));
        const result = {
            downloaded: 0,
            skipped: 0,
            adopted: 0,
            deleted: 0,
            refused: 0,
            bytesDownloaded: 0,
            manifestHash: hash,
            verification: {},
            dirs: [...stats.values()],
            failures: [],
            staleTempFilesRemoved: 0,
            elapsedMs: 0,
            dryRun: cfg.dryRun,
        };
        /** What needs every listing: counts, missing folders, deletions, the manifest and the hints. */
        const listingDone = () => {
            planner.finish(cfg.dirs);
            result.manifestHash ||= manifest.digest(cfg.prefix);
            result.skipped += plan.unchanged.files;
            result.refused = plan.refused.length;
            for (const [dir, n] of plan.unchanged.perDir)
                stats.get(dir).skipped += n;
            for (const s of stats.values()) {
                s.objects = listed.get(s.dir).count;
                s.missing = plan.missingDirs.includes(s.dir);
            }
            for (const d of plan.missingDirs)
                log.warn(`Folder ${where}${d}/ is empty or missing in the bucket; skipped${cfg.delete ? ' (nothing deleted there)' : ''}`);
            // An include that matches nothing is most often a typo: say so instead of a silent "0 files".
            if (cfg.include.length && plan.toFetch + plan.unchanged.files === 0 && plan.missingDirs.length < cfg.dirs.length) {
                log.warn(`include: ${cfg.include.join(', ')} matched none of the objects listed (patterns are relative to the local root, e.g. trainingdata/AAPL*.csv)`);
            }
            if (!cfg.dryRun) {
                for (const [d, l] of listed)
                    hints.learn(cfg.store.bucket, `${cfg.prefix}${d}/`, l.pages);
                try {
                    hints.save();
                }
                catch (e) {
                    // Only next run's listing speed depends on them: never worth failing this run.
                    log.warn(`Could not save listing hints: ${e.message}`);
                }
            }
            // Without streaming, the plan holds what the transfers need: the listings are let go, and
            // what was read ahead for keys the listings did not name.
            complete?.clear();
            readAhead?.clear();
        };
        const noObjects = () => new errors/* ConfigurationError */.j1(`dirs: none of ${cfg.dirs.join(', ')} has any object under ${where} (check bucket and prefix)`);
        if (cfg.dryRun) {
            for (const [dir, pages] of complete)
                for (const objects of pages)
                    planner.add(dir, objects);
            plan.download.sort((a, b) => b.size - a.size);
            for (const r of plan.refused)
                log.warn(`Refused object key '${r.key}': ${r.reason}; nothing written for it`);
            listingDone();
            if (plan.missingDirs.length === cfg.dirs.length)
                throw noObjects();
            printPlan(log, plan);
            result.downloaded = plan.download.length + plan.adopt.length;
            result.bytesDownloaded = [...plan.download, ...plan.adopt].reduce((n, i) => n + i.size, 0);
            result.deleted = plan.delete.length;
            result.elapsedMs = Date.now() - started;
            return result;
        }
        // A killed run's temporary files: its marker says to look for them.
        const marker = external_node_path_.join(cfg.localRoot, STATE_DIR, DOWNLOADING_MARKER);
        if (external_node_fs_.existsSync(marker))
            result.staleTempFilesRemoved += sweepPartials(cfg.localRoot, cfg.dirs);
        let marked = false;
        const markDownloading = () => {
            if (marked)
                return;
            external_node_fs_.mkdirSync(external_node_path_.dirname(marker), { recursive: true });
            external_node_fs_.writeFileSync(marker, `${process.pid}\n`);
            marked = true;
        };
        const count = (m) => {
            result.verification[m] = (result.verification[m] ?? 0) + 1;
        };
        // Totals grow as listing pages arrive.
        const total = { files: 0, bytes: 0 };
        let filesDone = 0;
        let bytesDone = 0;
        const snapshot = () => ({ verb: 'download', filesDone, filesTotal: total.files, bytesDone, bytesTotal: total.bytes, elapsedMs: Date.now() - started });
        const ticker = setInterval(() => progress.update(snapshot()), 1000);
        // The journal takes only what changed: never the whole state every 2 s (10 MB at 100,000 objects).
        let flushWarned = false;
        const flusher = setInterval(() => {
            try {
                state.flush();
            }
            catch (e) {
                // The records wait in memory for the next flush; the download itself goes on.
                if (!flushWarned)
                    log.warn(`Could not append to the hydrate state journal: ${e.message}`);
                flushWarned = true;
            }
        }, 2000);
        const requests = (0,p_limit/* default */.A)(cfg.concurrency);
        const small = smallObjectLimit(cfg, log);
        const poolSize = hashPoolSize();
        // Files in progress at once: the workers below, one file each (the request limits bound the I/O).
        const fileWorkers = cfg.concurrency + (cfg.adaptive ? config/* SMALL_MAX_IN_FLIGHT */.sL : 0);
        const dirs = new SafeDirs(cfg.localRoot);
        // Worker threads take the MD5s; they start with the first job (none when every object carries our CRC).
        const hashes = poolSize > 0 ? new HashPool(poolSize) : undefined;
        const ctx = {
            http,
            requests,
            smallRequests: small.limit,
            onSmallLatency: small.observe,
            tuning,
            buffers: new BufferPool(tuning.writeBuffer, 2 * cfg.concurrency + (cfg.adaptive ? config/* SMALL_MAX_IN_FLIGHT */.sL : 0)),
            onBytes: (n) => (bytesDone += n),
            onRetry: (m) => log.info(m),
            onNotice: (m) => log.warn(m),
            hashes,
            // Small files are written by the first hash worker when it can (one thread fewer), else by a thread of their own.
            smallWriter: new SmallFileWriter(() => hashes?.writerPort()),
        };
        const finish = (item) => {
            filesDone++;
            stats.get(item.dir).ms = Date.now() - started;
        };
        const fetchOne = async (item) => {
            try {
                const dest = external_node_path_.join(dirs.ensure(external_node_path_.posix.dirname(item.rel)), external_node_path_.posix.basename(item.rel));
                const got = await downloadObject(ctx, item, dest);
                state.set(item.rel, { size: got.size, etag: got.etag, mtimeMs: got.mtimeMs, method: got.method });
                count(got.method);
                result.downloaded++;
                result.bytesDownloaded += got.size;
                const st = stats.get(item.dir);
                st.downloaded++;
                st.bytes += got.size;
            }
            catch (e) {
                result.failures.push({ key: item.key, message: e.message });
                log.error(`Failed to download ${item.key}: ${e.message}`);
            }
            finish(item);
        };
        const adoptOne = async (item) => {
            const file = external_node_path_.join(cfg.localRoot, item.rel);
            try {
                const parts = (0,s3_etag/* multipartParts */.h1)(item.etag);
                const partSize = parts === undefined ? undefined : (await requests(() => headParts(http, item.key, item.size, parts, item.etag))).partSize;
                const hasher = new s3_etag/* EtagHasher */.v(item.etag, partSize);
                const isFile = external_node_fs_.lstatSync(file).isFile();
                const hashable = hasher.method !== 'size-only' && isFile;
                if (hashable)
                    await (0,s3_etag/* hashPath */.Gv)(file, undefined, hasher);
                if (hashable && hasher.digest() === item.etag) {
                    const after = external_node_fs_.lstatSync(file);
                    state.set(item.rel, { size: item.size, etag: item.etag, mtimeMs: after.mtimeMs, method: 'local-md5' });
                    count('local-md5');
                    result.adopted++;
                    result.skipped++;
                    stats.get(item.dir).skipped++;
                    bytesDone += item.size;
                    finish(item);
                    return;
                }
            }
            catch (e) {
                log.debug(`Could not verify local ${item.rel}: ${e.message}`);
            }
            await fetchOne(item);
        };
        const queue = new TaskQueue();
        /** Classifies listing pages and queues what they need: adoptions first, then largest first. */
        const feed = (pages) => {
            const refusedBefore = plan.refused.length;
            const got = { adopt: [], download: [] };
            for (const [dir, objects] of pages) {
                const one = planner.add(dir, objects);
                got.adopt.push(...one.adopt);
                got.download.push(...one.download);
            }
            if (pages.length > 1)
                got.download.sort((a, b) => b.size - a.size);
            for (const r of plan.refused.slice(refusedBefore))
                log.warn(`Refused object key '${r.key}': ${r.reason}; nothing written for it`);
            for (const i of [...got.adopt, ...got.download]) {
                total.files++;
                total.bytes += i.size;
            }
            if (got.adopt.length + got.download.length)
                markDownloading();
            backlog.add(got.adopt.length + got.download.length);
            for (const i of got.adopt)
                queue.push([i, adoptOne]);
            for (const i of got.download)
                queue.push([i, fetchOne], i.size > tuning.smallMax);
        };
        /** Feeds the pages that waited for the first pages of every folder, or for the state. */
        const feedWaiting = () => {
            const pages = waiting.splice(0);
            // Their tasks count before the pages stop counting: the listing is not let go in between.
            feed(pages);
            backlog.take(pages.reduce((n, [, objects]) => n + objects.length, 0));
        };
        let listingError;
        let transfers;
        try {
            // Once every download has started, this thread helps the hash workers with what they have queued.
            transfers = queue.drain(fileWorkers, ([item, run]) => {
                backlog.take(1);
                return run(item);
            }, () => ctx.hashes?.help());
            if (complete)
                feed([...complete].flatMap(([dir, pages]) => pages.map((objects) => [dir, objects])));
            else {
                feedNow = feedWaiting;
                if (firstPagesDue.size === 0)
                    feedWaiting();
                const failed = await listing;
                if (failed) {
                    // The run fails: downloads under way finish (and are kept), nothing new starts.
                    listingError = failed.err;
                    queue.discard();
                }
            }
            if (listingError === undefined)
                listingDone();
            queue.close();
            await transfers;
        }
        finally {
            // On an error above, nothing new starts and the transfers under way end before the state is
            // saved and the workers they use are stopped (a no-op when they were awaited already). A
            // listing held back by the backlog is let go and stops at its next page.
            stopped = true;
            queue.discard();
            backlog.close();
            await transfers?.catch(() => undefined);
            clearInterval(ticker);
            clearInterval(flusher);
            // On disk before anything else can fail; the snapshot is written once, at the end.
            state.flush();
            await ctx.hashes?.close();
            await ctx.smallWriter?.close();
            // Every transfer has ended, and each removes its temporary file when it fails.
            if (marked)
                external_node_fs_.rmSync(marker, { force: true });
        }
        if (listingError !== undefined)
            throw (0,access_check/* explainAccessError */.Q)(listingError, cfg.store, cfg.prefix);
        if (plan.missingDirs.length === cfg.dirs.length)
            throw noObjects();
        for (const rel of plan.delete) {
            const abs = external_node_path_.join(cfg.localRoot, rel);
            try {
                if (external_node_fs_.lstatSync(abs).isFile())
                    external_node_fs_.unlinkSync(abs);
                state.delete(rel);
                result.deleted++;
                const dir = cfg.dirs.find((d) => rel.startsWith(`${d}/`));
                if (dir)
                    stats.get(dir).deleted++;
                log.info(`Deleted ${rel} (gone from the bucket)`);
            }
            catch (e) {
                log.warn(`Could not delete ${rel}: ${e.message}`);
            }
        }
        state.save();
        progress.done(snapshot());
        result.elapsedMs = Date.now() - started;
        return result;
    }
    finally {
        await http.close();
    }
}

// EXTERNAL MODULE: ./lib/storage/local-root.js
var local_root = __webpack_require__(8115);
// EXTERNAL MODULE: ./lib/storage/report.js
var report = __webpack_require__(4983);
;// CONCATENATED MODULE: ./lib/actions/r2-hydrate/step.js








const HYDRATE_OUTPUTS = (/* unused pure expression or super */ null && (['files-downloaded', 'files-skipped', 'files-deleted', 'bytes-downloaded', 'manifest-hash', 'cache-hit']));
function readHydrateInputs(env, mask) {
    const r = new reader/* InputReader */.i_(env);
    const cfg = (0,storage_inputs/* readHydrateConfig */.k8)(r, env, mask);
    const cache = r.bool('cache', { default: false });
    return { r, cfg, cache };
}
/** r2-hydrate: inputs → hydrate engine (with the optional Actions cache) → outputs and summary. */
async function hydrateStep(rt, env) {
    const { r, cfg, cache } = readHydrateInputs(env, (s) => rt.mask(s));
    r.finish();
    // Before any request: one line naming local-root, never one error per object.
    (0,local_root/* checkLocalRoot */.U)(cfg.localRoot);
    const source = `s3://${cfg.store.bucket}/${cfg.prefix}`;
    rt.log.info(`Hydrating ${cfg.dirs.join(', ')} from ${source} into ${cfg.localRoot}${cfg.dryRun ? ' (dry run)' : ''}`);
    const useCache = cache && !cfg.dryRun;
    if (useCache && !rt.cache)
        rt.log.warn('cache: the GitHub Actions cache is not available here; hydrating from the bucket only');
    const cachePaths = [...cfg.dirs.map((d) => external_node_path_.join(cfg.localRoot, d)), statePath(cfg.localRoot)];
    const cacheKey = (hash) => `marketsim-hydrate-${hash}`;
    let cacheHit = false;
    const result = await hydrate(cfg, rt.log, rt.progress('hydrate'), {
        afterListing: useCache && rt.cache
            ? async (hash) => {
                try {
                    cacheHit = (await rt.cache.restore(cachePaths, cacheKey(hash))) !== undefined;
                    rt.log.info(cacheHit ? `Restored the Actions cache ${cacheKey(hash)}` : `No Actions cache for ${cacheKey(hash)}`);
                }
                catch (e) {
                    rt.log.warn(`cache: restore failed (${(0,errors/* errorMessage */.gJ)(e)}); hydrating from the bucket`);
                }
            }
            : undefined,
    });
    rt.setOutput('files-downloaded', result.downloaded);
    rt.setOutput('files-skipped', result.skipped);
    rt.setOutput('files-deleted', result.deleted);
    rt.setOutput('bytes-downloaded', result.bytesDownloaded);
    rt.setOutput('manifest-hash', result.manifestHash);
    rt.setOutput('cache-hit', cacheHit);
    await rt.writeSummary((0,report/* hydrateSummary */.k)(result, source, useCache ? cacheHit : undefined));
    if (result.failures.length) {
        const list = result.failures.slice(0, 10).map((f) => `${f.key}: ${f.message}`).join('; ');
        throw new Error(`${result.failures.length} objects could not be downloaded and verified: ${list}`);
    }
    if (useCache && rt.cache && !cacheHit) {
        try {
            await rt.cache.save(cachePaths, cacheKey(result.manifestHash));
            rt.log.info(`Saved the Actions cache ${cacheKey(result.manifestHash)}`);
        }
        catch (e) {
            rt.log.warn(`cache: save failed (${(0,errors/* errorMessage */.gJ)(e)}); the data is in place regardless`);
        }
    }
    return result;
}


/***/ }),

/***/ 9296:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic),
/* harmony export */   x: () => (/* binding */ writeChunksAtomic)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);


/** Writes `text` to `file` through a temporary file beside it and a rename: a reader, or a kill mid-write, never sees half a file. */
function writeFileAtomic(file, text) {
    writeChunksAtomic(file, [text]);
}
/** `writeFileAtomic` for text made a piece at a time (a state of 100,000 records is never one string). */
function writeChunksAtomic(file, chunks) {
    node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(tmp, 'w');
    try {
        try {
            // writeFileSync on a descriptor writes the whole piece at the current position (writeSync may write part of it).
            for (const c of chunks)
                node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync(fd, c);
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
        }
    }
    catch (e) {
        node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync(tmp, { force: true });
        throw e;
    }
    node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync(tmp, file);
}


/***/ }),

/***/ 8115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ checkLocalRoot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(452);



/** Pseudo file systems: writing there fails per object (or, for /proc, spins in Node's recursive mkdir). */
const VIRTUAL = ['/proc', '/sys', '/dev'];
/**
 * The local root, checked once before any request: a regular file, a folder we cannot write, or a
 * path on a pseudo file system is one error naming local-root, never one error per object.
 */
function checkLocalRoot(root, opts = {}) {
    const name = opts.name ?? 'local-root';
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root);
    if (VIRTUAL.some((v) => abs === v || abs.startsWith(`${v}/`)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${name}: ${abs} is on a pseudo file system (${abs.split('/')[1]}); choose a real folder`);
    // The nearest part of the path that exists decides: it must be a folder we may write into.
    let probe = abs;
    while (!node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(probe)) {
        if (opts.mustExist)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${name}: ${abs} does not exist`);
        const up = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(probe);
        if (up === probe)
            break;
        probe = up;
    }
    const st = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(probe);
    if (!st.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${name}: ${probe} is ${st.isFile() ? 'a regular file' : 'not a folder'}, not a folder`);
    try {
        node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync(probe, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${name}: ${probe} is not writable by this user`);
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
    crc32: 'CRC-32 of the body = the one recorded at upload (marketsim push / persist-logs)',
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


/***/ })

};
