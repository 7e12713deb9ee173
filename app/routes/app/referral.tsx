import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { handleForm } from '../../features/participants/participant-route.server.ts';
import { AnswerForm, CompleteForm } from '../../features/referrals/components/answer-forms.tsx';
import { ReferralStatusBadge } from '../../features/referrals/components/referral-status.tsx';
import type { ReferralStatus } from '../../features/referrals/referral.rules.ts';
import { readReferral } from '../../features/referrals/referral-read.server.ts';
import { answerReferral, completeReferral } from '../../features/referrals/referral-status.server.ts';
import { canAnswerReferral } from '../../features/referrals/referrals.policy.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/referral';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const db = services(args.context).db;
    const { row, side, shared } = await readReferral(db, { actor, locality, id: args.params.referralId });
    const staff = side === 'staff';
    const answerable = canAnswerReferral(side);
    return {
      locality: { slug: locality.slug, name: locality.name },
      side,
      referral: {
        id: row.id,
        status: row.status as ReferralStatus,
        fromName: row.fromName,
        toName: row.toName,
        sentOn: row.sentOn,
        sentByName: row.sentByName,
        respondedAt: row.respondedAt?.toISOString() ?? null,
        respondedByName: row.respondedByName,
        doneOn: row.doneOn,
        consentWithdrawn: row.consentWithdrawn,
        erased: row.erased,
        // Staff see the consent's dates; the organisations only whether it stands.
        consentGivenOn: staff ? row.consentGivenOn : null,
        consentWithdrawnOn: staff ? row.consentWithdrawnOn : null,
        personId: staff && !row.erased ? row.personId : null,
        shareContact: row.shareContact,
      },
      shared,
      canAnswer: answerable && row.status === 'sent' && !row.consentWithdrawn && !row.erased,
      canComplete: answerable && row.status === 'accepted',
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  const form = await args.request.formData();
  const { db, mail, config } = services(args.context);
  const id = args.params.referralId;
  const intent = String(form.get('intent') ?? '');
  const back = (key: 'referrals.flash.accepted' | 'referrals.flash.declined' | 'referrals.flash.done') =>
    redirectWithFlash(args.context, `/app/${locality.slug}/referrals/${id}`, { kind: 'success', key });
  return handleForm(form, async () => {
    if (intent === 'answer') {
      const decision = await answerReferral(db, {
        actor,
        locality,
        id,
        values: formValues(form),
        notify: { mail, baseUrl: baseUrl(args.request, config) },
      });
      return back(decision === 'accepted' ? 'referrals.flash.accepted' : 'referrals.flash.declined');
    }
    if (intent === 'complete') {
      await completeReferral(db, { actor, locality, id, values: formValues(form), today: todayInWarsaw() });
      return back('referrals.flash.done');
    }
    throw new AppError('BAD_REQUEST', 'errors.400.body');
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

export default function Referral({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateTime } = useI18n();
  const { locality, side, referral: r, shared, canAnswer, canComplete } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const answerFailed = canAnswer && failed?.intent === 'answer' ? failed : null;
  const completeFailed = canComplete && failed?.intent === 'complete' ? failed : null;
  // A refusal whose form is no longer offered (the status moved meanwhile) shows at the top.
  const otherFailed = failed && !answerFailed && !completeFailed ? failed : null;
  const none = t('referrals.page.none');
  return (
    <>
      <PageHeader
        title={t('referrals.page.title', { organisation: r.toName })}
        hasError={Boolean(failed)}
        lead={side === 'staff' ? undefined : t('referrals.page.sharedOnly')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/referrals`, label: t('referrals.title') },
              { label: t('referrals.page.title', { organisation: r.toName }) },
            ]}
          />
        }
      />
      <ErrorSummary errors={otherFailed?.errors} />
      {r.erased ? (
        <div className="notice" role="status">
          <strong>{t('referrals.page.erased.title')}</strong> {t('referrals.page.erased.body')}
        </div>
      ) : r.consentWithdrawn ? (
        <div className="notice" role="status">
          <strong>{t('referrals.page.withdrawn.title')}</strong> {t('referrals.page.withdrawn.body')}
        </div>
      ) : null}
      <section aria-labelledby="rf-details" className="section">
        <h2 id="rf-details">{t('referrals.page.details')}</h2>
        <dl className="summary-list">
          <Row label={t('referrals.page.status')}>
            <ReferralStatusBadge status={r.status} />
          </Row>
          <Row label={t('referrals.page.from')}>{r.fromName ?? t('referrals.fromNone')}</Row>
          <Row label={t('referrals.page.to')}>{r.toName}</Row>
          <Row label={t('referrals.page.sentOn')}>
            {r.sentByName
              ? t('referrals.page.sentBy', { date: date(r.sentOn), name: r.sentByName })
              : date(r.sentOn)}
          </Row>
          {r.respondedAt ? (
            <Row label={t('referrals.page.answer')}>
              {t('referrals.page.answeredBy', {
                date: dateTime(r.respondedAt),
                name: r.respondedByName ?? none,
              })}
            </Row>
          ) : null}
          {shared.responseNote ? (
            <Row label={t('referrals.page.responseNote')}>{shared.responseNote}</Row>
          ) : null}
          {r.doneOn ? <Row label={t('referrals.page.doneOn')}>{date(r.doneOn)}</Row> : null}
          {shared.outcomeNote ? (
            <Row label={t('referrals.page.outcomeNote')}>{shared.outcomeNote}</Row>
          ) : null}
          {side === 'staff' ? (
            <Row label={t('referrals.page.consent')}>
              {r.consentWithdrawnOn
                ? t('referrals.page.consentWithdrawnOn', { date: date(r.consentWithdrawnOn) })
                : r.consentGivenOn
                  ? t('referrals.page.consentInForce', { date: date(r.consentGivenOn) })
                  : none}
            </Row>
          ) : null}
        </dl>
      </section>
      {shared.hidden ? null : (
        <section aria-labelledby="rf-person" className="section">
          <h2 id="rf-person">{t('referrals.page.personSection')}</h2>
          <dl className="summary-list">
            <Row label={t('referrals.page.name')}>{shared.name ?? t('referrals.erasedPerson')}</Row>
            <Row label={t('referrals.page.reason')}>{shared.reason ?? none}</Row>
            <Row label={t('referrals.page.sharedNote')}>{shared.sharedNote || none}</Row>
            {side === 'staff' || r.shareContact ? (
              <>
                <Row label={t('referrals.page.email')}>{shared.email ?? none}</Row>
                <Row label={t('referrals.page.phone')}>{shared.phone ?? none}</Row>
              </>
            ) : null}
          </dl>
          {side !== 'staff' && !r.shareContact ? (
            <p className="hint">{t('referrals.page.contactNotShared')}</p>
          ) : null}
          {r.personId ? (
            <p>
              <Link to={`/app/${locality.slug}/participants/${r.personId}#referrals`}>
                {t('referrals.page.participantLink')}
              </Link>
            </p>
          ) : null}
        </section>
      )}
      {canAnswer ? <AnswerForm onBehalf={side === 'staff'} failed={answerFailed} /> : null}
      {canComplete ? <CompleteForm onBehalf={side === 'staff'} failed={completeFailed} /> : null}
    </>
  );
}
