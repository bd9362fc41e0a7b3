/**
 * Where a discovered image goes: the source host is stripped and the repository path kept under the
 * target (`ghcr.io/hashicorp/vault:1.15.0` → `registry.example.com/team/hashicorp/vault:1.15.0`), with
 * an optional extra prefix. Tag and digest are kept.
 */
import { formatReference, parseReference, type Reference } from '../oci/reference.js';

/** The destination reference of `image` under `target` (`host[:port]/path`) and `prefix`. */
export function remapImage(image: string, target: string, prefix?: string): Reference {
  const src = parseReference(image);
  const base = target.replace(/\/+$/, '');
  const extra = prefix?.replace(/^\/+|\/+$/g, '');
  const dst = parseReference(`${base}${extra ? `/${extra}` : ''}/${src.repository}`);
  if (src.tag !== undefined) dst.tag = src.tag;
  if (src.digest !== undefined) dst.digest = src.digest;
  return dst;
}

/** `remapImage` as text. */
export function remapImageText(image: string, target: string, prefix?: string): string {
  return formatReference(remapImage(image, target, prefix));
}
