// A report's source URL: only absolute http and https addresses are kept or linked (never javascript:, data:, file:).

/** The address normalised, or null when it is not an absolute http(s) URL. */
export function parseSourceUrl(text: string): string | null {
  if (/[\s\u0000-\u001f]/.test(text.trim())) return null;
  try {
    const url = new URL(text.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}
