// What a failure while answering a request was: the database being unreachable (an outage: 503, try again), input
// that PostgreSQL rejected as data (SQLSTATE class 22, e.g. a NUL byte: 400), or a fault of ours (500). Errors
// arrive wrapped (Prisma, its pg driver adapter, pg), so codes are looked for along `cause` and `meta` too.

export type FailureKind = "outage" | "bad-input" | "internal";

const OUTAGE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  "P1001", "P1002", "P1008", "P1017", "P2024", // Prisma: unreachable, timed out, closed, no pooled connection in time
  "57P01", "57P02", "57P03", "53300", // PostgreSQL: shut down, crashed, starting up, too many connections
]);
const OUTAGE_MESSAGES = /Can't reach database|Connection terminated|connection timeout|DatabaseNotReachable|ConnectionClosed|DATABASE_URL is not set|the database system is (starting up|shutting down)/i;

/** Every `code` along the error's causes, and PostgreSQL's SQLSTATE wherever an adapter put it. */
function codesOf(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== "object" || error === null || seen.has(error)) return [];
  seen.add(error);
  const record = error as Record<string, unknown>;
  const own = ["code", "originalCode", "sqlState"].map((key) => record[key]).filter((value): value is string => typeof value === "string");
  return [...own, ...["cause", "meta", "driverAdapterError", "error"].flatMap((key) => codesOf(record[key], seen))];
}

function messagesOf(error: unknown, seen = new Set<unknown>()): string {
  if (typeof error !== "object" || error === null || seen.has(error)) return String(error ?? "");
  seen.add(error);
  const record = error as Record<string, unknown>;
  return [record.message, ...["cause", "meta", "driverAdapterError"].map((key) => messagesOf(record[key], seen))].filter(Boolean).join(" | ");
}

export function classifyFailure(error: unknown): FailureKind {
  const codes = codesOf(error);
  if (codes.some((code) => OUTAGE_CODES.has(code) || /^08/.test(code))) return "outage"; // class 08: connection exception
  if (codes.some((code) => /^22[0-9A-Z]{3}$/.test(code))) return "bad-input";
  const message = messagesOf(error);
  if (OUTAGE_MESSAGES.test(message) || (error instanceof Error && error.name === "DatabaseNotConfiguredError")) return "outage";
  if (/invalid byte sequence|invalid input syntax|out of range for type/i.test(message)) return "bad-input";
  return "internal";
}

/** One line about the error: its first code and the first line of its message. */
export function summarizeFailure(error: unknown): string {
  const code = codesOf(error)[0];
  // Prisma's messages open with "Invalid `prisma.x.y()` invocation", maybe where and a code frame, and say what
  // happened last.
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((line) => line.trim()).filter(Boolean);
  const message = (/^Invalid `/.test(lines[0] ?? "") ? lines.at(-1) : lines[0]) ?? "";
  return `${code ? `${code} ` : ""}${message.slice(0, 200)}`;
}
