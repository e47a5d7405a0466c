// The report form's state, and its copy in localStorage: everything typed is kept there until
// the server has it, so a crash, a reload or a version conflict never loses a word.
import { formatVnNumber, parseVnNumber } from "../domain/vn-number.ts";
import type {
  ReportDetail,
  ReportIndicatorValue,
  ReportTask,
  ReportValueKind,
  RequestedIndicator,
  TaskUpdate,
  UpdateStatus,
} from "./reporting-types.ts";

export interface UpdateForm {
  /** "" = not reported on yet: a task starts so, never preset to "Chưa triển khai" (issue 9 §3). */
  status: UpdateStatus | "";
  progress: string;
  result: string;
  productDocument: string;
  productDate: string;
  difficulties: string;
  proposals: string;
}

/** One indicator's figure as typed: the value in Vietnamese writing ("6.100,5"). */
export interface ValueForm {
  value: string;
  kind: ReportValueKind;
  scope: string;
  comment: string;
}

export interface ReportForm {
  summary: string;
  updates: Record<string, UpdateForm>;
  /** Indicator code → its figure (absent in drafts kept before figures were part of the report). */
  values?: Record<string, ValueForm>;
}

/** What is kept in localStorage: the form and the server version it was started from. */
export interface LocalDraft {
  baseVersion: number;
  form: ReportForm;
  savedAt: string;
  /** The server's text the user started from (kept with a copy made at a conflict). */
  base?: ReportForm;
}

export const emptyUpdate = (): UpdateForm => ({
  status: "",
  progress: "",
  result: "",
  productDocument: "",
  productDate: "",
  difficulties: "",
  proposals: "",
});

function fromUpdate(u: TaskUpdate | undefined): UpdateForm {
  if (!u) return emptyUpdate();
  return {
    status: u.status,
    progress: u.progress === null || u.progress === undefined ? "" : String(u.progress),
    result: u.result ?? "",
    productDocument: u.productDocument ?? "",
    productDate: u.productDate ?? "",
    difficulties: u.difficulties ?? "",
    proposals: u.proposals ?? "",
  };
}

function fromValue(i: RequestedIndicator, v: ReportIndicatorValue | undefined): ValueForm {
  return {
    value: v ? formatVnNumber(v.value) : "",
    kind: v?.kind ?? "estimate",
    scope: v?.scope ?? i.defaultScope,
    comment: v?.comment ?? "",
  };
}

/** The form as the server has the report: one entry per task and per indicator asked for. */
export function formOf(
  summary: string | null | undefined,
  updates: TaskUpdate[],
  tasks: ReportTask[],
  values: ReportIndicatorValue[] = [],
  indicators: RequestedIndicator[] = [],
): ReportForm {
  const byTask = new Map(updates.map((u) => [u.taskId, u]));
  const form: ReportForm = { summary: summary ?? "", updates: {}, values: {} };
  for (const task of tasks) form.updates[String(task.id)] = fromUpdate(byTask.get(task.id));
  for (const i of indicators)
    (form.values as Record<string, ValueForm>)[i.code] = fromValue(
      i,
      values.find((v) => v.indicatorCode === i.code),
    );
  return form;
}

export function formOfReport(detail: ReportDetail): ReportForm {
  return formOf(
    detail.report.summary,
    detail.report.updates,
    detail.tasks,
    detail.report.indicatorValues,
    detail.indicators,
  );
}

export function sameForm(a: ReportForm, b: ReportForm): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

function normal(f: ReportForm) {
  const keys = Object.keys(f.updates).sort();
  const values = f.values ?? {};
  // A figure left empty is no figure: an old draft without `values` equals an empty card.
  const codes = Object.keys(values)
    .filter((k) => values[k]?.value.trim() || values[k]?.comment.trim())
    .sort();
  return { s: f.summary, u: keys.map((k) => [k, f.updates[k]]), v: codes.map((k) => [k, values[k]]) };
}

/**
 * The user's own changes (what differs in `mine` from the `base` they started from) laid over
 * `current`, field by field; without a base, all of `mine`. Tasks not in `current` are left out.
 */
