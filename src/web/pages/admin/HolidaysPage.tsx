// /admin/holidays: the days off of a year (deadlines count working days, so they matter), with
// adding, correcting and deleting a day. Tết follows the lunar calendar: its dates move every year.
import { type FormEvent, useCallback, useMemo, useState } from "react";
import { type ApiError, asApiError, itemsOf, send, useJson } from "../../api.ts";
import { adminApi, type Holiday } from "../../components/admin/admin-api.ts";
import { Field } from "../../components/Field.tsx";
import { FormError } from "../../components/FormErrors.tsx";
import { Modal } from "../../components/Modal.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { formatDate, todayVn } from "../../format.ts";
import type { Lang } from "../../i18n.ts";
import { useLang, useTitle } from "../../lang.tsx";

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

function weekday(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "mon";
}

/** The shipped names are "Vietnamese / English": each reader gets their half. */
export function holidayName(name: string, lang: Lang): string {
  const parts = name.split(" / ");
  if (parts.length !== 2) return name;
  return (lang === "vi" ? parts[0] : parts[1]) as string;
}

/** The first day of Tết (mùng 1) in a list of days off, if the calendar names it. */
function tetDay(days: Holiday[], year: number): Holiday | undefined {
  return days.find(
    (d) =>
      d.date.startsWith(`${year}-`) &&
      /tết nguyên đán/i.test(d.name) &&
      /(mùng|mồng) 1\b|day 1\b/i.test(d.name),
  );
}

function tetSpan(days: Holiday[], year: number): { first: string; last: string } | null {
  const tet = days.filter((d) => d.date.startsWith(`${year}-`) && /tết nguyên đán/i.test(d.name));
  if (tet.length === 0) return null;
  const dates = tet.map((d) => d.date).sort();
  return { first: dates[0] as string, last: dates[dates.length - 1] as string };
}

