import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { MeetingStatusBadge } from '../../features/meetings/components/meeting-status.tsx';
import type { MeetingStatus } from '../../features/meetings/meeting.rules.ts';
import { meetingDate, meetingHours } from '../../features/meetings/meeting-format.ts';
import { partnershipForMeetings } from '../../features/meetings/meeting-route.server.ts';
import { listMeetings, type MeetingsWhen } from '../../features/meetings/meetings.queries.server.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run } from '../../lib/request.server.ts';
import type { Route } from './+types/meetings';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, db, partnership, canManage } = await partnershipForMeetings(args);
    const url = new URL(args.request.url);
    const when: MeetingsWhen = url.searchParams.get('when') === 'past' ? 'past' : 'upcoming';
    const page = parsePage(url);
    const result = await listMeetings(db, {
      localityId: locality.localityId,
      partnershipId: partnership.id,
      when,
      now: new Date(),
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { id: partnership.id, name: partnership.name },
      canManage,
      when,
      counts: { upcoming: result.upcoming, past: result.past },
      rows: result.rows.map((r) => ({
        ...r,
        status: r.status as MeetingStatus,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
      })),
      page: {
        page: page.page,
        pageSize: page.pageSize,
        total: when === 'past' ? result.past : result.upcoming,
      },
    };
  });
}

export default function Meetings({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { locality, partnership, canManage, when, counts, rows, page } = loaderData;
  const partnershipUrl = `/app/${locality.slug}/partnerships/${partnership.id}`;
  const base = `${partnershipUrl}/meetings`;
  const title = t('meetings.list.title');
  return (
    <>
      <PageHeader
        title={title}
        lead={t('meetings.list.lead', { name: partnership.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/partnerships`, label: t('partnerships.list.title') },
              { to: partnershipUrl, label: partnership.name },
              { label: title },
            ]}
          />
        }
        actions={
          canManage ? (
            <Link to={`${base}/new`} className="button button--primary">
              {t('meetings.new.title')}
            </Link>
          ) : undefined
        }
      />
      <nav aria-label={t('meetings.list.tabs')} className="filter-bar">
        <ul className="inline-form plain-list">
          {(['upcoming', 'past'] as const).map((w) => (
            <li key={w}>
              <Link
                to={w === 'past' ? `${base}?when=past` : base}
                aria-current={when === w ? 'page' : undefined}
                className={when === w ? 'button button--primary' : 'button button--secondary'}
              >
                {t(`meetings.list.${w}`, { count: counts[w] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{when === 'past' ? t('meetings.list.noPast') : t('meetings.list.noUpcoming')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption className="visually-hidden">
              {t(`meetings.list.${when}`, { count: counts[when] })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.details.date')}</th>
                <th scope="col">{t('meetings.details.time')}</th>
                <th scope="col">{t('meetings.form.title.label')}</th>
                <th scope="col">{t('meetings.details.place')}</th>
                <th scope="col">{t('meetings.details.status')}</th>
                <th scope="col" className="num">
                  {t('meetings.list.people')}
                </th>
                <th scope="col" className="num">
                  {t('meetings.list.decisions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td data-label={t('meetings.details.date')}>{meetingDate(locale, m.startsAt)}</td>
                  <td data-label={t('meetings.details.time')}>{meetingHours(m.startsAt, m.endsAt)}</td>
                  <th scope="row">
                    <Link to={`${base}/${m.id}`}>{m.title}</Link>
                  </th>
                  <td data-label={t('meetings.details.place')}>{m.place || '—'}</td>
                  <td data-label={t('meetings.details.status')}>
                    <MeetingStatusBadge status={m.status} />
                  </td>
                  <td className="num" data-label={t('meetings.list.people')}>
                    {m.status === 'held'
                      ? t('meetings.list.presentOf', { present: m.present, count: m.invitees })
                      : t('meetings.list.invited', { count: m.invitees })}
                  </td>
                  <td className="num" data-label={t('meetings.list.decisions')}>
                    {m.decisions}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />
    </>
  );
}
