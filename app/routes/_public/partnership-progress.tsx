import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import {
  IndicatorText,
  ProgrammeStatusBadge,
  ProgressMeter,
} from '../../features/programme/components/progress.tsx';
import { loadPublicProgress } from '../../features/programme/programme.queries.server.ts';
import { outlineNumbers } from '../../features/programme/programme.rules.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/partnership-progress';

/** A public page: no JavaScript is sent (see root.tsx). */
export const handle = { js: false };

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const found = await loadPublicProgress(services(args.context).db, {
      localitySlug: args.params.locality,
      partnershipId: args.params.partnershipId,
      today: todayInWarsaw(),
    });
    // Unpublished, unknown or another locality's: the same 404.
    if (!found) throw new AppError('NOT_FOUND', 'errors.404.body');
    const numbers = outlineNumbers(found.items);
    return {
      partnership: found.partnership,
      locality: found.locality,
      tasks: found.tasks,
      // Only what the public may see: no people, no organisations' contacts, no e-mails.
      items: found.items.map((i) => ({
        id: i.id,
        parentId: i.parentId,
        level: i.level,
        number: numbers.get(i.id) ?? '',
        title: i.title,
        description: i.description,
        dueOn: i.dueOn,
        status: i.status,
        progress: i.progress,
        indicatorName: i.indicatorName,
        indicatorUnit: i.indicatorUnit,
        indicatorTarget: i.indicatorTarget,
        indicatorActual: i.indicatorActual,
        tasks: i.tasks,
      })),
    };
  });
}

export default function PartnershipProgress({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { partnership, locality, tasks, items } = loaderData;
  const goals = items.filter((i) => i.level === 'goal');
  return (
    <>
      <PageHeader
        title={t('programme.public.title', { name: partnership.name })}
        lead={partnership.aim || undefined}
      />
      <p>{t('programme.public.locality', { locality: locality.name })}</p>
      <p>{t('programme.public.tasks', { total: tasks.total, done: tasks.done })}</p>
      {goals.length === 0 ? <p>{t('programme.public.empty')}</p> : null}
      {goals.map((g) => {
        const actions = items.filter((a) => a.parentId === g.id);
        return (
          <section key={g.id} aria-labelledby={`g-${g.id}`} className="section">
            <h2 id={`g-${g.id}`}>
              {t('programme.level.numbered.goal', { number: g.number })}: {g.title}
            </h2>
            {g.description ? <p className="pre-line">{g.description}</p> : null}
            <p>
              <ProgrammeStatusBadge status={g.status} />
            </p>
            <ProgressMeter value={g.progress} />
            <p>{t('programme.public.goalTasks', { total: g.tasks.total, done: g.tasks.done })}</p>
            {g.indicatorName ? (
              <p>
                <IndicatorText
                  name={g.indicatorName}
                  unit={g.indicatorUnit}
                  target={g.indicatorTarget}
                  actual={g.indicatorActual}
                />
              </p>
            ) : null}
            {actions.length > 0 ? (
              <div className="table-wrap">
                <table className="table table--stack table--stack-plain">
                  <caption>{t('programme.public.actionsCaption', { number: g.number })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('programme.level.action')}</th>
                      <th scope="col">{t('programme.col.status')}</th>
                      <th scope="col">{t('programme.col.progress')}</th>
                      <th scope="col">{t('programme.public.col.tasks')}</th>
                      <th scope="col">{t('programme.col.indicator')}</th>
                      <th scope="col">{t('programme.form.dueOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {actions.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">
                          {a.number}. {a.title}
                        </th>
                        <td data-label={t('programme.col.status')}>
                          <ProgrammeStatusBadge status={a.status} />
                        </td>
                        <td data-label={t('programme.col.progress')}>
                          <ProgressMeter value={a.progress} />
                        </td>
                        <td data-label={t('programme.public.col.tasks')}>
                          {t('programme.public.doneOf', { done: a.tasks.done, total: a.tasks.total })}
                        </td>
                        <td data-label={t('programme.col.indicator')}>
                          <IndicatorText
                            name={a.indicatorName}
                            unit={a.indicatorUnit}
                            target={a.indicatorTarget}
                            actual={a.indicatorActual}
                          />
                        </td>
                        <td data-label={t('programme.form.dueOn')}>{date(a.dueOn) || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
