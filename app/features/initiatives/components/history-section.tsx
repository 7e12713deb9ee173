import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { CheckRow } from '../initiative-stages.rules.ts';
import type { InitiativeDetail } from '../initiatives.queries.server.ts';
import { missingText } from './missing-list.tsx';

/** Every stage move: when, who, from → to, why, and the checks as they stood. */
export function HistorySection({ history }: { history: InitiativeDetail['history'] }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const stage = (s: string | null) =>
    s ? t(`initiatives.stage.${s}` as MessageKey) : t('initiatives.history.start');
  return (
    <section aria-labelledby="history-title" className="stack">
      <h2 id="history-title">{t('initiatives.history.title')}</h2>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">{t('initiatives.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.history.when')}</th>
              <th scope="col">{t('initiatives.history.change')}</th>
              <th scope="col">{t('initiatives.history.who')}</th>
              <th scope="col">{t('initiatives.history.reason')}</th>
              <th scope="col">{t('initiatives.history.checks')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => {
              const checks = (Array.isArray(h.checks) ? h.checks : []) as CheckRow[];
              const failed = checks.filter((c) => !c.passed);
              return (
                <tr key={h.id}>
                  <th scope="row">{dateTime(h.at)}</th>
                  <td data-label={t('initiatives.history.change')}>
                    {t('initiatives.history.fromTo', { from: stage(h.from), to: stage(h.to) })}
                  </td>
                  <td data-label={t('initiatives.history.who')}>{h.by ?? '—'}</td>
                  <td data-label={t('initiatives.history.reason')}>{h.reason || '—'}</td>
                  <td data-label={t('initiatives.history.checks')}>
                    {checks.length === 0
                      ? '—'
                      : t('initiatives.history.checksSummary', {
                          passed: checks.length - failed.length,
                          total: checks.length,
                        })}
                    {failed.length > 0 ? (
                      <ul>
                        {failed.map((c, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: stored list
                          <li key={i}>{missingText(i18n, c)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
