// atlas migrate [new NAME]: apply the checked-in migrations, or diff the schema into a new migration folder.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations, diffSchemas, loadMigrationList, migrationsDir, schemaPath } from "../../../lib/db/migrate";
import { withDatabase } from "../../../lib/db/server";
import { EXIT, parseArgs, UsageError, type Command } from "../command";

const command: Command = {
  help: `usage: atlas migrate            apply pending migrations to DATABASE_URL (or the embedded server)
       atlas migrate new NAME   write prisma/migrations/<timestamp>_NAME/migration.sql, the difference between the
                                schema saved with the latest migration and prisma/schema.prisma

Prints the migrations applied, or "database is up to date".
exit codes: 0 done; 1 failure (database unavailable, a migration failed); 2 bad input (an unknown argument, a
name that is not snake_case)`,

  async run(args) {
    const { positionals } = parseArgs(args);
    if (positionals.length === 0) {
      const applied = await withDatabase((url) => applyMigrations(url));
      console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
      return EXIT.ok;
    }
    if (positionals[0] !== "new" || positionals.length !== 2) throw new UsageError(`unexpected ${positionals.join(" ")}`);
    return newMigration(positionals[1]);
  },
};

async function newMigration(name: string): Promise<number> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new UsageError(`migration name must be snake_case, got "${name}"`);
  const latest = loadMigrationList().migrationDirectories.at(-1);
  const snapshot = latest && path.join(migrationsDir, latest.path, "schema.prisma");
  const previous = snapshot && existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null;
  const sql = await withDatabase((url) => diffSchemas(url, previous));
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema unchanged: no migration written");
    return EXIT.ok;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(schemaPath, path.join(dir, "schema.prisma"));
  if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
    writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  }
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  return EXIT.ok;
}

export default command;
