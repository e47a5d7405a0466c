/**
 * The permission matrix: every action × every role × (own agency, other agency, other plan).
 * Each cell states the expected answer, so a change to policies.ts that widens or narrows a
 * permission fails here by name.
 */
import type { Context } from "hono";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import {
  ACTIONS,
  type Action,
  type Actor,
  authorize,
  authorizeAny,
  can,
  type Resource,
  type Role,
} from "./policies.ts";

const PLAN = 1;
const OTHER_PLAN = 2;
const OWN = 10;
const OTHER = 20;

function actor(role: Role, over: Partial<Actor> = {}): Actor {
  return {
    userId: 1,
    username: role,
    displayName: role,
    agencyId: OWN,
    isAdmin: role === "administrator",
    roles: [
      role === "administrator"
        ? { role, planId: null, agencyId: null }
        : { role, planId: PLAN, agencyId: role === "viewer" ? null : OWN },
    ],
    ...over,
  };
}

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  administrator: actor("administrator"),
  coordinator: actor("coordinator"),
  reporter: actor("reporter"),
  leader: actor("leader"),
  viewer: actor("viewer"),
};

const CELLS: Record<string, Resource> = {
  "own agency": { planId: PLAN, agencyId: OWN },
  "other agency": { planId: PLAN, agencyId: OTHER },
  "other plan": { planId: OTHER_PLAN, agencyId: OWN },
};

/** Per action (optionally with a report state) and role: own agency, other agency, other plan. */
type Row = [Action, string | undefined, Record<keyof typeof ACTORS, string>];
const ADMIN_ONLY = {
  anonymous: "FFF",
  administrator: "TTT",
  coordinator: "FFF",
  reporter: "FFF",
  leader: "FFF",
  viewer: "FFF",
};
const COORDINATION = {
  anonymous: "FFF",
  administrator: "TTT",
  coordinator: "TTF",
  reporter: "FFF",
  leader: "FFF",
  viewer: "FFF",
};

const MATRIX: Row[] = [
  [
    "plan:read",
    undefined,
    {
      anonymous: "TTT",
      administrator: "TTT",
      coordinator: "TTT",
      reporter: "TTT",
      leader: "TTT",
      viewer: "TTT",
    },
  ],
  ["plan:import", undefined, ADMIN_ONLY],
  ["user:manage", undefined, ADMIN_ONLY],
  ["agency:manage", undefined, ADMIN_ONLY],
  ["reorganisation:manage", undefined, ADMIN_ONLY],
  ["holiday:manage", undefined, ADMIN_ONLY],
  ["regime:edit", undefined, COORDINATION],
  ["period:open", undefined, COORDINATION],
  ["report:review", undefined, COORDINATION],
  ["report:extend", undefined, COORDINATION],
  ["urge:send", undefined, COORDINATION],
  // Closing a plan after its end (issue 10 §1): the administrator or the plan's coordinator.
  ["plan:close", undefined, COORDINATION],
  // The public page is switched on by the administrator only (issue 10 §2).
  ["plan:publish", undefined, ADMIN_ONLY],
  // Documents (issue 10 §1): drafts are the coordinator's; asked without a state, only the coordinator's answer.
  ["document:write", undefined, COORDINATION],
  ["document:read", undefined, COORDINATION],
  ["audit:read", undefined, COORDINATION],
  // Rates and scorecards: the coordination, and the provincial leaders who read everything.
  ["status:read-all", undefined, { ...COORDINATION, viewer: "TTF" }],
  ["zone:write", undefined, COORDINATION],
  ["project:write", undefined, COORDINATION],
  ["geo:manage", undefined, ADMIN_ONLY],
  // Values: the coordinator, or the supplying agency's reporter and leader.
  [
    "indicator:write",
    undefined,
    {
      anonymous: "FFF",
      administrator: "TTT",
      coordinator: "TTF",
      reporter: "TFF",
      leader: "TFF",
      viewer: "FFF",
    },
  ],
  [
    "report:read",
    "submitted",
    {
      anonymous: "FFF",
      administrator: "TTT",
      coordinator: "TTF",
      reporter: "TFF",
      leader: "TFF",
      viewer: "TTF",
    },
  ],
  [
    "report:read",
    "accepted",
    {
      anonymous: "FFF",
      administrator: "TTT",
      coordinator: "TTF",
      reporter: "TFF",
      leader: "TFF",
      viewer: "TTF",
    },
  ],
  [
    "report:read",
    "not_started",
    {
      anonymous: "FFF",
      administrator: "TTT",
      coordinator: "TTF",
      reporter: "TFF",
      leader: "TFF",
      viewer: "TTF",
    },
  ],
  // Nobody reads another agency's draft; the administrator and the coordinator read their own agency's.
  [
    "report:read",
    "draft",
    {
      anonymous: "FFF",
      administrator: "TFT",
      coordinator: "TFF",
      reporter: "TFF",
      leader: "TFF",
      viewer: "TFF",
    },
  ],
  [
    "report:draft",
    undefined,
    {
      anonymous: "FFF",
      administrator: "FFF",
      coordinator: "FFF",
      reporter: "TFF",
      leader: "TFF",
      viewer: "FFF",
    },
  ],
  [
    "report:submit",
    undefined,
    {
      anonymous: "FFF",
      administrator: "FFF",
      coordinator: "FFF",
      reporter: "FFF",
      leader: "TFF",
      viewer: "FFF",
    },
  ],
  // Issue 9 §2: the reporter hands the draft to the leader; the leader sends it back or on.
  [
    "report:hand-to-leader",
    undefined,
    {
      anonymous: "FFF",
      administrator: "FFF",
      coordinator: "FFF",
      reporter: "TFF",
      leader: "FFF",
      viewer: "FFF",
    },
  ],
  [
    "report:send-back",
    undefined,
    {
      anonymous: "FFF",
      administrator: "FFF",
      coordinator: "FFF",
      reporter: "FFF",
      leader: "TFF",
      viewer: "FFF",
    },
  ],
  // Waiting for the leader, the draft is the leader's to write; still no one outside reads it.
  [
    "report:draft",
    "awaiting_leader",
    {
      anonymous: "FFF",
      administrator: "FFF",
      coordinator: "FFF",
      reporter: "FFF",
      leader: "TFF",
      viewer: "FFF",
    },
  ],
  [
    "report:read",
    "awaiting_leader",
    {
      anonymous: "FFF",
      administrator: "TFT",
      coordinator: "TFF",
      reporter: "TFF",
      leader: "TFF",
      viewer: "TFF",
    },
  ],
  [
    "notification:read",
    undefined,
    {
      anonymous: "FFF",
      administrator: "TTT",
      coordinator: "TTT",
      reporter: "TTT",
      leader: "TTT",
      viewer: "TTT",
    },
  ],
];

