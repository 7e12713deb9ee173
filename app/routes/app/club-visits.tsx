import { useLocation } from 'react-router';
import {
  CsrfInput,
  DateField,
  ErrorSummary,
  PostForm,
  SelectField,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { memberName } from '../../features/club/club.labels.ts';
import { visitSchema } from '../../features/club/club.schema.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { listVisits, memberOptions } from '../../features/club/members.queries.server.ts';
import { auditMembersRead } from '../../features/club/members.server.ts';
import { addVisit, removeVisit } from '../../features/club/visits-grants.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/club-visits';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, ctx, club, abilities, locality } = await loadClub(args, 'manage');
    const page = parsePage(new URL(args.request.url), 30);
    const today = todayInWarsaw();
    const scope = { localityId: locality.localityId, clubId: club.id };
    const [visits, members] = await Promise.all([
      listVisits(db, { ...scope, offset: page.offset, limit: page.pageSize, month: today.slice(0, 7) }),
      abilities.seeMembers ? memberOptions(db, scope) : Promise.resolve([]),
    ]);
    if (abilities.seeMembers) await auditMembersRead(db, { ...ctx, clubId: club.id, what: 'visits' });
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: { id: club.id, name: club.name },
      visits: visits.rows.map((v) => ({
        id: v.id,
        visitedOn: v.visitedOn,
        visitors: v.visitors,
        purpose: v.purpose,
        isMember: Boolean(v.memberId),
        // Names only for those who may read members' personal data.
        givenName: abilities.seeMembers ? (v.givenName ?? '') : '',
        familyName: abilities.seeMembers ? (v.familyName ?? '') : '',
        erasedAt: v.erasedAt,
      })),
      month: visits.month,
      members,
      page: { page: page.page, pageSize: page.pageSize, total: visits.total },
      today: dateInputValue(today),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'manage'));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  return handleForm(form, async () => {
    if (intent === 'add') {
      const p = parseForm(form, visitSchema);
      if (!p.ok) return failure(form, p.errors);
      await addVisit(db, { ...ctx, clubId: club.id, input: p.data, today: todayInWarsaw() });
      return redirectWithFlash(args.context, `${base}/visits`, { kind: 'success', key: 'club.visits.added' });
    }
    if (intent === 'remove') {
      await removeVisit(db, { ...ctx, clubId: club.id, visitId: String(form.get('visitId') ?? '') });
      return redirectWithFlash(args.context, `${base}/visits`, {
        kind: 'success',
        key: 'club.visits.removed',
      });
    }
    throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
  });
}

export default function ClubVisits({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  // Each navigation (a saved visit) gives the form fresh fields.
  const { key: navigation } = useLocation();
  const { locality, club, abilities, visits, month, members, page, today } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = failed?.intent === 'add' ? failed : null;
  return (
    <>
      <PageHeader
        title={t('club.visits.title')}
        hasError={Boolean(failed)}
        lead={t('club.visits.lead')}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="visits" />}
      />
      <p className="figure">
        {t('club.visits.thisMonth', { memberVisits: month.memberVisits, otherVisitors: month.otherVisitors })}
      </p>
      <section aria-labelledby="add" className="section form-page">
        <h2 id="add">{t('club.visits.add')}</h2>
        <ErrorSummary errors={f?.errors} />
        <PostForm key={`add-${navigation}`} className="stack">
          <input type="hidden" name="intent" value="add" />
          <DateField
            name="visitedOn"
            label={t('club.visits.date.label')}
            defaultValue={f?.values.visitedOn ?? today}
            error={f?.errors.visitedOn}
          />
          {abilities.seeMembers ? (
            <SelectField
              name="memberId"
              label={t('club.visits.member.label')}
              hint={t('club.visits.member.hint')}
              emptyLabel={t('club.visits.member.none')}
              options={members.map((m) => ({ value: m.id, label: `${m.familyName} ${m.givenName}` }))}
              defaultValue={f?.values.memberId}
              error={f?.errors.memberId}
            />
          ) : null}
          <TextField
            name="visitors"
            width="short"
            inputMode="numeric"
            label={t('club.visits.visitors.label')}
            hint={t('club.visits.visitors.hint')}
            defaultValue={f?.values.visitors}
            error={f?.errors.visitors}
          />
          <TextField
            name="purpose"
            label={t('club.visits.purpose.label')}
            hint={t('club.visits.purpose.hint')}
            defaultValue={f?.values.purpose}
            error={f?.errors.purpose}
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('club.visits.submit')}
            </button>
          </div>
        </PostForm>
      </section>
      {visits.length === 0 ? (
        <p>{t('club.visits.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('club.visits.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('club.visits.date.label')}</th>
                <th scope="col">{t('club.visits.who')}</th>
                <th scope="col">{t('club.visits.purpose.column')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('club.table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{date(v.visitedOn)}</th>
                  <td data-label={t('club.visits.who')}>
                    {v.isMember
                      ? abilities.seeMembers
                        ? memberName(t, v)
                        : t('club.visits.aMember')
                      : t('club.visits.otherVisitors', { count: v.visitors })}
                  </td>
                  <td data-label={t('club.visits.purpose.column')}>{v.purpose || '—'}</td>
                  <td>
                    <form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="visitId" value={v.id} />
                      <button type="submit" className="button button--danger button--small">
                        {t('club.visits.remove')}
                        <span className="visually-hidden">: {date(v.visitedOn)}</span>
                      </button>
                    </form>
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
