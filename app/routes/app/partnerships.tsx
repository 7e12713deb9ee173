import { data, Link } from 'react-router';
import { DateField, ErrorSummary, PostForm, TextArea, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { savePartnership } from '../../features/partnerships/manage-partnership.server.ts';
import { canManagePartnership, canViewPartnership } from '../../features/partnerships/partnership.policy.ts';
import { partnershipSchema } from '../../features/partnerships/partnership.schema.ts';
import { listPartnerships } from '../../features/partnerships/partnerships.queries.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormFailure, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/partnerships';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewPartnership(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnerships: await listPartnerships(services(args.context).db, { localityId: locality.localityId }),
      canManage: canManagePartnership(actor, locality),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  const parsed = parseForm(await args.request.formData(), partnershipSchema);
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  const id = await run(() =>
    savePartnership(services(args.context).db, { actor, locality, input: parsed.data }),
  );
  return redirectWithFlash(args.context, `/app/${locality.slug}/partnerships/${id}`, {
    kind: 'success',
    key: 'partnerships.created',
  });
}

export default function Partnerships({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, partnerships, canManage } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/partnerships`;
  return (
    <>
      <PageHeader
        title={t('partnerships.list.title')}
        hasError={Boolean(failed)}
        lead={t('partnerships.list.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('partnerships.list.title') },
            ]}
          />
        }
      />
      {partnerships.length === 0 ? (
        <p>{t('partnerships.list.empty')}</p>
      ) : (
        <ul className="card-list">
          {partnerships.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`${base}/${p.id}`}>{p.name}</Link>
              </h2>
              <p>
                {p.leaderName
                  ? t('partnerships.list.leader', { name: p.leaderName })
                  : t('partnerships.list.noLeader')}
              </p>
              <p className="muted">
                {t('partnerships.list.members', { count: p.members })}
                {p.formedOn ? ` · ${t('partnerships.list.formed', { date: date(p.formedOn) })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <details className="panel-details" open={Boolean(failed) || partnerships.length === 0}>
          <summary>{t('partnerships.new.title')}</summary>
          <ErrorSummary errors={failed?.errors} />
          <PostForm className="stack">
            <TextField
              name="name"
              label={t('partnerships.form.name.label')}
              hint={t('partnerships.form.name.hint')}
              defaultValue={failed?.values.name}
              error={failed?.errors.name}
            />
            <TextArea
              name="aim"
              rows={3}
              label={t('partnerships.form.aim.label')}
              defaultValue={failed?.values.aim}
              error={failed?.errors.aim}
            />
            <DateField
              name="formedOn"
              label={t('partnerships.form.formedOn.label')}
              defaultValue={failed?.values.formedOn}
              error={failed?.errors.formedOn}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('partnerships.new.submit')}
              </button>
            </div>
          </PostForm>
        </details>
      ) : null}
    </>
  );
}
