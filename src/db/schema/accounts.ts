/** Accounts: users, their roles per plan, sessions, login attempts. */
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { plans } from "./plans.ts";

// ─── Accounts (the reporting loop) ────────────────────────────────────────────────────────

/** A person who signs in. Belongs to one agency; roles come from role_assignments. */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    /** argon2id (PHC string). */
    passwordHash: text("password_hash").notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username)],
);

/**
 * A role held by a user: "administrator" (planId null: everywhere), "coordinator", "reporter",
 * "leader", "viewer" — per plan (null = every plan). Reporters and leaders act for `agencyId`.
 */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    planId: integer("plan_id").references(() => plans.id),
    agencyId: integer("agency_id").references(() => agencies.id),
  },
  (t) => [index("role_assignments_user_idx").on(t.userId)],
);

/** Server-side sessions, so several server processes share them. The cookie holds a random token; only its hash is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sessions_token_uq").on(t.tokenHash)],
);

/** Sign-in attempts, for the sign-in throttle (per username and address, username, address). */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    ip: text("ip"),
    success: boolean("success").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_user_at_idx").on(t.username, t.at),
    index("login_attempts_ip_at_idx").on(t.ip, t.at),
  ],
);
