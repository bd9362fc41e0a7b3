/**
 * Entry point of `dist/index.js`, the GitHub Action. A thin front door over `sync()`: inputs in,
 * text report to the log, JSON report file and outputs out. The job summary, annotations and the
 * PR comment arrive with the action issue.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { VERSION } from '../cli/version.js';
import { ConfigErrors } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { renderJson, toReport } from '../report/envelope.js';
import { renderText } from '../report/text.js';
import { onSecret, redact, registerSecret } from '../secrets.js';
import { exitCodeOf } from '../sync/model.js';
import { sync } from '../sync/sync.js';
import { readInputs } from './inputs.js';

const DRY_RUN_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

async function run(): Promise<void> {
  onSecret((value) => core.setSecret(value));
  const inputs = readInputs();
  const dryRun =
    inputs.dryRun === 'auto'
      ? DRY_RUN_EVENTS.has(process.env.GITHUB_EVENT_NAME ?? '')
      : inputs.dryRun === 'true';
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig({ path: inputs.config, envsubst: inputs.envsubst });
  } catch (err) {
    if (err instanceof ConfigErrors) {
      core.setOutput('exit-code', '3');
      core.setFailed(err.message);
      return;
    }
    throw err;
  }
  for (const s of config.secrets) registerSecret(s);
  const result = await sync(config, {
    dryRun,
    overwrite: inputs.overwrite,
    concurrency: inputs.concurrency,
    retries: inputs.retries,
    jobTimeoutMs: inputs.timeoutMs,
    insecure: inputs.insecure,
    userAgent: `oci-mirror-action/${VERSION}`,
    onEvent: (e) => {
      if (e.type === 'log') core.debug(redact(e.message));
    },
  });
  core.info(renderText(result));
  const doc = toReport(result, {
    reporter: { name: 'oci-mirror', version: VERSION },
    configFile: config.file,
  });
  const reportPath = join(process.env.RUNNER_TEMP ?? process.cwd(), 'oci-mirror-report.json');
  await writeFile(reportPath, renderJson(doc));
  const s = result.summary;
  const code = exitCodeOf(s, inputs.driftExitCode);
  const outputs: Record<string, string | number | boolean> = {
    copied: s.copied,
    overwritten: s.overwritten,
    skipped: s.skipped,
    drifted: s.drifted,
    failed: s.failed,
    'would-copy': s.wouldCopy,
    'would-overwrite': s.wouldOverwrite,
    changed: s.copied + s.overwritten > 0,
    'exit-code': code,
    report: reportPath,
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
  if (s.failed > 0) core.setFailed(`${s.failed} failed; see the report above`);
  else if (code !== 0) core.setFailed(`${s.drifted} drifted (set drift-exit-code: 0 to accept drift)`);
}

run().catch((err: unknown) => {
  core.setFailed(redact(err instanceof Error ? err.message : String(err)));
});