const cases = MATRIX.flatMap(([action, state, byRole]) =>
  Object.entries(byRole).flatMap(([role, answers]) =>
    Object.keys(CELLS).map((cell, i) => ({
      action,
      state,
      role,
      cell,
      expected: answers[i] === "T",
    })),
  ),
);

describe("the permission matrix", () => {
  it("covers every action and every role", () => {
    expect(new Set(MATRIX.map(([a]) => a))).toEqual(new Set(ACTIONS));
    for (const [, , byRole] of MATRIX) expect(Object.keys(byRole).sort()).toEqual(Object.keys(ACTORS).sort());
  });

  it.each(cases)("$action $state · $role · $cell → $expected", ({ action, state, role, cell, expected }) => {
    const resource = { ...CELLS[cell], ...(state ? { reportState: state } : {}) };
    expect(can(ACTORS[role] ?? null, action, resource)).toBe(expected);
  });
});

describe("scoping rules", () => {
  it("a viewer can write nothing, whatever the resource", () => {
    const writes = ACTIONS.filter(
      (a) => !["plan:read", "report:read", "notification:read", "status:read-all"].includes(a),
    );
    for (const action of writes)
      for (const resource of Object.values(CELLS))
        for (const state of [undefined, "draft", "submitted"])
          expect(can(actor("viewer"), action, { ...resource, reportState: state }), action).toBe(false);
  });

  it("a role with no plan holds in every plan", () => {
    const everywhere = actor("coordinator", {
      roles: [{ role: "coordinator", planId: null, agencyId: OWN }],
    });
    expect(can(everywhere, "period:open", { planId: OTHER_PLAN })).toBe(true);
    // An issued document is read by every role of the plan, never by an anonymous caller.
    for (const role of ["reporter", "leader", "viewer"] as const) {
      expect(can(actor(role), "document:read", { planId: PLAN, documentState: "final" }), role).toBe(true);
      expect(can(actor(role), "document:read", { planId: PLAN, documentState: "draft" }), role).toBe(false);
    }
    expect(can(null, "document:read", { planId: PLAN, documentState: "final" })).toBe(false);
    const reporter = actor("reporter", { roles: [{ role: "reporter", planId: null, agencyId: OWN }] });
    expect(can(reporter, "report:draft", { planId: OTHER_PLAN, agencyId: OWN })).toBe(true);
    expect(can(reporter, "report:draft", { planId: OTHER_PLAN, agencyId: OTHER })).toBe(false);
  });

  it("a plan-scoped role does not answer a question that names no plan", () => {
    expect(can(actor("coordinator"), "audit:read")).toBe(false);
    expect(can(actor("reporter"), "report:draft", { agencyId: OWN })).toBe(false);
    expect(can(actor("administrator"), "audit:read")).toBe(true);
  });

  it("an agency-scoped action names an agency", () => {
    expect(can(actor("leader"), "report:submit", { planId: PLAN })).toBe(false);
    expect(can(actor("coordinator"), "report:read", { planId: PLAN, reportState: "draft" })).toBe(false);
  });

  it("a reporter's role without an agency acts for the user's agency", () => {
    const r = actor("reporter", {
      agencyId: OTHER,
      roles: [{ role: "reporter", planId: PLAN, agencyId: null }],
    });
    expect(can(r, "report:draft", { planId: PLAN, agencyId: OTHER })).toBe(true);
    expect(can(r, "report:draft", { planId: PLAN, agencyId: OWN })).toBe(false);
  });

  it("a role's agency wins over the user's agency", () => {
    const r = actor("leader", { agencyId: OTHER, roles: [{ role: "leader", planId: PLAN, agencyId: OWN }] });
    expect(can(r, "report:submit", { planId: PLAN, agencyId: OWN })).toBe(true);
    expect(can(r, "report:submit", { planId: PLAN, agencyId: OTHER })).toBe(false);
  });

  it("an administrator of no agency reads no draft", () => {
    const admin = actor("administrator", { agencyId: null });
    expect(can(admin, "report:read", { planId: PLAN, agencyId: OWN, reportState: "draft" })).toBe(false);
    expect(can(admin, "report:read", { planId: PLAN, agencyId: OWN, reportState: "returned" })).toBe(true);
  });

  it("several roles add up", () => {
    const both = actor("reporter", {
      roles: [
        { role: "reporter", planId: PLAN, agencyId: OWN },
        { role: "viewer", planId: OTHER_PLAN, agencyId: null },
      ],
    });
    expect(can(both, "report:draft", { planId: PLAN, agencyId: OWN })).toBe(true);
    expect(can(both, "report:read", { planId: OTHER_PLAN, agencyId: OTHER, reportState: "submitted" })).toBe(
      true,
    );
    expect(can(both, "report:draft", { planId: OTHER_PLAN, agencyId: OWN })).toBe(false);
  });
});

