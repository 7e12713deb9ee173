import { Link } from 'react-router';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useT } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { LEGAL_FORMS, ORGANISATION_KINDS } from '../organisation.rules.ts';

export type OrganisationFormValues = Partial<Record<string, string>>;

/** The directory entry form (create and edit); without JavaScript it posts and redirects. */
export function OrganisationForm({
  values,
  errors,
  similar,
  directory,
  cancelTo,
  submitLabel,
}: {
  values: OrganisationFormValues;
  errors?: FieldErrors;
  similar?: { id: string; name: string }[];
  /** The directory's URL: links to similar entries. */
  directory: string;
  cancelTo: string;
  submitLabel: string;
}) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      {similar && similar.length > 0 ? (
        <div className="warning-box" role="alert">
          <h2>{t('organisations.duplicates.title')}</h2>
          <p>{t('organisations.duplicates.lead', { count: similar.length })}</p>
          <ul>
            {similar.map((s) => (
              <li key={s.id}>
                <Link to={`${directory}/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PostForm className="stack">
        {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
        <TextField
          name="name"
          label={t('organisations.form.name.label')}
          defaultValue={values.name}
          error={errors?.name}
        />
        <SelectField
          name="kind"
          label={t('organisations.form.kind.label')}
          emptyLabel={t('organisations.form.kind.choose')}
          defaultValue={values.kind}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kind.${k}`) }))}
          error={errors?.kind}
        />
        <SelectField
          name="legalForm"
          label={t('organisations.form.legalForm.label')}
          hint={t('organisations.form.legalForm.hint')}
          emptyLabel={t('organisations.form.legalForm.usual')}
          defaultValue={values.legalForm}
          options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`organisations.legalForm.${f}`) }))}
          error={errors?.legalForm}
        />
        <fieldset className="field-group">
          <legend>{t('organisations.form.identifiers')}</legend>
          <p className="hint">{t('organisations.form.identifiers.hint')}</p>
          <div className="field-row">
            <TextField
              name="nip"
              label="NIP"
              inputMode="numeric"
              width="short"
              autoComplete="off"
              defaultValue={values.nip}
              error={errors?.nip}
            />
            <TextField
              name="regon"
              label="REGON"
              inputMode="numeric"
              width="short"
              autoComplete="off"
              defaultValue={values.regon}
              error={errors?.regon}
            />
            <TextField
              name="krs"
              label="KRS"
              inputMode="numeric"
              width="short"
              autoComplete="off"
              defaultValue={values.krs}
              error={errors?.krs}
            />
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('organisations.form.address')}</legend>
          <TextField
            name="street"
            label={t('organisations.form.street')}
            autoComplete="address-line1"
            defaultValue={values.street}
            error={errors?.street}
          />
          <div className="field-row">
            <TextField
              name="houseNo"
              label={t('organisations.form.houseNo')}
              width="short"
              defaultValue={values.houseNo}
              error={errors?.houseNo}
            />
            <TextField
              name="flatNo"
              label={t('organisations.form.flatNo')}
              width="short"
              defaultValue={values.flatNo}
              error={errors?.flatNo}
            />
          </div>
          <div className="field-row">
            <TextField
              name="postalCode"
              label={t('organisations.form.postalCode')}
              hint="00-000"
              inputMode="numeric"
              width="short"
              autoComplete="postal-code"
              defaultValue={values.postalCode}
              error={errors?.postalCode}
            />
            <TextField
              name="city"
              label={t('organisations.form.city')}
              width="medium"
              autoComplete="address-level2"
              defaultValue={values.city}
              error={errors?.city}
            />
          </div>
        </fieldset>
        <div className="field-row">
          <TextField
            name="phone"
            label={t('organisations.form.phone')}
            width="medium"
            autoComplete="tel"
            defaultValue={values.phone}
            error={errors?.phone}
          />
          <TextField
            name="email"
            type="email"
            label={t('organisations.form.email')}
            width="medium"
            autoComplete="email"
            defaultValue={values.email}
            error={errors?.email}
          />
        </div>
        <TextField
          name="website"
          label={t('organisations.form.website')}
          defaultValue={values.website}
          error={errors?.website}
        />
        <TextArea
          name="notes"
          rows={3}
          label={t('organisations.form.notes')}
          defaultValue={values.notes}
          error={errors?.notes}
        />
        {similar && similar.length > 0 ? (
          <div className="checkbox">
            <input type="checkbox" id="f-confirmDistinct" name="confirmDistinct" value="1" />
            <label htmlFor="f-confirmDistinct">{t('organisations.duplicates.confirm')}</label>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary">
            {submitLabel}
          </button>
          <Link to={cancelTo}>{t('organisations.form.cancel')}</Link>
        </div>
      </PostForm>
    </>
  );
}
