export const id = 953;
export const ids = [953,334];
export const modules = {

/***/ 38334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsCache: () => (/* binding */ actionsCache)
/* harmony export */ });
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60142);
/**
 * `CacheBackend` over `@actions/cache` (cache service v2 on github.com: Twirp at
 * `ACTIONS_RESULTS_URL`, archives in signed blob URLs). The library already turns service errors
 * into warnings; anything else it throws is caught by the caller and noted in the log.
 */

/** The Actions cache service, as configured by the runner's environment. */
const actionsCache = {
    available: () => _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .isFeatureAvailable */ .w3(),
    restore: (path, key, restoreKeys) => _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .restoreCache */ .P3([path], key, restoreKeys),
    save: async (path, key) => {
        await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .saveCache */ .Io([path], key);
    },
};


/***/ })

};
