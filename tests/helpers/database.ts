import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { applyMigrations } from "../../lib/db/migrate";
import { createDatabaseClient, type Database } from "../../lib/db/client";
import { dropDatabase, ensureDatabase, withDatabaseName } from "../../lib/db/server";

export interface TestDatabase {
  url: string;
  name: string;
  client: Database;
  drop: () => Promise<void>;
}

/** A new, empty database on the test server; `migrate: true` applies the checked-in migrations to it. */
export async function freshDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const admin = inject("adminDatabaseUrl");
  const name = `atlas_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(admin, name);
  const url = withDatabaseName(admin, name);
  if (migrate) await applyMigrations(url);
  const client = createDatabaseClient(url);
  return {
    url,
    name,
    client,
    drop: async () => {
      await client.$disconnect();
      await dropDatabase(admin, name);
    },
  };
}

/**
 * A fresh database holding the shipped reports, set as DATABASE_URL for the lib/queries modules a test imports
 * afterwards; its drop() closes the app's own client too.
 */
export async function seededQueryDatabase(): Promise<TestDatabase> {
  const database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  const { seedReports } = await import("../../lib/db/seed");
  await seedReports(database.client);
  return {
    ...database,
    drop: async () => {
      const { disconnectDatabase } = await import("../../lib/db/client");
      await disconnectDatabase();
      await database.drop();
    },
  };
}
