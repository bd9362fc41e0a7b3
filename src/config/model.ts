/**
 * The one internal config model. Our own dialect (`oci-mirror/v1`), the flux mirror dialects
 * (`mirror.plugin.fluxcd.io/v1beta1`, `v1beta2`) and lazyoci's `mirror.yaml` all normalise to these types; nothing downstream
 * needs to know which dialect a file was written in.
 */
import type { Selector } from '../select/types.js';

export type { Selector };

/** Where a YAML node starts (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * The config dialects we load: our own, flux mirror's two apiVersions, lazyoci's `mirror.yaml`
 * (`lazyoci/mirror`; that file has no apiVersion and is recognised by its `target`/`upstreams`)
 * and ocync's config (`ocync`; no apiVersion either, recognised by its `mappings`/`registries`).
 */
export type Dialect =
  | 'oci-mirror/v1'
  | 'mirror.plugin.fluxcd.io/v1beta1'
  | 'mirror.plugin.fluxcd.io/v1beta2'
  | 'lazyoci/mirror'
  | 'ocync';

/** A loaded, validated and normalised config. */
export interface MirrorConfig {
  /** Display path ('<stdin>', '$OCI_MIRROR_CONFIG' or the path as given). */
  file: string;
  /** Absolute directory that relative file paths resolve against (cwd for stdin / env). */
  dir: string;
  dialect: Dialect;
  defaults: MirrorDefaults;
  artifacts: ArtifactEntry[];
  /** Parsed and validated only; executed by a later module. */
  charts: ChartEntry[];
  hosts: HostEntry[];
  /**
   * Values to mask in every output: environment values substituted into secret-looking
   * variables (TOKEN, PASSWORD, SECRET, KEY, CREDENTIAL, AUTH, PASS) or into credential fields,
   * plus inline credential material (credential value/jwkValue, TLS key value).
   */
  secrets: string[];
  /**
   * Problems that do not stop a run but deserve a word (e.g. an unanchored `matchOIDCIdentity`
   * subject), each formatted `file:line:column: path: message`. `validate` prints them.
   */
  warnings?: string[];
}

/** Config-wide defaults (flux dialects: overwrite false, includeReferrers false, nothing else). */
export interface MirrorDefaults {
  concurrency?: number;
  overwrite: boolean;
  /**
   * Registry prefix (`host[:port]/path`) for artifacts without a destination: the source's
   * repository path (without its registry host) is appended, e.g. source
   * `ghcr.io/stefanprodan/podinfo` + default `reg.example.com/mirror` →
   * `reg.example.com/mirror/stefanprodan/podinfo`. Docker Hub official images keep `library/`.
   */
  destination?: string;
  includeReferrers: boolean;
  /** Trusted root for `verify:` entries without their own (absolute path; our dialect). */
  trustedRoot?: string;
}

/** One OCI → OCI mirror entry. */
export interface ArtifactEntry {
  /** Given `name`, else the source repository (source without tag/digest). */
  name: string;
  /** Registry reference as written: host/repo[:tag][@digest]; a tag/digest here is explicit. */
  source: string;
  /** At least one destination repository (no tag, no digest); tags keep their source name. */
  destinations: string[];
  /**
   * Tag selection. Defaults as in flux mirror: `sortBy` semver, `limit` 1 (`0` = unlimited).
   * When the selector lists explicit `tags`/`digests` (or the source carries a tag/digest) and
   * has no `limit`, `limit` is 0 so every listed tag is mirrored. `regex.pattern` has been
   * converted from Go syntax to JavaScript (`(?P<name>` → `(?<name>`); `regex.extract` is a
   * Go-style expansion template (`$name`, `${name}`, `$1`) whose groups are known to exist.
   * `semver` uses node-semver range syntax (Masterminds' `,` AND-separator became a space).
   */
  selector: Selector;
  overwrite: boolean;
  includeReferrers: boolean;
  /** Optional platform filter like 'linux/amd64' (our dialect and ocync's). */
  platforms?: string[];
  /** Fail the entry when fewer tags are selected (ocync's `min_tags`). */
  minTags?: number;
  /** Signature verification, checked here, executed by `verify/`. */
  verify?: VerifySpec;
  /** Where the entry starts (for annotations). */
  position: SourcePosition;
}

/** cosign verification settings: keyless (OIDC identities) and/or key-based (`publicKey`). */
export interface VerifySpec {
  provider: 'cosign';
  /** Accepted keyless signers (OR-ed); may be empty when `publicKey` is set. */
  matchOIDCIdentity: { issuer: string; subject: string }[];
  /** Key-based verification (our dialect): a PEM public key from a file or inline. */
  publicKey?: { fromPath?: string; value?: string };
  /** Absolute path of a Sigstore trusted_root.json (entry, else `defaults.trustedRoot`). */
  trustedRoot?: string;
  /** Go duration as written, e.g. `48h`. */
  minAge?: string;
  /** `minAge` in milliseconds. */
  minAgeMs?: number;
}

/** One Helm chart entry (HTTP/S repo, `oci://` or local directory → OCI). */
export interface ChartEntry {
  /** Chart name in the source repository. */
  name: string;
  /** `https://…` / `http://…` repository, `oci://…` (our dialect) or a local directory (our dialect). */
  source: string;
  /** OCI base URL as written (`oci://host/path`); the chart name is appended (flux semantics). */
  destination: string;
  /** Destination repository without scheme: destination + '/' + name, e.g. `quay.io/x/charts/nginx`. */
  repository: string;
  /** Semver range; defaults to `*` (flux). */
  version: string;
  /** How many of the highest matching versions; defaults to 1, `0` = unlimited (flux). */
  limit: number;
  overwrite: boolean;
  /** Local chart directory resolved against the config dir (only when source is a path). */
  localPath?: string;
  /** lazyoci: the `upstreams` key the entry comes from (what `--chart KEY` names). */
  upstream?: string;
  /** Image discovery (our dialect only). */
  images?: ChartImages;
  position: SourcePosition;
}

