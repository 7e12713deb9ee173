import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { BreakEven, Runway, TrajectoryPoint } from '../enterprises.rules.ts';

/** A month as MM.YYYY (both languages). */
export const monthLabel = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

const W = 640;
const H = 240;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

/** Own revenue, grants and costs by month as lines (differing by dash, not colour alone). */
function Chart({ points }: { points: TrajectoryPoint[] }) {
  const { t, money, date } = useI18n();
  const max = Math.max(1, ...points.flatMap((p) => [p.ownRevenue, p.grants, p.costs]));
  const x = (i: number) =>
    PAD.left + (points.length === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const line = (key: 'ownRevenue' | 'grants' | 'costs') =>
    points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p[key]).toFixed(1)}`).join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <figure className="trajectory">
      <svg
        role="img"
        aria-labelledby="trajectory-title trajectory-desc"
        viewBox={`0 0 ${W} ${H}`}
        className="trajectory__svg"
      >
        <title id="trajectory-title">{t('enterprises.trajectory.chartTitle')}</title>
        <desc id="trajectory-desc">
          {t('enterprises.trajectory.chartDesc', {
            from: date(first.month),
            to: date(last.month),
            own: money(last.ownRevenue),
            costs: money(last.costs),
          })}
        </desc>
        <line x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} className="trajectory__axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={y(0)} className="trajectory__axis" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="trajectory__tick">
          {money(max)}
        </text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="trajectory__tick">
          0
        </text>
        <text x={PAD.left} y={H - 8} className="trajectory__tick">
          {monthLabel(first.month)}
        </text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end" className="trajectory__tick">
          {monthLabel(last.month)}
        </text>
        <path d={line('costs')} className="trajectory__line trajectory__line--costs" />
        <path d={line('grants')} className="trajectory__line trajectory__line--grants" />
        <path d={line('ownRevenue')} className="trajectory__line trajectory__line--own" />
      </svg>
      <figcaption>
        <ul className="trajectory__legend">
          <li className="trajectory__key trajectory__key--own">{t('enterprises.figures.ownRevenue')}</li>
          <li className="trajectory__key trajectory__key--grants">{t('enterprises.figures.grants')}</li>
          <li className="trajectory__key trajectory__key--costs">{t('enterprises.figures.costs')}</li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** The self-sufficiency trajectory: headline figures, the chart and the same data as a table. */
export function Trajectory({
  points,
  share3,
  runway,
  breakEven,
}: {
  points: TrajectoryPoint[];
  share3: number | null;
  runway: Runway;
  breakEven: BreakEven;
}) {
  const { t, money, percent, number } = useI18n();
  if (points.length === 0) return <p>{t('enterprises.trajectory.empty')}</p>;
  const runwayText =
    runway.kind === 'not_needed'
      ? t('enterprises.trajectory.runway.notNeeded')
      : runway.kind === 'exhausted'
        ? t('enterprises.trajectory.runway.exhausted', { gap: money(runway.monthlyGap) })
        : runway.kind === 'months'
          ? t('enterprises.trajectory.runway.months', {
              months: number(runway.months),
              cash: money(runway.cash),
              gap: money(runway.monthlyGap),
            })
          : t('enterprises.trajectory.runway.noData');
  const beText = breakEven.sustainedSince
    ? t('enterprises.trajectory.breakEven.since', {
        first: monthLabel(breakEven.firstMonth ?? ''),
        since: monthLabel(breakEven.sustainedSince),
      })
    : breakEven.firstMonth
      ? t('enterprises.trajectory.breakEven.notHeld', { first: monthLabel(breakEven.firstMonth) })
      : t('enterprises.trajectory.breakEven.never');
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>{t('enterprises.trajectory.share3')}</dt>
          <dd>{share3 === null ? '—' : percent(share3)}</dd>
        </div>
        <div>
          <dt>{t('enterprises.trajectory.runway.label')}</dt>
          <dd>{runwayText}</dd>
        </div>
        <div>
          <dt>{t('enterprises.trajectory.breakEven.label')}</dt>
          <dd>{beText}</dd>
        </div>
      </dl>
      <Chart points={points} />
      <div className="table-wrap">
        <table className="table table--stack">
          <caption>{t('enterprises.trajectory.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('enterprises.figures.month.label')}</th>
              <th scope="col" className="num">
                {t('enterprises.figures.ownRevenue')}
              </th>
              <th scope="col" className="num">
                {t('enterprises.figures.grants')}
              </th>
              <th scope="col" className="num">
                {t('enterprises.figures.costs')}
              </th>
              <th scope="col" className="num">
                {t('enterprises.trajectory.ownShare')}
              </th>
              <th scope="col" className="num">
                {t('enterprises.trajectory.cash')}
              </th>
              <th scope="col" className="num">
                {t('enterprises.figures.headcount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{monthLabel(p.month)}</th>
                <td className="num" data-label={t('enterprises.figures.ownRevenue')}>
                  {money(p.ownRevenue)}
                </td>
                <td className="num" data-label={t('enterprises.figures.grants')}>
                  {money(p.grants)}
                </td>
                <td className="num" data-label={t('enterprises.figures.costs')}>
                  {money(p.costs)}
                </td>
                <td className="num" data-label={t('enterprises.trajectory.ownShare')}>
                  {p.ownShare === null ? '—' : percent(p.ownShare)}
                </td>
                <td className="num" data-label={t('enterprises.trajectory.cash')}>
                  {money(p.cash)}
                </td>
                <td className="num" data-label={t('enterprises.figures.headcount')}>
                  {number(p.headcount ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
