export const id = 12;
export const ids = [12];
export const modules = {

/***/ 8012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  chartResult: () => (/* binding */ chartResult),
  listChartImages: () => (/* binding */ listChartImages),
  syncCharts: () => (/* binding */ syncCharts)
});

// UNUSED EXPORTS: ChartEntryError, discoverVersion, ociChartRepository, resolveVersions

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/helm/errors.ts
/** Error classes of the Helm module. Each message names the chart (and version) it concerns. */
/** Base class of every error this module throws on purpose. */
class HelmError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A chart archive or directory that is not a valid chart (Chart.yaml missing or invalid). */
class ChartError extends HelmError {
}
/** An HTTP Helm repository that cannot be read (index, download, digest, auth). */
class RepositoryError extends HelmError {
    /** HTTP status, when the server answered. */
    status;
    constructor(message, options) {
        super(message, options);
        if (options?.status !== undefined)
            this.status = options.status;
    }
}
/** `helm template` failed; the message carries helm's own error output. */
class RenderError extends HelmError {
}
/** No helm binary could be found or run. */
class errors_HelmNotFoundError extends HelmError {
}

;// CONCATENATED MODULE: ./src/helm/bin.ts
/**
 * Where the `helm` binary comes from: `HELM_BIN`, else the first `helm` on `PATH`. The action can
 * extend `resolveHelm` with a tool-cache download by passing `fallback` (tried last).
 */




