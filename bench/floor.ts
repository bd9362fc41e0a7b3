/**
 * The floor: every unique blob streamed once from the source to a fresh registry, N streams in
 * parallel, nothing else (no existence checks, no manifests). GET → POST upload → PUT ?digest=
 * with the GET body piped straight into the PUT.
 */
import { Agent, request } from 'undici';

export interface FloorBlob {
  digest: string;
  repo: string;
  size: number;
}

export async function streamBlobsOnce(
  srcUrl: string,
  dstUrl: string,
  dstRepo: string,
  blobs: FloorBlob[],
  streams: number,
): Promise<number> {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: streams * 2 });
  const t0 = performance.now();
  let next = 0;
  const one = async (b: FloorBlob): Promise<void> => {
    const post = await request(`${dstUrl}/v2/${dstRepo}/blobs/uploads/`, { method: 'POST', dispatcher });
    await post.body.dump();
    const location = post.headers.location;
    if (post.statusCode !== 202 || typeof location !== 'string') {
      throw new Error(`floor: POST upload answered ${post.statusCode}`);
    }
    const get = await request(`${srcUrl}/v2/${b.repo}/blobs/${b.digest}`, { dispatcher });
    if (get.statusCode !== 200) throw new Error(`floor: GET ${b.digest} answered ${get.statusCode}`);
    const put = new URL(location, dstUrl);
    put.searchParams.set('digest', b.digest);
    const res = await request(put, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(b.size) },
      body: get.body,
      dispatcher,
    });
    await res.body.dump();
    if (res.statusCode !== 201) throw new Error(`floor: PUT ${b.digest} answered ${res.statusCode}`);
  };
  await Promise.all(
    Array.from({ length: Math.min(streams, blobs.length) }, async () => {
      while (next < blobs.length) await one(blobs[next++]!);
    }),
  );
  const ms = performance.now() - t0;
  await dispatcher.close();
  return ms;
}
