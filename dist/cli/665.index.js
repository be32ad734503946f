export const id = 665;
export const ids = [665];
export const modules = {

/***/ 1073:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   RH: () => (/* binding */ RUNNER_PIN),
/* harmony export */   UD: () => (/* binding */ readOfferFilters),
/* harmony export */   Yt: () => (/* binding */ runnerUrl),
/* harmony export */   ZR: () => (/* binding */ readVastConnection),
/* harmony export */   kQ: () => (/* binding */ readGitHub),
/* harmony export */   kz: () => (/* binding */ readNumber),
/* harmony export */   xr: () => (/* binding */ readEnvLines)
/* harmony export */ });
/* unused harmony export RESERVED_ENV */

/** actions/runner pin (shared/reference/pins.md): version, linux-x64 SHA-256. */
const RUNNER_PIN = { version: '2.336.0', sha256: '04cf0be1aff4c3ec3554466c39124ca250e3effd8873bb7e8d68535aa9505d5d' };
function runnerUrl(version) {
    return `https://github.com/actions/runner/releases/download/v${version}/actions-runner-linux-x64-${version}.tar.gz`;
}
const fmtSeconds = (s) => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);
/**
 * Durations as `90s`, `15m`, `6h`, `2d` or plain seconds, in seconds. `min`/`max` are sane bounds: a
 * watchdog of 5 s or a reaper age of 1 minute would destroy healthy work, so they are bad input.
 */
function parseDuration(r, name, def, opts = {}) {
    const raw = r.string(name, { env: opts.env, default: def });
    if (raw === undefined)
        return NaN;
    const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/.exec(raw);
    if (!m) {
        r.problem(name, `expected a duration such as 90s, 15m, 6h or 2d, got '${raw}'`);
        return 0;
    }
    const seconds = Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1);
    if ((opts.min !== undefined && seconds < opts.min) || (opts.max !== undefined && seconds > opts.max)) {
        r.problem(name, `expected a duration from ${fmtSeconds(opts.min ?? 0)} to ${opts.max !== undefined ? fmtSeconds(opts.max) : 'any'}, got '${raw}'`);
    }
    return seconds;
}
/** A decimal number within bounds; empty gives the default (or undefined). */
function readNumber(r, name, opts) {
    const raw = r.string(name, {});
    if (raw === undefined)
        return opts.default;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < opts.min || n > opts.max) {
        r.problem(name, `expected a number from ${opts.min} to ${opts.max}, got '${raw}'`);
        return opts.default;
    }
    return n;
}
function readVastConnection(r, mask) {
    const apiKey = r.required('api-key', { env: ['VAST_API_KEY'], hint: 'a Vast.ai API key (Account -> Keys)' });
    mask(apiKey);
    const apiUrl = r.string('api-url', { env: ['VAST_URL'], default: 'https://console.vast.ai' }) ?? 'https://console.vast.ai';
    if (!/^https?:\/\//.test(apiUrl))
        r.problem('api-url', `expected an http(s) URL, got '${apiUrl}'`);
    return { apiKey, apiUrl };
}
/** Runner management needs an App installation token or a PAT with Administration write: not GITHUB_TOKEN. */
function readGitHub(r, vars, mask, required) {
    const token = required
        ? r.required('github-token', { env: ['MARKETSIM_GITHUB_TOKEN'], hint: 'a GitHub App token or PAT with Administration write (GITHUB_TOKEN cannot manage runners)' })
        : r.string('github-token', { env: ['MARKETSIM_GITHUB_TOKEN'] });
    if (token)
        mask(token);
    const kind = r.oneOf('runner-scope', ['repo', 'org'], { default: 'repo' });
    const repo = vars.GITHUB_REPOSITORY ?? '';
    const [owner = '', name = ''] = repo.split('/');
    if (!token)
        return undefined;
    if (!owner || (kind === 'repo' && !name))
        r.problem('runner-scope', 'needs GITHUB_REPOSITORY (owner/repo), which the runner sets');
    const scope = kind === 'repo' ? { kind, owner, repo: name } : { kind, org: vars.GITHUB_REPOSITORY_OWNER ?? owner };
    return { apiUrl: vars.GITHUB_API_URL ?? 'https://api.github.com', token, scope };
}
function readOfferFilters(r) {
    const regions = r.list('regions', {}).map((x) => x.toUpperCase());
    for (const x of regions)
        if (!/^[A-Z]{2}$/.test(x))
            r.problem('regions', `expected two-letter country codes, got '${x}'`);
    const excludeMachines = r.list('exclude-machines', {}).map((x) => {
        if (!/^\d+$/.test(x))
            r.problem('exclude-machines', `expected Vast machine ids (numbers), got '${x}'`);
        return Number(x);
    });
    return {
        gpuName: r.string('gpu-name', { default: 'RTX 5090' }) ?? 'RTX 5090',
        numGpus: r.int('num-gpus', { default: 1, min: 1, max: 16 }),
        verified: r.bool('verified', { default: true }),
        minReliability: readNumber(r, 'min-reliability', { min: 0, max: 1 }),
        maxPrice: readNumber(r, 'max-price', { min: 0.01, max: 128 }),
        regions,
        minCuda: readNumber(r, 'min-cuda', { min: 0, max: 99, default: 12.8 }),
        minInetDown: readNumber(r, 'min-inet-down', { min: 0, max: 100_000 }),
        disk: r.int('disk', { default: 200, min: 8, max: 20_000 }),
        maxAttempts: r.int('max-attempts', { default: 3, min: 1, max: 20 }),
        ...(excludeMachines.length ? { excludeMachines } : {}),
    };
}
/** Names the bootstrap, Vast and the runner own: a user's `env` line may not set them. */
const RESERVED_ENV = /^(MARKETSIM_|VAST_|CONTAINER_|ACTIONS_RUNNER_|RUNNER_ALLOW_RUNASROOT$)/;
/** KEY=VALUE lines; keys as in a shell; reserved names refused. */
function readEnvLines(r, name) {
    const out = {};
    for (const line of (r.string(name, {}) ?? '').split(/\r?\n/)) {
        const t = line.trim();
        if (!t || t.startsWith('#'))
            continue;
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
        if (!m)
            r.problem(name, `expected KEY=VALUE lines, got '${t.slice(0, 40)}'`);
        else if (RESERVED_ENV.test(m[1]))
            r.problem(name, `${m[1]} is reserved (MARKETSIM_*, VAST_*, CONTAINER_*, ACTIONS_RUNNER_* belong to the bootstrap, Vast and the runner)`);
        else
            out[m[1]] = m[2];
    }
    return out;
}


/***/ }),

