export const id = 762;
export const ids = [762];
export const modules = {

/***/ 2762:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  provisionStep: () => (/* binding */ provisionStep)
});

// UNUSED EXPORTS: PROVISION_OUTPUTS, STATE_DONE, STATE_INSTANCE, STATE_LABEL, STATE_LABEL_PATTERN, STATE_RUNNER, provisionSummary, readProvisionInputs

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
        const asPair = (t) => ({ ...t });
        read = asPair(await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.bucket, permission: 'object-read-only', prefixes: cfg.dataDirs.map((d) => `${cfg.prefix}${d}/`) }));
        logs = asPair(await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.logsBucket, permission: 'object-read-write', prefixes: [cfg.logsPrefix] }));
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

// EXTERNAL MODULE: ./lib/github/runners.js
var runners = __webpack_require__(5208);
// EXTERNAL MODULE: ./lib/storage/config.js
var config = __webpack_require__(1275);
// EXTERNAL MODULE: ./lib/storage/experiment-id.js
var experiment_id = __webpack_require__(7062);
// EXTERNAL MODULE: ./lib/inputs/storage-inputs.js
var storage_inputs = __webpack_require__(2764);
;// CONCATENATED MODULE: ./lib/inputs/host-storage-inputs.js



const ACCOUNT_ID = /^[0-9a-f]{32}$/;
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
    const endpointRaw = r.string('r2-endpoint', { env: ['R2_ENDPOINT'] });
    const bucket = r.string('r2-bucket', { env: ['R2_BUCKET'], default: config/* DEFAULT_BUCKET */.hg }) ?? config/* DEFAULT_BUCKET */.hg;
    const logsBucket = r.string('r2-logs-bucket', { env: ['R2_LOGS_BUCKET'] }) ?? bucket;
    const prefixRaw = r.string('r2-prefix', { env: ['R2_PREFIX'], default: config/* DEFAULT_PREFIX */.Nf }) ?? config/* DEFAULT_PREFIX */.Nf;
    const dirs = [...r.list('data-dirs', { default: config/* DEFAULT_DIRS */.nc }), ...r.list('extra-dirs', { env: ['EXTRA_PULL_DIRS'] })].map((d) => d.replace(/\/+$/, ''));
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
    if (accountId && !ACCOUNT_ID.test(accountId))
        r.problem('r2-account-id', 'expected the 32 hex characters of a Cloudflare account id');
    const endpoint = endpointRaw ?? (accountId ? `https://${accountId}.r2.cloudflarestorage.com` : undefined);
    if (!endpoint)
        r.problem('r2-endpoint', 'required (or variable R2_ENDPOINT), or give r2-account-id (R2_ACCOUNT_ID)');
    else if (!/^https?:\/\/[^/\s]+\/?$/.test(endpoint))
        r.problem('r2-endpoint', `expected the bare S3 endpoint such as https://<account>.r2.cloudflarestorage.com, got '${endpoint}'`);
    let prefix = prefixRaw.replace(/^\/+/, '');
    if (prefix && !prefix.endsWith('/'))
        prefix += '/';
    for (const d of [prefix.replace(/\/$/, ''), ...dirs].filter(Boolean)) {
        const bad = (0,storage_inputs/* unsafeRelativePath */.q4)(d);
        if (bad)
            r.problem('data-dirs', `'${d}' ${bad}`);
    }
    if (!experimentId)
        r.problem('experiment-id', "required to scope the logs credential to this experiment's folder");
    else if (!experiment_id/* EXPERIMENT_ID_PATTERN */.B.test(experimentId) || experimentId.includes('..'))
        r.problem('experiment-id', `'${experimentId}' may hold only letters, digits, '.', '_' and '-'`);
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
        dataDirs: [...new Set(dirs)],
        logsPrefix: `${prefix}${config/* DEFAULT_LOGS_PREFIX */.FE}${experimentId ?? ''}/`,
        ttlSeconds,
        mint,
        scoped: !apiToken && read && logs ? { read, logs } : undefined,
    };
}

// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
// EXTERNAL MODULE: ./lib/inputs/vast-inputs.js
var vast_inputs = __webpack_require__(1073);
// EXTERNAL MODULE: ./lib/runtime/format.js
var format = __webpack_require__(2625);
;// CONCATENATED MODULE: ./lib/vast/bootstrap-script.js
// Generated by scripts/embed-bootstrap.mjs from src/vast/bootstrap.sh: edit that file, not this one.
const BOOTSTRAP_SH = "#!/bin/bash\n# marketsim bootstrap (Vast onstart): make this instance a one-job GitHub runner, then destroy it:\n# after the job, when no job comes within the grace period, or at the maximum lifetime.\n# Vast may start onstart with sh; the rest needs bash.\n[ -n \"${BASH_VERSION:-}\" ] || exec bash \"$0\" \"$@\"\nH=${MARKETSIM_HOME:-/root/marketsim}\nmkdir -p \"$H\"\nexec >>\"$H/bootstrap.log\" 2>&1\nsay() { echo \"$(date -u +%FT%TZ) $*\"; }\n\n# Never gives up: every call is bounded by --max-time, and the pause doubles up to a cap.\ndestroy() {\n  say \"destroying instance ${CONTAINER_ID:-?}: $1\"\n  local n=0 pause=2 code\n  while :; do\n    code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 10 --max-time 30 -X DELETE \\\n      -H \"Authorization: Bearer ${CONTAINER_API_KEY:-}\" -H 'Content-Type: application/json' -d '{}' \\\n      \"${VAST_URL:-https://console.vast.ai}/api/v0/instances/${CONTAINER_ID:-0}/\")\n    case $code in 200 | 404) say \"destroy answered $code\"; exit 0 ;; esac\n    n=$((n + 1))\n    say \"destroy answered ${code:-nothing} (try $n); again in ${pause}s\"\n    sleep \"$pause\"\n    pause=$((pause * 2))\n    [ \"$pause\" -le \"${MARKETSIM_DESTROY_MAX_PAUSE:-300}\" ] || pause=${MARKETSIM_DESTROY_MAX_PAUSE:-300}\n  done\n}\n\n# Scoped storage credentials arrive as base64 of NAME=value lines in MARKETSIM_ENV_NN: only R2_* names\n# are exported, for the runner (and so the GPU job's actions) alone.\nload_host_env() {\n  local blob=\"\" n=0 v line\n  while [ \"$n\" -lt \"${MARKETSIM_ENV_COUNT:-0}\" ]; do\n    v=$(printf 'MARKETSIM_ENV_%02d' \"$n\")\n    blob=\"$blob${!v}\"\n    unset \"$v\"\n    n=$((n + 1))\n  done\n  unset MARKETSIM_ENV_COUNT\n  [ -n \"$blob\" ] || return 0\n  while IFS= read -r line; do\n    if [[ ${line%%=*} =~ ^R2_[A-Z0-9_]+$ ]]; then export \"${line?}\"; fi\n  done < <(printf '%s' \"$blob\" | base64 -d)\n}\n\nmain() {\n  say \"bootstrap of instance ${CONTAINER_ID:-?}, label ${MARKETSIM_RUNNER_LABEL:-?}\"\n  # onstart runs on every container start; a JIT runner is single-use, so a restart is the end.\n  [ -e \"$H/started\" ] && destroy \"container restarted after its one job\"\n  local jit=\"\" n=0 v\n  while [ \"$n\" -lt \"${MARKETSIM_JIT_COUNT:-0}\" ]; do\n    v=$(printf 'MARKETSIM_JIT_%02d' \"$n\")\n    jit=\"$jit${!v}\"\n    unset \"$v\"\n    n=$((n + 1))\n  done\n  unset MARKETSIM_JIT_COUNT\n  [ -n \"$jit\" ] || destroy \"no JIT config in the environment\"\n  load_host_env\n\n  local r=${MARKETSIM_RUNNER_DIR:-/opt/actions-runner}\n  if [ ! -x \"$r/run.sh\" ]; then\n    r=$H/runner\n    mkdir -p \"$r\"\n    say \"downloading the runner from ${MARKETSIM_RUNNER_URL:-?}\"\n    curl -fsSL --retry 5 --connect-timeout 20 --max-time 900 -o \"$H/runner.tgz\" \"${MARKETSIM_RUNNER_URL:-}\" || destroy \"runner download failed\"\n    echo \"${MARKETSIM_RUNNER_SHA256:-none}  $H/runner.tgz\" | sha256sum -c - || destroy \"runner checksum mismatch\"\n    tar xzf \"$H/runner.tgz\" -C \"$r\" || destroy \"runner unpack failed\"\n  fi\n  printf '#!/bin/sh\\ntouch \"%s/job-started\"\\n' \"$H\" >\"$H/job-started.sh\"\n  chmod +x \"$H/job-started.sh\"\n  touch \"$H/started\"\n\n  # The JIT config reaches the runner only through its environment: never argv, never disk. The job\n  # does not need the instance's own Vast key (the watchdog does): the runner starts without it.\n  ACTIONS_RUNNER_INPUT_JITCONFIG=$jit ACTIONS_RUNNER_HOOK_JOB_STARTED=$H/job-started.sh RUNNER_ALLOW_RUNASROOT=1 \\\n    env -u CONTAINER_API_KEY \"$r/run.sh\" >>\"$H/runner.log\" 2>&1 &\n  local pid=$! start\n  jit=\"\"\n  start=$(date +%s)\n  say \"runner started (pid $pid)\"\n  while kill -0 \"$pid\" 2>/dev/null; do\n    local age=$(($(date +%s) - start))\n    if [ \"$age\" -ge \"${MARKETSIM_MAX_LIFETIME:-21600}\" ]; then kill \"$pid\"; destroy \"maximum lifetime reached\"; fi\n    if [ ! -e \"$H/job-started\" ] && [ \"$age\" -ge \"${MARKETSIM_JOB_GRACE:-900}\" ]; then kill \"$pid\"; destroy \"no job arrived in time\"; fi\n    sleep \"${MARKETSIM_WATCH_INTERVAL:-10}\"\n  done\n  wait \"$pid\"\n  destroy \"runner exited ($?) after its job\"\n}\n\n# Vast waits for onstart; the watchdog lives on in the background.\nmain </dev/null &\n";

// EXTERNAL MODULE: ./lib/vast/client.js
var client = __webpack_require__(5923);
;// CONCATENATED MODULE: ./lib/vast/jit-env.js
/** Vast allows 256 characters per environment entry (vast-api.md section 4); a JIT config is ~3.8 KB. */
const ENV_ENTRY_MAX = 256;
const JIT_CHUNK_PREFIX = 'MARKETSIM_JIT_';
/**
 * Splits the base64 JIT config into numbered variables (`MARKETSIM_JIT_00`, `_01`, ...) that each fit
 * one Vast env entry; the bootstrap joins them into ACTIONS_RUNNER_INPUT_JITCONFIG and unsets them.
 */
function chunkJitConfig(config) {
    const keyLen = `${JIT_CHUNK_PREFIX}00=`.length;
    const size = ENV_ENTRY_MAX - keyLen;
    const out = {};
    for (let i = 0, n = 0; i < config.length; i += size, n++)
        out[`${JIT_CHUNK_PREFIX}${String(n).padStart(2, '0')}`] = config.slice(i, i + size);
    out[`${JIT_CHUNK_PREFIX}COUNT`] = String(Object.keys(out).length);
    return out;
}
function joinJitConfig(env) {
    const count = Number(env[`${JIT_CHUNK_PREFIX}COUNT`] ?? 0);
    let s = '';
    for (let n = 0; n < count; n++)
        s += env[`${JIT_CHUNK_PREFIX}${String(n).padStart(2, '0')}`] ?? '';
    return s;
}

;// CONCATENATED MODULE: ./lib/vast/host-env.js

const HOST_ENV_PREFIX = 'MARKETSIM_ENV_';
/** Only these names may be set on the host through the delivered blob (the bootstrap enforces the same). */
const HOST_ENV_NAME = /^R2_[A-Z0-9_]+$/;
/**
 * Packs variables for the rented host into numbered env entries (`MARKETSIM_ENV_00`, ...; Vast allows
 * 256 characters per entry) holding base64 of `NAME=value` lines. The bootstrap joins and decodes them,
 * exports the R2_* names into the runner's environment only (the GPU job's actions read them as
 * fallbacks), and unsets the pieces. Values are secrets: the caller masks them, whole and in pieces.
 */
