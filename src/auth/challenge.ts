/**
 * Parse `WWW-Authenticate` headers (RFC 7235 / RFC 6750): several challenges in one header,
 * quoted values that contain commas or escaped quotes, and token68 forms.
 */

export interface Challenge {
  /** Lower-case scheme: `basic`, `bearer`, … */
  scheme: string;
  /** Lower-case parameter names: realm, service, scope, error, … */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*(?=\s*(?:,|$))/;

/** Parse every challenge in a header value. Malformed remainders are skipped. */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let rest = header;
  let current: Challenge | undefined;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest === '') break;
    const token = TOKEN.exec(rest)?.[0];
    if (token === undefined) {
      rest = rest.slice(1);
      continue;
    }
    const after = rest.slice(token.length).replace(/^ +/, '');
    if (after.startsWith('=') && current !== undefined) {
      // auth-param: name = token / quoted-string
      rest = after.slice(1).replace(/^ +/, '');
      let value: string;
      if (rest.startsWith('"')) {
        value = '';
        let i = 1;
        while (i < rest.length && rest[i] !== '"') {
          if (rest[i] === '\\' && i + 1 < rest.length) i++;
          value += rest[i];
          i++;
        }
        rest = rest.slice(i + 1);
      } else {
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
