// Responses of the JSON/CSV API routes.
import { toCsv } from "./csv";

export function csvResponse(fileName: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Response {
  return new Response(toCsv(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
}

export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

export function wantsCsv(url: URL): boolean {
  return url.searchParams.get("format") === "csv";
}

/** Wraps an API handler: a failure (the database being down, most often) becomes a 503 with a JSON reason. */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error(error);
      return jsonError(503, "the database is unavailable; try again shortly");
    }
  };
}
