export const id = 456;
export const ids = [456];
export const modules = {

/***/ 6456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commandEnv: () => (/* binding */ commandEnv),
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
function runCommand(command, cwd, env) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('bash', ['-lc', command], { cwd, env, stdio: 'inherit' });
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
/** The command's environment: ours without the action inputs (they carry the storage secrets). */
function commandEnv(env, extra) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (!k.startsWith('INPUT_'))
            out[k] = v;
    return { ...out, ...extra };
}
/** Quotes argv for `bash -lc`, so `marketsim run -- a 'b c'` runs exactly a and "b c". */
function shellJoin(argv) {
    return argv.map((a) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}


/***/ })

};
