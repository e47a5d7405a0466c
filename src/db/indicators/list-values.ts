/**
 * An indicator's whole series, as published: every figure ever entered (none is deleted — an
 * official figure outranks the estimate, a revision the figure it revises) with, for each
 * period and scope, which figure is used and why the others are not. Public, like the plan:
 * investors and the press read the figures the province reports (issue 4 §1).
 */
import type { Db } from "../connection.ts";
import {
  bestOf,
  indicatorByCode,
  type PeriodBest,
  type PresentedValue,
  presentValue,
  valuesOf,
} from "./values.ts";

export interface IndicatorSeries {
  indicator: { code: string; nameVi: string; nameEn: string; unit: string };
  values: PresentedValue[];
  /** One entry per period and scope present, in period order. */
  periods: PeriodBest[];
}

/** The series of one indicator, optionally one territorial scope only (scopes are never mixed). */
export async function listIndicatorValues(db: Db, code: string, scope?: string): Promise<IndicatorSeries> {
  const indicator = await indicatorByCode(db, code);
  const rows = (await valuesOf(db, [indicator.id])).filter((r) => scope === undefined || r.scope === scope);
  const keys = [...new Set(rows.map((r) => `${r.period}\u0000${r.scope}`))].sort();
  return {
    indicator: {
      code: indicator.code,
      nameVi: indicator.nameVi,
      nameEn: indicator.nameEn,
      unit: indicator.unit,
    },
    values: rows.map((r) => presentValue(r, indicator)),
    periods: keys.map((k) => {
      const [period = "", sc = ""] = k.split("\u0000");
      return bestOf(rows, indicator, period, sc);
    }),
  };
}
