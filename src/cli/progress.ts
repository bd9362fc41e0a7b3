/**
 * The live progress line on a terminal: `12/40 tags · 3 copying · app → reg/app:1.2 · 48.1 MB ·
 * 9.6 MB/s · ETA 25s`. The total counts every tag planned so far (it is final once every entry
 * is planned); the ETA comes from the pace of finished copy jobs. Pure rendering; the caller owns
 * the terminal and the clock.
 */
import { formatBytes, formatDuration } from '../report/text.js';

export class Progress {
  /** Tags with a final row (skipped, drifted, planned, copied, failed…). */
  done = 0;
  /** Every tag known so far. */
  total = 0;
  /** Copy jobs planned, finished, and in flight (by destination). */
  jobs = 0;
  jobsDone = 0;
  readonly running = new Map<string, string>();
  bytes = 0;
  readonly #start: number;

  constructor(now: number) {
    this.#start = now;
  }

  /** An entry was planned: `rows` tags decided without a job, `jobs` copies to come. */
  planned(jobs: number): void {
    this.jobs += jobs;
    this.total += jobs;
  }

  /** A row without a copy job (skip, drift, dry-run plan, plan-time failure). */
  decided(): void {
    this.total++;
    this.done++;
  }

  started(entry: string, destination: string): void {
    this.running.set(destination, entry);
  }

  /** A copy job finished. */
  finished(destination: string, bytes: number): void {
    this.running.delete(destination);
    this.jobsDone++;
    this.done++;
    this.bytes += bytes;
  }

  /** The line, cut to `columns`. */
  render(now: number, columns = 100): string {
    const secs = Math.max((now - this.#start) / 1000, 0.001);
    const parts = [`${this.done}/${this.total} tags`];
    if (this.running.size > 0) {
      const [dst, entry] = [...this.running.entries()].at(-1) as [string, string];
      parts.push(`${this.running.size} copying`, `${entry} → ${dst.replace(/^.*\//, '')}`);
    }
    if (this.bytes > 0) parts.push(formatBytes(this.bytes), `${formatBytes(this.bytes / secs)}/s`);
    const left = this.jobs - this.jobsDone;
    if (this.jobsDone > 0 && left > 0)
      parts.push(`ETA ${formatDuration(((now - this.#start) / this.jobsDone) * left)}`);
    const line = parts.join(' · ');
    return line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line;
  }
}
