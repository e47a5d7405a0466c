/**
 * Uploading indicator values from a file: CSV (comma or semicolon) or XLSX (the template from
 * template.ts, or any sheet with the same column names). All or nothing: every row is checked
 * first — indicator, period, kind, value, scope, source, unit, the validation rules, the
 * uploader's right to enter that indicator, duplicates within the file — and if ANY row is bad,
 * the answer lists every bad row with its line and reason and NOTHING is stored. A good file is
 * stored in one transaction with one audit row (upload-store.ts).
 */
import { AppError } from "../../domain/errors.ts";
import type { IndicatorValue, ValueKind } from "../../domain/indicator-values.ts";
import type { Db } from "../connection.ts";
import type { ActorRef } from "../reporting/actor.ts";
import { indicators } from "../schema.ts";
import { fileProblem, type RowProblem, readUpload, type UploadRow } from "./upload-read.ts";
import { breathe, CHUNK, figuresForCheck, storeUploadRows } from "./upload-store.ts";
import {
  checkValueInput,
  type IndicatorRow,
  type PresentedValue,
  parseKind,
  previousPeriod,
  toIndicatorValue,
  type ValueRow,
} from "./values.ts";

export {
  COLUMNS,
  MAX_UNPACKED_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_ROWS,
  type RowProblem,
  readUpload,
  type UploadRow,
} from "./upload-read.ts";

export interface UploadOptions {
  /**
   * Reads the file into rows: in process by default; the server passes its worker pool's reader
   * so a large file is parsed off the request loop.
   */
  read?: (fileName: string, bytes: Uint8Array) => Promise<UploadRow[]>;
  /** May the uploader enter values of this indicator (the route's permission rule)? */
  mayWrite: (indicator: IndicatorRow) => boolean;
  /** May the uploader enter this indicator's figures for the row's scope (its province's, defect 10)? */
  mayWriteScope?: (indicator: IndicatorRow, scope: string) => boolean;
  now?: Date;
}

/**
 * Checks every row; returns the problems (empty: the file may be stored). Gives the event loop
 * a turn every CHUNK rows: a 5,000-row file is checked without stalling other users.
 */
export async function checkRows(
  rows: readonly UploadRow[],
  byCode: ReadonlyMap<string, IndicatorRow>,
  existing: readonly ValueRow[],
  mayWrite: (indicator: IndicatorRow) => boolean,
  mayWriteScope: (indicator: IndicatorRow, scope: string) => boolean = () => true,
): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const codeOf = new Map<number, IndicatorRow>([...byCode.values()].map((i) => [i.id, i]));
  const known: IndicatorValue[] = existing.flatMap((r) => {
    const ind = codeOf.get(r.indicatorId);
    return ind ? [toIndicatorValue(r, ind)] : [];
  });
  // The jump rule compares a figure with the previous period's, same indicator and scope: index
  // the stored figures and the file's good rows by that, so a 5,000-row file is checked in linear
  // time (comparing every row with every other blocked the server for half a minute).
  const at = (indicator: string, scope: string, period: string | null) =>
    `${indicator}\u0000${scope}\u0000${period}`;
  const knownAt = new Map<string, IndicatorValue[]>();
  for (const v of known) {
    const k = at(v.indicator, v.scope, v.period);
    const list = knownAt.get(k) ?? [];
    if (list.length === 0) knownAt.set(k, list);
    list.push(v);
  }
  const previousOf = (r: UploadRow, ind: IndicatorRow) =>
    at(ind.code, r.scope.trim(), previousPeriod(r.period.trim()));
  const asValue = (r: UploadRow, ind: IndicatorRow): IndicatorValue => ({
    indicator: ind.code,
    period: r.period,
    scope: r.scope,
    kind: (parseKind(r.kind) ?? "official") as ValueKind,
    value: r.value as number,
    unit: ind.unit,
    source: r.source,
    recordedAt: new Date().toISOString(),
  });
  const check = (r: UploadRow, ind: IndicatorRow, knownValues: readonly IndicatorValue[]) =>
    checkValueInput(
      ind,
      {
        period: r.period,
        scope: r.scope,
        kind: r.kind,
        value: r.value as number,
        source: r.source,
        comment: r.comment,
        unit: r.unit,
      },
      knownValues,
    );
  // Pass 1: each row against the stored figures. Pass 2: the rows that passed, against the stored
  // figures and the file's other good rows (a file may carry 2023 and 2024: the jump rule sees both;
  // a bad row is never the "previous value" of another).
  const firstPass = new Map<UploadRow, RowProblem[]>();
  const good = new Map<UploadRow, IndicatorValue>();
  let done = 0;
  for (const r of rows) {
    if (++done % CHUNK === 0) await breathe();
    const out: RowProblem[] = [];
    firstPass.set(r, out);
    const add = (column: string, reason: string, reasonVi: string) =>
      out.push({ line: r.line, column, reason, reasonVi });
    const ind = byCode.get(r.indicator);
    if (!r.indicator) {
      add("indicator", "The indicator code is missing.", "Thiếu mã chỉ tiêu.");
      continue;
    }
    if (!ind) {
      add("indicator", `Unknown indicator code "${r.indicator}".`, `Không có chỉ tiêu mã "${r.indicator}".`);
      continue;
    }
    if (!mayWrite(ind)) {
      add(
        "indicator",
        `You may not enter figures of ${ind.code} (only the plan's coordinator or the supplying agency).`,
        `Bạn không có quyền nhập số liệu chỉ tiêu ${ind.code} (chỉ điều phối viên hoặc đơn vị cung cấp số liệu).`,
      );
      continue;
    }
    if (r.scope && !mayWriteScope(ind, r.scope)) {
      add(
        "scope",
        `You may not enter figures for "${r.scope}": only for the territory of this plan's province.`,
        `Bạn không có quyền nhập số liệu cho phạm vi "${r.scope}": chỉ nhập cho địa bàn tỉnh của kế hoạch này.`,
      );
      continue;
    }
    if (r.value === null) {
      add(
        "value",
        r.valueText ? `The value "${r.valueText}" is not a number.` : "The value is missing.",
        r.valueText ? `Giá trị "${r.valueText}" không phải là số.` : "Thiếu giá trị.",
      );
      continue;
    }
    for (const p of check(r, ind, knownAt.get(previousOf(r, ind)) ?? [])) add(p.field, p.reason, p.reasonVi);
    const kind = parseKind(r.kind);
    const key = `${ind.code}\u0000${r.period}\u0000${r.scope}\u0000${kind}`;
    const first = seen.get(key);
    if (first !== undefined)
      add(
        "period",
        `The same figure (${ind.code}, ${r.period}, ${r.scope}, ${kind}) is already on line ${first}.`,
        `Số liệu (${ind.code}, ${r.period}, ${r.scope}, ${kind}) trùng với dòng ${first}.`,
      );
    else seen.set(key, r.line);
    if (out.length === 0) good.set(r, asValue(r, ind));
  }
  const goodAt = new Map<string, [UploadRow, IndicatorValue][]>();
  for (const [row, v] of good) {
    const k = at(v.indicator, v.scope, v.period);
    const list = goodAt.get(k) ?? [];
    if (list.length === 0) goodAt.set(k, list);
    list.push([row, v]);
  }
  for (const r of rows) {
    if (++done % CHUNK === 0) await breathe();
    const out = firstPass.get(r) ?? [];
    if (out.length === 0 && good.size > 1) {
      const ind = byCode.get(r.indicator) as IndicatorRow;
      const k = previousOf(r, ind);
      const others = (goodAt.get(k) ?? []).filter(([row]) => row !== r).map(([, v]) => v);
      for (const p of check(r, ind, [...(knownAt.get(k) ?? []), ...others]))
        out.push({ line: r.line, column: p.field, reason: p.reason, reasonVi: p.reasonVi });
    }
    problems.push(...out);
  }
  return problems;
}

