export const id = 966;
export const ids = [966];
export const modules = {

/***/ 9453:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDoctor: () => (/* binding */ runDoctor)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/cloudflare/scoped-storage.js + 1 modules
var scoped_storage = __webpack_require__(2755);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/github/runners.js
var runners = __webpack_require__(5208);
// EXTERNAL MODULE: ./lib/inputs/host-storage-inputs.js
var host_storage_inputs = __webpack_require__(3337);
// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
// EXTERNAL MODULE: ./lib/inputs/storage-inputs.js + 1 modules
var storage_inputs = __webpack_require__(9447);
// EXTERNAL MODULE: ./lib/inputs/vast-inputs.js
var vast_inputs = __webpack_require__(1073);
// EXTERNAL MODULE: ./lib/runtime/format.js
var format = __webpack_require__(2625);
;// CONCATENATED MODULE: ./lib/registry/reference.js
/** `ghcr.io/acme/sim:tag`, `acme/sim@sha256:...`, `ubuntu`, `127.0.0.1:5000/sim:1` -> parts. */
function parseImageRef(image) {
    let rest = image.trim();
    let host = 'registry-1.docker.io';
    const first = rest.split('/')[0] ?? '';
    if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
        host = first === 'docker.io' ? 'registry-1.docker.io' : first;
        rest = rest.slice(first.length + 1);
    }
    let reference = 'latest';
    const at = rest.indexOf('@');
    if (at !== -1) {
        reference = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    else {
        const colon = rest.lastIndexOf(':');
        if (colon !== -1) {
            reference = rest.slice(colon + 1);
            rest = rest.slice(0, colon);
        }
    }
    if (host === 'registry-1.docker.io' && !rest.includes('/'))
        rest = `library/${rest}`;
    if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(rest))
        throw new Error(`'${image}' is not a valid image reference`);
    return { host, repository: rest, reference };
}
/** CUDA version strings compared numerically: 12.10 > 12.8. */
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}

;// CONCATENATED MODULE: ./lib/registry/client.js

const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
class RegistryError extends Error {
    status;
    name = 'RegistryError';
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:x:pull"` -> parts. */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    for (const m of header.slice(space + 1).matchAll(/([a-zA-Z_]+)="([^"]*)"/g))
        params[m[1].toLowerCase()] = m[2];
    return { scheme, params };
}
/**
 * Reads an image through the registry v2 API with the challenge flow GHCR and Docker Hub use:
 * try anonymously; on 401 follow `WWW-Authenticate` (Basic: send credentials; Bearer: get a token
 * from the realm, with Basic credentials when given). Proves the image is pullable with exactly the
 * credentials the instance will get.
 */
class RegistryClient {
    ref;
    creds;
    auth;
    base;
    constructor(ref, creds, 
    /** http for a registry on this machine (tests), https everywhere else. */
    scheme = /^(127\.0\.0\.1|localhost)(:|$)/.test(ref.host) ? 'http' : 'https') {
        this.ref = ref;
        this.creds = creds;
        this.base = `${scheme}://${ref.host}/v2/${ref.repository}`;
    }
    static forImage(image, creds) {
        return new RegistryClient(parseImageRef(image), creds);
    }
    basic() {
        return this.creds ? `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')}` : undefined;
    }
    async authenticate(header) {
        const c = parseChallenge(header);
        if (c.scheme === 'basic') {
            if (!this.creds)
                throw new RegistryError(401, `the registry ${this.ref.host} needs credentials (image-username / image-password)`);
            this.auth = this.basic();
            return;
        }
        if (c.scheme !== 'bearer' || !c.params.realm)
            throw new RegistryError(401, `unsupported registry challenge: ${header}`);
        const url = new URL(c.params.realm);
        if (c.params.service)
            url.searchParams.set('service', c.params.service);
        url.searchParams.set('scope', c.params.scope ?? `repository:${this.ref.repository}:pull`);
        const basic = this.basic();
        const res = await fetch(url, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(30_000) });
        if (!res.ok)
            throw new RegistryError(res.status, `the token service of ${this.ref.host} refused ${basic ? 'these credentials' : 'anonymous access'} (${res.status})`);
        const body = (await res.json());
        const token = body.token ?? body.access_token;
        if (!token)
            throw new RegistryError(401, `the token service of ${this.ref.host} answered no token`);
        this.auth = `Bearer ${token}`;
    }
    async get(path, accept) {
        for (let attempt = 0; attempt < 2; attempt++) {
            const headers = {};
            if (accept)
                headers.accept = accept;
            if (this.auth)
                headers.authorization = this.auth;
            const res = await fetch(`${this.base}${path}`, { headers, redirect: 'follow', signal: AbortSignal.timeout(60_000) });
            if (res.status === 401 && attempt === 0) {
                await this.authenticate(res.headers.get('www-authenticate') ?? '');
                continue;
            }
            if (res.ok)
                return res;
            const who = this.creds ? `with the given credentials (${this.creds.username})` : 'anonymously';
            if (res.status === 401 || res.status === 403)
                throw new RegistryError(res.status, `${this.ref.host}/${this.ref.repository} cannot be pulled ${who}: ${res.status}`);
            if (res.status === 404)
                throw new RegistryError(404, `${this.ref.host}/${this.ref.repository}:${this.ref.reference} was not found (404)`);
            throw new RegistryError(res.status, `${this.ref.host} answered ${res.status} for ${path}`);
        }
        throw new RegistryError(401, `${this.ref.host} kept asking for authentication`);
    }
    /** Manifest (resolving an index to linux/amd64), then the config blob: digest, platform, CUDA version. */
    async check() {
        let res = await this.get(`/manifests/${this.ref.reference}`, MANIFEST_TYPES);
        const digest = res.headers.get('docker-content-digest') ?? '';
        let manifest = (await res.json());
        let platform;
        if (manifest.manifests) {
            const pick = manifest.manifests.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64');
            if (!pick)
                throw new RegistryError(404, `${this.ref.repository}:${this.ref.reference} has no linux/amd64 image (Vast hosts are x86-64)`);
            platform = 'linux/amd64';
            res = await this.get(`/manifests/${pick.digest}`, MANIFEST_TYPES);
            manifest = (await res.json());
        }
        if (!manifest.config?.digest)
            throw new RegistryError(500, `${this.ref.repository}:${this.ref.reference}: the manifest names no config`);
        const config = (await (await this.get(`/blobs/${manifest.config.digest}`)).json());
        const cuda = (config.config?.Env ?? []).find((e) => e.startsWith('CUDA_VERSION='))?.slice('CUDA_VERSION='.length);
        return { digest, cudaVersion: cuda, platform: platform ?? (config.os && config.architecture ? `${config.os}/${config.architecture}` : undefined) };
    }
}

