import { useState } from "react";
import { useLang } from "../../lang.tsx";

interface Props {
  dirty: boolean;
  saved: boolean;
  busy: "save" | "submit" | "reload" | null;
  canSubmit: boolean;
  onSave: () => void;
  onSubmit: () => void;
}

/** Sticky at the bottom of the form: whether there are unsaved changes, save, approve and submit. */
export function ActionBar({ dirty, saved, busy, canSubmit, onSave, onSubmit }: Props) {
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
          <span className="small">{t("submitConfirmText")}</span>
          <button
            type="button"
            className="primary"
            data-testid="confirm-submit"
            disabled={busy !== null}
            onClick={() => {
              setConfirming(false);
              onSubmit();
            }}
          >
            {t("confirmSubmit")}
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
