// The origin that absolute links (CSV `source` columns, JSON) are built on. PUBLIC_URL wins when set (the address
// readers use, say https://atlas.example.org behind a proxy); otherwise the request's own Host. The
// X-Forwarded-Host and -Proto headers are anyone's to send, so they count only with TRUST_PROXY=1, when a proxy
// of ours sets them.

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(",")[0].trim() || undefined; // a proxy chain appends: the first is the client's
}

/** A host name with an optional port, as RFC 3986 allows it (no user info, no path): anything else is not used. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function isValidHost(host: string | undefined): host is string {
  return host !== undefined && host.length <= 260 && HOST.test(host);
}

export interface OriginSettings {
  publicUrl?: string;
  trustProxy?: boolean;
  fallback?: string;
}

const fromEnvironment = (): OriginSettings => ({
  publicUrl: process.env.PUBLIC_URL || undefined,
  trustProxy: process.env.TRUST_PROXY === "1",
  fallback: `http://localhost:${process.env.PORT ?? 3000}`,
});

/** `https://atlas.example.org` (no trailing slash) for links in a response to a request with these headers. */
export function publicOrigin(headers: HeaderSource, settings: OriginSettings = fromEnvironment()): string {
  if (settings.publicUrl) return new URL(settings.publicUrl).origin;
  const forwardedHost = settings.trustProxy ? header(headers, "x-forwarded-host") : undefined;
  const forwardedProto = settings.trustProxy ? header(headers, "x-forwarded-proto") : undefined;
  const host = isValidHost(forwardedHost) ? forwardedHost : header(headers, "host");
  if (!isValidHost(host)) return settings.fallback ?? "http://localhost";
  const protocol = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${protocol}://${host.toLowerCase()}`;
}
