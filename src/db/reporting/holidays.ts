/**
 * The holiday calendar as data (REGULATIONS.md §1: Tết moves every year and the Government fixes
 * the civil-service days off yearly). Shipped for 2021–2030 and loaded into the database on first
 * use; an administrator corrects it there, and every computation reads the database.
 */
import { asc, between, sql } from "drizzle-orm";
import { loadDefaultHolidays } from "../../domain/holidays.ts";
import { appendAudit, type Tx } from "../audit.ts";
import type { Db } from "../connection.ts";
import { toCount } from "../connection.ts";
import { holidays } from "../schema.ts";
import type { ActorRef } from "./actor.ts";

/** Loads the shipped calendar when the table is empty; returns how many days were added. */
export async function ensureHolidays(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql`count(*)` }).from(holidays);
  if (toCount(row?.n) > 0) return 0;
  const list = loadDefaultHolidays();
  await db.transaction(async (tx) => {
    await tx
      .insert(holidays)
      .values(
        list.map((h) => ({ date: h.date, name: h.name, official: h.official, source: h.source ?? null })),
      )
      .onConflictDoNothing();
    await appendAudit(tx as Tx, {
      actor: "system",
      action: "holidays.load",
      entity: "holidays",
      after: { days: list.length },
    });
  });
  return list.length;
}

/** Every non-working holiday date, for working-day arithmetic. */
export async function holidayDates(db: Db): Promise<Set<string>> {
  await ensureHolidays(db);
  const rows = await db.select({ date: holidays.date }).from(holidays);
  return new Set(rows.map((r) => r.date));
}

export async function listHolidays(db: Db, year?: number) {
  await ensureHolidays(db);
  const q = db.select().from(holidays);
  const rows = year
    ? await q.where(between(holidays.date, `${year}-01-01`, `${year}-12-31`)).orderBy(asc(holidays.date))
    : await q.orderBy(asc(holidays.date));
  return rows;
}

/** Adds or corrects one day off (administrator). */
export async function putHoliday(
  db: Db,
  day: { date: string; name: string; official: boolean },
  actor: ActorRef,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(holidays).where(sql`${holidays.date} = ${day.date}`);
    await tx
      .insert(holidays)
      .values({ ...day, source: `edited by ${actor.username}` })
      .onConflictDoUpdate({
        target: holidays.date,
        set: { name: day.name, official: day.official, source: `edited by ${actor.username}` },
      });
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "holiday.put",
      entity: "holiday",
      entityId: day.date,
      before: before ?? null,
      after: day,
    });
  });
}

export async function deleteHoliday(db: Db, date: string, actor: ActorRef): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(holidays).where(sql`${holidays.date} = ${date}`);
    if (!before) return false;
    await tx.delete(holidays).where(sql`${holidays.date} = ${date}`);
    await appendAudit(tx as Tx, {
      actor: actor.username,
      action: "holiday.delete",
      entity: "holiday",
      entityId: date,
      before,
    });
    return true;
  });
}
