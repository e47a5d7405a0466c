/**
 * Builds the web app (src/web → dist/web) once before the browser tests, with the project's
 * own vite.config.ts, so the server under test serves what a user would get.
 */
import { fileURLToPath } from "node:url";
import { build } from "vite";

export default async function setup(): Promise<void> {
  const configFile = fileURLToPath(new URL("../vite.config.ts", import.meta.url));
  const started = Date.now();
  // vitest sets NODE_ENV=test, and Vite builds React's development bundle whenever NODE_ENV is
  // not "production" (551 KB, StrictMode running every effect twice): build what `npm run build` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile, logLevel: "warn", mode: "production" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  console.log(`[e2e] web app built in ${Date.now() - started} ms`);
}
