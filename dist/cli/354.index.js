export const id = 354;
export const ids = [354];
export const modules = {

/***/ 88832:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var aws4 = exports,
    url = __webpack_require__(87016),
    querystring = __webpack_require__(83480),
    crypto = __webpack_require__(76982),
    lru = __webpack_require__(22638),
    credentialsCache = lru(1000)

// http://docs.amazonwebservices.com/general/latest/gr/signature-version-4.html

function hmac(key, string, encoding) {
  return crypto.createHmac('sha256', key).update(string, 'utf8').digest(encoding)
}

function hash(string, encoding) {
  return crypto.createHash('sha256').update(string, 'utf8').digest(encoding)
}

// This function assumes the string has already been percent encoded
function encodeRfc3986(urlEncodedString) {
  return urlEncodedString.replace(/[!'()*]/g, function(c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase()
  })
}

function encodeRfc3986Full(str) {
  return encodeRfc3986(encodeURIComponent(str))
}

// A bit of a combination of:
// https://github.com/aws/aws-sdk-java-v2/blob/dc695de6ab49ad03934e1b02e7263abbd2354be0/core/auth/src/main/java/software/amazon/awssdk/auth/signer/internal/AbstractAws4Signer.java#L59
// https://github.com/aws/aws-sdk-js/blob/18cb7e5b463b46239f9fdd4a65e2ff8c81831e8f/lib/signers/v4.js#L191-L199
// https://github.com/mhart/aws4fetch/blob/b3aed16b6f17384cf36ea33bcba3c1e9f3bdfefd/src/main.js#L25-L34
var HEADERS_TO_IGNORE = {
  'authorization': true,
  'connection': true,
  'x-amzn-trace-id': true,
  'user-agent': true,
  'expect': true,
  'presigned-expires': true,
  'range': true,
}

// request: { path | body, [host], [method], [headers], [service], [region] }
// credentials: { accessKeyId, secretAccessKey, [sessionToken] }
function RequestSigner(request, credentials) {

  if (typeof request === 'string') request = url.parse(request)

  var headers = request.headers = Object.assign({}, (request.headers || {})),
      hostParts = (!this.service || !this.region) && this.matchHost(request.hostname || request.host || headers.Host || headers.host)

  this.request = request
  this.credentials = credentials || this.defaultCredentials()

  this.service = request.service || hostParts[0] || ''
  this.region = request.region || hostParts[1] || 'us-east-1'

  // SES uses a different domain from the service name
  if (this.service === 'email') this.service = 'ses'

  if (!request.method && request.body)
    request.method = 'POST'

  if (!headers.Host && !headers.host) {
    headers.Host = request.hostname || request.host || this.createHost()

    // If a port is specified explicitly, use it as is
    if (request.port)
      headers.Host += ':' + request.port
  }
  if (!request.hostname && !request.host)
    request.hostname = headers.Host || headers.host

  this.isCodeCommitGit = this.service === 'codecommit' && request.method === 'GIT'

  this.extraHeadersToIgnore = request.extraHeadersToIgnore || Object.create(null)
  this.extraHeadersToInclude = request.extraHeadersToInclude || Object.create(null)
}

RequestSigner.prototype.matchHost = function(host) {
  var match = (host || '').match(/([^\.]{1,63})\.(?:([^\.]{0,63})\.)?amazonaws\.com(\.cn)?$/)
  var hostParts = (match || []).slice(1, 3)

  // ES's hostParts are sometimes the other way round, if the value that is expected
  // to be region equals ‘es’ switch them back
  // e.g. search-cluster-name-aaaa00aaaa0aaa0aaaaaaa0aaa.us-east-1.es.amazonaws.com
  if (hostParts[1] === 'es' || hostParts[1] === 'aoss')
    hostParts = hostParts.reverse()

  if (hostParts[1] == 's3') {
    hostParts[0] = 's3'
    hostParts[1] = 'us-east-1'
  } else {
    for (var i = 0; i < 2; i++) {
      if (/^s3-/.test(hostParts[i])) {
        hostParts[1] = hostParts[i].slice(3)
        hostParts[0] = 's3'
        break
      }
    }
  }

  return hostParts
}

// http://docs.aws.amazon.com/general/latest/gr/rande.html
RequestSigner.prototype.isSingleRegion = function() {
  // Special case for S3 and SimpleDB in us-east-1
  if (['s3', 'sdb'].indexOf(this.service) >= 0 && this.region === 'us-east-1') return true

  return ['cloudfront', 'ls', 'route53', 'iam', 'importexport', 'sts']
    .indexOf(this.service) >= 0
}

RequestSigner.prototype.createHost = function() {
  var region = this.isSingleRegion() ? '' : '.' + this.region,
      subdomain = this.service === 'ses' ? 'email' : this.service
  return subdomain + region + '.amazonaws.com'
}

RequestSigner.prototype.prepareRequest = function() {
  this.parsePath()

  var request = this.request, headers = request.headers, query

  if (request.signQuery) {

    this.parsedPath.query = query = this.parsedPath.query || {}

    if (this.credentials.sessionToken)
      query['X-Amz-Security-Token'] = this.credentials.sessionToken

    if (this.service === 's3' && !query['X-Amz-Expires'])
      query['X-Amz-Expires'] = 86400

    if (query['X-Amz-Date'])
      this.datetime = query['X-Amz-Date']
    else
      query['X-Amz-Date'] = this.getDateTime()

    query['X-Amz-Algorithm'] = 'AWS4-HMAC-SHA256'
    query['X-Amz-Credential'] = this.credentials.accessKeyId + '/' + this.credentialString()
    query['X-Amz-SignedHeaders'] = this.signedHeaders()

  } else {

    if (!request.doNotModifyHeaders && !this.isCodeCommitGit) {
      if (request.body && !headers['Content-Type'] && !headers['content-type'])
        headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8'

      if (request.body && !headers['Content-Length'] && !headers['content-length'])
        headers['Content-Length'] = Buffer.byteLength(request.body)

      if (this.credentials.sessionToken && !headers['X-Amz-Security-Token'] && !headers['x-amz-security-token'])
        headers['X-Amz-Security-Token'] = this.credentials.sessionToken

      if (this.service === 's3' && !headers['X-Amz-Content-Sha256'] && !headers['x-amz-content-sha256'])
        headers['X-Amz-Content-Sha256'] = hash(this.request.body || '', 'hex')

      if (headers['X-Amz-Date'] || headers['x-amz-date'])
        this.datetime = headers['X-Amz-Date'] || headers['x-amz-date']
      else
        headers['X-Amz-Date'] = this.getDateTime()
    }

    delete headers.Authorization
    delete headers.authorization
  }
}

RequestSigner.prototype.sign = function() {
  if (!this.parsedPath) this.prepareRequest()

  if (this.request.signQuery) {
    this.parsedPath.query['X-Amz-Signature'] = this.signature()
  } else {
    this.request.headers.Authorization = this.authHeader()
  }

  this.request.path = this.formatPath()

  return this.request
}

RequestSigner.prototype.getDateTime = function() {
  if (!this.datetime) {
    var headers = this.request.headers,
      date = new Date(headers.Date || headers.date || new Date)

    this.datetime = date.toISOString().replace(/[:\-]|\.\d{3}/g, '')

    // Remove the trailing 'Z' on the timestamp string for CodeCommit git access
    if (this.isCodeCommitGit) this.datetime = this.datetime.slice(0, -1)
  }
  return this.datetime
}

RequestSigner.prototype.getDate = function() {
  return this.getDateTime().substr(0, 8)
}

RequestSigner.prototype.authHeader = function() {
  return [
    'AWS4-HMAC-SHA256 Credential=' + this.credentials.accessKeyId + '/' + this.credentialString(),
    'SignedHeaders=' + this.signedHeaders(),
    'Signature=' + this.signature(),
  ].join(', ')
}

RequestSigner.prototype.signature = function() {
  var date = this.getDate(),
      cacheKey = [this.credentials.secretAccessKey, date, this.region, this.service].join(),
      kDate, kRegion, kService, kCredentials = credentialsCache.get(cacheKey)
  if (!kCredentials) {
    kDate = hmac('AWS4' + this.credentials.secretAccessKey, date)
    kRegion = hmac(kDate, this.region)
    kService = hmac(kRegion, this.service)
    kCredentials = hmac(kService, 'aws4_request')
    credentialsCache.set(cacheKey, kCredentials)
  }
  return hmac(kCredentials, this.stringToSign(), 'hex')
}

RequestSigner.prototype.stringToSign = function() {
  return [
    'AWS4-HMAC-SHA256',
    this.getDateTime(),
    this.credentialString(),
    hash(this.canonicalString(), 'hex'),
  ].join('\n')
}

RequestSigner.prototype.canonicalString = function() {
  if (!this.parsedPath) this.prepareRequest()

  var pathStr = this.parsedPath.path,
      query = this.parsedPath.query,
      headers = this.request.headers,
      queryStr = '',
      normalizePath = this.service !== 's3',
      decodePath = this.service === 's3' || this.request.doNotEncodePath,
      decodeSlashesInPath = this.service === 's3',
      firstValOnly = this.service === 's3',
      bodyHash

  if (this.service === 's3' && this.request.signQuery) {
    bodyHash = 'UNSIGNED-PAYLOAD'
  } else if (this.isCodeCommitGit) {
    bodyHash = ''
  } else {
    bodyHash = headers['X-Amz-Content-Sha256'] || headers['x-amz-content-sha256'] ||
      hash(this.request.body || '', 'hex')
  }

  if (query) {
    var reducedQuery = Object.keys(query).reduce(function(obj, key) {
      if (!key) return obj
      obj[encodeRfc3986Full(key)] = !Array.isArray(query[key]) ? query[key] :
        (firstValOnly ? query[key][0] : query[key])
      return obj
    }, {})
    var encodedQueryPieces = []
    Object.keys(reducedQuery).sort().forEach(function(key) {
      if (!Array.isArray(reducedQuery[key])) {
        encodedQueryPieces.push(key + '=' + encodeRfc3986Full(reducedQuery[key]))
      } else {
        reducedQuery[key].map(encodeRfc3986Full).sort()
          .forEach(function(val) { encodedQueryPieces.push(key + '=' + val) })
      }
    })
    queryStr = encodedQueryPieces.join('&')
  }
  if (pathStr !== '/') {
    if (normalizePath) pathStr = pathStr.replace(/\/{2,}/g, '/')
    pathStr = pathStr.split('/').reduce(function(path, piece) {
      if (normalizePath && piece === '..') {
        path.pop()
      } else if (!normalizePath || piece !== '.') {
        if (decodePath) piece = decodeURIComponent(piece.replace(/\+/g, ' '))
        path.push(encodeRfc3986Full(piece))
      }
      return path
    }, []).join('/')
    if (pathStr[0] !== '/') pathStr = '/' + pathStr
    if (decodeSlashesInPath) pathStr = pathStr.replace(/%2F/g, '/')
  }

  return [
    this.request.method || 'GET',
    pathStr,
    queryStr,
    this.canonicalHeaders() + '\n',
    this.signedHeaders(),
    bodyHash,
  ].join('\n')
}

RequestSigner.prototype.filterHeaders = function() {
  var headers = this.request.headers,
      extraHeadersToInclude = this.extraHeadersToInclude,
      extraHeadersToIgnore = this.extraHeadersToIgnore
  this.filteredHeaders = Object.keys(headers)
    .map(function(key) { return [key.toLowerCase(), headers[key]] })
    .filter(function(entry) {
      return extraHeadersToInclude[entry[0]] ||
        (HEADERS_TO_IGNORE[entry[0]] == null && !extraHeadersToIgnore[entry[0]])
    })
    .sort(function(a, b) { return a[0] < b[0] ? -1 : 1 })
}

RequestSigner.prototype.canonicalHeaders = function() {
  if (!this.filteredHeaders) this.filterHeaders()

  return this.filteredHeaders.map(function(entry) {
    return entry[0] + ':' + entry[1].toString().trim().replace(/\s+/g, ' ')
  }).join('\n')
}

RequestSigner.prototype.signedHeaders = function() {
  if (!this.filteredHeaders) this.filterHeaders()

  return this.filteredHeaders.map(function(entry) { return entry[0] }).join(';')
}

RequestSigner.prototype.credentialString = function() {
  return [
    this.getDate(),
    this.region,
    this.service,
    'aws4_request',
  ].join('/')
}

RequestSigner.prototype.defaultCredentials = function() {
  var env = process.env
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID || env.AWS_ACCESS_KEY,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY || env.AWS_SECRET_KEY,
    sessionToken: env.AWS_SESSION_TOKEN,
  }
}

