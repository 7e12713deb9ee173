import { Form, Link } from 'react-router';
import { PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import {
  kindLabel,
  scheduleText,
  statusLabel,
  validityText,
} from '../../features/education/groups/components/labels.tsx';
import { listGroups } from '../../features/education/groups/groups.queries.server.ts';
import { GROUP_KINDS, GROUP_STATUSES } from '../../features/education/groups/groups.schema.ts';
import { createCalendarFeed, revokeCalendarFeeds } from '../../features/education/groups/groups.server.ts';
import { handleForm, requireGroupsReader } from '../../features/education/groups/groups-route.server.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/education-groups';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const c = await requireGroupsReader(args);
    const url = new URL(args.request.url);
    const kindRaw = url.searchParams.get('kind') ?? '';
    const statusRaw = url.searchParams.get('status') ?? '';
    const kind = (GROUP_KINDS as readonly string[]).includes(kindRaw) ? kindRaw : '';
    const status = (GROUP_STATUSES as readonly string[]).includes(statusRaw) ? statusRaw : '';
    const page = parsePage(url, 30);
    const r = await listGroups(c.db, c, { kind, status, page });
    return {
      locality: { slug: c.locality.slug, name: c.locality.name },
      staff: c.staff,
      leader: c.locality.roles.includes('leader'),
      filter: { kind, status },
      rows: r.rows,
      page: { page: page.page, pageSize: page.pageSize, total: r.total },
    };
  });
}

/** "Subscribe to my calendar": a new secret feed URL for the signed-in person, shown once. */
export async function action(args: Route.ActionArgs) {
  const c = await run(() => requireGroupsReader(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    if (form.get('intent') === 'revokeFeed') {
      const count = await revokeCalendarFeeds(c.db, c);
      return { ok: true as const, revoked: count };
    }
    const token = await createCalendarFeed(c.db, c);
    return {
      ok: true as const,
      feedUrl: `${baseUrl(args.request, services(args.context).config)}/ics/${token}.ics`,
    };
  });
}

export default function EducationGroups({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, number } = useI18n();
  const { locality, rows, page, filter, staff, leader } = loaderData;
  const base = `/app/${locality.slug}/education/groups`;
  const feedUrl = actionData && 'feedUrl' in actionData ? actionData.feedUrl : null;
  const revoked = actionData && 'revoked' in actionData ? (actionData.revoked ?? 0) : null;
  const feedError = actionData && !actionData.ok ? actionData.errors._form : null;
  return (
    <>
      <PageHeader
        title={t('education.groups.list.title')}
        lead={staff ? t('education.groups.list.lead') : t('education.groups.list.leadLeader')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('education.groups.list.title') },
            ]}
          />
        }
        actions={
          staff ? (
            <Link to={`${base}/new`} className="button button--primary">
              {t('education.groups.list.add')}
            </Link>
          ) : null
        }
      />
      {leader ? (
        <section className="notice groups-feed" aria-labelledby="feed-title">
          <h2 id="feed-title">{t('education.groups.feed.title')}</h2>
          {revoked !== null ? (
            <p role="status">
              {t(revoked > 0 ? 'education.groups.feed.revoked' : 'education.groups.feed.noneActive')}
            </p>
          ) : null}
          {feedUrl ? (
            <>
              <p role="status">{t('education.groups.feed.created')}</p>
              <p>
                <code className="groups-feed__url">{feedUrl}</code>
              </p>
            </>
          ) : (
            <p>{t('education.groups.feed.lead')}</p>
          )}
          {feedError ? (
            <p className="field-error" role="alert">
              {t(typeof feedError === 'string' ? feedError : feedError.key)}
            </p>
          ) : null}
          <div className="actions">
            <PostForm>
              <button type="submit" className="button button--secondary">
                {t('education.groups.feed.subscribe')}
              </button>
            </PostForm>
            <PostForm>
              <input type="hidden" name="intent" value="revokeFeed" />
              <button type="submit" className="button button--secondary">
                {t('education.groups.feed.revoke')}
              </button>
            </PostForm>
          </div>
        </section>
      ) : null}
      <Form method="get" className="filter-bar" role="search">
        <div className="filter-bar__field">
          <label htmlFor="eg-kind">{t('education.groups.field.kind')}</label>
          <select id="eg-kind" name="kind" defaultValue={filter.kind} className="input input--medium">
            <option value="">{t('education.groups.list.any')}</option>
            {GROUP_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(t, k)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor="eg-status">{t('education.groups.field.status')}</label>
          <select id="eg-status" name="status" defaultValue={filter.status} className="input input--short">
            <option value="">{t('education.groups.list.any')}</option>
            {GROUP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('education.groups.list.filter')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>
          {filter.kind || filter.status
            ? t('education.groups.list.noResults')
            : t('education.groups.list.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('education.groups.list.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('education.groups.field.name')}</th>
                <th scope="col">{t('education.groups.field.kind')}</th>
                <th scope="col">{t('education.groups.facilitators')}</th>
                <th scope="col">{t('education.groups.field.dates')}</th>
                <th scope="col">{t('education.groups.field.schedule')}</th>
                <th scope="col">{t('education.groups.field.status')}</th>
                <th scope="col">{t('education.groups.validity.title')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`${base}/${g.id}`}>{g.name}</Link>
                  </th>
                  <td data-label={t('education.groups.field.kind')}>{kindLabel(t, g.kind)}</td>
                  <td data-label={t('education.groups.facilitators')}>{g.facilitators.join(', ') || '—'}</td>
                  <td data-label={t('education.groups.field.dates')}>
                    {date(g.startsOn)} – {g.endsOn ? date(g.endsOn) : '…'}
                  </td>
                  <td data-label={t('education.groups.field.schedule')}>{scheduleText(t, g)}</td>
                  <td data-label={t('education.groups.field.status')}>{statusLabel(t, g.status)}</td>
                  <td data-label={t('education.groups.validity.title')}>
                    {g.validity.valid ? (
                      <span className="badge badge--done">{t('education.groups.validity.badgeOk')}</span>
                    ) : (
                      <span className="badge badge--in_progress" title={validityText(t, g.validity, number)}>
                        {t('education.groups.validity.badgeShort')}
                      </span>
                    )}
                    {g.validity.valid ? null : (
                      <span className="visually-hidden"> {validityText(t, g.validity, number)}</span>
                    )}
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
