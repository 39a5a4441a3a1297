// The Prisma CLI's settings (used by `prisma generate`). The database URL is
// read at run time by lib/db/client.ts; migrations run through scripts/db.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
