// The pages the server knows, with the query parameters each page reads and the methods it answers. The page cache
// keys a page by its route and these parameters only (first value of each, as lib/dashboard/params.ts reads
// them), so that unknown parameters never create entries; a page that starts reading a new parameter must list it
// here. Paths outside this table (the API, static files, unknown paths) are left to Next.js.

export interface PageRoute {
  /** `/regions/:slug`: `:name` matches one path segment, checked by SEGMENTS[name]. */
  path: string;
  params: readonly string[];
  /** Besides GET and HEAD: a form page that posts to itself. */
  post?: boolean;
  /** Pages whose content depends on who asks are never cached. */
  cache?: boolean;
}

export const PAGE_ROUTES: readonly PageRoute[] = [
  { path: "/", params: ["q", "page", "lang", "province", "level", "kind"] },
  { path: "/regions/:slug", params: ["lang"] },
  { path: "/compare", params: ["a", "b", "a0", "b0", "lang"] },
  { path: "/reports/new", params: ["lang"], post: true, cache: false },
  { path: "/reports/:id", params: ["lang", "page"] },
  { path: "/methodology", params: ["lang"] },
  { path: "/about", params: ["lang"] },
  { path: "/search", params: ["q", "lang"] },
  { path: "/login", params: ["next", "lang"], post: true, cache: false },
  { path: "/history", params: ["editor", "region", "report", "lang"] },
];

/** What a path segment may be: a region slug as the extractor makes them, a report id. */
export const SEGMENTS: Record<string, RegExp> = {
  slug: /^[a-z0-9][a-z0-9_-]{0,127}$/,
  id: /^[1-9][0-9]{0,9}$/,
};

/** The API routes and the methods their route.ts exports (HEAD and OPTIONS come with GET). */
export const API_ROUTES: readonly { path: string; methods: readonly string[] }[] = [
  { path: "/api/regions", methods: ["GET"] },
  { path: "/api/regions/suggest", methods: ["GET"] },
  { path: "/api/regions/:slug/facts", methods: ["GET"] },
  { path: "/api/compare", methods: ["GET"] },
  { path: "/api/dataset", methods: ["GET"] },
  { path: "/api/reports", methods: ["POST"] },
  { path: "/api/reports/preview", methods: ["POST"] },
  { path: "/api/gazetteer", methods: ["GET"] },
  { path: "/api/corrections", methods: ["POST"] },
  { path: "/api/corrections/:id/revert", methods: ["POST"] },
  { path: "/api/reports/:id/delete", methods: ["POST"] },
  { path: "/api/maintenance/reextract", methods: ["POST"] },
];

export interface RouteMatch {
  route: PageRoute;
  /** false when the path has the route's shape but a segment that cannot exist (a bad slug or id). */
  valid: boolean;
}

function matchPattern(pattern: string, pathname: string): boolean | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  let valid = true;
  for (let index = 0; index < want.length; index++) {
    if (want[index].startsWith(":")) {
      if (!got[index]) return null;
      let segment: string;
      try {
        segment = decodeURIComponent(got[index]);
      } catch {
        return false;
      }
      if (!SEGMENTS[want[index].slice(1)].test(segment)) valid = false;
    } else if (want[index] !== got[index]) return null;
  }
  return valid;
}

export function matchPage(pathname: string): RouteMatch | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  for (const route of PAGE_ROUTES) {
    const valid = matchPattern(route.path, path);
    if (valid !== null) return { route, valid };
  }
  return null;
}

/** The API route of a path, its methods, and whether its segments can exist (`/api/regions/%00/facts` cannot). */
export function matchApi(pathname: string): { methods: string[]; valid: boolean } | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  for (const route of API_ROUTES) {
    const valid = matchPattern(route.path, path);
    if (valid === null) continue;
    const methods = route.methods.includes("GET") ? [...route.methods, "HEAD", "OPTIONS"] : [...route.methods, "OPTIONS"];
    return { methods, valid };
  }
  return null;
}

/** The page's URL with only the parameters it reads: the first value of each, in the table's order. */
export function canonicalPageUrl(route: PageRoute, pathname: string, search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of route.params) {
    const value = search.get(name);
    if (value !== null) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${pathname}?${query}` : pathname;
}