function chunkHostEnv(vars) {
    for (const [k, v] of Object.entries(vars)) {
        if (!HOST_ENV_NAME.test(k))
            throw new Error(`host variable ${k} is not an R2_* name`);
        if (/[\r\n]/.test(v))
            throw new Error(`host variable ${k} holds a line break`);
    }
    const blob = Buffer.from(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''), 'utf8').toString('base64');
    const size = ENV_ENTRY_MAX - `${HOST_ENV_PREFIX}00=`.length;
    const out = {};
    let n = 0;
    for (let i = 0; i < blob.length; i += size, n++)
        out[`${HOST_ENV_PREFIX}${String(n).padStart(2, '0')}`] = blob.slice(i, i + size);
    out[`${HOST_ENV_PREFIX}COUNT`] = String(n);
    return out;
}
/** The inverse, as the bootstrap does it (tests). */
function unchunkHostEnv(env) {
    const count = Number(env[`${HOST_ENV_PREFIX}COUNT`] ?? 0);
    let blob = '';
    for (let n = 0; n < count; n++)
        blob += env[`${HOST_ENV_PREFIX}${String(n).padStart(2, '0')}`] ?? '';
    const out = {};
    for (const line of Buffer.from(blob, 'base64').toString('utf8').split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0 && HOST_ENV_NAME.test(line.slice(0, eq)))
            out[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return out;
}

// EXTERNAL MODULE: ./lib/vast/offers.js
var vast_offers = __webpack_require__(3659);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/vast/instance-state.js
/** Docker daemon texts that mean the image will never start (vast-api.md section 5). */
const FAILURE_TEXT = /error response from daemon|manifest .* not found|pull access denied|unauthorized|oci runtime|permission denied|no such image|exec format error/i;
/**
 * Reads one poll of an instance: running, still coming up, or failed for good. `exited`, `offline`
 * and `unknown` never become running (Vast docs), nor does an instance stopped by the host.
 */
function readiness(inst) {
    if (!inst)
        return { state: 'failed', reason: 'the instance disappeared' };
    const actual = inst.actual_status ?? null;
    const msg = inst.status_msg ?? '';
    if (actual === 'running')
        return { state: 'running' };
    if (FAILURE_TEXT.test(msg))
        return { state: 'failed', reason: `image did not start: ${msg}` };
    if (actual === 'exited' || actual === 'offline' || actual === 'unknown' || actual === 'frozen')
        return { state: 'failed', reason: `instance is ${actual}${msg ? `: ${msg}` : ''}` };
    if (inst.intended_status === 'stopped' || (actual === 'stopped' && inst.cur_state === 'stopped'))
        return { state: 'failed', reason: `instance was stopped by the host${msg ? `: ${msg}` : ''}` };
    return { state: 'pending' };
}
/** ssh://root@host:port from the direct port when open, else Vast's SSH proxy (CLI `_ssh_url`). */
function sshUrl(inst) {
    const ip = (inst.public_ipaddr ?? '').trim();
    const port = inst.ports?.['22/tcp']?.[0]?.HostPort;
    if (ip && port)
        return `ssh://root@${ip}:${port}`;
    return inst.ssh_host && inst.ssh_port ? `ssh://root@${inst.ssh_host}:${inst.ssh_port}` : '';
}

;// CONCATENATED MODULE: ./lib/vast/provision.js





class ProvisionError extends Error {
    tries;
    name = 'ProvisionError';
    constructor(message, tries) {
        super(message);
        this.tries = tries;
    }
}
class TryFailed extends Error {
}
const defaultSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(new Error('cancelled'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new Error('cancelled'));
    }, { once: true });
});
/** The runner label of one try: unique to the workflow run, its attempt, the lane (if any) and the try. */
function runnerLabel(prefix, runId, attempt, n, lane) {
    return lane ? `${prefix}-${runId}-${attempt}-${lane}-${n}` : `${prefix}-${runId}-${attempt}-${n}`;
}
/**
 * Rents a GPU and turns it into a one-job runner: preflight, then for each offer (cheapest first, up
 * to maxAttempts) a JIT registration, the instance, waiting until it runs and the runner is online.
 * A failed try destroys its instance and deletes its registration before the next one; nothing
 * rented survives a failure or a cancel.
 */
