/**
 * Test helper (not a test): the app on a fresh test database holding the demo plan, called
 * in-process with app.request (no network), and the shapes the API tests read.
 */
import { readFileSync } from "node:fs";
import { DEMO_REGISTRY } from "../db/seed.ts";
import { seededTestDb, type TestDatabase } from "../db/test-db.ts";
import { createApp } from "./app.ts";

export type Ref = { id: number; name: string; isGroup: boolean };
export type Task = {
  id: number;
  code: string;
  group: string | null;
  leads: Ref[];
  coordinators: Ref[];
  schedule: {
    continuous: boolean;
    recurrence: string | null;
    kind: string;
    milestones: { due: string; quantity?: string }[];
  };
  firstDue: string | null;
};
export type Page = { items: Task[]; total: number };
export type ErrorJson = {
  error: {
    code: string;
    message: string;
    messageVi: string;
    fields?: { field: string; reason: string; reasonVi: string }[];
  };
};
export type Got<T> = { status: number; body: T; type: string };

export interface TestApp {
  database: TestDatabase;
  app: ReturnType<typeof createApp>;
  planId: number;
  /** GET a path; JSON bodies are parsed, others returned as text. */
  get<T = unknown>(path: string): Promise<Got<T>>;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  // A copy of the demo-seeded template (what seedDemo writes), not a new seed per file.
  const { database, planId } = await seededTestDb();
  try {
    const app = createApp({ database });
    return {
      database,
      app,
      planId,
      async get<T>(path: string) {
        const res = await app.request(path);
        const type = res.headers.get("content-type") ?? "";
        const text = await res.text();
        return { status: res.status, type, body: (type.includes("json") ? JSON.parse(text) : text) as T };
      },
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** The members the registry file gives a group. */
export function registryMembers(group: string): string[] {
  const registry = JSON.parse(readFileSync(DEMO_REGISTRY, "utf8")) as {
    groups: { name: string; members: string[] }[];
  };
  return registry.groups.find((g) => g.name === group)?.members ?? [];
}
