import { useI18n } from '../../../components/ui/i18n-context.tsx';

type Row = { label: string; amount: number };

/** A two-column table of labelled amounts with a caption (by kind, by source, by category). */
export function AmountTable({ caption, what, rows }: { caption: string; what: string; rows: Row[] }) {
  const { t, money } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{what}</th>
            <th scope="col" className="num">
              {t('costs.report.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={2}>{t('costs.report.none')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="num">{money(r.amount)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
