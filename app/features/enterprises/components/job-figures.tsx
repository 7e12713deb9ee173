import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { Retention } from '../enterprises.rules.ts';

export type JobFiguresData = {
  created: number;
  period: { from: string; to: string };
  retention: Retention[];
  atRisk: { held: number; atRisk: number; share: number | null };
  endingSoon: number;
  soonDays: number;
};

/** The jobs' headline figures: created, kept at 6/12/24 months, held by people at risk, obligations ending. */
export function JobFigures({ f }: { f: JobFiguresData }) {
  const { t, date, percent } = useI18n();
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('enterprises.jobs.created', { from: date(f.period.from), to: date(f.period.to) })}</dt>
        <dd>{f.created}</dd>
      </div>
      {f.retention.map((r) => (
        <div key={r.months}>
          <dt>{t('enterprises.jobs.keptAt', { months: r.months })}</dt>
          <dd>
            {r.eligible === 0
              ? t('enterprises.jobs.keptNone')
              : t('enterprises.jobs.kept', {
                  kept: r.kept,
                  eligible: r.eligible,
                  share: percent(r.share ?? 0),
                })}
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('enterprises.jobs.atRiskShare')}</dt>
        <dd>
          {f.atRisk.share === null
            ? '—'
            : t('enterprises.jobs.atRiskOf', {
                atRisk: f.atRisk.atRisk,
                held: f.atRisk.held,
                share: percent(f.atRisk.share),
              })}
        </dd>
      </div>
      <div>
        <dt>{t('enterprises.jobs.endingSoon', { days: f.soonDays })}</dt>
        <dd>{f.endingSoon}</dd>
      </div>
    </dl>
  );
}
