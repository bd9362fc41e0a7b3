export const id = 136;
export const ids = [136];
export const modules = {

/***/ 8136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MergeError: () => (/* binding */ MergeError),
  mergeReports: () => (/* binding */ mergeReports)
});

// EXTERNAL MODULE: ./src/sync/model.ts
var model = __webpack_require__(89894);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(82815);
var dist_default = /*#__PURE__*/__webpack_require__.n(dist);
;// CONCATENATED MODULE: ./schema/report.schema.json
const report_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oci-mirror.dev/schema/report.schema.json","title":"oci-mirror Report (oci-mirror/v1, schema 1.1)","description":"What one oci-mirror run did (or, in a dry run, would do): counts, then one row per entry and per tag and destination, with digests, the reason for the decision or the error (side, HTTP status, registry error code). Written by `oci-mirror sync --report FILE` and by the GitHub Action. Schema 1.1 added, compatibly (apiVersion stays oci-mirror/v1): the `deferred` tag status with `retryAt`, `summary.deferred`/`summary.retryAt`, and `hosts[].listingSaved`.","type":"object","additionalProperties":false,"required":["apiVersion","kind","$schema","report"],"properties":{"apiVersion":{"const":"oci-mirror/v1"},"kind":{"const":"Report"},"$schema":{"description":"The `$id` of this schema.","const":"https://oci-mirror.dev/schema/report.schema.json"},"report":{"$ref":"#/$defs/report"}},"$defs":{"count":{"type":"integer","minimum":0},"duration":{"description":"Milliseconds.","type":"number","minimum":0},"text":{"type":"string","minLength":1},"digest":{"description":"OCI content digest, `algorithm:encoded`.","type":"string","pattern":"^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$"},"blobs":{"type":"object","additionalProperties":false,"required":["copied","mounted","existing"],"properties":{"copied":{"$ref":"#/$defs/count","description":"Streamed from source to destination."},"mounted":{"$ref":"#/$defs/count","description":"Mounted from another repository of the destination registry."},"existing":{"$ref":"#/$defs/count","description":"Already present at the destination."}}},"error":{"type":"object","additionalProperties":false,"required":["message"],"properties":{"message":{"$ref":"#/$defs/text"},"side":{"enum":["source","destination"]},"operation":{"$ref":"#/$defs/text","description":"What was being done, e.g. `put manifest reg.example.com/app:1.0`."},"httpStatus":{"type":"integer","minimum":100,"maximum":599},"code":{"$ref":"#/$defs/text","description":"Registry error code, e.g. `MANIFEST_BLOB_UNKNOWN`."},"kind":{"$ref":"#/$defs/text","description":"Error class, e.g. `RegistryError`, `DigestMismatchError`, `AuthError`."},"repair":{"$ref":"#/$defs/text","description":"Set when a tag write failed after the registry stored something: what was done so the tag holds no wrong bytes (previous manifest restored, or the stored manifest deleted)."}}},"position":{"type":"object","additionalProperties":false,"required":["file","line","column"],"properties":{"file":{"$ref":"#/$defs/text"},"line":{"type":"integer","minimum":1},"column":{"type":"integer","minimum":1}}},"tag":{"type":"object","additionalProperties":false,"required":["source","destination","status","bytes","blobs","manifests","durationMs"],"properties":{"source":{"$ref":"#/$defs/text","description":"Source reference with tag (or digest)."},"tag":{"$ref":"#/$defs/text"},"sourceDigest":{"$ref":"#/$defs/digest"},"digest":{"$ref":"#/$defs/digest","description":"The source digest again, under flux mirror\'s name (`.digest`), so its jq lines keep working."},"destination":{"$ref":"#/$defs/text","description":"Destination reference with tag."},"destinationDigest":{"$ref":"#/$defs/digest","description":"Digest at the destination before the run."},"status":{"description":"`deferred` (added in 1.1 of this schema, a compatible addition): not copied now to keep within the source host\'s pull limit (Docker Hub); not a failure, `retryAt` says when to run again.","enum":["copied","overwritten","skipped","drifted","would-copy","would-overwrite","failed","deferred"]},"reason":{"$ref":"#/$defs/text"},"error":{"$ref":"#/$defs/error"},"retryAt":{"type":"string","format":"date-time","description":"`deferred` rows: when the registry\'s pull-limit window will have passed."},"mediaType":{"$ref":"#/$defs/text"},"bytes":{"$ref":"#/$defs/count","description":"Bytes streamed for this tag."},"blobs":{"$ref":"#/$defs/blobs"},"manifests":{"$ref":"#/$defs/count","description":"Manifests written (children and tagged)."},"rewritten":{"$ref":"#/$defs/text","description":"Set when the destination does not hold the source\'s bytes, saying why (e.g. a platform filter)."},"referrers":{"type":"array","description":"With includeReferrers: one row per referrer (signature bundle, SBOM, attestation, cosign .sig/.att/.sbom tag) of the tag, its platform manifests and other referrers, as flux mirror reports them; evaluated in dry runs too (would-copy). Was a {copied, existing} count before oci-mirror 0.2.","items":{"type":"object","additionalProperties":false,"required":["digest","status"],"properties":{"digest":{"$ref":"#/$defs/digest"},"artifactType":{"$ref":"#/$defs/text"},"status":{"enum":["copied","skipped","would-copy","failed"]},"reason":{"$ref":"#/$defs/text","description":"Why skipped (up-to-date)."},"error":{"$ref":"#/$defs/error"},"subject":{"$ref":"#/$defs/digest","description":"What it refers to, when not the tag\'s manifest (a platform manifest, another referrer)."},"tag":{"$ref":"#/$defs/text","description":"cosign\'s legacy tag (sha256-<hex>.sig|.att|.sbom)."}}}},"verification":{"$ref":"#/$defs/verification"},"durationMs":{"$ref":"#/$defs/duration"},"images":{"type":"array","description":"Chart versions only: the images discovered in this version, one row each (a chart that failed to render has one failed row with helm\'s error). Counted in the summary.","items":{"$ref":"#/$defs/tag"}}}},"verification":{"type":"object","additionalProperties":false,"required":["digest","via","signature"],"description":"`verify:` entries: the cosign signature that verified this tag (on `signature-too-new` skips, the one that was too young). Added in oci-mirror 0.2; older readers may ignore it.","properties":{"digest":{"$ref":"#/$defs/digest","description":"The digest the signature is bound to (the source\'s; an index digest for multi-arch)."},"issuer":{"$ref":"#/$defs/text","description":"OIDC issuer of the signing certificate (keyless)."},"subject":{"$ref":"#/$defs/text","description":"Signer identity (certificate SAN, keyless)."},"publicKey":{"const":true,"description":"Verified with the configured public key."},"signedAt":{"type":"string","format":"date-time","description":"Verified transparency-log integrated time."},"predicateType":{"$ref":"#/$defs/text","description":"in-toto predicate type of the signed statement (bundles)."},"via":{"enum":["referrer","legacy-sig"],"description":"A Sigstore bundle among the referrers, or cosign\'s legacy sha256-<hex>.sig tag."},"signature":{"$ref":"#/$defs/digest","description":"Digest of the manifest holding the signature."},"tooNew":{"type":"object","additionalProperties":false,"required":["ageMs","minAge"],"properties":{"ageMs":{"type":"number"},"minAge":{"$ref":"#/$defs/text"}}}}},"entry":{"type":"object","additionalProperties":false,"required":["name","kind","source","destinations","tags"],"properties":{"name":{"$ref":"#/$defs/text"},"kind":{"enum":["artifact","chart"]},"status":{"enum":["completed","failed"],"description":"As flux mirror reports it: `failed` when the entry failed before any tag could be handled (see `error`), else `completed` (tag rows may still have failed)."},"source":{"$ref":"#/$defs/text"},"destinations":{"type":"array","items":{"$ref":"#/$defs/text"}},"position":{"$ref":"#/$defs/position"},"error":{"$ref":"#/$defs/error","description":"Set when the entry failed before any tag could be handled."},"notChecked":{"type":"string","description":"Dry runs only: why the entry could not be checked (a host it needs has no credential, e.g. an empty secret on a fork pull request). Not a failure."},"unparseableTags":{"type":"object","additionalProperties":false,"required":["count","sortBy","examples"],"description":"Tags the selector matched but dropped because they do not parse for `sortBy` (e.g. `latest` under `semver`); `sortBy: alphabetical` keeps them.","properties":{"count":{"$ref":"#/$defs/count"},"sortBy":{"enum":["semver","numerical"]},"examples":{"type":"array","items":{"$ref":"#/$defs/text"},"maxItems":5}}},"tags":{"type":"array","items":{"$ref":"#/$defs/tag"}}}},"summary":{"type":"object","additionalProperties":false,"required":["entries","copied","overwritten","skipped","drifted","wouldCopy","wouldOverwrite","failed","bytes","blobs","requests"],"properties":{"entries":{"$ref":"#/$defs/count"},"copied":{"$ref":"#/$defs/count"},"overwritten":{"$ref":"#/$defs/count"},"skipped":{"$ref":"#/$defs/count"},"drifted":{"$ref":"#/$defs/count"},"wouldCopy":{"$ref":"#/$defs/count"},"wouldOverwrite":{"$ref":"#/$defs/count"},"failed":{"$ref":"#/$defs/count","description":"Failed tags plus entries whose plan failed."},"failedEntries":{"$ref":"#/$defs/count","description":"Entries that failed before their tags could be handled (e.g. the tag list could not be read): how many tags they would have mirrored is unknown."},"notChecked":{"$ref":"#/$defs/count","description":"Entries a dry run could not check (no credential for a host they need)."},"deferred":{"$ref":"#/$defs/count","description":"Tags not copied to keep within a source host\'s pull limit (Docker Hub). Not failures: they do not change the exit code. Present when non-zero."},"retryAt":{"type":"string","format":"date-time","description":"The latest `retryAt` of the deferred tags: a run after it can copy all of them."},"bytes":{"$ref":"#/$defs/count"},"blobs":{"$ref":"#/$defs/blobs"},"requests":{"$ref":"#/$defs/count","description":"HTTP requests sent to registries."},"cancelled":{"const":true,"description":"Present when the run was cancelled (SIGINT/SIGTERM): nothing new was started, copies in flight were aborted; rows not attempted are failed with kind CancelledError."}}},"report":{"type":"object","additionalProperties":false,"required":["reporter","timestamp","durationMs","dryRun","summary","results"],"properties":{"reporter":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"$ref":"#/$defs/text"},"version":{"$ref":"#/$defs/text"}}},"timestamp":{"type":"string","format":"date-time","description":"When the run started."},"durationMs":{"$ref":"#/$defs/duration"},"dryRun":{"type":"boolean"},"configFile":{"$ref":"#/$defs/text"},"summary":{"$ref":"#/$defs/summary"},"results":{"type":"array","items":{"$ref":"#/$defs/entry"}},"hosts":{"description":"Per registry host: requests made, 429 answers, and the rate-limit headroom the registry reported (Docker Hub `ratelimit-limit`/`ratelimit-remaining`).","type":"array","items":{"type":"object","additionalProperties":false,"required":["host","requests","rateLimited"],"properties":{"host":{"$ref":"#/$defs/text"},"requests":{"$ref":"#/$defs/count"},"rateLimited":{"$ref":"#/$defs/count"},"limit":{"$ref":"#/$defs/count"},"remaining":{"$ref":"#/$defs/count"},"windowSeconds":{"$ref":"#/$defs/count"},"listingSaved":{"$ref":"#/$defs/count","description":"Source manifest HEADs not sent because a bulk listing showed every destination already held the tag\'s digest (the listing\'s own requests count under its API host)."},"retryAt":{"type":"string","format":"date-time","description":"When tags this host\'s pull limit deferred can be pulled."}}}},"createdRepositories":{"description":"Repositories this run created before pushing to them (`host/path`, sorted): ECR and ECR Public destinations with `createRepositories` (`--create-repositories`). Absent when none was created.","type":"array","items":{"$ref":"#/$defs/text"}},"shard":{"description":"Set on a shard\'s report only (`--shard i/n`): which part of the work it did and where its rows stand in the whole run, so that `oci-mirror merge-reports` rebuilds the report of a single run.","type":"object","additionalProperties":false,"required":["index","count","by","fingerprint","order"],"properties":{"index":{"type":"integer","minimum":1},"count":{"type":"integer","minimum":1},"by":{"enum":["repository","entry","tag"]},"fingerprint":{"$ref":"#/$defs/text","description":"Digest of the partition; every shard of one run reports the same."},"order":{"description":"One item per result: the entry\'s position among all entries of the config (artifacts, then charts) and, under `by: tag`, every selected source reference in plan order.","type":"array","items":{"type":"object","additionalProperties":false,"required":["entry"],"properties":{"entry":{"$ref":"#/$defs/count"},"sources":{"type":"array","items":{"$ref":"#/$defs/text"}}}}}}}}}}}');
;// CONCATENATED MODULE: ./src/report/schema.ts
/**
 * Validation of report documents against `schema/report.schema.json` (JSON Schema 2020-12). The
 * schema is imported as JSON so it is bundled with the code (ncc) and needs no file at run time.
 */



