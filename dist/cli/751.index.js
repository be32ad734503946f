export const id = 751;
export const ids = [751];
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
    if (json) {
        rt.setOutput('offers', JSON.stringify(offers.map((o) => ({ id: o.id, gpu: o.gpu_name, gpus: o.num_gpus, usdPerHour: o.dph_total, reliability: o.reliability2, country: (0,_vast_offers_js__WEBPACK_IMPORTED_MODULE_3__/* .countryOf */ .mq)(o.geolocation), cuda: o.cuda_max_good }))));
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

/***/ 3659:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TO: () => (/* binding */ chooseOffers),
/* harmony export */   lj: () => (/* binding */ offerQuery),
/* harmony export */   mq: () => (/* binding */ countryOf)
/* harmony export */ });
/**
 * The body of `POST /api/v0/bundles/`: one flat object of `field: {op: value}` filters plus
 * `order`, `type` and `limit`, with the CLI's defaults (rentable, not rented, not external).
 */
function offerQuery(f, limit = 64) {
    const q = {
        gpu_name: { eq: f.gpuName },
        num_gpus: { eq: f.numGpus },
        rentable: { eq: true },
        rented: { eq: false },
        external: { eq: false },
        disk_space: { gte: f.disk },
        order: [['dph_total', 'asc']],
        type: 'on-demand',
        allocated_storage: f.disk,
        limit,
    };
    if (f.verified)
        q.verified = { eq: true };
    if (f.minReliability !== undefined)
        q.reliability2 = { gte: f.minReliability };
    if (f.maxPrice !== undefined)
        q.dph_total = { lte: f.maxPrice };
    if (f.regions.length)
        q.geolocation = { in: f.regions };
    if (f.minCuda !== undefined)
        q.cuda_max_good = { gte: f.minCuda };
    if (f.minInetDown !== undefined)
        q.inet_down = { gte: f.minInetDown };
    return q;
}
/**
 * The offers to try, cheapest first, re-checked on our side (a search answer is a snapshot and
 * filters are only as good as the server's), one per machine, at most `attempts`.
 */
function chooseOffers(offers, f, attempts) {
    const seen = new Set();
    return offers
        .filter((o) => o.gpu_name === f.gpuName && o.num_gpus === f.numGpus)
        .filter((o) => f.maxPrice === undefined || o.dph_total <= f.maxPrice)
        .filter((o) => f.minCuda === undefined || (o.cuda_max_good ?? 0) >= f.minCuda)
        .sort((a, b) => a.dph_total - b.dph_total || (b.reliability2 ?? 0) - (a.reliability2 ?? 0))
        .filter((o) => {
        const m = o.machine_id ?? -o.id;
        if (seen.has(m))
            return false;
        seen.add(m);
        return true;
    })
        .slice(0, attempts);
}
/** "California, US" -> "US": Vast answers free text that ends in the country code. */
function countryOf(geolocation) {
    return /\b([A-Z]{2})\s*$/.exec(geolocation ?? '')?.[1] ?? '';
}


/***/ })

};
