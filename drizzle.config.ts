import { defineConfig } from "drizzle-kit";

// Migrations are generated once (`npm run db:generate`) and committed; the same SQL runs on
// embedded PGlite and on PostgreSQL 15+.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
});
