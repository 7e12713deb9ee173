import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ProgrammeItemForm } from '../../features/programme/components/item-form.tsx';
import { canManageProgramme } from '../../features/programme/programme.policy.ts';
import { findPartnership } from '../../features/programme/programme.queries.server.ts';
import { isProgrammeLevel, type ProgrammeLevel } from '../../features/programme/programme.rules.ts';
import { handleItemForm, itemFormOptions } from '../../features/programme/programme-form.server.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/programme-new';

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
    const url = new URL(args.request.url);
    const levelParam = url.searchParams.get('level');
    const level: ProgrammeLevel = isProgrammeLevel(levelParam) ? levelParam : 'goal';
    const options = await itemFormOptions(args.context, {
      localityId: locality.localityId,
      partnershipId: partnership.id,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { id: partnership.id, name: partnership.name },
      level,
      parentId: url.searchParams.get('parent') ?? '',
      options,
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
  });
}

export default function ProgrammeNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, partnership, options, parentId } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const level = isProgrammeLevel(failed?.values.level) ? failed.values.level : loaderData.level;
  const base = `/app/${locality.slug}/partnerships/${partnership.id}`;
  const title = t(`programme.new.${level}`);
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
              { label: title },
            ]}
          />
        }
      />
      <ProgrammeItemForm
        level={level}
        values={failed?.values ?? { parentId }}
        problemIds={failed?.problemIds ?? []}
        errors={failed?.errors}
        options={options}
        statuses={['planned', 'in_progress', 'done']}
        submitLabel={t(`programme.new.submit.${level}`)}
        cancelTo={`${base}/programme`}
      />
    </div>
  );
}
