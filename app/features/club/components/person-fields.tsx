import { SelectField, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { LEGAL_BASES } from '../../people/person.schema.ts';

/** The minimum record of a person: names, optional contact, the GDPR basis (with a note). */
export function PersonFields({
  values,
  errors,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="field-row">
        <TextField
          name="givenName"
          width="medium"
          label={t('club.people.givenName.label')}
          autoComplete="off"
          defaultValue={values.givenName}
          error={errors.givenName}
          required
        />
        <TextField
          name="familyName"
          width="medium"
          label={t('club.people.familyName.label')}
          autoComplete="off"
          defaultValue={values.familyName}
          error={errors.familyName}
          required
        />
      </div>
      <div className="field-row">
        <TextField
          name="email"
          type="email"
          width="medium"
          label={t('club.people.email.label')}
          autoComplete="off"
          defaultValue={values.email}
          error={errors.email}
        />
        <TextField
          name="phone"
          width="medium"
          inputMode="numeric"
          label={t('club.people.phone.label')}
          hint={t('club.people.phone.hint')}
          autoComplete="off"
          defaultValue={values.phone}
          error={errors.phone}
        />
      </div>
      <SelectField
        name="legalBasis"
        label={t('club.people.basis.label')}
        hint={t('club.people.basis.hint')}
        emptyLabel={t('club.people.basis.choose')}
        options={LEGAL_BASES.map((b) => ({ value: b, label: t(`club.people.basis.${b}`) }))}
        defaultValue={values.legalBasis}
        error={errors.legalBasis}
        required
      />
      <TextField
        name="basisNote"
        label={t('club.people.basisNote.label')}
        hint={t('club.people.basisNote.hint')}
        defaultValue={values.basisNote}
        error={errors.basisNote}
      />
    </>
  );
}

/** Yes/no as one checkbox that works without JavaScript (unticked sends nothing: "no"). */
export function Checkbox({
  name,
  label,
  hint,
  defaultChecked,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultChecked: boolean;
}) {
  return (
    <div className="field">
      <div className="checkbox">
        <input
          type="checkbox"
          id={`f-${name}`}
          name={name}
          value="on"
          defaultChecked={defaultChecked}
          aria-describedby={hint ? `f-${name}-hint` : undefined}
        />
        <label htmlFor={`f-${name}`}>{label}</label>
      </div>
      {hint ? (
        <p className="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
