export const id = 241;
export const ids = [241];
export const modules = {

/***/ 54045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  LN: () => (/* binding */ referrersTag)
});

// UNUSED EXPORTS: nextLink

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/oci/authorizer.ts
/**
 * The seam between the registry client and authentication. The client declares which scopes a
 * request needs; an `Authorizer` (implemented in `src/auth/`) supplies the Authorization header and
 * learns from `WWW-Authenticate` challenges. Defined here so `oci/` does not import `auth/`.
 */
/** An authorizer that never authenticates. */
const anonymous = {
    authorization: async () => undefined,
    challenge: async () => false,
};
/** `repository:<name>:<actions>` scope helper. */
function repositoryScope(name, ...actions) {
    return { type: 'repository', name, actions };
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(32060);
// EXTERNAL MODULE: ./src/oci/mediatypes.ts
var mediatypes = __webpack_require__(79572);
// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
// EXTERNAL MODULE: ./src/oci/transport.ts + 1 modules
var transport = __webpack_require__(14674);
;// CONCATENATED MODULE: ./src/oci/client.ts
/**
 * The registry client: small verbs over the distribution API (OCI distribution-spec 1.1).
 * Every verb names the reference it worked on in its errors. Copy orchestration lives in `src/sync/`.
 */










const DEFAULT_MAX_MANIFEST = 4 * 1024 * 1024;
/** Largest tag list page read (a page of 1,000 tags is ~50 KB; some registries ignore `n`). */
const MAX_TAG_LIST = 64 * 1024 * 1024;
const OCTET = 'application/octet-stream';
/** The referrers fallback tag for a digest: `<alg>-<hex>` (distribution-spec "Referrers Tag Schema"). */
function referrersTag(digest) {
    return `${(0,oci_digest/* digestAlgorithm */.g4)(digest).slice(0, 32)}-${(0,oci_digest/* digestHex */.sU)(digest).slice(0, 64)}`.replace(/[^a-zA-Z0-9_.-]/g, '-');
}
function path(repo, tail) {
    return `/v2/${repo.repository}/${tail}`;
}
function mediaTypeOf(res) {
    return res.header('content-type')?.split(';')[0]?.trim();
}
async function readCapped(body, cap, what) {
    const held = body.inMemory;
    if (held !== undefined) {
        if (held.length > cap)
            throw new errors/* SizeError */.KF(`${what}: larger than the ${cap}-byte limit`);
        return held;
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > cap) {
            body.destroy();
            throw new errors/* SizeError */.KF(`${what}: larger than the ${cap}-byte limit`);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
class RegistryClient {
    transport;
    #auth;
    #maxManifest;
    /** Hosts known to lack the referrers API (answered 404/400/405/406): go straight to the fallback tag. */
    #noReferrersApi = new Set();
    /**
     * The first referrers listing per host: later ones wait for it, so concurrent listings do not
     * each probe an API the host lacks (one probe per host and run).
     */
    #firstReferrers = new Map();
    /** Aborts every request of this client (a view made by `withSignal`). */
    #signal;
    constructor(options) {
        this.transport = options.transport;
        this.#auth = options.authorizer ?? anonymous;
        this.#maxManifest = options.maxManifestSize ?? DEFAULT_MAX_MANIFEST;
    }
    /**
     * A view of this client whose requests are all aborted when `signal` fires (a job's deadline).
     * It shares the transport, the authorizer and what the client learnt about registries.
     */
    withSignal(signal) {
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
    async #send(registry, req, scopes) {
        // One async frame per request (no wrapper around a second one): errors name `op` when given.
        try {
            const signal = this.#signal;
            signal?.throwIfAborted();
            const host = (0,oci_reference/* apiHost */.nz)(registry);
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
            for (let attempt = 0;; attempt++) {
                const headers = { ...req.headers };
                if (auth !== undefined)
                    headers.authorization = auth;
                const res = await this.transport.request(signal ? { ...req, url, headers, signal } : { ...req, url, headers });
                const www = res.header('www-authenticate');
                const challenged = res.status === 401 || (res.status === 403 && www?.includes('insufficient_scope') === true);
                if (!challenged || attempt >= 2 || req.body instanceof external_node_stream_.Readable)
                    return res;
                const text = await res.body.text();
                if (!(await this.#auth.challenge(host, www, scopes, auth))) {
                    return { ...res, body: (0,transport/* memoryBody */.GX)(Buffer.from(text)) };
                }
                auth = await this.#auth.authorization(host, scopes);
            }
        }
        catch (err) {
            if (req.op === undefined)
                throw err;
            throw (0,errors/* withOperation */.oi)(req.op, err, retry/* isRetryableNetworkError */.Hr);
        }
    }
    /** Run a verb so that whatever it throws names `operation` (see `withOperation`). */
    async #named(operation, fn) {
        try {
            return await fn();
        }
        catch (err) {
            throw (0,errors/* withOperation */.oi)(operation, err, retry/* isRetryableNetworkError */.Hr);
        }
    }
    /** Throw a RegistryError (NotFoundError for 404) from a response. */
    async #fail(operation, method, res) {
        let text = '';
        try {
            text = method === 'HEAD' ? '' : await res.body.text();
        }
        catch {
            // body unreadable: report the status alone
        }
        const init = {
            operation,
            method,
            url: (0,transport/* safeUrl */.Pl)(res.url),
            status: res.status,
            errors: (0,errors/* parseErrorBody */.kW)(text),
        };
        if (res.status === 404)
            throw new errors/* NotFoundError */.m_(init);
        throw new errors/* RegistryError */.gl(init);
    }
    /** `GET /v2/`: reachability and auth check. */
    async ping(registry) {
        const res = await this.#send(registry, { method: 'GET', path: '/v2/', op: `ping ${registry}` }, []);
        if (res.status !== 200)
            await this.#fail(`ping ${registry}`, 'GET', res);
        await res.body.dump();
    }
    /**
     * GET a manifest by tag or digest, with the full Accept list and a size cap. The digest is
     * computed and checked against the requested digest and `Docker-Content-Digest`.
     */
    async getManifest(ref) {
        const reference = ref.digest ?? ref.tag;
        if (reference === undefined)
            throw new errors/* OciError */.Mf(`get manifest ${(0,oci_reference/* formatReference */.FH)(ref)}: no tag or digest`);
        const op = `get manifest ${(0,oci_reference/* formatReference */.FH)(ref)}`;
        return this.#named(op, async () => {
            try {
                return await this.#getManifestOnce(ref, reference, op);
            }
            catch (err) {
                // A flaky hop and a lying registry look alike once: fetch again, and fail closed if the
                // second answer does not match either.
                if (!(err instanceof errors/* DigestMismatchError */.h))
                    throw err;
                return this.#getManifestOnce(ref, reference, op);
            }
        });
    }
    async #getManifestOnce(ref, reference, op) {
        const res = await this.#send(ref.registry, {
            method: 'GET',
            path: path(ref, `manifests/${reference}`),
            headers: { accept: mediatypes/* MANIFEST_ACCEPT */.dY },
            buffer: this.#maxManifest,
        }, [repositoryScope(ref.repository, 'pull')]);
        if (res.status !== 200)
            return this.#fail(op, 'GET', res);
        const bytes = await readCapped(res.body, this.#maxManifest, op);
        const header = res.header('docker-content-digest');
        const algorithm = ref.digest ? (0,oci_digest/* digestAlgorithm */.g4)(ref.digest) : header ? (0,oci_digest/* digestAlgorithm */.g4)(header) : 'sha256';
        const digest = `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
        if (ref.digest !== undefined && digest !== ref.digest)
            throw new errors/* DigestMismatchError */.h(op, ref.digest, digest);
        if (header !== undefined && header !== digest)
            throw new errors/* DigestMismatchError */.h(`${op} (Docker-Content-Digest)`, header, digest);
        let mediaType = mediaTypeOf(res);
        const parsed = (0,oci_manifest/* parseManifest */.Ng)(bytes, mediaType);
        mediaType = parsed.mediaType;
        return { bytes, mediaType, digest };
    }
    /** HEAD a manifest; undefined when it does not exist. Falls back to GET when no digest header is sent. */
    async headManifest(ref) {
        const reference = ref.digest ?? ref.tag;
        if (reference === undefined)
            throw new errors/* OciError */.Mf(`head manifest ${(0,oci_reference/* formatReference */.FH)(ref)}: no tag or digest`);
        const op = `head manifest ${(0,oci_reference/* formatReference */.FH)(ref)}`;
        const res = await this.#send(ref.registry, {
            method: 'HEAD',
            path: path(ref, `manifests/${reference}`),
            headers: { accept: mediatypes/* MANIFEST_ACCEPT */.dY },
            op,
        }, [repositoryScope(ref.repository, 'pull')]);
        await res.body.dump();
        if (res.status === 404)
            return undefined;
        if (res.status !== 200)
            return this.#fail(op, 'HEAD', res);
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
    async putManifest(ref, bytes, mediaType) {
        const reference = ref.tag ?? ref.digest;
        if (reference === undefined)
            throw new errors/* OciError */.Mf(`put manifest ${(0,oci_reference/* formatReference */.FH)(ref)}: no tag or digest`);
        if (bytes.length > this.#maxManifest) {
            throw new errors/* SizeError */.KF(`put manifest ${(0,oci_reference/* formatReference */.FH)(ref)}: ${bytes.length} bytes exceed the ${this.#maxManifest}-byte limit`);
        }
        const op = `put manifest ${(0,oci_reference/* formatReference */.FH)(ref)}`;
        const digest = ref.digest && !ref.tag
            ? `${(0,oci_digest/* digestAlgorithm */.g4)(ref.digest)}:${(0,external_node_crypto_.createHash)((0,oci_digest/* digestAlgorithm */.g4)(ref.digest)).update(bytes).digest('hex')}`
            : (0,oci_digest/* sha256 */.sc)(bytes);
        if (ref.digest !== undefined && !ref.tag && digest !== ref.digest)
            throw new errors/* DigestMismatchError */.h(op, ref.digest, digest);
        const res = await this.#send(ref.registry, {
            method: 'PUT',
            path: path(ref, `manifests/${reference}`),
            op,
            headers: { 'content-type': mediaType },
            body: bytes,
        }, [repositoryScope(ref.repository, 'pull', 'push')]);
        if (res.status !== 201 && res.status !== 200)
            return this.#fail(op, 'PUT', res);
        await res.body.dump();
        const returned = res.header('docker-content-digest');
        if (returned !== undefined &&
            (0,oci_digest/* digestAlgorithm */.g4)(returned) === (0,oci_digest/* digestAlgorithm */.g4)(digest) &&
            returned !== digest) {
            throw new errors/* StoredDigestMismatchError */.Un(`${op} (registry stored different bytes)`, digest, returned);
        }
        const subject = res.header('oci-subject');
        return subject !== undefined ? { digest, subject } : { digest };
    }
    /** Delete a manifest by digest (registries refuse deleting by tag). */
    async deleteManifest(ref) {
        const op = `delete manifest ${(0,oci_reference/* formatReference */.FH)(ref)}`;
        const res = await this.#send(ref.registry, { method: 'DELETE', path: path(ref, `manifests/${ref.digest}`), op }, [repositoryScope(ref.repository, 'delete')]);
        if (res.status !== 202 && res.status !== 200)
            return this.#fail(op, 'DELETE', res);
        await res.body.dump();
    }
    /** HEAD a blob: its size, or undefined when the repository does not have it. */
    async headBlob(repo, digest) {
        const res = await this.#send(repo.registry, {
            method: 'HEAD',
            path: path(repo, `blobs/${digest}`),
            op: `head blob ${(0,oci_reference/* formatRepository */.Sh)(repo)}@${digest}`,
        }, [repositoryScope(repo.repository, 'pull')]);
        await res.body.dump();
        if (res.status === 404)
            return undefined;
        if (res.status !== 200)
            return this.#fail(`head blob ${(0,oci_reference/* formatRepository */.Sh)(repo)}@${digest}`, 'HEAD', res);
        const size = Number(res.header('content-length'));
        return Number.isFinite(size) ? size : 0;
    }
    /**
     * GET a blob as a stream that is hashed on the fly: the stream fails with `DigestMismatchError`
     * (before releasing its last chunk) when the content does not match. Redirects to other origins
     * (object storage) are followed without the Authorization header.
     */
    async getBlob(repo, desc) {
        const what = `get blob ${(0,oci_reference/* formatRepository */.Sh)(repo)}@${desc.digest}`;
        const res = await this.#send(repo.registry, { method: 'GET', path: path(repo, `blobs/${desc.digest}`), op: what }, [repositoryScope(repo.repository, 'pull')]);
        if (res.status !== 200)
            return this.#fail(what, 'GET', res);
        const verifier = new oci_digest/* DigestVerifier */.Do(desc.digest, what, desc.size);
        // A cut or stalled body is this read's failure, named as such (not the upload's it feeds).
        res.body.on('error', (err) => verifier.destroy((0,errors/* withOperation */.oi)(what, err, retry/* isRetryableNetworkError */.Hr)));
        // pipe() does not propagate destruction upstream: a consumer that gives up (failed upload,
        // size overrun) must release the response too, or its connection stays busy until bodyTimeout.
        verifier.once('close', () => {
            if (!res.body.destroyed)
                res.body.destroy();
        });
        return res.body.pipe(verifier);
    }
    /**
     * Try a cross-repository mount of `digest` from `from` (same registry). 201 means mounted;
     * 202 means the registry opened a normal upload session instead, returned for reuse.
     */
    async mountBlob(repo, digest, from) {
        const op = `mount blob ${digest} from ${repo.registry}/${from} into ${(0,oci_reference/* formatRepository */.Sh)(repo)}`;
        const query = new URLSearchParams({ mount: digest, from }).toString();
        const res = await this.#send(repo.registry, { method: 'POST', path: path(repo, `blobs/uploads/?${query}`), headers: { 'content-length': '0' }, op }, [repositoryScope(repo.repository, 'pull', 'push'), repositoryScope(from, 'pull')]);
        await res.body.dump();
        if (res.status === 201)
            return { mounted: true };
        if (res.status === 202)
            return { mounted: false, location: this.#location(res, op) };
        return this.#fail(op, 'POST', res);
    }
    #location(res, op) {
        const location = res.header('location');
        if (!location)
            throw new errors/* OciError */.Mf(`${op}: the registry answered without a Location header`);
        return new URL(location, res.url).toString();
    }
    /** Open an upload session; returns its absolute URL. */
    async startUpload(repo) {
        const op = `start upload to ${(0,oci_reference/* formatRepository */.Sh)(repo)}`;
        const res = await this.#send(repo.registry, { method: 'POST', path: path(repo, 'blobs/uploads/'), headers: { 'content-length': '0' }, op }, [repositoryScope(repo.repository, 'pull', 'push')]);
        await res.body.dump();
        if (res.status !== 202)
            return this.#fail(op, 'POST', res);
        return this.#location(res, op);
    }
    /** Best-effort cancel of an upload session (so a failed copy leaves nothing half-done). */
    async cancelUpload(repo, location) {
        try {
            const res = await this.#send(repo.registry, { method: 'DELETE', path: location }, [
                repositoryScope(repo.repository, 'pull', 'push'),
            ]);
            await res.body.dump();
        }
        catch {
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
    async uploadBlob(repo, desc, open, options = {}) {
        const policy = this.transport.retryPolicy;
        const start = policy.now();
        const chunkSize = options.chunkSize ?? this.transport.settings((0,oci_reference/* apiHost */.nz)(repo.registry)).maxChunkSize ?? 0;
        let location = options.location;
        let mismatches = 0;
        for (let attempt = 1;; attempt++) {
            location ??= await this.startUpload(repo);
            let source;
            try {
                source = await open();
                if (chunkSize > 0)
                    await this.#uploadChunked(repo, desc, source, location, chunkSize);
                else
                    await this.#uploadMonolithic(repo, desc, source, location);
                return;
            }
            catch (err) {
                // When the source stream failed, that is the cause (the upload only saw its body end).
                // (Only the reader's own errors: iterating a stream that we stop leaves an AbortError.)
                const failed = source?.errored instanceof errors/* OciError */.Mf ? source.errored : undefined;
                source?.destroy();
                await this.cancelUpload(repo, location);
                location = undefined;
                const cause = unwrapMismatch(err) ?? failed ?? err;
                // Altered bytes on the way from the source are read again once (a flaky hop); a second
                // mismatch fails closed (a lying registry). Nothing was committed either time.
                const mismatch = cause instanceof errors/* DigestMismatchError */.h;
                if (mismatch)
                    mismatches++;
                const retryable = mismatch
                    ? mismatches <= 1
                    : (0,retry/* isRetryableNetworkError */.Hr)(cause) ||
                        (cause instanceof errors/* RegistryError */.gl && (0,retry/* isRetryableStatus */.PS)(cause.status));
                if (!retryable || attempt >= policy.attempts || policy.now() - start > policy.budgetMs)
                    throw cause;
                const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
                policy.onRetry?.({
                    attempt,
                    attempts: policy.attempts,
                    delayMs: delay,
                    reason: `upload ${desc.digest} to ${(0,oci_reference/* formatRepository */.Sh)(repo)}: ${cause.message}`,
                });
                await policy.sleep(delay);
            }
        }
    }
    async #uploadMonolithic(repo, desc, source, location) {
        const op = `upload blob ${desc.digest} to ${(0,oci_reference/* formatRepository */.Sh)(repo)}`;
        const url = new URL(location);
        url.searchParams.set('digest', desc.digest);
        let res;
        try {
            res = await this.#send(repo.registry, {
                method: 'PUT',
                op,
                path: url.toString(),
                headers: { 'content-type': OCTET, 'content-length': String(desc.size) },
                body: source,
            }, [repositoryScope(repo.repository, 'pull', 'push')]);
        }
        catch (err) {
            throw unwrapMismatch(err) ?? err;
        }
        if (source.errored)
            throw unwrapMismatch(source.errored) ?? source.errored;
        if (res.status !== 201 && res.status !== 204)
            return this.#fail(op, 'PUT', res);
        await res.body.dump();
    }
    async #uploadChunked(repo, desc, source, location, chunkSize) {
        const op = `upload blob ${desc.digest} to ${(0,oci_reference/* formatRepository */.Sh)(repo)}`;
        let offset = 0;
        let pending = [];
        let pendingSize = 0;
        let current = location;
        const scopes = [repositoryScope(repo.repository, 'pull', 'push')];
        const patch = async (chunk) => {
            const res = await this.#send(repo.registry, {
                method: 'PATCH',
                op,
                path: current,
                headers: {
                    'content-type': OCTET,
                    'content-length': String(chunk.length),
                    'content-range': `${offset}-${offset + chunk.length - 1}`,
                },
                body: chunk,
            }, scopes);
            if (res.status !== 202)
                return this.#fail(op, 'PATCH', res);
            await res.body.dump();
            current = this.#location(res, op);
            offset += chunk.length;
        };
        for await (const piece of source) {
            pending.push(piece);
            pendingSize += piece.length;
            while (pendingSize >= chunkSize) {
                const all = Buffer.concat(pending);
                await patch(all.subarray(0, chunkSize));
                pending = [all.subarray(chunkSize)];
                pendingSize = all.length - chunkSize;
            }
        }
        if (pendingSize > 0)
            await patch(Buffer.concat(pending));
        const url = new URL(current);
        url.searchParams.set('digest', desc.digest);
        const res = await this.#send(repo.registry, {
            method: 'PUT',
            op,
            path: url.toString(),
            headers: { 'content-type': OCTET, 'content-length': '0' },
            body: Buffer.alloc(0),
        }, scopes);
        if (res.status === 404) {
            // The transport replays this PUT when its answer is lost; if the first one committed, the
            // session is gone (BLOB_UPLOAD_UNKNOWN) but the blob is there, verified by the registry.
            const text = await res.body.text().catch(() => '');
            if ((await this.headBlob(repo, desc.digest)) !== undefined)
                return;
            return this.#fail(op, 'PUT', { ...res, body: (0,transport/* memoryBody */.GX)(Buffer.from(text)) });
        }
        if (res.status !== 201 && res.status !== 204)
            return this.#fail(op, 'PUT', res);
        await res.body.dump();
    }
    /** Upload small bytes (config blobs, empty descriptors) in one PUT. */
    async pushBlob(repo, bytes, digest = (0,oci_digest/* sha256 */.sc)(bytes)) {
        await this.uploadBlob(repo, { digest, size: bytes.length }, () => external_node_stream_.Readable.from([bytes]));
        return digest;
    }
    /** Every tag of a repository, following `Link` pagination; tolerant of `"tags": null` and no `Link`. */
    async listTags(repo, pageSize = 1000) {
        const op = `list tags of ${(0,oci_reference/* formatRepository */.Sh)(repo)}`;
        return this.#named(op, () => this.#listTags(repo, pageSize, op));
    }
    /**
     * Whether a repository holds any tag: one page of at most one tag (a registry that ignores `n`
     * answers one page of its own size). False when the repository does not exist.
     */
    async hasTags(repo) {
        const op = `list tags of ${(0,oci_reference/* formatRepository */.Sh)(repo)}`;
        try {
            return (await this.#named(op, () => this.#listTags(repo, 1, op, 1))).length > 0;
        }
        catch (err) {
            if (err instanceof errors/* NotFoundError */.m_)
                return false;
            throw err;
        }
    }
    async #listTags(repo, pageSize, op, maxPages = 10_000) {
        const tags = new Set();
        let next = path(repo, `tags/list?n=${pageSize}`);
        for (let page = 0; next !== undefined && page < maxPages; page++) {
            const res = await this.#send(repo.registry, { method: 'GET', path: next, headers: { accept: 'application/json' }, buffer: MAX_TAG_LIST, op }, [repositoryScope(repo.repository, 'pull')]);
            if (res.status !== 200)
                return this.#fail(op, 'GET', res);
            const text = await res.body.text();
            let body;
            try {
                body = JSON.parse(text);
            }
            catch (cause) {
                throw new errors/* OciError */.Mf(`${op}: the registry answered with a tag list that is not JSON: ${(0,errors/* excerpt */.Kb)(text)}`, {
                    cause,
                });
            }
            if (typeof body !== 'object' || body === null)
                throw new errors/* OciError */.Mf(`${op}: the registry answered with a tag list that is not an object: ${(0,errors/* excerpt */.Kb)(text)}`);
            const before = tags.size;
            if (Array.isArray(body.tags))
                for (const t of body.tags)
                    if (typeof t === 'string')
                        tags.add(t);
            const link = nextLink(res.header('link'));
            next = link !== undefined && tags.size > before ? new URL(link, res.url).toString() : undefined;
        }
        return [...tags];
    }
    /**
     * Referrers of a manifest: the OCI 1.1 API (filtered by artifactType client-side when the
     * registry did not apply the filter, following pagination), else the `sha256-<hex>` fallback tag.
     */
    async getReferrers(repo, digest, options = {}) {
        const op = `list referrers of ${(0,oci_reference/* formatRepository */.Sh)(repo)}@${digest}`;
        const first = this.#firstReferrers.get(repo.registry);
        if (first)
            await first.catch(() => undefined);
        const listing = this.#named(op, () => this.#getReferrers(repo, digest, options, op));
        if (!first)
            this.#firstReferrers.set(repo.registry, listing);
        return listing;
    }
    async #getReferrers(repo, digest, options, op) {
        if (this.#noReferrersApi.has(repo.registry)) {
            return { ...(await this.#referrersFromTag(repo, digest, options.artifactType)), via: 'tag' };
        }
        const query = options.artifactType
            ? `?${new URLSearchParams({ artifactType: options.artifactType })}`
            : '';
        let next = path(repo, `referrers/${digest}${query}`);
        const descriptors = [];
        let filtered = true;
        for (let page = 0; next !== undefined && page < 1000; page++) {
            const res = await this.#send(repo.registry, { method: 'GET', path: next, headers: { accept: mediatypes/* OCI_INDEX */.$p }, buffer: this.#maxManifest }, [repositoryScope(repo.repository, 'pull')]);
            const isIndex = mediaTypeOf(res) === mediatypes/* OCI_INDEX */.$p;
            if (page === 0 && (res.status !== 200 || !isIndex)) {
                if (res.status !== 200 && ![400, 404, 405, 406].includes(res.status))
                    return this.#fail(op, 'GET', res);
                // A registry with the API must not answer 404 (distribution-spec): remember it lacks one.
                if (res.status === 404 || res.status === 405)
                    this.#noReferrersApi.add(repo.registry);
                await res.body.dump();
                return { ...(await this.#referrersFromTag(repo, digest, options.artifactType)), via: 'tag' };
            }
            if (res.status !== 200)
                return this.#fail(op, 'GET', res);
            const parsed = (0,oci_manifest/* parseManifest */.Ng)(await readCapped(res.body, this.#maxManifest, op), mediatypes/* OCI_INDEX */.$p);
            if (parsed.kind !== 'index')
                throw new errors/* OciError */.Mf(`${op}: the registry answered with something other than an index`);
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
        const list = options.artifactType && !filtered
            ? descriptors.filter((d) => d.artifactType === options.artifactType)
            : descriptors;
        return { descriptors: list, via: 'api' };
    }
    async #referrersFromTag(repo, digest, artifactType) {
        let manifest;
        try {
            manifest = await this.getManifest({ ...repo, tag: referrersTag(digest) });
        }
        catch (err) {
            if (err instanceof errors/* NotFoundError */.m_)
                return { descriptors: [] };
            throw err;
        }
        const parsed = (0,oci_manifest/* parseManifest */.Ng)(manifest.bytes, manifest.mediaType);
        // Spec: when the tag does not hold an index, assume there are no referrers.
        if (parsed.kind !== 'index')
            return { descriptors: [] };
        const descriptors = parsed.index.manifests.filter((d) => artifactType === undefined || d.artifactType === artifactType);
        return parsed.index.annotations
            ? { descriptors, annotations: parsed.index.annotations }
            : { descriptors };
    }
}
/** The `rel="next"` target of a Link header. */
function nextLink(header) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (m && /;\s*rel="?next"?/i.test(m[2] ?? ''))
            return m[1];
    }
    return undefined;
}
function unwrapMismatch(err) {
    let e = err;
    for (let depth = 0; depth < 5 && e; depth++) {
        if (e instanceof errors/* DigestMismatchError */.h)
            return e;
        e = e.cause;
    }
    return undefined;
}


/***/ }),