async function provision(cfg, deps) {
    const { vast, github, log } = deps;
    const sleep = deps.sleep ?? defaultSleep;
    const started = Date.now();
    const user = await vast.currentUser();
    const credit = user.credit ?? 0;
    const lowCredit = (need) => new ProvisionError(`Vast credit is $${credit.toFixed(2)}, below min-balance $${need.toFixed(2)}; nothing was rented`, []);
    if (cfg.minBalance !== undefined && credit < cfg.minBalance)
        throw lowCredit(cfg.minBalance);
    let offers;
    if (cfg.offerId !== undefined) {
        const found = await vast.searchOffers({ id: { eq: cfg.offerId }, rentable: { eq: true } });
        if (!found.length)
            throw new errors/* ConfigurationError */.j(`offer-id: offer ${cfg.offerId} is not rentable now (taken, withdrawn or mistyped); nothing was rented`);
        offers = [checkOffer(found[0], cfg.filters)];
    }
    else {
        const found = await vast.searchOffers((0,vast_offers/* offerQuery */.lj)(cfg.filters));
        offers = (0,vast_offers/* chooseOffers */.TO)(found, cfg.filters, cfg.maxAttempts);
        log.info(`${found.length} offers match (${cfg.filters.gpuName}${cfg.filters.maxPrice !== undefined ? ` under $${cfg.filters.maxPrice}/h` : ''}); trying ${offers.map((o) => `${o.id} ($${o.dph_total.toFixed(3)}/h)`).join(', ') || 'none'}`);
    }
    if (offers.length === 0)
        throw new ProvisionError(`No ${cfg.filters.gpuName} offer matches the filters; nothing was rented`, []);
    const needed = cfg.minBalance ?? cfg.filters.maxPrice ?? offers[0].dph_total;
    if (credit < needed)
        throw lowCredit(needed);
    if (cfg.spendCap)
        checkSpendCap(cfg.spendCap, cfg.filters.maxPrice ?? Math.max(...offers.map((o) => o.dph_total)));
    const tries = [];
    for (const [i, offer] of offers.entries()) {
        const n = i + 1;
        const label = runnerLabel(cfg.labelPrefix, cfg.runId, cfg.runAttempt, n, cfg.lane);
        const t0 = Date.now();
        const report = { offerId: offer.id, label, result: 'failed', ms: 0 };
        tries.push(report);
        let instanceId;
        let runner;
        try {
            const jit = await github.generateJitConfig({ name: label, runnerGroupId: cfg.runnerGroupId, labels: [label, ...cfg.extraLabels] });
            runner = jit.runner;
            const chunks = chunkJitConfig(jit.encodedJitConfig);
            maskJit(jit.encodedJitConfig, chunks, deps.mask);
            const env = { ...cfg.env, ...(cfg.deliveredEnv ?? {}), MARKETSIM_RUNNER_LABEL: label, ...chunks };
            try {
                const created = await vast.createInstance(offer.id, {
                    client_id: 'me',
                    image: cfg.image,
                    disk: cfg.filters.disk,
                    label,
                    env,
                    onstart: cfg.onstart,
                    runtype: 'ssh_direc ssh_proxy',
                    cancel_unavail: true,
                    ...(cfg.imageLogin ? { image_login: cfg.imageLogin } : {}),
                });
                instanceId = created.id;
            }
            catch (e) {
                if (e instanceof client/* CreateOutcomeUnknownError */.dr) {
                    // Never create again blindly: the label is unique to this try, so look for it.
                    log.warn(`Try ${n}: ${e.message}; looking for an instance labelled ${label}`);
                    instanceId = await findByLabel(vast, label, sleep, deps.lookupMs ?? 2000, deps.signal);
                    if (instanceId === undefined)
                        throw new TryFailed(`${e.message}; no instance labelled ${label} appeared (teardown by label remains the backstop)`);
                    log.info(`Try ${n}: adopting instance ${instanceId}, created despite the lost answer`);
                }
                else if (e instanceof client/* OfferGoneError */.sv) {
                    report.result = 'offer gone';
                    report.reason = e.message;
                    log.info(`Try ${n}: ${e.message}; moving on`);
                    await github.deleteRunner(runner.id).catch(() => undefined);
                    runner = undefined;
                    continue;
                }
                else
                    throw e;
            }
            report.instanceId = instanceId;
            deps.onInstance?.(instanceId, label);
            log.info(`Try ${n}: instance ${instanceId} on offer ${offer.id} (${offer.gpu_name}, ${offer.geolocation ?? '?'}, $${offer.dph_total.toFixed(3)}/h), label ${label}`);
            const inst = await waitRunning(vast, instanceId, cfg, sleep, deps.signal, log);
            const msToRunning = Date.now() - started;
            const online = await waitOnline(github, runner.id, cfg, sleep, deps.signal);
            report.result = 'ok';
            report.ms = Date.now() - t0;
            return {
                instanceId,
                offer,
                label,
                runner: online,
                sshUrl: sshUrl(inst),
                publicIp: (inst.public_ipaddr ?? '').trim(),
                offersConsidered: offers.length,
                msToRunning,
                msToOnline: Date.now() - started,
                tries,
            };
        }
        catch (e) {
            report.reason = e.message;
            report.ms = Date.now() - t0;
            await cleanup(vast, github, instanceId, runner, log);
            if (deps.signal?.aborted)
                throw new ProvisionError(`Cancelled during try ${n}; destroyed what it had created`, tries);
            if (!(e instanceof TryFailed))
                throw new ProvisionError(`Try ${n} on offer ${offer.id} failed: ${e.message}`, tries);
            log.warn(`Try ${n} on offer ${offer.id} failed: ${report.reason}; destroyed instance ${instanceId ?? '-'}`);
        }
    }
    throw new ProvisionError(`All ${tries.length} tries failed: ${tries.map((t) => `offer ${t.offerId}: ${t.reason}`).join('; ')}`, tries);
}
async function waitRunning(vast, id, cfg, sleep, signal, log) {
    const deadline = Date.now() + cfg.waitTimeoutMs;
    let wait = cfg.pollMs;
    let lastMsg = '';
    for (;;) {
        const inst = await vast.getInstance(id);
        const r = readiness(inst);
        if (inst?.status_msg && inst.status_msg !== lastMsg) {
            lastMsg = inst.status_msg;
            log.info(`instance ${id}: ${inst.actual_status ?? 'provisioning'}: ${lastMsg}`);
        }
        if (r.state === 'running')
            return inst;
        if (r.state === 'failed')
            throw new TryFailed(r.reason);
        if (Date.now() + wait > deadline)
            throw new TryFailed(`not running after ${Math.round(cfg.waitTimeoutMs / 1000)} s (last state: ${inst?.actual_status ?? 'provisioning'})`);
        await sleep(wait, signal);
        wait = Math.min(Math.round(wait * 1.5), cfg.maxPollMs);
    }
}
async function waitOnline(github, runnerId, cfg, sleep, signal) {
    const deadline = Date.now() + cfg.runnerTimeoutMs;
    for (;;) {
        const r = await github.getRunner(runnerId);
        if (r?.status === 'online')
            return r;
        if (!r)
            throw new TryFailed('the runner registration disappeared');
        if (Date.now() + cfg.pollMs > deadline)
            throw new TryFailed(`runner not online after ${Math.round(cfg.runnerTimeoutMs / 1000)} s`);
        await sleep(cfg.pollMs, signal);
    }
}
/** The offer named by offer-id must satisfy the same limits a search would apply. */
function checkOffer(o, f) {
    const bad = [];
    if (f.maxPrice !== undefined && o.dph_total > f.maxPrice)
        bad.push(`max-price: offer ${o.id} costs $${o.dph_total.toFixed(3)}/h, above $${f.maxPrice}/h`);
    if (o.gpu_name !== f.gpuName)
        bad.push(`gpu-name: offer ${o.id} is a ${o.gpu_name}, not a ${f.gpuName}`);
    if (f.minCuda !== undefined && (o.cuda_max_good ?? 0) < f.minCuda)
        bad.push(`min-cuda: offer ${o.id} supports CUDA ${o.cuda_max_good ?? '?'}, below ${f.minCuda}`);
    if (bad.length)
        throw new errors/* ConfigurationError */.j(`offer-id does not satisfy the limits; nothing was rented:\n  - ${bad.join('\n  - ')}`);
    return o;
}
/** lanes x $/h x hours against the cap; a bad input, before anything is rented. */
function checkSpendCap(cap, pricePerHour) {
    const worst = cap.lanes * pricePerHour * cap.hours;
    if (worst > cap.usd + 1e-9) {
        throw new errors/* ConfigurationError */.j(`spend-cap: ${cap.lanes} lane(s) x $${pricePerHour.toFixed(3)}/h x ${cap.hours.toFixed(2)} h = $${worst.toFixed(2)}, above the cap of $${cap.usd.toFixed(2)}; lower max-price, max-runtime or the number of configs, or raise spend-cap`);
    }
}
/** Masks the JIT config whole, each env chunk, and the credential files it decodes to. */
function maskJit(config, chunks, mask) {
    if (!mask)
        return;
    mask(config);
    for (const [k, v] of Object.entries(chunks))
        if (!k.endsWith('COUNT'))
            mask(v);
    try {
        const files = JSON.parse(Buffer.from(config, 'base64').toString('utf8'));
        for (const v of Object.values(files)) {
            if (typeof v !== 'string' || v.length < 8)
                continue;
            mask(v);
            const decoded = Buffer.from(v, 'base64').toString('utf8');
            for (const line of decoded.split('\n'))
                if (line.trim().length >= 8)
                    mask(line.trim());
        }
    }
    catch {
        // not the JSON map GitHub sends: the whole and the chunks are masked already
    }
}
/** An instance whose create answer was lost shows up in the list under its unique label, or not at all. */
async function findByLabel(vast, label, sleep, everyMs, signal) {
    for (let i = 0; i < 3; i++) {
        const found = await vast.listInstances({ label: { eq: label } }).catch(() => []);
        const hit = found.find((x) => x.label === label);
        if (hit)
            return hit.id;
        if (i < 2)
            await sleep(everyMs, signal);
    }
    return undefined;
}
/** Destroy first (it is what costs money), then the registration; both idempotent, both tried hard. */
async function cleanup(vast, github, instanceId, runner, log) {
    if (instanceId !== undefined) {
        try {
            log.info(`Destroying instance ${instanceId}: ${await vast.destroyInstance(instanceId)}`);
        }
        catch (e) {
            log.error(`Could not destroy instance ${instanceId}: ${e.message}. The teardown job and the reaper will retry.`);
        }
    }
    if (runner)
        await github.deleteRunner(runner.id, 30_000).catch((e) => log.warn(`Could not delete runner ${runner.name}: ${e.message}`));
}

