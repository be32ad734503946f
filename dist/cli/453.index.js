export const id = 453;
export const ids = [453];
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
// EXTERNAL MODULE: ./lib/inputs/storage-inputs.js
var storage_inputs = __webpack_require__(2764);
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
    return http.call('GET', undefined, `list s3://${http.store.bucket}/${prefix}`, { query: { 'list-type': '2', prefix, 'max-keys': String(n) }, retry: { retries: 1, minDelayMs: 200, maxDelayMs: 500 } }, async (res) => {
        const chunks = [];
        for await (const c of res.body)
            chunks.push(c);
        return (0,list/* parseListPage */.ZN)(Buffer.concat(chunks).toString('utf8')).objects.length;
    });
}
async function vastChecks(c, env, opts, rt) {
    const r = new reader/* InputReader */.i_({ ...env, 'INPUT_GPU-NAME': str(opts.gpuName) ?? env['INPUT_GPU-NAME'], 'INPUT_MAX-PRICE': str(opts.maxPrice) ?? env['INPUT_MAX-PRICE'] ?? '1.00', 'INPUT_MIN-CUDA': str(opts.minCuda) });
    const conn = (0,vast_inputs/* readVastConnection */.ZR)(r, (s) => rt.mask(s));
    const { maxAttempts: _a, ...filters } = (0,vast_inputs/* readOfferFilters */.UD)(r);
    const hours = (0,vast_inputs/* parseDuration */.E9)(r, 'max-runtime', str(opts.maxRuntime) ?? '240m', { min: 60 }) / 3600 + 0.75;
    const lanes = Number(str(opts.lanes) ?? 1);
    const cap = Number(str(opts.spendCap) ?? 25);
    try {
        r.finish();
    }
    catch (e) {
        c.push({ group: 'vast', name: 'inputs', status: 'fail', detail: (0,errors/* errorMessage */.gJ)(e), fix: 'set VAST_API_KEY (Vast console: Account -> Keys)' });
        return;
    }
    const vast = new client/* VastClient */.us({ baseUrl: conn.apiUrl, apiKey: conn.apiKey, retry: { retries: 2, minDelayMs: 500, maxDelayMs: 2000 } });
    const worst = lanes * (filters.maxPrice ?? 0) * hours;
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
    await probe(c, 'vast', 'spend cap', 'raise --spend-cap, or lower lanes, max-price or max-runtime', async () => worst <= cap ? `$${worst.toFixed(2)} at most, under the cap of $${cap.toFixed(2)}` : { status: 'fail', detail: `$${worst.toFixed(2)} at most, above the cap of $${cap.toFixed(2)}` });
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
async function githubCheck(c, env, opts, rt) {
    const r = new reader/* InputReader */.i_({ ...env, ...(str(opts.repo) ? { GITHUB_REPOSITORY: str(opts.repo), GITHUB_REPOSITORY_OWNER: str(opts.repo).split('/')[0] } : {}) });
    let g;
    try {
        g = (0,vast_inputs/* readGitHub */.kQ)(r, { ...env, ...(str(opts.repo) ? { GITHUB_REPOSITORY: str(opts.repo) } : {}) }, (s) => rt.mask(s), true);
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
        ['github', () => githubCheck(checks, env, opts, rt)],
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


/***/ })

};
