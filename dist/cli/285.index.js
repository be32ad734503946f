export const id = 285;
export const ids = [285];
export const modules = {

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

/***/ 2870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listExperiments: () => (/* binding */ listExperiments),
/* harmony export */   showExperiment: () => (/* binding */ showExperiment)
/* harmony export */ });
/* harmony import */ var _experiments_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(123);
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(178);
/* harmony import */ var _inputs_storage_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9447);
/* harmony import */ var _runtime_format_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2625);
/* harmony import */ var _s3_access_check_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(651);
/* harmony import */ var _storage_config_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1275);
/* harmony import */ var _s3_list_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6200);
/* harmony import */ var _s3_s3_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8164);
/* harmony import */ var _s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1480);









function connect(rt, env) {
    const r = new _inputs_reader_js__WEBPACK_IMPORTED_MODULE_6__/* .InputReader */ .i_(env);
    const store = (0,_inputs_storage_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readStore */ .uz)(r, (s) => rt.mask(s), 'logs');
    const prefix = (0,_inputs_storage_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readPrefix */ .fr)(r);
    r.finish();
    return { http: new _s3_s3_http_js__WEBPACK_IMPORTED_MODULE_4__/* .S3Http */ .VF(store, { connections: 8 }), logsPrefix: `${prefix}${_storage_config_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_LOGS_PREFIX */ .FE}` };
}
async function fetchRecord(http, key) {
    return http.call('GET', key, `get s3://${http.store.bucket}/${key}`, {}, async (res) => (0,_experiments_record_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRecord */ .Hh)(await (0,_s3_s3_http_js__WEBPACK_IMPORTED_MODULE_4__/* .readText */ .yR)(res.body)));
}
/** `marketsim experiments show <id>`: the record, as written next to the logs. */
async function showExperiment(rt, env, id, json) {
    const { http, logsPrefix } = connect(rt, env);
    const key = `${logsPrefix}${id}/${_experiments_record_js__WEBPACK_IMPORTED_MODULE_0__/* .RECORD_FILE */ .lt}`;
    try {
        const rec = await fetchRecord(http, key).catch((e) => {
            if (e instanceof _s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .S3Error */ .Dg && (e.code === 'NoSuchKey' || e.status === 404))
                throw new Error(`no experiment record at s3://${http.store.bucket}/${key} (is the id right? marketsim experiments list shows recent ones)`);
            throw (0,_s3_access_check_js__WEBPACK_IMPORTED_MODULE_2__/* .explainAccessError */ .Q)(e, http.store, key);
        });
        rt.outputs.record = rec;
        if (!json)
            process.stdout.write(`${JSON.stringify(rec, null, 2)}\n`);
    }
    finally {
        await http.close();
    }
}
/** `marketsim experiments list`: the most recent records under the logs prefix, newest first. */
async function listExperiments(rt, env, limit, json) {
    const { http, logsPrefix } = connect(rt, env);
    try {
        const objects = await (0,_s3_list_js__WEBPACK_IMPORTED_MODULE_3__/* .listAll */ ._w)(http, logsPrefix).catch((e) => {
            throw (0,_s3_access_check_js__WEBPACK_IMPORTED_MODULE_2__/* .explainAccessError */ .Q)(e, http.store, logsPrefix);
        });
        const recent = objects
            .filter((o) => o.key.endsWith(`/${_experiments_record_js__WEBPACK_IMPORTED_MODULE_0__/* .RECORD_FILE */ .lt}`) && o.key.slice(logsPrefix.length).split('/').length === 2)
            .sort((a, b) => (a.lastModified < b.lastModified ? 1 : -1))
            .slice(0, limit);
        const records = (await Promise.all(recent.map((o) => fetchRecord(http, o.key).catch(() => undefined)))).filter((r) => r !== undefined);
        rt.outputs.experiments = records.map((r) => ({
            id: r.experimentId,
            status: r.outcome.status,
            failure: r.outcome.failure ?? null,
            exitCode: r.outcome.exitCode ?? null,
            gpu: r.host?.gpuName ?? null,
            usdPerHour: r.host?.usdPerHour ?? null,
            costUsd: r.costUsd ?? null,
            commit: r.github?.commit ?? null,
            finished: r.timestamps.persistEnd ?? null,
        }));
        if (json)
            return;
        const rows = records.map((r) => [
            r.experimentId,
            r.outcome.status,
            r.outcome.failure ?? '-',
            r.host?.gpuName ?? '-',
            r.costUsd !== undefined ? `$${r.costUsd.toFixed(2)}` : '-',
            (r.github?.commit ?? '-').slice(0, 8),
            r.timestamps.persistEnd ?? '-',
        ]);
        process.stdout.write(`${(0,_runtime_format_js__WEBPACK_IMPORTED_MODULE_8__/* .renderTextTable */ .K$)(['experiment', 'result', 'failure', 'GPU', 'cost', 'commit', 'finished'], rows)}\n${records.length} experiments\n`);
    }
    finally {
        await http.close();
    }
}


