// What the figures contradict or leave open (issue 4 §1: "note their contradictions rather than
// hiding them"): an outcome equal to the plan figure, two territorial scopes for one period, a
// source cut off, a published figure that is not the target's measure. Shown under the targets.
import { useLang } from "../../lang.tsx";
import type { Bi } from "./types.ts";

export interface DataNote {
  code: string;
  indicator: string;
  period?: string;
  message: Bi;
}

export function DataNotes({ notes }: { notes: DataNote[] }) {
  const { lang, t } = useLang();
  if (notes.length === 0) return null;
  return (
    <section className="tg-notes" aria-labelledby="tg-notes-heading" data-testid="data-notes">
      <h2 id="tg-notes-heading">{t("tg.notes.title", { n: notes.length })}</h2>
      <p className="muted small">{t("tg.notes.intro")}</p>
      <ul className="small">
        {notes.map((n) => (
          <li key={`${n.code}|${n.indicator}|${n.period ?? ""}|${n.message.en}`} data-code={n.code}>
            {n.message[lang]}
          </li>
        ))}
      </ul>
    </section>
  );
}