/***/ 5923:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dr: () => (/* binding */ CreateOutcomeUnknownError),
/* harmony export */   sv: () => (/* binding */ OfferGoneError),
/* harmony export */   us: () => (/* binding */ VastClient)
/* harmony export */ });
/* unused harmony exports VastError, VAST_RETRY, minIntervalMs */
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6705);

/** An error answer from the Vast API, with the `error` code of its JSON body when there was one. */
class VastError extends Error {
    status;
    code;
    name = 'VastError';
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** The offer was rented by someone else or withdrawn between search and create: try the next one. */
class OfferGoneError extends VastError {
    name = 'OfferGoneError';
}
/** Retries as the official CLI does (429, 502, 503, 504, network), but with backoff long enough for Vast's intervals. */
const VAST_RETRY = { retries: 6, minDelayMs: 1000, maxDelayMs: 15_000 };
const RETRYABLE = new Set([429, 502, 503, 504]);
/** The create answer was lost (5xx, timeout, cut connection): the instance may or may not exist. */
class CreateOutcomeUnknownError extends VastError {
    name = 'CreateOutcomeUnknownError';
}
/**
 * Vast's per-endpoint minimum intervals in seconds (vast-api.md section 7): after a 429, the next try
 * waits at least this long (or the `threshold=` the answer names, if longer). Search is 10/min per IP.
 */
function minIntervalMs(method, path) {
    if (path.startsWith('/api/v0/asks/'))
        return 4500;
    if (path.startsWith('/api/v0/bundles'))
        return 6000;
    if (path.startsWith('/api/v1/instances'))
        return 1000;
    if (path.startsWith('/api/v0/instances/'))
        return method === 'DELETE' ? 3000 : method === 'PUT' ? 1000 : 2000;
    return 1000;
}
function throttleDelayMs(method, path, body) {
    const m = /threshold=([\d.]+)/.exec(body);
    const named = m ? Math.ceil(Number(m[1]) * 1000) : 0;
    return Math.max(minIntervalMs(method, path), Number.isFinite(named) ? named : 0);
}
/**
 * The Vast.ai REST API behind typed methods. Paths and shapes follow vast-api.md: Bearer auth,
 * `/api/v0` for search, create, show and destroy, `/api/v1/instances/` for the paged list (the v0
 * list answers 410 since mid-2026).
 */
class VastClient {
    opts;
    base;
    constructor(opts) {
        this.opts = opts;
        this.base = opts.baseUrl.replace(/\/+$/, '');
    }
    async request(method, path, opts = {}) {
        const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : '';
        const what = `${method} ${path}`;
        const { text } = await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .fetchWithRetry */ .J5)(what, `${this.base}${path}${qs}`, {
            method,
            headers: { authorization: `Bearer ${this.opts.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
            body: opts.body,
            timeoutMs: this.opts.timeoutMs ?? 30_000,
        }, (status, body) => RETRYABLE.has(status)
            ? new _net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${what} answered ${status}: ${body.slice(0, 200)}`, {
                minDelayMs: status === 429 ? throttleDelayMs(method, path, body) * (this.opts.throttleScale ?? 1) : 0,
            })
            : vastError(status, body, what), opts.retry ?? this.opts.retry ?? VAST_RETRY, this.opts.onRetry);
        return (text ? JSON.parse(text) : {});
    }
    async currentUser() {
        return this.request('GET', '/api/v0/users/current/');
    }
    async searchOffers(query) {
        const r = await this.request('POST', '/api/v0/bundles/', { body: query });
        return r.offers ?? [];
    }
    /**
     * `PUT /api/v0/asks/{offer}/`: the new instance id, or OfferGoneError (404 `no_such_ask`/3603, or 410).
     * Never retried: create is not idempotent, so a lost answer (5xx, 429 is safe, timeout, reset) is a
     * CreateOutcomeUnknownError and the caller looks the instance up by its unique label.
     */
    async createInstance(offerId, body) {
        try {
            const r = await this.request('PUT', `/api/v0/asks/${offerId}/`, {
                body,
                // A 429 is refused before anything is created, so only it may be tried again.
                retry: { retries: 0, minDelayMs: 0, maxDelayMs: 0 },
            }).catch(async (e) => {
                if (e instanceof _net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_ && /answered 429/.test(e.message)) {
                    await new Promise((r) => setTimeout(r, e.minDelayMs));
                    return this.request('PUT', `/api/v0/asks/${offerId}/`, {
                        body,
                        retry: { retries: 0, minDelayMs: 0, maxDelayMs: 0 },
                    });
                }
                throw e;
            });
            if (!r.new_contract)
                throw new VastError(200, r.error ?? 'no_contract', `create on offer ${offerId} returned no instance: ${r.msg ?? JSON.stringify(r)}`);
            return { id: r.new_contract, instanceApiKey: r.instance_api_key };
        }
        catch (e) {
            if (e instanceof VastError && (e.status === 410 || /no_such_ask|3603/.test(`${e.code} ${e.message}`))) {
                throw new OfferGoneError(e.status, 'no_such_ask', `offer ${offerId} is no longer available`);
            }
            if (e instanceof VastError)
                throw e;
            // 5xx, a second 429, a timeout or a cut connection: Vast may have created it anyway.
            throw new CreateOutcomeUnknownError(0, 'outcome_unknown', `create on offer ${offerId} got no answer we can trust (${e.message})`);
        }
    }
    /** The instance, or null once it is gone (`{"instances": null}` or 404). */
    async getInstance(id) {
        try {
            const r = await this.request('GET', `/api/v0/instances/${id}/`, { query: { owner: 'me' } });
            return r.instances ?? null;
        }
        catch (e) {
            if (e instanceof VastError && e.status === 404 && e.code !== 'auth_error')
                return null;
            throw e;
        }
    }
    /** Every instance matching `filters`, through all pages of the v1 list (25 a page). */
    async listInstances(filters = {}) {
        const out = [];
        let after;
        do {
            const query = { limit: '25', select_filters: JSON.stringify(filters), order_by: JSON.stringify([{ col: 'id', dir: 'asc' }]) };
            if (after)
                query.after_token = after;
            const r = await this.request('GET', '/api/v1/instances/', { query });
            out.push(...(r.instances ?? []));
            after = r.next_token;
        } while (after);
        return out;
    }
    /** Idempotent: an instance that is already gone counts as destroyed. */
    async destroyInstance(id) {
        try {
            await this.request('DELETE', `/api/v0/instances/${id}/`, { body: {} });
            return 'destroyed';
        }
        catch (e) {
            if (e instanceof VastError && (e.code === 'no_such_instance' || (e.status === 404 && e.code !== 'auth_error')))
                return 'already gone';
            throw e;
        }
    }
}
function vastError(status, text, what) {
    let code = `HTTP${status}`;
    let msg = text.slice(0, 300);
    try {
        const j = JSON.parse(text);
        code = j.error ?? code;
        msg = j.msg ?? j.message ?? j.detail ?? msg;
    }
    catch {
        // plain-text body (Vast's 429s are plain text)
    }
    if (code === 'auth_error' || status === 401) {
        // Named as the input to fix: a user error (exit 2), not a failed rental.
        return Object.assign(new VastError(status, 'auth_error', `api-key: the Vast API key was refused by ${what} (${msg}); check VAST_API_KEY`), { userError: true });
    }
    return new VastError(status, code, `${what} failed with ${status} ${code}: ${msg}`);
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
