/** Entry point of `dist/cli.js`. */

import { tuneForStreaming } from '../runtime.js';
import { redact } from '../secrets.js';
import { runCli } from './run.js';

// After every module is loaded: start-up itself allocates a lot and should not pay for the tuning.
tuneForStreaming();

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      redact(
        `oci-mirror: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      ),
    );
    process.exitCode = 1;
  },
);
