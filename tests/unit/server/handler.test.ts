// The npm start request handler in front of a stand-in for Next.js (a real HTTP server; the stand-in renders a
// page that carries its CSP nonce, like proxy.ts makes Next.js do): status codes before any rendering, security
// headers, compression, the page cache's byte budget, keys and single flight, and the failure log.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHandler } from "../../../lib/server/handler";
import { createFailureLog, noteRequestError, type RequestContext } from "../../../lib/server/request-log";

interface Rendered { url: string; method: string; acceptEncoding?: string }
let rendered: Rendered[] = [];
let renderDelayMs = 0;
let pageBytes = 2_000;
let failWith: Error | undefined;
const failures: string[] = [];

async function fakeNext(request: IncomingMessage, response: ServerResponse): Promise<void> {
  rendered.push({ url: request.url!, method: request.method!, acceptEncoding: request.headers["accept-encoding"] as string | undefined });
  if (renderDelayMs) await new Promise((resolve) => setTimeout(resolve, renderDelayMs));
  if (failWith) {
    noteRequestError(failWith); // as Next.js's error log does, through the patched console.error
    response.statusCode = 500;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end("<html>error page</html>");
    return;
  }
  if (request.url!.startsWith("/api/")) {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ url: request.url }));
    return;
  }
  const nonce = Buffer.from(randomUUID()).toString("base64");
  response.setHeader("content-security-policy", `script-src 'nonce-${nonce}'`);
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.statusCode = request.url === "/_not-found" ? 404 : 200;
  // Random (incompressible) filler, so that stored sizes are what the budget test expects.
  response.end(`<html><script nonce="${nonce}"></script><p>${request.url}</p><!--${randomBytes(pageBytes / 2).toString("hex")}--></html>`);
}

const BUDGET = 256 * 1024;
const handler = createHandler({
  render: fakeNext,
  dataVersion: async () => "v1",
  cacheBudgetBytes: BUDGET,
  publicUrl: "https://atlas.example.org",
  logFailure: createFailureLog((line) => failures.push(line), { perWindow: 3, windowMs: 60_000 }),
});
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  rendered = [];
  renderDelayMs = 0;
  pageBytes = 2_000;
  failWith = undefined;
});

interface Answer { status: number; headers: IncomingMessage["headers"]; body: Buffer }

