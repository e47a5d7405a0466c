import { formatQuantity } from "../format.ts";
import { useLang } from "../lang.tsx";
import type { Comparator, Measure, Target } from "../types.ts";

const SYMBOL: Record<Comparator, string> = { ">": ">", ">=": "≥", "=": "=", "<": "<", "<=": "≤" };

/** "trên 27.700 tỷ đồng" (vi) / "more than 27,700 tỷ đồng" (en); the symbol form is the tooltip. */
function MeasureText({ m }: { m: Measure }) {
  const { t, lang } = useLang();
  const quantity = formatQuantity(m.value, m.unit, lang);
  const word = t(`cmp.${m.comparator}`); // empty for "=": the quantity alone says it
  return (
    <li className="measure" data-testid="measure" title={`${SYMBOL[m.comparator]} ${quantity} — “${m.text}”`}>
      {word && <span className="cmp">{word} </span>}
      <strong>{quantity}</strong>
    </li>
  );
}

export function Targets({ targets }: { targets: Target[] }) {
  const { t } = useLang();
  return (
    <ol className="targets" data-testid="targets">
      {targets.map((target) => (
        <li key={target.id} className="target" data-testid="target" data-code={target.code}>
          <span className="target-code">{target.code}</span>
          <div className="target-body">
            <p>{target.text}</p>
            <div className="measures">
              {target.measures.length > 0 ? (
                <ul>
                  {target.measures.map((m, i) => (
                    // Measures have no id; their order within the target is stable.
                    // biome-ignore lint/suspicious/noArrayIndexKey: stable order
                    <MeasureText key={i} m={m} />
                  ))}
                </ul>
              ) : (
                <span className="muted small">{t("noMeasure")}</span>
              )}
              {target.year !== null && <span className="year">{t("targetBy", { year: target.year })}</span>}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
