export const id = 827;
export const ids = [827];
export const modules = {

/***/ 9751:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listOffers: () => (/* binding */ listOffers)
/* harmony export */ });
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(178);
/* harmony import */ var _inputs_vast_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1073);
/* harmony import */ var _runtime_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2625);
/* harmony import */ var _vast_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5923);
/* harmony import */ var _vast_offers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3659);





/** `marketsim offers`: what provision would consider, cheapest first, as a table (or JSON). */
async function listOffers(rt, env, json) {
    const r = new _inputs_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .InputReader */ .i_(env);
    const v = (0,_inputs_vast_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readVastConnection */ .ZR)(r, (s) => rt.mask(s));
    const { maxAttempts: _attempts, ...filters } = (0,_inputs_vast_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readOfferFilters */ .UD)(r);
    r.finish();
    const vast = new _vast_client_js__WEBPACK_IMPORTED_MODULE_1__/* .VastClient */ .us({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
    const offers = (0,_vast_offers_js__WEBPACK_IMPORTED_MODULE_3__/* .chooseOffers */ .TO)(await vast.searchOffers((0,_vast_offers_js__WEBPACK_IMPORTED_MODULE_3__/* .offerQuery */ .lj)(filters)), filters, 64);
    rt.setOutput('count', offers.length);
    // An empty answer says why: which filter hid the offers that exist, and the cheapest price.
    if (offers.length === 0)
        rt.log.warn((0,_vast_offers_js__WEBPACK_IMPORTED_MODULE_3__/* .whyNoOffers */ .hk)(await vast.searchOffers((0,_vast_offers_js__WEBPACK_IMPORTED_MODULE_3__/* .relaxedQuery */ .WC)(filters)), filters));
    if (json) {
        rt.outputs.offers = offers.map((o) => ({ id: o.id, gpu: o.gpu_name, gpus: o.num_gpus, usdPerHour: o.dph_total, reliability: o.reliability2 ?? null, country: (0,_vast_offers_js__WEBPACK_IMPORTED_MODULE_3__/* .countryOf */ .mq)(o.geolocation), cuda: o.cuda_max_good ?? null }));
        return;
    }
    const rows = offers.map((o) => [
        String(o.id),
        `${o.num_gpus}x ${o.gpu_name}`,
        `$${o.dph_total.toFixed(3)}`,
        o.reliability2?.toFixed(3) ?? '-',
        (0,_vast_offers_js__WEBPACK_IMPORTED_MODULE_3__/* .countryOf */ .mq)(o.geolocation) || '-',
        String(o.cuda_max_good ?? '-'),
        o.inet_down ? `${Math.round(o.inet_down)}` : '-',
    ]);
    process.stdout.write(`${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_4__/* .renderTextTable */ .K$)(['offer', 'GPU', 'USD/hour', 'reliability', 'country', 'CUDA', 'Mbit/s down'], rows)}\n${offers.length} offers\n`);
}


/***/ }),

/***/ 6705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J5: () => (/* binding */ fetchWithRetry),
/* harmony export */   N_: () => (/* binding */ TransientError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports isTransient, networkError */
/* harmony import */ var p_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4995);

