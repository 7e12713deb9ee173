import { DateField, SelectField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { groupLabel } from '../club.labels.ts';
import { Checkbox } from './person-fields.tsx';

/** Joined on, the social contract (the condition of taking part, art. 18 ust. 3) and the statutory group. */
export function MembershipFields({
  values,
  errors,
  groups,
  socialContract,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  groups: string[];
  socialContract: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <DateField
        name="joinedOn"
        label={t('club.members.joinedOn.label')}
        defaultValue={values.joinedOn}
        error={errors.joinedOn}
      />
      <Checkbox
        name="socialContract"
        label={t('club.members.socialContract.label')}
        hint={t('club.members.socialContract.hint')}
        defaultChecked={socialContract}
      />
      <SelectField
        name="atRiskGroup"
        label={t('club.members.group.label')}
        hint={t('club.members.group.hint')}
        emptyLabel={t('club.group.none')}
        options={groups.map((g) => ({ value: g, label: groupLabel(t, g) }))}
        defaultValue={values.atRiskGroup}
        error={errors.atRiskGroup}
      />
    </>
  );
}
