import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { ErasureDecision } from '../../features/data-protection/components/erasure-decision.tsx';
import { canManageDataProtection } from '../../features/data-protection/data-protection.policy.ts';
import {
  pendingErasureRequests,
  recentExports,
} from '../../features/data-protection/data-protection.queries.server.ts';
import { eraseSchema, refuseSchema } from '../../features/data-protection/data-protection.schema.ts';
import { erasePerson, refuseErasure } from '../../features/data-protection/erasure.server.ts';
import { participantsPastRetention } from '../../features/data-protection/retention.queries.server.ts';
import { failure, handleForm } from '../../features/participants/participant-route.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, requireActor, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/data-protection';

async function coordinator(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canManageDataProtection(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

/** Five SQL statements: pending requests, the retention parameter, a page of records past it and their count, recent exports. */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await coordinator(args);
    const { db } = services(args.context);
    const page = parsePage(new URL(args.request.url), 20);
    const today = todayInWarsaw();
    const [requests, past, exports] = await Promise.all([
      pendingErasureRequests(db, { localityId: locality.localityId }),
      participantsPastRetention(db, {
        localityId: locality.localityId,
        today,
        limit: page.pageSize,
        offset: page.offset,
      }),
      recentExports(db, { localityId: locality.localityId }),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      requests,
      past: { rows: past.rows, years: past.years, source: past.source, verified: past.verified },
      exports,
      page: { page: page.page, pageSize: page.pageSize, total: past.total },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => coordinator(args));
  const { db } = services(args.context);
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const url = new URL(args.request.url);
  const back = url.pathname + url.search;
  return handleForm(form, async () => {
    if (intent === 'erase') {
      const parsed = parseForm(form, eraseSchema);
      if (!parsed.ok) return failure(form, parsed.errors);
      await erasePerson(db, {
        actor,
        locality,
        personId: String(form.get('personId') ?? ''),
        requestId: parsed.data.requestId || null,
        note: parsed.data.note,
      });
      return redirectWithFlash(args.context, back, { kind: 'success', key: 'participants.dp.erasure.done' });
    }
    if (intent === 'refuse') {
      const parsed = parseForm(form, refuseSchema);
      if (!parsed.ok) return failure(form, parsed.errors);
      await refuseErasure(db, {
        actor,
        locality,
        requestId: parsed.data.requestId,
        reason: parsed.data.reason,
      });
      return redirectWithFlash(args.context, back, {
        kind: 'success',
        key: 'participants.dp.page.refuse.flash',
      });
    }
    throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
  });
}

export default function DataProtection({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateTime } = useI18n();
  const { locality, requests, past, exports, page } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  // The form that failed: the same intent for the same request, or for the same person
  // when no request was named (the rows of records past retention).
  const failedFor = (intent: string, key: string, by: 'request' | 'person') =>
    failed &&
    failed.intent === intent &&
    (by === 'request'
      ? failed.values.requestId === key
      : !failed.values.requestId && failed.values.personId === key)
      ? failed
      : null;
  const name = (p: { givenName: string; familyName: string }) =>
    `${p.familyName} ${p.givenName}`.trim() || t('participants.dp.page.erasedPerson');
  const personLink = (id: string, p: { givenName: string; familyName: string }) => (
    <Link to={`/app/${locality.slug}/participants/${id}`}>{name(p)}</Link>
  );
  const unmatched =
    failed &&
    !requests.some((r) => failedFor(failed.intent, r.id, 'request')) &&
    !past.rows.some((r) => failedFor(failed.intent, r.personId, 'person'));
  return (
    <>
      <PageHeader
        title={t('participants.dp.page.title')}
        hasError={Boolean(failed)}
        lead={t('participants.dp.page.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('participants.dp.page.title') },
            ]}
          />
        }
      />
      {unmatched ? <ErrorSummary errors={failed.errors} /> : null}
      <p>
        {t('participants.dp.page.retentionRule', {
          years: t('participants.dp.retention.years', { count: past.years }),
          source: past.source,
        })}
        {past.verified ? null : ` ${t('participants.dp.retention.unverified')}`}
      </p>

      <section aria-labelledby="dp-requests" className="section">
        <h2 id="dp-requests">{t('participants.dp.page.requests.title')}</h2>
        {requests.length === 0 ? (
          <p>{t('participants.dp.page.requests.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption>{t('participants.dp.page.requests.caption', { count: requests.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participants.dp.page.requests.person')}</th>
                  <th scope="col">{t('participants.dp.page.requests.requestedAt')}</th>
                  <th scope="col">{t('participants.dp.page.requests.by')}</th>
                  <th scope="col">{t('participants.dp.page.requests.decide')}</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => {
                  return (
                    <tr key={r.id}>
                      <th scope="row">{personLink(r.personId, r)}</th>
                      <td data-label={t('participants.dp.page.requests.requestedAt')}>
                        {dateTime(r.requestedAt)}
                      </td>
                      <td data-label={t('participants.dp.page.requests.by')}>
                        {r.bySelf ? t('participants.dp.page.requests.bySelf') : (r.requestedByName ?? '—')}
                      </td>
                      <td data-label={t('participants.dp.page.requests.decide')}>
                        <ErasureDecision
                          name={name(r)}
                          personId={r.personId}
                          requestId={r.id}
                          hasOpenPlan={r.hasOpenPlan}
                          eraseFailed={failedFor('erase', r.id, 'request')}
                          refuseFailed={failedFor('refuse', r.id, 'request')}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="dp-retention" className="section">
        <h2 id="dp-retention">{t('participants.dp.page.retention.title')}</h2>
        <p className="hint">{t('participants.dp.page.retention.lead')}</p>
        {past.rows.length === 0 ? (
          <p>{t('participants.dp.page.retention.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption>{t('participants.dp.page.retention.caption', { count: page.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participants.dp.page.requests.person')}</th>
                  <th scope="col">{t('participants.dp.page.retention.closedOn')}</th>
                  <th scope="col">{t('participants.dp.page.retention.endedOn')}</th>
                  <th scope="col">{t('participants.dp.page.requests.decide')}</th>
                </tr>
              </thead>
              <tbody>
                {past.rows.map((r) => {
                  return (
                    <tr key={r.personId}>
                      <th scope="row">{personLink(r.personId, r)}</th>
                      <td data-label={t('participants.dp.page.retention.closedOn')}>{date(r.closedOn)}</td>
                      <td data-label={t('participants.dp.page.retention.endedOn')}>
                        {date(r.retentionEndedOn)}
                      </td>
                      <td data-label={t('participants.dp.page.requests.decide')}>
                        <ErasureDecision
                          name={name(r)}
                          personId={r.personId}
                          hasOpenPlan={r.hasOpenPlan}
                          eraseFailed={failedFor('erase', r.personId, 'person')}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination info={page} />
      </section>

      <section aria-labelledby="dp-exports" className="section">
        <h2 id="dp-exports">{t('participants.dp.page.exports.title')}</h2>
        {exports.length === 0 ? (
          <p>{t('participants.dp.page.exports.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption>{t('participants.dp.page.exports.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participants.dp.page.exports.when')}</th>
                  <th scope="col">{t('participants.dp.page.exports.who')}</th>
                  <th scope="col">{t('participants.dp.page.exports.whom')}</th>
                  <th scope="col">{t('participants.dp.page.exports.format')}</th>
                </tr>
              </thead>
              <tbody>
                {exports.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{dateTime(e.at)}</th>
                    <td data-label={t('participants.dp.page.exports.who')}>
                      {e.bySelf ? t('participants.dp.page.exports.self') : (e.staffName ?? '—')}
                    </td>
                    <td data-label={t('participants.dp.page.exports.whom')}>
                      {e.personId && !e.erasedAt
                        ? personLink(e.personId, {
                            givenName: e.givenName ?? '',
                            familyName: e.familyName ?? '',
                          })
                        : t('participants.dp.page.erasedPerson')}
                    </td>
                    <td data-label={t('participants.dp.page.exports.format')}>{e.format.toUpperCase()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