// EXTERNAL MODULE: ./lib/storage/config.js
var config = __webpack_require__(1275);
// EXTERNAL MODULE: ./lib/s3/list.js
var list = __webpack_require__(6200);
// EXTERNAL MODULE: ./lib/s3/access-check.js
var access_check = __webpack_require__(651);
// EXTERNAL MODULE: ./lib/s3/s3-http.js + 1 modules
var s3_http = __webpack_require__(8164);
// EXTERNAL MODULE: ./lib/vast/client.js
var client = __webpack_require__(5923);
// EXTERNAL MODULE: ./lib/vast/provision.js + 1 modules
var provision = __webpack_require__(1801);
// EXTERNAL MODULE: ./lib/vast/offers.js
var vast_offers = __webpack_require__(3659);
;// CONCATENATED MODULE: ./lib/cli/doctor.js



















const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
async function probe(c, group, name, fix, fn) {
    try {
        const r = await fn();
        c.push(typeof r === 'string' ? { group, name, status: 'ok', detail: r } : { group, name, ...r, ...(r.status === 'fail' ? { fix } : {}) });
        return typeof r === 'string' || r.status !== 'fail';
    }
    catch (e) {
        c.push({ group, name, status: 'fail', detail: (0,errors/* errorMessage */.gJ)(e), fix });
        return false;
    }
}
/** One page of at most `n` keys under `prefix`: enough to tell "exists and readable" from the rest. */
async function firstKeys(http, prefix, n = 1) {
    return (await (0,list/* listPage */.ks)(http, prefix, { maxKeys: n, retry: { retries: 1, minDelayMs: 200, maxDelayMs: 500 } })).objects.length;
}
async function vastChecks(c, env, opts, rt) {
    const r = new reader/* InputReader */.i_({
        ...env,
        'INPUT_GPU-NAME': str(opts.gpuName) ?? env['INPUT_GPU-NAME'],
        'INPUT_MAX-PRICE': str(opts.maxPrice) ?? env['INPUT_MAX-PRICE'] ?? '1.00',
        'INPUT_MIN-CUDA': str(opts.minCuda),
        'INPUT_LANES': str(opts.lanes) ?? env.INPUT_LANES,
        'INPUT_SPEND-CAP': str(opts.spendCap) ?? env['INPUT_SPEND-CAP'],
    });
    const conn = (0,vast_inputs/* readVastConnection */.ZR)(r, (s) => rt.mask(s));
    const { maxAttempts: _a, ...filters } = (0,vast_inputs/* readOfferFilters */.UD)(r);
    // The lifetime and cap exactly as provision will read them (max-runtime defaults to 240m here).
    const { spendCap } = (0,vast_inputs/* readRunBudget */.ju)(r, str(opts.maxRuntime) ?? '240m');
    const { lanes, hours, usd: cap } = spendCap;
    try {
        r.finish();
    }
    catch (e) {
        c.push({ group: 'vast', name: 'inputs', status: 'fail', detail: (0,errors/* errorMessage */.gJ)(e), fix: 'set VAST_API_KEY (Vast console: Account -> Keys)' });
        return;
    }
    const vast = new client/* VastClient */.us({ baseUrl: conn.apiUrl, apiKey: conn.apiKey, retry: { retries: 2, minDelayMs: 500, maxDelayMs: 2000 } });
    const worst = (0,provision/* worstSpend */.iQ)(spendCap, filters.maxPrice ?? 0);
    let credit = 0;
    const keyOk = await probe(c, 'vast', 'API key', 'create a key in the Vast console (Account -> Keys) and set VAST_API_KEY', async () => {
        credit = (await vast.currentUser()).credit ?? 0;
        return `accepted; credit $${credit.toFixed(2)}`;
    });
    if (!keyOk)
        return;
    await probe(c, 'vast', 'credit', 'add credit on Vast, or lower lanes, max-price or max-runtime', async () => {
        const need = Math.min(worst, cap);
        return credit >= need
            ? `$${credit.toFixed(2)} covers ${lanes} lane(s) x $${(filters.maxPrice ?? 0).toFixed(2)}/h x ${hours.toFixed(2)} h = $${worst.toFixed(2)}`
            : { status: 'fail', detail: `$${credit.toFixed(2)} is less than the $${need.toFixed(2)} the run may spend` };
    });
    await probe(c, 'vast', 'spend cap', 'raise --spend-cap, or lower lanes, max-price or max-runtime', async () => !(0,provision/* overSpendCap */.hj)(spendCap, filters.maxPrice ?? 0) ? `$${worst.toFixed(2)} at most, under the cap of $${cap.toFixed(2)}` : { status: 'fail', detail: `$${worst.toFixed(2)} at most, above the cap of $${cap.toFixed(2)}` });
    await probe(c, 'vast', 'offers', 'relax the filter that excludes them (see detail) or wait for capacity', async () => {
        const offers = (0,vast_offers/* chooseOffers */.TO)(await vast.searchOffers((0,vast_offers/* offerQuery */.lj)(filters)), filters, 64);
        if (offers.length)
            return `${offers.length} ${filters.gpuName} offers match now, cheapest $${offers[0].dph_total.toFixed(3)}/h`;
        return { status: 'fail', detail: (0,vast_offers/* whyNoOffers */.hk)(await vast.searchOffers((0,vast_offers/* relaxedQuery */.WC)(filters)), filters) };
    });
}
/**
 * R2, with the credentials the GPU will really use when scoped ones are configured (minted now with a
 * five-minute lifetime, or the two limited pairs): they must list every data folder and write a marker
 * into the logs prefix. Without them, the general key pair is checked the same way.
 */