/** A raw HTTP request (fetch refuses TRACE and a Host of our choosing). */
function send(path: string, { method = "GET", headers = {} as Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path, method, headers: { "accept-encoding": "gzip, br", ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode!, headers: incoming.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

function text(answer: Answer): string {
  const encoding = answer.headers["content-encoding"];
  const body = encoding === "gzip" ? gunzipSync(answer.body) : encoding === "br" ? brotliDecompressSync(answer.body) : answer.body;
  return body.toString("utf8");
}

describe("before any rendering", () => {
  it.each([
    ["/regions/%00", 400], ["/regions/%zz", 400], ["/api/regions/%00/facts", 400], ["/?q=%E4%B8", 200], ["/?q=%", 400],
  ])("%s → %i", async (path, status) => {
    const answer = await send(path);
    expect(answer.status).toBe(status);
    if (status === 400) expect(rendered).toEqual([]);
  });

  it("sends a slug or id that cannot exist to the not-found page, never to the page itself", async () => {
    for (const path of ["/regions/BAD!", "/reports/abc"]) {
      const answer = await send(path);
      expect(answer.status).toBe(404);
    }
    expect(rendered.map((entry) => entry.url)).toEqual(["/_not-found", "/_not-found"]);
    expect((await send("/api/regions/BAD!/facts")).status).toBe(404);
    expect(rendered).toHaveLength(2);
  });

  it("answers methods a path does not take with 405 and Allow", async () => {
    for (const method of ["POST", "PUT", "DELETE", "TRACE", "PATCH"]) {
      const page = await send("/regions/zhenan", { method });
      expect(page.status, method).toBe(405);
      expect(page.headers.allow).toBe("GET, HEAD");
    }
    const api = await send("/api/regions", { method: "TRACE" });
    expect(api.status).toBe(405);
    expect(api.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect((await send("/_next/static/x.js", { method: "DELETE" })).status).toBe(405);
    expect(rendered).toEqual([]);
    expect((await send("/login", { method: "POST" })).status).toBe(200); // a form page posts to itself
  });

  it("rejects a malformed Host", async () => {
    expect((await send("/", { headers: { host: "evil.example/x" } })).status).toBe(400);
  });
});

describe("every response", () => {
  it("carries the security headers, with a locked-down policy for what is not a page, and HSTS for an https PUBLIC_URL", async () => {
    for (const path of ["/", "/api/regions", "/regions/%00", "/_next/static/x.js"]) {
      const answer = await send(path, { method: path.startsWith("/_next") ? "DELETE" : "GET" });
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      expect(answer.headers["strict-transport-security"], path).toMatch(/^max-age=\d+/);
      expect(answer.headers["x-frame-options"], path).toBe("DENY");
    }
    expect((await send("/api/regions")).headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect((await send("/?q=x")).headers["content-security-policy"]).toMatch(/^script-src 'nonce-/); // the page's own
  });

  it("is compressed by Accept-Encoding, with Vary, and Next.js never sees Accept-Encoding", async () => {
    const brotli = await send("/api/regions", { headers: { "accept-encoding": "br" } });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(text(brotli))).toEqual({ url: "/api/regions" });
    const gzip = await send("/api/regions", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const none = await send("/api/regions", { headers: { "accept-encoding": "identity" } });
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(rendered.every((entry) => entry.acceptEncoding === undefined)).toBe(true);
  });

  it("drops X-Forwarded-* headers from clients (no TRUST_PROXY)", async () => {
    let seen: IncomingMessage["headers"] | undefined;
    const probe = createHandler({ render: async (request, response) => void ((seen = request.headers), response.end("ok")), dataVersion: async () => "v", cacheBudgetBytes: BUDGET });
    const probeServer = createServer(probe).listen(0, "127.0.0.1");
    await new Promise((resolve) => probeServer.once("listening", resolve));
    const probePort = (probeServer.address() as AddressInfo).port;
    await fetch(`http://127.0.0.1:${probePort}/api/x`, { headers: { "x-forwarded-host": "evil.example" } });
    probeServer.close();
    expect(seen?.["x-forwarded-host"]).toBeUndefined();
  });
});

describe("page cache", () => {
  it("keys a page by the parameters it reads: unknown parameters render once and hit after", async () => {
    const first = await send("/compare?a=zhenan&b=macheng&utm=1");
    const second = await send("/compare?b=macheng&a=zhenan&ref=2&a=linfen");
    expect(first.headers["x-atlas-cache"]).toBe("miss");
    expect(second.headers["x-atlas-cache"]).toBe("hit");
    expect(rendered.map((entry) => entry.url)).toEqual(["/compare?a=zhenan&b=macheng"]);
    const nonceOf = (answer: Answer) => String(answer.headers["content-security-policy"]).match(/'nonce-([^']+)'/)![1];
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(text(second)).toContain(`nonce="${nonceOf(second)}"`);
    expect(text(second).replace(nonceOf(second), "N")).toBe(text(first).replace(nonceOf(first), "N"));
    expect(second.headers["content-encoding"]).toBe("gzip");
    expect(text(await send("/compare?a=zhenan&b=macheng", { headers: { "accept-encoding": "identity" } }))).toContain("<p>/compare?a=zhenan&amp;b=macheng</p>".replace("&amp;", "&"));
  });

  it("renders a missing page once however many ask for it at the same time", async () => {
    renderDelayMs = 150;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => send(`/regions/linfen?lang=en&n=${index}`)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(rendered).toHaveLength(1);
    expect(answers.filter((answer) => answer.headers["x-atlas-cache"] === "miss")).toHaveLength(1);
  });

  it("stays within its byte budget, dropping the least recently used pages", async () => {
    pageBytes = 60_000; // random hex: about 30 KB stored each, so that 30 pages need three times the budget
    for (let index = 0; index < 30; index++) {
      await send(`/?q=budget${index}`);
      expect(handler.cacheStats().bytes).toBeLessThanOrEqual(BUDGET);
    }
    expect(handler.cacheStats().entries).toBeLessThan(12);
    rendered = [];
    await send("/?q=budget29");
    await send("/?q=budget0");
    expect(rendered.map((entry) => entry.url)).toEqual(["/?q=budget0"]); // the newest was kept, the oldest dropped
  });

  it("does not keep a page larger than a quarter of the budget, nor answers to requests with cookies", async () => {
    pageBytes = 300_000; // about 150 KB stored, more than a quarter of 256 KB
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300)); // the page is compressed after it is sent
    await send("/?q=huge");
    await settle();
    await send("/?q=huge");
    await settle();
    expect(rendered).toHaveLength(2);
    pageBytes = 2_000;
    await send("/?q=cookie", { headers: { cookie: "session=1" } });
    await send("/?q=cookie", { headers: { cookie: "session=1" } });
    expect(rendered).toHaveLength(4);
  });
});

describe("failures", () => {
  it("turns a 500 caused by an outage into 503 with Retry-After, and logs one line per request, then a count", async () => {
    failWith = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    failures.length = 0;
    for (let index = 0; index < 5; index++) {
      const answer = await send(`/regions/linfen?n=${index}`, { headers: { cookie: "c=1" } });
      expect(answer.status).toBe(503);
      expect(answer.headers["retry-after"]).toBe("5");
    }
    expect(failures).toHaveLength(3); // perWindow
    expect(failures[0]).toMatch(/^\S+ GET \/regions\/linfen\?n=0 503 database unavailable: ECONNREFUSED connect ECONNREFUSED/);
    expect(failures.every((line) => !line.includes("\n"))).toBe(true);
  });

  it("summarizes what it held back once the window ends", async () => {
    const lines: string[] = [];
    const log = createFailureLog((line) => lines.push(line), { perWindow: 1, windowMs: 50 });
    const context = (error: unknown): RequestContext => ({ method: "GET", url: "/", error });
    for (let index = 0; index < 4; index++) log(context(Object.assign(new Error("down"), { code: "ECONNREFUSED" })), 503);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/… and 3 more failed requests in 0\.05 s: 3× database unavailable$/);
  });
});

describe("render limit", () => {
  it("renders at most the limit of distinct pages at once, and queues the rest", async () => {
    const { createLimiter } = await import("../../../lib/server/page-cache");
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 8 }, () => limit(async () => {
      peak = Math.max(peak, ++active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active--;
    })));
    expect(peak).toBe(2);
  });
});
