export const id = 675;
export const ids = [675];
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


/***/ }),

/***/ 87675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sync: () => (/* binding */ sync)
});

// UNUSED EXPORTS: ADAPTIVE_PLANNING, DEFAULT_CONCURRENCY, PLAN_REQUESTS_PER_HOST

// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(33683);
// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/errors.ts
var oci_errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var manifest = __webpack_require__(32060);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/verify/errors.ts
/** Why a signature check refused an image, in plain words, with the check that failed. */
/** A verification that failed (the tag is not copied). */
class VerificationFailedError extends Error {
    check;
    name = 'VerificationFailedError';
    constructor(check, message, options) {
        super(message, options);
        this.check = check;
    }
}

;// CONCATENATED MODULE: ./src/verify/cosign.ts
/**
 * Verify one cosign signature over one image digest with sigstore-js' low-level verifier and an
 * explicit trust material (never the network-only high-level API): certificate chain, SCTs,
 * SET / inclusion proof, signature; then what sigstore-js leaves to us: the OIDC identity (issuer
 * exact, subject an unanchored Go regex, as flux mirror), the signed statement's subject digest,
 * and the verified transparency-log time for `minAge`.
 *
 * Two shapes: a cosign v3 bundle (DSSE in-toto statement, found among the referrers) and a legacy
 * `sha256-<hex>.sig` layer (simple-signing payload + annotations), converted to a v0.1 bundle as
 * cosign and flux mirror do. The sigstore packages are loaded on first use (`loadSigstore`).
 */



const BUNDLE_V03 = [
    'application/vnd.dev.sigstore.bundle.v0.3+json',
    'application/vnd.dev.sigstore.bundle+json;version=0.3',
];
const INTOTO = 'application/vnd.in-toto+json';
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
// A chunk of its own in dist/ (sigstore-lib.ts): loaded on the first verification only.
async function importSigstore() {
    const { verify, bundle, specs } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(168), __webpack_require__.e(733)]).then(__webpack_require__.bind(__webpack_require__, 78733));
    return { verify, bundle, specs };
}
let loaded;
function loadSigstore() {
    loaded ??= importSigstore();
    return loaded;
}
/** Build the trust material for a policy from a trusted root (and the policy's key). */
function trustContext(sigstore, root, policy) {
    const pem = policy.publicKey;
    const keys = pem
        ? () => ({ publicKey: publicKeyOf(pem), validFor: () => true })
        : () => {
            throw new VerificationFailedError('untrusted', 'the signature names a public key, but no `publicKey` is configured');
        };
    return { sigstore, trust: sigstore.verify.toTrustMaterial(root, keys), policy };
}
function publicKeyOf(pem) {
    try {
        return (0,external_node_crypto_.createPublicKey)(pem);
    }
    catch (err) {
        throw new VerificationFailedError('untrusted', `the configured public key cannot be read: ${message(err)}`);
    }
}
function message(err) {
    return err instanceof Error ? err.message : String(err);
}
/** Run sigstore-js' checks; translate its errors into the check that failed, in plain words. */
function verifyEntity(ctx, bundle, artifact) {
    const { verify } = ctx.sigstore;
    const keyBased = bundle.verificationMaterial.content.$case === 'publicKey';
    if (keyBased && !ctx.policy.publicKey)
        throw new VerificationFailedError('untrusted', 'signed with a key, but the policy names no `publicKey`');
    if (!keyBased && ctx.policy.identities.length === 0)
        throw new VerificationFailedError('untrusted', 'keyless signature, but the policy only trusts a public key');
    const hasTlog = bundle.verificationMaterial.tlogEntries.length > 0;
    // Key-based signatures may lack a log entry (cosign --tlog-upload=false): then minAge says so below.
    const threshold = keyBased && !hasTlog ? 0 : 1;
    const verifier = new verify.Verifier(ctx.trust, {
        tlogThreshold: threshold,
        ctlogThreshold: 1,
        timestampThreshold: threshold,
    });
    try {
        return verifier.verify(verify.toSignedEntity(bundle, artifact));
    }
    catch (err) {
        if (err instanceof VerificationFailedError)
            throw err;
        const code = err.code ?? '';
        const why = message(err);
        if (code === 'TIMESTAMP_ERROR')
            throw new VerificationFailedError('no-timestamp', `no verified transparency-log timestamp (${why})`, {
                cause: err,
            });
        if (code === 'CERTIFICATE_ERROR')
            throw new VerificationFailedError('untrusted', `untrusted certificate chain (${why})`, { cause: err });
        if (code.startsWith('TLOG'))
            throw new VerificationFailedError('untrusted', `transparency-log entry does not verify (${code}: ${why})`, {
                cause: err,
            });
        if (code === 'SIGNATURE_ERROR')
            throw new VerificationFailedError('untrusted', `signature does not verify (${why})`, { cause: err });
        throw new VerificationFailedError('untrusted', `${code ? `${code}: ` : ''}${why}`, { cause: err });
    }
}
/** Identity (keyless): issuer exact, subject an unanchored Go regex; OR over the policy's list. */
function checkIdentity(policy, signer) {
    const san = signer.identity?.subjectAlternativeName ?? '';
    const issuer = signer.identity?.extensions?.issuer ?? '';
    if (!policy.identities.some((i) => i.issuer === issuer && i.re.test(san))) {
        const wanted = policy.identities.map((i) => `${i.issuer} ${i.subject}`).join(' | ');
        throw new VerificationFailedError('identity', `wrong identity: signed by ${issuer || '(no issuer)'} ${san || '(no subject)'}, wanted ${wanted}`);
    }
    return { issuer, san };
}
/** Oldest verified integrated time (entries whose SET verified), in ms; undefined when none. */
function signedAtOf(bundle) {
    const secs = bundle.verificationMaterial.tlogEntries
        .filter((e) => e.inclusionPromise && Number(e.integratedTime) > 0)
        .map((e) => Number(e.integratedTime));
    return secs.length > 0 ? Math.min(...secs) * 1000 : undefined;
}
function finish(ctx, bundle, keyBased, v, now) {
    const at = signedAtOf(bundle);
    const out = { ...v };
    if (at === undefined) {
        if (!keyBased)
            throw new VerificationFailedError('no-timestamp', 'the signature has no verified transparency-log time');
        if (ctx.policy.minAgeMs > 0)
            throw new VerificationFailedError('no-timestamp', 'minAge needs a transparency-log time, and this key-based signature has none');
        return { verification: out };
    }
    out.signedAt = new Date(at).toISOString();
    const age = now - at;
    return age < ctx.policy.minAgeMs ? { verification: out, tooNewMs: age } : { verification: out };
}
function parseBundle(ctx, json) {
    try {
        return ctx.sigstore.bundle.bundleFromJSON(json);
    }
    catch (err) {
        throw new VerificationFailedError('bundle', `malformed Sigstore bundle: ${message(err)}`, { cause: err });
    }
}
/**
 * A cosign v3 bundle (the layer of a referrer) over `digest`. Accepts any verified in-toto
 * statement whose subject is the digest (as `cosign verify` does) and reports its predicate type.
 */
