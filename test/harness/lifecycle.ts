/**
 * Process-wide cleanup for the harness: child processes and temp dirs must never outlive the
 * test process, even when a test crashes before its teardown runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type SyncCleanup = () => void;

const exitCleanups = new Set<SyncCleanup>();
let exitHookInstalled = false;

/** Registers a synchronous cleanup run on process 'exit'; returns a function that unregisters it. */
export function onProcessExit(fn: SyncCleanup): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const cleanup of [...exitCleanups]) {
        try {
          cleanup();
        } catch {
          // best effort: the process is going away anyway
        }
      }
    });
  }
  exitCleanups.add(fn);
  return () => {
    exitCleanups.delete(fn);
  };
}

export interface TempDir {
  path: string;
  /** Removes the directory (idempotent). */
  cleanup(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Creates a fresh directory under the OS temp dir; it is also removed on process exit. */
export function tempDir(prefix = 'oci-mirror-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix.endsWith('-') ? prefix : `${prefix}-`));
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  const unregister = onProcessExit(remove);
  const cleanup = async (): Promise<void> => {
    unregister();
    remove();
  };
  return { path, cleanup, [Symbol.asyncDispose]: cleanup };
}
