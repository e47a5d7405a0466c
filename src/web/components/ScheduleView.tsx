import { formatDate } from "../format.ts";
import { useLang } from "../lang.tsx";
import type { Schedule } from "../types.ts";

/** Continuous work, recurrence and each dated milestone of a task. */
export function ScheduleView({ schedule }: { schedule: Schedule }) {
  const { t } = useLang();
  const { continuous, recurrence, milestones } = schedule;
  const nothing = !continuous && !recurrence && milestones.length === 0;
  return (
    <div className="schedule" data-testid="schedule" data-kind={schedule.kind}>
      <p>
        <span className={`kind kind-${schedule.kind}`}>{t(`kind.${schedule.kind}`)}</span>
      </p>
      {continuous && <p data-testid="schedule-continuous">{t("continuous")}</p>}
      {recurrence && (
        <p data-testid="schedule-recurrence">{t("recurrence", { r: t(`rec.${recurrence}`) })}</p>
      )}
      {nothing && <p className="muted">{t("scheduleUnknown")}</p>}
      {milestones.length > 0 && (
        <>
          <h3 className="small-heading">{t("milestones")}</h3>
          <ol className="milestones">
            {milestones.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: milestones keep the order of the text
              <li key={i} className="milestone" data-testid="milestone">
                <div className="ms-due">
                  <span className="label">{t("msDue")}</span>
                  <strong data-testid="milestone-due">{formatDate(m.due)}</strong>
                  {m.start && (
                    <span className="small muted">
                      {" "}
                      ({t("msStart")} {formatDate(m.start)})
                    </span>
                  )}
                </div>
                <dl className="ms-facts">
                  {m.action && (
                    <div>
                      <dt>{t("msAction")}</dt>
                      <dd>{m.action}</dd>
                    </div>
                  )}
                  {m.product && (
                    <div>
                      <dt>{t("msProduct")}</dt>
                      <dd>{m.product}</dd>
                    </div>
                  )}
                  {m.quantity && (
                    <div>
                      <dt>{t("msQuantity")}</dt>
                      <dd data-testid="milestone-quantity">{m.quantity}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t("msText")}</dt>
                    <dd className="quote">“{m.text}”</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
