// The agencies as <option>s of a select (value: the agency's id), after the select's own first
// option ("none", "own agency", "no successor").
import { type AdminAgency, agencyLabel } from "./admin-api.ts";

export function AgencyOptions({ agencies }: { agencies: AdminAgency[] }) {
  return agencies.map((a) => (
    <option key={a.id} value={String(a.id)}>
      {agencyLabel(a)}
    </option>
  ));
}
