// Responses of the JSON/CSV API routes.
import { classifyFailure, summarizeFailure } from "../server/errors";
import { publicOrigin } from "../server/public-url";
import { noteRequestError } from "../server/request-log";
import { toCsv } from "./csv";

export function csvResponse(fileName: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Response {
  return new Response(toCsv(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
}

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers });
}

export function wantsCsv(url: URL): boolean {
  return url.searchParams.get("format") === "csv";
}

/** The origin for absolute links in a response to `request`: PUBLIC_URL, else its Host (lib/server/public-url.ts). */
export function linkOrigin(request: Request): string {
  return publicOrigin(request.headers);
}

/**
 * Wraps an API handler. A failure is answered by what it was: the database unreachable → 503 with Retry-After,
 * input PostgreSQL rejects as data (a NUL byte …) → 400, anything else → 500; and logged as one line by the server
 * (lib/server/request-log.ts), or here when the route runs without it.
 */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      const kind = classifyFailure(error);
      const noted = noteRequestError(error);
      if (kind === "internal") console.error(error); // a fault of ours: its stack is worth seeing
      else if (!noted) console.error(`API request failed (${kind}): ${summarizeFailure(error)}`);
      if (kind === "outage") return jsonError(503, "the database is unavailable; try again shortly", { "retry-after": "5" });
      if (kind === "bad-input") return jsonError(400, "the request holds a value the database cannot take");
      return jsonError(500, "internal error");
    }
  };
}
