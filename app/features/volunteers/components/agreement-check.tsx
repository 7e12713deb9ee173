import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { AgreementCheck } from '../volunteers.rules.ts';

/** The written-agreement rule applied to this agreement, in words; a missing signature is a warning. */
export function AgreementCheckNote({ check }: { check: AgreementCheck }) {
  const { t, dateLong } = useI18n();
  const length = (days: number | null) =>
    days === null ? t('volunteers.rule.openEnded') : t('volunteers.rule.length', { count: days });
  switch (check.kind) {
    case 'noPeriod':
      return <p className="notice">{t('volunteers.rule.noPeriod')}</p>;
    case 'writtenMissing':
      return (
        <div className="warning-box" role="status">
          <h3>{t('volunteers.rule.writtenMissingTitle')}</h3>
          <p>
            <strong>{t('volunteers.rule.writtenMissing', { limit: check.limit })}</strong>
          </p>
          <p>{length(check.days)}</p>
        </div>
      );
    case 'written':
      return (
        <p className="notice volunteer-rule--ok">
          {length(check.days)}{' '}
          {t('volunteers.rule.written', { limit: check.limit, date: dateLong(check.signedOn) })}
        </p>
      );
    case 'insurance':
      return (
        <div className="notice">
          <p>
            {length(check.days)} {t('volunteers.rule.insurance', { limit: check.limit })}
          </p>
          {check.signedOn ? <p>{t('volunteers.rule.signedOn', { date: dateLong(check.signedOn) })}</p> : null}
        </div>
      );
  }
}
