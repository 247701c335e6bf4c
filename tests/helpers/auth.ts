// Requests to the app's route handlers as a browser on http://localhost:3000 would send them, and sign-in helpers.
export const ORIGIN = "http://localhost:3000";

export function request(path: string, init: { method?: string; body?: BodyInit; json?: unknown; cookie?: string; origin?: string | null; address?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-for": init.address ?? "10.1.1.1", ...init.headers });
  if (init.origin !== null) headers.set("origin", init.origin ?? ORIGIN);
  if (init.cookie) headers.set("cookie", init.cookie);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  return new Request(`${ORIGIN}${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

/** The session cookie from a sign-in response ("name=value"). */
export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token="));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(";")[0];
}
