/**
 * The one place that decides permissions. Until accounts exist (the reporting-loop issue), a
 * published plan is public information: reading is allowed to everyone and no write action
 * exists in the API. Every route asks here first, so adding roles changes this file only.
 */
import type { Context } from "hono";
import { AppError } from "./errors.ts";

export type Action = "plan:read" | "plan:write";

export function can(action: Action): boolean {
  return action === "plan:read";
}

/** Throws FORBIDDEN unless the action is allowed. */
export function authorize(_c: Context, action: Action): void {
  if (!can(action)) {
    throw new AppError("FORBIDDEN", {
      en: "You may not do this.",
      vi: "Bạn không có quyền thực hiện thao tác này.",
    });
  }
}
