import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote, TextArea, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import {
  handleForm,
  isResponse,
  requireProgrammeReader,
} from '../../features/education/programmes/education-route.server.ts';
import { createCurriculum, listCurricula } from '../../features/education/programmes/programmes.server.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-programmes';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, canManage } = await requireProgrammeReader(args);
    const rows = await listCurricula(services(args.context).db, locality.localityId);
    return { locality: { slug: locality.slug, name: locality.name }, rows, canManage };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireProgrammeReader(args));
  const form = await args.request.formData();
  const result = await handleForm(form, () => createCurriculum(services(args.context).db, ctx, form));
  if (isResponse(result) || typeof result !== 'string') return result;
  return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/education/programmes/${result}`, {
    kind: 'success',
    key: 'education.programmes.created',
  });
}

export default function EducationProgrammes({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number } = useI18n();
  const { locality, rows, canManage } = loaderData;
  const base = `/app/${locality.slug}/education/programmes`;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <>
      <PageHeader
        title={t('education.programmes.list.title')}
        lead={t('education.programmes.list.lead')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('education.programmes.list.title') },
            ]}
          />
        }
      />
      {rows.length === 0 ? (
        <p>{t('education.programmes.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('education.programmes.list.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('education.programmes.list.name')}</th>
                <th scope="col" className="num">
                  {t('education.programmes.list.modules')}
                </th>
                <th scope="col" className="num">
                  {t('education.programmes.list.hours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`${base}/${r.id}`}>{r.name}</Link>
                    {r.isLeadersProgramme ? (
                      <span className="badge programme-badge">{t('education.programmes.leadersBadge')}</span>
                    ) : null}
                  </th>
                  <td className="num" data-label={t('education.programmes.list.modules')}>
                    {number(r.modules)}
                  </td>
                  <td className="num" data-label={t('education.programmes.list.hours')}>
                    {t('education.programmes.hours', { hours: r.hours })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <section className="form-page" aria-labelledby="programme-new">
          <h2 id="programme-new">{t('education.programmes.new.title')}</h2>
          <ErrorSummary errors={failed?.errors} />
          <PostForm className="stack" noValidate>
            <RequiredNote />
            <TextField
              name="name"
              label={t('education.programmes.form.name.label')}
              required
              defaultValue={failed?.values.name}
              error={failed?.errors.name}
            />
            <TextArea
              name="description"
              label={t('education.programmes.form.description.label')}
              defaultValue={failed?.values.description}
              error={failed?.errors.description}
              rows={3}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('education.programmes.new.submit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
