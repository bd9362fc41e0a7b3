/** Run the CLI in-process with captured output. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string; cwd?: string; tty?: boolean } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  // `tty` makes stderr look like a terminal and drops CI from the environment (progress line on).
  const stderr = Object.assign(new PassThrough(), options.tty ? { isTTY: true } : {});
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const code = await runCli(args, {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? '']),
    env: options.tty ? { ...options.env } : { CI: 'true', ...options.env },
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout: out, stderr: err };
}

/** The CLI as its own process (`node --import tsx src/cli/main.ts`), as a CI job runs it. */
export function cliProcess(
  args: string[],
  options: { cwd: string; stdio?: 'ignore' | 'pipe' },
): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      join(import.meta.dirname, '..', '..', 'src/cli/main.ts'),
      ...args,
    ],
    {
      cwd: options.cwd,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'ignore', options.stdio ?? 'pipe'],
    },
  );
}

/** `cliProcess` to its end: exit code and stderr. */
export function spawnCli(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = cliProcess(args, { cwd });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}
