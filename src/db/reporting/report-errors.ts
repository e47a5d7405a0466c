/**
 * The two refusals every step of the report workflow can give: a stale save (optimistic
 * versioning: a save names the version it started from and never silently overwrites) and an
 * action the report's state does not allow.
 */

import { AppError } from "../../domain/errors.ts";

/** A save or submission started from an older version than the stored one: reload, do not overwrite. */
export function conflict(current: number): AppError {
  return new AppError(
    "VERSION_CONFLICT",
    {
      en: `Someone saved this report in the meantime (now version ${current}). Reload to see their changes; your text was not saved over theirs.`,
      vi: `Người khác vừa lưu báo cáo này (phiên bản ${current}). Hãy tải lại để xem thay đổi; nội dung của bạn chưa ghi đè lên nội dung của họ.`,
    },
    { details: { currentVersion: current } },
  );
}

/** The report's state does not allow this action (e.g. editing a submitted report). */
export function invalidState(state: string, action: { en: string; vi: string }): AppError {
  return new AppError(
    "INVALID_STATE",
    {
      en: `A ${state} report cannot be ${action.en}.`,
      vi: `Báo cáo ở trạng thái "${state}" không thể ${action.vi}.`,
    },
    { details: { state } },
  );
}
