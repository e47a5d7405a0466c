/**
 * User administration (administrator only): list, create, change (display name, email, agency,
 * disabled, roles), reset a password (the user must then change it). Passwords are validated
 * by the password policy and hashed here; only hashes reach the database, never the audit log.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createUser,
  getUser,
  listUsers,
  setPassword,
  USERNAME_PATTERN,
  type UserRecord,
  updateUser,
} from "../../../db/users.ts";
import { AppError, type FieldProblem } from "../../../domain/errors.ts";
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblems } from "../../auth/password.ts";
import type { AppEnv } from "../../env.ts";
import { authorizeActor, ROLES } from "../../policies.ts";
import { ErrorSchema, errorResponses, Id, IdParam } from "../../schemas.ts";

export const RoleGrantSchema = z
  .object({
    role: z.enum(ROLES),
    planId: z.number().int().nullable(),
    agencyId: z.number().int().nullable(),
  })
  .openapi("RoleGrant");

export const UserSchema = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    agencyId: z.number().nullable(),
    agencyName: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    roles: z.array(RoleGrantSchema),
  })
  .openapi("User");

export function presentUser(u: UserRecord) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    agencyId: u.agencyId,
    agencyName: u.agencyName,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    roles: u.roles,
  };
}

const err = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});
export const authErrorResponses = {
  401: err("Not signed in"),
  403: err("Not allowed, or a missing/wrong x-csrf-token (code CSRF)"),
} as const;

const RoleInputSchema = z.object({
  role: z.enum(ROLES),
  planId: Id.nullable().optional(),
  agencyId: Id.nullable().optional(),
});

export const PasswordField = z.string().max(MAX_PASSWORD_LENGTH).openapi({ format: "password" });

const NewUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        USERNAME_PATTERN,
        "3–64 characters: letters a–z, digits, . _ - (starting and ending with a letter or digit)",
      )
      .openapi({ example: "skhdt.baocao" }),
    displayName: z.string().trim().min(1).max(200),
    email: z.email().max(254).nullable().optional(),
    agencyId: Id.nullable().optional(),
    password: PasswordField,
    /** Default true: the administrator chose the password, the user should replace it. */
    mustChangePassword: z.boolean().optional(),
    roles: z.array(RoleInputSchema).max(50).optional(),
  })
  .openapi("NewUser");

const UserPatchBody = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(254).nullable().optional(),
    agencyId: Id.nullable().optional(),
    disabled: z.boolean().optional(),
    roles: z.array(RoleInputSchema).max(50).optional(),
  })
  .openapi("UserPatch");

const ResetBody = z.object({ newPassword: PasswordField }).openapi("PasswordReset");

const json = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

const list = createRoute({
  method: "get",
  path: "/api/users",
  tags: ["users"],
  summary: "Every user with roles (administrator)",
  responses: {
    200: {
      description: "Users",
      content: {
        "application/json": { schema: z.object({ items: z.array(UserSchema), total: z.number() }) },
      },
    },
    ...authErrorResponses,
  },
});

const create = createRoute({
  method: "post",
  path: "/api/users",
  tags: ["users"],
  summary:
    "Create a user with roles (administrator). The password must have ≥ 10 characters and differ from the username",
  request: { body: json(NewUserBody) },
  responses: {
    201: { description: "The new user", content: { "application/json": { schema: UserSchema } } },
    ...errorResponses,
    ...authErrorResponses,
  },
});

const patch = createRoute({
  method: "patch",
  path: "/api/users/{id}",
  tags: ["users"],
  summary:
    "Change a user's display name, email, agency, disabled flag or roles (roles replace all; administrator). Disabling ends the user's sessions",
  request: { params: IdParam, body: json(UserPatchBody) },
  responses: {
    200: { description: "The user", content: { "application/json": { schema: UserSchema } } },
    409: err(
      "INVALID_STATE: an administrator cannot disable themselves or drop their own administrator role",
    ),
    ...errorResponses,
    ...authErrorResponses,
  },
});

const reset = createRoute({
  method: "post",
  path: "/api/users/{id}/reset-password",
  tags: ["users"],
  summary:
    "Set a new password for a user (administrator): the user's sessions end and the user must change it at next sign-in",
  request: { params: IdParam, body: json(ResetBody) },
  responses: {
    200: { description: "The user", content: { "application/json": { schema: UserSchema } } },
    ...errorResponses,
    ...authErrorResponses,
  },
});

function userNotFound(id: number): AppError {
  return new AppError("NOT_FOUND", {
    en: `User ${id} does not exist.`,
    vi: `Không tìm thấy người dùng ${id}.`,
  });
}

/** VALIDATION when the password breaks the policy. */
export function checkPassword(password: string, username: string, field: string): void {
  const problems: FieldProblem[] = passwordProblems(password, username, field);
  if (problems.length) {
    throw new AppError(
      "VALIDATION",
      { en: `Invalid request: ${field}.`, vi: `Yêu cầu không hợp lệ: ${field}.` },
      { fields: problems },
    );
  }
}

export function registerUsers(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => {
    authorizeActor(c, "user:manage");
    const items = (await listUsers(c.get("database").db)).map(presentUser);
    return c.json({ items, total: items.length }, 200);
  });

  app.openapi(create, async (c) => {
    const actor = authorizeActor(c, "user:manage");
    const body = c.req.valid("json");
    checkPassword(body.password, body.username, "password");
    const user = await createUser(
      c.get("database").db,
      {
        username: body.username,
        displayName: body.displayName,
        email: body.email ?? null,
        agencyId: body.agencyId ?? null,
        passwordHash: await hashPassword(body.password),
        mustChangePassword: body.mustChangePassword ?? true,
        roles: body.roles ?? [],
      },
      actor.username,
    );
    return c.json(presentUser(user), 201);
  });

  app.openapi(patch, async (c) => {
    const actor = authorizeActor(c, "user:manage");
    const { id } = c.req.valid("param");
    const user = await updateUser(c.get("database").db, id, c.req.valid("json"), actor);
    if (!user) throw userNotFound(id);
    return c.json(presentUser(user), 200);
  });

  app.openapi(reset, async (c) => {
    const actor = authorizeActor(c, "user:manage");
    const { id } = c.req.valid("param");
    const db = c.get("database").db;
    const target = await getUser(db, id);
    if (!target) throw userNotFound(id);
    const { newPassword } = c.req.valid("json");
    checkPassword(newPassword, target.username, "newPassword");
    const user = await setPassword(db, id, await hashPassword(newPassword), {
      reset: true,
      actor: actor.username,
    });
    if (!user) throw userNotFound(id);
    return c.json(presentUser(user), 200);
  });
}
