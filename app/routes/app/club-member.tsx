import { useLocation } from 'react-router';
import { ErrorSummary, PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { groupLabel, memberName } from '../../features/club/club.labels.ts';
import { missingCertificate, type Outcome } from '../../features/club/club.rules.ts';
import { certificateSchema, leaveSchema, membershipSchema } from '../../features/club/club.schema.ts';
import { targetGroups } from '../../features/club/club-parameters.server.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { CertificateForm, EraseForm, LeaveForm } from '../../features/club/components/member-forms.tsx';
import { MembershipFields } from '../../features/club/components/membership-fields.tsx';
import { PersonFields } from '../../features/club/components/person-fields.tsx';
import { getMember } from '../../features/club/members.queries.server.ts';
import {
  auditMembersRead,
  issueCertificate,
  leaveClub,
  updateMembership,
} from '../../features/club/members.server.ts';
import { canErasePeople } from '../../features/people/people.policy.ts';
import { erasePerson, updatePerson } from '../../features/people/people.server.ts';
import { personFields } from '../../features/people/person.schema.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues, parseForm } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/club-member';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, ctx, club, abilities, locality } = await loadClub(args, 'seeMembers');
    const today = todayInWarsaw();
    const [m, groups] = await Promise.all([
      getMember(db, { localityId: locality.localityId, clubId: club.id, memberId: args.params.memberId }),
      targetGroups(db, today),
    ]);
    if (!m) throw new AppError('NOT_FOUND', 'errors.404.body');
    await auditMembersRead(db, { ...ctx, clubId: club.id, what: 'member', entityId: m.id });
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      canErase: canErasePeople(ctx.actor, ctx.locality),
      club: { id: club.id, name: club.name },
      member: { ...m, missingCertificate: missingCertificate(m) },
      groups: groups.groups,
      today: dateInputValue(today),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'seeMembers'));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const memberId = args.params.memberId;
  const today = todayInWarsaw();
  const m = await run(async () => {
    const row = await getMember(db, { localityId: ctx.locality.localityId, clubId: club.id, memberId });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    return row;
  });
  const here = `${base}/members/${m.id}`;
  const done = (key: MessageKey, to = here) => redirectWithFlash(args.context, to, { kind: 'success', key });
  return handleForm(form, async () => {
    switch (intent) {
      case 'membership': {
        const p = parseForm(form, membershipSchema);
        if (!p.ok) return failure(form, p.errors);
        await updateMembership(db, { ...ctx, clubId: club.id, memberId: m.id, input: p.data, today });
        return done('club.members.saved');
      }
      case 'person':
        await updatePerson(db, { ...ctx, id: m.personId, input: personFields(formValues(form)) });
        return done('club.people.saved');
      case 'leave': {
        const p = parseForm(form, leaveSchema);
        if (!p.ok) return failure(form, p.errors);
        await leaveClub(db, { ...ctx, clubId: club.id, memberId: m.id, input: p.data, today });
        return done('club.members.leftSaved');
      }
      case 'certificate': {
        const p = parseForm(form, certificateSchema);
        if (!p.ok) return failure(form, p.errors);
        await issueCertificate(db, {
          ...ctx,
          clubId: club.id,
          memberId: m.id,
          issuedOn: p.data.certificateIssuedOn,
          today,
        });
        return done('club.members.certificate.saved');
      }
      case 'erase':
        if (form.get('confirm') !== 'yes')
          return failure(form, { confirm: 'club.people.erase.confirmRequired' });
        await erasePerson(db, { ...ctx, id: m.personId });
        return done('club.people.erased');
      default:
        throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
    }
  });
}