async function r2Checks(c, env, rt) {
    const hr = new reader/* InputReader */.i_({ ...env, EXPERIMENT_ID: env.EXPERIMENT_ID || 'marketsim-doctor' });
    let host;
    try {
        host = (0,host_storage_inputs/* readHostStorage */.w)(hr, (s) => rt.mask(s), 300);
        hr.finish();
    }
    catch (e) {
        c.push({ group: 'r2', name: 'scoped credentials', status: 'fail', detail: (0,errors/* errorMessage */.gJ)(e), fix: 'see README, Storage on the rented host' });
        return;
    }
    let readStoreCfg;
    let logsStoreCfg;
    let prefix;
    let dirs;
    let logsPrefix;
    if (host) {
        let creds;
        try {
            creds = await (0,scoped_storage/* credentialsForHost */.Y)({ ...host, ttlSeconds: 300 });
            for (const p of [creds.read, creds.logs])
                for (const v of [p.accessKeyId, p.secretAccessKey, p.sessionToken])
                    if (v)
                        rt.mask(v);
            c.push({ group: 'r2', name: 'scoped credentials', status: 'ok', detail: `${creds.how}: read-only on the data folders, read-write on ${host.logsPrefix}` });
        }
        catch (e) {
            c.push({ group: 'r2', name: 'scoped credentials', status: 'fail', detail: (0,errors/* errorMessage */.gJ)(e), fix: 'check CLOUDFLARE_API_TOKEN (it must manage R2), R2_ACCOUNT_ID and R2_ACCESS_KEY_ID (the parent token\'s id)' });
            return;
        }
        readStoreCfg = { endpoint: host.endpoint, bucket: host.bucket, region: 'auto', ...creds.read };
        logsStoreCfg = { endpoint: host.endpoint, bucket: host.logsBucket, region: 'auto', ...creds.logs };
        ({ prefix, dataDirs: dirs, logsPrefix } = host);
    }
    else {
        const r = new reader/* InputReader */.i_(env);
        try {
            readStoreCfg = (0,storage_inputs/* readStore */.uz)(r, (s) => rt.mask(s), 'publish');
            prefix = (0,storage_inputs/* readPrefix */.fr)(r);
            r.finish();
        }
        catch (e) {
            c.push({ group: 'r2', name: 'inputs', status: 'fail', detail: (0,errors/* errorMessage */.gJ)(e), fix: 'set R2_ENDPOINT (or R2_ACCOUNT_ID), R2_ACCESS_KEY_ID and R2_SECRET_ACCESS_KEY' });
            return;
        }
        c.push({ group: 'r2', name: 'scoped credentials', status: 'warn', detail: 'neither minting (CLOUDFLARE_API_TOKEN) nor limited pairs (R2_READ_*, R2_LOGS_*) are configured: the experiment workflow will refuse to rent', fix: 'configure minting or the two limited key pairs' });
        logsStoreCfg = { ...readStoreCfg, bucket: env.R2_LOGS_BUCKET || readStoreCfg.bucket };
        dirs = [...config/* DEFAULT_DIRS */.nc, ...(env.EXTRA_PULL_DIRS ?? '').split(',').map((d) => d.trim()).filter(Boolean)];
        logsPrefix = `${prefix}${config/* DEFAULT_LOGS_PREFIX */.FE}`;
    }
    const http = new s3_http/* S3Http */.VF(readStoreCfg, { connections: 4, timeoutMs: 20_000, retry: { retries: 1, minDelayMs: 200, maxDelayMs: 500 } });
    const logs = new s3_http/* S3Http */.VF(logsStoreCfg, { connections: 2, timeoutMs: 20_000, retry: { retries: 1, minDelayMs: 200, maxDelayMs: 500 } });
    try {
        const first = `${prefix}${dirs[0]}/`;
        const ok = await probe(c, 'r2', 'credentials and bucket', 'check R2_ENDPOINT, the bucket name and the key pair (an R2 API token with access to this bucket)', async () => {
            await firstKeys(http, first).catch((e) => {
                throw (0,access_check/* explainAccessError */.Q)(e, readStoreCfg, first);
            });
            return `listed s3://${readStoreCfg.bucket}/${first} at ${readStoreCfg.endpoint}`;
        });
        if (!ok)
            return;
        for (const dir of dirs) {
            await probe(c, 'r2', `data ${dir}/`, `upload the folder (marketsim push --dirs ${dir}) or drop it from the data folders`, async () => (await firstKeys(http, `${prefix}${dir}/`)) > 0 ? 'has objects' : { status: 'fail', detail: `s3://${readStoreCfg.bucket}/${prefix}${dir}/ is empty` });
        }
        await probe(c, 'r2', 'logs prefix writable', 'give the logs key Object Read & Write on the logs bucket', async () => {
            const key = `${logsPrefix}.marketsim-doctor-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
            const body = Buffer.from('marketsim doctor\n');
            await logs.call('PUT', key, `put s3://${logsStoreCfg.bucket}/${key}`, { body, headers: { 'content-length': String(body.length) } }, async () => undefined);
            await logs.call('DELETE', key, `delete s3://${logsStoreCfg.bucket}/${key}`, { accept: [200, 204, 404] }, async () => undefined);
            return `put and deleted a marker under s3://${logsStoreCfg.bucket}/${logsPrefix}`;
        });
    }
    finally {
        await http.close();
        await logs.close();
    }
}
async function imageCheck(c, env, opts, rt) {
    const image = str(opts.image) ?? env.IMAGE_REF;
    if (!image) {
        c.push({ group: 'image', name: 'pullable', status: 'skip', detail: 'no --image (or IMAGE_REF) given' });
        return;
    }
    const username = env.REGISTRY_PULL_USERNAME;
    const password = env.REGISTRY_PULL_PASSWORD;
    if (password)
        rt.mask(password);
    const minCuda = str(opts.minCuda) ?? '12.8';
    await probe(c, 'image', 'pullable as the instance', 'give the instance a pull credential (REGISTRY_PULL_USERNAME/PASSWORD) or make the image public', async () => {
        const res = await RegistryClient.forImage(image, username && password ? { username, password } : undefined).check();
        if (res.cudaVersion && compareVersions(res.cudaVersion, minCuda) < 0)
            return { status: 'fail', detail: `CUDA ${res.cudaVersion}, below ${minCuda} (RTX 50-series need 12.8)` };
        return `${username ? `as ${username}` : 'anonymously'}; CUDA ${res.cudaVersion ?? 'unknown'}${/@sha256:/.test(image) ? '' : '; not pinned by digest'}`;
    });
}
async function githubCheck(c, env, rt) {
    // --repo is already in env (GITHUB_REPOSITORY), as for provision.
    const r = new reader/* InputReader */.i_(env);
    let g;
    try {
        g = (0,vast_inputs/* readGitHub */.kQ)(r, env, (s) => rt.mask(s), true);
        r.finish();
    }
    catch (e) {
        c.push({ group: 'github', name: 'runner token', status: 'fail', detail: (0,errors/* errorMessage */.gJ)(e), fix: 'set MARKETSIM_GITHUB_TOKEN (a GitHub App token or PAT with Administration write) and --repo owner/name' });
        return;
    }
    const gh = new runners/* GitHubRunners */.zT({ apiUrl: g.apiUrl, token: g.token, scope: g.scope, retry: { retries: 1, minDelayMs: 300, maxDelayMs: 1000 } });
    await probe(c, 'github', 'runner token', 'give the App or PAT Administration write on the repository (Self-hosted runners on the organization)', async () => {
        const name = `marketsim-doctor-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        const jit = await gh.generateJitConfig({ name, runnerGroupId: 1, labels: [name] });
        rt.mask(jit.encodedJitConfig);
        await gh.deleteRunner(jit.runner.id, 10_000);
        return `created and deleted a just-in-time runner on ${g.scope.kind === 'repo' ? `${g.scope.owner}/${g.scope.repo}` : g.scope.org}`;
    });
}
/**
 * `marketsim doctor`: the seed's checklist, run before anything is rented. Each check names how to
 * fix a failure; exit 1 if any failed. The same command is the experiment workflow's preflight job.
 */
async function runDoctor(rt, env, opts, json) {
    const skip = new Set((str(opts.skip) ?? '').split(',').map((s) => s.trim()).filter(Boolean));
    const checks = [];
    const groups = [
        ['vast', () => vastChecks(checks, env, opts, rt)],
        ['r2', () => r2Checks(checks, env, rt)],
        ['image', () => imageCheck(checks, env, opts, rt)],
        ['github', () => githubCheck(checks, env, rt)],
    ];
    for (const [group, run] of groups) {
        if (skip.has(group))
            checks.push({ group, name: '(all)', status: 'skip', detail: '--skip' });
        else
            await run();
    }
    const failed = checks.filter((c) => c.status === 'fail').length;
    rt.outputs.checks = checks;
    rt.setOutput('failed', failed);
    if (!json) {
        const mark = { ok: 'ok', fail: 'FAIL', skip: 'skip', warn: 'warn' };
        const rows = checks.map((c) => [c.group, c.name, mark[c.status], c.detail + (c.fix ? ` -> fix: ${c.fix}` : '')]);
        process.stdout.write(`${(0,format/* renderTextTable */.K$)(['group', 'check', 'result', 'detail'], rows)}\n${failed ? `${failed} check(s) failed: fix them before renting a GPU` : 'ready: nothing found that would fail on a rented GPU'}\n`);
    }
    return failed ? 1 : 0;
}


/***/ }),

/***/ 2755:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ credentialsForHost)
});

// EXTERNAL MODULE: ./lib/net/retry.js
var retry = __webpack_require__(6705);
;// CONCATENATED MODULE: ./lib/cloudflare/temp-credentials.js

/** A refusal from the Cloudflare API, with the v4 envelope's error codes and messages. */
class CloudflareError extends Error {
    status;
    codes;
    name = 'CloudflareError';
    constructor(status, codes, message) {
        super(message);
        this.status = status;
        this.codes = codes;
    }
}
const MAX_TTL_SECONDS = 604_800;
function envelopeError(status, text, what) {
    if (status === 429 || status >= 500)
        return new retry/* TransientError */.N_(`${what} answered ${status}: ${text.slice(0, 200)}`);
    let codes = [];
    let msg = text.slice(0, 300);
    try {
        const j = JSON.parse(text);
        codes = (j.errors ?? []).map((e) => e.code ?? 0);
        msg = (j.errors ?? []).map((e) => `${e.message ?? '?'}${e.code ? ` (${e.code})` : ''}`).join('; ') || msg;
    }
    catch {
        // not JSON: a proxy's page
    }
    const hint = status === 401 || status === 403 ? ': the Cloudflare API token was refused or may not manage R2 (it needs Workers R2 Storage write)' : '';
    return new CloudflareError(status, codes, `${what} failed with ${status}${hint}: ${msg}`);
}
/**
 * Mints R2 temporary credentials through the Cloudflare API (v4 envelope). Runs on the trusted side
 * only (a GitHub-hosted runner): the API token and the parent key never reach a rented host.
 */
async function mintTempCredentials(opts, req) {
    const what = `POST /accounts/${opts.accountId}/r2/temp-access-credentials`;
    const url = `${opts.apiUrl.replace(/\/+$/, '')}/accounts/${encodeURIComponent(opts.accountId)}/r2/temp-access-credentials`;
    const { text } = await (0,retry/* fetchWithRetry */.J5)(what, url, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.apiToken}`, 'content-type': 'application/json', accept: 'application/json' },
        body: { bucket: req.bucket, parentAccessKeyId: req.parentAccessKeyId, permission: req.permission, ttlSeconds: req.ttlSeconds, ...(req.prefixes?.length ? { prefixes: req.prefixes } : {}) },
        timeoutMs: 30_000,
    }, (status, body) => envelopeError(status, body, what), opts.retry ?? { retries: 4, minDelayMs: 500, maxDelayMs: 8000 }, opts.onRetry);
    const j = JSON.parse(text);
    const r = j.result;
    if (!j.success || !r?.accessKeyId || !r.secretAccessKey || !r.sessionToken) {
        throw new CloudflareError(200, (j.errors ?? []).map((e) => e.code ?? 0), `${what} answered without credentials: ${JSON.stringify(j.errors ?? [])}`);
    }
    return { accessKeyId: r.accessKeyId, secretAccessKey: r.secretAccessKey, sessionToken: r.sessionToken };
}