/***/ 68825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ DigestVerifier),
/* harmony export */   _j: () => (/* binding */ matchesDigest),
/* harmony export */   g4: () => (/* binding */ digestAlgorithm),
/* harmony export */   sU: () => (/* binding */ digestHex),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28630);
/** Digests: computing them, and a stream stage that verifies content against its digest. */



/** `sha256:<hex>` of some bytes. */
function sha256(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** The algorithm part of a digest (`sha256`). */
function digestAlgorithm(digest) {
    return digest.slice(0, digest.indexOf(':'));
}
/** The hex part of a digest. */
function digestHex(digest) {
    return digest.slice(digest.indexOf(':') + 1);
}
/** Hash `bytes` with the algorithm of `digest` and compare. */
function matchesDigest(bytes, digest) {
    return (`${digestAlgorithm(digest)}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(digestAlgorithm(digest)).update(bytes).digest('hex')}` === digest);
}
/**
 * A pass-through stream that hashes what flows through it and fails with `DigestMismatchError`
 * when the content does not match `expected` (or its size differs from `expectedSize`).
 *
 * It holds back the most recent chunk until the end of input is verified, so a consumer that
 * uploads what it reads never receives the complete content of a corrupt blob: an upload fed
 * from this stream cannot be committed with bad bytes.
 */
class DigestVerifier extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    #hash;
    #expected;
    #expectedSize;
    #what;
    #held;
    #size = 0;
    constructor(expected, what, expectedSize) {
        super();
        this.#expected = expected;
        this.#expectedSize = expectedSize;
        this.#what = what;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(digestAlgorithm(expected));
    }
    /** Bytes seen so far. */
    get size() {
        return this.#size;
    }
    _transform(chunk, _enc, callback) {
        this.#hash.update(chunk);
        this.#size += chunk.length;
        if (this.#expectedSize !== undefined && this.#size > this.#expectedSize) {
            callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DigestMismatchError */ .h(this.#what, this.#expected, `more than ${this.#expectedSize} bytes`));
            return;
        }
        const previous = this.#held;
        this.#held = chunk;
        callback(null, previous);
    }
    _flush(callback) {
        const actual = `${digestAlgorithm(this.#expected)}:${this.#hash.digest('hex')}`;
        if (actual !== this.#expected) {
            callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DigestMismatchError */ .h(this.#what, this.#expected, actual));
            return;
        }
        if (this.#expectedSize !== undefined && this.#size !== this.#expectedSize) {
            callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DigestMismatchError */ .h(this.#what, this.#expected, `${this.#size} bytes instead of ${this.#expectedSize}`));
            return;
        }
        callback(null, this.#held);
    }
}


/***/ }),

/***/ 32060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   q2: () => (/* binding */ manifestBlobs),
/* harmony export */   xV: () => (/* binding */ filterIndexPlatforms)
/* harmony export */ });
/* unused harmony exports ManifestError, artifactTypeOf, subjectOf, annotationsOf, platformString, platformMatches */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28630);
/* harmony import */ var _mediatypes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79572);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62148);
/** Manifest, index and descriptor types, and parsing raw manifest bytes into them. No I/O. */