/** Mùng 1 Tết of the years around `year`: it moves by weeks from one year to the next. */
function TetStrip({ year, all }: { year: number; all: Holiday[] }) {
  const { t } = useLang();
  const years = [year - 2, year - 1, year, year + 1, year + 2];
  const span = tetSpan(all, year);
  return (
    <aside className="card tet-strip" data-testid="tet-strip">
      <h2 className="small-heading">{t("admin.holidays.tetHeading")}</h2>
      <p>{t("admin.holidays.tetExplain")}</p>
      {span && (
        <p data-testid="tet-span">
          {t("admin.holidays.tetThisYear", { year, from: formatDate(span.first), to: formatDate(span.last) })}
        </p>
      )}
      <ol className="tet-years">
        {years.map((y) => {
          const day = tetDay(all, y);
          return (
            <li
              key={y}
              data-testid="tet-year"
              data-year={y}
              data-date={day?.date ?? ""}
              className={y === year ? "current" : undefined}
            >
              <span className="tet-y">{y}</span>
              <strong>{day ? formatDate(day.date) : "—"}</strong>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

function HolidayForm(props: {
  day: Holiday | null;
  year: number;
  onSaved: (date: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const editing = props.day !== null;
  const [date, setDate] = useState(props.day?.date ?? `${props.year}-01-01`);
  const [name, setName] = useState(props.day?.name ?? "");
  const [official, setOfficial] = useState(props.day?.official ?? true);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send("PUT", adminApi.holiday(date), { name: name.trim(), official });
      props.onSaved(date);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  return (
    <form className="form admin-form" data-testid="holiday-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <Field label={t("admin.holiday.date")} field="date" error={error}>
          {(a) => (
            <input
              {...a}
              type="date"
              data-testid="hf-date"
              value={date}
              readOnly={editing}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("admin.holiday.name")} field="name" error={error}>
          {(a) => (
            <input {...a} data-testid="hf-name" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
      </div>
      <label className="check admin-check">
        <input
          type="checkbox"
          data-testid="hf-official"
          checked={official}
          onChange={(e) => setOfficial(e.target.checked)}
        />
        <span>{t("admin.holiday.officialCheck")}</span>
      </label>
      <p className="small muted">{t("admin.holiday.officialHint")}</p>
      <FormError error={error} shown={["date", "name", "official"]} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="hf-submit" disabled={busy || !date}>
          {busy ? t("admin.saving") : t("admin.save")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}

export function HolidaysPage() {
  const { t, lang } = useLang();
  useTitle(t("admin.holidays.heading"));
  const [year, setYear] = useState(() => Number(todayVn().slice(0, 4)));
  const [refresh, setRefresh] = useState(0);
  const days = useJson<Holiday[] | { items: Holiday[] }>(adminApi.holidays(year), refresh);
  const everything = useJson<Holiday[] | { items: Holiday[] }>(adminApi.holidays(), refresh);
  const [dialog, setDialog] = useState<{ day: Holiday | null } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const list = itemsOf(days.data);
  const all = useMemo(() => itemsOf(everything.data), [everything.data]);

  const remove = async (date: string) => {
    setError(null);
    try {
      await send("DELETE", adminApi.holiday(date));
      setConfirming(null);
      setNotice(t("admin.holiday.deleted", { date: formatDate(date) }));
      setRefresh((n) => n + 1);
    } catch (e) {
      setError(asApiError(e));
    }
  };

  return (
    <section className="admin-section" data-testid="admin-holidays">
      <div className="admin-head">
        <h1>{t("admin.holidays.heading")}</h1>
        <button
          type="button"
          className="primary"
          data-testid="holiday-new"
          onClick={() => {
            setNotice(null);
            setDialog({ day: null });
          }}
        >
          + {t("admin.holidays.new")}
        </button>
      </div>
      <p className="muted">{t("admin.holidays.intro")}</p>
      <div className="year-picker" data-testid="year-picker">
        <button
          type="button"
          data-testid="holiday-prev"
          aria-label={t("admin.holidays.prevYear")}
          onClick={() => setYear(year - 1)}
        >
          ←
        </button>
        <label className="field inline">
          <span>{t("admin.holidays.year")}</span>
          <input
            type="number"
            data-testid="holiday-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => {
              const y = Number(e.target.value);
              if (y >= 2000 && y <= 2100) setYear(y);
            }}
          />
        </label>
        <button
          type="button"
          data-testid="holiday-next"
          aria-label={t("admin.holidays.nextYear")}
          onClick={() => setYear(year + 1)}
        >
          →
        </button>
      </div>
      {notice && (
        <p className="success admin-notice" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
      <FormError error={error} shown={[]} />
      <TetStrip year={year} all={all} />
      {days.state === "error" && <ErrorBox error={days.error} />}
      {days.state === "loading" && !days.data && <Loading />}
      {days.data && list.length === 0 && (
        <p className="empty" data-testid="holidays-empty">
          {t("admin.holidays.empty", { year })}
        </p>
      )}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="admin-table" data-testid="holidays-table">
            <thead>
              <tr>
                <th>{t("admin.holiday.date")}</th>
                <th>{t("admin.holiday.weekday")}</th>
                <th>{t("admin.holiday.name")}</th>
                <th>{t("admin.holiday.kind")}</th>
                <th>{t("admin.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr
                  key={d.date}
                  data-testid="holiday-row"
                  data-date={d.date}
                  className={/tết nguyên đán/i.test(d.name) ? "row-tet" : undefined}
                >
                  <td className="date">{formatDate(d.date)}</td>
                  <td>{t(`admin.weekday.${weekday(d.date)}`)}</td>
                  <td>
                    <span data-testid="holiday-name">{holidayName(d.name, lang)}</span>
                    {d.source && (
                      <div className="small muted source" title={d.source}>
                        {t("admin.holiday.source")}: {d.source}
                      </div>
                    )}
                  </td>
                  <td>
                    {d.official ? (
                      <span className="pill pill-on">{t("admin.holiday.official")}</span>
                    ) : (
                      <span className="pill">{t("admin.holiday.dayOff")}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    <button type="button" data-testid="holiday-edit" onClick={() => setDialog({ day: d })}>
                      {t("admin.edit")}
                    </button>
                    {confirming === d.date ? (
                      <>
                        <button
                          type="button"
                          className="danger"
                          data-testid="holiday-delete-confirm"
                          onClick={() => remove(d.date)}
                        >
                          {t("admin.confirmDelete")}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t("admin.cancel")}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="danger"
                        data-testid="holiday-delete"
                        onClick={() => setConfirming(d.date)}
                      >
                        {t("admin.delete")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog && (
        <Modal
          title={
            dialog.day
              ? t("admin.holiday.editTitle", { date: formatDate(dialog.day.date) })
              : t("admin.holidays.new")
          }
          onClose={close}
          testid="holiday-dialog"
        >
          <HolidayForm
            day={dialog.day}
            year={year}
            onCancel={close}
            onSaved={(date) => {
              setDialog(null);
              setNotice(t("admin.holiday.saved", { date: formatDate(date) }));
              const y = Number(date.slice(0, 4));
              if (y !== year) setYear(y);
              setRefresh((n) => n + 1);
            }}
          />
        </Modal>
      )}
    </section>
  );
}
