export const id = 969;
export const ids = [969];
export const modules = {

/***/ 81969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   helmVersion: () => (/* binding */ helmVersion),
/* harmony export */   resolveHelm: () => (/* binding */ resolveHelm)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74057);
/**
 * Where the `helm` binary comes from: `HELM_BIN`, else the first `helm` on `PATH`. The action can
 * extend `resolveHelm` with a tool-cache download by passing `fallback` (tried last).
 */




function executable(path) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** The path of a runnable helm binary, or `HelmNotFoundError` saying where we looked. */
async function resolveHelm(options = {}) {
    const env = options.env ?? process.env;
    const explicit = env.HELM_BIN;
    if (explicit !== undefined && explicit !== '') {
        if (!executable(explicit))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HelmNotFoundError */ .ei(`HELM_BIN=${explicit} is not an executable file`);
        return explicit;
    }
    for (const dir of (env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'helm');
        if (executable(candidate))
            return candidate;
    }
    const fetched = await options.fallback?.();
    if (fetched !== undefined)
        return fetched;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HelmNotFoundError */ .ei('helm not found: install helm (https://helm.sh/docs/intro/install/) or set HELM_BIN to its path; it is needed to render charts for image discovery');
}
/** The helm version string (`v4.1.4`), for logs. */
function helmVersion(bin) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(bin, ['version', '--template', '{{.Version}}'], { timeout: 30_000 }, (err, stdout) => err
            ? reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HelmNotFoundError */ .ei(`${bin} version: ${err.message}`, { cause: err }))
            : resolve(stdout.trim()));
    });
}


/***/ }),

/***/ 74057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DA: () => (/* binding */ ChartError),
/* harmony export */   ei: () => (/* binding */ HelmNotFoundError),
/* harmony export */   pU: () => (/* binding */ RepositoryError),
/* harmony export */   vH: () => (/* binding */ RenderError)
/* harmony export */ });
/* unused harmony export HelmError */
/** Error classes of the Helm module. Each message names the chart (and version) it concerns. */
/** Base class of every error this module throws on purpose. */
class HelmError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A chart archive or directory that is not a valid chart (Chart.yaml missing or invalid). */
class ChartError extends HelmError {
}
/** An HTTP Helm repository that cannot be read (index, download, digest, auth). */
class RepositoryError extends HelmError {
    /** HTTP status, when the server answered. */
    status;
    constructor(message, options) {
        super(message, options);
        if (options?.status !== undefined)
            this.status = options.status;
    }
}
/** `helm template` failed; the message carries helm's own error output. */
class RenderError extends HelmError {
}
/** No helm binary could be found or run. */
class HelmNotFoundError extends HelmError {
}


/***/ })

};
