import { Form, Link } from 'react-router';
import { ErrorSummary, errorText, fieldId, PostForm, TextArea } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { ADVICE_KINDS, isAdviceKind } from '../../features/advice/advice.policy.ts';
import { bookSlot, listFreeSlots, requestAppointment } from '../../features/advice/appointments.server.ts';
import { useWhen } from '../../features/me/components/me-sections.tsx';
import { canUseSelfService, requireSelfPerson } from '../../features/me/me.server.ts';
import { failure, handleForm } from '../../features/participants/participant-route.server.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/me-appointment-new';

const SLOTS_SHOWN = 12;

async function self(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canUseSelfService(r.locality)) throw forbidden();
  const db = services(args.context).db;
  const personId = await requireSelfPerson(db, r);
  return { ...r, db, personId };
}

/**
 * Booking an appointment in two steps that work without JavaScript: the kind of advice
 * (`?kind=`), then a free slot, or a request with times that suit when no slot does.
 */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, db } = await self(args);
    const query = new URL(args.request.url).searchParams;
    const kind = query.get('kind');
    const chosen = isAdviceKind(kind) ? kind : null;
    // "Next" pressed without a choice (or with an unknown kind) is said at the choice.
    const kindInvalid = !chosen && (query.has('step') || Boolean(kind));
    const slots = chosen
      ? await listFreeSlots(db, {
          localityId: locality.localityId,
          from: new Date(),
          kind: chosen,
          limit: SLOTS_SHOWN,
        })
      : [];
    return { locality: { slug: locality.slug }, kind: chosen, kindInvalid, slots };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality, db, personId } = await run(() => self(args));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const notify = {
    mail: services(args.context).mail,
    baseUrl: baseUrl(args.request, services(args.context).config),
  };
  const done = (key: MessageKey) =>
    redirectWithFlash(args.context, `/app/${locality.slug}/me#my-appointments`, { kind: 'success', key });
  return handleForm(form, async () => {
    if (intent === 'book') {
      const slotId = String(form.get('slotId') ?? '').trim();
      if (!slotId) return failure(form, { slotId: 'me.book.slot.required' });
      try {
        await bookSlot(db, {
          actor,
          locality,
          slotId,
          personId,
          organisationId: null,
          topic: String(form.get('topic') ?? ''),
          notify,
        });
      } catch (error) {
        // A rule failure without a field (e.g. a slot gone meanwhile) belongs to the slot choice.
        if (
          error instanceof AppError &&
          error.code !== 'FORBIDDEN' &&
          error.code !== 'NOT_FOUND' &&
          Object.keys(error.fieldErrors).length === 0
        )
          return failure(form, { slotId: error.messageKey }, error.status);
        throw error;
      }
      return done('me.book.booked');
    }
    if (intent === 'request') {
      try {
        await requestAppointment(db, {
          actor,
          locality,
          kind: String(form.get('kind') ?? ''),
          personId,
          organisationId: null,
          topic: String(form.get('requestTopic') ?? ''),
          preferredTimes: String(form.get('preferredTimes') ?? ''),
          notify,
        });
      } catch (error) {
        // The request form's topic field is named requestTopic (the booking form has its own).
        if (error instanceof AppError && error.fieldErrors.topic) {
          const { topic: topicError, ...rest } = error.fieldErrors;
          return failure(form, { ...rest, requestTopic: topicError }, error.status);
        }
        throw error;
      }
      return done('me.request.sent');
    }
    return failure(form, { _form: 'errors.400.body' });
  });
}

