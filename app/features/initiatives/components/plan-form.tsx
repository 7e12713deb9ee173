import { errorText, fieldId, PostForm, TextArea } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { FUNDING_KINDS, PLAN_MONTHS } from '../business-plan.rules.ts';

/** A bare input in a table cell, labelled for screen readers, with its error tied to it. */
function CellInput({
  name,
  label,
  values,
  errors,
  amount,
}: {
  name: string;
  label: string;
  values: Record<string, string>;
  errors: FieldErrors;
  amount?: boolean;
}) {
  const { t } = useI18n();
  const error = errors[name];
  const id = fieldId(name);
  return (
    <>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {errorText(t, error)}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-label={label}
        className={amount ? 'input input--short num' : 'input input--full'}
        inputMode={amount ? 'decimal' : undefined}
        defaultValue={values[name] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </>
  );
}

/** The whole business plan as one form that works without JavaScript (fixed rows, 24 months). */
export function PlanForm({
  values,
  errors,
  version,
  startupRows,
  fundingRows,
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  version: number;
  startupRows: number;
  fundingRows: number;
}) {
  const { t } = useI18n();
  return (
    <PostForm className="stack">
      <input type="hidden" name="version" value={version} />
      <TextArea
        name="offer"
        label={t('initiatives.plan.offer')}
        rows={3}
        defaultValue={values.offer}
        error={errors.offer}
      />
      <TextArea
        name="customers"
        label={t('initiatives.plan.customers')}
        rows={3}
        defaultValue={values.customers}
        error={errors.customers}
      />
      <TextArea
        name="niche"
        label={t('initiatives.plan.niche')}
        rows={3}
        defaultValue={values.niche}
        error={errors.niche}
      />
      <TextArea
        name="team"
        label={t('initiatives.plan.team')}
        rows={3}
        defaultValue={values.team}
        error={errors.team}
      />
      <p className="hint" id="amount-hint">
        {t('initiatives.plan.amountHint')}
      </p>
      <div className="table-wrap">
        <table className="table plan-table">
          <caption>{t('initiatives.plan.startup.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.plan.startup.label')}</th>
              <th scope="col">{t('initiatives.plan.startup.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: startupRows }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows of the form
              <tr key={i}>
                <td>
                  <CellInput
                    name={`startup.${i}.label`}
                    label={t('initiatives.plan.startup.rowLabel', { n: i + 1 })}
                    values={values}
                    errors={errors}
                  />
                </td>
                <td>
                  <CellInput
                    name={`startup.${i}.amount`}
                    label={t('initiatives.plan.startup.rowAmount', { n: i + 1 })}
                    values={values}
                    errors={errors}
                    amount
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table plan-table">
          <caption>{t('initiatives.plan.monthly.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.plan.month')}</th>
              <th scope="col">{t('initiatives.plan.revenue')}</th>
              <th scope="col">{t('initiatives.plan.costs')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: PLAN_MONTHS }, (_, i) => i + 1).map((m) => (
              <tr key={m}>
                <th scope="row">{t('initiatives.plan.monthN', { month: m })}</th>
                <td>
                  <CellInput
                    name={`m.${m}.revenue`}
                    label={t('initiatives.plan.monthRevenue', { month: m })}
                    values={values}
                    errors={errors}
                    amount
                  />
                </td>
                <td>
                  <CellInput
                    name={`m.${m}.costs`}
                    label={t('initiatives.plan.monthCosts', { month: m })}
                    values={values}
                    errors={errors}
                    amount
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table plan-table">
          <caption>{t('initiatives.plan.funding.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.plan.funding.label')}</th>
              <th scope="col">{t('initiatives.plan.funding.kind')}</th>
              <th scope="col">{t('initiatives.plan.funding.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: fundingRows }, (_, i) => {
              const kindName = `funding.${i}.kind`;
              const kindError = errors[kindName];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows of the form
                <tr key={i}>
                  <td>
                    <CellInput
                      name={`funding.${i}.label`}
                      label={t('initiatives.plan.funding.rowLabel', { n: i + 1 })}
                      values={values}
                      errors={errors}
                    />
                  </td>
                  <td>
                    {kindError ? (
                      <p className="field-error" id={`${fieldId(kindName)}-error`}>
                        {errorText(t, kindError)}
                      </p>
                    ) : null}
                    <select
                      id={fieldId(kindName)}
                      name={kindName}
                      aria-label={t('initiatives.plan.funding.rowKind', { n: i + 1 })}
                      className="input input--short"
                      defaultValue={values[kindName] ?? ''}
                      aria-invalid={kindError ? true : undefined}
                      aria-describedby={kindError ? `${fieldId(kindName)}-error` : undefined}
                    >
                      <option value="">{t('initiatives.form.choose')}</option>
                      {FUNDING_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`initiatives.plan.fundingKind.${k}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <CellInput
                      name={`funding.${i}.amount`}
                      label={t('initiatives.plan.funding.rowAmount', { n: i + 1 })}
                      values={values}
                      errors={errors}
                      amount
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <TextArea
        name="breakEvenNote"
        label={t('initiatives.plan.breakEvenNote')}
        hint={t('initiatives.plan.breakEvenNoteHint')}
        rows={2}
        defaultValue={values.breakEvenNote}
        error={errors.breakEvenNote}
      />
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('initiatives.plan.save')}
        </button>
      </div>
    </PostForm>
  );
}
