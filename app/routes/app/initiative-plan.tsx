import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { planFigures } from '../../features/initiatives/business-plan.rules.ts';
import { MAX_ROWS, parsePlanForm, planFormValues } from '../../features/initiatives/business-plan.schema.ts';
import { PlanFiguresView } from '../../features/initiatives/components/plan-figures.tsx';
import { PlanForm } from '../../features/initiatives/components/plan-form.tsx';
import { handleForm, requireInitiativeReader } from '../../features/initiatives/initiative-route.server.ts';
import { getInitiative } from '../../features/initiatives/initiatives.queries.server.ts';
import { saveBusinessPlan } from '../../features/initiatives/save-business-plan.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { i18nOf, redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/initiative-plan';

const EMPTY = {
  offer: '',
  customers: '',
  niche: '',
  team: '',
  breakEvenNote: '',
  startupCosts: [],
  monthly: [],
  fundingSources: [],
};

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const ctx = await requireInitiativeReader(args);
    const db = services(args.context).db;
    const initiative = await getInitiative(db, {
      localityId: ctx.locality.localityId,
      id: args.params.initiativeId,
    });
    if (!initiative) throw new AppError('NOT_FOUND', 'errors.404.body');
    const plan = initiative.plan ?? { ...EMPTY, version: 0, updatedAt: null };
    return {
      locality: { slug: ctx.locality.slug, name: ctx.locality.name },
      canEdit: ctx.canManage && initiative.stage !== 'closed',
      initiative: { id: initiative.id, name: initiative.name },
      hasPlan: Boolean(initiative.plan),
      version: plan.version,
      figures: planFigures(plan),
      values: planFormValues(plan, i18nOf(args.context).locale),
      startupCount: plan.startupCosts.length,
      fundingCount: plan.fundingSources.length,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireInitiativeReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    await saveBusinessPlan(services(args.context).db, {
      ...ctx,
      initiativeId: args.params.initiativeId,
      values,
    });
    return redirectWithFlash(
      args.context,
      `/app/${ctx.locality.slug}/initiatives/${args.params.initiativeId}/plan`,
      {
        kind: 'success',
        key: 'initiatives.plan.saved',
      },
    );
  });
}

/** Rows shown: those filled (or typed in a failed form) and a few blank ones to add. */
function rowCount(filled: number, values: Record<string, string>, prefix: string) {
  let typed = 0;
  for (let i = 0; i < MAX_ROWS; i++)
    if (values[`${prefix}.${i}.label`] || values[`${prefix}.${i}.amount`]) typed = i + 1;
  return Math.min(MAX_ROWS, Math.max(filled, typed) + 3);
}

export default function InitiativePlan({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, initiative, canEdit, figures, version } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const values = failed?.values ?? loaderData.values;
  const base = `/app/${locality.slug}/initiatives/${initiative.id}`;
  const shownFigures = failed ? planFigures(parsePlanForm(values).plan) : figures;
  return (
    <>
      <PageHeader
        title={t('initiatives.plan.title', { name: initiative.name })}
        hasError={Boolean(failed)}
        lead={t('initiatives.plan.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/initiatives`, label: t('initiatives.board.title') },
              { to: base, label: initiative.name },
              { label: t('initiatives.plan.short') },
            ]}
          />
        }
        actions={
          loaderData.hasPlan ? (
            <a href={`${base}/plan.pdf`} className="button button--secondary">
              {t('initiatives.plan.pdf')}
            </a>
          ) : null
        }
      />
      <PlanFiguresView figures={shownFigures} />
      {canEdit ? (
        <section aria-labelledby="plan-form-title" className="stack">
          <h2 id="plan-form-title">{t('initiatives.plan.formTitle')}</h2>
          <ErrorSummary errors={failed?.errors} />
          <PlanForm
            values={values}
            errors={failed?.errors ?? {}}
            version={version}
            startupRows={rowCount(loaderData.startupCount, values, 'startup')}
            fundingRows={rowCount(loaderData.fundingCount, values, 'funding')}
          />
        </section>
      ) : null}
      <p>
        <Link to={base}>{t('initiatives.plan.back')}</Link>
      </p>
    </>
  );
}
