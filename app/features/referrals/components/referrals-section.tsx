import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { ParticipantReferral } from '../participant-referrals.server.ts';
import { ReferralStatusBadge } from './referral-status.tsx';

/**
 * The participant page's "Skierowania" section: the person's referrals (from the one statement
 * of loadReferralsForParticipant) and, for staff who may send, a "Skieruj" link.
 */
export function ReferralsSection({
  referrals,
  localitySlug,
  personId,
  canSend,
}: {
  referrals: ParticipantReferral[];
  localitySlug: string;
  personId: string;
  canSend: boolean;
}) {
  const { t, date } = useI18n();
  const base = `/app/${localitySlug}/referrals`;
  return (
    <section aria-labelledby="pp-referrals" id="referrals" className="section">
      <h2 id="pp-referrals">{t('referrals.section.title')}</h2>
      {referrals.length === 0 ? (
        <p>{t('referrals.section.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('referrals.section.caption', { count: referrals.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.list.to')}</th>
                <th scope="col">{t('referrals.list.from')}</th>
                <th scope="col">{t('referrals.list.sentOn')}</th>
                <th scope="col">{t('referrals.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`${base}/${r.id}`}>{r.toName}</Link>
                  </th>
                  <td data-label={t('referrals.list.from')}>{r.fromName ?? t('referrals.fromNone')}</td>
                  <td data-label={t('referrals.list.sentOn')}>{date(r.sentOn)}</td>
                  <td data-label={t('referrals.list.status')}>
                    <ReferralStatusBadge status={r.status} />
                    {r.consentWithdrawn ? (
                      <span className="referral-flag"> {t('referrals.section.consentWithdrawn')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canSend ? (
        <p>
          <Link to={`${base}/new?person=${personId}`} className="button button--secondary">
            {t('referrals.section.send')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
