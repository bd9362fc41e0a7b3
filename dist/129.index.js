export const id = 129;
export const ids = [129];
export const modules = {

/***/ 34129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadReport: () => (/* binding */ uploadReport)
/* harmony export */ });
/* unused harmony export artifactUrl */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The JSON report as a workflow artifact, uploaded with `@actions/artifact` (the results service
 * behind actions/upload-artifact v4+), so the summary and the PR comment link to a real artifact.
 * The client (with the Azure storage SDK and zip) loads only here, as its own chunk. Never fails
 * the mirror: trouble is returned as a reason for a warning.
 */

/** Link to an artifact on its run's page, as GitHub shows it. */
function artifactUrl(id, env = process.env) {
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, } = env;
    return repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined;
}
/** Upload `file` (zipped, as actions/upload-artifact does) as the artifact `name`. */
async function uploadReport(file, name, env = process.env) {
    // Outside a runner (or on an old GHES without the results service) there is nothing to upload to.
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL)
        return {
            uploaded: false,
            warn: false,
            reason: 'the Actions artifact service is not available here (ACTIONS_RESULTS_URL is not set)',
        };
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(669), __webpack_require__.e(738), __webpack_require__.e(97), __webpack_require__.e(351), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 76799));
        const { id } = await new DefaultArtifactClient().uploadArtifact(name, [file], (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file));
        if (id === undefined)
            return { uploaded: false, warn: true, reason: 'the service returned no artifact id' };
        const url = artifactUrl(id, env);
        return { uploaded: true, id, name, ...(url ? { url } : {}) };
    }
    catch (err) {
        // GHES has no results service for @actions/artifact 2+: nothing to warn about on every run.
        const ghes = err.name === 'GHESNotSupportedError';
        return {
            uploaded: false,
            warn: !ghes,
            reason: `uploading ${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(file)} as artifact "${name}" failed: ${err.message}`,
        };
    }
}


/***/ })

};
