// Full-page cache of the `npm start` server. A page's HTML depends only on its route, the parameters it reads
// (lib/server/routes.ts) and the data, so a rendered page is kept per key and data version (lib/queries/cache.ts:
// any ingest, from any process, changes it) and served again without rendering.
//
// - Bounded in bytes: pages are kept gzipped (lib/server/gzip-template.ts) and counted as stored; the least
//   recently used go first, and a page larger than a quarter of the budget is not kept at all.
// - Single flight: while a page is being rendered, further requests for it wait for that render; and at most a
//   few pages render at once (PAGE_RENDERS, default 4), the others queue.
// - Each response gets a fresh CSP nonce, in the header and the body, without recompressing the page.
// Nothing is cached or served from cache while the database cannot be read, nor for requests with cookies.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { makeGzipTemplate, renderGzipParts, renderPlain, type GzipTemplate } from "./gzip-template";

interface CachedPage {
  nonce: string;
  headers: [string, string][];
  template: GzipTemplate;
  bytes: number;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  budget: number;
  hits: number;
  misses: number;
}

const NONCE = /'nonce-([^']+)'/;
const PER_RESPONSE_HEADERS = new Set(["content-length", "content-encoding", "date", "connection", "keep-alive", "transfer-encoding", "x-atlas-cache"]);

/** A full-page GET for a page, not a client-side navigation (RSC request), an API call or a static file. */
export function isCacheablePageRequest(request: IncomingMessage): boolean {
  const url = request.url ?? "/";
  if (request.method !== "GET" || url.startsWith("/_next") || url.startsWith("/api") || /\.[a-z0-9]+(\?|$)/i.test(url.split("?")[0])) return false;
  return !isNavigationRequest(request) && !request.headers.cookie;
}

export function isNavigationRequest(request: IncomingMessage): boolean {
  const headers = request.headers;
  return Boolean(headers["rsc"] || headers["next-router-state-tree"] || headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]);
}

/** Whether the client takes gzip (RFC 9110 Accept-Encoding, with q-values and `*`). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...parameters] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = parameters.map((parameter) => parameter.trim().match(/^q=([0-9.]+)$/)?.[1]).find(Boolean);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  return (weights.get("gzip") ?? weights.get("x-gzip") ?? weights.get("*") ?? 0) > 0;
}

/**
 * At most `limit` at once; the rest wait their turn. Rendering a page holds all of it in memory, and a large
 * report's page is megabytes: distinct keys asked for at once (say ?page=1…1000) must not all render together.
 */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export function createPageCache(options: { dataVersion: () => Promise<string>; budgetBytes: number; concurrentRenders?: number }) {
  const pages = new Map<string, CachedPage>(); // in least recently used order
  const pending = new Map<string, Promise<CachedPage | null>>();
  const limit = createLimiter(options.concurrentRenders ?? 4);
  let version: string | undefined;
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  function remember(key: string, page: CachedPage): void {
    if (page.bytes > options.budgetBytes / 4) return;
    forget(key);
    while (bytes + page.bytes > options.budgetBytes && pages.size) forget(pages.keys().next().value!);
    pages.set(key, page);
    bytes += page.bytes;
  }

  function forget(key: string): void {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= page.bytes;
  }

  function serve(request: IncomingMessage, response: ServerResponse, page: CachedPage, acceptEncoding: string | string[] | undefined): void {
    const nonce = Buffer.from(randomUUID()).toString("base64"); // as proxy.ts makes them: the same length
    for (const [name, value] of page.headers) response.setHeader(name, value.replaceAll(page.nonce, nonce));
    const gzip = acceptsGzip(acceptEncoding);
    // Sent as the template's parts in turn (corked into few writes), not copied into one buffer first.
    const parts = gzip ? renderGzipParts(page.template, nonce) : [renderPlain(page.template, nonce)];
    if (gzip) response.setHeader("Content-Encoding", "gzip");
    const vary = String(response.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) response.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    response.setHeader("Content-Length", parts.reduce((sum, part) => sum + part.length, 0));
    response.setHeader("X-Atlas-Cache", "hit");
    if (request.method !== "HEAD") {
      response.cork();
      for (const part of parts) response.write(part);
      response.uncork();
    }
    response.end();
  }

  /** Renders through `render`, keeping a copy of what is written; resolves with the page when it can be kept. */
  function capture(request: IncomingMessage, response: ServerResponse, render: () => Promise<void>): Promise<CachedPage | null> {
    const chunks: Buffer[] = [];
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk && typeof chunk !== "function") chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
    };
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof response.end;
    response.setHeader("X-Atlas-Cache", "miss");
    return new Promise((resolve) => {
      response.once("close", () => {
        const nonce = String(response.getHeader("content-security-policy") ?? "").match(NONCE)?.[1];
        const type = String(response.getHeader("content-type") ?? "");
        if (!response.writableFinished || response.statusCode !== 200 || !nonce || !type.startsWith("text/html") || response.hasHeader("set-cookie") || request.method !== "GET") {
          return resolve(null);
        }
        const headers = Object.entries(response.getHeaders())
          .filter(([name]) => !PER_RESPONSE_HEADERS.has(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value)] as [string, string]);
        const headerBytes = headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
        makeGzipTemplate(Buffer.concat(chunks).toString("utf8"), nonce).then(
          (template) => resolve({ nonce, headers, template, bytes: template.bytes + headerBytes }),
          () => resolve(null),
        );
      });
      render().catch(() => resolve(null));
    });
  }

  return {
    /** Serves `key` from cache, or renders it with `render` (once, however many ask at the same time). */
    async serve(request: IncomingMessage, response: ServerResponse, key: string, acceptEncoding: string | string[] | undefined, render: () => Promise<void>): Promise<void> {
      let current: string;
      try {
        current = await options.dataVersion();
      } catch {
        return render(); // the database is down: let the app answer with its error page
      }
      if (current !== version) {
        pages.clear(); // pages of older data are never served again
        bytes = 0;
        version = current;
      }
      const versionedKey = `${current}\n${key}`;
      const hit = pages.get(key);
      if (hit) {
        pages.delete(key); // most recently used now
        pages.set(key, hit);
        hits++;
        return serve(request, response, hit, acceptEncoding);
      }
      const rendering = pending.get(versionedKey);
      if (rendering) {
        const page = await rendering;
        if (page) {
          hits++;
          return serve(request, response, page, acceptEncoding);
        }
        return render(); // that render could not be kept (an error page): render this one afresh
      }
      misses++;
      const page = limit(() => capture(request, response, render));
      pending.set(versionedKey, page);
      try {
        const rendered = await page;
        if (rendered && version === current) remember(key, rendered);
      } finally {
        pending.delete(versionedKey);
      }
    },

    stats(): PageCacheStats {
      return { entries: pages.size, bytes, budget: options.budgetBytes, hits, misses };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
