// The request handler of the `npm start` web server, in front of Next.js:
//  1. security headers on every response (lib/server/security-headers.ts; pages get theirs from proxy.ts);
//  2. requests that cannot name anything (a NUL byte, bad percent-encoding, a bad Host, a slug or id that cannot
//     exist) are answered 400 or 404 before any query, and methods a path does not take 405 with Allow;
//  3. pages are served from the page cache (lib/server/page-cache.ts) under their route and the parameters they
//     read (lib/server/routes.ts), rendered at most once at a time;
//  4. everything else HTML, JSON, CSV, JavaScript … is compressed here (brotli or gzip by Accept-Encoding, with
//     Vary), Next.js's own compression being left nothing to do;
//  5. one log line per failed request (lib/server/request-log.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";
import { classifyFailure } from "./errors";
import { createPageCache, isNavigationRequest } from "./page-cache";
import { isValidHost } from "./public-url";
import { createFailureLog, requestContext, type RequestContext } from "./request-log";
import { canonicalPageUrl, matchApi, matchPage } from "./routes";
import { NON_HTML_POLICY, securityHeaders } from "./security-headers";

export interface HandlerOptions {
  render: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  dataVersion: () => Promise<string>;
  cacheBudgetBytes: number;
  /** Page renders at once for the cache (others queue). */
  concurrentRenders?: number;
  trustProxy?: boolean;
  publicUrl?: string;
  logFailure?: (context: RequestContext, status: number) => void;
}

const READ_METHODS = ["GET", "HEAD"];

/** A request-target with a NUL byte or a `%` not followed by two hex digits cannot name anything. */
export function isMalformedTarget(target: string): boolean {
  return /%00|\0/.test(target) || /%(?![0-9a-f]{2})/i.test(target);
}

/**
 * Just before the headers go out: defaults for headers the app did not set itself, and a 500 caused by the
 * database being unreachable becomes 503 with Retry-After (the app's error page says the same to readers).
 */
function beforeHeaders(response: ServerResponse, defaults: Record<string, string>, context: RequestContext): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if ((args[0] ?? this.statusCode) === 500 && context.error !== undefined && classifyFailure(context.error) === "outage") {
      args[0] = 503;
      if (typeof args[1] === "string") args[1] = "Service Unavailable";
      this.statusCode = 503;
      this.setHeader("Retry-After", "5");
    }
    const passed = args.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg)) as Record<string, unknown> | undefined;
    const has = (name: string) => this.hasHeader(name) || Object.keys(passed ?? {}).some((key) => key.toLowerCase() === name.toLowerCase());
    for (const [name, value] of Object.entries(defaults)) if (!has(name)) this.setHeader(name, value);
    if (!has("content-security-policy")) this.setHeader("Content-Security-Policy", NON_HTML_POLICY);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.writeHead;
}

function plain(response: ServerResponse, status: number, message: string, api: boolean, headers: Record<string, string> = {}): void {
  const body = api ? JSON.stringify({ error: message }) : `${message}\n`;
  response.writeHead(status, { ...headers, "Content-Type": api ? "application/json" : "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  response.end(body);
}

export function createHandler(options: HandlerOptions) {
  const cache = createPageCache({ dataVersion: options.dataVersion, budgetBytes: options.cacheBudgetBytes, concurrentRenders: options.concurrentRenders });
  const compress = compression({ threshold: 0 });
  const logFailure = options.logFailure ?? createFailureLog();
  const headers = securityHeaders(options.publicUrl);

  /** `inner` behind our compression: Next.js sees no Accept-Encoding, so it never compresses a second time. */
  function compressed(request: IncomingMessage, response: ServerResponse, inner: () => Promise<void>): Promise<void> {
    const negotiation = { method: request.method, headers: { "accept-encoding": request.headers["accept-encoding"] } } as unknown as IncomingMessage;
    delete request.headers["accept-encoding"];
    return new Promise((resolve, reject) => {
      compress(negotiation as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => inner().then(resolve, reject));
    });
  }

  const renderCompressed = (request: IncomingMessage, response: ServerResponse) => compressed(request, response, () => options.render(request, response));

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? "/";
    const api = target.startsWith("/api/") || target === "/api";
    if (isMalformedTarget(target)) return plain(response, 400, "bad request: the address holds a NUL byte or bad percent-encoding", api);
    if (!isValidHost(request.headers.host)) return plain(response, 400, "bad request: missing or malformed Host header", api);
    if (!options.trustProxy) {
      // Anyone can send these; only a proxy of ours (TRUST_PROXY=1) is believed.
      for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "x-forwarded-port"]) delete request.headers[name];
    }
    // Sign-in attempts are counted per address (lib/auth/server.ts) by this header: the connecting address, unless
    // a proxy of ours set it.
    request.headers["x-forwarded-for"] ||= request.socket?.remoteAddress ?? "";
    const url = new URL(target, "http://localhost");
    const method = request.method ?? "GET";
    const page = matchPage(url.pathname);

    if (page) {
      const allowed = page.route.post ? [...READ_METHODS, "POST"] : READ_METHODS;
      if (!allowed.includes(method)) return plain(response, 405, `method ${method} not allowed`, false, { Allow: allowed.join(", ") });
      if (!page.valid) {
        request.url = "/_not-found"; // Next.js renders the app's not-found page, with status 404 and no query
        return renderCompressed(request, response);
      }
      if (method === "POST") return renderCompressed(request, response);
      if (isNavigationRequest(request)) {
        // Client-side navigations carry a cache-busting _rsc parameter that Next.js checks: keep it.
        const canonical = new URL(canonicalPageUrl(page.route, url.pathname, url.searchParams), "http://localhost");
        const rsc = url.searchParams.get("_rsc");
        if (rsc !== null) canonical.searchParams.set("_rsc", rsc);
        request.url = canonical.pathname + canonical.search;
        return renderCompressed(request, response);
      }
      request.url = canonicalPageUrl(page.route, url.pathname, url.searchParams);
      if (method !== "GET" || page.route.cache === false || request.headers.cookie) return renderCompressed(request, response);
      // A hit is gzip already (the middleware leaves it alone); a miss is captured as Next.js writes it, before
      // compression.
      const acceptEncoding = request.headers["accept-encoding"];
      return compressed(request, response, () => cache.serve(request, response, request.url!, acceptEncoding, () => options.render(request, response)));
    }

    if (api) {
      const endpoint = matchApi(url.pathname);
      if (endpoint && !endpoint.methods.includes(method)) return plain(response, 405, `method ${method} not allowed`, true, { Allow: endpoint.methods.join(", ") });
      if (endpoint && !endpoint.valid) return plain(response, 404, "not found", true);
      return renderCompressed(request, response);
    }
    if (!READ_METHODS.includes(method)) return plain(response, 405, `method ${method} not allowed`, false, { Allow: READ_METHODS.join(", ") });
    return renderCompressed(request, response);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const context: RequestContext = { method: request.method ?? "GET", url: request.url ?? "/" };
    beforeHeaders(response, headers, context);
    response.once("finish", () => {
      if (response.statusCode >= 500) logFailure(context, response.statusCode);
    });
    requestContext.run(context, () => {
      route(request, response).catch((error) => {
        context.error ??= error;
        if (!response.headersSent) plain(response, 500, "internal error", context.url.startsWith("/api/"));
        else response.destroy();
      });
    });
  }

  return Object.assign(handle, { cacheStats: () => cache.stats() });
}