/**
 * Reads, checks and stores an uploaded file of values. Refused whole (VALIDATION, every bad row
 * in `details.rows` and `fields`, the first ones in the message) when any row is bad. The check
 * runs before the storing transaction (against the figures stored when it starts): on PGlite a
 * transaction holds the one connection, so every other user's query would wait for the check
 * too. The answer carries the count and the first SHOWN_VALUES stored figures; the audit row
 * says what was stored (UploadAudit: counts, ids, digest) and the figures themselves are in
 * indicator_values with origin 'upload'.
 */
export async function uploadIndicatorValues(
  db: Db,
  file: { name: string; bytes: Uint8Array },
  actor: ActorRef,
  options: UploadOptions,
  context: { planId?: number } = {},
): Promise<{ file: string; stored: number; values: PresentedValue[] }> {
  const rows = await (options.read ?? readUpload)(file.name, file.bytes);
  if (rows.length === 0) throw fileProblem("The file has no data rows.", "Tệp không có dòng số liệu nào.");
  const all = await db.select().from(indicators);
  const byCode = new Map(all.map((i) => [i.code, i]));
  const wanted = [
    ...new Set(rows.map((r) => byCode.get(r.indicator)?.id).filter((x): x is number => x !== undefined)),
  ];
  const existing = await figuresForCheck(db, wanted);
  const problems = await checkRows(rows, byCode, existing, options.mayWrite, options.mayWriteScope);
  if (problems.length > 0) {
    const lines = [...new Set(problems.map((p) => p.line))];
    const head = problems.slice(0, 3);
    throw new AppError(
      "VALIDATION",
      {
        en: `${lines.length} row(s) of ${file.name} are invalid (line ${lines.join(", ")}); nothing was stored. ${head.map((p) => `Line ${p.line}: ${p.reason}`).join(" ")}`,
        vi: `${lines.length} dòng của tệp ${file.name} không hợp lệ (dòng ${lines.join(", ")}); không có số liệu nào được lưu. ${head.map((p) => `Dòng ${p.line}: ${p.reasonVi}`).join(" ")}`,
      },
      {
        fields: problems.map((p) => ({
          field: `line ${p.line}: ${p.column}`,
          reason: p.reason,
          reasonVi: p.reasonVi,
        })),
        details: { file: file.name, rows: problems },
      },
    );
  }
  const now = options.now ?? new Date();
  const result = await storeUploadRows(db, rows, byCode, actor, now, file.name, context.planId ?? null);
  return { file: file.name, ...result };
}
