export const id = 739;
export const ids = [739];
export const modules = {

/***/ 9761:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushStep: () => (/* binding */ pushStep)
});

// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
// EXTERNAL MODULE: ./lib/inputs/storage-inputs.js + 1 modules
var storage_inputs = __webpack_require__(9447);
// EXTERNAL MODULE: ./lib/storage/config.js
var config = __webpack_require__(1275);
// EXTERNAL MODULE: ./lib/storage/local-root.js
var local_root = __webpack_require__(8115);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./lib/s3/access-check.js
var access_check = __webpack_require__(651);
// EXTERNAL MODULE: ./lib/s3/store.js
var store = __webpack_require__(9931);
// EXTERNAL MODULE: ./lib/s3/list.js
var list = __webpack_require__(6200);
// EXTERNAL MODULE: ./lib/storage/persist.js + 1 modules
var persist = __webpack_require__(7606);
// EXTERNAL MODULE: ./lib/s3/s3-http.js + 1 modules
var s3_http = __webpack_require__(8164);
// EXTERNAL MODULE: ./lib/storage/upload-walk.js
var upload_walk = __webpack_require__(3820);
;// CONCATENATED MODULE: ./lib/storage/push.js








/** What pushing `dir` would change: new or different files, and (with delete) remote objects missing locally. */
async function planDir(http, cfg, dir) {
    const target = `${cfg.prefix}${dir}/`;
    const tree = (0,upload_walk/* walkUpload */.P)(external_node_path_.join(cfg.localRoot, dir));
    const remote = new Map((await (0,list/* listAll */._w)(http, target, { firstPageRetry: access_check/* FIRST_REQUEST_RETRY */.m }).catch((e) => {
        throw (0,access_check/* explainAccessError */.Q)(e, cfg.store, target);
    })).map((o) => [o.key.slice(target.length), o]));
    const limit = (0,p_limit/* default */.A)(8);
    const changed = await Promise.all(tree.files.map((f) => limit(async () => {
        const r = remote.get(f.rel);
        if (!r || r.size !== f.size)
            return f.rel;
        return (await (0,persist/* uploadEtags */.Mo)(f.abs, f.size)).etags.includes(r.etag) ? undefined : f.rel;
    })));
    const local = new Set(tree.files.map((f) => f.rel));
    const upload = changed.filter((x) => x !== undefined).sort();
    const remove = cfg.delete ? [...remote.keys()].filter((k) => !local.has(k)).sort() : [];
    if (cfg.delete && tree.files.length === 0 && remote.size > 0) {
        throw new Error(`${dir}: the local folder is empty or missing; refusing --delete, which would remove all ${remote.size} objects under ${(0,store/* storeUri */.m)(cfg.store, target)}`);
    }
    return { dir, upload, unchanged: tree.files.length - upload.length, remove };
}
/**
 * `marketsim push`: publishes data folders to `<prefix><dir>/`. The plan (size + MD5/multipart ETag
 * against the listing) is printed first; the persist-logs engine then uploads the planned files only
 * (the unchanged ones are not read twice), Content-MD5 checked by the store, multipart for large
 * files, confirmed by listing. `--delete` removes only keys under the named folders that are missing
 * locally, after the upload.
 */