;// CONCATENATED MODULE: ./lib/cloudflare/scoped-storage.js

/**
 * Mints (or takes) the two credentials a rented host gets: read-only on the data folders for hydrate,
 * read-write on this experiment's logs folder for persist. Nothing else: no key that can write the data.
 */
async function credentialsForHost(cfg, now = Date.now()) {
    let read;
    let logs;
    let expiresAt;
    if (cfg.mint) {
        const ttlSeconds = Math.min(MAX_TTL_SECONDS, Math.max(60, Math.round(cfg.ttlSeconds)));
        const base = { parentAccessKeyId: cfg.mint.parentAccessKeyId, ttlSeconds };
        read = await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.bucket, permission: 'object-read-only', prefixes: cfg.dataDirs.map((d) => `${cfg.prefix}${d}/`) });
        logs = await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.logsBucket, permission: 'object-read-write', prefixes: [cfg.logsPrefix] });
        expiresAt = new Date(now + ttlSeconds * 1000).toISOString();
    }
    else if (cfg.scoped) {
        ({ read, logs } = cfg.scoped);
    }
    else
        throw new Error('no way to give the host storage credentials: configure minting or scoped key pairs');
    const vars = {
        R2_ENDPOINT: cfg.endpoint,
        R2_BUCKET: cfg.bucket,
        R2_PREFIX: cfg.prefix,
        R2_LOGS_BUCKET: cfg.logsBucket,
        R2_READ_ACCESS_KEY_ID: read.accessKeyId,
        R2_READ_SECRET_ACCESS_KEY: read.secretAccessKey,
        R2_LOGS_ACCESS_KEY_ID: logs.accessKeyId,
        R2_LOGS_SECRET_ACCESS_KEY: logs.secretAccessKey,
    };
    if (read.sessionToken)
        vars.R2_READ_SESSION_TOKEN = read.sessionToken;
    if (logs.sessionToken)
        vars.R2_LOGS_SESSION_TOKEN = logs.sessionToken;
    if (expiresAt)
        vars.R2_CREDENTIALS_EXPIRE_AT = expiresAt;
    return { read, logs, expiresAt, how: cfg.mint ? 'minted' : 'scoped keys', vars };
}