/** A manifest that cannot be understood. */
class ManifestError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf {
}
function checkDescriptor(d, where) {
    if (typeof d !== 'object' || d === null)
        throw new ManifestError(`${where}: descriptor is not an object`);
    const desc = d;
    if (typeof desc.mediaType !== 'string')
        throw new ManifestError(`${where}: descriptor has no mediaType`);
    if (typeof desc.digest !== 'string' || !(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidDigest */ .fH)(desc.digest)) {
        throw new ManifestError(`${where}: descriptor has an invalid digest`);
    }
    if (typeof desc.size !== 'number' || !Number.isSafeInteger(desc.size) || desc.size < 0) {
        throw new ManifestError(`${where}: descriptor has an invalid size`);
    }
    return desc;
}
/**
 * Parse manifest bytes. The media type comes from the JSON's `mediaType` when present, else the
 * Content-Type the registry sent (`fallbackMediaType`); OCI manifests may omit `mediaType`.
 */
function parseManifest(bytes, fallbackMediaType) {
    let json;
    try {
        json = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (cause) {
        throw new ManifestError('manifest is not valid JSON', { cause });
    }
    if (typeof json !== 'object' || json === null)
        throw new ManifestError('manifest is not a JSON object');
    if (json.schemaVersion !== 2) {
        throw new ManifestError(`unsupported manifest schemaVersion ${String(json.schemaVersion)} (only 2 can be copied)`);
    }
    let mediaType = typeof json.mediaType === 'string' ? json.mediaType : fallbackMediaType;
    if (mediaType === undefined || (!(0,_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(mediaType) && !(0,_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(mediaType))) {
        // Infer from shape when neither source tells us (an OCI manifest may omit mediaType).
        if (Array.isArray(json.manifests))
            mediaType = _mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p;
        else if (Array.isArray(json.layers) || typeof json.config === 'object')
            mediaType = _mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG;
        else
            throw new ManifestError(`unknown manifest media type ${String(mediaType)}`);
    }
    if ((0,_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(mediaType)) {
        if (!Array.isArray(json.manifests))
            throw new ManifestError('index has no manifests array');
        json.manifests.forEach((d, i) => {
            checkDescriptor(d, `manifests[${i}]`);
        });
        if (json.subject !== undefined)
            checkDescriptor(json.subject, 'subject');
        return { kind: 'index', mediaType, index: json };
    }
    checkDescriptor(json.config, 'config');
    const layers = json.layers ?? [];
    if (!Array.isArray(layers))
        throw new ManifestError('manifest layers is not an array');
    layers.forEach((d, i) => {
        checkDescriptor(d, `layers[${i}]`);
    });
    if (json.subject !== undefined)
        checkDescriptor(json.subject, 'subject');
    return { kind: 'manifest', mediaType, manifest: { ...json, layers } };
}
/** Blobs a manifest references (config first, then layers), skipping foreign (non-distributable) layers with URLs. */
function manifestBlobs(manifest) {
    return [
        manifest.config,
        ...manifest.layers.filter((l) => !(l.urls && l.urls.length > 0 && isForeign(l.mediaType))),
    ];
}
function isForeign(mediaType) {
    return mediaType.includes('foreign') || mediaType.includes('nondistributable');
}
/** `artifactType` of a manifest for referrers listings: artifactType, else config.mediaType. */
function artifactTypeOf(parsed) {
    if (parsed.kind === 'index')
        return parsed.index.artifactType;
    return parsed.manifest.artifactType ?? parsed.manifest.config.mediaType;
}
/** `subject` of a manifest or index, if any. */
function subjectOf(parsed) {
    return parsed.kind === 'index' ? parsed.index.subject : parsed.manifest.subject;
}
/** `annotations` of a manifest or index, if any. */
function annotationsOf(parsed) {
    return parsed.kind === 'index' ? parsed.index.annotations : parsed.manifest.annotations;
}
/** `os/architecture[/variant]` of a descriptor's platform. */
function platformString(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
/** True when `platform` is one of `wanted` (`os/arch` matches every variant, `os/arch/variant` one). */
function platformMatches(platform, wanted) {
    if (!platform)
        return false;
    return wanted.some((w) => {
        const [os, arch, variant] = w.split('/');
        return (platform.os === os &&
            platform.architecture === arch &&
            (variant === undefined || platform.variant === variant));
    });
}
const REFERENCE_TYPE = 'vnd.docker.reference.type';
const REFERENCE_DIGEST = 'vnd.docker.reference.digest';
/** A BuildKit attestation manifest (SBOM/provenance of the platform manifest it names). */
function isAttestationManifest(d) {
    return d.annotations?.[REFERENCE_TYPE] === 'attestation-manifest';
}
/**
 * An index reduced to the children whose platform is wanted, as new bytes (the original's key
 * order, compact JSON: the same source always gives the same bytes and digest), keeping the
 * BuildKit attestation manifests of the kept platforms. A child that is itself an index is read
 * with `fetchIndex` and filtered the same way (kept unchanged, rewritten, or dropped when nothing
 * in it matches). The source's bytes are kept when every child is kept, at every depth.
 * Undefined when no child matches. A copy made from it is no longer bit-for-bit: callers report it as rewritten.
 */
async function filterIndexPlatforms(raw, wanted, fetchIndex, depth = 0) {
    if (depth > 8)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf(`index ${raw.digest}: nested more than 8 indexes deep`);
    const json = JSON.parse(raw.bytes.toString('utf8'));
    const all = json.manifests ?? [];
    const rewritten = [];
    /** Source child digest → the descriptor the filtered index lists for it. */
    const kept = new Map();
    for (const d of all) {
        if (isAttestationManifest(d))
            continue;
        if ((0,_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(d.mediaType)) {
            const inner = await filterIndexPlatforms(await fetchIndex(d.digest), wanted, fetchIndex, depth + 1);
            if (!inner)
                continue;
            rewritten.push(...inner.rewritten);
            if (inner.manifest.digest === d.digest)
                kept.set(d.digest, d);
            else {
                rewritten.push(inner.manifest);
                kept.set(d.digest, { ...d, digest: inner.manifest.digest, size: inner.manifest.bytes.length });
            }
        }
        else if (platformMatches(d.platform, wanted))
            kept.set(d.digest, d);
    }
    if (kept.size === 0)
        return undefined;
    // BuildKit attestation manifests (`unknown/unknown`) travel with the platform they describe.
    const manifests = all
        .filter((d) => (!isAttestationManifest(d) && kept.has(d.digest)) ||
        (isAttestationManifest(d) && kept.has(d.annotations?.[REFERENCE_DIGEST] ?? '')))
        .map((d) => (isAttestationManifest(d) ? d : (kept.get(d.digest) ?? d)));
    // A filter that keeps everything changes nothing: the index is copied as it is.
    if (manifests.length === all.length && manifests.every((d, i) => d === all[i]))
        return { manifest: raw, rewritten: [] };
    const bytes = Buffer.from(JSON.stringify({ ...json, manifests }));
    return {
        manifest: {
            bytes,
            mediaType: raw.mediaType,
            digest: `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`,
        },
        rewritten,
    };
}


/***/ }),

/***/ 79572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   CM: () => (/* binding */ isManifestMediaType),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT)
/* harmony export */ });
/* unused harmony exports OCI_CONFIG, OCI_LAYER, OCI_EMPTY, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_CONFIG, DOCKER_LAYER, DOCKER_MANIFEST_V1_SIGNED, MANIFEST_MEDIA_TYPES */
/** Media types from the OCI image spec and Docker's registry formats. */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** Schema 1 is deprecated and cannot be copied bit-for-bit reliably; it is only recognised to refuse it. */
const DOCKER_MANIFEST_V1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
/** Every manifest media type we can copy, sent as the Accept header on every manifest request. */
const MANIFEST_MEDIA_TYPES = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST];
const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
/** True for the media types of an index (a list of manifests). */
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
/** True for the media types of an image manifest. */
function isManifestMediaType(mediaType) {
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}


/***/ }),

/***/ 49963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   Hr: () => (/* binding */ isRetryableNetworkError),
/* harmony export */   Jb: () => (/* binding */ retryPolicy),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony export DEFAULT_RETRY_POLICY */
/**
 * Retry policy for registry requests: which failures are worth another attempt and how long to wait.
 * Clock, sleep and randomness are injectable so tests run without real waiting.
 */
const DEFAULT_RETRY_POLICY = {
    attempts: 4,
    baseDelayMs: 250,
    maxDelayMs: 30_000,
    budgetMs: 120_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    random: Math.random,
};
/** Merge partial options over the defaults. */
function retryPolicy(options) {
    const policy = { ...DEFAULT_RETRY_POLICY };
    for (const [key, value] of Object.entries(options ?? {})) {
        if (value !== undefined)
            policy[key] = value;
    }
    return policy;
}
/** 429, 408 and server errors except "not implemented"-style answers. */
function isRetryableStatus(status) {
    return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
/** True for transient network failures (resets, timeouts, refused connections). */
function isRetryableNetworkError(err) {
    let e = err;
    for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
        const code = e.code;
        if (typeof code === 'string' && RETRYABLE_CODES.has(code))
            return true;
        e = e.cause;
    }
    return false;
}
/** Parse `Retry-After` (seconds or an HTTP date) into milliseconds from `now`. */
function parseRetryAfter(value, now) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const date = Date.parse(v);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** Delay before attempt `attempt + 1`: `Retry-After` when given, else exponential backoff with full jitter. */
function backoffDelay(policy, attempt, retryAfterMs) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, policy.maxDelayMs);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}


/***/ }),

/***/ 14674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  GX: () => (/* binding */ memoryBody),
  Pl: () => (/* binding */ safeUrl)
});

// UNUSED EXPORTS: isLoopbackHost

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
;// CONCATENATED MODULE: ./src/oci/limiter.ts
/**
 * Politeness per registry host: a token bucket (`rateLimit: {requestsPerSecond, burst}`), a cap on
 * requests awaiting an answer at once (`maxConcurrency`), a host-wide pause when the registry
 * answers 429 with `Retry-After` (every request to that host waits, not only the one refused), and
 * what the registry says of its own limit (Docker Hub's `ratelimit-limit` / `ratelimit-remaining`,
 * e.g. `100;w=21600`). The transport acquires a slot before each request and reports each answer.
 *
 * Pull limits (Docker Hub): a GET of a manifest is a pull, a HEAD is not. Once a host has said its
 * limit, a pull is not sent when what is left (less the pulls awaiting an answer) is down to a small
 * reserve: the transport throws `PullLimitError` instead, and the tag is reported `deferred` with
 * the time the registry's window will have passed, rather than burnt into 429s.
 */

