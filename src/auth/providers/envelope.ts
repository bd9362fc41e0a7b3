/**
 * flux mirror's `envelope`: a Go template around the token, e.g. `token-{{ hex .Token }}`. We
 * support the forms flux documents: `{{ .Token }}`, `{{ hex .Token }}`, `{{ base64 .Token }}`
 * and the piped `{{ .Token | hex }}` / `{{ .Token | base64 }}`.
 */
const ACTION = /\{\{-?\s*(?:(hex|base64)\s+\.Token|\.Token(?:\s*\|\s*(hex|base64))?)\s*-?\}\}/g;

/** Why `template` cannot be applied, or undefined. */
export function checkEnvelope(template: string): string | undefined {
  const rest = template.replace(ACTION, '');
  if (rest.includes('{{'))
    return `envelope "${template}": only {{ .Token }}, {{ hex .Token }} and {{ base64 .Token }} are supported`;
  return undefined;
}

/** Apply an envelope template to a token. */
export function applyEnvelope(template: string, token: string): string {
  return template.replace(ACTION, (_m, pre: string | undefined, post: string | undefined) => {
    const fn = pre ?? post;
    if (fn === 'hex') return Buffer.from(token).toString('hex');
    if (fn === 'base64') return Buffer.from(token).toString('base64');
    return token;
  });
}
