import {
  DateField,
  errorText,
  PostForm,
  RadioGroup,
  SelectField,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { InitiativeDetail } from '../initiatives.queries.server.ts';

type Options = {
  people: { id: string; givenName: string; familyName: string; atRisk: boolean }[];
  organisations: { id: string; name: string }[];
};

/** The founders (natural persons and organisations), their at-risk status, and adding one. */
export function FoundersSection({
  founders,
  canManage,
  options,
  failed,
  today,
}: {
  founders: InitiativeDetail['founders'];
  canManage: boolean;
  options: Options | null;
  failed: { intent: string; errors: FieldErrors; values: Record<string, string> } | null;
  today: string;
}) {
  const { t, date } = useI18n();
  const active = founders.filter((f) => !f.leftOn);
  const left = founders.filter((f) => f.leftOn);
  const addFailed = failed?.intent === 'founder-add' ? failed : null;
  const v = addFailed?.values ?? {};
  const e = addFailed?.errors ?? {};
  return (
    <section aria-labelledby="founders-title" className="stack">
      <h2 id="founders-title">
        {t('initiatives.founders.title')}{' '}
        <span className="initiative-board__count">
          {t('initiatives.card.founders', { count: active.length })}
        </span>
      </h2>
      {active.length === 0 ? (
        <p>{t('initiatives.founders.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t('initiatives.founders.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('initiatives.founders.name')}</th>
                <th scope="col">{t('initiatives.founders.kind')}</th>
                <th scope="col">{t('initiatives.founders.atRiskCol')}</th>
                <th scope="col">{t('initiatives.founders.role')}</th>
                <th scope="col">{t('initiatives.founders.joinedOn')}</th>
                {canManage ? <th scope="col">{t('initiatives.founders.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {active.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.displayName}</th>
                  <td data-label={t('initiatives.founders.kind')}>
                    {t(`initiatives.founders.kind.${f.kind}` as MessageKey)}
                  </td>
                  <td data-label={t('initiatives.founders.atRiskCol')}>
                    {f.atRisk ? t('initiatives.founders.atRiskYes') : t('initiatives.founders.atRiskNo')}
                  </td>
                  <td data-label={t('initiatives.founders.role')}>{f.role || '—'}</td>
                  <td data-label={t('initiatives.founders.joinedOn')}>{date(f.joinedOn)}</td>
                  {canManage ? (
                    <td data-label={t('initiatives.founders.actions')}>
                      <div className="initiative-actions">
                        <PostForm>
                          <input type="hidden" name="intent" value="founder-risk" />
                          <input type="hidden" name="founderId" value={f.id} />
                          <input type="hidden" name="atRisk" value={f.atRisk ? 'no' : 'yes'} />
                          <button type="submit" className="button button--secondary button--small">
                            {f.atRisk
                              ? t('initiatives.founders.markNotAtRisk', { name: f.displayName })
                              : t('initiatives.founders.markAtRisk', { name: f.displayName })}
                          </button>
                        </PostForm>
                        <PostForm>
                          <input type="hidden" name="intent" value="founder-remove" />
                          <input type="hidden" name="founderId" value={f.id} />
                          <button type="submit" className="button button--secondary button--small">
                            {t('initiatives.founders.remove', { name: f.displayName })}
                          </button>
                        </PostForm>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {left.length > 0 ? (
        <p className="hint">
          {t('initiatives.founders.leftList', {
            names: left.map((f) => `${f.displayName} (${date(f.leftOn)})`).join(', '),
          })}
        </p>
      ) : null}
      {canManage && options ? (
        <details className="initiative-details" open={Boolean(addFailed)}>
          <summary>{t('initiatives.founders.add')}</summary>
          {addFailed ? (
            <div className="error-summary" role="alert">
              <h3>{t('common.form.errorSummary')}</h3>
              <ul>
                {Object.entries(e).map(([k, err]) => (
                  <li key={k}>{err ? errorText(t, err) : null}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <PostForm className="stack">
            <input type="hidden" name="intent" value="founder-add" />
            <RadioGroup
              name="kind"
              label={t('initiatives.founders.kind')}
              options={[
                { value: 'natural', label: t('initiatives.founders.kind.natural') },
                { value: 'legal', label: t('initiatives.founders.kind.legal') },
              ]}
              defaultValue={v.kind ?? 'natural'}
              error={e.kind}
            />
            <SelectField
              name="personId"
              label={t('initiatives.founders.person')}
              hint={t('initiatives.founders.personHint')}
              emptyLabel={t('initiatives.form.choose')}
              options={options.people.map((p) => ({
                value: p.id,
                label: `${p.familyName} ${p.givenName}${p.atRisk ? ` (${t('initiatives.founders.hasCategories')})` : ''}`,
              }))}
              defaultValue={v.personId}
              error={e.personId}
            />
            <SelectField
              name="organisationId"
              label={t('initiatives.founders.organisation')}
              hint={t('initiatives.founders.organisationHint')}
              emptyLabel={t('initiatives.form.choose')}
              options={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={v.organisationId}
              error={e.organisationId}
            />
            <SelectField
              name="atRisk"
              label={t('initiatives.founders.atRisk')}
              options={[
                { value: 'auto', label: t('initiatives.founders.atRisk.auto') },
                { value: 'yes', label: t('initiatives.founders.atRisk.yes') },
                { value: 'no', label: t('initiatives.founders.atRisk.no') },
              ]}
              defaultValue={v.atRisk ?? 'auto'}
              error={e.atRisk}
            />
            <TextField
              name="role"
              label={t('initiatives.founders.role')}
              defaultValue={v.role}
              error={e.role}
              width="medium"
            />
            <DateField
              name="joinedOn"
              label={t('initiatives.founders.joinedOn')}
              required
              defaultValue={v.joinedOn ?? today}
              error={e.joinedOn}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('initiatives.founders.addSubmit')}
              </button>
            </div>
          </PostForm>
        </details>
      ) : null}
    </section>
  );
}