/***/ }),

/***/ 5208:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zT: () => (/* binding */ GitHubRunners)
/* harmony export */ });
/* unused harmony exports GitHubError, GITHUB_RETRY */
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6705);

class GitHubError extends Error {
    status;
    name = 'GitHubError';
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
const GITHUB_RETRY = { retries: 5, minDelayMs: 1000, maxDelayMs: 20_000 };
/** The self-hosted runner endpoints we need (github-runners.md A1), repo or org scope. */
class GitHubRunners {
    opts;
    base;
    root;
    constructor(opts) {
        this.opts = opts;
        const root = opts.apiUrl.replace(/\/+$/, '');
        this.root = root;
        this.base = opts.scope.kind === 'repo' ? `${root}/repos/${opts.scope.owner}/${opts.scope.repo}/actions/runners` : `${root}/orgs/${opts.scope.org}/actions/runners`;
    }
    async call(method, path, body, absolute = false) {
        const what = `${method} ${path || '/'}${absolute ? '' : ' (runners)'}`;
        const parse = (text) => (text ? JSON.parse(text) : {});
        const { status, text } = await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .fetchWithRetry */ .J5)(what, absolute ? `${this.root}${path}` : `${this.base}${path}`, {
            method,
            headers: {
                authorization: `Bearer ${this.opts.token}`,
                accept: 'application/vnd.github+json',
                'x-github-api-version': '2022-11-28',
                'user-agent': 'marketsim-actions',
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body,
            timeoutMs: 30_000,
        }, (status, text) => {
            // An error page from a proxy in front of GitHub is HTML, not JSON: keep its text, not a SyntaxError.
            let data = {};
            try {
                data = parse(text);
            }
            catch {
                // not JSON
            }
            const message = `${what} failed with ${status}: ${data.message ?? text.slice(0, 200)}`;
            // 5xx, 429 and secondary rate limits (403 with "rate limit") are worth another try.
            if (status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(data.message ?? '')))
                return new _net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(message);
            if (status === 401 || status === 403) {
                return Object.assign(new GitHubError(status, `github-token: ${message} (the token was refused or lacks the permission: it needs Administration write on the repository, or Self-hosted runners on the organization; GITHUB_TOKEN cannot)`), { userError: true });
            }
            return new GitHubError(status, message);
        }, this.opts.retry ?? GITHUB_RETRY, this.opts.onRetry);
        return { status, data: parse(text) };
    }
    /** A just-in-time config: a one-job runner whose id is known at once. The config is a secret. */
    async generateJitConfig(req) {
        const { data } = await this.call('POST', '/generate-jitconfig', {
            name: req.name,
            runner_group_id: req.runnerGroupId,
            labels: req.labels,
            work_folder: req.workFolder ?? '_work',
        });
        return { runner: data.runner, encodedJitConfig: data.encoded_jit_config };
    }
    async getRunner(id) {
        try {
            return (await this.call('GET', `/${id}`)).data;
        }
        catch (e) {
            if (e instanceof GitHubError && e.status === 404)
                return null;
            throw e;
        }
    }
    async listRunners(name) {
        const out = [];
        for (let page = 1;; page++) {
            const q = new URLSearchParams({ per_page: '100', page: String(page) });
            if (name)
                q.set('name', name);
            const { data } = await this.call('GET', `?${q.toString()}`);
            out.push(...data.runners);
            if (data.runners.length < 100 || out.length >= data.total_count)
                return out;
        }
    }
    /** The status of a workflow run of the repository (`completed` once it is over), or null if unknown. */
    async getRunStatus(runId) {
        if (this.opts.scope.kind !== 'repo')
            return null;
        try {
            const { data } = await this.call('GET', `/repos/${this.opts.scope.owner}/${this.opts.scope.repo}/actions/runs/${runId}`, undefined, true);
            return data.status ?? null;
        }
        catch (e) {
            if (e instanceof GitHubError && e.status === 404)
                return null;
            throw e;
        }
    }
    /**
     * Removes a registration. A runner still running a job answers 422 ("is still running a job"):
     * wait and try again until `busyTimeoutMs`; 404 means it is gone already.
     */
    async deleteRunner(id, busyTimeoutMs = 120_000) {
        const sleep = this.opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
        const deadline = Date.now() + busyTimeoutMs;
        for (let wait = 2000;; wait = Math.min(wait * 2, 15_000)) {
            try {
                await this.call('DELETE', `/${id}`);
                return 'deleted';
            }
            catch (e) {
                if (e instanceof GitHubError && e.status === 404)
                    return 'already gone';
                if (!(e instanceof GitHubError && e.status === 422) || Date.now() + wait > deadline)
                    throw e;
                this.opts.onRetry?.(`runner ${id} is still busy; trying to remove it again in ${wait / 1000} s`);
                await sleep(wait);
            }
        }
    }
}


