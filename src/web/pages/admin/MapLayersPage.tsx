// /admin/map: the boundary layers the offline map draws, and replacing one with the province's
// official data (data/geo/README.md asks for it). The server checks the file and keeps every upload.
import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, send, useJson } from "../../api.ts";
import { Field } from "../../components/Field.tsx";
import { FormError } from "../../components/FormErrors.tsx";
import { ErrorBox, Loading } from "../../components/Status.tsx";
import { formatDate } from "../../format.ts";
import { useLang, useTitle } from "../../lang.tsx";

interface Layer {
  file: string;
  origin: "shipped" | "uploaded";
  attribution: string;
  source: string;
  uploadedAt: string | null;
}

function ReplaceForm({ layer, onDone }: { layer: Layer; onDone: (file: string) => void }) {
  const { t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [attribution, setAttribution] = useState("");
  const [source, setSource] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    if (!file) return;
    let geojson: unknown;
    try {
      geojson = JSON.parse(await file.text());
    } catch (err) {
      setLocal(t("admin.map.notJson", { reason: err instanceof Error ? err.message : String(err) }));
      return;
    }
    setBusy(true);
    try {
      await send("PUT", `/api/geo/${layer.file}`, { geojson, attribution, source });
      onDone(layer.file);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-form" onSubmit={submit} data-testid={`map-form-${layer.file}`}>
      <Field label={t("admin.map.choose")} field="geojson" error={error}>
        {(a) => (
          <input
            {...a}
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            required
            data-testid="map-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Field label={t("admin.map.attribution")} field="attribution" error={error}>
        {(a) => (
          <input
            {...a}
            required
            value={attribution}
            data-testid="map-attribution-input"
            onChange={(e) => setAttribution(e.target.value)}
          />
        )}
      </Field>
      <Field label={t("admin.map.source")} field="source" error={error}>
        {(a) => (
          <input
            {...a}
            required
            value={source}
            data-testid="map-source-input"
            onChange={(e) => setSource(e.target.value)}
          />
        )}
      </Field>
      {local && (
        <p className="field-error" role="alert" data-testid="map-local-error">
          {local}
        </p>
      )}
      <FormError error={error} shown={["attribution", "source"]} />
      <button type="submit" className="primary" disabled={busy || !file} data-testid="map-replace">
        {t("admin.map.replace")}
      </button>
    </form>
  );
}

/** The administrator's map-layer page. */
export function MapLayersPage() {
  const { t } = useLang();
  useTitle(t("admin.map.heading"));
  const [refresh, setRefresh] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useJson<{ files: Layer[] }>("/api/geo", refresh);
  return (
    <section className="admin-section" data-testid="admin-map">
      <div className="admin-head">
        <h1>{t("admin.map.heading")}</h1>
      </div>
      <p className="muted">{t("admin.map.intro")}</p>
      {notice && (
        <p className="notice" role="status" data-testid="map-notice">
          {notice}
        </p>
      )}
      {list.state === "error" ? (
        <ErrorBox error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : (
        list.data.files.map((layer) => (
          <article key={layer.file} className="card" data-testid="map-layer" data-file={layer.file}>
            <h2 className="small-heading">
              <code>{layer.file}</code>
            </h2>
            <p data-testid="map-layer-origin">
              {t("admin.map.origin")}:{" "}
              {layer.origin === "uploaded" && layer.uploadedAt
                ? t("admin.map.origin.uploaded", { at: formatDate(layer.uploadedAt.slice(0, 10)) })
                : t("admin.map.origin.shipped")}
            </p>
            <p className="muted small">
              {t("admin.map.attribution")}: {layer.attribution} · {t("admin.map.source")}: {layer.source}
            </p>
            <ReplaceForm
              layer={layer}
              onDone={(file) => {
                setNotice(t("admin.map.replaced", { file }));
                setRefresh((n) => n + 1);
              }}
            />
          </article>
        ))
      )}
    </section>
  );
}
