import { Link } from 'react-router';
import { DateField, ErrorSummary, PostForm, TextArea } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { canRecordAdvice } from '../../features/advice/advice.policy.ts';
import { AdviceSection } from '../../features/advice/components/advice-section.tsx';
import {
  canReadConfidentialAdvice,
  loadAdviceForParticipant,
} from '../../features/advice/participant-advice.server.ts';
import { DataProtectionSection } from '../../features/data-protection/components/data-protection-section.tsx';
import { canManageDataProtection } from '../../features/data-protection/data-protection.policy.ts';
import { handleDataProtectionIntent } from '../../features/data-protection/data-protection-intent.server.ts';
import { SelfServiceInviteSection } from '../../features/me/components/invite-section.tsx';
import { handleSelfServiceIntent } from '../../features/me/invite.server.ts';
import { GroupsSection } from '../../features/participants/components/groups-section.tsx';
import { ParticipantSideSections } from '../../features/participants/components/side-sections.tsx';
import { loadGroupsForPerson } from '../../features/participants/groups.server.ts';
import { ageBand, SENSITIVE } from '../../features/participants/participant.schema.ts';
import {
  failure,
  handleForm,
  readParticipant,
  requireReader,
} from '../../features/participants/participant-route.server.ts';
import { canManageParticipants, canSeeAccessLog } from '../../features/participants/participants.policy.ts';
import { lastViewers } from '../../features/participants/participants.queries.server.ts';
import { closeParticipant, reopenParticipant } from '../../features/participants/participants.server.ts';
import { handleSideIntent, loadParticipantSide } from '../../features/participants/side.server.ts';
import { PlanSection } from '../../features/plans/components/plan-section.tsx';
import { loadPlansForParticipant } from '../../features/plans/participant-plan.server.ts';
import { ReferralsSection } from '../../features/referrals/components/referrals-section.tsx';
import { loadReferralsForParticipant } from '../../features/referrals/participant-referrals.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services, throwAppError } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/participant';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, db, row } = await readParticipant(args, args.params.personId, 'page');
    const today = todayInWarsaw();
    const showViewers = canSeeAccessLog(actor, locality);
    const ids = { localityId: locality.localityId, personId: row.person.id };
    // A fixed number of statements whatever the record holds (issue 4: at most 12 for the page).
    const [side, viewers, plans, advice, referrals, groups] = await Promise.all([
      loadParticipantSide(db, { ...ids, today }),
      showViewers
        ? lastViewers(db, { localityId: locality.localityId, id: row.person.id })
        : Promise.resolve(null),
      loadPlansForParticipant(db, ids),
      loadAdviceForParticipant(db, {
        ...ids,
        canReadConfidential: canReadConfidentialAdvice(actor, locality),
      }),
      loadReferralsForParticipant(db, ids),
      loadGroupsForPerson(db, ids),
    ]);
    const p = row.participant;
    return {
      locality: { slug: locality.slug, name: locality.name },
      person: { ...row.person, hasAccount: Boolean(row.person.userId), userId: undefined },
      participant: {
        registeredOn: p.registeredOn,
        status: p.status,
        pesel: p.pesel,
        noPesel: p.noPesel,
        birthDate: p.birthDate,
        sex: p.sex,
        gender: p.gender,
        education: p.education,
        answers: Object.fromEntries(SENSITIVE.map((q) => [q, p[q]])) as Record<
          (typeof SENSITIVE)[number],
          string
        >,
        closedOn: p.closedOn,
        closedReason: p.closedReason,
        ageBand: ageBand(p.birthDate, p.registeredOn),
      },
      registeredByName: row.registeredByName,
      canEdit: canManageParticipants(actor, locality),
      viewers: viewers?.map((v) => ({ at: v.at.toISOString(), name: v.name })) ?? null,
      side,
      plans,
      advice,
      canRecordAdvice: canRecordAdvice(actor, locality),
      referrals,
      groups,
      canErase: canManageDataProtection(actor, locality),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireReader(args));
  const db = services(args.context).db;
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const personId = args.params.personId;
  const today = todayInWarsaw();
  const pageUrl = `/app/${locality.slug}/participants/${personId}`;
  const done = (key: MessageKey, anchor = '') =>
    redirectWithFlash(args.context, pageUrl + anchor, { kind: 'success', key });
  const r = await run(() => handleSideIntent({ db, actor, locality, personId, intent, form, today }));
  if (r !== null) {
    if (r.ok) return done(r.flashKey, r.anchor);
    return failure(form, r.errors, r.status);
  }
  const { mail, config } = services(args.context);
  const s = await run(() =>
    handleSelfServiceIntent({
      db,
      mail,
      actor,
      locality,
      personId,
      intent,
      form,
      baseUrl: baseUrl(args.request, config),
    }),
  );
  if (s !== null) {
    if (s.ok) return done(s.flashKey, s.anchor);
    return failure(form, s.errors, s.status);
  }
  const dp = await run(() =>
    handleDataProtectionIntent({
      db,
      actor,
      locality,
      personId,
      intent,
      form,
      today,
      mail,
      baseUrl: baseUrl(args.request, config),
    }),
  );
  if (dp !== null) {
    if (!dp.ok) return failure(form, dp.errors, dp.status);
    return redirectWithFlash(args.context, dp.redirectTo ?? pageUrl + dp.anchor, {
      kind: 'success',
      key: dp.flashKey,
    });
  }
  return handleForm(form, async () => {
    switch (intent) {
      case 'close':
        await closeParticipant(db, { actor, locality, id: personId, values: formValues(form), today });
        return done('participants.closedFlash');
      case 'reopen':
        await reopenParticipant(db, { actor, locality, id: personId });
        return done('participants.reopenedFlash');
      default:
        throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
    }
  });
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function Participant({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateTime } = useI18n();
  const { locality, person, participant: p, registeredByName, canEdit, viewers, side } = loaderData;
  const { plans, advice, referrals, groups } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/participants`;
  const name = `${person.givenName} ${person.familyName}`;
  const answer = (v: string) =>
    v === 'refused'
      ? t('participants.shown.refused')
      : v === 'yes' || v === 'no'
        ? t(`participants.answer.${v}`)
        : t('participants.shown.notAsked');
  const choice = (prefix: 'gender' | 'education', v: string) =>
    v === 'refused'
      ? t('participants.shown.refused')
      : v
        ? t(`participants.${prefix}.${v}` as MessageKey)
        : t('participants.shown.notAsked');
  const closeFailed = failed?.intent === 'close' ? failed : null;
  return (
    <>
      <PageHeader
        title={name}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('participants.list.title') },
              { label: name },
            ]}
          />
        }
        actions={
          canEdit ? (
            <Link to={`${base}/${person.id}/edit`} className="button button--secondary">
              {t('participants.page.edit')}
            </Link>
          ) : null
        }
      />
      {closeFailed || failed?.intent === 'reopen' ? <ErrorSummary errors={failed?.errors} /> : null}
      <section aria-labelledby="pp-data">
        <h2 id="pp-data">{t('participants.page.data')}</h2>
        <dl className="summary-list">
          <Row label={t('participants.page.status')}>
            {p.status === 'closed'
              ? `${t('participants.status.closed')} — ${t('participants.page.closedOn', { date: date(p.closedOn), reason: p.closedReason })}`
              : t('participants.status.active')}
          </Row>
          <Row label={t('participants.list.registeredOn')}>
            {date(p.registeredOn)}
            {registeredByName ? ` (${t('participants.page.registeredBy')}: ${registeredByName})` : ''}
          </Row>
          <Row label={t('participants.page.pesel')}>
            {p.pesel || (p.noPesel ? t('participants.page.noPesel') : t('participants.page.peselNotGiven'))}
          </Row>
          <Row label={t('participants.form.birthDate.label')}>{p.birthDate ? date(p.birthDate) : '—'}</Row>
          <Row label={t('participants.form.sex.label')}>
            {p.sex === 'female' || p.sex === 'male' ? t(`participants.sex.${p.sex}`) : '—'}
          </Row>
          <Row label={t('participants.page.ageBand')}>
            {p.ageBand ? t(`participants.age.${p.ageBand}`) : '—'}
          </Row>
          <Row label={t('participants.page.email')}>{person.email || '—'}</Row>
          <Row label={t('participants.page.phone')}>{person.phone || '—'}</Row>
          <Row label={t('participants.page.basis')}>
            {t(`club.people.basis.${person.legalBasis}` as MessageKey)}
            {person.basisNote ? ` — ${person.basisNote}` : ''}
          </Row>
          {person.hasAccount ? (
            <Row label={t('participants.page.account')}>{t('participants.page.hasAccount')}</Row>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="pp-monitoring">
        <h2 id="pp-monitoring">{t('participants.page.monitoring')}</h2>
        <dl className="summary-list">
          <Row label={t('participants.form.gender.label')}>{choice('gender', p.gender)}</Row>
          <Row label={t('participants.form.education.label')}>{choice('education', p.education)}</Row>
          {SENSITIVE.map((q) => (
            <Row key={q} label={t(`participants.field.${q}`)}>
              {answer(p.answers[q])}
            </Row>
          ))}
        </dl>
      </section>
      <PlanSection plans={plans} localitySlug={locality.slug} personId={person.id} canEdit={canEdit} />
      <AdviceSection
        advice={advice}
        localitySlug={locality.slug}
        personId={person.id}
        canRecord={loaderData.canRecordAdvice}
      />
      <ReferralsSection
        referrals={referrals}
        localitySlug={locality.slug}
        personId={person.id}
        canSend={canEdit}
      />
      <GroupsSection groups={groups} localitySlug={locality.slug} />
      <ParticipantSideSections side={side} canEdit={canEdit} failed={failed} />
      {canEdit ? (
        <SelfServiceInviteSection
          hasAccount={person.hasAccount}
          hasEmail={Boolean(person.email)}
          failed={failed}
        />
      ) : null}
      {canEdit ? (
        <DataProtectionSection
          localitySlug={locality.slug}
          personId={person.id}
          canErase={loaderData.canErase}
          hasOpenPlan={Boolean(plans.open)}
          failed={failed}
        />
      ) : null}
      {canEdit ? (
        <section aria-labelledby="pp-close" id="close" className="section">
          <h2 id="pp-close">{t('participants.close.title')}</h2>
          {p.status === 'closed' ? (
            <PostForm>
              <input type="hidden" name="intent" value="reopen" />
              <button type="submit" className="button button--secondary">
                {t('participants.reopen.submit')}
              </button>
            </PostForm>
          ) : (
            <PostForm className="stack">
              <input type="hidden" name="intent" value="close" />
              <DateField
                name="closedOn"
                label={t('participants.close.closedOn.label')}
                defaultValue={closeFailed?.values.closedOn}
                error={closeFailed?.errors.closedOn}
              />
              <TextArea
                name="closedReason"
                rows={2}
                label={t('participants.close.reason.label')}
                defaultValue={closeFailed?.values.closedReason}
                error={closeFailed?.errors.closedReason}
                required
              />
              <button type="submit" className="button button--secondary">
                {t('participants.close.submit')}
              </button>
            </PostForm>
          )}
        </section>
      ) : null}
      {viewers ? (
        <section aria-labelledby="pp-viewers" className="section">
          <h2 id="pp-viewers">{t('participants.page.lastViewed')}</h2>
          {viewers.length === 0 ? (
            <p>{t('participants.page.lastViewedNone')}</p>
          ) : (
            <ul>
              {viewers.map((v) => (
                <li key={v.at + (v.name ?? '')}>
                  {v.name ?? t('participants.page.unknownUser')} — {dateTime(v.at)}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`${base}/access-log?person=${person.id}`}>{t('participants.list.accessLog')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
