import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./src/build/precompress.ts";

// The web app lives in src/web and is built to dist/web, which the server serves
// (with an SPA fallback to index.html). Paths are resolved from this file so the
// build works from any working directory (CI clones the repo elsewhere).
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("./src/web"),
  base: "/",
  // precompress: .gz and .br beside each built file, served by src/server/static.ts.
  plugins: [react(), precompress()],
  build: {
    outDir: here("./dist/web"),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": "http://localhost:3000",
    },
  },
});