export default function ClubMember({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  // Each navigation (a saved form) closes the folded forms and gives them fresh fields.
  const { key: navigation } = useLocation();
  const { locality, club, abilities, member: m, groups, today, canErase } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  const name = memberName(t, m);
  return (
    <>
      <PageHeader
        title={name}
        hasError={Boolean(failed)}
        breadcrumbs={
          <ClubNav
            locality={locality}
            club={club}
            abilities={abilities}
            current="members"
            trail={[{ label: name }]}
          />
        }
      />
      {m.missingCertificate ? (
        <div className="warning-box" role="status">
          <p>{t('club.members.certificate.missingExplained')}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t('club.members.joinedOn.label')}</dt>
          <dd>{date(m.joinedOn)}</dd>
        </div>
        <div>
          <dt>{t('club.members.socialContract.short')}</dt>
          <dd>{m.socialContract ? t('club.yes') : t('club.no')}</dd>
        </div>
        <div>
          <dt>{t('club.members.group.label')}</dt>
          <dd>{groupLabel(t, m.atRiskGroup)}</dd>
        </div>
        <div>
          <dt>{t('club.members.status')}</dt>
          <dd>
            {m.leftOn
              ? t('club.members.leftWith', {
                  date: date(m.leftOn),
                  outcome: t(`club.outcome.${m.outcome as Outcome}`),
                })
              : t('club.members.isMember')}
          </dd>
        </div>
        {m.leftOn ? (
          <div>
            <dt>{t('club.members.certificate.label')}</dt>
            <dd>
              {m.certificateIssuedOn ? date(m.certificateIssuedOn) : t('club.members.certificate.none')}
            </dd>
          </div>
        ) : null}
        {!m.erasedAt ? (
          <>
            <div>
              <dt>{t('club.people.email.label')}</dt>
              <dd>{m.email || '—'}</dd>
            </div>
            <div>
              <dt>{t('club.people.phone.label')}</dt>
              <dd>{m.phone || '—'}</dd>
            </div>
            <div>
              <dt>{t('club.people.basis.label')}</dt>
              <dd>
                {t(`club.people.basis.${m.legalBasis as 'consent'}`)}
                {m.basisNote ? ` (${m.basisNote})` : ''}
              </dd>
            </div>
          </>
        ) : null}
      </dl>

      {!m.leftOn ? (
        <LeaveForm failed={failed} today={today} />
      ) : !m.certificateIssuedOn ? (
        <CertificateForm failed={failed} today={today} open={m.missingCertificate} />
      ) : null}

      <details key={`membership-${navigation}`} className="panel-details" open={Boolean(f('membership'))}>
        <summary>{t('club.members.edit')}</summary>
        <ErrorSummary errors={f('membership')?.errors} />
        <PostForm className="stack">
          <input type="hidden" name="intent" value="membership" />
          <MembershipFields
            values={
              f('membership')?.values ?? { joinedOn: dateInputValue(m.joinedOn), atRiskGroup: m.atRiskGroup }
            }
            errors={f('membership')?.errors ?? {}}
            groups={groups}
            socialContract={
              f('membership') ? f('membership')?.values.socialContract === 'on' : m.socialContract
            }
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('club.members.saveMembership')}
            </button>
          </div>
        </PostForm>
      </details>

      {!m.erasedAt ? (
        <details key={`person-${navigation}`} className="panel-details" open={Boolean(f('person'))}>
          <summary>{t('club.people.edit')}</summary>
          <ErrorSummary errors={f('person')?.errors} />
          <PostForm className="stack">
            <input type="hidden" name="intent" value="person" />
            <PersonFields
              values={
                f('person')?.values ?? {
                  givenName: m.givenName,
                  familyName: m.familyName,
                  email: m.email,
                  phone: m.phone,
                  legalBasis: m.legalBasis,
                  basisNote: m.basisNote,
                }
              }
              errors={f('person')?.errors ?? {}}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('club.people.save')}
              </button>
            </div>
          </PostForm>
        </details>
      ) : (
        <p className="notice">{t('club.people.erasedNote')}</p>
      )}

      {canErase && !m.erasedAt ? <EraseForm failed={failed} name={name} /> : null}
    </>
  );
}
