import {
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  RequiredNote,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';

/** The form to record a donation: money or goods, the donor, what, its value and when. */
export function DonationForm(props: {
  values: Record<string, string>;
  errors: FieldErrors;
  donors: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const { values: v, errors: e, donors } = props;
  return (
    <section aria-labelledby="donation-form-title" className="stack">
      <h2 id="donation-form-title">{t('costs.donations.form.title')}</h2>
      <ErrorSummary errors={e} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="create" />
        <RequiredNote />
        <RadioGroup
          name="kind"
          label={t('costs.donations.kind.label')}
          required
          options={[
            { value: 'money', label: t('costs.donations.kind.money') },
            { value: 'goods', label: t('costs.donations.kind.goods') },
          ]}
          defaultValue={v.kind}
          error={e.kind}
        />
        <fieldset className="field-group">
          <legend>{t('costs.donations.donor.legend')}</legend>
          <p className="hint">{t('costs.donations.donor.hint')}</p>
          <SelectField
            name="donorOrganisationId"
            label={t('costs.donations.donor.organisation')}
            emptyLabel={t('costs.donations.donor.none')}
            options={donors}
            defaultValue={v.donorOrganisationId}
            error={e.donorOrganisationId}
          />
          <TextField
            name="donorName"
            label={t('costs.donations.donor.name')}
            defaultValue={v.donorName}
            error={e.donorName}
          />
        </fieldset>
        <TextArea
          name="description"
          label={t('costs.donations.description.label')}
          hint={t('costs.donations.description.hint')}
          required
          rows={3}
          defaultValue={v.description}
          error={e.description}
        />
        <TextField
          name="valuePln"
          label={t('costs.donations.value.label')}
          hint={t('costs.donations.value.hint')}
          required
          width="short"
          inputMode="text"
          defaultValue={v.valuePln}
          error={e.valuePln}
        />
        <DateField
          name="receivedOn"
          label={t('costs.donations.receivedOn.label')}
          required
          defaultValue={v.receivedOn}
          error={e.receivedOn}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('costs.donations.form.submit')}
          </button>
        </div>
      </PostForm>
    </section>
  );
}
