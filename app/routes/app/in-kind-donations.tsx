import { Link } from 'react-router';
import { PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { DonationForm } from '../../features/costs/components/donation-form.tsx';
import { canManageCosts } from '../../features/costs/costs.policy.ts';
import { donorOptions, listDonations } from '../../features/costs/costs.queries.server.ts';
import { handleForm, requireCostsReader } from '../../features/costs/costs-route.server.ts';
import { deleteDonation, recordDonation } from '../../features/costs/donations.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/in-kind-donations';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireCostsReader(args);
    const db = services(args.context).db;
    const page = parsePage(new URL(args.request.url));
    const canManage = canManageCosts(actor, locality);
    const [list, donors] = await Promise.all([
      listDonations(db, { localityId: locality.localityId, offset: page.offset, limit: page.pageSize }),
      canManage ? donorOptions(db, { localityId: locality.localityId }) : Promise.resolve([]),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      rows: list.rows.map((r) => ({
        ...r,
        kind: r.kind === 'goods' ? ('goods' as const) : ('money' as const),
      })),
      value: list.value,
      page: { page: page.page, pageSize: page.pageSize, total: list.total },
      donors,
      canManage,
      today: dateInputValue(todayInWarsaw()),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireCostsReader(args));
  const db = services(args.context).db;
  const form = await args.request.formData();
  const values = formValues(form);
  const here = `/app/${locality.slug}/in-kind/donations`;
  return handleForm(form, async () => {
    if (values.intent === 'create') {
      await recordDonation(db, { actor, locality, values });
      return redirectWithFlash(args.context, here, { kind: 'success', key: 'costs.donations.created' });
    }
    if (values.intent === 'delete') {
      await deleteDonation(db, { actor, locality, id: values.id ?? '' });
      return redirectWithFlash(args.context, here, { kind: 'success', key: 'costs.donations.deleted' });
    }
    throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
  });
}

export default function Donations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money, date } = useI18n();
  const { locality, rows, page, donors, canManage, value } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const inKind = `/app/${locality.slug}/in-kind`;
  return (
    <>
      <PageHeader
        title={t('costs.donations.title')}
        lead={t('costs.donations.lead')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: inKind, label: t('partnerships.inKind.title') },
              { label: t('costs.donations.title') },
            ]}
          />
        }
      />
      <p>
        <Link to={`${inKind}/report`}>{t('costs.report.title')}</Link>
      </p>
      {rows.length === 0 ? (
        <p>{t('costs.donations.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('costs.donations.caption', { count: page.total, value: money(value) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('costs.donations.receivedOn.label')}</th>
                <th scope="col">{t('costs.donations.kind.label')}</th>
                <th scope="col">{t('costs.donations.donor.column')}</th>
                <th scope="col">{t('costs.donations.description.label')}</th>
                <th scope="col" className="num">
                  {t('costs.donations.value.column')}
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
                  <td data-label={t('costs.donations.receivedOn.label')}>{date(r.receivedOn)}</td>
                  <td data-label={t('costs.donations.kind.label')}>{t(`costs.donations.kind.${r.kind}`)}</td>
                  <td data-label={t('costs.donations.donor.column')}>
                    {r.organisationName ?? (r.donorName || '—')}
                  </td>
                  <td data-label={t('costs.donations.description.label')}>{r.description}</td>
                  <td className="num" data-label={t('costs.donations.value.column')}>
                    {money(r.valuePln)}
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
                            {t('costs.donations.rowLabel', { date: date(r.receivedOn), what: r.description })}
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
        <DonationForm
          values={failed?.intent === 'create' ? failed.values : { receivedOn: loaderData.today }}
          errors={failed?.intent === 'create' ? failed.errors : {}}
          donors={donors}
        />
      ) : null}
    </>
  );
}
