import { Link } from 'react-router';
import { PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { SupportCostForm } from '../../features/costs/components/support-cost-form.tsx';
import { canManageCosts } from '../../features/costs/costs.policy.ts';
import { listSupportCosts } from '../../features/costs/costs.queries.server.ts';
import { COST_CATEGORIES, type CostCategory } from '../../features/costs/costs.rules.ts';
import { handleForm, requireCostsReader } from '../../features/costs/costs-route.server.ts';
import { addSupportCost, deleteSupportCost } from '../../features/costs/support-costs.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/in-kind-costs';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireCostsReader(args);
    const db = services(args.context).db;
    const page = parsePage(new URL(args.request.url), 36);
    const list = await listSupportCosts(db, {
      localityId: locality.localityId,
      offset: page.offset,
      limit: page.pageSize,
    });
    const today = todayInWarsaw();
    return {
      locality: { slug: locality.slug, name: locality.name },
      rows: list.rows.map((r) => ({
        ...r,
        category: ((COST_CATEGORIES as readonly string[]).includes(r.category)
          ? r.category
          : 'other') as CostCategory,
      })),
      value: list.value,
      page: { page: page.page, pageSize: page.pageSize, total: list.total },
      canManage: canManageCosts(actor, locality),
      thisMonth: `${today.slice(5, 7)}.${today.slice(0, 4)}`,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireCostsReader(args));
  const db = services(args.context).db;
  const form = await args.request.formData();
  const values = formValues(form);
  const here = `/app/${locality.slug}/in-kind/costs`;
  return handleForm(form, async () => {
    if (values.intent === 'create') {
      await addSupportCost(db, { actor, locality, values });
      return redirectWithFlash(args.context, here, { kind: 'success', key: 'costs.costs.created' });
    }
    if (values.intent === 'delete') {
      await deleteSupportCost(db, { actor, locality, id: values.id ?? '' });
      return redirectWithFlash(args.context, here, { kind: 'success', key: 'costs.costs.deleted' });
    }
    throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
  });
}

export default function SupportCosts({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money } = useI18n();
  const { locality, rows, page, canManage, value } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const inKind = `/app/${locality.slug}/in-kind`;
  const monthLabel = (iso: string) => `${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  return (
    <>
      <PageHeader
        title={t('costs.costs.title')}
        lead={t('costs.costs.lead')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: inKind, label: t('partnerships.inKind.title') },
              { label: t('costs.costs.title') },
            ]}
          />
        }
      />
      <p>
        <Link to={`${inKind}/report`}>{t('costs.report.title')}</Link>
      </p>
      {rows.length === 0 ? (
        <p>{t('costs.costs.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('costs.costs.caption', { count: page.total, value: money(value) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('costs.costs.month.label')}</th>
                <th scope="col">{t('costs.costs.category.label')}</th>
                <th scope="col">{t('costs.costs.description.label')}</th>
                <th scope="col" className="num">
                  {t('costs.costs.amount.label')}
                </th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('costs.common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('costs.costs.month.label')}>{monthLabel(r.month)}</td>
                  <td data-label={t('costs.costs.category.label')}>
                    {t(`costs.costs.category.${r.category}`)}
                  </td>
                  <td data-label={t('costs.costs.description.label')}>{r.description || '—'}</td>
                  <td className="num" data-label={t('costs.costs.amount.label')}>
                    {money(r.amountPln)}
                  </td>
                  {canManage ? (
                    <td>
                      <PostForm>
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" className="button button--danger button--small">
                          {t('costs.common.delete')}
                          <span className="visually-hidden">
                            {' '}
                            {t('costs.costs.rowLabel', {
                              month: monthLabel(r.month),
                              category: t(`costs.costs.category.${r.category}`),
                            })}
                          </span>
                        </button>
                      </PostForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />
      {canManage ? (
        <SupportCostForm
          values={failed?.intent === 'create' ? failed.values : { month: loaderData.thisMonth }}
          errors={failed?.intent === 'create' ? failed.errors : {}}
        />
      ) : null}
    </>
  );
}
