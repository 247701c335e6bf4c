// Security headers. Pages get a Content-Security-Policy with a fresh nonce per request (Next.js puts it on its own
// scripts), so that nothing injected into a page (say a <script> inside a report's text) can run; the API gets a
// policy that lets nothing load or run at all. Both get the headers of lib/server/security-headers.ts (nosniff,
// no framing, HSTS when PUBLIC_URL is https). The `npm start` server adds the same to every other response.
import { NextResponse, type NextRequest } from "next/server";
import { NON_HTML_POLICY, securityHeaders } from "./lib/server/security-headers";

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts set style attributes and html-to-image inlines styles while exporting.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", NON_HTML_POLICY);
    for (const [name, value] of Object.entries(securityHeaders())) response.headers.set(name, value);
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The root layout's <html lang> follows the page's language, which lives in its query string (lib/dashboard/i18n.ts).
  requestHeaders.set("x-atlas-lang", request.nextUrl.searchParams.get("lang") === "en" ? "en" : "zh");
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders())) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages and the API; static assets need no nonce (the npm start server gives them the other headers).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
