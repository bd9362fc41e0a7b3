/**
 * Blob copying for a whole run: each unique blob is streamed from the source at most once per
 * destination registry; later needs of the same blob in that registry are mounted from where it
 * already is; a blob in flight for one job is awaited by another, never fetched twice.
 *
 * A destination repository that held no tag when this run first asked (new, or emptied; see
 * `TaglessRepositories`) gets its blobs without asking first whether it has them: on a fresh mirror
 * every such HEAD misses. At worst (blobs left there without a tag) a blob is uploaded again, which
 * is correct.
 */
import type { Readable } from 'node:stream';
import type { RegistryClient } from '../oci/client.js';
import { OciError } from '../oci/errors.js';
import type { Descriptor } from '../oci/manifest.js';
import { formatRepository, type Repository } from '../oci/reference.js';
import { tuneForStreaming } from '../runtime.js';
import { onSide } from './errors.js';
import type { Semaphore } from './pool.js';
import { TaglessRepositories } from './tagless.js';

export type BlobOutcome = 'copied' | 'mounted' | 'existing';

export interface BlobCopierOptions {
  client: RegistryClient;
  /** Limits concurrent blob transfers across the run. */
  transfers: Semaphore;
  log?: (message: string) => void;
  /** Repositories known to hold no tag, shared with planning (default: the copier's own). */
  tagless?: TaglessRepositories;
}

export class BlobCopier {
  readonly #client: RegistryClient;
  readonly #transfers: Semaphore;
  readonly #log: (message: string) => void;
  /** destination registry → digest → repositories known to hold it. */
  readonly #known = new Map<string, Map<string, Set<string>>>();
  /** `registry|digest` → the copy in flight into that registry. */
  readonly #inflight = new Map<string, Promise<unknown>>();
  readonly #tagless: TaglessRepositories;
  /** Bytes streamed into destinations by this copier. */
  bytes = 0;

  constructor(options: BlobCopierOptions) {
    this.#client = options.client;
    this.#transfers = options.transfers;
    this.#log = options.log ?? (() => undefined);
    this.#tagless = options.tagless ?? new TaglessRepositories();
  }

  #holders(registry: string, digest: string): Set<string> {
    let byDigest = this.#known.get(registry);
    if (!byDigest) {
      byDigest = new Map();
      this.#known.set(registry, byDigest);
    }
    let repos = byDigest.get(digest);
    if (!repos) {
      repos = new Set();
      byDigest.set(digest, repos);
    }
    return repos;
  }

  /** Record that `repo` holds `digest` (e.g. learned from a previous step). */
  remember(repo: Repository, digest: string): void {
    this.#holders(repo.registry, digest).add(repo.repository);
  }

  /** Make sure `dst` holds the blob `desc` that `src` has. */
  async ensure(
    src: Repository,
    dst: Repository,
    desc: Descriptor,
    /** The job's client (a view that aborts at the job's deadline); default the copier's own. */
    client: RegistryClient = this.#client,
  ): Promise<BlobOutcome> {
    const key = `${dst.registry}|${desc.digest}`;
    // Wait for a copy of the same blob into the same registry: afterwards it can be mounted.
    for (let pending = this.#inflight.get(key); pending; pending = this.#inflight.get(key)) {
      await pending.catch(() => undefined);
    }
    const holders = this.#holders(dst.registry, desc.digest);
    if (holders.has(dst.repository)) return 'existing';
    const work = this.#ensure(client, src, dst, desc, holders);
    this.#inflight.set(key, work);
    try {
      const outcome = await work;
      holders.add(dst.repository);
      return outcome;
    } finally {
      this.#inflight.delete(key);
    }
  }

  /**
   * A copy into `dst` starts: ask once per run whether `dst` holds any tag (one tag-list page),
   * without waiting for the answer (usually in before the first blob, or already from planning),
   * and note that this run now writes there (see `TaglessRepositories.copying`).
   */
  starting(client: RegistryClient, dst: Repository): void {
    void this.#tagless.ask(client, dst);
    this.#tagless.copying(dst);
  }

  /**
   * True when `dst` is known to have held no tag when this run first asked (see `starting`). Until
   * the answer is in, and after an error, false: each blob is then looked up as before.
   */
  #knownEmpty(client: RegistryClient, dst: Repository): boolean {
    void this.#tagless.ask(client, dst);
    return this.#tagless.known(dst);
  }

  /** Open the source stream; errors it emits later (digest mismatch, reset) are the source's. */
  async #open(client: RegistryClient, src: Repository, desc: Descriptor): Promise<Readable> {
    const stream = await onSide('source', () => client.getBlob(src, desc));
    stream.on('error', (err) => {
      if (err instanceof OciError && err.side === undefined) err.side = 'source';
    });
    return stream;
  }

  async #ensure(
    client: RegistryClient,
    src: Repository,
    dst: Repository,
    desc: Descriptor,
    holders: Set<string>,
  ): Promise<BlobOutcome> {
    const where = `${formatRepository(dst)}@${desc.digest}`;
    let location: string | undefined;
    // Mount candidates: repositories of the destination registry known to hold it, or the
    // source repository itself when source and destination share a registry.
    const candidates = [...holders];
    if (src.registry === dst.registry && src.repository !== dst.repository) candidates.push(src.repository);
    for (const from of candidates.slice(0, 2)) {
      const result = await onSide('destination', () => client.mountBlob(dst, desc.digest, from));
      if (result.mounted) {
        this.#log(`mounted ${where} from ${from}`);
        return 'mounted';
      }
      // The registry opened an upload session instead: keep it for the upload below.
      if (location) await client.cancelUpload(dst, location);
      location = result.location;
    }
    if (location === undefined && this.#knownEmpty(client, dst)) {
      location = await onSide('destination', () => client.startUpload(dst));
    } else if (location === undefined) {
      // The HEAD and the upload's POST go out together: on a fresh destination every HEAD misses,
      // and waiting for it would add a round trip per blob. When the blob is there after all, the
      // opened upload is cancelled.
      const [size, opened] = await Promise.all([
        onSide('destination', () => client.headBlob(dst, desc.digest)),
        onSide('destination', () => client.startUpload(dst)).then(
          (loc) => ({ loc }),
          (error: unknown) => ({ error }),
        ),
      ]);
      if (size !== undefined) {
        if ('loc' in opened) await client.cancelUpload(dst, opened.loc);
        this.#log(`exists ${where}`);
        return 'existing';
      }
      if ('error' in opened) throw opened.error;
      location = opened.loc;
    }
    tuneForStreaming();
    await this.#transfers.run(() =>
      onSide('destination', () =>
        client.uploadBlob(
          dst,
          desc,
          () => this.#open(client, src, desc),
          location !== undefined ? { location } : {},
        ),
      ),
    );
    this.bytes += desc.size;
    this.#log(`copied ${where} (${desc.size} bytes) from ${formatRepository(src)}`);
    return 'copied';
  }
}