/** Enough to ride out a throttling burst or a restarting front end (about 30 s in all). */
const DEFAULT_RETRY = { retries: 6, minDelayMs: 250, maxDelayMs: 8000 };
/** An error that says whether trying again can help. */
class TransientError extends Error {
    name = 'TransientError';
    /** The server's own minimum interval (Vast's per-endpoint thresholds): the next try waits at least this long. */
    minDelayMs;
    constructor(message, opts = {}) {
        super(message);
        this.minDelayMs = opts.minDelayMs ?? 0;
    }
}
const TRANSIENT_CODES = new Set([
    'ECONNRESET', // also a body cut mid-way ("aborted")
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ERR_STREAM_PREMATURE_CLOSE',
    // global fetch (undici), used by the Vast and GitHub clients
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
/**
 * p-retry only handles `instanceof Error`; errors from another realm (Node internals under a VM
 * sandbox, some native modules) fail that test. Re-wrap them, keeping code and cause.
 */
function asError(e) {
    if (e instanceof Error)
        return e;
    const src = e;
    const err = new Error(typeof src?.message === 'string' ? src.message : String(e));
    if (src?.code !== undefined)
        err.code = src.code;
    if (src?.cause !== undefined)
        err.cause = src.cause;
    return err;
}
function isTransient(e) {
    if (e instanceof TransientError)
        return true;
    const err = e;
    if (err?.name === 'TimeoutError')
        return true; // AbortSignal.timeout fired
    return TRANSIENT_CODES.has(err?.code ?? '') || TRANSIENT_CODES.has(err?.cause?.code ?? '');
}
/**
 * Runs `fn` again on transient failures with exponential backoff and full jitter.
 * `label` names the operation in the debug line of each failed attempt.
 */
async function withRetry(label, fn, policy = DEFAULT_RETRY, onRetry) {
    const attempt = async (n) => {
        try {
            return await fn(n);
        }
        catch (e) {
            throw asError(e);
        }
    };
    return (0,p_retry__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .Ay)(attempt, {
        retries: policy.retries,
        factor: 2,
        minTimeout: policy.minDelayMs,
        maxTimeout: policy.maxDelayMs,
        randomize: true,
        shouldRetry: ({ error }) => isTransient(error),
        // Awaited by p-retry before its own backoff: a server-given interval is never cut short.
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
            if (!isTransient(error) || retriesLeft <= 0)
                return;
            onRetry?.(`${label}: attempt ${attemptNumber} failed (${error.message}); retrying`);
            const floor = error instanceof TransientError ? error.minDelayMs : 0;
            if (floor > 0)
                await new Promise((r) => setTimeout(r, floor));
        },
    });
}
/**
 * One call to a JSON REST API (Vast, GitHub) under `withRetry`: a JSON body in, the status and
 * text of a 2xx answer out. `fail` turns any other answer into the error to throw: a
 * TransientError to try again, anything else to stop.
 */
async function fetchWithRetry(what, url, init, fail, policy, onRetry) {
    return withRetry(what, async () => {
        let res;
        try {
            res = await fetch(url, {
                method: init.method,
                headers: init.headers,
                body: init.body === undefined ? undefined : JSON.stringify(init.body),
                signal: AbortSignal.timeout(init.timeoutMs),
            });
        }
        catch (e) {
            throw networkError(e, url, init.timeoutMs);
        }
        const text = await res.text();
        if (res.ok)
            return { status: res.status, text };
        throw fail(res.status, text);
    }, policy, onRetry);
}
/**
 * fetch's bare "fetch failed" as a message that names the URL and the cause (ECONNREFUSED,
 * ENOTFOUND, a TLS verdict, a timeout); code and cause kept so the retry test still sees them.
 */
function networkError(e, url, timeoutMs) {
    const err = e;
    const origin = (() => {
        try {
            const u = new URL(url);
            return `${u.origin}${u.pathname}`;
        }
        catch {
            return url;
        }
    })();
    const str = (x) => (typeof x === 'string' ? x : undefined);
    // A timeout's DOMException carries a numeric code (23): named ETIMEDOUT instead.
    const code = err?.name === 'TimeoutError' ? 'ETIMEDOUT' : (str(err?.cause?.code) ?? str(err?.code));
    const why = err?.name === 'TimeoutError' ? `no answer in ${Math.round(timeoutMs / 1000)} s` : (err?.cause?.message ?? err?.message ?? String(e));
    const out = new Error(`cannot reach ${origin}: ${why}${code && !why.includes(code) ? ` (${code})` : ''}`);
    if (code)
        out.code = code;
    out.cause = e;
    return out;
}


/***/ })

};