/** A GET of a manifest: what Docker Hub counts as a pull (HEADs and blob GETs do not count). */
function isPull(method, pathname) {
    return method === 'GET' && /\/manifests\/[^/]+$/.test(pathname);
}
/** Pulls kept back from a host's limit: 5 % of it, at least 1 (5 of Docker Hub's anonymous 100). */
function pullReserve(limit) {
    return Math.max(1, Math.ceil(limit * 0.05));
}
/** Read `100;w=21600` (Docker Hub) or a bare number. */
function parseRateLimitHeader(value) {
    if (value === undefined)
        return undefined;
    const m = /^\s*(\d+)\s*(?:;\s*w\s*=\s*(\d+))?/.exec(value);
    if (!m)
        return undefined;
    return m[2] !== undefined ? { n: Number(m[1]), window: Number(m[2]) } : { n: Number(m[1]) };
}
const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};
/** One host's limiter. */
class HostLimiter {
    #limits;
    #clock;
    #tokens;
    #refilledAt;
    #inFlight = 0;
    #waiting = [];
    #pausedUntil = 0;
    #state = { rateLimited: 0 };
    /** Serialises token taking so that waiters are served in order. */
    #queue = Promise.resolve();
    /** Requests in `#queue` or waiting for a slot. */
    #queued = 0;
    /** Pulls sent and not yet answered (not yet in the registry's `remaining`). */
    #pullsInFlight = 0;
    /** When deferred pulls may be tried again, fixed at the first deferral (ms since the epoch). */
    #retryAt;
    /** An answer was observed (so the registry had its chance to state a limit). */
    #answered = false;
    constructor(limits = {}, clock = realClock) {
        this.#limits = limits;
        this.#clock = clock;
        this.#tokens = this.#burst();
        this.#refilledAt = clock.now();
    }
    #burst() {
        const r = this.#limits.rateLimit;
        return r ? Math.max(1, r.burst ?? Math.ceil(r.requestsPerSecond)) : Number.POSITIVE_INFINITY;
    }
    /** Wait for the host's pause, a token and a slot; call the returned function when answered. */
    async acquire() {
        const max = this.#limits.maxConcurrency;
        // Nothing to wait for (no rate limit, no pause, nobody ahead, a free slot): no queue turn.
        const free = this.#queued === 0 &&
            this.#limits.rateLimit === undefined &&
            (this.#pausedUntil === 0 || this.#pausedUntil <= this.#clock.now()) &&
            (max === undefined || this.#inFlight < max);
        if (!free) {
            this.#queued++;
            try {
                const turn = this.#queue.then(() => this.#take());
                this.#queue = turn.catch(() => undefined);
                await turn;
                if (max !== undefined && this.#inFlight >= max)
                    await new Promise((resolve) => this.#waiting.push(resolve));
            }
            finally {
                this.#queued--;
            }
        }
        this.#inFlight++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.#inFlight--;
            this.#waiting.shift()?.();
        };
    }
    async #take() {
        for (;;) {
            const now = this.#clock.now();
            if (now < this.#pausedUntil) {
                await this.#clock.sleep(this.#pausedUntil - now);
                continue;
            }
            const r = this.#limits.rateLimit;
            if (!r)
                return;
            this.#tokens = Math.min(this.#burst(), this.#tokens + ((now - this.#refilledAt) / 1000) * r.requestsPerSecond);
            this.#refilledAt = now;
            if (this.#tokens >= 1) {
                this.#tokens -= 1;
                return;
            }
            await this.#clock.sleep(Math.ceil(((1 - this.#tokens) / r.requestsPerSecond) * 1000));
        }
    }
    /**
     * Learn from an answer: a 429 pauses the whole host for its `Retry-After` (`retryAfterMs`), and
     * the registry's rate-limit headers are remembered.
     */
    observe(status, header, retryAfterMs) {
        this.#answered = true;
        if (status === 429) {
            this.#state.rateLimited++;
            if (retryAfterMs !== undefined && retryAfterMs > 0)
                this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + retryAfterMs);
        }
        const limit = parseRateLimitHeader(header('ratelimit-limit'));
        const remaining = parseRateLimitHeader(header('ratelimit-remaining'));
        if (limit) {
            this.#state.limit = limit.n;
            if (limit.window !== undefined)
                this.#state.windowSeconds = limit.window;
        }
        if (remaining) {
            // While our own pulls are on their way, an answer may be older than the last one seen (answers
            // overtake each other): only a lower figure is news then. With none in flight, the registry's
            // word stands (its window slides: pulls come back).
            const known = this.#state.remaining;
            this.#state.remaining =
                known === undefined || this.#pullsInFlight === 0 ? remaining.n : Math.min(known, remaining.n);
        }
    }
    /**
     * The error to throw instead of sending a pull, when only the reserve is left of the host's
     * pull limit; undefined while pulls may go out (or the host never said its limit).
     */
    pullRefusal(host) {
        const { limit, remaining, windowSeconds } = this.#state;
        if (limit === undefined || remaining === undefined)
            return undefined;
        const left = Math.max(0, remaining - this.#pullsInFlight);
        if (left > pullReserve(limit))
            return undefined;
        if (this.#retryAt === undefined) {
            const now = this.#clock.now();
            // Docker Hub's window slides: after a whole window every pull counted so far has left it.
            this.#retryAt = Math.max(now + (windowSeconds ?? 0) * 1000, this.#pausedUntil);
            if (this.#retryAt <= now)
                this.#retryAt = undefined;
        }
        return new errors/* PullLimitError */.Lj(host, left, limit, this.#retryAt === undefined ? undefined : new Date(this.#retryAt));
    }
    /** A pull goes out (see `pullRefusal`): count it until `pullAnswered`. */
    pullStarted() {
        this.#pullsInFlight++;
    }
    /**
     * A pull was answered (`status`) or failed without an answer (undefined). An answer that did
     * not report `ratelimit-remaining` still used one pull when it succeeded.
     */
    pullAnswered(status, reported) {
        this.#pullsInFlight = Math.max(0, this.#pullsInFlight - 1);
        if (status !== undefined && status < 300 && !reported && this.#state.remaining !== undefined)
            this.#state.remaining = Math.max(0, this.#state.remaining - 1);
    }
    /**
     * Whether the host counts pulls (it stated a limit, `ratelimit-limit`): undefined until it has
     * answered once.
     */
    get countsPulls() {
        return this.#answered ? this.#state.limit !== undefined : undefined;
    }
    /** When deferred pulls may be tried again, once a pull was refused. */
    get retryAt() {
        return this.#retryAt === undefined ? undefined : new Date(this.#retryAt);
    }
    /** Until when (ms since the epoch) the host is paused by a 429; 0 when it is not. */
    get pausedUntil() {
        return this.#pausedUntil > this.#clock.now() ? this.#pausedUntil : 0;
    }
    /** A snapshot of what the host said. */
    state() {
        return { ...this.#state };
    }
}

// EXTERNAL MODULE: ./src/oci/retry.ts
var retry = __webpack_require__(49963);
// EXTERNAL MODULE: ./src/oci/undici.ts
var undici = __webpack_require__(2197);
;// CONCATENATED MODULE: ./src/oci/transport.ts





const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;
/** Statuses of redirects followed for GET and HEAD. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** True for hosts on this machine (`localhost`, `127.x.x.x`, `[::1]`). */
function isLoopbackHost(host) {
    return LOOPBACK.test(host);
}
/** Strip credentials and secret-looking query parameters from a URL for messages. */
function safeUrl(url) {
    const u = new URL(url.toString());
    u.username = '';
    u.password = '';
    for (const key of [...u.searchParams.keys()]) {
        if (/token|signature|sig|credential|secret|password|x-amz-|key/i.test(key))
            u.searchParams.set(key, 'REDACTED');
    }
    return u.toString();
}
class Transport {
    #options;
    #policy;
    /** One pool per host, with the generation of its host's `TlsSource` material (0 without one). */
    #agents = new Map();
    #stats = new Map();
    /** Scheme learnt per host in insecure mode: settled, or the probe in flight. */
    #schemes = new Map();
    #limiters = new Map();
    #answerTimes = new Map();
    constructor(options = {}) {
        this.#options = options;
        this.#policy = (0,retry/* retryPolicy */.Jb)(options.retry);
    }
    /** The retry policy in force (the client reuses it for whole-upload restarts). */
    get retryPolicy() {
        return this.#policy;
    }
    /** Settings for a host. */
    settings(host) {
        return this.#options.hostSettings?.(host) ?? {};
    }
    /**
     * `https://host` or `http://host` for a registry host. For an insecure host whose scheme is not
     * learnt yet this is `https`; `origin()` learns it.
     */
    baseUrl(host) {
        const s = this.settings(host);
        const learnt = this.#schemes.get(host);
        if (typeof learnt === 'string')
            return `${learnt}://${host}`;
        const plain = s.plainHTTP ?? (isLoopbackHost(host) && s.tls === undefined && !s.fallbackToHTTP);
        return `${plain ? 'http' : 'https'}://${host}`;
    }
    /** Like `baseUrl`, first learning the scheme of an insecure host (once per host per run). */
    async origin(host) {
        const s = this.settings(host);
        if (!s.fallbackToHTTP || s.plainHTTP !== undefined)
            return this.baseUrl(host);
        let learnt = this.#schemes.get(host);
        if (learnt === undefined) {
            learnt = this.#probeScheme(host);
            this.#schemes.set(host, learnt);
        }
        return `${await learnt}://${host}`;
    }
    /**
     * What go-containerregistry does for insecure registries: `GET /v2/` over HTTPS without
     * verification; when that fails and plain HTTP answers, the host speaks HTTP. When neither
     * answers nothing is learnt (the real request reports the HTTPS error, and the next one probes again).
     */
    async #probeScheme(host) {
        const probe = async (scheme) => {
            const res = await (0,undici/* request */.E)(await this.#agent(host), {
                origin: `${scheme}://${host}`,
                path: '/v2/',
                method: 'GET',
                headers: this.#options.userAgent ? { 'user-agent': this.#options.userAgent } : {},
            });
            this.#stat(host).requests++;
            await res.body.dump();
        };
        try {
            await probe('https');
            this.#schemes.set(host, 'https');
            this.#options.log?.(`${host}: https:// without certificate verification (insecure)`);
            return 'https';
        }
        catch (tlsError) {
            try {
                await probe('http');
            }
            catch {
                this.#schemes.delete(host);
                return 'https';
            }
            this.#schemes.set(host, 'http');
            this.#options.log?.(`${host}: plain http:// (insecure; HTTPS failed: ${tlsError.message.split('\n')[0]})`);
            return 'http';
        }
    }
    /** Counters per host, a snapshot. */
    stats() {
        return new Map([...this.#stats].map(([k, v]) => [k, { ...v }]));
    }
    /** Sum of all host counters. */
    totals() {
        const total = { requests: 0, bytesSent: 0, bytesReceived: 0, retries: 0 };
        for (const s of this.#stats.values()) {
            total.requests += s.requests;
            total.bytesSent += s.bytesSent;
            total.bytesReceived += s.bytesReceived;
            total.retries += s.retries;
        }
        return total;
    }
    /** How fast a host has answered so far; undefined before its first timed answer. */
    answerTimes(host) {
        const t = this.#answerTimes.get(host);
        return t && { ...t };
    }
    #timed(host, ms) {
        const t = this.#answerTimes.get(host);
        if (t) {
            t.answers++;
            t.fastestMs = Math.min(t.fastestMs, ms);
        }
        else
            this.#answerTimes.set(host, { answers: 1, fastestMs: ms });
    }
    /** Per host: 429s seen and the rate-limit headroom the registry reported. */
    rateStates() {
        return new Map([...this.#limiters].map(([k, v]) => [k, v.state()]));
    }
    /**
     * Whether `host` counts manifest GETs as pulls (it stated a pull limit, see limiter.ts), so a GET
     * costs more than a HEAD there; undefined until the host has answered once.
     */
    countsPulls(host) {
        return this.#limiters.get(host)?.countsPulls;
    }
    /** Per host whose pull limit deferred pulls: when they may be tried again. */
    pullRetryTimes() {
        const out = new Map();
        for (const [host, l] of this.#limiters)
            if (l.retryAt)
                out.set(host, l.retryAt);
        return out;
    }
    #limiter(host) {
        let l = this.#limiters.get(host);
        if (!l) {
            l = new HostLimiter(this.settings(host).limits);
            this.#limiters.set(host, l);
        }
        return l;
    }
    #stat(host) {
        let s = this.#stats.get(host);
        if (!s) {
            s = { requests: 0, bytesSent: 0, bytesReceived: 0, retries: 0 };
            this.#stats.set(host, s);
        }
        return s;
    }
    /**
     * The pool for a host (at once unless the host has a `TlsSource`, see `#sourcedAgent`).
     */
    #agent(host) {
        const source = this.settings(host).tls?.source;
        if (!source)
            return this.#agents.get(host)?.agent ?? this.#newAgent(host, 0, undefined);
        return this.#sourcedAgent(host, source);
    }
    /**
     * The pool of a host with a `TlsSource`: waits for its material and replaces the pool when a
     * new generation arrived: the old pool closes gracefully (requests in flight finish on it).
     */
    async #sourcedAgent(host, source) {
        await source.ready();
        const { generation, tls } = source.current();
        const held = this.#agents.get(host);
        if (held?.generation === generation)
            return held.agent;
        const agent = this.#newAgent(host, generation, tls);
        if (held) {
            held.agent.close().catch(() => undefined);
            this.#options.log?.(`${host}: new TLS material from the SPIFFE Workload API; new connections use it`);
        }
        return agent;
    }
    #newAgent(host, generation, dynamic) {
        const tls = this.settings(host).tls;
        const connect = {};
        if (tls?.ca !== undefined)
            connect.ca = tls.ca;
        if (tls?.cert !== undefined)
            connect.cert = tls.cert;
        if (tls?.key !== undefined)
            connect.key = tls.key;
        if (dynamic)
            Object.assign(connect, dynamic);
        if (tls?.insecure)
            connect.rejectUnauthorized = false;
        if (this.#options.lookup)
            connect.lookup = this.#options.lookup;
        const budget = this.#options.timeoutMs;
        const timeout = budget !== undefined ? Math.max(500, Math.floor(budget / 2)) : undefined;
        if (timeout !== undefined)
            connect.timeout = Math.min(timeout, 10_000);
        const agent = new undici/* Agent */.g({
            connect,
            connections: this.#options.connections ?? 16,
            keepAliveTimeout: 30_000,
            headersTimeout: timeout ?? 120_000,
            bodyTimeout: timeout ?? 300_000,
        });
        this.#agents.set(host, { agent, generation });
        return agent;
    }
    /**
     * Send a request, following redirects for GET/HEAD and retrying transient failures
     * (429/408/5xx and network errors, honouring Retry-After) when the body can be resent.
     * Non-2xx answers are returned, not thrown; the caller decides. Network errors after the
     * last attempt throw `NetworkError`.
     */
    async request(req) {
        // PATCH appends to an upload session: replaying one the registry already applied corrupts the
        // upload (distribution answers BLOB_UPLOAD_INVALID), so the caller restarts the upload instead.
        const replayable = !(req.body instanceof external_node_stream_.Readable) && req.method !== 'PATCH';
        const policy = this.#policy;
        const start = policy.now();
        // Parsed once per request (a copy: the caller's URL object is not the answer's).
        const target = new URL(req.url);
        const host = target.host;
        for (let attempt = 1;; attempt++) {
            let reason;
            let retryAfterMs;
            try {
                let res = await this.#exchange(req, target);
                // A pull refused for the host's pull limit is not retried into more 429s: it is deferred.
                if (res.status === 429 && isPull(req.method, target.pathname)) {
                    const refusal = this.#limiter(host).pullRefusal(host);
                    if (refusal) {
                        await res.body.dump();
                        throw refusal;
                    }
                }
                if (req.buffer !== undefined && res.status >= 200 && res.status < 300 && req.method !== 'HEAD')
                    res = await buffered(res, req.buffer, `${req.method} ${safeUrl(res.url)}`);
                if (!replayable || !(0,retry/* isRetryableStatus */.PS)(res.status) || attempt >= policy.attempts)
                    return res;
                retryAfterMs = (0,retry/* parseRetryAfter */.mu)(res.header('retry-after'), policy.now());
                const delay = (0,retry/* backoffDelay */.EY)(policy, attempt, retryAfterMs);
                if (policy.now() - start + delay > policy.budgetMs)
                    return res;
                await res.body.dump();
                reason = `HTTP ${res.status}`;
                this.#stat(host).retries++;
                policy.onRetry?.({
                    attempt,
                    attempts: policy.attempts,
                    delayMs: delay,
                    reason: `${req.method} ${safeUrl(req.url)}: ${reason}`,
                });
                await policy.sleep(delay);
            }
            catch (err) {
                const retryable = replayable && (0,retry/* isRetryableNetworkError */.Hr)(err) && !req.signal?.aborted;
                const delay = (0,retry/* backoffDelay */.EY)(policy, attempt);
                if (!retryable || attempt >= policy.attempts || policy.now() - start + delay > policy.budgetMs) {
                    if (err instanceof errors/* NetworkError */.Dr || !(0,retry/* isRetryableNetworkError */.Hr)(err))
                        throw err;
                    throw new errors/* NetworkError */.Dr(`${req.method} ${safeUrl(req.url)} failed after ${attempt} attempt(s): ${err.message}`, { cause: err });
                }
                reason = err.message;
                this.#stat(host).retries++;
                policy.onRetry?.({
                    attempt,
                    attempts: policy.attempts,
                    delayMs: delay,
                    reason: `${req.method} ${safeUrl(req.url)}: ${reason}`,
                });
                await policy.sleep(delay);
            }
        }
    }
    /** One request to `target` (`req.url` parsed, not changed here) plus its redirects. */
    async #exchange(req, target) {
        let url = target;
        const originalOrigin = url.origin;
        const headers = { ...req.headers };
        if (this.#options.userAgent && headers['user-agent'] === undefined)
            headers['user-agent'] = this.#options.userAgent;
        const follow = req.method === 'GET' || req.method === 'HEAD';
        let redirectsLeft = follow ? (req.maxRedirects ?? 5) : 0;
        for (;;) {
            const host = url.host;
            const stat = this.#stat(host);
            stat.requests++;
            const body = req.body ?? null;
            if (typeof body === 'string' || Buffer.isBuffer(body))
                stat.bytesSent += Buffer.byteLength(body);
            else if (headers['content-length'])
                stat.bytesSent += Number(headers['content-length']) || 0;
            const options = {
                origin: url.origin,
                path: `${url.pathname}${url.search}`,
                method: req.method,
                headers,
                body,
                // undici closes the connection after every HEAD unless told otherwise (a guard against
                // servers that send a body with HEAD). Registries answer HEAD correctly, and a warm run
                // is mostly HEADs: without this each would open a new connection (and TLS handshake).
                reset: false,
            };
            if (req.signal)
                options.signal = req.signal;
            const limiter = this.#limiter(host);
            const pull = isPull(req.method, url.pathname);
            if (pull) {
                const refusal = limiter.pullRefusal(host);
                if (refusal)
                    throw refusal;
                limiter.pullStarted();
            }
            const release = await limiter.acquire();
            let res;
            try {
                const held = this.#agent(host);
                const agent = held instanceof undici/* Agent */.g ? held : await held;
                const timed = follow && this.#options.timeAnswers === true;
                const sent = timed ? performance.now() : 0;
                const busy = timed ? performance.eventLoopUtilization() : undefined;
                res = await (0,undici/* request */.E)(agent, options);
                if (busy)
                    this.#timed(host, Math.max(0, performance.now() - sent - performance.eventLoopUtilization(busy).active));
            }
            catch (err) {
                if (pull)
                    limiter.pullAnswered(undefined, false);
                throw err;
            }
            finally {
                release();
            }
            const status = res.statusCode;
            const getHeader = (name) => {
                const v = res.headers[name.toLowerCase()];
                return Array.isArray(v) ? v.join(', ') : v;
            };
            // A 429 slows the whole host (capped like any retry delay), not only this request.
            const retryAfter = status === 429 ? (0,retry/* parseRetryAfter */.mu)(getHeader('retry-after'), Date.now()) : undefined;
            limiter.observe(status, getHeader, retryAfter === undefined ? undefined : Math.min(retryAfter, this.#policy.maxDelayMs));
            if (pull)
                limiter.pullAnswered(status, getHeader('ratelimit-remaining') !== undefined);
            if (follow && REDIRECTS.has(status) && redirectsLeft > 0) {
                const location = getHeader('location');
                if (location) {
                    await res.body.dump();
                    redirectsLeft--;
                    url = new URL(location, url);
                    // Never send registry credentials to another origin (blob GETs redirect to object storage).
                    if (url.origin !== originalOrigin)
                        delete headers.authorization;
                    continue;
                }
            }
            const length = Number(getHeader('content-length'));
            if (req.method !== 'HEAD' && status < 300 && Number.isFinite(length))
                stat.bytesReceived += length;
            return {
                status,
                headers: res.headers,
                body: res.body,
                url,
                header: getHeader,
            };
        }
    }
    /** Close every pool. */
    async close() {
        await Promise.all([...this.#agents.values()].map((a) => a.agent.close()));
        this.#agents.clear();
    }
}
/** Read a response body into memory, at most `cap` bytes, and give it back as an in-memory body. */
async function buffered(res, cap, what) {
    const length = Number(res.header('content-length'));
    if (Number.isFinite(length) && length > cap) {
        res.body.destroy();
        throw new errors/* SizeError */.KF(`${what}: answer of ${length} bytes exceeds the ${cap}-byte limit`);
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of res.body) {
        size += chunk.length;
        if (size > cap) {
            res.body.destroy();
            throw new errors/* SizeError */.KF(`${what}: answer larger than the ${cap}-byte limit`);
        }
        chunks.push(chunk);
    }
    return { ...res, body: memoryBody(Buffer.concat(chunks)) };
}
/** A body already in memory, with the `text()`/`dump()` of undici's. */
function memoryBody(bytes) {
    const body = external_node_stream_.Readable.from([bytes]);
    body.text = async () => bytes.toString('utf8');
    body.dump = async () => undefined;
    body.inMemory = bytes;
    return body;
}


/***/ }),

/***/ 2197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ request),
/* harmony export */   g: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14043);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__);


const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default());
/** undici's `dispatcher.request(options)`. */
function request(dispatcher, options) {
    return undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_0___default().call(dispatcher, options);
}


/***/ }),

