import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isCacheablePageRequest } from "../../../lib/server/page-cache";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

describe("isCacheablePageRequest", () => {
  it("caches document requests for pages", () => {
    expect(isCacheablePageRequest(request("/"))).toBe(true);
    expect(isCacheablePageRequest(request("/compare?a=zhenan&b=macheng&lang=en"))).toBe(true);
  });
  it("leaves the API, static files, client navigations and other methods alone", () => {
    expect(isCacheablePageRequest(request("/api/regions"))).toBe(false);
    expect(isCacheablePageRequest(request("/_next/static/chunks/a.js"))).toBe(false);
    expect(isCacheablePageRequest(request("/static-check.html"))).toBe(false);
    expect(isCacheablePageRequest(request("/regions/zhenan", { rsc: "1" }))).toBe(false);
    expect(isCacheablePageRequest(request("/", {}, "POST"))).toBe(false);
  });
});