function executable(path) {
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** The path of a runnable helm binary, or `HelmNotFoundError` saying where we looked. */
async function resolveHelm(options = {}) {
    const env = options.env ?? process.env;
    const explicit = env.HELM_BIN;
    if (explicit !== undefined && explicit !== '') {
        if (!executable(explicit))
            throw new errors_HelmNotFoundError(`HELM_BIN=${explicit} is not an executable file`);
        return explicit;
    }
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,external_node_path_.join)(dir, 'helm');
        if (executable(candidate))
            return candidate;
    }
    const fetched = await options.fallback?.();
    if (fetched !== undefined)
        return fetched;
    throw new errors_HelmNotFoundError('helm not found: install helm (https://helm.sh/docs/intro/install/) or set HELM_BIN to its path; it is needed to render charts for image discovery');
}
/** The helm version string (`v4.1.4`), for logs. */
function helmVersion(bin) {
    return new Promise((resolve, reject) => {
        execFile(bin, ['version', '--template', '{{.Version}}'], { timeout: 30_000 }, (err, stdout) => err
            ? reject(new HelmNotFoundError(`${bin} version: ${err.message}`, { cause: err }))
            : resolve(stdout.trim()));
    });
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(68825);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(98697);
;// CONCATENATED MODULE: ./src/helm/archive.ts
/** Read the files of a chart `.tgz` in memory (charts are small; the OCI layer is these exact bytes). */



/** Largest uncompressed chart we read (helm's own limit is 20 MiB compressed; charts are small). */
const MAX_UNCOMPRESSED = 256 * 1024 * 1024;
/** Every regular file of the archive: path (as stored, e.g. `mychart/Chart.yaml`) → bytes. */
function readArchive(tgz, what) {
    let tarBytes;
    try {
        tarBytes = (0,external_node_zlib_.gunzipSync)(tgz, { maxOutputLength: MAX_UNCOMPRESSED });
    }
    catch (cause) {
        throw new ChartError(`${what}: not a gzip-compressed chart archive`, { cause });
    }
    const files = new Map();
    const parser = new index_min/* Parser */.iX({ strict: true });
    let failure;
    parser.on('entry', (entry) => {
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
            entry.resume();
            return;
        }
        const chunks = [];
        entry.on('data', (c) => chunks.push(c));
        entry.on('end', () => files.set(entry.path.replace(/^\.\//, ''), Buffer.concat(chunks)));
    });
    parser.on('error', (err) => {
        failure = err;
    });
    parser.on('warn', (_code, message) => {
        failure ??= message instanceof Error ? message : new Error(message);
    });
    parser.end(tarBytes);
    if (failure !== undefined)
        throw new ChartError(`${what}: not a valid tar archive`, { cause: failure });
    return files;
}
/** The chart's top directory in the archive and its files relative to it. */
function chartFiles(tgz, what) {
    const all = readArchive(tgz, what);
    const chartYaml = [...all.keys()].filter((p) => /^[^/]+\/Chart\.yaml$/.test(p)).sort();
    const first = chartYaml[0];
    if (first === undefined)
        throw new ChartError(`${what}: no <chart>/Chart.yaml in the archive`);
    const root = first.slice(0, first.indexOf('/'));
    const files = new Map();
    for (const [p, b] of all)
        if (p.startsWith(`${root}/`))
            files.set(p.slice(root.length + 1), b);
    return { root, files };
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/helm/metadata.ts
/**
 * Chart metadata (`Chart.yaml`) the way Helm loads it, and the OCI config blob the way `helm push`
 * writes it: Go's `json.Marshal` of helm's `chart.Metadata` struct — field order of the struct,
 * empty fields omitted, strings sanitised by helm's `Validate`, `<`, `>`, `&` escaped.
 */



/** helm's sanitizeString: whitespace becomes a space, unprintable characters are dropped. */
function sanitize(s) {
    return s.replace(/\p{White_Space}/gu, ' ').replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, '');
}
/** A scalar as Go's YAML → JSON conversion hands it to a string field. */
function scalar(v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return undefined;
}
function metadata_text(o, key, clean = true) {
    const v = scalar(o[key]);
    if (v === undefined || v === '')
        return undefined;
    const s = clean ? sanitize(v) : v;
    return s === '' ? undefined : s;
}
function texts(o, key) {
    const v = o[key];
    if (!Array.isArray(v) || v.length === 0)
        return undefined;
    return v.map((x) => sanitize(scalar(x) ?? ''));
}
function record(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function dependency(d, what) {
    const version = metadata_text(d, 'version');
    const out = {
        name: sanitize(scalar(d.name) ?? ''),
        ...(version !== undefined ? { version } : {}),
        repository: sanitize(scalar(d.repository) ?? ''),
    };
    const condition = metadata_text(d, 'condition');
    if (condition !== undefined)
        out.condition = condition;
    const tags = texts(d, 'tags');
    if (tags)
        out.tags = tags;
    if (d.enabled === true)
        out.enabled = true;
    if (Array.isArray(d['import-values']) && d['import-values'].length > 0)
        out['import-values'] = d['import-values'];
    const alias = metadata_text(d, 'alias', false);
    if (alias !== undefined) {
        if (!/^[a-zA-Z0-9_-]+$/.test(alias))
            throw new ChartError(`${what}: dependency alias "${alias}" is invalid`);
        out.alias = alias;
    }
    if (out.name === '')
        throw new ChartError(`${what}: a dependency has no name`);
    return out;
}
/**
 * Parse and validate `Chart.yaml` (plus `requirements.yaml` for apiVersion v1 charts) as helm's
 * loader does. Throws `ChartError` naming `what` for anything helm would refuse.
 */
function parseChartMetadata(chartYaml, what, requirementsYaml) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(chartYaml.toString());
    }
    catch (cause) {
        throw new ChartError(`${what}: Chart.yaml is not valid YAML: ${cause.message}`, { cause });
    }
    const o = record(doc);
    if (!o)
        throw new ChartError(`${what}: Chart.yaml is not a mapping`);
    const apiVersion = metadata_text(o, 'apiVersion') ?? 'v1';
    if (apiVersion !== 'v1' && apiVersion !== 'v2')
        throw new ChartError(`${what}: Chart.yaml apiVersion "${apiVersion}" is not v1 or v2`);
    const name = metadata_text(o, 'name');
    if (name === undefined)
        throw new ChartError(`${what}: Chart.yaml has no name`);
    if (/[/\\]|\.\./.test(name))
        throw new ChartError(`${what}: chart name "${name}" is invalid`);
    const version = metadata_text(o, 'version');
    if (version === undefined)
        throw new ChartError(`${what}: Chart.yaml has no version`);
    if (semver_default().valid(version, { loose: true }) === null)
        throw new ChartError(`${what}: version "${version}" is not a semantic version`);
    const type = metadata_text(o, 'type');
    if (type !== undefined && type !== 'application' && type !== 'library')
        throw new ChartError(`${what}: chart type "${type}" is not application or library`);
    const home = metadata_text(o, 'home');
    const sources = texts(o, 'sources');
    const description = metadata_text(o, 'description');
    const keywords = texts(o, 'keywords');
    const icon = metadata_text(o, 'icon');
    const condition = metadata_text(o, 'condition');
    const tags = metadata_text(o, 'tags');
    const appVersion = metadata_text(o, 'appVersion');
    const kubeVersion = metadata_text(o, 'kubeVersion');
    const out = {
        name,
        ...(home !== undefined ? { home } : {}),
        ...(sources ? { sources } : {}),
        version,
        ...(description !== undefined ? { description } : {}),
        ...(keywords ? { keywords } : {}),
    };
    const maintainers = o.maintainers;
    if (Array.isArray(maintainers) && maintainers.length > 0) {
        out.maintainers = maintainers.map((x) => {
            const mr = record(x) ?? {};
            const mt = {};
            const n = metadata_text(mr, 'name');
            const e = metadata_text(mr, 'email');
            const u = metadata_text(mr, 'url');
            if (n !== undefined)
                mt.name = n;
            if (e !== undefined)
                mt.email = e;
            if (u !== undefined)
                mt.url = u;
            return mt;
        });
    }
    if (icon !== undefined)
        out.icon = icon;
    out.apiVersion = apiVersion;
    if (condition !== undefined)
        out.condition = condition;
    if (tags !== undefined)
        out.tags = tags;
    if (appVersion !== undefined)
        out.appVersion = appVersion;
    if (o.deprecated === true)
        out.deprecated = true;
    const ann = record(o.annotations);
    if (ann && Object.keys(ann).length > 0) {
        out.annotations = {};
        for (const [k, v] of Object.entries(ann))
            out.annotations[k] = scalar(v) ?? '';
    }
    if (kubeVersion !== undefined) {
        if (semver_default().validRange(kubeVersion, { loose: true }) === null)
            throw new ChartError(`${what}: kubeVersion "${kubeVersion}" is not a valid range`);
        out.kubeVersion = kubeVersion;
    }
    let deps = o.dependencies;
    if (requirementsYaml !== undefined) {
        const req = record((0,dist/* parse */.qg)(requirementsYaml.toString()));
        if (req && Array.isArray(req.dependencies))
            deps = req.dependencies;
    }
    if (Array.isArray(deps) && deps.length > 0)
        out.dependencies = deps.map((d) => dependency(record(d) ?? {}, what));
    if (type !== undefined)
        out.type = type;
    return out;
}
/** Escape like Go's encoding/json (HTML-safe): `<`, `>`, `&`, U+2028, U+2029. */
function goEscape(json) {
    return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function sortKeys(o) {
    const out = {};
    for (const k of Object.keys(o).sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1)))
        out[k] = o[k];
    return out;
}
/** The config blob `helm push` writes for this chart: `json.Marshal(metadata)`, byte for byte. */
function helmConfigJson(m) {
    const ordered = m.annotations ? { ...m, annotations: sortKeys(m.annotations) } : m;
    return Buffer.from(goEscape(JSON.stringify(ordered)));
}

;// CONCATENATED MODULE: ./src/helm/oci.ts
/**
 * A chart `.tgz` as a Helm OCI artifact, the way `helm push` builds it: the config blob is the
 * chart metadata JSON, the chart layer the exact `.tgz` bytes, the provenance file a layer of its
 * own (before the chart layer, as helm orders them). The manifest carries helm's annotations but no
 * creation time, so it is deterministic.
 */




const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json';
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const HELM_PROV_LAYER = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
/** The tag of a chart version: `+` becomes `_` (OCI tags cannot hold `+`). */
function chartTag(version) {
    return version.replace(/\+/g, '_');
}
/** Chart metadata as helm loads it from a `.tgz`. */
function readChartMetadata(tgz, what) {
    const { files } = chartFiles(tgz, what);
    const chartYaml = files.get('Chart.yaml');
    if (!chartYaml)
        throw new ChartError(`${what}: no Chart.yaml`);
    const requirements = files.get('requirements.yaml');
    const m = parseChartMetadata(chartYaml, what);
    return m.apiVersion === 'v1' && requirements ? parseChartMetadata(chartYaml, what, requirements) : m;
}
function blob(mediaType, bytes) {
    return { mediaType, digest: (0,digest/* sha256 */.sc)(bytes), size: bytes.length, bytes };
}
/** helm's manifest annotations (chart annotations first, then the OCI ones), minus `created`. */
function annotations(m) {
    const a = { ...(m.annotations ?? {}) };
    if (m.description)
        a['org.opencontainers.image.description'] = m.description;
    a['org.opencontainers.image.title'] = m.name;
    a['org.opencontainers.image.version'] = m.version;
    if (m.home)
        a['org.opencontainers.image.url'] = m.home;
    const source = m.sources?.[0];
    if (source)
        a['org.opencontainers.image.source'] = source;
    const authors = (m.maintainers ?? [])
        .map((x) => (x.email ? `${x.name ?? ''} (${x.email})` : (x.name ?? '')))
        .filter((s) => s !== '');
    if (authors.length > 0)
        a['org.opencontainers.image.authors'] = authors.join(', ');
    return Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
/** Build the artifact for a chart archive (and its provenance file). */
function chartArtifact(tgz, what, prov) {
    const metadata = readChartMetadata(tgz, what);
    const config = blob(HELM_CONFIG, helmConfigJson(metadata));
    const chart = blob(HELM_CHART_LAYER, tgz);
    const provBlob = prov ? blob(HELM_PROV_LAYER, prov) : undefined;
    const desc = (b) => ({ mediaType: b.mediaType, digest: b.digest, size: b.size });
    const manifest = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        config: desc(config),
        // helm push order: the provenance layer (when present) before the chart layer.
        layers: provBlob ? [desc(provBlob), desc(chart)] : [desc(chart)],
        annotations: annotations(metadata),
    }));
    const out = { metadata, config, chart, manifest, manifestDigest: (0,digest/* sha256 */.sc)(manifest) };
    if (provBlob)
        out.prov = provBlob;
    return out;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/helm/ignore.ts
