/** Entry point of `dist/cli.js`. */

import { redact } from '../secrets.js';
import { runCli } from './run.js';

/**
 * Exit as soon as what was written is flushed. The run is over when `runCli` resolves (state file
 * and report written, connections closed), and letting Node wind down by itself (idle keep-alive
 * sockets, timers, tearing down the heap) took another 30 ms of a 0.8 s warm re-sync (issue 14).
 * Node still writes its compile cache on `process.exit()`.
 */
function exit(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
}).then(exit, (err: unknown) => {
  process.stderr.write(
    redact(
      `oci-mirror: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    ),
  );
  exit(1);
});
