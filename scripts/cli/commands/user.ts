// atlas user add|list|remove|password: editor accounts (there is no sign-up in the browser).
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { closeAuth } from "../../../lib/auth/server";
import { addUser, checkPassword, checkRole, listUsers, removeUser, setPassword } from "../../../lib/auth/users";
import { applyMigrations } from "../../../lib/db/migrate";
import { withDatabase } from "../../../lib/db/server";
import { EXIT, parseArgs, UsageError, type Command } from "../command";

const command: Command = {
  help: `usage: atlas user add <email> --role editor|admin   create an account
       atlas user list                             every account: email, role, live sessions, created
       atlas user remove <email>                   delete an account and end its sessions
       atlas user password <email>                 set a new password and end the account's sessions

The password is read from ATLAS_PASSWORD when set (for scripts), otherwise asked for in the terminal (not echoed,
asked twice); at least 8 characters. Editors can upload reports and correct figures; admins can also revert
changes, delete reports and re-extract them.
exit codes: 0 done; 1 failure (database unavailable); 2 bad input (unknown account, existing account, bad role,
short password)`,

  async run(args) {
    const { positionals, values } = parseArgs(args, { values: ["role"] });
    const [action, email, ...rest] = positionals;
    if (rest.length) throw new UsageError(`unexpected ${rest.join(" ")}`);
    const needsEmail = action === "add" || action === "remove" || action === "password";
    if (!action || (!needsEmail && action !== "list")) throw new UsageError(action ? `unknown action "${action}"; actions: add, list, remove, password` : "give an action: add, list, remove, password");
    if (needsEmail && !email) throw new UsageError(`give the account's email: atlas user ${action} <email>`);
    if (!needsEmail && email) throw new UsageError(`unexpected ${email}`);
    if (action !== "add" && values.role) throw new UsageError("--role is for atlas user add");
    const role = action === "add" ? checkRole(values.role) : undefined;
    const password = action === "add" || action === "password" ? checkPassword(await readPassword()) : "";

    await withDatabase(async (url) => {
      await applyMigrations(url);
      process.env.DATABASE_URL = url;
      try {
        if (action === "add") {
          const user = await addUser(email, role!, password);
          console.log(`added ${user.email} (${user.role})`);
        } else if (action === "list") {
          const users = await listUsers();
          if (!users.length) console.log("no accounts (atlas user add <email> --role editor|admin)");
          for (const user of users) console.log(`${user.email}\t${user.role}\t${user.sessions} sessions\tcreated ${user.createdAt.toISOString().slice(0, 10)}`);
        } else if (action === "remove") {
          await removeUser(email);
          console.log(`removed ${email.trim().toLowerCase()}`);
        } else {
          await setPassword(email, password);
          console.log(`password changed for ${email.trim().toLowerCase()}; its sessions were ended`);
        }
      } finally {
        await closeAuth();
      }
    });
    return EXIT.ok;
  },
};

async function readPassword(): Promise<string> {
  if (process.env.ATLAS_PASSWORD) return process.env.ATLAS_PASSWORD;
  if (!process.stdin.isTTY) throw new UsageError("set ATLAS_PASSWORD, or run in a terminal to be asked for the password");
  const first = await ask("password: ");
  const second = await ask("again: ");
  if (first !== second) throw new UsageError("the two passwords differ");
  return first;
}

/** One line from the terminal without echoing it. */
function ask(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    reader.question("", (answer) => {
      reader.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

export default command;