/***/ 33683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ tuneForStreaming),
/* harmony export */   b: () => (/* binding */ tuneForPlanning)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Process-level V8 tuning for memory at scale, set at run time (the action cannot pass node flags,
 * and V8 reads only some flags after the heap exists: `--max-semi-space-size` is not one of them).
 *
 * Young generation (`--semi-space-growth-factor=1`): it stops growing. Blob streams allocate a
 * steady flow of short-lived 64 KiB buffers; by default V8 grows the young generation under that
 * load, and the off-heap buffers it keeps alive between scavenges add tens of MB of RSS while a
 * large layer streams. Planning at scale is the same story with small objects (a warm run of
 * 3,000 tags with a state file: 168 MB RSS with 26–42 MB of live heap, the rest a young generation
 * grown to its maximum, `bench/rss-tags.ts`). The flag is not set at start-up: with a young
 * generation that cannot grow from its initial size, loading the bundle and planning scavenge far
 * more often — a warm 50-tag run spent 276 ms in the garbage collector instead of 52 ms
 * (`bench/profile.ts`), a cold copy 1.0 s instead of 0.45 s. So it is set when the first blob
 * starts streaming (`tuneForStreaming`), or once the young generation has grown to
 * `YOUNG_CAP_BYTES` (`tuneForPlanning`, asked as planning goes).
 *
 * Old generation (`--heap-growing-percent`): the next full collection is due once the old
 * generation has grown this much past what the last one left alive. V8's own factor is up to 4×
 * on a machine with memory: planning 10,000 tags promotes ~10 KB per tag of request garbage (32–64
 * requests in flight outlive a scavenge or two), and the old generation grew to 88 MB around a
 * live heap of ~25 MB before the first full collection (peak RSS 221–239 MB). At 20% it stays
 * at ~30 MB (peak RSS 0.58–0.69×), for about ten full collections instead of three or four: CPU
 * 0.89–1.32× per round on a loaded machine, median 1.03× (README's performance section). V8 reads this flag at each full collection, so
 * it works when set late; it is set when planning or streaming starts.
 */

/** Young generation size (both semi-spaces) at which planning stops its growth. */
const YOUNG_CAP_BYTES = 16 * 1024 * 1024;
/** Old generation growth allowed between full collections, in percent of the live heap. */
const OLD_GROWTH_PERCENT = 20;
let youngCapped = false;
let oldTuned = false;
function tuneOldGeneration() {
    if (oldTuned)
        return;
    oldTuned = true;
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)(`--heap-growing-percent=${OLD_GROWTH_PERCENT}`);
}
/** Apply the tuning for blob streams now (once per process; later calls do nothing). */
function tuneForStreaming() {
    tuneOldGeneration();
    if (youngCapped)
        return;
    youngCapped = true;
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--semi-space-growth-factor=1');
}
/**
 * Apply the old-generation tuning, and the young one once the young generation has reached
 * `YOUNG_CAP_BYTES` (cheap to call often: one heap statistics read until then, then nothing).
 */
function tuneForPlanning() {
    tuneOldGeneration();
    if (youngCapped)
        return;
    const young = (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.getHeapSpaceStatistics)().find((s) => s.space_name === 'new_space');
    if (young && young.space_size >= YOUNG_CAP_BYTES)
        tuneForStreaming();
}


/***/ }),

/***/ 68338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ ManifestPuts),
/* harmony export */   R: () => (/* binding */ copyContent)
/* harmony export */ });
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32060);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74700);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17137);
/** Copy the content a manifest refers to: blobs and child manifests, recursively, without tagging. */



/** Copy the content `manifest` refers to (recursively) from `src` to `dst`, without tagging it. */
async function copyContent(ctx, src, dst, manifest, stats, 
/** Child manifests that are not the source's bytes (nested indexes a platform filter rewrote). */
rewritten) {
    const parsed = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    if (parsed.kind === 'index') {
        await (0,_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .mapPool */ .Pk)(parsed.index.manifests, ctx.parallelism, async (child) => {
            const putChild = async () => {
                // A child is put only after everything it refers to: never a manifest before its content.
                const raw = rewritten?.get(child.digest) ??
                    (await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .onSide */ .DE)('source', () => ctx.client.getManifest({ ...src, digest: child.digest })));
                await copyContent(ctx, src, dst, raw, stats, rewritten);
                await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .onSide */ .DE)('destination', () => ctx.client.putManifest({ ...dst, digest: child.digest }, raw.bytes, raw.mediaType));
                stats.manifests++;
                ctx.log(`put manifest ${dst.registry}/${dst.repository}@${child.digest}`);
            };
            await (ctx.manifests ? ctx.manifests.once(dst, child.digest, putChild) : putChild());
        });
        return;
    }
    await (0,_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .mapPool */ .Pk)((0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .manifestBlobs */ .q2)(parsed.manifest), ctx.parallelism, async (desc) => {
        const outcome = await ctx.blobs.ensure(src, dst, desc, ctx.client);
        stats.blobs[outcome]++;
        if (outcome === 'copied')
            stats.bytes += desc.size;
    });
}
/**
 * Child manifests put by digest into destination repositories in this run. One image under several
 * tags (`latest` and a version) is copied by a job per tag, and each would put the same platform
 * manifests into the same repository at once. docker-registry's filesystem storage rewrites a
 * manifest's link in place (truncate, then write) on every put, so a second put of a child while
 * another job's index put checks that child lets the registry read an empty link: the index put
 * fails with DIGEST_INVALID or MANIFEST_BLOB_UNKNOWN. Here a child is put once per repository:
 * a job that needs it waits for the put in flight, and puts it itself only if that one failed.
 */
class ManifestPuts {
    #puts = new Map();
    /** Run `put` unless this run has put (or is putting) `digest` into `repo`; then wait for that one. */
    async once(repo, digest, put) {
        const key = `${repo.registry}/${repo.repository}@${digest}`;
        for (;;) {
            const earlier = this.#puts.get(key);
            if (earlier === undefined)
                break;
            try {
                await earlier;
                return;
            }
            catch {
                // That job's put failed (its own row says so): try it here, unless another job already is.
                if (this.#puts.get(key) === earlier)
                    this.#puts.delete(key);
            }
        }
        const mine = put();
        this.#puts.set(key, mine);
        try {
            await mine;
        }
        catch (err) {
            if (this.#puts.get(key) === mine)
                this.#puts.delete(key);
            throw err;
        }
    }
}


/***/ }),

/***/ 74700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ rowOutcome),
/* harmony export */   DE: () => (/* binding */ onSide),
/* harmony export */   Th: () => (/* binding */ onceMore),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   e6: () => (/* binding */ TagWriteError),
/* harmony export */   fH: () => (/* binding */ errorInfo)
/* harmony export */ });
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28630);
/* harmony import */ var _oci_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49963);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27194);
/** Turning thrown errors into report rows, and tagging errors with the side they happened on. */



/** A tag write failed; `repair` says what the tag was left holding. The original error is the cause. */
class TagWriteError extends _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf {
    target;
    original;
    repair;
    constructor(target, original, repair) {
        super(`${original.message}; ${repair}`, { cause: original });
        this.target = target;
        this.original = original;
        this.repair = repair;
        if (original instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf && original.side !== undefined)
            this.side = original.side;
    }
}
/** The run was cancelled (a signal): the work was aborted or never started. */
class CancelledError extends Error {
    constructor(message = 'cancelled') {
        super(message);
        this.name = 'CancelledError';
    }
}
/** Run `fn`; an error it throws is marked as happening on `side` (unless already marked). */
async function onSide(side, fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf && err.side === undefined)
            err.side = side;
        throw err;
    }
}
/** Report form of an error: message, side, operation, HTTP status, registry code. Secrets redacted. */
function errorInfo(err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const info = { message: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(e.message), kind: e.name };
    if (e instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf && e.side !== undefined)
        info.side = e.side;
    if (e instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf && e.operation !== undefined)
        info.operation = e.operation;
    if (e instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl) {
        info.httpStatus = e.status;
        if (e.code !== undefined)
            info.code = e.code;
    }
    if (e instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR && e.status !== undefined)
        info.httpStatus = e.status;
    if (e instanceof TagWriteError) {
        info.repair = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(e.repair);
        info.operation ??= `put manifest ${e.target}`;
        const original = errorInfo(e.original);
        if (original.httpStatus !== undefined)
            info.httpStatus = original.httpStatus;
        if (original.code !== undefined)
            info.code = original.code;
        if (original.operation !== undefined)
            info.operation = original.operation;
    }
    return info;
}
/**
 * The error is worth retrying the whole job for: network trouble (resets, cut or stalled bodies,
 * undici socket errors), a server-side failure, or a blob whose bytes arrived altered.
 */
function isTransient(err) {
    if (err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl)
        return err.status === 429 || err.status === 408 || err.status >= 500;
    // A read that did not match its digest twice in a row is read afresh once more by the retry;
    // a registry that keeps lying still fails closed. (A write the registry stored differently is
    // settled by the tag write itself, not retried here.)
    if (err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DigestMismatchError */ .h)
        return !(err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StoredDigestMismatchError */ .Un);
    return err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr || (0,_oci_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableNetworkError */ .Hr)(err);
}
/**
 * Run `fn` again once when it fails with a transient error (after the request-level retries):
 * planning's counterpart of a copy job's whole-job retry, so one unlucky lookup does not fail a tag.
 */