export function applyMine(current: ReportForm, mine: ReportForm, base?: ReportForm): ReportForm {
  const summary = !base || mine.summary !== base.summary ? mine.summary : current.summary;
  const updates: Record<string, UpdateForm> = {};
  for (const [k, cur] of Object.entries(current.updates)) {
    const m = mine.updates[k];
    const b = base?.updates[k];
    if (!m) {
      updates[k] = cur;
      continue;
    }
    const next = { ...cur };
    for (const f of Object.keys(cur) as (keyof UpdateForm)[]) {
      if (!b || m[f] !== b[f]) (next as Record<string, string>)[f] = m[f];
    }
    updates[k] = next;
  }
  const values: Record<string, ValueForm> = {};
  for (const [k, cur] of Object.entries(current.values ?? {})) {
    const m = mine.values?.[k];
    const b = base?.values?.[k];
    const next = { ...cur };
    if (m)
      for (const f of Object.keys(cur) as (keyof ValueForm)[])
        if (!b || m[f] !== b[f]) (next as Record<string, string>)[f] = m[f];
    values[k] = next;
  }
  return { summary, updates, values };
}

const text = (s: string) => (s.trim() ? s : null);

/** The figures typed (an empty value is no figure), as the API takes them. */
export function valuesBody(form: ReportForm, indicators: RequestedIndicator[]): ReportIndicatorValue[] {
  const out: ReportIndicatorValue[] = [];
  for (const i of indicators) {
    const v = form.values?.[i.code];
    const n = v ? parseVnNumber(v.value) : null;
    if (!v || n === null) continue;
    out.push({ indicatorCode: i.code, scope: v.scope, kind: v.kind, value: n, comment: text(v.comment) });
  }
  return out;
}

/** The PUT /api/reports/{id} body. */
export function saveBody(
  form: ReportForm,
  tasks: ReportTask[],
  version: number,
  indicators: RequestedIndicator[] = [],
) {
  return {
    version,
    indicatorValues: valuesBody(form, indicators),
    summary: text(form.summary),
    updates: tasks.map((task) => {
      const u = form.updates[String(task.id)] ?? emptyUpdate();
      // Not reported: null takes back an answer saved before (no update row = not reported).
      if (u.status === "") return { taskId: task.id, status: null };
      const progress = u.progress.trim() === "" ? null : Number(u.progress);
      const withProduct = u.status === "done_with_product";
      return {
        taskId: task.id,
        status: u.status,
        progress,
        result: text(u.result),
        productDocument: withProduct ? text(u.productDocument) : null,
        productDate: withProduct && u.productDate ? u.productDate : null,
        difficulties: text(u.difficulties),
        proposals: text(u.proposals),
      };
    }),
  };
}

export type FieldProblem = "productDocumentRequired" | "progressRange" | "ri.notANumber";

/** Figures that are not numbers (Vietnamese writing: "6.100,5"): indicator code → problem. */
export function checkValues(form: ReportForm): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const [code, v] of Object.entries(form.values ?? {}))
    if (v.value.trim() !== "" && parseVnNumber(v.value) === null) out[code] = "ri.notANumber";
  return out;
}

/** Problems the form has before it is sent: taskId → field → problem. */
export function checkForm(form: ReportForm): Record<string, Partial<Record<keyof UpdateForm, FieldProblem>>> {
  const out: Record<string, Partial<Record<keyof UpdateForm, FieldProblem>>> = {};
  for (const [taskId, u] of Object.entries(form.updates)) {
    if (u.status === "") continue;
    const p: Partial<Record<keyof UpdateForm, FieldProblem>> = {};
    if (u.status === "done_with_product" && !u.productDocument.trim())
      p.productDocument = "productDocumentRequired";
    if (u.progress.trim() !== "") {
      const n = Number(u.progress);
      if (!Number.isInteger(n) || n < 0 || n > 100) p.progress = "progressRange";
    }
    if (Object.keys(p).length) out[taskId] = p;
  }
  return out;
}

// ─── localStorage ─────────────────────────────────────────────────────────────────────────

const draftKey = (id: number) => `kehoach.report.${id}.draft`;
const mineKey = (id: number) => `kehoach.report.${id}.mine`;

function read<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function write(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the text stays on the page.
  }
}

/** The text typed for report `id` and not yet saved on the server, if any. */
export const readLocalDraft = (id: number) => read<LocalDraft>(draftKey(id));
export const writeLocalDraft = (id: number, draft: LocalDraft | null) => write(draftKey(id), draft);
/** "Your copy", kept after a version conflict until the user uses or discards it. */
export const readMine = (id: number) => read<LocalDraft>(mineKey(id));
export const writeMine = (id: number, draft: LocalDraft | null) => write(mineKey(id), draft);