/***/ }),

/***/ 123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   JW: () => (/* binding */ githubFacts),
/* harmony export */   aE: () => (/* binding */ readRecord),
/* harmony export */   ep: () => (/* binding */ RECORD_SCHEMA),
/* harmony export */   fh: () => (/* binding */ parseHostFacts),
/* harmony export */   lt: () => (/* binding */ RECORD_FILE),
/* harmony export */   rh: () => (/* binding */ writeRecord)
/* harmony export */ });
/* unused harmony exports recordPath, costOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _atomic_write_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9296);



/** Versioned: a reader refuses a major it does not know; fields are only ever added within a major. */
const RECORD_SCHEMA = 'marketsim.experiment/v1';
const RECORD_FILE = 'experiment.json';
function recordPath(logDir) {
    return node_path__WEBPACK_IMPORTED_MODULE_1__.join(logDir, RECORD_FILE);
}
/** The GitHub facts of this run, from the runner's own variables. */
function githubFacts(env) {
    if (!env.GITHUB_REPOSITORY)
        return undefined;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return {
        repository: env.GITHUB_REPOSITORY,
        commit: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        workflow: env.GITHUB_WORKFLOW,
        runId: env.GITHUB_RUN_ID,
        attempt: env.GITHUB_RUN_ATTEMPT,
        runUrl: env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined,
        actor: env.GITHUB_ACTOR,
    };
}
function parseHostFacts(json) {
    if (!json)
        return undefined;
    try {
        const v = JSON.parse(json);
        return v && typeof v === 'object' ? v : undefined;
    }
    catch {
        return undefined;
    }
}
function costOf(r) {
    const rate = r.host?.usdPerHour;
    const from = r.host?.rentedAt ?? r.timestamps.rented;
    const to = r.timestamps.persistEnd ?? r.timestamps.commandEnd ?? r.timestamps.hydrateEnd;
    if (rate === undefined || !from || !to)
        return undefined;
    return Math.round(((rate * Math.max(0, Date.parse(to) - Date.parse(from))) / 3_600_000) * 10_000) / 10_000;
}
/** Writes the record atomically (temp + rename): a reader never sees half a file. */
function writeRecord(logDir, r) {
    (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Z)(recordPath(logDir), `${JSON.stringify({ ...r, costUsd: costOf(r) }, null, 2)}\n`);
}
function readRecord(logDir) {
    try {
        return parseRecord(node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync(recordPath(logDir), 'utf8'));
    }
    catch {
        return undefined;
    }
}
function parseRecord(text) {
    const r = JSON.parse(text);
    const major = /^marketsim\.experiment\/v(\d+)$/.exec(r.schema ?? '')?.[1];
    if (major !== '1')
        throw new Error(`not an experiment record this version reads (schema ${String(r.schema)}; expected ${RECORD_SCHEMA})`);
    return r;
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