async function onceMore(fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (!isTransient(err))
            throw err;
        return fn();
    }
}
/**
 * The row fields for a tag that could not be done because of `err`: `deferred` (with the reason and
 * when to retry) when a source host's pull limit held it back, else `failed` with the error.
 */
function rowOutcome(err) {
    if (err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PullLimitError */ .Lj)
        return {
            status: 'deferred',
            reason: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(err.message),
            ...(err.retryAt ? { retryAt: err.retryAt.toISOString() } : {}),
        };
    return { status: 'failed', error: errorInfo(err) };
}


/***/ }),

/***/ 74988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vz: () => (/* binding */ DEFAULT_JOB_TIMEOUT_MS),
  lp: () => (/* binding */ MAX_DURATION_REASON),
  Yt: () => (/* binding */ memoChildren),
  b7: () => (/* binding */ pastMaxDuration),
  b5: () => (/* binding */ runJob)
});

// UNUSED EXPORTS: JobTimeoutError

// EXTERNAL MODULE: ./src/oci/mediatypes.ts
var mediatypes = __webpack_require__(79572);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var manifest = __webpack_require__(32060);
// EXTERNAL MODULE: ./src/sync/content.ts
var content = __webpack_require__(68338);
// EXTERNAL MODULE: ./src/sync/errors.ts
var errors = __webpack_require__(74700);
// EXTERNAL MODULE: ./src/sync/referrers.ts
var sync_referrers = __webpack_require__(25351);
// EXTERNAL MODULE: ./src/oci/errors.ts
var oci_errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/sync/tag-write.ts



/** PUT `manifest` under `target`'s tag; on failure undo any wrong write (see module doc). */
async function writeTag(client, target, manifest, options) {
    const attempts = Math.max(1, options.attempts ?? 3);
    let failure;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            return await (0,errors/* onSide */.DE)('destination', () => client.putManifest(target, manifest.bytes, manifest.mediaType));
        }
        catch (err) {
            failure = err;
            if (!(err instanceof oci_errors/* StoredDigestMismatchError */.Un))
                break;
            options.log(`${(0,reference/* formatReference */.FH)(target)}: the registry stored ${err.stored} instead of ${manifest.digest}; putting the same bytes again (${attempt}/${attempts})`);
        }
    }
    const outcome = await settleTag(options.repairClient ?? client, target, manifest, options);
    if (outcome === 'ours') {
        // The PUT took effect and only its answer was lost: the tag is right.
        options.log(`${(0,reference/* formatReference */.FH)(target)}: the failed PUT had taken effect; the tag holds ${manifest.digest}`);
        return { digest: manifest.digest };
    }
    if (outcome === undefined)
        throw failure;
    throw new errors/* TagWriteError */.e6((0,reference/* formatReference */.FH)(target), failure instanceof Error ? failure : new Error(String(failure)), outcome);
}
/**
 * Look at the tag after a failed write: `'ours'` when it holds the intended manifest, undefined
 * when it holds what it held before (nothing to say), else a sentence saying what was done.
 */
async function settleTag(client, target, manifest, options) {
    const tagRef = (0,reference/* formatReference */.FH)(target);
    const repo = { registry: target.registry, repository: target.repository };
    let held;
    try {
        held = (await client.headManifest(target))?.digest;
    }
    catch (err) {
        return `could not check what ${tagRef} holds now: ${err.message}`;
    }
    if (held === manifest.digest)
        return 'ours';
    if (held === options.previous)
        return undefined;
    if (held === undefined)
        return undefined;
    try {
        if (options.previous !== undefined) {
            const before = await client.getManifest({ ...repo, digest: options.previous });
            await client.putManifest({ ...repo, tag: target.tag }, before.bytes, before.mediaType);
            const now = (await client.headManifest(target))?.digest;
            if (now !== options.previous)
                throw new oci_errors/* OciError */.Mf(`the tag holds ${now ?? 'nothing'} after the restore`);
            options.log(`${tagRef}: restored the previous manifest ${options.previous} after a failed write`);
            return `the tag was restored to its previous manifest ${options.previous}`;
        }
        await client.deleteManifest({ ...repo, digest: held });
        const now = (await client.headManifest(target))?.digest;
        if (now !== undefined)
            throw new oci_errors/* OciError */.Mf(`the tag still holds ${now} after the delete`);
        options.log(`${tagRef}: deleted the wrong manifest ${held} the failed write left under the new tag`);
        return `the manifest the registry stored (${held}) was deleted, so the tag does not exist`;
    }
    catch (err) {
        return `the tag holds ${held}, which is not the source's manifest, and undoing that failed: ${err.message}`;
    }
}

;// CONCATENATED MODULE: ./src/sync/copy.ts
/**
 * Copy one manifest tree bit for bit: blobs first, then child manifests (by digest), and only
 * then the tagged manifest, so a failure leaves no new tag behind.
 */





/**
 * Copy `src` (resolved to `srcDigest`) to the tag or digest of `dst`. The source manifest is
 * fetched by digest so a tag moving during the run cannot mix content.
 */
async function copyImage(ctx, src, srcDigest, dst, options = {}) {
    const stats = { blobs: { copied: 0, mounted: 0, existing: 0 }, bytes: 0, manifests: 0 };
    const srcRepo = { registry: src.registry, repository: src.repository };
    const dstRepo = { registry: dst.registry, repository: dst.repository };
    // Whether the destination repository holds any tag decides if its blobs need looking up first.
    ctx.blobs.starting(ctx.client, dstRepo);
    const top = options.manifest?.digest === srcDigest
        ? options.manifest
        : await (0,errors/* onSide */.DE)('source', () => ctx.client.getManifest({ ...srcRepo, digest: srcDigest }));
    const rewritten = options.rewrittenIndexes?.length
        ? new Map(options.rewrittenIndexes.map((m) => [m.digest, m]))
        : undefined;
    await (0,content/* copyContent */.R)(ctx, srcRepo, dstRepo, top, stats, rewritten);
    let referrers;
    if (options.referrers) {
        // Subject by digest first, then its referrers, and the tag last: a failure leaves no new tag.
        await (0,errors/* onSide */.DE)('destination', () => ctx.client.putManifest({ ...dstRepo, digest: srcDigest }, top.bytes, top.mediaType));
        const of = options.originalDigest ?? srcDigest;
        referrers = await (0,sync_referrers/* copyReferrers */.kV)(ctx, srcRepo, dstRepo, of, stats, options.referrerRows ?? [], {
            sourceTags: options.sourceTags,
            alsoSubjects: childDigests(top),
            ...(of !== srcDigest ? { attachTo: srcDigest } : {}),
        });
    }
    if (dst.tag !== undefined) {
        await writeTag(ctx.client, { ...dstRepo, tag: dst.tag }, top, {
            previous: options.previous,
            attempts: ctx.client.transport.retryPolicy.attempts,
            log: ctx.log,
            ...(ctx.repairClient ? { repairClient: ctx.repairClient } : {}),
        });
    }
    else {
        await (0,errors/* onSide */.DE)('destination', () => ctx.client.putManifest({ ...dstRepo, digest: srcDigest }, top.bytes, top.mediaType));
    }
    stats.manifests++;
    ctx.log(`put manifest ${dst.registry}/${dst.repository}:${dst.tag ?? srcDigest} (${srcDigest})`);
    // What the index lists (remembered for later referrer passes over the up-to-date tag).
    const children = childDigests(top);
    return referrers
        ? { ...stats, mediaType: top.mediaType, children, referrers }
        : { ...stats, mediaType: top.mediaType, children };
}
/** The manifests an index lists (their referrers travel with the tag too); none for a manifest. */
function childDigests(raw) {
    const parsed = (0,manifest/* parseManifest */.Ng)(raw.bytes, raw.mediaType);
    return parsed.kind === 'index' ? parsed.index.manifests.map((d) => d.digest) : [];
}

;// CONCATENATED MODULE: ./src/sync/job.ts
/**
 * Run one planned copy job: the copy itself (or only the referrers of an up-to-date tag), whole-job
 * retries for transient failures, and a deadline that aborts the job. Shared by artifact entries
 * and the images of chart entries.
 */




/** A copy job ran past its `--timeout`. */
class JobTimeoutError extends Error {
}
const DEFAULT_JOB_TIMEOUT_MS = 5 * 60_000;
/** The row of a copy left for the next run because `--max-duration` was over before it started. */
const MAX_DURATION_REASON = 'max-duration reached before this copy started; the next run continues here';
/** Whether `--max-duration`'s point (`deadline`, ms since the epoch) has passed: no new copy starts. */
function pastMaxDuration(deadline) {
    return deadline !== undefined && Date.now() >= deadline;
}
/** A per-run `ManifestChildren` (when there is no state file). */
function memoChildren() {
    const memo = new Map();
    return { get: (d) => memo.get(d), set: (d, c) => void memo.set(d, c) };
}
/**
 * The platform manifests whose referrers travel with a tag that is not copied (up to date, or a
 * dry run): from the manifest planning read, else remembered, else — unless the destination's
 * HEAD said it is no index — one GET of the source manifest by digest.
 */
async function childrenOf(ctx, src, plan, memo) {
    if (plan.manifest)
        return childDigests(plan.manifest);
    const digest = plan.srcDigest;
    const known = memo?.get(digest);
    if (known)
        return known;
    if (plan.mediaType !== undefined && !(0,mediatypes/* isIndexMediaType */.$$)(plan.mediaType))
        return [];
    const raw = await (0,errors/* onSide */.DE)('source', () => ctx.client.getManifest({ ...src, digest }));
    const children = childDigests(raw);
    memo?.set(digest, children);
    return children;
}
/**
 * Run one copy job with a deadline. At the deadline every request of the job is aborted (the job
 * works through a client view bound to the signal), and the job is awaited until it has stopped,
 * so nothing it would still write — above all its tag — lands after it was reported failed.
 */
async function withDeadline(ms, what, ctx, fn, cancel) {
    const controller = new AbortController();
    const timeout = new JobTimeoutError(`${what}: timed out after ${Math.round(ms / 1000)}s`);
    const timer = setTimeout(() => controller.abort(timeout), ms);
    const signal = cancel ? AbortSignal.any([controller.signal, cancel]) : controller.signal;
    try {
        return await fn({
            ...ctx,
            client: ctx.client.withSignal(signal),
            repairClient: ctx.repairClient ?? ctx.client,
        });
    }
    catch (err) {
        if (controller.signal.aborted)
            throw timeout;
        if (cancel?.aborted)
            throw new errors/* CancelledError */.cc(`${what}: cancelled (${String(cancel.reason?.message ?? cancel.reason)})`);
        throw err;
    }
    finally {
        clearTimeout(timer);
    }
}
/** Execute a planned copy (or a referrers-only pass) and fill in its row. Never throws. */
async function runJob(ctx, plan, options) {
    const started = performance.now();
    const r = plan.row;
    const srcRepo = { registry: plan.src.registry, repository: plan.src.repository };
    const dstRepo = { registry: plan.dst.registry, repository: plan.dst.repository };
    for (let attempt = 1;; attempt++) {
        try {
            // Rows are kept even when a referrer fails: the tag's row then says which.
            const rows = [];
            if (options.referrers)
                r.referrers = rows;
            if (options.referrersOnly || options.dryRun) {
                const stats = { blobs: { copied: 0, mounted: 0, existing: 0 }, bytes: 0, manifests: 0 };
                const status = r.status;
                await withDeadline(options.timeoutMs, `copy referrers of ${r.source} → ${r.destination}`, ctx, async (job) => {
                    // Referrers of an index's platform manifests travel too, also when the index is up
                    // to date (a signature added to a platform after the first copy).
                    const children = await childrenOf(job, srcRepo, plan, options.children);
                    // A platform-filtered tag: the source's referrers name its own index (as in a copy).
                    const of = plan.originalDigest ?? plan.srcDigest;
                    return (0,sync_referrers/* copyReferrers */.kV)(job, srcRepo, dstRepo, of, stats, rows, {
                        sourceTags: options.sourceTags,
                        dryRun: options.dryRun ?? false,
                        alsoSubjects: children,
                        ...(of !== plan.srcDigest ? { attachTo: plan.srcDigest } : {}),
                    });
                }, options.cancel);
                // A dry run keeps the planned status (would-copy, would-overwrite, skipped).
                r.status = options.dryRun ? status : 'skipped';
                r.bytes = stats.bytes;
                r.blobs = stats.blobs;
                r.manifests = stats.manifests;
            }
            else {
                await ctx.prepareDestination?.(dstRepo);
                const stats = await withDeadline(options.timeoutMs, `copy ${r.source} → ${r.destination}`, ctx, (job) => copyImage(job, plan.src, plan.srcDigest, plan.dst, {
                    referrers: options.referrers,
                    sourceTags: options.sourceTags,
                    manifest: plan.manifest,
                    rewrittenIndexes: plan.rewrittenIndexes,
                    referrerRows: rows,
                    originalDigest: plan.originalDigest,
                    previous: plan.dstDigest,
                }), options.cancel);
                if (options.referrers)
                    options.children?.set(plan.srcDigest, stats.children);
                r.status = plan.action === 'overwrite' ? 'overwritten' : 'copied';
                r.bytes = stats.bytes;
                r.blobs = stats.blobs;
                r.manifests = stats.manifests;
                r.mediaType = stats.mediaType;
            }
            delete r.error;
            break;
        }
        catch (err) {
            if (attempt < options.attempts && (0,errors/* isTransient */.dg)(err) && !options.cancel?.aborted) {
                options.log(`retrying ${r.source} → ${r.destination} after: ${err.message}`);
                continue;
            }
            // A pull limit reached mid-copy defers the tag: nothing was tagged, the next run copies it.
            Object.assign(r, (0,errors/* rowOutcome */.Bq)(err));
            break;
        }
    }
    r.durationMs = Math.round(performance.now() - started);
    return r;
}


/***/ }),

/***/ 34816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ LISTED),
/* harmony export */   Cd: () => (/* binding */ planEntry),
/* harmony export */   N1: () => (/* binding */ registryDigests)
/* harmony export */ });
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28630);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32060);
/* harmony import */ var _oci_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79572);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62148);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33683);
/* harmony import */ var _select_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32975);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(74700);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(89894);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17137);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25351);










