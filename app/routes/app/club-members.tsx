import { Form, Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote, SelectField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { groupLabel, memberName } from '../../features/club/club.labels.ts';
import { isOneOf, missingCertificate, type Outcome } from '../../features/club/club.rules.ts';
import { joinSchema } from '../../features/club/club.schema.ts';
import { targetGroups } from '../../features/club/club-parameters.server.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { UnverifiedNote } from '../../features/club/components/club-bits.tsx';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { MembershipFields } from '../../features/club/components/membership-fields.tsx';
import { PersonFields } from '../../features/club/components/person-fields.tsx';
import {
  candidatePeople,
  listMembers,
  MEMBER_FILTERS,
  type MemberFilter,
} from '../../features/club/members.queries.server.ts';
import { auditMembersRead, joinClub } from '../../features/club/members.server.ts';
import { validatePerson } from '../../features/people/people.server.ts';
import { personFields } from '../../features/people/person.schema.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, run } from '../../lib/request.server.ts';
import type { Route } from './+types/club-members';

const PAGE_SIZE = 50;

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, ctx, club, abilities, locality } = await loadClub(args, 'seeMembers');
    const url = new URL(args.request.url);
    const f = url.searchParams.get('filter');
    const filter: MemberFilter = isOneOf(MEMBER_FILTERS, f) ? f : 'current';
    const personQuery = url.searchParams.get('person')?.slice(0, 100) ?? '';
    const page = parsePage(url, PAGE_SIZE);
    const today = todayInWarsaw();
    const scope = { localityId: locality.localityId, clubId: club.id };
    const [members, candidates, groups] = await Promise.all([
      listMembers(db, { ...scope, filter, offset: page.offset, limit: page.pageSize }),
      candidatePeople(db, { ...scope, query: personQuery }),
      targetGroups(db, today),
    ]);
    await auditMembersRead(db, { ...ctx, clubId: club.id, what: 'members' });
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: { id: club.id, name: club.name },
      filter,
      personQuery,
      members: members.rows.map((m) => ({
        id: m.id,
        givenName: m.givenName,
        familyName: m.familyName,
        erasedAt: m.erasedAt,
        joinedOn: m.joinedOn,
        leftOn: m.leftOn,
        socialContract: m.socialContract,
        atRiskGroup: m.atRiskGroup,
        outcome: m.outcome,
        certificateIssuedOn: m.certificateIssuedOn,
        missingCertificate: missingCertificate(m),
      })),
      page: { page: page.page, pageSize: page.pageSize, total: members.total },
      candidates: candidates.rows,
      moreCandidates: candidates.more,
      groups: groups.groups,
      groupsParameter: { verified: groups.verified, source: groups.source },
      today: dateInputValue(today),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'seeMembers'));
  const form = await args.request.formData();
  const values = formValues(form);
  const parsed = parseForm(form, joinSchema);
  if (!parsed.ok) {
    const errors = { ...parsed.errors };
    if (!values.personId) {
      try {
        validatePerson(personFields(values));
      } catch (e) {
        if (e instanceof AppError) Object.assign(errors, e.fieldErrors);
      }
    }
    return failure(form, errors);
  }
  return handleForm(form, async () => {
    const memberId = await joinClub(db, {
      ...ctx,
      clubId: club.id,
      personId: parsed.data.personId,
      person: parsed.data.personId ? null : personFields(values),
      input: parsed.data,
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `${base}/members/${memberId}`, {
      kind: 'success',
      key: 'club.members.joined',
    });
  });
}

export default function ClubMembers({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, club, abilities, filter, members, page, candidates, moreCandidates, personQuery } =
    loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  const base = `/app/${locality.slug}/club/${club.id}/members`;
  return (
    <>
      <PageHeader
        title={t('club.members.title')}
        hasError={Boolean(failed)}
        lead={t('club.members.lead')}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="members" />}
      />
      <Form method="get" className="filter-bar">
        <label htmlFor="filter">{t('club.members.filter.label')}</label>
        <select id="filter" name="filter" defaultValue={filter} className="input input--medium">
          {(['current', 'left', 'all'] as const).map((x) => (
            <option key={x} value={x}>
              {t(`club.members.filter.${x}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t('common.filter')}
        </button>
      </Form>
      {members.length === 0 ? (
        <p>{t('club.members.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('club.members.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('club.members.name')}</th>
                <th scope="col">{t('club.members.joinedOn.label')}</th>
                <th scope="col">{t('club.members.socialContract.short')}</th>
                <th scope="col">{t('club.members.group.label')}</th>
                <th scope="col">{t('club.members.status')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} className={m.missingCertificate ? 'row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={`${base}/${m.id}`}>{memberName(t, m)}</Link>
                  </th>
                  <td data-label={t('club.members.joinedOn.label')}>{date(m.joinedOn)}</td>
                  <td data-label={t('club.members.socialContract.short')}>
                    {m.socialContract ? t('club.yes') : t('club.no')}
                  </td>
                  <td data-label={t('club.members.group.label')}>{groupLabel(t, m.atRiskGroup)}</td>
                  <td data-label={t('club.members.status')}>
                    {m.leftOn
                      ? t('club.members.leftWith', {
                          date: date(m.leftOn),
                          outcome: t(`club.outcome.${m.outcome as Outcome}`),
                        })
                      : t('club.members.isMember')}
                    {m.certificateIssuedOn ? (
                      <>
                        <br />
                        {t('club.members.certificate.issuedOn', { date: date(m.certificateIssuedOn) })}
                      </>
                    ) : null}
                    {m.missingCertificate ? (
                      <>
                        <br />
                        <strong className="overdue-flag">{t('club.members.certificate.missing')}</strong>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />

      <section aria-labelledby="join" className="section form-page">
        <h2 id="join">{t('club.members.join.title')}</h2>
        <Form method="get" className="search-form" role="search">
          <input type="hidden" name="filter" value={filter} />
          <label htmlFor="person-q">{t('club.members.join.search')}</label>
          <div className="search-form__row">
            <input
              id="person-q"
              name="person"
              type="search"
              defaultValue={personQuery}
              className="input input--medium"
            />
            <button type="submit" className="button button--secondary">
              {t('common.search')}
            </button>
          </div>
        </Form>
        {moreCandidates ? (
          <p className="hint">{t('club.members.join.narrow', { count: candidates.length })}</p>
        ) : null}
        <ErrorSummary errors={e} />
        <PostForm className="stack">
          <RequiredNote />
          <input type="hidden" name="intent" value="join" />
          <SelectField
            name="personId"
            label={t('club.members.join.existing')}
            hint={t('club.members.join.existingHint')}
            emptyLabel={t('club.members.join.newPerson')}
            options={candidates.map((c) => ({ value: c.id, label: `${c.familyName} ${c.givenName}` }))}
            defaultValue={v.personId}
            error={e.personId}
          />
          <fieldset className="field-group">
            <legend>{t('club.members.join.newPersonTitle')}</legend>
            <p className="hint">{t('club.members.join.newPersonHint')}</p>
            <PersonFields values={v} errors={e} />
          </fieldset>
          <fieldset className="field-group">
            <legend>{t('club.members.join.membershipTitle')}</legend>
            <MembershipFields
              values={{ joinedOn: loaderData.today, ...v }}
              errors={e}
              groups={loaderData.groups}
              socialContract={failed ? v.socialContract === 'on' : true}
            />
            <UnverifiedNote parameter={loaderData.groupsParameter} />
          </fieldset>
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('club.members.join.submit')}
            </button>
          </div>
        </PostForm>
      </section>
    </>
  );
}
