import { Link } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { canManageFinancing } from '../../features/financing/financing.policy.ts';
import { handleForm, requireNicheReader } from '../../features/financing/financing-route.server.ts';
import { labelledCriteria } from '../../features/niches/niches.queries.server.ts';
import { removeCriterion, saveCriterion } from '../../features/niches/niches.server.ts';
import { formValues } from '../../lib/forms.ts';
import { i18nOf, redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/niche-criteria';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireNicheReader(args);
    const criteria = await labelledCriteria(
      services(args.context).db,
      locality.localityId,
      i18nOf(args.context).t,
    );
    return {
      locality: { slug: locality.slug, name: locality.name },
      criteria: criteria.map((c) => ({ id: c.id, key: c.key, name: c.name, weight: c.weight })),
      canManage: canManageFinancing(actor, locality),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireNicheReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  const db = services(args.context).db;
  return handleForm(form, async () => {
    if (values.intent === 'remove') await removeCriterion(db, { ...ctx, id: values.id ?? '' });
    else
      await saveCriterion(db, { ...ctx, id: values.intent === 'update' ? (values.id ?? '') : null, values });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/niches/criteria`, {
      kind: 'success',
      key: 'financing.criteria.saved',
    });
  });
}

export default function NicheCriteria({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number } = useI18n();
  const { locality, criteria, canManage } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const failedId = failed?.values.id ?? '';
  const addFailed = failed && failed.intent === 'add' ? failed : null;
  return (
    <>
      <PageHeader
        title={t('financing.criteria.title')}
        hasError={Boolean(failed)}
        lead={t('financing.criteria.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/niches`, label: t('financing.niches.title') },
              { label: t('financing.criteria.title') },
            ]}
          />
        }
      />
      {failed && failed.intent !== 'add' ? <ErrorSummary errors={failed.errors} /> : null}
      <div className="table-wrap">
        <table className="table table--stack">
          <caption>{t('financing.criteria.caption', { count: criteria.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('financing.criteria.label.label')}</th>
              <th scope="col" className="num">
                {t('financing.criteria.weight.label')}
              </th>
              {canManage ? <th scope="col">{t('financing.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="num" data-label={t('financing.criteria.weight.label')}>
                  {number(c.weight)}
                </td>
                {canManage ? (
                  <td data-label={t('financing.actions')}>
                    <PostForm className="inline-form">
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="id" value={c.id} />
                      <label htmlFor={`cl-${c.id}`} className="visually-hidden">
                        {t('financing.criteria.label.for', { name: c.name })}
                      </label>
                      <input
                        id={`cl-${c.id}`}
                        name="label"
                        className="input input--medium"
                        defaultValue={failedId === c.id ? failed?.values.label : c.name}
                      />
                      <label htmlFor={`cw-${c.id}`} className="visually-hidden">
                        {t('financing.criteria.weight.for', { name: c.name })}
                      </label>
                      <input
                        id={`cw-${c.id}`}
                        name="weight"
                        className="input input--short"
                        inputMode="decimal"
                        defaultValue={
                          failedId === c.id ? failed?.values.weight : String(c.weight).replace('.', ',')
                        }
                      />
                      <button type="submit" className="button button--secondary">
                        {t('financing.form.save')}
                      </button>
                    </PostForm>
                    <PostForm className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="id" value={c.id} />
                      <button type="submit" className="button button--danger button--small">
                        {t('financing.criteria.remove', { name: c.name })}
                      </button>
                    </PostForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? (
        <section aria-labelledby="crit-add">
          <h2 id="crit-add">{t('financing.criteria.add')}</h2>
          <ErrorSummary errors={addFailed?.errors} />
          <PostForm className="stack">
            <input type="hidden" name="intent" value="add" />
            <TextField
              name="label"
              label={t('financing.criteria.label.label')}
              defaultValue={addFailed?.values.label}
              error={addFailed?.errors.label}
              required
            />
            <TextField
              name="weight"
              label={t('financing.criteria.weight.label')}
              hint={t('financing.criteria.weight.hint')}
              defaultValue={addFailed?.values.weight}
              error={addFailed?.errors.weight}
              required
              width="short"
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('financing.criteria.addSubmit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}
      <p>
        <Link to={`/app/${locality.slug}/niches`}>{t('financing.niches.back')}</Link>
      </p>
    </>
  );
}
