import { useI18n } from '../../../../components/ui/i18n-context.tsx';
import { checkMessageText, ruleLabel } from '../check-message.ts';
import type { CheckResult } from '../legal.types.ts';

type StoredCheck = { onDate?: string; checkedAt?: string; passed?: boolean; results?: CheckResult[] };

function outcome(r: CheckResult): 'passed' | 'failed' | 'pending' | 'advisory' | 'notApplicable' {
  if (r.passed === true) return 'passed';
  if (r.passed === false) return 'failed';
  if (r.advisory) return 'advisory';
  return r.pending ? 'pending' : 'notApplicable';
}

const ICON = { passed: '✓', failed: '✗', pending: '…', advisory: 'i', notApplicable: '–' } as const;

/**
 * The stored status check of an enterprise: each criterion with its outcome in words (and an
 * icon, never colour alone), the figures, the legal source of each parameter and a visible note
 * when a parameter is not yet verified.
 */
export function StatusChecks({ check, itemHeading = 'h3' }: { check: unknown; itemHeading?: 'h3' | 'h4' }) {
  const i18n = useI18n();
  const { t } = i18n;
  const stored = (check ?? null) as StoredCheck | null;
  if (!stored?.results) return <p className="status-checks__none">{t('legal.checks.none')}</p>;
  const Heading = itemHeading;
  const failing = stored.results.filter((r) => r.passed === false).length;
  return (
    <div className="status-checks">
      <p className={`status-checks__summary status-checks__summary--${stored.passed ? 'passed' : 'failed'}`}>
        <span aria-hidden="true">{stored.passed ? ICON.passed : ICON.failed} </span>
        {stored.passed
          ? t('legal.checks.summaryPassed')
          : t('legal.checks.summaryFailed', { count: failing })}{' '}
        {stored.onDate
          ? t('legal.checks.onDate', { date: i18n.dateLong(stored.onDate) }).replace(/ r\.\.$/, ' r.')
          : null}
        {stored.checkedAt ? ` ${t('legal.checks.checkedAt', { at: i18n.dateTime(stored.checkedAt) })}` : null}
      </p>
      <ul className="status-checks__list">
        {stored.results.map((r) => {
          const o = outcome(r);
          return (
            <li key={r.rule} className={`status-check status-check--${o}`}>
              <Heading className="status-check__title">
                <span className="status-check__badge">
                  <span aria-hidden="true">{ICON[o]} </span>
                  {t(`legal.outcome.${o}`)}
                </span>{' '}
                {ruleLabel(i18n, r.rule)}
              </Heading>
              <p className="status-check__message">{checkMessageText(i18n, r.message)}</p>
              {r.parameters.length > 0 ? (
                <ul className="status-check__sources">
                  {r.parameters.map((p) => (
                    <li key={p.key}>
                      <span className="visually-hidden">{t('legal.checks.source')}: </span>
                      {p.source}{' '}
                      <span className="hint">
                        ({t('legal.checks.validFrom', { date: i18n.date(p.validFrom) })})
                      </span>
                      {p.verified ? null : (
                        <strong className="status-check__unverified"> {t('legal.checks.unverified')}</strong>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
