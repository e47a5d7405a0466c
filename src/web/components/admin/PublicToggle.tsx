import { useState } from "react";
import { type ApiError, asApiError, send } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import { useLang } from "../../lang.tsx";
import { isAdmin } from "../../roles.ts";
import { Link } from "../../router.tsx";
import { ErrorBox } from "../Status.tsx";

/**
 * The administrator's switch of a plan's public page (issue 10 §2: off by default). Shown on the
 * plan page to administrators only; the server (PUT /api/plans/{id}/public) decides and audits.
 */
export function PublicToggle({ planId, initial }: { planId: number; initial: boolean }) {
  const { t } = useLang();
  const { user } = useAuth();
  const [on, setOn] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!isAdmin(user)) return null;
  const url = `/public/plans/${planId}`;
  const flip = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await send<{ public: boolean }>("PUT", `/api/plans/${planId}/public`, { public: !on });
      setOn(r.public);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      className="notice"
      aria-labelledby="public-setting"
      data-testid="public-setting"
      data-public={on}
    >
      <h2 id="public-setting" className="small-heading">
        {t("pub.setting")}: <span data-testid="public-state">{on ? t("pub.on") : t("pub.off")}</span>
      </h2>
      <p className="small">{t("pub.settingHelp", { url })}</p>
      <button type="button" onClick={flip} disabled={busy} data-testid="public-toggle">
        {on ? t("pub.turnOff") : t("pub.turnOn")}
      </button>
      {on && (
        <>
          {" "}
          <Link href={url}>{t("pub.open")}</Link>
        </>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
