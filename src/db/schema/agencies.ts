/** Agencies, their aliases and group membership (REGULATIONS.md §5: agencies have a lifetime). */
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * A body that can be assigned work. Agencies are merged and dissolved (REGULATIONS.md §5),
 * so each has a validity interval and a successor; history keeps the old owner.
 */
export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    /** Normalised matching key (agencyKey), unique within a province. */
    key: text("key").notNull(),
    shortName: text("short_name"),
    kind: text("kind"),
    level: text("level"),
    /**
     * The province the body belongs to ("" for central bodies): "Sở Công Thương" of Tuyên Quang
     * and of Lào Cai are two agencies.
     */
    province: text("province").notNull().default(""),
    parentId: integer("parent_id"),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    successorId: integer("successor_id"),
    successorConfirmed: boolean("successor_confirmed"),
    /**
     * A vague group named in a plan ("Các sở, ngành liên quan", "UBND huyện, thành phố"): its own
     * kind of entry, never expanded into invented members; members are listed only where known.
     * Groups share the agencies' id space so an assignment points at one table.
     */
    isGroup: boolean("is_group").notNull().default(false),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agencies_province_key_uq").on(t.province, t.key)],
);

/** Every written form of an agency ("BQL các khu CN tỉnh"), resolved to one agency. */
export const agencyAliases = pgTable(
  "agency_aliases",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    alias: text("alias").notNull(),
    key: text("key").notNull(),
  },
  (t) => [
    uniqueIndex("agency_aliases_alias_uq").on(t.agencyId, t.alias),
    index("agency_aliases_key_idx").on(t.key),
  ],
);

export const agencyGroupMembers = pgTable(
  "agency_group_members",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => agencies.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.agencyId] })],
);