;// CONCATENATED MODULE: ./lib/actions/vast-provision/step.js











const PROVISION_OUTPUTS = (/* unused pure expression or super */ null && (['instance-id', 'offer-id', 'runner-label', 'runner-name', 'runner-id', 'ssh-url', 'public-ip', 'gpu-name', 'dph', 'label']));
const STATE_INSTANCE = 'instance-id';
const STATE_RUNNER = 'runner-id';
const STATE_DONE = 'provisioned';
const STATE_LABEL = 'label';
/** Every try's label of this run attempt (and lane): saved before anything is rented, for the post step. */
const STATE_LABEL_PATTERN = 'label-pattern';
/** The watchdog's margin over the job's own timeout: boot, hydrate, persist and teardown. */
const LIFETIME_MARGIN_S = 30 * 60;
/** Minted credentials outlive the instance's watchdog by this much, never less. */
const TTL_MARGIN_S = 15 * 60;
function readProvisionInputs(env, mask) {
    const r = new reader/* InputReader */.i_(env);
    const vast = (0,vast_inputs/* readVastConnection */.ZR)(r, mask);
    const github = (0,vast_inputs/* readGitHub */.kQ)(r, env, mask, true);
    const offerRaw = r.string('offer-id', {});
    const offerId = offerRaw === undefined ? undefined : Number(offerRaw);
    if (offerRaw !== undefined && !/^\d+$/.test(offerRaw))
        r.problem('offer-id', `expected a numeric offer id such as 27097509, got '${offerRaw}'`);
    const { maxAttempts, ...filters } = (0,vast_inputs/* readOfferFilters */.UD)(r);
    const image = r.required('image', { env: ['IMAGE_REF'], hint: 'the image to run, ideally name@digest from build-push-image' });
    // The host's Docker daemon keeps this login: a pull-only credential, never the push one (REGISTRY_USERNAME/PASSWORD).
    const imageUser = r.string('image-username', { env: ['REGISTRY_PULL_USERNAME'] });
    const imagePassword = r.string('image-password', { env: ['REGISTRY_PULL_PASSWORD'] });
    if (imagePassword)
        mask(imagePassword);
    if ((imageUser && !imagePassword) || (!imageUser && imagePassword))
        r.problem('image-username', 'give image-username and image-password together');
    if (`${imageUser ?? ''}${imagePassword ?? ''}`.includes(' '))
        r.problem('image-password', 'Vast passes registry credentials space-separated; they may not contain spaces');
    const registry = image.includes('/') && /[.:]/.test(image.split('/')[0] ?? '') ? image.split('/')[0] : 'docker.io';
    const userEnv = (0,vast_inputs/* readEnvLines */.xr)(r, 'env');
    const labelPrefix = r.string('label-prefix', { default: 'marketsim' }) ?? 'marketsim';
    if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(labelPrefix))
        r.problem('label-prefix', `expected lowercase letters, digits and '-', got '${labelPrefix}'`);
    const lane = r.string('lane', {});
    if (lane !== undefined && !/^\d{1,4}$/.test(lane))
        r.problem('lane', `expected a small number (the matrix index), got '${lane}'`);
    const runnerGroupId = r.int('runner-group-id', { default: 1, min: 1, max: 1_000_000 });
    const extraLabels = r.list('runner-labels', {});
    const runnerVersion = r.string('runner-version', { default: vast_inputs/* RUNNER_PIN */.RH.version }) ?? vast_inputs/* RUNNER_PIN */.RH.version;
    const runnerSha = r.string('runner-sha256', {}) ?? (runnerVersion === vast_inputs/* RUNNER_PIN */.RH.version ? vast_inputs/* RUNNER_PIN */.RH.sha256 : undefined);
    if (!runnerSha)
        r.problem('runner-sha256', `required with runner-version ${runnerVersion} (the pinned ${vast_inputs/* RUNNER_PIN */.RH.version} carries its own)`);
    else if (!/^[0-9a-f]{64}$/.test(runnerSha))
        r.problem('runner-sha256', 'expected 64 hex characters');
    const minBalance = (0,vast_inputs/* readNumber */.kz)(r, 'min-balance', { min: 0, max: 1_000_000 });
    const waitTimeout = (0,vast_inputs/* parseDuration */.E9)(r, 'wait-timeout', '15m', { min: 60, max: 2 * 3600 });
    const runnerTimeout = (0,vast_inputs/* parseDuration */.E9)(r, 'runner-timeout', '10m', { min: 60, max: 3600 });
    const jobGrace = (0,vast_inputs/* parseDuration */.E9)(r, 'job-grace', '15m', { min: 120, max: 24 * 3600 });
    // A GitHub job on a self-hosted runner may run 5 days at most; the watchdog never allows more.
    const maxRuntime = (0,vast_inputs/* parseDuration */.E9)(r, 'max-runtime', undefined, { min: 60, max: 5 * 86400 });
    const lifetimeDefault = Number.isFinite(maxRuntime) ? `${Math.round(maxRuntime + jobGrace + LIFETIME_MARGIN_S)}s` : '6h';
    const maxLifetime = (0,vast_inputs/* parseDuration */.E9)(r, 'max-lifetime', lifetimeDefault, { min: 600, max: 5 * 86400 + 3600 });
    const spendCapUsd = (0,vast_inputs/* readNumber */.kz)(r, 'spend-cap', { min: 0.01, max: 1_000_000, default: 25 });
    const lanes = r.int('lanes', { default: 1, min: 1, max: 256 });
    const hostStorage = readHostStorage(r, mask, maxLifetime + TTL_MARGIN_S);
    const cfg = {
        offerId,
        filters,
        maxAttempts,
        image,
        imageLogin: imageUser && imagePassword ? `-u ${imageUser} -p ${imagePassword} ${registry}` : undefined,
        env: {
            ...userEnv,
            MARKETSIM_RUNNER_URL: (0,vast_inputs/* runnerUrl */.Yt)(runnerVersion),
            MARKETSIM_RUNNER_SHA256: runnerSha ?? '',
            MARKETSIM_MAX_LIFETIME: String(Math.round(maxLifetime)),
            MARKETSIM_JOB_GRACE: String(Math.round(jobGrace)),
        },
        onstart: BOOTSTRAP_SH,
        labelPrefix,
        lane,
        runId: env.GITHUB_RUN_ID ?? String(Math.floor(Date.now() / 1000)),
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        runnerGroupId,
        extraLabels,
        minBalance,
        spendCap: { usd: spendCapUsd, lanes, hours: maxLifetime / 3600 },
        waitTimeoutMs: waitTimeout * 1000,
        runnerTimeoutMs: runnerTimeout * 1000,
        pollMs: Number(env.MARKETSIM_POLL_MS ?? 5000),
        maxPollMs: Math.max(Number(env.MARKETSIM_POLL_MS ?? 5000), 15_000),
    };
    const labelPattern = runnerLabel(labelPrefix, cfg.runId, cfg.runAttempt, 0, lane).replace(/0$/, '*');
    return { r, cfg, vast, github: github, hostStorage, labelPattern };
}
/** Mints (or takes) the host's scoped storage credentials and packs them for the instance environment; everything masked first. */
async function deliverStorage(cfg, rt) {
    const storage = await credentialsForHost({ ...cfg, mint: cfg.mint && { ...cfg.mint, onRetry: (m) => rt.log.info(m) } });
    for (const k of ['accessKeyId', 'secretAccessKey', 'sessionToken']) {
        for (const p of [storage.read, storage.logs])
            if (p[k])
                rt.mask(p[k]);
    }
    const env = chunkHostEnv(storage.vars);
    for (const [k, v] of Object.entries(env))
        if (!k.endsWith('COUNT'))
            rt.mask(v);
    rt.log.info(`Storage for the host (${storage.how}): read-only on ${cfg.dataDirs.map((d) => `${cfg.prefix}${d}/`).join(', ')} in ${cfg.bucket}; read-write on ${cfg.logsBucket}/${cfg.logsPrefix}` +
        (storage.expiresAt ? `; expiring ${storage.expiresAt}` : ''));
    return { env, storage };
}
function trySummary(tries) {
    return tries.map((t, i) => [String(i + 1), String(t.offerId), t.instanceId ? String(t.instanceId) : '-', t.result, t.reason ?? '', (0,format/* formatSeconds */.Xo)(t.ms)]);
}
function provisionSummary(r, tries, error) {
    const lines = [];
    if (r) {
        const o = r.offer;
        lines.push(`Rented **${o.gpu_name}** x${o.num_gpus} on offer ${o.id} (${o.geolocation ?? '?'}) at **$${o.dph_total.toFixed(3)}/h**, reliability ${o.reliability2?.toFixed(3) ?? '?'}; ` +
            `instance ${r.instanceId}, runner \`${r.label}\`.`, `Running after ${(0,format/* formatSeconds */.Xo)(r.msToRunning)}; runner online after ${(0,format/* formatSeconds */.Xo)(r.msToOnline)}; ${r.offersConsidered} offers considered.`);
    }
    else
        lines.push(`**No GPU rented**: ${error ?? 'unknown error'}`);
    return { heading: 'vast-provision', lines, tables: tries.length ? [{ title: 'Tries', header: ['#', 'offer', 'instance', 'result', 'reason', 'time'], rows: trySummary(tries) }] : [] };
}
/** vast-provision: inputs -> rent, bootstrap, runner online -> outputs; destroys what it made if anything fails. */
async function provisionStep(rt, env, signal) {
    const { r, cfg, vast: v, github: g, hostStorage, labelPattern } = readProvisionInputs(env, (s) => rt.mask(s));
    r.finish();
    // Before anything exists: the post step destroys by this pattern whatever a killed main leaves.
    rt.saveState(STATE_LABEL_PATTERN, labelPattern);
    if (!/@sha256:[0-9a-f]{64}$/.test(cfg.image))
        rt.log.warn(`image ${cfg.image} is not pinned by digest: the host pulls whatever the tag points at when it boots (use build-push-image's image-ref)`);
    // Fail before paying: minting (or a bad Cloudflare token) is settled before any instance exists.
    if (hostStorage)
        cfg.deliveredEnv = (await deliverStorage(hostStorage, rt)).env;
    const vast = new client/* VastClient */.us({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
    const github = new runners/* GitHubRunners */.zT({ apiUrl: g.apiUrl, token: g.token, scope: g.scope, onRetry: (m) => rt.log.info(m) });
    try {
        const res = await provision(cfg, {
            vast,
            github,
            log: rt.log,
            signal,
            mask: (x) => rt.mask(x),
            onInstance: (id, label) => {
                // At once: a later step (teardown with if: always()) must find it even if we die now.
                rt.setOutput('instance-id', id);
                rt.setOutput('label', label);
                rt.saveState(STATE_INSTANCE, String(id));
                rt.saveState(STATE_LABEL, label);
            },
        });
        rt.saveState(STATE_RUNNER, String(res.runner.id));
        rt.saveState(STATE_DONE, 'true');
        rt.setOutput('offer-id', res.offer.id);
        rt.setOutput('runner-label', res.label);
        rt.setOutput('runner-name', res.runner.name);
        rt.setOutput('runner-id', res.runner.id);
        rt.setOutput('ssh-url', res.sshUrl);
        rt.setOutput('public-ip', res.publicIp);
        rt.setOutput('gpu-name', res.offer.gpu_name);
        rt.setOutput('dph', res.offer.dph_total);
        rt.setOutput('label', res.label);
        rt.log.info(`Runner ${res.label} is online on instance ${res.instanceId} (${res.offer.gpu_name}, ${(0,vast_offers/* countryOf */.mq)(res.offer.geolocation) || '?'}, $${res.offer.dph_total.toFixed(3)}/h)`);
        await rt.writeSummary(provisionSummary(res, res.tries));
        return res;
    }
    catch (e) {
        await rt.writeSummary(provisionSummary(undefined, e instanceof ProvisionError ? e.tries : [], e.message));
        throw e;
    }
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
            return new GitHubError(status, status === 401 ? `${message} (the runner token was refused: it needs Administration write on the repository, or Self-hosted runners on the organization)` : message);
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

/***/ 2764:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X7: () => (/* binding */ readPersistConfig),
/* harmony export */   k8: () => (/* binding */ readHydrateConfig),
/* harmony export */   q4: () => (/* binding */ unsafeRelativePath)
/* harmony export */ });
/* unused harmony export readStore */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _storage_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1275);
/* harmony import */ var _storage_experiment_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7062);




