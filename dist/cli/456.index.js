export const id = 456;
export const ids = [456];
export const modules = {

/***/ 6456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commandEnv: () => (/* binding */ commandEnv),
/* harmony export */   hiddenFromCommand: () => (/* binding */ hiddenFromCommand),
/* harmony export */   runCommand: () => (/* binding */ runCommand),
/* harmony export */   shellJoin: () => (/* binding */ shellJoin)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);


/**
 * Runs `command` with `bash -lc` (login shell, so profiles and shell features work), output live
 * on our stdout/stderr. Resolves with the exit code (128 + signal number when killed by a signal).
 * SIGINT/SIGTERM sent to us are passed on, so a cancelled job stops the command, not just us.
 */
function runCommand(command, cwd, env, stdoutToStderr = false) {
    return new Promise((resolve, reject) => {
        // A login shell reads /etc/profile, which on Debian resets PATH: the caller's PATH (a virtualenv,
        // setup-python's tool cache) is put back before the command runs.
        const script = env.PATH ? `export PATH=${shellJoin([env.PATH])}\n${command}` : command;
        // With `--json` the CLI's stdout is the result document alone: the command writes to stderr then.
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('bash', ['-lc', script], { cwd, env, stdio: ['inherit', stdoutToStderr ? 2 : 'inherit', 'inherit'] });
        const forward = (sig) => () => child.kill(sig);
        const onInt = forward('SIGINT');
        const onTerm = forward('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
        const cleanup = () => {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
        };
        child.on('error', (e) => {
            cleanup();
            reject(e);
        });
        child.on('close', (code, signal) => {
            cleanup();
            resolve(code ?? 128 + (signal ? (node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[signal] ?? 0) : 0));
        });
    });
}
/**
 * Variables the user's command never sees: our inputs and state, storage keys and session tokens
 * (R2_*, AWS_*), the Vast keys (VAST_*, CONTAINER_API_KEY), registry and Cloudflare credentials, the
 * runner's JIT pieces and tokens (ACTIONS_RUNNER_*, ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_*,
 * ACTIONS_CACHE_*, ACTIONS_RESULTS_URL), GitHub tokens, our own MARKETSIM_* plumbing, and any name
 * that says it holds a secret (…TOKEN, …SECRET…, …PASSWORD, …API_KEY, …PRIVATE_KEY, …CREDENTIALS).
 */
const HIDDEN_PREFIX = /^(INPUT_|STATE_|R2_|AWS_|VAST_|CONTAINER_API_KEY$|REGISTRY_|CLOUDFLARE_|MARKETSIM_|ACTIONS_RUNNER_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_|ACTIONS_CACHE_|ACTIONS_RESULTS_URL$|GITHUB_TOKEN$|GH_TOKEN$|GH_ENTERPRISE_TOKEN$|GITHUB_ENTERPRISE_TOKEN$|RUNNER_APP_)/;
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL)/i;
function hiddenFromCommand(name) {
    return HIDDEN_PREFIX.test(name) || SECRET_NAME.test(name);
}
/**
 * The command's environment: ours without any secret (see HIDDEN_PREFIX), plus `extra` (EXPERIMENT_ID,
 * LOCAL_ROOT, LOCAL_LOG_DIR) and the names the user passes through on purpose (`passEnv`).
 */
function commandEnv(env, extra, passEnv = []) {
    const out = {};
    const keep = new Set(passEnv);
    for (const [k, v] of Object.entries(env))
        if (keep.has(k) || !hiddenFromCommand(k))
            out[k] = v;
    return { ...out, ...extra };
}
/** Quotes argv for `bash -lc`, so `marketsim run -- a 'b c'` runs exactly a and "b c". */
function shellJoin(argv) {
    return argv.map((a) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}


/***/ })

};