RequestSigner.prototype.parsePath = function() {
  var path = this.request.path || '/'

  // S3 doesn't always encode characters > 127 correctly and
  // all services don't encode characters > 255 correctly
  // So if there are non-reserved chars (and it's not already all % encoded), just encode them all
  if (/[^0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]/.test(path)) {
    path = encodeURI(decodeURI(path))
  }

  var queryIx = path.indexOf('?'),
      query = null

  if (queryIx >= 0) {
    query = querystring.parse(path.slice(queryIx + 1))
    path = path.slice(0, queryIx)
  }

  this.parsedPath = {
    path: path,
    query: query,
  }
}

RequestSigner.prototype.formatPath = function() {
  var path = this.parsedPath.path,
      query = this.parsedPath.query

  if (!query) return path

  // Services don't support empty query string keys
  if (query[''] != null) delete query['']

  return path + '?' + encodeRfc3986(querystring.stringify(query))
}

aws4.RequestSigner = RequestSigner

aws4.sign = function(request, credentials) {
  return new RequestSigner(request, credentials).sign()
}


/***/ }),

/***/ 22638:
/***/ ((module) => {

module.exports = function(size) {
  return new LruCache(size)
}

function LruCache(size) {
  this.capacity = size | 0
  this.map = Object.create(null)
  this.list = new DoublyLinkedList()
}

LruCache.prototype.get = function(key) {
  var node = this.map[key]
  if (node == null) return undefined
  this.used(node)
  return node.val
}

LruCache.prototype.set = function(key, val) {
  var node = this.map[key]
  if (node != null) {
    node.val = val
  } else {
    if (!this.capacity) this.prune()
    if (!this.capacity) return false
    node = new DoublyLinkedNode(key, val)
    this.map[key] = node
    this.capacity--
  }
  this.used(node)
  return true
}

LruCache.prototype.used = function(node) {
  this.list.moveToFront(node)
}

LruCache.prototype.prune = function() {
  var node = this.list.pop()
  if (node != null) {
    delete this.map[node.key]
    this.capacity++
  }
}


function DoublyLinkedList() {
  this.firstNode = null
  this.lastNode = null
}

DoublyLinkedList.prototype.moveToFront = function(node) {
  if (this.firstNode == node) return

  this.remove(node)

  if (this.firstNode == null) {
    this.firstNode = node
    this.lastNode = node
    node.prev = null
    node.next = null
  } else {
    node.prev = null
    node.next = this.firstNode
    node.next.prev = node
    this.firstNode = node
  }
}

DoublyLinkedList.prototype.pop = function() {
  var lastNode = this.lastNode
  if (lastNode != null) {
    this.remove(lastNode)
  }
  return lastNode
}

DoublyLinkedList.prototype.remove = function(node) {
  if (this.firstNode == node) {
    this.firstNode = node.next
  } else if (node.prev != null) {
    node.prev.next = node.next
  }
  if (this.lastNode == node) {
    this.lastNode = node.prev
  } else if (node.next != null) {
    node.next.prev = node.prev
  }
}


function DoublyLinkedNode(key, val) {
  this.key = key
  this.val = val
  this.prev = null
  this.next = null
}


/***/ }),

