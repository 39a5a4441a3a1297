/**
 * `npm run user:create -- --email ada@school.example --password '…' --role instructor [--name "Ada"]`
 * Creates an account (or changes an existing account's role). The only way
 * to make an instructor: no page or API lets anyone choose a role.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { auth, ROLES } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";

const { values } = parseArgs({
  options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string", default: "student" }, name: { type: "string" } },
});
const Input = z.object({
  email: z.email(),
  password: z.string().min(8, "must be at least 8 characters").max(128).optional(),
  role: z.enum(ROLES),
  name: z.string().max(100).optional(),
});
const parsed = Input.safeParse(values);
if (!parsed.success) {
  console.error(`user:create: ${z.prettifyError(parsed.error)}\nusage: npm run user:create -- --email <email> --password <password> --role student|instructor [--name <name>]`);
  process.exit(2);
}
const { email, password, role, name } = parsed.data;

const existing = await db().user.findUnique({ where: { email: email.toLowerCase() } });
if (!existing) {
  if (!password) {
    console.error("user:create: a new account needs --password");
    process.exit(2);
  }
  try {
    await auth.api.signUpEmail({ body: { email, password, name: name ?? email.split("@")[0]! } });
  } catch (error) {
    // Made meanwhile by another run: set its role below like any existing account.
    if (!(await db().user.findUnique({ where: { email: email.toLowerCase() } }))) throw error;
  }
}
const user = await db().user.update({ where: { email: email.toLowerCase() }, data: { role } });
console.log(`user:create: ${user.email} is ${existing ? "now" : "created as"} ${role === "instructor" ? "an instructor" : "a student"}.`);
await db().$disconnect();