/**
 * Digests from the registries themselves, at most `limiter.perHost` requests in flight per host.
 *
 * With `tagless`, when a destination repository's first manifest HEAD misses and a second tag of
 * it is looked up, one tag-list page is asked: when the repository holds no tag, its other tags
 * are absent without a HEAD each (a cold mirror asks once per repository, not once per tag). The
 * repository's later lookups wait for the first HEAD; a hit, an error or a tag in the list, and
 * they HEAD. A repository with one tag to plan gets no tag-list page here.
 */
function registryDigests(client, options = {}) {
    const { limiter, knownDestinationDigest, tagless } = options;
    const limited = (host, fn) => limiter ? limiter.run(host, fn) : fn();
    const head = (ref) => limited(ref.registry, () => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onceMore */ .Th)(() => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onSide */ .DE)('destination', () => client.headManifest(ref))));
    /** Per destination repository: whether its first manifest HEAD missed (false on a hit or an error). */
    const firstMissed = new Map();
    /** Per destination repository: its tag-list page, asked once a second lookup follows a miss. */
    const asked = new Map();
    /** The repository's tag-list page (asked once), then whether it still decides absence. */
    const listedAbsent = async (repo, key) => {
        let list = asked.get(key);
        if (list === undefined) {
            list = limited(repo.registry, () => tagless.ask(client, repo));
            asked.set(key, list);
        }
        await list;
        // The tag list decides absence only while no copy of this run has written there.
        return tagless.untouched(repo);
    };
    const destination = async (ref) => {
        if (!tagless)
            return head(ref);
        const repo = { registry: ref.registry, repository: ref.repository };
        const key = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRepository */ .Sh)(repo);
        const first = firstMissed.get(key);
        if (first === undefined) {
            const looked = head(ref);
            firstMissed.set(key, looked.then((h) => h === undefined, () => false));
            return looked;
        }
        if (!(await first))
            return head(ref);
        // A second tag of a repository whose first HEAD missed: one tag-list page may spare the rest.
        // (A one-tag entry never asks here: the copy asks as it starts, a plan does not need to.)
        return (await listedAbsent(repo, key)) ? undefined : head(ref);
    };
    /** For a lookup that will wait on its repository's first answers: whether they show `ref` absent. */
    const absent = (ref) => {
        if (!tagless)
            return undefined;
        const repo = { registry: ref.registry, repository: ref.repository };
        const key = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRepository */ .Sh)(repo);
        const first = firstMissed.get(key);
        if (first === undefined)
            return undefined;
        return first.then((missed) => missed && listedAbsent(repo, key));
    };
    const readInstead = (src, targets) => {
        const answers = targets.map(absent);
        if (answers.length === 0 || answers.some((a) => a === undefined))
            return undefined;
        return Promise.all(answers).then((all) => all.every(Boolean) &&
            // Where manifest GETs count as pulls (Docker Hub) or the source has not answered yet
            // (it may say so), planning HEADs: a pull is spent by the copy that needs it, not before.
            client.transport.countsPulls((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .apiHost */ .nz)(src.registry)) === false, 
        // Not awaited on every path of planTag: never rejects (a failed answer means "HEAD").
        () => false);
    };
    return {
        // Each lookup is tried once more after a transient failure (a cut answer, a reset).
        tags: (repo) => limited(repo.registry, () => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onceMore */ .Th)(() => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onSide */ .DE)('source', () => client.listTags(repo)))),
        source: (ref) => limited(ref.registry, () => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onceMore */ .Th)(() => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onSide */ .DE)('source', () => client.headManifest(ref)))).then((h) => h?.digest),
        manifest: (ref) => limited(ref.registry, () => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onceMore */ .Th)(() => (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .onSide */ .DE)('source', () => client.getManifest(ref)))),
        destination,
        readInstead,
        known: (ref) => knownDestinationDigest?.((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(ref)),
    };
}
function row(src, dst, init = {}) {
    const r = (0,_model_js__WEBPACK_IMPORTED_MODULE_8__/* .tagRow */ .Jm)((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(src), (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(dst), init);
    if (src.tag !== undefined)
        r.tag = src.tag;
    return r;
}
/**
 * Plan an entry. Throws (a plan failure for the whole entry) when the source cannot be listed;
 * a tag that cannot be resolved becomes a failed row and the others go on.
 */
async function planEntry(client, entry, options) {
    const digests = options.digests ?? registryDigests(client, { knownDestinationDigest: options.knownDestinationDigest });
    const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(entry.source);
    const source = { registry: parsed.registry, repository: parsed.repository };
    const destinations = entry.destinations.map((d) => (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepository */ .SU)(d));
    const notes = [];
    const refs = [];
    let sourceTags;
    let unparseable;
    if (parsed.tag !== undefined || parsed.digest !== undefined) {
        refs.push(parsed);
    }
    else {
        const listed = (0,_select_index_js__WEBPACK_IMPORTED_MODULE_5__/* .needsTagList */ .Im)(entry.selector) ? await digests.tags(source) : [];
        // Referrers fallback indexes and cosign tags are not releases: they travel with their subject.
        const available = listed.filter((t) => !_referrers_js__WEBPACK_IMPORTED_MODULE_7__/* .REFERRER_TAG */ .TT.test(t));
        if ((0,_select_index_js__WEBPACK_IMPORTED_MODULE_5__/* .needsTagList */ .Im)(entry.selector))
            sourceTags = new Set(listed);
        const selection = (0,_select_index_js__WEBPACK_IMPORTED_MODULE_5__/* .selectTags */ .O)(available, entry.selector);
        notes.push(`${entry.name}: ${listed.length} tags listed, ${selection.selected.length} selected` +
            (selection.selected.length > 0 ? ` (${selection.selected.map((t) => t.tag).join(', ')})` : ''));
        unparseable = selection.unparseable;
        const count = selection.selected.length + selection.digests.length;
        if (entry.minTags !== undefined && count < entry.minTags)
            throw new _select_index_js__WEBPACK_IMPORTED_MODULE_5__/* .TooFewTagsError */ .Ox(count, entry.minTags);
        for (const r of selection.rejected.slice(0, 50))
            notes.push(`${entry.name}: skip tag ${r.tag}: ${r.reason}`);
        for (const t of selection.selected)
            refs.push({ ...source, tag: t.tag });
        for (const d of selection.digests)
            refs.push({ ...source, digest: d });
    }
    const overwrite = options.overwrite || entry.overwrite;
    let listingRequests = 0;
    const keep = options.keep;
    const mine = keep ? refs.filter((r) => keep(r)) : refs;
    if (keep)
        notes.push(`${entry.name}: ${mine.length} of ${refs.length} selected tags fall to this shard`);
    // A listing only pays when tags are many; its digests are hints (see planTag).
    let listed;
    if (options.listing &&
        entry.platforms === undefined &&
        mine.filter((r) => r.tag !== undefined).length > 1) {
        const l = await options.listing(source);
        if (l.digests)
            listed = l.digests;
        else
            notes.push(`${entry.name}: ${l.unavailable ?? 'no listing'}; planning with one HEAD per tag`);
        listingRequests = l.requests;
    }
    const perTag = await (0,_pool_js__WEBPACK_IMPORTED_MODULE_9__/* .mapPool */ .Pk)(mine, options.parallelism, async (src) => {
        (0,_runtime_js__WEBPACK_IMPORTED_MODULE_4__/* .tuneForPlanning */ .b)();
        const listedDigest = src.tag !== undefined ? listed?.get(src.tag) : undefined;
        const planned = await planTag(digests, src, destinations, overwrite, entry.platforms, listedDigest, options.readAbsent ?? false);
        for (const p of planned)
            if (p.row.reason === REMEMBERED)
                p.row.reason = remembered(p, options);
        return planned;
    });
    if (listed) {
        const saved = perTag.filter((rows) => rows.some((p) => p.row.reason === LISTED)).length;
        notes.push(`${entry.name}: listing gave ${listed.size} tag digests in ${listingRequests} requests; ${saved} source HEADs saved`);
    }
    return {
        source,
        tags: perTag.flat(),
        notes,
        ...(sourceTags ? { sourceTags } : {}),
        ...(keep ? { selected: refs.map((r) => (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(r)) } : {}),
        ...(unparseable ? { unparseable } : {}),
    };
}
const REMEMBERED = 'up-to-date (remembered)';
/** `up-to-date (remembered: state file, confirmed 3h 5m ago)` for a row decided from the state. */
function remembered(p, options) {
    const at = options.knownDestinationConfirmedAt?.((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(p.dst));
    if (at === undefined)
        return REMEMBERED;
    const minutes = Math.max(0, Math.round((Date.now() - at) / 60_000));
    const age = minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
    return `up-to-date (remembered: state file, confirmed ${age} ago)`;
}
/** Reason of a row skipped on a listing's word (the destination holds the listed digest). */
const LISTED = 'up-to-date (listing)';
/** The source manifest of `src`; undefined when the source lacks it. */
function sourceManifest(digests, src) {
    return digests.manifest(src).catch((err) => {
        if (err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFoundError */ .m_)
            return undefined;
        throw err;
    });
}
async function lookup(digests, dst) {
    try {
        return await digests.destination(dst);
    }
    catch (error) {
        return { error };
    }
}
/**
 * Plan one source tag for every destination. The source HEAD and the destination HEADs go out
 * together (one round trip, not two); a destination the state cache knows to hold the source
 * digest is not asked at all. With a platform filter the source manifest is fetched instead: the
 * digest compared is the filtered index's.
 */
async function planTag(digests, src, destinations, overwrite, platforms, 
/** The source digest a bulk listing gave: a hint, trusted only to skip (see below). */
listedDigest, readAbsent = false) {
    const targets = destinations.map((d) => src.tag !== undefined ? { ...d, tag: src.tag } : { ...d, digest: src.digest });
    const known = targets.map((dst) => digests.known(dst));
    // Asked before the lookups start (whether they wait on their repositories' first answers).
    const reading = readAbsent && platforms === undefined && known.every((k) => k === undefined)
        ? digests.readInstead?.(src, targets)
        : undefined;
    const lookups = new Map();
    const asked = Promise.all(targets.map(async (dst, i) => {
        if (known[i] === undefined)
            lookups.set(i, await lookup(digests, dst));
    }));
    // A listing's digest is trusted for one conclusion only: every destination already holds it, so
    // there is nothing to do (at worst a stale listing delays a copy to a later run). Any other
    // outcome — copy, overwrite, drift — is decided on the source registry's own answer below.
    if (listedDigest !== undefined && platforms === undefined) {
        await asked;
        const allHold = targets.every((_, i) => {
            const l = lookups.get(i);
            return l === undefined ? known[i] === listedDigest : !('error' in l) && l.digest === listedDigest;
        });
        if (allHold)
            return targets.map((dst) => ({
                action: 'skip',
                src,
                srcDigest: listedDigest,
                dst,
                dstDigest: listedDigest,
                row: {
                    ...row(src, dst, { sourceDigest: listedDigest, destinationDigest: listedDigest }),
                    status: 'skipped',
                    reason: LISTED,
                },
            }));
    }
    let srcDigest;
    let manifest;
    let rewritten;
    let originalDigest;
    let nested;
    try {
        if (platforms !== undefined) {
            manifest = await sourceManifest(digests, src);
            if (manifest && (0,_oci_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(manifest.mediaType)) {
                const filtered = await (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .filterIndexPlatforms */ .xV)(manifest, platforms, (digest) => digests.manifest({ registry: src.registry, repository: src.repository, digest }));
                if (!filtered) {
                    await asked;
                    const message = `${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(src)}: no platform matches ${platforms.join(', ')}`;
                    return targets.map((dst) => ({
                        action: 'fail',
                        src,
                        dst,
                        row: row(src, dst, { error: { message, side: 'source' } }),
                    }));
                }
                if (filtered.manifest !== manifest) {
                    originalDigest = manifest.digest;
                    manifest = filtered.manifest;
                    rewritten = `platforms ${platforms.join(', ')}`;
                    if (filtered.rewritten.length > 0)
                        nested = filtered.rewritten;
                }
            }
            srcDigest = manifest?.digest ?? '';
        }
        else if (reading && (await reading)) {
            // Every destination lookup waited for its repository's tag list, which shows the tag absent:
            // a GET instead of the HEAD costs the same round trip, and the copy needs no GET of its own.
            manifest = await sourceManifest(digests, src);
            srcDigest = manifest?.digest ?? '';
        }
        else {
            srcDigest = (await digests.source(src)) ?? '';
        }
    }
    catch (err) {
        await asked;
        return targets.map((dst) => ({
            action: 'fail',
            src,
            dst,
            row: row(src, dst, (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .rowOutcome */ .Bq)(err)),
        }));
    }
    await asked;
    if (srcDigest === '') {
        return targets.map((dst) => ({
            action: 'fail',
            src,
            dst,
            row: row(src, dst, {
                error: {
                    message: `${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(src)}: not found in the source registry`,
                    side: 'source',
                    httpStatus: 404,
                    code: 'MANIFEST_UNKNOWN',
                },
            }),
        }));
    }
    const planned = await Promise.all(targets.map(async (dst, i) => {
        const base = manifest ? { src, srcDigest, dst, manifest } : { src, srcDigest, dst };
        // State cache (the action's): a destination known to hold exactly the source digest is
        // skipped without a HEAD. Any other known digest is not trusted: drift is checked live.
        if (known[i] !== undefined && known[i] === srcDigest) {
            // Decided from memory: the row claims no destination digest, nothing was observed.
            const r = row(src, dst, { sourceDigest: srcDigest });
            return {
                ...base,
                dstDigest: srcDigest,
                action: 'skip',
                row: { ...r, status: 'skipped', reason: REMEMBERED },
            };
        }
        const head = lookups.has(i) ? lookups.get(i) : await lookup(digests, dst);
        if (head !== undefined && 'error' in head) {
            return {
                ...base,
                action: 'fail',
                row: row(src, dst, { sourceDigest: srcDigest, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorInfo */ .fH)(head.error) }),
            };
        }
        if (head === undefined)
            return { ...base, action: 'copy', row: row(src, dst, { sourceDigest: srcDigest }) };
        const r = row(src, dst, { sourceDigest: srcDigest, destinationDigest: head.digest });
        if (head.digest === srcDigest) {
            return {
                ...base,
                dstDigest: head.digest,
                mediaType: head.mediaType,
                action: 'skip',
                row: { ...r, status: 'skipped', reason: 'up-to-date' },
            };
        }
        if (overwrite)
            return { ...base, dstDigest: head.digest, action: 'overwrite', row: r };
        return {
            ...base,
            dstDigest: head.digest,
            action: 'drift',
            row: { ...r, status: 'drifted', reason: 'destination differs from source (overwrite: false)' },
        };
    }));
    // A filtered index is not the source's bytes: every row says so.
    if (rewritten !== undefined)
        for (const p of planned) {
            p.row.rewritten = rewritten;
            if (originalDigest !== undefined)
                p.originalDigest = originalDigest;
            if (nested !== undefined)
                p.rewrittenIndexes = nested;
        }
    return planned;
}


/***/ }),

/***/ 17137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pk: () => (/* binding */ mapPool),
/* harmony export */   ZN: () => (/* binding */ WorkQueue),
/* harmony export */   h: () => (/* binding */ HostLimiter),
/* harmony export */   jf: () => (/* binding */ Semaphore)
/* harmony export */ });
/* unused harmony export hostLimit */
/** Bounded concurrency helpers. */
/** A counting semaphore: `run(fn)` waits for a free slot. */
class Semaphore {
    #free;
    #waiters = [];
    constructor(size) {
        this.#free = Math.max(1, size);
    }
    async run(fn) {
        if (this.#free > 0)
            this.#free--;
        else
            await new Promise((resolve) => this.#waiters.push(resolve));
        try {
            return await fn();
        }
        finally {
            const next = this.#waiters.shift();
            if (next)
                next();
            else
                this.#free++;
        }
    }
}
/**
 * Map over items with at most `size` in flight; results keep the input order. Never rejects early:
 * after a failure no new item is started, and the first error is thrown only once every item
 * already started has settled (so a failed job does not keep working after it is reported).
 */
async function mapPool(items, size, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (next < items.length && failure === undefined) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, size), items.length) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/** Requests in flight allowed to a host with `answers` so far (see `AdaptiveLimit`). */
function hostLimit(perHost, rule, answers) {
    const near = Math.max(1, Math.min(perHost, rule.near));
    if (answers === undefined || answers.answers < rule.after)
        return near;
    return Math.max(near, Math.min(perHost, Math.ceil(answers.fastestMs * rule.rate)));
}
/**
 * Requests in flight per registry host, shared by everything that plans (tag lists and manifest
 * HEADs of all entries at once): planning scales with the requests a host can take, not with the
 * number of entries, and no host is flooded however many entries name it. With `adaptive`, a host
 * gets up to `perHost` as its answer times say it needs (see `AdaptiveLimit`).
 */
class HostLimiter {
    #size;
    #adaptive;
    #hosts = new Map();
    constructor(perHost, adaptive) {
        this.#size = Math.max(1, perHost);
        this.#adaptive = adaptive;
    }
    /** The most requests a host may ever have in flight. */
    get perHost() {
        return this.#size;
    }
    /** The most requests a host had in flight at once so far. */
    mostInFlight(host) {
        return this.#hosts.get(host)?.most ?? 0;
    }
    /** Requests the host may have in flight now: `near` until judged, then what its answers said. */
    #limit(host, slots) {
        const a = this.#adaptive;
        if (!a)
            return this.#size;
        if (slots.judged !== undefined)
            return slots.judged;
        const answers = a.answers(host);
        const limit = hostLimit(this.#size, a, answers);
        if (answers !== undefined && answers.answers >= a.after) {
            slots.judged = limit;
            a.judged?.(host, limit, answers);
        }
        return limit;
    }
    async run(host, fn) {
        let slots = this.#hosts.get(host);
        if (!slots) {
            slots = { inFlight: 0, waiters: [], most: 0, judged: undefined };
            this.#hosts.set(host, slots);
        }
        const mine = slots;
        // A waiter is handed its slot by the request it waited for (counted in `inFlight` already).
        if (mine.inFlight < this.#limit(host, mine))
            mine.inFlight++;
        else
            await new Promise((resolve) => mine.waiters.push(resolve));
        mine.most = Math.max(mine.most, mine.inFlight);
        try {
            return await fn();
        }
        finally {
            // The slot comes free on the next turn of the event loop: undici reuses a connection only a
            // turn after its answer, and a request sent before that would open one more connection.
            setImmediate(() => this.#release(host, mine));
        }
    }
    #release(host, slots) {
        slots.inFlight--;
        // The limit may have risen with this answer: hand out as many slots as it now allows.
        const limit = this.#limit(host, slots);
        while (slots.inFlight < limit && slots.waiters.length > 0) {
            slots.inFlight++;
            slots.waiters.shift()();
        }
    }
}
/**
 * A queue worked by `size` workers that accepts items while it runs: copy jobs start as soon as
 * their entry is planned, while other entries are still planning. `fn` must not throw (a job's
 * failure is its row); `close()` then `done` waits for everything pushed.
 */
class WorkQueue {
    #items = [];
    #fn;
    #size;
    #running = 0;
    #closed = false;
    #error;
    #resolve;
    #reject;
    /** Settles once closed and every item has run; rejects with the first error `fn` threw. */
    done;
    constructor(size, fn) {
        this.#size = Math.max(1, size);
        this.#fn = fn;
        this.done = new Promise((resolve, reject) => {
            this.#resolve = resolve;
            this.#reject = reject;
        });
        this.done.catch(() => undefined);
    }
    push(item) {
        if (this.#closed)
            throw new Error('WorkQueue: push after close');
        this.#items.push(item);
        this.#pump();
    }
    close() {
        this.#closed = true;
        this.#pump();
    }
    #pump() {
        while (this.#running < this.#size && this.#items.length > 0 && this.#error === undefined) {
            const item = this.#items.shift();
            this.#running++;
            this.#fn(item)
                .catch((error) => {
                this.#error ??= { error };
            })
                .finally(() => {
                this.#running--;
                this.#pump();
            });
        }
        if (this.#closed && this.#running === 0 && (this.#items.length === 0 || this.#error !== undefined)) {
            if (this.#error)
                this.#reject(this.#error.error);
            else
                this.#resolve();
        }
    }
}


/***/ }),

/***/ 25351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TT: () => (/* binding */ REFERRER_TAG),
/* harmony export */   kV: () => (/* binding */ copyReferrers)
/* harmony export */ });
/* unused harmony exports COSIGN_SUFFIXES, ReferrerCopyError */
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54045);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28630);
/* harmony import */ var _oci_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79572);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68338);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74700);
/**
 * Copy the referrers of a manifest (signatures, SBOMs, attestations: OCI 1.1 `subject`) and
 * cosign's legacy `sha256-<hex>.sig|.att|.sbom` tags, so that the destination can verify what the
 * source could: referrers of referrers (a signature on an SBOM) and, for an index, referrers of its
 * platform manifests too. Referrer manifests keep their bytes, so their digests are unchanged.
 * When the destination has no referrers API, its `sha256-<hex>` fallback index is maintained by
 * merging (its annotations and other entries kept), never blindly overwritten.
 */