export default function MeAppointmentNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const when = useWhen();
  const { kind, slots, locality } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const book = failed?.intent === 'book' ? failed : null;
  const req = failed?.intent === 'request' ? failed : null;
  const back = `/app/${locality.slug}/me`;
  const kindLabel = (k: string) => t(`me.kind.${k}` as MessageKey);
  if (!kind) {
    return (
      <div className="me">
        <PageHeader title={t('me.book.title')} lead={t('me.book.step1')} />
        {loaderData.kindInvalid ? <ErrorSummary errors={{ kind: 'me.book.kind.required' }} /> : null}
        <Form method="get" className="me-form">
          <input type="hidden" name="step" value="slots" />
          <fieldset
            className={loaderData.kindInvalid ? 'me-choices field--error' : 'me-choices'}
            id={fieldId('kind')}
            aria-describedby={loaderData.kindInvalid ? `${fieldId('kind')}-error` : undefined}
          >
            <legend>{t('me.book.kind.label')}</legend>
            {loaderData.kindInvalid ? (
              <p className="field-error" id={`${fieldId('kind')}-error`}>
                <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
                {t('me.book.kind.required')}
              </p>
            ) : null}
            {ADVICE_KINDS.map((k) => (
              <div className="me-choice" key={k}>
                <input type="radio" name="kind" value={k} id={`kind-${k}`} />
                <label htmlFor={`kind-${k}`}>
                  <strong>{kindLabel(k)}</strong>
                  <span className="me-choice__hint">{t(`me.kind.${k}.hint` as MessageKey)}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <div className="me-actions">
            <button type="submit" className="button button--primary me-button">
              {t('me.book.next')}
            </button>
            <Link to={back} className="button button--secondary me-button">
              {t('me.back')}
            </Link>
          </div>
        </Form>
      </div>
    );
  }
  const slotError = book?.errors.slotId;
  return (
    <div className="me">
      <PageHeader
        title={t('me.book.titleKind', { kind: kindLabel(kind) })}
        hasError={Boolean(failed)}
        lead={t('me.book.step2')}
      />
      <p>
        <Link to="?">{t('me.book.changeKind')}</Link>
      </p>
      <ErrorSummary errors={failed?.errors} />
      {slots.length === 0 ? (
        <>
          {slotError ? (
            <div className="field field--error" id={fieldId('slotId')}>
              <p className="field-error" id={`${fieldId('slotId')}-error`}>
                <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
                {errorText(t, slotError)}
              </p>
            </div>
          ) : null}
          <p className="me-lead">{t('me.book.noSlots')}</p>
        </>
      ) : (
        <PostForm className="me-form">
          <input type="hidden" name="intent" value="book" />
          <div className={slotError ? 'field field--error' : 'field'}>
            <fieldset
              className="me-choices"
              id={fieldId('slotId')}
              aria-describedby={slotError ? `${fieldId('slotId')}-error` : undefined}
            >
              <legend>{t('me.book.slot.label')}</legend>
              {slotError ? (
                <p className="field-error" id={`${fieldId('slotId')}-error`}>
                  <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
                  {errorText(t, slotError)}
                </p>
              ) : null}
              {slots.map((s) => (
                <div className="me-choice" key={s.id}>
                  <input
                    type="radio"
                    name="slotId"
                    value={s.id}
                    id={`slot-${s.id}`}
                    defaultChecked={book?.values.slotId === s.id}
                  />
                  <label htmlFor={`slot-${s.id}`}>
                    <strong>{when(s.startsAt)}</strong>
                    <span className="me-choice__hint">
                      {t('me.book.slot.details', { minutes: s.minutes, name: s.advisorName })}
                    </span>
                    {s.place ? (
                      <span className="me-choice__hint">
                        {t('me.appointments.place', { place: s.place })}
                      </span>
                    ) : null}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <TextArea
            name="topic"
            rows={3}
            label={t('me.book.topic.label')}
            hint={t('me.book.topic.hint')}
            defaultValue={book?.values.topic}
            error={book?.errors.topic}
            required
          />
          <button type="submit" className="button button--primary me-button">
            {t('me.book.submit')}
          </button>
        </PostForm>
      )}
      <section aria-labelledby="me-request" className="me-section">
        <h2 id="me-request">{t('me.request.title')}</h2>
        <p>{t('me.request.intro')}</p>
        <PostForm className="me-form">
          <input type="hidden" name="intent" value="request" />
          <input type="hidden" name="kind" value={kind} />
          <TextArea
            name="preferredTimes"
            rows={3}
            label={t('me.request.preferredTimes.label')}
            hint={t('me.request.preferredTimes.hint')}
            defaultValue={req?.values.preferredTimes}
            error={req?.errors.preferredTimes}
            required
          />
          <TextArea
            name="requestTopic"
            rows={3}
            label={t('me.book.topic.label')}
            hint={t('me.book.topic.hint')}
            defaultValue={req?.values.requestTopic}
            error={req?.errors.requestTopic}
            required
          />
          <button type="submit" className="button button--secondary me-button">
            {t('me.request.submit')}
          </button>
        </PostForm>
      </section>
    </div>
  );
}