/** The report JSON Schema as a plain object. */
const REPORT_SCHEMA = (/* unused pure expression or super */ null && (reportSchema));
// ajv-formats is CommonJS: depending on the loader the default import is the plugin itself
// (Node, vitest) or the module object whose `default` is the plugin (some bundler interop).
const addFormats = typeof (dist_default()) === 'function'
    ? (dist_default())
    : (dist_default())["default"];
let validator;
function compiled() {
    if (!validator) {
        const ajv = new _2020.Ajv2020({ allErrors: true, strict: true });
        addFormats(ajv, ['date-time']);
        validator = ajv.compile(report_schema_namespaceObject);
    }
    return validator;
}
function describe(e) {
    const at = e.instancePath === '' ? '/' : e.instancePath;
    const params = e.params;
    switch (e.keyword) {
        case 'additionalProperties':
            return `${at}: unknown property "${String(params.additionalProperty)}"`;
        case 'required':
            return `${at}: missing required property "${String(params.missingProperty)}"`;
        case 'enum':
            return `${at}: ${e.message ?? 'invalid'}: ${params.allowedValues.map(String).join(', ')}`;
        case 'const':
            return `${at}: must be ${JSON.stringify(params.allowedValue)}`;
        default:
            return `${at}: ${e.message ?? 'invalid'}`;
    }
}
/** Check a report document against the schema; returns one line per problem (empty = valid). */
function validateReport(doc) {
    const validate = compiled();
    if (validate(doc))
        return [];
    return [...new Set((validate.errors ?? []).map(describe))];
}

