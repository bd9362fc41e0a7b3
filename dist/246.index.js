export const id = 246;
export const ids = [246];
export const modules = {

/***/ 90246:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {


// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/config/errors.ts
var config_errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/secrets.ts
var src_secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
// EXTERNAL MODULE: ./src/select/goregex.ts
var goregex = __webpack_require__(95193);
// EXTERNAL MODULE: ./src/select/index.ts + 2 modules
var src_select = __webpack_require__(32975);
// EXTERNAL MODULE: ./src/config/checks.ts
var checks = __webpack_require__(61625);
;// CONCATENATED MODULE: ./src/config/dialects/shared.ts
/**
 * Shared helpers below the dialect modules: value accessors, the {@link NormalizeContext}, and the
 * entry normaliser that our own dialect and flux mirror's share (artifacts, charts, hosts,
 * selectors, credentials); each dialect module (`ours.ts`, `flux.ts`) gives it the rules where
 * the files differ. Every problem becomes a ConfigError at the node it concerns; checking
 * continues so one run reports everything.
 */





const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (o, k) => (isObj(o[k]) ? o[k] : undefined);
const str = (o, k) => typeof o?.[k] === 'string' ? o[k] : undefined;
const bool = (o, k) => typeof o?.[k] === 'boolean' ? o[k] : undefined;
const num = (o, k) => typeof o?.[k] === 'number' ? o[k] : undefined;
const list = (o, k) => Array.isArray(o?.[k]) ? o[k] : [];
const strList = (o, k) => Array.isArray(o?.[k]) ? o[k].filter((x) => typeof x === 'string') : undefined;
/**
 * Problem collection for a dialect written as functions rather than on the entry normaliser:
 * `err` records a ConfigError at a node, `pos` gives a node's position.
 */
function problemsOf(ctx) {
    const errors = [];
    const p = ctx.parsed;
    return {
        errors,
        err: (path, message, opts = {}) => {
            errors.push(p.error(path, message, opts));
        },
        pos: (path, opts = {}) => ({ file: p.file, ...p.locate(path, opts.key ? { key: true } : {}) }),
    };
}
/**
 * Checks and normalises a schema-valid document of our own dialect or flux mirror's with the
 * dialect's rules; returns the config (meaningful only when `errors` is empty).
 */
function normalizeEntries(data, ctx, rules) {
    const n = new Normalizer(ctx, rules);
    const config = n.run(data);
    return { config, errors: n.errors };
}
class Normalizer {
    errors = [];
    warnings = [];
    #ctx;
    #p;
    #rules;
    #helpers;
    constructor(ctx, rules) {
        this.#ctx = ctx;
        this.#p = ctx.parsed;
        this.#rules = rules;
        this.#helpers = {
            err: (path, message, opts) => this.#err(path, message, opts),
            path: (o, k, p) => {
                const v = str(o, k);
                if (v === undefined)
                    return undefined;
                const r = (0,checks/* confinePath */.ey)(v, this.#ctx.dir);
                if (typeof r === 'string') {
                    this.#err(p, r);
                    return undefined;
                }
                return r.path;
            },
            secret: (v) => {
                if (v)
                    this.#ctx.secrets.add(v);
            },
        };
    }
    #err(path, message, opts = {}) {
        this.errors.push(this.#p.error(path, message, opts));
    }
    #warn(path, message, hint) {
        this.warnings.push(this.#p.error(path, message, hint !== undefined ? { hint } : {}).message);
    }
    #pos(path) {
        const { line, column } = this.#p.locate(path);
        return { file: this.#p.file, line, column };
    }
    run(data) {
        const { dialect } = this.#ctx;
        const defaults = this.#defaults(data);
        const hosts = list(data, 'hosts').map((h, i) => this.#host(h, ['hosts', i]));
        this.#duplicateHosts(hosts);
        const artifacts = list(data, 'artifacts').map((a, i) => this.#artifact(a, ['artifacts', i], defaults));
        this.#uniqueNames(artifacts, data);
        const charts = list(data, 'charts').map((c, i) => this.#chart(c, ['charts', i], defaults));
        this.#duplicateCharts(charts);
        if (artifacts.length === 0 && charts.length === 0) {
            this.#err([], 'nothing to mirror: add at least one entry under `artifacts` or `charts`');
        }
        return {
            file: this.#p.file,
            dir: this.#ctx.dir,
            dialect,
            defaults,
            artifacts,
            charts,
            hosts,
            secrets: [...this.#ctx.secrets],
            ...(this.warnings.length > 0 ? { warnings: this.warnings } : {}),
        };
    }
    #defaults(data) {
        const d = obj(data, 'defaults');
        const out = {
            overwrite: bool(d, 'overwrite') ?? false,
            includeReferrers: bool(d, 'includeReferrers') ?? false,
        };
        const c = num(d, 'concurrency');
        if (c !== undefined)
            out.concurrency = c;
        const root = this.#helpers.path(d, 'trustedRoot', ['defaults', 'trustedRoot']);
        if (root !== undefined)
            out.trustedRoot = root;
        const dest = str(d, 'destination');
        if (dest !== undefined) {
            const first = dest.split('/')[0] ?? '';
            if (!/[.:]/.test(first) && first !== 'localhost') {
                this.#err(['defaults', 'destination'], 'a destination prefix must start with a registry host', {
                    hint: `e.g. registry.example.com/${dest}`,
                });
            }
            else
                this.#ref(dest.replace(/\/+$/, ''), ['defaults', 'destination'], { allowTag: false });
            out.destination = dest.replace(/\/+$/, '');
        }
        return out;
    }
    // ---------------------------------------------------------------- artifacts
    #artifact(a, at, defaults) {
        const flux = this.#rules.flux;
        const source = str(a, 'source') ?? '';
        const src = this.#ref(source, [...at, 'source'], { allowTag: !flux });
        const destinations = [];
        const dest = str(a, 'destination');
        const dests = strList(a, 'destinations');
        if (dest !== undefined && dests !== undefined) {
            this.#err([...at, 'destinations'], 'both `destination` and `destinations` are set', {
                key: true,
                hint: 'keep one: put every repository under `destinations`',
            });
        }
        if (dest !== undefined) {
            if (this.#ref(dest, [...at, 'destination'], { allowTag: false }))
                destinations.push(dest);
        }
        else if (dests !== undefined) {
            dests.forEach((d, i) => {
                if (!this.#ref(d, [...at, 'destinations', i], { allowTag: false }))
                    return;
                if (destinations.includes(d))
                    this.#err([...at, 'destinations', i], `\`${d}\` is listed twice`);
                else
                    destinations.push(d);
            });
        }
        else if (defaults.destination !== undefined && src) {
            destinations.push(`${defaults.destination}/${src.repository}`);
        }
        else {
            this.#err(at, 'no destination: set `destination`, `destinations`, or `defaults.destination`');
        }
        const repo = stripTagDigest(source);
        destinations.forEach((d, i) => {
            if (d === repo) {
                const path = dest !== undefined ? [...at, 'destination'] : dests !== undefined ? [...at, 'destinations', i] : at;
                this.#err(path, 'destination is the source repository itself');
            }
        });
        const selector = this.#selector(obj(a, 'selector'), [...at, 'selector'], src || undefined);
        const entry = {
            name: str(a, 'name') ?? repo,
            source,
            destinations,
            selector,
            overwrite: bool(a, 'overwrite') ?? defaults.overwrite,
            includeReferrers: bool(a, 'includeReferrers') ?? defaults.includeReferrers,
            position: this.#pos(at),
        };
        const platforms = strList(a, 'platforms');
        if (platforms !== undefined) {
            const seen = new Set();
            platforms.forEach((p, i) => {
                if (seen.has(p))
                    this.#err([...at, 'platforms', i], `platform \`${p}\` is listed twice`);
                seen.add(p);
            });
            entry.platforms = platforms;
        }
        const verify = obj(a, 'verify');
        if (verify) {
            const v = this.#verify(verify, [...at, 'verify'], defaults);
            if (v)
                entry.verify = v;
        }
        return entry;
    }
    /** Parses a reference, reporting problems; returns the parts or undefined. */
    #ref(s, at, opts) {
        let r;
        try {
            r = (0,reference/* parseReference */.F2)(s);
        }
        catch (err) {
            this.#err(at, err instanceof Error ? err.message : String(err));
            return undefined;
        }
        if (s.trim() !== s) {
            this.#err(at, `\`${s}\` has leading or trailing spaces`);
            return undefined;
        }
        if (!opts.allowTag && (r.tag !== undefined || r.digest !== undefined)) {
            const what = r.digest !== undefined ? 'digest' : 'tag';
            this.#err(at, `\`${s}\` must be a repository without a ${what}`, {
                hint: this.#rules.flux ? 'select tags with `selector`' : 'tags keep their source names',
            });
            return undefined;
        }
        return r;
    }
    #selector(sel, at, src) {
        // Values are kept as written (Go regex syntax, Masterminds ranges): `select/` interprets
        // them, and its validateSelector is the single judge of what it can run.
        const out = {};
        const s = sel ?? {};
        const regex = obj(s, 'regex');
        if (regex) {
            const r = { pattern: str(regex, 'pattern') ?? '' };
            const extract = str(regex, 'extract');
            if (extract !== undefined)
                r.extract = extract;
            out.regex = r;
        }
        const range = str(s, 'semver');
        if (range !== undefined)
            out.semver = range;
        const pre = bool(s, 'prerelease');
        if (pre !== undefined)
            out.prerelease = pre;
        const globIsString = typeof s.glob === 'string';
        const glob = globIsString ? [s.glob] : strList(s, 'glob');
        if (glob !== undefined)
            out.glob = glob;
        for (const k of ['tags', 'digests', 'exclude']) {
            const v = strList(s, k);
            if (v !== undefined)
                out[k] = v;
        }
        const sortBy = str(s, 'sortBy');
        out.sortBy = sortBy === 'alphabetical' || sortBy === 'numerical' ? sortBy : 'semver';
        // flux mirror: limit defaults to 1, 0 = unlimited (explicit tags are never capped).
        out.limit = num(s, 'limit') ?? 1;
        if (src && (src.tag !== undefined || src.digest !== undefined)) {
            const filters = ['regex', 'semver', 'glob', 'tags', 'digests'].filter((k) => s[k] !== undefined);
            const first = filters[0];
            if (first !== undefined) {
                this.#err([...at, first], 'the source already names a tag or digest; drop it or this selector field', {
                    key: true,
                });
            }
            if (src.tag !== undefined)
                out.tags = [src.tag];
            if (src.digest !== undefined)
                out.digests = [src.digest];
        }
        for (const problem of (0,src_select/* validateSelector */.Ag)(out)) {
            const m = /^([A-Za-z.]+)(?:\[(\d+)\])?: (.*)$/s.exec(problem);
            if (!m) {
                this.#err(at, problem);
                continue;
            }
            const field = (m[1] ?? '').split('.');
            if (m[2] !== undefined && !(field[0] === 'glob' && globIsString))
                field.push(Number(m[2]));
            this.#err([...at, ...field], m[3] ?? problem);
        }
        return out;
    }
    #verify(v, at, defaults) {
        const ids = [];
        const raw = list(v, 'matchOIDCIdentity');
        const key = obj(v, 'publicKey');
        if (raw.length === 0 && !key) {
            const where = v.matchOIDCIdentity === undefined ? at : [...at, 'matchOIDCIdentity'];
            this.#err(where, 'cosign verification needs at least one `matchOIDCIdentity` entry (or a `publicKey`)');
        }
        raw.forEach((id, i) => {
            const issuer = str(id, 'issuer') ?? '';
            const subject = str(id, 'subject') ?? '';
            const ip = [...at, 'matchOIDCIdentity', i];
            if (!/^https?:\/\/[^\s/]+/.test(issuer))
                this.#err([...ip, 'issuer'], `\`${issuer}\` is not an issuer URL`);
            if (subject === '')
                this.#err([...ip, 'subject'], 'must not be empty');
            else {
                try {
                    (0,goregex/* compileGoRegex */.lX)(subject);
                    if (!/^(?:\(\?[imsU]+\))?(?:\^|\\A)/.test(subject))
                        this.#warn([...ip, 'subject'], `\`${subject}\` is not anchored: it matches anywhere in the signer identity (as flux mirror does), so \`evil/${subject}\` would pass too`, 'start it with ^ and end it with $');
                }
                catch (err) {
                    this.#err([...ip, 'subject'], `invalid regular expression: ${err instanceof Error ? err.message : String(err)}`);
                }
            }
            ids.push({ issuer, subject });
        });
        const out = { provider: 'cosign', matchOIDCIdentity: ids };
        if (key) {
            const value = str(key, 'value');
            const fromPath = this.#helpers.path(key, 'fromPath', [...at, 'publicKey', 'fromPath']);
            if ((value === undefined) === (key.fromPath === undefined))
                this.#err([...at, 'publicKey'], 'set exactly one of `fromPath` or `value`');
            else if (value !== undefined && !value.includes('-----BEGIN PUBLIC KEY-----'))
                this.#err([...at, 'publicKey', 'value'], 'not a PEM public key (-----BEGIN PUBLIC KEY-----)');
            out.publicKey = value !== undefined ? { value } : fromPath !== undefined ? { fromPath } : {};
        }
        const root = this.#helpers.path(v, 'trustedRoot', [...at, 'trustedRoot']) ?? defaults.trustedRoot;
        if (root !== undefined)
            out.trustedRoot = root;
        const minAge = str(v, 'minAge');
        if (minAge !== undefined) {
            const ms = (0,checks/* parseGoDuration */.Qu)(minAge);
            if (typeof ms === 'string')
                this.#err([...at, 'minAge'], ms);
            else {
                out.minAge = minAge;
                out.minAgeMs = ms;
            }
        }
        return out;
    }
    #uniqueNames(artifacts, data) {
        const raw = list(data, 'artifacts');
        const explicit = new Map();
        artifacts.forEach((a, i) => {
            if (str(raw[i], 'name') === undefined)
                return;
            const prev = explicit.get(a.name);
            if (prev !== undefined) {
                this.#err(['artifacts', i, 'name'], `duplicate entry name \`${a.name}\` (also artifacts[${prev}])`);
            }
            else
                explicit.set(a.name, i);
        });
        // Implicit names (the source) may repeat: flux mirror fans out by repeating the source.
        // Make them unique by naming the destination too.
        const count = new Map();
        for (const a of artifacts)
            count.set(a.name, (count.get(a.name) ?? 0) + 1);
        artifacts.forEach((a, i) => {
            if (str(raw[i], 'name') !== undefined)
                return;
            if ((count.get(a.name) ?? 0) > 1)
                a.name = `${a.name} → ${a.destinations.join(', ')}`;
        });
    }
    // ---------------------------------------------------------------- charts
    #chart(c, at, defaults) {
        const flux = this.#rules.flux;
        const name = str(c, 'name') ?? '';
        if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(name)) {
            this.#err([...at, 'name'], `\`${name}\` is not a valid chart name (lowercase letters, digits, . _ -)`);
        }
        const source = str(c, 'source') ?? '';
        let localPath;
        if (/^https?:\/\//.test(source)) {
            try {
                const u = new URL(source);
                if (u.host === '')
                    throw new Error('no host');
            }
            catch {
                this.#err([...at, 'source'], `\`${source}\` is not a valid URL`);
            }
        }
        else if (/^oci:\/\//.test(source)) {
            if (flux) {
                this.#err([...at, 'source'], 'flux mirror charts come from HTTP/S repositories', {
                    hint: 'mirror an OCI chart as an entry under `artifacts`',
                });
            }
            else
                this.#ref(source.slice('oci://'.length), [...at, 'source'], { allowTag: false });
        }
        else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || flux) {
            this.#err([...at, 'source'], `\`${source}\` must be an http:// or https:// repository URL${flux ? '' : ', oci:// URL or local directory'}`);
        }
        else {
            const p = (0,checks/* confinePath */.ey)(source, this.#ctx.dir);
            if (typeof p === 'string')
                this.#err([...at, 'source'], p);
            else
                localPath = p.path;
        }
        let destination = str(c, 'destination');
        if (destination === undefined && defaults.destination !== undefined)
            destination = `oci://${defaults.destination}`;
        let repository = '';
        if (destination === undefined) {
            this.#err(at, 'no destination: set `destination` or `defaults.destination`');
        }
        else if (!destination.startsWith('oci://')) {
            this.#err([...at, 'destination'], `\`${destination}\` must be an oci:// URL`, {
                hint: `oci://${destination}`,
            });
        }
        else {
            const base = destination.slice('oci://'.length).replace(/\/+$/, '');
            const r = this.#ref(base, [...at, 'destination'], { allowTag: false });
            if (r)
                repository = `${base}/${name}`;
        }
        const version = str(c, 'version') ?? '*';
        const vr = (0,checks/* checkSemverRange */.oZ)(version);
        if (vr !== undefined)
            this.#err([...at, 'version'], vr, { hint: 'e.g. ">=15.0.0 <16", "6.x", "*"' });
        const entry = {
            name,
            source,
            destination: destination ?? '',
            repository,
            version,
            limit: num(c, 'limit') ?? 1,
            overwrite: bool(c, 'overwrite') ?? defaults.overwrite,
            position: this.#pos(at),
        };
        if (localPath !== undefined)
            entry.localPath = localPath;
        const images = obj(c, 'images');
        if (images) {
            const discover = bool(images, 'discover') ?? true;
            const imgDest = str(images, 'destination') ?? defaults.destination;
            const img = { discover };
            const imageReferrers = bool(images, 'includeReferrers');
            if (imageReferrers !== undefined)
                img.includeReferrers = imageReferrers;
            const values = obj(images, 'values');
            if (values)
                img.values = values;
            const files = images.valuesFiles;
            if (Array.isArray(files)) {
                img.valuesFiles = [];
                files.forEach((f, j) => {
                    const r = (0,checks/* confinePath */.ey)(String(f), this.#ctx.dir);
                    if (typeof r === 'string')
                        this.#err([...at, 'images', 'valuesFiles', j], r);
                    else
                        img.valuesFiles?.push(r.path);
                });
            }
            const set = obj(images, 'set');
            if (set)
                img.set = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, String(v)]));
            const kubeVersion = str(images, 'kubeVersion');
            if (kubeVersion !== undefined)
                img.kubeVersion = kubeVersion;
            if (Array.isArray(images.apiVersions))
                img.apiVersions = images.apiVersions.map(String);
            const prefix = str(images, 'prefix');
            if (prefix !== undefined)
                img.prefix = prefix.replace(/^\/+|\/+$/g, '');
            if (imgDest !== undefined) {
                if (str(images, 'destination') !== undefined) {
                    this.#ref(imgDest.replace(/\/+$/, ''), [...at, 'images', 'destination'], { allowTag: false });
                }
                img.destination = imgDest.replace(/\/+$/, '');
            }
            else if (discover) {
                this.#err([...at, 'images'], 'discovered images need a destination: set `images.destination` or `defaults.destination`');
            }
            entry.images = img;
        }
        return entry;
    }
    #duplicateCharts(charts) {
        const seen = new Map();
        charts.forEach((c, i) => {
            if (!c.repository)
                return;
            const key = `${c.source}\n${c.repository}`;
            const prev = seen.get(key);
            if (prev !== undefined)
                this.#err(['charts', i], `duplicate chart entry: same source and destination as charts[${prev}]`);
            else
                seen.set(key, i);
        });
    }
    // ---------------------------------------------------------------- hosts
    #host(h, at) {
        const host = str(h, 'host') ?? '';
        const bad = (0,checks/* checkHost */.RC)(host);
        if (bad)
            this.#err([...at, 'host'], bad);
        const entry = { host: host.toLowerCase(), position: this.#pos(at) };
        const provider = str(h, 'provider');
        const cloud = provider !== undefined && provider !== 'generic';
        if (cloud)
            entry.provider = provider;
        const cred = obj(h, 'credential');
        const tls = obj(h, 'tls');
        if (cloud && cred)
            this.#err([...at, 'credential'], `a cloud provider (\`${provider}\`) and a credential are mutually exclusive`, { key: true });
        if (cloud && tls) {
            this.#err([...at, 'tls'], `\`tls\` is not allowed with a cloud provider (\`${provider}\`)`, {
                key: true,
            });
        }
        // Username: top level in v1beta1 and ours, under credential in v1beta2.
        const username = this.#rules.usernameUnderCredential ? str(cred, 'username') : str(h, 'username');
        if (username !== undefined) {
            entry.username = username;
            if (!cred && !cloud) {
                this.#err([...at, 'username'], 'a username needs a `credential` to go with it', { key: true });
            }
        }
        const emptied = cred ? this.#emptiedCredential(cred, [...at, 'credential']) : undefined;
        if (emptied) {
            entry.missingSecret = emptied;
        }
        else if (cred) {
            const c = this.#credential(cred, [...at, 'credential']);
            if (c)
                entry.credential = c;
        }
        if (tls) {
            entry.tls = this.#rules.tls(tls, [...at, 'tls'], this.#helpers);
        }
        const chunk = num(h, 'maxChunkSize');
        if (chunk !== undefined)
            entry.maxChunkSize = chunk * 1024;
        this.#rules.hostExtras(h, at, entry, this.#helpers);
        return entry;
    }
    /**
     * The variable that emptied this credential's only source (`value: "${PASSWORD}"` with
     * PASSWORD set to ""), or undefined. An error naming it and why it may be empty, unless empty
     * secrets are loaded as anonymous hosts.
     */
    #emptiedCredential(c, at) {
        const given = ['provider', 'value', 'fromPath', 'jwkPath', 'jwkValue'].filter((k) => c[k] !== undefined && c[k] !== '');
        if (given.length > 0)
            return undefined;
        for (const k of ['value', 'jwkValue']) {
            const name = this.#ctx.emptyVars?.get([...at, k].join('.'));
            if (name === undefined)
                continue;
            if (this.#ctx.emptySecrets !== 'anonymous')
                this.#err([...at, k], `\`\${${name}}\` is set but empty, so this credential has no ${k}`, {
                    hint: `${config_errors/* EMPTY_SECRET_WHY */.mv}; a dry run (plan) reads such hosts anonymously instead`,
                });
            return name;
        }
        return undefined;
    }
    #credential(c, at) {
        const names = this.#rules.credentialNames;
        const sources = ['provider', 'value', 'fromPath', 'jwkPath', 'jwkValue'].filter((k) => c[k] !== undefined && c[k] !== '');
        if (sources.length !== 1) {
            this.#err(sources.length > 1 ? [...at, sources[1] ?? ''] : at, sources.length > 1
                ? `set only one credential source, found ${sources.map((s) => `\`${s}\``).join(' and ')}`
                : 'the credential needs one source: `value`, `fromPath`, `jwkPath`, `jwkValue` or `provider`', { key: sources.length > 1 });
        }
        const out = {};
        const provider = str(c, 'provider');
        if (provider !== undefined)
            out.provider = provider === 'jwt-svid' ? 'spiffe' : provider;
        const value = str(c, 'value');
        if (value !== undefined) {
            out.value = value;
            if (value)
                this.#ctx.secrets.add(value);
        }
        const jwkValue = str(c, 'jwkValue');
        if (jwkValue !== undefined) {
            out.jwkValue = jwkValue;
            if (jwkValue)
                this.#ctx.secrets.add(jwkValue);
        }
        for (const k of ['fromPath', 'jwkPath']) {
            const p = str(c, k);
            if (p === undefined)
                continue;
            const r = (0,checks/* confinePath */.ey)(p, this.#ctx.dir);
            if (typeof r === 'string')
                this.#err([...at, k], r);
            else
                out[k] = r.path;
        }
        const jwk = out.jwkPath !== undefined || out.jwkValue !== undefined || c.jwkPath !== undefined;
        const issuer = str(c, names.issuer);
        const subject = str(c, names.subject);
        if (jwk) {
            if (!issuer)
                this.#err([...at, names.issuer], `\`${names.issuer}\` is required with jwkPath/jwkValue`);
            if (!subject)
                this.#err([...at, names.subject], `\`${names.subject}\` is required with jwkPath/jwkValue`);
        }
        else {
            if (issuer !== undefined)
                this.#err([...at, names.issuer], `\`${names.issuer}\` is only allowed with jwkPath/jwkValue`, {
                    key: true,
                });
            if (subject !== undefined)
                this.#err([...at, names.subject], `\`${names.subject}\` is only allowed with jwkPath/jwkValue`, {
                    key: true,
                });
        }
        if (issuer !== undefined)
            out.issuer = issuer;
        if (subject !== undefined)
            out.subject = subject;
        const audiences = [
            ...(names.audience && str(c, names.audience) !== undefined ? [str(c, names.audience)] : []),
            ...((names.audiences && strList(c, names.audiences)) || []),
        ];
        if (audiences.length > 0) {
            const audKey = names.audience && c[names.audience] !== undefined ? names.audience : names.audiences;
            if (!jwk && provider === undefined) {
                this.#err([...at, audKey], `\`${audKey}\` is only allowed with jwkPath, jwkValue or provider`, {
                    key: true,
                });
            }
            if ((provider === 'gcp' || provider === 'azure') && audiences.length > 1) {
                this.#err([...at, audKey], `the ${provider} provider takes a single audience`);
            }
            out.audience = audiences[0];
            out.audiences = audiences;
        }
        const exp = str(c, names.expiration);
        if (exp !== undefined) {
            if (!jwk)
                this.#err([...at, names.expiration], `\`${names.expiration}\` is only allowed with jwkPath/jwkValue`, { key: true });
            const ms = (0,checks/* parseGoDuration */.Qu)(exp);
            if (typeof ms === 'string')
                this.#err([...at, names.expiration], ms);
            else if (ms <= 0)
                this.#err([...at, names.expiration], 'must be greater than zero');
            out.expiration = exp;
        }
        const envelope = str(c, 'envelope');
        if (envelope !== undefined)
            out.envelope = envelope;
        return out;
    }
    #duplicateHosts(hosts) {
        const seen = new Map();
        hosts.forEach((h, i) => {
            if (!h.host)
                return;
            const prev = seen.get(h.host);
            if (prev !== undefined)
                this.#err(['hosts', i, 'host'], `host \`${h.host}\` is already configured in hosts[${prev}]`);
            else
                seen.set(h.host, i);
        });
    }
}
/** `host/repo[:tag][@digest]` → `host/repo`. */
function stripTagDigest(ref) {
    const noDigest = ref.split('@')[0] ?? ref;
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

;// CONCATENATED MODULE: ./src/config/dialects/flux.ts

const V1BETA1_NAMES = { issuer: 'iss', subject: 'sub', audience: 'aud', audiences: '', expiration: 'exp' };
const V1BETA2_NAMES = {
    issuer: 'issuer',
    subject: 'subject',
    audience: '',
    audiences: 'audiences',
    expiration: 'expiration',
};
/** Checks and normalises a schema-valid flux mirror document (either apiVersion). */
function normalizeFlux(data, ctx) {
    return normalizeEntries(data, ctx, fluxRules(ctx.dialect));
}
function fluxRules(dialect) {
    const v1beta2 = dialect === 'mirror.plugin.fluxcd.io/v1beta2';
    return {
        flux: true,
        usernameUnderCredential: v1beta2,
        credentialNames: v1beta2 ? V1BETA2_NAMES : V1BETA1_NAMES,
        tls: fluxTls,
        hostExtras: fluxHostExtras,
    };
}
/** flux mirror rejects a host entry that configures nothing. */
function fluxHostExtras(raw, at, _entry, h) {
    const provider = str(raw, 'provider');
    const cloud = provider !== undefined && provider !== 'generic';
    if (!obj(raw, 'credential') && !cloud && !obj(raw, 'tls') && num(raw, 'maxChunkSize') === undefined) {
        h.err(at, 'host sets nothing: give at least one of `credential`, a cloud `provider`, `tls`, `maxChunkSize`');
    }
}
function fluxTls(t, at, h) {
    const out = {};
    const server = obj(t, 'serverAuth');
    const client = obj(t, 'clientAuth');
    if (!server && !client)
        h.err(at, 'set `serverAuth`, `clientAuth` or both');
    if (server) {
        const sa = {};
        const spiffe = obj(server, 'spiffe');
        const spiffeOn = spiffe !== undefined || str(server, 'provider') === 'spiffe';
        const choices = ['fromPath', 'value'].filter((k) => server[k] !== undefined).length + (spiffeOn ? 1 : 0);
        if (choices !== 1)
            h.err([...at, 'serverAuth'], 'set exactly one of `fromPath`, `value` or SPIFFE verification');
        const fp = h.path(server, 'fromPath', [...at, 'serverAuth', 'fromPath']);
        if (fp !== undefined)
            sa.caFromPath = fp;
        const v = str(server, 'value');
        if (v !== undefined)
            sa.caValue = v;
        if (spiffeOn) {
            sa.provider = 'spiffe';
            const s = spiffe ?? {};
            const picks = ['serverID', 'trustDomain', 'authorizeAny'].filter((k) => s[k] !== undefined && s[k] !== false);
            if (picks.length !== 1) {
                h.err([...at, 'serverAuth', 'spiffe'], 'set exactly one of `serverID`, `trustDomain` or `authorizeAny`');
            }
            const sp = {};
            const id = str(s, 'serverID');
            if (id !== undefined) {
                if (!id.startsWith('spiffe://'))
                    h.err([...at, 'serverAuth', 'spiffe', 'serverID'], `\`${id}\` is not a spiffe:// ID`);
                sp.serverID = id;
            }
            const td = str(s, 'trustDomain');
            if (td !== undefined) {
                if (td !== 'self' && !/^(spiffe:\/\/)?[a-z0-9._-]+$/.test(td))
                    h.err([...at, 'serverAuth', 'spiffe', 'trustDomain'], `\`${td}\` is not a trust domain name (lower-case letters, digits, \`.\`, \`-\`, \`_\`) or \`self\``);
                sp.trustDomain = td;
            }
            const any = bool(s, 'authorizeAny');
            if (any !== undefined)
                sp.authorizeAny = any;
            sa.spiffe = sp;
        }
        out.serverAuth = sa;
    }
    if (client) {
        const ca = {};
        const provider = str(client, 'provider');
        const cert = obj(client, 'certificate');
        const key = obj(client, 'key');
        if (provider !== undefined) {
            ca.provider = 'spiffe';
            if (cert || key)
                h.err([...at, 'clientAuth'], '`provider` and `certificate`/`key` are mutually exclusive');
        }
        else if (!cert || !key) {
            h.err([...at, 'clientAuth'], 'a static client certificate needs both `certificate` and `key`');
        }
        for (const [part, o] of [
            ['certificate', cert],
            ['key', key],
        ]) {
            if (!o)
                continue;
            const p = [...at, 'clientAuth', part];
            if ((o.fromPath !== undefined) === (o.value !== undefined))
                h.err(p, 'set exactly one of `fromPath` and `value`');
            const fp = h.path(o, 'fromPath', [...p, 'fromPath']);
            const v = str(o, 'value');
            if (part === 'certificate') {
                if (fp !== undefined)
                    ca.certFromPath = fp;
                if (v !== undefined)
                    ca.certValue = v;
            }
            else {
                if (fp !== undefined)
                    ca.keyFromPath = fp;
                if (v !== undefined) {
                    ca.keyValue = v;
                    h.secret(v);
                }
            }
        }
        out.clientAuth = ca;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/config/suggest.ts
/** "Did you mean …?" suggestions by edit distance. */
/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive. */
function editDistance(a, b) {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const row = d[i];
            const prev = d[i - 1];
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
                v = Math.min(v, d[i - 2][j - 2] + 1);
            row[j] = v;
        }
    }
    return d[s.length][t.length];
}
/**
 * The nearest candidate to `word` as "did you mean `x`?", or undefined when nothing is close
 * (distance at most a third of the word's length, minimum 2, or a case-only difference).
 */
function didYouMean(word, candidates) {
    let best;
    let bestD = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
        const dist = editDistance(word, c);
        if (dist < bestD) {
            best = c;
            bestD = dist;
        }
    }
    if (best === undefined)
        return undefined;
    const max = Math.max(2, Math.floor(word.length / 3));
    if (bestD <= max)
        return `did you mean \`${best}\`?`;
    // A prefix/suffix match like `dest` → `destination`.
    if (word.length >= 3 && best.toLowerCase().startsWith(word.toLowerCase()))
        return `did you mean \`${best}\`?`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/config/dialects/lazyoci.ts
/**
 * lazyoci's `mirror.yaml` (the config of `lazyoci mirror`, github.com/MisterGrinvalds/lazyoci,
 * `pkg/mirror/config.go`) normalised into the internal model.
 *
 * What lazyoci does with the file, and what it becomes here:
 * - `target.url` (+ `charts-prefix`): charts go to `oci://<url>[/<charts-prefix>]/<chart>:<version>`
 *   → `ChartEntry.destination` `oci://<url>[/<charts-prefix>]`, the chart name appended.
 * - Every chart's images are discovered (`helm template` with the chart's default values; lazyoci
 *   has no values settings) and copied to `<url>/<image path without its registry host>`
 *   → `images: { discover: true, destination: <url> }`, no extra prefix.
 * - `target.insecure` (plain HTTP to the target, for charts and images) → a `hosts` entry for the
 *   target host with `plainHTTP: true`.
 * - `upstreams.<key>`: `type: repo` (`repo` URL), `oci` (`registry` = `oci://…`, the chart name
 *   appended) or `local` (`path`, relative to the config file). Each entry of `versions` is handed
 *   to helm's `--version`, an exact version or a constraint of which the highest match is pulled:
 *   one chart entry per listed version, `version` = the text as written, `limit` 1. A local chart
 *   is packaged as it is on disk (its Chart.yaml decides the version), so it is one entry whatever
 *   it lists. An upstream without versions is skipped, as `lazyoci mirror --all` does.
 * - lazyoci decodes with yaml.v3 in non-strict mode: unknown keys are ignored, and so they are
 *   here, except a key that looks like a misspelling of a known one (lazyoci would silently drop
 *   e.g. `chart-prefix` and push elsewhere), which is reported.
 */




/** The keys lazyoci reads at each level (pkg/mirror/config.go's yaml tags). */
const KNOWN = {
    top: ['target', 'upstreams'],
    target: ['url', 'insecure', 'charts-prefix'],
    upstream: ['type', 'repo', 'registry', 'path', 'chart', 'versions'],
};
/** yaml.v3 decodes these words into a typed bool (YAML 1.1 compatibility); anything else fails. */
const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
/** The chart name as an OCI path component (same rule as our own dialect's `charts[].name`). */
const CHART_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** Checks and normalises a schema-valid lazyoci `mirror.yaml`. */
function normalizeLazyoci(data, ctx) {
    const p = ctx.parsed;
    const { errors, err, pos: at } = problemsOf(ctx);
    const pos = (path, key = false) => at(path, { key });
    const typos = (o, at, known) => {
        for (const k of Object.keys(o)) {
            if (known.includes(k))
                continue;
            const hint = didYouMean(k, known);
            if (hint) {
                err([...at, k], `unknown field \`${k}\``, {
                    key: true,
                    hint: `${hint} lazyoci would silently ignore this key`,
                });
            }
        }
    };
    typos(data, [], KNOWN.top);
    const target = isObj(data.target) ? data.target : {};
    typos(target, ['target'], KNOWN.target);
    // target.url: host[:port][/path], no scheme.
    const rawUrl = str(target, 'url') ?? '';
    const url = rawUrl.replace(/\/+$/, '');
    let urlOk = true;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
    if (scheme) {
        urlOk = false;
        err(['target', 'url'], `\`${rawUrl}\` must be a registry host and path, without a scheme`, {
            hint: `use \`${url.slice(scheme[0].length)}\``,
        });
    }
    else if (url.trim() !== url) {
        urlOk = false;
        err(['target', 'url'], `\`${rawUrl}\` has leading or trailing spaces`);
    }
    else {
        const host = url.split('/')[0] ?? '';
        const bad = (0,checks/* checkHost */.RC)(host);
        if (bad) {
            urlOk = false;
            err(['target', 'url'], bad.replace('must be', 'the part before the first `/` must be'));
        }
        else if (!/[.:]/.test(host) && host !== 'localhost') {
            urlOk = false;
            err(['target', 'url'], `\`${host}\` does not look like a registry host`, {
                hint: `lazyoci takes the first path segment as the host; e.g. registry.example.com/${url}`,
            });
        }
    }
    // target.charts-prefix: path segments between url and the chart name.
    const prefix = (str(target, 'charts-prefix') ?? '').replace(/^\/+|\/+$/g, '');
    const chartBase = prefix === '' ? url : `${url}/${prefix}`;
    if (urlOk && prefix !== '' && repositoryProblem(`${chartBase}/chart`) !== undefined) {
        urlOk = false;
        err(['target', 'charts-prefix'], `\`${prefix}\` is not a valid repository path`, {
            hint: 'lowercase letters, digits and . _ - separated by /',
        });
    }
    // target.insecure: plain HTTP to the target registry.
    let insecure = false;
    const rawInsecure = target.insecure;
    if (typeof rawInsecure === 'boolean')
        insecure = rawInsecure;
    else if (typeof rawInsecure === 'string') {
        if (YAML11_TRUE.has(rawInsecure))
            insecure = true;
        else if (!YAML11_FALSE.has(rawInsecure)) {
            err(['target', 'insecure'], `expected true or false, got \`${rawInsecure}\``);
        }
    }
    const hosts = [];
    if (insecure && urlOk) {
        hosts.push({
            host: (url.split('/')[0] ?? url).toLowerCase(),
            plainHTTP: true,
            position: pos(['target', 'insecure']),
        });
    }
    const charts = [];
    const upstreams = isObj(data.upstreams) ? data.upstreams : {};
    let skipped = 0;
    for (const [key, raw] of Object.entries(upstreams)) {
        if (!isObj(raw))
            continue;
        const at = ['upstreams', key];
        typos(raw, at, KNOWN.upstream);
        const name = str(raw, 'chart') ?? '';
        let ok = true;
        if (!CHART_NAME.test(name)) {
            ok = false;
            err([...at, 'chart'], `\`${name}\` is not a valid chart name (lowercase letters, digits, . _ -)`);
        }
        const type = str(raw, 'type');
        let source = '';
        let localPath;
        if (type === 'repo') {
            source = str(raw, 'repo') ?? '';
            if (!/^https?:\/\//.test(source)) {
                ok = false;
                err([...at, 'repo'], `\`${source}\` must be an http:// or https:// Helm repository URL`, {
                    ...(source.startsWith('oci://')
                        ? { hint: 'for charts in an OCI registry use `type: oci` with `registry`' }
                        : {}),
                });
            }
            else if (!validUrl(source)) {
                ok = false;
                err([...at, 'repo'], `\`${source}\` is not a valid URL`);
            }
        }
        else if (type === 'oci') {
            const registry = str(raw, 'registry') ?? '';
            if (!registry.startsWith('oci://')) {
                ok = false;
                err([...at, 'registry'], `\`${registry}\` must start with oci://`, {
                    hint: /^[a-z][a-z0-9+.-]*:\/\//i.test(registry)
                        ? 'e.g. oci://registry-1.docker.io/bitnamicharts'
                        : `oci://${registry}`,
                });
            }
            else {
                // lazyoci pulls <registry>/<chart> (trailing `/` trimmed), whatever the registry path ends with.
                const repo = `${registry.slice('oci://'.length).replace(/\/+$/, '')}/${name}`;
                const bad = repositoryProblem(repo);
                if (bad !== undefined) {
                    ok = false;
                    err([...at, 'registry'], bad);
                }
                else
                    source = `oci://${repo}`;
            }
        }
        else if (type === 'local') {
            source = str(raw, 'path') ?? '';
            const r = (0,checks/* confinePath */.ey)(source, ctx.dir);
            if (typeof r === 'string') {
                ok = false;
                err([...at, 'path'], r);
            }
            else
                localPath = r.path;
        }
        else
            continue; // the schema has reported it
        const destination = `oci://${chartBase}`;
        const repository = `${chartBase}/${name}`;
        if (ok && urlOk) {
            const bad = repositoryProblem(repository);
            if (bad !== undefined)
                err([...at, 'chart'], `destination \`${repository}\`: ${bad}`);
        }
        const versions = versionTexts(raw, at, p);
        if (versions.length === 0) {
            skipped++;
            continue;
        }
        const base = {
            name,
            upstream: key,
            source,
            destination,
            repository,
            overwrite: false,
            images: { discover: true, destination: url },
        };
        if (localPath !== undefined) {
            charts.push({ ...base, version: '*', limit: 1, localPath, position: pos(at, true) });
            continue;
        }
        const seen = new Set();
        for (const v of versions) {
            if (seen.has(v.text))
                continue; // lazyoci would mirror it twice; once is the same result
            seen.add(v.text);
            const bad = (0,checks/* checkSemverRange */.oZ)(v.text);
            if (bad !== undefined) {
                err(v.path, bad, { hint: 'helm --version takes an exact version (e.g. "0.28.0") or a constraint' });
                continue;
            }
            charts.push({ ...base, version: v.text, limit: 1, position: pos(v.path) });
        }
    }
    if (skipped > 0 && charts.length === 0 && errors.length === 0) {
        err(['upstreams'], 'nothing to mirror: no upstream lists any `versions`', {
            key: true,
            hint: 'lazyoci skips an upstream without versions',
        });
    }
    return {
        config: {
            file: p.file,
            dir: ctx.dir,
            dialect: 'lazyoci/mirror',
            defaults: { overwrite: false, includeReferrers: false, ...(urlOk ? { destination: url } : {}) },
            artifacts: [],
            charts,
            hosts,
            secrets: [...ctx.secrets],
        },
        errors,
    };
}
/** Why `repo` (`host[:port]/path`) is not a repository without tag or digest, or undefined. */
function repositoryProblem(repo) {
    try {
        const r = (0,reference/* parseReference */.F2)(repo);
        if (r.tag !== undefined || r.digest !== undefined)
            return `\`${repo}\` is not a repository name`;
        return undefined;
    }
    catch (e) {
        return e instanceof Error ? e.message : String(e);
    }
}
function validUrl(s) {
    try {
        return new URL(s).host !== '';
    }
    catch {
        return false;
    }
}
/**
 * The `versions` of an upstream as lazyoci sees them: yaml.v3 decodes any scalar into a Go string
 * by its text, so an unquoted `1.10` is the version "1.10", not the number 1.1.
 */
function versionTexts(upstream, at, parsed) {
    const list = upstream.versions;
    if (!Array.isArray(list))
        return [];
    return list.map((v, i) => {
        const path = [...at, 'versions', i];
        if (typeof v === 'string')
            return { text: v, path };
        const node = parsed.doc.getIn(path, true);
        const src = typeof node?.source === 'string' ? node.source : undefined;
        // `source` is the scalar's text as written; after `${VAR}` substitution it is the reference,
        // so fall back to the value when the text does not spell the same number.
        const text = src !== undefined && Number(src) === v ? src : String(v);
        return { text, path };
    });
}

;// CONCATENATED MODULE: ./src/config/dialects/ocync.ts
/**
 * ocync's config file (github.com/clowdhaus/ocync, docs/src/content/configuration.md) onto the
 * model. The file has no apiVersion; it is recognised by its `mappings`/`registries`.
 *
 * What each field becomes, or why it is refused (at its own line):
 * - `registries.<name>.url` → a registry host (and path prefix). `auth_type: basic` with
 *   `credentials` → a host with `username` and the password as credential; `static_token`/`token`
 *   with `token` → a host with a bearer credential; `docker_config`, `ghcr`, `anonymous` or none →
 *   the ambient Docker config, as ocync's fallback. `ecr`/`gar`/`gcr`/`acr` (given, or detected
 *   from the host name as ocync does) are refused: ocync reads the cloud SDK's ambient credentials,
 *   which oci-mirror does not (its cloud providers exchange a CI OIDC token, configured in our
 *   dialect). `max_concurrent` is refused (no per-registry request cap here); `head_first` loads
 *   (oci-mirror always HEADs the destination before fetching a source manifest).
 * - `target_groups` and `targets` (a group, a registry, or a list of registries) → fan-out
 *   destinations `<target url>/<to>` (`to` defaults to `from`).
 * - `mappings[]` → artifact entries: source `<source url>/<from>`; `tags`, `platforms` and
 *   `artifacts` replace the defaults' blocks entirely, as in ocync.
 * - `tags`: `glob` → glob, `semver` → range, `semver_prerelease` include/exclude → prerelease
 *   (`only` refused), `exclude` → exclude plus ocync's default excludes (`*-rc*`, `*-alpha*`,
 *   `*-beta*`, `*-pre*`, `*-snapshot*`, `*-nightly*`, any case; `include` overrides them),
 *   `include` → always-include globs (past the filters, sort and `latest`; still subject to
 *   `exclude`; a tag that is not listed is not selected), `sort` semver/alpha → sortBy semver/alphabetical (no sort =
 *   every tag), `latest` → limit (requires `sort`, as in ocync), `min_tags` → the entry fails with
 *   fewer tags, `immutable_tags` loads (a skip oci-mirror reaches with one HEAD; same result).
 * - `artifacts.enabled` (default true) → includeReferrers; non-empty `include`/`exclude` by
 *   artifact type and `require_artifacts: true` are refused (no per-type referrer filter here).
 * - `global.max_concurrent_transfers` → concurrency; `staging_size_limit` loads (oci-mirror never
 *   stages blobs on disk); `cache_dir`/`cache_ttl` are refused (the digest cache is
 *   `--state-file`/`--state-ttl` on the command line).
 * - `${VAR}` is expanded as ocync does: unset → empty, `${VAR:-default}`, `${VAR:?message}`.
 */




/** ocync's default excludes (case-insensitive), as one Go regex in our `exclude` syntax. */
const DEFAULT_EXCLUDE = '/(?i)-(?:rc|alpha|beta|pre|snapshot|nightly)/';
/** Host names ocync authenticates with a cloud SDK's ambient credentials. */
const CLOUD_HOSTS = [
    [/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/, 'ecr'],
    [/^public\.ecr\.aws$/, 'ecr'],
    [/-docker\.pkg\.dev$/, 'gar'],
    [/(?:^|\.)gcr\.io$/, 'gcr'],
    [/\.azurecr\.io$/, 'acr'],
];
/** Checks and normalises a schema-valid ocync config. */
function normalizeOcync(data, ctx) {
    const p = ctx.parsed;
    const { errors, err, pos } = problemsOf(ctx);
    const refuse = (path, why, hint) => err(path, `not supported: ${why}`, { key: true, ...(hint ? { hint } : {}) });
    // ---------------------------------------------------------------- global
    const global = isObj(data.global) ? data.global : {};
    const concurrency = num(global, 'max_concurrent_transfers');
    if (str(global, 'cache_dir') !== undefined)
        refuse(['global', 'cache_dir'], 'oci-mirror keeps no cache directory', 'use `--state-file PATH` to remember destination digests');
    if (str(global, 'cache_ttl') !== undefined)
        refuse(['global', 'cache_ttl'], 'the digest cache lifetime is a command-line setting here', 'use `--state-file PATH --state-ttl 12h`');
    // ---------------------------------------------------------------- registries
    const registries = new Map();
    const hosts = [];
    const hostOwner = new Map();
    for (const [name, raw] of Object.entries(isObj(data.registries) ? data.registries : {})) {
        if (!isObj(raw))
            continue;
        const at = ['registries', name];
        const url = (str(raw, 'url') ?? '').replace(/\/+$/, '');
        const host = url.split('/')[0] ?? '';
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
            err([...at, 'url'], `\`${url}\` must be a registry host, without a scheme`, {
                hint: `use \`${url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}\``,
            });
            continue;
        }
        const bad = (0,checks/* checkHost */.RC)(host);
        if (bad) {
            err([...at, 'url'], bad);
            continue;
        }
        registries.set(name, { base: url, host: host.toLowerCase() });
        const given = str(raw, 'auth_type');
        const detected = CLOUD_HOSTS.find(([re]) => re.test(host.toLowerCase()))?.[1];
        const auth = given ?? detected;
        if (auth === 'ecr' || auth === 'gar' || auth === 'gcr' || auth === 'acr') {
            const where = given !== undefined ? [...at, 'auth_type'] : [...at, 'url'];
            err(where, `not supported: ocync authenticates ${auth} with the cloud SDK's ambient credentials${given === undefined ? ` (detected from the host name)` : ''}, which oci-mirror does not read`, {
                hint: `write this config as apiVersion: oci-mirror/v1 with \`hosts: [{host: ${host}, provider: ${auth === 'gcr' ? 'gar' : auth}, …}]\` (a CI OIDC token exchange)`,
            });
        }
        if (num(raw, 'max_concurrent') !== undefined)
            refuse([...at, 'max_concurrent'], 'oci-mirror has no per-registry request cap', 'limit all copies with `global.max_concurrent_transfers` or `--concurrency`');
        const creds = isObj(raw.credentials) ? raw.credentials : undefined;
        const token = str(raw, 'token');
        const entry = { host: host.toLowerCase(), position: pos(at) };
        if (auth === 'basic') {
            if (!creds)
                err(at, '`auth_type: basic` needs `credentials` with `username` and `password`');
            else {
                entry.username = str(creds, 'username') ?? '';
                const password = str(creds, 'password') ?? '';
                entry.credential = { value: password };
                if (password)
                    ctx.secrets.add(password);
            }
        }
        else if (creds) {
            err([...at, 'credentials'], '`credentials` only apply with `auth_type: basic`', { key: true });
        }
        if (auth === 'static_token' || auth === 'token') {
            if (!token)
                err(at, `\`auth_type: ${auth}\` needs a non-empty \`token\``);
            else {
                entry.credential = { value: token };
                ctx.secrets.add(token);
            }
        }
        else if (token !== undefined) {
            err([...at, 'token'], '`token` only applies with `auth_type: static_token`', { key: true });
        }
        if (entry.credential) {
            const owner = hostOwner.get(entry.host);
            if (owner !== undefined)
                err(at, `registry \`${owner}\` already sets credentials for ${entry.host}`);
            else {
                hostOwner.set(entry.host, name);
                hosts.push(entry);
            }
        }
    }
    // ---------------------------------------------------------------- target groups
    const groups = new Map();
    for (const [name, list] of Object.entries(isObj(data.target_groups) ? data.target_groups : {})) {
        if (!Array.isArray(list))
            continue;
        const members = [];
        list.forEach((m, i) => {
            if (typeof m !== 'string')
                return;
            if (!registries.has(m))
                err(['target_groups', name, i], unknownRegistry(m, registries));
            else
                members.push(m);
        });
        groups.set(name, members);
    }
    /** Registry names of a `targets` value (a group, one registry, or a list of registries). */
    const targetsOf = (value, at) => {
        if (typeof value === 'string') {
            if (groups.has(value))
                return groups.get(value);
            if (registries.has(value))
                return [value];
            err(at, `\`${value}\` is neither a target group nor a registry`, {
                hint: `defined: ${[...groups.keys(), ...registries.keys()].map((k) => `\`${k}\``).join(', ') || 'none'}`,
            });
            return [];
        }
        if (Array.isArray(value)) {
            const out = [];
            value.forEach((v, i) => {
                if (typeof v !== 'string')
                    return;
                if (registries.has(v))
                    out.push(v);
                else if (groups.has(v))
                    out.push(...(groups.get(v) ?? []));
                else
                    err([...at, i], unknownRegistry(v, registries));
            });
            return out;
        }
        return undefined;
    };
    // ---------------------------------------------------------------- defaults
    const defaults = isObj(data.defaults) ? data.defaults : {};
    const defaultSource = str(defaults, 'source');
    if (defaultSource !== undefined && !registries.has(defaultSource))
        err(['defaults', 'source'], unknownRegistry(defaultSource, registries));
    const defaultTargets = targetsOf(defaults.targets, ['defaults', 'targets']);
    // ---------------------------------------------------------------- mappings
    const artifacts = [];
    const mappings = Array.isArray(data.mappings) ? data.mappings : [];
    mappings.forEach((raw, i) => {
        if (!isObj(raw))
            return;
        const at = ['mappings', i];
        const from = (str(raw, 'from') ?? '').replace(/^\/+|\/+$/g, '');
        const to = (str(raw, 'to') ?? from).replace(/^\/+|\/+$/g, '');
        const sourceName = str(raw, 'source') ?? defaultSource;
        const sourceAt = raw.source !== undefined ? [...at, 'source'] : ['defaults', 'source'];
        let source = '';
        if (sourceName === undefined) {
            err(at, 'no source registry: set `source` here or `defaults.source`');
        }
        else if (!registries.has(sourceName)) {
            if (raw.source !== undefined)
                err(sourceAt, unknownRegistry(sourceName, registries));
        }
        else {
            source = `${registries.get(sourceName)?.base}/${from}`;
            if (ocync_repositoryProblem(source, [...at, 'from'], err))
                source = '';
        }
        const targetNames = raw.targets !== undefined && raw.targets !== null
            ? targetsOf(raw.targets, [...at, 'targets'])
            : defaultTargets;
        const destinations = [];
        if (targetNames === undefined || targetNames.length === 0) {
            if (targetNames === undefined)
                err(at, 'no targets: set `targets` here or `defaults.targets`');
        }
        else {
            for (const t of targetNames) {
                const d = `${registries.get(t)?.base}/${to}`;
                if (destinations.includes(d))
                    continue;
                if (!ocync_repositoryProblem(d, raw.to !== undefined ? [...at, 'to'] : [...at, 'from'], err))
                    destinations.push(d);
            }
        }
        if (source && destinations.includes(source))
            err(at, 'a target is the source repository itself');
        const tagsAt = raw.tags !== undefined && raw.tags !== null ? [...at, 'tags'] : ['defaults', 'tags'];
        const tags = raw.tags !== undefined && raw.tags !== null ? raw.tags : defaults.tags;
        const { selector, minTags } = tagRules(isObj(tags) ? tags : {}, tagsAt, err, refuse);
        const artAt = raw.artifacts !== undefined && raw.artifacts !== null
            ? [...at, 'artifacts']
            : ['defaults', 'artifacts'];
        const art = raw.artifacts !== undefined && raw.artifacts !== null ? raw.artifacts : defaults.artifacts;
        const includeReferrers = artifactRules(isObj(art) ? art : {}, artAt, refuse);
        const platAt = raw.platforms !== undefined && raw.platforms !== null
            ? [...at, 'platforms']
            : ['defaults', 'platforms'];
        const platforms = raw.platforms !== undefined && raw.platforms !== null ? raw.platforms : defaults.platforms;
        const entry = {
            name: stripTagDigest(source || from),
            source,
            destinations,
            selector,
            overwrite: false,
            includeReferrers,
            position: pos(at),
        };
        if (minTags !== undefined)
            entry.minTags = minTags;
        if (Array.isArray(platforms)) {
            if (platforms.length === 0)
                err(platAt, 'must not be empty (omit it to keep every platform)');
            const seen = new Set();
            platforms.forEach((pl, j) => {
                if (typeof pl !== 'string')
                    return;
                if (seen.has(pl))
                    err([...platAt, j], `platform \`${pl}\` is listed twice`);
                seen.add(pl);
            });
            if (platforms.length > 0)
                entry.platforms = [...seen];
        }
        artifacts.push(entry);
    });
    // Several mappings of one source (fan-out written as repeated mappings) get distinct names.
    const count = new Map();
    for (const a of artifacts)
        count.set(a.name, (count.get(a.name) ?? 0) + 1);
    for (const a of artifacts)
        if ((count.get(a.name) ?? 0) > 1)
            a.name = `${a.name} → ${a.destinations.join(', ')}`;
    return {
        config: {
            file: p.file,
            dir: ctx.dir,
            dialect: 'ocync',
            defaults: {
                overwrite: false,
                includeReferrers: true,
                ...(concurrency !== undefined ? { concurrency } : {}),
            },
            artifacts,
            charts: [],
            hosts,
            secrets: [...ctx.secrets],
        },
        errors,
    };
}
/** ocync's tag pipeline as a selector (see the module comment). */
function tagRules(t, at, err, refuse) {
    const list = (k) => {
        const v = t[k];
        if (typeof v === 'string')
            return [v];
        return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : undefined;
    };
    const selector = {};
    const glob = list('glob');
    if (glob !== undefined)
        selector.glob = glob;
    const range = str(t, 'semver');
    if (range !== undefined) {
        const bad = (0,checks/* checkSemverRange */.oZ)(range);
        if (bad)
            err([...at, 'semver'], bad);
        selector.semver = range;
    }
    const pre = str(t, 'semver_prerelease');
    if (pre === 'include')
        selector.prerelease = true;
    else if (pre === 'exclude')
        selector.prerelease = false;
    else if (pre === 'only')
        refuse([...at, 'semver_prerelease'], '`only` (prereleases alone) has no equivalent here', 'use `include` with a `glob` that matches the prerelease tags');
    const exclude = list('exclude');
    if (exclude !== undefined)
        selector.exclude = exclude;
    selector.defaultExclude = [DEFAULT_EXCLUDE];
    const include = list('include');
    if (include !== undefined && include.length > 0)
        selector.include = include;
    const sort = str(t, 'sort');
    const latest = num(t, 'latest');
    if (latest !== undefined && sort === undefined)
        err([...at, 'latest'], '`latest` requires `sort` (as in ocync)', {
            hint: 'add `sort: semver` or `sort: alpha`',
        });
    // No sort: every tag passes, so order does not matter and nothing is dropped as unparseable.
    selector.sortBy = sort === 'semver' ? 'semver' : 'alphabetical';
    selector.limit = latest ?? 0;
    if (latest === 0)
        err([...at, 'latest'], 'must be at least 1 (omit it to keep every tag)');
    const immutable = str(t, 'immutable_tags');
    if (immutable === '')
        err([...at, 'immutable_tags'], 'must not be empty');
    for (const problem of (0,src_select/* validateSelector */.Ag)(selector)) {
        const field = problem.split(':')[0] ?? '';
        const key = { glob: 'glob', semver: 'semver', exclude: 'exclude', include: 'include' }[field.replace(/\[\d+\]$/, '')];
        err(key ? [...at, key] : at, problem);
    }
    const minTags = num(t, 'min_tags');
    return minTags !== undefined && minTags > 0 ? { selector, minTags } : { selector };
}
/** `artifacts` → includeReferrers; per-type filters and `require_artifacts` are refused. */
function artifactRules(a, at, refuse) {
    for (const k of ['include', 'exclude']) {
        if (Array.isArray(a[k]) && a[k].length > 0)
            refuse([...at, k], `referrers cannot be filtered by artifact type here (all of them are copied)`, 'remove it to copy every referrer, or set `enabled: false`');
    }
    if (a.require_artifacts === true)
        refuse([...at, 'require_artifacts'], 'oci-mirror does not fail an image for having no referrers', 'verify signatures with our dialect’s `verify` instead');
    return typeof a.enabled === 'boolean' ? a.enabled : true;
}
function unknownRegistry(name, registries) {
    const known = [...registries.keys()].map((k) => `\`${k}\``).join(', ');
    return `\`${name}\` is not a registry defined under \`registries\`${known ? ` (defined: ${known})` : ''}`;
}
/** Reports (at `at`) why `repo` is not a repository without tag or digest; true when it is not. */
function ocync_repositoryProblem(repo, at, err) {
    try {
        const r = (0,reference/* parseReference */.F2)(repo);
        if (r.tag !== undefined || r.digest !== undefined) {
            err(at, `\`${repo}\` must be a repository without a tag or digest`, {
                hint: 'select tags with `tags`',
            });
            return true;
        }
        return false;
    }
    catch (e) {
        err(at, e instanceof Error ? e.message : String(e));
        return true;
    }
}

;// CONCATENATED MODULE: ./src/config/dialects/ours.ts

const RULES = {
    flux: false,
    usernameUnderCredential: false,
    credentialNames: {
        issuer: 'issuer',
        subject: 'subject',
        audience: 'audience',
        audiences: 'audiences',
        expiration: 'expiration',
    },
    tls: oursTls,
    hostExtras: oursHostExtras,
};
/** Checks and normalises a schema-valid `oci-mirror/v1` document. */
function normalizeOurs(data, ctx) {
    return normalizeEntries(data, ctx, RULES);
}
function oursHostExtras(raw, at, entry, h) {
    const provider = str(raw, 'provider');
    const cloud = provider !== undefined && provider !== 'generic';
    const tls = obj(raw, 'tls');
    for (const k of [
        'roleArn',
        'region',
        'workloadIdentityProvider',
        'serviceAccount',
        'tenantId',
        'clientId',
        'audience',
        'providerName',
        'connectionId',
    ]) {
        const v = str(raw, k);
        if (v !== undefined)
            entry[k] = v;
    }
    const needs = {
        roleArn: 'ecr',
        region: 'ecr',
        workloadIdentityProvider: 'gar',
        serviceAccount: 'gar',
        tenantId: 'acr',
        clientId: 'acr',
        providerName: 'jfrog',
        connectionId: 'dockerhub',
    };
    for (const [k, p] of Object.entries(needs)) {
        if (raw[k] !== undefined && provider !== p) {
            h.err([...at, k], `\`${k}\` only applies with \`provider: ${p}\``, { key: true });
        }
    }
    if (raw.audience !== undefined && !cloud)
        h.err([...at, 'audience'], '`audience` only applies with a cloud `provider`', { key: true });
    const create = bool(raw, 'createRepositories');
    if (create !== undefined) {
        entry.createRepositories = create;
        if (provider !== 'ecr')
            h.err([...at, 'createRepositories'], '`createRepositories` only applies with `provider: ecr`', {
                key: true,
            });
    }
    const rate = obj(raw, 'rateLimit');
    const rps = rate ? num(rate, 'requestsPerSecond') : undefined;
    if (rate && rps !== undefined) {
        const burst = num(rate, 'burst');
        entry.rateLimit = burst !== undefined ? { requestsPerSecond: rps, burst } : { requestsPerSecond: rps };
    }
    const maxConcurrency = num(raw, 'maxConcurrency');
    if (maxConcurrency !== undefined)
        entry.maxConcurrency = maxConcurrency;
    const listing = obj(raw, 'listing');
    const api = listing ? str(listing, 'api') : undefined;
    if (listing &&
        (api === 'dockerhub' ||
            api === 'quay' ||
            api === 'ghcr' ||
            api === 'harbor' ||
            api === 'gar' ||
            api === 'none')) {
        const url = str(listing, 'url');
        const location = str(listing, 'location');
        entry.listing = {
            api,
            ...(url !== undefined ? { url } : {}),
            ...(location !== undefined ? { location } : {}),
        };
    }
    const insecure = bool(raw, 'insecure');
    if (insecure !== undefined)
        entry.insecure = insecure;
    const plain = bool(raw, 'plainHTTP');
    if (plain !== undefined)
        entry.plainHTTP = plain;
    if (plain && tls)
        h.err([...at, 'tls'], '`tls` settings have no effect with `plainHTTP: true`', { key: true });
}
function oursTls(t, at, h) {
    const out = {};
    const server = obj(t, 'serverAuth');
    const client = obj(t, 'clientAuth');
    if (!server && !client)
        h.err(at, 'set `serverAuth`, `clientAuth` or both');
    if (server) {
        const sa = {};
        const ca = h.path(server, 'caFromPath', [...at, 'serverAuth', 'caFromPath']);
        if (ca !== undefined)
            sa.caFromPath = ca;
        const caValue = str(server, 'caValue');
        if (caValue !== undefined)
            sa.caValue = caValue;
        if ((server.caFromPath !== undefined) === (caValue !== undefined)) {
            h.err([...at, 'serverAuth'], 'set exactly one of `caFromPath` and `caValue`');
        }
        out.serverAuth = sa;
    }
    if (client) {
        const ca = {};
        const cert = h.path(client, 'certFromPath', [...at, 'clientAuth', 'certFromPath']);
        if (cert !== undefined)
            ca.certFromPath = cert;
        const key = h.path(client, 'keyFromPath', [...at, 'clientAuth', 'keyFromPath']);
        if (key !== undefined)
            ca.keyFromPath = key;
        const certValue = str(client, 'certValue');
        if (certValue !== undefined)
            ca.certValue = certValue;
        const keyValue = str(client, 'keyValue');
        if (keyValue !== undefined) {
            ca.keyValue = keyValue;
            h.secret(keyValue);
        }
        const certs = ['certFromPath', 'certValue'].filter((k) => client[k] !== undefined).length;
        const keys = ['keyFromPath', 'keyValue'].filter((k) => client[k] !== undefined).length;
        if (certs !== 1)
            h.err([...at, 'clientAuth'], 'set exactly one of `certFromPath` and `certValue`');
        if (keys !== 1)
            h.err([...at, 'clientAuth'], 'set exactly one of `keyFromPath` and `keyValue`');
        out.clientAuth = ca;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/config/dialects/index.ts





/** Checks and normalises a schema-valid document of `ctx.dialect` into the model. */
function normalize(data, ctx) {
    switch (ctx.dialect) {
        case 'lazyoci/mirror':
            return normalizeLazyoci(data, ctx);
        case 'ocync':
            return normalizeOcync(data, ctx);
        case 'oci-mirror/v1':
            return normalizeOurs(data, ctx);
        default:
            return normalizeFlux(data, ctx);
    }
}

;// CONCATENATED MODULE: ./src/config/generated/flux-v1beta1.js
// Generated by scripts/gen-validators.mjs from schema/flux-v1beta1.schema.json; do not edit.

const validate = (/* unused pure expression or super */ null && (validate20));/* harmony default export */ const flux_v1beta1 = (validate20);const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oci-mirror.dev/schema/flux-v1beta1.schema.json","title":"flux mirror Config (mirror.plugin.fluxcd.io/v1beta1)","description":"A flux mirror Config file, as accepted by oci-mirror. Equivalent to flux mirror's published docs/config-v1beta1.json.","type":"object","additionalProperties":false,"required":["apiVersion","kind"],"properties":{"apiVersion":{"type":"string","const":"mirror.plugin.fluxcd.io/v1beta1"},"kind":{"type":"string","const":"Config"},"artifacts":{"description":"OCI artifacts to mirror between OCI registries.","type":"array","items":{"$ref":"#/$defs/artifact"}},"charts":{"description":"Helm charts to mirror from an HTTP/S repository into an OCI registry.","type":"array","items":{"$ref":"#/$defs/chart"}},"hosts":{"description":"Per-host authentication and transport settings for OCI registries.","type":"array","items":{"$ref":"#/$defs/host"}}},"$defs":{"artifact":{"type":"object","additionalProperties":false,"required":["source","destination","selector"],"properties":{"source":{"type":"string","description":"Source OCI repository, without scheme or tag."},"destination":{"type":"string","description":"Destination OCI repository, without scheme or tag."},"selector":{"$ref":"#/$defs/selector"},"overwrite":{"type":"boolean","description":"Replace destination tags whose digest differs."},"includeReferrers":{"type":"boolean","description":"Also mirror referrers (signatures, SBOMs)."},"verify":{"$ref":"#/$defs/verify"}}},"selector":{"type":"object","additionalProperties":false,"description":"Tag selection: regex prefilter, semver range, sort, limit.","properties":{"regex":{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","description":"Go regular expression tags must match."},"extract":{"type":"string","description":"Replacement template of named groups, e.g. $version."}}},"semver":{"type":"string","description":"Semver range applied after the regex."},"sortBy":{"type":"string","enum":["semver","alphabetical","numerical"]},"limit":{"type":"integer","minimum":0,"description":"How many tags; 0 = all. Default 1."}}},"verify":{"type":"object","additionalProperties":false,"required":["provider"],"properties":{"provider":{"type":"string","enum":["cosign"]},"matchOIDCIdentity":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["issuer","subject"],"properties":{"issuer":{"type":"string"},"subject":{"type":"string"}}}},"minAge":{"type":"string","description":"Go duration, e.g. 48h."}}},"chart":{"type":"object","additionalProperties":false,"required":["name","source","destination"],"properties":{"name":{"type":"string"},"source":{"type":"string","description":"HTTP/S Helm repository URL."},"destination":{"type":"string","description":"oci:// base URL; the chart name is appended."},"version":{"type":"string","description":"Semver range, default *."},"limit":{"type":"integer","minimum":0},"overwrite":{"type":"boolean"}}},"host":{"type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"type":"string","description":"Registry host and optional port."},"credential":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["github","forgejo","gcp","azure","aws","jwt-svid"]},"value":{"type":"string"},"fromPath":{"type":"string"},"jwkPath":{"type":"string"},"jwkValue":{"type":"string"},"iss":{"type":"string"},"sub":{"type":"string"},"aud":{"type":"string"},"exp":{"type":"string"},"envelope":{"type":"string"}}},"provider":{"type":"string","enum":["ecr","acr","gar"]},"tls":{"type":"object","additionalProperties":false,"properties":{"serverAuth":{"type":"object","additionalProperties":false,"properties":{"fromPath":{"type":"string"},"value":{"type":"string"},"spiffe":{"$ref":"#/$defs/spiffe"}}},"clientAuth":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["x509-svid"]},"certificate":{"$ref":"#/$defs/pem"},"key":{"$ref":"#/$defs/pem"}}}}},"maxChunkSize":{"type":"integer","minimum":0,"description":"KiB per upload PATCH; 0 = monolithic."},"username":{"type":"string","description":"Present the credential as the password of this username."}}},"spiffe":{"type":"object","additionalProperties":false,"properties":{"serverID":{"type":"string"},"trustDomain":{"type":"string"},"authorizeAny":{"type":"boolean"}}},"pem":{"type":"object","additionalProperties":false,"properties":{"fromPath":{"type":"string"},"value":{"type":"string"}}}}};const schema35 = {"type":"object","additionalProperties":false,"required":["name","source","destination"],"properties":{"name":{"type":"string"},"source":{"type":"string","description":"HTTP/S Helm repository URL."},"destination":{"type":"string","description":"oci:// base URL; the chart name is appended."},"version":{"type":"string","description":"Semver range, default *."},"limit":{"type":"integer","minimum":0},"overwrite":{"type":"boolean"}}};const schema32 = {"type":"object","additionalProperties":false,"required":["source","destination","selector"],"properties":{"source":{"type":"string","description":"Source OCI repository, without scheme or tag."},"destination":{"type":"string","description":"Destination OCI repository, without scheme or tag."},"selector":{"$ref":"#/$defs/selector"},"overwrite":{"type":"boolean","description":"Replace destination tags whose digest differs."},"includeReferrers":{"type":"boolean","description":"Also mirror referrers (signatures, SBOMs)."},"verify":{"$ref":"#/$defs/verify"}}};const schema33 = {"type":"object","additionalProperties":false,"description":"Tag selection: regex prefilter, semver range, sort, limit.","properties":{"regex":{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","description":"Go regular expression tags must match."},"extract":{"type":"string","description":"Replacement template of named groups, e.g. $version."}}},"semver":{"type":"string","description":"Semver range applied after the regex."},"sortBy":{"type":"string","enum":["semver","alphabetical","numerical"]},"limit":{"type":"integer","minimum":0,"description":"How many tags; 0 = all. Default 1."}}};const schema34 = {"type":"object","additionalProperties":false,"required":["provider"],"properties":{"provider":{"type":"string","enum":["cosign"]},"matchOIDCIdentity":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["issuer","subject"],"properties":{"issuer":{"type":"string"},"subject":{"type":"string"}}}},"minAge":{"type":"string","description":"Go duration, e.g. 48h."}}};function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.source === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema32.required,parentSchema:schema32,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.destination === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "destination"},message:"must have required property '"+"destination"+"'",schema:schema32.required,parentSchema:schema32,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.selector === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "selector"},message:"must have required property '"+"selector"+"'",schema:schema32.required,parentSchema:schema32,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!((((((key0 === "source") || (key0 === "destination")) || (key0 === "selector")) || (key0 === "overwrite")) || (key0 === "includeReferrers")) || (key0 === "verify"))){const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.source !== undefined){let data0 = data.source;if(typeof data0 !== "string"){const err4 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.source.type,parentSchema:schema32.properties.source,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.destination !== undefined){let data1 = data.destination;if(typeof data1 !== "string"){const err5 = {instancePath:instancePath+"/destination",schemaPath:"#/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.destination.type,parentSchema:schema32.properties.destination,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.selector !== undefined){let data2 = data.selector;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){if(!((((key1 === "regex") || (key1 === "semver")) || (key1 === "sortBy")) || (key1 === "limit"))){const err6 = {instancePath:instancePath+"/selector",schemaPath:"#/$defs/selector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data2.regex !== undefined){let data3 = data2.regex;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.pattern === undefined){const err7 = {instancePath:instancePath+"/selector/regex",schemaPath:"#/$defs/selector/properties/regex/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema33.properties.regex.required,parentSchema:schema33.properties.regex,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}for(const key2 in data3){if(!((key2 === "pattern") || (key2 === "extract"))){const err8 = {instancePath:instancePath+"/selector/regex",schemaPath:"#/$defs/selector/properties/regex/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.regex,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data3.pattern !== undefined){let data4 = data3.pattern;if(typeof data4 !== "string"){const err9 = {instancePath:instancePath+"/selector/regex/pattern",schemaPath:"#/$defs/selector/properties/regex/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.regex.properties.pattern.type,parentSchema:schema33.properties.regex.properties.pattern,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data3.extract !== undefined){let data5 = data3.extract;if(typeof data5 !== "string"){const err10 = {instancePath:instancePath+"/selector/regex/extract",schemaPath:"#/$defs/selector/properties/regex/properties/extract/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.regex.properties.extract.type,parentSchema:schema33.properties.regex.properties.extract,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/selector/regex",schemaPath:"#/$defs/selector/properties/regex/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.regex.type,parentSchema:schema33.properties.regex,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data2.semver !== undefined){let data6 = data2.semver;if(typeof data6 !== "string"){const err12 = {instancePath:instancePath+"/selector/semver",schemaPath:"#/$defs/selector/properties/semver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.semver.type,parentSchema:schema33.properties.semver,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data2.sortBy !== undefined){let data7 = data2.sortBy;if(typeof data7 !== "string"){const err13 = {instancePath:instancePath+"/selector/sortBy",schemaPath:"#/$defs/selector/properties/sortBy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.sortBy.type,parentSchema:schema33.properties.sortBy,data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(!(((data7 === "semver") || (data7 === "alphabetical")) || (data7 === "numerical"))){const err14 = {instancePath:instancePath+"/selector/sortBy",schemaPath:"#/$defs/selector/properties/sortBy/enum",keyword:"enum",params:{allowedValues: schema33.properties.sortBy.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.sortBy.enum,parentSchema:schema33.properties.sortBy,data:data7};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data2.limit !== undefined){let data8 = data2.limit;if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){const err15 = {instancePath:instancePath+"/selector/limit",schemaPath:"#/$defs/selector/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.limit.type,parentSchema:schema33.properties.limit,data:data8};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(typeof data8 == "number"){if(data8 < 0 || isNaN(data8)){const err16 = {instancePath:instancePath+"/selector/limit",schemaPath:"#/$defs/selector/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.limit,data:data8};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}}else {const err17 = {instancePath:instancePath+"/selector",schemaPath:"#/$defs/selector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data:data2};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.overwrite !== undefined){let data9 = data.overwrite;if(typeof data9 !== "boolean"){const err18 = {instancePath:instancePath+"/overwrite",schemaPath:"#/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.overwrite.type,parentSchema:schema32.properties.overwrite,data:data9};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.includeReferrers !== undefined){let data10 = data.includeReferrers;if(typeof data10 !== "boolean"){const err19 = {instancePath:instancePath+"/includeReferrers",schemaPath:"#/properties/includeReferrers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.includeReferrers.type,parentSchema:schema32.properties.includeReferrers,data:data10};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.verify !== undefined){let data11 = data.verify;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){if(data11.provider === undefined){const err20 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema34.required,parentSchema:schema34,data:data11};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}for(const key3 in data11){if(!(((key3 === "provider") || (key3 === "matchOIDCIdentity")) || (key3 === "minAge"))){const err21 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data:data11};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data11.provider !== undefined){let data12 = data11.provider;if(typeof data12 !== "string"){const err22 = {instancePath:instancePath+"/verify/provider",schemaPath:"#/$defs/verify/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.provider.type,parentSchema:schema34.properties.provider,data:data12};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if(!(data12 === "cosign")){const err23 = {instancePath:instancePath+"/verify/provider",schemaPath:"#/$defs/verify/properties/provider/enum",keyword:"enum",params:{allowedValues: schema34.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.provider.enum,parentSchema:schema34.properties.provider,data:data12};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data11.matchOIDCIdentity !== undefined){let data13 = data11.matchOIDCIdentity;if(Array.isArray(data13)){const len0 = data13.length;for(let i0=0; i0<len0; i0++){let data14 = data13[i0];if(data14 && typeof data14 == "object" && !Array.isArray(data14)){if(data14.issuer === undefined){const err24 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/required",keyword:"required",params:{missingProperty: "issuer"},message:"must have required property '"+"issuer"+"'",schema:schema34.properties.matchOIDCIdentity.items.required,parentSchema:schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if(data14.subject === undefined){const err25 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/required",keyword:"required",params:{missingProperty: "subject"},message:"must have required property '"+"subject"+"'",schema:schema34.properties.matchOIDCIdentity.items.required,parentSchema:schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}for(const key4 in data14){if(!((key4 === "issuer") || (key4 === "subject"))){const err26 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data14.issuer !== undefined){let data15 = data14.issuer;if(typeof data15 !== "string"){const err27 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0+"/issuer",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.matchOIDCIdentity.items.properties.issuer.type,parentSchema:schema34.properties.matchOIDCIdentity.items.properties.issuer,data:data15};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data14.subject !== undefined){let data16 = data14.subject;if(typeof data16 !== "string"){const err28 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0+"/subject",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.matchOIDCIdentity.items.properties.subject.type,parentSchema:schema34.properties.matchOIDCIdentity.items.properties.subject,data:data16};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}}else {const err29 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.matchOIDCIdentity.items.type,parentSchema:schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath:instancePath+"/verify/matchOIDCIdentity",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.matchOIDCIdentity.type,parentSchema:schema34.properties.matchOIDCIdentity,data:data13};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data11.minAge !== undefined){let data17 = data11.minAge;if(typeof data17 !== "string"){const err31 = {instancePath:instancePath+"/verify/minAge",schemaPath:"#/$defs/verify/properties/minAge/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.minAge.type,parentSchema:schema34.properties.minAge,data:data17};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}else {const err32 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data:data11};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}validate21.errors = vErrors;return errors === 0;}validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema36 = {"type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"type":"string","description":"Registry host and optional port."},"credential":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["github","forgejo","gcp","azure","aws","jwt-svid"]},"value":{"type":"string"},"fromPath":{"type":"string"},"jwkPath":{"type":"string"},"jwkValue":{"type":"string"},"iss":{"type":"string"},"sub":{"type":"string"},"aud":{"type":"string"},"exp":{"type":"string"},"envelope":{"type":"string"}}},"provider":{"type":"string","enum":["ecr","acr","gar"]},"tls":{"type":"object","additionalProperties":false,"properties":{"serverAuth":{"type":"object","additionalProperties":false,"properties":{"fromPath":{"type":"string"},"value":{"type":"string"},"spiffe":{"$ref":"#/$defs/spiffe"}}},"clientAuth":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["x509-svid"]},"certificate":{"$ref":"#/$defs/pem"},"key":{"$ref":"#/$defs/pem"}}}}},"maxChunkSize":{"type":"integer","minimum":0,"description":"KiB per upload PATCH; 0 = monolithic."},"username":{"type":"string","description":"Present the credential as the password of this username."}}};const schema37 = {"type":"object","additionalProperties":false,"properties":{"serverID":{"type":"string"},"trustDomain":{"type":"string"},"authorizeAny":{"type":"boolean"}}};const schema38 = {"type":"object","additionalProperties":false,"properties":{"fromPath":{"type":"string"},"value":{"type":"string"}}};const func1 = Object.prototype.hasOwnProperty;function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate23.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.host === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema36.required,parentSchema:schema36,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((((((key0 === "host") || (key0 === "credential")) || (key0 === "provider")) || (key0 === "tls")) || (key0 === "maxChunkSize")) || (key0 === "username"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.host !== undefined){let data0 = data.host;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.host.type,parentSchema:schema36.properties.host,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.credential !== undefined){let data1 = data.credential;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){for(const key1 in data1){if(!(func1.call(schema36.properties.credential.properties, key1))){const err3 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.credential,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data1.provider !== undefined){let data2 = data1.provider;if(typeof data2 !== "string"){const err4 = {instancePath:instancePath+"/credential/provider",schemaPath:"#/properties/credential/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.provider.type,parentSchema:schema36.properties.credential.properties.provider,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(!((((((data2 === "github") || (data2 === "forgejo")) || (data2 === "gcp")) || (data2 === "azure")) || (data2 === "aws")) || (data2 === "jwt-svid"))){const err5 = {instancePath:instancePath+"/credential/provider",schemaPath:"#/properties/credential/properties/provider/enum",keyword:"enum",params:{allowedValues: schema36.properties.credential.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.credential.properties.provider.enum,parentSchema:schema36.properties.credential.properties.provider,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data1.value !== undefined){let data3 = data1.value;if(typeof data3 !== "string"){const err6 = {instancePath:instancePath+"/credential/value",schemaPath:"#/properties/credential/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.value.type,parentSchema:schema36.properties.credential.properties.value,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data1.fromPath !== undefined){let data4 = data1.fromPath;if(typeof data4 !== "string"){const err7 = {instancePath:instancePath+"/credential/fromPath",schemaPath:"#/properties/credential/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.fromPath.type,parentSchema:schema36.properties.credential.properties.fromPath,data:data4};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data1.jwkPath !== undefined){let data5 = data1.jwkPath;if(typeof data5 !== "string"){const err8 = {instancePath:instancePath+"/credential/jwkPath",schemaPath:"#/properties/credential/properties/jwkPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.jwkPath.type,parentSchema:schema36.properties.credential.properties.jwkPath,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data1.jwkValue !== undefined){let data6 = data1.jwkValue;if(typeof data6 !== "string"){const err9 = {instancePath:instancePath+"/credential/jwkValue",schemaPath:"#/properties/credential/properties/jwkValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.jwkValue.type,parentSchema:schema36.properties.credential.properties.jwkValue,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data1.iss !== undefined){let data7 = data1.iss;if(typeof data7 !== "string"){const err10 = {instancePath:instancePath+"/credential/iss",schemaPath:"#/properties/credential/properties/iss/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.iss.type,parentSchema:schema36.properties.credential.properties.iss,data:data7};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data1.sub !== undefined){let data8 = data1.sub;if(typeof data8 !== "string"){const err11 = {instancePath:instancePath+"/credential/sub",schemaPath:"#/properties/credential/properties/sub/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.sub.type,parentSchema:schema36.properties.credential.properties.sub,data:data8};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data1.aud !== undefined){let data9 = data1.aud;if(typeof data9 !== "string"){const err12 = {instancePath:instancePath+"/credential/aud",schemaPath:"#/properties/credential/properties/aud/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.aud.type,parentSchema:schema36.properties.credential.properties.aud,data:data9};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data1.exp !== undefined){let data10 = data1.exp;if(typeof data10 !== "string"){const err13 = {instancePath:instancePath+"/credential/exp",schemaPath:"#/properties/credential/properties/exp/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.exp.type,parentSchema:schema36.properties.credential.properties.exp,data:data10};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data1.envelope !== undefined){let data11 = data1.envelope;if(typeof data11 !== "string"){const err14 = {instancePath:instancePath+"/credential/envelope",schemaPath:"#/properties/credential/properties/envelope/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.credential.properties.envelope.type,parentSchema:schema36.properties.credential.properties.envelope,data:data11};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.credential.type,parentSchema:schema36.properties.credential,data:data1};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.provider !== undefined){let data12 = data.provider;if(typeof data12 !== "string"){const err16 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.provider.type,parentSchema:schema36.properties.provider,data:data12};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(!(((data12 === "ecr") || (data12 === "acr")) || (data12 === "gar"))){const err17 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/enum",keyword:"enum",params:{allowedValues: schema36.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.provider.enum,parentSchema:schema36.properties.provider,data:data12};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.tls !== undefined){let data13 = data.tls;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){for(const key2 in data13){if(!((key2 === "serverAuth") || (key2 === "clientAuth"))){const err18 = {instancePath:instancePath+"/tls",schemaPath:"#/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.tls,data:data13};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data13.serverAuth !== undefined){let data14 = data13.serverAuth;if(data14 && typeof data14 == "object" && !Array.isArray(data14)){for(const key3 in data14){if(!(((key3 === "fromPath") || (key3 === "value")) || (key3 === "spiffe"))){const err19 = {instancePath:instancePath+"/tls/serverAuth",schemaPath:"#/properties/tls/properties/serverAuth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.tls.properties.serverAuth,data:data14};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data14.fromPath !== undefined){let data15 = data14.fromPath;if(typeof data15 !== "string"){const err20 = {instancePath:instancePath+"/tls/serverAuth/fromPath",schemaPath:"#/properties/tls/properties/serverAuth/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.tls.properties.serverAuth.properties.fromPath.type,parentSchema:schema36.properties.tls.properties.serverAuth.properties.fromPath,data:data15};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data14.value !== undefined){let data16 = data14.value;if(typeof data16 !== "string"){const err21 = {instancePath:instancePath+"/tls/serverAuth/value",schemaPath:"#/properties/tls/properties/serverAuth/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.tls.properties.serverAuth.properties.value.type,parentSchema:schema36.properties.tls.properties.serverAuth.properties.value,data:data16};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data14.spiffe !== undefined){let data17 = data14.spiffe;if(data17 && typeof data17 == "object" && !Array.isArray(data17)){for(const key4 in data17){if(!(((key4 === "serverID") || (key4 === "trustDomain")) || (key4 === "authorizeAny"))){const err22 = {instancePath:instancePath+"/tls/serverAuth/spiffe",schemaPath:"#/$defs/spiffe/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data:data17};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data17.serverID !== undefined){let data18 = data17.serverID;if(typeof data18 !== "string"){const err23 = {instancePath:instancePath+"/tls/serverAuth/spiffe/serverID",schemaPath:"#/$defs/spiffe/properties/serverID/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.serverID.type,parentSchema:schema37.properties.serverID,data:data18};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data17.trustDomain !== undefined){let data19 = data17.trustDomain;if(typeof data19 !== "string"){const err24 = {instancePath:instancePath+"/tls/serverAuth/spiffe/trustDomain",schemaPath:"#/$defs/spiffe/properties/trustDomain/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.trustDomain.type,parentSchema:schema37.properties.trustDomain,data:data19};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data17.authorizeAny !== undefined){let data20 = data17.authorizeAny;if(typeof data20 !== "boolean"){const err25 = {instancePath:instancePath+"/tls/serverAuth/spiffe/authorizeAny",schemaPath:"#/$defs/spiffe/properties/authorizeAny/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.authorizeAny.type,parentSchema:schema37.properties.authorizeAny,data:data20};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}else {const err26 = {instancePath:instancePath+"/tls/serverAuth/spiffe",schemaPath:"#/$defs/spiffe/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data:data17};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}else {const err27 = {instancePath:instancePath+"/tls/serverAuth",schemaPath:"#/properties/tls/properties/serverAuth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.tls.properties.serverAuth.type,parentSchema:schema36.properties.tls.properties.serverAuth,data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data13.clientAuth !== undefined){let data21 = data13.clientAuth;if(data21 && typeof data21 == "object" && !Array.isArray(data21)){for(const key5 in data21){if(!(((key5 === "provider") || (key5 === "certificate")) || (key5 === "key"))){const err28 = {instancePath:instancePath+"/tls/clientAuth",schemaPath:"#/properties/tls/properties/clientAuth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema36.properties.tls.properties.clientAuth,data:data21};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data21.provider !== undefined){let data22 = data21.provider;if(typeof data22 !== "string"){const err29 = {instancePath:instancePath+"/tls/clientAuth/provider",schemaPath:"#/properties/tls/properties/clientAuth/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.tls.properties.clientAuth.properties.provider.type,parentSchema:schema36.properties.tls.properties.clientAuth.properties.provider,data:data22};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if(!(data22 === "x509-svid")){const err30 = {instancePath:instancePath+"/tls/clientAuth/provider",schemaPath:"#/properties/tls/properties/clientAuth/properties/provider/enum",keyword:"enum",params:{allowedValues: schema36.properties.tls.properties.clientAuth.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.tls.properties.clientAuth.properties.provider.enum,parentSchema:schema36.properties.tls.properties.clientAuth.properties.provider,data:data22};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data21.certificate !== undefined){let data23 = data21.certificate;if(data23 && typeof data23 == "object" && !Array.isArray(data23)){for(const key6 in data23){if(!((key6 === "fromPath") || (key6 === "value"))){const err31 = {instancePath:instancePath+"/tls/clientAuth/certificate",schemaPath:"#/$defs/pem/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data:data23};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data23.fromPath !== undefined){let data24 = data23.fromPath;if(typeof data24 !== "string"){const err32 = {instancePath:instancePath+"/tls/clientAuth/certificate/fromPath",schemaPath:"#/$defs/pem/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.fromPath.type,parentSchema:schema38.properties.fromPath,data:data24};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data23.value !== undefined){let data25 = data23.value;if(typeof data25 !== "string"){const err33 = {instancePath:instancePath+"/tls/clientAuth/certificate/value",schemaPath:"#/$defs/pem/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.value.type,parentSchema:schema38.properties.value,data:data25};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath:instancePath+"/tls/clientAuth/certificate",schemaPath:"#/$defs/pem/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data:data23};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data21.key !== undefined){let data26 = data21.key;if(data26 && typeof data26 == "object" && !Array.isArray(data26)){for(const key7 in data26){if(!((key7 === "fromPath") || (key7 === "value"))){const err35 = {instancePath:instancePath+"/tls/clientAuth/key",schemaPath:"#/$defs/pem/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data:data26};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data26.fromPath !== undefined){let data27 = data26.fromPath;if(typeof data27 !== "string"){const err36 = {instancePath:instancePath+"/tls/clientAuth/key/fromPath",schemaPath:"#/$defs/pem/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.fromPath.type,parentSchema:schema38.properties.fromPath,data:data27};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data26.value !== undefined){let data28 = data26.value;if(typeof data28 !== "string"){const err37 = {instancePath:instancePath+"/tls/clientAuth/key/value",schemaPath:"#/$defs/pem/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.value.type,parentSchema:schema38.properties.value,data:data28};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}}else {const err38 = {instancePath:instancePath+"/tls/clientAuth/key",schemaPath:"#/$defs/pem/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data:data26};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}}else {const err39 = {instancePath:instancePath+"/tls/clientAuth",schemaPath:"#/properties/tls/properties/clientAuth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.tls.properties.clientAuth.type,parentSchema:schema36.properties.tls.properties.clientAuth,data:data21};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}}else {const err40 = {instancePath:instancePath+"/tls",schemaPath:"#/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.properties.tls.type,parentSchema:schema36.properties.tls,data:data13};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data.maxChunkSize !== undefined){let data29 = data.maxChunkSize;if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){const err41 = {instancePath:instancePath+"/maxChunkSize",schemaPath:"#/properties/maxChunkSize/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema36.properties.maxChunkSize.type,parentSchema:schema36.properties.maxChunkSize,data:data29};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}if(typeof data29 == "number"){if(data29 < 0 || isNaN(data29)){const err42 = {instancePath:instancePath+"/maxChunkSize",schemaPath:"#/properties/maxChunkSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema36.properties.maxChunkSize,data:data29};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}}if(data.username !== undefined){let data30 = data.username;if(typeof data30 !== "string"){const err43 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.username.type,parentSchema:schema36.properties.username,data:data30};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}}else {const err44 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}validate23.errors = vErrors;return errors === 0;}validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="https://oci-mirror.dev/schema/flux-v1beta1.schema.json" */;let vErrors = null;let errors = 0;const evaluated0 = validate20.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.apiVersion === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.kind === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema31.required,parentSchema:schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "artifacts")) || (key0 === "charts")) || (key0 === "hosts"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.apiVersion !== undefined){let data0 = data.apiVersion;if(typeof data0 !== "string"){const err3 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.apiVersion.type,parentSchema:schema31.properties.apiVersion,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if("mirror.plugin.fluxcd.io/v1beta1" !== data0){const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "mirror.plugin.fluxcd.io/v1beta1"},message:"must be equal to constant",schema:"mirror.plugin.fluxcd.io/v1beta1",parentSchema:schema31.properties.apiVersion,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.kind !== undefined){let data1 = data.kind;if(typeof data1 !== "string"){const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.kind.type,parentSchema:schema31.properties.kind,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if("Config" !== data1){const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Config"},message:"must be equal to constant",schema:"Config",parentSchema:schema31.properties.kind,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.artifacts !== undefined){let data2 = data.artifacts;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){if(!(validate21(data2[i0], {instancePath:instancePath+"/artifacts/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);errors = vErrors.length;}}}else {const err7 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.artifacts.type,parentSchema:schema31.properties.artifacts,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.charts !== undefined){let data4 = data.charts;if(Array.isArray(data4)){const len1 = data4.length;for(let i1=0; i1<len1; i1++){let data5 = data4[i1];if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.name === undefined){const err8 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema35.required,parentSchema:schema35,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data5.source === undefined){const err9 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema35.required,parentSchema:schema35,data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data5.destination === undefined){const err10 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "destination"},message:"must have required property '"+"destination"+"'",schema:schema35.required,parentSchema:schema35,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}for(const key1 in data5){if(!((((((key1 === "name") || (key1 === "source")) || (key1 === "destination")) || (key1 === "version")) || (key1 === "limit")) || (key1 === "overwrite"))){const err11 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data5.name !== undefined){let data6 = data5.name;if(typeof data6 !== "string"){const err12 = {instancePath:instancePath+"/charts/" + i1+"/name",schemaPath:"#/$defs/chart/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.name.type,parentSchema:schema35.properties.name,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data5.source !== undefined){let data7 = data5.source;if(typeof data7 !== "string"){const err13 = {instancePath:instancePath+"/charts/" + i1+"/source",schemaPath:"#/$defs/chart/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.source.type,parentSchema:schema35.properties.source,data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data5.destination !== undefined){let data8 = data5.destination;if(typeof data8 !== "string"){const err14 = {instancePath:instancePath+"/charts/" + i1+"/destination",schemaPath:"#/$defs/chart/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.destination.type,parentSchema:schema35.properties.destination,data:data8};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data5.version !== undefined){let data9 = data5.version;if(typeof data9 !== "string"){const err15 = {instancePath:instancePath+"/charts/" + i1+"/version",schemaPath:"#/$defs/chart/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.version.type,parentSchema:schema35.properties.version,data:data9};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data5.limit !== undefined){let data10 = data5.limit;if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){const err16 = {instancePath:instancePath+"/charts/" + i1+"/limit",schemaPath:"#/$defs/chart/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.limit.type,parentSchema:schema35.properties.limit,data:data10};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(typeof data10 == "number"){if(data10 < 0 || isNaN(data10)){const err17 = {instancePath:instancePath+"/charts/" + i1+"/limit",schemaPath:"#/$defs/chart/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.limit,data:data10};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}if(data5.overwrite !== undefined){let data11 = data5.overwrite;if(typeof data11 !== "boolean"){const err18 = {instancePath:instancePath+"/charts/" + i1+"/overwrite",schemaPath:"#/$defs/chart/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema35.properties.overwrite.type,parentSchema:schema35.properties.overwrite,data:data11};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data:data5};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/charts",schemaPath:"#/properties/charts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.charts.type,parentSchema:schema31.properties.charts,data:data4};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.hosts !== undefined){let data12 = data.hosts;if(Array.isArray(data12)){const len2 = data12.length;for(let i2=0; i2<len2; i2++){if(!(validate23(data12[i2], {instancePath:instancePath+"/hosts/" + i2,parentData:data12,parentDataProperty:i2,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);errors = vErrors.length;}}}else {const err21 = {instancePath:instancePath+"/hosts",schemaPath:"#/properties/hosts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.hosts.type,parentSchema:schema31.properties.hosts,data:data12};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}validate20.errors = vErrors;return errors === 0;}validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

;// CONCATENATED MODULE: ./src/config/generated/flux-v1beta2.js
// Generated by scripts/gen-validators.mjs from schema/flux-v1beta2.schema.json; do not edit.

const flux_v1beta2_validate = (/* unused pure expression or super */ null && (flux_v1beta2_validate20));/* harmony default export */ const flux_v1beta2 = (flux_v1beta2_validate20);const flux_v1beta2_schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oci-mirror.dev/schema/flux-v1beta2.schema.json","title":"flux mirror Config (mirror.plugin.fluxcd.io/v1beta2)","description":"A flux mirror Config file, as accepted by oci-mirror. Equivalent to flux mirror's published docs/config-v1beta2.json.","type":"object","additionalProperties":false,"required":["apiVersion","kind"],"properties":{"apiVersion":{"type":"string","const":"mirror.plugin.fluxcd.io/v1beta2"},"kind":{"type":"string","const":"Config"},"artifacts":{"description":"OCI artifacts to mirror between OCI registries.","type":"array","items":{"$ref":"#/$defs/artifact"}},"charts":{"description":"Helm charts to mirror from an HTTP/S repository into an OCI registry.","type":"array","items":{"$ref":"#/$defs/chart"}},"hosts":{"description":"Per-host authentication and transport settings for OCI registries.","type":"array","items":{"$ref":"#/$defs/host"}}},"$defs":{"artifact":{"type":"object","additionalProperties":false,"required":["source","destination","selector"],"properties":{"source":{"type":"string","description":"Source OCI repository, without scheme or tag."},"destination":{"type":"string","description":"Destination OCI repository, without scheme or tag."},"selector":{"$ref":"#/$defs/selector"},"overwrite":{"type":"boolean","description":"Replace destination tags whose digest differs."},"includeReferrers":{"type":"boolean","description":"Also mirror referrers (signatures, SBOMs)."},"verify":{"$ref":"#/$defs/verify"}}},"selector":{"type":"object","additionalProperties":false,"description":"Tag selection: regex prefilter, semver range, sort, limit.","properties":{"regex":{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","description":"Go regular expression tags must match."},"extract":{"type":"string","description":"Replacement template of named groups, e.g. $version."}}},"semver":{"type":"string","description":"Semver range applied after the regex."},"sortBy":{"type":"string","enum":["semver","alphabetical","numerical"]},"limit":{"type":"integer","minimum":0,"description":"How many tags; 0 = all. Default 1."}}},"verify":{"type":"object","additionalProperties":false,"required":["provider"],"properties":{"provider":{"type":"string","enum":["cosign"]},"matchOIDCIdentity":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["issuer","subject"],"properties":{"issuer":{"type":"string"},"subject":{"type":"string"}}}},"minAge":{"type":"string","description":"Go duration, e.g. 48h."}}},"chart":{"type":"object","additionalProperties":false,"required":["name","source","destination"],"properties":{"name":{"type":"string"},"source":{"type":"string","description":"HTTP/S Helm repository URL."},"destination":{"type":"string","description":"oci:// base URL; the chart name is appended."},"version":{"type":"string","description":"Semver range, default *."},"limit":{"type":"integer","minimum":0},"overwrite":{"type":"boolean"}}},"host":{"type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"type":"string","description":"Registry host and optional port."},"credential":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string","enum":["jwt"]},"provider":{"type":"string","enum":["github","forgejo","gcp","azure","aws","spiffe"]},"value":{"type":"string"},"fromPath":{"type":"string"},"jwkPath":{"type":"string"},"jwkValue":{"type":"string"},"issuer":{"type":"string"},"subject":{"type":"string"},"audiences":{"type":"array","items":{"type":"string"}},"expiration":{"type":"string"},"username":{"type":"string"},"envelope":{"type":"string"}}},"provider":{"type":"string","enum":["generic","ecr","acr","gar"]},"tls":{"type":"object","additionalProperties":false,"properties":{"serverAuth":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["spiffe"]},"fromPath":{"type":"string"},"value":{"type":"string"},"spiffe":{"$ref":"#/$defs/spiffe"}}},"clientAuth":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["spiffe"]},"certificate":{"$ref":"#/$defs/pem"},"key":{"$ref":"#/$defs/pem"}}}}},"maxChunkSize":{"type":"integer","minimum":0,"description":"KiB per upload PATCH; 0 = monolithic."}}},"spiffe":{"type":"object","additionalProperties":false,"properties":{"serverID":{"type":"string"},"trustDomain":{"type":"string"},"authorizeAny":{"type":"boolean"}}},"pem":{"type":"object","additionalProperties":false,"properties":{"fromPath":{"type":"string"},"value":{"type":"string"}}}}};const flux_v1beta2_schema35 = {"type":"object","additionalProperties":false,"required":["name","source","destination"],"properties":{"name":{"type":"string"},"source":{"type":"string","description":"HTTP/S Helm repository URL."},"destination":{"type":"string","description":"oci:// base URL; the chart name is appended."},"version":{"type":"string","description":"Semver range, default *."},"limit":{"type":"integer","minimum":0},"overwrite":{"type":"boolean"}}};const flux_v1beta2_schema32 = {"type":"object","additionalProperties":false,"required":["source","destination","selector"],"properties":{"source":{"type":"string","description":"Source OCI repository, without scheme or tag."},"destination":{"type":"string","description":"Destination OCI repository, without scheme or tag."},"selector":{"$ref":"#/$defs/selector"},"overwrite":{"type":"boolean","description":"Replace destination tags whose digest differs."},"includeReferrers":{"type":"boolean","description":"Also mirror referrers (signatures, SBOMs)."},"verify":{"$ref":"#/$defs/verify"}}};const flux_v1beta2_schema33 = {"type":"object","additionalProperties":false,"description":"Tag selection: regex prefilter, semver range, sort, limit.","properties":{"regex":{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","description":"Go regular expression tags must match."},"extract":{"type":"string","description":"Replacement template of named groups, e.g. $version."}}},"semver":{"type":"string","description":"Semver range applied after the regex."},"sortBy":{"type":"string","enum":["semver","alphabetical","numerical"]},"limit":{"type":"integer","minimum":0,"description":"How many tags; 0 = all. Default 1."}}};const flux_v1beta2_schema34 = {"type":"object","additionalProperties":false,"required":["provider"],"properties":{"provider":{"type":"string","enum":["cosign"]},"matchOIDCIdentity":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["issuer","subject"],"properties":{"issuer":{"type":"string"},"subject":{"type":"string"}}}},"minAge":{"type":"string","description":"Go duration, e.g. 48h."}}};function flux_v1beta2_validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = flux_v1beta2_validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.source === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:flux_v1beta2_schema32.required,parentSchema:flux_v1beta2_schema32,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.destination === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "destination"},message:"must have required property '"+"destination"+"'",schema:flux_v1beta2_schema32.required,parentSchema:flux_v1beta2_schema32,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.selector === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "selector"},message:"must have required property '"+"selector"+"'",schema:flux_v1beta2_schema32.required,parentSchema:flux_v1beta2_schema32,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!((((((key0 === "source") || (key0 === "destination")) || (key0 === "selector")) || (key0 === "overwrite")) || (key0 === "includeReferrers")) || (key0 === "verify"))){const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema32,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.source !== undefined){let data0 = data.source;if(typeof data0 !== "string"){const err4 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema32.properties.source.type,parentSchema:flux_v1beta2_schema32.properties.source,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.destination !== undefined){let data1 = data.destination;if(typeof data1 !== "string"){const err5 = {instancePath:instancePath+"/destination",schemaPath:"#/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema32.properties.destination.type,parentSchema:flux_v1beta2_schema32.properties.destination,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.selector !== undefined){let data2 = data.selector;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){if(!((((key1 === "regex") || (key1 === "semver")) || (key1 === "sortBy")) || (key1 === "limit"))){const err6 = {instancePath:instancePath+"/selector",schemaPath:"#/$defs/selector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema33,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data2.regex !== undefined){let data3 = data2.regex;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.pattern === undefined){const err7 = {instancePath:instancePath+"/selector/regex",schemaPath:"#/$defs/selector/properties/regex/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:flux_v1beta2_schema33.properties.regex.required,parentSchema:flux_v1beta2_schema33.properties.regex,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}for(const key2 in data3){if(!((key2 === "pattern") || (key2 === "extract"))){const err8 = {instancePath:instancePath+"/selector/regex",schemaPath:"#/$defs/selector/properties/regex/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema33.properties.regex,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data3.pattern !== undefined){let data4 = data3.pattern;if(typeof data4 !== "string"){const err9 = {instancePath:instancePath+"/selector/regex/pattern",schemaPath:"#/$defs/selector/properties/regex/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema33.properties.regex.properties.pattern.type,parentSchema:flux_v1beta2_schema33.properties.regex.properties.pattern,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data3.extract !== undefined){let data5 = data3.extract;if(typeof data5 !== "string"){const err10 = {instancePath:instancePath+"/selector/regex/extract",schemaPath:"#/$defs/selector/properties/regex/properties/extract/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema33.properties.regex.properties.extract.type,parentSchema:flux_v1beta2_schema33.properties.regex.properties.extract,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/selector/regex",schemaPath:"#/$defs/selector/properties/regex/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema33.properties.regex.type,parentSchema:flux_v1beta2_schema33.properties.regex,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data2.semver !== undefined){let data6 = data2.semver;if(typeof data6 !== "string"){const err12 = {instancePath:instancePath+"/selector/semver",schemaPath:"#/$defs/selector/properties/semver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema33.properties.semver.type,parentSchema:flux_v1beta2_schema33.properties.semver,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data2.sortBy !== undefined){let data7 = data2.sortBy;if(typeof data7 !== "string"){const err13 = {instancePath:instancePath+"/selector/sortBy",schemaPath:"#/$defs/selector/properties/sortBy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema33.properties.sortBy.type,parentSchema:flux_v1beta2_schema33.properties.sortBy,data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(!(((data7 === "semver") || (data7 === "alphabetical")) || (data7 === "numerical"))){const err14 = {instancePath:instancePath+"/selector/sortBy",schemaPath:"#/$defs/selector/properties/sortBy/enum",keyword:"enum",params:{allowedValues: flux_v1beta2_schema33.properties.sortBy.enum},message:"must be equal to one of the allowed values",schema:flux_v1beta2_schema33.properties.sortBy.enum,parentSchema:flux_v1beta2_schema33.properties.sortBy,data:data7};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data2.limit !== undefined){let data8 = data2.limit;if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){const err15 = {instancePath:instancePath+"/selector/limit",schemaPath:"#/$defs/selector/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:flux_v1beta2_schema33.properties.limit.type,parentSchema:flux_v1beta2_schema33.properties.limit,data:data8};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(typeof data8 == "number"){if(data8 < 0 || isNaN(data8)){const err16 = {instancePath:instancePath+"/selector/limit",schemaPath:"#/$defs/selector/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:flux_v1beta2_schema33.properties.limit,data:data8};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}}else {const err17 = {instancePath:instancePath+"/selector",schemaPath:"#/$defs/selector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema33.type,parentSchema:flux_v1beta2_schema33,data:data2};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.overwrite !== undefined){let data9 = data.overwrite;if(typeof data9 !== "boolean"){const err18 = {instancePath:instancePath+"/overwrite",schemaPath:"#/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:flux_v1beta2_schema32.properties.overwrite.type,parentSchema:flux_v1beta2_schema32.properties.overwrite,data:data9};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.includeReferrers !== undefined){let data10 = data.includeReferrers;if(typeof data10 !== "boolean"){const err19 = {instancePath:instancePath+"/includeReferrers",schemaPath:"#/properties/includeReferrers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:flux_v1beta2_schema32.properties.includeReferrers.type,parentSchema:flux_v1beta2_schema32.properties.includeReferrers,data:data10};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.verify !== undefined){let data11 = data.verify;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){if(data11.provider === undefined){const err20 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:flux_v1beta2_schema34.required,parentSchema:flux_v1beta2_schema34,data:data11};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}for(const key3 in data11){if(!(((key3 === "provider") || (key3 === "matchOIDCIdentity")) || (key3 === "minAge"))){const err21 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema34,data:data11};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data11.provider !== undefined){let data12 = data11.provider;if(typeof data12 !== "string"){const err22 = {instancePath:instancePath+"/verify/provider",schemaPath:"#/$defs/verify/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema34.properties.provider.type,parentSchema:flux_v1beta2_schema34.properties.provider,data:data12};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if(!(data12 === "cosign")){const err23 = {instancePath:instancePath+"/verify/provider",schemaPath:"#/$defs/verify/properties/provider/enum",keyword:"enum",params:{allowedValues: flux_v1beta2_schema34.properties.provider.enum},message:"must be equal to one of the allowed values",schema:flux_v1beta2_schema34.properties.provider.enum,parentSchema:flux_v1beta2_schema34.properties.provider,data:data12};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data11.matchOIDCIdentity !== undefined){let data13 = data11.matchOIDCIdentity;if(Array.isArray(data13)){const len0 = data13.length;for(let i0=0; i0<len0; i0++){let data14 = data13[i0];if(data14 && typeof data14 == "object" && !Array.isArray(data14)){if(data14.issuer === undefined){const err24 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/required",keyword:"required",params:{missingProperty: "issuer"},message:"must have required property '"+"issuer"+"'",schema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items.required,parentSchema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if(data14.subject === undefined){const err25 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/required",keyword:"required",params:{missingProperty: "subject"},message:"must have required property '"+"subject"+"'",schema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items.required,parentSchema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}for(const key4 in data14){if(!((key4 === "issuer") || (key4 === "subject"))){const err26 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data14.issuer !== undefined){let data15 = data14.issuer;if(typeof data15 !== "string"){const err27 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0+"/issuer",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items.properties.issuer.type,parentSchema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items.properties.issuer,data:data15};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data14.subject !== undefined){let data16 = data14.subject;if(typeof data16 !== "string"){const err28 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0+"/subject",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items.properties.subject.type,parentSchema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items.properties.subject,data:data16};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}}else {const err29 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i0,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items.type,parentSchema:flux_v1beta2_schema34.properties.matchOIDCIdentity.items,data:data14};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath:instancePath+"/verify/matchOIDCIdentity",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/type",keyword:"type",params:{type: "array"},message:"must be array",schema:flux_v1beta2_schema34.properties.matchOIDCIdentity.type,parentSchema:flux_v1beta2_schema34.properties.matchOIDCIdentity,data:data13};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data11.minAge !== undefined){let data17 = data11.minAge;if(typeof data17 !== "string"){const err31 = {instancePath:instancePath+"/verify/minAge",schemaPath:"#/$defs/verify/properties/minAge/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema34.properties.minAge.type,parentSchema:flux_v1beta2_schema34.properties.minAge,data:data17};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}else {const err32 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema34.type,parentSchema:flux_v1beta2_schema34,data:data11};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema32.type,parentSchema:flux_v1beta2_schema32,data};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}flux_v1beta2_validate21.errors = vErrors;return errors === 0;}flux_v1beta2_validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const flux_v1beta2_schema36 = {"type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"type":"string","description":"Registry host and optional port."},"credential":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string","enum":["jwt"]},"provider":{"type":"string","enum":["github","forgejo","gcp","azure","aws","spiffe"]},"value":{"type":"string"},"fromPath":{"type":"string"},"jwkPath":{"type":"string"},"jwkValue":{"type":"string"},"issuer":{"type":"string"},"subject":{"type":"string"},"audiences":{"type":"array","items":{"type":"string"}},"expiration":{"type":"string"},"username":{"type":"string"},"envelope":{"type":"string"}}},"provider":{"type":"string","enum":["generic","ecr","acr","gar"]},"tls":{"type":"object","additionalProperties":false,"properties":{"serverAuth":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["spiffe"]},"fromPath":{"type":"string"},"value":{"type":"string"},"spiffe":{"$ref":"#/$defs/spiffe"}}},"clientAuth":{"type":"object","additionalProperties":false,"properties":{"provider":{"type":"string","enum":["spiffe"]},"certificate":{"$ref":"#/$defs/pem"},"key":{"$ref":"#/$defs/pem"}}}}},"maxChunkSize":{"type":"integer","minimum":0,"description":"KiB per upload PATCH; 0 = monolithic."}}};const flux_v1beta2_schema37 = {"type":"object","additionalProperties":false,"properties":{"serverID":{"type":"string"},"trustDomain":{"type":"string"},"authorizeAny":{"type":"boolean"}}};const flux_v1beta2_schema38 = {"type":"object","additionalProperties":false,"properties":{"fromPath":{"type":"string"},"value":{"type":"string"}}};const flux_v1beta2_func1 = Object.prototype.hasOwnProperty;function flux_v1beta2_validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = flux_v1beta2_validate23.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.host === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:flux_v1beta2_schema36.required,parentSchema:flux_v1beta2_schema36,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((((key0 === "host") || (key0 === "credential")) || (key0 === "provider")) || (key0 === "tls")) || (key0 === "maxChunkSize"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema36,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.host !== undefined){let data0 = data.host;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.host.type,parentSchema:flux_v1beta2_schema36.properties.host,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.credential !== undefined){let data1 = data.credential;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.type === undefined){const err3 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:flux_v1beta2_schema36.properties.credential.required,parentSchema:flux_v1beta2_schema36.properties.credential,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key1 in data1){if(!(flux_v1beta2_func1.call(flux_v1beta2_schema36.properties.credential.properties, key1))){const err4 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema36.properties.credential,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data1.type !== undefined){let data2 = data1.type;if(typeof data2 !== "string"){const err5 = {instancePath:instancePath+"/credential/type",schemaPath:"#/properties/credential/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.type.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.type,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(!(data2 === "jwt")){const err6 = {instancePath:instancePath+"/credential/type",schemaPath:"#/properties/credential/properties/type/enum",keyword:"enum",params:{allowedValues: flux_v1beta2_schema36.properties.credential.properties.type.enum},message:"must be equal to one of the allowed values",schema:flux_v1beta2_schema36.properties.credential.properties.type.enum,parentSchema:flux_v1beta2_schema36.properties.credential.properties.type,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data1.provider !== undefined){let data3 = data1.provider;if(typeof data3 !== "string"){const err7 = {instancePath:instancePath+"/credential/provider",schemaPath:"#/properties/credential/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.provider.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.provider,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(!((((((data3 === "github") || (data3 === "forgejo")) || (data3 === "gcp")) || (data3 === "azure")) || (data3 === "aws")) || (data3 === "spiffe"))){const err8 = {instancePath:instancePath+"/credential/provider",schemaPath:"#/properties/credential/properties/provider/enum",keyword:"enum",params:{allowedValues: flux_v1beta2_schema36.properties.credential.properties.provider.enum},message:"must be equal to one of the allowed values",schema:flux_v1beta2_schema36.properties.credential.properties.provider.enum,parentSchema:flux_v1beta2_schema36.properties.credential.properties.provider,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data1.value !== undefined){let data4 = data1.value;if(typeof data4 !== "string"){const err9 = {instancePath:instancePath+"/credential/value",schemaPath:"#/properties/credential/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.value.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.value,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data1.fromPath !== undefined){let data5 = data1.fromPath;if(typeof data5 !== "string"){const err10 = {instancePath:instancePath+"/credential/fromPath",schemaPath:"#/properties/credential/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.fromPath.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.fromPath,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data1.jwkPath !== undefined){let data6 = data1.jwkPath;if(typeof data6 !== "string"){const err11 = {instancePath:instancePath+"/credential/jwkPath",schemaPath:"#/properties/credential/properties/jwkPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.jwkPath.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.jwkPath,data:data6};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data1.jwkValue !== undefined){let data7 = data1.jwkValue;if(typeof data7 !== "string"){const err12 = {instancePath:instancePath+"/credential/jwkValue",schemaPath:"#/properties/credential/properties/jwkValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.jwkValue.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.jwkValue,data:data7};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data1.issuer !== undefined){let data8 = data1.issuer;if(typeof data8 !== "string"){const err13 = {instancePath:instancePath+"/credential/issuer",schemaPath:"#/properties/credential/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.issuer.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.issuer,data:data8};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data1.subject !== undefined){let data9 = data1.subject;if(typeof data9 !== "string"){const err14 = {instancePath:instancePath+"/credential/subject",schemaPath:"#/properties/credential/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.subject.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.subject,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data1.audiences !== undefined){let data10 = data1.audiences;if(Array.isArray(data10)){const len0 = data10.length;for(let i0=0; i0<len0; i0++){let data11 = data10[i0];if(typeof data11 !== "string"){const err15 = {instancePath:instancePath+"/credential/audiences/" + i0,schemaPath:"#/properties/credential/properties/audiences/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.audiences.items.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.audiences.items,data:data11};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath:instancePath+"/credential/audiences",schemaPath:"#/properties/credential/properties/audiences/type",keyword:"type",params:{type: "array"},message:"must be array",schema:flux_v1beta2_schema36.properties.credential.properties.audiences.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.audiences,data:data10};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data1.expiration !== undefined){let data12 = data1.expiration;if(typeof data12 !== "string"){const err17 = {instancePath:instancePath+"/credential/expiration",schemaPath:"#/properties/credential/properties/expiration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.expiration.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.expiration,data:data12};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data1.username !== undefined){let data13 = data1.username;if(typeof data13 !== "string"){const err18 = {instancePath:instancePath+"/credential/username",schemaPath:"#/properties/credential/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.username.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.username,data:data13};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data1.envelope !== undefined){let data14 = data1.envelope;if(typeof data14 !== "string"){const err19 = {instancePath:instancePath+"/credential/envelope",schemaPath:"#/properties/credential/properties/envelope/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.credential.properties.envelope.type,parentSchema:flux_v1beta2_schema36.properties.credential.properties.envelope,data:data14};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema36.properties.credential.type,parentSchema:flux_v1beta2_schema36.properties.credential,data:data1};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.provider !== undefined){let data15 = data.provider;if(typeof data15 !== "string"){const err21 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.provider.type,parentSchema:flux_v1beta2_schema36.properties.provider,data:data15};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(!((((data15 === "generic") || (data15 === "ecr")) || (data15 === "acr")) || (data15 === "gar"))){const err22 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/enum",keyword:"enum",params:{allowedValues: flux_v1beta2_schema36.properties.provider.enum},message:"must be equal to one of the allowed values",schema:flux_v1beta2_schema36.properties.provider.enum,parentSchema:flux_v1beta2_schema36.properties.provider,data:data15};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.tls !== undefined){let data16 = data.tls;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){for(const key2 in data16){if(!((key2 === "serverAuth") || (key2 === "clientAuth"))){const err23 = {instancePath:instancePath+"/tls",schemaPath:"#/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema36.properties.tls,data:data16};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data16.serverAuth !== undefined){let data17 = data16.serverAuth;if(data17 && typeof data17 == "object" && !Array.isArray(data17)){for(const key3 in data17){if(!((((key3 === "provider") || (key3 === "fromPath")) || (key3 === "value")) || (key3 === "spiffe"))){const err24 = {instancePath:instancePath+"/tls/serverAuth",schemaPath:"#/properties/tls/properties/serverAuth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema36.properties.tls.properties.serverAuth,data:data17};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data17.provider !== undefined){let data18 = data17.provider;if(typeof data18 !== "string"){const err25 = {instancePath:instancePath+"/tls/serverAuth/provider",schemaPath:"#/properties/tls/properties/serverAuth/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.provider.type,parentSchema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.provider,data:data18};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if(!(data18 === "spiffe")){const err26 = {instancePath:instancePath+"/tls/serverAuth/provider",schemaPath:"#/properties/tls/properties/serverAuth/properties/provider/enum",keyword:"enum",params:{allowedValues: flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.provider.enum},message:"must be equal to one of the allowed values",schema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.provider.enum,parentSchema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.provider,data:data18};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data17.fromPath !== undefined){let data19 = data17.fromPath;if(typeof data19 !== "string"){const err27 = {instancePath:instancePath+"/tls/serverAuth/fromPath",schemaPath:"#/properties/tls/properties/serverAuth/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.fromPath.type,parentSchema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.fromPath,data:data19};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data17.value !== undefined){let data20 = data17.value;if(typeof data20 !== "string"){const err28 = {instancePath:instancePath+"/tls/serverAuth/value",schemaPath:"#/properties/tls/properties/serverAuth/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.value.type,parentSchema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.properties.value,data:data20};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data17.spiffe !== undefined){let data21 = data17.spiffe;if(data21 && typeof data21 == "object" && !Array.isArray(data21)){for(const key4 in data21){if(!(((key4 === "serverID") || (key4 === "trustDomain")) || (key4 === "authorizeAny"))){const err29 = {instancePath:instancePath+"/tls/serverAuth/spiffe",schemaPath:"#/$defs/spiffe/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema37,data:data21};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data21.serverID !== undefined){let data22 = data21.serverID;if(typeof data22 !== "string"){const err30 = {instancePath:instancePath+"/tls/serverAuth/spiffe/serverID",schemaPath:"#/$defs/spiffe/properties/serverID/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema37.properties.serverID.type,parentSchema:flux_v1beta2_schema37.properties.serverID,data:data22};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data21.trustDomain !== undefined){let data23 = data21.trustDomain;if(typeof data23 !== "string"){const err31 = {instancePath:instancePath+"/tls/serverAuth/spiffe/trustDomain",schemaPath:"#/$defs/spiffe/properties/trustDomain/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema37.properties.trustDomain.type,parentSchema:flux_v1beta2_schema37.properties.trustDomain,data:data23};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data21.authorizeAny !== undefined){let data24 = data21.authorizeAny;if(typeof data24 !== "boolean"){const err32 = {instancePath:instancePath+"/tls/serverAuth/spiffe/authorizeAny",schemaPath:"#/$defs/spiffe/properties/authorizeAny/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:flux_v1beta2_schema37.properties.authorizeAny.type,parentSchema:flux_v1beta2_schema37.properties.authorizeAny,data:data24};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/tls/serverAuth/spiffe",schemaPath:"#/$defs/spiffe/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema37.type,parentSchema:flux_v1beta2_schema37,data:data21};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath:instancePath+"/tls/serverAuth",schemaPath:"#/properties/tls/properties/serverAuth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema36.properties.tls.properties.serverAuth.type,parentSchema:flux_v1beta2_schema36.properties.tls.properties.serverAuth,data:data17};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data16.clientAuth !== undefined){let data25 = data16.clientAuth;if(data25 && typeof data25 == "object" && !Array.isArray(data25)){for(const key5 in data25){if(!(((key5 === "provider") || (key5 === "certificate")) || (key5 === "key"))){const err35 = {instancePath:instancePath+"/tls/clientAuth",schemaPath:"#/properties/tls/properties/clientAuth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema36.properties.tls.properties.clientAuth,data:data25};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data25.provider !== undefined){let data26 = data25.provider;if(typeof data26 !== "string"){const err36 = {instancePath:instancePath+"/tls/clientAuth/provider",schemaPath:"#/properties/tls/properties/clientAuth/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema36.properties.tls.properties.clientAuth.properties.provider.type,parentSchema:flux_v1beta2_schema36.properties.tls.properties.clientAuth.properties.provider,data:data26};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}if(!(data26 === "spiffe")){const err37 = {instancePath:instancePath+"/tls/clientAuth/provider",schemaPath:"#/properties/tls/properties/clientAuth/properties/provider/enum",keyword:"enum",params:{allowedValues: flux_v1beta2_schema36.properties.tls.properties.clientAuth.properties.provider.enum},message:"must be equal to one of the allowed values",schema:flux_v1beta2_schema36.properties.tls.properties.clientAuth.properties.provider.enum,parentSchema:flux_v1beta2_schema36.properties.tls.properties.clientAuth.properties.provider,data:data26};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data25.certificate !== undefined){let data27 = data25.certificate;if(data27 && typeof data27 == "object" && !Array.isArray(data27)){for(const key6 in data27){if(!((key6 === "fromPath") || (key6 === "value"))){const err38 = {instancePath:instancePath+"/tls/clientAuth/certificate",schemaPath:"#/$defs/pem/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema38,data:data27};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data27.fromPath !== undefined){let data28 = data27.fromPath;if(typeof data28 !== "string"){const err39 = {instancePath:instancePath+"/tls/clientAuth/certificate/fromPath",schemaPath:"#/$defs/pem/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema38.properties.fromPath.type,parentSchema:flux_v1beta2_schema38.properties.fromPath,data:data28};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}if(data27.value !== undefined){let data29 = data27.value;if(typeof data29 !== "string"){const err40 = {instancePath:instancePath+"/tls/clientAuth/certificate/value",schemaPath:"#/$defs/pem/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema38.properties.value.type,parentSchema:flux_v1beta2_schema38.properties.value,data:data29};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}}else {const err41 = {instancePath:instancePath+"/tls/clientAuth/certificate",schemaPath:"#/$defs/pem/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema38.type,parentSchema:flux_v1beta2_schema38,data:data27};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data25.key !== undefined){let data30 = data25.key;if(data30 && typeof data30 == "object" && !Array.isArray(data30)){for(const key7 in data30){if(!((key7 === "fromPath") || (key7 === "value"))){const err42 = {instancePath:instancePath+"/tls/clientAuth/key",schemaPath:"#/$defs/pem/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema38,data:data30};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}if(data30.fromPath !== undefined){let data31 = data30.fromPath;if(typeof data31 !== "string"){const err43 = {instancePath:instancePath+"/tls/clientAuth/key/fromPath",schemaPath:"#/$defs/pem/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema38.properties.fromPath.type,parentSchema:flux_v1beta2_schema38.properties.fromPath,data:data31};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data30.value !== undefined){let data32 = data30.value;if(typeof data32 !== "string"){const err44 = {instancePath:instancePath+"/tls/clientAuth/key/value",schemaPath:"#/$defs/pem/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema38.properties.value.type,parentSchema:flux_v1beta2_schema38.properties.value,data:data32};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}else {const err45 = {instancePath:instancePath+"/tls/clientAuth/key",schemaPath:"#/$defs/pem/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema38.type,parentSchema:flux_v1beta2_schema38,data:data30};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}else {const err46 = {instancePath:instancePath+"/tls/clientAuth",schemaPath:"#/properties/tls/properties/clientAuth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema36.properties.tls.properties.clientAuth.type,parentSchema:flux_v1beta2_schema36.properties.tls.properties.clientAuth,data:data25};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}}else {const err47 = {instancePath:instancePath+"/tls",schemaPath:"#/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema36.properties.tls.type,parentSchema:flux_v1beta2_schema36.properties.tls,data:data16};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data.maxChunkSize !== undefined){let data33 = data.maxChunkSize;if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){const err48 = {instancePath:instancePath+"/maxChunkSize",schemaPath:"#/properties/maxChunkSize/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:flux_v1beta2_schema36.properties.maxChunkSize.type,parentSchema:flux_v1beta2_schema36.properties.maxChunkSize,data:data33};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}if(typeof data33 == "number"){if(data33 < 0 || isNaN(data33)){const err49 = {instancePath:instancePath+"/maxChunkSize",schemaPath:"#/properties/maxChunkSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:flux_v1beta2_schema36.properties.maxChunkSize,data:data33};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}}else {const err50 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema36.type,parentSchema:flux_v1beta2_schema36,data};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}flux_v1beta2_validate23.errors = vErrors;return errors === 0;}flux_v1beta2_validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function flux_v1beta2_validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="https://oci-mirror.dev/schema/flux-v1beta2.schema.json" */;let vErrors = null;let errors = 0;const evaluated0 = flux_v1beta2_validate20.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.apiVersion === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:flux_v1beta2_schema31.required,parentSchema:flux_v1beta2_schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.kind === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:flux_v1beta2_schema31.required,parentSchema:flux_v1beta2_schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "artifacts")) || (key0 === "charts")) || (key0 === "hosts"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema31,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.apiVersion !== undefined){let data0 = data.apiVersion;if(typeof data0 !== "string"){const err3 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema31.properties.apiVersion.type,parentSchema:flux_v1beta2_schema31.properties.apiVersion,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if("mirror.plugin.fluxcd.io/v1beta2" !== data0){const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "mirror.plugin.fluxcd.io/v1beta2"},message:"must be equal to constant",schema:"mirror.plugin.fluxcd.io/v1beta2",parentSchema:flux_v1beta2_schema31.properties.apiVersion,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.kind !== undefined){let data1 = data.kind;if(typeof data1 !== "string"){const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema31.properties.kind.type,parentSchema:flux_v1beta2_schema31.properties.kind,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if("Config" !== data1){const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Config"},message:"must be equal to constant",schema:"Config",parentSchema:flux_v1beta2_schema31.properties.kind,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.artifacts !== undefined){let data2 = data.artifacts;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){if(!(flux_v1beta2_validate21(data2[i0], {instancePath:instancePath+"/artifacts/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){vErrors = vErrors === null ? flux_v1beta2_validate21.errors : vErrors.concat(flux_v1beta2_validate21.errors);errors = vErrors.length;}}}else {const err7 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:flux_v1beta2_schema31.properties.artifacts.type,parentSchema:flux_v1beta2_schema31.properties.artifacts,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.charts !== undefined){let data4 = data.charts;if(Array.isArray(data4)){const len1 = data4.length;for(let i1=0; i1<len1; i1++){let data5 = data4[i1];if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.name === undefined){const err8 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:flux_v1beta2_schema35.required,parentSchema:flux_v1beta2_schema35,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data5.source === undefined){const err9 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:flux_v1beta2_schema35.required,parentSchema:flux_v1beta2_schema35,data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data5.destination === undefined){const err10 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "destination"},message:"must have required property '"+"destination"+"'",schema:flux_v1beta2_schema35.required,parentSchema:flux_v1beta2_schema35,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}for(const key1 in data5){if(!((((((key1 === "name") || (key1 === "source")) || (key1 === "destination")) || (key1 === "version")) || (key1 === "limit")) || (key1 === "overwrite"))){const err11 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:flux_v1beta2_schema35,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data5.name !== undefined){let data6 = data5.name;if(typeof data6 !== "string"){const err12 = {instancePath:instancePath+"/charts/" + i1+"/name",schemaPath:"#/$defs/chart/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema35.properties.name.type,parentSchema:flux_v1beta2_schema35.properties.name,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data5.source !== undefined){let data7 = data5.source;if(typeof data7 !== "string"){const err13 = {instancePath:instancePath+"/charts/" + i1+"/source",schemaPath:"#/$defs/chart/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema35.properties.source.type,parentSchema:flux_v1beta2_schema35.properties.source,data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data5.destination !== undefined){let data8 = data5.destination;if(typeof data8 !== "string"){const err14 = {instancePath:instancePath+"/charts/" + i1+"/destination",schemaPath:"#/$defs/chart/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema35.properties.destination.type,parentSchema:flux_v1beta2_schema35.properties.destination,data:data8};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data5.version !== undefined){let data9 = data5.version;if(typeof data9 !== "string"){const err15 = {instancePath:instancePath+"/charts/" + i1+"/version",schemaPath:"#/$defs/chart/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:flux_v1beta2_schema35.properties.version.type,parentSchema:flux_v1beta2_schema35.properties.version,data:data9};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data5.limit !== undefined){let data10 = data5.limit;if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){const err16 = {instancePath:instancePath+"/charts/" + i1+"/limit",schemaPath:"#/$defs/chart/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:flux_v1beta2_schema35.properties.limit.type,parentSchema:flux_v1beta2_schema35.properties.limit,data:data10};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(typeof data10 == "number"){if(data10 < 0 || isNaN(data10)){const err17 = {instancePath:instancePath+"/charts/" + i1+"/limit",schemaPath:"#/$defs/chart/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:flux_v1beta2_schema35.properties.limit,data:data10};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}if(data5.overwrite !== undefined){let data11 = data5.overwrite;if(typeof data11 !== "boolean"){const err18 = {instancePath:instancePath+"/charts/" + i1+"/overwrite",schemaPath:"#/$defs/chart/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:flux_v1beta2_schema35.properties.overwrite.type,parentSchema:flux_v1beta2_schema35.properties.overwrite,data:data11};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema35.type,parentSchema:flux_v1beta2_schema35,data:data5};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/charts",schemaPath:"#/properties/charts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:flux_v1beta2_schema31.properties.charts.type,parentSchema:flux_v1beta2_schema31.properties.charts,data:data4};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.hosts !== undefined){let data12 = data.hosts;if(Array.isArray(data12)){const len2 = data12.length;for(let i2=0; i2<len2; i2++){if(!(flux_v1beta2_validate23(data12[i2], {instancePath:instancePath+"/hosts/" + i2,parentData:data12,parentDataProperty:i2,rootData,dynamicAnchors}))){vErrors = vErrors === null ? flux_v1beta2_validate23.errors : vErrors.concat(flux_v1beta2_validate23.errors);errors = vErrors.length;}}}else {const err21 = {instancePath:instancePath+"/hosts",schemaPath:"#/properties/hosts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:flux_v1beta2_schema31.properties.hosts.type,parentSchema:flux_v1beta2_schema31.properties.hosts,data:data12};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:flux_v1beta2_schema31.type,parentSchema:flux_v1beta2_schema31,data};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}flux_v1beta2_validate20.errors = vErrors;return errors === 0;}flux_v1beta2_validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
;// CONCATENATED MODULE: ./src/config/generated/lazyoci-mirror.js
// Generated by scripts/gen-validators.mjs from schema/lazyoci-mirror.schema.json; do not edit.

"use strict";const lazyoci_mirror_validate = (/* unused pure expression or super */ null && (lazyoci_mirror_validate20));/* harmony default export */ const lazyoci_mirror = (lazyoci_mirror_validate20);const lazyoci_mirror_schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oci-mirror.dev/schema/lazyoci-mirror.schema.json","title":"lazyoci mirror config (mirror.yaml)","description":"The config of `lazyoci mirror` (github.com/MisterGrinvalds/lazyoci, pkg/mirror/config.go), as accepted by oci-mirror. It has no apiVersion or kind: a file with `target` or `upstreams` at the top and neither apiVersion nor kind is read in this dialect. Like lazyoci (which decodes the file with yaml.v3, not in strict mode), fields it does not know are ignored, so mappings here allow other keys; oci-mirror still reports a key that looks like a misspelling of a known field.","type":"object","required":["target","upstreams"],"properties":{"target":{"description":"The registry every chart and image is mirrored into.","type":"object","required":["url"],"properties":{"url":{"description":"Registry host and optional path, without a scheme, e.g. `registry.example.com/team`. Charts go to <url>/<charts-prefix>/<chart>:<version>; discovered images to <url>/<image path without its registry host>:<tag>.","type":"string","minLength":1},"insecure":{"description":"Talk plain HTTP to the target registry (default false). As with yaml.v3 decoding into a bool, the YAML 1.1 words y/yes/on and n/no/off are accepted too.","type":["boolean","string"]},"charts-prefix":{"description":"Path inserted between `url` and the chart name (default none: charts go to <url>/<chart>).","type":"string"}}},"upstreams":{"description":"Charts to mirror, keyed by an arbitrary identifier (lazyoci's `--chart` key).","type":"object","minProperties":1,"additionalProperties":{"$ref":"#/$defs/upstream"}}},"$defs":{"upstream":{"description":"Where one chart comes from and which versions to mirror.","type":"object","required":["type","chart"],"properties":{"type":{"description":"Source type: `repo` (Helm repository with index.yaml), `oci` (charts in an OCI registry) or `local` (chart directory).","enum":["repo","oci","local"]},"repo":{"description":"Helm repository URL, e.g. `https://helm.releases.hashicorp.com` (type repo).","type":"string"},"registry":{"description":"OCI registry URL with the `oci://` scheme, without the chart name, e.g. `oci://registry-1.docker.io/bitnamicharts` (type oci).","type":"string"},"path":{"description":"Chart directory, relative to the config file (type local). It is packaged as it is on disk; the version comes from its Chart.yaml.","type":"string"},"chart":{"description":"Chart name as published upstream; also the last path segment of the destination.","type":"string","minLength":1},"versions":{"description":"Chart versions to mirror. Each is handed to helm's `--version`, so it is an exact version or a version constraint (the highest match is mirrored). An upstream without versions is skipped, as `lazyoci mirror --all` does.","type":["array","null"],"items":{"type":["string","number"],"minLength":1}}},"allOf":[{"if":{"properties":{"type":{"const":"repo"}},"required":["type"]},"then":{"required":["repo"]}},{"if":{"properties":{"type":{"const":"oci"}},"required":["type"]},"then":{"required":["registry"]}},{"if":{"properties":{"type":{"const":"local"}},"required":["type"]},"then":{"required":["path"]}}]}}};const lazyoci_mirror_schema32 = {"description":"Where one chart comes from and which versions to mirror.","type":"object","required":["type","chart"],"properties":{"type":{"description":"Source type: `repo` (Helm repository with index.yaml), `oci` (charts in an OCI registry) or `local` (chart directory).","enum":["repo","oci","local"]},"repo":{"description":"Helm repository URL, e.g. `https://helm.releases.hashicorp.com` (type repo).","type":"string"},"registry":{"description":"OCI registry URL with the `oci://` scheme, without the chart name, e.g. `oci://registry-1.docker.io/bitnamicharts` (type oci).","type":"string"},"path":{"description":"Chart directory, relative to the config file (type local). It is packaged as it is on disk; the version comes from its Chart.yaml.","type":"string"},"chart":{"description":"Chart name as published upstream; also the last path segment of the destination.","type":"string","minLength":1},"versions":{"description":"Chart versions to mirror. Each is handed to helm's `--version`, so it is an exact version or a version constraint (the highest match is mirrored). An upstream without versions is skipped, as `lazyoci mirror --all` does.","type":["array","null"],"items":{"type":["string","number"],"minLength":1}}},"allOf":[{"if":{"properties":{"type":{"const":"repo"}},"required":["type"]},"then":{"required":["repo"]}},{"if":{"properties":{"type":{"const":"oci"}},"required":["type"]},"then":{"required":["registry"]}},{"if":{"properties":{"type":{"const":"local"}},"required":["type"]},"then":{"required":["path"]}}]};const lazyoci_mirror_func1 = ucs2length["default"] ?? ucs2length;function lazyoci_mirror_validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="https://oci-mirror.dev/schema/lazyoci-mirror.schema.json" */;let vErrors = null;let errors = 0;const evaluated0 = lazyoci_mirror_validate20.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.target === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:lazyoci_mirror_schema31.required,parentSchema:lazyoci_mirror_schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.upstreams === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "upstreams"},message:"must have required property '"+"upstreams"+"'",schema:lazyoci_mirror_schema31.required,parentSchema:lazyoci_mirror_schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.target !== undefined){let data0 = data.target;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.url === undefined){const err2 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:lazyoci_mirror_schema31.properties.target.required,parentSchema:lazyoci_mirror_schema31.properties.target,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data0.url !== undefined){let data1 = data0.url;if(typeof data1 === "string"){if(lazyoci_mirror_func1(data1) < 1){const err3 = {instancePath:instancePath+"/target/url",schemaPath:"#/properties/target/properties/url/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:lazyoci_mirror_schema31.properties.target.properties.url,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/target/url",schemaPath:"#/properties/target/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:lazyoci_mirror_schema31.properties.target.properties.url.type,parentSchema:lazyoci_mirror_schema31.properties.target.properties.url,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data0.insecure !== undefined){let data2 = data0.insecure;if((typeof data2 !== "boolean") && (typeof data2 !== "string")){const err5 = {instancePath:instancePath+"/target/insecure",schemaPath:"#/properties/target/properties/insecure/type",keyword:"type",params:{type: lazyoci_mirror_schema31.properties.target.properties.insecure.type},message:"must be boolean,string",schema:lazyoci_mirror_schema31.properties.target.properties.insecure.type,parentSchema:lazyoci_mirror_schema31.properties.target.properties.insecure,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data0["charts-prefix"] !== undefined){let data3 = data0["charts-prefix"];if(typeof data3 !== "string"){const err6 = {instancePath:instancePath+"/target/charts-prefix",schemaPath:"#/properties/target/properties/charts-prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:lazyoci_mirror_schema31.properties.target.properties["charts-prefix"].type,parentSchema:lazyoci_mirror_schema31.properties.target.properties["charts-prefix"],data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/type",keyword:"type",params:{type: "object"},message:"must be object",schema:lazyoci_mirror_schema31.properties.target.type,parentSchema:lazyoci_mirror_schema31.properties.target,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.upstreams !== undefined){let data4 = data.upstreams;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){if(Object.keys(data4).length < 1){const err8 = {instancePath:instancePath+"/upstreams",schemaPath:"#/properties/upstreams/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:lazyoci_mirror_schema31.properties.upstreams,data:data4};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}for(const key0 in data4){let data5 = data4[key0];const _errs16 = errors;let valid5 = true;const _errs17 = errors;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){let missing0;if((data5.type === undefined) && (missing0 = "type")){const err9 = {};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}else {if(data5.type !== undefined){if("repo" !== data5.type){const err10 = {};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}}var _valid0 = _errs17 === errors;errors = _errs16;if(vErrors !== null){if(_errs16){vErrors.length = _errs16;}else {vErrors = null;}}if(_valid0){const _errs19 = errors;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.repo === undefined){const err11 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/allOf/0/then/required",keyword:"required",params:{missingProperty: "repo"},message:"must have required property '"+"repo"+"'",schema:lazyoci_mirror_schema32.allOf[0].then.required,parentSchema:lazyoci_mirror_schema32.allOf[0].then,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}var _valid0 = _errs19 === errors;valid5 = _valid0;}if(!valid5){const err12 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:lazyoci_mirror_schema32.allOf[0].if,parentSchema:lazyoci_mirror_schema32.allOf[0],data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}const _errs21 = errors;let valid7 = true;const _errs22 = errors;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){let missing1;if((data5.type === undefined) && (missing1 = "type")){const err13 = {};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}else {if(data5.type !== undefined){if("oci" !== data5.type){const err14 = {};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}}var _valid1 = _errs22 === errors;errors = _errs21;if(vErrors !== null){if(_errs21){vErrors.length = _errs21;}else {vErrors = null;}}if(_valid1){const _errs24 = errors;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.registry === undefined){const err15 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/allOf/1/then/required",keyword:"required",params:{missingProperty: "registry"},message:"must have required property '"+"registry"+"'",schema:lazyoci_mirror_schema32.allOf[1].then.required,parentSchema:lazyoci_mirror_schema32.allOf[1].then,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}var _valid1 = _errs24 === errors;valid7 = _valid1;}if(!valid7){const err16 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:lazyoci_mirror_schema32.allOf[1].if,parentSchema:lazyoci_mirror_schema32.allOf[1],data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}const _errs26 = errors;let valid9 = true;const _errs27 = errors;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){let missing2;if((data5.type === undefined) && (missing2 = "type")){const err17 = {};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}else {if(data5.type !== undefined){if("local" !== data5.type){const err18 = {};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}}var _valid2 = _errs27 === errors;errors = _errs26;if(vErrors !== null){if(_errs26){vErrors.length = _errs26;}else {vErrors = null;}}if(_valid2){const _errs29 = errors;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.path === undefined){const err19 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/allOf/2/then/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:lazyoci_mirror_schema32.allOf[2].then.required,parentSchema:lazyoci_mirror_schema32.allOf[2].then,data:data5};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}var _valid2 = _errs29 === errors;valid9 = _valid2;}if(!valid9){const err20 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:lazyoci_mirror_schema32.allOf[2].if,parentSchema:lazyoci_mirror_schema32.allOf[2],data:data5};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.type === undefined){const err21 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:lazyoci_mirror_schema32.required,parentSchema:lazyoci_mirror_schema32,data:data5};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(data5.chart === undefined){const err22 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/required",keyword:"required",params:{missingProperty: "chart"},message:"must have required property '"+"chart"+"'",schema:lazyoci_mirror_schema32.required,parentSchema:lazyoci_mirror_schema32,data:data5};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if(data5.type !== undefined){let data9 = data5.type;if(!(((data9 === "repo") || (data9 === "oci")) || (data9 === "local"))){const err23 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/$defs/upstream/properties/type/enum",keyword:"enum",params:{allowedValues: lazyoci_mirror_schema32.properties.type.enum},message:"must be equal to one of the allowed values",schema:lazyoci_mirror_schema32.properties.type.enum,parentSchema:lazyoci_mirror_schema32.properties.type,data:data9};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data5.repo !== undefined){let data10 = data5.repo;if(typeof data10 !== "string"){const err24 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/repo",schemaPath:"#/$defs/upstream/properties/repo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:lazyoci_mirror_schema32.properties.repo.type,parentSchema:lazyoci_mirror_schema32.properties.repo,data:data10};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data5.registry !== undefined){let data11 = data5.registry;if(typeof data11 !== "string"){const err25 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/registry",schemaPath:"#/$defs/upstream/properties/registry/type",keyword:"type",params:{type: "string"},message:"must be string",schema:lazyoci_mirror_schema32.properties.registry.type,parentSchema:lazyoci_mirror_schema32.properties.registry,data:data11};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data5.path !== undefined){let data12 = data5.path;if(typeof data12 !== "string"){const err26 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/path",schemaPath:"#/$defs/upstream/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:lazyoci_mirror_schema32.properties.path.type,parentSchema:lazyoci_mirror_schema32.properties.path,data:data12};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data5.chart !== undefined){let data13 = data5.chart;if(typeof data13 === "string"){if(lazyoci_mirror_func1(data13) < 1){const err27 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/chart",schemaPath:"#/$defs/upstream/properties/chart/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:lazyoci_mirror_schema32.properties.chart,data:data13};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/chart",schemaPath:"#/$defs/upstream/properties/chart/type",keyword:"type",params:{type: "string"},message:"must be string",schema:lazyoci_mirror_schema32.properties.chart.type,parentSchema:lazyoci_mirror_schema32.properties.chart,data:data13};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data5.versions !== undefined){let data14 = data5.versions;if((!(Array.isArray(data14))) && (data14 !== null)){const err29 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions",schemaPath:"#/$defs/upstream/properties/versions/type",keyword:"type",params:{type: lazyoci_mirror_schema32.properties.versions.type},message:"must be array,null",schema:lazyoci_mirror_schema32.properties.versions.type,parentSchema:lazyoci_mirror_schema32.properties.versions,data:data14};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if(Array.isArray(data14)){const len0 = data14.length;for(let i0=0; i0<len0; i0++){let data15 = data14[i0];if((typeof data15 !== "string") && (!(typeof data15 == "number"))){const err30 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + i0,schemaPath:"#/$defs/upstream/properties/versions/items/type",keyword:"type",params:{type: lazyoci_mirror_schema32.properties.versions.items.type},message:"must be string,number",schema:lazyoci_mirror_schema32.properties.versions.items.type,parentSchema:lazyoci_mirror_schema32.properties.versions.items,data:data15};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(typeof data15 === "string"){if(lazyoci_mirror_func1(data15) < 1){const err31 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/versions/" + i0,schemaPath:"#/$defs/upstream/properties/versions/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:lazyoci_mirror_schema32.properties.versions.items,data:data15};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}}}}else {const err32 = {instancePath:instancePath+"/upstreams/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/upstream/type",keyword:"type",params:{type: "object"},message:"must be object",schema:lazyoci_mirror_schema32.type,parentSchema:lazyoci_mirror_schema32,data:data5};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/upstreams",schemaPath:"#/properties/upstreams/type",keyword:"type",params:{type: "object"},message:"must be object",schema:lazyoci_mirror_schema31.properties.upstreams.type,parentSchema:lazyoci_mirror_schema31.properties.upstreams,data:data4};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:lazyoci_mirror_schema31.type,parentSchema:lazyoci_mirror_schema31,data};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}lazyoci_mirror_validate20.errors = vErrors;return errors === 0;}lazyoci_mirror_validate20.evaluated = {"props":{"target":true,"upstreams":true},"dynamicProps":false,"dynamicItems":false};

;// CONCATENATED MODULE: ./src/config/generated/oci-mirror-v1.js
// Generated by scripts/gen-validators.mjs from schema/config.schema.json; do not edit.

"use strict";const oci_mirror_v1_validate = (/* unused pure expression or super */ null && (oci_mirror_v1_validate20));/* harmony default export */ const oci_mirror_v1 = (oci_mirror_v1_validate20);const oci_mirror_v1_schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oci-mirror.dev/schema/config.schema.json","title":"oci-mirror Config (oci-mirror/v1)","description":"Declares what oci-mirror copies into a private registry: OCI artifacts (images, charts, anything), Helm charts from HTTP/S repositories, and how to reach each registry. flux mirror Config files (mirror.plugin.fluxcd.io/v1beta1, v1beta2) are accepted as well. Strings may use ${VAR} and ${VAR:-default} environment substitution; $$ is a literal $.","type":"object","additionalProperties":false,"required":["apiVersion","kind"],"properties":{"$schema":{"type":"string","description":"Optional schema URL for editors; ignored."},"apiVersion":{"type":"string","const":"oci-mirror/v1","description":"Config format version. Use oci-mirror/v1 (flux mirror files keep their own apiVersion)."},"kind":{"type":"string","const":"Config","description":"Always Config."},"defaults":{"type":"object","additionalProperties":false,"description":"Settings applied to every entry that does not set its own.","properties":{"destination":{"type":"string","minLength":1,"description":"Registry prefix (host[:port]/path) for artifacts without a destination; the source repository path is appended: ghcr.io/org/app -> <prefix>/org/app. Charts without a destination go to oci://<prefix>."},"concurrency":{"type":"integer","minimum":1,"description":"How many copy jobs run at once."},"overwrite":{"type":"boolean","description":"Replace destination tags whose digest differs from the source (default false: report them as drifted)."},"includeReferrers":{"type":"boolean","description":"Also mirror referrers (signatures, SBOMs, attestations) of every selected tag (default false)."},"trustedRoot":{"type":"string","minLength":1,"description":"Sigstore trusted_root.json (path relative to the config) for every `verify:` entry without its own; default: the Sigstore public-good root through TUF."}}},"artifacts":{"type":"array","description":"OCI -> OCI entries: container images, OCI Helm charts, any OCI artifact.","items":{"$ref":"#/$defs/artifact"}},"charts":{"type":"array","description":"Helm charts from an HTTP/S repository, oci:// registry or local directory, published as OCI charts.","items":{"$ref":"#/$defs/chart"}},"hosts":{"type":"array","description":"Per-registry credentials and transport settings. Hosts not listed use the Docker config and its credential helpers.","items":{"$ref":"#/$defs/host"}}},"$defs":{"stringList":{"type":"array","items":{"type":"string","minLength":1}},"artifact":{"type":"object","additionalProperties":false,"required":["source"],"properties":{"name":{"type":"string","minLength":1,"description":"Entry name for reports and annotations (default: the source repository). Unique."},"source":{"type":"string","minLength":1,"description":"Source reference host/repository[:tag][@sha256:digest]. A tag or digest here selects exactly that tag or digest."},"destination":{"type":"string","minLength":1,"description":"Destination repository host/repository (no tag); tags keep their names."},"destinations":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"Several destination repositories (fan-out). Use either destination or destinations."},"selector":{"$ref":"#/$defs/selector"},"overwrite":{"type":"boolean","description":"Replace destination tags whose digest differs (default: defaults.overwrite)."},"includeReferrers":{"type":"boolean","description":"Also mirror referrers (default: defaults.includeReferrers)."},"platforms":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$"},"description":"Copy only these platforms of multi-platform images (os/arch[/variant]); the copy is then no longer bit-for-bit."},"verify":{"$ref":"#/$defs/verify"}}},"selector":{"type":"object","additionalProperties":false,"description":"Which tags to mirror: regex (+extract) -> semver range -> glob/tags/exclude -> sort -> limit. Default: the highest semver tag.","properties":{"regex":{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1,"description":"Regular expression tags must match (Go (?P<name>...) groups accepted)."},"extract":{"type":"string","minLength":1,"description":"Template of named groups used as the sort/semver key, e.g. $version."}}},"semver":{"type":"string","minLength":1,"description":"Semver range, e.g. \">=6.0.0 <7\" or 6.x."},"prerelease":{"type":"boolean","description":"Let the semver range match prerelease versions."},"glob":{"description":"Glob pattern(s) tags must match, e.g. v1.*.","oneOf":[{"type":"string","minLength":1},{"$ref":"#/$defs/stringList"}]},"tags":{"$ref":"#/$defs/stringList","description":"Exact tags to mirror."},"digests":{"$ref":"#/$defs/stringList","description":"Exact digests (sha256:...) to mirror."},"exclude":{"$ref":"#/$defs/stringList","description":"Tags (or globs) never mirrored."},"sortBy":{"type":"string","enum":["semver","alphabetical","numerical"],"description":"Order before the limit, highest first (default semver)."},"limit":{"type":"integer","minimum":0,"description":"How many tags from the top; 0 = all (default 1, or all listed tags/digests)."}}},"verify":{"type":"object","additionalProperties":false,"required":["provider"],"anyOf":[{"required":["matchOIDCIdentity"]},{"required":["publicKey"]}],"description":"Verify cosign signatures (keyless: matchOIDCIdentity; key-based: publicKey) of every selected tag before copying.","properties":{"provider":{"type":"string","enum":["cosign"]},"matchOIDCIdentity":{"type":"array","minItems":1,"description":"Accepted signing identities (any one matches).","items":{"type":"object","additionalProperties":false,"required":["issuer","subject"],"properties":{"issuer":{"type":"string","minLength":1,"description":"OIDC issuer URL."},"subject":{"type":"string","minLength":1,"description":"Go regular expression for the certificate subject (SAN), matched unanchored as flux mirror does: anchor it with ^...$."}}}},"minAge":{"type":"string","description":"Signature must be at least this old (Go duration, e.g. 48h), measured from its verified transparency-log time; younger tags are skipped (signature-too-new)."},"publicKey":{"type":"object","additionalProperties":false,"description":"Key-based verification: the cosign public key (PEM).","properties":{"fromPath":{"type":"string","minLength":1,"description":"PEM file, relative to the config."},"value":{"type":"string","minLength":1,"description":"PEM text."}}},"trustedRoot":{"type":"string","minLength":1,"description":"Sigstore trusted_root.json (path relative to the config) for air-gapped runs and private Sigstore instances; default defaults.trustedRoot, else the public-good root through TUF."}}},"chart":{"type":"object","additionalProperties":false,"required":["name","source"],"properties":{"name":{"type":"string","minLength":1,"description":"Chart name in the source repository."},"source":{"type":"string","minLength":1,"description":"https:// or http:// repository, oci:// registry path, or ./local/chart/dir."},"destination":{"type":"string","description":"oci:// base URL; the chart name is appended (default oci://<defaults.destination>)."},"version":{"type":"string","minLength":1,"description":"Semver range (default *)."},"limit":{"type":"integer","minimum":0,"description":"How many of the highest versions; 0 = all (default 1)."},"overwrite":{"type":"boolean","description":"Replace destination versions whose digest differs."},"images":{"type":"object","additionalProperties":false,"description":"Mirror the container images the chart references.","properties":{"discover":{"type":"boolean","description":"Render the chart and mirror every image found (default true when images is set)."},"includeReferrers":{"type":"boolean","description":"Also copy each discovered image's referrers (signatures, SBOMs, attestations) and cosign tags (default: defaults.includeReferrers)."},"values":{"type":"object","description":"Values for rendering."},"valuesFiles":{"type":"array","items":{"type":"string","minLength":1},"description":"Values files for rendering (relative to the config file), applied before `values`."},"set":{"type":"object","additionalProperties":{"type":["string","number","boolean"]},"description":"`helm template --set` overrides, applied last."},"kubeVersion":{"type":"string","minLength":1,"description":"`helm template --kube-version`."},"apiVersions":{"type":"array","items":{"type":"string","minLength":1},"description":"`helm template --api-versions` (capabilities the chart may test for)."},"prefix":{"type":"string","description":"Extra path between `destination` and each image's repository path."},"destination":{"type":"string","minLength":1,"description":"Registry prefix for the images (default: defaults.destination)."}}}}},"host":{"type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"type":"string","minLength":1,"description":"Registry host, e.g. registry.example.com or localhost:5000."},"username":{"type":"string","description":"With a username the credential is sent as its password (Basic); without, as a bearer token."},"credential":{"type":"object","additionalProperties":false,"description":"Exactly one of value, fromPath, jwkPath, jwkValue, provider.","properties":{"value":{"type":"string","description":"Token or password; use ${VAR}."},"fromPath":{"type":"string","description":"File holding the token (inside the config directory)."},"jwkPath":{"type":"string","description":"Private JWK file to sign a fresh JWT with."},"jwkValue":{"type":"string","description":"Private JWK to sign a fresh JWT with; use ${VAR}."},"provider":{"type":"string","enum":["github","forgejo","gcp","azure","aws","spiffe"],"description":"Mint a per-request token from the ambient identity (github = Actions OIDC)."},"audience":{"type":"string","description":"Token audience (default: the host)."},"audiences":{"$ref":"#/$defs/stringList","description":"Several audiences."},"issuer":{"type":"string","description":"iss claim for jwkPath/jwkValue."},"subject":{"type":"string","description":"sub claim for jwkPath/jwkValue."},"expiration":{"type":"string","description":"JWT lifetime for jwkPath/jwkValue (Go duration, default 60s)."},"envelope":{"type":"string","description":"Go template wrapping the token, e.g. token-{{ hex .Token }}."}}},"provider":{"type":"string","enum":["generic","ecr","acr","gar","jfrog","quay","dockerhub","ghcr"],"description":"Cloud registry login through OIDC (exchanged for registry credentials)."},"audience":{"type":"string","description":"OIDC audience requested for the provider's exchange (default: sts.amazonaws.com for ecr, https://iam.googleapis.com/<workloadIdentityProvider> for gar, api://AzureADTokenExchange for acr, https://identity.docker.com for dockerhub, the host for quay, GitHub's default for jfrog)."},"providerName":{"type":"string","description":"JFrog OIDC integration name (jfrog)."},"connectionId":{"type":"string","description":"Docker Hub OIDC connection id (dockerhub)."},"roleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$","description":"AWS role assumed with the OIDC token (ecr)."},"region":{"type":"string","description":"AWS region (ecr; default: from the host)."},"workloadIdentityProvider":{"type":"string","description":"GCP workload identity provider (gar)."},"serviceAccount":{"type":"string","description":"GCP service account (gar)."},"tenantId":{"type":"string","description":"Azure tenant id (acr)."},"clientId":{"type":"string","description":"Azure client id (acr)."},"createRepositories":{"type":"boolean","description":"Create missing destination repositories with the ECR (or ECR Public) CreateRepository API before pushing (ecr; needs ecr:CreateRepository)."},"insecure":{"type":"boolean","description":"Skip TLS certificate verification."},"plainHTTP":{"type":"boolean","description":"Use http:// instead of https://."},"tls":{"type":"object","additionalProperties":false,"properties":{"serverAuth":{"type":"object","additionalProperties":false,"description":"Custom CA bundle for the registry's certificate.","properties":{"caFromPath":{"type":"string","description":"PEM CA bundle file (inside the config directory)."},"caValue":{"type":"string","description":"Inline PEM CA bundle."}}},"clientAuth":{"type":"object","additionalProperties":false,"description":"Client certificate (mTLS).","properties":{"certFromPath":{"type":"string"},"certValue":{"type":"string"},"keyFromPath":{"type":"string"},"keyValue":{"type":"string"}}}}},"maxChunkSize":{"type":"integer","minimum":0,"description":"KiB per blob upload PATCH; 0 = one request per blob."},"rateLimit":{"type":"object","additionalProperties":false,"required":["requestsPerSecond"],"description":"At most this many requests per second to the host (token bucket).","properties":{"requestsPerSecond":{"type":"number","exclusiveMinimum":0},"burst":{"type":"integer","minimum":1,"description":"Requests that may go at once after a quiet spell (default: requestsPerSecond, rounded up)."}}},"maxConcurrency":{"type":"integer","minimum":1,"description":"At most this many requests to the host awaiting an answer at once."},"listing":{"type":"object","additionalProperties":false,"required":["api"],"description":"The registry's bulk tag digest API, used on the source side to plan without one HEAD per source tag (default: Docker Hub's for docker.io, Quay's for quay.io, the GitHub Packages API for ghcr.io, the Artifact Registry API for *-docker.pkg.dev; DescribeImages for hosts with `provider: ecr`). `harbor` must be asked for.","properties":{"api":{"enum":["dockerhub","quay","ghcr","harbor","gar","none"]},"location":{"type":"string","minLength":1,"description":"gar only: the Artifact Registry location (default: from the host, `{location}-docker.pkg.dev`)."},"url":{"type":"string","pattern":"^https?://","description":"Base URL of the API (default: https://hub.docker.com, https://quay.io, https://api.github.com, https://artifactregistry.googleapis.com, and https://<host> for harbor)."}}}}}}};const schema39 = {"type":"object","additionalProperties":false,"required":["name","source"],"properties":{"name":{"type":"string","minLength":1,"description":"Chart name in the source repository."},"source":{"type":"string","minLength":1,"description":"https:// or http:// repository, oci:// registry path, or ./local/chart/dir."},"destination":{"type":"string","description":"oci:// base URL; the chart name is appended (default oci://<defaults.destination>)."},"version":{"type":"string","minLength":1,"description":"Semver range (default *)."},"limit":{"type":"integer","minimum":0,"description":"How many of the highest versions; 0 = all (default 1)."},"overwrite":{"type":"boolean","description":"Replace destination versions whose digest differs."},"images":{"type":"object","additionalProperties":false,"description":"Mirror the container images the chart references.","properties":{"discover":{"type":"boolean","description":"Render the chart and mirror every image found (default true when images is set)."},"includeReferrers":{"type":"boolean","description":"Also copy each discovered image's referrers (signatures, SBOMs, attestations) and cosign tags (default: defaults.includeReferrers)."},"values":{"type":"object","description":"Values for rendering."},"valuesFiles":{"type":"array","items":{"type":"string","minLength":1},"description":"Values files for rendering (relative to the config file), applied before `values`."},"set":{"type":"object","additionalProperties":{"type":["string","number","boolean"]},"description":"`helm template --set` overrides, applied last."},"kubeVersion":{"type":"string","minLength":1,"description":"`helm template --kube-version`."},"apiVersions":{"type":"array","items":{"type":"string","minLength":1},"description":"`helm template --api-versions` (capabilities the chart may test for)."},"prefix":{"type":"string","description":"Extra path between `destination` and each image's repository path."},"destination":{"type":"string","minLength":1,"description":"Registry prefix for the images (default: defaults.destination)."}}}}};const oci_mirror_v1_func1 = ucs2length["default"] ?? ucs2length;const func3 = Object.prototype.hasOwnProperty;const oci_mirror_v1_schema32 = {"type":"object","additionalProperties":false,"required":["source"],"properties":{"name":{"type":"string","minLength":1,"description":"Entry name for reports and annotations (default: the source repository). Unique."},"source":{"type":"string","minLength":1,"description":"Source reference host/repository[:tag][@sha256:digest]. A tag or digest here selects exactly that tag or digest."},"destination":{"type":"string","minLength":1,"description":"Destination repository host/repository (no tag); tags keep their names."},"destinations":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"Several destination repositories (fan-out). Use either destination or destinations."},"selector":{"$ref":"#/$defs/selector"},"overwrite":{"type":"boolean","description":"Replace destination tags whose digest differs (default: defaults.overwrite)."},"includeReferrers":{"type":"boolean","description":"Also mirror referrers (default: defaults.includeReferrers)."},"platforms":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$"},"description":"Copy only these platforms of multi-platform images (os/arch[/variant]); the copy is then no longer bit-for-bit."},"verify":{"$ref":"#/$defs/verify"}}};const oci_mirror_v1_schema38 = {"type":"object","additionalProperties":false,"required":["provider"],"anyOf":[{"required":["matchOIDCIdentity"]},{"required":["publicKey"]}],"description":"Verify cosign signatures (keyless: matchOIDCIdentity; key-based: publicKey) of every selected tag before copying.","properties":{"provider":{"type":"string","enum":["cosign"]},"matchOIDCIdentity":{"type":"array","minItems":1,"description":"Accepted signing identities (any one matches).","items":{"type":"object","additionalProperties":false,"required":["issuer","subject"],"properties":{"issuer":{"type":"string","minLength":1,"description":"OIDC issuer URL."},"subject":{"type":"string","minLength":1,"description":"Go regular expression for the certificate subject (SAN), matched unanchored as flux mirror does: anchor it with ^...$."}}}},"minAge":{"type":"string","description":"Signature must be at least this old (Go duration, e.g. 48h), measured from its verified transparency-log time; younger tags are skipped (signature-too-new)."},"publicKey":{"type":"object","additionalProperties":false,"description":"Key-based verification: the cosign public key (PEM).","properties":{"fromPath":{"type":"string","minLength":1,"description":"PEM file, relative to the config."},"value":{"type":"string","minLength":1,"description":"PEM text."}}},"trustedRoot":{"type":"string","minLength":1,"description":"Sigstore trusted_root.json (path relative to the config) for air-gapped runs and private Sigstore instances; default defaults.trustedRoot, else the public-good root through TUF."}}};const oci_mirror_v1_schema33 = {"type":"object","additionalProperties":false,"description":"Which tags to mirror: regex (+extract) -> semver range -> glob/tags/exclude -> sort -> limit. Default: the highest semver tag.","properties":{"regex":{"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1,"description":"Regular expression tags must match (Go (?P<name>...) groups accepted)."},"extract":{"type":"string","minLength":1,"description":"Template of named groups used as the sort/semver key, e.g. $version."}}},"semver":{"type":"string","minLength":1,"description":"Semver range, e.g. \">=6.0.0 <7\" or 6.x."},"prerelease":{"type":"boolean","description":"Let the semver range match prerelease versions."},"glob":{"description":"Glob pattern(s) tags must match, e.g. v1.*.","oneOf":[{"type":"string","minLength":1},{"$ref":"#/$defs/stringList"}]},"tags":{"$ref":"#/$defs/stringList","description":"Exact tags to mirror."},"digests":{"$ref":"#/$defs/stringList","description":"Exact digests (sha256:...) to mirror."},"exclude":{"$ref":"#/$defs/stringList","description":"Tags (or globs) never mirrored."},"sortBy":{"type":"string","enum":["semver","alphabetical","numerical"],"description":"Order before the limit, highest first (default semver)."},"limit":{"type":"integer","minimum":0,"description":"How many tags from the top; 0 = all (default 1, or all listed tags/digests)."}}};const oci_mirror_v1_schema34 = {"type":"array","items":{"type":"string","minLength":1}};function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate22.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(func3.call(oci_mirror_v1_schema33.properties, key0))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema33,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.regex !== undefined){let data0 = data.regex;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.pattern === undefined){const err1 = {instancePath:instancePath+"/regex",schemaPath:"#/properties/regex/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:oci_mirror_v1_schema33.properties.regex.required,parentSchema:oci_mirror_v1_schema33.properties.regex,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key1 in data0){if(!((key1 === "pattern") || (key1 === "extract"))){const err2 = {instancePath:instancePath+"/regex",schemaPath:"#/properties/regex/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema33.properties.regex,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data0.pattern !== undefined){let data1 = data0.pattern;if(typeof data1 === "string"){if(oci_mirror_v1_func1(data1) < 1){const err3 = {instancePath:instancePath+"/regex/pattern",schemaPath:"#/properties/regex/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema33.properties.regex.properties.pattern,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/regex/pattern",schemaPath:"#/properties/regex/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema33.properties.regex.properties.pattern.type,parentSchema:oci_mirror_v1_schema33.properties.regex.properties.pattern,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data0.extract !== undefined){let data2 = data0.extract;if(typeof data2 === "string"){if(oci_mirror_v1_func1(data2) < 1){const err5 = {instancePath:instancePath+"/regex/extract",schemaPath:"#/properties/regex/properties/extract/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema33.properties.regex.properties.extract,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/regex/extract",schemaPath:"#/properties/regex/properties/extract/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema33.properties.regex.properties.extract.type,parentSchema:oci_mirror_v1_schema33.properties.regex.properties.extract,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/regex",schemaPath:"#/properties/regex/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema33.properties.regex.type,parentSchema:oci_mirror_v1_schema33.properties.regex,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.semver !== undefined){let data3 = data.semver;if(typeof data3 === "string"){if(oci_mirror_v1_func1(data3) < 1){const err8 = {instancePath:instancePath+"/semver",schemaPath:"#/properties/semver/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema33.properties.semver,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/semver",schemaPath:"#/properties/semver/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema33.properties.semver.type,parentSchema:oci_mirror_v1_schema33.properties.semver,data:data3};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.prerelease !== undefined){let data4 = data.prerelease;if(typeof data4 !== "boolean"){const err10 = {instancePath:instancePath+"/prerelease",schemaPath:"#/properties/prerelease/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:oci_mirror_v1_schema33.properties.prerelease.type,parentSchema:oci_mirror_v1_schema33.properties.prerelease,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.glob !== undefined){let data5 = data.glob;const _errs14 = errors;let valid2 = false;let passing0 = null;const _errs15 = errors;if(typeof data5 === "string"){if(oci_mirror_v1_func1(data5) < 1){const err11 = {instancePath:instancePath+"/glob",schemaPath:"#/properties/glob/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema33.properties.glob.oneOf[0],data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/glob",schemaPath:"#/properties/glob/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema33.properties.glob.oneOf[0].type,parentSchema:oci_mirror_v1_schema33.properties.glob.oneOf[0],data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}var _valid0 = _errs15 === errors;if(_valid0){valid2 = true;passing0 = 0;}const _errs17 = errors;if(Array.isArray(data5)){const len0 = data5.length;for(let i0=0; i0<len0; i0++){let data6 = data5[i0];if(typeof data6 === "string"){if(oci_mirror_v1_func1(data6) < 1){const err13 = {instancePath:instancePath+"/glob/" + i0,schemaPath:"#/$defs/stringList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema34.items,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/glob/" + i0,schemaPath:"#/$defs/stringList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema34.items.type,parentSchema:oci_mirror_v1_schema34.items,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/glob",schemaPath:"#/$defs/stringList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema34.type,parentSchema:oci_mirror_v1_schema34,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}var _valid0 = _errs17 === errors;if(_valid0 && valid2){valid2 = false;passing0 = [passing0, 1];}else {if(_valid0){valid2 = true;passing0 = 1;}}if(!valid2){const err16 = {instancePath:instancePath+"/glob",schemaPath:"#/properties/glob/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:oci_mirror_v1_schema33.properties.glob.oneOf,parentSchema:oci_mirror_v1_schema33.properties.glob,data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}else {errors = _errs14;if(vErrors !== null){if(_errs14){vErrors.length = _errs14;}else {vErrors = null;}}}}if(data.tags !== undefined){let data7 = data.tags;if(Array.isArray(data7)){const len1 = data7.length;for(let i1=0; i1<len1; i1++){let data8 = data7[i1];if(typeof data8 === "string"){if(oci_mirror_v1_func1(data8) < 1){const err17 = {instancePath:instancePath+"/tags/" + i1,schemaPath:"#/$defs/stringList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema34.items,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/tags/" + i1,schemaPath:"#/$defs/stringList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema34.items.type,parentSchema:oci_mirror_v1_schema34.items,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/stringList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema34.type,parentSchema:oci_mirror_v1_schema34,data:data7};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.digests !== undefined){let data9 = data.digests;if(Array.isArray(data9)){const len2 = data9.length;for(let i2=0; i2<len2; i2++){let data10 = data9[i2];if(typeof data10 === "string"){if(oci_mirror_v1_func1(data10) < 1){const err20 = {instancePath:instancePath+"/digests/" + i2,schemaPath:"#/$defs/stringList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema34.items,data:data10};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/digests/" + i2,schemaPath:"#/$defs/stringList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema34.items.type,parentSchema:oci_mirror_v1_schema34.items,data:data10};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/digests",schemaPath:"#/$defs/stringList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema34.type,parentSchema:oci_mirror_v1_schema34,data:data9};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.exclude !== undefined){let data11 = data.exclude;if(Array.isArray(data11)){const len3 = data11.length;for(let i3=0; i3<len3; i3++){let data12 = data11[i3];if(typeof data12 === "string"){if(oci_mirror_v1_func1(data12) < 1){const err23 = {instancePath:instancePath+"/exclude/" + i3,schemaPath:"#/$defs/stringList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema34.items,data:data12};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}else {const err24 = {instancePath:instancePath+"/exclude/" + i3,schemaPath:"#/$defs/stringList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema34.items.type,parentSchema:oci_mirror_v1_schema34.items,data:data12};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/exclude",schemaPath:"#/$defs/stringList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema34.type,parentSchema:oci_mirror_v1_schema34,data:data11};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data.sortBy !== undefined){let data13 = data.sortBy;if(typeof data13 !== "string"){const err26 = {instancePath:instancePath+"/sortBy",schemaPath:"#/properties/sortBy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema33.properties.sortBy.type,parentSchema:oci_mirror_v1_schema33.properties.sortBy,data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(!(((data13 === "semver") || (data13 === "alphabetical")) || (data13 === "numerical"))){const err27 = {instancePath:instancePath+"/sortBy",schemaPath:"#/properties/sortBy/enum",keyword:"enum",params:{allowedValues: oci_mirror_v1_schema33.properties.sortBy.enum},message:"must be equal to one of the allowed values",schema:oci_mirror_v1_schema33.properties.sortBy.enum,parentSchema:oci_mirror_v1_schema33.properties.sortBy,data:data13};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.limit !== undefined){let data14 = data.limit;if(!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))){const err28 = {instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:oci_mirror_v1_schema33.properties.limit.type,parentSchema:oci_mirror_v1_schema33.properties.limit,data:data14};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(typeof data14 == "number"){if(data14 < 0 || isNaN(data14)){const err29 = {instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:oci_mirror_v1_schema33.properties.limit,data:data14};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}}else {const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema33.type,parentSchema:oci_mirror_v1_schema33,data};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}validate22.errors = vErrors;return errors === 0;}validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const pattern4 = new RegExp("^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$", "u");function oci_mirror_v1_validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = oci_mirror_v1_validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.source === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:oci_mirror_v1_schema32.required,parentSchema:oci_mirror_v1_schema32,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(func3.call(oci_mirror_v1_schema32.properties, key0))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema32,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(oci_mirror_v1_func1(data0) < 1){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema32.properties.name,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema32.properties.name.type,parentSchema:oci_mirror_v1_schema32.properties.name,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.source !== undefined){let data1 = data.source;if(typeof data1 === "string"){if(oci_mirror_v1_func1(data1) < 1){const err4 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema32.properties.source,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema32.properties.source.type,parentSchema:oci_mirror_v1_schema32.properties.source,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.destination !== undefined){let data2 = data.destination;if(typeof data2 === "string"){if(oci_mirror_v1_func1(data2) < 1){const err6 = {instancePath:instancePath+"/destination",schemaPath:"#/properties/destination/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema32.properties.destination,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/destination",schemaPath:"#/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema32.properties.destination.type,parentSchema:oci_mirror_v1_schema32.properties.destination,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.destinations !== undefined){let data3 = data.destinations;if(Array.isArray(data3)){if(data3.length < 1){const err8 = {instancePath:instancePath+"/destinations",schemaPath:"#/properties/destinations/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:oci_mirror_v1_schema32.properties.destinations,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}const len0 = data3.length;for(let i0=0; i0<len0; i0++){let data4 = data3[i0];if(typeof data4 === "string"){if(oci_mirror_v1_func1(data4) < 1){const err9 = {instancePath:instancePath+"/destinations/" + i0,schemaPath:"#/properties/destinations/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema32.properties.destinations.items,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/destinations/" + i0,schemaPath:"#/properties/destinations/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema32.properties.destinations.items.type,parentSchema:oci_mirror_v1_schema32.properties.destinations.items,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/destinations",schemaPath:"#/properties/destinations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema32.properties.destinations.type,parentSchema:oci_mirror_v1_schema32.properties.destinations,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.selector !== undefined){if(!(validate22(data.selector, {instancePath:instancePath+"/selector",parentData:data,parentDataProperty:"selector",rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);errors = vErrors.length;}}if(data.overwrite !== undefined){let data6 = data.overwrite;if(typeof data6 !== "boolean"){const err12 = {instancePath:instancePath+"/overwrite",schemaPath:"#/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:oci_mirror_v1_schema32.properties.overwrite.type,parentSchema:oci_mirror_v1_schema32.properties.overwrite,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.includeReferrers !== undefined){let data7 = data.includeReferrers;if(typeof data7 !== "boolean"){const err13 = {instancePath:instancePath+"/includeReferrers",schemaPath:"#/properties/includeReferrers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:oci_mirror_v1_schema32.properties.includeReferrers.type,parentSchema:oci_mirror_v1_schema32.properties.includeReferrers,data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.platforms !== undefined){let data8 = data.platforms;if(Array.isArray(data8)){if(data8.length < 1){const err14 = {instancePath:instancePath+"/platforms",schemaPath:"#/properties/platforms/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:oci_mirror_v1_schema32.properties.platforms,data:data8};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}const len1 = data8.length;for(let i1=0; i1<len1; i1++){let data9 = data8[i1];if(typeof data9 === "string"){if(!pattern4.test(data9)){const err15 = {instancePath:instancePath+"/platforms/" + i1,schemaPath:"#/properties/platforms/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$"},message:"must match pattern \""+"^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$"+"\"",schema:"^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$",parentSchema:oci_mirror_v1_schema32.properties.platforms.items,data:data9};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/platforms/" + i1,schemaPath:"#/properties/platforms/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema32.properties.platforms.items.type,parentSchema:oci_mirror_v1_schema32.properties.platforms.items,data:data9};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath:instancePath+"/platforms",schemaPath:"#/properties/platforms/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema32.properties.platforms.type,parentSchema:oci_mirror_v1_schema32.properties.platforms,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.verify !== undefined){let data10 = data.verify;const _errs24 = errors;let valid6 = false;const _errs25 = errors;if(data10 && typeof data10 == "object" && !Array.isArray(data10)){if(data10.matchOIDCIdentity === undefined){const err18 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/anyOf/0/required",keyword:"required",params:{missingProperty: "matchOIDCIdentity"},message:"must have required property '"+"matchOIDCIdentity"+"'",schema:oci_mirror_v1_schema38.anyOf[0].required,parentSchema:oci_mirror_v1_schema38.anyOf[0],data:data10};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}var _valid0 = _errs25 === errors;valid6 = valid6 || _valid0;const _errs26 = errors;if(data10 && typeof data10 == "object" && !Array.isArray(data10)){if(data10.publicKey === undefined){const err19 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/anyOf/1/required",keyword:"required",params:{missingProperty: "publicKey"},message:"must have required property '"+"publicKey"+"'",schema:oci_mirror_v1_schema38.anyOf[1].required,parentSchema:oci_mirror_v1_schema38.anyOf[1],data:data10};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}var _valid0 = _errs26 === errors;valid6 = valid6 || _valid0;if(!valid6){const err20 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:oci_mirror_v1_schema38.anyOf,parentSchema:oci_mirror_v1_schema38,data:data10};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}else {errors = _errs24;if(vErrors !== null){if(_errs24){vErrors.length = _errs24;}else {vErrors = null;}}}if(data10 && typeof data10 == "object" && !Array.isArray(data10)){if(data10.provider === undefined){const err21 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:oci_mirror_v1_schema38.required,parentSchema:oci_mirror_v1_schema38,data:data10};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}for(const key1 in data10){if(!(((((key1 === "provider") || (key1 === "matchOIDCIdentity")) || (key1 === "minAge")) || (key1 === "publicKey")) || (key1 === "trustedRoot"))){const err22 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema38,data:data10};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data10.provider !== undefined){let data11 = data10.provider;if(typeof data11 !== "string"){const err23 = {instancePath:instancePath+"/verify/provider",schemaPath:"#/$defs/verify/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema38.properties.provider.type,parentSchema:oci_mirror_v1_schema38.properties.provider,data:data11};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if(!(data11 === "cosign")){const err24 = {instancePath:instancePath+"/verify/provider",schemaPath:"#/$defs/verify/properties/provider/enum",keyword:"enum",params:{allowedValues: oci_mirror_v1_schema38.properties.provider.enum},message:"must be equal to one of the allowed values",schema:oci_mirror_v1_schema38.properties.provider.enum,parentSchema:oci_mirror_v1_schema38.properties.provider,data:data11};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data10.matchOIDCIdentity !== undefined){let data12 = data10.matchOIDCIdentity;if(Array.isArray(data12)){if(data12.length < 1){const err25 = {instancePath:instancePath+"/verify/matchOIDCIdentity",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity,data:data12};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}const len2 = data12.length;for(let i2=0; i2<len2; i2++){let data13 = data12[i2];if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.issuer === undefined){const err26 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/required",keyword:"required",params:{missingProperty: "issuer"},message:"must have required property '"+"issuer"+"'",schema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.required,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items,data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(data13.subject === undefined){const err27 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/required",keyword:"required",params:{missingProperty: "subject"},message:"must have required property '"+"subject"+"'",schema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.required,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items,data:data13};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}for(const key2 in data13){if(!((key2 === "issuer") || (key2 === "subject"))){const err28 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items,data:data13};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data13.issuer !== undefined){let data14 = data13.issuer;if(typeof data14 === "string"){if(oci_mirror_v1_func1(data14) < 1){const err29 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2+"/issuer",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/issuer/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.properties.issuer,data:data14};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}else {const err30 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2+"/issuer",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.properties.issuer.type,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.properties.issuer,data:data14};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data13.subject !== undefined){let data15 = data13.subject;if(typeof data15 === "string"){if(oci_mirror_v1_func1(data15) < 1){const err31 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2+"/subject",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/subject/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.properties.subject,data:data15};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}else {const err32 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2+"/subject",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.properties.subject.type,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.properties.subject,data:data15};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/verify/matchOIDCIdentity/" + i2,schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items.type,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.items,data:data13};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath:instancePath+"/verify/matchOIDCIdentity",schemaPath:"#/$defs/verify/properties/matchOIDCIdentity/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema38.properties.matchOIDCIdentity.type,parentSchema:oci_mirror_v1_schema38.properties.matchOIDCIdentity,data:data12};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data10.minAge !== undefined){let data16 = data10.minAge;if(typeof data16 !== "string"){const err35 = {instancePath:instancePath+"/verify/minAge",schemaPath:"#/$defs/verify/properties/minAge/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema38.properties.minAge.type,parentSchema:oci_mirror_v1_schema38.properties.minAge,data:data16};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data10.publicKey !== undefined){let data17 = data10.publicKey;if(data17 && typeof data17 == "object" && !Array.isArray(data17)){for(const key3 in data17){if(!((key3 === "fromPath") || (key3 === "value"))){const err36 = {instancePath:instancePath+"/verify/publicKey",schemaPath:"#/$defs/verify/properties/publicKey/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema38.properties.publicKey,data:data17};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data17.fromPath !== undefined){let data18 = data17.fromPath;if(typeof data18 === "string"){if(oci_mirror_v1_func1(data18) < 1){const err37 = {instancePath:instancePath+"/verify/publicKey/fromPath",schemaPath:"#/$defs/verify/properties/publicKey/properties/fromPath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema38.properties.publicKey.properties.fromPath,data:data18};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}else {const err38 = {instancePath:instancePath+"/verify/publicKey/fromPath",schemaPath:"#/$defs/verify/properties/publicKey/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema38.properties.publicKey.properties.fromPath.type,parentSchema:oci_mirror_v1_schema38.properties.publicKey.properties.fromPath,data:data18};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data17.value !== undefined){let data19 = data17.value;if(typeof data19 === "string"){if(oci_mirror_v1_func1(data19) < 1){const err39 = {instancePath:instancePath+"/verify/publicKey/value",schemaPath:"#/$defs/verify/properties/publicKey/properties/value/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema38.properties.publicKey.properties.value,data:data19};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}else {const err40 = {instancePath:instancePath+"/verify/publicKey/value",schemaPath:"#/$defs/verify/properties/publicKey/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema38.properties.publicKey.properties.value.type,parentSchema:oci_mirror_v1_schema38.properties.publicKey.properties.value,data:data19};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}}else {const err41 = {instancePath:instancePath+"/verify/publicKey",schemaPath:"#/$defs/verify/properties/publicKey/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema38.properties.publicKey.type,parentSchema:oci_mirror_v1_schema38.properties.publicKey,data:data17};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data10.trustedRoot !== undefined){let data20 = data10.trustedRoot;if(typeof data20 === "string"){if(oci_mirror_v1_func1(data20) < 1){const err42 = {instancePath:instancePath+"/verify/trustedRoot",schemaPath:"#/$defs/verify/properties/trustedRoot/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema38.properties.trustedRoot,data:data20};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}else {const err43 = {instancePath:instancePath+"/verify/trustedRoot",schemaPath:"#/$defs/verify/properties/trustedRoot/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema38.properties.trustedRoot.type,parentSchema:oci_mirror_v1_schema38.properties.trustedRoot,data:data20};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}}else {const err44 = {instancePath:instancePath+"/verify",schemaPath:"#/$defs/verify/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema38.type,parentSchema:oci_mirror_v1_schema38,data:data10};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}else {const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema32.type,parentSchema:oci_mirror_v1_schema32,data};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}oci_mirror_v1_validate21.errors = vErrors;return errors === 0;}oci_mirror_v1_validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const schema40 = {"type":"object","additionalProperties":false,"required":["host"],"properties":{"host":{"type":"string","minLength":1,"description":"Registry host, e.g. registry.example.com or localhost:5000."},"username":{"type":"string","description":"With a username the credential is sent as its password (Basic); without, as a bearer token."},"credential":{"type":"object","additionalProperties":false,"description":"Exactly one of value, fromPath, jwkPath, jwkValue, provider.","properties":{"value":{"type":"string","description":"Token or password; use ${VAR}."},"fromPath":{"type":"string","description":"File holding the token (inside the config directory)."},"jwkPath":{"type":"string","description":"Private JWK file to sign a fresh JWT with."},"jwkValue":{"type":"string","description":"Private JWK to sign a fresh JWT with; use ${VAR}."},"provider":{"type":"string","enum":["github","forgejo","gcp","azure","aws","spiffe"],"description":"Mint a per-request token from the ambient identity (github = Actions OIDC)."},"audience":{"type":"string","description":"Token audience (default: the host)."},"audiences":{"$ref":"#/$defs/stringList","description":"Several audiences."},"issuer":{"type":"string","description":"iss claim for jwkPath/jwkValue."},"subject":{"type":"string","description":"sub claim for jwkPath/jwkValue."},"expiration":{"type":"string","description":"JWT lifetime for jwkPath/jwkValue (Go duration, default 60s)."},"envelope":{"type":"string","description":"Go template wrapping the token, e.g. token-{{ hex .Token }}."}}},"provider":{"type":"string","enum":["generic","ecr","acr","gar","jfrog","quay","dockerhub","ghcr"],"description":"Cloud registry login through OIDC (exchanged for registry credentials)."},"audience":{"type":"string","description":"OIDC audience requested for the provider's exchange (default: sts.amazonaws.com for ecr, https://iam.googleapis.com/<workloadIdentityProvider> for gar, api://AzureADTokenExchange for acr, https://identity.docker.com for dockerhub, the host for quay, GitHub's default for jfrog)."},"providerName":{"type":"string","description":"JFrog OIDC integration name (jfrog)."},"connectionId":{"type":"string","description":"Docker Hub OIDC connection id (dockerhub)."},"roleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$","description":"AWS role assumed with the OIDC token (ecr)."},"region":{"type":"string","description":"AWS region (ecr; default: from the host)."},"workloadIdentityProvider":{"type":"string","description":"GCP workload identity provider (gar)."},"serviceAccount":{"type":"string","description":"GCP service account (gar)."},"tenantId":{"type":"string","description":"Azure tenant id (acr)."},"clientId":{"type":"string","description":"Azure client id (acr)."},"createRepositories":{"type":"boolean","description":"Create missing destination repositories with the ECR (or ECR Public) CreateRepository API before pushing (ecr; needs ecr:CreateRepository)."},"insecure":{"type":"boolean","description":"Skip TLS certificate verification."},"plainHTTP":{"type":"boolean","description":"Use http:// instead of https://."},"tls":{"type":"object","additionalProperties":false,"properties":{"serverAuth":{"type":"object","additionalProperties":false,"description":"Custom CA bundle for the registry's certificate.","properties":{"caFromPath":{"type":"string","description":"PEM CA bundle file (inside the config directory)."},"caValue":{"type":"string","description":"Inline PEM CA bundle."}}},"clientAuth":{"type":"object","additionalProperties":false,"description":"Client certificate (mTLS).","properties":{"certFromPath":{"type":"string"},"certValue":{"type":"string"},"keyFromPath":{"type":"string"},"keyValue":{"type":"string"}}}}},"maxChunkSize":{"type":"integer","minimum":0,"description":"KiB per blob upload PATCH; 0 = one request per blob."},"rateLimit":{"type":"object","additionalProperties":false,"required":["requestsPerSecond"],"description":"At most this many requests per second to the host (token bucket).","properties":{"requestsPerSecond":{"type":"number","exclusiveMinimum":0},"burst":{"type":"integer","minimum":1,"description":"Requests that may go at once after a quiet spell (default: requestsPerSecond, rounded up)."}}},"maxConcurrency":{"type":"integer","minimum":1,"description":"At most this many requests to the host awaiting an answer at once."},"listing":{"type":"object","additionalProperties":false,"required":["api"],"description":"The registry's bulk tag digest API, used on the source side to plan without one HEAD per source tag (default: Docker Hub's for docker.io, Quay's for quay.io, the GitHub Packages API for ghcr.io, the Artifact Registry API for *-docker.pkg.dev; DescribeImages for hosts with `provider: ecr`). `harbor` must be asked for.","properties":{"api":{"enum":["dockerhub","quay","ghcr","harbor","gar","none"]},"location":{"type":"string","minLength":1,"description":"gar only: the Artifact Registry location (default: from the host, `{location}-docker.pkg.dev`)."},"url":{"type":"string","pattern":"^https?://","description":"Base URL of the API (default: https://hub.docker.com, https://quay.io, https://api.github.com, https://artifactregistry.googleapis.com, and https://<host> for harbor)."}}}}};const pattern5 = new RegExp("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", "u");const pattern6 = new RegExp("^https?://", "u");function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = validate25.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.host === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema40.required,parentSchema:schema40,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(func3.call(schema40.properties, key0))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.host !== undefined){let data0 = data.host;if(typeof data0 === "string"){if(oci_mirror_v1_func1(data0) < 1){const err2 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.host,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.host.type,parentSchema:schema40.properties.host,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.username !== undefined){let data1 = data.username;if(typeof data1 !== "string"){const err4 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.username.type,parentSchema:schema40.properties.username,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.credential !== undefined){let data2 = data.credential;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){if(!(func3.call(schema40.properties.credential.properties, key1))){const err5 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.credential,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data2.value !== undefined){let data3 = data2.value;if(typeof data3 !== "string"){const err6 = {instancePath:instancePath+"/credential/value",schemaPath:"#/properties/credential/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.value.type,parentSchema:schema40.properties.credential.properties.value,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data2.fromPath !== undefined){let data4 = data2.fromPath;if(typeof data4 !== "string"){const err7 = {instancePath:instancePath+"/credential/fromPath",schemaPath:"#/properties/credential/properties/fromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.fromPath.type,parentSchema:schema40.properties.credential.properties.fromPath,data:data4};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data2.jwkPath !== undefined){let data5 = data2.jwkPath;if(typeof data5 !== "string"){const err8 = {instancePath:instancePath+"/credential/jwkPath",schemaPath:"#/properties/credential/properties/jwkPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.jwkPath.type,parentSchema:schema40.properties.credential.properties.jwkPath,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data2.jwkValue !== undefined){let data6 = data2.jwkValue;if(typeof data6 !== "string"){const err9 = {instancePath:instancePath+"/credential/jwkValue",schemaPath:"#/properties/credential/properties/jwkValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.jwkValue.type,parentSchema:schema40.properties.credential.properties.jwkValue,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data2.provider !== undefined){let data7 = data2.provider;if(typeof data7 !== "string"){const err10 = {instancePath:instancePath+"/credential/provider",schemaPath:"#/properties/credential/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.provider.type,parentSchema:schema40.properties.credential.properties.provider,data:data7};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(!((((((data7 === "github") || (data7 === "forgejo")) || (data7 === "gcp")) || (data7 === "azure")) || (data7 === "aws")) || (data7 === "spiffe"))){const err11 = {instancePath:instancePath+"/credential/provider",schemaPath:"#/properties/credential/properties/provider/enum",keyword:"enum",params:{allowedValues: schema40.properties.credential.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.credential.properties.provider.enum,parentSchema:schema40.properties.credential.properties.provider,data:data7};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data2.audience !== undefined){let data8 = data2.audience;if(typeof data8 !== "string"){const err12 = {instancePath:instancePath+"/credential/audience",schemaPath:"#/properties/credential/properties/audience/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.audience.type,parentSchema:schema40.properties.credential.properties.audience,data:data8};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data2.audiences !== undefined){let data9 = data2.audiences;if(Array.isArray(data9)){const len0 = data9.length;for(let i0=0; i0<len0; i0++){let data10 = data9[i0];if(typeof data10 === "string"){if(oci_mirror_v1_func1(data10) < 1){const err13 = {instancePath:instancePath+"/credential/audiences/" + i0,schemaPath:"#/$defs/stringList/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema34.items,data:data10};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/credential/audiences/" + i0,schemaPath:"#/$defs/stringList/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema34.items.type,parentSchema:oci_mirror_v1_schema34.items,data:data10};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/credential/audiences",schemaPath:"#/$defs/stringList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema34.type,parentSchema:oci_mirror_v1_schema34,data:data9};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data2.issuer !== undefined){let data11 = data2.issuer;if(typeof data11 !== "string"){const err16 = {instancePath:instancePath+"/credential/issuer",schemaPath:"#/properties/credential/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.issuer.type,parentSchema:schema40.properties.credential.properties.issuer,data:data11};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data2.subject !== undefined){let data12 = data2.subject;if(typeof data12 !== "string"){const err17 = {instancePath:instancePath+"/credential/subject",schemaPath:"#/properties/credential/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.subject.type,parentSchema:schema40.properties.credential.properties.subject,data:data12};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data2.expiration !== undefined){let data13 = data2.expiration;if(typeof data13 !== "string"){const err18 = {instancePath:instancePath+"/credential/expiration",schemaPath:"#/properties/credential/properties/expiration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.expiration.type,parentSchema:schema40.properties.credential.properties.expiration,data:data13};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data2.envelope !== undefined){let data14 = data2.envelope;if(typeof data14 !== "string"){const err19 = {instancePath:instancePath+"/credential/envelope",schemaPath:"#/properties/credential/properties/envelope/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.credential.properties.envelope.type,parentSchema:schema40.properties.credential.properties.envelope,data:data14};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.credential.type,parentSchema:schema40.properties.credential,data:data2};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.provider !== undefined){let data15 = data.provider;if(typeof data15 !== "string"){const err21 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.provider.type,parentSchema:schema40.properties.provider,data:data15};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(!((((((((data15 === "generic") || (data15 === "ecr")) || (data15 === "acr")) || (data15 === "gar")) || (data15 === "jfrog")) || (data15 === "quay")) || (data15 === "dockerhub")) || (data15 === "ghcr"))){const err22 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/enum",keyword:"enum",params:{allowedValues: schema40.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.provider.enum,parentSchema:schema40.properties.provider,data:data15};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.audience !== undefined){let data16 = data.audience;if(typeof data16 !== "string"){const err23 = {instancePath:instancePath+"/audience",schemaPath:"#/properties/audience/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.audience.type,parentSchema:schema40.properties.audience,data:data16};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data.providerName !== undefined){let data17 = data.providerName;if(typeof data17 !== "string"){const err24 = {instancePath:instancePath+"/providerName",schemaPath:"#/properties/providerName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.providerName.type,parentSchema:schema40.properties.providerName,data:data17};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data.connectionId !== undefined){let data18 = data.connectionId;if(typeof data18 !== "string"){const err25 = {instancePath:instancePath+"/connectionId",schemaPath:"#/properties/connectionId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.connectionId.type,parentSchema:schema40.properties.connectionId,data:data18};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data.roleArn !== undefined){let data19 = data.roleArn;if(typeof data19 === "string"){if(!pattern5.test(data19)){const err26 = {instancePath:instancePath+"/roleArn",schemaPath:"#/properties/roleArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$",parentSchema:schema40.properties.roleArn,data:data19};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}else {const err27 = {instancePath:instancePath+"/roleArn",schemaPath:"#/properties/roleArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.roleArn.type,parentSchema:schema40.properties.roleArn,data:data19};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.region !== undefined){let data20 = data.region;if(typeof data20 !== "string"){const err28 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.region.type,parentSchema:schema40.properties.region,data:data20};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.workloadIdentityProvider !== undefined){let data21 = data.workloadIdentityProvider;if(typeof data21 !== "string"){const err29 = {instancePath:instancePath+"/workloadIdentityProvider",schemaPath:"#/properties/workloadIdentityProvider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.workloadIdentityProvider.type,parentSchema:schema40.properties.workloadIdentityProvider,data:data21};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data.serviceAccount !== undefined){let data22 = data.serviceAccount;if(typeof data22 !== "string"){const err30 = {instancePath:instancePath+"/serviceAccount",schemaPath:"#/properties/serviceAccount/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.serviceAccount.type,parentSchema:schema40.properties.serviceAccount,data:data22};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data.tenantId !== undefined){let data23 = data.tenantId;if(typeof data23 !== "string"){const err31 = {instancePath:instancePath+"/tenantId",schemaPath:"#/properties/tenantId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.tenantId.type,parentSchema:schema40.properties.tenantId,data:data23};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data.clientId !== undefined){let data24 = data.clientId;if(typeof data24 !== "string"){const err32 = {instancePath:instancePath+"/clientId",schemaPath:"#/properties/clientId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.clientId.type,parentSchema:schema40.properties.clientId,data:data24};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data.createRepositories !== undefined){let data25 = data.createRepositories;if(typeof data25 !== "boolean"){const err33 = {instancePath:instancePath+"/createRepositories",schemaPath:"#/properties/createRepositories/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.createRepositories.type,parentSchema:schema40.properties.createRepositories,data:data25};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.insecure !== undefined){let data26 = data.insecure;if(typeof data26 !== "boolean"){const err34 = {instancePath:instancePath+"/insecure",schemaPath:"#/properties/insecure/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.insecure.type,parentSchema:schema40.properties.insecure,data:data26};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data.plainHTTP !== undefined){let data27 = data.plainHTTP;if(typeof data27 !== "boolean"){const err35 = {instancePath:instancePath+"/plainHTTP",schemaPath:"#/properties/plainHTTP/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.plainHTTP.type,parentSchema:schema40.properties.plainHTTP,data:data27};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data.tls !== undefined){let data28 = data.tls;if(data28 && typeof data28 == "object" && !Array.isArray(data28)){for(const key2 in data28){if(!((key2 === "serverAuth") || (key2 === "clientAuth"))){const err36 = {instancePath:instancePath+"/tls",schemaPath:"#/properties/tls/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.tls,data:data28};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data28.serverAuth !== undefined){let data29 = data28.serverAuth;if(data29 && typeof data29 == "object" && !Array.isArray(data29)){for(const key3 in data29){if(!((key3 === "caFromPath") || (key3 === "caValue"))){const err37 = {instancePath:instancePath+"/tls/serverAuth",schemaPath:"#/properties/tls/properties/serverAuth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.tls.properties.serverAuth,data:data29};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data29.caFromPath !== undefined){let data30 = data29.caFromPath;if(typeof data30 !== "string"){const err38 = {instancePath:instancePath+"/tls/serverAuth/caFromPath",schemaPath:"#/properties/tls/properties/serverAuth/properties/caFromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.tls.properties.serverAuth.properties.caFromPath.type,parentSchema:schema40.properties.tls.properties.serverAuth.properties.caFromPath,data:data30};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data29.caValue !== undefined){let data31 = data29.caValue;if(typeof data31 !== "string"){const err39 = {instancePath:instancePath+"/tls/serverAuth/caValue",schemaPath:"#/properties/tls/properties/serverAuth/properties/caValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.tls.properties.serverAuth.properties.caValue.type,parentSchema:schema40.properties.tls.properties.serverAuth.properties.caValue,data:data31};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}}else {const err40 = {instancePath:instancePath+"/tls/serverAuth",schemaPath:"#/properties/tls/properties/serverAuth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.tls.properties.serverAuth.type,parentSchema:schema40.properties.tls.properties.serverAuth,data:data29};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data28.clientAuth !== undefined){let data32 = data28.clientAuth;if(data32 && typeof data32 == "object" && !Array.isArray(data32)){for(const key4 in data32){if(!((((key4 === "certFromPath") || (key4 === "certValue")) || (key4 === "keyFromPath")) || (key4 === "keyValue"))){const err41 = {instancePath:instancePath+"/tls/clientAuth",schemaPath:"#/properties/tls/properties/clientAuth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.tls.properties.clientAuth,data:data32};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data32.certFromPath !== undefined){let data33 = data32.certFromPath;if(typeof data33 !== "string"){const err42 = {instancePath:instancePath+"/tls/clientAuth/certFromPath",schemaPath:"#/properties/tls/properties/clientAuth/properties/certFromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.tls.properties.clientAuth.properties.certFromPath.type,parentSchema:schema40.properties.tls.properties.clientAuth.properties.certFromPath,data:data33};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}if(data32.certValue !== undefined){let data34 = data32.certValue;if(typeof data34 !== "string"){const err43 = {instancePath:instancePath+"/tls/clientAuth/certValue",schemaPath:"#/properties/tls/properties/clientAuth/properties/certValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.tls.properties.clientAuth.properties.certValue.type,parentSchema:schema40.properties.tls.properties.clientAuth.properties.certValue,data:data34};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data32.keyFromPath !== undefined){let data35 = data32.keyFromPath;if(typeof data35 !== "string"){const err44 = {instancePath:instancePath+"/tls/clientAuth/keyFromPath",schemaPath:"#/properties/tls/properties/clientAuth/properties/keyFromPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.tls.properties.clientAuth.properties.keyFromPath.type,parentSchema:schema40.properties.tls.properties.clientAuth.properties.keyFromPath,data:data35};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}if(data32.keyValue !== undefined){let data36 = data32.keyValue;if(typeof data36 !== "string"){const err45 = {instancePath:instancePath+"/tls/clientAuth/keyValue",schemaPath:"#/properties/tls/properties/clientAuth/properties/keyValue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.tls.properties.clientAuth.properties.keyValue.type,parentSchema:schema40.properties.tls.properties.clientAuth.properties.keyValue,data:data36};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}else {const err46 = {instancePath:instancePath+"/tls/clientAuth",schemaPath:"#/properties/tls/properties/clientAuth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.tls.properties.clientAuth.type,parentSchema:schema40.properties.tls.properties.clientAuth,data:data32};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}}else {const err47 = {instancePath:instancePath+"/tls",schemaPath:"#/properties/tls/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.tls.type,parentSchema:schema40.properties.tls,data:data28};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data.maxChunkSize !== undefined){let data37 = data.maxChunkSize;if(!((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37)))){const err48 = {instancePath:instancePath+"/maxChunkSize",schemaPath:"#/properties/maxChunkSize/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.maxChunkSize.type,parentSchema:schema40.properties.maxChunkSize,data:data37};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}if(typeof data37 == "number"){if(data37 < 0 || isNaN(data37)){const err49 = {instancePath:instancePath+"/maxChunkSize",schemaPath:"#/properties/maxChunkSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.maxChunkSize,data:data37};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}if(data.rateLimit !== undefined){let data38 = data.rateLimit;if(data38 && typeof data38 == "object" && !Array.isArray(data38)){if(data38.requestsPerSecond === undefined){const err50 = {instancePath:instancePath+"/rateLimit",schemaPath:"#/properties/rateLimit/required",keyword:"required",params:{missingProperty: "requestsPerSecond"},message:"must have required property '"+"requestsPerSecond"+"'",schema:schema40.properties.rateLimit.required,parentSchema:schema40.properties.rateLimit,data:data38};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}for(const key5 in data38){if(!((key5 === "requestsPerSecond") || (key5 === "burst"))){const err51 = {instancePath:instancePath+"/rateLimit",schemaPath:"#/properties/rateLimit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.rateLimit,data:data38};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data38.requestsPerSecond !== undefined){let data39 = data38.requestsPerSecond;if(typeof data39 == "number"){if(data39 <= 0 || isNaN(data39)){const err52 = {instancePath:instancePath+"/rateLimit/requestsPerSecond",schemaPath:"#/properties/rateLimit/properties/requestsPerSecond/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema40.properties.rateLimit.properties.requestsPerSecond,data:data39};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}else {const err53 = {instancePath:instancePath+"/rateLimit/requestsPerSecond",schemaPath:"#/properties/rateLimit/properties/requestsPerSecond/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema40.properties.rateLimit.properties.requestsPerSecond.type,parentSchema:schema40.properties.rateLimit.properties.requestsPerSecond,data:data39};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data38.burst !== undefined){let data40 = data38.burst;if(!((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40)))){const err54 = {instancePath:instancePath+"/rateLimit/burst",schemaPath:"#/properties/rateLimit/properties/burst/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.rateLimit.properties.burst.type,parentSchema:schema40.properties.rateLimit.properties.burst,data:data40};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}if(typeof data40 == "number"){if(data40 < 1 || isNaN(data40)){const err55 = {instancePath:instancePath+"/rateLimit/burst",schemaPath:"#/properties/rateLimit/properties/burst/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40.properties.rateLimit.properties.burst,data:data40};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}}}else {const err56 = {instancePath:instancePath+"/rateLimit",schemaPath:"#/properties/rateLimit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.rateLimit.type,parentSchema:schema40.properties.rateLimit,data:data38};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data.maxConcurrency !== undefined){let data41 = data.maxConcurrency;if(!((typeof data41 == "number") && (!(data41 % 1) && !isNaN(data41)))){const err57 = {instancePath:instancePath+"/maxConcurrency",schemaPath:"#/properties/maxConcurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.maxConcurrency.type,parentSchema:schema40.properties.maxConcurrency,data:data41};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}if(typeof data41 == "number"){if(data41 < 1 || isNaN(data41)){const err58 = {instancePath:instancePath+"/maxConcurrency",schemaPath:"#/properties/maxConcurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40.properties.maxConcurrency,data:data41};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}}if(data.listing !== undefined){let data42 = data.listing;if(data42 && typeof data42 == "object" && !Array.isArray(data42)){if(data42.api === undefined){const err59 = {instancePath:instancePath+"/listing",schemaPath:"#/properties/listing/required",keyword:"required",params:{missingProperty: "api"},message:"must have required property '"+"api"+"'",schema:schema40.properties.listing.required,parentSchema:schema40.properties.listing,data:data42};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}for(const key6 in data42){if(!(((key6 === "api") || (key6 === "location")) || (key6 === "url"))){const err60 = {instancePath:instancePath+"/listing",schemaPath:"#/properties/listing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.listing,data:data42};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data42.api !== undefined){let data43 = data42.api;if(!((((((data43 === "dockerhub") || (data43 === "quay")) || (data43 === "ghcr")) || (data43 === "harbor")) || (data43 === "gar")) || (data43 === "none"))){const err61 = {instancePath:instancePath+"/listing/api",schemaPath:"#/properties/listing/properties/api/enum",keyword:"enum",params:{allowedValues: schema40.properties.listing.properties.api.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.listing.properties.api.enum,parentSchema:schema40.properties.listing.properties.api,data:data43};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data42.location !== undefined){let data44 = data42.location;if(typeof data44 === "string"){if(oci_mirror_v1_func1(data44) < 1){const err62 = {instancePath:instancePath+"/listing/location",schemaPath:"#/properties/listing/properties/location/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.listing.properties.location,data:data44};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}else {const err63 = {instancePath:instancePath+"/listing/location",schemaPath:"#/properties/listing/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.listing.properties.location.type,parentSchema:schema40.properties.listing.properties.location,data:data44};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}if(data42.url !== undefined){let data45 = data42.url;if(typeof data45 === "string"){if(!pattern6.test(data45)){const err64 = {instancePath:instancePath+"/listing/url",schemaPath:"#/properties/listing/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema40.properties.listing.properties.url,data:data45};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}else {const err65 = {instancePath:instancePath+"/listing/url",schemaPath:"#/properties/listing/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.listing.properties.url.type,parentSchema:schema40.properties.listing.properties.url,data:data45};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}}else {const err66 = {instancePath:instancePath+"/listing",schemaPath:"#/properties/listing/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.listing.type,parentSchema:schema40.properties.listing,data:data42};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}}else {const err67 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}validate25.errors = vErrors;return errors === 0;}validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function oci_mirror_v1_validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="https://oci-mirror.dev/schema/config.schema.json" */;let vErrors = null;let errors = 0;const evaluated0 = oci_mirror_v1_validate20.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.apiVersion === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:oci_mirror_v1_schema31.required,parentSchema:oci_mirror_v1_schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.kind === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:oci_mirror_v1_schema31.required,parentSchema:oci_mirror_v1_schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((((((key0 === "$schema") || (key0 === "apiVersion")) || (key0 === "kind")) || (key0 === "defaults")) || (key0 === "artifacts")) || (key0 === "charts")) || (key0 === "hosts"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema31,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.$schema !== undefined){let data0 = data.$schema;if(typeof data0 !== "string"){const err3 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema31.properties.$schema.type,parentSchema:oci_mirror_v1_schema31.properties.$schema,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.apiVersion !== undefined){let data1 = data.apiVersion;if(typeof data1 !== "string"){const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema31.properties.apiVersion.type,parentSchema:oci_mirror_v1_schema31.properties.apiVersion,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if("oci-mirror/v1" !== data1){const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "oci-mirror/v1"},message:"must be equal to constant",schema:"oci-mirror/v1",parentSchema:oci_mirror_v1_schema31.properties.apiVersion,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.kind !== undefined){let data2 = data.kind;if(typeof data2 !== "string"){const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema31.properties.kind.type,parentSchema:oci_mirror_v1_schema31.properties.kind,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if("Config" !== data2){const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Config"},message:"must be equal to constant",schema:"Config",parentSchema:oci_mirror_v1_schema31.properties.kind,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.defaults !== undefined){let data3 = data.defaults;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key1 in data3){if(!(((((key1 === "destination") || (key1 === "concurrency")) || (key1 === "overwrite")) || (key1 === "includeReferrers")) || (key1 === "trustedRoot"))){const err8 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:oci_mirror_v1_schema31.properties.defaults,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data3.destination !== undefined){let data4 = data3.destination;if(typeof data4 === "string"){if(oci_mirror_v1_func1(data4) < 1){const err9 = {instancePath:instancePath+"/defaults/destination",schemaPath:"#/properties/defaults/properties/destination/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.destination,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/defaults/destination",schemaPath:"#/properties/defaults/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema31.properties.defaults.properties.destination.type,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.destination,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data3.concurrency !== undefined){let data5 = data3.concurrency;if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){const err11 = {instancePath:instancePath+"/defaults/concurrency",schemaPath:"#/properties/defaults/properties/concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:oci_mirror_v1_schema31.properties.defaults.properties.concurrency.type,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.concurrency,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(typeof data5 == "number"){if(data5 < 1 || isNaN(data5)){const err12 = {instancePath:instancePath+"/defaults/concurrency",schemaPath:"#/properties/defaults/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.concurrency,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}if(data3.overwrite !== undefined){let data6 = data3.overwrite;if(typeof data6 !== "boolean"){const err13 = {instancePath:instancePath+"/defaults/overwrite",schemaPath:"#/properties/defaults/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:oci_mirror_v1_schema31.properties.defaults.properties.overwrite.type,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.overwrite,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data3.includeReferrers !== undefined){let data7 = data3.includeReferrers;if(typeof data7 !== "boolean"){const err14 = {instancePath:instancePath+"/defaults/includeReferrers",schemaPath:"#/properties/defaults/properties/includeReferrers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:oci_mirror_v1_schema31.properties.defaults.properties.includeReferrers.type,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.includeReferrers,data:data7};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data3.trustedRoot !== undefined){let data8 = data3.trustedRoot;if(typeof data8 === "string"){if(oci_mirror_v1_func1(data8) < 1){const err15 = {instancePath:instancePath+"/defaults/trustedRoot",schemaPath:"#/properties/defaults/properties/trustedRoot/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.trustedRoot,data:data8};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/defaults/trustedRoot",schemaPath:"#/properties/defaults/properties/trustedRoot/type",keyword:"type",params:{type: "string"},message:"must be string",schema:oci_mirror_v1_schema31.properties.defaults.properties.trustedRoot.type,parentSchema:oci_mirror_v1_schema31.properties.defaults.properties.trustedRoot,data:data8};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema31.properties.defaults.type,parentSchema:oci_mirror_v1_schema31.properties.defaults,data:data3};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.artifacts !== undefined){let data9 = data.artifacts;if(Array.isArray(data9)){const len0 = data9.length;for(let i0=0; i0<len0; i0++){if(!(oci_mirror_v1_validate21(data9[i0], {instancePath:instancePath+"/artifacts/" + i0,parentData:data9,parentDataProperty:i0,rootData,dynamicAnchors}))){vErrors = vErrors === null ? oci_mirror_v1_validate21.errors : vErrors.concat(oci_mirror_v1_validate21.errors);errors = vErrors.length;}}}else {const err18 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema31.properties.artifacts.type,parentSchema:oci_mirror_v1_schema31.properties.artifacts,data:data9};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.charts !== undefined){let data11 = data.charts;if(Array.isArray(data11)){const len1 = data11.length;for(let i1=0; i1<len1; i1++){let data12 = data11[i1];if(data12 && typeof data12 == "object" && !Array.isArray(data12)){if(data12.name === undefined){const err19 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema39.required,parentSchema:schema39,data:data12};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if(data12.source === undefined){const err20 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema39.required,parentSchema:schema39,data:data12};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}for(const key2 in data12){if(!(((((((key2 === "name") || (key2 === "source")) || (key2 === "destination")) || (key2 === "version")) || (key2 === "limit")) || (key2 === "overwrite")) || (key2 === "images"))){const err21 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data:data12};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data12.name !== undefined){let data13 = data12.name;if(typeof data13 === "string"){if(oci_mirror_v1_func1(data13) < 1){const err22 = {instancePath:instancePath+"/charts/" + i1+"/name",schemaPath:"#/$defs/chart/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.name,data:data13};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}else {const err23 = {instancePath:instancePath+"/charts/" + i1+"/name",schemaPath:"#/$defs/chart/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.name.type,parentSchema:schema39.properties.name,data:data13};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data12.source !== undefined){let data14 = data12.source;if(typeof data14 === "string"){if(oci_mirror_v1_func1(data14) < 1){const err24 = {instancePath:instancePath+"/charts/" + i1+"/source",schemaPath:"#/$defs/chart/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.source,data:data14};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}else {const err25 = {instancePath:instancePath+"/charts/" + i1+"/source",schemaPath:"#/$defs/chart/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.source.type,parentSchema:schema39.properties.source,data:data14};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data12.destination !== undefined){let data15 = data12.destination;if(typeof data15 !== "string"){const err26 = {instancePath:instancePath+"/charts/" + i1+"/destination",schemaPath:"#/$defs/chart/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.destination.type,parentSchema:schema39.properties.destination,data:data15};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data12.version !== undefined){let data16 = data12.version;if(typeof data16 === "string"){if(oci_mirror_v1_func1(data16) < 1){const err27 = {instancePath:instancePath+"/charts/" + i1+"/version",schemaPath:"#/$defs/chart/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.version,data:data16};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/charts/" + i1+"/version",schemaPath:"#/$defs/chart/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.version.type,parentSchema:schema39.properties.version,data:data16};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data12.limit !== undefined){let data17 = data12.limit;if(!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))){const err29 = {instancePath:instancePath+"/charts/" + i1+"/limit",schemaPath:"#/$defs/chart/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.limit.type,parentSchema:schema39.properties.limit,data:data17};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if(typeof data17 == "number"){if(data17 < 0 || isNaN(data17)){const err30 = {instancePath:instancePath+"/charts/" + i1+"/limit",schemaPath:"#/$defs/chart/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema39.properties.limit,data:data17};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}}if(data12.overwrite !== undefined){let data18 = data12.overwrite;if(typeof data18 !== "boolean"){const err31 = {instancePath:instancePath+"/charts/" + i1+"/overwrite",schemaPath:"#/$defs/chart/properties/overwrite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema39.properties.overwrite.type,parentSchema:schema39.properties.overwrite,data:data18};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data12.images !== undefined){let data19 = data12.images;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){for(const key3 in data19){if(!(func3.call(schema39.properties.images.properties, key3))){const err32 = {instancePath:instancePath+"/charts/" + i1+"/images",schemaPath:"#/$defs/chart/properties/images/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.images,data:data19};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data19.discover !== undefined){let data20 = data19.discover;if(typeof data20 !== "boolean"){const err33 = {instancePath:instancePath+"/charts/" + i1+"/images/discover",schemaPath:"#/$defs/chart/properties/images/properties/discover/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema39.properties.images.properties.discover.type,parentSchema:schema39.properties.images.properties.discover,data:data20};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data19.includeReferrers !== undefined){let data21 = data19.includeReferrers;if(typeof data21 !== "boolean"){const err34 = {instancePath:instancePath+"/charts/" + i1+"/images/includeReferrers",schemaPath:"#/$defs/chart/properties/images/properties/includeReferrers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema39.properties.images.properties.includeReferrers.type,parentSchema:schema39.properties.images.properties.includeReferrers,data:data21};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data19.values !== undefined){let data22 = data19.values;if(!(data22 && typeof data22 == "object" && !Array.isArray(data22))){const err35 = {instancePath:instancePath+"/charts/" + i1+"/images/values",schemaPath:"#/$defs/chart/properties/images/properties/values/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.images.properties.values.type,parentSchema:schema39.properties.images.properties.values,data:data22};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data19.valuesFiles !== undefined){let data23 = data19.valuesFiles;if(Array.isArray(data23)){const len2 = data23.length;for(let i2=0; i2<len2; i2++){let data24 = data23[i2];if(typeof data24 === "string"){if(oci_mirror_v1_func1(data24) < 1){const err36 = {instancePath:instancePath+"/charts/" + i1+"/images/valuesFiles/" + i2,schemaPath:"#/$defs/chart/properties/images/properties/valuesFiles/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.images.properties.valuesFiles.items,data:data24};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/charts/" + i1+"/images/valuesFiles/" + i2,schemaPath:"#/$defs/chart/properties/images/properties/valuesFiles/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.images.properties.valuesFiles.items.type,parentSchema:schema39.properties.images.properties.valuesFiles.items,data:data24};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}}else {const err38 = {instancePath:instancePath+"/charts/" + i1+"/images/valuesFiles",schemaPath:"#/$defs/chart/properties/images/properties/valuesFiles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.images.properties.valuesFiles.type,parentSchema:schema39.properties.images.properties.valuesFiles,data:data23};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data19.set !== undefined){let data25 = data19.set;if(data25 && typeof data25 == "object" && !Array.isArray(data25)){for(const key4 in data25){let data26 = data25[key4];if(((typeof data26 !== "string") && (!(typeof data26 == "number"))) && (typeof data26 !== "boolean")){const err39 = {instancePath:instancePath+"/charts/" + i1+"/images/set/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/chart/properties/images/properties/set/additionalProperties/type",keyword:"type",params:{type: schema39.properties.images.properties.set.additionalProperties.type},message:"must be string,number,boolean",schema:schema39.properties.images.properties.set.additionalProperties.type,parentSchema:schema39.properties.images.properties.set.additionalProperties,data:data26};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}}else {const err40 = {instancePath:instancePath+"/charts/" + i1+"/images/set",schemaPath:"#/$defs/chart/properties/images/properties/set/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.images.properties.set.type,parentSchema:schema39.properties.images.properties.set,data:data25};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data19.kubeVersion !== undefined){let data27 = data19.kubeVersion;if(typeof data27 === "string"){if(oci_mirror_v1_func1(data27) < 1){const err41 = {instancePath:instancePath+"/charts/" + i1+"/images/kubeVersion",schemaPath:"#/$defs/chart/properties/images/properties/kubeVersion/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.images.properties.kubeVersion,data:data27};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}else {const err42 = {instancePath:instancePath+"/charts/" + i1+"/images/kubeVersion",schemaPath:"#/$defs/chart/properties/images/properties/kubeVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.images.properties.kubeVersion.type,parentSchema:schema39.properties.images.properties.kubeVersion,data:data27};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}if(data19.apiVersions !== undefined){let data28 = data19.apiVersions;if(Array.isArray(data28)){const len3 = data28.length;for(let i3=0; i3<len3; i3++){let data29 = data28[i3];if(typeof data29 === "string"){if(oci_mirror_v1_func1(data29) < 1){const err43 = {instancePath:instancePath+"/charts/" + i1+"/images/apiVersions/" + i3,schemaPath:"#/$defs/chart/properties/images/properties/apiVersions/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.images.properties.apiVersions.items,data:data29};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}else {const err44 = {instancePath:instancePath+"/charts/" + i1+"/images/apiVersions/" + i3,schemaPath:"#/$defs/chart/properties/images/properties/apiVersions/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.images.properties.apiVersions.items.type,parentSchema:schema39.properties.images.properties.apiVersions.items,data:data29};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}else {const err45 = {instancePath:instancePath+"/charts/" + i1+"/images/apiVersions",schemaPath:"#/$defs/chart/properties/images/properties/apiVersions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.images.properties.apiVersions.type,parentSchema:schema39.properties.images.properties.apiVersions,data:data28};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data19.prefix !== undefined){let data30 = data19.prefix;if(typeof data30 !== "string"){const err46 = {instancePath:instancePath+"/charts/" + i1+"/images/prefix",schemaPath:"#/$defs/chart/properties/images/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.images.properties.prefix.type,parentSchema:schema39.properties.images.properties.prefix,data:data30};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data19.destination !== undefined){let data31 = data19.destination;if(typeof data31 === "string"){if(oci_mirror_v1_func1(data31) < 1){const err47 = {instancePath:instancePath+"/charts/" + i1+"/images/destination",schemaPath:"#/$defs/chart/properties/images/properties/destination/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.images.properties.destination,data:data31};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}else {const err48 = {instancePath:instancePath+"/charts/" + i1+"/images/destination",schemaPath:"#/$defs/chart/properties/images/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.images.properties.destination.type,parentSchema:schema39.properties.images.properties.destination,data:data31};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}else {const err49 = {instancePath:instancePath+"/charts/" + i1+"/images",schemaPath:"#/$defs/chart/properties/images/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.images.type,parentSchema:schema39.properties.images,data:data19};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}else {const err50 = {instancePath:instancePath+"/charts/" + i1,schemaPath:"#/$defs/chart/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data:data12};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}}else {const err51 = {instancePath:instancePath+"/charts",schemaPath:"#/properties/charts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema31.properties.charts.type,parentSchema:oci_mirror_v1_schema31.properties.charts,data:data11};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data.hosts !== undefined){let data32 = data.hosts;if(Array.isArray(data32)){const len4 = data32.length;for(let i4=0; i4<len4; i4++){if(!(validate25(data32[i4], {instancePath:instancePath+"/hosts/" + i4,parentData:data32,parentDataProperty:i4,rootData,dynamicAnchors}))){vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);errors = vErrors.length;}}}else {const err52 = {instancePath:instancePath+"/hosts",schemaPath:"#/properties/hosts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:oci_mirror_v1_schema31.properties.hosts.type,parentSchema:oci_mirror_v1_schema31.properties.hosts,data:data32};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}}else {const err53 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:oci_mirror_v1_schema31.type,parentSchema:oci_mirror_v1_schema31,data};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}oci_mirror_v1_validate20.errors = vErrors;return errors === 0;}oci_mirror_v1_validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

;// CONCATENATED MODULE: ./src/config/generated/ocync.js
// Generated by scripts/gen-validators.mjs from schema/ocync.schema.json; do not edit.

"use strict";const ocync_validate = (/* unused pure expression or super */ null && (ocync_validate20));/* harmony default export */ const ocync = (ocync_validate20);const ocync_schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://oci-mirror.dev/schema/ocync.schema.json","title":"ocync config file, as oci-mirror loads it","description":"The shape of ocync's config (github.com/clowdhaus/ocync, docs/src/content/configuration.md and docs/public/config.schema.json): registries, target_groups, defaults, mappings, global. Unlike ocync's own schema, unknown keys are refused (ocync would drop them silently). Which fields oci-mirror cannot honour is decided in src/config/dialects/ocync.ts, at the field's line.","type":"object","additionalProperties":false,"required":["mappings"],"properties":{"global":{"type":["object","null"],"additionalProperties":false,"properties":{"max_concurrent_transfers":{"type":"integer","minimum":1},"cache_dir":{"type":["string","null"]},"cache_ttl":{"type":["string","null"]},"staging_size_limit":{"type":["string","null"]}}},"registries":{"type":"object","additionalProperties":{"$ref":"#/$defs/registry"}},"target_groups":{"type":"object","additionalProperties":{"type":"array","items":{"type":"string","minLength":1}}},"defaults":{"type":["object","null"],"additionalProperties":false,"properties":{"source":{"type":["string","null"]},"targets":{"$ref":"#/$defs/targets"},"artifacts":{"$ref":"#/$defs/artifacts"},"platforms":{"$ref":"#/$defs/platforms"},"tags":{"$ref":"#/$defs/tags"}}},"mappings":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/mapping"}}},"$defs":{"registry":{"type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"type":"string","minLength":1},"auth_type":{"enum":["ecr","gar","gcr","acr","ghcr","anonymous","basic","static_token","token","docker_config",null]},"credentials":{"type":["object","null"],"additionalProperties":false,"required":["username","password"],"properties":{"username":{"type":"string"},"password":{"type":"string"}}},"token":{"type":["string","null"]},"max_concurrent":{"type":["integer","null"],"minimum":1},"head_first":{"type":"boolean"}}},"targets":{"oneOf":[{"type":"string","minLength":1},{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},{"type":"null"}]},"artifacts":{"type":["object","null"],"additionalProperties":false,"properties":{"enabled":{"type":"boolean"},"include":{"type":"array","items":{"type":"string"}},"exclude":{"type":"array","items":{"type":"string"}},"require_artifacts":{"type":"boolean"}}},"platforms":{"type":["array","null"],"items":{"type":"string","pattern":"^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$"}},"globs":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}},{"type":"null"}]},"tags":{"type":["object","null"],"additionalProperties":false,"properties":{"glob":{"$ref":"#/$defs/globs"},"include":{"$ref":"#/$defs/globs"},"exclude":{"$ref":"#/$defs/globs"},"semver":{"type":["string","null"]},"semver_prerelease":{"enum":["include","exclude","only",null]},"sort":{"enum":["semver","alpha",null]},"latest":{"type":["integer","null"],"minimum":0},"min_tags":{"type":["integer","null"],"minimum":0},"immutable_tags":{"type":["string","null"]}}},"mapping":{"type":"object","additionalProperties":false,"required":["from"],"properties":{"from":{"type":"string","minLength":1},"to":{"type":["string","null"]},"source":{"type":["string","null"]},"targets":{"$ref":"#/$defs/targets"},"tags":{"$ref":"#/$defs/tags"},"platforms":{"$ref":"#/$defs/platforms"},"artifacts":{"$ref":"#/$defs/artifacts"}}}}};const ocync_schema32 = {"type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"type":"string","minLength":1},"auth_type":{"enum":["ecr","gar","gcr","acr","ghcr","anonymous","basic","static_token","token","docker_config",null]},"credentials":{"type":["object","null"],"additionalProperties":false,"required":["username","password"],"properties":{"username":{"type":"string"},"password":{"type":"string"}}},"token":{"type":["string","null"]},"max_concurrent":{"type":["integer","null"],"minimum":1},"head_first":{"type":"boolean"}}};const ocync_schema33 = {"oneOf":[{"type":"string","minLength":1},{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},{"type":"null"}]};const ocync_schema34 = {"type":["object","null"],"additionalProperties":false,"properties":{"enabled":{"type":"boolean"},"include":{"type":"array","items":{"type":"string"}},"exclude":{"type":"array","items":{"type":"string"}},"require_artifacts":{"type":"boolean"}}};const ocync_schema35 = {"type":["array","null"],"items":{"type":"string","pattern":"^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$"}};const ocync_func1 = ucs2length["default"] ?? ucs2length;const ocync_pattern4 = new RegExp("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$", "u");const ocync_schema36 = {"type":["object","null"],"additionalProperties":false,"properties":{"glob":{"$ref":"#/$defs/globs"},"include":{"$ref":"#/$defs/globs"},"exclude":{"$ref":"#/$defs/globs"},"semver":{"type":["string","null"]},"semver_prerelease":{"enum":["include","exclude","only",null]},"sort":{"enum":["semver","alpha",null]},"latest":{"type":["integer","null"],"minimum":0},"min_tags":{"type":["integer","null"],"minimum":0},"immutable_tags":{"type":["string","null"]}}};const ocync_schema37 = {"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}},{"type":"null"}]};const func5 = Object.prototype.hasOwnProperty;function ocync_validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = ocync_validate21.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: ocync_schema36.type},message:"must be object,null",schema:ocync_schema36.type,parentSchema:ocync_schema36,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(func5.call(ocync_schema36.properties, key0))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema36,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.glob !== undefined){let data0 = data.glob;const _errs4 = errors;let valid2 = false;let passing0 = null;const _errs5 = errors;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/glob",schemaPath:"#/$defs/globs/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema37.oneOf[0].type,parentSchema:ocync_schema37.oneOf[0],data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}var _valid0 = _errs5 === errors;if(_valid0){valid2 = true;passing0 = 0;}const _errs7 = errors;if(Array.isArray(data0)){const len0 = data0.length;for(let i0=0; i0<len0; i0++){let data1 = data0[i0];if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/glob/" + i0,schemaPath:"#/$defs/globs/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema37.oneOf[1].items.type,parentSchema:ocync_schema37.oneOf[1].items,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}else {const err4 = {instancePath:instancePath+"/glob",schemaPath:"#/$defs/globs/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema37.oneOf[1].type,parentSchema:ocync_schema37.oneOf[1],data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}var _valid0 = _errs7 === errors;if(_valid0 && valid2){valid2 = false;passing0 = [passing0, 1];}else {if(_valid0){valid2 = true;passing0 = 1;}const _errs11 = errors;if(data0 !== null){const err5 = {instancePath:instancePath+"/glob",schemaPath:"#/$defs/globs/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null",schema:ocync_schema37.oneOf[2].type,parentSchema:ocync_schema37.oneOf[2],data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}var _valid0 = _errs11 === errors;if(_valid0 && valid2){valid2 = false;passing0 = [passing0, 2];}else {if(_valid0){valid2 = true;passing0 = 2;}}}if(!valid2){const err6 = {instancePath:instancePath+"/glob",schemaPath:"#/$defs/globs/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:ocync_schema37.oneOf,parentSchema:ocync_schema37,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}else {errors = _errs4;if(vErrors !== null){if(_errs4){vErrors.length = _errs4;}else {vErrors = null;}}}}if(data.include !== undefined){let data2 = data.include;const _errs15 = errors;let valid6 = false;let passing1 = null;const _errs16 = errors;if(typeof data2 !== "string"){const err7 = {instancePath:instancePath+"/include",schemaPath:"#/$defs/globs/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema37.oneOf[0].type,parentSchema:ocync_schema37.oneOf[0],data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}var _valid1 = _errs16 === errors;if(_valid1){valid6 = true;passing1 = 0;}const _errs18 = errors;if(Array.isArray(data2)){const len1 = data2.length;for(let i1=0; i1<len1; i1++){let data3 = data2[i1];if(typeof data3 !== "string"){const err8 = {instancePath:instancePath+"/include/" + i1,schemaPath:"#/$defs/globs/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema37.oneOf[1].items.type,parentSchema:ocync_schema37.oneOf[1].items,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath:instancePath+"/include",schemaPath:"#/$defs/globs/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema37.oneOf[1].type,parentSchema:ocync_schema37.oneOf[1],data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}var _valid1 = _errs18 === errors;if(_valid1 && valid6){valid6 = false;passing1 = [passing1, 1];}else {if(_valid1){valid6 = true;passing1 = 1;}const _errs22 = errors;if(data2 !== null){const err10 = {instancePath:instancePath+"/include",schemaPath:"#/$defs/globs/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null",schema:ocync_schema37.oneOf[2].type,parentSchema:ocync_schema37.oneOf[2],data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}var _valid1 = _errs22 === errors;if(_valid1 && valid6){valid6 = false;passing1 = [passing1, 2];}else {if(_valid1){valid6 = true;passing1 = 2;}}}if(!valid6){const err11 = {instancePath:instancePath+"/include",schemaPath:"#/$defs/globs/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:ocync_schema37.oneOf,parentSchema:ocync_schema37,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}else {errors = _errs15;if(vErrors !== null){if(_errs15){vErrors.length = _errs15;}else {vErrors = null;}}}}if(data.exclude !== undefined){let data4 = data.exclude;const _errs26 = errors;let valid10 = false;let passing2 = null;const _errs27 = errors;if(typeof data4 !== "string"){const err12 = {instancePath:instancePath+"/exclude",schemaPath:"#/$defs/globs/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema37.oneOf[0].type,parentSchema:ocync_schema37.oneOf[0],data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}var _valid2 = _errs27 === errors;if(_valid2){valid10 = true;passing2 = 0;}const _errs29 = errors;if(Array.isArray(data4)){const len2 = data4.length;for(let i2=0; i2<len2; i2++){let data5 = data4[i2];if(typeof data5 !== "string"){const err13 = {instancePath:instancePath+"/exclude/" + i2,schemaPath:"#/$defs/globs/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema37.oneOf[1].items.type,parentSchema:ocync_schema37.oneOf[1].items,data:data5};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}else {const err14 = {instancePath:instancePath+"/exclude",schemaPath:"#/$defs/globs/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema37.oneOf[1].type,parentSchema:ocync_schema37.oneOf[1],data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}var _valid2 = _errs29 === errors;if(_valid2 && valid10){valid10 = false;passing2 = [passing2, 1];}else {if(_valid2){valid10 = true;passing2 = 1;}const _errs33 = errors;if(data4 !== null){const err15 = {instancePath:instancePath+"/exclude",schemaPath:"#/$defs/globs/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null",schema:ocync_schema37.oneOf[2].type,parentSchema:ocync_schema37.oneOf[2],data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}var _valid2 = _errs33 === errors;if(_valid2 && valid10){valid10 = false;passing2 = [passing2, 2];}else {if(_valid2){valid10 = true;passing2 = 2;}}}if(!valid10){const err16 = {instancePath:instancePath+"/exclude",schemaPath:"#/$defs/globs/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf",schema:ocync_schema37.oneOf,parentSchema:ocync_schema37,data:data4};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}else {errors = _errs26;if(vErrors !== null){if(_errs26){vErrors.length = _errs26;}else {vErrors = null;}}}}if(data.semver !== undefined){let data6 = data.semver;if((typeof data6 !== "string") && (data6 !== null)){const err17 = {instancePath:instancePath+"/semver",schemaPath:"#/properties/semver/type",keyword:"type",params:{type: ocync_schema36.properties.semver.type},message:"must be string,null",schema:ocync_schema36.properties.semver.type,parentSchema:ocync_schema36.properties.semver,data:data6};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.semver_prerelease !== undefined){let data7 = data.semver_prerelease;if(!((((data7 === "include") || (data7 === "exclude")) || (data7 === "only")) || (data7 === null))){const err18 = {instancePath:instancePath+"/semver_prerelease",schemaPath:"#/properties/semver_prerelease/enum",keyword:"enum",params:{allowedValues: ocync_schema36.properties.semver_prerelease.enum},message:"must be equal to one of the allowed values",schema:ocync_schema36.properties.semver_prerelease.enum,parentSchema:ocync_schema36.properties.semver_prerelease,data:data7};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.sort !== undefined){let data8 = data.sort;if(!(((data8 === "semver") || (data8 === "alpha")) || (data8 === null))){const err19 = {instancePath:instancePath+"/sort",schemaPath:"#/properties/sort/enum",keyword:"enum",params:{allowedValues: ocync_schema36.properties.sort.enum},message:"must be equal to one of the allowed values",schema:ocync_schema36.properties.sort.enum,parentSchema:ocync_schema36.properties.sort,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.latest !== undefined){let data9 = data.latest;if((!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))) && (data9 !== null)){const err20 = {instancePath:instancePath+"/latest",schemaPath:"#/properties/latest/type",keyword:"type",params:{type: ocync_schema36.properties.latest.type},message:"must be integer,null",schema:ocync_schema36.properties.latest.type,parentSchema:ocync_schema36.properties.latest,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(typeof data9 == "number"){if(data9 < 0 || isNaN(data9)){const err21 = {instancePath:instancePath+"/latest",schemaPath:"#/properties/latest/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:ocync_schema36.properties.latest,data:data9};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}if(data.min_tags !== undefined){let data10 = data.min_tags;if((!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))) && (data10 !== null)){const err22 = {instancePath:instancePath+"/min_tags",schemaPath:"#/properties/min_tags/type",keyword:"type",params:{type: ocync_schema36.properties.min_tags.type},message:"must be integer,null",schema:ocync_schema36.properties.min_tags.type,parentSchema:ocync_schema36.properties.min_tags,data:data10};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if(typeof data10 == "number"){if(data10 < 0 || isNaN(data10)){const err23 = {instancePath:instancePath+"/min_tags",schemaPath:"#/properties/min_tags/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:ocync_schema36.properties.min_tags,data:data10};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}if(data.immutable_tags !== undefined){let data11 = data.immutable_tags;if((typeof data11 !== "string") && (data11 !== null)){const err24 = {instancePath:instancePath+"/immutable_tags",schemaPath:"#/properties/immutable_tags/type",keyword:"type",params:{type: ocync_schema36.properties.immutable_tags.type},message:"must be string,null",schema:ocync_schema36.properties.immutable_tags.type,parentSchema:ocync_schema36.properties.immutable_tags,data:data11};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}ocync_validate21.errors = vErrors;return errors === 0;}ocync_validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};const ocync_schema40 = {"type":"object","additionalProperties":false,"required":["from"],"properties":{"from":{"type":"string","minLength":1},"to":{"type":["string","null"]},"source":{"type":["string","null"]},"targets":{"$ref":"#/$defs/targets"},"tags":{"$ref":"#/$defs/tags"},"platforms":{"$ref":"#/$defs/platforms"},"artifacts":{"$ref":"#/$defs/artifacts"}}};function ocync_validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){let vErrors = null;let errors = 0;const evaluated0 = ocync_validate23.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.from === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:ocync_schema40.required,parentSchema:ocync_schema40,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((((((key0 === "from") || (key0 === "to")) || (key0 === "source")) || (key0 === "targets")) || (key0 === "tags")) || (key0 === "platforms")) || (key0 === "artifacts"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema40,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.from !== undefined){let data0 = data.from;if(typeof data0 === "string"){if(ocync_func1(data0) < 1){const err2 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:ocync_schema40.properties.from,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema40.properties.from.type,parentSchema:ocync_schema40.properties.from,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.to !== undefined){let data1 = data.to;if((typeof data1 !== "string") && (data1 !== null)){const err4 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/type",keyword:"type",params:{type: ocync_schema40.properties.to.type},message:"must be string,null",schema:ocync_schema40.properties.to.type,parentSchema:ocync_schema40.properties.to,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.source !== undefined){let data2 = data.source;if((typeof data2 !== "string") && (data2 !== null)){const err5 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: ocync_schema40.properties.source.type},message:"must be string,null",schema:ocync_schema40.properties.source.type,parentSchema:ocync_schema40.properties.source,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.targets !== undefined){let data3 = data.targets;const _errs10 = errors;let valid2 = false;let passing0 = null;const _errs11 = errors;if(typeof data3 === "string"){if(ocync_func1(data3) < 1){const err6 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/targets/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:ocync_schema33.oneOf[0],data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/targets/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema33.oneOf[0].type,parentSchema:ocync_schema33.oneOf[0],data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}var _valid0 = _errs11 === errors;if(_valid0){valid2 = true;passing0 = 0;}const _errs13 = errors;if(Array.isArray(data3)){if(data3.length < 1){const err8 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/targets/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:ocync_schema33.oneOf[1],data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}const len0 = data3.length;for(let i0=0; i0<len0; i0++){let data4 = data3[i0];if(typeof data4 === "string"){if(ocync_func1(data4) < 1){const err9 = {instancePath:instancePath+"/targets/" + i0,schemaPath:"#/$defs/targets/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:ocync_schema33.oneOf[1].items,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/targets/" + i0,schemaPath:"#/$defs/targets/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema33.oneOf[1].items.type,parentSchema:ocync_schema33.oneOf[1].items,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/targets/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema33.oneOf[1].type,parentSchema:ocync_schema33.oneOf[1],data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}var _valid0 = _errs13 === errors;if(_valid0 && valid2){valid2 = false;passing0 = [passing0, 1];}else {if(_valid0){valid2 = true;passing0 = 1;}const _errs17 = errors;if(data3 !== null){const err12 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/targets/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null",schema:ocync_schema33.oneOf[2].type,parentSchema:ocync_schema33.oneOf[2],data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}var _valid0 = _errs17 === errors;if(_valid0 && valid2){valid2 = false;passing0 = [passing0, 2];}else {if(_valid0){valid2 = true;passing0 = 2;}}}if(!valid2){const err13 = {instancePath:instancePath+"/targets",schemaPath:"#/$defs/targets/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:ocync_schema33.oneOf,parentSchema:ocync_schema33,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}else {errors = _errs10;if(vErrors !== null){if(_errs10){vErrors.length = _errs10;}else {vErrors = null;}}}}if(data.tags !== undefined){if(!(ocync_validate21(data.tags, {instancePath:instancePath+"/tags",parentData:data,parentDataProperty:"tags",rootData,dynamicAnchors}))){vErrors = vErrors === null ? ocync_validate21.errors : vErrors.concat(ocync_validate21.errors);errors = vErrors.length;}}if(data.platforms !== undefined){let data6 = data.platforms;if((!(Array.isArray(data6))) && (data6 !== null)){const err14 = {instancePath:instancePath+"/platforms",schemaPath:"#/$defs/platforms/type",keyword:"type",params:{type: ocync_schema35.type},message:"must be array,null",schema:ocync_schema35.type,parentSchema:ocync_schema35,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if(Array.isArray(data6)){const len1 = data6.length;for(let i1=0; i1<len1; i1++){let data7 = data6[i1];if(typeof data7 === "string"){if(!ocync_pattern4.test(data7)){const err15 = {instancePath:instancePath+"/platforms/" + i1,schemaPath:"#/$defs/platforms/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$"},message:"must match pattern \""+"^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$"+"\"",schema:"^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$",parentSchema:ocync_schema35.items,data:data7};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/platforms/" + i1,schemaPath:"#/$defs/platforms/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema35.items.type,parentSchema:ocync_schema35.items,data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}}if(data.artifacts !== undefined){let data8 = data.artifacts;if((!(data8 && typeof data8 == "object" && !Array.isArray(data8))) && (data8 !== null)){const err17 = {instancePath:instancePath+"/artifacts",schemaPath:"#/$defs/artifacts/type",keyword:"type",params:{type: ocync_schema34.type},message:"must be object,null",schema:ocync_schema34.type,parentSchema:ocync_schema34,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(data8 && typeof data8 == "object" && !Array.isArray(data8)){for(const key1 in data8){if(!((((key1 === "enabled") || (key1 === "include")) || (key1 === "exclude")) || (key1 === "require_artifacts"))){const err18 = {instancePath:instancePath+"/artifacts",schemaPath:"#/$defs/artifacts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema34,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data8.enabled !== undefined){let data9 = data8.enabled;if(typeof data9 !== "boolean"){const err19 = {instancePath:instancePath+"/artifacts/enabled",schemaPath:"#/$defs/artifacts/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:ocync_schema34.properties.enabled.type,parentSchema:ocync_schema34.properties.enabled,data:data9};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data8.include !== undefined){let data10 = data8.include;if(Array.isArray(data10)){const len2 = data10.length;for(let i2=0; i2<len2; i2++){let data11 = data10[i2];if(typeof data11 !== "string"){const err20 = {instancePath:instancePath+"/artifacts/include/" + i2,schemaPath:"#/$defs/artifacts/properties/include/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema34.properties.include.items.type,parentSchema:ocync_schema34.properties.include.items,data:data11};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath:instancePath+"/artifacts/include",schemaPath:"#/$defs/artifacts/properties/include/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema34.properties.include.type,parentSchema:ocync_schema34.properties.include,data:data10};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data8.exclude !== undefined){let data12 = data8.exclude;if(Array.isArray(data12)){const len3 = data12.length;for(let i3=0; i3<len3; i3++){let data13 = data12[i3];if(typeof data13 !== "string"){const err22 = {instancePath:instancePath+"/artifacts/exclude/" + i3,schemaPath:"#/$defs/artifacts/properties/exclude/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema34.properties.exclude.items.type,parentSchema:ocync_schema34.properties.exclude.items,data:data13};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath:instancePath+"/artifacts/exclude",schemaPath:"#/$defs/artifacts/properties/exclude/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema34.properties.exclude.type,parentSchema:ocync_schema34.properties.exclude,data:data12};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data8.require_artifacts !== undefined){let data14 = data8.require_artifacts;if(typeof data14 !== "boolean"){const err24 = {instancePath:instancePath+"/artifacts/require_artifacts",schemaPath:"#/$defs/artifacts/properties/require_artifacts/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:ocync_schema34.properties.require_artifacts.type,parentSchema:ocync_schema34.properties.require_artifacts,data:data14};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}}}else {const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:ocync_schema40.type,parentSchema:ocync_schema40,data};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}ocync_validate23.errors = vErrors;return errors === 0;}ocync_validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};function ocync_validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){/*# sourceURL="https://oci-mirror.dev/schema/ocync.schema.json" */;let vErrors = null;let errors = 0;const evaluated0 = ocync_validate20.evaluated;if(evaluated0.dynamicProps){evaluated0.props = undefined;}if(evaluated0.dynamicItems){evaluated0.items = undefined;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.mappings === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mappings"},message:"must have required property '"+"mappings"+"'",schema:ocync_schema31.required,parentSchema:ocync_schema31,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((((key0 === "global") || (key0 === "registries")) || (key0 === "target_groups")) || (key0 === "defaults")) || (key0 === "mappings"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema31,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.global !== undefined){let data0 = data.global;if((!(data0 && typeof data0 == "object" && !Array.isArray(data0))) && (data0 !== null)){const err2 = {instancePath:instancePath+"/global",schemaPath:"#/properties/global/type",keyword:"type",params:{type: ocync_schema31.properties.global.type},message:"must be object,null",schema:ocync_schema31.properties.global.type,parentSchema:ocync_schema31.properties.global,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data0 && typeof data0 == "object" && !Array.isArray(data0)){for(const key1 in data0){if(!((((key1 === "max_concurrent_transfers") || (key1 === "cache_dir")) || (key1 === "cache_ttl")) || (key1 === "staging_size_limit"))){const err3 = {instancePath:instancePath+"/global",schemaPath:"#/properties/global/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema31.properties.global,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.max_concurrent_transfers !== undefined){let data1 = data0.max_concurrent_transfers;if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){const err4 = {instancePath:instancePath+"/global/max_concurrent_transfers",schemaPath:"#/properties/global/properties/max_concurrent_transfers/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:ocync_schema31.properties.global.properties.max_concurrent_transfers.type,parentSchema:ocync_schema31.properties.global.properties.max_concurrent_transfers,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(typeof data1 == "number"){if(data1 < 1 || isNaN(data1)){const err5 = {instancePath:instancePath+"/global/max_concurrent_transfers",schemaPath:"#/properties/global/properties/max_concurrent_transfers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:ocync_schema31.properties.global.properties.max_concurrent_transfers,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}if(data0.cache_dir !== undefined){let data2 = data0.cache_dir;if((typeof data2 !== "string") && (data2 !== null)){const err6 = {instancePath:instancePath+"/global/cache_dir",schemaPath:"#/properties/global/properties/cache_dir/type",keyword:"type",params:{type: ocync_schema31.properties.global.properties.cache_dir.type},message:"must be string,null",schema:ocync_schema31.properties.global.properties.cache_dir.type,parentSchema:ocync_schema31.properties.global.properties.cache_dir,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data0.cache_ttl !== undefined){let data3 = data0.cache_ttl;if((typeof data3 !== "string") && (data3 !== null)){const err7 = {instancePath:instancePath+"/global/cache_ttl",schemaPath:"#/properties/global/properties/cache_ttl/type",keyword:"type",params:{type: ocync_schema31.properties.global.properties.cache_ttl.type},message:"must be string,null",schema:ocync_schema31.properties.global.properties.cache_ttl.type,parentSchema:ocync_schema31.properties.global.properties.cache_ttl,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data0.staging_size_limit !== undefined){let data4 = data0.staging_size_limit;if((typeof data4 !== "string") && (data4 !== null)){const err8 = {instancePath:instancePath+"/global/staging_size_limit",schemaPath:"#/properties/global/properties/staging_size_limit/type",keyword:"type",params:{type: ocync_schema31.properties.global.properties.staging_size_limit.type},message:"must be string,null",schema:ocync_schema31.properties.global.properties.staging_size_limit.type,parentSchema:ocync_schema31.properties.global.properties.staging_size_limit,data:data4};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}}if(data.registries !== undefined){let data5 = data.registries;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){for(const key2 in data5){let data6 = data5[key2];if(data6 && typeof data6 == "object" && !Array.isArray(data6)){if(data6.url === undefined){const err9 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/registry/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:ocync_schema32.required,parentSchema:ocync_schema32,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}for(const key3 in data6){if(!((((((key3 === "url") || (key3 === "auth_type")) || (key3 === "credentials")) || (key3 === "token")) || (key3 === "max_concurrent")) || (key3 === "head_first"))){const err10 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/registry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema32,data:data6};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data6.url !== undefined){let data7 = data6.url;if(typeof data7 === "string"){if(ocync_func1(data7) < 1){const err11 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/url",schemaPath:"#/$defs/registry/properties/url/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:ocync_schema32.properties.url,data:data7};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/url",schemaPath:"#/$defs/registry/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema32.properties.url.type,parentSchema:ocync_schema32.properties.url,data:data7};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data6.auth_type !== undefined){let data8 = data6.auth_type;if(!(((((((((((data8 === "ecr") || (data8 === "gar")) || (data8 === "gcr")) || (data8 === "acr")) || (data8 === "ghcr")) || (data8 === "anonymous")) || (data8 === "basic")) || (data8 === "static_token")) || (data8 === "token")) || (data8 === "docker_config")) || (data8 === null))){const err13 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/auth_type",schemaPath:"#/$defs/registry/properties/auth_type/enum",keyword:"enum",params:{allowedValues: ocync_schema32.properties.auth_type.enum},message:"must be equal to one of the allowed values",schema:ocync_schema32.properties.auth_type.enum,parentSchema:ocync_schema32.properties.auth_type,data:data8};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data6.credentials !== undefined){let data9 = data6.credentials;if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){const err14 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/credentials",schemaPath:"#/$defs/registry/properties/credentials/type",keyword:"type",params:{type: ocync_schema32.properties.credentials.type},message:"must be object,null",schema:ocync_schema32.properties.credentials.type,parentSchema:ocync_schema32.properties.credentials,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if(data9 && typeof data9 == "object" && !Array.isArray(data9)){if(data9.username === undefined){const err15 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/credentials",schemaPath:"#/$defs/registry/properties/credentials/required",keyword:"required",params:{missingProperty: "username"},message:"must have required property '"+"username"+"'",schema:ocync_schema32.properties.credentials.required,parentSchema:ocync_schema32.properties.credentials,data:data9};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(data9.password === undefined){const err16 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/credentials",schemaPath:"#/$defs/registry/properties/credentials/required",keyword:"required",params:{missingProperty: "password"},message:"must have required property '"+"password"+"'",schema:ocync_schema32.properties.credentials.required,parentSchema:ocync_schema32.properties.credentials,data:data9};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}for(const key4 in data9){if(!((key4 === "username") || (key4 === "password"))){const err17 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/credentials",schemaPath:"#/$defs/registry/properties/credentials/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema32.properties.credentials,data:data9};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data9.username !== undefined){let data10 = data9.username;if(typeof data10 !== "string"){const err18 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/credentials/username",schemaPath:"#/$defs/registry/properties/credentials/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema32.properties.credentials.properties.username.type,parentSchema:ocync_schema32.properties.credentials.properties.username,data:data10};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data9.password !== undefined){let data11 = data9.password;if(typeof data11 !== "string"){const err19 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/credentials/password",schemaPath:"#/$defs/registry/properties/credentials/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema32.properties.credentials.properties.password.type,parentSchema:ocync_schema32.properties.credentials.properties.password,data:data11};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}}if(data6.token !== undefined){let data12 = data6.token;if((typeof data12 !== "string") && (data12 !== null)){const err20 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/token",schemaPath:"#/$defs/registry/properties/token/type",keyword:"type",params:{type: ocync_schema32.properties.token.type},message:"must be string,null",schema:ocync_schema32.properties.token.type,parentSchema:ocync_schema32.properties.token,data:data12};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data6.max_concurrent !== undefined){let data13 = data6.max_concurrent;if((!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))) && (data13 !== null)){const err21 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max_concurrent",schemaPath:"#/$defs/registry/properties/max_concurrent/type",keyword:"type",params:{type: ocync_schema32.properties.max_concurrent.type},message:"must be integer,null",schema:ocync_schema32.properties.max_concurrent.type,parentSchema:ocync_schema32.properties.max_concurrent,data:data13};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(typeof data13 == "number"){if(data13 < 1 || isNaN(data13)){const err22 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max_concurrent",schemaPath:"#/$defs/registry/properties/max_concurrent/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:ocync_schema32.properties.max_concurrent,data:data13};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}if(data6.head_first !== undefined){let data14 = data6.head_first;if(typeof data14 !== "boolean"){const err23 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/head_first",schemaPath:"#/$defs/registry/properties/head_first/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:ocync_schema32.properties.head_first.type,parentSchema:ocync_schema32.properties.head_first,data:data14};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}else {const err24 = {instancePath:instancePath+"/registries/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/registry/type",keyword:"type",params:{type: "object"},message:"must be object",schema:ocync_schema32.type,parentSchema:ocync_schema32,data:data6};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/registries",schemaPath:"#/properties/registries/type",keyword:"type",params:{type: "object"},message:"must be object",schema:ocync_schema31.properties.registries.type,parentSchema:ocync_schema31.properties.registries,data:data5};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data.target_groups !== undefined){let data15 = data.target_groups;if(data15 && typeof data15 == "object" && !Array.isArray(data15)){for(const key5 in data15){let data16 = data15[key5];if(Array.isArray(data16)){const len0 = data16.length;for(let i0=0; i0<len0; i0++){let data17 = data16[i0];if(typeof data17 === "string"){if(ocync_func1(data17) < 1){const err26 = {instancePath:instancePath+"/target_groups/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/target_groups/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:ocync_schema31.properties.target_groups.additionalProperties.items,data:data17};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}else {const err27 = {instancePath:instancePath+"/target_groups/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/target_groups/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema31.properties.target_groups.additionalProperties.items.type,parentSchema:ocync_schema31.properties.target_groups.additionalProperties.items,data:data17};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}else {const err28 = {instancePath:instancePath+"/target_groups/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/target_groups/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema31.properties.target_groups.additionalProperties.type,parentSchema:ocync_schema31.properties.target_groups.additionalProperties,data:data16};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}}else {const err29 = {instancePath:instancePath+"/target_groups",schemaPath:"#/properties/target_groups/type",keyword:"type",params:{type: "object"},message:"must be object",schema:ocync_schema31.properties.target_groups.type,parentSchema:ocync_schema31.properties.target_groups,data:data15};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data.defaults !== undefined){let data18 = data.defaults;if((!(data18 && typeof data18 == "object" && !Array.isArray(data18))) && (data18 !== null)){const err30 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/type",keyword:"type",params:{type: ocync_schema31.properties.defaults.type},message:"must be object,null",schema:ocync_schema31.properties.defaults.type,parentSchema:ocync_schema31.properties.defaults,data:data18};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(data18 && typeof data18 == "object" && !Array.isArray(data18)){for(const key6 in data18){if(!(((((key6 === "source") || (key6 === "targets")) || (key6 === "artifacts")) || (key6 === "platforms")) || (key6 === "tags"))){const err31 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema31.properties.defaults,data:data18};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data18.source !== undefined){let data19 = data18.source;if((typeof data19 !== "string") && (data19 !== null)){const err32 = {instancePath:instancePath+"/defaults/source",schemaPath:"#/properties/defaults/properties/source/type",keyword:"type",params:{type: ocync_schema31.properties.defaults.properties.source.type},message:"must be string,null",schema:ocync_schema31.properties.defaults.properties.source.type,parentSchema:ocync_schema31.properties.defaults.properties.source,data:data19};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data18.targets !== undefined){let data20 = data18.targets;const _errs50 = errors;let valid11 = false;let passing0 = null;const _errs51 = errors;if(typeof data20 === "string"){if(ocync_func1(data20) < 1){const err33 = {instancePath:instancePath+"/defaults/targets",schemaPath:"#/$defs/targets/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:ocync_schema33.oneOf[0],data:data20};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}else {const err34 = {instancePath:instancePath+"/defaults/targets",schemaPath:"#/$defs/targets/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema33.oneOf[0].type,parentSchema:ocync_schema33.oneOf[0],data:data20};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}var _valid0 = _errs51 === errors;if(_valid0){valid11 = true;passing0 = 0;}const _errs53 = errors;if(Array.isArray(data20)){if(data20.length < 1){const err35 = {instancePath:instancePath+"/defaults/targets",schemaPath:"#/$defs/targets/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:ocync_schema33.oneOf[1],data:data20};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}const len1 = data20.length;for(let i1=0; i1<len1; i1++){let data21 = data20[i1];if(typeof data21 === "string"){if(ocync_func1(data21) < 1){const err36 = {instancePath:instancePath+"/defaults/targets/" + i1,schemaPath:"#/$defs/targets/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:ocync_schema33.oneOf[1].items,data:data21};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/defaults/targets/" + i1,schemaPath:"#/$defs/targets/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema33.oneOf[1].items.type,parentSchema:ocync_schema33.oneOf[1].items,data:data21};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}}else {const err38 = {instancePath:instancePath+"/defaults/targets",schemaPath:"#/$defs/targets/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema33.oneOf[1].type,parentSchema:ocync_schema33.oneOf[1],data:data20};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}var _valid0 = _errs53 === errors;if(_valid0 && valid11){valid11 = false;passing0 = [passing0, 1];}else {if(_valid0){valid11 = true;passing0 = 1;}const _errs57 = errors;if(data20 !== null){const err39 = {instancePath:instancePath+"/defaults/targets",schemaPath:"#/$defs/targets/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null",schema:ocync_schema33.oneOf[2].type,parentSchema:ocync_schema33.oneOf[2],data:data20};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}var _valid0 = _errs57 === errors;if(_valid0 && valid11){valid11 = false;passing0 = [passing0, 2];}else {if(_valid0){valid11 = true;passing0 = 2;}}}if(!valid11){const err40 = {instancePath:instancePath+"/defaults/targets",schemaPath:"#/$defs/targets/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:ocync_schema33.oneOf,parentSchema:ocync_schema33,data:data20};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}else {errors = _errs50;if(vErrors !== null){if(_errs50){vErrors.length = _errs50;}else {vErrors = null;}}}}if(data18.artifacts !== undefined){let data22 = data18.artifacts;if((!(data22 && typeof data22 == "object" && !Array.isArray(data22))) && (data22 !== null)){const err41 = {instancePath:instancePath+"/defaults/artifacts",schemaPath:"#/$defs/artifacts/type",keyword:"type",params:{type: ocync_schema34.type},message:"must be object,null",schema:ocync_schema34.type,parentSchema:ocync_schema34,data:data22};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}if(data22 && typeof data22 == "object" && !Array.isArray(data22)){for(const key7 in data22){if(!((((key7 === "enabled") || (key7 === "include")) || (key7 === "exclude")) || (key7 === "require_artifacts"))){const err42 = {instancePath:instancePath+"/defaults/artifacts",schemaPath:"#/$defs/artifacts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:ocync_schema34,data:data22};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}if(data22.enabled !== undefined){let data23 = data22.enabled;if(typeof data23 !== "boolean"){const err43 = {instancePath:instancePath+"/defaults/artifacts/enabled",schemaPath:"#/$defs/artifacts/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:ocync_schema34.properties.enabled.type,parentSchema:ocync_schema34.properties.enabled,data:data23};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data22.include !== undefined){let data24 = data22.include;if(Array.isArray(data24)){const len2 = data24.length;for(let i2=0; i2<len2; i2++){let data25 = data24[i2];if(typeof data25 !== "string"){const err44 = {instancePath:instancePath+"/defaults/artifacts/include/" + i2,schemaPath:"#/$defs/artifacts/properties/include/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema34.properties.include.items.type,parentSchema:ocync_schema34.properties.include.items,data:data25};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}else {const err45 = {instancePath:instancePath+"/defaults/artifacts/include",schemaPath:"#/$defs/artifacts/properties/include/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema34.properties.include.type,parentSchema:ocync_schema34.properties.include,data:data24};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data22.exclude !== undefined){let data26 = data22.exclude;if(Array.isArray(data26)){const len3 = data26.length;for(let i3=0; i3<len3; i3++){let data27 = data26[i3];if(typeof data27 !== "string"){const err46 = {instancePath:instancePath+"/defaults/artifacts/exclude/" + i3,schemaPath:"#/$defs/artifacts/properties/exclude/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema34.properties.exclude.items.type,parentSchema:ocync_schema34.properties.exclude.items,data:data27};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}}else {const err47 = {instancePath:instancePath+"/defaults/artifacts/exclude",schemaPath:"#/$defs/artifacts/properties/exclude/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema34.properties.exclude.type,parentSchema:ocync_schema34.properties.exclude,data:data26};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data22.require_artifacts !== undefined){let data28 = data22.require_artifacts;if(typeof data28 !== "boolean"){const err48 = {instancePath:instancePath+"/defaults/artifacts/require_artifacts",schemaPath:"#/$defs/artifacts/properties/require_artifacts/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:ocync_schema34.properties.require_artifacts.type,parentSchema:ocync_schema34.properties.require_artifacts,data:data28};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}}if(data18.platforms !== undefined){let data29 = data18.platforms;if((!(Array.isArray(data29))) && (data29 !== null)){const err49 = {instancePath:instancePath+"/defaults/platforms",schemaPath:"#/$defs/platforms/type",keyword:"type",params:{type: ocync_schema35.type},message:"must be array,null",schema:ocync_schema35.type,parentSchema:ocync_schema35,data:data29};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}if(Array.isArray(data29)){const len4 = data29.length;for(let i4=0; i4<len4; i4++){let data30 = data29[i4];if(typeof data30 === "string"){if(!ocync_pattern4.test(data30)){const err50 = {instancePath:instancePath+"/defaults/platforms/" + i4,schemaPath:"#/$defs/platforms/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$"},message:"must match pattern \""+"^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$"+"\"",schema:"^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$",parentSchema:ocync_schema35.items,data:data30};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}else {const err51 = {instancePath:instancePath+"/defaults/platforms/" + i4,schemaPath:"#/$defs/platforms/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:ocync_schema35.items.type,parentSchema:ocync_schema35.items,data:data30};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}}}if(data18.tags !== undefined){if(!(ocync_validate21(data18.tags, {instancePath:instancePath+"/defaults/tags",parentData:data18,parentDataProperty:"tags",rootData,dynamicAnchors}))){vErrors = vErrors === null ? ocync_validate21.errors : vErrors.concat(ocync_validate21.errors);errors = vErrors.length;}}}}if(data.mappings !== undefined){let data32 = data.mappings;if(Array.isArray(data32)){if(data32.length < 1){const err52 = {instancePath:instancePath+"/mappings",schemaPath:"#/properties/mappings/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:ocync_schema31.properties.mappings,data:data32};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}const len5 = data32.length;for(let i5=0; i5<len5; i5++){if(!(ocync_validate23(data32[i5], {instancePath:instancePath+"/mappings/" + i5,parentData:data32,parentDataProperty:i5,rootData,dynamicAnchors}))){vErrors = vErrors === null ? ocync_validate23.errors : vErrors.concat(ocync_validate23.errors);errors = vErrors.length;}}}else {const err53 = {instancePath:instancePath+"/mappings",schemaPath:"#/properties/mappings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:ocync_schema31.properties.mappings.type,parentSchema:ocync_schema31.properties.mappings,data:data32};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}}else {const err54 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:ocync_schema31.type,parentSchema:ocync_schema31,data};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}ocync_validate20.errors = vErrors;return errors === 0;}ocync_validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

;// CONCATENATED MODULE: ./src/config/schema.ts






/**
 * The validator of each dialect: ajv code generated at build time from `schema/config.schema.json`
 * and the flux mirror schemas by `scripts/gen-validators.mjs` (compiling them at start-up cost
 * ~90 ms per run; a test keeps the generated code in step with the schemas).
 */
const VALIDATORS = {
    'oci-mirror/v1': oci_mirror_v1,
    'mirror.plugin.fluxcd.io/v1beta1': flux_v1beta1,
    'mirror.plugin.fluxcd.io/v1beta2': flux_v1beta2,
    'lazyoci/mirror': lazyoci_mirror,
    ocync: ocync,
};
/** Validates `data` (the document as plain JS) against the dialect's schema. */
function validateSchema(dialect, data, parsed) {
    const validate = VALIDATORS[dialect];
    if (validate(data))
        return [];
    const raw = validate.errors ?? [];
    // oneOf reports one error per failed branch; keep only the oneOf summary.
    const oneOfPaths = new Set(raw.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const seen = new Set();
    const out = [];
    for (const e of raw) {
        // A failed `if`/`then` is also reported by the `then` branch's own error (e.g. `required`).
        if (e.keyword === 'if')
            continue;
        if (e.keyword !== 'oneOf' && [...oneOfPaths].some((p) => e.instancePath.startsWith(p)))
            continue;
        const err = toConfigError(e, parsed);
        const key = err.message;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(err);
    }
    return out;
}
function pointerToPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
function typeName(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (typeof v === 'number')
        return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
    if (typeof v === 'boolean')
        return `${v}`;
    if (typeof v === 'string')
        return v === '' ? 'an empty string' : 'a string';
    return typeof v;
}
const TYPE_WORDS = {
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    null: 'null',
};
function show(v) {
    return typeof v === 'string' ? `\`${v}\`` : JSON.stringify(v);
}
function toConfigError(e, parsed) {
    const path = pointerToPath(e.instancePath);
    const data = e.data;
    switch (e.keyword) {
        case 'additionalProperties': {
            const prop = String(e.params.additionalProperty);
            const allowed = Object.keys(e.parentSchema?.properties ?? {});
            const hint = didYouMean(prop, allowed);
            return parsed.error([...path, prop], `unknown field \`${prop}\``, {
                key: true,
                hint: hint ?? `allowed here: ${allowed.join(', ')}`,
            });
        }
        case 'required': {
            const prop = String(e.params.missingProperty);
            // The field path of the missing field, at the position of its parent mapping.
            return parsed.error(path, `missing required field \`${prop}\``, { displayPath: [...path, prop] });
        }
        case 'type': {
            const want = String(e.params.type)
                .split(',')
                .map((t) => TYPE_WORDS[t] ?? t)
                .join(' or ');
            return parsed.error(path, `expected ${want}, got ${typeName(data)}`);
        }
        case 'enum': {
            const allowed = (e.params.allowedValues ?? []).map(String);
            const hint = typeof data === 'string' ? didYouMean(data, allowed) : undefined;
            return parsed.error(path, `expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}, got ${show(data)}`, {
                ...(hint ? { hint } : {}),
            });
        }
        case 'const': {
            const want = e.params.allowedValue;
            return parsed.error(path, `expected ${show(want)}, got ${show(data)}`);
        }
        case 'minimum':
        case 'exclusiveMinimum':
        case 'maximum': {
            const p = e.params;
            return parsed.error(path, `expected a number ${p.comparison} ${p.limit}, got ${show(data)}`);
        }
        case 'minItems':
            return parsed.error(path, `expected at least ${e.params.limit} item(s), got none`);
        case 'minProperties': {
            const limit = e.params.limit;
            return parsed.error(path, `expected at least ${limit} entr${limit === 1 ? 'y' : 'ies'}, got none`);
        }
        case 'minLength':
            return parsed.error(path, 'must not be empty');
        case 'pattern':
            return parsed.error(path, `${show(data)} does not have the expected form (${describePattern(path)})`);
        case 'oneOf': {
            const alts = (e.schema ?? []).map((s) => s.type ? (TYPE_WORDS[s.type] ?? s.type) : 'a list of strings');
            return parsed.error(path, `expected ${alts.join(' or ')}, got ${typeName(data)}`);
        }
        default:
            return parsed.error(path, e.message ?? `failed ${e.keyword} check`);
    }
}
function describePattern(path) {
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    if (last === 'roleArn')
        return 'arn:aws:iam::<12-digit account>:role/<name>';
    if (parent === 'platforms')
        return 'os/arch or os/arch/variant, e.g. linux/amd64';
    return 'see the schema';
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/config/yaml.ts
/**
 * YAML parsing with positions, and `${VAR}` substitution on parsed scalars (so every node keeps
 * its true line:column).
 */


/** Renders a path as `artifacts[2].selector.limit`. */
function formatPath(path) {
    let out = '';
    for (const p of path) {
        if (typeof p === 'number')
            out += `[${p}]`;
        else
            out += out ? `.${p}` : p;
    }
    return out;
}
/** A parsed YAML document plus what is needed to turn offsets into positions. */
class ParsedYaml {
    doc;
    file;
    text;
    #lines;
    constructor(doc, lines, file, text) {
        this.doc = doc;
        this.#lines = lines;
        this.file = file;
        this.text = text;
    }
    /** 1-based line/column of a character offset. */
    posOf(offset) {
        const p = this.#lines.linePos(offset);
        return { line: p.line, column: p.col };
    }
    /**
     * Position of the node at `path`: its value node, or with `key` its key. Falls back to the
     * nearest existing ancestor when the path does not exist (e.g. a missing required field).
     */
    locate(path, opts = {}) {
        let node = this.doc.contents;
        let keyNode;
        let best = node;
        for (const seg of path) {
            keyNode = undefined;
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((it) => (0,dist/* isPair */.tO)(it) && keyOf(it.key) === String(seg));
                if (!pair)
                    break;
                keyNode = pair.key;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
                const next = node.items[seg];
                if (next === undefined)
                    break;
                node = next;
            }
            else {
                break;
            }
            best = opts.key && keyNode ? keyNode : (node ?? keyNode);
        }
        const range = best?.range;
        if (!range)
            return { line: 1, column: 1 };
        return this.posOf(range[0]);
    }
    /** A ConfigError at `path` (value node, or key node with `key`). */
    error(path, message, opts = {}) {
        const { line, column } = this.locate(path, opts.key ? { key: true } : {});
        return new config_errors/* ConfigError */.xL({
            file: this.file,
            line,
            column,
            path: formatPath(opts.displayPath ?? path),
            message,
            ...(opts.hint ? { hint: opts.hint } : {}),
        }, opts.cause === undefined ? undefined : { cause: opts.cause });
    }
}
function keyOf(k) {
    if ((0,dist/* isScalar */.jn)(k))
        return String(k.value);
    if (typeof k === 'string')
        return k;
    return undefined;
}
/** Parses YAML text; syntax errors (incl. duplicate keys) come back as ConfigErrors. */
function parseYaml(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const parsed = new ParsedYaml(doc, lines, file, text);
    const errors = doc.errors.map((e) => {
        const { line, column } = parsed.posOf(e.pos[0]);
        const msg = e.message.split('\n')[0] ?? e.message;
        return new config_errors/* ConfigError */.xL({
            file,
            line,
            column,
            path: '',
            message: `YAML syntax error: ${msg.replace(/ at line \d+, column \d+.*$/, '')}`,
        }, { cause: e });
    });
    return { parsed, errors };
}
/** Variable names whose values are always treated as secrets. */
const SECRET_NAME = /TOKEN|PASSWORD|SECRET|KEY|CREDENTIAL|AUTH|PASS/i;
const VAR_RE = /\$\$|\$\{([^}]*)\}/g;
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Substitutes `${VAR}` and `${VAR:-default}` in every scalar key and value of the document, in
 * place; `$$` is a literal `$`. A bare `$name` is left alone (regex anchors, extract templates).
 * A plain (unquoted) scalar is re-typed after substitution, so `limit: ${N}` is a number, as if
 * the text had been substituted before parsing (flux mirror substitutes the raw file).
 */
function substituteEnv(parsed, opts) {
    const errors = [];
    const secrets = new Set();
    const empty = [];
    const subst = (scalar, path, isKey) => {
        if (typeof scalar.value !== 'string') {
            // A plain scalar like `${N}` is always a string; numbers/booleans have no `$`.
            return;
        }
        const src = scalar.value;
        if (!src.includes('$'))
            return;
        let changed = false;
        const secretField = !isKey && opts.isSecretPath(path);
        const out = src.replace(VAR_RE, (whole, expr) => {
            if (whole === '$$') {
                changed = true;
                return '$';
            }
            const body = expr ?? '';
            const sep = body.search(/:[-?]/);
            const name = sep >= 0 ? body.slice(0, sep) : body;
            const required = sep >= 0 && body[sep + 1] === '?';
            const def = sep >= 0 && !required ? body.slice(sep + 2) : undefined;
            if (!NAME_RE.test(name)) {
                errors.push(errorInScalar(parsed, scalar, path, whole, `\`${whole}\` is not a valid variable reference`, {
                    hint: `use \${NAME}, \${NAME:-default} or \${NAME:?message}; write $$ for a literal $`,
                }));
                return whole;
            }
            const value = opts.env[name];
            changed = true;
            if (value === undefined || (value === '' && def !== undefined)) {
                if (def !== undefined)
                    return def;
                if (required) {
                    const why = body.slice(sep + 2);
                    errors.push(errorInScalar(parsed, scalar, path, whole, `environment variable ${name} is not set${why ? `: ${why}` : ''}`, {}));
                    return '';
                }
                if (opts.unsetIsEmpty)
                    return '';
                errors.push(errorInScalar(parsed, scalar, path, whole, `environment variable ${name} is not set`, {
                    hint: `set ${name}, give a default with \${${name}:-default}, or disable substitution`,
                }));
                return '';
            }
            if (value !== '' && (secretField || SECRET_NAME.test(name)))
                secrets.add(value);
            if (value === '' && whole === src)
                empty.push({ name, path });
            return value;
        });
        if (!changed)
            return;
        if (scalar.type === dist/* Scalar */.X5.PLAIN && !isKey) {
            scalar.value = retype(out);
        }
        else {
            scalar.value = out;
        }
    };
    const walk = (node, path) => {
        if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if ((0,dist/* isScalar */.jn)(pair.key))
                    subst(pair.key, [...path, String(pair.key.value)], true);
                const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
                walk(pair.value, [...path, key]);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, i) => {
                walk(item, [...path, i]);
            });
        }
        else if ((0,dist/* isScalar */.jn)(node)) {
            subst(node, path, false);
        }
    };
    walk(parsed.doc.contents, []);
    return { errors, secrets: [...secrets], empty };
}
/** YAML 1.2 core-schema typing of a plain scalar's text. */
function retype(s) {
    if (/^(?:null|Null|NULL|~|)$/.test(s))
        return s === '' ? '' : null;
    if (/^(?:true|True|TRUE)$/.test(s))
        return true;
    if (/^(?:false|False|FALSE)$/.test(s))
        return false;
    if (/^[-+]?[0-9]+$/.test(s))
        return Number.parseInt(s, 10);
    if (/^0x[0-9a-fA-F]+$/.test(s))
        return Number.parseInt(s.slice(2), 16);
    if (/^0o[0-7]+$/.test(s))
        return Number.parseInt(s.slice(2), 8);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s))
        return Number.parseFloat(s);
    return s;
}
/** An error pointing at `needle` inside the scalar's source text when it can be found there. */
function errorInScalar(parsed, scalar, path, needle, message, opts) {
    const range = scalar.range;
    let offset = range ? range[0] : undefined;
    if (range) {
        const at = parsed.text.slice(range[0], range[1]).indexOf(needle);
        if (at >= 0)
            offset = range[0] + at;
    }
    const { line, column } = offset === undefined ? parsed.locate(path) : parsed.posOf(offset);
    return new config_errors/* ConfigError */.xL({
        file: parsed.file,
        line,
        column,
        path: formatPath(path),
        message,
        ...(opts.hint ? { hint: opts.hint } : {}),
    });
}

;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * `loadConfig`: read → parse (with positions) → `${VAR}` substitution → dialect detection →
 * JSON Schema → semantic checks → the normalised {@link MirrorConfig}.
 */








/** The apiVersions we load. */
const API_VERSIONS = [
    'oci-mirror/v1',
    'mirror.plugin.fluxcd.io/v1beta1',
    'mirror.plugin.fluxcd.io/v1beta2',
];
/** Name of the environment variable that may hold the whole config. */
const CONFIG_ENV = 'OCI_MIRROR_CONFIG';
/**
 * Loads, validates and normalises a config. Throws {@link ConfigErrors} listing every problem
 * (each with file:line:column and field path; secret values are never included).
 */
async function loadConfig(input) {
    const env = input.env ?? process.env;
    const cwd = (0,external_node_path_.resolve)(input.cwd ?? process.cwd());
    let text;
    let file;
    let dir;
    if (input.path === '-') {
        file = '<stdin>';
        dir = cwd;
        if (input.stdin === undefined)
            throw single(file, 'no config on standard input');
        text = input.stdin;
    }
    else if (input.path !== undefined && input.path !== '') {
        file = input.path;
        const abs = (0,external_node_path_.resolve)(cwd, input.path);
        dir = (0,external_node_path_.dirname)(abs);
        try {
            text = await (0,promises_.readFile)(abs, 'utf8');
        }
        catch (cause) {
            const code = cause.code;
            if (code === 'ENOENT')
                throw new config_errors/* ConfigNotFound */.aw(file, abs, { cause });
            const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
            throw single(file, `config ${why}`, cause);
        }
    }
    else {
        file = `$${CONFIG_ENV}`;
        dir = cwd;
        const fromEnv = env[CONFIG_ENV];
        if (fromEnv === undefined || fromEnv.trim() === '') {
            throw single(file, `no config given: pass a file path, \`-\` for stdin, or set ${CONFIG_ENV} to the YAML`);
        }
        text = fromEnv;
    }
    return loadConfigText(text, {
        file,
        dir,
        env,
        envsubst: input.envsubst ?? true,
        ...(input.emptySecrets ? { emptySecrets: input.emptySecrets } : {}),
    });
}
/** Loads config text that has already been read; `file` is for messages, `dir` for relative paths. */
function loadConfigText(text, opts) {
    const { parsed, errors: syntax } = parseYaml(text, opts.file);
    if (syntax.length > 0)
        throw new config_errors/* ConfigErrors */.mS(syntax);
    const root = parsed.doc.contents;
    if (root === null || root === undefined)
        throw single(opts.file, 'config is empty');
    const secrets = new Set();
    const fail = (errors) => new config_errors/* ConfigErrors */.mS(secrets.size > 0 ? errors.map((e) => masked(e, [...secrets])) : errors);
    const emptyVars = new Map();
    if (opts.envsubst ?? true) {
        // ocync substitutes an unset `${VAR}` with the empty string; the others refuse it.
        const raw = parsed.doc.toJS({ maxAliasCount: 100 });
        const ocync = isObject(raw) && isOcyncShape(raw);
        const sub = substituteEnv(parsed, {
            env: opts.env ?? process.env,
            isSecretPath: ocync ? isOcyncSecretPath : isSecretPath,
            unsetIsEmpty: ocync,
        });
        for (const s of sub.secrets)
            secrets.add(s);
        if (sub.errors.length > 0)
            throw fail(sub.errors);
        for (const e of sub.empty)
            emptyVars.set(e.path.join('.'), e.name);
    }
    const data = parsed.doc.toJS({ maxAliasCount: 100 });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw fail([
            parsed.error([], `expected a mapping with apiVersion and kind, got ${Array.isArray(data) ? 'a list' : 'a scalar'}`),
        ]);
    }
    const record = data;
    const head = checkHead(record, parsed);
    if (head.errors.length > 0 || head.dialect === undefined)
        throw fail(head.errors);
    const schemaErrors = validateSchema(head.dialect, record, parsed);
    if (schemaErrors.length > 0)
        throw fail(schemaErrors);
    const { config, errors } = normalize(record, {
        dialect: head.dialect,
        parsed,
        dir: opts.dir,
        secrets,
        emptyVars,
        emptySecrets: opts.emptySecrets ?? 'error',
    });
    if (errors.length > 0)
        throw fail(errors);
    return config;
}
/** apiVersion / kind checks with suggestions, before the schema (which depends on them). */
function checkHead(data, parsed) {
    const errors = [];
    if (isLazyociShape(data))
        return { dialect: 'lazyoci/mirror', errors };
    if (isOcyncShape(data))
        return { dialect: 'ocync', errors };
    const api = data.apiVersion;
    let dialect;
    if (api === undefined) {
        errors.push(parsed.error([], 'missing required field `apiVersion`', {
            displayPath: ['apiVersion'],
            hint: `use one of ${API_VERSIONS.join(', ')}`,
        }));
    }
    else if (typeof api !== 'string' || !API_VERSIONS.includes(api)) {
        const shown = typeof api === 'string' ? `\`${api}\`` : JSON.stringify(api);
        let hint;
        if (api === 'mirror.fluxcd.io/v1alpha1') {
            hint =
                "this is flux mirror's pre-release format; use mirror.plugin.fluxcd.io/v1beta1 (move `auth.hosts` to `hosts`)";
        }
        else if (typeof api === 'string') {
            hint = didYouMean(api, API_VERSIONS) ?? `use one of ${API_VERSIONS.join(', ')}`;
        }
        errors.push(parsed.error(['apiVersion'], `unknown apiVersion ${shown}`, { hint }));
    }
    else {
        dialect = api;
    }
    const kind = data.kind;
    if (kind === undefined) {
        errors.push(parsed.error([], 'missing required field `kind`', {
            displayPath: ['kind'],
            hint: 'add `kind: Config`',
        }));
    }
    else if (kind !== 'Config') {
        const shown = typeof kind === 'string' ? `\`${kind}\`` : JSON.stringify(kind);
        errors.push(parsed.error(['kind'], `unknown kind ${shown}`, {
            hint: typeof kind === 'string' && didYouMean(kind, ['Config'])
                ? 'did you mean `Config`?'
                : 'use `kind: Config`',
        }));
    }
    return dialect === undefined ? { errors } : { dialect, errors };
}
/**
 * Whether the document is lazyoci's `mirror.yaml`: no apiVersion and no kind, and lazyoci's
 * top-level `target` or `upstreams` (either is enough, so a file missing the other one gets the
 * lazyoci schema's "missing required field" rather than "missing apiVersion").
 */
function isLazyociShape(data) {
    if (data.apiVersion !== undefined || data.kind !== undefined)
        return false;
    return data.target !== undefined || data.upstreams !== undefined;
}
/**
 * Whether the document is ocync's config: no apiVersion and no kind, and ocync's top-level
 * `mappings` or `registries` (either is enough, as for lazyoci).
 */
function isOcyncShape(data) {
    if (data.apiVersion !== undefined || data.kind !== undefined)
        return false;
    return data.mappings !== undefined || data.registries !== undefined;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** ocync's credential fields: `registries.<name>.credentials.password` and `.token`. */
function isOcyncSecretPath(path) {
    if (path[0] !== 'registries')
        return false;
    const last = path[path.length - 1];
    return last === 'token' || (last === 'password' && path[path.length - 2] === 'credentials');
}
/** Whether a value substituted at `path` is credential material (so its env values are secrets). */
function isSecretPath(path) {
    if (path[0] !== 'hosts')
        return false;
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    if (last === 'jwkValue' || last === 'keyValue' || last === 'password' || last === 'token')
        return true;
    if (last === 'value' && (parent === 'credential' || parent === 'key'))
        return true;
    return false;
}
function masked(e, secrets) {
    const message = (0,src_secrets/* redactValues */.se)(e.problem, secrets);
    const hint = e.hint === undefined ? undefined : (0,src_secrets/* redactValues */.se)(e.hint, secrets);
    if (message === e.problem && hint === e.hint)
        return e;
    return new config_errors/* ConfigError */.xL({ file: e.file, line: e.line, column: e.column, path: e.path, message, ...(hint ? { hint } : {}) }, { cause: e.cause });
}
function single(file, message, cause) {
    const e = new config_errors/* ConfigError */.xL({ file, line: 1, column: 1, path: '', message }, cause === undefined ? undefined : { cause });
    return new config_errors/* ConfigErrors */.mS([e], cause === undefined ? undefined : { cause });
}

;// CONCATENATED MODULE: ./src/report/envelope.ts
/**
 * The machine-readable report (DESIGN §5): a versioned envelope around the sync result, rendered
 * as JSON or YAML and described by `schema/report.schema.json`. Every string in a document built
 * here, and every rendered document, has passed through `redact`.
 */


/** `apiVersion` of every report document. */
const REPORT_API_VERSION = 'oci-mirror/v1';
/**
 * `$schema` of every report document: the `$id` of `schema/report.schema.json` (same scheme as the
 * config schemas, `https://oci-mirror.dev/schema/<file>`). It names the schema; the file itself
 * ships in the repository at `schema/report.schema.json`.
 */
const REPORT_SCHEMA_URL = 'https://oci-mirror.dev/schema/report.schema.json';
function toError(e) {
    return {
        message: (0,src_secrets/* redact */.E$)(e.message),
        ...(e.side !== undefined ? { side: e.side } : {}),
        ...(e.operation !== undefined ? { operation: (0,src_secrets/* redact */.E$)(e.operation) } : {}),
        ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
        ...(e.code !== undefined ? { code: (0,src_secrets/* redact */.E$)(e.code) } : {}),
        ...(e.kind !== undefined ? { kind: (0,src_secrets/* redact */.E$)(e.kind) } : {}),
        ...(e.repair !== undefined ? { repair: (0,src_secrets/* redact */.E$)(e.repair) } : {}),
    };
}
function toBlobs(b) {
    return { copied: b.copied, mounted: b.mounted, existing: b.existing };
}
function toReferrer(r) {
    return {
        digest: r.digest,
        ...(r.artifactType !== undefined ? { artifactType: (0,src_secrets/* redact */.E$)(r.artifactType) } : {}),
        status: r.status,
        ...(r.reason !== undefined ? { reason: (0,src_secrets/* redact */.E$)(r.reason) } : {}),
        ...(r.error !== undefined ? { error: toError(r.error) } : {}),
        ...(r.subject !== undefined ? { subject: r.subject } : {}),
        ...(r.tag !== undefined ? { tag: (0,src_secrets/* redact */.E$)(r.tag) } : {}),
    };
}
function toVerification(v) {
    return {
        digest: v.digest,
        ...(v.issuer !== undefined ? { issuer: (0,src_secrets/* redact */.E$)(v.issuer) } : {}),
        ...(v.subject !== undefined ? { subject: (0,src_secrets/* redact */.E$)(v.subject) } : {}),
        ...(v.publicKey ? { publicKey: true } : {}),
        ...(v.signedAt !== undefined ? { signedAt: v.signedAt } : {}),
        ...(v.predicateType !== undefined ? { predicateType: (0,src_secrets/* redact */.E$)(v.predicateType) } : {}),
        via: v.via,
        signature: v.signature,
        ...(v.tooNew ? { tooNew: { ageMs: v.tooNew.ageMs, minAge: v.tooNew.minAge } } : {}),
    };
}
function toTag(t) {
    return {
        source: (0,src_secrets/* redact */.E$)(t.source),
        ...(t.tag !== undefined ? { tag: (0,src_secrets/* redact */.E$)(t.tag) } : {}),
        ...(t.sourceDigest !== undefined ? { sourceDigest: t.sourceDigest, digest: t.sourceDigest } : {}),
        destination: (0,src_secrets/* redact */.E$)(t.destination),
        ...(t.destinationDigest !== undefined ? { destinationDigest: t.destinationDigest } : {}),
        status: t.status,
        ...(t.reason !== undefined ? { reason: (0,src_secrets/* redact */.E$)(t.reason) } : {}),
        ...(t.error !== undefined ? { error: toError(t.error) } : {}),
        ...(t.retryAt !== undefined ? { retryAt: t.retryAt } : {}),
        ...(t.mediaType !== undefined ? { mediaType: (0,src_secrets/* redact */.E$)(t.mediaType) } : {}),
        bytes: t.bytes,
        blobs: toBlobs(t.blobs),
        manifests: t.manifests,
        ...(t.referrers !== undefined ? { referrers: t.referrers.map(toReferrer) } : {}),
        ...(t.rewritten !== undefined ? { rewritten: (0,src_secrets/* redact */.E$)(t.rewritten) } : {}),
        ...(t.verification !== undefined ? { verification: toVerification(t.verification) } : {}),
        durationMs: t.durationMs,
        ...(t.images !== undefined ? { images: t.images.map(toTag) } : {}),
    };
}
function toEntry(e) {
    return {
        name: (0,src_secrets/* redact */.E$)(e.name),
        kind: e.kind,
        status: e.error !== undefined ? 'failed' : 'completed',
        source: (0,src_secrets/* redact */.E$)(e.source),
        destinations: e.destinations.map((d) => (0,src_secrets/* redact */.E$)(d)),
        ...(e.position !== undefined
            ? { position: { file: (0,src_secrets/* redact */.E$)(e.position.file), line: e.position.line, column: e.position.column } }
            : {}),
        ...(e.error !== undefined ? { error: toError(e.error) } : {}),
        ...(e.notChecked !== undefined ? { notChecked: (0,src_secrets/* redact */.E$)(e.notChecked) } : {}),
        ...(e.unparseableTags !== undefined
            ? {
                unparseableTags: {
                    count: e.unparseableTags.count,
                    sortBy: e.unparseableTags.sortBy,
                    examples: e.unparseableTags.examples.map((t) => (0,src_secrets/* redact */.E$)(t)),
                },
            }
            : {}),
        tags: e.tags.map(toTag),
    };
}
/** Build the report document (DESIGN §5) of a run; undefined fields are omitted. */
function toReport(result, meta) {
    const s = result.summary;
    return {
        apiVersion: REPORT_API_VERSION,
        kind: 'Report',
        $schema: REPORT_SCHEMA_URL,
        report: {
            reporter: { name: (0,src_secrets/* redact */.E$)(meta.reporter.name), version: (0,src_secrets/* redact */.E$)(meta.reporter.version) },
            timestamp: result.startedAt.toISOString(),
            durationMs: result.durationMs,
            dryRun: result.dryRun,
            ...(meta.configFile !== undefined ? { configFile: (0,src_secrets/* redact */.E$)(meta.configFile) } : {}),
            summary: {
                entries: s.entries,
                copied: s.copied,
                overwritten: s.overwritten,
                skipped: s.skipped,
                drifted: s.drifted,
                wouldCopy: s.wouldCopy,
                wouldOverwrite: s.wouldOverwrite,
                failed: s.failed,
                ...(s.failedEntries !== undefined ? { failedEntries: s.failedEntries } : {}),
                notChecked: s.notChecked,
                ...(s.deferred ? { deferred: s.deferred } : {}),
                ...(s.retryAt !== undefined ? { retryAt: s.retryAt } : {}),
                bytes: s.bytes,
                blobs: toBlobs(s.blobs),
                requests: s.requests,
                ...(s.cancelled ? { cancelled: true } : {}),
            },
            results: result.entries.map(toEntry),
            ...(result.hosts !== undefined
                ? { hosts: result.hosts.map((h) => ({ ...h, host: (0,src_secrets/* redact */.E$)(h.host) })) }
                : {}),
            ...(result.shard !== undefined ? { shard: toShard(result.shard) } : {}),
            ...(result.createdRepositories !== undefined
                ? { createdRepositories: result.createdRepositories.map((r) => (0,src_secrets/* redact */.E$)(r)) }
                : {}),
        },
    };
}
function toShard(s) {
    return {
        index: s.index,
        count: s.count,
        by: s.by,
        fingerprint: s.fingerprint,
        order: s.order.map((o) => ({
            entry: o.entry,
            ...(o.sources !== undefined ? { sources: o.sources.map((x) => (0,src_secrets/* redact */.E$)(x)) } : {}),
        })),
    };
}
/** Redact every string (keys included) in a JSON-like value. */
function redactDeep(value) {
    if (typeof value === 'string')
        return (0,src_secrets/* redact */.E$)(value);
    if (Array.isArray(value))
        return value.map(redactDeep);
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined)
                out[(0,src_secrets/* redact */.E$)(k)] = redactDeep(v);
        }
        return out;
    }
    return value;
}
/** The document as JSON: 2-space indent, trailing newline, secrets redacted. */
function renderJson(doc) {
    return [...renderJsonChunks(doc)].join('');
}
/**
 * `renderJson`'s text in pieces, one per entry of `report.results` between the document's head
 * and tail: written piece by piece, a large report (7.6 MB for 10,000 tags) never exists whole,
 * nor as a redacted copy of the document or a Buffer of the text, at the end of a run.
 */
function* renderJsonChunks(doc) {
    const { results } = doc.report;
    const head = redactDeep({ ...doc, report: { ...doc.report, results: [] } });
    // A value no report holds (a NUL and a random number; not redacted) marks the results' place.
    const marker = `\u0000results ${Math.random()}`;
    head.report[(0,src_secrets/* redact */.E$)('results')] = marker;
    const text = JSON.stringify(head, null, 2);
    const at = text.indexOf(JSON.stringify(marker));
    const tail = `${text.slice(at + JSON.stringify(marker).length)}\n`;
    const line = text.lastIndexOf('\n', at) + 1;
    // The results' key is indented like its siblings; JSON.stringify indents each level 2 more.
    const indent = `${/^ */.exec(text.slice(line))?.[0] ?? ''}  `;
    if (results.length === 0) {
        yield (0,src_secrets/* redact */.E$)(`${text.slice(0, at)}[]${tail}`);
        return;
    }
    let before = `${text.slice(0, at)}[\n`;
    for (const [i, entry] of results.entries()) {
        const json = JSON.stringify(redactDeep(entry), null, 2).replaceAll('\n', `\n${indent}`);
        yield (0,src_secrets/* redact */.E$)(`${before}${indent}${json}${i < results.length - 1 ? ',\n' : ''}`);
        before = '';
    }
    yield (0,src_secrets/* redact */.E$)(`\n${indent.slice(2)}]${tail}`);
}
/** The document as YAML (no line folding, so every value stays on one line), secrets redacted. */
function renderYaml(doc) {
    return redact(stringify(redactDeep(doc), { lineWidth: 0, minContentWidth: 0 }));
}

// EXTERNAL MODULE: ./src/sync/model.ts
var model = __webpack_require__(89894);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var ajv_formats_dist = __webpack_require__(82815);
var dist_default = /*#__PURE__*/__webpack_require__.n(ajv_formats_dist);
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

;// CONCATENATED MODULE: ./src/report/text.ts
/**
 * Human-readable rendering of a sync result: one line per tag, one line per plan failure and a
 * final summary line. Used by the CLI (streamed line by line while the run progresses, or all at
 * once) and by the action's log. Every string returned here has passed through `redact`.
 */

/**
 * As flux mirror prints them: `✓` for every row that did not fail (skipped and drifted rows too;
 * the status in parentheses says which), `✗` for a failure.
 */
const SYMBOLS = {
    copied: '✓',
    overwritten: '✓',
    skipped: '✓',
    drifted: '✓',
    'would-copy': '✓',
    'would-overwrite': '✓',
    failed: '✗',
    deferred: '⏸',
};
const ASCII_SYMBOLS = {
    copied: '+',
    overwritten: '+',
    skipped: '+',
    drifted: '+',
    'would-copy': '+',
    'would-overwrite': '+',
    failed: 'x',
    deferred: '~',
};
/** ANSI SGR codes per status. */
const COLORS = {
    copied: '32',
    overwritten: '32',
    skipped: '2',
    drifted: '33',
    'would-copy': '36',
    'would-overwrite': '36',
    failed: '31',
    deferred: '35',
};
function paint(text, code, opts) {
    return opts?.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}
function arrow(opts) {
    return opts?.unicode === false ? '->' : '→';
}
/** Collapse control characters (newlines from registry bodies, escape sequences) to single spaces. */
function oneLine(text) {
    return text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim();
}
/**
 * Bytes in decimal units with one decimal: `0 B`, `512 B`, `1.5 kB`, `12.3 MB`, `2.0 GB`.
 * Negative or non-finite input renders as `0 B`.
 */
function formatBytes(bytes) {
    if (!Number.isFinite(bytes) || bytes <= 0)
        return '0 B';
    if (bytes < 1000)
        return `${Math.round(bytes)} B`;
    const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
    let value = bytes / 1000;
    let i = 0;
    while (value >= 999.95 && i < units.length - 1) {
        value /= 1000;
        i++;
    }
    return `${value.toFixed(1)} ${units[i]}`;
}
/** A duration for people: `850ms`, `4.2s`, `2m 05s`, `1h 02m`. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '0ms';
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)}s`;
    const totalSeconds = Math.round(ms / 1000);
    if (totalSeconds < 3600) {
        return `${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
    }
    const totalMinutes = Math.round(ms / 60_000);
    return `${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
}
/** `sha256:<first 12 hex>`; a string without an algorithm prefix is cut to 12 characters. */
function shortDigest(digest) {
    const colon = digest.indexOf(':');
    if (colon < 0)
        return digest.slice(0, 12);
    return `${digest.slice(0, colon)}:${digest.slice(colon + 1, colon + 13)}`;
}
/**
 * The bracketed error detail: ` [destination, HTTP 400, MANIFEST_BLOB_UNKNOWN]`; verbose adds the
 * operation and the error class. Empty when nothing is known beyond the message. Shared by the
 * text report, the job summary and the annotations.
 */
function errorDetail(error, opts) {
    const parts = [];
    if (error.side)
        parts.push(error.side);
    if (opts?.verbose && error.operation)
        parts.push(oneLine(error.operation));
    if (error.httpStatus !== undefined)
        parts.push(`HTTP ${error.httpStatus}`);
    if (error.code)
        parts.push(oneLine(error.code));
    if (opts?.verbose && error.kind)
        parts.push(oneLine(error.kind));
    return parts.length > 0 ? ` [${parts.join(', ')}]` : '';
}
/**
 * `verified <subject>` (keyless) or `verified with the public key` for a row whose signature
 * verified; empty otherwise. Shared by the text report and the job summary.
 */
function verifiedLabel(tag) {
    const v = tag.verification;
    if (!v || v.tooNew)
        return '';
    return v.subject !== undefined ? `verified ${oneLine(v.subject)}` : 'verified with the public key';
}
/** What goes inside the parentheses after the source: status, plus reason or drift digests. */
function statusLabel(tag) {
    const young = tag.verification?.tooNew;
    if (young)
        return `${tag.status}: ${oneLine(tag.reason ?? 'signature-too-new')}, signed ${formatDuration(young.ageMs)} ago, minAge ${oneLine(young.minAge)}`;
    if (tag.status === 'drifted' && tag.sourceDigest && tag.destinationDigest) {
        return `drifted: destination ${shortDigest(tag.destinationDigest)} differs from source ${shortDigest(tag.sourceDigest)}`;
    }
    if (tag.reason && tag.status !== 'failed')
        return `${tag.status}: ${oneLine(tag.reason)}`;
    return tag.status;
}
/** The detail line printed under a tag in verbose mode. */
function verboseDetail(tag) {
    const parts = [
        `blobs ${tag.blobs.copied} copied, ${tag.blobs.mounted} mounted, ${tag.blobs.existing} existing`,
        `${tag.manifests} manifest${tag.manifests === 1 ? '' : 's'}`,
        formatDuration(tag.durationMs),
    ];
    if (tag.mediaType)
        parts.push(oneLine(tag.mediaType));
    if (tag.sourceDigest && tag.status !== 'copied' && tag.status !== 'overwritten') {
        parts.push(`source ${shortDigest(tag.sourceDigest)}`);
    }
    if (tag.destinationDigest)
        parts.push(`destination was ${shortDigest(tag.destinationDigest)}`);
    return `    ${parts.join('; ')}`;
}
/**
 * One tag as one line (two in verbose mode), without a trailing newline, e.g.
 * `✓ ghcr.io/a/app:1.2 (copied) → reg.local/mirror/app:1.2  sha256:abcdef123456  12.3 MB` or
 * `✗ SRC:TAG (failed) → DST:TAG: message [destination, HTTP 400, MANIFEST_BLOB_UNKNOWN]`.
 * `entry` is accepted so callers can stream rows as they finish; the line does not repeat its name.
 */
function renderTagLine(_entry, tag, opts) {
    const symbols = opts?.unicode === false ? ASCII_SYMBOLS : SYMBOLS;
    const color = COLORS[tag.status];
    const symbol = paint(symbols[tag.status], color, opts);
    let line = `${symbol} ${oneLine(tag.source)} (${paint(statusLabel(tag), color, opts)}) ${arrow(opts)} ${oneLine(tag.destination)}`;
    if (tag.status === 'copied' || tag.status === 'overwritten') {
        if (tag.sourceDigest)
            line += `  ${shortDigest(tag.sourceDigest)}`;
        line += `  ${formatBytes(tag.bytes)}`;
    }
    if (tag.rewritten && tag.status !== 'failed')
        line += `  (rewritten: ${oneLine(tag.rewritten)})`;
    const verified = verifiedLabel(tag);
    if (verified)
        line += `  ${verified}`;
    if (tag.referrers && tag.status !== 'failed' && tag.referrers.length > 0) {
        const n = (st) => tag.referrers?.filter((r) => r.status === st).length ?? 0;
        const moved = n('copied') + n('would-copy');
        line += `  +${moved} referrer${moved === 1 ? '' : 's'}`;
        if (n('skipped') > 0)
            line += ` (${n('skipped')} present)`;
    }
    if (tag.status === 'failed') {
        const error = tag.error ?? { message: tag.reason ?? 'unknown error' };
        line += `: ${oneLine(error.message)}${errorDetail(error, opts)}`;
    }
    if (opts?.verbose)
        line += `\n${verboseDetail(tag)}`;
    return (0,src_secrets/* redact */.E$)(line);
}
/**
 * The line of an entry that failed before any tag could be handled, e.g.
 * `✗ ghcr.io/a/app — plan failed: get tags … [source, HTTP 404, NAME_UNKNOWN]`. Empty string when
 * the entry has no plan error.
 */
function renderPlanFailureLine(entry, opts) {
    if (!entry.error)
        return '';
    const symbol = paint(opts?.unicode === false ? ASCII_SYMBOLS.failed : SYMBOLS.failed, COLORS.failed, opts);
    const dash = opts?.unicode === false ? '--' : '—';
    const line = `${symbol} ${oneLine(entry.name)} ${dash} ${paint('plan failed', COLORS.failed, opts)}: ${oneLine(entry.error.message)}${errorDetail(entry.error, opts)}`;
    return (0,src_secrets/* redact */.E$)(line);
}
/**
 * The note of an entry whose selector matched tags that the sort dropped as unparseable (flux
 * mirror's rule), e.g. `note: ghcr.io/a/app: 3 matching tags dropped as not semver (latest, main,
 * stable); sortBy: alphabetical keeps them`. Empty string when nothing was dropped.
 */
function renderEntryNote(entry) {
    const u = entry.unparseableTags;
    if (!u || u.count === 0)
        return '';
    const named = u.examples.map(oneLine).join(', ') + (u.count > u.examples.length ? ', …' : '');
    const what = u.sortBy === 'semver' ? 'not semver' : 'not numbers';
    return (0,src_secrets/* redact */.E$)(`note: ${oneLine(entry.name)}: ${u.count} matching tag${u.count === 1 ? '' : 's'} dropped as ${what} (${named}); sortBy: alphabetical keeps them`);
}
/** Every line of one entry: its plan failure (if any), its note (if any), then its tags. */
function renderEntryLines(entry, opts) {
    const lines = [];
    if (entry.error)
        lines.push(renderPlanFailureLine(entry, opts));
    const note = renderEntryNote(entry);
    if (note)
        lines.push(note);
    for (const tag of entry.tags)
        lines.push(renderTagLine(entry, tag, opts));
    return lines;
}
/**
 * The final line. It starts as flux mirror's does — `Summary: N copied, N skipped, N failed in
 * 4.2s` — so scripts that parse it keep working; our extra figures follow: `; 1 overwritten, 1
 * drifted` (only the non-zero ones) and the totals in parentheses, e.g. `Summary: 3 copied, 2
 * skipped, 1 failed in 4.2s; 1 drifted (110.5 MB, 58 blobs, 9 mounted, 340 requests)`. `N blobs`
 * counts blobs streamed; mounted blobs are listed apart (verbose adds blobs already present). Dry
 * run: `Summary: 0 copied, 2 skipped, 0 failed in 0.8s; dry run: 3 would copy, 1 would overwrite
 * (40 requests)` (`would overwrite` only when non-zero).
 */
function renderSummaryLine(result, opts) {
    const s = result.summary;
    const failed = s.failed > 0 ? paint(`${s.failed} failed`, COLORS.failed, opts) : `${s.failed} failed`;
    const head = `Summary: ${s.copied} copied, ${s.skipped} skipped, ${failed} in ${formatDuration(result.durationMs)}`;
    const more = [];
    if (s.overwritten > 0)
        more.push(`${s.overwritten} overwritten`);
    if (s.drifted > 0)
        more.push(paint(`${s.drifted} drifted`, COLORS.drifted, opts));
    if (result.dryRun) {
        const would = [`${s.wouldCopy} would copy`];
        if (s.wouldOverwrite > 0)
            would.push(`${s.wouldOverwrite} would overwrite`);
        more.push(`dry run: ${would.join(', ')}`);
    }
    if (s.deferred)
        more.push(paint(deferredNote(s), COLORS.deferred, opts));
    const created = result.createdRepositories?.length ?? 0;
    if (created > 0)
        more.push(`${created} repositor${created === 1 ? 'y' : 'ies'} created`);
    if (s.cancelled)
        more.push(paint('cancelled', COLORS.failed, opts));
    const totals = [];
    if (!result.dryRun) {
        totals.push(formatBytes(s.bytes), `${s.blobs.copied} blobs`, `${s.blobs.mounted} mounted`);
        if (opts?.verbose)
            totals.push(`${s.blobs.existing} existing`);
    }
    totals.push(`${s.requests} request${s.requests === 1 ? '' : 's'}`);
    return (0,src_secrets/* redact */.E$)(`${head}${more.length > 0 ? `; ${more.join(', ')}` : ''} (${totals.join(', ')})`);
}
/**
 * `3 deferred (pull limit; retry after 2026-12-06T12:00:00Z)`: tags held back by a source host's
 * pull limit, not failures. Shared by the text summary, the job summary and the PR comment.
 */
function deferredNote(s) {
    // A pull limit says when its window ends; `--max-duration` (or a limit without a window) does not.
    return s.retryAt !== undefined
        ? `${s.deferred ?? 0} deferred (pull limit; retry after ${s.retryAt})`
        : `${s.deferred ?? 0} deferred (not started in this run; the next run continues them)`;
}
/** The whole result: every entry's lines in order, then the summary line; ends with a newline. */
function renderText(result, opts) {
    const lines = [];
    for (const entry of result.entries)
        lines.push(...renderEntryLines(entry, opts));
    lines.push(renderSummaryLine(result, opts));
    return redact(`${lines.join('\n')}\n`);
}

;// CONCATENATED MODULE: ./src/sync/cancel.ts
/** Cancellation of a run by the signals CI systems send. */
/**
 * SIGINT/SIGTERM (GitHub cancels a job with SIGINT then SIGTERM; a CronJob gets SIGTERM) abort the
 * returned signal instead of killing the process, so the run stops starting work and still writes
 * its report and state. `dispose` restores the default behaviour.
 */
function onSignals(notify) {
    const controller = new AbortController();
    const handler = (signal) => {
        if (!controller.signal.aborted)
            notify(signal);
        controller.abort(new Error(`${signal} received`));
    };
    const signals = ['SIGINT', 'SIGTERM'];
    for (const s of signals)
        process.on(s, handler);
    return {
        signal: controller.signal,
        dispose: () => {
            for (const s of signals)
                process.off(s, handler);
        },
    };
}

;// CONCATENATED MODULE: ./src/sync/state.ts
/**
 * The state file: a small JSON file of destination digests already known, kept between runs so
 * that a warm run trusts a destination it saw recently (younger than the TTL) instead of asking
 * the registry again. Every source tag is still resolved, and a known digest is only trusted when
 * it equals the source digest, so drift is always checked live; the state can only save a
 * destination HEAD. A missing, unreadable or foreign file costs speed, never correctness.
 *
 * Where the file lives between runs is the front end's business: the CLI's `--state-file`, the
 * action's `@actions/cache` backend (src/action/state-cache.ts). The sync engine sees the state
 * through `SyncOptions.knownDestinationDigest`; learning needs no hook: the result rows say what
 * each destination holds after the run.
 */


/** Format version of the state file; bump to start cold after a format change. */
const STATE_VERSION = 1;
/** Share of the remembered destinations each run re-checks live, oldest first. */
const RECHECK_SHARE = 1 / 8;
/** How long a known destination digest is trusted unless told otherwise (24h). */
const DEFAULT_STATE_TTL_MS = (/* unused pure expression or super */ null && (24 * 60 * 60 * 1000));
/** How often the state file is rewritten while tags complete (a killed run loses at most this much). */
const STATE_AUTOSAVE_MS = 1000;
/** Known destination digests, loaded from and saved to a state file. */
class StateCache {
    #path;
    #ttlMs;
    #now;
    #entries = new Map();
    /**
     * For saving: the destinations' keys in order (undefined once a key was added), and each entry's
     * JSON text with the entry object it was made from. A save at 10,000 tags then joins cached
     * text instead of sorting and stringifying 1.5 MB every second.
     */
    #sortedKeys;
    #entryText = new Map();
    #verifications = new Map();
    #children = new Map();
    /** Destinations answered from the state (not confirmed again by the registry this run). */
    #served = new Set();
    #restored = '';
    /** Learnt since the last write was scheduled. */
    #dirty = false;
    #timer;
    /** The write in flight: writes never overlap (they share one temporary file). */
    #writing = Promise.resolve();
    constructor(opts) {
        this.#path = opts.path;
        this.#ttlMs = opts.ttlMs;
        this.#now = opts.now ?? Date.now;
    }
    /** Path of the state file. */
    get path() {
        return this.#path;
    }
    /** Destinations known (fresh or stale). */
    get size() {
        return this.#entries.size;
    }
    /** Destinations this run trusted without asking the registry. */
    get served() {
        return this.#served.size;
    }
    /**
     * Tags known per destination repository (fresh or stale), to weigh shards: the same file gives
     * every shard the same weights.
     */
    tagCounts() {
        const counts = new Map();
        for (const ref of this.#entries.keys()) {
            const at = ref.indexOf('@');
            const repo = at >= 0 ? ref.slice(0, at) : ref.slice(0, ref.lastIndexOf(':'));
            if (repo.length > ref.lastIndexOf('/') || at >= 0)
                counts.set(repo, (counts.get(repo) ?? 0) + 1);
        }
        return (repository) => counts.get(repository);
    }
    /** Read the state file if there is one; an unreadable or foreign file starts empty. */
    async load() {
        let text;
        try {
            text = await (0,promises_.readFile)(this.#path, 'utf8');
        }
        catch {
            return;
        }
        this.#restored = text;
        try {
            const doc = JSON.parse(text);
            if (doc.version !== STATE_VERSION || typeof doc.destinations !== 'object')
                return;
            for (const [ref, e] of Object.entries(doc.destinations)) {
                if (typeof e?.digest === 'string' && typeof e.seenAt === 'number')
                    this.#setEntry(ref, e);
            }
            for (const [key, e] of Object.entries(doc.verifications ?? {})) {
                if (typeof e?.verification?.digest === 'string' && typeof e.seenAt === 'number')
                    this.#verifications.set(key, e);
            }
            for (const [digest, e] of Object.entries(doc.children ?? {})) {
                if (Array.isArray(e?.children) && typeof e.seenAt === 'number')
                    this.#children.set(digest, e);
            }
        }
        catch {
            this.#entries.clear();
            this.#sortedKeys = undefined;
        }
    }
    #setEntry(ref, entry) {
        if (!this.#entries.has(ref))
            this.#sortedKeys = undefined;
        this.#entries.set(ref, entry);
    }
    /**
     * The digest `destination` held when last confirmed, if that is younger than the TTL and the
     * destination is not among this run's rolling re-checks (the oldest share, see `RECHECK_SHARE`).
     */
    knownDestinationDigest = (destination) => {
        const e = this.#entries.get(destination);
        if (!e)
            return undefined;
        const age = this.#now() - e.seenAt;
        // Expired, or "seen" in the future (a clock gone wrong or a hand-edited file): ask the registry.
        if (age > this.#ttlMs || age < 0)
            return undefined;
        if (this.#recheck().has(destination))
            return undefined;
        this.#served.add(destination);
        return e.digest;
    };
    /** When the digest `knownDestinationDigest` gave for `destination` was last confirmed (ms since the epoch). */
    confirmedAt = (destination) => this.#entries.get(destination)?.seenAt;
    #rechecks;
    /**
     * This run's rolling re-checks: the oldest `RECHECK_SHARE` of the remembered destinations
     * (rounded down), asked live so that a tag deleted or moved behind the mirror's back is noticed
     * within about 1 / RECHECK_SHARE runs, without waiting for the whole cache to expire at once.
     */
    #recheck() {
        if (!this.#rechecks) {
            const count = Math.floor(this.#entries.size * RECHECK_SHARE);
            const oldest = [...this.#entries]
                .sort(([ka, a], [kb, b]) => a.seenAt - b.seenAt || (ka < kb ? -1 : 1))
                .slice(0, count)
                .map(([k]) => k);
            this.#rechecks = new Set(oldest);
        }
        return this.#rechecks;
    }
    /**
     * Remembered signature verifications (`verify:`), keyed by digest and policy hash, trusted for
     * the TTL like destination digests: a warm run does not download bundles for unchanged digests,
     * and a policy change (another key) starts over. `minAge` is judged again from `signedAt`.
     */
    verifications = {
        get: (key) => {
            const e = this.#verifications.get(key);
            if (!e)
                return undefined;
            const age = this.#now() - e.seenAt;
            return age > this.#ttlMs || age < 0 ? undefined : e.verification;
        },
        set: (key, verification) => {
            this.#verifications.set(key, { verification, seenAt: this.#now() });
        },
    };
    /**
     * What an index lists, by its digest (content at a digest never changes): a warm pass over an
     * up-to-date index finds its platform manifests' referrers without reading the index again.
     * An entry is kept while it is used, and dropped after the TTL unused.
     */
    manifestChildren = {
        get: (digest) => {
            const e = this.#children.get(digest);
            if (!e)
                return undefined;
            const now = this.#now();
            // Refreshed at most once per TTL/4, so a warm run does not rewrite the file for it.
            if (now - e.seenAt > this.#ttlMs / 4) {
                e.seenAt = now;
                this.#dirty = true;
            }
            return e.children;
        },
        set: (digest, children) => {
            this.#children.set(digest, { children: [...children], seenAt: this.#now() });
            this.#dirty = true;
        },
    };
    /**
     * Learn from a run: each destination now holds the source digest when the tag was copied,
     * overwritten or found up to date, or its own digest when it drifted. Rows the state itself
     * answered keep their old time, so an entry expires after the TTL however often it is used.
     */
    record(result) {
        for (const e of result.entries)
            for (const t of e.tags)
                this.learn(t);
    }
    /**
     * Learn from one row as it completes (and from the images of a chart version's row), so that a
     * run killed later still leaves what it finished to the next run (see `autosave`).
     */
    learn(row) {
        const now = this.#now();
        for (const t of [row, ...(row.images ?? [])]) {
            let digest;
            if (t.status === 'copied' || t.status === 'overwritten' || t.status === 'skipped')
                digest = t.sourceDigest;
            else if (t.status === 'drifted' || t.status === 'would-overwrite')
                digest = t.destinationDigest;
            if (digest === undefined)
                continue;
            const known = this.#entries.get(t.destination);
            if (this.#served.has(t.destination) && known?.digest === digest)
                continue;
            if (known?.digest === digest && known.seenAt === now)
                continue;
            this.#setEntry(t.destination, { digest, seenAt: now });
            this.#dirty = true;
        }
    }
    /**
     * Write the file in the background at most every `delayMs` while rows are learnt, so that a run
     * killed at its time limit (even by SIGKILL) resumes from what it had finished: the file is
     * replaced atomically, never left half written. Errors are left to the final `write()`.
     */
    autosave(delayMs) {
        if (!this.#dirty || this.#timer)
            return;
        this.#timer = setTimeout(() => {
            this.#timer = undefined;
            this.#dirty = false;
            this.#writing = this.#writing.then(() => this.#save()).catch(() => undefined);
        }, delayMs);
        this.#timer.unref();
    }
    /** Write the state file (after any background write); returns false when it is unchanged from what was restored. */
    async write() {
        clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#dirty = false;
        await this.#writing;
        const written = this.#writing.then(() => this.#save());
        this.#writing = written.catch(() => undefined);
        return written;
    }
    /**
     * `JSON.stringify` of the destinations sorted by key, from the cached text of each entry (an
     * entry's text is made again only when the entry was replaced).
     */
    #destinationsText() {
        this.#sortedKeys ??= [...this.#entries.keys()].sort();
        const parts = [];
        for (const ref of this.#sortedKeys) {
            const entry = this.#entries.get(ref);
            let cached = this.#entryText.get(ref);
            if (cached?.entry !== entry) {
                cached = { entry, text: `${JSON.stringify(ref)}:${JSON.stringify(entry)}` };
                this.#entryText.set(ref, cached);
            }
            parts.push(cached.text);
        }
        return `{${parts.join(',')}}`;
    }
    async #save() {
        /** Entries younger than the TTL, sorted by key (stable file text). */
        const unexpired = (map) => {
            const now = this.#now();
            const out = {};
            for (const key of [...map.keys()].sort()) {
                const e = map.get(key);
                if (now - e.seenAt <= this.#ttlMs)
                    out[key] = e;
            }
            return out;
        };
        // A `StateDocument` as `JSON.stringify` writes it, its destinations from the cached text.
        let text = `{"version":${STATE_VERSION},"destinations":${this.#destinationsText()}`;
        if (this.#verifications.size > 0)
            text += `,"verifications":${JSON.stringify(unexpired(this.#verifications))}`;
        if (this.#children.size > 0)
            text += `,"children":${JSON.stringify(unexpired(this.#children))}`;
        text += '}\n';
        if (text === this.#restored)
            return false;
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.#path), { recursive: true });
        // Write then rename: a reader (or an overlapping run) sees the old file or the new, never half.
        const tmp = `${this.#path}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(tmp, text);
        await (0,promises_.rename)(tmp, this.#path);
        return true;
    }
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/report/remedy.ts
/** The host of a reference (`host[:port]/repo:tag` or `oci://host/…`), for "which host" advice. */
function hostOf(reference) {
    if (!reference)
        return undefined;
    const r = reference.replace(/^[a-z]+:\/\//, '');
    const first = r.split('/')[0] ?? '';
    return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}
/** The permission to grant for a push, in the words of the registry at `host`. */
function pushRemedy(host) {
    if (host === 'ghcr.io')
        return "give the job `permissions: packages: write` and, for an existing package, the repository write access in the package's Manage Actions access settings";
    if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/.test(host) || host === 'public.ecr.aws')
        return 'allow the role ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:BatchCheckLayerAvailability on the repository';
    if (host.endsWith('.pkg.dev'))
        return 'grant the service account roles/artifactregistry.writer on the repository';
    if (host.endsWith('.azurecr.io'))
        return 'assign the identity the AcrPush role on the registry';
    if (host === 'docker.io' || host.endsWith('.docker.io'))
        return 'use an access token with Read & Write scope for an account that may push to the repository';
    return `grant the credential for ${host} push (write) access to the repository`;
}
/** What the failing side is called in sentences. */
function sideWord(e) {
    return e.side === 'destination' ? 'destination' : e.side === 'source' ? 'source' : 'registry';
}
const NETWORK = [
    [
        /ENOTFOUND|EAI_AGAIN/,
        (side, host) => ({
            reason: `the ${side} host ${host} does not resolve (DNS)`,
            remedy: `check the host name in the config; a private registry needs a runner that can resolve it (self-hosted runner or VPN)`,
        }),
    ],
    [
        /ECONNREFUSED/,
        (side, host) => ({
            reason: `the ${side} host ${host} refused the connection`,
            remedy: 'check the port and that the registry is running and reachable from the runner',
        }),
    ],
    [
        /ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|timed out|deadline/i,
        (side, host) => ({
            reason: `the ${side} host ${host} did not answer in time`,
            remedy: 'retry later; raise `timeout` (per copy job) or `retries` when the registry is slow',
        }),
    ],
    [
        /ECONNRESET|EPIPE|socket hang up|UND_ERR_SOCKET/,
        (side, host) => ({
            reason: `the connection to the ${side} host ${host} was cut`,
            remedy: 'usually transient: re-run; if it repeats, a proxy may limit body sizes (set `maxChunkSize` on the host)',
        }),
    ],
    [
        /CERT|certificate|self[- ]signed|UNABLE_TO_VERIFY/i,
        (side, host) => ({
            reason: `the ${side} host ${host} presented a certificate the runner does not trust`,
            remedy: 'give the CA with `hosts[].tls.serverAuth.caFromPath` (or, for a test registry only, `insecure: true`)',
        }),
    ],
];
/**
 * Explain one failure. `reference` is the failing side's reference (source or destination), used
 * to name the host. Unknown errors still get a generic reason built from the side and status.
 */
function explainError(e, reference) {
    const side = sideWord(e);
    const host = hostOf(reference) ?? `the ${side} registry`;
    const code = e.code?.toUpperCase();
    const status = e.httpStatus;
    const push = e.side === 'destination';
    if (e.kind === 'VerificationError' || /verif/i.test(e.kind ?? ''))
        return {
            reason: 'the signature check refused this tag',
            remedy: 'check `verify.matchOIDCIdentity` (issuer and subject) against how the image is signed',
        };
    if (e.kind === 'DigestMismatchError')
        return {
            reason: `content from the ${side} did not match its digest`,
            remedy: 'nothing was committed; re-run, and report the registry if it repeats',
        };
    if (code === 'NAME_UNKNOWN' || (status === 404 && !push && code !== 'MANIFEST_UNKNOWN'))
        return push
            ? {
                reason: `the destination repository does not exist on ${host}`,
                remedy: 'create it first, or give the credential permission to create repositories on push (ECR and some registries need one of the two)',
            }
            : {
                reason: 'the source repository does not exist or is private',
                remedy: `check the name, or give ${host} credentials in \`hosts\``,
            };
    if (code === 'MANIFEST_UNKNOWN')
        return {
            reason: `the ${side} has no such tag or digest`,
            remedy: 'check the tag selection (`selector`) against the tags the source lists',
        };
    if (code === 'DENIED' || status === 403)
        return push
            ? {
                reason: `the credential for ${host} may not push here`,
                remedy: pushRemedy(host),
            }
            : {
                reason: `${host} denied read access`,
                remedy: `give ${host} a credential with pull access in \`hosts\``,
            };
    if (code === 'UNAUTHORIZED' || status === 401 || e.kind === 'AuthError')
        return {
            reason: `${host} did not accept the credentials (or got none)`,
            remedy: `check the \`hosts\` entry for ${host}: the secret behind it may be empty (fork or Dependabot pull request), expired or mistyped; OIDC providers need \`permissions: id-token: write\``,
        };
    if (code === 'TOOMANYREQUESTS' || status === 429)
        return {
            reason: `${host} rate-limited the run`,
            remedy: 'log in to the registry (anonymous pulls have low limits, Docker Hub especially), lower `concurrency`, or run less often',
        };
    if (code === 'MANIFEST_INVALID' || code === 'MANIFEST_BLOB_UNKNOWN' || code === 'BLOB_UNKNOWN')
        return {
            reason: 'the destination refused the manifest',
            remedy: 'the destination may not support this media type (OCI artifacts, Helm charts); check its artifact support',
        };
    if (code === 'SIZE_INVALID' || code === 'BLOB_UPLOAD_INVALID' || status === 413)
        return {
            reason: `${host} refused an upload (size or session)`,
            remedy: 'a proxy may cap request bodies: set `maxChunkSize` (KiB) on the host',
        };
    if (code === 'UNSUPPORTED')
        return {
            reason: `${host} does not support this operation`,
            remedy: 'the registry may lack a feature (cross-repository mount, referrers API); re-run, and report it if it persists',
        };
    if (status !== undefined && status >= 500)
        return {
            reason: `${host} failed (HTTP ${status})`,
            remedy: 'a registry-side error or outage: re-run later; raise `retries` if it comes and goes',
        };
    for (const [re, explain] of NETWORK)
        if (re.test(e.message))
            return explain(side, host);
    if (/verification/i.test(e.message))
        return {
            reason: 'signature verification did not let this through',
            remedy: 'see the message and the entry’s `verify:` settings; nothing unverified was copied',
        };
    if (e.kind === 'CredentialError' || /credential|JWK|token/i.test(e.message))
        return {
            reason: `the credential for ${host} could not be used`,
            remedy: 'fix the `hosts` entry the message names (file, key or provider settings)',
        };
    return {
        reason: e.side ? `the ${side} side failed` : 'it failed',
        remedy: 'read the message below; the JSON report has every detail',
    };
}

;// CONCATENATED MODULE: ./src/action/annotations.ts
/**
 * Workflow annotations that land on the config file in a pull request's diff: an error for each
 * failed entry or tag, a warning for each drifted tag, each at the line where its entry is
 * written; config errors at their own line. Built as values here, printed by `main.ts`.
 */




/**
 * The config path as GitHub expects it in an annotation: relative to `GITHUB_WORKSPACE` (the
 * repository root), with `/` separators. Undefined for stdin or a file outside the workspace,
 * which GitHub could not place on a diff anyway.
 */
function workspacePath(file, workspace, cwd = process.cwd()) {
    if (file.startsWith('<') || file.startsWith('$'))
        return undefined;
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(workspace), (0,external_node_path_.resolve)(cwd, file));
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    return rel.split('\\').join('/');
}
function at(position, workspace, cwd) {
    if (!position)
        return {};
    const file = workspacePath(position.file, workspace, cwd);
    return file ? { file, line: position.line, column: position.column } : {};
}
/** GitHub shows at most this many error (and, separately, warning) annotations per step. */
const ANNOTATIONS_SHOWN = 10;
function annotations_describe(e, reference) {
    const x = explainError(e, reference);
    return `${x.reason}. Fix: ${x.remedy}. (${e.message}${errorDetail(e)})`;
}
/**
 * Keep `list` within `cap` annotations: the first `cap - 1` as they are, the rest folded into one
 * "and N more" annotation built by `more`.
 */
function capped(list, cap, more) {
    if (list.length <= cap)
        return list;
    return [...list.slice(0, cap - 1), more(list.slice(cap - 1))];
}
/**
 * Annotations for a run, in the order GitHub should show them and within what it shows: one
 * summary error first (it doubles as the step's failure message), then one error per failing
 * entry on its config line counting its failed tags, then one warning per drifting entry; each
 * kind capped at `ANNOTATIONS_SHOWN` with an "and N more" annotation last.
 */
function resultAnnotations(result, workspace, cwd = process.cwd(), opts = {}) {
    const cap = opts.cap ?? ANNOTATIONS_SHOWN;
    const errors = [];
    const warnings = [];
    for (const e of result.entries) {
        const where = at(e.position, workspace, cwd);
        const rows = e.tags.flatMap((t) => [t, ...(t.images ?? [])]);
        const failed = rows.filter((t) => t.status === 'failed');
        if (e.error || failed.length > 0) {
            const first = e.error
                ? `plan failed: ${annotations_describe(e.error, e.error.side === 'destination' ? e.destinations[0] : e.source)}`
                : (() => {
                    const t = failed[0];
                    const err = t.error ?? { message: t.reason ?? 'unknown error' };
                    return `${t.source} → ${t.destination}: ${annotations_describe(err, err.side === 'destination' ? t.destination : t.source)}`;
                })();
            const count = failed.length > 0 ? `${failed.length} tag${failed.length === 1 ? '' : 's'} failed` : '';
            const also = e.error && failed.length > 0 ? `; ${count}` : '';
            errors.push({
                level: 'error',
                title: `oci-mirror: ${e.name}${count && !e.error ? ` — ${count}` : ''}`,
                message: `${first}${also}${failed.length > 1 ? ' (first shown; every tag is in the job summary)' : ''}`,
                ...where,
            });
        }
        const drifted = rows.filter((t) => t.status === 'drifted');
        if (drifted.length > 0) {
            const t = drifted[0];
            const digests = t.sourceDigest && t.destinationDigest
                ? ` (source ${shortDigest(t.sourceDigest)} ≠ destination ${shortDigest(t.destinationDigest)})`
                : '';
            warnings.push({
                level: 'warning',
                title: `oci-mirror: ${e.name} — ${drifted.length} drifted`,
                message: `${t.destination} differs from ${t.source}${digests}${drifted.length > 1 ? ` and ${drifted.length - 1} more` : ''}; ${result.dryRun ? 'existing drift, ' : ''}left alone because overwrite is false`,
                ...where,
            });
        }
    }
    const s = result.summary;
    const out = [];
    if (errors.length > 0) {
        out.push({
            level: 'error',
            title: 'oci-mirror',
            message: opts.summary ??
                `${s.failed} failed in ${errors.length} entr${errors.length === 1 ? 'y' : 'ies'}; see the job summary`,
        });
        out.push(...capped(errors, cap - 1, (rest) => ({
            level: 'error',
            title: 'oci-mirror',
            message: `and ${rest.length} more failing entr${rest.length === 1 ? 'y' : 'ies'}: ${rest
                .slice(0, 20)
                .map((a) => a.title.replace(/^oci-mirror: /, '').replace(/ — .*$/, ''))
                .join(', ')}${rest.length > 20 ? ', …' : ''}; see the job summary`,
        })));
    }
    out.push(...capped(warnings, cap, (rest) => ({
        level: 'warning',
        title: 'oci-mirror',
        message: `and ${rest.length} more drifted entr${rest.length === 1 ? 'y' : 'ies'}; see the job summary`,
    })));
    return out.map((a) => ({ ...a, message: (0,src_secrets/* redact */.E$)(a.message), title: (0,src_secrets/* redact */.E$)(a.title) }));
}
/** One error annotation per config problem, at its line and column. */
function configErrorAnnotations(err, workspace, cwd = process.cwd()) {
    const all = err.errors.map((e) => {
        const file = workspacePath(e.file, workspace, cwd);
        const message = `${e.path ? `${e.path}: ` : ''}${e.problem}${e.hint ? ` (${e.hint})` : ''}`;
        return {
            level: 'error',
            title: 'oci-mirror: invalid config',
            message: (0,src_secrets/* redact */.E$)(message),
            ...(file ? { file, line: e.line, column: e.column } : {}),
        };
    });
    return capped(all, ANNOTATIONS_SHOWN - 1, (rest) => ({
        level: 'error',
        title: 'oci-mirror: invalid config',
        message: `and ${rest.length} more config problem${rest.length === 1 ? '' : 's'}; see the job summary`,
    }));
}

// EXTERNAL MODULE: ./src/auth/id-token-env.ts
var id_token_env = __webpack_require__(93999);
;// CONCATENATED MODULE: ./src/action/id-token.ts
/**
 * Hosts whose credential needs the runner's OIDC ID token, on a job that has none. A plan on a
 * pull request from a fork or from Dependabot (GitHub issues no token there) reads those hosts
 * anonymously and reports what it cannot read as not checked, with a warning; any other job
 * without the token (no `permissions: id-token: write`) is a configuration error with its remedy.
 */



/** How the host gets its credential from the ID token, as written in the config. */
function how(h) {
    return h.credential?.provider !== undefined
        ? `credential.provider: ${h.credential.provider}`
        : `provider: ${h.provider}`;
}
function place(h, workspace) {
    const file = workspacePath(h.position.file, workspace);
    return file ? { file, line: h.position.line, column: h.position.column } : {};
}
/** The host used without its credential: no provider, no credential, `noIdToken` saying why. */
function anonymous(h, why) {
    const { credential: _c, provider: _p, ...rest } = h;
    return { ...rest, noIdToken: why.message };
}
/**
 * The config to run and the warnings to show. Throws `ConfigErrors` (one per host, on its line)
 * when the job should have had the token: a missing permission, or a real sync on a fork or
 * Dependabot pull request.
 */
function checkIdTokenHosts(config, env, dryRun, workspace) {
    const why = (0,id_token_env/* noIdToken */.o5)(env);
    const needing = config.hosts.filter(id_token_env/* usesIdToken */.lE);
    if (!why || why.cause === 'outside-actions' || needing.length === 0)
        return { config, warnings: [] };
    if (dryRun && (why.cause === 'fork' || why.cause === 'dependabot')) {
        const warnings = needing.map((h) => ({
            level: 'warning',
            title: `oci-mirror: no OIDC token for ${h.host}`,
            message: `${h.host} authenticates with the OIDC ID token (\`${how(h)}\`), which this job cannot have: ${why.message}. This plan reads ${h.host} anonymously; what it cannot read is reported as not checked, not failed.`,
            ...place(h, workspace),
        }));
        const hosts = config.hosts.map((h) => ((0,id_token_env/* usesIdToken */.lE)(h) ? anonymous(h, why) : h));
        return { config: { ...config, hosts }, warnings };
    }
    throw new config_errors/* ConfigErrors */.mS(needing.map((h) => new config_errors/* ConfigError */.xL({
        file: h.position.file,
        line: h.position.line,
        column: h.position.column,
        path: `hosts[${config.hosts.indexOf(h)}]`,
        message: `${h.host} authenticates with the OIDC ID token (\`${how(h)}\`), but this job has none`,
        hint: why.cause === 'permission'
            ? why.message
            : `${why.message}; a sync (dry-run: false) cannot run here, a plan (dry run) reads the host anonymously`,
    })));
}
/** One warning per host whose ID token the runner refused during the run (read anonymously). */
function refusedIdTokenWarnings(result, config, workspace) {
    return (result.anonymousHosts ?? []).map(({ host, reason }) => {
        const h = config.hosts.find((x) => x.host === host);
        return {
            level: 'warning',
            title: `oci-mirror: OIDC token refused for ${host}`,
            message: `the runner refused the OIDC ID token for ${host} (${reason}). This plan read ${host} anonymously; what it could not read is reported as not checked, not failed. Grant the job \`permissions: id-token: write\` to check it.`,
            ...(h ? place(h, workspace) : {}),
        };
    });
}

;// CONCATENATED MODULE: ./src/sync/shard-spec.ts
const SHARD_BY = ['repository', 'entry', 'tag'];
/** A shard spec that cannot be used. */
class ShardSpecError extends Error {
    name = 'ShardSpecError';
}
/** Parse `i/n` (1 ≤ i ≤ n). */
function parseShard(text) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    if (!m)
        throw new ShardSpecError(`expected i/n (e.g. 2/8), got "${text}"`);
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1 || index < 1 || index > count)
        throw new ShardSpecError(`expected 1 ≤ i ≤ n in i/n, got "${text}"`);
    return { index, count };
}
/** Parse `repository|entry|tag`. */
function parseShardBy(text) {
    if (SHARD_BY.includes(text))
        return text;
    throw new ShardSpecError(`expected repository, entry or tag, got "${text}"`);
}

;// CONCATENATED MODULE: ./src/action/inputs.ts
/**
 * The only reader of the action's inputs: each is read and validated here, and a bad value names
 * the input and what it accepts. Defaults live in `INPUT_DEFAULTS`, which a test compares with
 * `action.yml` (names and defaults), so the two cannot drift apart.
 */



/** An input with a value outside what it accepts. */
class InputError extends Error {
    name = 'InputError';
}
/**
 * Each input's default, exactly as `action.yml` writes it (`github-token`'s is an expression the
 * runner evaluates; when it reaches us empty there is no token).
 */
const INPUT_DEFAULTS = {
    config: '.github/oci-mirror.yaml',
    'dry-run': 'auto',
    only: '',
    overwrite: 'false',
    concurrency: '',
    retries: '3',
    timeout: '5m',
    'fail-on-drift': 'auto',
    'drift-exit-code': '',
    insecure: 'false',
    'create-repositories': 'false',
    envsubst: 'true',
    'no-envsubst': '',
    summary: 'true',
    comment: 'auto',
    cache: 'false',
    'cache-ttl': '24h',
    images: 'false',
    'charts-only': 'false',
    'images-only': 'false',
    'helm-version': '',
    'helm-sha256': '',
    'trusted-root': '',
    mode: 'sync',
    shard: '',
    'shard-by': 'repository',
    reports: 'oci-mirror-reports',
    'upload-report': 'true',
    'report-artifact': '',
    'max-duration': '',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, evaluated by the runner.
    'github-token': '${{ github.token }}',
};
const DEFAULT_CONFIG = INPUT_DEFAULTS.config;
/** The raw value, or the default when the runner passed nothing. */
function raw(name) {
    const v = core/* getInput */.V4(name).trim();
    return v === '' ? INPUT_DEFAULTS[name] : v;
}
function inputs_bool(name) {
    const v = raw(name).toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new InputError(`${name}: expected true or false, got "${v}"`);
}
function inputs_int(name, min) {
    const v = raw(name);
    if (!/^\d+$/.test(v) || Number(v) < min)
        throw new InputError(`${name}: expected an integer >= ${min}, got "${v}"`);
    return Number(v);
}
function choice(name) {
    const v = raw(name).toLowerCase();
    if (v === 'auto' || v === 'true' || v === 'false')
        return v;
    throw new InputError(`${name}: expected auto, true or false, got "${v}"`);
}
function duration(name) {
    const ms = (0,checks/* parseGoDuration */.Qu)(raw(name), { days: true });
    if (typeof ms === 'string')
        throw new InputError(`${name}: ${ms}`);
    return ms;
}
/** A duration that must be more than 0 (`timeout`: every wait is bounded by it). */
function positive(name, ms) {
    if (ms <= 0)
        throw new InputError(`${name}: must be more than 0 (every wait is bounded by it)`);
    return ms;
}
function regex(name) {
    const v = raw(name);
    if (v === '')
        return undefined;
    try {
        return new RegExp(v);
    }
    catch (err) {
        throw new InputError(`${name}: expected a regular expression matched against entry names: ${err.message}`);
    }
}
function helmVersion(name) {
    const v = raw(name);
    if (v === '')
        return undefined;
    if (!/^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(v))
        throw new InputError(`${name}: expected a helm release version like v3.19.0, got "${v}"`);
    return v.startsWith('v') ? v : `v${v}`;
}
function sha256(name) {
    const v = raw(name)
        .toLowerCase()
        .replace(/^sha256:/, '');
    if (v === '')
        return undefined;
    if (!/^[0-9a-f]{64}$/.test(v))
        throw new InputError(`${name}: expected a sha256 checksum (64 hex digits), got "${raw(name)}"`);
    return v;
}
function shardInput(name, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof ShardSpecError)
            throw new InputError(`${name}: ${err.message}`);
        throw err;
    }
}
function modeOf(value) {
    const v = value.toLowerCase();
    if (v === 'sync' || v === 'merge')
        return v;
    throw new InputError(`mode: expected sync or merge, got "${v}"`);
}
/**
 * `fail-on-drift` and `envsubst`, honouring their deprecated forms (`drift-exit-code: N`,
 * `no-envsubst: true`) with a warning each; the new name wins when both are set.
 */
function deprecated() {
    const deprecations = [];
    let failOnDrift = choice('fail-on-drift');
    let driftExitCode = 2;
    if (raw('drift-exit-code') !== '') {
        driftExitCode = inputs_int('drift-exit-code', 0);
        const explicit = core/* getInput */.V4('fail-on-drift').trim() !== '';
        if (!explicit)
            failOnDrift = driftExitCode === 0 ? 'false' : 'true';
        deprecations.push(`drift-exit-code is deprecated (a step cannot pass a numeric exit code to the runner): use fail-on-drift: ${driftExitCode === 0 ? 'false' : 'true'}${explicit ? '; fail-on-drift is set too and wins' : ''}`);
    }
    let envsubst = inputs_bool('envsubst');
    if (raw('no-envsubst') !== '') {
        const no = inputs_bool('no-envsubst');
        if (core/* getInput */.V4('envsubst').trim() === '')
            envsubst = !no;
        deprecations.push(`no-envsubst is deprecated: use envsubst: ${no ? 'false' : 'true'}`);
    }
    return { failOnDrift, driftExitCode, envsubst, deprecations };
}
/** Read and validate every input; throws `InputError` naming the first bad one. */
function readInputs() {
    const token = core/* getInput */.V4('github-token').trim();
    const only = regex('only');
    const chartsOnly = inputs_bool('charts-only');
    const imagesOnly = inputs_bool('images-only');
    if (chartsOnly && imagesOnly)
        throw new InputError('charts-only and images-only exclude each other');
    const helm = helmVersion('helm-version');
    const helmSum = sha256('helm-sha256');
    if (helmSum !== undefined && helm === undefined)
        throw new InputError("helm-sha256: set helm-version too (the checksum is that release's)");
    const shard = raw('shard') === ''
        ? undefined
        : {
            ...shardInput('shard', () => parseShard(raw('shard'))),
            by: shardInput('shard-by', () => parseShardBy(raw('shard-by'))),
        };
    return {
        config: raw('config'),
        dryRun: choice('dry-run'),
        ...(only ? { only } : {}),
        overwrite: inputs_bool('overwrite'),
        // Empty: the config's `defaults.concurrency`, else the engine's default.
        ...(raw('concurrency') !== '' ? { concurrency: inputs_int('concurrency', 1) } : {}),
        retries: inputs_int('retries', 0),
        timeoutMs: positive('timeout', duration('timeout')),
        ...deprecated(),
        insecure: inputs_bool('insecure'),
        createRepositories: inputs_bool('create-repositories'),
        summary: inputs_bool('summary'),
        comment: choice('comment'),
        cache: inputs_bool('cache'),
        cacheTtlMs: duration('cache-ttl'),
        ...(token !== '' && !token.startsWith('${{') ? { githubToken: token } : {}),
        images: inputs_bool('images'),
        chartsOnly,
        imagesOnly,
        ...(helm !== undefined ? { helmVersion: helm } : {}),
        ...(helmSum !== undefined ? { helmSha256: helmSum } : {}),
        ...(raw('trusted-root') !== '' ? { trustedRoot: raw('trusted-root') } : {}),
        mode: modeOf(raw('mode')),
        ...(shard ? { shard } : {}),
        reports: raw('reports'),
        uploadReport: inputs_bool('upload-report'),
        reportArtifact: artifactName(raw('report-artifact'), shard),
        ...(raw('max-duration') !== ''
            ? { maxDurationMs: positive('max-duration', duration('max-duration')) }
            : {}),
    };
}
/**
 * The report artifact's name: as given, else `oci-mirror` (`oci-mirror-shard-I-of-N` for a shard,
 * so a matrix's shards do not collide and `pattern: oci-mirror-shard-*` downloads them all).
 * Artifact names may not contain `" : < > | * ? \ /` nor CR/LF (as actions/upload-artifact checks).
 */
function artifactName(given, shard) {
    if (given === '')
        return shard ? `oci-mirror-shard-${shard.index}-of-${shard.count}` : 'oci-mirror';
    const bad = /[":<>|*?\\/\r\n]/.exec(given);
    if (bad)
        throw new InputError(`report-artifact: an artifact name may not contain ${JSON.stringify(bad[0])}`);
    return given;
}
/** Events on which `dry-run: auto` plans instead of copying. */
const DRY_RUN_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'merge_group',
]);
/** Whether drift fails the step: `auto` fails a sync, not a dry-run plan (the drift already exists). */
function failsOnDrift(inputs, dryRun) {
    return inputs.failOnDrift === 'auto' ? !dryRun : inputs.failOnDrift === 'true';
}
/** Resolve `dry-run: auto` against the triggering event. */
function isDryRun(inputs, eventName) {
    return inputs.dryRun === 'auto' ? DRY_RUN_EVENTS.has(eventName) : inputs.dryRun === 'true';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/action/state-cache.ts
/**
 * The action's side of the state file (src/sync/state.ts): where it is kept between runs — the
 * Actions cache, through a `CacheBackend` — and under which key. A cache miss or a cache service
 * error costs speed, never correctness.
 */




/**
 * Cache key parts: a prefix derived from the config path and the destinations (so two mirrors in
 * one repository keep separate state), and a per-run suffix because cache entries are immutable.
 */
function cacheKeys(configFile, destinations, run, 
/** A shard (`2of8`) keeps its own state, restoring its own first, else any shard's or a whole run's. */
shard) {
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([configFile, [...new Set(destinations)].sort()]))
        .digest('hex')
        .slice(0, 16);
    const prefix = `oci-mirror-state-v${STATE_VERSION}-${hash}-`;
    const suffix = run.id ? `${run.id}-${run.attempt ?? '1'}` : String(Date.now());
    if (shard === undefined)
        return { key: `${prefix}${suffix}`, restoreKeys: [prefix] };
    return { key: `${prefix}shard-${shard}-${suffix}`, restoreKeys: [`${prefix}shard-${shard}-`, prefix] };
}
/**
 * The TUF metadata cache of the Sigstore public-good root (`verify:`), kept in the cached
 * directory beside the state file so a cron run restores it instead of walking TUF again.
 */
const TUF_CACHE_DIR = 'sigstore-tuf';
/** Names, sizes and times of the files under `dir` ('' when absent): tells whether TUF refreshed it. */
function treeFingerprint(dir) {
    const parts = [];
    const walk = (d) => {
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(d).sort();
        }
        catch {
            return;
        }
        for (const name of names) {
            const path = (0,external_node_path_.join)(d, name);
            const st = (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false });
            if (st?.isDirectory())
                walk(path);
            else if (st)
                parts.push(`${path}:${st.size}:${st.mtimeMs}`);
        }
    };
    walk(dir);
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./src/action/summary.ts
/**
 * Markdown renderings of a sync result for people on GitHub: the job summary and the body of the
 * PR dry-run comment. What needs a person comes first: failed, drifted and not-checked entries,
 * each with its reason in words and the remedy, then what changed, then everything else
 * collapsed. Rows are grouped per entry; three narrow columns fit GitHub's ~1,000 px panel.
 * Pure functions of the result, tested with golden files; every string returned here has passed
 * through `redact`.
 */



/** GitHub refuses a step summary over 1 MiB; stay below it with room for the truncation note. */
const SUMMARY_MAX_BYTES = 1_000_000;
/** GitHub refuses a comment body over 65,536 characters; stay below with room to spare. */
const COMMENT_MAX_BYTES = 60_000;
const LABELS = {
    copied: '✅ copied',
    overwritten: '✅ overwritten',
    skipped: '➖ up to date',
    drifted: '⚠️ drifted',
    'would-copy': '🔜 would copy',
    'would-overwrite': '🔜 would overwrite',
    failed: '❌ failed',
    deferred: '⏸️ deferred',
};
/** Text fit for one table cell or list item: one line, pipes escaped, HTML inert. */
function cell(text) {
    return text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/ {2,}/g, ' ')
        .trim();
}
/** One line, runs of spaces collapsed. */
function summary_oneLine(text) {
    return text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim();
}
/**
 * A code span for references and digests in a table cell: shown verbatim (no HTML inside a code
 * span), pipes escaped for the table, backticks dropped (never expected there).
 */
function code(text) {
    const t = inlineCode(text);
    return t.replace(/\|/g, '\\|');
}
/** A code span outside tables (headings, lists), where `\|` would show as such. */
function inlineCode(text) {
    const t = summary_oneLine(text).replace(/`/g, '');
    return t === '' ? '' : `\`${t}\``;
}
/** Text outside tables: as `cell`, pipes left alone. */
function inlineText(text) {
    return cell(text).replace(/\\\|/g, '|');
}
/** Every row of an entry, the images discovered in chart versions after their chart. */
function rowsOf(e) {
    return e.tags.flatMap((t) => [t, ...(t.images ?? [])]);
}
/**
 * A row cosign verification held back: the signature is younger than the entry's `minAge`
 * (status `skipped`, reason `signature-too-new`). Not up to date: mirrored once it is old enough.
 */
function isHeld(t) {
    return t.status === 'skipped' && t.reason === 'signature-too-new';
}
/** Rows worth a line in an entry's table: all but the up-to-date ones. */
function isNotable(t) {
    return t.status !== 'skipped' || isHeld(t);
}
/**
 * A row that is neither moved nor up to date but waits for a later run, with nothing to fix:
 * held back by a too-young signature, or deferred (pull limit, `max-duration`).
 */
function isWaiting(t) {
    return isHeld(t) || t.status === 'deferred';
}
const SEVERITY_ORDER = [
    'failed',
    'drifted',
    'not-checked',
    'waiting',
    'changed',
    'clean',
];
function severityOf(e) {
    const rows = rowsOf(e);
    if (e.error || rows.some((t) => t.status === 'failed'))
        return 'failed';
    if (rows.some((t) => t.status === 'drifted'))
        return 'drifted';
    if (e.notChecked !== undefined)
        return 'not-checked';
    if (rows.some(isWaiting))
        return 'waiting';
    if (rows.some((t) => t.status !== 'skipped'))
        return 'changed';
    return 'clean';
}
/** Entries in the order people should read them; the config order within each group. */
function orderedEntries(result) {
    const rank = (e) => SEVERITY_ORDER.indexOf(severityOf(e));
    return result.entries
        .map((e, i) => ({ e, i }))
        .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
        .map(({ e }) => e);
}
/** How drift reads everywhere: source and destination digests, each labelled. */
function driftText(t) {
    const src = t.sourceDigest ? `source ${code(shortDigest(t.sourceDigest))}` : '';
    const dst = t.destinationDigest ? `destination ${code(shortDigest(t.destinationDigest))}` : '';
    return [src, dst].filter(Boolean).join(' ≠ ');
}
/** The third column: digest and what moved. */
function digestCell(t) {
    const src = t.sourceDigest ? code(shortDigest(t.sourceDigest)) : '';
    switch (t.status) {
        case 'drifted':
            return driftText(t).replace(' ≠ ', '<br>≠ ');
        case 'overwritten':
        case 'would-overwrite':
            return t.destinationDigest ? `${src}<br>was ${code(shortDigest(t.destinationDigest))}` : src;
        case 'skipped': {
            const young = t.verification?.tooNew;
            return young
                ? `${src}<br>signed ${formatDuration(young.ageMs)} ago, minAge ${cell(young.minAge)}`
                : src;
        }
        case 'copied': {
            const moved = t.bytes > 0
                ? formatBytes(t.bytes)
                : t.blobs.mounted > 0
                    ? 'mounted'
                    : t.blobs.existing > 0 || t.blobs.copied === 0
                        ? 'already present'
                        : '';
            return [src, moved].filter(Boolean).join('<br>');
        }
        default:
            return src;
    }
}
/**
 * A row's status as its table cell says it (`label`) and as an entry's counts say it (`count`).
 * Held rows (`isHeld`) are `skipped` in the report but not up to date; drift a pull request did
 * not cause is "existing drift".
 */
function summary_statusLabel(t, dryRun) {
    if (isHeld(t))
        return { label: '⏳ held: signature too new', count: 'held (signature too new)' };
    const label = t.status === 'drifted' && dryRun ? '⚠️ existing drift' : LABELS[t.status];
    return { label, count: label.replace(/^\S+ /, '') };
}
const TABLE_HEAD = '| Status | Source → Destination | Digest |\n|---|---|---|';
function row(t, dryRun) {
    const { label } = summary_statusLabel(t, dryRun);
    const rewritten = t.rewritten && t.status !== 'failed' ? `<br>rewritten: ${cell(t.rewritten)}` : '';
    // `verify:` entries: the signer, as the text report says it.
    const verified = verifiedLabel(t);
    const signer = verified ? `<br>${cell(verified)}` : '';
    return `| ${label} | ${code(t.source)}<br>→ ${code(t.destination)}${rewritten}${signer} | ${digestCell(t)} |`;
}
/** The failing side's reference, for "which host" advice. */
function failingRef(e, source, destination) {
    return e.side === 'destination' ? destination : source;
}
/** One line per distinct reason in the entry: count, reason, remedy, and the raw detail. */
function reasonLines(e, dryRun) {
    const groups = new Map();
    const add = (key, text) => {
        const g = groups.get(key);
        if (g)
            g.n++;
        else
            groups.set(key, { n: 1, text });
    };
    const failure = (err, source, destination, what) => {
        const x = explainError(err, failingRef(err, source, destination));
        const detail = `${err.message}${errorDetail(err)}`;
        add(`${x.reason}\u0000${x.remedy}`, `**${what}:** ${cell(x.reason)}. **Fix:** ${cell(x.remedy)}.<br><sub>${cell(detail)}</sub>`);
    };
    if (e.error)
        failure(e.error, e.source, e.destinations[0] ?? '', 'plan failed');
    if (e.notChecked !== undefined)
        add('not-checked', `**not checked:** ${cell(e.notChecked)}. This is not a failure of the plan.`);
    for (const t of rowsOf(e)) {
        if (t.status === 'failed')
            failure(t.error ?? { message: t.reason ?? 'unknown error' }, t.source, t.destination, 'failed');
        else if (isHeld(t))
            add('held', "**held:** cosign verified the signature, but it is younger than the entry's `verify.minAge`, so the tag is not mirrored yet. It will be on a run after it is old enough; nothing to fix.");
        else if (t.status === 'drifted')
            add('drift', dryRun
                ? '**existing drift:** the destination already differs from the source (this pull request did not cause it). **Fix:** set `overwrite: true` on the entry to replace it, or restore the destination.'
                : '**drifted:** the destination differs from the source and was left alone. **Fix:** set `overwrite: true` on the entry to replace it, or restore the destination.');
        else if (t.status === 'deferred')
            add('deferred', t.retryAt !== undefined
                ? `**deferred:** the source's pull limit is nearly used up, so this tag was not pulled (not a failure). **Fix:** run again after ${cell(t.retryAt)}, or authenticate to the source for a higher limit.`
                : `**deferred:** ${cell(t.reason ?? 'not started in this run')} (not a failure). **Fix:** nothing to fix; the next run continues.`);
    }
    return [...groups.values()].map((g) => g.n > 1 ? `- ${g.text.replace(/^\*\*([^*]+):\*\*/, `**$1 (${g.n} tags):**`)}` : `- ${g.text}`);
}
/** `3 failed · 1 would copy` for one entry. */
function entryCounts(e, dryRun) {
    const n = new Map();
    if (e.error)
        n.set('plan failed', 1);
    if (e.notChecked !== undefined)
        n.set('not checked', 1);
    for (const t of rowsOf(e)) {
        const k = summary_statusLabel(t, dryRun).count;
        n.set(k, (n.get(k) ?? 0) + 1);
    }
    return [...n].map(([k, v]) => `${v} ${k}`).join(' · ');
}
const ICON = {
    failed: '❌',
    drifted: '⚠️',
    'not-checked': '⏸️',
    waiting: '⏳',
    changed: '🔜',
    clean: '✅',
};
function entryIcon(e, dryRun) {
    const s = severityOf(e);
    if (s === 'changed' && !dryRun)
        return '✅';
    return ICON[s];
}
/** One entry in full: a title line, the reasons with remedies, then its rows (not the up-to-date ones unless `all`). */
function entryBlock(e, dryRun, opts) {
    const title = `${entryIcon(e, dryRun)} ${inlineCode(e.name)} — ${entryCounts(e, dryRun) || 'nothing selected'}`;
    const reasons = reasonLines(e, dryRun);
    const rows = rowsOf(e)
        .filter((t) => opts.all || isNotable(t))
        .map((t) => row(t, dryRun));
    const skipped = rowsOf(e).length - rows.length;
    const more = skipped > 0 ? `\n\n_${skipped} more up to date._` : '';
    const body = [
        ...(reasons.length > 0 ? [reasons.join('\n')] : []),
        ...(rows.length > 0 ? [`${TABLE_HEAD}\n${rows.join('\n')}${more}`] : []),
    ].join('\n\n');
    if (opts.details) {
        const open = severityOf(e) !== 'clean' ? ' open' : '';
        const summary = `${entryIcon(e, dryRun)} <code>${cell(e.name).replace(/\\\|/g, '|')}</code> — ${entryCounts(e, dryRun) || 'nothing selected'}`;
        return `<details${open}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
    }
    return `#### ${title}\n\n${body}`;
}
/** One entry in one line, for when full blocks no longer fit. */
function entryLine(e, dryRun) {
    return `- ${entryIcon(e, dryRun)} ${inlineCode(e.name)} — ${entryCounts(e, dryRun) || 'nothing selected'}`;
}
/**
 * What the headline says: `failures`, `drift`, `not-checked` (no entry could be checked: a plan
 * without credentials), `partly-checked` (some could not), else `clean`.
 */
function outcomeOf(result) {
    const s = result.summary;
    if (s.failed > 0)
        return 'failures';
    if (s.drifted > 0)
        return 'drift';
    if (s.notChecked > 0)
        return s.notChecked >= s.entries ? 'not-checked' : 'partly-checked';
    return 'clean';
}
const OUTCOME = {
    clean: '✅ clean',
    drift: '⚠️ drift',
    failures: '❌ failures',
    'not-checked': '⏸️ not checked',
    'partly-checked': '⏸️ partly checked',
};
/** Under the headline when credentials were missing: that this is no failure, and what checks it. */
function notCheckedNote(result) {
    const s = result.summary;
    if (s.notChecked === 0)
        return '';
    const all = s.notChecked >= s.entries;
    return `\n\n${all ? 'Nothing could be checked' : `${s.notChecked} of ${s.entries} entries could not be checked`}: this run has no credentials for ${all ? 'the hosts involved' : 'some hosts'} (a pull request from a fork or from Dependabot gets no secrets and no OIDC token; the warnings say which host and why). That is not a failure: the run on the default branch checks them.`;
}
/** `## oci-mirror — ❌ failures` and the counts line. */
function headline(result, configFile) {
    const s = result.summary;
    const counts = [];
    const add = (n, what, strong = false) => {
        if (n > 0)
            counts.push(strong ? `**${n} ${what}**` : `${n} ${what}`);
    };
    add(s.failed, 'failed', true);
    add(s.drifted, result.dryRun ? 'existing drift' : 'drifted', true);
    add(s.notChecked, `entr${s.notChecked === 1 ? 'y' : 'ies'} not checked`, true);
    add(s.copied, 'copied');
    add(s.overwritten, 'overwritten');
    add(s.wouldCopy, 'would copy');
    add(s.wouldOverwrite, 'would overwrite');
    const held = result.entries.reduce((n, e) => n + rowsOf(e).filter(isHeld).length, 0);
    add(held, 'held (signature too new)');
    add(s.skipped - held, 'up to date');
    add(s.deferred ?? 0, 'deferred');
    if (counts.length === 0)
        counts.push('nothing selected');
    const moved = result.dryRun ? '' : `, ${formatBytes(s.bytes)} moved`;
    const entries = `${s.entries} entr${s.entries === 1 ? 'y' : 'ies'}`;
    const outcome = outcomeOf(result) === 'drift' && result.dryRun ? '⚠️ existing drift' : OUTCOME[outcomeOf(result)];
    const title = `## oci-mirror${result.dryRun ? ' (dry run)' : ''} — ${outcome}`;
    const why = s.retryAt !== undefined
        ? "these tags were not pulled because a source registry's pull limit (Docker Hub) is nearly used up. They are not failures; a run after that time copies them."
        : 'these tags were not copied in this run (`max-duration` was reached, or a pull limit gave no window). They are not failures; the next run copies them.';
    const deferred = s.deferred ? `\n\n> [!NOTE]\n> ${cell(deferredNote(s))}: ${why}` : '';
    return `${title}\n\n${counts.join(' · ')} — ${entries} in ${formatDuration(result.durationMs)}${moved} · config ${code(configFile)}${notCheckedNote(result)}${deferred}`;
}
/**
 * Lay out entries within `budget` bytes: full blocks for the first ones as long as every later
 * entry still fits as one line, then one line per entry, then a count of the entries left out
 * (only when even the lines do not fit). Returns the text and how many entries were cut down to
 * a line or left out.
 */
function layout(entries, budget, full, line, moreNote) {
    const reserve = 300;
    const lines = entries.map(line);
    const lineSize = lines.map((l) => Buffer.byteLength(l) + 1);
    let rest = lineSize.reduce((a, b) => a + b, 0);
    const blocks = [];
    let used = 0;
    let i = 0;
    for (; i < entries.length; i++) {
        const block = full(entries[i]);
        const size = Buffer.byteLength(block) + 2;
        const after = rest - lineSize[i];
        if (used + size + after + reserve > budget)
            break;
        blocks.push(block);
        used += size;
        rest = after;
    }
    const short = [];
    for (; i < entries.length; i++) {
        if (used + lineSize[i] + reserve > budget)
            break;
        short.push(lines[i]);
        used += lineSize[i];
    }
    const omitted = entries.length - blocks.length - short.length;
    const parts = [...blocks];
    if (short.length > 0)
        parts.push(short.join('\n'));
    if (omitted > 0)
        parts.push(moreNote(omitted));
    return { text: parts.join('\n\n'), shortened: short.length, omitted };
}
/** The section of entries whose rows wait for a later run, titled by what they wait for. */
function waitingTitle(entries) {
    const rows = entries.flatMap(rowsOf);
    const held = rows.some(isHeld);
    const deferred = rows.some((t) => t.status === 'deferred');
    if (held && deferred)
        return '### Held back or deferred to a later run';
    return deferred ? '### Deferred to a later run' : '### Held back: signatures younger than `minAge`';
}
/**
 * The job summary: headline; the entries that need a person (failed, drifted, not checked) with
 * reason and remedy; what changed; then every tag in a collapsed section. Over `maxBytes`, entries
 * are shortened to one line each, then left out with a count; the JSON report has every row.
 */
function renderSummary(result, opts) {
    const max = opts.maxBytes ?? SUMMARY_MAX_BYTES;
    const dry = result.dryRun;
    const head = headline(result, opts.configFile);
    const ordered = orderedEntries(result);
    const attention = ordered.filter((e) => ['failed', 'drifted', 'not-checked'].includes(severityOf(e)));
    const changed = ordered.filter((e) => severityOf(e) === 'changed');
    const waiting = ordered.filter((e) => severityOf(e) === 'waiting');
    const total = result.entries.reduce((n, e) => n + rowsOf(e).length, 0);
    const report = opts.reportUrl
        ? `every row is in the [JSON report artifact](${opts.reportUrl})`
        : 'every row is in the JSON report (`report` output)';
    const runLink = opts.runUrl ? `[Workflow run](${opts.runUrl}) · ${report}` : opts.reportUrl ? report : '';
    let budget = max - Buffer.byteLength(head) - Buffer.byteLength(runLink) - 600;
    const parts = [head];
    let cut = 0;
    const section = (title, list, all) => {
        if (list.length === 0)
            return;
        const out = layout(list, Math.max(0, budget), (e) => entryBlock(e, dry, { all }), (e) => entryLine(e, dry), (n) => `_…and ${n} more entr${n === 1 ? 'y' : 'ies'} (see the JSON report)._`);
        cut += out.shortened + out.omitted;
        const text = `${title}\n\n${out.text}`;
        budget -= Buffer.byteLength(text) + 2;
        parts.push(text);
    };
    section(`### Needs attention (${attention.length} entr${attention.length === 1 ? 'y' : 'ies'})`, attention, false);
    section(dry ? '### Would change' : '### Changed', changed, false);
    section(waitingTitle(waiting), waiting, false);
    if (attention.length === 0 && changed.length === 0 && waiting.length === 0)
        parts.push(dry
            ? 'Nothing would change: every selected tag is up to date at its destinations.'
            : 'Nothing changed: every selected tag is up to date at its destinations.');
    if (total > 0) {
        const openTag = `<details><summary>All ${total} tag${total === 1 ? '' : 's'}, per entry</summary>\n\n`;
        const closeTag = '\n\n</details>';
        const out = layout(result.entries, Math.max(0, budget - openTag.length - closeTag.length), (e) => rowsOf(e).length > 0
            ? `**${inlineText(e.name)}**\n\n${TABLE_HEAD}\n${rowsOf(e)
                .map((t) => row(t, dry))
                .join('\n')}`
            : `**${inlineText(e.name)}**: no tags${e.error ? ' (plan failed)' : ''}`, (e) => entryLine(e, dry), (n) => `_…and ${n} more entr${n === 1 ? 'y' : 'ies'} (see the JSON report)._`);
        cut += out.shortened + out.omitted;
        if (out.text)
            parts.push(`${openTag}${out.text}${closeTag}`);
    }
    if (cut > 0)
        parts.splice(1, 0, `> [!NOTE]\n> Shortened to stay under GitHub's 1 MiB job summary limit: ${cut} entry section${cut === 1 ? '' : 's'} shown as one line or left out. Every row is in the JSON report (the \`report\` output) and in the log.`);
    const hosts = hostsTable(result);
    if (hosts)
        parts.push(hosts);
    const created = result.createdRepositories ?? [];
    if (created.length > 0)
        parts.push(`### Repositories created\n\n${created
            .slice(0, 100)
            .map((r) => `- \`${inlineText(r)}\``)
            .join('\n')}${created.length > 100 ? `\n- _…and ${created.length - 100} more (see the JSON report)._` : ''}`);
    if (runLink)
        parts.push(runLink);
    return (0,src_secrets/* redact */.E$)(`${parts.join('\n\n')}\n`);
}
/**
 * Per registry host: requests, 429s, the headroom the registry reported (and, when its pull limit
 * deferred tags, when to retry), and the source HEADs a bulk listing saved — shown when some host
 * answered 429, reported a rate limit (Docker Hub) or was planned from a listing.
 */
function hostsTable(result) {
    const hosts = result.hosts ?? [];
    if (!hosts.some((h) => h.rateLimited > 0 || h.limit !== undefined || h.listingSaved !== undefined))
        return undefined;
    const rows = hosts.map((h) => {
        const window = h.windowSeconds !== undefined ? ` per ${Math.round(h.windowSeconds / 3600)}h` : '';
        const headroom = h.remaining !== undefined
            ? `${h.remaining}${h.limit !== undefined ? ` of ${h.limit}${window}` : ''} left`
            : '—';
        const retry = h.retryAt !== undefined ? `; deferred until ${cell(h.retryAt)}` : '';
        return `| ${cell(h.host)} | ${h.requests} | ${h.rateLimited} | ${headroom}${retry} | ${h.listingSaved ?? '—'} |`;
    });
    return `### Registry hosts\n\n| Host | Requests | 429s | Rate-limit headroom | HEADs saved by a listing |\n|---|---:|---:|---|---:|\n${rows.join('\n')}`;
}
/** Hidden marker that finds the plan comment again; one per config file. */
function commentMarker(configFile) {
    return `<!-- oci-mirror:plan config=${configFile.replace(/--+/g, '-').replace(/>/g, '')} -->`;
}
/**
 * The PR comment: the marker, the headline, the head commit and time, then one `<details>` per
 * entry with something to say (open) — failures first — and a one-line list for the rest once
 * the body nears GitHub's limit. Links to the run and its report artifact instead of any
 * runner-local file.
 */
function renderComment(result, opts) {
    const max = opts.maxBytes ?? COMMENT_MAX_BYTES;
    const dry = result.dryRun;
    const marker = commentMarker(opts.configFile);
    const head = headline(result, opts.configFile);
    const when = (opts.computedAt ?? result.startedAt).toISOString().replace(/\.\d+Z$/, 'Z');
    const sha = opts.headSha ? ` for ${code(opts.headSha.slice(0, 12))}` : '';
    const stamp = `<sub>Plan computed${sha} at ${when}.</sub>`;
    const artifact = opts.reportUrl
        ? `[report artifact](${opts.reportUrl})`
        : opts.runUrl
            ? `[report artifact](${opts.runUrl}#artifacts) (when the workflow uploads the \`report\` output)`
            : '';
    const links = [opts.runUrl ? `[Workflow run and job summary](${opts.runUrl})` : '', artifact]
        .filter(Boolean)
        .join(' · ');
    const noteworthy = orderedEntries(result).filter((e) => severityOf(e) !== 'clean');
    const clean = result.entries.length - noteworthy.length;
    const fixed = [marker, head, stamp, links].join('\n\n');
    const budget = max - Buffer.byteLength(fixed) - 500;
    const parts = [marker, head, stamp];
    if (noteworthy.length === 0) {
        parts.push('No changes: every selected tag is up to date at its destinations.');
    }
    else {
        const out = layout(noteworthy, budget, (e) => entryBlock(e, dry, { details: true }), (e) => entryLine(e, dry), (n) => `_…and ${n} more entr${n === 1 ? 'y' : 'ies'}: see the job summary._`);
        if (out.shortened + out.omitted > 0)
            parts.push(`> [!NOTE]\n> ${out.shortened + out.omitted} entr${out.shortened + out.omitted === 1 ? 'y is' : 'ies are'} shown as one line to stay under GitHub's comment size limit; the job summary and the report artifact have every row.`);
        parts.push(out.text);
    }
    if (clean > 0)
        parts.push(`<sub>${clean} entr${clean === 1 ? 'y' : 'ies'} up to date, not listed.</sub>`);
    if (links)
        parts.push(links);
    return (0,src_secrets/* redact */.E$)(`${parts.join('\n\n')}\n`);
}
/** The job summary of a config that did not load: each problem with its place in the file. */
function renderConfigErrorSummary(problems) {
    const rows = problems.map((p) => `| ${code(`${p.file}:${p.line}:${p.column}`)} | ${code(p.path)} | ${cell(p.problem)}${p.hint ? `<br>**Hint:** ${cell(p.hint)}` : ''} |`);
    return (0,src_secrets/* redact */.E$)(`## oci-mirror — ❌ invalid config\n\n${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was copied.\n\n| Where | Field | Problem |\n|---|---|---|\n${rows.join('\n')}\n`);
}

;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * Entry point of `dist/index.js`, the GitHub Action. A thin front door over `sync()`: inputs in;
 * text report to the log, JSON report file, outputs, job summary, annotations, the PR dry-run
 * comment and the state cache out. `run()` is the only place that turns an error into a failed
 * step; optional features (comment, cache, summary) degrade to warnings naming their input.
 */


















/**
 * The text report in the log, folded per entry (failing entries' groups say so in their title),
 * then the failures again, unfolded, and the summary line.
 */
function logResult(result) {
    for (const e of result.entries) {
        const lines = renderEntryLines(e);
        const failed = e.error !== undefined || e.tags.some((t) => t.status === 'failed');
        core/* startGroup */.Oh(`${failed ? '✗' : e.notChecked !== undefined ? '?' : '✓'} ${(0,src_secrets/* redact */.E$)(e.name)} (${e.tags.length} tag${e.tags.length === 1 ? '' : 's'})`);
        if (e.notChecked !== undefined)
            core/* info */.pq((0,src_secrets/* redact */.E$)(`not checked: ${e.notChecked}`));
        for (const l of lines)
            core/* info */.pq(l);
        core/* endGroup */.N4();
    }
    const failures = result.entries.flatMap((e) => [
        ...(e.error ? [renderPlanFailureLine(e)] : []),
        ...e.tags.filter((t) => t.status === 'failed').map((t) => `${(0,src_secrets/* redact */.E$)(e.name)}: ${renderTagLine(e, t)}`),
    ]);
    if (failures.length > 0)
        core/* info */.pq(`\nFailures (${failures.length}):\n${failures.join('\n')}`);
    core/* info */.pq(renderSummaryLine(result));
}
/** Destination references with the digest now there, of every tag copied or overwritten. */
function copiedTags(result) {
    return result.entries.flatMap((e) => e.tags
        .flatMap((t) => [t, ...(t.images ?? [])])
        .filter((t) => t.status === 'copied' || t.status === 'overwritten')
        .map((t) => ({ reference: t.destination, ...(t.sourceDigest ? { digest: t.sourceDigest } : {}) })));
}
function annotate(list) {
    for (const a of list) {
        const props = { title: a.title };
        if (a.file !== undefined)
            props.file = a.file;
        if (a.line !== undefined)
            props.startLine = a.line;
        if (a.column !== undefined)
            props.startColumn = a.column;
        if (a.level === 'error')
            core/* error */.z3(a.message, props);
        else
            core/* warning */.$e(a.message, props);
    }
}
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        core/* info */.pq('summary: GITHUB_STEP_SUMMARY is not set; no job summary written');
        return;
    }
    await core/* summary */.z.addRaw(markdown).write();
}
function runUrl() {
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id, } = process.env;
    return repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}
/** Restore the state cache; any trouble means a cold run with a note, never a failure. */
async function openStateCache(config, inputs, backend) {
    if (!inputs.cache)
        return undefined;
    if (!backend.available()) {
        core/* info */.pq('cache: the Actions cache service is not available here; running without the state cache');
        return undefined;
    }
    const dir = (0,external_node_path_.join)(process.env.RUNNER_TEMP ?? process.cwd(), 'oci-mirror-state');
    const state = new StateCache({ path: (0,external_node_path_.join)(dir, 'state.json'), ttlMs: inputs.cacheTtlMs });
    const { key, restoreKeys } = cacheKeys(config.file, 
    // Chart repositories and image prefixes too: OCI chart sources and discovered images use the state.
    [
        ...config.artifacts.flatMap((a) => a.destinations),
        ...config.charts.flatMap((c) => [
            c.repository,
            ...(c.images?.destination ? [c.images.destination] : []),
        ]),
    ], { id: process.env.GITHUB_RUN_ID, attempt: process.env.GITHUB_RUN_ATTEMPT }, inputs.shard ? `${inputs.shard.index}of${inputs.shard.count}` : undefined);
    try {
        // The whole directory: the state file and the TUF metadata cache beside it.
        const hit = await backend.restore(dir, key, restoreKeys);
        await state.load();
        core/* info */.pq(hit
            ? `cache: restored ${hit}: ${state.size} destination digests known`
            : 'cache: no state cached yet; this run checks every destination');
    }
    catch (err) {
        core/* info */.pq(`cache: could not restore the state (${(0,src_secrets/* redact */.E$)(err.message)}); this run checks every destination`);
    }
    // For the post step (post.ts): what to save under which key, should this step be stopped. The
    // directory, as restored and saved here: the cache's version depends on the paths saved.
    core/* saveState */.LZ('oci_mirror_state_dir', dir);
    core/* saveState */.LZ('oci_mirror_state_key', key);
    return { state, key, tuf: treeFingerprint((0,external_node_path_.join)(dir, TUF_CACHE_DIR)) };
}
async function saveStateCache(
/** `tuf`: the TUF cache's fingerprint when restored; saved again when it changed. */
opened, result, backend) {
    const { state, key } = opened;
    const dir = (0,external_node_path_.dirname)(state.path);
    core/* info */.pq(`cache: ${state.served} destination lookups answered from the state cache`);
    state.record(result);
    try {
        const stateChanged = await state.write();
        const tufChanged = treeFingerprint((0,external_node_path_.join)(dir, TUF_CACHE_DIR)) !== (opened.tuf ?? '');
        if (stateChanged || tufChanged)
            await backend.save(dir, key);
        else
            core/* info */.pq('cache: state unchanged; nothing to save');
        core/* saveState */.LZ('oci_mirror_state_saved', 'true');
    }
    catch (err) {
        core/* info */.pq(`cache: could not save the state (${(0,src_secrets/* redact */.E$)(err.message)}); the next run will be slower`);
    }
}
/**
 * The helm binary, when some chart entry will render its templates: `HELM_BIN`, `PATH`, else a
 * pinned, checksum-verified download through the tool cache. Undefined when no chart needs helm,
 * or when none could be had (said in an error annotation; the charts then fail as rows).
 */
async function provideHelm(config, inputs) {
    if (inputs.chartsOnly)
        return undefined;
    const charts = config.charts.filter((c) => inputs.only?.test(c.name) ?? true);
    if (!charts.some((c) => inputs.images || c.images?.discover === true))
        return undefined;
    // helm tooling (and @actions/tool-cache) loads only when a chart needs helm.
    const [{ resolveHelm }, { installHelm, TEST_BASE_URL_ENV }] = await Promise.all([
        __webpack_require__.e(/* import() */ 969).then(__webpack_require__.bind(__webpack_require__, 81969)),
        __webpack_require__.e(/* import() */ 943).then(__webpack_require__.bind(__webpack_require__, 87943)),
    ]);
    const baseUrl = process.env[TEST_BASE_URL_ENV];
    try {
        return await resolveHelm({
            env: process.env,
            fallback: () => installHelm({
                version: inputs.helmVersion,
                sha256: inputs.helmSha256,
                ...(baseUrl ? { baseUrl } : {}),
                log: (m) => core/* info */.pq(m),
            }),
        });
    }
    catch (err) {
        // No helm: the chart entries that need it fail as rows; everything else is still mirrored.
        core/* error */.z3((0,src_secrets/* redact */.E$)(err.message), { title: 'helm' });
        return undefined;
    }
}
/** Every `*.json` under `dir` (where actions/download-artifact put the shards' reports). */
async function findReports(dir) {
    const entries = await (0,promises_.readdir)(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => (0,external_node_path_.join)(e.parentPath, e.name))
        .sort();
}
/** `mode: merge`: one run's result from the shards' reports; a bad set of reports fails with exit code 3. */
async function mergeShards(inputs, workspace) {
    const dir = (0,external_node_path_.resolve)(workspace, inputs.reports);
    let merged;
    try {
        const files = await findReports(dir);
        core/* info */.pq(`merge: ${files.length} reports under ${inputs.reports}`);
        merged = mergeReports(await Promise.all(files.map(async (f) => ({ file: f, text: await (0,promises_.readFile)(f, 'utf8') }))));
    }
    catch (err) {
        if (!(err instanceof MergeError) && err.code !== 'ENOENT')
            throw err;
        core/* setOutput */.uH('exit-code', '3');
        core/* setFailed */.C1((0,src_secrets/* redact */.E$)(`reports: ${err.message}`));
        return;
    }
    const shown = merged.configFile ?? inputs.config;
    await publish(merged.result, inputs, { shownConfig: shown, workspace, dryRun: merged.result.dryRun });
}
async function run() {
    const startedAt = Date.now();
    (0,src_secrets/* onSecret */.IJ)((value) => core/* setSecret */.Pq(value));
    const inputs = readInputs();
    if (inputs.githubToken)
        (0,src_secrets/* registerSecret */.cl)(inputs.githubToken);
    for (const d of inputs.deprecations)
        core/* warning */.$e(d, { title: 'oci-mirror: deprecated input' });
    const eventName = process.env.GITHUB_EVENT_NAME ?? '';
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    if (inputs.mode === 'merge')
        return mergeShards(inputs, workspace);
    const dryRun = isDryRun(inputs, eventName);
    const shownConfig = workspacePath(inputs.config, workspace) ?? inputs.config;
    // Said before anything slow: the engine, the cache client and helm load on demand below.
    core/* info */.pq(`oci-mirror: reading ${shownConfig}`);
    let config;
    let idTokenWarnings;
    try {
        config = await loadConfig({
            path: inputs.config,
            envsubst: inputs.envsubst,
            // A plan without secrets (fork or Dependabot pull request) still reads what it can.
            emptySecrets: dryRun ? 'anonymous' : 'error',
        });
        // Likewise without an OIDC ID token; a job that should have one is a config error.
        ({ config, warnings: idTokenWarnings } = checkIdTokenHosts(config, process.env, dryRun, workspace));
    }
    catch (err) {
        if (err instanceof config_errors/* ConfigErrors */.mS) {
            annotate(configErrorAnnotations(err, workspace));
            if (inputs.summary)
                await writeSummary(renderConfigErrorSummary(err.errors.map((e) => ({ ...e, file: workspacePath(e.file, workspace) ?? e.file }))));
            core/* setOutput */.uH('exit-code', '3');
            core/* setFailed */.C1((0,src_secrets/* redact */.E$)(err.message));
            return;
        }
        throw err;
    }
    for (const s of config.secrets)
        (0,src_secrets/* registerSecret */.cl)(s);
    for (const h of config.hosts.filter((h) => h.missingSecret !== undefined)) {
        const where = h.position ? workspacePath(h.position.file, workspace) : undefined;
        core/* warning */.$e(`\${${h.missingSecret}} is empty, so ${h.host} has no credential (${config_errors/* EMPTY_SECRET_WHY */.mv}). This plan reads ${h.host} anonymously; what it cannot read is reported as not checked, not failed.`, {
            title: `oci-mirror: no credential for ${h.host}`,
            ...(where && h.position ? { file: where, startLine: h.position.line } : {}),
        });
    }
    annotate(idTokenWarnings);
    core/* info */.pq(`oci-mirror: ${dryRun ? 'planning (dry run)' : 'planning and copying'} ${config.artifacts.length} artifact and ${config.charts.length} chart entries`);
    // @actions/cache (with the Azure storage SDK, ~40% of the bundle) loads only with `cache: true`.
    const backend = inputs.cache ? (await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(669), __webpack_require__.e(738), __webpack_require__.e(97), __webpack_require__.e(142), __webpack_require__.e(953)]).then(__webpack_require__.bind(__webpack_require__, 38334))).actionsCache : undefined;
    const stateCache = backend ? await openStateCache(config, inputs, backend) : undefined;
    const helmBin = await provideHelm(config, inputs);
    const only = inputs.only;
    const cancel = onSignals((signal) => core/* warning */.$e(`${signal} received: cancelling (nothing new starts; copies in flight are aborted)`));
    const { sync } = await Promise.all(/* import() */[__webpack_require__.e(280), __webpack_require__.e(675)]).then(__webpack_require__.bind(__webpack_require__, 87675));
    const result = await sync(config, {
        signal: cancel.signal,
        dryRun,
        overwrite: inputs.overwrite,
        ...(inputs.concurrency !== undefined ? { concurrency: inputs.concurrency } : {}),
        retries: inputs.retries,
        jobTimeoutMs: inputs.timeoutMs,
        ...(inputs.maxDurationMs !== undefined ? { deadline: startedAt + inputs.maxDurationMs } : {}),
        insecure: inputs.insecure,
        createRepositories: inputs.createRepositories,
        images: inputs.images,
        chartsOnly: inputs.chartsOnly,
        imagesOnly: inputs.imagesOnly,
        ...(helmBin !== undefined ? { helmBin } : {}),
        userAgent: `oci-mirror-action/${version/* VERSION */.x}`,
        // The ghcr credential provider reads the job token from GITHUB_TOKEN; hand it the
        // `github-token` input unless the workflow set GITHUB_TOKEN itself.
        env: { ...process.env, GITHUB_TOKEN: process.env.GITHUB_TOKEN || inputs.githubToken },
        ...(only ? { only: (e) => only.test(e.name) } : {}),
        ...(stateCache
            ? {
                knownDestinationDigest: stateCache.state.knownDestinationDigest,
                verificationCache: stateCache.state.verifications,
                manifestChildren: stateCache.state.manifestChildren,
                // Verified digests are remembered in the state; the TUF metadata cache sits beside it
                // and is cached with it.
                tufCachePath: (0,external_node_path_.join)((0,external_node_path_.dirname)(stateCache.state.path), TUF_CACHE_DIR),
                knownDestinationConfirmedAt: stateCache.state.confirmedAt,
            }
            : {}),
        ...(inputs.trustedRoot !== undefined ? { trustedRoot: (0,external_node_path_.resolve)(workspace, inputs.trustedRoot) } : {}),
        // No weights from the state: each shard keeps its own cache, and shards must agree on the partition.
        ...(inputs.shard ? { shard: inputs.shard } : {}),
        onEvent: (e) => {
            // The state file is rewritten as tags complete: a step stopped at the job's time limit leaves
            // it for the post step to save (post.ts).
            if (e.type === 'tag' && stateCache) {
                stateCache.state.learn(e.tag);
                stateCache.state.autosave(STATE_AUTOSAVE_MS);
            }
            if (e.type === 'log')
                core/* debug */.Yz((0,src_secrets/* redact */.E$)(e.message));
        },
    }).finally(() => cancel.dispose());
    annotate(refusedIdTokenWarnings(result, config, workspace));
    await publish(result, inputs, { shownConfig, workspace, dryRun, stateCache, backend });
}
/** The report as a workflow artifact (`upload-report`); trouble is a warning, never a failure. */
async function publishReportArtifact(reportPath, inputs) {
    if (!inputs.uploadReport)
        return undefined;
    const { uploadReport } = await __webpack_require__.e(/* import() */ 129).then(__webpack_require__.bind(__webpack_require__, 34129));
    const up = await uploadReport(reportPath, inputs.reportArtifact);
    if (up.uploaded) {
        core/* info */.pq(`report: uploaded as artifact "${up.name}" (id ${up.id})`);
        return { id: up.id, ...(up.url ? { url: up.url } : {}) };
    }
    const message = `report: ${(0,src_secrets/* redact */.E$)(up.reason)}; the report stays at the \`report\` output's path`;
    if (up.warn)
        core/* warning */.$e(message, { title: 'oci-mirror: report artifact' });
    else
        core/* info */.pq(message);
    return undefined;
}
/** Everything a run shows and leaves behind: log, report file, outputs, annotations, summary, comment, cache. */
async function publish(result, inputs, run) {
    const { shownConfig, workspace, dryRun, stateCache, backend } = run;
    const eventName = process.env.GITHUB_EVENT_NAME ?? '';
    logResult(result);
    const doc = toReport(result, {
        reporter: { name: 'oci-mirror', version: version/* VERSION */.x },
        configFile: shownConfig,
    });
    const reportPath = (0,external_node_path_.join)(process.env.RUNNER_TEMP ?? process.cwd(), 'oci-mirror-report.json');
    await (0,promises_.writeFile)(reportPath, renderJson(doc));
    const artifact = await publishReportArtifact(reportPath, inputs);
    const s = result.summary;
    const code = (0,model/* exitCodeOf */.FO)(s, inputs.driftExitCode);
    const url = runUrl();
    // @actions/github (octokit) loads only now, after the work.
    const [{ pullRequestOf, shouldComment, upsertComment }, { context }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(151)]).then(__webpack_require__.bind(__webpack_require__, 51151)),
        __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351)),
    ]);
    const pr = pullRequestOf(context);
    const headSha = context.payload.pull_request?.head?.sha;
    const view = {
        configFile: shownConfig,
        ...(url ? { runUrl: url } : {}),
        ...(headSha ? { headSha } : {}),
        ...(artifact?.url ? { reportUrl: artifact.url } : {}),
        computedAt: new Date(),
    };
    const summaryMarkdown = renderSummary(result, view);
    const planMarkdown = dryRun ? renderComment(result, view) : '';
    const outputs = {
        copied: s.copied,
        overwritten: s.overwritten,
        skipped: s.skipped,
        drifted: s.drifted,
        failed: s.failed,
        'would-copy': s.wouldCopy,
        'would-overwrite': s.wouldOverwrite,
        deferred: s.deferred ?? 0,
        'retry-at': s.retryAt ?? '',
        changed: s.copied + s.overwritten > 0,
        'exit-code': code,
        report: reportPath,
        'report-artifact-id': artifact?.id ?? '',
        'report-artifact-url': artifact?.url ?? '',
        'copied-tags': JSON.stringify(copiedTags(result)),
        'summary-markdown': summaryMarkdown,
        'plan-markdown': planMarkdown,
    };
    for (const [name, value] of Object.entries(outputs))
        core/* setOutput */.uH(name, String(value));
    const failDrift = failsOnDrift(inputs, dryRun);
    const failure = s.failed > 0
        ? `${s.failed} failed${s.drifted > 0 ? `, ${s.drifted} drifted` : ''}; see the annotations on ${shownConfig} and the job summary`
        : undefined;
    // A shard leaves annotations and the PR comment to the merge job, which sees the whole run.
    if (result.shard) {
        core/* info */.pq(`shard ${result.shard.index}/${result.shard.count}: annotations and the PR comment come from the merge job`);
        if (failure)
            core/* error */.z3(failure);
    }
    // The summary annotation comes first (GitHub shows ten per step) and is the step's failure message.
    else
        annotate(resultAnnotations(result, workspace, process.cwd(), failure ? { summary: failure } : {}));
    if (inputs.summary) {
        try {
            await writeSummary(summaryMarkdown);
        }
        catch (err) {
            core/* warning */.$e(`summary: could not write the job summary: ${(0,src_secrets/* redact */.E$)(err.message)}`);
        }
    }
    if (!result.shard && shouldComment(inputs.comment, eventName, dryRun, pr !== undefined) && pr) {
        if (!inputs.githubToken) {
            core/* warning */.$e('comment: no github-token; the plan is in the job summary');
        }
        else {
            try {
                const outcome = await upsertComment({
                    token: inputs.githubToken,
                    pr,
                    marker: commentMarker(shownConfig),
                    body: planMarkdown || renderComment(result, view),
                });
                if (outcome.action === 'skipped')
                    core/* warning */.$e(outcome.reason);
                else
                    core/* info */.pq(`comment: ${outcome.action} the plan comment on pull request #${pr.number}`);
            }
            catch (err) {
                core/* warning */.$e((0,src_secrets/* redact */.E$)(err.message));
            }
        }
    }
    if (stateCache && backend)
        await saveStateCache(stateCache, result, backend);
    if (failure) {
        // Already said by the first annotation; fail the step without a second error annotation.
        process.exitCode = core/* ExitCode */.yU.Failure;
    }
    else if (s.drifted > 0 && failDrift) {
        core/* setFailed */.C1(`${s.drifted} drifted: a destination differs from its source and was left alone (set overwrite: true to replace it, or fail-on-drift: false to accept drift)`);
    }
    else if (s.drifted > 0) {
        core/* info */.pq(`${s.drifted} drifted${dryRun ? ' (existing drift)' : ''}; not failing the step (fail-on-drift: ${inputs.failOnDrift})`);
    }
}
run().catch((err) => {
    core/* setFailed */.C1((0,src_secrets/* redact */.E$)(err instanceof Error ? err.message : String(err)));
    try {
        core/* setOutput */.uH('exit-code', err instanceof InputError ? '3' : '1');
    }
    catch {
        // The output file itself may be what failed; the step is failed either way.
    }
});


/***/ }),

/***/ 93999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lE: () => (/* binding */ usesIdToken),
/* harmony export */   o5: () => (/* binding */ noIdToken)
/* harmony export */ });
/* unused harmony export isForkPullRequest */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Whether this job can have the CI's OIDC ID token (GitHub/Forgejo Actions: the runner sets
 * ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN), why not when it cannot, and which hosts need it. Kept
 * free of the transport so the action can decide before the engine loads.
 */

/** Events whose workflow runs with the fork's (untrusted) context on a fork pull request. */
const PR_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
/** True for a pull request event (not `pull_request_target`) whose head lives in another repository. */
function isForkPullRequest(env) {
    if (!PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH)
        return false;
    try {
        const event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const head = event.pull_request?.head?.repo;
        // A deleted fork has `head.repo: null`; GitHub treats it as a fork too.
        if (head === null)
            return true;
        const base = event.pull_request?.base?.repo?.full_name ?? event.repository?.full_name ?? env.GITHUB_REPOSITORY;
        return head?.fork === true || (head?.full_name !== undefined && head.full_name !== base);
    }
    catch {
        return false;
    }
}
/** A run GitHub started for Dependabot (its pull requests and pushes get Dependabot's restrictions). */
function isDependabot(env) {
    return env.GITHUB_ACTOR === 'dependabot[bot]' || env.GITHUB_TRIGGERING_ACTOR === 'dependabot[bot]';
}
/** Undefined when the runner offers an ID token; otherwise why not and what to do. */
function noIdToken(env) {
    if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        return undefined;
    if (env.GITHUB_ACTIONS !== 'true')
        return {
            cause: 'outside-actions',
            message: 'the GitHub Actions OIDC token is only available inside a GitHub Actions job (ACTIONS_ID_TOKEN_REQUEST_URL is not set); outside Actions give the host a `credential.value`/`fromPath`, or use Docker config or cloud credentials from the environment',
        };
    if (isForkPullRequest(env))
        return {
            cause: 'fork',
            message: 'this is a pull request from a fork: GitHub does not issue OIDC tokens to workflows of pull requests from forks; the nightly/push run checks this host, or skip the step for forks with `if: github.event.pull_request.head.repo.fork == false`',
        };
    if (isDependabot(env))
        return {
            cause: 'dependabot',
            message: "this run was triggered by Dependabot, which gets a read-only token and no OIDC token unless the workflow grants `permissions: id-token: write`; grant it in the workflow, or skip the step for Dependabot with `if: github.actor != 'dependabot[bot]'`",
        };
    return {
        cause: 'permission',
        message: `ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: grant the job \`permissions: id-token: write\`${env.GITHUB_EVENT_NAME === 'pull_request_target' ? ' (pull_request_target runs in the base repository, so GitHub issues the token there once it is granted)' : ''}; a reusable workflow needs it granted by the caller too`,
    };
}
/**
 * True when the host's credential comes from the CI's OIDC ID token: `credential.provider:
 * github|forgejo`, or a cloud provider exchanging it (`ecr` with `roleArn`, `gar` with
 * `workloadIdentityProvider`, `acr` with `tenantId`/`clientId`, `jfrog`, `quay`, `dockerhub`).
 * Ambient cloud identities (gcp, azure, aws, ecr/gar/acr without those settings) do not.
 */
function usesIdToken(h) {
    const cp = h.credential?.provider;
    if (cp === 'github' || cp === 'forgejo')
        return true;
    switch (h.provider) {
        case 'ecr':
            return h.roleArn !== undefined;
        case 'gar':
            return h.workloadIdentityProvider !== undefined;
        case 'acr':
            return h.tenantId !== undefined || h.clientId !== undefined;
        case 'jfrog':
        case 'quay':
        case 'dockerhub':
            return true;
        default:
            return false;
    }
}


/***/ }),

/***/ 61625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qu: () => (/* binding */ parseGoDuration),
/* harmony export */   RC: () => (/* binding */ checkHost),
/* harmony export */   ey: () => (/* binding */ confinePath),
/* harmony export */   oZ: () => (/* binding */ checkSemverRange)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _select_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56312);
/**
 * Value checks used by the semantic pass: references, regexes, semver ranges, Go durations and
 * file-path confinement. Each returns a problem description (or undefined) rather than throwing,
 * so the caller can attach file:line:column.
 */



const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
/** Checks a registry host (`host` or `host:port`, no scheme or path). */
function checkHost(s) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s))
        return 'must be a bare host[:port], without a scheme';
    if (s.includes('/'))
        return 'must be a bare host[:port], without a path';
    if (!new RegExp(`^${DOMAIN}$`).test(s))
        return `\`${s}\` is not a valid host[:port]`;
    return undefined;
}
/** Checks a version range with the same parser `select/` runs it with (Masterminds/flux forms). */
function checkSemverRange(range) {
    try {
        (0,_select_version_js__WEBPACK_IMPORTED_MODULE_2__/* .compileRange */ .Pu)(range);
        return undefined;
    }
    catch (err) {
        return `\`${range}\` is not a valid version range: ${err instanceof Error ? err.message : String(err)}`;
    }
}
const DURATION_UNIT = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};
/**
 * Parses a Go duration (`48h`, `1h30m`, `500ms`) into milliseconds, or returns a problem. With
 * `days`, `d` (24h) is accepted too — for inputs like a cache TTL, not for flux-compatible fields.
 */
function parseGoDuration(s, options = {}) {
    if (s === '0')
        return 0;
    const units = options.days ? 'ns|us|µs|μs|ms|s|m|h|d' : 'ns|us|µs|μs|ms|s|m|h';
    const m = new RegExp(`^([-+]?)((?:[0-9]*\\.?[0-9]+(?:${units}))+)$`).exec(s);
    const examples = options.days ? '90s, 30m, 1h30m, 7d' : '90s, 30m, 48h, 1h30m';
    if (!m)
        return `\`${s}\` is not a duration (use e.g. ${examples})`;
    let total = 0;
    for (const part of (m[2] ?? '').matchAll(new RegExp(`([0-9]*\\.?[0-9]+)(${units})`, 'g'))) {
        total += Number(part[1]) * (part[2] === 'd' ? 86_400_000 : (DURATION_UNIT[part[2] ?? 's'] ?? 0));
    }
    if (m[1] === '-')
        return 'must not be negative';
    return total;
}
/**
 * Resolves `p` against `root` and checks it stays inside `root`'s tree, following symlinks of
 * whatever part of the path exists. Returns the absolute path or a problem.
 */
function confinePath(p, root) {
    if (p === '')
        return 'must not be empty';
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, p);
    const realRoot = realOrSelf(root);
    const lexical = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root), abs);
    if (escapes(lexical)) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p)
            ? `\`${p}\` is outside the config directory`
            : `\`${p}\` leaves the config directory`;
    }
    const real = realOfExistingPrefix(abs);
    if (escapes((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(realRoot, real)))
        return `\`${p}\` resolves (through a symbolic link) outside the config directory`;
    return { path: abs };
}
function escapes(rel) {
    return rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel);
}
function realOrSelf(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(p);
    }
}
/** realpath of the longest existing prefix, with the missing tail appended. */
function realOfExistingPrefix(abs) {
    let cur = abs;
    const tail = [];
    for (;;) {
        try {
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(cur), ...tail.reverse());
        }
        catch {
            const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(cur);
            if (parent === cur)
                return abs;
            tail.push(cur.slice(parent.length + (parent.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? 0 : 1)));
            cur = parent;
        }
    }
}


/***/ }),

/***/ 37827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aw: () => (/* binding */ ConfigNotFound),
/* harmony export */   mS: () => (/* binding */ ConfigErrors),
/* harmony export */   mv: () => (/* binding */ EMPTY_SECRET_WHY),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export formatProblem */
/**
 * Config errors. Every problem names the file, the 1-based line and column of the offending YAML
 * node, the field path (`artifacts[2].selector.limit`) and a plain-words message.
 */
/** One problem found in a config file. */
class ConfigError extends Error {
    name = 'ConfigError';
    /** Display path of the config ('<stdin>', '$OCI_MIRROR_CONFIG' or the path as given). */
    file;
    /** 1-based line of the offending node. */
    line;
    /** 1-based column of the offending node. */
    column;
    /** Field path such as `artifacts[2].selector.limit`; empty for the document itself. */
    path;
    /** What is wrong, in plain words (never contains a secret value). */
    problem;
    /** Optional suggestion, e.g. "did you mean `destination`?". */
    hint;
    /** Creates a problem at `file:line:column` for the field `path`. */
    constructor(init, options) {
        super(formatProblem(init), options);
        this.file = init.file;
        this.line = init.line;
        this.column = init.column;
        this.path = init.path;
        this.problem = init.message;
        this.hint = init.hint;
    }
}
/** Why a secret variable is empty on GitHub, said with every empty-credential message. */
const EMPTY_SECRET_WHY = 'GitHub passes no secrets to workflows of pull requests from forks, Dependabot runs only get Dependabot secrets, or the secret is not defined for this repository or environment';
/** Every problem found while loading one config; thrown by `loadConfig`. */
class ConfigErrors extends Error {
    name = 'ConfigErrors';
    /** The problems, sorted by position. */
    errors;
    /** Aggregates `errors` (sorted by line, then column); the message lists each on its own line. */
    constructor(errors, options) {
        const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
        const head = sorted.length === 1 ? 'invalid config' : `invalid config (${sorted.length} problems)`;
        super(`${head}:\n${sorted.map((e) => `  ${e.message}`).join('\n')}`, options);
        this.errors = sorted;
    }
}
/** Formats `file:line:column: path: message (hint)`. */
function formatProblem(p) {
    const where = `${p.file}:${p.line}:${p.column}`;
    const path = p.path ? ` ${p.path}:` : '';
    const hint = p.hint ? ` (${p.hint})` : '';
    return `${where}:${path} ${p.message}${hint}`;
}
/**
 * The config file does not exist: said as such, with where it was looked for and what to do,
 * rather than as a problem at line 1:1 of an invalid config. Still a `ConfigErrors` (exit code 3).
 */
class ConfigNotFound extends ConfigErrors {
    /** Absolute path that was looked for. */
    path;
    constructor(file, path, options) {
        const hint = 'pass the path of your mirror config (relative to the working directory; in GitHub Actions to the workspace, after actions/checkout), `-` for standard input, or set OCI_MIRROR_CONFIG';
        super([
            new ConfigError({ file, line: 1, column: 1, path: '', message: 'config file not found', hint }, options),
        ], options);
        this.path = path;
        this.message = `config file not found: ${file} (looked for ${path})\nhint: ${hint}`;
    }
}


/***/ }),

/***/ 28630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   KF: () => (/* binding */ SizeError),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   Lj: () => (/* binding */ PullLimitError),
/* harmony export */   Mf: () => (/* binding */ OciError),
/* harmony export */   Un: () => (/* binding */ StoredDigestMismatchError),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   h: () => (/* binding */ DigestMismatchError),
/* harmony export */   kW: () => (/* binding */ parseErrorBody),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   oi: () => (/* binding */ withOperation),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/**
 * Error classes of the registry client. Every message says what failed and for which reference;
 * every class keeps the underlying error as `cause`.
 */
/** Base class of everything the client throws on purpose. */
class OciError extends Error {
    /** Which side of a copy this concerns, when the caller knows it. */
    side;
    /** What the client was doing, e.g. `get manifest registry.example.com/app:1.0`, when known. */
    operation;
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A reference string that cannot be parsed. */
class InvalidReferenceError extends OciError {
    input;
    constructor(input, reason) {
        super(`invalid reference "${input}": ${reason}`);
        this.input = input;
    }
}
/** The registry answered with an unexpected HTTP status. */
class RegistryError extends OciError {
    method;
    /** URL without credentials or query secrets. */
    url;
    status;
    errors;
    constructor(init) {
        const errors = init.errors ?? [];
        const codes = errors.map((e) => (e.message ? `${e.code}: ${e.message}` : e.code)).join('; ');
        super(`${init.operation}: ${init.method} ${init.url} returned HTTP ${init.status}${codes ? ` (${codes})` : ''}`, {
            cause: init.cause,
        });
        this.method = init.method;
        this.url = init.url;
        this.status = init.status;
        this.errors = errors;
        this.operation = init.operation;
    }
    /** The first registry error code, e.g. `MANIFEST_UNKNOWN`, if the body had one. */
    get code() {
        return this.errors[0]?.code;
    }
}
/** The thing asked for does not exist (404, or a 401/403 from a registry that hides existence). */
class NotFoundError extends RegistryError {
}
/** Authentication or authorisation failed: bad credentials, token endpoint failure, insufficient scope. */
class AuthError extends OciError {
    status;
    host;
    constructor(host, message, options) {
        super(`authentication to ${host} failed: ${message}`, options);
        this.host = host;
        this.status = options?.status;
    }
}
/** Content did not hash to the digest it was fetched by. The matching upload is never committed. */
class DigestMismatchError extends OciError {
    what;
    expected;
    actual;
    constructor(what, expected, actual) {
        super(`${what}: digest mismatch: expected ${expected}, got ${actual}`);
        this.what = what;
        this.expected = expected;
        this.actual = actual;
    }
}
/**
 * A manifest PUT was accepted but the registry says it stored other bytes than were sent (the
 * `Docker-Content-Digest` it returned differs): what the tag now points at is `stored`.
 */
class StoredDigestMismatchError extends DigestMismatchError {
    stored;
    constructor(what, expected, stored) {
        super(what, expected, stored);
        this.stored = stored;
    }
}
/** Content larger than the client accepts (manifest size cap) or than it announced. */
class SizeError extends OciError {
}
/**
 * A pull (a GET of a manifest, which Docker Hub counts against its pull limit) not sent because the
 * host's pull limit is all but used up: what is left is kept in reserve. `retryAt` is when the
 * registry's window (`ratelimit-limit: N;w=SECONDS`) will have passed, when it said.
 */
class PullLimitError extends OciError {
    host;
    remaining;
    limit;
    retryAt;
    constructor(host, remaining, limit, retryAt) {
        super(`pull limit of ${host}: ${remaining} of ${limit} pulls left (kept in reserve); ${retryAt ? `retry after ${retryAt.toISOString()}` : 'retry when its window has passed'}`);
        this.host = host;
        this.remaining = remaining;
        this.limit = limit;
        this.retryAt = retryAt;
    }
}
/** A network failure (reset, refused, timeout) after all retries. */
class NetworkError extends OciError {
}
/**
 * Registry bytes for a message: control and non-ASCII characters escaped (JSON style), cut to
 * `max` characters, so a garbage or hostile answer can neither flood nor forge output lines.
 */
function excerpt(text, max = 80) {
    const escaped = JSON.stringify(text.slice(0, max)).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return text.length > max ? `${escaped}…` : escaped;
}
/** True for the error an aborted request or a fired AbortSignal throws. */
function isAbort(err) {
    return (err instanceof Error && (err.name === 'AbortError' || err.code === 'ABORT_ERR'));
}
/**
 * Make an error name the operation it happened in: an `OciError` gets `operation` (and its message
 * the prefix, unless it already names it); anything else (undici socket errors, parse errors) is
 * wrapped — a `NetworkError` when it is a network failure. Aborts pass through unchanged.
 */
function withOperation(operation, err, network) {
    if (err instanceof OciError) {
        err.operation ??= operation;
        if (!err.message.includes(operation))
            err.message = `${operation}: ${err.message}`;
        return err;
    }
    if (isAbort(err) || !(err instanceof Error))
        return err;
    const Kind = network(err) ? NetworkError : OciError;
    const wrapped = new Kind(`${operation}: ${err.message || err.name}`, { cause: err });
    wrapped.operation = operation;
    return wrapped;
}
/** Parse a distribution error body; tolerant of non-JSON bodies. */
function parseErrorBody(body) {
    if (!body)
        return [];
    try {
        const parsed = JSON.parse(body);
        if (Array.isArray(parsed.errors)) {
            return parsed.errors
                .filter((e) => typeof e === 'object' && e !== null)
                .map((e) => {
                const out = { code: typeof e.code === 'string' ? e.code : 'UNKNOWN' };
                if (typeof e.message === 'string')
                    out.message = e.message;
                if (e.detail !== undefined)
                    out.detail = e.detail;
                return out;
            });
        }
    }
    catch {
        // not JSON: fall through
    }
    return [];
}


/***/ }),

/***/ 62148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Mj: () => (/* binding */ DOCKER_HUB_CONFIG_KEY),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   Sh: () => (/* binding */ formatRepository),
/* harmony export */   Tz: () => (/* binding */ DOCKER_HUB_API_HOST),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   nz: () => (/* binding */ apiHost)
/* harmony export */ });
/* unused harmony export withReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28630);
/**
 * Image references: `[registry/]repository[:tag][@digest]`, following the grammar of
 * distribution/reference, with Docker Hub normalisation (`nginx` → `docker.io/library/nginx`).
 */

const DOCKER_HUB = 'docker.io';
/** The host that actually serves Docker Hub's registry API. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key Docker's config.json and credential helpers use for Docker Hub. */
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const ENCODED_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;
/** True when the first path element names a registry host rather than a namespace. */
function looksLikeDomain(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}
function validateDomain(input, domain) {
    let host = domain;
    let port;
    if (host.startsWith('[')) {
        const end = host.indexOf(']');
        if (end < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `bad IPv6 registry host "${domain}"`);
        port = host.slice(end + 1).replace(/^:/, '') || undefined;
        host = host.slice(1, end);
        if (!/^[0-9a-fA-F:.]+$/.test(host))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `bad IPv6 registry host "${domain}"`);
    }
    else {
        const colon = host.lastIndexOf(':');
        if (colon >= 0) {
            port = host.slice(colon + 1);
            host = host.slice(0, colon);
        }
        if (!host.split('.').every((c) => DOMAIN_COMPONENT.test(c))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `bad registry host "${domain}"`);
        }
    }
    if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `bad port in registry host "${domain}"`);
    }
}
/** Validate a digest string (`sha256:<64 hex>` and the other registered algorithms). */
function isValidDigest(digest) {
    if (!DIGEST.test(digest))
        return false;
    const [alg, enc] = digest.split(':');
    const len = ENCODED_LENGTH[alg];
    if (len === undefined)
        return false;
    return enc.length === len && /^[a-f0-9]+$/.test(enc);
}
/**
 * Parse and normalise a reference. Docker Hub names gain `docker.io` and `library/`;
 * `index.docker.io` becomes `docker.io`. Throws `InvalidReferenceError` with the reason.
 */
function parseReference(input) {
    const s = input.trim();
    if (s === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, 'empty reference');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, 'a reference has no URL scheme (remove "https://" or "oci://")');
    }
    let rest = s;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isValidDigest(digest)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `bad digest "${digest}" (expected sha256:<64 lowercase hex>)`);
        }
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `bad tag "${tag}" (up to 128 characters: letters, digits, "_", "." and "-", not starting with "." or "-")`);
        }
    }
    if (rest === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, 'missing repository name');
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    if (parts.length > 1 && looksLikeDomain(parts[0])) {
        registry = parts.shift();
        validateDomain(input, registry);
        if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST)
            registry = DOCKER_HUB;
    }
    for (const part of parts) {
        if (part === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, 'empty path component (double or trailing "/")');
        if (!PATH_COMPONENT.test(part)) {
            const hint = part !== part.toLowerCase() ? ' (repository names must be lowercase)' : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `bad repository path component "${part}"${hint}`);
        }
    }
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    const repository = parts.join('/');
    if (repository.length > MAX_NAME_LENGTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, `repository name longer than ${MAX_NAME_LENGTH} characters`);
    }
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** Parse a repository (no tag or digest allowed). */
function parseRepository(input) {
    const ref = parseReference(input);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(input, 'expected a repository without tag or digest');
    }
    return { registry: ref.registry, repository: ref.repository };
}
/** The host serving the registry API for a registry name. */
function apiHost(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}
/** `registry/repository`. */
function formatRepository(repo) {
    return `${repo.registry}/${repo.repository}`;
}
/** `registry/repository[:tag][@digest]`. */
function formatReference(ref) {
    return `${formatRepository(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** The same repository with a tag or digest. */
function withReference(repo, tagOrDigest) {
    return tagOrDigest.includes(':')
        ? { registry: repo.registry, repository: repo.repository, digest: tagOrDigest }
        : { registry: repo.registry, repository: repo.repository, tag: tagOrDigest };
}


/***/ }),

/***/ 27194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   IJ: () => (/* binding */ onSecret),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   se: () => (/* binding */ redactValues)
/* harmony export */ });
/* unused harmony export clearSecretsForTesting */
/**
 * Process-wide registry of secret values (tokens, passwords, substituted secrets) so that every
 * printer can redact them. Modules that learn a secret call `registerSecret` the moment it exists;
 * the GitHub front door additionally forwards each one to `core.setSecret` through `onSecret`.
 *
 * This module imports nothing so every layer may use it without creating a cycle.
 */
const secrets = new Set();
const listeners = new Set();
/** Minimum length for a value to be treated as a secret; shorter values would redact common words. */
const MIN_SECRET_LENGTH = 4;
/** Remember a secret value; it will be replaced by `***` in everything passed through `redact`. */
function registerSecret(value) {
    if (value === undefined || value.length < MIN_SECRET_LENGTH || secrets.has(value))
        return;
    secrets.add(value);
    // A Basic header carries base64(user:pass); the password alone is registered by the caller, the
    // encoded form is registered here so a leaked header is still redacted.
    for (const listener of listeners)
        listener(value);
}
/** Subscribe to every secret registered from now on (and all registered so far). */
function onSecret(listener) {
    listeners.add(listener);
    for (const value of secrets)
        listener(value);
    return () => listeners.delete(listener);
}
/**
 * Replace each of `values` in `text` by `***`, longest first so overlapping secrets mask fully.
 * Values shorter than the minimum secret length are left alone (they would garble messages).
 */
function redactValues(text, values) {
    let out = text;
    for (const value of [...values]
        .filter((v) => v.length >= MIN_SECRET_LENGTH)
        .sort((a, b) => b.length - a.length)) {
        if (out.includes(value))
            out = out.split(value).join('***');
    }
    return out;
}
/** Replace every registered secret in `text` by `***`. */
function redact(text) {
    return secrets.size === 0 ? text : redactValues(text, secrets);
}
/** Forget every registered secret (tests only). */
function clearSecretsForTesting() {
    secrets.clear();
}


/***/ }),

/***/ 95193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ly: () => (/* binding */ expandTemplate),
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   bi: () => (/* binding */ templateProblems),
/* harmony export */   lX: () => (/* binding */ compileGoRegex)
/* harmony export */ });
/* unused harmony export GoRegexError */
/**
 * Go (RE2) regular expressions as written in configs, run on JavaScript's engine.
 *
 * Only the syntax differences that show up in tag filters are translated: `(?P<name>…)` groups,
 * a leading flag group `(?i)`, `(?s)`, `(?m)` (combinations too), `\A` / `\z`, POSIX classes such
 * as `[[:digit:]]`, and a `]` placed first in a bracket expression. Anything JavaScript still
 * rejects is reported as an invalid pattern.
 */
/** A pattern or template that cannot be used. */
class GoRegexError extends Error {
    name = 'GoRegexError';
}
const POSIX_CLASSES = {
    alnum: '0-9A-Za-z',
    alpha: 'A-Za-z',
    ascii: '\\x00-\\x7F',
    blank: '\\t ',
    cntrl: '\\x00-\\x1F\\x7F',
    digit: '0-9',
    graph: '!-~',
    lower: 'a-z',
    print: ' -~',
    punct: '!-\\/:-@\\[-`{-~',
    space: '\\t\\n\\v\\f\\r ',
    upper: 'A-Z',
    word: '0-9A-Za-z_',
    xdigit: '0-9A-Fa-f',
};
/** Translates Go syntax to JavaScript syntax; returns the JS source and flags. */
function translate(pattern) {
    let src = pattern;
    let flags = '';
    const lead = /^\(\?([imsU]+)\)/.exec(src);
    if (lead) {
        const f = lead[1] ?? '';
        if (f.includes('U'))
            throw new GoRegexError('the ungreedy flag (?U) is not supported');
        flags = [...new Set(f)].join('');
        src = src.slice(lead[0].length);
    }
    let out = '';
    let inClass = false;
    let i = 0;
    while (i < src.length) {
        const c = src[i];
        if (c === '\\') {
            const next = src[i + 1];
            if (next === undefined)
                throw new GoRegexError('trailing backslash');
            if (!inClass && next === 'A')
                out += '(?<![\\s\\S])';
            else if (!inClass && next === 'z')
                out += '$(?![\\s\\S])';
            else
                out += c + next;
            i += 2;
            continue;
        }
        if (inClass) {
            if (c === '[' && src[i + 1] === ':') {
                const end = src.indexOf(':]', i + 2);
                const name = end > 0 ? src.slice(i + 2, end) : '';
                const negated = name.startsWith('^');
                const cls = POSIX_CLASSES[negated ? name.slice(1) : name];
                if (cls !== undefined && !negated) {
                    out += cls;
                    i = end + 2;
                    continue;
                }
                if (cls !== undefined)
                    throw new GoRegexError(`negated POSIX class [:${name}:] is not supported`);
            }
            if (c === ']')
                inClass = false;
            out += c;
            i += 1;
            continue;
        }
        if (c === '[') {
            inClass = true;
            out += c;
            i += 1;
            if (src[i] === '^') {
                out += '^';
                i += 1;
            }
            // In Go a leading ']' is a literal; in JavaScript '[]' is the empty class.
            if (src[i] === ']') {
                out += '\\]';
                i += 1;
            }
            continue;
        }
        if (src.startsWith('(?P<', i)) {
            out += '(?<';
            i += 4;
            continue;
        }
        out += c;
        i += 1;
    }
    return { source: out, flags };
}
/** Compiles a Go-style pattern; throws {@link GoRegexError} (with the engine's error as cause) when invalid. */
function compileGoRegex(pattern) {
    const { source, flags } = translate(pattern);
    let re;
    let probe;
    try {
        re = new RegExp(source, flags);
        // An empty alternative always matches '', which exposes the group layout without a real match.
        probe = new RegExp(`(?:${source})|`, flags).exec('');
    }
    catch (err) {
        throw new GoRegexError(err instanceof Error ? err.message : String(err), { cause: err });
    }
    return {
        source: pattern,
        re,
        groupCount: probe ? probe.length - 1 : 0,
        groupNames: new Set(Object.keys(probe?.groups ?? {})),
    };
}
const NAME_CHAR = /[A-Za-z0-9_]/;
/**
 * Parses a Go `Regexp.Expand` template: `$name` / `${name}` (name = longest run of letters, digits,
 * `_`; all digits means a group number), `$$` for `$`; a malformed `$` is kept as text, as Go does.
 */
function parseTemplate(template) {
    const parts = [];
    let text = '';
    let i = 0;
    while (i < template.length) {
        const c = template[i];
        if (c !== '$') {
            text += c;
            i += 1;
            continue;
        }
        if (template[i + 1] === '$') {
            text += '$';
            i += 2;
            continue;
        }
        let name = '';
        let next = i + 1;
        if (template[next] === '{') {
            const close = template.indexOf('}', next + 1);
            const inner = close > 0 ? template.slice(next + 1, close) : '';
            if (close > 0 && /^[A-Za-z0-9_]+$/.test(inner)) {
                name = inner;
                next = close + 1;
            }
        }
        else {
            while (next < template.length && NAME_CHAR.test(template[next]))
                next += 1;
            name = template.slice(i + 1, next);
        }
        if (name === '') {
            text += '$';
            i += 1;
            continue;
        }
        if (text)
            parts.push({ text });
        text = '';
        parts.push(/^\d+$/.test(name) ? { group: Number(name) } : { name });
        i = next;
    }
    if (text)
        parts.push({ text });
    return parts;
}
/** Problems with a template against a regex: references to groups the regex does not have. */
function templateProblems(parts, rx) {
    const problems = [];
    for (const p of parts) {
        if ('group' in p && p.group > rx.groupCount) {
            problems.push(`refers to group $${p.group} but the pattern has ${rx.groupCount} group(s)`);
        }
        else if ('name' in p && !rx.groupNames.has(p.name)) {
            const known = [...rx.groupNames].join(', ') || 'none';
            problems.push(`refers to unknown group "${p.name}" (named groups: ${known})`);
        }
    }
    return problems;
}
/** Expands a parsed template against a match; unmatched groups expand to '' (Go semantics). */
function expandTemplate(parts, match) {
    let out = '';
    for (const p of parts) {
        if ('text' in p)
            out += p.text;
        else if ('group' in p)
            out += match[p.group] ?? '';
        else
            out += match.groups?.[p.name] ?? '';
    }
    return out;
}


/***/ }),

/***/ 32975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ox: () => (/* reexport */ TooFewTagsError),
  Im: () => (/* binding */ needsTagList),
  O: () => (/* binding */ selectTags),
  Ag: () => (/* binding */ validateSelector)
});

// UNUSED EXPORTS: SORT_BY, SelectorError, compareVersions, parseVersion, pointerTagsDroppedBySort

;// CONCATENATED MODULE: ./src/select/errors.ts
/**
 * Errors of the tag-selection module.
 */
/** A selector that cannot be evaluated; `problems` lists every issue found, human-readable. */
class SelectorError extends Error {
    name = 'SelectorError';
    /** Each problem, prefixed with the selector field it concerns (e.g. `semver: …`). */
    problems;
    constructor(problems, options) {
        super(problems.length === 1
            ? `invalid selector: ${problems[0]}`
            : `invalid selector:\n  ${problems.join('\n  ')}`, options);
        this.problems = [...problems];
    }
}
/** Fewer tags survived selection than the entry requires (ocync's `min_tags`). */
class TooFewTagsError extends Error {
    name = 'TooFewTagsError';
    selected;
    required;
    constructor(selected, required, options) {
        super(`${selected} tag${selected === 1 ? '' : 's'} selected, fewer than min_tags ${required}`, options);
        this.selected = selected;
        this.required = required;
    }
}

// EXTERNAL MODULE: ./src/select/goregex.ts
var goregex = __webpack_require__(95193);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/select/patterns.ts
/**
 * Tag patterns: globs (picomatch) and `/regex/` exclusions.
 */


/** A pattern that cannot be compiled. */
class TagPatternError extends Error {
    name = 'TagPatternError';
}
// Tags never contain '/', so globstar and dot-file rules have nothing to do; braces, extglobs,
// character classes and `?`/`*` keep their usual meaning.
const GLOB_OPTIONS = { dot: true, strictSlashes: true };
/** Compiles a picomatch glob matched against the whole tag. */
function compileGlob(glob) {
    if (typeof glob !== 'string' || glob === '')
        throw new TagPatternError('empty glob');
    let matcher;
    try {
        matcher = picomatch_default()(glob, GLOB_OPTIONS);
    }
    catch (err) {
        throw new TagPatternError(err instanceof Error ? err.message : String(err), { cause: err });
    }
    return { source: glob, test: (tag) => matcher(tag) };
}
/** True when an exclude entry is written as `/regex/`. */
function isRegexPattern(pattern) {
    return pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/');
}
/**
 * Compiles an exclude entry: `/regex/` is a Go-style regex searched in the tag (unanchored, like
 * every regex here — add `^…$` to match the whole tag), anything else is a glob.
 */
function compileExclude(pattern) {
    if (typeof pattern !== 'string' || pattern === '')
        throw new TagPatternError('empty pattern');
    if (!isRegexPattern(pattern))
        return compileGlob(pattern);
    const body = pattern.slice(1, -1);
    if (body === '')
        throw new TagPatternError('empty regex');
    let re;
    try {
        re = (0,goregex/* compileGoRegex */.lX)(body).re;
    }
    catch (err) {
        throw new TagPatternError(err instanceof Error ? err.message : String(err), { cause: err });
    }
    return { source: pattern, test: (tag) => re.test(tag) };
}

// EXTERNAL MODULE: ./src/select/version.ts
var version = __webpack_require__(56312);
;// CONCATENATED MODULE: ./src/select/index.ts
/**
 * Tag selection: which tags (and digests) of a source repository to mirror.
 *
 * Pipeline over the listed tags (flux mirror's, extended with globs, explicit tags and excludes):
 *
 * 1. `regex` — tags the (unanchored, Go-style) pattern does not match are dropped. With `extract`,
 *    the expanded template becomes the tag's comparison *key* for the next steps; otherwise the
 *    key is the tag itself.
 * 2. `semver` — the key must parse as a version (`v` prefix, `1`/`1.2` shorthands and `_` for `+`
 *    accepted, see `version.ts`) and lie inside the range. Prerelease versions pass only when
 *    `prerelease: true`, or when `prerelease` is unset and the range itself names a prerelease
 *    (`>=1.0.0-rc.1`, `>=1.0.0-0`); `prerelease: false` always drops them.
 * 3. `glob` (any must match the raw tag), then `exclude` (globs or `/regex/` against the raw tag;
 *    any match drops it).
 * 4. Sort, always "newest-looking first" like flux mirror: `semver` highest precedence first (keys
 *    that are not versions are dropped with a reason; with no range, prereleases are kept unless
 *    `prerelease: false`), `numerical` highest number first (non-numbers dropped), `alphabetical`
 *    descending code-unit order (`RELEASE.2024-12-…` before `RELEASE.2024-11-…`). Ties (equal
 *    versions such as `1.2.3` / `v1.2.3` / `1.2.3_b1`, equal numbers, equal extracted keys) are
 *    broken by the raw tag in ascending code-unit order, so the result never depends on the
 *    order the registry listed tags in (and equals flux's stable sort for lexically listed tags).
 * 5. `limit` keeps the first N (default 1, `0` = all).
 *
 * Explicit `tags` are pinned: they skip every filter (including `exclude`) and are never capped by
 * `limit`; they follow the pattern-selected tags, in the order given, without duplicates. They are
 * selected even when absent from the listing (the copy reports them as missing). A selector with
 * only `tags`/`digests` has no pattern part and needs no tag listing; `sortBy`/`limit` then have
 * no effect. A selector with nothing at all keeps flux mirror's default: the highest semver tag.
 */






/** The sort strategies, in documentation order. */
const SORT_BY = ['semver', 'alphabetical', 'numerical'];
const DEFAULT_MAX_REJECTED = 1000;
/** How many unparseable tags a selection names (the report and the text line show these). */
const UNPARSEABLE_EXAMPLES = 5;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Za-z0-9=_-]+$/;
const DIGEST_HEX = {
    sha256: /^[a-f0-9]{64}$/,
    sha512: /^[a-f0-9]{128}$/,
};
const isSet = (v) => v !== undefined && v !== null;
const nonEmptyList = (v) => Array.isArray(v) && v.length > 0;
const nonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';
const errMessage = (err) => (err instanceof Error ? err.message : String(err));
function hasPatternPart(s) {
    if (isSet(s.regex) || nonEmptyString(s.semver) || nonEmptyList(s.glob))
        return true;
    return !nonEmptyList(s.tags) && !nonEmptyList(s.digests);
}
function stringList(value, field, problems) {
    if (!isSet(value))
        return [];
    if (!Array.isArray(value)) {
        problems.push(`${field}: must be a list of strings`);
        return [];
    }
    const out = [];
    value.forEach((item, i) => {
        if (typeof item !== 'string' || item === '')
            problems.push(`${field}[${i}]: must be a non-empty string`);
        else
            out.push(item);
    });
    return out;
}
function analyse(selector) {
    const problems = [];
    const plan = {
        prerelease: undefined,
        globs: [],
        excludes: [],
        defaultExcludes: [],
        includes: [],
        tags: [],
        digests: [],
        sortBy: undefined,
        limit: undefined,
        hasPattern: false,
    };
    if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) {
        return { problems: ['selector: must be a mapping'], plan };
    }
    const s = selector;
    plan.hasPattern = hasPatternPart(selector);
    if (isSet(s.regex)) {
        const r = s.regex;
        if (typeof r !== 'object' || typeof r.pattern !== 'string') {
            problems.push('regex.pattern: required, must be a string');
        }
        else {
            try {
                const rx = (0,goregex/* compileGoRegex */.lX)(r.pattern);
                plan.regex = { rx };
                if (isSet(r.extract)) {
                    if (typeof r.extract !== 'string')
                        problems.push('regex.extract: must be a string');
                    else if (r.extract !== '') {
                        const extract = (0,goregex/* parseTemplate */.QC)(r.extract);
                        for (const p of (0,goregex/* templateProblems */.bi)(extract, rx))
                            problems.push(`regex.extract: ${p}`);
                        plan.regex.extract = extract;
                    }
                }
            }
            catch (err) {
                problems.push(`regex.pattern: invalid regular expression ${JSON.stringify(r.pattern)}: ${errMessage(err)}`);
            }
        }
    }
    if (isSet(s.semver)) {
        if (typeof s.semver !== 'string')
            problems.push('semver: must be a string');
        else if (s.semver.trim() !== '') {
            try {
                plan.range = (0,version/* compileRange */.Pu)(s.semver);
            }
            catch (err) {
                problems.push(`semver: invalid range ${JSON.stringify(s.semver)}: ${errMessage(err)}`);
            }
        }
    }
    if (isSet(s.prerelease) && typeof s.prerelease !== 'boolean')
        problems.push('prerelease: must be true or false');
    const pre = typeof s.prerelease === 'boolean' ? s.prerelease : undefined;
    plan.prerelease = pre ?? (plan.range ? plan.range.namesPrerelease : undefined);
    const patterns = (value, field, kind) => stringList(value, field, problems).flatMap((x, i) => {
        try {
            return [kind === 'glob' ? compileGlob(x) : compileExclude(x)];
        }
        catch (err) {
            problems.push(`${field}[${i}]: invalid ${kind} ${JSON.stringify(x)}: ${errMessage(err)}`);
            return [];
        }
    });
    plan.globs = patterns(s.glob, 'glob', 'glob');
    plan.excludes = patterns(s.exclude, 'exclude', 'pattern');
    plan.defaultExcludes = patterns(s.defaultExclude, 'defaultExclude', 'pattern');
    plan.includes = patterns(s.include, 'include', 'glob');
    const tags = stringList(s.tags, 'tags', problems);
    tags.forEach((t, i) => {
        if (!TAG_RE.test(t))
            problems.push(`tags[${i}]: ${JSON.stringify(t)} is not a valid tag`);
    });
    plan.tags = [...new Set(tags)];
    const digests = stringList(s.digests, 'digests', problems);
    digests.forEach((d, i) => {
        const algo = d.slice(0, d.indexOf(':'));
        const hex = DIGEST_HEX[algo];
        if (!DIGEST_RE.test(d) || (hex && !hex.test(d.slice(algo.length + 1)))) {
            problems.push(`digests[${i}]: ${JSON.stringify(d)} is not a valid digest (want e.g. sha256:<64 hex>)`);
        }
    });
    plan.digests = [...new Set(digests)];
    if (isSet(s.sortBy)) {
        if (!SORT_BY.includes(s.sortBy)) {
            problems.push(`sortBy: ${JSON.stringify(s.sortBy)} is not one of ${SORT_BY.join(', ')}`);
        }
        else
            plan.sortBy = s.sortBy;
    }
    if (isSet(s.limit)) {
        if (typeof s.limit !== 'number' || !Number.isInteger(s.limit) || s.limit < 0) {
            problems.push(`limit: must be a whole number >= 0 (0 = no limit), got ${JSON.stringify(s.limit)}`);
        }
        else
            plan.limit = s.limit;
    }
    return { problems, plan };
}
/**
 * Checks a selector without evaluating it. Returns human-readable problems, each prefixed with
 * the field it concerns (`regex.extract: refers to unknown group "ver" …`); empty when valid.
 */
function validateSelector(selector) {
    return analyse(selector).problems;
}
/**
 * Whether evaluating the selector requires the repository's tag list: false when it consists only
 * of explicit `tags` and/or `digests` (plus settings that then have no effect: `exclude`, `sortBy`,
 * `limit`, `prerelease`).
 */
function needsTagList(selector) {
    if (typeof selector !== 'object' || selector === null)
        return true;
    return hasPatternPart(selector);
}
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?\d+$/;
function parseNumber(key) {
    if (!NUMBER_RE.test(key))
        return undefined;
    const value = Number(key);
    if (!Number.isFinite(value))
        return undefined;
    if (!Number.isSafeInteger(value) && INTEGER_RE.test(key))
        return { value, big: BigInt(key) };
    return { value };
}
function compareNumbers(a, b) {
    if (a.value !== b.value)
        return a.value < b.value ? -1 : 1;
    if (a.big !== undefined && b.big !== undefined && a.big !== b.big)
        return a.big < b.big ? -1 : 1;
    return 0;
}
/**
 * Evaluates a selector over a repository's tags (see the module comment for the pipeline).
 * `available` may be empty when {@link needsTagList} is false. Throws {@link SelectorError} when
 * {@link validateSelector} reports problems, or when `opts` holds an invalid default.
 */
function selectTags(available, selector, opts = {}) {
    const { problems, plan } = analyse(selector);
    const defaultLimit = opts.defaultLimit ?? 1;
    if (!Number.isInteger(defaultLimit) || defaultLimit < 0) {
        problems.push(`defaultLimit: must be a whole number >= 0, got ${defaultLimit}`);
    }
    const defaultSortBy = opts.defaultSortBy ?? 'semver';
    if (!SORT_BY.includes(defaultSortBy))
        problems.push(`defaultSortBy: ${JSON.stringify(defaultSortBy)} is unknown`);
    if (problems.length > 0)
        throw new SelectorError(problems);
    const maxRejected = opts.maxRejected ?? DEFAULT_MAX_REJECTED;
    const rejected = [];
    let rejectedCount = 0;
    const reject = (tag, reason) => {
        rejectedCount += 1;
        if (rejected.length < maxRejected)
            rejected.push({ tag, reason });
    };
    const selected = [];
    let considered = 0;
    let unparseable;
    if (plan.hasPattern) {
        const unique = [...new Set(available)];
        considered = unique.length;
        const sortBy = plan.sortBy ?? (plan.range ? 'semver' : defaultSortBy);
        const limit = plan.limit ?? defaultLimit;
        const entries = filter(unique, plan, reject);
        const unparsed = [];
        const sorted = sortEntries(entries, sortBy, plan, reject, unparsed);
        if (unparsed.length > 0 && sortBy !== 'alphabetical') {
            unparseable = { count: unparsed.length, sortBy, examples: unparsed.slice(0, UNPARSEABLE_EXAMPLES) };
        }
        sorted.forEach((e, i) => {
            if (limit > 0 && i >= limit) {
                reject(e.tag, `beyond limit ${limit}`);
                return;
            }
            selected.push({ tag: e.tag, version: sortBy === 'semver' && e.version ? e.version.text : e.key });
        });
    }
    const seen = new Set(selected.map((s) => s.tag));
    if (plan.includes.length > 0) {
        for (const tag of [...new Set(available)]) {
            if (seen.has(tag) || typeof tag !== 'string')
                continue;
            if (!plan.includes.some((g) => g.test(tag)))
                continue;
            if (plan.excludes.some((x) => x.test(tag)))
                continue;
            selected.push({ tag });
            seen.add(tag);
        }
    }
    for (const tag of plan.tags) {
        if (!seen.has(tag))
            selected.push({ tag });
        seen.add(tag);
    }
    return {
        selected,
        digests: plan.digests,
        considered,
        rejected,
        rejectedCount,
        ...(unparseable ? { unparseable } : {}),
    };
}
/** Steps 1-3: regex (+extract), semver range, globs, excludes. Keeps input order. */
function filter(tags, plan, reject) {
    const out = [];
    const { regex, range, globs, excludes } = plan;
    for (const tag of tags) {
        if (typeof tag !== 'string')
            continue;
        const entry = { tag, key: tag };
        if (regex) {
            const m = regex.rx.re.exec(tag);
            if (!m) {
                reject(tag, `does not match regex ${JSON.stringify(regex.rx.source)}`);
                continue;
            }
            if (regex.extract)
                entry.key = (0,goregex/* expandTemplate */.Ly)(regex.extract, m);
        }
        if (range) {
            const v = (0,version/* parseVersion */.ot)(entry.key);
            if (typeof v === 'string') {
                reject(tag, v);
                continue;
            }
            if (v.semver.prerelease.length > 0 && plan.prerelease !== true) {
                reject(tag, `prerelease ${v.text} excluded (set prerelease: true to include)`);
                continue;
            }
            if (!range.test(v)) {
                reject(tag, `${v.text} is outside range ${JSON.stringify(range.source)}`);
                continue;
            }
            entry.version = v;
        }
        if (globs.length > 0 && !globs.some((g) => g.test(tag))) {
            reject(tag, `matches no glob (${globs.map((g) => g.source).join(', ')})`);
            continue;
        }
        const ex = excludes.find((x) => x.test(tag)) ?? plan.defaultExcludes.find((x) => x.test(tag));
        if (ex) {
            reject(tag, `excluded by ${JSON.stringify(ex.source)}`);
            continue;
        }
        out.push(entry);
    }
    return out;
}
/** Step 4: parse keys for the strategy, drop unparsable ones, sort descending with tag tiebreak. */
function sortEntries(entries, sortBy, plan, reject, unparsed) {
    const tie = (a, b) => byCodeUnit(a.tag, b.tag);
    switch (sortBy) {
        case 'semver': {
            const keyed = [];
            for (const e of entries) {
                const v = e.version ?? (0,version/* parseVersion */.ot)(e.key);
                if (typeof v === 'string') {
                    reject(e.tag, v);
                    unparsed.push(e.tag);
                    continue;
                }
                if (plan.prerelease === false && v.semver.prerelease.length > 0) {
                    reject(e.tag, `prerelease ${v.text} excluded (prerelease: false)`);
                    continue;
                }
                e.version = v;
                keyed.push({ e, k: v });
            }
            keyed.sort((a, b) => (0,version/* compareVersions */.Zy)(b.k, a.k) || tie(a.e, b.e));
            return keyed.map((x) => x.e);
        }
        case 'numerical': {
            const keyed = [];
            for (const e of entries) {
                const n = parseNumber(e.key);
                if (n === undefined) {
                    reject(e.tag, `not a number: ${JSON.stringify(e.key)}`);
                    unparsed.push(e.tag);
                }
                else
                    keyed.push({ e, k: n });
            }
            keyed.sort((a, b) => compareNumbers(b.k, a.k) || tie(a.e, b.e));
            return keyed.map((x) => x.e);
        }
        case 'alphabetical':
            return [...entries].sort((a, b) => byCodeUnit(b.key, a.key) || tie(a, b));
    }
}
/** Tag names that are commonly moving pointers rather than versions. */
const POINTER_TAGS = (/* unused pure expression or super */ null && (['latest', 'main', 'master', 'stable', 'edge', 'nightly', 'dev']));
/**
 * For `validate`: which common pointer tags (`latest`, `main`, `stable`, …) this selector's
 * patterns (`regex`, `glob`) let through but its sort then drops as unparseable (flux mirror's rule
 * for `sortBy: semver`/`numerical`). Empty when the selector has no such pattern or sorts
 * alphabetically.
 */
function pointerTagsDroppedBySort(selector) {
    if (selector.regex === undefined && selector.glob === undefined)
        return [];
    if (selector.semver !== undefined)
        return []; // a range asks for versions only
    if (validateSelector(selector).length > 0)
        return [];
    const r = selectTags(POINTER_TAGS, { ...selector, tags: [], digests: [], limit: 0 });
    return r.unparseable?.examples ?? [];
}


/***/ }),

/***/ 56312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pu: () => (/* binding */ compileRange),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   ot: () => (/* binding */ parseVersion)
/* harmony export */ });
/* unused harmony export VersionRangeError */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Versions in tags and Masterminds-style version ranges, evaluated with node-semver.
 *
 * Tags are parsed the way Masterminds `semver.NewVersion` (used by flux mirror) parses them:
 * an optional lowercase `v`, one to three numeric parts (`1` = `1.0.0`, `1.2` = `1.2.0`, leading
 * zeros in them ignored), an optional prerelease and optional build metadata. Because `+` cannot
 * appear in a tag, `_` stands for it: `1.2.3_build5` is the version `1.2.3+build5`.
 */

const IDENT = '[0-9A-Za-z-]+';
const TAG_VERSION = new RegExp(`^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-(${IDENT}(?:\\.${IDENT})*))?(?:[+_](${IDENT}(?:\\.${IDENT})*))?$`);
function numericPart(s) {
    if (s === undefined)
        return '0';
    const n = s.replace(/^0+(?=\d)/, '');
    return n.length > 15 && BigInt(n) > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : n;
}
/** Parses a tag or key as a version; returns a reason string when it is not one. */
function parseVersion(key) {
    const m = TAG_VERSION.exec(key);
    if (!m)
        return `not a semantic version: "${key}"`;
    const major = numericPart(m[1]);
    const minor = numericPart(m[2]);
    const patch = numericPart(m[3]);
    if (major === undefined || minor === undefined || patch === undefined) {
        return `version number too large: "${key}"`;
    }
    const pre = m[4];
    if (pre?.split('.').some((id) => /^0\d+$/.test(id))) {
        return `prerelease has a numeric identifier with a leading zero: "${key}"`;
    }
    const text = `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}${m[5] ? `+${m[5]}` : ''}`;
    try {
        return { semver: new (semver__WEBPACK_IMPORTED_MODULE_0___default().SemVer)(text), text };
    }
    catch {
        return `not a semantic version: "${key}"`;
    }
}
/**
 * Orders two versions by precedence (build metadata ignored, as semver and Masterminds do).
 * Returns a negative number when `a` sorts below `b`.
 */
function compareVersions(a, b) {
    return a.semver.compare(b.semver);
}
/** A range that cannot be parsed. */
class VersionRangeError extends Error {
    name = 'VersionRangeError';
}
const OPERATOR_SPACE = /(>=|<=|=>|=<|!=|~>|>|<|=|~|\^)\s+/g;
const PRERELEASE_IN_VERSION = /^v?(?:\d+|[xX*])(?:\.(?:\d+|[xX*])){0,2}-[0-9A-Za-z]/;
/**
 * Compiles a Masterminds-style range for node-semver: `,` is AND (like a space), `||` is OR,
 * `=>`/`=<` are `>=`/`<=`, `!=X` excludes `X` (wildcards allowed: `!=1.2.x`), and a space after
 * an operator is allowed (`>= 1.0`). Ranges are compiled with node-semver's `includePrerelease`;
 * whether prerelease versions may match at all is decided by the caller.
 */
function compileRange(source) {
    const normalised = source
        .replace(OPERATOR_SPACE, '$1')
        .replace(/=>/g, '>=')
        .replace(/=</g, '<=')
        .replace(/,/g, ' ')
        .trim();
    if (normalised === '')
        throw new VersionRangeError('empty range');
    const opts = { includePrerelease: true };
    const groups = [];
    let namesPrerelease = false;
    const translated = [];
    for (const rawGroup of normalised.split('||')) {
        const tokens = rawGroup.trim().split(/\s+/).filter(Boolean);
        if (tokens.length === 0)
            throw new VersionRangeError(`empty alternative in "${source}"`);
        const keep = [];
        const not = [];
        for (const token of tokens) {
            const bare = token.replace(/^(?:!=|[<>=~^]+)/, '');
            if (PRERELEASE_IN_VERSION.test(bare))
                namesPrerelease = true;
            if (token.startsWith('!=')) {
                if (bare === '')
                    throw new VersionRangeError(`"!=" without a version in "${source}"`);
                not.push(parseRange(bare, opts));
            }
            else
                keep.push(token);
        }
        const range = parseRange(keep.join(' ') || '*', opts);
        groups.push({ range, not });
        translated.push([range.range || '*', ...not.map((n) => `!(${n.range || '*'})`)].join(' '));
    }
    return {
        source,
        translated: translated.join(' || '),
        namesPrerelease,
        test(v) {
            return groups.some((g) => g.range.test(v.semver) && !g.not.some((n) => n.test(v.semver)));
        },
    };
}
function parseRange(text, opts) {
    try {
        return new (semver__WEBPACK_IMPORTED_MODULE_0___default().Range)(text, opts);
    }
    catch (err) {
        throw new VersionRangeError(err instanceof Error ? err.message : String(err), { cause: err });
    }
}


/***/ }),

/***/ 89894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   Jm: () => (/* binding */ tagRow),
/* harmony export */   eh: () => (/* binding */ summarize)
/* harmony export */ });
/* unused harmony export TAG_STATUSES */
const TAG_STATUSES = (/* unused pure expression or super */ null && ([
    'copied',
    'overwritten',
    'skipped',
    'drifted',
    'would-copy',
    'would-overwrite',
    'failed',
    'deferred',
]));
/** A fresh row (status `failed` until someone decides otherwise), with `init` on top. */
function tagRow(source, destination, init = {}) {
    return {
        source,
        destination,
        status: 'failed',
        bytes: 0,
        blobs: { copied: 0, mounted: 0, existing: 0 },
        manifests: 0,
        durationMs: 0,
        ...init,
    };
}
/** Count statuses and totals over every entry. A plan failure counts as one failure. */
function summarize(entries, requests) {
    const s = {
        entries: entries.length,
        copied: 0,
        overwritten: 0,
        skipped: 0,
        drifted: 0,
        wouldCopy: 0,
        wouldOverwrite: 0,
        failed: 0,
        failedEntries: 0,
        notChecked: 0,
        bytes: 0,
        blobs: { copied: 0, mounted: 0, existing: 0 },
        requests,
    };
    const key = {
        copied: 'copied',
        overwritten: 'overwritten',
        skipped: 'skipped',
        drifted: 'drifted',
        'would-copy': 'wouldCopy',
        'would-overwrite': 'wouldOverwrite',
        failed: 'failed',
        deferred: 'deferred',
    };
    for (const e of entries) {
        if (e.error) {
            s.failed++;
            s.failedEntries = (s.failedEntries ?? 0) + 1;
        }
        if (e.notChecked !== undefined)
            s.notChecked++;
        for (const t of e.tags.flatMap((t) => [t, ...(t.images ?? [])])) {
            const k = key[t.status];
            s[k] = (s[k] ?? 0) + 1;
            if (t.retryAt !== undefined && (s.retryAt === undefined || t.retryAt > s.retryAt))
                s.retryAt = t.retryAt;
            s.bytes += t.bytes;
            s.blobs.copied += t.blobs.copied;
            s.blobs.mounted += t.blobs.mounted;
            s.blobs.existing += t.blobs.existing;
        }
    }
    return s;
}
/**
 * Exit code: 0 clean, 1 any failure, `driftExitCode` (default 2) for drift without failure.
 * Deferred tags (a pull limit) are not a failure: they alone give 0.
 */
function exitCodeOf(summary, driftExitCode = 2) {
    if (summary.failed > 0 || summary.cancelled)
        return 1;
    if (summary.drifted > 0)
        return driftExitCode;
    return 0;
}


/***/ })

};
