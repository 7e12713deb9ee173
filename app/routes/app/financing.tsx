import { Link } from 'react-router';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { GrantsTable } from '../../features/financing/components/grants-table.tsx';
import { financingOverview, listGrants } from '../../features/financing/financing.queries.server.ts';
import { SOURCE_KINDS } from '../../features/financing/financing.rules.ts';
import {
  handleForm,
  requireFinancingManager,
  requireGrantReader,
} from '../../features/financing/financing-route.server.ts';
import { createSource } from '../../features/financing/funding.server.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/financing';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, organisations } = await requireGrantReader(args);
    const db = services(args.context).db;
    const loc = { slug: locality.slug, name: locality.name };
    if (organisations !== null) {
      const grants = await listGrants(db, { localityId: locality.localityId, organisations });
      return { locality: loc, manager: false, sources: [], applications: [], grants };
    }
    const o = await financingOverview(db, { localityId: locality.localityId });
    return { locality: loc, manager: true, ...o };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireFinancingManager(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await createSource(services(args.context).db, { ...ctx, values: formValues(form) });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/financing#sources`, {
      kind: 'success',
      key: 'financing.source.created',
    });
  });
}

export default function Financing({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money, date } = useI18n();
  const { locality, manager, sources, applications, grants } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  const base = `/app/${locality.slug}/financing`;
  return (
    <>
      <PageHeader
        title={t('financing.title')}
        hasError={Boolean(failed)}
        lead={manager ? t('financing.lead', { locality: locality.name }) : t('financing.leadEnterprise')}
        breadcrumbs={
          <Breadcrumbs
            items={[{ to: `/app/${locality.slug}`, label: locality.name }, { label: t('financing.title') }]}
          />
        }
        actions={
          manager ? (
            <>
              <Link to={`${base}/applications/new`} className="button button--secondary">
                {t('financing.application.add')}
              </Link>
              <Link to={`${base}/grants/new`} className="button button--primary">
                {t('financing.grant.add')}
              </Link>
            </>
          ) : null
        }
      />
      {manager ? (
        <section aria-labelledby="fin-apps">
          <h2 id="fin-apps">{t('financing.applications.title')}</h2>
          {applications.length === 0 ? (
            <p>{t('financing.applications.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--stack">
                <caption>{t('financing.applications.caption', { count: applications.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('financing.application.callName.label')}</th>
                    <th scope="col">{t('financing.application.source.label')}</th>
                    <th scope="col">{t('financing.application.deadline.label')}</th>
                    <th scope="col">{t('financing.application.status.label')}</th>
                    <th scope="col" className="num">
                      {t('financing.application.amount.label')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {applications.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`${base}/applications/${a.id}`}>{a.callName}</Link>
                      </th>
                      <td data-label={t('financing.application.source.label')}>{a.sourceName}</td>
                      <td data-label={t('financing.application.deadline.label')}>{date(a.deadline)}</td>
                      <td data-label={t('financing.application.status.label')}>
                        {t(`financing.application.status.${a.status}` as MessageKey)}
                      </td>
                      <td className="num" data-label={t('financing.application.amount.label')}>
                        {money(Number(a.amountPln))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <section aria-labelledby="fin-grants">
        <h2 id="fin-grants">{t('financing.grants.title')}</h2>
        <GrantsTable grants={grants} base={base} />
      </section>
      {manager ? (
        <section aria-labelledby="sources">
          <h2 id="sources">{t('financing.sources.title')}</h2>
          {sources.length === 0 ? (
            <p>{t('financing.sources.empty')}</p>
          ) : (
            <ul className="stack">
              {sources.map((s) => (
                <li key={s.id}>
                  <strong>{s.name}</strong> — {t(`financing.source.kind.${s.kind}` as MessageKey)}
                  {s.description ? <p className="hint">{s.description}</p> : null}
                  {s.url ? (
                    <p>
                      <a href={s.url} rel="noopener noreferrer">
                        {t('financing.source.link', { name: s.name })}
                      </a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h3 id="source-add">{t('financing.source.add')}</h3>
          <ErrorSummary errors={e} />
          <PostForm className="stack" aria-labelledby="source-add">
            <TextField
              name="name"
              label={t('financing.source.name.label')}
              defaultValue={v.name}
              error={e.name}
              required
            />
            <SelectField
              name="kind"
              label={t('financing.source.kind.label')}
              options={SOURCE_KINDS.map((k) => ({
                value: k,
                label: t(`financing.source.kind.${k}` as MessageKey),
              }))}
              defaultValue={v.kind ?? 'efs_plus'}
              error={e.kind}
              required
            />
            <TextArea
              name="description"
              rows={2}
              label={t('financing.source.description.label')}
              defaultValue={v.description}
              error={e.description}
            />
            <TextField
              name="url"
              type="url"
              label={t('financing.source.url.label')}
              defaultValue={v.url}
              error={e.url}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('financing.source.submit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