;// CONCATENATED MODULE: ./src/report/merge.ts
/**
 * `merge-reports`: the reports of the n shards of one run (`--shard i/n`) back into the result a
 * single run would have produced — same entries in the same order, same rows in the same order,
 * same totals — so the text report, job summary, PR comment, outputs and exit code are rendered
 * from it exactly as after a single run. Only timing differs: the merged run starts at the earliest
 * shard's start and ends with the last shard's end; requests are the shards' sum.
 */


/** Reports that cannot be merged into one run's: says which file and why. */
class MergeError extends Error {
    name = 'MergeError';
}
function parse(f) {
    let doc;
    try {
        doc = JSON.parse(f.text);
    }
    catch (err) {
        throw new MergeError(`${f.file}: not JSON: ${err.message}`);
    }
    const problems = validateReport(doc);
    if (problems.length > 0)
        throw new MergeError(`${f.file}: not an oci-mirror report: ${problems.slice(0, 5).join('; ')}`);
    const report = doc.report;
    if (report.shard === undefined)
        throw new MergeError(`${f.file}: not a shard's report (run the shards with --shard i/n)`);
    return doc;
}
/** Entry results are the report's entries: same fields, plain JSON. */
function entryOf(e) {
    return structuredClone(e);
}
/** Position of a row's destination repository among the entry's destinations. */
function destinationIndex(entry, row) {
    const i = entry.destinations.findIndex((d) => row.destination.startsWith(`${d}:`) || row.destination.startsWith(`${d}@`));
    return i < 0 ? entry.destinations.length : i;
}
/** Merge the shards' reports of one run; throws `MergeError` when they are not exactly that. */
function mergeReports(files) {
    if (files.length === 0)
        throw new MergeError('no reports to merge');
    const docs = files.map((f) => ({ file: f.file, report: parse(f).report }));
    const first = docs[0];
    const head = first.report.shard;
    const seen = new Map();
    for (const { file, report } of docs) {
        const s = report.shard;
        if (s.count !== head.count || s.by !== head.by)
            throw new MergeError(`${file}: shard ${s.index}/${s.count} by ${s.by} does not belong with ${first.file} (shard ${head.index}/${head.count} by ${head.by})`);
        if (s.fingerprint !== head.fingerprint)
            throw new MergeError(`${file}: shard ${s.index}/${s.count} partitioned the work differently from ${first.file} (fingerprint ${s.fingerprint} vs ${head.fingerprint}): the shards ran different configs or saw different state files, so some work may have been done twice or not at all`);
        if (report.dryRun !== first.report.dryRun)
            throw new MergeError(`${file}: a ${report.dryRun ? 'dry' : 'real'} run cannot merge with ${first.file}`);
        const dup = seen.get(s.index);
        if (dup !== undefined)
            throw new MergeError(`${file}: shard ${s.index}/${s.count} is also ${dup}`);
        seen.set(s.index, file);
    }
    const missing = Array.from({ length: head.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length > 0)
        throw new MergeError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${head.count}`).join(', ')} missing: a merged report would not be the whole run's`);
    // Entries by their position in the config; under `by: tag` every shard reports every entry.
    const byIndex = new Map();
    for (const { report } of docs) {
        const order = report.shard.order;
        report.results.forEach((e, i) => {
            const at = order[i]?.entry ?? -1;
            const known = byIndex.get(at);
            if (!known) {
                byIndex.set(at, { entry: entryOf(e), sources: order[i]?.sources ?? [] });
                return;
            }
            known.entry.tags.push(...entryOf(e).tags);
            if (!known.entry.error && e.error)
                known.entry.error = structuredClone(e.error);
            if (known.sources.length === 0)
                known.sources = order[i]?.sources ?? [];
        });
    }
    const entries = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    for (const { entry, sources } of entries) {
        if (sources.length === 0)
            continue;
        const rank = new Map(sources.map((s, i) => [s, i]));
        entry.tags.sort((a, b) => (rank.get(a.source) ?? sources.length) - (rank.get(b.source) ?? sources.length) ||
            destinationIndex(entry, a) - destinationIndex(entry, b));
    }
    const merged = entries.map((e) => e.entry);
    const starts = docs.map((d) => Date.parse(d.report.timestamp));
    const requests = docs.reduce((n, d) => n + d.report.summary.requests, 0);
    const result = {
        startedAt: new Date(Math.min(...starts)),
        durationMs: Math.max(...docs.map((d, i) => starts[i] + d.report.durationMs)) - Math.min(...starts),
        dryRun: first.report.dryRun,
        entries: merged,
        summary: (0,model/* summarize */.eh)(merged, requests),
    };
    const hosts = mergeHosts(docs.flatMap((d) => d.report.hosts ?? []));
    if (hosts.length > 0)
        result.hosts = hosts;
    const created = [...new Set(docs.flatMap((d) => d.report.createdRepositories ?? []))].sort();
    if (created.length > 0)
        result.createdRepositories = created;
    return {
        result,
        reporter: first.report.reporter,
        ...(first.report.configFile !== undefined ? { configFile: first.report.configFile } : {}),
    };
}
/**
 * Hosts over all shards: requests and 429s add up; of the registry's headroom the least left is
 * kept (shards on one account share a limit; on separate runners each may have its own).
 */
function mergeHosts(all) {
    const by = new Map();
    for (const h of all) {
        const m = by.get(h.host);
        if (!m) {
            by.set(h.host, { ...h });
            continue;
        }
        m.requests += h.requests;
        m.rateLimited += h.rateLimited;
        if (h.limit !== undefined)
            m.limit = Math.max(m.limit ?? 0, h.limit);
        if (h.remaining !== undefined)
            m.remaining = Math.min(m.remaining ?? h.remaining, h.remaining);
        if (h.windowSeconds !== undefined)
            m.windowSeconds = h.windowSeconds;
        if (h.listingSaved !== undefined)
            m.listingSaved = (m.listingSaved ?? 0) + h.listingSaved;
        if (h.retryAt !== undefined && (m.retryAt === undefined || h.retryAt > m.retryAt))
            m.retryAt = h.retryAt;
    }
    return [...by.values()].sort((a, b) => (a.host < b.host ? -1 : 1));
}


/***/ })

};
