/**
 * The sigstore-js modules verification needs, in one module so that the bundler makes them one
 * lazy chunk: `cosign.ts` loads it with `import()` the first time an entry with `verify:` checks a
 * signature; a run without `verify:` never loads it. (The TUF client is a chunk of its own, loaded
 * only when the public-good root is fetched: trust.ts.)
 */
export * as bundle from '@sigstore/bundle';
export * as specs from '@sigstore/protobuf-specs';
export * as verify from '@sigstore/verify';
