import { useSearchParams } from 'react-router';
import {
  DateField,
  ErrorSummary,
  fieldId,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { ADVICE_KINDS } from '../advice.policy.ts';

import { type Failed, type Free, kindLabel, type Org, slotLabel } from './calendar-format.ts';

/** Book a free slot: staff for a person (from their page) or an organisation; a partner for theirs. */
export function BookForm({
  slots,
  organisations,
  forPerson,
  failed,
  staff,
}: {
  slots: Free[];
  organisations: Org[];
  forPerson: { id: string; name: string } | null;
  failed: Failed;
  staff: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [params] = useSearchParams();
  const values = failed?.values ?? { slotId: params.get('slot') ?? '' };
  const errors = failed?.errors ?? {};
  return (
    <section aria-labelledby="book-title" id="book" className="section form-page">
      <h2 id="book-title">{t('advice.book.title')}</h2>
      {slots.length === 0 ? (
        <p>{t('advice.book.noFree')}</p>
      ) : (
        <PostForm className="stack">
          <input type="hidden" name="intent" value="book" />
          <ErrorSummary errors={errors} />
          <SelectField
            name="slotId"
            label={t('advice.book.slot')}
            emptyLabel="—"
            options={slots.map((s) => ({ value: s.id, label: slotLabel(i18n, s) }))}
            defaultValue={values.slotId}
            error={errors.slotId}
            required
          />
          {forPerson ? (
            <>
              <input type="hidden" name="personId" value={forPerson.id} />
              <p>{t('advice.book.forPerson', { name: forPerson.name })}</p>
            </>
          ) : (
            <SelectField
              name="organisationId"
              label={t('advice.book.organisation')}
              hint={staff ? t('advice.book.organisationHint') : undefined}
              emptyLabel={organisations.length === 1 ? undefined : '—'}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={values.organisationId}
              error={errors.organisationId ?? errors.target}
              required
            />
          )}
          <TextField
            name="topic"
            label={t('advice.book.topic')}
            defaultValue={values.topic}
            error={errors.topic}
            required
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('advice.book.submit')}
            </button>
          </div>
        </PostForm>
      )}
    </section>
  );
}

/** A partner asks for an appointment when no free slot suits them. */
export function RequestForm({ organisations, failed }: { organisations: Org[]; failed: Failed }) {
  const { t } = useI18n();
  const values = failed?.values ?? {};
  const errors = failed?.errors ?? {};
  return (
    <section aria-labelledby="request" className="section form-page">
      <h2 id="request">{t('advice.request.title')}</h2>
      <PostForm className="stack">
        <input type="hidden" name="intent" value="request" />
        <ErrorSummary errors={errors} />
        <SelectField
          name="organisationId"
          label={t('advice.book.organisation')}
          emptyLabel={organisations.length === 1 ? undefined : '—'}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={values.organisationId}
          error={errors.organisationId ?? errors.target}
          required
        />
        <SelectField
          name="kind"
          label={t('advice.session.kind.label')}
          emptyLabel="—"
          options={ADVICE_KINDS.map((k) => ({ value: k, label: t(`advice.kind.${k}`) }))}
          defaultValue={values.kind}
          error={errors.kind}
          required
        />
        <TextField
          name="topic"
          label={t('advice.book.topic')}
          defaultValue={values.topic}
          error={errors.topic}
          required
        />
        <TextArea
          name="preferredTimes"
          rows={2}
          label={t('advice.request.preferredTimes')}
          hint={t('advice.request.preferredTimesHint')}
          defaultValue={values.preferredTimes}
          error={errors.preferredTimes}
          required
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('advice.request.submit')}
          </button>
        </div>
      </PostForm>
    </section>
  );
}

type Request = {
  id: string;
  kind: string;
  topic: string;
  preferredTimes: string;
  createdAt: string;
  requestedFor: string | null;
};

