/** Entry point of `dist/cli.js`. */

import { redact } from '../secrets.js';
import { runCli } from './run.js';

// The V8 streaming tuning of src/runtime.ts is applied by dist/cli.js before this bundle loads.
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
