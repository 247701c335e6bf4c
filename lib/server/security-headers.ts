// Security headers for every response of the app (proxy.ts sets a page's own Content-Security-Policy with its
// nonce; everything else, the API and static files included, gets these). No Node-only imports: proxy.ts uses it.

/** For anything that is not a page: nothing may load or run from it, and nothing may frame it. */
export const NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'";
const ONE_YEAR = 365 * 24 * 60 * 60;

export function securityHeaders(publicUrl = process.env.PUBLIC_URL): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
  };
  // Only when readers come over HTTPS: HSTS on a plain-HTTP deployment would lock browsers out of it.
  if (publicUrl?.startsWith("https://")) headers["Strict-Transport-Security"] = `max-age=${ONE_YEAR}; includeSubDomains`;
  return headers;
}
