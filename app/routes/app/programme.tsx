import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ProgrammeTable } from '../../features/programme/components/programme-table.tsx';
import {
  canManageProgramme,
  canUpdateProgress,
  canViewProgramme,
} from '../../features/programme/programme.policy.ts';
import { findPartnership, loadProgramme } from '../../features/programme/programme.queries.server.ts';
import { outlineNumbers, PROGRAMME_STATUSES } from '../../features/programme/programme.rules.ts';
import { programmeFilterSchema } from '../../features/programme/programme.schema.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/programme';

/**
 * A read-only tree with a GET filter form: it works fully without JavaScript, so none is sent
 * (a 300-task programme would otherwise ship its data twice, as HTML and for hydration).
 */
export const handle = { js: false };

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const { db } = services(args.context);
    const partnership = await findPartnership(db, {
      localityId: locality.localityId,
      partnershipId: args.params.partnershipId,
    });
    if (!partnership) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (!canViewProgramme(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const url = new URL(args.request.url);
    const filter = programmeFilterSchema.parse(Object.fromEntries(url.searchParams));
    const rows = await loadProgramme(db, {
      localityId: locality.localityId,
      partnershipId: partnership.id,
      today: todayInWarsaw(),
    });
    const numbers = outlineNumbers(rows);
    const filtered = filter.overdue || Boolean(filter.status) || Boolean(filter.organisation);
    const matches = (r: (typeof rows)[number]) =>
      (!filter.overdue || r.overdue) &&
      (!filter.status || r.status === filter.status) &&
      (!filter.organisation || r.responsibleOrganisationId === filter.organisation);
    // A match is shown with the goal and action it belongs to, for context.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const shown = new Set<string>();
    const matched = new Set<string>();
    for (const r of rows) {
      if (filtered && !matches(r)) continue;
      matched.add(r.id);
      for (let cur: typeof r | undefined = r; cur && !shown.has(cur.id); cur = byId.get(cur.parentId ?? '')) {
        shown.add(cur.id);
      }
    }
    const organisations = new Map<string, string>();
    for (const r of rows)
      if (r.responsibleOrganisationId && r.responsibleOrganisationName)
        organisations.set(r.responsibleOrganisationId, r.responsibleOrganisationName);
    const tasks = rows.filter((r) => r.level === 'task' && r.status !== 'cancelled');
    const hasTasks = new Set(tasks.map((r) => r.parentId));
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { id: partnership.id, name: partnership.name, publicProgress: partnership.publicProgress },
      canManage: canManageProgramme(actor, locality),
      filter: {
        overdue: filter.overdue,
        status: filter.status ?? '',
        organisation: filter.organisation ?? '',
        active: filtered,
      },
      organisations: [...organisations]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'pl')),
      counts: {
        goals: rows.filter((r) => r.level === 'goal').length,
        tasks: tasks.length,
        done: tasks.filter((r) => r.status === 'done').length,
        overdue: tasks.filter((r) => r.overdue).length,
        matched: matched.size,
      },
      rows: rows
        .filter((r) => shown.has(r.id))
        .map((r) => ({
          id: r.id,
          parentId: r.parentId,
          level: r.level,
          number: numbers.get(r.id) ?? '',
          title: r.title,
          organisation: r.responsibleOrganisationName,
          person: r.responsibleUserName,
          startsOn: r.startsOn,
          dueOn: r.dueOn,
          status: r.status,
          progress: r.progress,
          derived:
            r.level !== 'task' &&
            (r.level === 'goal'
              ? rows.some((a) => a.parentId === r.id && hasTasks.has(a.id))
              : hasTasks.has(r.id)),
          overdue: r.overdue,
          indicatorName: r.indicatorName,
          indicatorUnit: r.indicatorUnit,
          indicatorTarget: r.indicatorTarget,
          indicatorActual: r.indicatorActual,
          problems: r.problems,
          canUpdate: canUpdateProgress(actor, locality, r),
        })),
    };
  });
}

export default function Programme({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, partnership, canManage, filter, organisations, counts, rows } = loaderData;
  const base = `/app/${locality.slug}/partnerships/${partnership.id}`;
  return (
    <>
      <PageHeader
        title={t('programme.title')}
        lead={partnership.name}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/partnerships`, label: t('partnerships.list.title') },
              { to: base, label: partnership.name },
              { label: t('programme.title') },
            ]}
          />
        }
        actions={
          <>
            {canManage ? (
              <Link to={`${base}/programme/new?level=goal`} className="button button--primary">
                {t('programme.add.goal')}
              </Link>
            ) : null}
            {partnership.publicProgress ? (
              <a
                href={`/p/${locality.slug}/partnerships/${partnership.id}/progress`}
                className="button button--secondary"
              >
                {t('programme.public.link')}
              </a>
            ) : null}
          </>
        }
      />
      <p>
        {t('programme.counts', {
          goals: counts.goals,
          tasks: counts.tasks,
          done: counts.done,
        })}{' '}
        {counts.overdue > 0 ? (
          <strong className="overdue-note">{t('programme.counts.overdue', { count: counts.overdue })}</strong>
        ) : null}
      </p>
      <Form method="get" className="filter-bar filter-bar--wide" aria-label={t('programme.filter.label')}>
        <div className="field">
          <label htmlFor="f-status">{t('programme.filter.status')}</label>
          <select id="f-status" name="status" className="input input--medium" defaultValue={filter.status}>
            <option value="">{t('programme.filter.any')}</option>
            {PROGRAMME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`programme.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-organisation">{t('programme.filter.organisation')}</label>
          <select
            id="f-organisation"
            name="organisation"
            className="input input--medium"
            defaultValue={filter.organisation}
          >
            <option value="">{t('programme.filter.any')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="f-overdue" name="overdue" value="1" defaultChecked={filter.overdue} />
          <label htmlFor="f-overdue">{t('programme.filter.overdue')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('programme.filter.submit')}
          </button>
          {filter.active ? <Link to={`${base}/programme`}>{t('programme.filter.clear')}</Link> : null}
        </div>
      </Form>
      {filter.active ? <p role="status">{t('programme.filter.matched', { count: counts.matched })}</p> : null}
      {rows.length === 0 ? (
        <p>
          {filter.active
            ? t('programme.filter.none')
            : canManage
              ? t('programme.empty.manage')
              : t('programme.empty')}
        </p>
      ) : (
        <ProgrammeTable rows={rows} base={`${base}/programme`} canManage={canManage} />
      )}
    </>
  );
}
