import { DateField, SelectField, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { OFFER_KINDS, OFFER_STATUSES } from '../financing.rules.ts';

type Option = { id: string; name: string };

/** A business partner's offer: organisation, kind, title, value, validity, status and who took it. */
export function OfferFields({
  values,
  errors,
  organisations,
  enterprises,
  initiatives,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  organisations: Option[];
  enterprises: Option[];
  initiatives: Option[];
}) {
  const { t } = useI18n();
  const opts = (rows: Option[]) => rows.map((r) => ({ value: r.id, label: r.name }));
  return (
    <>
      <fieldset className="field-group">
        <legend>{t('financing.offer.section.offer')}</legend>
        <SelectField
          name="organisationId"
          label={t('financing.offer.organisation.label')}
          hint={t('financing.offer.organisation.hint')}
          emptyLabel={organisations.length === 1 ? undefined : t('financing.choose')}
          options={opts(organisations)}
          defaultValue={values.organisationId}
          error={errors.organisationId}
          required
        />
        <SelectField
          name="kind"
          label={t('financing.offer.kind.label')}
          options={OFFER_KINDS.map((k) => ({
            value: k,
            label: t(`financing.offer.kind.${k}` as MessageKey),
          }))}
          defaultValue={values.kind ?? 'orders'}
          error={errors.kind}
          required
        />
        <TextField
          name="title"
          label={t('financing.offer.title.label')}
          defaultValue={values.title}
          error={errors.title}
          required
        />
        <TextArea
          name="description"
          rows={3}
          label={t('financing.offer.description.label')}
          defaultValue={values.description}
          error={errors.description}
        />
        <TextField
          name="valuePln"
          label={t('financing.offer.value.label')}
          hint={t('financing.form.amount.hint')}
          defaultValue={values.valuePln}
          error={errors.valuePln}
          width="short"
        />
        <div className="field-row">
          <DateField
            name="validFrom"
            label={t('financing.offer.validFrom.label')}
            defaultValue={values.validFrom}
            error={errors.validFrom}
            required
          />
          <DateField
            name="validTo"
            label={t('financing.offer.validTo.label')}
            defaultValue={values.validTo}
            error={errors.validTo}
          />
        </div>
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('financing.offer.section.status')}</legend>
        <SelectField
          name="status"
          label={t('financing.offer.status.label')}
          options={OFFER_STATUSES.map((s) => ({
            value: s,
            label: t(`financing.offer.status.${s}` as MessageKey),
          }))}
          defaultValue={values.status ?? 'open'}
          error={errors.status}
          required
        />
        <SelectField
          name="enterpriseId"
          label={t('financing.offer.takenByEnterprise.label')}
          hint={t('financing.offer.takenBy.hint')}
          emptyLabel={t('financing.none')}
          options={opts(enterprises)}
          defaultValue={values.enterpriseId}
          error={errors.enterpriseId}
        />
        <SelectField
          name="initiativeId"
          label={t('financing.offer.takenByInitiative.label')}
          emptyLabel={t('financing.none')}
          options={opts(initiatives)}
          defaultValue={values.initiativeId}
          error={errors.initiativeId}
        />
      </fieldset>
    </>
  );
}
