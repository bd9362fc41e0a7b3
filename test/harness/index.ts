/** The oci-mirror test harness: real registries, a token server, a fault proxy, content and tools. */
export * from './client.js';
export * from './content.js';
export * from './fault-proxy.js';
export * from './lifecycle.js';
export * from './pki.js';
export * from './registry.js';
export * from './token-server.js';
export * from './tools.js';
