// One Prisma client per process, created on first use so that `next build` and plain imports need no database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Database = InstanceType<typeof PrismaClient>;

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super("DATABASE_URL is not set: start the app with `npm start`, or set DATABASE_URL to a PostgreSQL server");
  }
}

const globalForPrisma = globalThis as unknown as { atlasPrisma?: Database };

export function createDatabaseClient(connectionString: string): Database {
  // A short connect timeout turns a database that is down into a clear error instead of a hanging page.
  const adapter = new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

export function db(): Database {
  if (!globalForPrisma.atlasPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new DatabaseNotConfiguredError();
    globalForPrisma.atlasPrisma = createDatabaseClient(url);
  }
  return globalForPrisma.atlasPrisma;
}

export async function disconnectDatabase(): Promise<void> {
  await globalForPrisma.atlasPrisma?.$disconnect();
  globalForPrisma.atlasPrisma = undefined;
}
