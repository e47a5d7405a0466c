/**
 * Small readers of the request context for routes: who is acting (for rows and the audit log) and
 * what time it is (injectable, so tests can run a reporting period "in 2022").
 */

import type { Context } from "hono";
import type { ActorRef } from "../db/reporting/actor.ts";
import { AppError } from "../domain/errors.ts";
import { vnDay } from "../domain/working-days.ts";

interface ActorLike {
  userId: number;
  username: string;
  agencyId: number | null;
}

/** The signed-in actor, or UNAUTHORIZED. */
export function requireActor(c: Context): ActorLike {
  const actor = (c.var as { actor?: ActorLike | null }).actor;
  if (!actor) throw new AppError("UNAUTHORIZED", { en: "Please sign in.", vi: "Vui lòng đăng nhập." });
  return actor;
}

export function actorRef(c: Context): ActorRef {
  const a = requireActor(c);
  return { userId: a.userId, username: a.username };
}

/** Today in Vietnam (UTC+7) by the app's clock: the default "as of" day of every evaluation. */
export function todayOf(c: Context): string {
  return vnDay(nowOf(c));
}

/** The current time; tests set `now` on the app to replay a past period. */
export function nowOf(c: Context): Date {
  const now = (c.var as { now?: () => Date }).now; // unset unless the app was given a clock
  return now ? now() : new Date();
}
