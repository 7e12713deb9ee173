import { Link, redirect } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { cascadeSummary } from '../../features/education/cascade/cascade.server.ts';
import { canSeeCascade } from '../../features/education/leaders/leaders.policy.ts';
import { isOnlyParticipant } from '../../features/me/me.server.ts';
import { ProgressBar } from '../../features/roadmap/components/status-badge.tsx';
import { canUpdateRoadmapStep } from '../../features/roadmap/roadmap.policy.ts';
import { listRoadmapSteps } from '../../features/roadmap/roadmap.queries.server.ts';
import { summarizeRoadmap } from '../../features/roadmap/roadmap.rules.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/locality-home';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    // A participant (and nothing else here) lands on their own page.
    if (isOnlyParticipant(actor, locality)) throw redirect(`/app/${locality.slug}/me`);
    const db = services(args.context).db;
    const [steps, cascade] = await Promise.all([
      listRoadmapSteps(db, { localityId: locality.localityId }),
      cascadeSummary(db, { localityId: locality.localityId }),
    ]);
    const today = todayInWarsaw();
    const summary = summarizeRoadmap(steps, today);
    const byKey = new Map(steps.map((s) => [s.stepKey, s]));
    const nextStep = summary.next ? byKey.get(summary.next) : undefined;
    return {
      locality: { slug: locality.slug, name: locality.name, kind: locality.kind, roles: locality.roles },
      summary,
      cascade,
      canSeeCascade: canSeeCascade(actor, locality),
      overdue: summary.overdue.map((k) => {
        const s = byKey.get(k)!;
        return { stepKey: k, dueDate: s.dueDate, responsibleName: s.responsibleName };
      }),
      next: nextStep
        ? {
            stepKey: nextStep.stepKey,
            status: nextStep.status,
            dueDate: nextStep.dueDate,
            responsibleName: nextStep.responsibleName,
            canUpdate: canUpdateRoadmapStep(actor, locality, nextStep),
          }
        : null,
    };
  });
}

export default function LocalityHome({ loaderData }: Route.ComponentProps) {
  const { t, date, percent } = useI18n();
  const { locality, summary, overdue, next, cascade } = loaderData;
  const base = `/app/${locality.slug}`;
  return (
    <>
      <PageHeader
        title={t('roadmap.home.title', { locality: locality.name })}
        lead={`${t(`common.localityKind.${locality.kind}`)}${locality.roles.length ? ` · ${locality.roles.map((r) => t(`common.role.${r}`)).join(', ')}` : ''}`}
      />
      <div className="grid grid--3">
        <section className="panel" aria-labelledby="progress-title">
          <h2 id="progress-title">{t('roadmap.home.progressTitle')}</h2>
          <p className="figure">{percent(summary.progress)}</p>
          <ProgressBar done={summary.done} total={summary.total} label={t('roadmap.home.progressLabel')} />
          <p>{t('roadmap.home.progressText', { done: summary.done, total: summary.total })}</p>
          <p className="muted">
            {t('roadmap.home.inProgress', { count: summary.inProgress })} ·{' '}
            {t('roadmap.home.notStarted', { count: summary.notStarted })}
          </p>
          <p>
            <Link to={`${base}/roadmap`}>{t('roadmap.home.openRoadmap')}</Link>
          </p>
        </section>
        <section className="panel" aria-labelledby="next-title">
          <h2 id="next-title">{t('roadmap.home.nextTitle')}</h2>
          {next ? (
            <>
              <p className="next-step">{t(`roadmap.step.${next.stepKey}.title`)}</p>
              <p className="muted">{t(`roadmap.step.${next.stepKey}.hint`)}</p>
              <p>
                {next.responsibleName
                  ? t('roadmap.home.responsible', { name: next.responsibleName })
                  : t('roadmap.home.noResponsible')}
                {next.dueDate ? ` · ${t('roadmap.home.due', { date: date(next.dueDate) })}` : ''}
              </p>
              <p>
                <Link
                  to={`${base}/roadmap/${next.stepKey}`}
                  className={next.canUpdate ? 'button button--secondary' : undefined}
                >
                  {next.canUpdate ? t('roadmap.home.updateStep') : t('roadmap.home.viewStep')}
                </Link>
              </p>
            </>
          ) : (
            <p>{t('roadmap.home.allDone')}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('roadmap.home.overdueTitle', { count: overdue.length })}</h2>
          {overdue.length === 0 ? (
            <p>{t('roadmap.home.noOverdue')}</p>
          ) : (
            <ul className="plain-list">
              {overdue.map((o) => (
                <li key={o.stepKey}>
                  <Link to={`${base}/roadmap/${o.stepKey}`}>{t(`roadmap.step.${o.stepKey}.title`)}</Link>
                  <span className="overdue-note"> {t('roadmap.home.dueWas', { date: date(o.dueDate) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="cascade-title">
          <h2 id="cascade-title">{t('education.cascade.home.title')}</h2>
          {cascade.generations.length === 0 ? (
            <p>{t('education.cascade.home.none')}</p>
          ) : (
            <>
              <p>
                {t('education.cascade.home.totals', {
                  leaders: cascade.leadersTotal,
                  reached: cascade.reachedTotal,
                })}
              </p>
              <ul className="plain-list">
                {cascade.generations.map((g) => (
                  <li key={g.generation}>
                    {t('education.cascade.home.generation', {
                      generation: g.generation,
                      leaders: g.leaders,
                      groups: g.groups,
                      reached: g.reached,
                      fidelity: Math.round(g.fidelity * 100),
                    })}
                  </li>
                ))}
              </ul>
              {loaderData.canSeeCascade ? (
                <Link to={`${base}/education/cascade`}>{t('education.cascade.home.link')}</Link>
              ) : null}
            </>
          )}
        </section>
      </div>
    </>
  );
}
