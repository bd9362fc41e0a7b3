/**
 * Runs one ambient-identity call in a process of its own (so HTTPS_PROXY, NODE_EXTRA_CA_CERTS and
 * the cloud SDKs' environment are this process's from the start) and prints the outcome as JSON:
 * `node --import tsx ambient-child.ts google-access|google-id|azure <scope or audience>`.
 */
import { azureToken, googleAccessToken, googleIdToken } from '../../src/auth/providers/ambient.js';

const [kind, arg = ''] = process.argv.slice(2);
try {
  let token: string;
  if (kind === 'google-access')
    token = (await googleAccessToken('europe-docker.pkg.dev', 'provider gar', arg)).token;
  else if (kind === 'google-id')
    token = await googleIdToken('registry.example.com', 'credential provider gcp', arg);
  else if (kind === 'azure') token = (await azureToken('mirror.azurecr.io', 'provider acr', arg)).token;
  else throw new Error(`unknown kind ${kind}`);
  process.stdout.write(JSON.stringify({ token }));
} catch (err) {
  process.stdout.write(JSON.stringify({ error: (err as Error).message }));
}
