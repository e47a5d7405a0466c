/**
 * Passwords: argon2id (@node-rs/argon2, prebuilt from the npm registry; its defaults are
 * argon2id, m=19 MiB, t=2, p=1 — the OWASP minimum) stored as a PHC string, and the password
 * policy with its messages in Vietnamese and English. Passwords and hashes are never logged.
 */
import { hash, verify } from "@node-rs/argon2";
import type { FieldProblem } from "../../domain/errors.ts";

export const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes whatever it is given; a bound keeps a huge body from costing CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/** An argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when the password matches the stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spends the same time as checking a real password, for a user that does not exist, is locked
 * or disabled: the answer's timing must not tell whether the username exists.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword("kehoach: no such user, a fixed dummy password");
  await verifyPassword(await dummy, password);
  return false;
}

/** What is wrong with a new password (empty: nothing), for the field `field`. */
export function passwordProblems(password: string, username: string, field = "newPassword"): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push({
      field,
      reason: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      reasonVi: `mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
    });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    problems.push({
      field,
      reason: `must be at most ${MAX_PASSWORD_LENGTH} characters`,
      reasonVi: `mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự`,
    });
  }
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    problems.push({
      field,
      reason: "must not be the username",
      reasonVi: "mật khẩu không được trùng tên đăng nhập",
    });
  }
  return problems;
}
