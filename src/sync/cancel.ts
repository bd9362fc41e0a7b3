/** Cancellation of a run by the signals CI systems send. */

/**
 * SIGINT/SIGTERM (GitHub cancels a job with SIGINT then SIGTERM; a CronJob gets SIGTERM) abort the
 * returned signal instead of killing the process, so the run stops starting work and still writes
 * its report and state. `dispose` restores the default behaviour.
 */
export function onSignals(notify: (signal: NodeJS.Signals) => void): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) notify(signal);
    controller.abort(new Error(`${signal} received`));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, handler);
    },
  };
}
