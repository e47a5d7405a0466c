/**
 * The real `kehoach` command, run as a child process. Parsing never opens a database; import
 * uses a fresh embedded database in a temp folder, or — when DATABASE_URL is set — a fresh
 * PostgreSQL database created on that server and dropped after.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, toCount } from "./db/connection.ts";
import { plans, tasks } from "./db/schema.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PLAN = path.join(ROOT, "data/plans/tuyen-quang-cong-nghiep-2021-2025.txt");
const VI_LETTER = /[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.KEHOACH_DATA_DIR;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/kehoach.mjs", ...args],
      { cwd: ROOT, env: { ...base, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "kehoach-cli-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A fresh folder of its own, and a database path in it that nothing has created yet. */
function sandbox(name: string) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  const dataDir = path.join(dir, "db");
  return { dir, dataDir, env: { KEHOACH_DATA_DIR: dataDir } };
}

function expectBilingualError(r: Run, code: string) {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe("");
  const vi = r.stderr.match(/^Lỗi: (.+)$/m)?.[1] ?? "";
  const en = r.stderr.match(new RegExp(`^Error \\[${code}\\]: (.+)$`, "m"))?.[1] ?? "";
  expect(vi).toMatch(VI_LETTER);
  expect(en.length).toBeGreaterThan(10);
}

describe.concurrent("kehoach parse", () => {
  it("prints the plan as JSON and writes no database", async ({ expect }) => {
    const s = sandbox("parse-ok");
    const r = await run(["parse", PLAN], s.env);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as {
      plan: { title: string };
      tasks: { code: string }[];
      targets: unknown[];
    };
    expect(plan.tasks).toHaveLength(54);
    expect(plan.targets).toHaveLength(6);
    expect(plan.plan.title).toContain("Phát triển công nghiệp");
    expect(plan.tasks.map((t) => t.code)).toContain("4.10");
    expect(existsSync(s.dataDir)).toBe(false);
  });

  const bad: [string, string, (file: string) => void][] = [
    ["an empty file", "PLAN_EMPTY", (f) => writeFileSync(f, "")],
    [
      "a binary file",
      "PLAN_NOT_TEXT",
      (f) => writeFileSync(f, Buffer.concat([randomBytes(4096), Buffer.alloc(64), randomBytes(4096)])),
    ],
    [
      "a text with no task table",
      "PLAN_NO_TASK_TABLE",
      (f) =>
        writeFileSync(
          f,
          "ỦY BAN NHÂN DÂN TỈNH\nKẾ HOẠCH\nTăng cường công tác quản lý.\nKhông có bảng phân công.\n",
        ),
    ],
    [
      "a file over 10 MB",
      "PLAN_TOO_LARGE",
      (f) =>
        writeFileSync(
          f,
          "Nhiệm vụ thường xuyên của các sở, ngành.\n".repeat(Math.ceil((11 * 1024 * 1024) / 40)),
        ),
    ],
  ];
  it.for(bad)(
    "refuses %s in Vietnamese and English and creates nothing",
    async ([, code, make], { expect }) => {
      const s = sandbox(`parse-${code}`);
      const file = path.join(s.dir, "plan.txt");
      make(file);
      const r = await run(["parse", file], s.env);
      expect(r.stderr).toContain(`[${code}]`);
      expectBilingualError(r, code);
      if (code === "PLAN_TOO_LARGE") expect(r.stderr).toContain("10 MB");
      expect(existsSync(s.dataDir)).toBe(false);
      expect(readdirSync(s.dir)).toEqual(["plan.txt"]);
    },
  );

  it("refuses a missing file", async ({ expect }) => {
    const s = sandbox("parse-missing");
    const r = await run(["parse", path.join(work, "nope.txt")], s.env);
    expect(r.stderr).toContain("[FILE_NOT_FOUND]");
    expectBilingualError(r, "FILE_NOT_FOUND");
    expect(existsSync(s.dataDir)).toBe(false);
  });

  it("prints usage and fails without arguments, and succeeds with --help", async ({ expect }) => {
    const [none, help] = await Promise.all([run([], {}), run(["--help"], {})]);
    expect(none.code).not.toBe(0);
    expect(none.stdout).toContain("kehoach import FILE");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Cách dùng / usage");
    expect(help.stdout).toContain("kehoach parse FILE");
  });
});

/** Where `import` stores: a fresh PGlite folder, or a fresh PostgreSQL database when DATABASE_URL is set. */
async function importTarget() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const s = sandbox("import");
    return {
      env: s.env,
      open: () => openDatabase({ dataDir: s.dataDir }),
      drop: async () => rmSync(s.dir, { recursive: true, force: true }),
    };
  }
  const name = `kehoach_cli_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: dbUrl.toString() },
    open: () => openDatabase({ url: dbUrl.toString() }),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

describe("kehoach import", () => {
  let target: Awaited<ReturnType<typeof importTarget>>;
  beforeAll(async () => {
    target = await importTarget();
  });
  afterAll(async () => {
    await target?.drop();
  });

  it("stores the plan once and refuses it the second time", { timeout: 240_000 }, async () => {
    const first = await run(["import", PLAN, "--actor", "cli-test"], target.env);
    expect(first.stderr).not.toContain("Lỗi");
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout) as { planId: number; tasks: number; targets: number };
    expect(out.planId).toBeGreaterThan(0);
    expect(out.tasks).toBe(54);
    expect(out.targets).toBe(6);

    const second = await run(["import", PLAN], target.env);
    expect(second.stderr).toContain("[PLAN_ALREADY_IMPORTED]");
    expectBilingualError(second, "PLAN_ALREADY_IMPORTED");
    expect(second.stderr).toContain(`#${out.planId}`);

    const database = await target.open();
    try {
      const [p] = await database.db.select({ n: sql`count(*)` }).from(plans);
      const [t] = await database.db.select({ n: sql`count(*)` }).from(tasks);
      expect(toCount(p?.n)).toBe(1);
      expect(toCount(t?.n)).toBe(54);
    } finally {
      await database.close();
    }
  });
});