/** Open requests: book each into a free slot, or decline it. */
export function RequestsList({
  requests,
  freeSlots,
  failed,
}: {
  requests: Request[];
  freeSlots: Free[];
  failed: Failed;
}) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  return (
    <section aria-labelledby="requests" className="section">
      <h2 id="requests">{t('advice.requests.title')}</h2>
      {requests.length === 0 ? (
        <p>{t('advice.requests.none')}</p>
      ) : (
        <ul className="plain-list">
          {requests.map((r) => {
            const err = failed?.values.appointmentId === r.id ? failed.errors : null;
            const id = `answer-${r.id}`;
            return (
              <li key={r.id} className="advice-request">
                <h3>
                  {r.requestedFor ?? '—'} — {kindLabel(t, r.kind)}
                </h3>
                <p>
                  {t('advice.requests.topic', { topic: r.topic })}
                  <br />
                  {t('advice.requests.preferred', { times: r.preferredTimes })}
                  <br />
                  <span className="hint">{t('advice.requests.sent', { when: dateTime(r.createdAt) })}</span>
                </p>
                {err ? <ErrorSummary errors={err} /> : null}
                <PostForm className="advice-inline-form">
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="appointmentId" value={r.id} />
                  <div className={err?.slotId ? 'field field--error' : 'field'}>
                    <label htmlFor={id}>{t('advice.requests.bookInto')}</label>
                    <select id={err ? fieldId('slotId') : id} name="slotId" className="input input--full">
                      <option value="">—</option>
                      {freeSlots.map((s) => (
                        <option key={s.id} value={s.id}>
                          {slotLabel(i18n, s)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="button button--secondary">
                    {t('advice.requests.book')}
                  </button>
                </PostForm>
                <PostForm className="advice-inline-form">
                  <input type="hidden" name="intent" value="decline" />
                  <input type="hidden" name="appointmentId" value={r.id} />
                  <button type="submit" className="button button--small button--danger">
                    {t('advice.requests.decline')}
                  </button>
                </PostForm>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** An advisor adds slots: once, or the same time weekly for up to 12 weeks. */
export function CreateSlotsForm({ failed }: { failed: Failed }) {
  const { t } = useI18n();
  const values = failed?.values ?? { minutes: '60', repeat: '1' };
  const errors = failed?.errors ?? {};
  return (
    <section aria-labelledby="slots-new" className="section form-page">
      <h2 id="slots-new">{t('advice.slots.title')}</h2>
      <PostForm className="stack">
        <input type="hidden" name="intent" value="createSlots" />
        <ErrorSummary errors={errors} />
        <DateField
          name="date"
          label={t('advice.slots.date')}
          defaultValue={values.date}
          error={errors.date}
          required
        />
        <TextField
          name="time"
          label={t('advice.slots.time')}
          hint={t('advice.slots.timeHint')}
          width="short"
          defaultValue={values.time}
          error={errors.time}
          required
        />
        <TextField
          name="minutes"
          type="number"
          width="short"
          inputMode="numeric"
          label={t('advice.slots.minutes')}
          defaultValue={values.minutes}
          error={errors.minutes}
          required
        />
        <SelectField
          name="kind"
          label={t('advice.session.kind.label')}
          emptyLabel="—"
          options={ADVICE_KINDS.map((k) => ({ value: k, label: t(`advice.kind.${k}`) }))}
          defaultValue={values.kind}
          error={errors.kind}
          required
        />
        <TextField
          name="place"
          label={t('advice.slots.place')}
          defaultValue={values.place}
          error={errors.place}
        />
        <TextField
          name="repeat"
          type="number"
          width="short"
          inputMode="numeric"
          label={t('advice.slots.repeat')}
          hint={t('advice.slots.repeatHint')}
          defaultValue={values.repeat}
          error={errors.repeat}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('advice.slots.submit')}
          </button>
        </div>
      </PostForm>
    </section>
  );
}

type OrgAppointment = {
  id: string;
  status: string;
  kind: string;
  topic: string;
  startsAt: string | null;
  advisorName: string | null;
  organisationName: string;
};

/** A partner's own appointments (their organisations' only). */
export function OrganisationAppointments({ appointments }: { appointments: OrgAppointment[] }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="org-appointments" className="section">
      <h2 id="org-appointments">{t('advice.org.title')}</h2>
      {appointments.length === 0 ? (
        <p>{t('advice.org.none')}</p>
      ) : (
        <ul className="plain-list">
          {appointments.map((a) => (
            <li key={a.id} className="advice-request">
              <strong>{a.startsAt ? dateTime(a.startsAt) : t('advice.status.requested')}</strong> —{' '}
              {kindLabel(t, a.kind)}, {a.organisationName}: {a.topic}
              {a.advisorName ? ` (${a.advisorName})` : ''} —{' '}
              {t(`advice.status.${a.status}` as 'advice.status.booked')}
              {a.status === 'booked' || a.status === 'requested' ? (
                <PostForm className="advice-inline-form">
                  <input type="hidden" name="intent" value="cancelAppointment" />
                  <input type="hidden" name="appointmentId" value={a.id} />
                  <button type="submit" className="button button--small button--secondary">
                    {t('advice.org.cancel')}
                  </button>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