/**
 * `.helmignore` rules with helm's semantics (pkg/ignore): Go `filepath.Match` globs, `!` negation,
 * a trailing `/` for directories only, a leading `/` anchors at the chart root, a pattern without
 * `/` matches the base name; `templates/.?*` is always ignored; `**` is refused.
 */

/** Go's filepath.Match pattern as an anchored regular expression. */
function goGlob(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else if (c === '\\' && i + 1 < pattern.length)
            re += `\\${pattern[++i]}`;
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0)
                throw new Error(`syntax error in pattern "${pattern}"`);
            let body = pattern.slice(i + 1, end);
            if (body.startsWith('^'))
                body = `^${body.slice(1).replace(/[\]\\]/g, '\\$&')}`;
            else
                body = body.replace(/[\]\\^]/g, '\\$&');
            re += `[${body}]`;
            i = end;
        }
        else
            re += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
    }
    return new RegExp(`^${re}$`, 'u');
}
class HelmIgnore {
    #rules = [];
    constructor(text, what) {
        for (const line of ['templates/.?*', ...text.split(/\r?\n/)])
            this.#add(line, what);
    }
    #add(line, what) {
        let rule = line.trim();
        if (rule === '' || rule.startsWith('#'))
            return;
        if (rule.includes('**'))
            throw new ChartError(`${what}: .helmignore: double-star (**) syntax is not supported`);
        const negate = rule.startsWith('!');
        if (negate)
            rule = rule.slice(1);
        const mustDir = rule.endsWith('/');
        if (mustDir)
            rule = rule.slice(0, -1);
        let re;
        try {
            re = goGlob(rule.replace(/^\//, ''));
        }
        catch (cause) {
            throw new ChartError(`${what}: .helmignore: ${cause.message}`, { cause });
        }
        const match = rule.includes('/')
            ? (p) => re.test(p)
            : (p) => re.test(p.slice(p.lastIndexOf('/') + 1));
        this.#rules.push({ negate, mustDir, match });
    }
    /** True when `path` (relative to the chart root, `/`-separated) is ignored. Mirrors helm's quirks. */
    ignores(path, isDir) {
        if (path === '' || path === '.')
            return false;
        for (const r of this.#rules) {
            if (r.negate) {
                if (r.mustDir && !isDir)
                    return true;
                if (!r.match(path))
                    return true;
                continue;
            }
            if (r.mustDir && !isDir)
                continue;
            if (r.match(path))
                return true;
        }
        return false;
    }
}

;// CONCATENATED MODULE: ./src/helm/package.ts
/**
 * Package a local chart directory into a `.tgz` deterministically: the same directory gives the
 * same bytes on every run and machine (sorted entries, fixed time, modes and owners, `.helmignore`
 * honoured), so an unchanged chart never drifts at the destination.
 */







/** The mtime of every entry: fixed so that bytes depend on content only. */
const EPOCH = new Date('1980-01-01T00:00:00Z');
async function walk(root, rel, ignore, out, depth = 0) {
    if (depth > 64)
        throw new ChartError(`${root}: directory tree too deep (symlink loop?)`);
    const dir = (0,external_node_path_.join)(root, rel);
    for (const name of (await (0,promises_.readdir)(dir)).sort()) {
        const path = rel === '' ? name : `${rel}/${name}`;
        const st = await (0,promises_.stat)((0,external_node_path_.join)(root, path));
        if (ignore.ignores(path, st.isDirectory()))
            continue;
        if (st.isDirectory())
            await walk(root, path, ignore, out, depth + 1);
        else if (st.isFile())
            out.push(path);
    }
}
function entry(path, size) {
    const data = {
        path,
        mode: 0o644,
        uid: 0,
        gid: 0,
        size,
        mtime: EPOCH,
        type: 'File',
        uname: '',
        gname: '',
    };
    const header = new index_min/* Header */.Y9(data);
    const block = Buffer.alloc(512);
    const needPax = header.encode(block);
    if (!needPax)
        return [block];
    const pax = new index_min/* Pax */.un({ path, mtime: EPOCH }).encode();
    return [pax, block];
}
/** Package the chart in `dir` (validated `Chart.yaml`) into deterministic `.tgz` bytes. */
async function packageChart(dir) {
    let chartYaml;
    try {
        chartYaml = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'Chart.yaml'));
    }
    catch (cause) {
        throw new ChartError(`${dir}: not a chart directory (no Chart.yaml)`, { cause });
    }
    let requirements;
    try {
        requirements = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'requirements.yaml'));
    }
    catch {
        requirements = undefined;
    }
    const metadata = parseChartMetadata(chartYaml, dir, requirements);
    let ignoreText = '';
    try {
        ignoreText = await (0,promises_.readFile)((0,external_node_path_.join)(dir, '.helmignore'), 'utf8');
    }
    catch {
        ignoreText = '';
    }
    const files = [];
    await walk(dir, '', new HelmIgnore(ignoreText, dir), files);
    const blocks = [];
    for (const rel of files) {
        const data = await (0,promises_.readFile)((0,external_node_path_.join)(dir, rel));
        blocks.push(...entry(`${metadata.name}/${rel}`, data.length), data);
        const pad = (512 - (data.length % 512)) % 512;
        if (pad > 0)
            blocks.push(Buffer.alloc(pad));
    }
    blocks.push(Buffer.alloc(1024));
    return { metadata, tgz: (0,external_node_zlib_.gzipSync)(Buffer.concat(blocks), { level: 9 }) };
}

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/helm/remap.ts
/**
 * Where a discovered image goes: the source host is stripped and the repository path kept under the
 * target (`ghcr.io/hashicorp/vault:1.15.0` → `registry.example.com/team/hashicorp/vault:1.15.0`), with
 * an optional extra prefix. Tag and digest are kept.
 */

