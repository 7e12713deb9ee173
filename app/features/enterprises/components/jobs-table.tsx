import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { categoryKey, contractKey } from '../enterprise.labels.ts';
import type { JobRow } from '../enterprises.queries.server.ts';

/** Jobs with their person, contract, working time, dates, at-risk category and funding. */
export function JobsTable({
  jobs,
  caption,
  showEnterprise,
  enterpriseHref,
  editHref,
}: {
  jobs: JobRow[];
  caption: string;
  showEnterprise?: boolean;
  enterpriseHref?: (id: string) => string;
  /** A link to correct each job (for those who may edit the enterprise). */
  editHref?: (id: string) => string;
}) {
  const { t, date, number } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enterprises.job.position.label')}</th>
            {showEnterprise ? <th scope="col">{t('enterprises.jobs.enterprise')}</th> : null}
            <th scope="col">{t('enterprises.job.person.label')}</th>
            <th scope="col">{t('enterprises.job.contractType.label')}</th>
            <th scope="col" className="num">
              {t('enterprises.job.fte.short')}
            </th>
            <th scope="col">{t('enterprises.jobs.period')}</th>
            <th scope="col">{t('enterprises.job.atRiskCategory.label')}</th>
            <th scope="col">{t('enterprises.job.funding')}</th>
            <th scope="col">{t('enterprises.job.keepUntil.label')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id}>
              <th scope="row">
                {j.position}
                {editHref ? (
                  <>
                    {' '}
                    <a href={editHref(j.id)}>
                      {t('enterprises.job.edit.link')}
                      <span className="visually-hidden">: {j.position}</span>
                    </a>
                  </>
                ) : null}
              </th>
              {showEnterprise ? (
                <td data-label={t('enterprises.jobs.enterprise')}>
                  {enterpriseHref ? (
                    <a href={enterpriseHref(j.enterpriseId)}>{j.enterpriseName}</a>
                  ) : (
                    j.enterpriseName
                  )}
                </td>
              ) : null}
              <td data-label={t('enterprises.job.person.label')}>{j.displayName || '—'}</td>
              <td data-label={t('enterprises.job.contractType.label')}>{t(contractKey(j.contractType))}</td>
              <td className="num" data-label={t('enterprises.job.fte.short')}>
                {number(j.fte)}
              </td>
              <td data-label={t('enterprises.jobs.period')}>
                {j.endOn
                  ? t('enterprises.jobs.fromTo', { from: date(j.startOn), to: date(j.endOn) })
                  : t('enterprises.jobs.fromOpen', { from: date(j.startOn) })}
              </td>
              <td data-label={t('enterprises.job.atRiskCategory.label')}>
                {j.atRiskCategory ? t(categoryKey(j.atRiskCategory)) : t('enterprises.job.notAtRisk')}
              </td>
              <td data-label={t('enterprises.job.funding')}>{j.grantTitle ?? (j.fundingNote || '—')}</td>
              <td data-label={t('enterprises.job.keepUntil.label')}>
                {j.keepUntil ? date(j.keepUntil) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
