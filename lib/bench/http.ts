// Sequential request timing for the benchmarks: on loopback this is the server's render time plus a little.
import { request as httpRequest } from "node:http";
import { gzipSync } from "node:zlib";

export interface Timing {
  path: string;
  status: number;
  median: number;
  p95: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function timePath(baseUrl: string, path: string, requests: number, warmup = 5): Promise<Timing> {
  let status = 0;
  for (let i = 0; i < warmup; i++) await (await fetch(baseUrl + path)).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const response = await fetch(baseUrl + path);
    await response.arrayBuffer();
    samples.push(performance.now() - start);
    status = response.status;
  }
  samples.sort((a, b) => a - b);
  return { path, status, median: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)! };
}

/** Gzipped bytes of the JavaScript a page loads first (every <script src> in its HTML). */
export async function firstLoadJs(baseUrl: string, path: string): Promise<{ files: number; gzipBytes: number; rawBytes: number }> {
  const html = await (await fetch(baseUrl + path)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]))];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: sources.length, gzipBytes, rawBytes };
}

/** Bytes on the wire for one GET of `path` with this Accept-Encoding (none: identity), and the encoding used. */
export function wireBytes(baseUrl: string, path: string, acceptEncoding?: string): Promise<{ bytes: number; encoding: string; cache: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (incoming) => {
      let bytes = 0;
      incoming.on("data", (chunk: Buffer) => (bytes += chunk.length));
      incoming.on("end", () => resolve({ bytes, encoding: String(incoming.headers["content-encoding"] ?? "identity"), cache: String(incoming.headers["x-atlas-cache"] ?? "-") }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}
