/**
 * Reading a reporting period the way people write it. The app shows a period by its Vietnamese
 * title ("Quý IV/2026", "Tháng 3/2022", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026";
 * `periodTitle` in periods.ts, GLOSSARY.md: quarters in Roman numerals) and stores it by its
 * code ("2026-Q4", "2022-03", "2026-H1", "2026-9M", "2026"). A coordinator who copies the title
 * from a page or a document must be able to open the period with it (issue 9 §3), so both forms,
 * and the English titles, are read here into the one stored code. Pure: no I/O.
 */
import { AppError } from "./errors.ts";
import {
  type Frequency,
  type Period,
  type PeriodLabel,
  parsePeriodLabel,
  periodByLabel,
  periodContaining,
  periodLabel,
  periodsOfYear,
} from "./periods.ts";

/** A period read from text: what it names and its stored code. */
export interface ReadPeriod extends PeriodLabel {
  code: string;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4 };
const MONTHS_EN = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const FREQ_VI: Readonly<Record<Frequency, string>> = {
  monthly: "báo cáo tháng",
  quarterly: "báo cáo quý",
  "half-yearly": "báo cáo 6 tháng",
  "nine-month": "báo cáo 9 tháng",
  yearly: "báo cáo năm",
};

/** Lower case, one space between words, "/" and "-" without spaces around them; NFC. */
function normalise(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*([/-])\s*/g, "$1")
    .trim();
}

// Each pattern's last group is the year; "năm" or "/" before it.
const YEAR = "(?:/| năm | )(\\d{4})";
const VI_MONTH = new RegExp(`^tháng (\\d{1,2})${YEAR}$`);
const VI_QUARTER = new RegExp(`^quý (i|ii|iii|iv|[1-4])${YEAR}$`);
const VI_HALF = /^6 tháng (đầu|cuối) năm (\d{4})$/;
const VI_NINE = /^9 tháng (?:đầu )?năm (\d{4})$/;
const VI_YEAR = /^năm (\d{4})$/;
const EN_MONTH = /^([a-z]{3})[a-z]* (\d{4})$/;
const EN_QUARTER = /^q([1-4]) (\d{4})$/;
const EN_HALF = /^(first|second) half (?:of )?(\d{4})$/;
const EN_NINE = /^nine months (?:of )?(\d{4})$/;
const EN_YEAR = /^year (\d{4})$/;

function readTitle(text: string): PeriodLabel | null {
  const s = normalise(text);
  let m = VI_MONTH.exec(s);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { frequency: "monthly", year: Number(m[2]), index: month } : null;
  }
  m = VI_QUARTER.exec(s) ?? EN_QUARTER.exec(s);
  if (m) {
    const q = m[1] as string;
    return { frequency: "quarterly", year: Number(m[2]), index: ROMAN[q.toUpperCase()] ?? Number(q) };
  }
  m = VI_HALF.exec(s) ?? EN_HALF.exec(s);
  if (m) {
    const first = m[1] === "đầu" || m[1] === "first";
    return { frequency: "half-yearly", year: Number(m[2]), index: first ? 1 : 2 };
  }
  m = VI_NINE.exec(s) ?? EN_NINE.exec(s);
  if (m) return { frequency: "nine-month", year: Number(m[1]), index: 1 };
  m = VI_YEAR.exec(s) ?? EN_YEAR.exec(s);
  if (m) return { frequency: "yearly", year: Number(m[1]), index: 1 };
  m = EN_MONTH.exec(s);
  if (m) {
    const month = MONTHS_EN.indexOf(m[1] as string) + 1;
    return month > 0 ? { frequency: "monthly", year: Number(m[2]), index: month } : null;
  }
  return null;
}

function badLabel(text: string, en: string, vi: string): AppError {
  return new AppError(
    "VALIDATION",
    { en: `"${text}" ${en}`, vi: `"${text}" ${vi}` },
    { fields: [{ field: "label", reason: en, reasonVi: vi }] },
  );
}

/**
 * The period a text names: a code ("2026-Q4", "2026-q4", "2022-03", "2026-H1", "2026-9M", "2026")
 * or a title as the app writes it ("Quý IV/2026", "Quý 4/2026", "Tháng 3/2022",
 * "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026", or the English "Q4 2026").
 * With `frequency`, the text must name a period of that frequency. Throws a VALIDATION AppError
 * on field "label" otherwise, saying how to write a period.
 */
export function readPeriod(text: string, frequency?: Frequency): ReadPeriod {
  const trimmed = text.trim();
  const parsed = parsePeriodLabel(trimmed.toUpperCase()) ?? readTitle(trimmed);
  if (!parsed || parsed.year < 2) {
    throw badLabel(
      trimmed,
      'is not a reporting period: write e.g. "Quý IV/2026", "Tháng 3/2022", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026" or the code 2026-Q4.',
      'không phải là kỳ báo cáo: hãy viết như "Quý IV/2026", "Tháng 3/2022", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026" hoặc mã 2026-Q4.',
    );
  }
  if (frequency && parsed.frequency !== frequency) {
    throw badLabel(
      trimmed,
      `is a ${parsed.frequency} period, not a ${frequency} one.`,
      `là kỳ ${FREQ_VI[parsed.frequency]}, không phải ${FREQ_VI[frequency]}.`,
    );
  }
  return { ...parsed, code: periodLabel(parsed.frequency, parsed.year, parsed.index) };
}

/** The period (window, Decree 09/2019 Art. 12) a text names for a frequency; see `readPeriod`. */
export function periodFromText(frequency: Frequency, text: string): Period {
  const { code } = readPeriod(text, frequency);
  const period = periodByLabel(frequency, code);
  if (!period) throw new Error(`unreadable code ${code}`); // readPeriod only returns valid codes
  return period;
}

/**
 * The period a coordinator most likely opens on `today` (ISO date): the one whose cut-off window
 * runs now (on 07/12/2026 the quarterly one is Quý IV/2026, 15/9–14/12), or, for the nine-month
 * report whose window leaves 15/9–14/12 uncovered, the one that has just ended (9 tháng năm 2026).
 */
export function defaultPeriod(frequency: Frequency, today: string): Period {
  const current = periodContaining(frequency, today);
  if (current) return current;
  const [only] = periodsOfYear(Number(today.slice(0, 4)), frequency);
  if (!only) throw new Error(`no ${frequency} period in ${today}`);
  return only;
}
