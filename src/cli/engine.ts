/**
 * The registry engine as the CLI uses it, loaded with `import()` by run.ts once a command needs it:
 * `validate` never loads undici, TLS, crypto or zlib (see test/repo/startup.test.ts). Helm's part
 * (`list-images`, chart entries) is a chunk of its own, loaded only when used.
 */
export { createSession, SessionError } from '../sync/session.js';
export { DEFAULT_CONCURRENCY, sync } from '../sync/sync.js';