/** cosign's legacy attachment tag suffixes. */
const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'];
/** Tags that belong to referrers machinery rather than to releases: fallback indexes and cosign tags. */
const REFERRER_TAG = /^sha256-[0-9a-f]{64}(?:\.(?:sig|att|sbom))?$/;
/** How deep referrers of referrers are followed (signature on an attestation on an SBOM …). */
const MAX_DEPTH = 4;
/** A referrer that could not be copied: the tag's row fails and says which. */
class ReferrerCopyError extends Error {
    name = 'ReferrerCopyError';
}
/**
 * Copy every referrer of `subject` (recursively, and of `alsoSubjects`) from `src` to `dst`, and
 * cosign's legacy tags. Rows are appended to `rows` as they are decided, so a caller keeps them
 * even when this throws `ReferrerCopyError` after trying every referrer.
 */
async function copyReferrers(ctx, src, dst, subject, stats, rows, options = {}) {
    const { client } = ctx;
    const seen = new Set([subject]);
    const visit = async (of, depth) => {
        const listed = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('source', () => client.getReferrers(src, of));
        const fresh = listed.descriptors.filter((d) => !seen.has(d.digest));
        for (const desc of fresh) {
            seen.add(desc.digest);
            const row = { digest: desc.digest, status: 'failed' };
            if (desc.artifactType !== undefined)
                row.artifactType = desc.artifactType;
            if (of !== subject)
                row.subject = of;
            rows.push(row);
            try {
                const present = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('destination', () => client.headManifest({ ...dst, digest: desc.digest }));
                if (present) {
                    row.status = 'skipped';
                    row.reason = 'up-to-date';
                }
                else if (options.dryRun) {
                    row.status = 'would-copy';
                }
                else {
                    const raw = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('source', () => client.getManifest({ ...src, digest: desc.digest }));
                    await (0,_content_js__WEBPACK_IMPORTED_MODULE_3__/* .copyContent */ .R)(ctx, src, dst, raw, stats);
                    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('destination', () => client.putManifest({ ...dst, digest: desc.digest }, raw.bytes, raw.mediaType));
                    stats.manifests++;
                    row.status = 'copied';
                    ctx.log(`copied referrer ${desc.artifactType ?? desc.mediaType} ${desc.digest} of ${of}`);
                }
            }
            catch (err) {
                row.status = 'failed';
                row.error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorInfo */ .fH)(err);
            }
        }
        // List what the destination now holds (a referrer that failed to copy cannot be listed).
        const failed = new Set(rows.filter((r) => r.status === 'failed').map((r) => r.digest));
        const held = listed.descriptors.filter((d) => !failed.has(d.digest));
        if (!options.dryRun && held.length > 0) {
            await mergeFallbackIndex(ctx, dst, of, held);
            if (of === subject && options.attachTo !== undefined)
                await mergeFallbackIndex(ctx, dst, options.attachTo, held, true);
        }
        await copyCosignTags(ctx, src, dst, of, stats, rows, options);
        if (depth < MAX_DEPTH)
            for (const desc of fresh)
                await visit(desc.digest, depth + 1);
    };
    await visit(subject, 0);
    for (const child of options.alsoSubjects ?? []) {
        if (seen.has(child))
            continue;
        seen.add(child);
        await visit(child, 1);
    }
    const failed = rows.filter((r) => r.status === 'failed');
    if (failed.length > 0) {
        const first = failed[0];
        throw new ReferrerCopyError(`${failed.length} referrer${failed.length === 1 ? '' : 's'} of ${subject} could not be copied: ${first.artifactType ?? 'referrer'} ${first.digest}: ${first.error?.message ?? 'unknown error'}`);
    }
    return rows;
}
/** cosign's legacy `sha256-<hex>.sig|.att|.sbom` tags of `subject`. */
async function copyCosignTags(ctx, src, dst, subject, stats, rows, options) {
    const { client } = ctx;
    for (const suffix of COSIGN_SUFFIXES) {
        const tag = `${(0,_oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .referrersTag */ .LN)(subject)}.${suffix}`;
        if (options.sourceTags && !options.sourceTags.has(tag))
            continue;
        const head = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('source', () => client.headManifest({ ...src, tag }));
        if (!head)
            continue;
        const row = { digest: head.digest, tag, status: 'failed' };
        rows.push(row);
        try {
            const existing = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('destination', () => client.headManifest({ ...dst, tag }));
            if (existing?.digest === head.digest) {
                row.status = 'skipped';
                row.reason = 'up-to-date';
                continue;
            }
            if (options.dryRun) {
                row.status = 'would-copy';
                continue;
            }
            // cosign appends signatures to the same tag, so the destination follows the source here.
            const raw = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('source', () => client.getManifest({ ...src, digest: head.digest }));
            await (0,_content_js__WEBPACK_IMPORTED_MODULE_3__/* .copyContent */ .R)(ctx, src, dst, raw, stats);
            await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('destination', () => client.putManifest({ ...dst, tag }, raw.bytes, raw.mediaType));
            stats.manifests++;
            row.status = 'copied';
            ctx.log(`copied cosign tag ${tag}`);
        }
        catch (err) {
            row.error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorInfo */ .fH)(err);
        }
    }
}
/** Rounds of read-merge-write-verify before giving up on the fallback index (other writers race us). */
const MERGE_ROUNDS = 8;
/** Pause after writing the fallback index before reading it back (plus up to as much again, random). */
const SETTLE_MS = 150;
/**
 * Make the destination list every referrer in `wanted`. A registry with the referrers API does
 * that itself; otherwise add the missing descriptors to its `sha256-<hex>` index (merge, keep
 * what is there, no duplicates). Another run may write the same index at the same time and drop
 * our entries (read-modify-write), so the index is read again after each write and the merge
 * repeated, after a random pause, until every wanted referrer is listed.
 */
async function mergeFallbackIndex(ctx, dst, subject, wanted, 
/** Write the fallback tag even when the destination has the API (it cannot list these there). */
always = false) {
    const tag = (0,_oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .referrersTag */ .LN)(subject);
    for (let round = 1;; round++) {
        const started = performance.now();
        const current = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('destination', () => ctx.client.getReferrers(dst, subject));
        const have = new Set(current.descriptors.map((d) => d.digest));
        const missing = wanted.filter((d) => !have.has(d.digest));
        if (missing.length === 0)
            return;
        if (current.via === 'api' && !always) {
            ctx.log(`destination lists ${current.descriptors.length} referrers of ${subject} through its API; not writing a fallback tag`);
            return;
        }
        if (round > MERGE_ROUNDS) {
            const err = new _oci_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf(`merge referrers fallback tag ${dst.registry}/${dst.repository}:${tag}: ${missing.length} referrer(s) still missing after ${MERGE_ROUNDS} rounds (another writer keeps replacing the index)`);
            err.side = 'destination';
            throw err;
        }
        const index = {
            schemaVersion: 2,
            mediaType: _oci_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p,
            manifests: [...current.descriptors, ...missing],
            ...(current.annotations ? { annotations: current.annotations } : {}),
        };
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .onSide */ .DE)('destination', () => ctx.client.putManifest({ ...dst, tag }, Buffer.from(JSON.stringify(index)), _oci_mediatypes_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p));
        ctx.log(`updated referrers fallback tag ${tag} (+${missing.length})`);
        // Let a concurrent writer that read the index before our write land its own write (its
        // read-to-write gap is about ours), then check ours survived: registries offer no
        // compare-and-swap on tags.
        const settle = Math.max(SETTLE_MS, 2 * (performance.now() - started));
        await new Promise((resolve) => setTimeout(resolve, settle + Math.random() * settle));
    }
}


/***/ })

};