/***/ }),

/***/ 3337:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ readHostStorage)
/* harmony export */ });
/* harmony import */ var _storage_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1275);
/* harmony import */ var _storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9447);


function pair(r, idInput, secretInput, envPrefix, mask) {
    const accessKeyId = r.string(idInput, { env: [`${envPrefix}ACCESS_KEY_ID`] });
    const secretAccessKey = r.string(secretInput, { env: [`${envPrefix}SECRET_ACCESS_KEY`] });
    for (const s of [accessKeyId, secretAccessKey])
        if (s)
            mask(s);
    if (!accessKeyId && !secretAccessKey)
        return undefined;
    if (!accessKeyId || !secretAccessKey) {
        r.problem(accessKeyId ? secretInput : idInput, `give ${idInput} and ${secretInput} together (variables ${envPrefix}ACCESS_KEY_ID / ${envPrefix}SECRET_ACCESS_KEY)`);
        return undefined;
    }
    return { accessKeyId, secretAccessKey };
}
/**
 * What storage access the rented host gets. Minting (a Cloudflare API token + the parent R2 key id)
 * is preferred; else two key pairs the user limited (R2_READ_* read-only on the data bucket, R2_LOGS_*
 * read-write on a logs bucket). The general R2_ACCESS_KEY_ID/SECRET pair never goes to the host.
 * `required` (the experiment workflow) makes "neither" a bad input, before anything is rented.
 */
