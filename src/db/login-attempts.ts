/**
 * Sign-in attempts, for the sign-in throttle (src/server/auth/throttle.ts decides the rule; here
 * are the rows and the counts it reads). A row is written when an attempt starts, as a failure,
 * and marked a success when the password was right — so attempts still in flight count as
 * failures for the ones that come after them: a burst of parallel guesses is throttled too.
 *
 * A failure is "resolved" once the same username later signs in from the same address: that was
 * the owner's typo. Only unresolved failures count, so the owner's own slips do not slow the
 * owner's other browsers or the office, while an attacker's failures (never followed by a
 * success from the attacker's address) stay counted.
 */
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "./audit.ts";
import { type Db, qualified, toCount } from "./connection.ts";
import { loginAttempts } from "./schema.ts";
import { normalizeUsername } from "./users.ts";

type Q = Tx | Db;

/** Records one attempt (a failure until `markAttemptSucceeded`); returns its id. */
export async function recordLoginAttempt(
  q: Q,
  attempt: { username: string; ip: string | null; at: Date },
): Promise<number> {
  const [row] = await q
    .insert(loginAttempts)
    .values({ username: normalizeUsername(attempt.username), ip: attempt.ip, success: false, at: attempt.at })
    .returning({ id: loginAttempts.id });
  if (!row) throw new Error("insert login attempt returned nothing");
  return row.id;
}

export async function markAttemptSucceeded(q: Q, attemptId: number): Promise<void> {
  await q.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
}

/** Forgets an attempt the throttle refused before any password was checked: it guessed nothing. */
export async function dropLoginAttempt(q: Q, attemptId: number): Promise<void> {
  await q.delete(loginAttempts).where(eq(loginAttempts.id, attemptId));
}

/** A failed attempt not followed by a success of the same username from the same address. */
const unresolvedFailure = () =>
  and(
    eq(loginAttempts.success, false),
    sql`not exists (select 1 from ${loginAttempts} as later where later.success and later.username = ${qualified(loginAttempts.username)} and later.ip is not distinct from ${qualified(loginAttempts.ip)} and later.at > ${qualified(loginAttempts.at)})`,
  );

export interface FailureCount {
  count: number;
  /** The latest of them, or null when there is none. */
  last: Date | null;
}

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

async function countFailures(q: Q, where: ReturnType<typeof and>): Promise<FailureCount> {
  const [row] = await q
    .select({ n: sql`count(*)`, last: sql`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(unresolvedFailure(), where));
  return { count: toCount(row?.n), last: toDate(row?.last) };
}

/**
 * Unresolved failures before attempt `before` since `since`: of the username from this address
 * (the pair), and of the username from anywhere (the account).
 */
export async function pairAndAccountFailures(
  q: Q,
  { username, ip, since, before }: { username: string; ip: string | null; since: Date; before: number },
): Promise<{ pair: FailureCount; account: FailureCount }> {
  const name = normalizeUsername(username);
  const mine = and(
    eq(loginAttempts.username, name),
    gt(loginAttempts.at, since),
    lt(loginAttempts.id, before),
  );
  const [pair, account] = [
    await countFailures(q, and(mine, ip === null ? isNull(loginAttempts.ip) : eq(loginAttempts.ip, ip))),
    await countFailures(q, mine),
  ];
  return { pair, account };
}

/**
 * The `rank`-th most recent of the latest unresolved failure per username from this address since
 * `since` (attempts before `before`), or null when fewer usernames failed: when it is not null,
 * at least `rank` different usernames failed from the address.
 */
export async function nthFailedUsernameFrom(
  q: Q,
  { ip, since, before, rank }: { ip: string; since: Date; before: number; rank: number },
): Promise<Date | null> {
  const last = sql`max(${loginAttempts.at})`;
  const [row] = await q
    .select({ last })
    .from(loginAttempts)
    .where(
      and(
        unresolvedFailure(),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.at, since),
        lt(loginAttempts.id, before),
      ),
    )
    .groupBy(loginAttempts.username)
    .orderBy(desc(last))
    .limit(1)
    .offset(rank - 1);
  return toDate(row?.last);
}