/** Image discovery settings for a chart. */
export interface ChartImages {
  discover: boolean;
  /** Values passed to `helm template`. */
  values?: Record<string, unknown>;
  /** Values files for `helm template` (absolute, confined to the config dir), applied before `values`. */
  valuesFiles?: string[];
  /** `--set` overrides (applied last), e.g. `{ "image.tag": "7.2" }`. */
  set?: Record<string, string>;
  /** `helm template --kube-version`. */
  kubeVersion?: string;
  /** `helm template --api-versions`, e.g. `monitoring.coreos.com/v1`. */
  apiVersions?: string[];
  /** Registry prefix the discovered images are mirrored under (defaults.destination if unset). */
  destination?: string;
  /** Extra path inserted between `destination` and the image's repository path. */
  prefix?: string;
  /** Copy the images' referrers (signatures, SBOMs) too; default `defaults.includeReferrers`. */
  includeReferrers?: boolean;
}

/** Credential settings for one host (flux v1beta1 and v1beta2 normalised to v1beta2 names). */
export interface HostCredential {
  /** Static token from the config. */
  value?: string;
  /** Static token read from a file (resolved, confined to the config dir). */
  fromPath?: string;
  /** Private JWK file to sign a fresh JWT with. */
  jwkPath?: string;
  /** Private JWK from the config. */
  jwkValue?: string;
  /** Token provider: github | forgejo | gcp | azure | aws | spiffe (flux v1beta1 `jwt-svid` → `spiffe`). */
  provider?: string;
  /** First audience (defaults to the host when minted or signed). */
  audience?: string;
  /** All audiences (flux v1beta2 `audiences`, v1beta1 `aud`). */
  audiences?: string[];
  /** JWT issuer claim (jwkPath/jwkValue). */
  issuer?: string;
  /** JWT subject claim (jwkPath/jwkValue). */
  subject?: string;
  /** JWT lifetime as a Go duration (jwkPath/jwkValue); default 60s. */
  expiration?: string;
  /** Go template transforming the token, e.g. `token-{{ hex .Token }}`. */
  envelope?: string;
}

/** Per-host registry settings. */
export interface HostEntry {
  /** 'registry.example.com' or 'host:port'. */
  host: string;
  /** With a username the credential is the password of a Basic pair; without, a bearer token. */
  username?: string;
  credential?: HostCredential;
  /**
   * The `${VAR}` that should have given this host's credential was set but empty (fork or
   * Dependabot pull request, missing secret); only with `emptySecrets: 'anonymous'`. The host is
   * then used without a credential, and a dry run reports what it could not read as not checked.
   */
  missingSecret?: string;
  /**
   * This host's credential needs the CI's OIDC ID token, which this job cannot have (the why, with
   * the remedy: fork or Dependabot pull request). Set by the action on dry runs only; the host is
   * then used without a credential, like `missingSecret`.
   */
  noIdToken?: string;
  /** Cloud registry provider: ecr | acr | gar (+ jfrog | quay | dockerhub | ghcr in our dialect). */
  provider?: string;
  /** OIDC audience requested for the cloud provider's exchange (default per provider). */
  audience?: string;
  /** JFrog OIDC integration name (jfrog). */
  providerName?: string;
  /** Docker Hub OIDC connection id (dockerhub). */
  connectionId?: string;
  /** AWS role to assume with the OIDC token (ecr). */
  roleArn?: string;
  /** AWS region (ecr; defaults to the one in the host). */
  region?: string;
  /** GCP workload identity provider resource name (gar). */
  workloadIdentityProvider?: string;
  /** GCP service account email (gar). */
  serviceAccount?: string;
  /** Azure tenant id (acr). */
  tenantId?: string;
  /** Azure client id (acr). */
  clientId?: string;
  /** Create missing destination repositories before pushing (`provider: ecr` only). */
  createRepositories?: boolean;
  /** Skip TLS verification. */
  insecure?: boolean;
  /** Talk plain HTTP. */
  plainHTTP?: boolean;
  tls?: HostTLS;
  /** Max bytes per PATCH when uploading blobs (flux: KiB in the file, converted to bytes here); 0 = monolithic. */
  maxChunkSize?: number;
  /** At most this many requests per second to the host (token bucket; our dialect only). */
  rateLimit?: { requestsPerSecond: number; burst?: number };
  /** At most this many requests to the host awaiting an answer at once (our dialect only). */
  maxConcurrency?: number;
  /**
   * The registry's bulk tag digest listing (our dialect only): `dockerhub` or `quay` at `url`
   * (default: the public API of docker.io / quay.io), or `none` to plan with HEADs only.
   */
  listing?: { api: 'dockerhub' | 'quay' | 'none'; url?: string };
  position: SourcePosition;
}

/** Transport TLS settings for one host. File paths are absolute and confined to the config dir. */
export interface HostTLS {
  serverAuth?: {
    caFromPath?: string;
    caValue?: string;
    /** SPIFFE server verification (flux). */
    provider?: 'spiffe';
    spiffe?: { serverID?: string; trustDomain?: string; authorizeAny?: boolean };
  };
  clientAuth?: {
    certFromPath?: string;
    certValue?: string;
    keyFromPath?: string;
    keyValue?: string;
    /** SPIFFE X.509-SVID client certificate (flux v1beta1 `x509-svid` → `spiffe`). */
    provider?: 'spiffe';
  };
}
