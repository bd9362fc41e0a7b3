/**
 * The `oci-mirror` command: parse arguments, load the config, then hand over to the command.
 * Only what `validate` needs is imported here: the registry client, sync engine and renderers
 * (undici, TLS, crypto, zlib…) load with `import()` once a command needs them (see
 * test/unit/startup.test.ts, which counts the built-in modules `validate` loads).
 */
import { ConfigErrors } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import type { MirrorConfig } from '../config/model.js';
import { redact, registerSecret } from '../secrets.js';
import { VERSION } from '../version.js';
import { type CliArgs, type CliIO, EXIT_INVALID, parseCli, USAGE, UsageError } from './args.js';

export { type CliIO, EXIT_INVALID } from './args.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

async function load(args: CliArgs, io: CliIO): Promise<MirrorConfig> {
  const input: Parameters<typeof loadConfig>[0] = { env: io.env, envsubst: args.envsubst, cwd: io.cwd };
  if (args.config !== undefined) input.path = args.config;
  if (args.config === '-') input.stdin = await readAll(io.stdin);
  const config = await loadConfig(input);
  for (const s of config.secrets) registerSecret(s);
  return config;
}

/** Run the CLI; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const out = (s: string) => io.stdout.write(redact(s));
  const err = (s: string) => io.stderr.write(redact(s));
  let args: CliArgs;
  try {
    args = parseCli(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`oci-mirror: ${e.message}\n\n${USAGE}\n`);
      return EXIT_INVALID;
    }
    throw e;
  }
  if (args.command === 'help') {
    out(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    out(`oci-mirror ${VERSION}\n`);
    return 0;
  }
  let config: MirrorConfig;
  try {
    config = await load(args, io);
  } catch (e) {
    if (e instanceof ConfigErrors) {
      err(`${e.message}\n`);
      return EXIT_INVALID;
    }
    throw e;
  }
  if (args.command === 'validate') {
    out(
      `${config.file}: valid (${config.dialect}; ${config.artifacts.length} artifact entries, ${config.charts.length} chart entries, ${config.hosts.length} hosts)\n`,
    );
    return 0;
  }

  // The registry commands: their modules load only now (start-up of `validate` stays small).
  const commands = await import('./commands.js');
  if (args.command === 'list-images') return commands.listImages(args, config, io);
  return commands.syncCommand(args, config, io);
}
