/**
 * The registry client: small verbs over the distribution API (OCI distribution-spec 1.1).
 * Every verb names the reference it worked on in its errors. Copy orchestration lives in `src/sync/`.
 */

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type Authorizer, anonymous, repositoryScope, type Scope } from './authorizer.js';
import { DigestVerifier, digestAlgorithm, digestHex, sha256 } from './digest.js';
import {
  DigestMismatchError,
  excerpt,
  NotFoundError,
  OciError,
  parseErrorBody,
  RegistryError,
  SizeError,
  StoredDigestMismatchError,
  withOperation,
} from './errors.js';
import { type Descriptor, parseManifest, type RawManifest } from './manifest.js';
import { MANIFEST_ACCEPT, OCI_INDEX } from './mediatypes.js';
import { apiHost, formatReference, formatRepository, type Reference, type Repository } from './reference.js';
import { isRetryableNetworkError, isRetryableStatus } from './retry.js';
import { type HttpRequest, type HttpResponse, memoryBody, safeUrl, type Transport } from './transport.js';

export interface ClientOptions {
  transport: Transport;
  authorizer?: Authorizer;
  /** Largest manifest accepted, in bytes (default 4 MiB, the limit most registries enforce). */
  maxManifestSize?: number;
}

/** What a HEAD on a manifest tells. */
export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

/** The result of a blob mount attempt: mounted, or an upload session to use instead. */
export type MountResult = { mounted: true } | { mounted: false; location: string };

export interface UploadOptions {
  /** An upload session already open (e.g. from a mount that answered 202). */
  location?: string;
  /** Upload in PATCH chunks of at most this many bytes; default the host's `maxChunkSize`, else one PUT. */
  chunkSize?: number;
}

export interface ReferrersResult {
  descriptors: Descriptor[];
  /** Where they came from: the referrers API or the `sha256-<hex>` fallback tag. */
  via: 'api' | 'tag';
  /** The fallback index's own annotations (tag path), kept when the index is rewritten. */
  annotations?: Record<string, string>;
}

const DEFAULT_MAX_MANIFEST = 4 * 1024 * 1024;
/** Largest tag list page read (a page of 1,000 tags is ~50 KB; some registries ignore `n`). */
const MAX_TAG_LIST = 64 * 1024 * 1024;
const OCTET = 'application/octet-stream';

/** The referrers fallback tag for a digest: `<alg>-<hex>` (distribution-spec "Referrers Tag Schema"). */
export function referrersTag(digest: string): string {
  return `${digestAlgorithm(digest).slice(0, 32)}-${digestHex(digest).slice(0, 64)}`.replace(
    /[^a-zA-Z0-9_.-]/g,
    '-',
  );
}

function path(repo: Repository, tail: string): string {
  return `/v2/${repo.repository}/${tail}`;
}

function mediaTypeOf(res: HttpResponse): string | undefined {
  return res.header('content-type')?.split(';')[0]?.trim();
}

