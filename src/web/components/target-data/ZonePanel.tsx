import { type FormEvent, useState } from "react";
import { type ApiError, asApiError, query, send, useJson } from "../../api.ts";
import { formatDate } from "../../format.ts";
import type { MessageKey } from "../../i18n.ts";
import { useLang } from "../../lang.tsx";
import { Field } from "../Field.tsx";
import { FormError, localError } from "../FormErrors.tsx";
import { ErrorBox } from "../Status.tsx";
import { optionalNumber, ZONE_KINDS, type ZoneView } from "./types.ts";
import { ZoneEventForm, ZoneLeaseForm } from "./ZoneRecordForms.tsx";

const NEW = "new";

/** Adds a park or cluster to the registry; the new zone is then chosen for its founding decision. */
function NewZoneForm(props: {
  province: string;
  districts: string[];
  territories: string[];
  onAdded: (zone: ZoneView) => void;
}) {
  const { lang, t } = useLang();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<string>("industrial_cluster");
  const [district, setDistrict] = useState("");
  // The territory figures are scoped to: a zone in the former Hà Giang does not count for a plan of the old province.
  const [territory, setTerritory] = useState(props.territories[0] ?? "");
  // Its location, if known: a point (WGS84 longitude, latitude) the map draws it at.
  const [lon, setLon] = useState("");
  const [lat, setLat] = useState("");
  const [total, setTotal] = useState("");
  const [land, setLand] = useState("");
  const [source, setSource] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const totalAreaHa = optionalNumber(total, lang);
    const industrialLandHa = optionalNumber(land, lang);
    // Coordinates are decimal degrees; "105,22" (Vietnamese comma) is read as 105.22.
    const deg = (v: string) => (v.trim() === "" ? null : Number(v.trim().replace(",", ".")));
    const point =
      deg(lon) === null && deg(lat) === null ? null : [deg(lon) ?? Number.NaN, deg(lat) ?? Number.NaN];
    const local = localError([
      ...(name.trim() ? [] : [{ field: "name", key: "td.required" as const }]),
      ...(Number.isNaN(totalAreaHa) ? [{ field: "totalAreaHa", key: "td.value.notNumber" as const }] : []),
      ...(Number.isNaN(industrialLandHa)
        ? [{ field: "industrialLandHa", key: "td.value.notNumber" as const }]
        : []),
    ]);
    setError(local);
    if (local) return;
    setBusy(true);
    try {
      const a = await send<{ zone: ZoneView }>("POST", "/api/zones", {
        name: name.trim(),
        kind,
        province: props.province,
        district: district.trim() || null,
        territory: territory.trim() || null,
        geometry: point ? { type: "Point", coordinates: point } : null,
        totalAreaHa,
        industrialLandHa,
        source: source.trim() || null,
      });
      props.onAdded(a.zone);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form td-form" data-testid="zone-form" onSubmit={submit} noValidate>
      <h4>{t("td.zone.new")}</h4>
      <div className="form-row">
        <Field label={t("td.zone.name")} field="name" error={error} exact>
          {(a) => (
            <input {...a} data-testid="zf-name" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t("td.zone.kind")} field="kind" error={error} exact>
          {(a) => (
            <select {...a} data-testid="zf-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {ZONE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`tg.zone.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("td.zone.district")} field="district" error={error} exact>
          {(a) => (
            <>
              <input
                {...a}
                data-testid="zf-district"
                list="td-districts"
                value={district}
                onChange={(e) => setDistrict(e.target.value)}
              />
              <datalist id="td-districts">
                {props.districts.map((d) => (
                  <option key={d} value={d} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          label={t("td.zone.territory")}
          field="territory"
          error={error}
          hint={t("td.zone.territoryHint")}
          exact
        >
          {(a) => (
            <>
              <input
                {...a}
                data-testid="zf-territory"
                list="td-territories"
                value={territory}
                onChange={(e) => setTerritory(e.target.value)}
              />
              <datalist id="td-territories">
                {props.territories.map((d) => (
                  <option key={d} value={d} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t("td.zone.lon")} field="geometry" error={error} hint={t("td.zone.locationHint")} exact>
          {(a) => (
            <input
              {...a}
              data-testid="zf-lon"
              inputMode="decimal"
              value={lon}
              onChange={(e) => setLon(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.zone.lat")} field="geometry.lat" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="zf-lat"
              inputMode="decimal"
              value={lat}
              onChange={(e) => setLat(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t("td.zone.totalArea")} field="totalAreaHa" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="zf-total"
              inputMode="decimal"
              value={total}
              onChange={(e) => setTotal(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.zone.industrialLand")} field="industrialLandHa" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="zf-land"
              inputMode="decimal"
              value={land}
              onChange={(e) => setLand(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("td.zone.source")} field="source" error={error} exact>
          {(a) => (
            <input
              {...a}
              data-testid="zf-source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormError
        error={error}
        shown={[
          "name",
          "kind",
          "district",
          "territory",
          "geometry",
          "totalAreaHa",
          "industrialLandHa",
          "source",
        ]}
      />
      <div className="actions">
        <button type="submit" className="primary" data-testid="zf-save" disabled={busy}>
          {busy ? t("td.saving") : t("td.zone.add")}
        </button>
      </div>
    </form>
  );
}

/**
 * (d) The zone registry: choose a park or cluster (or add one), then record its events and land
 * leases. Targets (4)–(6) are computed from these records; the page never asks for a count.
 */
export function ZonePanel(props: { planId: number; province: string; onChanged: () => void }) {
  const { t } = useLang();
  const [refresh, setRefresh] = useState(0);
  const [chosen, setChosen] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const zones = useJson<{ items: ZoneView[] }>(`/api/zones${query({ province: props.province })}`, refresh);
  const items = zones.data?.items ?? [];
  const zone = items.find((z) => String(z.id) === chosen) ?? null;
  const districts = [...new Set(items.map((z) => z.district).filter((d): d is string => Boolean(d)))].sort();
  const territories = [
    ...new Set([
      `${props.province} (pre-merger)`,
      ...items.map((z) => z.territory).filter((d): d is string => Boolean(d)),
    ]),
  ];
  const changed = () => {
    setRefresh((n) => n + 1);
    props.onChanged();
  };
  const statusText = (z: ZoneView) =>
    t(`tg.zone.${z.status?.kind ?? "none"}` as MessageKey) +
    (z.status?.decision ? ` — ${z.status.decision}` : "") +
    (z.status?.date ? ` (${formatDate(z.status.date)})` : "");

  return (
    <div data-testid="zone-panel">
      <p className="muted small">{t("td.zone.help")}</p>
      {zones.state === "error" && <ErrorBox error={zones.error} />}
      <div className="form-row">
        <label className="field td-wide">
          <span>{t("td.zone.pick")}</span>
          <select
            data-testid="zone-select"
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
              setAdded(null);
            }}
          >
            <option value="">{t("td.zone.choose")}</option>
            {items.map((z) => (
              <option key={z.id} value={String(z.id)}>
                {z.label ?? z.name}
                {z.district ? ` (${z.district})` : ""}
              </option>
            ))}
            <option value={NEW}>+ {t("td.zone.new")}</option>
          </select>
        </label>
      </div>
      {added && (
        <p className="success" role="status" data-testid="zone-added">
          {t("td.zone.added", { name: added })}
        </p>
      )}
      {chosen === NEW && (
        <NewZoneForm
          province={props.province}
          districts={districts}
          territories={territories}
          onAdded={(z) => {
            setAdded(z.label ?? z.name);
            setChosen(String(z.id));
            changed();
          }}
        />
      )}
      {zone && (
        <div className="td-zone" data-testid="zone-chosen" data-zone-id={zone.id}>
          <p data-testid="zone-status">{t("td.zone.status", { status: statusText(zone) })}</p>
          <ZoneEventForm key={`e-${zone.id}`} planId={props.planId} zone={zone} onSaved={changed} />
          <ZoneLeaseForm key={`l-${zone.id}`} zone={zone} onSaved={changed} />
        </div>
      )}
    </div>
  );
}
