// Creating and managing editor accounts (`atlas user …`): through Better Auth's own adapter and password hash, so
// that accounts made here sign in exactly like any other.
import { getAuth, ROLES, type Role } from "./server";

export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError"; // bad input for the CLI (exit 2)
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkRole(role: string | undefined): Role {
  if (!role) throw new UserInputError(`give --role ${ROLES.join("|")}`);
  if (!(ROLES as readonly string[]).includes(role)) throw new UserInputError(`unknown role "${role}"; roles: ${ROLES.join(", ")}`);
  return role as Role;
}

export function checkPassword(password: string): string {
  if (password.length < 8) throw new UserInputError("the password needs at least 8 characters");
  if (password.length > 256) throw new UserInputError("the password may have at most 256 characters");
  return password;
}

function normalEmail(email: string): string {
  const normal = email.trim().toLowerCase();
  if (!EMAIL.test(normal)) throw new UserInputError(`not an email address: "${email}"`);
  return normal;
}

export async function addUser(email: string, role: Role, password: string): Promise<{ id: string; email: string; role: Role }> {
  const address = normalEmail(email);
  checkPassword(password);
  const context = await (await getAuth()).$context;
  if (await context.internalAdapter.findUserByEmail(address)) throw new UserInputError(`${address} already has an account (atlas user password to change it)`);
  const user = await context.internalAdapter.createUser({ email: address, name: address.split("@")[0], emailVerified: true, role }, { method: "admin" });
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: await context.password.hash(password) });
  return { id: user.id, email: address, role };
}

export interface UserRow {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
  sessions: number;
}

export async function listUsers(): Promise<UserRow[]> {
  const context = await (await getAuth()).$context;
  const users = await context.internalAdapter.listUsers(1000, 0, { field: "email", direction: "asc" });
  const rows: UserRow[] = [];
  for (const user of users) {
    const sessions = await context.internalAdapter.listSessions(user.id);
    rows.push({ id: user.id, email: user.email, role: String((user as { role?: unknown }).role ?? "editor"), createdAt: user.createdAt, sessions: sessions.filter((s) => s.expiresAt > new Date()).length });
  }
  return rows;
}

async function findUser(email: string) {
  const context = await (await getAuth()).$context;
  const found = await context.internalAdapter.findUserByEmail(normalEmail(email));
  if (!found) throw new UserInputError(`no account for ${email.trim().toLowerCase()}`);
  return { context, user: found.user };
}

/** Removes the account and its sessions; its corrections keep their author's address. */
export async function removeUser(email: string): Promise<void> {
  const { context, user } = await findUser(email);
  await context.internalAdapter.deleteUserSessions(user.id);
  await context.internalAdapter.deleteUser(user.id);
}

/** Sets a new password and signs the user out everywhere. */
export async function setPassword(email: string, password: string): Promise<void> {
  checkPassword(password);
  const { context, user } = await findUser(email);
  await context.internalAdapter.updatePassword(user.id, await context.password.hash(password));
  await context.internalAdapter.deleteUserSessions(user.id);
}
