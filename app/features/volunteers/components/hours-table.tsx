import { Link } from 'react-router';
import { PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { Pagination } from '../../../components/ui/pagination.tsx';
import type { PageInfo } from '../../../lib/pagination.ts';

type Row = {
  id: string;
  workedOn: string;
  hours: number;
  activity: string;
  organisationName: string | null;
  ratePln: number;
  valuePln: number;
};

/** A volunteer's hours with the rate fixed on each row and its value, plus correct / remove per row. */
export function HoursTable({
  rows,
  totals,
  page,
  pageUrl,
}: {
  rows: Row[];
  totals: { hours: number; value: number };
  page: PageInfo;
  pageUrl: string;
}) {
  const { t, date, money, number } = useI18n();
  if (rows.length === 0) return <p>{t('volunteers.hours.none')}</p>;
  const h = (n: number) => t('volunteers.hoursShort', { hours: number(n) });
  return (
    <>
      <div className="table-wrap">
        <table className="table table--stack table--stack-plain">
          <caption>{t('volunteers.hours.caption', { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('volunteers.hours.workedOn.label')}</th>
              <th scope="col">{t('volunteers.hours.activity.label')}</th>
              <th scope="col">{t('volunteers.form.organisation.label')}</th>
              <th scope="col" className="num">
                {t('volunteers.hours.hours.label')}
              </th>
              <th scope="col" className="num">
                {t('volunteers.hours.rate')}
              </th>
              <th scope="col" className="num">
                {t('volunteers.hours.value')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('volunteers.hours.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{date(r.workedOn)}</th>
                <td data-label={t('volunteers.hours.activity.label')}>{r.activity}</td>
                <td data-label={t('volunteers.form.organisation.label')}>{r.organisationName ?? '—'}</td>
                <td className="num" data-label={t('volunteers.hours.hours.label')}>
                  {h(r.hours)}
                </td>
                <td className="num" data-label={t('volunteers.hours.rate')}>
                  {money(r.ratePln)}
                </td>
                <td className="num" data-label={t('volunteers.hours.value')}>
                  {money(r.valuePln)}
                </td>
                <td data-label={t('volunteers.hours.actions')}>
                  <div className="inline-form">
                    <Link to={`${pageUrl}?edit=${r.id}#hours-form`}>
                      {t('volunteers.hours.edit')}
                      <span className="visually-hidden">
                        {' '}
                        {t('volunteers.hours.rowLabel', { date: date(r.workedOn), activity: r.activity })}
                      </span>
                    </Link>
                    <PostForm>
                      <input type="hidden" name="intent" value="deleteHours" />
                      <input type="hidden" name="hoursId" value={r.id} />
                      <button type="submit" className="button button--danger button--small">
                        {t('volunteers.hours.delete')}
                        <span className="visually-hidden">
                          {' '}
                          {t('volunteers.hours.rowLabel', { date: date(r.workedOn), activity: r.activity })}
                        </span>
                      </button>
                    </PostForm>
                  </div>
                </td>
              </tr>
            ))}
            <tr className="row--total">
              <th scope="row" colSpan={3}>
                {t('volunteers.hours.total')}
              </th>
              <td className="num" data-label={t('volunteers.hours.hours.label')}>
                <strong>{h(totals.hours)}</strong>
              </td>
              <td />
              <td className="num" data-label={t('volunteers.hours.value')}>
                <strong>{money(totals.value)}</strong>
              </td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <Pagination info={page} />
    </>
  );
}
