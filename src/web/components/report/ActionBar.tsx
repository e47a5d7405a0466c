import { useState } from "react";
import { useLang } from "../../lang.tsx";

interface Props {
  dirty: boolean;
  saved: boolean;
  busy: "save" | "submit" | "reload" | null;
  canSubmit: boolean;
  onSave: () => void;
  onSubmit: (confirmUnreported: boolean) => void;
  /** Tasks not reported on, shown before sending: lead ones block it (issue 9 §3). */
  unreported: { lead: { id: number; code: string }[]; coordinator: { id: number; code: string }[] };
}

/** Sticky at the bottom of the form: whether there are unsaved changes, save, approve and submit. */
export function ActionBar({ dirty, saved, busy, canSubmit, onSave, onSubmit, unreported }: Props) {
  const { t } = useLang();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="action-bar" data-testid="action-bar">
      <span className="small save-state" data-testid="save-state" data-dirty={dirty ? "true" : "false"}>
        {dirty ? t("unsavedChanges") : saved ? t("savedOk") : t("noChanges")}
      </span>
      <button type="button" data-testid="save-draft" disabled={busy !== null} onClick={onSave}>
        {busy === "save" ? t("saving") : t("saveDraft")}
      </button>
      {canSubmit && !confirming && (
        <button
          type="button"
          className="primary"
          data-testid="submit-report"
          disabled={busy !== null}
          onClick={() => setConfirming(true)}
        >
          {t("approveAndSubmit")}
        </button>
      )}
      {canSubmit && confirming && (
        <span className="confirm" data-testid="submit-confirm">
          {unreported.lead.length > 0 && (
            <span className="small field-error" role="alert" data-testid="unreported-lead">
              {t("unreportedLeadList", { n: unreported.lead.length })}{" "}
              {unreported.lead.map((x) => x.code).join(", ")}
            </span>
          )}
          {unreported.coordinator.length > 0 && (
            <span className="small" data-testid="unreported-coordinator">
              {t("unreportedCoordinatorList", { n: unreported.coordinator.length })}{" "}
              {unreported.coordinator.map((x) => x.code).join(", ")}
            </span>
          )}
          <span className="small">{t("submitConfirmText")}</span>
          <button
            type="button"
            className="primary"
            data-testid="confirm-submit"
            disabled={busy !== null}
            onClick={() => {
              setConfirming(false);
              onSubmit(unreported.coordinator.length > 0);
            }}
          >
            {t(unreported.coordinator.length > 0 ? "confirmSendUnreported" : "confirmSubmit")}
          </button>
          <button
            type="button"
            className="link-button"
            data-testid="cancel-submit"
            onClick={() => setConfirming(false)}
          >
            {t("cancel")}
          </button>
        </span>
      )}
    </div>
  );
}
