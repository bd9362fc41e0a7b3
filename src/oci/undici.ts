/**
 * undici's connection pool (`Agent`) and its `request()`, taken from their own files instead of the
 * package index (issue 14). The index also evaluates fetch, WebSocket, EventSource, the mock and
 * cache layers and every interceptor: half of the 1.6 MB the CLI's engine chunk held, and built-ins
 * (`dns`, `worker_threads`, `perf_hooks`) a registry client never uses, on every run. An `Agent`
 * from here lacks the `request` method the index mixes into every dispatcher: call
 * `request(agent, options)`, the same function.
 */
import type { Agent as AgentClass, Dispatcher } from 'undici';
import apiRequest from 'undici/lib/api/api-request.js';
import AgentImpl from 'undici/lib/dispatcher/agent.js';

export const Agent: typeof AgentClass = AgentImpl;
export type Agent = AgentClass;

/** undici's `dispatcher.request(options)`. */
export function request(
  dispatcher: Dispatcher,
  options: Dispatcher.RequestOptions,
): Promise<Dispatcher.ResponseData> {
  return apiRequest.call(dispatcher, options);
}
