/**
 * `kehoach calendar --year 2026 [--plan ID] [--json]`: the periodic reporting calendar of a year —
 * each period's cut-off window (Decree 09/2019/NĐ-CP Art. 12) and deadline in working days
 * (Art. 8.5) — under a plan's reporting regime, or the default one (all five frequencies, 2
 * working days). Pure apart from the injected regime loader, so tests call it directly.
 */
import {
  type CalendarPeriod,
  DEFAULT_REGIME,
  type ReportingRegime,
  reportingCalendar,
  validateRegime,
} from "../domain/calendar.ts";
import { DEFAULT_HOLIDAY_YEARS, holidaySet, loadDefaultHolidays } from "../domain/holidays.ts";
import { type Frequency, periodTitle } from "../domain/periods.ts";

/** Reads a plan's saved regime; null when the plan has none (then the default applies). */
export type RegimeLoader = (
  planId: number,
) => Promise<{ frequencies: unknown; deadlineDays: unknown } | null>;

/** The years a calendar can be asked for: wide enough for any plan, narrow enough to catch typos. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const USAGE = `Cách dùng / usage: kehoach calendar --year NĂM/YEAR [--plan ID] [--json]
  --year   năm báo cáo (${MIN_YEAR}–${MAX_YEAR}) / reporting year
  --plan   dùng chế độ báo cáo của kế hoạch / use the plan's reporting regime (default: all five frequencies, 2 working days)
  --json   in JSON / print JSON`;

const FREQUENCY_NAMES: Readonly<Record<Frequency, string>> = {
  monthly: "tháng / monthly",
  quarterly: "quý / quarterly",
  "half-yearly": "6 tháng / half-year",
  "nine-month": "9 tháng / nine months",
  yearly: "năm / yearly",
};

/** dd/mm/yyyy, as Vietnamese documents write dates. */
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

interface Options {
  year: number;
  plan: number | null;
  json: boolean;
}

type Parsed = { ok: true; options: Options } | { ok: false; vi: string; en: string };

/** Reads the arguments; every mistake is named in both languages. */
function parseArgs(args: readonly string[]): Parsed {
  let year: string | undefined;
  let plan: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--json") json = true;
    else if (a === "--year" || a === "--plan") {
      const v = args[i + 1];
      if (v === undefined || v.startsWith("--"))
        return { ok: false, vi: `Thiếu giá trị sau ${a}.`, en: `${a} needs a value.` };
      if (a === "--year") year = v;
      else plan = v;
      i += 1;
    } else return { ok: false, vi: `Tham số không rõ: ${a}.`, en: `Unknown argument: ${a}.` };
  }
  if (year === undefined) return { ok: false, vi: "Cần --year (năm báo cáo).", en: "--year is required." };
  const y = /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
  if (!(y >= MIN_YEAR && y <= MAX_YEAR))
    return {
      ok: false,
      vi: `--year phải là một năm từ ${MIN_YEAR} đến ${MAX_YEAR} (nhận được "${year}").`,
      en: `--year must be a year from ${MIN_YEAR} to ${MAX_YEAR} (got "${year}").`,
    };
  let p: number | null = null;
  if (plan !== undefined) {
    p = /^\d{1,9}$/.test(plan) ? Number(plan) : 0;
    if (p < 1)
      return {
        ok: false,
        vi: `--plan phải là mã số kế hoạch (số nguyên dương; nhận được "${plan}").`,
        en: `--plan must be a plan id (a positive whole number; got "${plan}").`,
      };
  }
  return { ok: true, options: { year: y, plan: p, json } };
}

