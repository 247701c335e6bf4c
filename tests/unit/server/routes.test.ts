// The page table: which paths are pages, which segments can exist, and the canonical URL a page is cached under.
import { describe, expect, it } from "vitest";
import { canonicalPageUrl, matchApi, matchPage, PAGE_ROUTES } from "../../../lib/server/routes";

describe("matchPage", () => {
  it("finds each page of the table, and nothing else", () => {
    expect(matchPage("/")?.route.path).toBe("/");
    expect(matchPage("/regions/zhenan")).toMatchObject({ route: { path: "/regions/:slug" }, valid: true });
    expect(matchPage("/reports/12")).toMatchObject({ route: { path: "/reports/:id" }, valid: true });
    expect(matchPage("/reports/new")?.route.path).toBe("/reports/new");
    expect(matchPage("/compare/")?.route.path).toBe("/compare");
    expect(matchPage("/api/regions")).toBeNull();
    expect(matchPage("/_next/static/chunks/a.js")).toBeNull();
    expect(matchPage("/regions")).toBeNull();
  });

  it("marks segments that cannot exist", () => {
    for (const path of ["/regions/BAD!", "/regions/%E4%B8%B4", "/regions/-x", "/reports/abc", "/reports/0", "/reports/99999999999"]) {
      expect(matchPage(path)?.valid, path).toBe(false);
    }
    expect(matchPage("/regions/synthetic-0001")?.valid).toBe(true);
  });

  it("gives every API route its methods, HEAD and OPTIONS with GET", () => {
    expect(matchApi("/api/regions")).toEqual({ methods: ["GET", "HEAD", "OPTIONS"], valid: true });
    expect(matchApi("/api/regions/zhenan/facts")?.valid).toBe(true);
    expect(matchApi("/api/regions/BAD!/facts")?.valid).toBe(false);
    expect(matchApi("/api/nothing")).toBeNull();
  });
});

describe("canonicalPageUrl", () => {
  const compare = PAGE_ROUTES.find((route) => route.path === "/compare")!;

  it("keeps only the parameters the page reads, the first value of each, in the table's order", () => {
    const search = new URLSearchParams("utm_source=x&b=macheng&a=zhenan&a=linfen&lang=en&junk=1");
    expect(canonicalPageUrl(compare, "/compare", search)).toBe("/compare?a=zhenan&b=macheng&lang=en");
  });

  it("drops the query altogether when the page reads none of it", () => {
    expect(canonicalPageUrl(compare, "/compare", new URLSearchParams("x=1&y=2"))).toBe("/compare");
  });

  it("keeps empty values, which a page may read as given", () => {
    const home = PAGE_ROUTES.find((route) => route.path === "/")!;
    expect(canonicalPageUrl(home, "/", new URLSearchParams("q=&page=2"))).toBe("/?q=&page=2");
  });
});