const JURISDICTIONS = ['eu', 'fedramp', 'us'];
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A relative folder name that cannot climb out of its parent. */
function unsafeRelativePath(p) {
    if (p.includes('\0'))
        return 'contains a NUL byte';
    if (p.includes('\\'))
        return 'contains a backslash';
    if (p.startsWith('/') || /^[A-Za-z]:/.test(p))
        return 'is absolute';
    const segs = p.replace(/\/+$/, '').split('/');
    if (segs.some((s) => s === '..' || s === '.' || s === ''))
        return "has an empty, '.' or '..' segment";
    return undefined;
}
const CREDENTIAL_SETS = { read: ['R2_READ_', 'R2_', 'AWS_'], logs: ['R2_LOGS_', 'R2_', 'AWS_'] };
/**
 * The key pair (and session token) from one place only, never mixed: the inputs, else the role's own
 * variables (R2_READ_* for hydrate, R2_LOGS_* for persist: what vast-provision delivers to a rented
 * host, scoped and expiring), else R2_*, else AWS_*. Every secret is masked the moment it is read.
 */
function readCredentials(r, role, mask) {
    const sets = CREDENTIAL_SETS[role];
    const env = (suffix) => sets.map((p) => `${p}${suffix}`);
    const id = r.raw('access-key-id', { env: env('ACCESS_KEY_ID') });
    // The source that gave the key id gives the secret and the token too.
    const from = id?.source.startsWith('variable ') ? sets.find((p) => id.source === `variable ${p}ACCESS_KEY_ID`) : undefined;
    const pick = (input, suffix) => from ? (r.raw(input, {})?.value ?? r.raw(input, { env: [`${from}${suffix}`] })?.value) : r.raw(input, { env: env(suffix) })?.value;
    const accessKeyId = id?.value ?? '';
    const secretAccessKey = pick('secret-access-key', 'SECRET_ACCESS_KEY') ?? '';
    const sessionToken = pick('session-token', 'SESSION_TOKEN');
    const vars = (suffix) => env(suffix).join(' / ');
    if (!accessKeyId)
        r.problem('access-key-id', `required (or variable ${vars('ACCESS_KEY_ID')})`);
    if (!secretAccessKey)
        r.problem('secret-access-key', `required (or variable ${from ? `${from}SECRET_ACCESS_KEY` : vars('SECRET_ACCESS_KEY')})`);
    for (const s of [secretAccessKey, accessKeyId, sessionToken])
        if (s)
            mask(s);
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
/** Reads the connection inputs; secrets are handed to `mask` the moment they are read. */
function readStore(r, mask, role = 'read') {
    const { accessKeyId, secretAccessKey, sessionToken } = readCredentials(r, role, mask);
    const accountId = r.string('account-id', { env: ['R2_ACCOUNT_ID'] });
    const jurisdiction = r.raw('jurisdiction', { env: ['R2_JURISDICTION'] })?.value;
    if (jurisdiction && !JURISDICTIONS.includes(jurisdiction)) {
        r.problem('jurisdiction', `expected one of ${JURISDICTIONS.join(', ')}, got '${jurisdiction}'`);
    }
    let endpoint = r.string('endpoint', { env: ['R2_ENDPOINT', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'] });
    if (!endpoint && accountId) {
        if (!/^[0-9a-f]{32}$/.test(accountId))
            r.problem('account-id', 'expected the 32 hex characters of a Cloudflare account id');
        const j = jurisdiction && JURISDICTIONS.includes(jurisdiction) ? `.${jurisdiction}` : '';
        endpoint = `https://${accountId}${j}.r2.cloudflarestorage.com`;
    }
    if (!endpoint) {
        r.problem('endpoint', 'required (or variable R2_ENDPOINT), or give account-id (R2_ACCOUNT_ID) for Cloudflare R2');
        endpoint = '';
    }
    else {
        try {
            const u = new URL(endpoint);
            if (u.protocol !== 'https:' && u.protocol !== 'http:')
                throw new Error('scheme');
            if (u.username || u.password)
                r.problem('endpoint', 'must not carry credentials');
            endpoint = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
        }
        catch {
            r.problem('endpoint', `expected an http(s) URL such as https://<account>.r2.cloudflarestorage.com, got '${endpoint}'`);
        }
    }
    const dataBucket = r.string('bucket', { env: ['R2_BUCKET'], default: _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_BUCKET */ .hg }) ?? _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_BUCKET */ .hg;
    // Logs may live in a bucket of their own, so the logs key never needs write access to the data.
    const bucketInput = role === 'logs' && r.raw('logs-bucket', { env: ['R2_LOGS_BUCKET'] }) ? 'logs-bucket' : 'bucket';
    const bucket = bucketInput === 'logs-bucket' ? r.raw('logs-bucket', { env: ['R2_LOGS_BUCKET'] }).value : dataBucket;
    if (!BUCKET_NAME.test(bucket))
        r.problem(bucketInput, `'${bucket}' is not a valid bucket name (3-63 lowercase letters, digits, '-' or '.')`);
    const region = r.string('region', { env: ['R2_REGION'], default: 'auto' }) ?? 'auto';
    return { endpoint, bucket, region, accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
function readPrefix(r, name, env, def) {
    let prefix = r.string(name, { env, default: def }) ?? def;
    prefix = prefix.replace(/^\/+/, '');
    if (prefix && !prefix.endsWith('/'))
        prefix += '/';
    if (prefix) {
        const bad = unsafeRelativePath(prefix);
        if (bad)
            r.problem(name, `'${prefix}' ${bad}`);
    }
    return prefix;
}
function readLocalRoot(r, vars) {
    const root = r.string('local-root', { env: ['LOCAL_ROOT'] }) ?? vars.GITHUB_WORKSPACE ?? '/workspace';
    return node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(root);
}
function readConcurrency(r) {
    return r.int('concurrency', { env: ['MARKETSIM_CONCURRENCY'], default: _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONCURRENCY */ .WH, min: 1, max: 1024 });
}
function readHydrateConfig(r, vars, mask) {
    const store = readStore(r, mask);
    const prefix = readPrefix(r, 'prefix', ['R2_PREFIX'], _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PREFIX */ .Nf);
    const readDirs = (name, opts) => r.list(name, opts).map((d) => {
        const dir = d.replace(/\/+$/, '');
        const bad = unsafeRelativePath(dir);
        if (bad)
            r.problem(name, `'${d}' ${bad}`);
        return dir;
    });
    const dirs = [...readDirs('dirs', { default: _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DIRS */ .nc }), ...readDirs('extra-dirs', { env: ['EXTRA_PULL_DIRS'] })];
    if (dirs.length === 0)
        r.problem('dirs', 'no folder to pull');
    return {
        store,
        prefix,
        dirs: [...new Set(dirs)],
        localRoot: readLocalRoot(r, vars),
        concurrency: readConcurrency(r),
        delete: r.bool('delete', { default: false }),
        dryRun: r.bool('dry-run', { default: false }),
        include: r.list('include', {}),
        exclude: r.list('exclude', {}),
    };
}
function readPersistConfig(r, vars, mask) {
    const store = readStore(r, mask, 'logs');
    const prefix = readPrefix(r, 'prefix', ['R2_PREFIX'], _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PREFIX */ .Nf);
    const logsPrefix = readPrefix(r, 'logs-prefix', [], _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LOGS_PREFIX */ .FE);
    const localRoot = readLocalRoot(r, vars);
    const logDir = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(localRoot, r.string('log-dir', { env: ['LOCAL_LOG_DIR'], default: _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LOG_DIR */ .t9 }) ?? _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LOG_DIR */ .t9);
    let experimentId = r.string('experiment-id', { env: ['EXPERIMENT_ID'] });
    if (experimentId === undefined)
        experimentId = (0,_storage_experiment_id_js__WEBPACK_IMPORTED_MODULE_1__/* .generateExperimentId */ ._)(new Date(), vars.GITHUB_RUN_ID);
    else if (!_storage_experiment_id_js__WEBPACK_IMPORTED_MODULE_1__/* .EXPERIMENT_ID_PATTERN */ .B.test(experimentId) || experimentId.includes('..')) {
        r.problem('experiment-id', `'${experimentId}' may hold only letters, digits, '.', '_' and '-' (no '/', '..' or spaces; at most 128)`);
    }
    const ifNoFilesFound = r.oneOf('if-no-files-found', ['warn', 'error', 'ignore'], { default: 'warn' });
    return {
        store,
        logDir,
        experimentId,
        targetPrefix: `${prefix}${logsPrefix}${experimentId}/`,
        ifNoFilesFound,
        concurrency: readConcurrency(r),
    };
}


/***/ }),

/***/ 1275:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FE: () => (/* binding */ DEFAULT_LOGS_PREFIX),
/* harmony export */   Nf: () => (/* binding */ DEFAULT_PREFIX),
/* harmony export */   WH: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   hg: () => (/* binding */ DEFAULT_BUCKET),
/* harmony export */   mg: () => (/* binding */ storeUri),
/* harmony export */   nc: () => (/* binding */ DEFAULT_DIRS),
/* harmony export */   t9: () => (/* binding */ DEFAULT_LOG_DIR)
/* harmony export */ });
const DEFAULT_DIRS = ['trainingdata', 'trainingdatadaily', 'trainingdatahourly', 'compiled_models', 'hyperparams'];
const DEFAULT_BUCKET = 'models';
const DEFAULT_PREFIX = 'stock/';
const DEFAULT_LOG_DIR = 'marketsimulator/run_logs';
const DEFAULT_LOGS_PREFIX = 'marketsimulator/logs/';
const DEFAULT_CONCURRENCY = 32;
function storeUri(store, key) {
    return `s3://${store.bucket}/${key}`;
}


/***/ }),

/***/ 7062:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ EXPERIMENT_ID_PATTERN),
/* harmony export */   _: () => (/* binding */ generateExperimentId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);

const EXPERIMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** `marketsim-<UTC yyyymmdd-HHMMSS>-<run id or 6 hex>`: sortable by time, unique per run. */
function generateExperimentId(now, runId) {
    const iso = now.toISOString(); // 2026-11-29T10:15:00.000Z
    const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
    const suffix = runId && /^\d+$/.test(runId) ? runId : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex');
    return `marketsim-${stamp}-${suffix}`;
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
