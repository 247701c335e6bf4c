// Full-page cache for the `npm start` server. A page's HTML depends only on its URL and the data, so a rendered
// page is kept per URL and data version (lib/queries/cache.ts: any ingest, from any process, changes it) and
// served again without rendering. Each response still gets a fresh CSP nonce: the cached nonce is replaced in
// the header and the body. Client-side navigations (RSC requests), the API and static files are not touched,
// and nothing is cached or served from cache while the database cannot be read.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

interface CachedPage {
  version: string;
  nonce: string;
  headers: [string, string][];
  body: string;
}

const MAX_PAGES = 500;
const NONCE = /'nonce-([^']+)'/;

export function isCacheablePageRequest(request: IncomingMessage): boolean {
  const url = request.url ?? "/";
  if (request.method !== "GET" || url.startsWith("/_next") || url.startsWith("/api") || /\.[a-z0-9]+(\?|$)/i.test(url.split("?")[0])) return false;
  return !request.headers["rsc"] && !request.headers["next-router-state-tree"] && !request.headers["next-router-prefetch"] && !request.headers["next-router-segment-prefetch"];
}

export function createPageCache(dataVersion: () => Promise<string>) {
  const pages = new Map<string, CachedPage>();

  return async function serve(request: IncomingMessage, response: ServerResponse, render: () => Promise<void>): Promise<void> {
    if (!isCacheablePageRequest(request)) return render();
    let version: string;
    try {
      version = await dataVersion();
    } catch {
      return render(); // the database is down: let the app answer with its error page
    }
    const key = request.url!;
    const hit = pages.get(key);
    if (hit && hit.version === version) {
      const nonce = Buffer.from(randomUUID()).toString("base64");
      for (const [name, value] of hit.headers) response.setHeader(name, value.replaceAll(hit.nonce, nonce));
      response.setHeader("x-atlas-cache", "hit");
      response.end(hit.body.replaceAll(hit.nonce, nonce));
      return;
    }
    // Render uncompressed, so that the body can be kept and its nonce replaced; loopback or a proxy compresses.
    delete request.headers["accept-encoding"];
    const chunks: Buffer[] = [];
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.from(chunk as string | Uint8Array));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk as string | Uint8Array));
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof response.end;
    response.once("finish", () => {
      const policy = String(response.getHeader("content-security-policy") ?? "");
      const nonce = policy.match(NONCE)?.[1];
      const type = String(response.getHeader("content-type") ?? "");
      if (response.statusCode !== 200 || !nonce || !type.startsWith("text/html") || response.getHeader("content-encoding")) return;
      const headers = Object.entries(response.getHeaders())
        .filter(([name]) => !["content-length", "date", "connection", "keep-alive", "transfer-encoding"].includes(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value)] as [string, string]);
      pages.delete(key);
      pages.set(key, { version, nonce, headers, body: Buffer.concat(chunks).toString("utf8") });
      if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value!);
    });
    await render();
  };
}
