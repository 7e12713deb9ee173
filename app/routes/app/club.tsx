import { data, Link, redirect } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { canManageClub, canViewClub } from '../../features/club/club.policy.ts';
import { listClubs } from '../../features/club/club.queries.server.ts';
import { createClubSchema } from '../../features/club/club.schema.ts';
import { createClub } from '../../features/club/manage-club.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormFailure, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requireActor, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/club';

/** The locality's integration club: straight to it when there is one, a list when several, "create" when none. */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewClub(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const clubs = await listClubs(services(args.context).db, {
      localityId: locality.localityId,
      today: todayInWarsaw(),
    });
    const url = new URL(args.request.url);
    if (clubs.length === 1 && !url.searchParams.has('all'))
      throw redirect(`/app/${locality.slug}/club/${clubs[0]!.id}`);
    return {
      locality: { slug: locality.slug, name: locality.name },
      clubs,
      canManage: canManageClub(actor, locality),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  if (!canManageClub(actor, locality)) throwAppError(new AppError('FORBIDDEN', 'club.errors.cannotManage'));
  const parsed = parseForm(await args.request.formData(), createClubSchema);
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  const id = await run(() => createClub(services(args.context).db, { actor, locality, input: parsed.data }));
  return redirectWithFlash(args.context, `/app/${locality.slug}/club/${id}/settings`, {
    kind: 'success',
    key: 'club.created',
  });
}

export default function Clubs({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, clubs, canManage } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/club`;
  return (
    <>
      <PageHeader
        title={t('club.list.title')}
        hasError={Boolean(failed)}
        lead={t('club.list.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[{ to: `/app/${locality.slug}`, label: locality.name }, { label: t('club.list.title') }]}
          />
        }
      />
      {clubs.length === 0 ? (
        <p>{canManage ? t('club.list.emptyManage') : t('club.list.empty')}</p>
      ) : (
        <ul className="card-list">
          {clubs.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link to={`${base}/${c.id}`}>{c.name}</Link>
              </h2>
              <p>{c.premisesAddress || t('club.premises.none')}</p>
              {c.runByName ? <p className="muted">{t('club.list.runBy', { name: c.runByName })}</p> : null}
              <p>{t('club.list.activeMembers', { count: c.activeMembers })}</p>
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <section aria-labelledby="create" className="section narrow">
          <h2 id="create">{clubs.length === 0 ? t('club.create.title') : t('club.create.another')}</h2>
          <ErrorSummary errors={failed?.errors} />
          <PostForm className="stack">
            <TextField
              name="name"
              label={t('club.form.name.label')}
              hint={t('club.form.name.hint')}
              defaultValue={failed?.values.name}
              error={failed?.errors.name}
              required
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('club.create.submit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