/** The destination reference of `image` under `target` (`host[:port]/path`) and `prefix`. */
function remapImage(image, target, prefix) {
    const src = (0,reference/* parseReference */.F2)(image);
    const base = target.replace(/\/+$/, '');
    const extra = prefix?.replace(/^\/+|\/+$/g, '');
    const dst = (0,reference/* parseReference */.F2)(`${base}${extra ? `/${extra}` : ''}/${src.repository}`);
    if (src.tag !== undefined)
        dst.tag = src.tag;
    if (src.digest !== undefined)
        dst.digest = src.digest;
    return dst;
}
/** `remapImage` as text. */
function remapImageText(image, target, prefix) {
    return formatReference(remapImage(image, target, prefix));
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/helm/images.ts
/**
 * Find the images a rendered chart references: `containers`, `initContainers` and
 * `ephemeralContainers` of every pod-bearing kind (and anywhere in custom resources), plus in custom
 * resources any `image:` string and `{registry, repository, tag, digest}` block; and the
 * `artifacthub.io/images` / `helm.sh/images` annotations of `Chart.yaml`. References are
 * normalised (`redis:7` → `docker.io/library/redis:7`), de-duplicated, digests kept.
 */


const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
/** Built-in API groups: no dot in the group, or a `*.k8s.io` group. */
function isBuiltIn(apiVersion) {
    if (typeof apiVersion !== 'string')
        return true;
    const slash = apiVersion.indexOf('/');
    if (slash < 0)
        return true;
    const group = apiVersion.slice(0, slash);
    return !group.includes('.') || group.endsWith('.k8s.io');
}
/** Normalise an image string; undefined for what is not a reference (templated leftovers, empty). */
function normalizeImage(input) {
    const s = input.trim();
    if (s === '' || /\s|\{\{/.test(s))
        return undefined;
    try {
        const ref = (0,reference/* parseReference */.F2)(s);
        if (ref.tag === undefined && ref.digest === undefined)
            ref.tag = 'latest';
        return (0,reference/* formatReference */.FH)(ref);
    }
    catch {
        return undefined;
    }
}
function str(v) {
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}
/** `{registry, repository, tag, digest}` (also `image`/`name` for the repository) → reference text. */
function fromBlock(o) {
    const repository = str(o.repository) ?? str(o.image);
    if (repository === undefined)
        return undefined;
    const registry = str(o.registry);
    const tag = str(o.tag);
    const digest = str(o.digest);
    if (tag === undefined && digest === undefined && registry === undefined)
        return undefined;
    let ref = registry !== undefined ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
    if (tag !== undefined)
        ref += `:${tag}`;
    if (digest !== undefined)
        ref += `@${digest}`;
    return ref;
}
function images_walk(node, custom, add) {
    if (Array.isArray(node)) {
        for (const item of node)
            images_walk(item, custom, add);
        return;
    }
    if (node === null || typeof node !== 'object')
        return;
    const o = node;
    for (const [key, value] of Object.entries(o)) {
        if (CONTAINER_LISTS.has(key) && Array.isArray(value)) {
            for (const c of value) {
                if (c !== null && typeof c === 'object')
                    add(c.image);
            }
        }
        if (custom && key === 'image') {
            if (typeof value === 'string')
                add(value);
            else if (value !== null && typeof value === 'object' && !Array.isArray(value))
                add(fromBlock(value));
        }
        else if (custom && value !== null && typeof value === 'object' && !Array.isArray(value)) {
            const v = value;
            if (typeof v.repository === 'string' && (v.tag !== undefined || v.digest !== undefined))
                add(fromBlock(v));
        }
        if (value !== null && typeof value === 'object')
            images_walk(value, custom, add);
    }
}
/** Images in rendered multi-document YAML (the output of `helm template`). */
function imagesInManifests(rendered) {
    const out = new Set();
    const add = (image) => {
        if (typeof image !== 'string')
            return;
        const n = normalizeImage(image);
        if (n !== undefined)
            out.add(n);
    };
    for (const doc of (0,dist/* parseAllDocuments */.hR)(rendered, { uniqueKeys: false })) {
        const value = doc.toJS({ maxAliasCount: -1 });
        if (value === null || typeof value !== 'object')
            continue;
        const items = value.kind === 'List' && Array.isArray(value.items)
            ? value.items
            : [value];
        for (const item of items) {
            if (item === null || typeof item !== 'object')
                continue;
            images_walk(item, !isBuiltIn(item.apiVersion), add);
        }
    }
    return [...out];
}
/** Images listed in `artifacthub.io/images` and `helm.sh/images` (YAML lists of `{name, image}` or strings). */
function imagesInAnnotations(annotations) {
    const out = new Set();
    for (const key of ['artifacthub.io/images', 'helm.sh/images']) {
        const text = annotations?.[key];
        if (text === undefined)
            continue;
        let list;
        try {
            list = (0,dist/* parse */.qg)(text);
        }
        catch {
            continue;
        }
        if (!Array.isArray(list))
            continue;
        for (const item of list) {
            const raw = typeof item === 'string' ? item : item?.image;
            if (typeof raw !== 'string')
                continue;
            const n = normalizeImage(raw);
            if (n !== undefined)
                out.add(n);
        }
    }
    return [...out];
}
/** Manifest images then annotation images, de-duplicated, sorted. */
function mergeImages(manifest, annotation) {
    const seen = new Map();
    for (const image of manifest)
        seen.set(image, { image, origin: 'manifest' });
    for (const image of annotation)
        if (!seen.has(image))
            seen.set(image, { image, origin: 'annotation' });
    return [...seen.values()].sort((a, b) => (a.image < b.image ? -1 : a.image > b.image ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/helm/render.ts
/**
 * Render a chart with `helm template` (subcharts included) and collect its images. Rendering runs
 * the chart's templates: only mirror charts you trust. A failure is a `RenderError` with helm's own
 * message, never an empty image list.
 */







function run(bin, args, env, timeoutMs) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)(bin, args, { env, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
            if (!err)
                return resolve(stdout);
            const detail = String(stderr).trim() || err.message;
            reject(new RenderError(detail.split('\n').slice(-20).join('\n'), { cause: err }));
        });
    });
}
/** `--set` needs `,` and `\` escaped in values. */
function setArg(key, value) {
    return `${key}=${value.replace(/[\\,]/g, '\\$&')}`;
}
/** `helm template` of a chart archive: the rendered YAML. */
async function renderChart(bin, tgz, metadata, options = {}) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'oci-mirror-render-'));
    try {
        const chartPath = (0,external_node_path_.join)(dir, 'chart.tgz');
        await (0,promises_.writeFile)(chartPath, tgz);
        const args = ['template', metadata.name, chartPath, '--namespace', options.namespace ?? 'default'];
        for (const f of options.valuesFiles ?? [])
            args.push('--values', f);
        if (options.values && Object.keys(options.values).length > 0) {
            const valuesPath = (0,external_node_path_.join)(dir, 'values.yaml');
            await (0,promises_.writeFile)(valuesPath, (0,dist/* stringify */.As)(options.values));
            args.push('--values', valuesPath);
        }
        for (const [k, v] of Object.entries(options.set ?? {}))
            args.push('--set', setArg(k, v));
        if (options.kubeVersion)
            args.push('--kube-version', options.kubeVersion);
        for (const a of options.apiVersions ?? [])
            args.push('--api-versions', a);
        const env = { ...(options.env ?? process.env) };
        // Rendering a packaged chart needs no repository or registry configuration.
        env.HELM_CACHE_HOME = (0,external_node_path_.join)(dir, 'cache');
        env.HELM_CONFIG_HOME = (0,external_node_path_.join)(dir, 'config');
        env.HELM_DATA_HOME = (0,external_node_path_.join)(dir, 'data');
        return await run(bin, args, env, options.timeoutMs ?? 120_000);
    }
    catch (err) {
        if (err instanceof RenderError)
            throw new RenderError(`helm template ${metadata.name} ${metadata.version}: ${err.message}`, {
                cause: err,
            });
        throw err;
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** Render and collect images (manifests + Chart.yaml annotations). Library charts only have annotations. */
async function discoverImages(bin, tgz, metadata, options = {}) {
    const annotated = imagesInAnnotations(metadata.annotations);
    if (metadata.type === 'library')
        return mergeImages([], annotated);
    const rendered = await renderChart(bin, tgz, metadata, options);
    return mergeImages(imagesInManifests(rendered), annotated);
}

// EXTERNAL MODULE: ./src/oci/undici.ts
var undici = __webpack_require__(2197);
// EXTERNAL MODULE: ./src/select/version.ts
var version = __webpack_require__(56312);
;// CONCATENATED MODULE: ./src/helm/repo.ts
/**
 * An HTTP/S Helm repository: `index.yaml` (relative and absolute chart `urls`), version selection,
 * chart (and `.prov`) download with the index digest verified. Credentials from `repositories.yaml`
 * go only to the repository's own origin, unless `pass_credentials_all` is set; redirects to another
 * origin drop them too.
 */






const MAX_REDIRECTS = 10;
function readPem(path, what) {
    if (path === undefined)
        return undefined;
    try {
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (cause) {
        throw new RepositoryError(`cannot read ${what} ${path}`, { cause });
    }
}
class HelmRepo {
    url;
    #base;
    #settings;
    #agent;
    #options;
    constructor(url, settings, options = {}) {
        this.url = url.replace(/\/+$/, '');
        this.#base = new URL(`${this.url}/`);
        this.#settings = settings;
        this.#options = options;
        const ca = readPem(settings?.caFile, 'caFile');
        const cert = readPem(settings?.certFile, 'certFile');
        const key = readPem(settings?.keyFile, 'keyFile');
        this.#agent = new undici/* Agent */.g({
            connect: {
                ...(ca ? { ca } : {}),
                ...(cert ? { cert } : {}),
                ...(key ? { key } : {}),
                rejectUnauthorized: settings?.insecureSkipTLSVerify !== true,
            },
        });
    }
    /** Authorization header for `url`, if credentials may go there. */
    #authorization(url) {
        const s = this.#settings;
        if (s?.username === undefined && s?.password === undefined)
            return undefined;
        if (url.origin !== this.#base.origin && !s.passCredentialsAll)
            return undefined;
        return `Basic ${Buffer.from(`${s.username ?? ''}:${s.password ?? ''}`).toString('base64')}`;
    }
    /** GET a URL; `undefined` on 404 when `optional`. */
    async #get(target, what, optional = false) {
        let url = target;
        let auth = this.#authorization(url);
        const max = this.#options.maxBytes ?? 64 * 1024 * 1024;
        for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
            const headers = { accept: '*/*' };
            if (auth !== undefined)
                headers.authorization = auth;
            if (this.#options.userAgent)
                headers['user-agent'] = this.#options.userAgent;
            let res;
            try {
                res = await (0,undici/* request */.E)(this.#agent, {
                    origin: url.origin,
                    path: `${url.pathname}${url.search}`,
                    method: 'GET',
                    headers,
                    headersTimeout: this.#options.timeoutMs ?? 60_000,
                    bodyTimeout: this.#options.timeoutMs ?? 60_000,
                });
            }
            catch (cause) {
                throw new RepositoryError(`${what}: ${url.origin}${url.pathname}: ${cause.message}`, {
                    cause,
                });
            }
            if ([301, 302, 303, 307, 308].includes(res.statusCode)) {
                await res.body.dump();
                const location = res.headers.location;
                if (typeof location !== 'string')
                    throw new RepositoryError(`${what}: redirect without Location`);
                const next = new URL(location, url);
                if (next.origin !== url.origin)
                    auth = this.#settings?.passCredentialsAll ? auth : undefined;
                url = next;
                continue;
            }
            if (res.statusCode === 404 && optional) {
                await res.body.dump();
                return undefined;
            }
            if (res.statusCode !== 200) {
                await res.body.dump();
                const hint = res.statusCode === 401 || res.statusCode === 403
                    ? ` (credentials for ${this.url} are read from repositories.yaml)`
                    : '';
                throw new RepositoryError(`${what}: ${url.origin}${url.pathname}: HTTP ${res.statusCode}${hint}`, {
                    status: res.statusCode,
                });
            }
            const chunks = [];
            let size = 0;
            for await (const c of res.body) {
                size += c.length;
                if (size > max) {
                    res.body.destroy();
                    throw new RepositoryError(`${what}: ${url.origin}${url.pathname}: larger than ${max} bytes`);
                }
                chunks.push(c);
            }
            return Buffer.concat(chunks);
        }
        throw new RepositoryError(`${what}: more than ${MAX_REDIRECTS} redirects`);
    }
    /** Fetch and parse `index.yaml`. */
    async index() {
        const body = (await this.#get(new URL('index.yaml', this.#base), `index of ${this.url}`));
        let doc;
        try {
            // failsafe: every scalar stays a string (a version `1.10` or an all-digit digest keeps its text).
            doc = (0,dist/* parse */.qg)(body.toString('utf8'), { maxAliasCount: -1, schema: 'failsafe' });
        }
        catch (cause) {
            throw new RepositoryError(`index of ${this.url}: not valid YAML`, { cause });
        }
        const raw = doc?.entries;
        if (raw === null || typeof raw !== 'object')
            throw new RepositoryError(`index of ${this.url}: no "entries" (is this a Helm repository?)`);
        const entries = {};
        for (const [name, list] of Object.entries(raw)) {
            if (!Array.isArray(list))
                continue;
            entries[name] = list
                .filter((e) => e !== null && typeof e === 'object')
                .map((e) => {
                const entry = {
                    name,
                    version: String(e.version ?? ''),
                    urls: Array.isArray(e.urls) ? e.urls.map(String) : [],
                };
                if (typeof e.digest === 'string' && e.digest !== '')
                    entry.digest = e.digest;
                return entry;
            });
        }
        return { entries };
    }
    /** Absolute URL of a chart URL from the index (relative ones resolve against the repository URL). */
    resolve(url) {
        return new URL(url, this.#base);
    }
    /** Download a chart version: the `.tgz` (digest checked against the index) and its `.prov` when served. */
    async download(entry) {
        const first = entry.urls[0];
        if (first === undefined)
            throw new RepositoryError(`${entry.name} ${entry.version}: the index lists no URL`);
        const url = this.resolve(first);
        const what = `download ${entry.name} ${entry.version}`;
        const tgz = (await this.#get(url, what));
        if (entry.digest !== undefined) {
            const got = (0,digest/* sha256 */.sc)(tgz).slice('sha256:'.length);
            if (got !== entry.digest.replace(/^sha256:/, '').toLowerCase())
                throw new RepositoryError(`${what}: digest mismatch: the index lists sha256:${entry.digest}, the download has sha256:${got}`);
        }
        const prov = await this.#get(new URL(`${url.pathname}.prov${url.search}`, url), `${what} (.prov)`, true);
        return prov ? { tgz, prov, url: url.href } : { tgz, url: url.href };
    }
    async close() {
        await this.#agent.close();
    }
}
/** The versions of `name` inside `range`, highest first, at most `limit` (0 = all). */
function selectVersions(entries, range, limit) {
    const r = (0,version/* compileRange */.Pu)(range);
    const picked = [];
    for (const entry of entries) {
        const v = (0,version/* parseVersion */.ot)(entry.version);
        if (typeof v === 'string')
            continue;
        if (v.semver.prerelease.length > 0 && !r.namesPrerelease)
            continue;
        if (r.test(v))
            picked.push({ entry, v });
    }
    picked.sort((a, b) => b.v.semver.compare(a.v.semver));
    const seen = new Set();
    const unique = picked.filter((p) => !seen.has(p.entry.version) && seen.add(p.entry.version) !== undefined);
    return (limit > 0 ? unique.slice(0, limit) : unique).map((p) => p.entry);
}

;// CONCATENATED MODULE: ./src/helm/repositories.ts
/**
 * Helm's `repositories.yaml`: credentials and TLS settings per repository URL. Read from
 * `$HELM_REPOSITORY_CONFIG`, else `$HELM_CONFIG_HOME/repositories.yaml`, else
 * `$XDG_CONFIG_HOME/helm/repositories.yaml` (`~/.config/helm/…`). A missing file means no settings.
 */





/** Where helm keeps `repositories.yaml` for this environment. */
function repositoryConfigPath(env = process.env) {
    if (env.HELM_REPOSITORY_CONFIG)
        return env.HELM_REPOSITORY_CONFIG;
    if (env.HELM_CONFIG_HOME)
        return (0,external_node_path_.join)(env.HELM_CONFIG_HOME, 'repositories.yaml');
    const xdg = env.XDG_CONFIG_HOME || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.config');
    return (0,external_node_path_.join)(xdg, 'helm', 'repositories.yaml');
}
/** `https://host/path/` and `https://host/path` name the same repository. */
function normalizeRepoUrl(url) {
    return url.replace(/\/+$/, '');
}
function repositories_str(o, key) {
    const v = o[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/** Parse `repositories.yaml` text. */
function parseRepositories(text, file) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (cause) {
        throw new RepositoryError(`${file}: not valid YAML`, { cause });
    }
    const list = doc?.repositories;
    if (!Array.isArray(list))
        return [];
    const out = [];
    for (const item of list) {
        if (item === null || typeof item !== 'object')
            continue;
        const o = item;
        const url = repositories_str(o, 'url');
        if (url === undefined)
            continue;
        const s = {
            url,
            insecureSkipTLSVerify: o.insecure_skip_tls_verify === true,
            passCredentialsAll: o.pass_credentials_all === true,
        };
        for (const k of ['name', 'username', 'password', 'certFile', 'keyFile', 'caFile']) {
            const v = repositories_str(o, k);
            if (v !== undefined)
                s[k] = v;
        }
        out.push(s);
    }
    return out;
}
/** Load the repositories helm knows; `[]` when the file does not exist. */
async function loadRepositories(env = process.env) {
    const file = repositoryConfigPath(env);
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return [];
        throw new RepositoryError(`cannot read ${file}`, { cause: err });
    }
    return parseRepositories(text, file);
}
/** The settings for a repository URL, matched on the normalised URL. */
function settingsFor(repos, url) {
    const want = normalizeRepoUrl(url);
    return repos.find((r) => normalizeRepoUrl(r.url) === want);
}

// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var manifest = __webpack_require__(32060);
// EXTERNAL MODULE: ./src/oci/mediatypes.ts
var mediatypes = __webpack_require__(79572);
// EXTERNAL MODULE: ./src/sync/errors.ts
var sync_errors = __webpack_require__(74700);
// EXTERNAL MODULE: ./src/sync/job.ts + 2 modules
var job = __webpack_require__(74988);
// EXTERNAL MODULE: ./src/sync/model.ts
var model = __webpack_require__(89894);
// EXTERNAL MODULE: ./src/sync/plan.ts
var sync_plan = __webpack_require__(34816);
// EXTERNAL MODULE: ./src/sync/pool.ts
var pool = __webpack_require__(17137);
;// CONCATENATED MODULE: ./src/sync/charts.ts
















/** A chart entry that cannot be mirrored as configured. */
class ChartEntryError extends errors/* OciError */.Mf {
}
function once(fn) {
    let p;
    return () => {
        p ??= fn();
        return p;
    };
}
/** The OCI repository of a chart source `oci://host/path` (the chart name appended unless already last). */
function ociChartRepository(chart) {
    const base = chart.source.slice('oci://'.length).replace(/\/+$/, '');
    return base.split('/').at(-1) === chart.name ? base : `${base}/${chart.name}`;
}
/** Resolve the versions a chart entry asks for. Throws for an entry-level failure. */
async function resolveVersions(chart, client, env, userAgent) {
    if (chart.localPath !== undefined) {
        const packaged = await packageChart(chart.localPath);
        const artifact = chartArtifact(packaged.tgz, chart.localPath);
        if (artifact.metadata.name !== chart.name)
            throw new ChartEntryError(`chart ${chart.name}: ${chart.localPath} holds chart "${artifact.metadata.name}" (the entry name must match Chart.yaml)`);
        return {
            versions: [
                {
                    version: packaged.metadata.version,
                    source: chart.localPath,
                    chartDigest: artifact.chart.digest,
                    load: async () => ({ tgz: packaged.tgz }),
                },
            ],
            close: async () => undefined,
        };
    }
    if (chart.source.startsWith('oci://')) {
        const repo = (0,reference/* parseRepository */.SU)(ociChartRepository(chart));
        const tags = await (0,sync_errors/* onSide */.DE)('source', () => client.listTags(repo));
        const picked = selectVersions(tags.map((t) => ({ name: chart.name, version: t, urls: [] })), chart.version, chart.limit);
        if (picked.length === 0)
            throw new ChartEntryError(`chart ${chart.name}: no version matches "${chart.version}" in ${chart.source}`);
        return {
            versions: picked.map((p) => {
                const ref = { ...repo, tag: p.version };
                return {
                    version: p.version.replace(/_/g, '+'),
                    source: (0,reference/* formatReference */.FH)(ref),
                    oci: ref,
                    load: once(async () => {
                        const raw = await (0,sync_errors/* onSide */.DE)('source', () => client.getManifest(ref));
                        const parsed = (0,manifest/* parseManifest */.Ng)(raw.bytes, raw.mediaType);
                        if (parsed.kind !== 'manifest')
                            throw new ChartEntryError(`${(0,reference/* formatReference */.FH)(ref)}: not a chart (an index)`);
                        const layer = parsed.manifest.layers.find((l) => l.mediaType === HELM_CHART_LAYER);
                        if (!layer)
                            throw new ChartEntryError(`${(0,reference/* formatReference */.FH)(ref)}: no Helm chart layer`);
                        const chunks = [];
                        for await (const c of await (0,sync_errors/* onSide */.DE)('source', () => client.getBlob(repo, layer)))
                            chunks.push(c);
                        return { tgz: Buffer.concat(chunks) };
                    }),
                };
            }),
            close: async () => undefined,
        };
    }
    const settings = settingsFor(await loadRepositories(env), chart.source);
    const repo = new HelmRepo(chart.source, settings, userAgent !== undefined ? { userAgent } : {});
    try {
        const index = await repo.index();
        const entries = index.entries[chart.name];
        if (!entries || entries.length === 0)
            throw new ChartEntryError(`chart ${chart.name}: not found in the index of ${chart.source}`);
        const picked = selectVersions(entries, chart.version, chart.limit);
        if (picked.length === 0)
            throw new ChartEntryError(`chart ${chart.name}: no version matches "${chart.version}" in ${chart.source}`);
        return {
            versions: picked.map((e) => {
                const v = {
                    version: e.version,
                    source: e.urls[0] !== undefined ? repo.resolve(e.urls[0]).href : chart.source,
                    load: once(() => repo.download(e)),
                };
                if (e.digest !== undefined)
                    v.chartDigest = `sha256:${e.digest.replace(/^sha256:/, '').toLowerCase()}`;
                return v;
            }),
            close: () => repo.close(),
        };
    }
    catch (err) {
        await repo.close();
        throw err;
    }
}
/** The chart layer digest of the manifest at `dst`, with the manifest digest; undefined when absent. */
async function destinationChart(client, dst) {
    const head = await (0,sync_errors/* onSide */.DE)('destination', () => client.headManifest(dst));
    if (!head)
        return undefined;
    const raw = await (0,sync_errors/* onSide */.DE)('destination', () => client.getManifest({ ...dst, digest: head.digest }));
    const parsed = (0,manifest/* parseManifest */.Ng)(raw.bytes, raw.mediaType);
    const layer = parsed.kind === 'manifest'
        ? parsed.manifest.layers.find((l) => l.mediaType === HELM_CHART_LAYER)
        : undefined;
    return layer ? { manifestDigest: head.digest, chartDigest: layer.digest } : { manifestDigest: head.digest };
}
/** Push a chart artifact: blobs first (existing ones skipped), then the tagged manifest. */
async function pushChart(client, dst, a, row) {
    const repo = { registry: dst.registry, repository: dst.repository };
    for (const b of [a.config, a.chart, ...(a.prov ? [a.prov] : [])]) {
        const size = await (0,sync_errors/* onSide */.DE)('destination', () => client.headBlob(repo, b.digest));
        if (size !== undefined) {
            row.blobs.existing++;
            continue;
        }
        await (0,sync_errors/* onSide */.DE)('destination', () => client.pushBlob(repo, b.bytes, b.digest));
        row.blobs.copied++;
        row.bytes += b.size;
    }
    await (0,sync_errors/* onSide */.DE)('destination', () => client.putManifest(dst, a.manifest, mediatypes/* OCI_MANIFEST */.EG));
    row.manifests++;
    row.mediaType = mediatypes/* OCI_MANIFEST */.EG;
}
/** Publish one chart version (HTTP or local source) and return its row. */
async function publishVersion(ctx, chart, v) {
    const tag = chartTag(v.version);
    const dst = { ...(0,reference/* parseRepository */.SU)(chart.repository), tag };
    const row = (0,model/* tagRow */.Jm)(v.source, (0,reference/* formatReference */.FH)(dst), { tag });
    if (ctx.imagesOnly) {
        row.status = 'skipped';
        row.reason = 'images only (--images-only)';
        return row;
    }
    if (v.oci)
        return copyOciVersion(ctx, chart, v, dst, row);
    let artifact;
    const build = async () => {
        if (!artifact) {
            const { tgz, prov } = await v.load();
            artifact = chartArtifact(tgz, `${chart.name} ${v.version}`, prov);
        }
        return artifact;
    };
    const chartDigest = v.chartDigest ?? (await build()).chart.digest;
    row.sourceDigest = chartDigest;
    const existing = await destinationChart(ctx.client, dst);
    let action = 'copy';
    if (existing) {
        if (existing.chartDigest !== undefined)
            row.destinationDigest = existing.chartDigest;
        if (existing.chartDigest === chartDigest) {
            row.status = 'skipped';
            row.reason = 'up-to-date';
            return row;
        }
        if (!(ctx.overwrite || chart.overwrite)) {
            row.status = 'drifted';
            row.reason =
                existing.chartDigest === undefined
                    ? 'destination tag is not a Helm chart (overwrite: false)'
                    : 'destination chart differs from source (overwrite: false)';
            return row;
        }
        action = 'overwrite';
    }
    if (ctx.dryRun) {
        row.status = action === 'copy' ? 'would-copy' : 'would-overwrite';
        return row;
    }
    if ((0,job/* pastMaxDuration */.b7)(ctx.deadline))
        return deferRow(row);
    const a = await build();
    if (a.chart.digest !== chartDigest)
        throw new ChartEntryError(`${chart.name} ${v.version}: downloaded chart does not have digest ${chartDigest}`);
    if (a.metadata.name !== chart.name || a.metadata.version !== v.version)
        throw new ChartEntryError(`${chart.name} ${v.version}: the archive holds ${a.metadata.name} ${a.metadata.version} (Chart.yaml disagrees with the index)`);
    // ECR with `createRepositories`: the chart's repository must exist before the first push.
    await (0,sync_errors/* onSide */.DE)('destination', async () => ctx.copy.prepareDestination?.(dst));
    await pushChart(ctx.client, dst, a, row);
    row.status = action === 'copy' ? 'copied' : 'overwritten';
    ctx.log(`put chart ${(0,reference/* formatReference */.FH)(dst)} (${a.manifestDigest}, chart layer ${a.chart.digest})`);
    return row;
}
/** An OCI chart source: plan and copy bit for bit with the artifact engine. */
async function copyOciVersion(ctx, chart, v, dst, row) {
    const src = v.oci;
    const entry = {
        name: chart.name,
        source: (0,reference/* formatReference */.FH)(src),
        destinations: [(0,reference/* formatRepository */.Sh)(dst)],
        selector: { tags: [src.tag], limit: 0 },
        overwrite: chart.overwrite,
        includeReferrers: false,
        position: chart.position,
    };
    const [planned] = (await (0,sync_plan/* planEntry */.Cd)(ctx.client, entry, {
        overwrite: ctx.overwrite,
        parallelism: 2,
        knownDestinationDigest: ctx.knownDestinationDigest,
    })).tags;
    if (!planned)
        return { ...row, error: { message: `${row.source}: nothing planned` } };
    // The destination tag keeps the source tag (already `_` for `+`).
    return runPlanned(ctx, planned);
}
/** A chart push or image copy not started because `--max-duration` is over. */
function deferRow(row) {
    row.status = 'deferred';
    row.reason = job/* MAX_DURATION_REASON */.lp;
    return row;
}
/** Execute a planned artifact-engine job (copy/overwrite) or return its decided row. */
async function runPlanned(ctx, p, referrers = false) {
    // Up to date, but signatures or SBOMs may have been added since: those still follow.
    const referrersOnly = p.action === 'skip' && referrers && !ctx.dryRun;
    if (p.action !== 'copy' && p.action !== 'overwrite' && !referrersOnly)
        return p.row;
    if (ctx.dryRun) {
        p.row.status = p.action === 'copy' ? 'would-copy' : 'would-overwrite';
        return p.row;
    }
    // Past `--max-duration`: a copy is left for the next run; an up-to-date tag's referrer pass too.
    if ((0,job/* pastMaxDuration */.b7)(ctx.deadline))
        return referrersOnly ? p.row : deferRow(p.row);
    return (0,job/* runJob */.b5)(ctx.copy, p, {
        referrers,
        referrersOnly,
        attempts: ctx.attempts,
        timeoutMs: ctx.jobTimeoutMs ?? job/* DEFAULT_JOB_TIMEOUT_MS */.Vz,
        log: ctx.log,
    });
}
/** Where discovered images of `chart` go, or why they cannot be mirrored. */
function imageTarget(ctx, chart) {
    const discover = chart.images?.discover ?? ctx.images ?? false;
    if (!discover && !ctx.images)
        return undefined;
    if (ctx.chartsOnly)
        return undefined;
    const destination = chart.images?.destination ?? ctx.config.defaults.destination;
    if (destination === undefined)
        throw new ChartEntryError(`chart ${chart.name}: discovered images need a destination: set images.destination or defaults.destination`);
    return chart.images?.prefix !== undefined ? { destination, prefix: chart.images.prefix } : { destination };
}
/** Render options of a chart entry. */
function renderOptions(chart, env) {
    const i = chart.images;
    return {
        env,
        ...(i?.values ? { values: i.values } : {}),
        ...(i?.valuesFiles ? { valuesFiles: i.valuesFiles } : {}),
        ...(i?.set ? { set: i.set } : {}),
        ...(i?.kubeVersion ? { kubeVersion: i.kubeVersion } : {}),
        ...(i?.apiVersions ? { apiVersions: i.apiVersions } : {}),
    };
}
/** Discover the images of one version (tgz loaded on demand). */
async function discoverVersion(helmBin, chart, v, env) {
    const { tgz } = await v.load();
    const metadata = readChartMetadata(tgz, `${chart.name} ${v.version}`);
    return discoverImages(helmBin, tgz, metadata, renderOptions(chart, env));
}
/** Mirror one discovered image (once per run per source → destination pair). */
function mirrorImage(ctx, chart, image, dst, jobs) {
    const key = `${image} ${(0,reference/* formatReference */.FH)(dst)}`;
    const prior = jobs.get(key);
    if (prior)
        return prior.then((r) => r.status === 'failed' || r.status === 'deferred'
            ? { ...r }
            : {
                ...(0,model/* tagRow */.Jm)(r.source, r.destination, {
                    status: 'skipped',
                    reason: 'mirrored for another chart version in this run',
                }),
                ...(r.tag !== undefined ? { tag: r.tag } : {}),
                ...(r.sourceDigest !== undefined ? { sourceDigest: r.sourceDigest } : {}),
            });
    const job = (async () => {
        const entry = {
            name: image,
            source: image,
            destinations: [(0,reference/* formatRepository */.Sh)(dst)],
            selector: { limit: 0 },
            overwrite: chart.overwrite,
            includeReferrers: chart.images?.includeReferrers ?? ctx.config.defaults.includeReferrers,
            position: chart.position,
        };
        try {
            const plan = await (0,sync_plan/* planEntry */.Cd)(ctx.client, entry, {
                overwrite: ctx.overwrite,
                parallelism: 2,
                knownDestinationDigest: ctx.knownDestinationDigest,
            });
            const p = plan.tags[0];
            if (!p)
                return (0,model/* tagRow */.Jm)(image, (0,reference/* formatReference */.FH)(dst), { error: { message: `${image}: nothing planned` } });
            return await runPlanned(ctx, p, entry.includeReferrers);
        }
        catch (err) {
            return (0,model/* tagRow */.Jm)(image, (0,reference/* formatReference */.FH)(dst), { error: (0,sync_errors/* errorInfo */.fH)(err) });
        }
    })();
    jobs.set(key, job);
    return job;
}
/** A chart entry's result before any version is handled. */
function chartResult(chart) {
    return {
        name: chart.name,
        kind: 'chart',
        source: chart.source,
        destinations: [chart.repository],
        position: chart.position,
        tags: [],
    };
}
/** Mirror one chart entry; never throws. */
async function chartEntry(ctx, chart, jobs, helm) {
    const result = chartResult(chart);
    let resolved;
    let target;
    try {
        target = imageTarget(ctx, chart);
        resolved = await resolveVersions(chart, ctx.client, ctx.env, ctx.userAgent);
    }
    catch (err) {
        result.error = (0,sync_errors/* errorInfo */.fH)(err);
        ctx.emitFailed(result);
        return result;
    }
    try {
        const rows = await (0,pool/* mapPool */.Pk)(resolved.versions, 2, async (v) => {
            const started = performance.now();
            let row;
            try {
                row = await publishVersion(ctx, chart, v);
            }
            catch (err) {
                row = (0,model/* tagRow */.Jm)(v.source, `${chart.repository}:${chartTag(v.version)}`, {
                    tag: chartTag(v.version),
                    error: (0,sync_errors/* errorInfo */.fH)(err),
                });
            }
            row.durationMs = Math.round(performance.now() - started);
            if (target) {
                const images = [];
                try {
                    const found = await discoverVersion(await helm(), chart, v, ctx.env);
                    ctx.log(`${chart.name} ${v.version}: ${found.length} images (${found.map((f) => f.image).join(', ')})`);
                    const t = target;
                    images.push(...(await (0,pool/* mapPool */.Pk)(found, ctx.concurrency, (f) => mirrorImage(ctx, chart, f.image, remapImage(f.image, t.destination, t.prefix), jobs))));
                }
                catch (err) {
                    images.push((0,model/* tagRow */.Jm)(`${chart.name} ${v.version}`, target.destination, {
                        error: (0,sync_errors/* errorInfo */.fH)(err),
                        reason: 'image discovery failed',
                    }));
                }
                row.images = images;
            }
            ctx.emitTag(result, row);
            for (const img of row.images ?? [])
                ctx.emitTag(result, img);
            return row;
        });
        result.tags.push(...rows);
    }
    finally {
        await resolved.close();
    }
    return result;
}
/** Mirror every chart entry; failures become rows or entry errors. */
async function syncCharts(charts, ctx) {
    const jobs = new Map();
    let bin;
    const helm = () => {
        bin ??= ctx.helmBin !== undefined ? Promise.resolve(ctx.helmBin) : resolveHelm({ env: ctx.env });
        return bin;
    };
    return (0,pool/* mapPool */.Pk)(charts, Math.min(ctx.concurrency, 4), (chart) => chartEntry(ctx, chart, jobs, helm));
}
/** Discover the images of every chart entry (with discovery on, or all with `images`), writing nothing. */
async function listChartImages(config, client, options = {}) {
    const env = options.env ?? process.env;
    const charts = config.charts.filter((c) => options.images || c.images?.discover === true);
    let bin;
    const helm = () => {
        bin ??= options.helmBin !== undefined ? Promise.resolve(options.helmBin) : resolveHelm({ env });
        return bin;
    };
    const out = await (0,pool/* mapPool */.Pk)(charts, 4, async (chart) => {
        const base = {
            name: chart.name,
            source: chart.source,
            ...(chart.localPath ? { localPath: chart.localPath } : {}),
        };
        let resolved;
        try {
            resolved = await resolveVersions(chart, client, env, options.userAgent);
        }
        catch (err) {
            return [
                {
                    ...base,
                    version: chart.version,
                    chart: chart.repository,
                    images: [],
                    error: err.message,
                },
            ];
        }
        try {
            const destination = chart.images?.destination ?? config.defaults.destination;
            return await (0,pool/* mapPool */.Pk)(resolved.versions, 2, async (v) => {
                const listing = {
                    ...base,
                    version: v.version,
                    chart: `${chart.repository}:${chartTag(v.version)}`,
                    images: [],
                };
                try {
                    const found = await discoverVersion(await helm(), chart, v, env);
                    listing.images = found.map((f) => destination !== undefined
                        ? {
                            image: f.image,
                            destination: (0,reference/* formatReference */.FH)(remapImage(f.image, destination, chart.images?.prefix)),
                        }
                        : { image: f.image });
                }
                catch (err) {
                    listing.error = err.message;
                }
                return listing;
            });
        }
        finally {
            await resolved.close();
        }
    });
    return out.flat();
}


/***/ })

};
