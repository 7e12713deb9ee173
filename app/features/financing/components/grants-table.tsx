import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';

type GrantRow = {
  id: string;
  title: string;
  kind: string;
  sourceName: string;
  recipient: string | null;
  amountPln: string;
  paidPln: string;
  awardedOn: string;
  obligationUntil: string | null;
};

/** The grants received: recipient, source, amount and paid so far, obligation end. */
export function GrantsTable({ grants, base }: { grants: GrantRow[]; base: string }) {
  const { t, money, date } = useI18n();
  if (grants.length === 0) return <p>{t('financing.grants.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption>{t('financing.grants.caption', { count: grants.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('financing.grant.title.label')}</th>
            <th scope="col">{t('financing.grant.recipient.label')}</th>
            <th scope="col">{t('financing.grant.kind.label')}</th>
            <th scope="col">{t('financing.grant.obligationUntil.label')}</th>
            <th scope="col" className="num">
              {t('financing.grant.amount.label')}
            </th>
            <th scope="col" className="num">
              {t('financing.grant.paid')}
            </th>
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr key={g.id}>
              <th scope="row">
                <Link to={`${base}/grants/${g.id}`}>{g.title}</Link>
                <p className="hint">{g.sourceName}</p>
              </th>
              <td data-label={t('financing.grant.recipient.label')}>{g.recipient ?? '—'}</td>
              <td data-label={t('financing.grant.kind.label')}>
                {t(`financing.grant.kind.${g.kind}` as MessageKey)}
              </td>
              <td data-label={t('financing.grant.obligationUntil.label')}>
                {g.obligationUntil ? date(g.obligationUntil) : '—'}
              </td>
              <td className="num" data-label={t('financing.grant.amount.label')}>
                {money(Number(g.amountPln))}
              </td>
              <td className="num" data-label={t('financing.grant.paid')}>
                {money(Number(g.paidPln))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
