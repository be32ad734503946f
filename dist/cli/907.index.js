export const id = 907;
export const ids = [907];
export const modules = {

/***/ 6907:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   withProfileCredentials: () => (/* binding */ withProfileCredentials)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(452);




const KEY_SOURCES = ['INPUT_ACCESS-KEY-ID', 'R2_ACCESS_KEY_ID', 'R2_READ_ACCESS_KEY_ID', 'R2_LOGS_ACCESS_KEY_ID', 'AWS_ACCESS_KEY_ID'];
/**
 * The shared AWS credential and config files (`~/.aws/credentials`, `~/.aws/config`, `AWS_PROFILE`,
 * `--profile`), resolved by the SDK's own loader (role assumption, SSO and credential_process
 * included), used only when no key was given any other way: they become AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, the last fallback of every storage command.
 */
async function withProfileCredentials(env, profile) {
    if (KEY_SOURCES.some((k) => env[k]?.trim())) {
        if (profile)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`profile: --profile ${profile} given, but a key is already set (${KEY_SOURCES.find((k) => env[k]?.trim())}); give one or the other`);
        return env;
    }
    const home = env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_1__.homedir();
    const files = [env.AWS_SHARED_CREDENTIALS_FILE ?? node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, '.aws/credentials'), env.AWS_CONFIG_FILE ?? node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, '.aws/config')];
    const name = profile ?? env.AWS_PROFILE;
    if (!name && !files.some((f) => node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(f)))
        return env;
    const { fromIni } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(869)]).then(__webpack_require__.t.bind(__webpack_require__, 5869, 19));
    try {
        const c = await fromIni({ ...(name ? { profile: name } : {}) })();
        return { ...env, AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey, ...(c.sessionToken ? { AWS_SESSION_TOKEN: c.sessionToken } : {}) };
    }
    catch (e) {
        // No usable profile and none asked for: the usual "access-key-id: required" follows.
        if (!name)
            return env;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`profile: ${name} gave no credentials (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)})`);
    }
}


/***/ })

};
