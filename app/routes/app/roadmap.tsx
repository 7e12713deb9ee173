import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ProgressBar, StatusBadge } from '../../features/roadmap/components/status-badge.tsx';
import { liveEvidence } from '../../features/roadmap/roadmap.evidence.server.ts';
import { listRoadmapSteps } from '../../features/roadmap/roadmap.queries.server.ts';
import { isOverdue, summarizeRoadmap } from '../../features/roadmap/roadmap.rules.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/roadmap';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireActor(args, { locality: args.params.locality });
    const { db } = services(args.context);
    const [steps, evidence] = await Promise.all([
      listRoadmapSteps(db, { localityId: locality.localityId }),
      liveEvidence(db, { localityId: locality.localityId }),
    ]);
    const today = todayInWarsaw();
    return {
      locality: { slug: locality.slug, name: locality.name },
      summary: summarizeRoadmap(steps, today),
      steps: steps.map((s) => ({
        stepKey: s.stepKey,
        position: s.position,
        status: s.status,
        responsibleName: s.responsibleName,
        dueDate: s.dueDate,
        doneOn: s.doneOn,
        overdue: isOverdue(s, today),
        evidence: evidence[s.stepKey] ?? null,
      })),
    };
  });
}

export default function Roadmap({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, steps, summary } = loaderData;
  const base = `/app/${locality.slug}`;
  return (
    <>
      <PageHeader
        title={t('roadmap.list.title')}
        lead={t('roadmap.list.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs items={[{ to: base, label: locality.name }, { label: t('roadmap.list.title') }]} />
        }
      />
      <div className="summary-row">
        <p>{t('roadmap.home.progressText', { done: summary.done, total: summary.total })}</p>
        <ProgressBar done={summary.done} total={summary.total} label={t('roadmap.home.progressLabel')} />
      </div>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">
            {t('roadmap.list.caption', { locality: locality.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('roadmap.list.col.number')}</th>
              <th scope="col">{t('roadmap.list.col.step')}</th>
              <th scope="col">{t('roadmap.list.col.status')}</th>
              <th scope="col">{t('roadmap.list.col.responsible')}</th>
              <th scope="col">{t('roadmap.list.col.due')}</th>
              <th scope="col">{t('roadmap.list.col.done')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.stepKey} className={s.overdue ? 'row--overdue' : undefined}>
                <td className="cell--position">{s.position}</td>
                <th scope="row">
                  <Link to={`${base}/roadmap/${s.stepKey}`}>{t(`roadmap.step.${s.stepKey}.title`)}</Link>
                  {s.evidence ? (
                    <span className="evidence">{t(s.evidence.key, s.evidence.values)}</span>
                  ) : null}
                </th>
                <td data-label={t('roadmap.list.col.status')}>
                  <StatusBadge status={s.status} />
                </td>
                <td data-label={t('roadmap.list.col.responsible')}>
                  {s.responsibleName ?? <span className="muted">{t('roadmap.list.nobody')}</span>}
                </td>
                <td data-label={t('roadmap.list.col.due')} className={s.dueDate ? undefined : 'cell--empty'}>
                  {date(s.dueDate)}
                  {s.overdue ? (
                    <>
                      {' '}
                      <strong className="overdue-flag">{t('roadmap.list.overdue')}</strong>
                    </>
                  ) : null}
                </td>
                <td data-label={t('roadmap.list.col.done')} className={s.doneOn ? undefined : 'cell--empty'}>
                  {date(s.doneOn)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
