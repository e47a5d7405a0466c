import "../targets.css";
import "../projects.css";
import { useState } from "react";
import { itemsOf, query, useJson } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { BehindList } from "../components/projects/BehindList.tsx";
import {
  AddProjectForm,
  EditProjectForm,
  MilestoneForm,
  RevocationForm,
} from "../components/projects/ProjectForms.tsx";
import { ProjectTable } from "../components/projects/ProjectTable.tsx";
import type { ProjectList, ProjectOut } from "../components/projects/types.ts";
import { ErrorBox, Loading } from "../components/Status.tsx";
import { useLang, useTitle } from "../lang.tsx";
import { isCoordinator } from "../roles.ts";
import { navigate, useLocation } from "../router.tsx";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_PROVINCE = "Tuyên Quang";

/**
 * /projects — public: the province's investment projects with their status derived as of a date
 * (plan tasks 4.3 and 8.9). A coordinator also sees the projects behind schedule first, and the
 * forms to add a project, set its milestones and record its revocation; the server decides.
 */
export function ProjectsPage() {
  const { t } = useLang();
  const { user } = useAuth();
  const { search } = useLocation();
  const province = search.get("province") || DEFAULT_PROVINCE;
  const asOfParam = search.get("asOf") ?? "";
  const asOf = ISO.test(asOfParam) ? asOfParam : "";
  const [refresh, setRefresh] = useState(0);
  const reload = () => setRefresh((n) => n + 1);
  const coordinator = isCoordinator(user);
  const list = useJson<ProjectList>(`/api/projects${query({ province, asOf })}`, refresh);
  const zones = useJson<{ items: { id: number; label: string }[] }>(
    coordinator ? `/api/zones${query({ province })}` : null,
  );
  useTitle(t("pj.title"));
  const setAsOf = (value: string) => {
    if (value === "" || ISO.test(value))
      navigate(`/projects${query({ province: search.get("province"), asOf: value })}`, { replace: true });
  };
  const actions = (p: ProjectOut) =>
    coordinator ? (
      <details className="pj-actions" data-testid="pj-actions">
        <summary>{t("pj.edit")}</summary>
        <EditProjectForm project={p} onSaved={reload} />
        <MilestoneForm projectId={p.id} onSaved={reload} />
        {p.revokedOn === null && <RevocationForm projectId={p.id} onSaved={reload} />}
      </details>
    ) : null;
  return (
    <article className="pj-page" data-testid="projects-page">
      <h1>{t("pj.title")}</h1>
      <p className="muted">{t("pj.intro")}</p>
      <label className="tg-asof">
        {t("pj.asOf")}{" "}
        <input
          type="date"
          data-testid="pj-as-of"
          value={asOf || list.data?.asOf || ""}
          onChange={(e) => setAsOf(e.target.value)}
        />
      </label>
      {coordinator && <BehindList province={province} asOf={asOf} refresh={refresh} />}
      {list.state === "error" && <ErrorBox error={list.error} />}
      {!list.data && list.state !== "error" && <Loading />}
      {list.data && (
        <div aria-busy={list.state === "loading"}>
          <ProjectTable items={list.data.items} actions={actions} />
        </div>
      )}
      {coordinator && <AddProjectForm province={province} zones={itemsOf(zones.data)} onSaved={reload} />}
    </article>
  );
}
