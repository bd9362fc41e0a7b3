/**
 * Image references: `[registry/]repository[:tag][@digest]`, following the grammar of
 * distribution/reference, with Docker Hub normalisation (`nginx` → `docker.io/library/nginx`).
 */
import { InvalidReferenceError } from './errors.js';

/** A repository in a registry. `registry` is the canonical registry name (`docker.io` for Docker Hub). */
export interface Repository {
  registry: string;
  repository: string;
}

/** A parsed reference. At least one of `tag` and `digest` may be absent (a bare repository). */
export interface Reference extends Repository {
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
/** The host that actually serves Docker Hub's registry API. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key Docker's config.json and credential helpers use for Docker Hub. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const ENCODED_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;

/** True when the first path element names a registry host rather than a namespace. */
function looksLikeDomain(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

function validateDomain(input: string, domain: string): void {
  let host = domain;
  let port: string | undefined;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end < 0) throw new InvalidReferenceError(input, `bad IPv6 registry host "${domain}"`);
    port = host.slice(end + 1).replace(/^:/, '') || undefined;
    host = host.slice(1, end);
    if (!/^[0-9a-fA-F:.]+$/.test(host))
      throw new InvalidReferenceError(input, `bad IPv6 registry host "${domain}"`);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) {
      port = host.slice(colon + 1);
      host = host.slice(0, colon);
    }
    if (!host.split('.').every((c) => DOMAIN_COMPONENT.test(c))) {
      throw new InvalidReferenceError(input, `bad registry host "${domain}"`);
    }
  }
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) {
    throw new InvalidReferenceError(input, `bad port in registry host "${domain}"`);
  }
}

/** Validate a digest string (`sha256:<64 hex>` and the other registered algorithms). */
export function isValidDigest(digest: string): boolean {
  if (!DIGEST.test(digest)) return false;
  const [alg, enc] = digest.split(':') as [string, string];
  const len = ENCODED_LENGTH[alg];
  if (len === undefined) return false;
  return enc.length === len && /^[a-f0-9]+$/.test(enc);
}

/**
 * Parse and normalise a reference. Docker Hub names gain `docker.io` and `library/`;
 * `index.docker.io` becomes `docker.io`. Throws `InvalidReferenceError` with the reason.
 */
export function parseReference(input: string): Reference {
  const s = input.trim();
  if (s === '') throw new InvalidReferenceError(input, 'empty reference');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    throw new InvalidReferenceError(input, 'a reference has no URL scheme (remove "https://" or "oci://")');
  }
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isValidDigest(digest)) {
      throw new InvalidReferenceError(input, `bad digest "${digest}" (expected sha256:<64 lowercase hex>)`);
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw new InvalidReferenceError(
        input,
        `bad tag "${tag}" (up to 128 characters: letters, digits, "_", "." and "-", not starting with "." or "-")`,
      );
    }
  }
  if (rest === '') throw new InvalidReferenceError(input, 'missing repository name');
  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  if (parts.length > 1 && looksLikeDomain(parts[0] as string)) {
    registry = parts.shift() as string;
    validateDomain(input, registry);
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_API_HOST) registry = DOCKER_HUB;
  }
  for (const part of parts) {
    if (part === '') throw new InvalidReferenceError(input, 'empty path component (double or trailing "/")');
    if (!PATH_COMPONENT.test(part)) {
      const hint = part !== part.toLowerCase() ? ' (repository names must be lowercase)' : '';
      throw new InvalidReferenceError(input, `bad repository path component "${part}"${hint}`);
    }
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/');
  if (repository.length > MAX_NAME_LENGTH) {
    throw new InvalidReferenceError(input, `repository name longer than ${MAX_NAME_LENGTH} characters`);
  }
  const ref: Reference = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** Parse a repository (no tag or digest allowed). */
export function parseRepository(input: string): Repository {
  const ref = parseReference(input);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new InvalidReferenceError(input, 'expected a repository without tag or digest');
  }
  return { registry: ref.registry, repository: ref.repository };
}

/** The host serving the registry API for a registry name. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}

/** `registry/repository`. */
export function formatRepository(repo: Repository): string {
  return `${repo.registry}/${repo.repository}`;
}

/** `registry/repository[:tag][@digest]`. */
export function formatReference(ref: Reference): string {
  return `${formatRepository(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** The same repository with a tag or digest. */
export function withReference(repo: Repository, tagOrDigest: string): Reference {
  return tagOrDigest.includes(':')
    ? { registry: repo.registry, repository: repo.repository, digest: tagOrDigest }
    : { registry: repo.registry, repository: repo.repository, tag: tagOrDigest };
}
