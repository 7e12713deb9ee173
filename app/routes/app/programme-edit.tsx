import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ProgrammeItemForm } from '../../features/programme/components/item-form.tsx';
import { canManageProgramme } from '../../features/programme/programme.policy.ts';
import { findPartnership, loadProgramme } from '../../features/programme/programme.queries.server.ts';
import { type ProgrammeStatus, TRANSITIONS } from '../../features/programme/programme.rules.ts';
import {
  handleItemForm,
  itemFormOptions,
  itemFormValues,
} from '../../features/programme/programme-form.server.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/programme-edit';

async function load(args: Route.LoaderArgs | Route.ActionArgs) {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  const partnership = await findPartnership(services(args.context).db, {
    localityId: locality.localityId,
    partnershipId: args.params.partnershipId,
  });
  if (!partnership) throw new AppError('NOT_FOUND', 'errors.404.body');
  if (!canManageProgramme(actor, locality)) throw new AppError('FORBIDDEN', 'programme.errors.cannotManage');
  return { actor, locality, partnership };
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, partnership } = await load(args);
    const [rows, options] = await Promise.all([
      loadProgramme(services(args.context).db, {
        localityId: locality.localityId,
        partnershipId: partnership.id,
        today: todayInWarsaw(),
      }),
      itemFormOptions(args.context, { localityId: locality.localityId, partnershipId: partnership.id }),
    ]);
    const item = rows.find((r) => r.id === args.params.itemId);
    if (!item) throw new AppError('NOT_FOUND', 'errors.404.body');
    // Cancelling has its own command with a confirmation (on the item's page).
    const statuses: ProgrammeStatus[] = [item.status, ...TRANSITIONS[item.status]].filter(
      (s) => s !== 'cancelled' || item.status === 'cancelled',
    );
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { id: partnership.id, name: partnership.name },
      item: { id: item.id, level: item.level, title: item.title },
      values: itemFormValues(item),
      problemIds: item.problems.map((p) => p.id),
      statuses,
      // An item cannot move under itself or under what is beneath it.
      options: { ...options, parents: options.parents.filter((p) => p.id !== item.id) },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality, partnership } = await run(() => load(args));
  return handleItemForm({
    request: args.request,
    context: args.context,
    actor,
    locality,
    partnershipId: partnership.id,
    itemId: args.params.itemId,
  });
}

export default function ProgrammeEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, partnership, item, options, values, problemIds, statuses } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/partnerships/${partnership.id}`;
  const title = t(`programme.edit.${item.level}`, { title: item.title });
  return (
    <div className="form-page">
      <PageHeader
        title={title}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: partnership.name },
              { to: `${base}/programme`, label: t('programme.title') },
              { to: `${base}/programme/${item.id}`, label: item.title },
              { label: t('programme.edit.crumb') },
            ]}
          />
        }
      />
      <ProgrammeItemForm
        level={item.level}
        values={failed?.values ?? values}
        problemIds={failed?.problemIds ?? problemIds}
        errors={failed?.errors}
        options={options}
        statuses={statuses}
        submitLabel={t('programme.edit.submit')}
        cancelTo={`${base}/programme/${item.id}`}
      />
    </div>
  );
}
