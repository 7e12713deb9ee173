import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { PlanFigures } from '../business-plan.rules.ts';

/** The computed figures: totals, funding gap, break-even, and month by month results. */
export function PlanFiguresView({ figures }: { figures: PlanFigures }) {
  const { t, money } = useI18n();
  return (
    <section aria-labelledby="figures-title" className="stack">
      <h2 id="figures-title">{t('initiatives.plan.figures.title')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('initiatives.plan.figures.startupTotal')}</dt>
          <dd>{money(figures.startupTotal)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.plan.figures.fundingTotal')}</dt>
          <dd>{money(figures.fundingTotal)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.plan.figures.gap')}</dt>
          <dd>{figures.fundingGap > 0 ? money(figures.fundingGap) : t('initiatives.plan.figures.noGap')}</dd>
        </div>
        <div>
          <dt>{t('initiatives.plan.figures.breakEven')}</dt>
          <dd>
            {figures.breakEvenMonth
              ? t('initiatives.plan.figures.breakEvenMonth', { month: figures.breakEvenMonth })
              : t('initiatives.plan.figures.noBreakEven')}
          </dd>
        </div>
        <div>
          <dt>{t('initiatives.plan.figures.totalRevenue')}</dt>
          <dd>{money(figures.totals.revenue)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.plan.figures.totalCosts')}</dt>
          <dd>{money(figures.totals.costs)}</dd>
        </div>
        <div>
          <dt>{t('initiatives.plan.figures.totalResult')}</dt>
          <dd>{money(figures.totals.result)}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption>{t('initiatives.plan.figures.monthlyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.plan.month')}</th>
              <th scope="col" className="num">
                {t('initiatives.plan.revenue')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.plan.costs')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.plan.result')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.plan.cumulative')}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{t('initiatives.plan.monthN', { month: m.month })}</th>
                <td className="num" data-label={t('initiatives.plan.revenue')}>
                  {money(m.revenue)}
                </td>
                <td className="num" data-label={t('initiatives.plan.costs')}>
                  {money(m.costs)}
                </td>
                <td className="num" data-label={t('initiatives.plan.result')}>
                  {money(m.result)}
                </td>
                <td className="num" data-label={t('initiatives.plan.cumulative')}>
                  {money(m.cumulative)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
