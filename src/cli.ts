/**
 * The `kehoach` command.
 *   kehoach parse FILE        print the plan as JSON (a preview; writes nothing)
 *   kehoach import FILE       store the plan and print what was stored
 *   kehoach serve [--port N] [--seed]   serve the web app and API
 *   kehoach migrate           apply database migrations
 *   kehoach calendar --year N [--plan ID] [--json]   the reporting calendar (cut-off windows, due dates)
 *   kehoach document periodic|annex|urging|review --plan ID [--period P] --format docx|pdf|xlsx --out FILE
 *                             write a plan's document (report, annex, urging letter, review)
 * Errors print in Vietnamese and English and exit non-zero; nothing is stored on error.
 */
import { runCalendar } from "./commands/calendar.ts";
import { loadRegimeFromDb } from "./commands/calendar-db.ts";
import { parseDocumentArgs, runDocument } from "./commands/document.ts";
import { type Database, openDatabase } from "./db/connection.ts";
import { importPlanFile, parsePlanFile } from "./db/import-plan.ts";
import { describeError } from "./db/log-error.ts";
import { seedDemo } from "./db/seed.ts";
import { AppError } from "./domain/errors.ts";
import { vnDay } from "./domain/working-days.ts";
import type { ImportWarning } from "./importer/plan-json.ts";
import { startReminderJob } from "./server/reminder-job.ts";
import { startServer } from "./server/serve.ts";

const HELP = `kehoach — quản lý thực hiện kế hoạch / run a government plan

Cách dùng / usage:
  kehoach parse FILE                 xem trước kế hoạch dạng JSON, không ghi gì / preview as JSON, writes nothing
  kehoach import FILE [--actor NAME] nhập kế hoạch vào cơ sở dữ liệu / store the plan
  kehoach serve [--port N] [--seed [--no-history]]
                                     chạy ứng dụng web và API; --seed nạp dữ liệu mẫu và lịch sử báo cáo
                                     minh họa / serve; --seed loads the demo plan and its demo history
  kehoach migrate                    cập nhật cấu trúc cơ sở dữ liệu / apply migrations
  kehoach calendar --year N [--plan ID] [--json]
                                     lịch báo cáo định kỳ, hạn gửi / reporting calendar and deadlines
  kehoach document periodic|annex|urging|review --plan ID [--period KỲ] --format docx|pdf|xlsx --out TỆP
                                     xuất văn bản: báo cáo định kỳ, phụ lục, công văn đôn đốc, báo cáo tổng kết
                                     (xlsx chỉ cho phụ lục; kỳ: 2022-Q1, 2022-03, 2022-H1, 2022-9M, 2022) /
                                     write a document: periodic report, annex, urging letter, review

Môi trường / environment:
  DATABASE_URL       PostgreSQL (postgres://…); nếu không có, dùng cơ sở dữ liệu nhúng / else embedded PGlite
  KEHOACH_DATA_DIR   thư mục dữ liệu nhúng / embedded database folder (default ./data/db)
  PORT               cổng / port (default 3000)`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function printWarnings(warnings: ImportWarning[]) {
  if (warnings.length === 0) {
    process.stderr.write("Không có cảnh báo / no warnings\n");
    return;
  }
  process.stderr.write(`${warnings.length} cảnh báo / warning(s):\n`);
  for (const w of warnings) process.stderr.write(`  [${w.code}] ${w.where}: ${w.message}\n`);
}

async function withDb<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${HELP}\n`);
    return command ? 0 : 1;
  }
  if (command === "parse") {
    const file = args[0];
    if (!file) throw new AppError("VALIDATION", { en: "parse needs a FILE.", vi: "Lệnh parse cần tên tệp." });
    const plan = await parsePlanFile(null, file);
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    printWarnings(plan.warnings);
    return 0;
  }
  if (command === "import") {
    const file = args[0];
    if (!file)
      throw new AppError("VALIDATION", { en: "import needs a FILE.", vi: "Lệnh import cần tên tệp." });
    return withDb(async ({ db }) => {
      process.stderr.write(`Đang đọc / reading ${file}…\n`);
      const { plan, result } = await importPlanFile(
        db,
        file,
        flag(args, "--actor") ?? process.env.USER ?? "cli",
      );
      process.stdout.write(
        `${JSON.stringify({ planId: result.planId, title: plan.plan.title, number: plan.plan.number, tasks: result.tasks, targets: result.targets, groups: result.groups, agenciesCreated: result.agenciesCreated, warnings: plan.warnings.length }, null, 2)}\n`,
      );
      printWarnings(plan.warnings);
      return 0;
    });
  }
  if (command === "calendar")
    return runCalendar(
      args,
      (s) => process.stdout.write(s),
      (planId) => loadRegimeFromDb(planId),
      (s) => process.stderr.write(s),
    );
  if (command === "document") {
    parseDocumentArgs(args); // a mistake in the arguments is said before the database is opened
    return withDb((d) => runDocument(d.db, args, vnDay(new Date()), (s) => process.stderr.write(s)));
  }
  if (command === "migrate") {
    return withDb(async (d) => {
      process.stdout.write(`Đã cập nhật cơ sở dữ liệu / migrated (${d.kind})\n`);
      return 0;
    });
  }
  if (command === "serve") {
    const database = await openDatabase();
    await database.migrate();
    const seeded = args.includes("--seed")
      ? await seedDemo(database, (s) => process.stdout.write(`${s}\n`), {
          history: !args.includes("--no-history") && process.env.KEHOACH_DEMO_HISTORY !== "0",
        })
      : null;
    const port = Number(flag(args, "--port") ?? process.env.PORT ?? 3000);
    const server = await startServer({ db: database, port });
    const reminders = startReminderJob(database);
    process.stdout.write(
      `\nkehoach đang chạy / is running: ${server.url}\n  API: ${server.url}/api/plans — tài liệu / docs: ${server.url}/api/docs\n  Cơ sở dữ liệu / database: ${database.kind === "pglite" ? `nhúng / embedded (${process.env.KEHOACH_DATA_DIR ?? "./data/db"})` : "PostgreSQL"}\n  Kế hoạch công khai để xem; đăng nhập để báo cáo / plans are public to read; sign in to report\n`,
    );
    if (seeded?.accounts.length) {
      const width = Math.max(...seeded.accounts.map((a) => a.username.length));
      process.stdout.write(
        `\nTài khoản mẫu / demo logins — mật khẩu / password: ${seeded.accounts[0]?.password}\n${seeded.accounts
          .map(
            (a) =>
              `  ${a.username.padEnd(width)}  ${a.role}${a.agency ? ` — ${a.agency}` : ""}${a.formerAgency ? ` (trước đây / formerly ${a.formerAgency})` : ""}`,
          )
          .join("\n")}\n`,
      );
    }
    const stop = async () => {
      await server.close();
      await reminders.stop();
      await database.close();
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    return new Promise<number>(() => {});
  }
  process.stderr.write(`Lệnh không rõ / unknown command: ${command}\n\n${HELP}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.argv[2] !== "serve") process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof AppError) {
      process.stderr.write(`Lỗi: ${err.messageVi}\nError [${err.code}]: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`Lỗi hệ thống / internal error: ${describeError(err)}\n`);
      process.exitCode = 70;
    }
  },
);