function verifyBundle(ctx, bundleBytes, digest, signature, now = Date.now()) {
    let json;
    try {
        json = JSON.parse(bundleBytes.toString('utf8'));
    }
    catch (err) {
        throw new VerificationFailedError('bundle', `the bundle is not JSON: ${message(err)}`);
    }
    const bundle = parseBundle(ctx, json);
    if (!BUNDLE_V03.includes(bundle.mediaType) || bundle.content.$case !== 'dsseEnvelope')
        throw new VerificationFailedError('bundle', `not a cosign image signature bundle (${bundle.mediaType}, ${bundle.content.$case})`);
    const keyBased = bundle.verificationMaterial.content.$case === 'publicKey';
    const signer = verifyEntity(ctx, bundle);
    const id = keyBased ? undefined : checkIdentity(ctx.policy, signer);
    const env = bundle.content.dsseEnvelope;
    if (env.payloadType !== INTOTO)
        throw new VerificationFailedError('bundle', `the envelope holds ${env.payloadType}, not an in-toto statement`);
    let st;
    try {
        st = JSON.parse(env.payload.toString('utf8'));
    }
    catch {
        throw new VerificationFailedError('bundle', 'the signed statement is not JSON');
    }
    const [alg] = digest.split(':');
    const hex = (0,oci_digest/* digestHex */.sU)(digest);
    if (!st.subject?.some((s) => s.digest?.[alg ?? 'sha256'] === hex)) {
        const named = (st.subject ?? []).flatMap((s) => Object.entries(s.digest ?? {}).map(([a, h]) => `${a}:${h}`));
        throw new VerificationFailedError('digest-mismatch', `digest mismatch: the signed statement is about ${named.join(', ') || 'nothing'}, not ${digest}`);
    }
    const v = { digest, via: 'referrer', signature };
    if (id) {
        v.issuer = id.issuer;
        v.subject = id.san;
    }
    else
        v.publicKey = true;
    if (typeof st.predicateType === 'string')
        v.predicateType = st.predicateType;
    return finish(ctx, bundle, keyBased, v, now);
}
/** A legacy `.sig` layer: its simple-signing payload bytes and the layer descriptor's annotations. */
function verifyLegacyLayer(ctx, payload, annotations, digest, signature, now = Date.now()) {
    const sig = annotations['dev.cosignproject.cosign/signature'];
    if (!sig)
        throw new VerificationFailedError('bundle', 'the .sig layer carries no signature annotation');
    const certPem = annotations['dev.sigstore.cosign/certificate'];
    const chainPem = annotations['dev.sigstore.cosign/chain'];
    const rekor = annotations['dev.sigstore.cosign/bundle'];
    const tlogEntries = [];
    if (rekor) {
        let p;
        try {
            p = JSON.parse(rekor);
        }
        catch {
            throw new VerificationFailedError('bundle', 'the .sig layer has an unreadable Rekor bundle annotation');
        }
        const body = JSON.parse(Buffer.from(p.Payload?.body ?? '', 'base64').toString('utf8') || '{}');
        tlogEntries.push({
            logIndex: String(p.Payload?.logIndex ?? 0),
            logId: { keyId: Buffer.from(p.Payload?.logID ?? '', 'hex').toString('base64') },
            kindVersion: { kind: body.kind ?? '', version: body.apiVersion ?? '' },
            integratedTime: String(p.Payload?.integratedTime ?? 0),
            inclusionPromise: { signedEntryTimestamp: p.SignedEntryTimestamp ?? '' },
            canonicalizedBody: p.Payload?.body ?? '',
        });
    }
    const material = { tlogEntries };
    if (certPem) {
        const certificates = [...pemBlocks(certPem), ...pemBlocks(chainPem ?? '')].map((der) => ({
            rawBytes: der.toString('base64'),
        }));
        material.x509CertificateChain = { certificates };
    }
    else
        material.publicKey = { hint: '' };
    const bundle = parseBundle(ctx, {
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: material,
        messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: (0,external_node_crypto_.createHash)('sha256').update(payload).digest('base64') },
            signature: sig,
        },
    });
    const keyBased = !certPem;
    const signer = verifyEntity(ctx, bundle, payload);
    const id = keyBased ? undefined : checkIdentity(ctx.policy, signer);
    let ss;
    try {
        ss = JSON.parse(payload.toString('utf8'));
    }
    catch {
        throw new VerificationFailedError('bundle', 'the .sig payload is not JSON');
    }
    if (ss.critical?.type !== SIMPLE_SIGNING_TYPE)
        throw new VerificationFailedError('bundle', `the .sig payload is not a ${SIMPLE_SIGNING_TYPE}`);
    const named = ss.critical.image?.['docker-manifest-digest'];
    if (named !== digest)
        throw new VerificationFailedError('digest-mismatch', `digest mismatch: the signature is about ${named}, not ${digest}`);
    const v = { digest, via: 'legacy-sig', signature };
    if (id) {
        v.issuer = id.issuer;
        v.subject = id.san;
    }
    else
        v.publicKey = true;
    return finish(ctx, bundle, keyBased, v, now);
}
function pemBlocks(pem) {
    return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/verify/trust.ts
/**
 * Where trust comes from: a trusted_root.json given by the user (`trustedRoot`, `--trusted-root`,
 * the `trusted-root` input; air-gapped runs, private Sigstore instances), else the Sigstore public
 * good instance's root through TUF, cached on disk so a cron run does not walk TUF every time
 * (the action keeps that cache in the Actions cache with the state file).
 */




/** Default TUF cache directory: `$XDG_CACHE_HOME/oci-mirror/sigstore-tuf` (or `~/.cache/…`). */
function defaultTufCachePath(env = process.env) {
    return (0,external_node_path_.join)(env.XDG_CACHE_HOME || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache'), 'oci-mirror', 'sigstore-tuf');
}
/** Read a trusted root file, or fetch (and cache) the public-good one through TUF. */
async function loadTrustedRoot(sigstore, path, tufCachePath) {
    if (path !== undefined) {
        let json;
        try {
            json = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        }
        catch (err) {
            throw new VerificationFailedError('trusted-root', `trusted root ${path} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        try {
            return sigstore.specs.TrustedRoot.fromJSON(json);
        }
        catch (err) {
            throw new VerificationFailedError('trusted-root', `trusted root ${path} is not a Sigstore trusted root`, {
                cause: err,
            });
        }
    }
    const { getTrustedRoot } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(654), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 84423));
    try {
        // forceCache: metadata cached and not yet expired is used without asking the TUF repository
        // (its expiry still bounds staleness); expired or missing metadata is refreshed as usual.
        return await getTrustedRoot({ cachePath: tufCachePath, retry: 2, timeout: 10_000, forceCache: true });
    }
    catch (err) {
        throw new VerificationFailedError('trusted-root', `the Sigstore public-good trusted root could not be fetched through TUF (cache ${tufCachePath}): ${err instanceof Error ? err.message : String(err)}; for offline runs give a trusted_root.json with trustedRoot / --trusted-root`, { cause: err });
    }
}

// EXTERNAL MODULE: ./src/select/goregex.ts
var goregex = __webpack_require__(95193);
;// CONCATENATED MODULE: ./src/verify/policy.ts
/**
 * A verification policy: who must have signed (OIDC identities, or a public key), how old the
 * signature must be, and which trusted root anchors it. Its hash keys remembered results, so a
 * policy change invalidates them.
 */


/** Build the policy of an entry. `publicKey` is the key's PEM text (read by the caller). */
function policyOf(spec, opts) {
    const identities = spec.matchOIDCIdentity.map((i) => ({
        issuer: i.issuer,
        subject: i.subject,
        re: (0,goregex/* compileGoRegex */.lX)(i.subject).re,
    }));
    const minAgeMs = spec.minAgeMs ?? 0;
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({
        v: 1,
        ids: spec.matchOIDCIdentity,
        key: opts.publicKey?.trim() ?? null,
        minAgeMs,
        root: opts.trustedRoot ?? 'public-good',
    }))
        .digest('hex')
        .slice(0, 16);
    const p = { identities, minAgeMs, hash };
    if (opts.publicKey !== undefined)
        p.publicKey = opts.publicKey;
    if (opts.trustedRoot !== undefined)
        p.trustedRoot = opts.trustedRoot;
    return p;
}

;// CONCATENATED MODULE: ./src/verify/index.ts








const BUNDLE_PREFIX = 'application/vnd.dev.sigstore.bundle';
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** Signature blobs are small; refuse anything larger than this. */
const MAX_SIGNATURE_BLOB = 4 * 1024 * 1024;
class ImageVerifier {
    #client;
    #options;
    #trust = new Map();
    #runs = new Map();
    constructor(client, options = {}) {
        this.#client = client;
        this.#options = options;
    }
    /** Verify `repo@digest` against `policy`. Throws `VerificationFailedError` on refusal. */
    async verify(repo, digest, policy) {
        const key = `${digest}|${policy.hash}`;
        let run = this.#runs.get(key);
        if (!run) {
            run = this.#run(repo, digest, policy, key);
            this.#runs.set(key, run);
        }
        const { checked, cached } = await run;
        const now = (this.#options.now ?? Date.now)();
        const at = checked.verification.signedAt ? Date.parse(checked.verification.signedAt) : undefined;
        const age = at === undefined ? undefined : now - at;
        if (age !== undefined && age < policy.minAgeMs)
            return { status: 'too-new', verification: checked.verification, ageMs: age, cached };
        return { status: 'verified', verification: checked.verification, cached };
    }
    async #run(repo, digest, policy, key) {
        const remembered = this.#options.cache?.get(key);
        if (remembered && remembered.digest === digest)
            return { checked: { verification: remembered }, cached: true };
        const ctx = await this.#context(policy);
        const checked = await this.#discoverAndCheck(ctx, repo, digest);
        this.#options.cache?.set(key, checked.verification);
        return { checked, cached: false };
    }
    #context(policy) {
        const root = this.#options.trustedRoot ?? policy.trustedRoot;
        const key = `${root ?? ''}|${policy.hash}`;
        let ctx = this.#trust.get(key);
        if (!ctx) {
            ctx = (async () => {
                const sigstore = await loadSigstore();
                const trusted = await loadTrustedRoot(sigstore, root, this.#options.tufCachePath ?? defaultTufCachePath());
                return trustContext(sigstore, trusted, policy);
            })();
            this.#trust.set(key, ctx);
        }
        return ctx;
    }
    async #discoverAndCheck(ctx, repo, digest) {
        const now = (this.#options.now ?? Date.now)();
        const errors = [];
        const attempt = (fn) => {
            try {
                return fn();
            }
            catch (err) {
                if (!(err instanceof VerificationFailedError))
                    throw err;
                errors.push(err);
                return undefined;
            }
        };
        const referrers = await this.#client.getReferrers(repo, digest);
        // Only bundles (and referrers that do not say what they are) can be signatures.
        const candidates = referrers.descriptors.filter((d) => d.artifactType === undefined || d.artifactType.startsWith(BUNDLE_PREFIX));
        let bundles = 0;
        for (const desc of candidates) {
            const layer = await this.#bundleLayer(repo, desc);
            if (!layer)
                continue;
            bundles++;
            const bytes = await this.#blob(repo, layer).catch((err) => {
                errors.push(new VerificationFailedError('bundle', `bundle ${layer.digest}: ${String(err)}`));
                return undefined;
            });
            if (!bytes)
                continue;
            const ok = attempt(() => verifyBundle(ctx, bytes, digest, desc.digest, now));
            if (ok)
                return ok;
        }
        if (bundles === 0) {
            const tag = `sha256-${(0,oci_digest/* digestHex */.sU)(digest)}.sig`;
            let raw;
            try {
                raw = await this.#client.getManifest({ ...repo, tag });
            }
            catch (err) {
                if (!(err instanceof oci_errors/* NotFoundError */.m_))
                    throw err;
            }
            if (raw) {
                const parsed = (0,manifest/* parseManifest */.Ng)(raw.bytes, raw.mediaType);
                const layers = parsed.kind === 'manifest' ? parsed.manifest.layers : [];
                for (const layer of layers.filter((l) => l.mediaType === SIMPLE_SIGNING)) {
                    const payload = await this.#blob(repo, layer);
                    const ok = attempt(() => verifyLegacyLayer(ctx, payload, layer.annotations ?? {}, digest, raw.digest, now));
                    if (ok)
                        return ok;
                }
            }
        }
        const last = errors.at(-1);
        if (!last) {
            throw new VerificationFailedError('no-signature', `no cosign signature: no Sigstore bundle among the referrers of ${digest} and no ${`sha256-${(0,oci_digest/* digestHex */.sU)(digest)}.sig`} tag`);
        }
        if (errors.length === 1)
            throw last;
        throw new VerificationFailedError(last.check, `none of ${errors.length} signatures verified; last: ${last.message}`, { cause: last });
    }
    /** The bundle layer of a referrer: exactly one layer whose media type is a Sigstore bundle. */
    async #bundleLayer(repo, desc) {
        const raw = await this.#client.getManifest({ ...repo, digest: desc.digest });
        const parsed = (0,manifest/* parseManifest */.Ng)(raw.bytes, raw.mediaType);
        if (parsed.kind !== 'manifest')
            return undefined;
        const layers = parsed.manifest.layers.filter((l) => l.mediaType.startsWith(BUNDLE_PREFIX));
        return layers.length === 1 && parsed.manifest.layers.length === 1 ? layers[0] : undefined;
    }
    async #blob(repo, desc) {
        if (desc.size > MAX_SIGNATURE_BLOB)
            throw new VerificationFailedError('bundle', `signature blob ${desc.digest} is too large (${desc.size} bytes)`);
        const chunks = [];
        let size = 0;
        for await (const c of await this.#client.getBlob(repo, desc)) {
            size += c.length;
            if (size > MAX_SIGNATURE_BLOB)
                throw new VerificationFailedError('bundle', `signature blob ${desc.digest} is too large`);
            chunks.push(c);
        }
        const bytes = Buffer.concat(chunks);
        if (!(0,oci_digest/* matchesDigest */._j)(bytes, desc.digest))
            throw new VerificationFailedError('bundle', `signature blob ${desc.digest} does not match its digest`);
        return bytes;
    }
}

// EXTERNAL MODULE: ./src/sync/errors.ts
var sync_errors = __webpack_require__(74700);
;// CONCATENATED MODULE: ./src/sync/tagless.ts

class TaglessRepositories {
    #answers = new Map();
    /**
     * Ask once per run (later calls share the first answer): true when `repo` held no tag, false
     * when it held one or the page could not be read (then every lookup is made as usual).
     */
    ask(client, repo) {
        const key = (0,oci_reference/* formatRepository */.Sh)(repo);
        const known = this.#answers.get(key);
        if (known)
            return known.done;
        const answer = { settled: false, empty: false, writing: false, done: Promise.resolve(false) };
        answer.done = client.hasTags(repo).then((has) => {
            answer.empty = !has;
            answer.settled = true;
            return answer.empty;
        }, () => {
            answer.settled = true;
            return false;
        });
        this.#answers.set(key, answer);
        return answer.done;
    }
    /** True when `repo` is known (answer in) to have held no tag when first asked. */
    known(repo) {
        const answer = this.#answers.get((0,oci_reference/* formatRepository */.Sh)(repo));
        return answer?.settled === true && answer.empty;
    }
    /** True while `repo` is known tagless and no copy of this run has started writing into it. */
    untouched(repo) {
        const answer = this.#answers.get((0,oci_reference/* formatRepository */.Sh)(repo));
        return answer?.settled === true && answer.empty && !answer.writing;
    }
    /** A copy of this run starts writing into `repo`: from now on planning looks its tags up again. */
    copying(repo) {
        const answer = this.#answers.get((0,oci_reference/* formatRepository */.Sh)(repo));
        if (answer)
            answer.writing = true;
    }
}

;// CONCATENATED MODULE: ./src/sync/blobs.ts





class BlobCopier {
    #client;
    #transfers;
    #log;
    /** destination registry → digest → repositories known to hold it. */
    #known = new Map();
    /** `registry|digest` → the copy in flight into that registry. */
    #inflight = new Map();
    #tagless;
    /** Bytes streamed into destinations by this copier. */
    bytes = 0;
    constructor(options) {
        this.#client = options.client;
        this.#transfers = options.transfers;
        this.#log = options.log ?? (() => undefined);
        this.#tagless = options.tagless ?? new TaglessRepositories();
    }
    #holders(registry, digest) {
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
    remember(repo, digest) {
        this.#holders(repo.registry, digest).add(repo.repository);
    }
    /** Make sure `dst` holds the blob `desc` that `src` has. */
    async ensure(src, dst, desc, 
    /** The job's client (a view that aborts at the job's deadline); default the copier's own. */
    client = this.#client) {
        const key = `${dst.registry}|${desc.digest}`;
        // Wait for a copy of the same blob into the same registry: afterwards it can be mounted.
        for (let pending = this.#inflight.get(key); pending; pending = this.#inflight.get(key)) {
            await pending.catch(() => undefined);
        }
        const holders = this.#holders(dst.registry, desc.digest);
        if (holders.has(dst.repository))
            return 'existing';
        const work = this.#ensure(client, src, dst, desc, holders);
        this.#inflight.set(key, work);
        try {
            const outcome = await work;
            holders.add(dst.repository);
            return outcome;
        }
        finally {
            this.#inflight.delete(key);
        }
    }
    /**
     * A copy into `dst` starts: ask once per run whether `dst` holds any tag (one tag-list page),
     * without waiting for the answer (usually in before the first blob, or already from planning),
     * and note that this run now writes there (see `TaglessRepositories.copying`).
     */
    starting(client, dst) {
        void this.#tagless.ask(client, dst);
        this.#tagless.copying(dst);
    }
    /**
     * True when `dst` is known to have held no tag when this run first asked (see `starting`). Until
     * the answer is in, and after an error, false: each blob is then looked up as before.
     */
    #knownEmpty(client, dst) {
        void this.#tagless.ask(client, dst);
        return this.#tagless.known(dst);
    }
    /** Open the source stream; errors it emits later (digest mismatch, reset) are the source's. */
    async #open(client, src, desc) {
        const stream = await (0,sync_errors/* onSide */.DE)('source', () => client.getBlob(src, desc));
        stream.on('error', (err) => {
            if (err instanceof oci_errors/* OciError */.Mf && err.side === undefined)
                err.side = 'source';
        });
        return stream;
    }
    async #ensure(client, src, dst, desc, holders) {
        const where = `${(0,oci_reference/* formatRepository */.Sh)(dst)}@${desc.digest}`;
        let location;
        // Mount candidates: repositories of the destination registry known to hold it, or the
        // source repository itself when source and destination share a registry.
        const candidates = [...holders];
        if (src.registry === dst.registry && src.repository !== dst.repository)
            candidates.push(src.repository);
        for (const from of candidates.slice(0, 2)) {
            const result = await (0,sync_errors/* onSide */.DE)('destination', () => client.mountBlob(dst, desc.digest, from));
            if (result.mounted) {
                this.#log(`mounted ${where} from ${from}`);
                return 'mounted';
            }
            // The registry opened an upload session instead: keep it for the upload below.
            if (location)
                await client.cancelUpload(dst, location);
            location = result.location;
        }
        if (location === undefined && this.#knownEmpty(client, dst)) {
            location = await (0,sync_errors/* onSide */.DE)('destination', () => client.startUpload(dst));
        }
        else if (location === undefined) {
            // The HEAD and the upload's POST go out together: on a fresh destination every HEAD misses,
            // and waiting for it would add a round trip per blob. When the blob is there after all, the
            // opened upload is cancelled.
            const [size, opened] = await Promise.all([
                (0,sync_errors/* onSide */.DE)('destination', () => client.headBlob(dst, desc.digest)),
                (0,sync_errors/* onSide */.DE)('destination', () => client.startUpload(dst)).then((loc) => ({ loc }), (error) => ({ error })),
            ]);
            if (size !== undefined) {
                if ('loc' in opened)
                    await client.cancelUpload(dst, opened.loc);
                this.#log(`exists ${where}`);
                return 'existing';
            }
            if ('error' in opened)
                throw opened.error;
            location = opened.loc;
        }
        (0,runtime/* tuneForStreaming */.E)();
        await this.#transfers.run(() => (0,sync_errors/* onSide */.DE)('destination', () => client.uploadBlob(dst, desc, () => this.#open(client, src, desc), location !== undefined ? { location } : {})));
        this.bytes += desc.size;
        this.#log(`copied ${where} (${desc.size} bytes) from ${(0,oci_reference/* formatRepository */.Sh)(src)}`);
        return 'copied';
    }
}

// EXTERNAL MODULE: ./src/sync/content.ts
var content = __webpack_require__(68338);
// EXTERNAL MODULE: ./src/sync/job.ts + 2 modules
var sync_job = __webpack_require__(74988);
// EXTERNAL MODULE: ./src/sync/model.ts
var model = __webpack_require__(89894);
;// CONCATENATED MODULE: ./src/sync/not-checked.ts

/** An error that says "who are you" or "not you", which a missing credential explains. */
function isAuthFailure(e) {
    if (!e)
        return false;
    const code = e.code?.toUpperCase();
    return (e.kind === 'AuthError' ||
        e.httpStatus === 401 ||
        e.httpStatus === 403 ||
        code === 'UNAUTHORIZED' ||
        code === 'DENIED' ||
        // Private repositories answer anonymous readers as if they did not exist.
        code === 'NAME_UNKNOWN');
}
function registryOf(reference) {
    try {
        return (0,oci_reference/* parseRepository */.SU)(reference.replace(/^oci:\/\//, '').replace(/[:@][^/]*$/, '')).registry;
    }
    catch {
        return undefined;
    }
}
/**
 * Why each host in `hosts` is used without its credential, keyed by host: an empty `${VAR}`
 * (`missingSecret`) or no OIDC ID token for this job (`noIdToken`).
 */
function hostsWithoutCredential(hosts, emptySecretWhy) {
    const out = new Map();
    for (const h of hosts) {
        if (h.missingSecret !== undefined)
            out.set(h.host, `${h.host} has no credential because \${${h.missingSecret}} is empty (${emptySecretWhy})`);
        else if (h.noIdToken !== undefined)
            out.set(h.host, `${h.host} was read anonymously because this job has no OIDC ID token (${h.noIdToken})`);
    }
    return out;
}
/**
 * Turn the auth failures of entries that touch a host in `without` (host → why it has no
 * credential) into `notChecked`, in place: the plan error is cleared and the failed rows on that
 * host dropped, with the reason saying why. Other failures stay failures.
 */
function markNotChecked(entries, without) {
    if (without.size === 0)
        return;
    const reasonOf = (ref) => {
        const host = ref ? registryOf(ref) : undefined;
        return host ? without.get(host) : undefined;
    };
    for (const e of entries) {
        const reasons = new Set();
        const explain = (ref) => {
            const why = reasonOf(ref);
            if (!why)
                return false;
            reasons.add(why);
            return true;
        };
        if (isAuthFailure(e.error)) {
            const ref = e.error?.side === 'destination' ? e.destinations[0] : e.source;
            if (explain(ref))
                delete e.error;
        }
        let dropped = 0;
        e.tags = e.tags.filter((t) => {
            if (t.status !== 'failed' || !isAuthFailure(t.error))
                return true;
            const ref = t.error?.side === 'destination' ? t.destination : t.source;
            if (!explain(ref))
                return true;
            dropped++;
            return false;
        });
        if (reasons.size > 0)
            e.notChecked = `${[...reasons].join('; ')}${dropped > 0 ? `; ${dropped} tag${dropped === 1 ? '' : 's'} not checked` : ''}`;
    }
}

// EXTERNAL MODULE: ./src/sync/plan.ts
var sync_plan = __webpack_require__(34816);
// EXTERNAL MODULE: ./src/sync/pool.ts
var pool = __webpack_require__(17137);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/auth/challenge.ts
/**
 * Parse `WWW-Authenticate` headers (RFC 7235 / RFC 6750): several challenges in one header,
 * quoted values that contain commas or escaped quotes, and token68 forms.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*(?=\s*(?:,|$))/;
/** Parse every challenge in a header value. Malformed remainders are skipped. */
function parseWwwAuthenticate(header) {
    const challenges = [];
    let rest = header;
    let current;
    for (;;) {
        rest = rest.replace(/^[\s,]+/, '');
        if (rest === '')
            break;
        const token = TOKEN.exec(rest)?.[0];
        if (token === undefined) {
            rest = rest.slice(1);
            continue;
        }
        const after = rest.slice(token.length).replace(/^ +/, '');
        if (after.startsWith('=') && current !== undefined) {
            // auth-param: name = token / quoted-string
            rest = after.slice(1).replace(/^ +/, '');
            let value;
            if (rest.startsWith('"')) {
                value = '';
                let i = 1;
                while (i < rest.length && rest[i] !== '"') {
                    if (rest[i] === '\\' && i + 1 < rest.length)
                        i++;
                    value += rest[i];
                    i++;
                }
                rest = rest.slice(i + 1);
            }
            else {
                value = /^[^,\s]*/.exec(rest)?.[0] ?? '';
                rest = rest.slice(value.length);
            }
            current.params[token.toLowerCase()] = value;
            continue;
        }
        current = { scheme: token.toLowerCase(), params: {} };
        challenges.push(current);
        rest = after;
        const t68 = TOKEN68.exec(rest)?.[0];
        if (t68 !== undefined && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=\s*[^\s=,]/.test(rest))
            rest = rest.slice(t68.length);
    }
    return challenges;
}

;// CONCATENATED MODULE: ./src/auth/scope.ts
/** `repository:name:pull,push` with sorted, de-duplicated actions. */
function formatScope(scope) {
    return `${scope.type}:${scope.name}:${[...new Set(scope.actions)].sort().join(',')}`;
}
/** Parse `type:name:actions` (the name may contain `:` for host:port, so parse from both ends). */
function parseScope(s) {
    const first = s.indexOf(':');
    const last = s.lastIndexOf(':');
    if (first < 0 || last === first)
        return undefined;
    return {
        type: s.slice(0, first),
        name: s.slice(first + 1, last),
        actions: s
            .slice(last + 1)
            .split(',')
            .filter((a) => a !== ''),
    };
}
/** Merge scopes: one entry per (type, name) with the union of actions, sorted for stable keys. */
function mergeScopes(...lists) {
    const byKey = new Map();
    for (const list of lists) {
        for (const s of list) {
            const key = `${s.type}:${s.name}`;
            const existing = byKey.get(key);
            if (existing)
                existing.actions = [...new Set([...existing.actions, ...s.actions])].sort();
            else
                byKey.set(key, { type: s.type, name: s.name, actions: [...new Set(s.actions)].sort() });
        }
    }
    return [...byKey.values()].sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
}
/** Canonical cache key of a scope set. */
function scopeKey(scopes) {
    return mergeScopes(scopes).map(formatScope).join(' ');
}
/** True when `granted` includes every action of every scope in `needed` (`*` grants all). */
function covers(granted, needed) {
    return needed.every((n) => {
        const g = granted.find((s) => s.type === n.type && s.name === n.name);
        return g !== undefined && (g.actions.includes('*') || n.actions.every((a) => g.actions.includes(a)));
    });
}

// EXTERNAL MODULE: ./src/oci/transport.ts + 1 modules
var oci_transport = __webpack_require__(14674);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
;// CONCATENATED MODULE: ./src/auth/token.ts




const CLIENT_ID = 'oci-mirror';
/** Tokens without `expires_in` live 60 s per the spec; we renew a little early. */
const DEFAULT_EXPIRES_IN = 60;
const RENEW_EARLY_MS = 10_000;
function checkRealm(host, realm) {
    let url;
    try {
        url = new URL(realm);
    }
    catch (cause) {
        throw new oci_errors/* AuthError */.lR(host, `token realm "${realm}" is not a URL`, { cause });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new oci_errors/* AuthError */.lR(host, `token realm "${realm}" must be http(s)`);
    }
    return url;
}
/** Largest token answer read (tokens are a few KB; the read is retried whole when cut). */
const MAX_TOKEN_ANSWER = 1024 * 1024;
async function parseTokenResponse(host, status, text, now) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch (cause) {
        throw new oci_errors/* AuthError */.lR(host, `token endpoint answered HTTP ${status} with a body that is not JSON`, {
            cause,
            status,
        });
    }
    const token = typeof body.token === 'string' && body.token !== ''
        ? body.token
        : typeof body.access_token === 'string'
            ? body.access_token
            : undefined;
    if (!token)
        throw new oci_errors/* AuthError */.lR(host, 'token endpoint answered without "token" or "access_token"', { status });
    (0,secrets/* registerSecret */.cl)(token);
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in >= DEFAULT_EXPIRES_IN
        ? body.expires_in
        : DEFAULT_EXPIRES_IN;
    const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : Number.NaN;
    // Trust our clock over the server's issued_at when they disagree wildly (skewed servers).
    const base = Number.isFinite(issued) && Math.abs(issued - now) < 5 * 60_000 ? issued : now;
    const out = { token, expiresAt: base + expiresIn * 1000 - RENEW_EARLY_MS };
    if (typeof body.refresh_token === 'string') {
        (0,secrets/* registerSecret */.cl)(body.refresh_token);
        out.refreshToken = body.refresh_token;
    }
    return out;
}
async function failure(host, method, url, status, text) {
    const codes = (0,oci_errors/* parseErrorBody */.kW)(text)
        .map((e) => e.code + (e.message ? `: ${e.message}` : ''))
        .join('; ');
    let detail = codes;
    if (!detail) {
        try {
            const j = JSON.parse(text);
            detail = [j.error, j.error_description ?? j.details].filter(Boolean).join(': ');
        }
        catch {
            detail = '';
        }
    }
    const hint = status === 401 || status === 403 ? ' — check the username and password/token for this host' : '';
    throw new oci_errors/* AuthError */.lR(host, `token request ${method} ${(0,oci_transport/* safeUrl */.Pl)(url)} returned HTTP ${status}${detail ? ` (${detail})` : ''}${hint}`, { status });
}
async function getToken(transport, req, now) {
    const url = checkRealm(req.host, req.realm);
    if (req.service)
        url.searchParams.set('service', req.service);
    for (const scope of req.scopes)
        url.searchParams.append('scope', formatScope(scope));
    const headers = { accept: 'application/json' };
    const cred = req.credential;
    if (cred?.username !== undefined && cred.password !== undefined) {
        url.searchParams.set('account', cred.username);
        headers.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
    }
    const res = await transport.request({ method: 'GET', url, headers, buffer: MAX_TOKEN_ANSWER });
    const text = await res.body.text();
    if (res.status !== 200)
        return { status: res.status, text };
    return parseTokenResponse(req.host, res.status, text, now);
}
async function postToken(transport, req, now) {
    const url = checkRealm(req.host, req.realm);
    const form = new URLSearchParams();
    const cred = req.credential;
    if (cred?.identityToken !== undefined) {
        form.set('grant_type', 'refresh_token');
        form.set('refresh_token', cred.identityToken);
    }
    else if (cred?.username !== undefined && cred.password !== undefined) {
        form.set('grant_type', 'password');
        form.set('username', cred.username);
        form.set('password', cred.password);
    }
    else {
        throw new oci_errors/* AuthError */.lR(req.host, 'the OAuth2 token form needs a refresh token or a username and password');
    }
    if (req.service)
        form.set('service', req.service);
    form.set('client_id', CLIENT_ID);
    if (req.scopes.length > 0)
        form.set('scope', req.scopes.map(formatScope).join(' '));
    const res = await transport.request({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        buffer: MAX_TOKEN_ANSWER,
    });
    const text = await res.body.text();
    if (res.status !== 200)
        return { status: res.status, text };
    return parseTokenResponse(req.host, res.status, text, now);
}
/**
 * Fetch a bearer token. Refresh tokens always use the POST form. Username/password use GET with
 * Basic (every token server supports it) and fall back to the POST password grant when GET is
 * refused with 404/405 — or the reverse with `preferPost`, falling back like containerd does
 * (404, 405, 400, 401 on POST: GCR, ACR and Artifactory only speak GET).
 */
async function fetchToken(transport, req, now = Date.now()) {
    const cred = req.credential;
    if (cred?.identityToken !== undefined) {
        const r = await postToken(transport, req, now);
        if ('token' in r)
            return r;
        return failure(req.host, 'POST', new URL(req.realm), r.status, r.text);
    }
    const hasPassword = cred?.username !== undefined && cred.password !== undefined;
    if (hasPassword && req.preferPost) {
        const r = await postToken(transport, req, now);
        if ('token' in r)
            return r;
        if (![400, 401, 404, 405].includes(r.status))
            return failure(req.host, 'POST', new URL(req.realm), r.status, r.text);
    }
    const r = await getToken(transport, req, now);
    if ('token' in r)
        return r;
    if (hasPassword && !req.preferPost && (r.status === 404 || r.status === 405)) {
        const p = await postToken(transport, req, now);
        if ('token' in p)
            return p;
        return failure(req.host, 'POST', new URL(req.realm), p.status, p.text);
    }
    return failure(req.host, 'GET', new URL(req.realm), r.status, r.text);
}

;// CONCATENATED MODULE: ./src/auth/authenticator.ts




class Authenticator {
    #transport;
    #credentials;
    #now;
    #preferPost;
    #hosts = new Map();
    #creds = new Map();
    constructor(options) {
        this.#transport = options.transport;
        this.#credentials = options.credentials ?? (async () => undefined);
        this.#now = options.now ?? Date.now;
        this.#preferPost = options.preferPost ?? false;
    }
    #state(host) {
        let s = this.#hosts.get(host);
        if (!s) {
            s = { tokens: [], inflight: new Map() };
            this.#hosts.set(host, s);
        }
        return s;
    }
    /**
     * The host's credential, asked of the source once and again whenever the credential it gave has
     * an `expiresAt` that has passed (exchanged tokens, re-read files, per-request JWTs).
     */
    #credential(host) {
        let c = this.#creds.get(host);
        const expiresAt = c?.value?.expiresAt;
        if (c?.settled && expiresAt !== undefined && expiresAt <= this.#now())
            c = undefined;
        if (!c) {
            const entry = { promise: this.#credentials(host), settled: false };
            this.#creds.set(host, entry);
            entry.promise.then((value) => {
                entry.value = value;
                entry.settled = true;
            }, 
            // A failed lookup (helper crashed, exchange refused) is not cached, so a later request may try again.
            () => {
                if (this.#creds.get(host) === entry)
                    this.#creds.delete(host);
            });
            c = entry;
        }
        return c.promise;
    }
    /** Number of tokens fetched so far per host (for tests and reports). */
    tokenCount(host) {
        return this.#state(host).tokens.length;
    }
    async authorization(host, scopes) {
        // A credential already settled and not expired is used as is (no await per request).
        const known = this.#creds.get(host);
        const cred = known?.settled && (known.value?.expiresAt === undefined || known.value.expiresAt > this.#now())
            ? known.value
            : await this.#credential(host);
        if (cred?.registryToken !== undefined)
            return `Bearer ${cred.registryToken}`;
        const state = this.#state(host);
        if (state.scheme === 'basic')
            return basicHeader(cred);
        if (state.scheme === 'bearer')
            return `Bearer ${(await this.#token(host, state, scopes, cred)).token}`;
        return undefined;
    }
    async #token(host, state, scopes, cred) {
        const now = this.#now();
        state.tokens = state.tokens.filter((t) => t.token.expiresAt > now);
        const cached = state.tokens.find((t) => covers(t.scopes, scopes));
        if (cached)
            return cached.token;
        const wanted = mergeScopes(scopes);
        const key = scopeKey(wanted);
        let pending = state.inflight.get(key);
        if (!pending) {
            if (state.realm === undefined)
                throw new oci_errors/* AuthError */.lR(host, 'bearer challenge without a realm');
            pending = fetchToken(this.#transport, {
                host,
                realm: state.realm,
                ...(state.service !== undefined ? { service: state.service } : {}),
                scopes: wanted,
                credential: cred,
                preferPost: this.#preferPost,
            }, now);
            state.inflight.set(key, pending);
            try {
                const token = await pending;
                state.tokens.push({ scopes: wanted, token });
                return token;
            }
            finally {
                state.inflight.delete(key);
            }
        }
        return pending;
    }
    async challenge(host, wwwAuthenticate, scopes, sent) {
        const cred = await this.#credential(host);
        const state = this.#state(host);
        // A bearer token sent as-is was refused: retry only if the source has since given a new one.
        if (cred?.registryToken !== undefined)
            return sent !== `Bearer ${cred.registryToken}`;
        const challenges = wwwAuthenticate ? parseWwwAuthenticate(wwwAuthenticate) : [];
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        const basic = challenges.find((c) => c.scheme === 'basic');
        if (bearer) {
            const wasBearer = state.scheme === 'bearer';
            state.scheme = 'bearer';
            state.realm = bearer.params.realm;
            if (bearer.params.service !== undefined)
                state.service = bearer.params.service;
            else
                delete state.service;
            // Drop the token that was refused; the next authorization() fetches a fresh one.
            const refused = sent?.startsWith('Bearer ') ? sent.slice(7) : undefined;
            const before = state.tokens.length;
            if (refused)
                state.tokens = state.tokens.filter((t) => t.token.token !== refused);
            // insufficient_scope names the scope it wants: fetch a token covering both.
            const extra = (bearer.params.scope ?? '')
                .split(' ')
                .map(parseScope)
                .filter((s) => s !== undefined);
            if (extra.length > 0 && refused) {
                await this.#token(host, state, mergeScopes(scopes, extra), cred);
                return true;
            }
            return sent === undefined || !wasBearer || state.tokens.length < before;
        }
        if (basic) {
            state.scheme = 'basic';
            return basicHeader(cred) !== undefined && sent !== basicHeader(cred);
        }
        return false;
    }
}
function basicHeader(cred) {
    if (cred?.username === undefined || cred.password === undefined)
        return undefined;
    return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
}

;// CONCATENATED MODULE: ./src/auth/credentials.ts
/** Credentials for registry hosts and the sources they come from. */

/** Register every secret part of a credential for redaction. */
function maskCredential(credential) {
    if (credential) {
        (0,secrets/* registerSecret */.cl)(credential.password);
        (0,secrets/* registerSecret */.cl)(credential.identityToken);
        (0,secrets/* registerSecret */.cl)(credential.registryToken);
        if (credential.username !== undefined && credential.password !== undefined) {
            (0,secrets/* registerSecret */.cl)(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'));
        }
    }
    return credential;
}
/** A fixed map of host → credential. */
function staticCredentials(entries) {
    const map = new Map(Object.entries(entries).map(([host, cred]) => [host, maskCredential(cred)]));
    return async (host) => map.get(host);
}
/** Ask each source in turn; the first that knows the host wins. */
function chainCredentials(...sources) {
    return async (host) => {
        for (const source of sources) {
            const cred = await source(host);
            if (cred)
                return cred;
        }
        return undefined;
    };
}

;// CONCATENATED MODULE: ./src/auth/cache.ts
/**
 * Keeps one provider's credential and refreshes it before it expires: at half its lifetime
 * (what amazon-ecr-credential-helper does for ECR's 12 h), and never later than 30 s before the
 * end. Concurrent callers share one exchange; a failed exchange is not cached.
 */

const MIN_MARGIN_MS = 30_000;
class RefreshingCredential {
    #provider;
    #now;
    #current;
    #pending;
    /** Exchanges performed so far (tests and reports). */
    exchanges = 0;
    constructor(provider, now) {
        this.#provider = provider;
        this.#now = now;
    }
    get name() {
        return this.#provider.name;
    }
    /** The cached credential while fresh, else a new one. */
    async get() {
        const cur = this.#current;
        if (cur && (cur.refreshAt === undefined || this.#now() < cur.refreshAt))
            return cur;
        if (!this.#pending) {
            const issued = this.#now();
            this.exchanges++;
            this.#pending = this.#provider
                .fetch()
                .then((x) => {
                maskCredential(x.credential);
                const out = { ...x };
                if (x.expiresAt !== undefined) {
                    const life = Math.max(0, x.expiresAt - issued);
                    out.refreshAt = Math.min(issued + life / 2, x.expiresAt - MIN_MARGIN_MS);
                }
                this.#current = out;
                return out;
            })
                .finally(() => {
                this.#pending = undefined;
            });
        }
        return this.#pending;
    }
    /** Forget the cached credential (the registry refused it). */
    invalidate() {
        this.#current = undefined;
    }
}

;// CONCATENATED MODULE: ./src/auth/docker-config.ts
/**
 * Docker `config.json` as a credential source: `auths.*.auth`, `identitytoken`, `registrytoken`,
 * `credHelpers` and `credsStore` through the `docker-credential-<name> get` exec protocol.
 * Location: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
 */






/** Path of the Docker config file for an environment. */
function dockerConfigPath(env = process.env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
/** `https://ghcr.io/v1/` → `ghcr.io`, as docker's ConvertToHostname does for legacy keys. */
function keyToHost(key) {
    return key.replace(/^https?:\/\//, '').split('/')[0];
}
/** The config keys under which a registry API host may be stored. */
function candidateKeys(host) {
    if (host === oci_reference/* DOCKER_HUB_API_HOST */.Tz || host === 'docker.io' || host === 'index.docker.io') {
        return [oci_reference/* DOCKER_HUB_CONFIG_KEY */.Mj, 'index.docker.io', 'docker.io', oci_reference/* DOCKER_HUB_API_HOST */.Tz];
    }
    return [host];
}
/** Decode `auth` = base64(user:pass), split at the first colon. */
function decodeAuth(auth, key) {
    const decoded = Buffer.from(auth, 'base64').toString('utf8').replace(/\0+$/, '');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new oci_errors/* AuthError */.lR(keyToHost(key), `docker config entry "${key}" has a malformed "auth" field`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/** Run `docker-credential-<helper> get` with the server URL on stdin. */
async function runCredentialHelper(helper, serverUrl, env = process.env) {
    const program = `docker-credential-${helper}`;
    // Loaded here, not at start-up: child_process (and dgram with it) is for credential helpers only.
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 31421, 23));
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
        const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d) => {
            out += d;
        });
        child.stderr.setEncoding('utf8').on('data', (d) => {
            err += d;
        });
        child.on('error', (e) => reject(new oci_errors/* AuthError */.lR(keyToHost(serverUrl), `credential helper ${program} could not be run`, { cause: e })));
        child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
        // A helper that exits without reading stdin (or never started) closes the pipe: the exit
        // code and output decide the outcome, not the EPIPE.
        child.stdin.on('error', () => undefined);
        child.stdin.end(serverUrl);
    });
    if (code !== 0) {
        if (/credentials not found/i.test(stdout) || /credentials not found/i.test(stderr))
            return undefined;
        throw new oci_errors/* AuthError */.lR(keyToHost(serverUrl), `credential helper ${program} failed (exit ${code})`);
    }
    let parsed;
    try {
        parsed = JSON.parse(stdout);
    }
    catch (cause) {
        throw new oci_errors/* AuthError */.lR(keyToHost(serverUrl), `credential helper ${program} printed invalid JSON`, { cause });
    }
    if (typeof parsed.Secret !== 'string' || parsed.Secret === '')
        return undefined;
    const username = typeof parsed.Username === 'string' ? parsed.Username : '';
    // Username `<token>` marks the secret as an identity (refresh) token.
    if (username === '<token>')
        return maskCredential({ identityToken: parsed.Secret });
    return maskCredential({ username, password: parsed.Secret });
}
/**
 * A credential source reading Docker's config. The file is read once; helper answers are cached
 * per host for the life of the source.
 */
function dockerConfigCredentials(options = {}) {
    const env = options.env ?? process.env;
    const path = options.path ?? dockerConfigPath(env);
    let config;
    const cache = new Map();
    const load = async () => {
        let text;
        try {
            text = await (0,promises_.readFile)(path, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return undefined;
            throw new oci_errors/* AuthError */.lR('docker config', `cannot read ${path}`, { cause: err });
        }
        try {
            return JSON.parse(text);
        }
        catch (cause) {
            throw new oci_errors/* AuthError */.lR('docker config', `${path} is not valid JSON`, { cause });
        }
    };
    const lookup = async (host) => {
        config ??= load();
        const file = await config;
        if (!file)
            return undefined;
        const keys = candidateKeys(host);
        for (const key of keys) {
            const helper = file.credHelpers?.[key];
            if (helper)
                return runCredentialHelper(helper, key, env);
        }
        const auths = file.auths ?? {};
        const entryKey = keys.find((k) => auths[k] !== undefined) ?? Object.keys(auths).find((k) => keys.includes(keyToHost(k)));
        const entry = entryKey !== undefined ? auths[entryKey] : undefined;
        if (entry && entryKey !== undefined) {
            if (entry.registrytoken)
                return maskCredential({ registryToken: entry.registrytoken });
            if (entry.identitytoken)
                return maskCredential({ identityToken: entry.identitytoken });
            if (entry.auth)
                return maskCredential(decodeAuth(entry.auth, entryKey));
            if (entry.username && entry.password)
                return maskCredential({ username: entry.username, password: entry.password });
        }
        if (file.credsStore)
            return runCredentialHelper(file.credsStore, keys[0], env);
        return undefined;
    };
    return (host) => {
        let p = cache.get(host);
        if (!p) {
            p = lookup(host);
            cache.set(host, p);
        }
        return p;
    };
}

;// CONCATENATED MODULE: ./src/auth/errors.ts
/** Errors of credential sources and exchanges; each message says what was attempted and what to fix. */

/** Getting or exchanging a credential for a registry host failed. */
class CredentialError extends oci_errors/* AuthError */.lR {
    /** The provider's error code when it gave one (e.g. STS `AccessDenied`, Entra `invalid_client`). */
    code;
    constructor(host, message, options) {
        super(host, message, options);
        this.code = options?.code;
    }
}
/** The GitHub Actions OIDC token could not be obtained. */
class OidcTokenError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/**
 * No ID token for this job: GitHub offers none to a fork's or Dependabot's pull request, or the
 * runner refused the request (HTTP 401/403). A dry run reads such hosts anonymously.
 */
class IdTokenUnavailableError extends OidcTokenError {
}

// EXTERNAL MODULE: ./src/auth/id-token-env.ts
var id_token_env = __webpack_require__(93999);
;// CONCATENATED MODULE: ./src/auth/jwt.ts
/**
 * Compact JWS (JWT) signing with a private JWK, and unverified claim decoding (for `exp`).
 * ES256/ES384/ES512 (raw r||s, RFC 7518 §3.4), RS256 and EdDSA, all through node:crypto.
 */

/** The key is not a usable private JWK. */
class JwkError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
const b64url = (data) => Buffer.from(data).toString('base64url');
/** Parse a JWK (or a JWKS with exactly one key) from JSON text. */
function parseJwk(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (cause) {
        throw new JwkError('the JWK is not JSON', { cause });
    }
    if (parsed && typeof parsed === 'object' && Array.isArray(parsed.keys)) {
        const keys = parsed.keys;
        if (keys.length !== 1)
            throw new JwkError(`a JWK set must hold exactly one key, found ${keys.length}`);
        parsed = keys[0];
    }
    if (!parsed || typeof parsed !== 'object' || typeof parsed.kty !== 'string')
        throw new JwkError('the JWK has no "kty"');
    return parsed;
}
/** The JWS `alg` for a key: the JWK's own `alg` when set, else derived from kty/crv. */
function jwkAlgorithm(jwk) {
    if (jwk.alg)
        return jwk.alg;
    if (jwk.kty === 'RSA')
        return 'RS256';
    if (jwk.kty === 'EC') {
        const alg = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[jwk.crv ?? ''];
        if (!alg)
            throw new JwkError(`unsupported EC curve "${jwk.crv}"`);
        return alg;
    }
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519')
        return 'EdDSA';
    throw new JwkError(`unsupported key type "${jwk.kty}"${jwk.crv ? ` (${jwk.crv})` : ''}`);
}
const HASH = {
    RS256: 'sha256',
    RS384: 'sha384',
    RS512: 'sha512',
    ES256: 'sha256',
    ES384: 'sha384',
    ES512: 'sha512',
    EdDSA: null,
};
/** The `kid` to put in the header: the JWK's own, else its RFC 7638 thumbprint. */
function jwkKeyId(jwk) {
    if (jwk.kid)
        return jwk.kid;
    const members = {
        EC: ['crv', 'kty', 'x', 'y'],
        RSA: ['e', 'kty', 'n'],
        OKP: ['crv', 'kty', 'x'],
    };
    const names = members[jwk.kty ?? ''] ?? [];
    const canon = `{${names.map((n) => `"${n}":${JSON.stringify(jwk[n])}`).join(',')}}`;
    return b64url((0,external_node_crypto_.createHash)('sha256').update(canon).digest());
}
/** Sign `claims` with a private JWK; the header carries `alg`, `typ: JWT` and `kid`. */
function signJwt(jwk, claims) {
    if (jwk.d === undefined)
        throw new JwkError('the JWK is a public key; a private key (with "d") is needed');
    const alg = jwkAlgorithm(jwk);
    if (!(alg in HASH))
        throw new JwkError(`unsupported JWS algorithm "${alg}"`);
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)({ key: jwk, format: 'jwk' });
    }
    catch (cause) {
        throw new JwkError(`the JWK is not a valid private key: ${cause.message}`, { cause });
    }
    const header = { alg, typ: 'JWT', kid: jwkKeyId(jwk) };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = (0,external_node_crypto_.sign)(HASH[alg] ?? null, Buffer.from(input), {
        key,
        ...(alg.startsWith('ES') ? { dsaEncoding: 'ieee-p1363' } : {}),
    });
    return `${input}.${b64url(signature)}`;
}
/** The public half of a private JWK (for verifiers and tests). */
function jwt_publicKeyOf(jwk) {
    return createPublicKey({ key: jwk, format: 'jwk' });
}
/** Decode a JWT's payload without verifying it; undefined when it is not a JWT. */
function decodeJwtClaims(token) {
    const part = token.split('.')[1];
    if (part === undefined)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        return claims && typeof claims === 'object' ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
/** A JWT's `exp` in epoch milliseconds, if it is a JWT with one. */
function jwtExpiry(token) {
    const exp = decodeJwtClaims(token)?.exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
}

;// CONCATENATED MODULE: ./src/auth/oidc.ts
/**
 * The GitHub Actions OIDC token: GET `$ACTIONS_ID_TOKEN_REQUEST_URL&audience=…` with
 * `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`; the token is the response's `value`.
 * Tokens live five minutes, so callers ask right before each exchange (see registry-auth.md §1).
 */





/** An `IdTokenSource` for the GitHub Actions runner described by `env`. */
function githubIdTokenSource(transport, env) {
    return async (audience) => {
        const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
        const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!requestUrl || !requestToken) {
            const why = (0,id_token_env/* noIdToken */.o5)(env);
            const message = why?.message ?? 'no ID token';
            // A fork's or Dependabot's job never gets one (a plan reads the host anonymously); anywhere
            // else its absence is a setup error to fix (`id-token: write`, or not in Actions at all).
            throw why?.cause === 'fork' || why?.cause === 'dependabot'
                ? new IdTokenUnavailableError(message)
                : new OidcTokenError(message);
        }
        (0,secrets/* registerSecret */.cl)(requestToken);
        let url;
        try {
            url = new URL(requestUrl);
        }
        catch (cause) {
            throw new OidcTokenError('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL', { cause });
        }
        if (audience !== undefined)
            url.searchParams.set('audience', audience);
        let status;
        let text;
        try {
            const res = await transport.request({
                method: 'GET',
                url,
                headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
            });
            status = res.status;
            text = await res.body.text();
        }
        catch (cause) {
            throw new OidcTokenError(`requesting the Actions OIDC token from ${(0,oci_transport/* safeUrl */.Pl)(url)} failed: ${cause.message}`, { cause });
        }
        if (status !== 200) {
            // 401/403: the runner refused this job a token (no `id-token: write`); anything else is trouble.
            throw new (status === 401 || status === 403 ? IdTokenUnavailableError : OidcTokenError)(`the Actions OIDC token endpoint answered HTTP ${status}${audience !== undefined ? ` for audience "${audience}"` : ''}${detail(text)}`);
        }
        let value;
        try {
            value = JSON.parse(text).value;
        }
        catch (cause) {
            throw new OidcTokenError('the Actions OIDC token endpoint answered with a body that is not JSON', {
                cause,
            });
        }
        if (typeof value !== 'string' || value === '')
            throw new OidcTokenError('the Actions OIDC token endpoint answered without a "value" field');
        (0,secrets/* registerSecret */.cl)(value);
        return value;
    };
}
function detail(text) {
    try {
        const j = JSON.parse(text);
        if (typeof j.message === 'string')
            return `: ${j.message}`;
    }
    catch {
        // not JSON
    }
    return text ? `: ${text.slice(0, 200)}` : '';
}
/** `sub` and `aud` of an OIDC token for error messages (both are public claims). */
function describeIdToken(token) {
    const claims = decodeJwtClaims(token);
    if (!claims)
        return '';
    const aud = Array.isArray(claims.aud) ? claims.aud.join(',') : claims.aud;
    return ` (the OIDC token had sub "${String(claims.sub)}", aud "${String(aud)}", iss "${String(claims.iss)}")`;
}

// EXTERNAL MODULE: ./node_modules/aws4/aws4.js
var aws4 = __webpack_require__(88832);
var aws4_default = /*#__PURE__*/__webpack_require__.n(aws4);
;// CONCATENATED MODULE: ./src/oci/listings.ts
/**
 * Tag digest listings: registries' own bulk APIs that give the digest of many tags per request
 * (Docker Hub's repository tags API, Quay's tag API, GHCR through the GitHub Packages API,
 * Harbor's artifacts API), so that planning need not HEAD every source
 * tag. A listing is only ever a hint: planning trusts it for one conclusion alone — "the
 * destination already holds the digest the listing gives for the source tag", i.e. a skip — and
 * confirms with the registry itself before any other outcome (copy, overwrite, drift). A stale
 * listing can therefore delay a copy to a later run, never cause a wrong write or a false drift.
 *
 * Any trouble with a listing (no access, unknown repository, rate limited, unexpected answer)
 * means "no listing": planning falls back to one HEAD per tag, and says so in the log.
 */

const LISTING_APIS = (/* unused pure expression or super */ null && (['dockerhub', 'quay', 'ghcr', 'harbor', 'gar']));
const GAR_HOST = /^([a-z0-9-]+)-docker\.pkg\.dev$/;
/** The listing API of well-known registry hosts. */
function defaultListingEndpoint(registry) {
    if (registry === 'docker.io')
        return { api: 'dockerhub', url: 'https://hub.docker.com' };
    if (registry === 'quay.io')
        return { api: 'quay', url: 'https://quay.io' };
    if (registry === 'ghcr.io')
        return { api: 'ghcr', url: 'https://api.github.com' };
    if (GAR_HOST.test(registry))
        return { api: 'gar', url: 'https://artifactregistry.googleapis.com' };
    return undefined;
}
/** A tag → digest entry worth keeping (a well-formed digest). */
function isDigest(value) {
    return typeof value === 'string' && DIGEST.test(value);
}
/** An answer that means "no listing". */
class ListingUnavailable extends Error {
}
const MAX_PAGES = 1000;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
async function getJson(ctx, url, headers, init = {}) {
    return (await getPage(ctx, url, headers, init)).body;
}
/** One JSON answer and its `Link: <…>; rel="next"` target, if any. */
async function getPage(ctx, url, headers, init = {}) {
    const res = await ctx.transport.request({
        method: init.method ?? 'GET',
        url,
        headers: { accept: 'application/json', ...headers },
        ...(init.body !== undefined ? { body: init.body } : {}),
    });
    if (res.status !== 200) {
        await res.body.dump();
        throw new ListingUnavailable(`${init.method ?? 'GET'} ${new URL(url).pathname}: HTTP ${res.status}`);
    }
    let body;
    try {
        body = JSON.parse(await res.body.text());
    }
    catch {
        throw new ListingUnavailable(`${new URL(url).pathname}: not JSON`);
    }
    const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.header('link') ?? '')?.[1];
    return next !== undefined ? { body, next } : { body };
}
/** Follow a `next` link only to the API's own origin. */
function sameOrigin(base, next) {
    const u = new URL(next, base);
    if (u.origin !== new URL(base).origin)
        throw new ListingUnavailable(`next page on another origin (${u.origin})`);
    return u.toString();
}
/**
 * Docker Hub: `GET /v2/namespaces/{ns}/repositories/{repo}/tags?page_size=100`, following `next`;
 * each result's `digest` is the tag's manifest (or index) digest. With a username and password
 * (or personal access token) for docker.io, a JWT from `POST /v2/users/login` authorises private
 * repositories; without, public repositories are listed anonymously.
 */
async function dockerHub(ctx, repo, count) {
    const parts = repo.repository.split('/');
    if (parts.length !== 2)
        throw new ListingUnavailable(`${repo.repository}: not namespace/name`);
    const [ns, name] = parts;
    const base = ctx.endpoint.url.replace(/\/+$/, '');
    const headers = {};
    const cred = await ctx.credential();
    if (cred?.username && cred.password) {
        count();
        const login = (await getJson(ctx, `${base}/v2/users/login`, { 'content-type': 'application/json' }, { method: 'POST', body: JSON.stringify({ username: cred.username, password: cred.password }) }));
        if (typeof login.token !== 'string')
            throw new ListingUnavailable('login: no token');
        (0,secrets/* registerSecret */.cl)(login.token);
        headers.authorization = `Bearer ${login.token}`;
    }
    const out = new Map();
    let url = `${base}/v2/namespaces/${encodeURIComponent(ns)}/repositories/${encodeURIComponent(name)}/tags?page_size=100`;
    for (let page = 0; url !== null; page++) {
        if (page >= MAX_PAGES)
            throw new ListingUnavailable('too many pages');
        count();
        const body = (await getJson(ctx, url, headers));
        if (!Array.isArray(body.results))
            throw new ListingUnavailable('tags: no results');
        for (const r of body.results)
            if (typeof r.name === 'string' && typeof r.digest === 'string' && DIGEST.test(r.digest))
                out.set(r.name, r.digest);
        url = typeof body.next === 'string' && body.next !== '' ? sameOrigin(base, body.next) : null;
    }
    return out;
}
/**
 * Quay: `GET /api/v1/repository/{ns}/{repo}/tag/?onlyActiveTags=true&limit=100&page=N` while
 * `has_additional`; each tag's `manifest_digest`. A credential without a username is used as the
 * OAuth bearer token (a robot's password is not one: robots list public repositories anonymously).
 */
async function quay(ctx, repo, count) {
    const base = ctx.endpoint.url.replace(/\/+$/, '');
    const headers = {};
    const cred = await ctx.credential();
    const token = cred?.registryToken ?? (cred?.username === undefined ? cred?.password : undefined);
    if (token)
        headers.authorization = `Bearer ${token}`;
    const out = new Map();
    for (let page = 1;; page++) {
        if (page > MAX_PAGES)
            throw new ListingUnavailable('too many pages');
        count();
        const body = (await getJson(ctx, `${base}/api/v1/repository/${repo.repository}/tag/?onlyActiveTags=true&limit=100&page=${page}`, headers));
        if (!Array.isArray(body.tags))
            throw new ListingUnavailable('tag: no tags');
        for (const t of body.tags)
            if (typeof t.name === 'string' &&
                typeof t.manifest_digest === 'string' &&
                DIGEST.test(t.manifest_digest))
                out.set(t.name, t.manifest_digest);
        if (body.has_additional !== true)
            return out;
    }
}
/**
 * GHCR, through the GitHub Packages API: `GET /orgs/{owner}/packages/container/{package}/versions`
 * (or `/users/{owner}/…` when the owner is not an organisation: a 404 there), `per_page=100`,
 * following `Link: rel="next"`. A version's `name` is the manifest (or index) digest and
 * `metadata.container.tags` its tags. The API needs a token with `read:packages`: the ghcr.io
 * credential's password (a PAT; the Actions `GITHUB_TOKEN` only for packages of its repository).
 */
async function ghcr(ctx, repo, count) {
    const slash = repo.repository.indexOf('/');
    if (slash < 0)
        throw new ListingUnavailable(`${repo.repository}: not owner/package`);
    const owner = repo.repository.slice(0, slash);
    const pkg = encodeURIComponent(repo.repository.slice(slash + 1));
    const cred = await ctx.credential();
    const token = cred?.registryToken ?? cred?.password;
    if (!token)
        throw new ListingUnavailable('no token for the GitHub Packages API');
    const base = ctx.endpoint.url.replace(/\/+$/, '');
    const headers = {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
    };
    for (const kind of ['orgs', 'users']) {
        const out = new Map();
        let url = `${base}/${kind}/${encodeURIComponent(owner)}/packages/container/${pkg}/versions?per_page=100`;
        try {
            for (let page = 0; url !== undefined; page++) {
                if (page >= MAX_PAGES)
                    throw new ListingUnavailable('too many pages');
                count();
                const got = await getPage(ctx, url, headers);
                if (!Array.isArray(got.body))
                    throw new ListingUnavailable('versions: not a list');
                for (const v of got.body) {
                    const tags = v.metadata?.container?.tags;
                    if (typeof v.name !== 'string' || !DIGEST.test(v.name) || !Array.isArray(tags))
                        continue;
                    for (const t of tags)
                        if (typeof t === 'string')
                            out.set(t, v.name);
                }
                url = got.next !== undefined ? sameOrigin(base, got.next) : undefined;
            }
            return out;
        }
        catch (err) {
            // Not an organisation: the same package under a user.
            if (kind === 'orgs' && err instanceof ListingUnavailable && / HTTP 404$/.test(err.message))
                continue;
            throw err;
        }
    }
    throw new ListingUnavailable('unreachable');
}
/**
 * Harbor: `GET /api/v2.0/projects/{project}/repositories/{repo}/artifacts?with_tag=true&page_size=100`
 * (the repository name below the project URL-encoded twice, as Harbor wants), following
 * `Link: rel="next"`; each artifact's `digest` and `tags[].name`. Basic auth with the host's
 * username and password (a robot account with pull access will do); anonymous for public projects.
 */
async function harbor(ctx, repo, count) {
    const slash = repo.repository.indexOf('/');
    if (slash < 0)
        throw new ListingUnavailable(`${repo.repository}: not project/repository`);
    const project = encodeURIComponent(repo.repository.slice(0, slash));
    const name = encodeURIComponent(encodeURIComponent(repo.repository.slice(slash + 1)));
    const base = ctx.endpoint.url.replace(/\/+$/, '');
    const cred = await ctx.credential();
    const headers = {};
    if (cred?.username && cred.password)
        headers.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
    const out = new Map();
    let url = `${base}/api/v2.0/projects/${project}/repositories/${name}/artifacts?with_tag=true&page_size=100&page=1`;
    for (let page = 0; url !== undefined; page++) {
        if (page >= MAX_PAGES)
            throw new ListingUnavailable('too many pages');
        count();
        const got = await getPage(ctx, url, headers);
        if (!Array.isArray(got.body))
            throw new ListingUnavailable('artifacts: not a list');
        for (const a of got.body) {
            if (typeof a.digest !== 'string' || !DIGEST.test(a.digest) || !Array.isArray(a.tags))
                continue;
            for (const t of a.tags)
                if (typeof t?.name === 'string')
                    out.set(t.name, a.digest);
        }
        url = got.next !== undefined ? sameOrigin(base, got.next) : undefined;
    }
    return out;
}
/**
 * Google Artifact Registry: `GET /v1/projects/{project}/locations/{location}/repositories/{repo}/
 * packages/{package}/tags?pageSize=1000`, following `nextPageToken`; each tag's `version` ends in
 * `/versions/{digest}`. The repository path is `{project}/{repo}/{package…}` (the package
 * URL-encoded, `/` as `%2F`); the location comes from the host (`{location}-docker.pkg.dev`) or
 * the listing's `location`. Authorised by the host's OAuth access token (the `oauth2accesstoken`
 * password the gcp provider gives, or a bearer token); a JSON key cannot be used (no listing).
 */
async function gar(ctx, repo, count) {
    const location = ctx.endpoint.location ?? GAR_HOST.exec(ctx.registry)?.[1];
    if (!location)
        throw new ListingUnavailable(`no location for ${ctx.registry}`);
    const [project, repository, ...rest] = repo.repository.split('/');
    if (!project || !repository || rest.length === 0)
        throw new ListingUnavailable(`${repo.repository}: not project/repository/package`);
    const cred = await ctx.credential();
    const token = cred?.registryToken ??
        (cred?.username === 'oauth2accesstoken' || cred?.username === undefined ? cred?.password : undefined);
    if (!token)
        throw new ListingUnavailable('no OAuth access token for the Artifact Registry API');
    const base = ctx.endpoint.url.replace(/\/+$/, '');
    const path = `${base}/v1/projects/${encodeURIComponent(project)}/locations/${encodeURIComponent(location)}/repositories/${encodeURIComponent(repository)}/packages/${encodeURIComponent(rest.join('/'))}/tags`;
    const out = new Map();
    let pageToken;
    for (let page = 0;; page++) {
        if (page >= MAX_PAGES)
            throw new ListingUnavailable('too many pages');
        count();
        const q = new URLSearchParams({ pageSize: '1000', ...(pageToken ? { pageToken } : {}) });
        const body = (await getJson(ctx, `${path}?${q}`, { authorization: `Bearer ${token}` }));
        for (const t of Array.isArray(body.tags) ? body.tags : []) {
            if (typeof t.name !== 'string' || typeof t.version !== 'string')
                continue;
            const digest = decodeURIComponent(t.version.slice(t.version.lastIndexOf('/versions/') + 10));
            const tag = decodeURIComponent(t.name.slice(t.name.lastIndexOf('/tags/') + 6));
            if (t.version.includes('/versions/') && t.name.includes('/tags/') && isDigest(digest))
                out.set(tag, digest);
        }
        if (typeof body.nextPageToken !== 'string' || body.nextPageToken === '')
            return out;
        pageToken = body.nextPageToken;
    }
}
const APIS = {
    dockerhub: dockerHub,
    quay,
    ghcr,
    harbor,
    gar,
};
/**
 * A listing from a function that pages through some API: whatever goes wrong (refused, unknown,
 * rate limited, network) becomes "no listing" with the reason, so planning HEADs instead.
 */
function guardedListing(api, fn) {
    return {
        async list(repo) {
            let requests = 0;
            try {
                const digests = await fn(repo, () => {
                    requests++;
                });
                return { digests, requests };
            }
            catch (err) {
                const why = err instanceof Error ? err.message : String(err);
                return { requests, unavailable: `${api} listing of ${repo.repository}: ${why}` };
            }
        },
    };
}
/** A listing for one registry host, authorised with that host's credentials. */
function createListing(transport, endpoint, registry, credentials) {
    const ctx = { transport, endpoint, registry, credential: () => credentials(registry) };
    return guardedListing(endpoint.api, (repo, count) => APIS[endpoint.api](ctx, repo, count));
}

;// CONCATENATED MODULE: ./src/auth/providers/ambient.ts
/**
 * Ambient cloud identity, the way the cloud SDKs find it: AWS's default credential chain, Google
 * Application Default Credentials, Azure's DefaultAzureCredential. Each official library is loaded
 * with a dynamic import only when a host needs it (they are large; start-up stays fast, and the
 * bundler puts them in chunks of their own).
 *
 * The libraries read the process environment themselves (AWS_*, GOOGLE_APPLICATION_CREDENTIALS,
 * AZURE_*), and their endpoints are theirs to choose; errors name the chain links tried.
 */


const AWS_CHAIN = 'environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), SSO, shared config and credentials files (AWS_PROFILE, credential_process), web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, IRSA), ECS/EKS Pod Identity container credentials, EC2 instance metadata (IMDSv2)';
const GOOGLE_CHAIN = 'GOOGLE_APPLICATION_CREDENTIALS (service_account, authorized_user, external_account), gcloud application-default credentials file, GCE metadata server';
const AZURE_CHAIN = 'environment (AZURE_TENANT_ID/AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH), workload identity (AZURE_FEDERATED_TOKEN_FILE), managed identity, Azure CLI, Azure Developer CLI, Azure PowerShell';
function reason(cause) {
    return cause?.message?.split('\n').slice(0, 6).join(' ') ?? String(cause);
}
/** Credentials from AWS's default Node.js chain (`fromNodeProviderChain`). */
async function awsDefaultChain(host, what) {
    const { fromNodeProviderChain } = await __webpack_require__.e(/* import() */ 719).then(__webpack_require__.t.bind(__webpack_require__, 29719, 19));
    try {
        const c = await fromNodeProviderChain()();
        (0,secrets/* registerSecret */.cl)(c.secretAccessKey);
        (0,secrets/* registerSecret */.cl)(c.sessionToken);
        const out = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
        if (c.sessionToken)
            out.sessionToken = c.sessionToken;
        if (c.expiration)
            out.expiresAt = c.expiration.getTime();
        return out;
    }
    catch (cause) {
        throw new CredentialError(host, `${what}: no AWS credentials from the default chain (tried ${AWS_CHAIN}): ${reason(cause)}`, { cause });
    }
}
/**
 * The AWS region the SDKs would use (`AWS_REGION`, `AWS_DEFAULT_REGION`; from the given environment,
 * then the process's, which the SDK chain reads), else us-east-1 as flux mirror does.
 */
function awsRegion(env) {
    for (const e of [env, process.env]) {
        const region = e.AWS_REGION || e.AWS_DEFAULT_REGION;
        if (region)
            return region;
    }
    return 'us-east-1';
}
async function googleAuth(scopes) {
    const { GoogleAuth } = await Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(492)]).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
    // A token needs no project; without one the library would look it up (for external_account
    // credentials with Cloud Resource Manager, which the identity may not even be allowed to call).
    const projectId = process.env.GOOGLE_CLOUD_PROJECT || process.env.GCLOUD_PROJECT || 'unused-by-oci-mirror';
    return new GoogleAuth({ projectId, ...(scopes ? { scopes } : {}) });
}
/** An OAuth2 access token from Application Default Credentials. */
async function googleAccessToken(host, what, scope) {
    try {
        const auth = await googleAuth([scope]);
        const client = await auth.getClient();
        const res = await client.getAccessToken();
        if (!res.token)
            throw new Error('the credential returned no access token');
        (0,secrets/* registerSecret */.cl)(res.token);
        const expiry = client.credentials?.expiry_date;
        return { token: res.token, ...(typeof expiry === 'number' ? { expiresAt: expiry } : {}) };
    }
    catch (cause) {
        throw new CredentialError(host, `${what}: no Google access token from Application Default Credentials (tried ${GOOGLE_CHAIN}): ${reason(cause)}`, { cause });
    }
}
/** A Google-signed ID token for `audience` from Application Default Credentials. */
async function googleIdToken(host, what, audience) {
    try {
        const auth = await googleAuth();
        const client = await auth.getIdTokenClient(audience);
        const token = await client.idTokenProvider.fetchIdToken(audience);
        (0,secrets/* registerSecret */.cl)(token);
        return token;
    }
    catch (cause) {
        throw new CredentialError(host, `${what}: no Google ID token for audience "${audience}" from Application Default Credentials (tried ${GOOGLE_CHAIN}; ID tokens need a service account key, the metadata server or an impersonating credential): ${reason(cause)}`, { cause });
    }
}
/** An Entra access token for `scope` from DefaultAzureCredential. */
async function azureToken(host, what, scope) {
    try {
        const { DefaultAzureCredential } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(669), __webpack_require__.e(738), __webpack_require__.e(324), __webpack_require__.e(952)]).then(__webpack_require__.bind(__webpack_require__, 23952));
        const authorityHost = process.env.AZURE_AUTHORITY_HOST;
        const credential = new DefaultAzureCredential(authorityHost ? { authorityHost } : {});
        const t = await credential.getToken(scope);
        (0,secrets/* registerSecret */.cl)(t.token);
        return { token: t.token, expiresAt: t.expiresOnTimestamp };
    }
    catch (cause) {
        throw new CredentialError(host, `${what}: no Entra token for ${scope} from DefaultAzureCredential (tried ${AZURE_CHAIN}): ${reason(cause)}`, { cause });
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/http.ts
/** Small HTTP helpers shared by the providers: every call goes through our Transport (TLS, counters, retries). */


/** Send one exchange request; network failures become a `CredentialError` naming `what`. */
async function send(ctx, what, req) {
    try {
        const res = await ctx.transport.request({
            method: req.method,
            url: req.url,
            headers: req.headers,
            ...(req.body !== undefined ? { body: req.body } : {}),
        });
        const text = await res.body.text();
        return { status: res.status, text, header: res.header };
    }
    catch (cause) {
        throw new CredentialError(ctx.host, `${what}: ${req.method} ${(0,oci_transport/* safeUrl */.Pl)(req.url)} failed: ${cause.message}`, {
            cause,
        });
    }
}
/** Parse a JSON body or fail naming the exchange. */
function json(ctx, what, res) {
    try {
        return JSON.parse(res.text);
    }
    catch (cause) {
        throw new CredentialError(ctx.host, `${what}: answered HTTP ${res.status} with a body that is not JSON`, {
            status: res.status,
            cause,
        });
    }
}
/** A non-empty string field or a `CredentialError`. */
function field(ctx, what, value, name) {
    if (typeof value !== 'string' || value === '')
        throw new CredentialError(ctx.host, `${what}: the response has no "${name}"`);
    return value;
}
/** `{error, error_description}` (OAuth) or `{message}` / `{errors:[{message}]}` from an error body. */
function oauthError(text) {
    try {
        const j = JSON.parse(text);
        if (j.error && typeof j.error === 'object') {
            const e = j.error;
            return { code: String(e.status ?? e.code ?? ''), message: String(e.message ?? '') };
        }
        const first = Array.isArray(j.errors) ? j.errors[0] : undefined;
        const out = {};
        const code = j.error ?? first?.code;
        const message = j.error_description ?? j.message ?? first?.message;
        if (code !== undefined)
            out.code = String(code);
        if (message !== undefined)
            out.message = String(message);
        return out;
    }
    catch {
        return text ? { message: text.slice(0, 300) } : {};
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/id-token.ts
/** The CI's OIDC token for a provider's exchange, with a failure worded as that provider's. */

/**
 * Ask for the OIDC token for `audience` right before an exchange (tokens live minutes). A failure
 * (no `id-token: write`, a fork, not in Actions) becomes a `CredentialError` naming the provider.
 */
async function exchangeIdToken(ctx, provider, audience, purpose = '') {
    try {
        return await ctx.idToken(audience);
    }
    catch (cause) {
        throw new CredentialError(ctx.host, `provider ${provider}: getting the OIDC token${purpose}: ${cause.message}`, { cause });
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/ecr.ts
/**
 * Amazon ECR (private and Public): AWS credentials — from STS AssumeRoleWithWebIdentity with the
 * Actions OIDC token (an unsigned form POST), or ambient from the environment — then
 * GetAuthorizationToken (awsJson1_1, SigV4-signed with `aws4`) → `AWS` / password.
 * See registry-auth.md §2.
 */









// amazon-ecr-credential-helper's registry pattern (registry-auth.md §2.2).
const ECR_HOST = /^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
const ECR_PUBLIC_HOSTS = new Set(['public.ecr.aws', 'ecr-public.aws.com']);
/** The region in an ECR registry host, if it is one. */
function ecrRegion(host) {
    return ECR_HOST.exec(host)?.[3];
}
/** True for ECR Public registry hosts. */
function isEcrPublic(host) {
    return ECR_PUBLIC_HOSTS.has(host);
}
/** Ambient AWS credentials from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`. */
function ambientAwsCredentials(env) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    (0,secrets/* registerSecret */.cl)(secretAccessKey);
    (0,secrets/* registerSecret */.cl)(env.AWS_SESSION_TOKEN);
    return {
        accessKeyId,
        secretAccessKey,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
}
function xmlText(xml, tag) {
    const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
    return m?.[1] === undefined ? undefined : decodeXml(m[1].trim());
}
function decodeXml(s) {
    return s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}
const STS_REMEDY = {
    AccessDenied: "the role's trust policy does not allow this workflow: it must trust the OIDC provider token.actions.githubusercontent.com with `aud` = the audience requested and a `sub` condition that matches the token's subject (repositories created after 2026-07-15 use the immutable `repo:OWNER@ID/REPO@ID:…` form)",
    InvalidIdentityToken: 'STS rejected the OIDC token: the account needs an IAM OIDC identity provider for token.actions.githubusercontent.com, and the token must not be expired',
    IDPRejectedClaim: 'the identity provider rejected a claim of the OIDC token; check the trust policy conditions',
    ExpiredTokenException: 'the OIDC token expired before STS saw it; check the runner clock',
};
/** STS AssumeRoleWithWebIdentity (unsigned form POST; registry-auth.md §2.1). */
async function assumeRoleWithWebIdentity(ctx, init) {
    const url = ctx.endpoints.sts ??
        `https://sts.${init.region}.amazonaws.com${init.region.startsWith('cn-') ? '.cn' : ''}/`;
    const form = new URLSearchParams({
        Action: 'AssumeRoleWithWebIdentity',
        Version: '2011-06-15',
        RoleArn: init.roleArn,
        RoleSessionName: init.sessionName,
        WebIdentityToken: init.token,
        DurationSeconds: String(init.durationSeconds),
    });
    const what = `STS AssumeRoleWithWebIdentity for ${init.roleArn}`;
    const res = await send(ctx, what, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: form.toString(),
    });
    if (res.status !== 200) {
        const code = xmlText(res.text, 'Code');
        const message = xmlText(res.text, 'Message');
        const remedy = code ? STS_REMEDY[code] : undefined;
        throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${remedy ? ` — ${remedy}` : ''}${describeIdToken(init.token)}`, { status: res.status, ...(code ? { code } : {}) });
    }
    const accessKeyId = xmlText(res.text, 'AccessKeyId');
    const secretAccessKey = xmlText(res.text, 'SecretAccessKey');
    const sessionToken = xmlText(res.text, 'SessionToken');
    const expiration = xmlText(res.text, 'Expiration');
    (0,secrets/* registerSecret */.cl)(secretAccessKey);
    (0,secrets/* registerSecret */.cl)(sessionToken);
    if (!accessKeyId || !secretAccessKey || !sessionToken)
        throw new CredentialError(ctx.host, `${what}: the response has no Credentials`);
    const out = { accessKeyId, secretAccessKey, sessionToken };
    const exp = expiration ? Date.parse(expiration) : Number.NaN;
    if (Number.isFinite(exp))
        out.expiresAt = exp;
    return out;
}
/** One SigV4-signed awsJson1_1 call to the ECR or ECR Public API; non-200 answers become a `CredentialError`. */
async function ecrApi(ctx, creds, init, operation, payload, accept) {
    const endpoint = init.public
        ? (ctx.endpoints.ecrPublic ?? 'https://api.ecr-public.us-east-1.amazonaws.com/')
        : (ctx.endpoints.ecr ??
            `https://api.ecr.${init.region}.amazonaws.com${init.region.startsWith('cn-') ? '.cn' : ''}/`);
    const url = new URL(endpoint);
    const body = JSON.stringify(payload);
    const signed = aws4_default().sign({
        host: url.host,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        service: init.public ? 'ecr-public' : 'ecr',
        region: init.public ? 'us-east-1' : init.region,
        body,
        headers: {
            'Content-Type': 'application/x-amz-json-1.1',
            'X-Amz-Target': `${init.public ? 'SpencerFrontendService' : 'AmazonEC2ContainerRegistry_V20150921'}.${operation}`,
        },
    }, {
        accessKeyId: creds.accessKeyId,
        secretAccessKey: creds.secretAccessKey,
        ...(creds.sessionToken !== undefined ? { sessionToken: creds.sessionToken } : {}),
    });
    const headers = {};
    for (const [k, v] of Object.entries(signed.headers ?? {})) {
        const name = k.toLowerCase();
        // undici sets Host and Content-Length itself, to the same values aws4 signed.
        if (name !== 'host' && name !== 'content-length' && v !== undefined)
            headers[name] = String(v);
    }
    const what = `ECR${init.public ? ' Public' : ''} ${operation} (${(0,oci_transport/* safeUrl */.Pl)(url)})`;
    const res = await send(ctx, what, { method: 'POST', url, headers, body });
    if (res.status === 200)
        return { status: res.status, text: res.text };
    let code = res.header('x-amzn-errortype')?.split(':')[0];
    let message;
    try {
        const j = JSON.parse(res.text);
        code = j.__type ?? code;
        message = j.message ?? j.Message;
    }
    catch {
        // not JSON
    }
    code = code?.replace(/^.*#/, '');
    if (accept?.(code))
        return { status: res.status, text: res.text, ...(code ? { code } : {}) };
    const permission = operation === 'GetAuthorizationToken'
        ? init.public
            ? '`ecr-public:GetAuthorizationToken` and `sts:GetServiceBearerToken`'
            : '`ecr:GetAuthorizationToken` on resource "*"'
        : `\`${init.public ? 'ecr-public' : 'ecr'}:${operation}\``;
    const remedy = code === 'AccessDeniedException'
        ? ` — the role needs ${permission}`
        : code === 'UnrecognizedClientException' || code === 'InvalidSignatureException'
            ? ' — the AWS credentials are invalid or expired'
            : '';
    throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${remedy}`, { status: res.status, ...(code ? { code } : {}) });
}
/**
 * ECR / ECR Public CreateRepository; false when it already exists. ECR has no create-on-push, so a
 * first mirror into a new repository needs this (`createRepositories`).
 */
async function ecrCreateRepository(ctx, creds, init) {
    const res = await ecrApi(ctx, creds, init, 'CreateRepository', { repositoryName: init.repositoryName }, (code) => code === 'RepositoryAlreadyExistsException');
    return res.status === 200;
}
/** ECR / ECR Public GetAuthorizationToken → username and password (registry-auth.md §2.2, §2.3). */
async function ecrAuthorizationToken(ctx, creds, init) {
    const what = `ECR${init.public ? ' Public' : ''} GetAuthorizationToken`;
    const res = await ecrApi(ctx, creds, init, 'GetAuthorizationToken', {});
    let data;
    try {
        const j = JSON.parse(res.text);
        // Private: an array of one per registry; Public: a single object.
        data = (Array.isArray(j.authorizationData) ? j.authorizationData[0] : j.authorizationData);
    }
    catch (cause) {
        throw new CredentialError(ctx.host, `${what}: the response is not JSON`, { cause });
    }
    if (typeof data?.authorizationToken !== 'string')
        throw new CredentialError(ctx.host, `${what}: the response has no authorizationToken`);
    (0,secrets/* registerSecret */.cl)(data.authorizationToken);
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
        throw new CredentialError(ctx.host, `${what}: the authorizationToken is not "user:password"`);
    const password = decoded.slice(colon + 1);
    (0,secrets/* registerSecret */.cl)(password);
    const out = {
        username: decoded.slice(0, colon),
        password,
    };
    if (typeof data.expiresAt === 'number')
        out.expiresAt = data.expiresAt * 1000;
    else if (typeof data.expiresAt === 'string' && Number.isFinite(Date.parse(data.expiresAt)))
        out.expiresAt = Date.parse(data.expiresAt);
    return out;
}
/**
 * ECR DescribeImages (`filter.tagStatus: TAGGED`, 1,000 per page, following `nextToken`): every
 * tag's image digest in one request per thousand images — a bulk listing for planning (see
 * oci/listings.ts). Needs `ecr:DescribeImages` on the repository; any error is thrown.
 */
async function ecrDescribeImages(ctx, creds, init, count) {
    const out = new Map();
    let nextToken;
    for (let page = 0; page < 1000; page++) {
        count();
        const res = await ecrApi(ctx, creds, { region: init.region, public: false }, 'DescribeImages', {
            repositoryName: init.repositoryName,
            maxResults: 1000,
            filter: { tagStatus: 'TAGGED' },
            ...(nextToken !== undefined ? { nextToken } : {}),
        });
        let j;
        try {
            j = JSON.parse(res.text);
        }
        catch (cause) {
            throw new CredentialError(ctx.host, 'ECR DescribeImages: the response is not JSON', { cause });
        }
        const details = Array.isArray(j.imageDetails) ? j.imageDetails : [];
        for (const d of details)
            if (isDigest(d.imageDigest) && Array.isArray(d.imageTags))
                for (const t of d.imageTags)
                    if (typeof t === 'string')
                        out.set(t, d.imageDigest);
        if (typeof j.nextToken !== 'string' || j.nextToken === '')
            return out;
        nextToken = j.nextToken;
    }
    throw new CredentialError(ctx.host, 'ECR DescribeImages: too many pages');
}
class EcrProvider {
    name = 'ecr';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    /** The AWS credentials and region this host uses (role from the OIDC token, or the ambient chain). */
    async #aws() {
        const ctx = this.#ctx;
        const pub = isEcrPublic(ctx.host);
        const region = this.#options.region ?? ecrRegion(ctx.host) ?? (pub ? 'us-east-1' : undefined);
        if (!region)
            throw new CredentialError(ctx.host, `provider ecr: cannot tell the AWS region from host "${ctx.host}"; set \`region\``);
        let creds;
        if (this.#options.roleArn !== undefined) {
            const audience = this.#options.audience ?? 'sts.amazonaws.com';
            const token = await exchangeIdToken(ctx, 'ecr', audience, ' for STS');
            creds = await assumeRoleWithWebIdentity(ctx, {
                roleArn: this.#options.roleArn,
                region,
                token,
                sessionName: this.#options.sessionName ?? 'oci-mirror',
                durationSeconds: this.#options.durationSeconds ?? 3600,
            });
        }
        else {
            // The environment keys first (also when the environment is given programmatically), then
            // the SDK's whole default chain.
            creds = ambientAwsCredentials(ctx.env) ?? (await awsDefaultChain(ctx.host, 'provider ecr'));
        }
        return { creds, region, pub };
    }
    /** AWS credentials for listings, kept while they are valid (one exchange for many entries). */
    #listingAws;
    /** Every tag's digest in an ECR (private) repository, by DescribeImages; see `ecrDescribeImages`. */
    async tagDigests(repositoryName, count) {
        let aws = this.#listingAws;
        const held = aws ? await aws.catch(() => undefined) : undefined;
        if (!held || (held.creds.expiresAt !== undefined && held.creds.expiresAt - this.#ctx.now() < 300_000))
            this.#listingAws = aws = this.#aws();
        const { creds, region, pub } = await aws;
        if (pub)
            throw new CredentialError(this.#ctx.host, 'ECR Public: no DescribeImages listing');
        return ecrDescribeImages(this.#ctx, creds, { region, repositoryName }, count);
    }
    /** Create a repository on this host if missing (CreateRepository); true when it was created. */
    async createRepository(repositoryName) {
        const { creds, region, pub } = await this.#aws();
        return ecrCreateRepository(this.#ctx, creds, { region, public: pub, repositoryName });
    }
    async fetch() {
        const ctx = this.#ctx;
        const { creds, region, pub } = await this.#aws();
        const token = await ecrAuthorizationToken(ctx, creds, { region, public: pub });
        // An ECR token cannot outlive the session credentials it was made with; take the earlier end.
        const ends = [token.expiresAt, creds.expiresAt].filter((t) => t !== undefined);
        const out = { credential: { username: token.username, password: token.password } };
        if (ends.length > 0)
            out.expiresAt = Math.min(...ends);
        else
            out.expiresAt = ctx.now() + 12 * 3_600_000;
        return out;
    }
}

// EXTERNAL MODULE: ./src/config/checks.ts
var checks = __webpack_require__(61625);
;// CONCATENATED MODULE: ./src/auth/providers/acr.ts
/**
 * Azure Container Registry: the Actions OIDC token (aud `api://AzureADTokenExchange`) as the client
 * assertion of an Entra ID client-credentials request → ACR `/oauth2/exchange` → an ACR refresh
 * token, the password of the all-zero GUID user. See registry-auth.md §4.
 */







/** The username that tells ACR the password is an ACR refresh token. */
const ACR_NULL_GUID = '00000000-0000-0000-0000-000000000000';
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';
/** Microsoft documents 3 hours; used only when the refresh token's `exp` is unreadable. */
const DEFAULT_LIFETIME_MS = 3 * 3_600_000;
const ENTRA_REMEDY = {
    '70021': "no federated identity credential of the app matches this token: its issuer, subject and audience must equal the token's exactly",
    '700024': 'the OIDC token is expired or not yet valid; check the runner clock',
    '700016': 'the client id is not an application in this tenant',
    '90002': 'the tenant id does not exist',
};
class AcrProvider {
    name = 'acr';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async fetch() {
        const ctx = this.#ctx;
        const { tenantId, clientId } = this.#options;
        let refresh;
        if (tenantId === undefined && clientId === undefined) {
            // Ambient identity: DefaultAzureCredential (environment, workload identity, managed identity, CLI).
            const aad = await azureToken(ctx.host, 'provider acr', ACR_SCOPE);
            refresh = await this.#exchange(tenantFromToken(aad.token), aad.token);
        }
        else {
            if (!tenantId || !clientId)
                throw new CredentialError(ctx.host, 'provider acr: set both `tenantId` and `clientId` (the app or managed identity with a federated credential for this workflow), or neither to use the ambient Azure identity');
            const audience = this.#options.audience ?? 'api://AzureADTokenExchange';
            const idToken = await exchangeIdToken(ctx, 'acr', audience);
            const aad = await this.#entra(tenantId, clientId, idToken);
            refresh = await this.#exchange(tenantId, aad);
        }
        return {
            credential: { username: ACR_NULL_GUID, password: refresh },
            expiresAt: jwtExpiry(refresh) ?? ctx.now() + DEFAULT_LIFETIME_MS,
        };
    }
    async #entra(tenantId, clientId, idToken) {
        const ctx = this.#ctx;
        const what = `Entra ID token request for client ${clientId} in tenant ${tenantId}`;
        const authority = ctx.endpoints.entra ?? 'https://login.microsoftonline.com';
        const res = await send(ctx, what, {
            method: 'POST',
            url: `${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams({
                client_id: clientId,
                scope: ACR_SCOPE,
                client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
                client_assertion: idToken,
                grant_type: 'client_credentials',
            }).toString(),
        });
        if (res.status !== 200) {
            const e = oauthError(res.text);
            let codes = [];
            try {
                codes = (JSON.parse(res.text).error_codes ?? []).filter((c) => typeof c === 'number');
            }
            catch {
                // not JSON
            }
            const remedy = codes.map((c) => ENTRA_REMEDY[String(c)]).find((r) => r !== undefined);
            throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message.split('\r\n')[0]}` : ''}${remedy ? ` — ${remedy}` : ''}${describeIdToken(idToken)}`, { status: res.status, ...(e.code ? { code: e.code } : {}) });
        }
        const body = json(ctx, what, res);
        const token = field(ctx, what, body.access_token, 'access_token');
        (0,secrets/* registerSecret */.cl)(token);
        return token;
    }
    async #exchange(tenantId, aadToken) {
        const ctx = this.#ctx;
        const what = `ACR /oauth2/exchange on ${ctx.host}`;
        const res = await send(ctx, what, {
            method: 'POST',
            url: ctx.endpoints.acrExchange ?? `${ctx.transport.baseUrl(ctx.host)}/oauth2/exchange`,
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams({
                grant_type: 'access_token',
                service: ctx.host,
                ...(tenantId ? { tenant: tenantId } : {}),
                access_token: aadToken,
            }).toString(),
        });
        if (res.status !== 200) {
            const e = oauthError(res.text);
            const remedy = res.status === 401 || res.status === 403
                ? ' — give the identity a registry role (e.g. AcrPush) on this registry'
                : '';
            throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message}` : ''}${remedy}`, {
                status: res.status,
                ...(e.code ? { code: e.code } : {}),
            });
        }
        const body = json(ctx, what, res);
        const token = field(ctx, what, body.refresh_token, 'refresh_token');
        (0,secrets/* registerSecret */.cl)(token);
        return token;
    }
}
/** The `tid` claim of an Entra access token (ACR's exchange takes the tenant), if readable. */
function tenantFromToken(token) {
    const tid = decodeJwtClaims(token)?.tid;
    return typeof tid === 'string' ? tid : undefined;
}

;// CONCATENATED MODULE: ./src/auth/providers/dockerhub.ts
/**
 * Docker Hub organization OIDC connections: POST `https://identity.docker.com/oauth/token`
 * (token exchange with `connection_id`) → organization name / access token.
 * See registry-auth.md §5.3.
 */






class DockerHubProvider {
    name = 'dockerhub';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async fetch() {
        const ctx = this.#ctx;
        const { organization } = this.#options;
        const connectionId = this.#options.connectionId ?? ctx.env.DOCKERHUB_OIDC_CONNECTIONID;
        if (!organization || !connectionId)
            throw new CredentialError(ctx.host, 'provider dockerhub: set `username` to the Docker Hub organization and `connectionId` to its OIDC connection id');
        const audience = this.#options.audience ?? 'https://identity.docker.com';
        const idToken = await exchangeIdToken(ctx, 'dockerhub', audience);
        const what = `Docker Hub OIDC exchange for ${organization}`;
        const expiresIn = this.#options.expiresInSeconds ?? 3600;
        const started = ctx.now();
        const res = await send(ctx, what, {
            method: 'POST',
            url: ctx.endpoints.dockerhub ?? 'https://identity.docker.com/oauth/token',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams({
                grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
                subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
                subject_token: idToken,
                connection_id: connectionId,
                expires_in: String(expiresIn),
            }).toString(),
        });
        if (res.status !== 200) {
            const e = oauthError(res.text);
            throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${e.message ? `: ${e.message}` : ''} — the OIDC connection must trust this repository and workflow${describeIdToken(idToken)}`, { status: res.status });
        }
        const token = field(ctx, what, json(ctx, what, res).access_token, 'access_token');
        (0,secrets/* registerSecret */.cl)(token);
        return {
            credential: { username: organization, password: token },
            expiresAt: jwtExpiry(token) ?? started + expiresIn * 1000,
        };
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/envelope.ts
/**
 * flux mirror's `envelope`: a Go template around the token, e.g. `token-{{ hex .Token }}`. We
 * support the forms flux documents: `{{ .Token }}`, `{{ hex .Token }}`, `{{ base64 .Token }}`
 * and the piped `{{ .Token | hex }}` / `{{ .Token | base64 }}`.
 */
const ACTION = /\{\{-?\s*(?:(hex|base64)\s+\.Token|\.Token(?:\s*\|\s*(hex|base64))?)\s*-?\}\}/g;
/** Why `template` cannot be applied, or undefined. */
function checkEnvelope(template) {
    const rest = template.replace(ACTION, '');
    if (rest.includes('{{'))
        return `envelope "${template}": only {{ .Token }}, {{ hex .Token }} and {{ base64 .Token }} are supported`;
    return undefined;
}
/** Apply an envelope template to a token. */
function applyEnvelope(template, token) {
    return template.replace(ACTION, (_m, pre, post) => {
        const fn = pre ?? post;
        if (fn === 'hex')
            return Buffer.from(token).toString('hex');
        if (fn === 'base64')
            return Buffer.from(token).toString('base64');
        return token;
    });
}

;// CONCATENATED MODULE: ./src/auth/providers/file.ts
/** `credential.fromPath`: a token file re-read on every use, so a rotated token is picked up at once. */




class FileTokenProvider {
    name = 'fromPath';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async fetch() {
        const { path, username, confineTo } = this.#options;
        if (confineTo !== undefined) {
            const r = (0,checks/* confinePath */.ey)(path, confineTo);
            if (typeof r === 'string')
                throw new CredentialError(this.#ctx.host, `credential.fromPath: ${r}`);
        }
        let text;
        try {
            text = await (0,promises_.readFile)(path, 'utf8');
        }
        catch (cause) {
            throw new CredentialError(this.#ctx.host, `cannot read credential.fromPath ${path}: ${cause.message}`, {
                cause,
            });
        }
        const secret = text.trim();
        (0,secrets/* registerSecret */.cl)(secret);
        if (secret === '')
            throw new CredentialError(this.#ctx.host, `credential.fromPath ${path} is empty`);
        // Re-read on every use: expire immediately.
        return {
            credential: username !== undefined ? { username, password: secret } : { registryToken: secret },
            expiresAt: this.#ctx.now(),
        };
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/gar.ts
/**
 * Google Artifact Registry / GCR: the Actions OIDC token → Google STS (workload identity
 * federation) → optionally IAM Credentials generateAccessToken for a service account →
 * `oauth2accesstoken` / access token. See registry-auth.md §3. Without `workloadIdentityProvider`,
 * an access token from `GOOGLE_OAUTH_ACCESS_TOKEN` / `CLOUDSDK_AUTH_ACCESS_TOKEN` is used as is,
 * else Application Default Credentials (google-auth-library, loaded on demand).
 */






const WIP = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;
const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const USERNAME = 'oauth2accesstoken';
class GarProvider {
    name = 'gar';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async fetch() {
        const ctx = this.#ctx;
        const wip = this.#options.workloadIdentityProvider;
        if (wip === undefined) {
            const ambient = ctx.env.GOOGLE_OAUTH_ACCESS_TOKEN || ctx.env.CLOUDSDK_AUTH_ACCESS_TOKEN;
            if (ambient) {
                (0,secrets/* registerSecret */.cl)(ambient);
                return { credential: { username: USERNAME, password: ambient } };
            }
            // Application Default Credentials, as gcloud and the Google SDKs find them.
            const adc = await googleAccessToken(ctx.host, 'provider gar', SCOPE);
            return {
                credential: { username: USERNAME, password: adc.token },
                ...(adc.expiresAt !== undefined ? { expiresAt: adc.expiresAt } : {}),
            };
        }
        if (!WIP.test(wip))
            throw new CredentialError(ctx.host, `provider gar: workloadIdentityProvider "${wip}" must look like projects/NUM/locations/global/workloadIdentityPools/POOL/providers/PROV`);
        const audience = this.#options.audience ?? `https://iam.googleapis.com/${wip}`;
        const idToken = await exchangeIdToken(ctx, 'gar', audience);
        const federated = await this.#federate(wip, idToken);
        if (this.#options.serviceAccount === undefined)
            return {
                credential: { username: USERNAME, password: federated.token },
                expiresAt: federated.expiresAt,
            };
        const sa = await this.#impersonate(this.#options.serviceAccount, federated.token);
        return { credential: { username: USERNAME, password: sa.token }, expiresAt: sa.expiresAt };
    }
    async #federate(wip, idToken) {
        const ctx = this.#ctx;
        const what = `Google STS token exchange for //iam.googleapis.com/${wip}`;
        const started = ctx.now();
        const res = await send(ctx, what, {
            method: 'POST',
            url: ctx.endpoints.googleSts ?? 'https://sts.googleapis.com/v1/token',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({
                audience: `//iam.googleapis.com/${wip}`,
                grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
                requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
                scope: SCOPE,
                subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
                subjectToken: idToken,
            }),
        });
        if (res.status !== 200) {
            const e = oauthError(res.text);
            throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message}` : ''} — the provider's attribute condition and audience must accept this token${describeIdToken(idToken)}`, { status: res.status, ...(e.code ? { code: e.code } : {}) });
        }
        const body = json(ctx, what, res);
        const token = field(ctx, what, body.access_token, 'access_token');
        (0,secrets/* registerSecret */.cl)(token);
        const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 600;
        return { token, expiresAt: started + expiresIn * 1000 };
    }
    async #impersonate(sa, federated) {
        const ctx = this.#ctx;
        const what = `IAM Credentials generateAccessToken for ${sa}`;
        const base = ctx.endpoints.iamCredentials ?? 'https://iamcredentials.googleapis.com/v1';
        const started = ctx.now();
        const res = await send(ctx, what, {
            method: 'POST',
            url: `${base}/projects/-/serviceAccounts/${encodeURIComponent(sa)}:generateAccessToken`,
            headers: {
                'content-type': 'application/json',
                accept: 'application/json',
                authorization: `Bearer ${federated}`,
            },
            body: JSON.stringify({ scope: [SCOPE], lifetime: `${this.#options.lifetimeSeconds ?? 3600}s` }),
        });
        if (res.status !== 200) {
            const e = oauthError(res.text);
            const remedy = res.status === 403
                ? ` — grant the workload identity pool principal roles/iam.workloadIdentityUser on ${sa} (iam.serviceAccounts.getAccessToken)`
                : '';
            throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message}` : ''}${remedy}`, {
                status: res.status,
                ...(e.code ? { code: e.code } : {}),
            });
        }
        const body = json(ctx, what, res);
        const token = field(ctx, what, body.accessToken, 'accessToken');
        (0,secrets/* registerSecret */.cl)(token);
        const exp = typeof body.expireTime === 'string' ? Date.parse(body.expireTime) : Number.NaN;
        return { token, expiresAt: Number.isFinite(exp) ? exp : started + 3_600_000 };
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/ghcr.ts
/**
 * GitHub Container Registry with the job's `GITHUB_TOKEN`: username the actor, password the
 * token (the job needs `packages: write` to push). Not an exchange; the token lives as long as
 * the job. See registry-auth.md §5.5.
 */


class GhcrProvider {
    name = 'ghcr';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async fetch() {
        const env = this.#ctx.env;
        const token = env.GITHUB_TOKEN || env.GH_TOKEN;
        if (!token)
            throw new CredentialError(this.#ctx.host, 'provider ghcr: no GITHUB_TOKEN in the environment; set GITHUB_TOKEN to the job token (github.token) (with `permissions: packages: write` to push)');
        (0,secrets/* registerSecret */.cl)(token);
        const username = this.#options.username ?? env.GITHUB_ACTOR;
        if (!username)
            throw new CredentialError(this.#ctx.host, 'provider ghcr: set `username` (GITHUB_ACTOR is not set outside Actions)');
        return { credential: { username, password: token } };
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/github.ts
/**
 * `credential.provider: github` (and `forgejo`, whose Actions serve the same ID-token protocol:
 * ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN): the Actions OIDC token itself, for the audience (default the host).
 */


/** GitHub documents a 5 minute lifetime; used when the token carries no readable `exp`. */
const github_DEFAULT_LIFETIME_MS = 5 * 60_000;
class GithubOidcProvider {
    name;
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
        this.name = options.ci ?? 'github';
    }
    async fetch() {
        const audience = this.#options.audience ?? this.#ctx.host;
        let token;
        try {
            token = await this.#ctx.idToken(audience);
        }
        catch (cause) {
            throw new CredentialError(this.#ctx.host, `getting the ${this.name === 'forgejo' ? 'Forgejo' : 'GitHub'} Actions OIDC token for audience "${audience}": ${cause.message}`, {
                cause,
            });
        }
        const { username } = this.#options;
        return {
            credential: username !== undefined ? { username, password: token } : { registryToken: token },
            expiresAt: jwtExpiry(token) ?? this.#ctx.now() + github_DEFAULT_LIFETIME_MS,
        };
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/jfrog.ts
/**
 * JFrog Platform OIDC: POST `/access/api/v1/oidc/token` (JSON, no Authorization header, as
 * jfrog/setup-jfrog-cli does) → `username` (or the user in the token's `sub`) / access token.
 * See registry-auth.md §5.1.
 */






/** setup-jfrog-cli's rule: `jfrt@…` or `…/users/<name>` subjects name the user after the last `/`. */
function jfrogUserFromToken(token) {
    const sub = decodeJwtClaims(token)?.sub;
    if (typeof sub !== 'string')
        return undefined;
    if (sub.startsWith('jfrt@') || sub.includes('/users/'))
        return sub.slice(sub.lastIndexOf('/') + 1);
    return undefined;
}
class JfrogProvider {
    name = 'jfrog';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async fetch() {
        const ctx = this.#ctx;
        const providerName = this.#options.providerName;
        if (!providerName)
            throw new CredentialError(ctx.host, 'provider jfrog: set `providerName` to the name of the OIDC integration in the JFrog Platform');
        const idToken = await exchangeIdToken(ctx, 'jfrog', this.#options.audience);
        const what = `JFrog OIDC token exchange (provider "${providerName}")`;
        const started = ctx.now();
        const res = await send(ctx, what, {
            method: 'POST',
            url: ctx.endpoints.jfrog ?? `${ctx.transport.baseUrl(ctx.host)}/access/api/v1/oidc/token`,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({
                grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
                subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
                subject_token: idToken,
                provider_name: providerName,
                ...(this.#options.projectKey ? { project_key: this.#options.projectKey } : {}),
                ...(ctx.env.GITHUB_RUN_ID ? { gh_run_id: ctx.env.GITHUB_RUN_ID } : {}),
                ...(ctx.env.GITHUB_REPOSITORY ? { gh_repo: ctx.env.GITHUB_REPOSITORY } : {}),
                ...(ctx.env.GITHUB_SHA ? { gh_revision: ctx.env.GITHUB_SHA } : {}),
            }),
        });
        if (res.status !== 200) {
            const e = oauthError(res.text);
            throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${e.message ? `: ${e.message}` : ''} — the integration's identity mappings must match this token's claims${describeIdToken(idToken)}`, { status: res.status, ...(e.code ? { code: e.code } : {}) });
        }
        const body = json(ctx, what, res);
        const token = field(ctx, what, body.access_token, 'access_token');
        (0,secrets/* registerSecret */.cl)(token);
        const username = this.#options.username ??
            (typeof body.username === 'string' && body.username ? body.username : jfrogUserFromToken(token));
        if (!username)
            throw new CredentialError(ctx.host, `${what}: the response names no user; set \`username\` on the host`);
        const out = { credential: { username, password: token } };
        if (typeof body.expires_in === 'number')
            out.expiresAt = started + body.expires_in * 1000;
        return out;
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/jwk.ts
/** `credential.jwkPath` / `jwkValue`: a fresh JWT signed per request with `iss`, `sub`, `aud`, `exp`, `kid`. */






const jwk_DEFAULT_LIFETIME_MS = 60_000;
class JwkSignedProvider {
    name = 'jwk';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async #key() {
        const { path, value, confineTo } = this.#options;
        const where = path !== undefined ? `credential.jwkPath ${path}` : 'credential.jwkValue';
        let text = value;
        if (path !== undefined) {
            if (confineTo !== undefined) {
                const r = (0,checks/* confinePath */.ey)(path, confineTo);
                if (typeof r === 'string')
                    throw new CredentialError(this.#ctx.host, `credential.jwkPath: ${r}`);
            }
            try {
                text = await (0,promises_.readFile)(path, 'utf8');
            }
            catch (cause) {
                throw new CredentialError(this.#ctx.host, `cannot read ${where}: ${cause.message}`, {
                    cause,
                });
            }
        }
        try {
            const jwk = parseJwk(text ?? '');
            (0,secrets/* registerSecret */.cl)(jwk.d);
            return jwk;
        }
        catch (cause) {
            throw new CredentialError(this.#ctx.host, `${where}: ${cause.message}`, { cause });
        }
    }
    async fetch() {
        const jwk = await this.#key();
        const now = this.#ctx.now();
        const iat = Math.floor(now / 1000);
        const exp = Math.floor((now + (this.#options.lifetimeMs ?? jwk_DEFAULT_LIFETIME_MS)) / 1000);
        const audiences = this.#options.audiences?.length ? this.#options.audiences : [this.#ctx.host];
        let token;
        try {
            token = signJwt(jwk, {
                iss: this.#options.issuer,
                sub: this.#options.subject,
                aud: audiences.length === 1 ? audiences[0] : audiences,
                iat,
                nbf: iat,
                exp,
                jti: (0,external_node_crypto_.randomUUID)(),
            });
        }
        catch (cause) {
            throw new CredentialError(this.#ctx.host, `signing a JWT with the configured JWK: ${cause.message}`, {
                cause,
            });
        }
        (0,secrets/* registerSecret */.cl)(token);
        const { username } = this.#options;
        // A fresh JWT per request: expire immediately.
        return {
            credential: username !== undefined ? { username, password: token } : { registryToken: token },
            expiresAt: now,
        };
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/quay.ts
/**
 * Quay robot account federation: GET `/oauth2/federation/robot/token` with Basic
 * `<org>+<robot>:<OIDC token>` → a robot token valid for one hour. See registry-auth.md §5.2.
 */






const LIFETIME_MS = 3_600_000;
class QuayProvider {
    name = 'quay';
    #options;
    #ctx;
    constructor(options, ctx) {
        this.#options = options;
        this.#ctx = ctx;
    }
    async fetch() {
        const ctx = this.#ctx;
        const robot = this.#options.robot;
        if (!robot?.includes('+'))
            throw new CredentialError(ctx.host, 'provider quay: set `username` to the robot account (`org+robot`) that federates this workflow');
        const idToken = await exchangeIdToken(ctx, 'quay', this.#options.audience ?? ctx.host);
        const basic = Buffer.from(`${robot}:${idToken}`).toString('base64');
        (0,secrets/* registerSecret */.cl)(basic);
        const what = `Quay robot federation for ${robot}`;
        const started = ctx.now();
        const res = await send(ctx, what, {
            method: 'GET',
            url: ctx.endpoints.quay ?? `${ctx.transport.baseUrl(ctx.host)}/oauth2/federation/robot/token`,
            headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
        });
        if (res.status !== 200) {
            const e = oauthError(res.text);
            throw new CredentialError(ctx.host, `${what} returned HTTP ${res.status}${e.code ? `: ${e.code}` : ''}${e.message ? `: ${e.message}` : ''} — the robot's federation config must list this issuer and exactly this subject${describeIdToken(idToken)}`, { status: res.status });
        }
        const token = field(ctx, what, json(ctx, what, res).token, 'token');
        (0,secrets/* registerSecret */.cl)(token);
        return {
            credential: { username: robot, password: token },
            expiresAt: jwtExpiry(token) ?? started + LIFETIME_MS,
        };
    }
}

;// CONCATENATED MODULE: ./src/auth/workload-api.ts
/**
 * A client of the SPIFFE Workload API (gRPC over the socket in `SPIFFE_ENDPOINT_SOCKET`), as
 * go-spiffe's `workloadapi` package speaks it. @grpc/grpc-js is loaded only when a host uses SPIFFE.
 * The messages are those of the SPIFFE workload.proto (same names and field numbers; the service
 * has no package: `/SpiffeWorkloadAPI/FetchJWTSVID`), written as a protobuf.js JSON descriptor so
 * no .proto file ships.
 */
const WORKLOAD_PROTO = {
    nested: {
        SpiffeWorkloadAPI: {
            methods: {
                FetchJWTSVID: { requestType: 'JWTSVIDRequest', responseType: 'JWTSVIDResponse' },
                FetchX509SVID: {
                    requestType: 'X509SVIDRequest',
                    responseType: 'X509SVIDResponse',
                    responseStream: true,
                },
                FetchX509Bundles: {
                    requestType: 'X509BundlesRequest',
                    responseType: 'X509BundlesResponse',
                    responseStream: true,
                },
            },
        },
        JWTSVIDRequest: {
            fields: { audience: { rule: 'repeated', type: 'string', id: 1 }, spiffe_id: { type: 'string', id: 2 } },
        },
        JWTSVIDResponse: { fields: { svids: { rule: 'repeated', type: 'JWTSVID', id: 1 } } },
        JWTSVID: {
            fields: {
                spiffe_id: { type: 'string', id: 1 },
                svid: { type: 'string', id: 2 },
                hint: { type: 'string', id: 3 },
            },
        },
        X509SVIDRequest: { fields: {} },
        X509SVIDResponse: {
            fields: {
                svids: { rule: 'repeated', type: 'X509SVID', id: 1 },
                crl: { rule: 'repeated', type: 'bytes', id: 2 },
                federated_bundles: { keyType: 'string', type: 'bytes', id: 3 },
            },
        },
        X509SVID: {
            fields: {
                spiffe_id: { type: 'string', id: 1 },
                x509_svid: { type: 'bytes', id: 2 },
                x509_svid_key: { type: 'bytes', id: 3 },
                bundle: { type: 'bytes', id: 4 },
                hint: { type: 'string', id: 5 },
            },
        },
        X509BundlesRequest: { fields: {} },
        X509BundlesResponse: { fields: { bundles: { keyType: 'string', type: 'bytes', id: 1 } } },
    },
};
/** `unix:///run/spire/agent.sock`, `unix:/path` or `tcp://127.0.0.1:8081` → a gRPC target. */
function grpcTarget(socket) {
    if (socket.startsWith('tcp://'))
        return socket.slice('tcp://'.length);
    return socket;
}
/** Open a client on the Workload API socket (the connection is made on the first call). */
async function workloadClient(socket) {
    const grpc = await Promise.all(/* import() */[__webpack_require__.e(81), __webpack_require__.e(33)]).then(__webpack_require__.bind(__webpack_require__, 83033));
    const loader = await __webpack_require__.e(/* import() */ 81).then(__webpack_require__.bind(__webpack_require__, 76081));
    const definition = loader.fromJSON(WORKLOAD_PROTO, {
        keepCase: true,
        defaults: true,
    });
    const Api = grpc.loadPackageDefinition(definition).SpiffeWorkloadAPI;
    const client = new Api(grpcTarget(socket), grpc.credentials.createInsecure());
    const metadata = () => {
        const md = new grpc.Metadata();
        // The Workload API refuses calls without this header (a guard against SSRF-style proxying).
        md.set('workload.spiffe.io', 'true');
        return md;
    };
    return {
        fetchJwtSvid: (audience, timeoutMs) => new Promise((resolve, reject) => client.FetchJWTSVID.call(client, { audience }, metadata(), { deadline: Date.now() + timeoutMs }, (err, r) => (err ? reject(err) : resolve(r)))),
        fetchX509Svid: () => client.FetchX509SVID.call(client, {}, metadata()),
        fetchX509Bundles: () => client.FetchX509Bundles.call(client, {}, metadata()),
        close: () => client.close(),
    };
}

;// CONCATENATED MODULE: ./src/auth/providers/spiffe.ts
/**
 * `credential.provider: jwt-svid`: a JWT-SVID for the audience from the SPIFFE Workload API (gRPC
 * on the socket in `SPIFFE_ENDPOINT_SOCKET`, see ../workload-api.ts), as go-spiffe's `FetchJWTSVID`
 * does.
 */




const TIMEOUT_MS = 30_000;
class JwtSvidProvider {
    options;
    ctx;
    name = 'jwt-svid';
    constructor(options, ctx) {
        this.options = options;
        this.ctx = ctx;
    }
    async fetch() {
        const ctx = this.ctx;
        const audience = this.options.audience ?? ctx.host;
        const socket = ctx.env.SPIFFE_ENDPOINT_SOCKET;
        if (!socket)
            throw new CredentialError(ctx.host, 'credential provider jwt-svid: SPIFFE_ENDPOINT_SOCKET is not set (the Workload API socket, e.g. unix:///run/spire/agent-sockets/api.sock)');
        const client = await workloadClient(socket);
        try {
            const res = await client.fetchJwtSvid([audience], TIMEOUT_MS);
            const svid = res.svids?.[0]?.svid;
            if (!svid)
                throw new Error('the Workload API returned no JWT-SVID');
            (0,secrets/* registerSecret */.cl)(svid);
            const username = this.options.username;
            return {
                credential: username !== undefined ? { username, password: svid } : { registryToken: svid },
                expiresAt: jwtExpiry(svid) ?? ctx.now() + 5 * 60_000,
            };
        }
        catch (cause) {
            throw new CredentialError(ctx.host, `credential provider jwt-svid: FetchJWTSVID for audience "${audience}" on ${socket} failed: ${cause.message}`, { cause });
        }
        finally {
            client.close();
        }
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/workload.ts
/**
 * `credential.provider` values that present the workload's own cloud identity to a registry that
 * federates it (flux mirror's dialect): `gcp` (a Google ID token for the audience, from ADC),
 * `azure` (an Entra access token for `<audience>/.default`, from DefaultAzureCredential) and `aws`
 * (a SigV4-signed `sts:GetCallerIdentity` request in a JWT-shaped envelope the registry replays to
 * STS). `github` and `forgejo` (same Actions OIDC protocol) live in github.ts.
 */





function credentialOf(token, username) {
    return username !== undefined ? { username, password: token } : { registryToken: token };
}
/** A provider whose token is the workload's own identity token for an audience (default the host). */
class WorkloadTokenProvider {
    options;
    ctx;
    constructor(options, ctx) {
        this.options = options;
        this.ctx = ctx;
    }
    async fetch() {
        const t = await this.token(this.options.audience ?? this.ctx.host);
        return {
            credential: credentialOf(t.token, this.options.username),
            expiresAt: t.expiresAt ?? jwtExpiry(t.token) ?? this.ctx.now() + 3_600_000,
        };
    }
}
/** `credential.provider: gcp`. */
class GcpIdTokenProvider extends WorkloadTokenProvider {
    name = 'gcp';
    async token(audience) {
        return { token: await googleIdToken(this.ctx.host, 'credential provider gcp', audience) };
    }
}
/** `credential.provider: azure`. */
class AzureAccessTokenProvider extends WorkloadTokenProvider {
    name = 'azure';
    token(audience) {
        return azureToken(this.ctx.host, 'credential provider azure', `${audience}/.default`);
    }
}
/** How long a signed GetCallerIdentity envelope is used (STS accepts a signature for minutes). */
const AWS_ENVELOPE_TTL_MS = 2 * 60_000;
/** The Go `http.Header` canonical form of a header name (`x-amz-date` → `X-Amz-Date`). */
function canonicalHeader(name) {
    return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash, c) => dash + c.toUpperCase());
}
/**
 * `credential.provider: aws`: the envelope flux mirror documents — header
 * `{"alg":"none","typ":"aws-sigv4-getcalleridentity"}`, claims `{exp, aud, sts}` where `sts` is the
 * signed request `{method, url, headers, body}` (headers as Go's `http.Header`, the audience in the
 * signed `X-Audience` header), and an empty signature segment.
 */
class AwsCallerIdentityProvider {
    options;
    ctx;
    name = 'aws';
    constructor(options, ctx) {
        this.options = options;
        this.ctx = ctx;
    }
    async fetch() {
        const ctx = this.ctx;
        const audience = this.options.audience ?? ctx.host;
        const creds = ambientAwsCredentials(ctx.env) ?? (await awsDefaultChain(ctx.host, 'credential provider aws'));
        const region = awsRegion(ctx.env);
        const host = `sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
        const url = `https://${host}/`;
        const body = 'Action=GetCallerIdentity&Version=2011-06-15';
        const now = ctx.now();
        const signed = aws4_default().sign({
            host,
            path: '/',
            method: 'POST',
            service: 'sts',
            region,
            body,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Audience': audience },
        }, {
            accessKeyId: creds.accessKeyId,
            secretAccessKey: creds.secretAccessKey,
            ...(creds.sessionToken !== undefined ? { sessionToken: creds.sessionToken } : {}),
        });
        const headers = {};
        for (const [k, v] of Object.entries(signed.headers ?? {})) {
            // Go's request carries Host and Content-Length outside http.Header.
            if (v === undefined || /^(host|content-length)$/i.test(k))
                continue;
            headers[canonicalHeader(k)] = [String(v)];
        }
        const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const exp = Math.floor((now + AWS_ENVELOPE_TTL_MS) / 1000);
        const token = `${enc({ alg: 'none', typ: 'aws-sigv4-getcalleridentity' })}.${enc({
            exp,
            aud: audience,
            sts: { method: 'POST', url, headers, body },
        })}.`;
        (0,secrets/* registerSecret */.cl)(token);
        const expiresAt = exp * 1000;
        return {
            credential: credentialOf(token, this.options.username),
            expiresAt: creds.expiresAt !== undefined ? Math.min(expiresAt, creds.expiresAt) : expiresAt,
        };
    }
}

;// CONCATENATED MODULE: ./src/auth/providers/index.ts
/**
 * Builds the credential provider for a configured host (`hosts[]`): a credential source
 * (`value`, `fromPath`, `jwkPath`/`jwkValue`, `provider: github`) or a cloud exchange
 * (`provider: ecr | gar | acr | jfrog | quay | dockerhub | ghcr`).
 */















/** A fixed value: never expires. */
class ValueProvider {
    value;
    username;
    name = 'value';
    constructor(value, username) {
        this.value = value;
        this.username = username;
    }
    async fetch() {
        return {
            credential: this.username !== undefined
                ? { username: this.username, password: this.value }
                : { registryToken: this.value },
        };
    }
}
/** Wraps the token a provider produces in the flux `envelope` template. */
class EnvelopeProvider {
    inner;
    template;
    constructor(inner, template) {
        this.inner = inner;
        this.template = template;
    }
    get name() {
        return this.inner.name;
    }
    async fetch() {
        const x = await this.inner.fetch();
        const c = { ...x.credential };
        if (c.password !== undefined)
            c.password = applyEnvelope(this.template, c.password);
        if (c.registryToken !== undefined)
            c.registryToken = applyEnvelope(this.template, c.registryToken);
        return { ...x, credential: c };
    }
}
/**
 * The provider for a host, or undefined when the host has no credential. `confineTo` re-checks
 * file paths against the config directory at every read.
 */
function providerFor(entry, ctx, confineTo) {
    const host = entry.host;
    const username = entry.username;
    if (entry.provider !== undefined) {
        const audience = entry.audience !== undefined ? { audience: entry.audience } : {};
        switch (entry.provider) {
            case 'ecr':
                return new EcrProvider({
                    ...(entry.roleArn !== undefined ? { roleArn: entry.roleArn } : {}),
                    ...(entry.region !== undefined ? { region: entry.region } : {}),
                    ...audience,
                }, ctx);
            case 'gar':
                return new GarProvider({
                    ...(entry.workloadIdentityProvider !== undefined
                        ? { workloadIdentityProvider: entry.workloadIdentityProvider }
                        : {}),
                    ...(entry.serviceAccount !== undefined ? { serviceAccount: entry.serviceAccount } : {}),
                    ...audience,
                }, ctx);
            case 'acr':
                return new AcrProvider({
                    ...(entry.tenantId !== undefined ? { tenantId: entry.tenantId } : {}),
                    ...(entry.clientId !== undefined ? { clientId: entry.clientId } : {}),
                    ...audience,
                }, ctx);
            case 'jfrog':
                return new JfrogProvider({
                    ...(entry.providerName !== undefined ? { providerName: entry.providerName } : {}),
                    ...(username !== undefined ? { username } : {}),
                    ...audience,
                }, ctx);
            case 'quay':
                return new QuayProvider({ ...(username !== undefined ? { robot: username } : {}), ...audience }, ctx);
            case 'dockerhub':
                return new DockerHubProvider({
                    ...(username !== undefined ? { organization: username } : {}),
                    ...(entry.connectionId !== undefined ? { connectionId: entry.connectionId } : {}),
                    ...audience,
                }, ctx);
            case 'ghcr':
                return new GhcrProvider(username !== undefined ? { username } : {}, ctx);
            default:
                throw new CredentialError(host, `hosts: ${host}: unknown provider "${entry.provider}"`);
        }
    }
    const cred = entry.credential;
    if (!cred)
        return undefined;
    const user = username !== undefined ? { username } : {};
    const confine = confineTo !== undefined ? { confineTo } : {};
    let provider;
    if (cred.provider !== undefined) {
        const options = { ...(cred.audience !== undefined ? { audience: cred.audience } : {}), ...user };
        switch (cred.provider) {
            case 'github':
            case 'forgejo':
                provider = new GithubOidcProvider({ ...options, ci: cred.provider }, ctx);
                break;
            case 'gcp':
                provider = new GcpIdTokenProvider(options, ctx);
                break;
            case 'azure':
                provider = new AzureAccessTokenProvider(options, ctx);
                break;
            case 'aws':
                provider = new AwsCallerIdentityProvider(options, ctx);
                break;
            case 'spiffe':
                provider = new JwtSvidProvider(options, ctx);
                break;
            default:
                // Refused when the config is validated; kept as a guard for programmatic configs.
                throw new CredentialError(host, `hosts: ${host}: credential provider "${cred.provider}" is not supported by this version`);
        }
    }
    else if (cred.jwkPath !== undefined || cred.jwkValue !== undefined) {
        let lifetimeMs;
        if (cred.expiration !== undefined) {
            const ms = (0,checks/* parseGoDuration */.Qu)(cred.expiration);
            if (typeof ms === 'number' && ms > 0)
                lifetimeMs = ms;
        }
        provider = new JwkSignedProvider({
            ...(cred.jwkPath !== undefined ? { path: cred.jwkPath } : { value: cred.jwkValue ?? '' }),
            issuer: cred.issuer ?? '',
            subject: cred.subject ?? '',
            ...(cred.audiences !== undefined ? { audiences: cred.audiences } : {}),
            ...(lifetimeMs !== undefined ? { lifetimeMs } : {}),
            ...user,
            ...confine,
        }, ctx);
    }
    else if (cred.fromPath !== undefined) {
        provider = new FileTokenProvider({ path: cred.fromPath, ...user, ...confine }, ctx);
    }
    else if (cred.value !== undefined) {
        provider = new ValueProvider(cred.value, username);
    }
    if (provider && cred.envelope !== undefined) {
        const bad = checkEnvelope(cred.envelope);
        if (bad)
            throw new CredentialError(host, `hosts: ${host}: ${bad}`);
        provider = new EnvelopeProvider(provider, cred.envelope);
    }
    return provider;
}

;// CONCATENATED MODULE: ./src/auth/spiffe-tls.ts
/**
 * SPIFFE X.509-SVID TLS, as flux mirror documents it (`tls.clientAuth.provider: x509-svid`,
 * `tls.serverAuth.spiffe`) and go-spiffe's `tlsconfig` does it: the client certificate is this
 * workload's X.509-SVID, and the server is verified against the X.509 bundle of the trust domain
 * of its SPIFFE ID (the URI SAN), then authorized by ID, trust domain or any. Both come from one
 * Workload API stream per run (`FetchX509SVID`, or `FetchX509Bundles` when no host needs our own
 * SVID); each message the stream sends is a new generation, which new connections use.
 */


/** The Workload API gave nothing usable, or a server's SVID was refused. */
class SpiffeError extends Error {
    code;
    constructor(message, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.code = options?.code ?? 'ERR_SPIFFE';
    }
}
/** Split concatenated ASN.1 DER values (the Workload API's certificate lists). */
function splitDer(bytes) {
    const out = [];
    let at = 0;
    while (at < bytes.length) {
        if (bytes[at] !== 0x30 || at + 2 > bytes.length)
            throw new Error('not a DER certificate list');
        let len = bytes[at + 1] ?? 0;
        let header = 2;
        if (len & 0x80) {
            const n = len & 0x7f;
            if (n < 1 || n > 4 || at + 2 + n > bytes.length)
                throw new Error('bad DER length');
            len = 0;
            for (let i = 0; i < n; i++)
                len = len * 256 + (bytes[at + 2 + i] ?? 0);
            header += n;
        }
        const end = at + header + len;
        if (end > bytes.length)
            throw new Error('truncated DER certificate');
        out.push(bytes.subarray(at, end));
        at = end;
    }
    return out;
}
/** `spiffe://example.org` or `example.org` → `example.org`. */
function trustDomainName(value) {
    return value.replace(/^spiffe:\/\//, '').replace(/\/.*$/, '');
}
/** The SPIFFE IDs in a certificate's URI SANs. */
function spiffeIds(cert) {
    const san = cert.subjectAltName ?? '';
    return san
        .split(/,\s*/)
        .filter((n) => n.startsWith('URI:spiffe://'))
        .map((n) => n.slice('URI:'.length).replace(/^"|"$/g, ''));
}
function certificates(der, what) {
    if (!der || der.length === 0)
        return [];
    try {
        return splitDer(der).map((d) => new external_node_crypto_.X509Certificate(d));
    }
    catch (cause) {
        throw new SpiffeError(`the Workload API sent an unreadable ${what}: ${cause.message}`, {
            cause,
        });
    }
}
function material(generation, msg) {
    const bundles = new Map();
    const out = { generation, bundles };
    const federated = 'svids' in msg ? msg.federated_bundles : msg.bundles;
    for (const [td, der] of Object.entries(federated ?? {}))
        bundles.set(trustDomainName(td), certificates(der, `bundle of ${td}`));
    if ('svids' in msg) {
        const first = msg.svids?.[0];
        if (!first?.spiffe_id || !first.x509_svid?.length || !first.x509_svid_key?.length)
            throw new SpiffeError('the Workload API returned no X.509-SVID for this workload', {
                code: 'ERR_SPIFFE_NO_SVID',
            });
        const chain = certificates(first.x509_svid, 'X.509-SVID');
        const leaf = chain[0];
        let keyPem;
        try {
            keyPem = (0,external_node_crypto_.createPrivateKey)({ key: first.x509_svid_key, format: 'der', type: 'pkcs8' })
                .export({ format: 'pem', type: 'pkcs8' })
                .toString();
        }
        catch (cause) {
            throw new SpiffeError('the Workload API sent an unreadable X.509-SVID key', { cause });
        }
        out.svid = {
            id: first.spiffe_id,
            certPem: chain.map((c) => c.toString()).join(''),
            keyPem,
            serial: leaf.serialNumber,
            validTo: leaf.validTo,
        };
        bundles.set(trustDomainName(first.spiffe_id), certificates(first.bundle, 'X.509 bundle'));
    }
    return out;
}
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
/**
 * One Workload API stream for the run, shared by every SPIFFE host (it is this workload's
 * identity, not a host's). Opened on the first `ready()`; after the first message it keeps the
 * last good material and reconnects with backoff when the stream breaks, as go-spiffe does.
 */
class WorkloadX509Source {
    options;
    #material;
    #ready;
    #client;
    #stream;
    #timer;
    #closed = false;
    #generation = 0;
    constructor(options) {
        this.options = options;
    }
    ready() {
        this.#ready ??= this.#open();
        return this.#ready;
    }
    /** The current material; after `ready()` resolved. */
    current() {
        if (!this.#material)
            throw new SpiffeError('SPIFFE X.509 material asked for before it arrived');
        return this.#material;
    }
    get rpc() {
        return this.options.svid ? 'FetchX509SVID' : 'FetchX509Bundles';
    }
    async #open() {
        const socket = this.options.socket;
        if (!socket)
            throw new SpiffeError('SPIFFE_ENDPOINT_SOCKET is not set (the Workload API socket, e.g. unix:///run/spire/agent-sockets/api.sock)', { code: 'ERR_SPIFFE_NO_SOCKET' });
        this.#client = await workloadClient(socket);
        await new Promise((resolve, reject) => this.#watch(resolve, reject));
    }
    /** Start the stream; `first` settles with its first message (or its failure). */
    #watch(resolve, reject, attempt = 0) {
        if (this.#closed || !this.#client)
            return;
        const stream = this.options.svid ? this.#client.fetchX509Svid() : this.#client.fetchX509Bundles();
        this.#stream = stream;
        let settled = false;
        const socket = this.options.socket;
        stream.on('data', (msg) => {
            try {
                const next = material(this.#generation + 1, msg);
                this.#generation++;
                const first = this.#material === undefined;
                this.#material = next;
                const what = next.svid
                    ? `X.509-SVID ${next.svid.id} (serial ${next.svid.serial}, valid to ${next.svid.validTo})`
                    : `X.509 bundles of ${[...next.bundles.keys()].join(', ')}`;
                this.options.log?.(`SPIFFE: ${first ? '' : 'rotated: '}${what} from the Workload API`);
                attempt = 0;
                if (!settled) {
                    settled = true;
                    resolve?.();
                }
            }
            catch (err) {
                if (!settled) {
                    settled = true;
                    stream.cancel();
                    reject?.(err);
                }
                else
                    this.options.log?.(`SPIFFE: ignored an update from the Workload API: ${err.message}`);
            }
        });
        const broken = (err) => {
            if (this.#stream !== stream || this.#closed)
                return;
            if (!settled) {
                settled = true;
                const why = err ? err.message : 'the stream ended before any message';
                reject?.(new SpiffeError(`SPIFFE Workload API ${this.rpc} on ${socket} failed: ${why}`, {
                    code: 'ERR_SPIFFE_WORKLOAD_API',
                    cause: err,
                }));
                return;
            }
            // Keep the last material and reconnect, as go-spiffe's watcher does.
            const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempt);
            this.options.log?.(`SPIFFE: the Workload API stream broke (${err?.message ?? 'ended'}); reconnecting in ${delay} ms`);
            this.#timer = setTimeout(() => this.#watch(undefined, undefined, attempt + 1), delay);
            this.#timer.unref();
        };
        stream.on('error', broken);
        stream.on('end', () => broken());
    }
    close() {
        this.#closed = true;
        if (this.#timer)
            clearTimeout(this.#timer);
        this.#stream?.cancel();
        this.#client?.close();
    }
}
/** The certificates of a peer's chain as Node gives it, leaf first. */
function peerChain(cert) {
    const out = [];
    let c = cert;
    const seen = new Set();
    while (c?.raw && !seen.has(c.fingerprint256)) {
        seen.add(c.fingerprint256);
        out.push(new external_node_crypto_.X509Certificate(c.raw));
        const next = c
            .issuerCertificate;
        c = next;
    }
    return out;
}
function anchoredIn(chain, roots) {
    return chain.some((c) => roots.some((r) => c.raw.equals(r.raw) || (c.checkIssued(r) && c.verify(r.publicKey))));
}
/**
 * Why a server's certificate is refused under `serverAuth.spiffe`, if it is. OpenSSL has already
 * verified the chain against every bundle (`ca`); this pins it to the bundle of the trust domain
 * the certificate claims, then authorizes the ID.
 */
function checkServerSvid(host, cert, m, auth) {
    const chain = peerChain(cert);
    const leaf = chain[0];
    const ids = leaf ? spiffeIds(leaf) : [];
    const fail = (message, code) => new SpiffeError(`${host}: ${message}`, { code });
    if (ids.length !== 1)
        return fail(`the server certificate has ${ids.length === 0 ? 'no SPIFFE ID (URI SAN)' : `${ids.length} SPIFFE IDs`}, so it is not an X.509-SVID`, 'ERR_SPIFFE_NOT_SVID');
    const id = ids[0];
    const td = trustDomainName(id);
    const roots = m.bundles.get(td);
    if (!roots || roots.length === 0)
        return fail(`the server's SPIFFE ID ${id} is in trust domain ${td}, for which the Workload API gave no X.509 bundle`, 'ERR_SPIFFE_NO_BUNDLE');
    if (!anchoredIn(chain, roots))
        return fail(`the server's X.509-SVID ${id} does not chain to the X.509 bundle of ${td}`, 'ERR_SPIFFE_UNTRUSTED');
    if (auth.authorizeAny)
        return undefined;
    if (auth.serverID !== undefined) {
        if (id !== auth.serverID)
            return fail(`SPIFFE server ID mismatch: expected ${auth.serverID}, found ${id}`, 'ERR_SPIFFE_ID_MISMATCH');
        return undefined;
    }
    if (auth.trustDomain !== undefined) {
        const self = auth.trustDomain === 'self';
        if (self && !m.svid)
            return fail('trustDomain: self needs our own X.509-SVID, and there is none', 'ERR_SPIFFE_NO_SVID');
        const want = self && m.svid ? trustDomainName(m.svid.id) : trustDomainName(auth.trustDomain);
        if (td !== want)
            return fail(`SPIFFE server trust domain mismatch: expected a member of ${want}${self ? ' (self)' : ''}, found ${id}`, 'ERR_SPIFFE_ID_MISMATCH');
        return undefined;
    }
    return fail('serverAuth.spiffe sets no authorization', 'ERR_SPIFFE_CONFIG');
}
/**
 * The `TlsSource` of one host: the client certificate (when `client`) and the server check (when
 * `server`) from the shared Workload API material; the other half stays the host's static TLS.
 */
function spiffeHostTls(host, source, halves) {
    let built;
    return {
        ready: () => source.ready().catch((err) => {
            const e = err;
            throw new SpiffeError(`${host}: tls: ${e.message}`, {
                ...(e.code ? { code: e.code } : {}),
                cause: err,
            });
        }),
        current() {
            const m = source.current();
            if (built?.generation === m.generation)
                return built;
            const tls = {};
            if (halves.client && m.svid) {
                tls.cert = m.svid.certPem;
                tls.key = m.svid.keyPem;
            }
            const server = halves.server;
            if (server) {
                tls.ca = [...m.bundles.values()].flat().map((c) => c.toString());
                tls.checkServerIdentity = (_hostname, cert) => checkServerSvid(host, cert, m, server);
            }
            built = { generation: m.generation, tls };
            return built;
        },
    };
}

// EXTERNAL MODULE: ./src/oci/client.ts + 1 modules
var oci_client = __webpack_require__(54045);
;// CONCATENATED MODULE: ./src/sync/session.ts
/**
 * Build the registry client for a config: transport settings per host (TLS, plain HTTP, chunk
 * size) and credentials (config `hosts`, then Docker's config for hosts not listed).
 */
















/** A host setting the engine cannot honour (yet), or a file it cannot read. */
class SessionError extends oci_errors/* OciError */.Mf {
}
function hostKey(host) {
    return host === oci_reference/* DOCKER_HUB_API_HOST */.Tz || host === 'index.docker.io' ? oci_reference/* DOCKER_HUB */.Xb : host;
}
function readPem(path, what) {
    try {
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (cause) {
        throw new SessionError(`cannot read ${what} ${path}`, { cause });
    }
}
/** Which TLS halves of a host use SPIFFE (flux `clientAuth.provider: x509-svid`, `serverAuth.spiffe`). */
function spiffeHalves(entry) {
    const client = entry?.tls?.clientAuth?.provider === 'spiffe';
    const sa = entry?.tls?.serverAuth;
    const server = sa?.provider === 'spiffe' || sa?.spiffe ? { ...sa.spiffe } : undefined;
    if (!client && !server)
        return undefined;
    return server ? { client, server } : { client };
}
/**
 * Docker Hub's politeness unless its `hosts` entry says otherwise: its API answers abusive request
 * rates per IP with 429s, so requests are paced and capped. (Its pull limit is read from the
 * `ratelimit-*` headers it sends and kept to by the transport; see oci/limiter.ts.)
 */
const DOCKER_HUB_LIMITS = {
    rateLimit: { requestsPerSecond: 20, burst: 40 },
    maxConcurrency: 8,
};
function settingsFor(entry, insecure, spiffe, key) {
    const s = {};
    if (entry?.plainHTTP !== undefined)
        s.plainHTTP = entry.plainHTTP;
    if (entry?.maxChunkSize)
        s.maxChunkSize = entry.maxChunkSize;
    const limits = key === oci_reference/* DOCKER_HUB */.Xb ? { ...DOCKER_HUB_LIMITS } : {};
    if (entry?.rateLimit)
        limits.rateLimit = entry.rateLimit;
    if (entry?.maxConcurrency)
        limits.maxConcurrency = entry.maxConcurrency;
    if (Object.keys(limits).length > 0)
        s.limits = limits;
    const tls = {};
    const server = entry?.tls?.serverAuth;
    const client = entry?.tls?.clientAuth;
    if (server?.caFromPath)
        tls.ca = readPem(server.caFromPath, 'CA bundle');
    else if (server?.caValue)
        tls.ca = server.caValue;
    if (client?.certFromPath)
        tls.cert = readPem(client.certFromPath, 'client certificate');
    else if (client?.certValue)
        tls.cert = client.certValue;
    if (client?.keyFromPath)
        tls.key = readPem(client.keyFromPath, 'client key');
    else if (client?.keyValue) {
        (0,secrets/* registerSecret */.cl)(client.keyValue);
        tls.key = client.keyValue;
    }
    const halves = spiffeHalves(entry);
    if (halves && spiffe && entry)
        tls.source = spiffeHostTls(entry.host, spiffe, halves);
    if (insecure || entry?.insecure)
        tls.insecure = true;
    if (insecure && entry?.plainHTTP === undefined)
        s.fallbackToHTTP = true;
    if (Object.keys(tls).length > 0)
        s.tls = tls;
    return s;
}
/**
 * Credentials from the config's `hosts`: one provider per host, built on first use (so a host the
 * run never touches cannot fail it) and kept in a `RefreshingCredential` that re-exchanges before
 * expiry. The credential handed to the authenticator carries `expiresAt` = when to ask again.
 */
function configCredentials(hosts, base, confineTo, anonymous) {
    const cached = new Map();
    return async (host) => {
        const key = hostKey(host);
        const entry = hosts.get(key);
        if (!entry || anonymous?.has(entry.host))
            return undefined;
        let refreshing = cached.get(key);
        if (!cached.has(key)) {
            const provider = providerFor(entry, { ...base, host: entry.host }, confineTo);
            refreshing = provider ? new RefreshingCredential(provider, base.now) : undefined;
            cached.set(key, refreshing);
        }
        if (!refreshing)
            return undefined;
        let got;
        try {
            got = await refreshing.get();
        }
        catch (err) {
            const refused = anonymous ? idTokenRefusal(err) : undefined;
            if (!refused)
                throw err;
            anonymous?.set(entry.host, refused.message);
            return undefined;
        }
        const credential = maskCredential({ ...got.credential });
        if (credential && got.refreshAt !== undefined)
            credential.expiresAt = got.refreshAt;
        return credential;
    };
}
/** The `IdTokenUnavailableError` somewhere in `err`'s cause chain. */
function idTokenRefusal(err) {
    for (let e = err; e instanceof Error; e = e.cause)
        if (e instanceof IdTokenUnavailableError)
            return e;
    return undefined;
}
/** Create the client for a config's hosts. */
function createSession(config, options = {}) {
    const hosts = new Map(config.hosts.map((h) => [hostKey(h.host), h]));
    const env = options.env ?? process.env;
    // One Workload API stream for every SPIFFE host; our own SVID is fetched when a host presents it
    // or authorizes `trustDomain: self`, else only the bundles.
    const spiffeHosts = config.hosts.map(spiffeHalves).filter((h) => h !== undefined);
    const spiffe = spiffeHosts.length > 0
        ? new WorkloadX509Source({
            socket: env.SPIFFE_ENDPOINT_SOCKET,
            svid: spiffeHosts.some((h) => h.client || h.server?.trustDomain === 'self'),
            ...(options.log ? { log: options.log } : {}),
        })
        : undefined;
    const settings = new Map();
    const hostSettings = (host) => {
        const key = hostKey(host);
        let s = settings.get(key);
        if (!s) {
            s = settingsFor(hosts.get(key), options.insecure ?? false, spiffe, key);
            settings.set(key, s);
        }
        return s;
    };
    const retry = { ...options.retry };
    if (options.retries !== undefined)
        retry.attempts = options.retries + 1;
    if (options.timeoutMs !== undefined)
        retry.budgetMs = options.timeoutMs;
    const transport = new oci_transport/* Transport */.oK({
        hostSettings,
        retry,
        userAgent: options.userAgent ?? 'oci-mirror',
        connections: options.connections ?? 16,
        ...(options.timeAnswers ? { timeAnswers: true } : {}),
        ...(options.lookup ? { lookup: options.lookup } : {}),
        ...(options.log ? { log: options.log } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    const now = options.now ?? Date.now;
    const providerContext = {
        transport,
        env,
        now,
        endpoints: options.endpoints ?? {},
        idToken: options.idToken ?? githubIdTokenSource(transport, env),
    };
    const anonymousHosts = new Map();
    const fromConfig = configCredentials(hosts, providerContext, config.dir, options.anonymousWithoutIdToken ? anonymousHosts : undefined);
    const sources = [fromConfig];
    if (options.dockerConfig !== false)
        sources.push(dockerConfigCredentials(options.env ? { env: options.env } : {}));
    const credentials = chainCredentials(...sources);
    const authenticator = new Authenticator({ transport, credentials, now });
    const listings = new Map();
    const listing = (registry) => {
        const key = hostKey(registry);
        if (!listings.has(key)) {
            const configured = hosts.get(key)?.listing;
            const endpoint = configured === undefined
                ? defaultListingEndpoint(key)
                : configured.api === 'none'
                    ? undefined
                    : {
                        api: configured.api,
                        url: configured.url ??
                            (configured.api === 'harbor' ? `https://${key}` : (defaultListingEndpoint(key)?.url ?? '')),
                        ...(configured.location !== undefined ? { location: configured.location } : {}),
                    };
            const entry = hosts.get(key);
            listings.set(key, endpoint && endpoint.url !== ''
                ? createListing(transport, endpoint, registry, credentials)
                : entry?.provider === 'ecr' && configured?.api !== 'none' && !isEcrPublic(entry.host)
                    ? ecrListing(entry)
                    : undefined);
        }
        return listings.get(key);
    };
    /** ECR's DescribeImages with the host's own AWS credentials (the ones its `provider: ecr` uses). */
    const ecrListing = (entry) => {
        const provider = providerFor(entry, { ...providerContext, host: entry.host });
        return guardedListing('ecr', (repo, count) => provider.tagDigests(repo.repository, count));
    };
    // Validate host settings eagerly so a bad TLS path fails before any copy starts.
    for (const h of config.hosts)
        hostSettings(h.host);
    const client = new oci_client/* RegistryClient */.bP({ transport, authorizer: authenticator });
    const ensured = new Map();
    const ensureRepository = (registry, path) => {
        const entry = hosts.get(hostKey(registry));
        if (entry?.provider !== 'ecr' || !(entry.createRepositories || options.createRepositories))
            return Promise.resolve(false);
        const key = `${entry.host}/${path}`;
        let p = ensured.get(key);
        if (!p) {
            const provider = providerFor(entry, { ...providerContext, host: entry.host });
            p = provider.createRepository(path);
            ensured.set(key, p);
        }
        return p;
    };
    const close = async () => {
        spiffe?.close();
        await transport.close();
    };
    return { client, transport, ensureRepository, listing, anonymousHosts, close };
}

;// CONCATENATED MODULE: ./src/sync/shard.ts
/**
 * Sharding a run over a job matrix (`--shard i/n`): a deterministic partition of the work so that
 * n processes, each given the same config (and the same weights), together do exactly what one run
 * would, and never two of them the same tag.
 *
 * Units of work, by `--shard-by`:
 * - `repository` (default): artifact entries grouped by source repository, so blob de-duplication and
 *   cross-repository mounts stay inside one shard; each chart entry (with the images discovered in
 *   it) is one unit.
 * - `entry`: each artifact or chart entry is a unit.
 * - `tag`: every shard lists every artifact entry and keeps the source tags whose hash falls to it;
 *   chart entries are units as above.
 *
 * Units are dealt out heaviest first to the least-loaded shard (ties: lowest key, lowest shard), so
 * the partition is a pure function of the unit keys, their weights and n. Weights (tags per unit)
 * come from the state file when known; every shard must then see the same weights, which the
 * partition fingerprint recorded in each shard's report lets `merge-reports` check.
 */



/**
 * Deal units to `count` shards, heaviest first onto the least-loaded shard. Returns the 1-based
 * shard of each key.
 */
function partition(units, count) {
    const sorted = [...units].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const load = new Array(count).fill(0);
    const out = new Map();
    for (const u of sorted) {
        if (out.has(u.key))
            continue;
        let best = 0;
        for (let i = 1; i < count; i++)
            if (load[i] < load[best])
                best = i;
        load[best] = load[best] + Math.max(u.weight, 1);
        out.set(u.key, best + 1);
    }
    return out;
}
/** The shard (1-based) a source tag or digest falls to under `--shard-by tag`. */
function tagShard(src, count) {
    const name = src.tag ?? src.digest ?? '';
    const h = (0,external_node_crypto_.createHash)('sha256')
        .update(`${(0,oci_reference/* formatRepository */.Sh)(src)}\0${name}`)
        .digest();
    return (h.readUInt32BE(0) % count) + 1;
}
function sourceRepository(entry) {
    const r = (0,oci_reference/* parseReference */.F2)(entry.source);
    return (0,oci_reference/* formatRepository */.Sh)({ registry: r.registry, repository: r.repository });
}
/**
 * A chart entry is one unit: the chart and the images discovered in it stay together. Charts that
 * discover images are all one unit: two charts may reference the same image, which one run writes
 * once and two shards would both write.
 */
function chartKey(c, i, discovers) {
    if (discovers)
        return 'charts with images';
    return `chart\0${i}\0${c.source}\0${c.name}`;
}
function artifactKey(e, i, by) {
    return by === 'entry' ? `artifact\0${i}\0${e.name}` : `repository\0${sourceRepository(e)}`;
}
function weightOf(repos, counts) {
    let w = 0;
    for (const r of repos)
        w += counts?.(r) ?? 0;
    return Math.max(w, 1);
}
/** This shard's part of the config. */
function selectShard(config, spec, counts, options = {}) {
    const discoverAll = options.images === true && options.chartsOnly !== true;
    const discovers = (c) => options.chartsOnly !== true && (discoverAll || c.images?.discover === true);
    const units = new Map();
    const add = (key, w) => units.set(key, (units.get(key) ?? 0) + w);
    if (spec.by !== 'tag')
        config.artifacts.forEach((e, i) => {
            add(artifactKey(e, i, spec.by), weightOf(e.destinations, counts));
        });
    config.charts.forEach((c, i) => {
        add(chartKey(c, i, discovers(c)), weightOf([c.repository], counts));
    });
    const assigned = partition([...units].map(([key, weight]) => ({ key, weight })), spec.count);
    const fingerprint = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([spec.count, spec.by, [...assigned].sort()]))
        .digest('hex')
        .slice(0, 16);
    const artifactIndex = new Map(config.artifacts.map((e, i) => [e, i]));
    const chartIndex = new Map(config.charts.map((c, i) => [c, i]));
    const selection = {
        artifact: (e) => spec.by === 'tag' || assigned.get(artifactKey(e, artifactIndex.get(e) ?? -1, spec.by)) === spec.index,
        chart: (c) => assigned.get(chartKey(c, chartIndex.get(c) ?? -1, discovers(c))) === spec.index,
        fingerprint,
    };
    if (spec.by === 'tag')
        selection.tag = (src) => tagShard(src, spec.count) === spec.index;
    return selection;
}

;// CONCATENATED MODULE: ./src/sync/verify-plan.ts
/**
 * Signature verification at plan time (`verify:`), as flux mirror does it: every selected tag's
 * source digest is verified before anything is copied (dry runs too). A refusal makes that tag a
 * failed row carrying the check that failed, and stops the entry: later tags are not planned
 * (tags before it still run). A valid signature younger than `minAge` skips the tag with reason
 * `signature-too-new`. Verified rows carry a `verification` block.
 */





/** The entry's policy (reads a `publicKey.fromPath`); a bad key or pattern fails the entry. */
async function entryPolicy(entry) {
    const spec = entry.verify;
    if (!spec)
        return undefined;
    const key = spec.publicKey;
    const pem = key?.value ?? (key?.fromPath !== undefined ? await (0,promises_.readFile)(key.fromPath, 'utf8') : undefined);
    return policyOf(spec, {
        ...(spec.trustedRoot !== undefined ? { trustedRoot: spec.trustedRoot } : {}),
        ...(pem !== undefined ? { publicKey: pem } : {}),
    });
}
function refusal(err) {
    const info = (0,sync_errors/* errorInfo */.fH)(err);
    if (err instanceof VerificationFailedError) {
        info.operation = 'verify signature';
        info.code = err.check;
    }
    return info;
}
/**
 * Verify the plan's tags in selection order, mutating their rows and actions; returns the plan
 * cut after the first refusal, plus log notes.
 */
async function verifyPlan(plan, entry, policy, verifier, parallelism) {
    // One verification per source digest (several destinations share it).
    const digests = [
        ...new Set(plan.tags.filter((p) => p.action !== 'fail').map((p) => p.originalDigest ?? p.srcDigest ?? '')),
    ].filter((d) => d !== '');
    const outcomes = new Map();
    await (0,pool/* mapPool */.Pk)(digests, Math.max(1, parallelism), async (digest) => {
        try {
            outcomes.set(digest, await verifier.verify(plan.source, digest, policy));
        }
        catch (error) {
            outcomes.set(digest, { error });
        }
    });
    const kept = [];
    let stopped;
    for (const p of plan.tags) {
        if (stopped && (0,oci_reference/* formatReference */.FH)(p.src) !== (0,oci_reference/* formatReference */.FH)(stopped.src))
            break;
        const digest = p.originalDigest ?? p.srcDigest;
        const outcome = p.action === 'fail' || digest === undefined ? undefined : outcomes.get(digest);
        kept.push(p);
        if (!outcome)
            continue;
        if ('error' in outcome) {
            p.action = 'fail';
            p.row.status = 'failed';
            delete p.row.reason;
            p.row.error = refusal(outcome.error);
            stopped ??= p;
            continue;
        }
        if (outcome.status === 'too-new') {
            p.action = 'hold';
            p.row.status = 'skipped';
            p.row.reason = 'signature-too-new';
            p.row.verification = {
                ...outcome.verification,
                tooNew: { ageMs: outcome.ageMs, minAge: entry.verify?.minAge ?? '0s' },
            };
            continue;
        }
        p.row.verification = outcome.verification;
    }
    const notes = [...plan.notes];
    for (const [digest, o] of outcomes) {
        if ('error' in o)
            notes.push(`${entry.name}: ${digest}: signature refused: ${(0,sync_errors/* errorInfo */.fH)(o.error).message}`);
        else
            notes.push(`${entry.name}: ${digest}: signature ${o.status}${o.cached ? ' (remembered)' : ''}: ${o.verification.subject ?? 'public key'}`);
    }
    const dropped = plan.tags.length - kept.length;
    if (stopped && dropped > 0)
        notes.push(`${entry.name}: verification of ${(0,oci_reference/* formatReference */.FH)(stopped.src)} failed; ${dropped} later rows not planned`);
    return { ...plan, tags: kept, notes };
}

;// CONCATENATED MODULE: ./src/sync/sync.ts
/**
 * `sync()`: plan every entry and execute the copies in a bounded pool, de-duplicating blobs across
 * the whole run. Planning of all entries shares one request limit per registry host; an entry's
 * copy jobs start as soon as that entry is planned. Knows nothing of GitHub; the CLI and the action
 * both call it.
 */
















/** Planning requests in flight per registry host unless `planRequests` says otherwise. */
const PLAN_REQUESTS_PER_HOST = 32;
/**
 * Planning requests in flight per host by how fast it answers (see `AdaptiveLimit` in pool.ts),
 * when `SyncOptions.adaptivePlanning` asks for it. Measured with the CLI (`--verbose` prints each
 * host's figure), the fastest of the first 4 answers less our busy time: loopback 0-12 ms at load
 * 7-18 (8 in flight; once 13), behind 25 ms each way 42-84 ms (32). A warm sync of 50 tags on
 * loopback opens 16 connections instead of 64 (wall 0.79-0.88x). Not the default: 10,000 tags
 * warm with a state file on loopback took 1.21x the time and 1.19x the CPU with 8 in flight
 * instead of 32 (`bench/rss-tags.ts OLD NEW NEW-near-32`, 2026-12-06): with fewer answers per
 * turn of the event loop, each costs more, and a large run is throughput, not connections.
 */
const ADAPTIVE_PLANNING = {
    after: 4,
    near: 8,
    rate: 1,
};
/** Entries planned at once: enough to keep every host's request limit busy with one-tag entries. */
const ENTRIES_IN_PLANNING = 64;
/**
 * Copy jobs (tags) in flight unless `concurrency` or the config says otherwise. A job is a chain of
 * small requests around its blob streams (manifests read, uploads opened, manifests put), so with
 * 4 jobs the registries wait between them: a cold copy of the reference set took 0.87x the time
 * with 8 (median of 6 interleaved rounds; 16 was no faster than 8, `bench/ab.ts`).
 */
const DEFAULT_CONCURRENCY = 8;
/** Why each host refused its ID token at run time was read anonymously, worded for `notChecked`. */
function anonymousReasons(session) {
    return [...session.anonymousHosts].map(([host, why]) => [
        host,
        `${host} was read anonymously because the OIDC ID token was refused (${why})`,
    ]);
}
/** Mirror everything the config asks for. Never throws for registry trouble: failures become rows. */
async function sync(config, options = {}) {
    const startedAt = new Date();
    const t0 = performance.now();
    const emit = options.onEvent ?? (() => undefined);
    const log = (message) => emit({ type: 'log', message });
    const concurrency = options.concurrency ?? config.defaults.concurrency ?? DEFAULT_CONCURRENCY;
    const session = options.session ??
        createSession(config, {
            ...options,
            // `--timeout` bounds every wait, planning's requests included: no request outlives it.
            ...(options.timeoutMs === undefined && options.jobTimeoutMs !== undefined
                ? { timeoutMs: options.jobTimeoutMs }
                : {}),
            anonymousWithoutIdToken: options.dryRun ?? false,
            // Answer times feed only the opt-in adaptive planning limit.
            timeAnswers: options.adaptivePlanning !== undefined,
            connections: Math.max(options.planRequests ?? PLAN_REQUESTS_PER_HOST, concurrency * 2),
            log,
            retry: {
                ...options.retry,
                onRetry: (i) => log(`retry ${i.attempt}/${i.attempts - 1} in ${i.delayMs}ms: ${i.reason}`),
            },
        });
    const client = session.client;
    const requestsBefore = session.transport.totals().requests;
    const hostsBefore = session.transport.stats();
    const entries = [];
    const planClient = options.signal ? client.withSignal(options.signal) : client;
    // Destination repositories without tags: asked once, spare blob HEADs and manifest HEADs there.
    const tagless = new TaglessRepositories();
    const blobs = new BlobCopier({
        client,
        tagless,
        transfers: new pool/* Semaphore */.jf(options.streams ?? Math.max(16, concurrency * 2)),
        log,
    });
    const created = [];
    const ctx = {
        client,
        blobs,
        manifests: new content/* ManifestPuts */.M(),
        parallelism: 4,
        log,
        prepareDestination: async (repo) => {
            if (await session.ensureRepository(repo.registry, repo.repository)) {
                created.push(`${repo.registry}/${repo.repository}`);
                log(`${repo.registry}/${repo.repository}: created the repository (ECR CreateRepository)`);
            }
        },
    };
    const attempts = (options.jobRetries ?? 1) + 1;
    const manifestChildren = options.manifestChildren ?? (0,sync_job/* memoChildren */.Yt)();
    const timeoutMs = options.jobTimeoutMs ?? sync_job/* DEFAULT_JOB_TIMEOUT_MS */.Vz;
    const queue = new pool/* WorkQueue */.ZN(concurrency, async (job) => {
        const { entry, plan } = job;
        // A copy that is not started: its row says why, and is reported like any finished one.
        const notStarted = (fields) => {
            Object.assign(plan.row, fields);
            entry.tags.push(plan.row);
            emit({ type: 'tag', entry, tag: plan.row });
        };
        if (options.signal?.aborted)
            return notStarted({
                status: 'failed',
                error: (0,sync_errors/* errorInfo */.fH)(new sync_errors/* CancelledError */.cc(`${plan.row.source} → ${plan.row.destination}: cancelled before it started`)),
            });
        if ((0,sync_job/* pastMaxDuration */.b7)(options.deadline))
            return notStarted({ status: 'deferred', reason: sync_job/* MAX_DURATION_REASON */.lp });
        emit({ type: 'tag-started', entry, source: plan.row.source, destination: plan.row.destination });
        const r = await (0,sync_job/* runJob */.b5)(ctx, plan, {
            cancel: options.signal,
            referrers: job.referrers,
            referrersOnly: job.referrersOnly ?? false,
            dryRun: job.dryRun ?? false,
            sourceTags: job.sourceTags,
            children: manifestChildren,
            attempts,
            timeoutMs,
            log,
        });
        entry.tags.push(r);
        emit({ type: 'tag', entry, tag: r });
    });
    const limiter = new pool/* HostLimiter */.h(options.planRequests ?? PLAN_REQUESTS_PER_HOST, options.adaptivePlanning && {
        ...ADAPTIVE_PLANNING,
        ...options.adaptivePlanning,
        answers: (registry) => session.transport.answerTimes((0,oci_reference/* apiHost */.nz)(registry)),
        judged: (registry, limit, a) => log(`${registry}: fastest answer ${a.fastestMs.toFixed(1)} ms of ${a.answers}: planning with up to ${limit} requests in flight`),
    });
    const digests = (0,sync_plan/* registryDigests */.N1)(planClient, {
        limiter,
        tagless,
        knownDestinationDigest: options.knownDestinationDigest,
    });
    const shard = options.shard ? selectShard(config, options.shard, options.shardWeights, options) : undefined;
    const artifacts = config.artifacts.filter((e) => (options.only?.(e) ?? true) && (shard?.artifact(e) ?? true));
    const charts = config.charts.filter((c) => (options.only?.(c) ?? true) && (shard?.chart(c) ?? true));
    if (shard && options.shard)
        log(`shard ${options.shard.index}/${options.shard.count} by ${options.shard.by}: ${artifacts.length} artifact and ${charts.length} chart entries`);
    // sigstore-js itself is imported by verify/ on first use: runs without `verify:` never load it.
    let imageVerifier;
    const verifier = () => {
        imageVerifier ??= new ImageVerifier(planClient, {
            ...(options.trustedRoot !== undefined ? { trustedRoot: options.trustedRoot } : {}),
            ...(options.tufCachePath !== undefined ? { tufCachePath: options.tufCachePath } : {}),
            ...(options.verificationCache ? { cache: options.verificationCache } : {}),
            log,
        });
        return imageVerifier;
    };
    const planned = await (0,pool/* mapPool */.Pk)(artifacts, ENTRIES_IN_PLANNING, async (entry) => {
        (0,runtime/* tuneForPlanning */.b)();
        const result = {
            name: entry.name,
            kind: 'artifact',
            source: entry.source,
            destinations: entry.destinations,
            position: entry.position,
            tags: [],
        };
        if (options.signal?.aborted) {
            result.error = (0,sync_errors/* errorInfo */.fH)(new sync_errors/* CancelledError */.cc(`${entry.name}: cancelled before planning`));
            emit({ type: 'entry-failed', entry: result });
            return { result, entry, order: undefined, selected: undefined };
        }
        let plan;
        try {
            plan = await (0,sync_plan/* planEntry */.Cd)(planClient, entry, {
                overwrite: options.overwrite ?? false,
                parallelism: limiter.perHost,
                digests,
                keep: shard?.tag,
                listing: sourceListing(session, entry.source),
                knownDestinationConfirmedAt: options.knownDestinationConfirmedAt,
                readAbsent: !options.dryRun && entry.verify === undefined,
            });
            const policy = await entryPolicy(entry);
            if (policy)
                plan = await verifyPlan(plan, entry, policy, verifier(), concurrency);
        }
        catch (err) {
            result.error = (0,sync_errors/* errorInfo */.fH)(options.signal?.aborted ? new sync_errors/* CancelledError */.cc(`${entry.name}: planning cancelled`) : err);
            emit({ type: 'entry-failed', entry: result });
            return { result, entry, order: undefined, selected: undefined };
        }
        for (const note of plan.notes)
            log(note);
        if (plan.unparseable)
            result.unparseableTags = plan.unparseable;
        enqueue(result, entry.includeReferrers, plan);
        // Only the rows' order outlives planning: the plans themselves go with their jobs (memory at scale).
        return { result, entry, order: plan.tags.map((p) => p.row), selected: plan.selected };
    });
    /** Turn an entry's plan into rows (nothing to do) and queued jobs (copies start right away). */
    function enqueue(result, includeReferrers, plan) {
        let jobs = 0;
        const push = (job) => {
            jobs++;
            queue.push(job);
        };
        const rows = [];
        for (const p of plan.tags) {
            if (p.action === 'copy' || p.action === 'overwrite') {
                if (options.dryRun) {
                    p.row.status = p.action === 'copy' ? 'would-copy' : 'would-overwrite';
                    if (includeReferrers) {
                        // Referrers are evaluated in a dry run too (would-copy rows), writing nothing.
                        push({ entry: result, plan: p, referrers: true, dryRun: true, sourceTags: plan.sourceTags });
                    }
                    else {
                        rows.push(p.row);
                    }
                }
                else {
                    push({ entry: result, plan: p, referrers: includeReferrers, sourceTags: plan.sourceTags });
                }
            }
            else if (p.action === 'skip' && includeReferrers) {
                // The tag is up to date, but signatures or SBOMs may have been added since.
                push({
                    entry: result,
                    plan: p,
                    referrers: true,
                    referrersOnly: true,
                    ...(options.dryRun ? { dryRun: true } : {}),
                    sourceTags: plan.sourceTags,
                });
            }
            else {
                rows.push(p.row);
            }
        }
        // 'planned' first, so a progress display knows the total before the entry's rows arrive.
        emit({ type: 'planned', entry: result, jobs });
        for (const r of rows) {
            result.tags.push(r);
            emit({ type: 'tag', entry: result, tag: r });
        }
    }
    queue.close();
    await queue.done;
    for (const { result } of planned)
        entries.push(result);
    // Helm (child processes, tar, its repository client) loads only for a config with charts.
    if (charts.length > 0) {
        const { chartResult, syncCharts } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(321)]).then(__webpack_require__.bind(__webpack_require__, 54321));
        if (options.signal?.aborted) {
            for (const c of charts) {
                const entry = {
                    ...chartResult(c),
                    error: (0,sync_errors/* errorInfo */.fH)(new sync_errors/* CancelledError */.cc(`${c.name}: cancelled before it started`)),
                };
                entries.push(entry);
                emit({ type: 'entry-failed', entry });
            }
        }
        else {
            entries.push(...(await syncCharts(charts, {
                ...options,
                config,
                client,
                copy: ctx,
                dryRun: options.dryRun ?? false,
                overwrite: options.overwrite ?? false,
                concurrency,
                attempts,
                env: options.env ?? process.env,
                ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
                emitTag: (entry, tag) => emit({ type: 'tag', entry, tag }),
                emitFailed: (entry) => emit({ type: 'entry-failed', entry }),
                log,
            })));
        }
    }
    // Rows in a stable order: as planned, whatever order jobs finished in.
    for (const { result, order } of planned) {
        if (!order)
            continue;
        const index = new Map(order.map((row, i) => [row, i]));
        result.tags.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
    }
    const requests = session.transport.totals().requests - requestsBefore;
    const hosts = hostUsage(session, hostsBefore, entries);
    if (!options.session)
        await session.close();
    if (options.dryRun)
        markNotChecked(entries, new Map([...hostsWithoutCredential(config.hosts, errors/* EMPTY_SECRET_WHY */.mv), ...anonymousReasons(session)]));
    const result = {
        startedAt,
        durationMs: Math.round(performance.now() - t0),
        dryRun: options.dryRun ?? false,
        entries,
        summary: options.signal?.aborted
            ? { ...(0,model/* summarize */.eh)(entries, requests), cancelled: true }
            : (0,model/* summarize */.eh)(entries, requests),
    };
    if (hosts.length > 0)
        result.hosts = hosts;
    if (session.anonymousHosts.size > 0)
        result.anonymousHosts = [...session.anonymousHosts].map(([host, reason]) => ({ host, reason }));
    if (created.length > 0)
        result.createdRepositories = [...created].sort();
    if (shard && options.shard) {
        const order = planned.map(({ entry, selected }) => ({
            entry: config.artifacts.indexOf(entry),
            ...(selected ? { sources: selected } : {}),
        }));
        for (const c of charts)
            order.push({ entry: config.artifacts.length + config.charts.indexOf(c) });
        result.shard = { ...options.shard, fingerprint: shard.fingerprint, order };
    }
    return result;
}
/**
 * Requests per host made by this run, with what each host said of its rate limit, when tags it
 * deferred can be pulled, and the source HEADs a bulk listing saved (one per source tag skipped on
 * the listing's word).
 */
function hostUsage(session, before, entries) {
    const rates = session.transport.rateStates();
    const retryAt = session.transport.pullRetryTimes();
    const listed = new Map();
    for (const e of entries)
        for (const t of e.tags) {
            if (t.reason !== sync_plan/* LISTED */.CQ)
                continue;
            const host = (0,oci_reference/* apiHost */.nz)((0,oci_reference/* parseReference */.F2)(t.source).registry);
            const sources = listed.get(host) ?? new Set();
            listed.set(host, sources);
            sources.add(t.source);
        }
    const out = [];
    for (const [host, s] of [...session.transport.stats()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const requests = s.requests - (before.get(host)?.requests ?? 0);
        if (requests === 0)
            continue;
        const r = rates.get(host);
        const saved = listed.get(host)?.size;
        const at = retryAt.get(host);
        out.push({
            host,
            requests,
            rateLimited: r?.rateLimited ?? 0,
            ...(r?.limit !== undefined ? { limit: r.limit } : {}),
            ...(r?.remaining !== undefined ? { remaining: r.remaining } : {}),
            ...(r?.windowSeconds !== undefined ? { windowSeconds: r.windowSeconds } : {}),
            ...(saved ? { listingSaved: saved } : {}),
            ...(at ? { retryAt: at.toISOString() } : {}),
        });
    }
    return out;
}
/** The source registry's tag digest listing, as a planning hook; undefined when it has none. */
function sourceListing(session, source) {
    const registry = (0,oci_reference/* parseReference */.F2)(source).registry;
    const listing = session.listing?.(registry);
    return listing ? (repo) => listing.list(repo) : undefined;
}


/***/ })

};