async function push(cfg, log, progress) {
    const http = new s3_http/* S3Http */.VF(cfg.store, { connections: cfg.concurrency + 4, onRetry: (m) => log.info(m) });
    const result = { plans: [], uploads: [], deleted: 0, failures: [] };
    try {
        for (const dir of cfg.dirs)
            result.plans.push(await planDir(http, cfg, dir));
        for (const p of result.plans) {
            const target = (0,store/* storeUri */.m)(cfg.store, `${cfg.prefix}${p.dir}/`);
            for (const rel of p.upload)
                log.info(`${cfg.dryRun ? 'would upload' : 'upload'} ${p.dir}/${rel}`);
            for (const rel of p.remove)
                log.info(`${cfg.dryRun ? 'would delete' : 'delete'} ${p.dir}/${rel}`);
            log.info(`${p.dir} -> ${target}: ${p.upload.length} to upload, ${p.remove.length} to delete, ${p.unchanged} unchanged${cfg.dryRun ? ' (dry run: nothing changed)' : ''}`);
        }
        if (cfg.dryRun)
            return result;
        for (const p of result.plans) {
            if (p.upload.length) {
                const up = await (0,persist/* persistLogs */.g3)({ store: cfg.store, logDir: external_node_path_.join(cfg.localRoot, p.dir), experimentId: p.dir, targetPrefix: `${cfg.prefix}${p.dir}/`, ifNoFilesFound: 'ignore', concurrency: cfg.concurrency, only: new Set(p.upload) }, log, progress);
                result.uploads.push(up);
                for (const f of up.failures)
                    result.failures.push({ key: `${p.dir}/${f.rel}`, message: f.message });
                if (!up.verified)
                    for (const m of up.missing)
                        result.failures.push({ key: `${p.dir}/${m}`, message: 'not confirmed by the listing' });
            }
            const limit = (0,p_limit/* default */.A)(cfg.concurrency);
            await Promise.all(p.remove.map((rel) => limit(async () => {
                const key = `${cfg.prefix}${p.dir}/${rel}`;
                // Never outside the named folder, whatever the listing said.
                if (!key.startsWith(`${cfg.prefix}${p.dir}/`) || rel.split('/').includes('..'))
                    return;
                try {
                    await http.call('DELETE', key, `delete s3://${cfg.store.bucket}/${key}`, { accept: [200, 204, 404] }, async () => undefined);
                    result.deleted++;
                }
                catch (e) {
                    result.failures.push({ key, message: e.message });
                }
            })));
        }
        return result;
    }
    finally {
        await http.close();
    }
}

;// CONCATENATED MODULE: ./lib/cli/push.js





/** `marketsim push`: flags -> the push engine -> a summary; exit 1 when anything failed. */
async function pushStep(rt, env) {
    const r = new reader/* InputReader */.i_(env);
    const store = (0,storage_inputs/* readStore */.uz)(r, (s) => rt.mask(s), 'publish');
    const prefix = (0,storage_inputs/* readPrefix */.fr)(r);
    const dirs = (0,storage_inputs/* readDirList */.YB)(r, 'dirs');
    if (!dirs.length)
        r.problem('dirs', 'required: the folders to publish, e.g. --dirs trainingdata');
    const localRoot = (0,storage_inputs/* readLocalRoot */.oJ)(r, env);
    const cfg = {
        store,
        localRoot,
        prefix,
        dirs,
        delete: r.bool('delete', { default: false }),
        dryRun: r.bool('dry-run', { default: false }),
        concurrency: r.int('concurrency', { env: ['MARKETSIM_CONCURRENCY'], default: config/* DEFAULT_CONCURRENCY */.WH, min: 1, max: 1024 }),
    };
    r.finish();
    (0,local_root/* checkLocalRoot */.U)(localRoot, { mustExist: true });
    const res = await push(cfg, rt.log, rt.progress('push'));
    const uploaded = res.uploads.reduce((n, u) => n + u.uploaded, 0);
    const bytes = res.uploads.reduce((n, u) => n + u.bytesUploaded, 0);
    rt.setOutput('files-uploaded', uploaded);
    rt.setOutput('bytes-uploaded', bytes);
    rt.setOutput('files-deleted', res.deleted);
    rt.outputs.plan = res.plans;
    await rt.writeSummary({
        heading: `push${cfg.dryRun ? ' (dry run)' : ''}`,
        lines: [cfg.dryRun ? 'Nothing was changed.' : `${uploaded} files uploaded, ${res.deleted} deleted.`],
        tables: [{ title: 'Folders', header: ['folder', 'to upload', 'to delete', 'unchanged'], rows: res.plans.map((p) => [p.dir, String(p.upload.length), String(p.remove.length), String(p.unchanged)]) }],
    });
    if (res.failures.length)
        throw new Error(`${res.failures.length} changes failed: ${res.failures.slice(0, 10).map((f) => `${f.key}: ${f.message}`).join('; ')}`);
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
