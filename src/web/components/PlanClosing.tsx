// Closing a plan (issue 10 §1) on the plan page: the banner of a closed plan for everyone, and
// for the coordinator of an ended plan the "Đóng kế hoạch" action behind a confirmation (closing
// cannot be undone; the server refuses before the end and a second time).
import { useState } from "react";
import { type ApiError, api, asApiError, send } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { formatDate, formatDateTime, todayVn } from "../format.ts";
import { useLang } from "../lang.tsx";
import { isCoordinator } from "../roles.ts";
import type { Plan } from "../types.ts";
import { Modal } from "./Modal.tsx";
import { ErrorBox } from "./Status.tsx";

export function PlanClosing({ plan, onClosed }: { plan: Plan; onClosed: () => void }) {
  const { t } = useLang();
  const { user } = useAuth();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const end = plan.periodEnd ? `${plan.periodEnd}-12-31` : null;
  if (plan.closedAt)
    return (
      <p className="notice" role="status" data-testid="plan-closed-banner">
        {t("closedBanner", { date: formatDateTime(plan.closedAt).split(" ")[0] ?? "", end: formatDate(end) })}
      </p>
    );
  if (!end || todayVn() <= end || !isCoordinator(user, plan.id)) return null;
  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      await send("POST", api.planClose(plan.id), {});
      setAsking(false);
      onClosed();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>
        <button type="button" data-testid="plan-close" onClick={() => setAsking(true)}>
          {t("closeAction")}
        </button>
      </p>
      {asking && (
        <Modal title={t("closeTitle")} onClose={() => setAsking(false)} testid="plan-close-dialog">
          <p>{t("closeExplain", { end: formatDate(end) })}</p>
          {error && <ErrorBox error={error} />}
          <p className="actions">
            <button
              type="button"
              className="primary"
              data-testid="plan-close-confirm"
              disabled={busy}
              onClick={close}
            >
              {t("closeConfirm")}
            </button>{" "}
            <button type="button" onClick={() => setAsking(false)}>
              {t("closeCancel")}
            </button>
          </p>
        </Modal>
      )}
    </>
  );
}