async function readCapped(body: HttpResponse['body'], cap: number, what: string): Promise<Buffer> {
  const held = body.inMemory;
  if (held !== undefined) {
    if (held.length > cap) throw new SizeError(`${what}: larger than the ${cap}-byte limit`);
    return held;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > cap) {
      body.destroy();
      throw new SizeError(`${what}: larger than the ${cap}-byte limit`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export class RegistryClient {
  readonly transport: Transport;
  readonly #auth: Authorizer;
  readonly #maxManifest: number;
  /** Hosts known to lack the referrers API (answered 404/400/405/406): go straight to the fallback tag. */
  #noReferrersApi = new Set<string>();
  /**
   * The first referrers listing per host: later ones wait for it, so concurrent listings do not
   * each probe an API the host lacks (one probe per host and run).
   */
  #firstReferrers = new Map<string, Promise<unknown>>();
  /** Aborts every request of this client (a view made by `withSignal`). */
  #signal: AbortSignal | undefined;

  constructor(options: ClientOptions) {
    this.transport = options.transport;
    this.#auth = options.authorizer ?? anonymous;
    this.#maxManifest = options.maxManifestSize ?? DEFAULT_MAX_MANIFEST;
  }

  /**
   * A view of this client whose requests are all aborted when `signal` fires (a job's deadline).
   * It shares the transport, the authorizer and what the client learnt about registries.
   */
  withSignal(signal: AbortSignal): RegistryClient {
    const view = new RegistryClient({
      transport: this.transport,
      authorizer: this.#auth,
      maxManifestSize: this.#maxManifest,
    });
    view.#noReferrersApi = this.#noReferrersApi;
    view.#firstReferrers = this.#firstReferrers;
    view.#signal = signal;
    return view;
  }

  /**
   * Send a request with authorization for `scopes`, answering one 401 challenge (or an
   * insufficient_scope 403) by fetching new credentials and retrying.
   */
  async #send(
    registry: string,
    req: Omit<HttpRequest, 'url'> & { path: string; op?: string },
    scopes: readonly Scope[],
  ): Promise<HttpResponse> {
    // One async frame per request (no wrapper around a second one): errors name `op` when given.
    try {
      const signal = this.#signal;
      signal?.throwIfAborted();
      const host = apiHost(registry);
      const base = await this.transport.origin(host);
      const absolute = req.path.startsWith('http');
      const url = absolute ? req.path : `${base}${req.path}`;
      // Absolute URLs from the registry (upload Location, Link) may point at another origin, e.g.
      // object storage with a pre-signed URL: never hand the registry's credentials to it.
      if (absolute && new URL(url).origin !== new URL(base).origin) {
        return await this.transport.request({
          ...req,
          url,
          headers: { ...req.headers },
          ...(signal ? { signal } : {}),
        });
      }
      let auth = await this.#auth.authorization(host, scopes);
      for (let attempt = 0; ; attempt++) {
        const headers: Record<string, string> = { ...req.headers };
        if (auth !== undefined) headers.authorization = auth;
        const res = await this.transport.request(
          signal ? { ...req, url, headers, signal } : { ...req, url, headers },
        );
        const www = res.header('www-authenticate');
        const challenged =
          res.status === 401 || (res.status === 403 && www?.includes('insufficient_scope') === true);
        if (!challenged || attempt >= 2 || req.body instanceof Readable) return res;
        const text = await res.body.text();
        if (!(await this.#auth.challenge(host, www, scopes, auth))) {
          return { ...res, body: memoryBody(Buffer.from(text)) };
        }
        auth = await this.#auth.authorization(host, scopes);
      }
    } catch (err) {
      if (req.op === undefined) throw err;
      throw withOperation(req.op, err, isRetryableNetworkError);
    }
  }

  /** Run a verb so that whatever it throws names `operation` (see `withOperation`). */
  async #named<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw withOperation(operation, err, isRetryableNetworkError);
    }
  }

  /** Throw a RegistryError (NotFoundError for 404) from a response. */
  async #fail(operation: string, method: string, res: HttpResponse): Promise<never> {
    let text = '';
    try {
      text = method === 'HEAD' ? '' : await res.body.text();
    } catch {
      // body unreadable: report the status alone
    }
    const init = {
      operation,
      method,
      url: safeUrl(res.url),
      status: res.status,
      errors: parseErrorBody(text),
    };
    if (res.status === 404) throw new NotFoundError(init);
    throw new RegistryError(init);
  }

  /** `GET /v2/`: reachability and auth check. */
  async ping(registry: string): Promise<void> {
    const res = await this.#send(registry, { method: 'GET', path: '/v2/', op: `ping ${registry}` }, []);
    if (res.status !== 200) await this.#fail(`ping ${registry}`, 'GET', res);
    await res.body.dump();
  }

  /**
   * GET a manifest by tag or digest, with the full Accept list and a size cap. The digest is
   * computed and checked against the requested digest and `Docker-Content-Digest`.
   */
  async getManifest(ref: Reference): Promise<RawManifest> {
    const reference = ref.digest ?? ref.tag;
    if (reference === undefined) throw new OciError(`get manifest ${formatReference(ref)}: no tag or digest`);
    const op = `get manifest ${formatReference(ref)}`;
    return this.#named(op, async () => {
      try {
        return await this.#getManifestOnce(ref, reference, op);
      } catch (err) {
        // A flaky hop and a lying registry look alike once: fetch again, and fail closed if the
        // second answer does not match either.
        if (!(err instanceof DigestMismatchError)) throw err;
        return this.#getManifestOnce(ref, reference, op);
      }
    });
  }

  async #getManifestOnce(ref: Reference, reference: string, op: string): Promise<RawManifest> {
    const res = await this.#send(
      ref.registry,
      {
        method: 'GET',
        path: path(ref, `manifests/${reference}`),
        headers: { accept: MANIFEST_ACCEPT },
        buffer: this.#maxManifest,
      },
      [repositoryScope(ref.repository, 'pull')],
    );
    if (res.status !== 200) return this.#fail(op, 'GET', res);
    const bytes = await readCapped(res.body, this.#maxManifest, op);
    const header = res.header('docker-content-digest');
    const algorithm = ref.digest ? digestAlgorithm(ref.digest) : header ? digestAlgorithm(header) : 'sha256';
    const digest = `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
    if (ref.digest !== undefined && digest !== ref.digest)
      throw new DigestMismatchError(op, ref.digest, digest);
    if (header !== undefined && header !== digest)
      throw new DigestMismatchError(`${op} (Docker-Content-Digest)`, header, digest);
    let mediaType = mediaTypeOf(res);
    const parsed = parseManifest(bytes, mediaType);
    mediaType = parsed.mediaType;
    return { bytes, mediaType, digest };
  }

  /** HEAD a manifest; undefined when it does not exist. Falls back to GET when no digest header is sent. */
  async headManifest(ref: Reference): Promise<ManifestHead | undefined> {
    const reference = ref.digest ?? ref.tag;
    if (reference === undefined)
      throw new OciError(`head manifest ${formatReference(ref)}: no tag or digest`);
    const op = `head manifest ${formatReference(ref)}`;
    const res = await this.#send(
      ref.registry,
      {
        method: 'HEAD',
        path: path(ref, `manifests/${reference}`),
        headers: { accept: MANIFEST_ACCEPT },
        op,
      },
      [repositoryScope(ref.repository, 'pull')],
    );
    await res.body.dump();
    if (res.status === 404) return undefined;
    if (res.status !== 200) return this.#fail(op, 'HEAD', res);
    const digest = res.header('docker-content-digest');
    const mediaType = mediaTypeOf(res);
    const size = Number(res.header('content-length'));
    if (digest === undefined || mediaType === undefined || !Number.isFinite(size)) {
      const m = await this.getManifest(ref);
      return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
    }
    return { digest, mediaType, size };
  }

  /**
   * PUT manifest bytes exactly as given under a tag or digest. Returns the digest and the
   * `OCI-Subject` header (present when the registry maintains referrers itself).
   */
  async putManifest(
    ref: Reference,
    bytes: Buffer,
    mediaType: string,
  ): Promise<{ digest: string; subject?: string }> {
    const reference = ref.tag ?? ref.digest;
    if (reference === undefined) throw new OciError(`put manifest ${formatReference(ref)}: no tag or digest`);
    if (bytes.length > this.#maxManifest) {
      throw new SizeError(
        `put manifest ${formatReference(ref)}: ${bytes.length} bytes exceed the ${this.#maxManifest}-byte limit`,
      );
    }
    const op = `put manifest ${formatReference(ref)}`;
    const digest =
      ref.digest && !ref.tag
        ? `${digestAlgorithm(ref.digest)}:${createHash(digestAlgorithm(ref.digest)).update(bytes).digest('hex')}`
        : sha256(bytes);
    if (ref.digest !== undefined && !ref.tag && digest !== ref.digest)
      throw new DigestMismatchError(op, ref.digest, digest);
    const res = await this.#send(
      ref.registry,
      {
        method: 'PUT',
        path: path(ref, `manifests/${reference}`),
        op,
        headers: { 'content-type': mediaType },
        body: bytes,
      },
      [repositoryScope(ref.repository, 'pull', 'push')],
    );
    if (res.status !== 201 && res.status !== 200) return this.#fail(op, 'PUT', res);
    await res.body.dump();
    const returned = res.header('docker-content-digest');
    if (
      returned !== undefined &&
      digestAlgorithm(returned) === digestAlgorithm(digest) &&
      returned !== digest
    ) {
      throw new StoredDigestMismatchError(`${op} (registry stored different bytes)`, digest, returned);
    }
    const subject = res.header('oci-subject');
    return subject !== undefined ? { digest, subject } : { digest };
  }

  /** Delete a manifest by digest (registries refuse deleting by tag). */
  async deleteManifest(ref: Reference & { digest: string }): Promise<void> {
    const op = `delete manifest ${formatReference(ref)}`;
    const res = await this.#send(
      ref.registry,
      { method: 'DELETE', path: path(ref, `manifests/${ref.digest}`), op },
      [repositoryScope(ref.repository, 'delete')],
    );
    if (res.status !== 202 && res.status !== 200) return this.#fail(op, 'DELETE', res);
    await res.body.dump();
  }

  /** HEAD a blob: its size, or undefined when the repository does not have it. */
  async headBlob(repo: Repository, digest: string): Promise<number | undefined> {
    const res = await this.#send(
      repo.registry,
      {
        method: 'HEAD',
        path: path(repo, `blobs/${digest}`),
        op: `head blob ${formatRepository(repo)}@${digest}`,
      },
      [repositoryScope(repo.repository, 'pull')],
    );
    await res.body.dump();
    if (res.status === 404) return undefined;
    if (res.status !== 200) return this.#fail(`head blob ${formatRepository(repo)}@${digest}`, 'HEAD', res);
    const size = Number(res.header('content-length'));
    return Number.isFinite(size) ? size : 0;
  }

  /**
   * GET a blob as a stream that is hashed on the fly: the stream fails with `DigestMismatchError`
   * (before releasing its last chunk) when the content does not match. Redirects to other origins
   * (object storage) are followed without the Authorization header.
   */
  async getBlob(repo: Repository, desc: Pick<Descriptor, 'digest'> & { size?: number }): Promise<Readable> {
    const what = `get blob ${formatRepository(repo)}@${desc.digest}`;
    const res = await this.#send(
      repo.registry,
      { method: 'GET', path: path(repo, `blobs/${desc.digest}`), op: what },
      [repositoryScope(repo.repository, 'pull')],
    );
    if (res.status !== 200) return this.#fail(what, 'GET', res);
    const verifier = new DigestVerifier(desc.digest, what, desc.size);
    // A cut or stalled body is this read's failure, named as such (not the upload's it feeds).
    res.body.on('error', (err) =>
      verifier.destroy(withOperation(what, err, isRetryableNetworkError) as Error),
    );
    // pipe() does not propagate destruction upstream: a consumer that gives up (failed upload,
    // size overrun) must release the response too, or its connection stays busy until bodyTimeout.
    verifier.once('close', () => {
      if (!res.body.destroyed) res.body.destroy();
    });
    return res.body.pipe(verifier);
  }

  /**
   * Try a cross-repository mount of `digest` from `from` (same registry). 201 means mounted;
   * 202 means the registry opened a normal upload session instead, returned for reuse.
   */
  async mountBlob(repo: Repository, digest: string, from: string): Promise<MountResult> {
    const op = `mount blob ${digest} from ${repo.registry}/${from} into ${formatRepository(repo)}`;
    const query = new URLSearchParams({ mount: digest, from }).toString();
    const res = await this.#send(
      repo.registry,
      { method: 'POST', path: path(repo, `blobs/uploads/?${query}`), headers: { 'content-length': '0' }, op },
      [repositoryScope(repo.repository, 'pull', 'push'), repositoryScope(from, 'pull')],
    );
    await res.body.dump();
    if (res.status === 201) return { mounted: true };
    if (res.status === 202) return { mounted: false, location: this.#location(res, op) };
    return this.#fail(op, 'POST', res);
  }

  #location(res: HttpResponse, op: string): string {
    const location = res.header('location');
    if (!location) throw new OciError(`${op}: the registry answered without a Location header`);
    return new URL(location, res.url).toString();
  }

  /** Open an upload session; returns its absolute URL. */
  async startUpload(repo: Repository): Promise<string> {
    const op = `start upload to ${formatRepository(repo)}`;
    const res = await this.#send(
      repo.registry,
      { method: 'POST', path: path(repo, 'blobs/uploads/'), headers: { 'content-length': '0' }, op },
      [repositoryScope(repo.repository, 'pull', 'push')],
    );
    await res.body.dump();
    if (res.status !== 202) return this.#fail(op, 'POST', res);
    return this.#location(res, op);
  }

  /** Best-effort cancel of an upload session (so a failed copy leaves nothing half-done). */
  async cancelUpload(repo: Repository, location: string): Promise<void> {
    try {
      const res = await this.#send(repo.registry, { method: 'DELETE', path: location }, [
        repositoryScope(repo.repository, 'pull', 'push'),
      ]);
      await res.body.dump();
    } catch {
      // The session expires on its own; nothing to report.
    }
  }

  /**
   * Upload a blob from a stream without holding it in memory: one streamed PUT, or PATCH chunks of
   * at most `chunkSize` bytes then a closing PUT. The upload is committed (`PUT ?digest=`) only
   * after the source stream ended successfully, so a `DigestMismatchError` from a verifying source
   * leaves no blob behind. A failure midway (network, 5xx) restarts with a new session and a new
   * source stream from `open`, within the transport's retry policy.
   */
  async uploadBlob(
    repo: Repository,
    desc: Pick<Descriptor, 'digest' | 'size'>,
    open: () => Promise<Readable> | Readable,
    options: UploadOptions = {},
  ): Promise<void> {
    const policy = this.transport.retryPolicy;
    const start = policy.now();
    const chunkSize = options.chunkSize ?? this.transport.settings(apiHost(repo.registry)).maxChunkSize ?? 0;
    let location = options.location;
    let mismatches = 0;
    for (let attempt = 1; ; attempt++) {
      location ??= await this.startUpload(repo);
      let source: Readable | undefined;
      try {
        source = await open();
        if (chunkSize > 0) await this.#uploadChunked(repo, desc, source, location, chunkSize);
        else await this.#uploadMonolithic(repo, desc, source, location);
        return;
      } catch (err) {
        // When the source stream failed, that is the cause (the upload only saw its body end).
        // (Only the reader's own errors: iterating a stream that we stop leaves an AbortError.)
        const failed = source?.errored instanceof OciError ? source.errored : undefined;
        source?.destroy();
        await this.cancelUpload(repo, location);
        location = undefined;
        const cause = unwrapMismatch(err) ?? failed ?? err;
        // Altered bytes on the way from the source are read again once (a flaky hop); a second
        // mismatch fails closed (a lying registry). Nothing was committed either time.
        const mismatch = cause instanceof DigestMismatchError;
        if (mismatch) mismatches++;
        const retryable = mismatch
          ? mismatches <= 1
          : isRetryableNetworkError(cause) ||
            (cause instanceof RegistryError && isRetryableStatus(cause.status));
        if (!retryable || attempt >= policy.attempts || policy.now() - start > policy.budgetMs) throw cause;
        const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        policy.onRetry?.({
          attempt,
          attempts: policy.attempts,
          delayMs: delay,
          reason: `upload ${desc.digest} to ${formatRepository(repo)}: ${(cause as Error).message}`,
        });
        await policy.sleep(delay);
      }
    }
  }

  async #uploadMonolithic(
    repo: Repository,
    desc: Pick<Descriptor, 'digest' | 'size'>,
    source: Readable,
    location: string,
  ): Promise<void> {
    const op = `upload blob ${desc.digest} to ${formatRepository(repo)}`;
    const url = new URL(location);
    url.searchParams.set('digest', desc.digest);
    let res: HttpResponse;
    try {
      res = await this.#send(
        repo.registry,
        {
          method: 'PUT',
          op,
          path: url.toString(),
          headers: { 'content-type': OCTET, 'content-length': String(desc.size) },
          body: source,
        },
        [repositoryScope(repo.repository, 'pull', 'push')],
      );
    } catch (err) {
      throw unwrapMismatch(err) ?? err;
    }
    if (source.errored) throw unwrapMismatch(source.errored) ?? source.errored;
    if (res.status !== 201 && res.status !== 204) return this.#fail(op, 'PUT', res);
    await res.body.dump();
  }

  async #uploadChunked(
    repo: Repository,
    desc: Pick<Descriptor, 'digest' | 'size'>,
    source: Readable,
    location: string,
    chunkSize: number,
  ): Promise<void> {
    const op = `upload blob ${desc.digest} to ${formatRepository(repo)}`;
    let offset = 0;
    let pending: Buffer[] = [];
    let pendingSize = 0;
    let current = location;
    const scopes = [repositoryScope(repo.repository, 'pull', 'push')];
    const patch = async (chunk: Buffer) => {
      const res = await this.#send(
        repo.registry,
        {
          method: 'PATCH',
          op,
          path: current,
          headers: {
            'content-type': OCTET,
            'content-length': String(chunk.length),
            'content-range': `${offset}-${offset + chunk.length - 1}`,
          },
          body: chunk,
        },
        scopes,
      );
      if (res.status !== 202) return this.#fail(op, 'PATCH', res);
      await res.body.dump();
      current = this.#location(res, op);
      offset += chunk.length;
    };
    for await (const piece of source as AsyncIterable<Buffer>) {
      pending.push(piece);
      pendingSize += piece.length;
      while (pendingSize >= chunkSize) {
        const all = Buffer.concat(pending);
        await patch(all.subarray(0, chunkSize));
        pending = [all.subarray(chunkSize)];
        pendingSize = all.length - chunkSize;
      }
    }
    if (pendingSize > 0) await patch(Buffer.concat(pending));
    const url = new URL(current);
    url.searchParams.set('digest', desc.digest);
    const res = await this.#send(
      repo.registry,
      {
        method: 'PUT',
        op,
        path: url.toString(),
        headers: { 'content-type': OCTET, 'content-length': '0' },
        body: Buffer.alloc(0),
      },
      scopes,
    );
    if (res.status === 404) {
      // The transport replays this PUT when its answer is lost; if the first one committed, the
      // session is gone (BLOB_UPLOAD_UNKNOWN) but the blob is there, verified by the registry.
      const text = await res.body.text().catch(() => '');
      if ((await this.headBlob(repo, desc.digest)) !== undefined) return;
      return this.#fail(op, 'PUT', { ...res, body: memoryBody(Buffer.from(text)) });
    }
    if (res.status !== 201 && res.status !== 204) return this.#fail(op, 'PUT', res);
    await res.body.dump();
  }

  /** Upload small bytes (config blobs, empty descriptors) in one PUT. */
  async pushBlob(repo: Repository, bytes: Buffer, digest = sha256(bytes)): Promise<string> {
    await this.uploadBlob(repo, { digest, size: bytes.length }, () => Readable.from([bytes]));
    return digest;
  }

  /** Every tag of a repository, following `Link` pagination; tolerant of `"tags": null` and no `Link`. */
  async listTags(repo: Repository, pageSize = 1000): Promise<string[]> {
    const op = `list tags of ${formatRepository(repo)}`;
    return this.#named(op, () => this.#listTags(repo, pageSize, op));
  }

  /**
   * Whether a repository holds any tag: one page of at most one tag (a registry that ignores `n`
   * answers one page of its own size). False when the repository does not exist.
   */
  async hasTags(repo: Repository): Promise<boolean> {
    const op = `list tags of ${formatRepository(repo)}`;
    try {
      return (await this.#named(op, () => this.#listTags(repo, 1, op, 1))).length > 0;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }

  async #listTags(repo: Repository, pageSize: number, op: string, maxPages = 10_000): Promise<string[]> {
    const tags = new Set<string>();
    let next: string | undefined = path(repo, `tags/list?n=${pageSize}`);
    for (let page = 0; next !== undefined && page < maxPages; page++) {
      const res = await this.#send(
        repo.registry,
        { method: 'GET', path: next, headers: { accept: 'application/json' }, buffer: MAX_TAG_LIST, op },
        [repositoryScope(repo.repository, 'pull')],
      );
      if (res.status !== 200) return this.#fail(op, 'GET', res);
      const text = await res.body.text();
      let body: { tags?: unknown };
      try {
        body = JSON.parse(text) as { tags?: unknown };
      } catch (cause) {
        throw new OciError(
          `${op}: the registry answered with a tag list that is not JSON: ${excerpt(text)}`,
          {
            cause,
          },
        );
      }
      if (typeof body !== 'object' || body === null)
        throw new OciError(
          `${op}: the registry answered with a tag list that is not an object: ${excerpt(text)}`,
        );
      const before = tags.size;
      if (Array.isArray(body.tags)) for (const t of body.tags) if (typeof t === 'string') tags.add(t);
      const link = nextLink(res.header('link'));
      next = link !== undefined && tags.size > before ? new URL(link, res.url).toString() : undefined;
    }
    return [...tags];
  }

  /**
   * Referrers of a manifest: the OCI 1.1 API (filtered by artifactType client-side when the
   * registry did not apply the filter, following pagination), else the `sha256-<hex>` fallback tag.
   */
  async getReferrers(
    repo: Repository,
    digest: string,
    options: { artifactType?: string } = {},
  ): Promise<ReferrersResult> {
    const op = `list referrers of ${formatRepository(repo)}@${digest}`;
    const first = this.#firstReferrers.get(repo.registry);
    if (first) await first.catch(() => undefined);
    const listing = this.#named(op, () => this.#getReferrers(repo, digest, options, op));
    if (!first) this.#firstReferrers.set(repo.registry, listing);
    return listing;
  }

  async #getReferrers(
    repo: Repository,
    digest: string,
    options: { artifactType?: string },
    op: string,
  ): Promise<ReferrersResult> {
    if (this.#noReferrersApi.has(repo.registry)) {
      return { ...(await this.#referrersFromTag(repo, digest, options.artifactType)), via: 'tag' };
    }
    const query = options.artifactType
      ? `?${new URLSearchParams({ artifactType: options.artifactType })}`
      : '';
    let next: string | undefined = path(repo, `referrers/${digest}${query}`);
    const descriptors: Descriptor[] = [];
    let filtered = true;
    for (let page = 0; next !== undefined && page < 1000; page++) {
      const res = await this.#send(
        repo.registry,
        { method: 'GET', path: next, headers: { accept: OCI_INDEX }, buffer: this.#maxManifest },
        [repositoryScope(repo.repository, 'pull')],
      );
      const isIndex = mediaTypeOf(res) === OCI_INDEX;
      if (page === 0 && (res.status !== 200 || !isIndex)) {
        if (res.status !== 200 && ![400, 404, 405, 406].includes(res.status))
          return this.#fail(op, 'GET', res);
        // A registry with the API must not answer 404 (distribution-spec): remember it lacks one.
        if (res.status === 404 || res.status === 405) this.#noReferrersApi.add(repo.registry);
        await res.body.dump();
        return { ...(await this.#referrersFromTag(repo, digest, options.artifactType)), via: 'tag' };
      }
      if (res.status !== 200) return this.#fail(op, 'GET', res);
      const parsed = parseManifest(await readCapped(res.body, this.#maxManifest, op), OCI_INDEX);
      if (parsed.kind !== 'index')
        throw new OciError(`${op}: the registry answered with something other than an index`);
      descriptors.push(...parsed.index.manifests);
      filtered =
        filtered &&
        (res.header('oci-filters-applied') ?? '')
          .split(',')
          .map((s) => s.trim())
          .includes('artifactType');
      const link = nextLink(res.header('link'));
      next = link !== undefined ? new URL(link, res.url).toString() : undefined;
    }
    const list =
      options.artifactType && !filtered
        ? descriptors.filter((d) => d.artifactType === options.artifactType)
        : descriptors;
    return { descriptors: list, via: 'api' };
  }

  async #referrersFromTag(
    repo: Repository,
    digest: string,
    artifactType?: string,
  ): Promise<{ descriptors: Descriptor[]; annotations?: Record<string, string> }> {
    let manifest: RawManifest;
    try {
      manifest = await this.getManifest({ ...repo, tag: referrersTag(digest) });
    } catch (err) {
      if (err instanceof NotFoundError) return { descriptors: [] };
      throw err;
    }
    const parsed = parseManifest(manifest.bytes, manifest.mediaType);
    // Spec: when the tag does not hold an index, assume there are no referrers.
    if (parsed.kind !== 'index') return { descriptors: [] };
    const descriptors = parsed.index.manifests.filter(
      (d) => artifactType === undefined || d.artifactType === artifactType,
    );
    return parsed.index.annotations
      ? { descriptors, annotations: parsed.index.annotations }
      : { descriptors };
  }
}

/** The `rel="next"` target of a Link header. */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?next"?/i.test(m[2] ?? '')) return m[1];
  }
  return undefined;
}

function unwrapMismatch(err: unknown): DigestMismatchError | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    if (e instanceof DigestMismatchError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