describe("authorize", () => {
  const ctx = (a: Actor | null | undefined) =>
    ({ get: (key: string) => (key === "actor" ? a : undefined) }) as unknown as Context;
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return "allowed";
    } catch (e) {
      return e instanceof AppError ? e.code : "other";
    }
  };

  it("lets anyone read a plan, even without the session middleware", () => {
    expect(codeOf(() => authorize(ctx(undefined), "plan:read"))).toBe("allowed");
    expect(authorize(ctx(null), "plan:read")).toBeNull();
  });

  it("answers UNAUTHORIZED to nobody and FORBIDDEN to someone not allowed", () => {
    expect(codeOf(() => authorize(ctx(null), "user:manage"))).toBe("UNAUTHORIZED");
    expect(codeOf(() => authorize(ctx(actor("viewer")), "user:manage"))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(ctx(actor("administrator")), "user:manage"))).toBe("allowed");
  });

  it("returns the actor", () => {
    const a = actor("leader");
    expect(authorize(ctx(a), "report:submit", { planId: PLAN, agencyId: OWN })).toBe(a);
  });

  it("authorizeAny: any resource that allows it is enough; none allows is refused", () => {
    const coord = actor("coordinator");
    const list = [{ planId: OTHER_PLAN }, { planId: PLAN }];
    expect(codeOf(() => authorizeAny(ctx(coord), "zone:write", list))).toBe("allowed");
    expect(codeOf(() => authorizeAny(ctx(coord), "zone:write", [{ planId: OTHER_PLAN }]))).toBe("FORBIDDEN");
    expect(codeOf(() => authorizeAny(ctx(null), "zone:write", list))).toBe("UNAUTHORIZED");
  });

  it("authorizeAny with no resource (a province without a plan) allows only a role of every plan", () => {
    expect(codeOf(() => authorizeAny(ctx(actor("administrator")), "zone:write", []))).toBe("allowed");
    const everyPlan = actor("coordinator", {
      roles: [{ role: "coordinator", planId: null, agencyId: null }],
    });
    expect(codeOf(() => authorizeAny(ctx(everyPlan), "project:write", []))).toBe("allowed");
    expect(codeOf(() => authorizeAny(ctx(actor("coordinator")), "zone:write", []))).toBe("FORBIDDEN");
    expect(codeOf(() => authorizeAny(ctx(null), "zone:write", []))).toBe("UNAUTHORIZED");
  });
});
