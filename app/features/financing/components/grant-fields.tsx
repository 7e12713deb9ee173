import {
  DateField,
  errorText,
  fieldId,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { GRANT_KINDS } from '../financing.rules.ts';

type Option = { id: string; name: string };

/** The grant's fields and its payment schedule (rows, or N equal monthly instalments). */
export function GrantFields({
  values,
  errors,
  sources,
  applications,
  enterprises,
  initiatives,
  rows,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  sources: Option[];
  applications: Option[];
  enterprises: Option[];
  initiatives: Option[];
  rows: number;
}) {
  const { t } = useI18n();
  const opts = (r: Option[]) => r.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <fieldset className="field-group">
        <legend>{t('financing.grant.section.grant')}</legend>
        <SelectField
          name="sourceId"
          label={t('financing.application.source.label')}
          emptyLabel={t('financing.choose')}
          options={opts(sources)}
          defaultValue={values.sourceId}
          error={errors.sourceId}
          required
        />
        <SelectField
          name="applicationId"
          label={t('financing.grant.application.label')}
          hint={t('financing.grant.application.hint')}
          emptyLabel={t('financing.none')}
          options={opts(applications)}
          defaultValue={values.applicationId}
          error={errors.applicationId}
        />
        <SelectField
          name="enterpriseId"
          label={t('financing.grant.enterprise.label')}
          hint={t('financing.grant.recipient.hint')}
          emptyLabel={t('financing.none')}
          options={opts(enterprises)}
          defaultValue={values.enterpriseId}
          error={errors.enterpriseId}
        />
        <SelectField
          name="initiativeId"
          label={t('financing.grant.initiative.label')}
          emptyLabel={t('financing.none')}
          options={opts(initiatives)}
          defaultValue={values.initiativeId}
          error={errors.initiativeId}
        />
        <SelectField
          name="kind"
          label={t('financing.grant.kind.label')}
          options={GRANT_KINDS.map((k) => ({
            value: k,
            label: t(`financing.grant.kind.${k}` as MessageKey),
          }))}
          defaultValue={values.kind ?? 'job_creation'}
          error={errors.kind}
          required
        />
        <TextField
          name="title"
          label={t('financing.grant.title.label')}
          defaultValue={values.title}
          error={errors.title}
          required
        />
        <TextField
          name="amountPln"
          label={t('financing.grant.amount.label')}
          hint={t('financing.form.amount.hint')}
          defaultValue={values.amountPln}
          error={errors.amountPln}
          required
          width="short"
        />
        <DateField
          name="awardedOn"
          label={t('financing.grant.awardedOn.label')}
          defaultValue={values.awardedOn}
          error={errors.awardedOn}
          required
        />
        <TextArea
          name="obligation"
          rows={2}
          label={t('financing.grant.obligation.label')}
          hint={t('financing.grant.obligation.hint')}
          defaultValue={values.obligation}
          error={errors.obligation}
        />
        <DateField
          name="obligationUntil"
          label={t('financing.grant.obligationUntil.label')}
          defaultValue={values.obligationUntil}
          error={errors.obligationUntil}
        />
      </fieldset>
      <ScheduleFieldset
        values={values}
        errors={errors}
        rows={rows}
        hint={t('financing.grant.schedule.hint')}
      />
    </>
  );
}

/**
 * A payment schedule: N equal monthly instalments from a date, or up to `rows` instalments typed
 * one by one (without JavaScript the rows are fixed). Used for a new grant and to change the
 * unpaid part of one.
 */
export function ScheduleFieldset({
  values,
  errors,
  rows,
  hint,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  rows: number;
  hint: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset
      className={errors.schedule ? 'field-group field--error' : 'field-group'}
      id={fieldId('schedule')}
      tabIndex={-1}
    >
      <legend>{t('financing.grant.section.schedule')}</legend>
      <p className="hint">{hint}</p>
      {errors.schedule ? (
        <p className="field-error" id="schedule-error">
          <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
          {errorText(t, errors.schedule)}
        </p>
      ) : null}
      <div className="field-row">
        <TextField
          name="months"
          label={t('financing.grant.months.label')}
          hint={t('financing.grant.months.hint')}
          defaultValue={values.months}
          error={errors.months}
          width="short"
          inputMode="numeric"
        />
        <DateField
          name="firstDueOn"
          label={t('financing.grant.firstDueOn.label')}
          defaultValue={values.firstDueOn}
          error={errors.firstDueOn}
        />
      </div>
      <p className="hint">{t('financing.grant.rows.hint')}</p>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows of a form
        <div className="field-row" key={i}>
          <DateField
            name={`dueOn_${i}`}
            label={t('financing.grant.row.dueOn', { n: i + 1 })}
            defaultValue={values[`dueOn_${i}`]}
            error={errors[`dueOn_${i}`]}
          />
          <TextField
            name={`amount_${i}`}
            label={t('financing.grant.row.amount', { n: i + 1 })}
            defaultValue={values[`amount_${i}`]}
            error={errors[`amount_${i}`]}
            width="short"
          />
        </div>
      ))}
    </fieldset>
  );
}
