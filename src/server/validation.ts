/**
 * Turns zod validation failures into the one error shape: which field, and why, in Vietnamese
 * and English (DEVELOPERS.md: "a bad request says which field and why").
 */
import type { Context } from "hono";
import type { ZodError } from "zod";
import { AppError, errorBody, type FieldProblem } from "../domain/errors.ts";

function reasonVi(issue: ZodError["issues"][number]): string {
  const i = issue as unknown as {
    code: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    values?: unknown[];
    expected?: string;
  };
  switch (i.code) {
    case "invalid_type":
      return `sai kiểu dữ liệu (cần ${i.expected ?? "giá trị khác"})`;
    case "too_small":
      return `nhỏ hơn mức tối thiểu ${String(i.minimum ?? "")}`.trim();
    case "too_big":
      return `vượt quá mức tối đa ${String(i.maximum ?? "")}`.trim();
    case "invalid_value":
    case "invalid_enum_value":
      return `giá trị không hợp lệ${i.values ? `; chọn một trong: ${i.values.join(", ")}` : ""}`;
    case "invalid_format":
    case "invalid_string":
      return "sai định dạng";
    case "custom":
      return (issue as { params?: { vi?: string } }).params?.vi ?? "giá trị không hợp lệ";
    default:
      return "giá trị không hợp lệ";
  }
}

/** One AppError naming every bad field. */
export function validationError(error: ZodError, target: string): AppError {
  const fields: FieldProblem[] = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : target,
    reason: issue.message,
    reasonVi: reasonVi(issue),
  }));
  const names = [...new Set(fields.map((f) => f.field))].join(", ");
  return new AppError(
    "VALIDATION",
    { en: `Invalid request: ${names}.`, vi: `Yêu cầu không hợp lệ: ${names}.` },
    { fields },
  );
}

/** The OpenAPIHono default hook: answers 400 with the field list when validation fails. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target?: string },
  c: Context,
) {
  if (!result.success) {
    const err = validationError(result.error, result.target ?? "request");
    return c.json(errorBody(err), 400);
  }
  return undefined;
}
