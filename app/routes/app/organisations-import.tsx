import { data, Link } from 'react-router';
import { CsrfInput } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  importOrganisations,
} from '../../features/organisations/import-organisations.server.ts';
import { canManageDirectory } from '../../features/organisations/organisation.policy.ts';
import { AppError } from '../../lib/errors.ts';
import { CATALOGS, type MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import type { ImportError } from '../../lib/tabular/import.ts';
import type { Route } from './+types/organisations-import';

async function guard(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canManageDirectory(r.actor, r.locality))
    throw new AppError('FORBIDDEN', 'organisations.errors.cannotManage');
  return r;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await guard(args);
    const { locale } = i18nOf(args.context);
    return {
      locality: { slug: locality.slug, name: locality.name },
      columns: IMPORT_COLUMNS.map((c) => ({ header: c.label[locale], required: Boolean(c.required) })),
      maxRows: IMPORT_MAX_ROWS,
    };
  });
}

type Failure = { ok: false; errors: ImportError[]; total: number };

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => guard(args));
  const form = await args.request.formData();
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return data<Failure>(
      { ok: false, errors: [{ line: 0, column: '', messageKey: 'organisations.import.noFile' }], total: 1 },
      { status: 400 },
    );
  }
  const outcome = await run(async () =>
    importOrganisations(services(args.context).db, {
      actor,
      locality,
      bytes: new Uint8Array(await file.arrayBuffer()),
      today: todayInWarsaw(),
    }),
  );
  if (!outcome.ok) {
    return data<Failure>(
      { ok: false, errors: outcome.errors.slice(0, 200), total: outcome.errors.length },
      { status: 422 },
    );
  }
  return redirectWithFlash(args.context, `/app/${locality.slug}/organisations`, {
    kind: 'success',
    key: 'organisations.import.done',
    values: { count: outcome.imported },
  });
}

function messageOf(key: string): MessageKey {
  return key in CATALOGS.pl ? (key as MessageKey) : 'common.form.invalid';
}

export default function OrganisationsImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, columns, maxRows } = loaderData;
  const base = `/app/${locality.slug}/organisations`;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="form-page">
      <PageHeader
        title={t('organisations.import.title')}
        hasError={Boolean(failed)}
        lead={t('organisations.import.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('organisations.list.title') },
              { label: t('organisations.import.title') },
            ]}
          />
        }
      />
      {failed ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('organisations.import.failedTitle', { count: failed.total })}</h2>
          <p>{t('organisations.import.failedLead')}</p>
          <div className="table-wrap">
            {/* One card per problem on a phone: the table would scroll sideways out of keyboard reach. */}
            <table className="table table--stack">
              <caption className="visually-hidden">{t('organisations.import.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.import.col.line')}</th>
                  <th scope="col">{t('organisations.import.col.column')}</th>
                  <th scope="col">{t('organisations.import.col.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {failed.errors.map((e) => (
                  <tr key={`${e.line}-${e.column}-${e.messageKey}-${JSON.stringify(e.values ?? {})}`}>
                    <td data-label={t('organisations.import.col.line')}>{e.line > 0 ? e.line : '—'}</td>
                    <td data-label={t('organisations.import.col.column')}>{e.column || '—'}</td>
                    <td>{t(messageOf(e.messageKey), e.values)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {failed.total > failed.errors.length ? (
            <p>{t('organisations.import.more', { count: failed.total - failed.errors.length })}</p>
          ) : null}
        </div>
      ) : null}
      <section className="prose">
        <h2>{t('organisations.import.howTitle')}</h2>
        <ol>
          <li>{t('organisations.import.step1')}</li>
          <li>{t('organisations.import.step2', { maxRows })}</li>
          <li>{t('organisations.import.step3')}</li>
        </ol>
        <p>{t('organisations.import.columns')}</p>
        <ul className="columns-list">
          {columns.map((c) => (
            <li key={c.header}>
              <code>{c.header}</code>{' '}
              {c.required ? <strong>({t('organisations.import.required')})</strong> : null}
            </li>
          ))}
        </ul>
        <p>
          <a href={`${base}/export/csv?template=1`} download>
            {t('organisations.import.template')}
          </a>
        </p>
      </section>
      <form method="post" encType="multipart/form-data" className="stack" noValidate>
        <CsrfInput />
        <div className="field">
          <label htmlFor="f-file">{t('organisations.import.file.label')}</label>
          <p className="hint" id="f-file-hint">
            {t('organisations.import.file.hint')}
          </p>
          <input
            id="f-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="f-file-hint"
            className="input"
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('organisations.import.submit')}
          </button>
          <Link to={base}>{t('organisations.form.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
