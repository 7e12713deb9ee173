import { ErrorSummary, PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { UnverifiedNote } from '../../club/components/club-bits.tsx';
import type { AgreementCheck, AgreementParameter } from '../volunteers.rules.ts';
import { AgreementCheckNote } from './agreement-check.tsx';
import { VolunteerFields } from './volunteer-fields.tsx';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type Data = {
  staff: boolean;
  person: { email: string; phone: string; legalBasis: string; basisNote: string };
  volunteer: {
    status: string;
    since: string;
    skills: string;
    agreementScope: string;
    agreementFrom: string | null;
    agreementTo: string | null;
    agreementSignedOn: string | null;
  };
  organisationName: string | null;
  createdByName: string | null;
  check: AgreementCheck;
  parameter: { value: AgreementParameter; source: string; verified: boolean };
  organisations: { id: string; name: string }[];
  edit: Record<string, string>;
};

/**
 * A volunteer's data and agreement with the rule in words; the staff also see contact details
 * and the GDPR basis and can correct the record (a form that works without JavaScript).
 */
export function VolunteerSections({
  data: d,
  updateFailed,
}: {
  data: Data;
  updateFailed: { values: Record<string, string>; errors: FieldErrors } | null;
}) {
  const { t, date } = useI18n();
  const v = d.volunteer;
  return (
    <>
      <section aria-labelledby="vp-data">
        <h2 id="vp-data">{t('volunteers.page.data')}</h2>
        <dl className="summary-list">
          <Row label={t('volunteers.list.status')}>
            {v.status === 'ended' ? t('volunteers.status.ended') : t('volunteers.status.active')}
          </Row>
          <Row label={t('volunteers.form.organisation.label')}>
            {d.organisationName ?? t('volunteers.page.noOrganisation')}
          </Row>
          <Row label={t('volunteers.form.since.label')}>
            {date(v.since)}
            {d.createdByName ? ` (${t('volunteers.page.registeredBy', { name: d.createdByName })})` : ''}
          </Row>
          <Row label={t('volunteers.form.skills.label')}>{v.skills || '—'}</Row>
          {d.staff ? (
            <>
              <Row label={t('club.people.email.label')}>{d.person.email || '—'}</Row>
              <Row label={t('club.people.phone.label')}>{d.person.phone || '—'}</Row>
              <Row label={t('club.people.basis.label')}>
                {t(`club.people.basis.${d.person.legalBasis}` as MessageKey)}
                {d.person.basisNote ? ` — ${d.person.basisNote}` : ''}
              </Row>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="vp-agreement" className="section">
        <h2 id="vp-agreement">{t('volunteers.page.agreement')}</h2>
        <AgreementCheckNote check={d.check} />
        <dl className="summary-list">
          <Row label={t('volunteers.form.scope.label')}>{v.agreementScope || '—'}</Row>
          <Row label={t('volunteers.page.period')}>
            {v.agreementFrom
              ? [
                  date(v.agreementFrom),
                  v.agreementTo ? date(v.agreementTo) : t('volunteers.page.openEnded'),
                ].join(' – ')
              : '—'}
          </Row>
          <Row label={t('volunteers.form.signedOn.label')}>
            {v.agreementSignedOn ? date(v.agreementSignedOn) : t('volunteers.page.notSigned')}
          </Row>
        </dl>
        <UnverifiedNote parameter={d.parameter} />
        {d.staff ? (
          <details className="panel-details" open={Boolean(updateFailed)}>
            <summary>{t('volunteers.page.editSummary')}</summary>
            <PostForm className="stack">
              <input type="hidden" name="intent" value="update" />
              {updateFailed ? <ErrorSummary errors={updateFailed.errors} /> : null}
              <VolunteerFields
                values={updateFailed?.values ?? d.edit}
                errors={updateFailed?.errors ?? {}}
                organisations={d.organisations}
                parameter={d.parameter.value}
              />
              <button type="submit" className="button button--primary">
                {t('volunteers.page.save')}
              </button>
            </PostForm>
          </details>
        ) : null}
      </section>
    </>
  );
}
