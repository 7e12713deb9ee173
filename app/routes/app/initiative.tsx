import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { advanceInitiativeStage } from '../../features/initiatives/advance-initiative-stage.server.ts';
import { closeInitiative } from '../../features/initiatives/close-initiative.server.ts';
import { ChecklistSection } from '../../features/initiatives/components/checklist-section.tsx';
import { FoundersSection } from '../../features/initiatives/components/founders-section.tsx';
import { HistorySection } from '../../features/initiatives/components/history-section.tsx';
import { StageMoveSection } from '../../features/initiatives/components/stage-move-section.tsx';
import {
  tickChecklistItem,
  untickChecklistItem,
} from '../../features/initiatives/initiative-checklist.server.ts';
import {
  addFounder,
  removeFounder,
  setFounderAtRisk,
} from '../../features/initiatives/initiative-founders.server.ts';
import { handleMove, requireInitiativeReader } from '../../features/initiatives/initiative-route.server.ts';
import { isStage, missingForMove } from '../../features/initiatives/initiative-stages.rules.ts';
import {
  founderOrganisationOptions,
  founderPeopleOptions,
  getInitiative,
} from '../../features/initiatives/initiatives.queries.server.ts';
import { auditInitiative } from '../../features/initiatives/initiatives-core.server.ts';
import { loadMoveFacts } from '../../features/initiatives/stage-move-facts.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/initiative';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const ctx = await requireInitiativeReader(args);
    const db = services(args.context).db;
    const localityId = ctx.locality.localityId;
    const initiative = await getInitiative(db, { localityId, id: args.params.initiativeId });
    if (!initiative) throw new AppError('NOT_FOUND', 'errors.404.body');
    const today = todayInWarsaw();
    const [options, missing] = await Promise.all([
      ctx.canManage && initiative.stage !== 'closed'
        ? Promise.all([
            founderPeopleOptions(db, { localityId }),
            founderOrganisationOptions(db, { localityId }),
          ])
        : null,
      ctx.canManage && initiative.stage !== 'closed'
        ? loadMoveFacts(db, initiative, today).then(missingForMove)
        : [],
      // Founders' names are personal data: the staff's read is audited.
      auditInitiative(db, ctx, 'initiative.read', initiative.id),
    ]);
    return {
      locality: { slug: ctx.locality.slug, name: ctx.locality.name },
      canManage: ctx.canManage,
      initiative,
      options: options ? { people: options[0], organisations: options[1] } : null,
      missing,
      stageSince: todayInWarsaw(new Date(initiative.stageChangedAt)),
      today: dateInputValue(today),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireInitiativeReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  const db = services(args.context).db;
  const id = args.params.initiativeId;
  const today = todayInWarsaw();
  const back = (key: MessageKey) =>
    redirectWithFlash(args.context, `/app/${ctx.locality.slug}/initiatives/${id}`, { kind: 'success', key });
  return handleMove(form, async () => {
    switch (values.intent) {
      case 'founder-add':
        await addFounder(db, { ...ctx, initiativeId: id, values });
        return back('initiatives.founders.added');
      case 'founder-remove':
        await removeFounder(db, { ...ctx, initiativeId: id, founderId: values.founderId ?? '', today });
        return back('initiatives.founders.removed');
      case 'founder-risk':
        await setFounderAtRisk(db, {
          ...ctx,
          initiativeId: id,
          founderId: values.founderId ?? '',
          atRisk: values.atRisk === 'yes',
        });
        return back('initiatives.founders.updated');
      case 'tick':
        await tickChecklistItem(db, { ...ctx, initiativeId: id, values, today });
        return back('initiatives.checklist.ticked');
      case 'untick':
        await untickChecklistItem(db, { ...ctx, initiativeId: id, item: values.item ?? '' });
        return back('initiatives.checklist.unticked');
      case 'advance':
        await advanceInitiativeStage(db, {
          ...ctx,
          id,
          values,
          psAims: form.getAll('psAims').map(String),
          today,
          recheck: {
            mail: services(args.context).mail,
            baseUrl: baseUrl(args.request, services(args.context).config),
          },
        });
        return back('initiatives.move.done');
      case 'close':
        await closeInitiative(db, { ...ctx, id, values, today });
        return back('initiatives.close.done');
      default:
        throw new AppError('BAD_REQUEST', 'initiatives.form.invalid');
    }
  });
}

export default function InitiativePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, initiative: i, canManage, options, missing, today, stageSince } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/initiatives`;
  const stageName = t(`initiatives.stage.${i.stage}` as MessageKey);
  return (
    <>
      <PageHeader
        title={i.name}
        hasError={Boolean(failed)}
        lead={t('initiatives.page.lead', { stage: stageName, date: date(stageSince) })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('initiatives.board.title') },
              { label: i.name },
            ]}
          />
        }
        actions={
          <>
            <Link to={`${base}/${i.id}/plan`} className="button button--secondary">
              {t('initiatives.plan.open')}
            </Link>
            {loaderData.canManage && i.stage !== 'closed' ? (
              <Link to={`${base}/${i.id}/edit`} className="button button--secondary">
                {t('initiatives.edit.short')}
              </Link>
            ) : null}
          </>
        }
      />
      <section aria-labelledby="about-title" className="stack">
        <h2 id="about-title">{t('initiatives.page.about')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('initiatives.form.idea')}</dt>
            <dd>{i.idea}</dd>
          </div>
          <div>
            <dt>{t('initiatives.form.legalForm')}</dt>
            <dd>{t(`initiatives.legalForm.${i.intendedLegalForm}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('initiatives.form.niche')}</dt>
            <dd>{i.nicheName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('initiatives.page.stage')}</dt>
            <dd>{stageName}</dd>
          </div>
          {i.closedReason ? (
            <div>
              <dt>{t('initiatives.close.reason')}</dt>
              <dd>{i.closedReason}</dd>
            </div>
          ) : null}
          {i.enterprise ? (
            <div>
              <dt>{t('initiatives.page.enterprise')}</dt>
              <dd>
                <Link to={`/app/${locality.slug}/enterprises/${i.enterprise.id}`}>{i.enterprise.name}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <FoundersSection
        founders={i.founders}
        canManage={canManage && i.stage !== 'closed'}
        options={options}
        failed={failed}
        today={today}
      />
      {isStage(i.stage) ? (
        <ChecklistSection
          stage={i.stage}
          checklist={i.checklist}
          canManage={canManage}
          failed={failed}
          today={today}
        />
      ) : null}
      {canManage && isStage(i.stage) ? (
        <StageMoveSection
          stage={i.stage}
          name={i.name}
          version={i.version}
          missing={missing}
          failed={failed as never}
        />
      ) : null}
      <HistorySection history={i.history} />
    </>
  );
}
