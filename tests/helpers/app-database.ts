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

/** Creates accounts in the app's database through lib/auth, as `atlas user add` does. */
export async function addAppUsers(accounts: { email: string; password: string; role: "editor" | "admin" }[]): Promise<void> {
  process.env.DATABASE_URL = inject("appDatabaseUrl");
  const users = await import("../../lib/auth/users");
  for (const account of accounts) await users.addUser(account.email, account.role, account.password);
  await (await import("../../lib/auth/server")).closeAuth();
}

/** Removes those accounts again: the other e2e files count the seeded accounts. */
export async function removeAppUsers(accounts: { email: string }[]): Promise<void> {
  await appQuery(`DELETE FROM "user" WHERE email = ANY($1)`, [accounts.map((account) => account.email)]);
}
