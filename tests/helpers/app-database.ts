// The end-to-end tests read the app's database directly, to check what the pages show against what is stored.
import pg from "pg";
import { inject } from "vitest";

/** Rows of one query on the database the app under test uses (a connection of its own, closed after). */
export async function appQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
