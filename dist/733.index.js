export const id = 733;
export const ids = [733];
export const modules = {

/***/ 78733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bundle: () => (/* reexport module object */ _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__),
/* harmony export */   specs: () => (/* reexport module object */ _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__),
/* harmony export */   verify: () => (/* reexport module object */ _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__)
/* harmony export */ });
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54187);
/**
 * The sigstore-js modules verification needs, in one module so that the bundler makes them one
 * lazy chunk: `cosign.ts` loads it with `import()` the first time an entry with `verify:` checks a
 * signature; a run without `verify:` never loads it. (The TUF client is a chunk of its own, loaded
 * only when the public-good root is fetched: trust.ts.)
 */





/***/ })

};
