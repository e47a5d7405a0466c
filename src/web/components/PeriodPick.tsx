// The month / quarter / half and the year of a period, picked — never a typed code (issue 9 §3):
// shared by "Mở kỳ báo cáo" and the documents page, so both read and label periods alike.
import { defaultPeriod } from "../../domain/period-label.ts";
import { PERIODS_PER_YEAR, parsePeriodLabel } from "../../domain/periods.ts";
import { todayVn } from "../format.ts";
import { useLang } from "../lang.tsx";
import type { Frequency } from "../reporting-types.ts";

export interface Pick {
  year: number;
  index: number;
}

const ROMAN = ["I", "II", "III", "IV"];

/** The default pick of a frequency: the period running today (domain/period-label.ts). */
export function pickOf(frequency: Frequency): Pick {
  const parsed = parsePeriodLabel(defaultPeriod(frequency, todayVn()).label);
  return { year: parsed?.year ?? Number(todayVn().slice(0, 4)), index: parsed?.index ?? 1 };
}

/** Whether the year is one a plan's period can have. */
export function yearOk(pick: Pick): boolean {
  return Number.isInteger(pick.year) && pick.year >= 2000 && pick.year <= 2100;
}

/** The index select (when the frequency has more than one period a year) and the year input. */
export function PeriodPickFields({
  frequency,
  pick,
  onPick,
  testPrefix,
}: {
  frequency: Frequency;
  pick: Pick;
  onPick: (p: Pick) => void;
  /** "period" → data-testid "period-index" / "period-year". */
  testPrefix: string;
}) {
  const { t } = useLang();
  const count = PERIODS_PER_YEAR[frequency];
  const indexName = (i: number) => {
    if (frequency === "monthly") return t("pickMonth", { n: i });
    if (frequency === "quarterly") return t("pickQuarter", { n: ROMAN[i - 1] ?? i });
    return t(i === 1 ? "pickFirstHalf" : "pickSecondHalf");
  };
  return (
    <>
      {count > 1 && (
        <label className="field">
          <span>{t(`pickIndex.${frequency}`)}</span>
          <select
            data-testid={`${testPrefix}-index`}
            value={pick.index}
            onChange={(e) => onPick({ ...pick, index: Number(e.target.value) })}
          >
            {Array.from({ length: count }, (_, k) => k + 1).map((i) => (
              <option key={i} value={i}>
                {indexName(i)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t("pickYear")}</span>
        <input
          data-testid={`${testPrefix}-year`}
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          value={Number.isNaN(pick.year) ? "" : pick.year}
          onChange={(e) => onPick({ ...pick, year: e.target.valueAsNumber })}
        />
      </label>
    </>
  );
}
