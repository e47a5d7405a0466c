import { type FormEvent, useEffect, useState } from "react";
import type { OfficialDocument } from "../../../domain/official-document.ts";
import { type ApiError, asApiError, send, useJson } from "../../api.ts";
import { formatDate, todayVn } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import { Field } from "../Field.tsx";
import { Modal } from "../Modal.tsx";
import { ErrorBox, Loading } from "../Status.tsx";
import { DocumentPreview } from "./DocumentPreview.tsx";

export interface DocumentDetail {
  id: number;
  kind: string;
  period: string | null;
  state: "draft" | "final";
  version: number;
  number: string | null;
  date: string | null;
  title: string;
  formats: ("docx" | "pdf" | "xlsx")[];
  model: OfficialDocument;
  sections: { key: string; text: string; generated: string; edited: boolean }[];
  suggestedNumber: string | null;
}

function Downloads({ doc }: { doc: DocumentDetail }) {
  const { t } = useLang();
  return (
    <p className="actions doc-downloads" data-testid="doc-downloads">
      <span>{t(doc.state === "final" ? "doc.download" : "doc.downloadDraft")}:</span>
      {doc.formats.map((f) => (
        <a
          key={f}
          className="button-link"
          href={`/api/documents/${doc.id}/file?format=${f}`}
          download
          data-testid={`doc-download-${f}`}
        >
          {f.toUpperCase()}
        </a>
      ))}
    </p>
  );
}

function FinaliseForm({ doc, onDone }: { doc: DocumentDetail; onDone: (d: DocumentDetail) => void }) {
  const { t } = useLang();
  const [number, setNumber] = useState(doc.suggestedNumber ?? "");
  const [date, setDate] = useState(todayVn());
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAsking(true);
  };
  const confirm = async () => {
    setBusy(true);
    try {
      onDone(
        await send<DocumentDetail>("POST", `/api/documents/${doc.id}/finalise`, {
          version: doc.version,
          number,
          date,
        }),
      );
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <form className="card form" onSubmit={ask} data-testid="doc-finalise-form">
      <h2 className="small-heading">{t("doc.finaliseHeading")}</h2>
      <div className="form-row">
        <Field
          label={t("doc.number")}
          field="number"
          error={error}
          hint={doc.suggestedNumber ? t("doc.numberHint", { n: doc.suggestedNumber }) : undefined}
        >
          {(a) => (
            <input
              {...a}
              value={number}
              required
              maxLength={40}
              onChange={(e) => setNumber(e.target.value)}
              data-testid="doc-number-input"
            />
          )}
        </Field>
        <Field label={t("doc.date")} field="date" error={error}>
          {(a) => (
            <input
              {...a}
              type="date"
              value={date}
              required
              onChange={(e) => setDate(e.target.value)}
              data-testid="doc-date-input"
            />
          )}
        </Field>
      </div>
      {error && !error.fields.length && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="primary" data-testid="doc-finalise">
          {t("doc.finalise")}
        </button>
      </div>
      {asking && (
        <Modal title={t("doc.confirmTitle")} onClose={() => setAsking(false)} testid="doc-confirm">
          <p>{t("doc.confirmText", { number, date: formatDate(date) })}</p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={confirm}
              data-testid="doc-confirm-yes"
            >
              {t("doc.confirm")}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t("doc.cancel")}
            </button>
          </div>
        </Modal>
      )}
    </form>
  );
}

/** One document: its preview; for the coordinator's draft, each prose section in a box, saving and issuing. */
export function DocumentEditor({
  id,
  canWrite,
  onChanged,
}: {
  id: number;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useLang();
  const [tick, setTick] = useState(0);
  const got = useJson<DocumentDetail>(`/api/documents/${id}`, tick);
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (got.state !== "ok") return;
    setDoc(got.data);
    setTexts(Object.fromEntries(got.data.sections.map((s) => [s.key, s.text])));
  }, [got]);
  if (got.state === "error" && !doc) return <ErrorBox error={got.error} />;
  if (!doc) return <Loading />;
  const editing = canWrite && doc.state === "draft";
  const changed = doc.sections.filter((s) => texts[s.key] !== s.text);
  const accept = (d: DocumentDetail) => {
    setDoc(d);
    setTexts(Object.fromEntries(d.sections.map((s) => [s.key, s.text])));
    onChanged();
  };
  const save = async () => {
    setError(null);
    setNote(null);
    try {
      const sections = Object.fromEntries(changed.map((s) => [s.key, texts[s.key] ?? ""]));
      accept(
        await send<DocumentDetail>("PUT", `/api/documents/${doc.id}/sections`, {
          version: doc.version,
          sections,
        }),
      );
      setNote(t("doc.saved"));
    } catch (err) {
      const e = asApiError(err);
      if (e.code === "VERSION_CONFLICT") {
        setNote(t("doc.conflict"));
        setTick((n) => n + 1);
      } else setError(e);
    }
  };
  const editor = (key: string, heading: string | null) => (
    <label className="field doc-section" data-section={key}>
      <span className="muted small">
        {heading ? t("doc.sectionLabel", { heading }) : t("doc.sectionOpening")}
      </span>
      <textarea
        rows={Math.min(14, Math.max(3, Math.ceil((texts[key] ?? "").length / 90) + 1))}
        value={texts[key] ?? ""}
        onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
        data-testid={`doc-section-${key}`}
      />
    </label>
  );
  return (
    <section aria-labelledby="doc-heading" data-testid="doc-editor" data-state={doc.state}>
      <h2 id="doc-heading">{doc.title}</h2>
      {doc.state === "final" && (
        <p className="notice" data-testid="doc-immutable">
          {t("doc.immutable", { number: doc.number ?? "", date: formatDate(doc.date) })}
        </p>
      )}
      <Downloads doc={doc} />
      {editing && <p className="muted small">{t("doc.editHint")}</p>}
      <DocumentPreview doc={doc.model} editor={editing ? editor : undefined} />
      {editing && (
        <div className="actions doc-save">
          <button
            type="button"
            className="primary"
            disabled={changed.length === 0}
            onClick={save}
            data-testid="doc-save"
          >
            {t("doc.save")}
          </button>
          {note && (
            <span
              role="status"
              className={note === t("doc.saved") ? "success" : "notice"}
              data-testid="doc-note"
            >
              {note}
            </span>
          )}
        </div>
      )}
      {error && <ErrorBox error={error} />}
      {editing && <FinaliseForm key={doc.version} doc={doc} onDone={accept} />}
    </section>
  );
}
