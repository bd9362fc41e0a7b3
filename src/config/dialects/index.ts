/**
 * The dialects: one module per config file format, each mapping its file onto the one model
 * (`model.ts`), with the shared helpers below them in `shared.ts`.
 */
import type { ConfigError } from '../errors.js';
import type { MirrorConfig } from '../model.js';
import { normalizeFlux } from './flux.js';
import { normalizeLazyoci } from './lazyoci.js';
import { normalizeOcync } from './ocync.js';
import { normalizeOurs } from './ours.js';
import type { NormalizeContext, R } from './shared.js';

export { type NormalizeContext, stripTagDigest } from './shared.js';

/** Checks and normalises a schema-valid document of `ctx.dialect` into the model. */
export function normalize(data: R, ctx: NormalizeContext): { config: MirrorConfig; errors: ConfigError[] } {
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
