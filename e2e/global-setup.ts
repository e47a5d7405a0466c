/**
 * Builds the web app (src/web → dist/web) once before the browser tests, with the project's
 * own vite.config.ts, so the server under test serves what a user would get.
 */
import { fileURLToPath } from "node:url";
import { build } from "vite";

export default async function setup(): Promise<void> {
  const configFile = fileURLToPath(new URL("../vite.config.ts", import.meta.url));
  const started = Date.now();
  await build({ configFile, logLevel: "warn", mode: "production" });
  console.log(`[e2e] web app built in ${Date.now() - started} ms`);
}