function table(year: number, regime: ReportingRegime, regimeName: string, periods: CalendarPeriod[]): string {
  const days = regime.frequencies
    .map((f) => `${FREQUENCY_NAMES[f]} ${regime.deadlineDays[f] ?? DEFAULT_REGIME.deadlineDays[f]}`)
    .join(", ");
  const header = ["Kỳ / period", "Loại / frequency", "Từ / from", "Đến / to", "Hạn gửi / due"];
  const rows = periods.map((p) => [
    periodTitle(p.label)?.vi ?? p.label,
    FREQUENCY_NAMES[p.frequency],
    vnDate(p.start),
    vnDate(p.end),
    vnDate(p.due),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join("  ")
      .trimEnd();
  const lines = [
    `Lịch báo cáo định kỳ năm ${year} / Periodic reporting calendar ${year}`,
    "Thời gian chốt số liệu: Điều 12, hạn gửi: khoản 5 Điều 8 Nghị định 09/2019/NĐ-CP / cut-off: Decree 09/2019 Art. 12, deadline: Art. 8.5",
    `Chế độ báo cáo / regime: ${regimeName}`,
    `Hạn gửi sau khi chốt số liệu (ngày làm việc) / working days after cut-off: ${days || "—"}`,
  ];
  if (year < DEFAULT_HOLIDAY_YEARS.from || year > DEFAULT_HOLIDAY_YEARS.to)
    lines.push(
      `Lưu ý: danh sách ngày nghỉ lễ chỉ có từ ${DEFAULT_HOLIDAY_YEARS.from} đến ${DEFAULT_HOLIDAY_YEARS.to}; ngoài khoảng đó chỉ trừ thứ Bảy, Chủ nhật. / Note: holidays are known for ${DEFAULT_HOLIDAY_YEARS.from}–${DEFAULT_HOLIDAY_YEARS.to} only; outside, only weekends are skipped.`,
    );
  lines.push("", line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line));
  lines.push("", `${periods.length} kỳ / periods`);
  return `${lines.join("\n")}\n`;
}

/**
 * Runs the command. Writes the calendar to `out` and returns 0; on a usage mistake writes a
 * Vietnamese + English message (and the usage) to `err` (default: `out`) and returns 2; when
 * the plan's stored regime is invalid, returns 1. `--plan` needs `loadRegime` (the CLI passes
 * one that reads the database, calendar-db.ts); a plan without a saved regime gets the default.
 */
export async function runCalendar(
  args: string[],
  out: (s: string) => void,
  loadRegime?: RegimeLoader,
  err: (s: string) => void = out,
): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    err(`Lỗi: ${parsed.vi}\nError: ${parsed.en}\n\n${USAGE}\n`);
    return 2;
  }
  const { year, plan, json } = parsed.options;
  let regime: ReportingRegime = DEFAULT_REGIME;
  let regimeName = "mặc định / default";
  if (plan !== null) {
    if (!loadRegime) {
      err("Lỗi: --plan cần cơ sở dữ liệu.\nError: --plan needs a database.\n");
      return 2;
    }
    const raw = await loadRegime(plan);
    if (raw) {
      const problems = validateRegime(raw);
      if (problems.length > 0) {
        err(
          `Lỗi: chế độ báo cáo của kế hoạch ${plan} không hợp lệ:\n${problems.map((p) => `  ${p.field}: ${p.vi}`).join("\n")}\n` +
            `Error: plan ${plan}'s reporting regime is invalid:\n${problems.map((p) => `  ${p.field}: ${p.en}`).join("\n")}\n`,
        );
        return 1;
      }
      regime = raw as ReportingRegime;
      regimeName = `kế hoạch / plan ${plan}`;
    } else {
      regimeName = `mặc định — kế hoạch ${plan} chưa có chế độ báo cáo / default — plan ${plan} has no saved regime`;
    }
  }
  const periods = reportingCalendar(year, regime, holidaySet(loadDefaultHolidays()));
  if (json) {
    const rows = periods.map((p) => ({
      frequency: p.frequency,
      label: p.label,
      start: p.start,
      end: p.end,
      due: p.due,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    out(table(year, regime, regimeName, periods));
  }
  return 0;
}
