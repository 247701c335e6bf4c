/** Where to go after signing in: only a path on this site (`https://evil.example` or `//evil.example` → "/"). */
export function safeNext(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : "/";
}
