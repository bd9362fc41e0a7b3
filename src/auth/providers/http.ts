/** Small HTTP helpers shared by the providers: every call goes through our Transport (TLS, counters, retries). */
import { safeUrl } from '../../oci/transport.js';
import { CredentialError } from '../errors.js';
import type { ProviderContext } from './types.js';

export interface ExchangeResponse {
  status: number;
  text: string;
  header(name: string): string | undefined;
}

/** Send one exchange request; network failures become a `CredentialError` naming `what`. */
export async function send(
  ctx: ProviderContext,
  what: string,
  req: { method: 'GET' | 'POST'; url: string | URL; headers: Record<string, string>; body?: string },
): Promise<ExchangeResponse> {
  try {
    const res = await ctx.transport.request({
      method: req.method,
      url: req.url,
      headers: req.headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
    const text = await res.body.text();
    return { status: res.status, text, header: res.header };
  } catch (cause) {
    throw new CredentialError(
      ctx.host,
      `${what}: ${req.method} ${safeUrl(req.url)} failed: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/** Parse a JSON body or fail naming the exchange. */
export function json<T>(ctx: ProviderContext, what: string, res: ExchangeResponse): T {
  try {
    return JSON.parse(res.text) as T;
  } catch (cause) {
    throw new CredentialError(ctx.host, `${what}: answered HTTP ${res.status} with a body that is not JSON`, {
      status: res.status,
      cause,
    });
  }
}

/** A non-empty string field or a `CredentialError`. */
export function field(ctx: ProviderContext, what: string, value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new CredentialError(ctx.host, `${what}: the response has no "${name}"`);
  return value;
}

/** `{error, error_description}` (OAuth) or `{message}` / `{errors:[{message}]}` from an error body. */
export function oauthError(text: string): { code?: string; message?: string } {
  try {
    const j = JSON.parse(text) as {
      error?: unknown;
      error_description?: unknown;
      message?: unknown;
      errors?: { code?: unknown; message?: unknown }[];
    };
    if (j.error && typeof j.error === 'object') {
      const e = j.error as { status?: unknown; message?: unknown; code?: unknown };
      return { code: String(e.status ?? e.code ?? ''), message: String(e.message ?? '') };
    }
    const first = Array.isArray(j.errors) ? j.errors[0] : undefined;
    const out: { code?: string; message?: string } = {};
    const code = j.error ?? first?.code;
    const message = j.error_description ?? j.message ?? first?.message;
    if (code !== undefined) out.code = String(code);
    if (message !== undefined) out.message = String(message);
    return out;
  } catch {
    return text ? { message: text.slice(0, 300) } : {};
  }
}
