import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { Share } from '../costs.rules.ts';

const WIDTH = 1000;
const HEIGHT = 56;

/**
 * Who covered the full cost of the work, as one stacked bar: role="img" with a title and a
 * description naming every share; the table next to it carries the same figures.
 */
export function CoverageBar({ coverage }: { coverage: Share[] }) {
  const { t, number, money } = useI18n();
  const percent = (share: number) =>
    t('costs.report.percent', { value: number(Math.round(share * 1000) / 10) });
  const parts = coverage.filter((c) => c.share > 0);
  let x = 0;
  const desc = parts
    .map((c) => `${t(`costs.report.coverer.${c.key}`)}: ${money(c.amount)} (${percent(c.share)})`)
    .join('; ');
  return (
    <figure className="cost-bar">
      <svg
        role="img"
        aria-labelledby="cost-bar-title cost-bar-desc"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="cost-bar__svg"
      >
        <title id="cost-bar-title">{t('costs.report.bar.title')}</title>
        <desc id="cost-bar-desc">{desc || t('costs.report.empty')}</desc>
        {parts.map((c) => {
          const w = c.share * WIDTH;
          const rect = (
            <rect
              key={c.key}
              x={x}
              y={0}
              width={w}
              height={HEIGHT}
              className={`cost-bar__part cost-bar__part--${c.key}`}
            />
          );
          x += w;
          return rect;
        })}
      </svg>
      <figcaption>
        <ul className="cost-bar__legend">
          {parts.map((c) => (
            <li key={c.key}>
              <span className={`cost-bar__swatch cost-bar__part--${c.key}`} aria-hidden="true" />
              {t(`costs.report.coverer.${c.key}`)}: {percent(c.share)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