/***/ 82354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CONCURRENCY: () => (/* reexport */ DEFAULT_CONCURRENCY),
  SessionError: () => (/* reexport */ SessionError),
  createSession: () => (/* reexport */ createSession),
  sync: () => (/* reexport */ sync)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/oci/errors.ts
var oci_errors = __webpack_require__(28630);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/oci/reference.ts
var oci_reference = __webpack_require__(62148);
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

;// CONCATENATED MODULE: ./src/auth/id-token-env.ts
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
        const event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
function publicKeyOf(jwk) {
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
            const why = noIdToken(env);
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
        const { DefaultAzureCredential } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(324), __webpack_require__.e(669), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 79648));
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

// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/runtime.ts
var runtime = __webpack_require__(33683);
// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var manifest = __webpack_require__(32060);
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
        ? () => ({ publicKey: cosign_publicKeyOf(pem), validFor: () => true })
        : () => {
            throw new VerificationFailedError('untrusted', 'the signature names a public key, but no `publicKey` is configured');
        };
    return { sigstore, trust: sigstore.verify.toTrustMaterial(root, keys), policy };
}
function cosign_publicKeyOf(pem) {
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
        const { chartResult, syncCharts } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(12)]).then(__webpack_require__.bind(__webpack_require__, 8012));
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

;// CONCATENATED MODULE: ./src/cli/engine.ts
/**
 * The registry engine as the CLI uses it, loaded with `import()` by run.ts once a command needs it:
 * `validate` never loads undici, TLS, crypto or zlib (see test/repo/startup.test.ts). Helm's part
 * (`list-images`, chart entries) is a chunk of its own, loaded only when used.
 */




/***/ })

};
