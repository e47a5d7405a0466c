// The coordinator's "Dự án chậm tiến độ" (plan task 4.3: "xử lý dứt điểm các dự án chậm tiến
// độ"): projects behind schedule or stalled, with their late milestones, most late first.
import { query, useJson } from "../../api.ts";
import { useLang } from "../../lang.tsx";
import { ErrorBox, Loading } from "../Status.tsx";
import { MilestoneLine, ProjectBadge } from "./ProjectTable.tsx";
import type { ProjectList } from "./types.ts";

export function BehindList(props: { province: string; asOf: string; refresh: number }) {
  const { t } = useLang();
  const list = useJson<ProjectList>(
    `/api/projects/behind-schedule${query({ province: props.province, asOf: props.asOf })}`,
    props.refresh,
  );
  return (
    <section className="pj-behind" aria-labelledby="pj-behind-heading" data-testid="pj-behind">
      <h2 id="pj-behind-heading">{t("pj.behind.title")}</h2>
      <p className="muted small">{t("pj.behind.note")}</p>
      {list.state === "error" && <ErrorBox error={list.error} />}
      {!list.data && list.state === "loading" && <Loading />}
      {list.data && list.data.items.length === 0 && (
        <p data-testid="pj-behind-empty">{t("pj.behind.empty")}</p>
      )}
      {list.data && list.data.items.length > 0 && (
        <ol aria-busy={list.state === "loading"}>
          {list.data.items.map((p) => (
            <li key={p.id} data-testid="pj-behind-item" data-id={p.id} data-name={p.name}>
              <strong>{p.name}</strong> <ProjectBadge status={p.status} />
              <ul className="small">
                {p.late.map((m) => (
                  <li key={m.kind}>
                    <MilestoneLine m={{ ...m, actual: null }} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
