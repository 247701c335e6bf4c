// Kinds of database failure, without loading the database client (the command line's start-up stays light).
/** Whether an error says the database could not be reached (rather than that a statement failed). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  return /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|P1001)$/.test(code) || /ECONNREFUSED|Can't reach database|Connection terminated|connect ETIMEDOUT/i.test(message);
}
