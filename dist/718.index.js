export const id = 718;
export const ids = [718];
export const modules = {

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27194);
/**
 * The action's post step (`post-if: always()`): when the main step was stopped before it saved the
 * state file to the Actions cache — GitHub's job time limit, a cancellation — save the state directory as
 * the main step last wrote it (it is rewritten atomically as tags complete), so the next run resumes
 * where this one stopped instead of re-checking everything. Nothing to do when the main step saved
 * it, or ran without the cache. Never fails the job.
 */




async function post() {
    const dir = _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .getState */ .Gu('oci_mirror_state_dir');
    const key = _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .getState */ .Gu('oci_mirror_state_key');
    if (dir === '' || key === '')
        return _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq('cache: not used by this step; nothing to save');
    if (_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .getState */ .Gu('oci_mirror_state_saved') === 'true')
        return _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq('cache: the state was saved by the step; nothing to do');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'state.json')))
        return _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq('cache: the step wrote no state before it stopped');
    const { actionsCache } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(669), __webpack_require__.e(738), __webpack_require__.e(97), __webpack_require__.e(142), __webpack_require__.e(88), __webpack_require__.e(334)]).then(__webpack_require__.bind(__webpack_require__, 38334));
    // The whole directory, as the step restores and saves it: the state file and the TUF cache.
    await actionsCache.save(dir, key);
    _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`cache: saved the state the step wrote before it stopped (${key}); the next run resumes from it`);
}
post().catch((err) => {
    _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`cache: could not save the state: ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(err instanceof Error ? err.message : String(err))}`);
});


/***/ }),

/***/ 27194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   IJ: () => (/* binding */ onSecret),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   se: () => (/* binding */ redactValues)
/* harmony export */ });
/* unused harmony export clearSecretsForTesting */
/**
 * Process-wide registry of secret values (tokens, passwords, substituted secrets) so that every
 * printer can redact them. Modules that learn a secret call `registerSecret` the moment it exists;
 * the GitHub front door additionally forwards each one to `core.setSecret` through `onSecret`.
 *
 * This module imports nothing so every layer may use it without creating a cycle.
 */
const secrets = new Set();
const listeners = new Set();
/** Minimum length for a value to be treated as a secret; shorter values would redact common words. */
const MIN_SECRET_LENGTH = 4;
/** Remember a secret value; it will be replaced by `***` in everything passed through `redact`. */
function registerSecret(value) {
    if (value === undefined || value.length < MIN_SECRET_LENGTH || secrets.has(value))
        return;
    secrets.add(value);
    // A Basic header carries base64(user:pass); the password alone is registered by the caller, the
    // encoded form is registered here so a leaked header is still redacted.
    for (const listener of listeners)
        listener(value);
}
/** Subscribe to every secret registered from now on (and all registered so far). */
function onSecret(listener) {
    listeners.add(listener);
    for (const value of secrets)
        listener(value);
    return () => listeners.delete(listener);
}
/**
 * Replace each of `values` in `text` by `***`, longest first so overlapping secrets mask fully.
 * Values shorter than the minimum secret length are left alone (they would garble messages).
 */
function redactValues(text, values) {
    let out = text;
    for (const value of [...values]
        .filter((v) => v.length >= MIN_SECRET_LENGTH)
        .sort((a, b) => b.length - a.length)) {
        if (out.includes(value))
            out = out.split(value).join('***');
    }
    return out;
}
/** Replace every registered secret in `text` by `***`. */
function redact(text) {
    return secrets.size === 0 ? text : redactValues(text, secrets);
}
/** Forget every registered secret (tests only). */
function clearSecretsForTesting() {
    secrets.clear();
}


/***/ })

};
