export const id = 146;
export const ids = [146];
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
