import { useLocation } from 'react-router';
import {
  CsrfInput,
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { ParticipantSide, SideConsent } from '../side.server.ts';

type Failed = { intent: string; errors: FieldErrors; values: Record<string, string> } | null;

/**
 * Consents and legal bases, at-risk categories and labour-market status of a participant:
 * three sections (#consents, #categories, #labour-status) with forms that work without
 * JavaScript, folded until used. Shown on the participant page.
 */
export function ParticipantSideSections({
  side,
  canEdit,
  failed,
}: {
  side: ParticipantSide;
  canEdit: boolean;
  failed: Failed;
}) {
  const { t, date } = useI18n();
  // Each navigation (a saved form) closes the folded forms and gives them fresh fields.
  const { key: navigation } = useLocation();
  const f = (intent: string) => (failed && failed.intent === intent ? failed : null);
  const purposeLabel = (p: string) => t(`participants.side.purpose.${p}` as MessageKey);
  const basisLabel = (b: string) => t(`participants.side.basis.${b}` as MessageKey);
  const categoryLabel = (k: string) => t(`participants.side.category.${k}` as MessageKey);
  const statusLabel = (s: string) => t(`participants.side.status.${s}` as MessageKey);
  const consentTitle = (c: SideConsent) =>
    c.organisationName ? `${purposeLabel(c.purpose)}: ${c.organisationName}` : purposeLabel(c.purpose);
  const allConsents = side.consents.flatMap((p) => p.history);
  const withdrawable = allConsents.filter((c) => c.withdrawable);
  const addable = side.options.categories.filter((c) => !c.assigned);
  const rec = f('side.recordConsent');
  const wd = f('side.withdrawConsent');
  const addCat = f('side.addCategory');
  const rmCat = f('side.removeCategory');
  const st = f('side.recordStatus');

  return (
    <>
      <section aria-labelledby="consents" className="section">
        <h2 id="consents">{t('participants.side.consents.title')}</h2>
        <p className="hint">{t('participants.side.consents.intro')}</p>
        {side.supportNeedsOtherBasis ? (
          <p className="notice" role="status">
            <strong>{t('participants.side.consents.supportWithdrawnTitle')}</strong>{' '}
            {t('participants.side.consents.supportWithdrawnBody')}
          </p>
        ) : null}
        <dl className="summary-list">
          {side.consents.map((p) => (
            <div key={p.purpose}>
              <dt>{purposeLabel(p.purpose)}</dt>
              <dd>
                {p.active.length === 0 ? (
                  t('participants.side.consents.noneActive')
                ) : (
                  <ul className="plain-list">
                    {p.active.map((c) => (
                      <li key={c.id}>
                        {c.organisationName ? `${c.organisationName}: ` : ''}
                        {t('participants.side.consents.activeSince', {
                          basis: basisLabel(c.basis),
                          date: date(c.givenOn),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
        {allConsents.length > 0 ? (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption>{t('participants.side.consents.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participants.side.consent.purpose.label')}</th>
                  <th scope="col">{t('participants.side.consent.basis.label')}</th>
                  <th scope="col">{t('participants.side.consent.givenOn.label')}</th>
                  <th scope="col">{t('participants.side.consents.state')}</th>
                  <th scope="col">{t('participants.side.consent.note.label')}</th>
                </tr>
              </thead>
              <tbody>
                {allConsents.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{consentTitle(c)}</th>
                    <td data-label={t('participants.side.consent.basis.label')}>{basisLabel(c.basis)}</td>
                    <td data-label={t('participants.side.consent.givenOn.label')}>{date(c.givenOn)}</td>
                    <td data-label={t('participants.side.consents.state')}>
                      {c.withdrawnOn
                        ? t('participants.side.consents.withdrawnOn', {
                            date: date(c.withdrawnOn),
                            name: c.withdrawnByName ?? '—',
                          })
                        : t('participants.side.consents.inForce')}
                    </td>
                    <td data-label={t('participants.side.consent.note.label')}>{c.note || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('participants.side.consents.none')}</p>
        )}
        {canEdit ? (
          <details key={`consent-${navigation}`} className="panel-details" open={Boolean(rec)}>
            <summary>{t('participants.side.consent.add')}</summary>
            <ErrorSummary errors={rec?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="side.recordConsent" />
              <RadioGroup
                name="purpose"
                label={t('participants.side.consent.purpose.label')}
                defaultValue={rec?.values.purpose}
                error={rec?.errors.purpose}
                options={side.options.purposes.map((p) => ({ value: p, label: purposeLabel(p) }))}
              />
              <SelectField
                name="organisationId"
                label={t('participants.side.consent.organisation.label')}
                hint={t('participants.side.consent.organisation.hint')}
                defaultValue={rec?.values.organisationId}
                error={rec?.errors.organisationId}
                emptyLabel={t('participants.side.consent.organisation.none')}
                options={side.options.organisations.map((o) => ({ value: o.id, label: o.name }))}
              />
              <RadioGroup
                name="basis"
                label={t('participants.side.consent.basis.label')}
                hint={t('participants.side.consent.basis.hint')}
                defaultValue={rec?.values.basis ?? 'consent'}
                error={rec?.errors.basis}
                options={side.options.bases.map((b) => ({ value: b, label: basisLabel(b) }))}
              />
              <DateField
                name="givenOn"
                label={t('participants.side.consent.givenOn.label')}
                required
                defaultValue={rec?.values.givenOn}
                error={rec?.errors.givenOn}
              />
              <TextArea
                name="consentNote"
                label={t('participants.side.consent.note.label')}
                rows={2}
                defaultValue={rec?.values.consentNote}
                error={rec?.errors.consentNote}
              />
              <div>
                <button type="submit" className="button button--primary">
                  {t('participants.side.consent.save')}
                </button>
              </div>
            </PostForm>
          </details>
        ) : null}
        {canEdit && withdrawable.length > 0 ? (
          <details key={`withdraw-${navigation}`} className="panel-details" open={Boolean(wd)}>
            <summary>{t('participants.side.withdraw.title')}</summary>
            <ErrorSummary errors={wd?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="side.withdrawConsent" />
              <SelectField
                name="consentId"
                label={t('participants.side.withdraw.consent.label')}
                emptyLabel={t('participants.side.withdraw.consent.choose')}
                defaultValue={wd?.values.consentId}
                error={wd?.errors.consentId}
                options={withdrawable.map((c) => ({
                  value: c.id,
                  label: t('participants.side.withdraw.option', {
                    purpose: consentTitle(c),
                    date: date(c.givenOn),
                  }),
                }))}
              />
              <DateField
                name="withdrawnOn"
                label={t('participants.side.withdraw.date.label')}
                required
                defaultValue={wd?.values.withdrawnOn}
                error={wd?.errors.withdrawnOn}
              />
              <p className="hint">{t('participants.side.withdraw.supportHint')}</p>
              <div>
                <button type="submit" className="button button--danger">
                  {t('participants.side.withdraw.save')}
                </button>
              </div>
            </PostForm>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="categories" className="section">
        <h2 id="categories">{t('participants.side.categories.title')}</h2>
        <p className="hint">
          {t('participants.side.categories.intro', { source: side.categoryParameter.source })}
        </p>
        <ErrorSummary errors={rmCat?.errors} />
        {side.categories.length === 0 ? (
          <p>{t('participants.side.categories.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption className="visually-hidden">{t('participants.side.categories.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participants.side.category.label')}</th>
                  <th scope="col">{t('participants.side.categories.ref')}</th>
                  <th scope="col">{t('participants.side.category.evidence.label')}</th>
                  <th scope="col">{t('participants.side.category.notedOn.label')}</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('participants.side.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {side.categories.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{categoryLabel(c.key)}</th>
                    <td data-label={t('participants.side.categories.ref')}>
                      {c.listed ? c.ref : t('participants.side.categories.notListed')}
                      {c.listed && !c.verified ? (
                        <>
                          {' '}
                          <span className="tag">{t('participants.side.categories.unverified')}</span>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t('participants.side.category.evidence.label')}>{c.evidence || '—'}</td>
                    <td data-label={t('participants.side.category.notedOn.label')}>{date(c.notedOn)}</td>
                    {canEdit ? (
                      <td>
                        <form method="post">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="side.removeCategory" />
                          <input type="hidden" name="category" value={c.key} />
                          <button type="submit" className="button button--danger button--small">
                            {t('participants.side.category.remove')}
                            <span className="visually-hidden">: {categoryLabel(c.key)}</span>
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit && addable.length > 0 ? (
          <details key={`category-${navigation}`} className="panel-details" open={Boolean(addCat)}>
            <summary>{t('participants.side.category.add')}</summary>
            <ErrorSummary errors={addCat?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="side.addCategory" />
              <RadioGroup
                name="category"
                label={t('participants.side.category.label')}
                defaultValue={addCat?.values.category}
                error={addCat?.errors.category}
                options={addable.map((c) => ({
                  value: c.key,
                  label: `${categoryLabel(c.key)} (${c.ref}${
                    c.verified ? '' : `; ${t('participants.side.categories.unverified')}`
                  })`,
                }))}
              />
              <TextField
                name="evidence"
                label={t('participants.side.category.evidence.label')}
                hint={t('participants.side.category.evidence.hint')}
                defaultValue={addCat?.values.evidence}
                error={addCat?.errors.evidence}
              />
              <DateField
                name="notedOn"
                label={t('participants.side.category.notedOn.label')}
                hint={t('participants.side.category.notedOn.hint')}
                defaultValue={addCat?.values.notedOn}
                error={addCat?.errors.notedOn}
              />
              <div>
                <button type="submit" className="button button--primary">
                  {t('participants.side.category.save')}
                </button>
              </div>
            </PostForm>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="labour-status" className="section">
        <h2 id="labour-status">{t('participants.side.labour.title')}</h2>
        <p>
          {side.currentStatus
            ? t('participants.side.labour.current', {
                status: statusLabel(side.currentStatus.status),
                date: date(side.currentStatus.fromDate),
              })
            : t('participants.side.labour.none')}
        </p>
        {side.labourStatuses.length > 0 ? (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption>{t('participants.side.labour.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('participants.side.labour.fromDate.label')}</th>
                  <th scope="col">{t('participants.side.labour.status.label')}</th>
                  <th scope="col">{t('participants.side.labour.note.label')}</th>
                </tr>
              </thead>
              <tbody>
                {side.labourStatuses.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{date(s.fromDate)}</th>
                    <td data-label={t('participants.side.labour.status.label')}>
                      {statusLabel(s.status)}
                      {side.currentStatus?.id === s.id
                        ? ` (${t('participants.side.labour.currentTag')})`
                        : ''}
                    </td>
                    <td data-label={t('participants.side.labour.note.label')}>{s.note || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {canEdit ? (
          <details key={`status-${navigation}`} className="panel-details" open={Boolean(st)}>
            <summary>{t('participants.side.labour.add')}</summary>
            <ErrorSummary errors={st?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="side.recordStatus" />
              <RadioGroup
                name="labourStatus"
                label={t('participants.side.labour.status.label')}
                defaultValue={st?.values.labourStatus}
                error={st?.errors.labourStatus}
                options={side.options.labourStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
              />
              <DateField
                name="fromDate"
                label={t('participants.side.labour.fromDate.label')}
                required
                defaultValue={st?.values.fromDate}
                error={st?.errors.fromDate}
              />
              <TextArea
                name="statusNote"
                label={t('participants.side.labour.note.label')}
                rows={2}
                defaultValue={st?.values.statusNote}
                error={st?.errors.statusNote}
              />
              <div>
                <button type="submit" className="button button--primary">
                  {t('participants.side.labour.save')}
                </button>
              </div>
            </PostForm>
          </details>
        ) : null}
      </section>
    </>
  );
}
