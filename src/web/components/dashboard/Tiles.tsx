import { formatQuantity } from "../../format.ts";
import { useLang } from "../../lang.tsx";
import { Link } from "../../router.tsx";
import { statusTone } from "../targets/types.ts";
import { Sparkline } from "./Sparkline.tsx";
import type { Tile } from "./types.ts";

// "=" reads as nothing: "Mục tiêu 2025: 3 khu công nghiệp".
const COMPARATOR_TEXT: Record<string, string> = { ">": "> ", ">=": "≥ ", "=": "", "<": "< ", "<=": "≤ " };

/**
 * The targets as tiles: the latest value, the goal, the evaluation as a coloured badge WITH its
 * word (never colour alone), and the yearly series as a sparkline. `href` links each tile to the
 * data behind it (the targets page as of the same date).
 */
export function Tiles({ tiles, href }: { tiles: Tile[]; href: ((t: Tile) => string) | null }) {
  const { lang, t } = useLang();
  return (
    <ul className="db-tiles" data-testid="db-tiles">
      {tiles.map((tile) => {
        const m = tile.measure;
        const goal = m
          ? `${COMPARATOR_TEXT[m.goal.comparator] ?? `${m.goal.comparator} `}${formatQuantity(m.goal.value, m.unit, lang)}`
          : "";
        const value = m?.latest ? formatQuantity(m.latest.value, m.unit, lang) : null;
        return (
          <li key={tile.targetId} className="db-tile" data-testid="db-tile" data-status={tile.status}>
            <p className="db-tile-head">
              <span className="db-tile-code">{tile.code}.</span>{" "}
              <span className="db-tile-text">{tile.text}</span>
            </p>
            <p className="db-tile-value" data-testid="tile-value">
              {value ? (
                href ? (
                  <Link href={href(tile)}>{value}</Link>
                ) : (
                  value
                )
              ) : (
                <span className="muted">{t("db.noValue")}</span>
              )}
              {m?.latest && (
                <span className="db-tile-year small muted"> {t("db.latest", { year: m.latest.year })}</span>
              )}
            </p>
            {m && <p className="db-tile-goal small">{t("db.goal", { year: m.goal.year, goal })}</p>}
            <div className="db-tile-foot">
              <span className={`tg-badge tone-${statusTone(tile.status)}`} data-testid="tile-status">
                {tile.statusLabel[lang]}
              </span>
              {m && <Sparkline series={m.series} goal={m.goal.value} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
