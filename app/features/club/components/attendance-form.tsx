import { ErrorSummary, PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { memberName } from '../club.labels.ts';

const CHOICES: { value: string; label: MessageKey }[] = [
  { value: 'present', label: 'club.attendance.present' },
  { value: 'absent', label: 'club.attendance.absent' },
  { value: 'excused', label: 'club.attendance.excused' },
  { value: '', label: 'club.attendance.notRecorded' },
];

/**
 * Attendance of every member in one form with one submit (works without JavaScript): a row per
 * member with present / absent / excused / not recorded.
 */
export function AttendanceForm({
  title,
  sheet,
  errors,
  values,
}: {
  title: string;
  sheet: {
    memberId: string;
    givenName: string;
    familyName: string;
    erasedAt: Date | string | null;
    status: string | null;
  }[];
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <PostForm>
      <input type="hidden" name="intent" value="attendance" />
      <ErrorSummary errors={errors} />
      <div className="table-wrap">
        <table className="table table--stack table--stack-plain table--choices">
          <caption>{t('club.attendance.caption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('club.members.name')}</th>
              {CHOICES.map((c) => (
                <th key={c.value} scope="col" style={{ textAlign: 'center' }}>
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.map((m) => {
              const name = memberName(t, m);
              const current = values?.[`a_${m.memberId}`] ?? m.status ?? '';
              return (
                <tr key={m.memberId}>
                  <th scope="row">{name}</th>
                  {CHOICES.map((c) => (
                    <td key={c.value}>
                      <label className="choice-cell">
                        <input
                          type="radio"
                          name={`a_${m.memberId}`}
                          value={c.value}
                          defaultChecked={current === c.value}
                        />
                        <span className="visually-hidden">
                          {name}: {t(c.label)}
                        </span>
                        {/* On a phone the column headings are gone: each choice names itself. */}
                        <span className="choice-cell__name" aria-hidden="true">
                          {t(c.label)}
                        </span>
                      </label>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('club.attendance.submit')}
        </button>
      </div>
    </PostForm>
  );
}
