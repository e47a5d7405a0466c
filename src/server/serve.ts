/** Starts the HTTP server on a port (0 = any free port) and returns its URL and a way to stop it. */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Database } from "../db/connection.ts";
import { createApp } from "./app.ts";

export async function startServer({
  db,
  port = 3000,
  host = "0.0.0.0",
}: {
  db: Database;
  port?: number;
  host?: string;
}) {
  const app = createApp({ database: db });
  return new Promise<{ url: string; port: number; close(): Promise<void> }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://localhost:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((res) => server.close(() => res())),
      });
    });
    server.on("error", reject);
  });
}
