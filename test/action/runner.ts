/**
 * Runs the built action (`dist/index.js`, or `$OCI_MIRROR_DIST/index.js`) as its own process in a
 * simulated runner: `INPUT_*` variables, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, the event file,
 * `GITHUB_WORKSPACE` and `RUNNER_TEMP`, exactly the files a real runner reads back afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The action bundle under test. */
export const ACTION = join(process.env.OCI_MIRROR_DIST ?? join(root, 'dist'), 'index.js');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error`/`::warning` workflow commands, parsed. */
  annotations: { level: string; props: Record<string, string>; message: string }[];
}

/** Parse `name<<DELIM\nvalue\nDELIM` records of a `GITHUB_OUTPUT` file. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string;
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProp(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const out: ActionRun['annotations'] = [];
  for (const m of stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({ level: m[1] as string, props, message: unescapeData(m[3] as string) });
  }
  return out;
}

/** A runner workspace: the repository checkout and the runner's temp directory. */
export interface RunnerDirs {
  workspace: string;
  temp: string;
}

/**
 * A fresh runner workspace `root/name` holding `config` at `.github/oci-mirror.yaml` (the action's
 * default `config` input), and its runner temp directory.
 */
export function runnerWorkspace(root: string, name: string, config: string): RunnerDirs {
  const dirs = { workspace: join(root, name, 'repo'), temp: join(root, name, 'runner-temp') };
  mkdirSync(join(dirs.workspace, '.github'), { recursive: true });
  mkdirSync(dirs.temp, { recursive: true });
  writeFileSync(join(dirs.workspace, '.github', 'oci-mirror.yaml'), config);
  return dirs;
}

/** Run the action once; every run gets fresh output and summary files. */
export async function runAction(
  dirs: RunnerDirs,
  opts: {
    inputs: Record<string, string>;
    event: { name: string; payload: unknown };
    env?: Record<string, string>;
  },
): Promise<ActionRun> {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} missing: run \`node scripts/build.mjs\` first`);
  const n = Math.random().toString(36).slice(2);
  const files = join(dirs.temp, `_runner_file_commands-${n}`);
  mkdirSync(files, { recursive: true });
  const output = join(files, 'set_output');
  const summary = join(files, 'step_summary');
  const eventPath = join(files, 'event.json');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  writeFileSync(eventPath, JSON.stringify(opts.event.payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dirs.temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: opts.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: dirs.workspace,
    RUNNER_TEMP: dirs.temp,
    GITHUB_REPOSITORY: 'acme/mirror',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: `42${n.length}${Math.floor(Math.random() * 1e6)}`,
    GITHUB_RUN_ATTEMPT: '1',
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const child = spawn(process.execPath, [ACTION], {
    cwd: dirs.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    annotations: parseAnnotations(stdout),
  };
}
