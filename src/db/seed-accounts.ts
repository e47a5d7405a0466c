/**
 * Demo accounts for the Tuyên Quang plan (`npm start`): an administrator, the coordinator at Sở
 * Công Thương, a reporter and a leader for five agencies, and the province's leadership as a
 * viewer. Idempotent: an account that exists is left as it is. Every demo account has the
 * password DEMO_PASSWORD — a demo, not a deployment.
 */
import { and, eq } from "drizzle-orm";
import type { Role } from "../domain/roles.ts";
import { hashPassword } from "../server/auth/password.ts";
import type { Db } from "./connection.ts";
import { agencies, users } from "./schema.ts";
import { createUser, findUserIdByUsername, type RoleInput } from "./users.ts";

export const DEMO_PASSWORD = "kehoach-demo-2025";
const PROVINCE = "Tuyên Quang";

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  /** The agency's name (null: none, for the administrator). */
  agency: string | null;
  /** The agency the account was created for, when a reorganisation has since moved it. */
  formerAgency?: string;
}

const SCT = "Sở Công Thương";
const REPORTING: { prefix: string; agency: string; short: string }[] = [
  { prefix: "sct", agency: SCT, short: "Sở Công Thương" },
  { prefix: "skhdt", agency: "Sở Kế hoạch và Đầu tư", short: "Sở KH&ĐT" },
  { prefix: "bqlkcn", agency: "Ban Quản lý các khu công nghiệp tỉnh", short: "BQL các KCN" },
  { prefix: "stnmt", agency: "Sở Tài nguyên và Môi trường", short: "Sở TN&MT" },
  { prefix: "sgtvt", agency: "Sở Giao thông vận tải", short: "Sở GTVT" },
  // The successors of the 2025 reorganisation (REGULATIONS.md §5): the ceased agencies' accounts
  // above pass to them from the effective date (src/db/reorganisations/seed.ts).
  { prefix: "stc", agency: "Sở Tài chính", short: "Sở Tài chính" },
  { prefix: "snnmt", agency: "Sở Nông nghiệp và Môi trường", short: "Sở NN&MT" },
  { prefix: "sxd", agency: "Sở Xây dựng", short: "Sở Xây dựng" },
  {
    prefix: "bqlkcnkkt",
    agency: "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Tuyên Quang",
    short: "BQL các KCN và KKT",
  },
];

interface Spec {
  username: string;
  displayName: string;
  role: Role;
  agency: string | null;
}

export const DEMO_ACCOUNTS: Spec[] = [
  { username: "admin", displayName: "Quản trị hệ thống", role: "administrator", agency: null },
  { username: "sct.dieuphoi", displayName: "Điều phối — Sở Công Thương", role: "coordinator", agency: SCT },
  ...REPORTING.flatMap((r) => [
    {
      username: `${r.prefix}.baocao`,
      displayName: `Cán bộ báo cáo — ${r.short}`,
      role: "reporter" as const,
      agency: r.agency,
    },
    {
      username: `${r.prefix}.lanhdao`,
      displayName: `Lãnh đạo — ${r.short}`,
      role: "leader" as const,
      agency: r.agency,
    },
  ]),
  {
    username: "lanhdao.tinh",
    displayName: "Lãnh đạo UBND tỉnh",
    role: "viewer",
    agency: "Ủy ban nhân dân tỉnh",
  },
];

async function agencyIdByName(db: Db, name: string): Promise<number | null> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, name), eq(agencies.province, PROVINCE)));
  return row?.id ?? null;
}

/** Creates the demo accounts that do not exist yet; returns every demo login. */
export async function seedAccounts(db: Db, planId: number): Promise<DemoAccount[]> {
  let hash: string | null = null;
  const out: DemoAccount[] = [];
  for (const spec of DEMO_ACCOUNTS) {
    out.push({ username: spec.username, password: DEMO_PASSWORD, role: spec.role, agency: spec.agency });
    if (await findUserIdByUsername(db, spec.username)) continue;
    const agencyId = spec.agency ? await agencyIdByName(db, spec.agency) : null;
    if (spec.agency && agencyId === null) throw new Error(`demo agency not in the registry: ${spec.agency}`);
    const role: RoleInput =
      spec.role === "administrator" ? { role: "administrator" } : { role: spec.role, planId, agencyId };
    // One hash for the one demo password (hashing costs ~0.1 s each).
    hash ??= await hashPassword(DEMO_PASSWORD);
    await createUser(
      db,
      {
        username: spec.username,
        displayName: spec.displayName,
        agencyId,
        passwordHash: hash,
        mustChangePassword: false,
        roles: [role],
      },
      "seed",
    );
  }
  return out;
}

/**
 * The demo logins with the agency each acts for now: an account of a ceased agency has passed to
 * its successor (src/db/reorganisations), its old agency kept as `formerAgency`.
 */
export async function currentAccountAgencies(db: Db, accounts: DemoAccount[]): Promise<DemoAccount[]> {
  const rows = await db
    .select({ username: users.username, agency: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId));
  const now = new Map(rows.map((r) => [r.username, r.agency]));
  return accounts.map((a) => {
    const agency = now.get(a.username) ?? a.agency;
    return agency !== a.agency && a.agency ? { ...a, agency, formerAgency: a.agency } : a;
  });
}