function readHostStorage(r, mask, ttlSeconds) {
    // Every input is read (and every secret masked) whatever the mode, so one message names every problem.
    const mode = r.oneOf('storage-credentials', ['auto', 'required', 'none'], { default: 'auto' });
    const apiToken = r.string('cloudflare-api-token', { env: ['CLOUDFLARE_API_TOKEN'] });
    if (apiToken)
        mask(apiToken);
    const read = pair(r, 'r2-read-access-key-id', 'r2-read-secret-access-key', 'R2_READ_', mask);
    const logs = pair(r, 'r2-logs-access-key-id', 'r2-logs-secret-access-key', 'R2_LOGS_', mask);
    const accountId = r.string('r2-account-id', { env: ['R2_ACCOUNT_ID', 'CLOUDFLARE_ACCOUNT_ID'] });
    const jurisdiction = (0,_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readJurisdiction */ .qe)(r, 'r2-jurisdiction');
    const endpointRaw = r.string('r2-endpoint', { env: ['R2_ENDPOINT'] });
    const bucket = r.string('r2-bucket', { env: ['R2_BUCKET'], default: _storage_config_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_BUCKET */ .hg }) ?? _storage_config_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_BUCKET */ .hg;
    const logsBucket = r.string('r2-logs-bucket', { env: ['R2_LOGS_BUCKET'] }) ?? bucket;
    const prefix = (0,_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readPrefix */ .fr)(r, 'r2-prefix');
    const dirs = (0,_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readDataDirs */ .jP)(r, 'data-dirs');
    const experimentId = r.string('experiment-id', { env: ['EXPERIMENT_ID'] });
    const parentAccessKeyId = r.string('r2-access-key-id', { env: ['R2_ACCESS_KEY_ID'] });
    const apiUrl = r.string('cloudflare-api-url', { env: ['CLOUDFLARE_API_URL'], default: 'https://api.cloudflare.com/client/v4' }) ?? '';
    if (mode === 'none')
        return undefined;
    if (!apiToken && !read && !logs) {
        if (mode === 'required') {
            r.problem('storage-credentials', 'the rented host needs storage credentials: give cloudflare-api-token (CLOUDFLARE_API_TOKEN) with r2-account-id and r2-access-key-id to mint scoped ones, or a read-only pair (R2_READ_ACCESS_KEY_ID/R2_READ_SECRET_ACCESS_KEY) and a logs pair (R2_LOGS_ACCESS_KEY_ID/R2_LOGS_SECRET_ACCESS_KEY)');
        }
        return undefined;
    }
    if (!apiToken && (!read || !logs))
        r.problem(read ? 'r2-logs-access-key-id' : 'r2-read-access-key-id', 'without minting, give both the read-only data pair and the logs pair');
    // R2 API tokens are limited per bucket, not per prefix: a read-write logs key on the data bucket could rewrite the data.
    if (!apiToken && read && logs && logsBucket === bucket)
        r.problem('r2-logs-bucket', `without minting, the logs need a bucket of their own (the logs key may write all of '${logsBucket}')`);
    if (accountId && !_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .ACCOUNT_ID */ .W_.test(accountId))
        r.problem('r2-account-id', 'expected the 32 hex characters of a Cloudflare account id');
    const endpoint = endpointRaw ?? (accountId ? (0,_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .r2Endpoint */ .MT)(accountId, jurisdiction) : undefined);
    if (!endpoint)
        r.problem('r2-endpoint', 'required (or variable R2_ENDPOINT), or give r2-account-id (R2_ACCOUNT_ID)');
    else if (!/^https?:\/\/[^/\s]+\/?$/.test(endpoint))
        r.problem('r2-endpoint', `expected the bare S3 endpoint such as https://<account>.r2.cloudflarestorage.com, got '${endpoint}'`);
    if (!experimentId)
        r.problem('experiment-id', "required to scope the logs credential to this experiment's folder");
    else {
        const bad = (0,_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .experimentIdProblem */ .yV)(experimentId);
        if (bad)
            r.problem('experiment-id', bad);
    }
    let mint;
    if (apiToken) {
        if (!parentAccessKeyId)
            r.problem('r2-access-key-id', 'required with cloudflare-api-token: the access key id of the R2 token the temporary credentials derive from (its secret is not needed)');
        if (!accountId)
            r.problem('r2-account-id', 'required with cloudflare-api-token (or variable R2_ACCOUNT_ID)');
        if (!/^https?:\/\//.test(apiUrl))
            r.problem('cloudflare-api-url', `expected an http(s) URL, got '${apiUrl}'`);
        mint = { apiUrl, apiToken, accountId: accountId ?? '', parentAccessKeyId: parentAccessKeyId ?? '' };
    }
    return {
        endpoint: (endpoint ?? '').replace(/\/+$/, ''),
        bucket,
        logsBucket,
        prefix,
        dataDirs: dirs,
        logsPrefix: `${prefix}${_storage_config_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_LOGS_PREFIX */ .FE}${experimentId ?? ''}/`,
        ttlSeconds,
        mint,
        scoped: !apiToken && read && logs ? { read, logs } : undefined,
    };
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


/***/ })

};
