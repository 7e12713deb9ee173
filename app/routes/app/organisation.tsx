import { data, Link } from 'react-router';
import { z } from 'zod';
import {
  CsrfInput,
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { emailField } from '../../features/auth/auth.schema.ts';
import { contactEventSchema } from '../../features/organisations/contact-event.schema.ts';
import {
  addContact,
  addContactEvent,
  completeFollowUp,
  removeContact,
} from '../../features/organisations/contacts.server.ts';
import {
  canManageDirectory,
  canManageRepresentatives,
  canViewDirectory,
} from '../../features/organisations/organisation.policy.ts';
import {
  isRepresentativeRole,
  type LegalForm,
  type OrganisationKind,
  REPRESENTATIVE_ROLES,
} from '../../features/organisations/organisation.rules.ts';
import {
  CONTACT_CHANNELS,
  contactSchema,
  LEGAL_BASES,
} from '../../features/organisations/organisation.schema.ts';
import {
  getOrganisation,
  listContactEvents,
  listContacts,
} from '../../features/organisations/organisations.queries.server.ts';
import {
  inviteRepresentative,
  linkRepresentative,
  representativesOf,
  unlinkRepresentative,
} from '../../features/organisations/representatives.server.ts';
import { listResponsibleCandidates } from '../../features/roadmap/roadmap.queries.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import {
  i18nOf,
  redirectWithFlash,
  requireActor,
  run,
  services,
  throwAppError,
} from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/organisation';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewDirectory(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const { db } = services(args.context);
    const org = await getOrganisation(db, {
      localityId: locality.localityId,
      id: args.params.organisationId,
    });
    if (!org) throw new AppError('NOT_FOUND', 'errors.404.body');
    const canManage = canManageDirectory(actor, locality);
    // Contact people and the contact history are personal data: staff who keep the directory only.
    const [contacts, events, staff, representatives] = canManage
      ? await Promise.all([
          listContacts(db, { localityId: locality.localityId, organisationId: org.id }),
          listContactEvents(db, { localityId: locality.localityId, organisationId: org.id }),
          listResponsibleCandidates(db, { localityId: locality.localityId }),
          representativesOf(db, { localityId: locality.localityId, organisationId: org.id }),
        ])
      : [[], [], [], null];
    return {
      locality: { slug: locality.slug, name: locality.name },
      org: {
        id: org.id,
        name: org.name,
        kind: org.kind as OrganisationKind,
        legalForm: org.legalForm as LegalForm,
        isPes: org.isPes,
        pesLetter: org.pesLetter,
        nip: org.nip,
        regon: org.regon,
        krs: org.krs,
        address: [
          [org.street, [org.houseNo, org.flatNo].filter(Boolean).join('/')].filter(Boolean).join(' '),
          [org.postalCode, org.city].filter(Boolean).join(' '),
        ]
          .filter(Boolean)
          .join(', '),
        phone: org.phone,
        email: org.email,
        website: org.website,
        notes: org.notes,
      },
      contacts: contacts.map((c) => ({
        id: c.id,
        name: c.name,
        role: c.role,
        email: c.email,
        phone: c.phone,
        legalBasis: c.legalBasis,
        basisNote: c.basisNote,
      })),
      events,
      staff,
      canManage,
      representatives,
      canManageRepresentatives: canManageRepresentatives(actor, locality),
      today: dateInputValue(todayInWarsaw()),
      selfId: actor.userId,
    };
  });
}

type Failure = { ok: false; intent: string; errors: FieldErrors; values: Record<string, string> };

const representativeInviteSchema = z.object({
  email: emailField,
  role: z.string().refine(isRepresentativeRole, { message: 'organisations.representatives.roleRequired' }),
});

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  const { db } = services(args.context);
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const organisationId = args.params.organisationId;
  const back = `/app/${locality.slug}/organisations/${organisationId}`;
  const fail = (errors: FieldErrors, status: number) =>
    data<Failure>({ ok: false, intent, errors, values: formValues(form) }, { status });
  try {
    if (intent === 'addContact') {
      const parsed = parseForm(form, contactSchema);
      if (!parsed.ok) return fail(parsed.errors, 400);
      await addContact(db, { actor, locality, organisationId, input: parsed.data });
      return redirectWithFlash(args.context, `${back}#contacts`, {
        kind: 'success',
        key: 'organisations.contacts.added',
      });
    }
    if (intent === 'removeContact') {
      await removeContact(db, {
        actor,
        locality,
        organisationId,
        contactId: String(form.get('contactId') ?? ''),
      });
      return redirectWithFlash(args.context, `${back}#contacts`, {
        kind: 'success',
        key: 'organisations.contacts.removed',
      });
    }
    if (intent === 'addEvent') {
      const parsed = parseForm(form, contactEventSchema);
      if (!parsed.ok) return fail(parsed.errors, 400);
      await addContactEvent(db, { actor, locality, organisationId, input: parsed.data });
      return redirectWithFlash(args.context, `${back}#history`, {
        kind: 'success',
        key: 'organisations.events.added',
      });
    }
    if (intent === 'inviteRepresentative') {
      const parsed = parseForm(form, representativeInviteSchema);
      if (!parsed.ok) return fail(parsed.errors, 400);
      const { config, mail } = services(args.context);
      await inviteRepresentative(db, {
        actor,
        locality,
        organisationId,
        email: parsed.data.email,
        role: parsed.data.role,
        baseUrl: baseUrl(args.request, config),
        mail,
        locale: i18nOf(args.context).locale,
      });
      return redirectWithFlash(args.context, `${back}#representatives`, {
        kind: 'success',
        key: 'organisations.representatives.invited',
      });
    }
    if (intent === 'linkRepresentative' || intent === 'unlinkRepresentative') {
      // The account is chosen as "<user id>:<role>" (one person may hold both roles).
      const [userId = '', role = ''] = String(form.get('representative') ?? '').split(':');
      if (intent === 'linkRepresentative') {
        await linkRepresentative(db, { actor, locality, organisationId, userId, role });
      } else {
        await unlinkRepresentative(db, { actor, locality, organisationId, userId, role });
      }
      return redirectWithFlash(args.context, `${back}#representatives`, {
        kind: 'success',
        key:
          intent === 'linkRepresentative'
            ? 'organisations.representatives.linked'
            : 'organisations.representatives.unlinked',
      });
    }
    if (intent === 'completeFollowUp') {
      const eventId = Number(form.get('eventId'));
      if (!Number.isInteger(eventId)) throw new AppError('BAD_REQUEST', 'errors.400.body');
      await completeFollowUp(db, { actor, locality, organisationId, eventId });
      return redirectWithFlash(args.context, `${back}#history`, {
        kind: 'success',
        key: 'organisations.events.followUpDone',
      });
    }
    throw new AppError('BAD_REQUEST', 'errors.400.body');
  } catch (error) {
    if (
      error instanceof AppError &&
      ['DOMAIN_RULE', 'BAD_REQUEST'].includes(error.code) &&
      Object.keys(error.fieldErrors).length
    ) {
      return fail(error.fieldErrors, error.status);
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

export default function Organisation({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateTime } = useI18n();
  const { locality, org, contacts, events, staff, canManage, today, selfId, representatives } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const contactFail = failed?.intent === 'addContact' ? failed : null;
  const eventFail = failed?.intent === 'addEvent' ? failed : null;
  const inviteFail = failed?.intent === 'inviteRepresentative' ? failed : null;
  const linkFail = failed?.intent === 'linkRepresentative' ? failed : null;
  const base = `/app/${locality.slug}/organisations`;
  return (
    <>
      <PageHeader
        title={org.name}
        hasError={Boolean(failed)}
        lead={[
          ...new Set([t(`organisations.kind.${org.kind}`), t(`organisations.legalForm.${org.legalForm}`)]),
        ].join(' · ')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('organisations.list.title') },
              { label: org.name },
            ]}
          />
        }
        actions={
          canManage ? (
            <Link to={`${base}/${org.id}/edit`} className="button button--secondary">
              {t('organisations.detail.edit')}
            </Link>
          ) : null
        }
      />
      <div className={`pes-status ${org.isPes ? 'pes-status--yes' : ''}`}>
        <strong>{org.isPes ? t('organisations.pes.isPes') : t('organisations.pes.notPes')}</strong>{' '}
        {org.isPes && org.pesLetter
          ? t('organisations.pes.basis', { letter: org.pesLetter })
          : t('organisations.pes.whyNot')}
      </div>
      <dl className="summary-list">
        <div>
          <dt>NIP</dt>
          <dd>{org.nip ?? '—'}</dd>
        </div>
        <div>
          <dt>REGON</dt>
          <dd>{org.regon ?? '—'}</dd>
        </div>
        <div>
          <dt>KRS</dt>
          <dd>{org.krs ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('organisations.form.address')}</dt>
          <dd>{org.address || '—'}</dd>
        </div>
        <div>
          <dt>{t('organisations.form.phone')}</dt>
          <dd>{org.phone || '—'}</dd>
        </div>
        <div>
          <dt>{t('organisations.form.email')}</dt>
          <dd>{org.email ? <a href={`mailto:${org.email}`}>{org.email}</a> : '—'}</dd>
        </div>
        <div>
          <dt>{t('organisations.form.website')}</dt>
          <dd>
            {org.website ? (
              <a href={org.website} rel="noopener noreferrer">
                {org.website}
              </a>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {org.notes ? (
          <div>
            <dt>{t('organisations.form.notes')}</dt>
            <dd className="pre-line">{org.notes}</dd>
          </div>
        ) : null}
      </dl>

      {canManage ? (
        <>
          <section aria-labelledby="contacts" className="section">
            <h2 id="contacts">{t('organisations.contacts.title')}</h2>
            {contacts.length === 0 ? (
              <p>{t('organisations.contacts.none')}</p>
            ) : (
              <ul className="contact-list">
                {contacts.map((c) => (
                  <li key={c.id} className="card">
                    <p>
                      <strong>{c.name}</strong>
                      {c.role ? `, ${c.role}` : ''}
                    </p>
                    <p>
                      {[c.email, c.phone].filter(Boolean).join(' · ') ||
                        t('organisations.contacts.noDetails')}
                    </p>
                    <p className="muted">
                      {t('organisations.contacts.basisShown', {
                        basis: t(`organisations.contacts.basis.${c.legalBasis as 'consent'}`),
                      })}
                      {c.basisNote ? ` – ${c.basisNote}` : ''}
                    </p>
                    {canManage ? (
                      <form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="removeContact" />
                        <input type="hidden" name="contactId" value={c.id} />
                        <button type="submit" className="button button--danger button--small">
                          {t('organisations.contacts.remove')}
                          <span className="visually-hidden">: {c.name}</span>
                        </button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {canManage ? (
              // Keyed by the list: after an addition it starts again closed and empty, as after a page load.
              <details
                key={contacts.map((c) => c.id).join()}
                className="panel-details"
                open={Boolean(contactFail)}
              >
                <summary>{t('organisations.contacts.add')}</summary>
                <ErrorSummary errors={contactFail?.errors} />
                <PostForm className="stack">
                  <input type="hidden" name="intent" value="addContact" />
                  <TextField
                    name="name"
                    label={t('organisations.contacts.name.label')}
                    defaultValue={contactFail?.values.name}
                    error={contactFail?.errors.name}
                  />
                  <TextField
                    name="role"
                    label={t('organisations.contacts.role.label')}
                    defaultValue={contactFail?.values.role}
                    error={contactFail?.errors.role}
                  />
                  <div className="field-row">
                    <TextField
                      name="email"
                      type="email"
                      width="medium"
                      label={t('organisations.form.email')}
                      defaultValue={contactFail?.values.email}
                      error={contactFail?.errors.email}
                    />
                    <TextField
                      name="phone"
                      width="medium"
                      label={t('organisations.form.phone')}
                      defaultValue={contactFail?.values.phone}
                      error={contactFail?.errors.phone}
                    />
                  </div>
                  <SelectField
                    name="legalBasis"
                    label={t('organisations.contacts.basis.label')}
                    hint={t('organisations.contacts.basis.hint')}
                    emptyLabel={t('organisations.contacts.basis.choose')}
                    defaultValue={contactFail?.values.legalBasis}
                    options={LEGAL_BASES.map((b) => ({
                      value: b,
                      label: t(`organisations.contacts.basis.${b}`),
                    }))}
                    error={contactFail?.errors.legalBasis}
                  />
                  <TextField
                    name="basisNote"
                    label={t('organisations.contacts.basisNote.label')}
                    hint={t('organisations.contacts.basisNote.hint')}
                    defaultValue={contactFail?.values.basisNote}
                    error={contactFail?.errors.basisNote}
                  />
                  <div className="actions">
                    <button type="submit" className="button button--primary">
                      {t('organisations.contacts.submit')}
                    </button>
                  </div>
                </PostForm>
              </details>
            ) : null}
          </section>

          {representatives ? (
            <section aria-labelledby="representatives" className="section">
              <h2 id="representatives">{t('organisations.representatives.title')}</h2>
              <p className="muted">{t('organisations.representatives.lead')}</p>
              {representatives.linked.length === 0 && representatives.pending.length === 0 ? (
                <p>{t('organisations.representatives.none')}</p>
              ) : (
                <ul className="contact-list">
                  {representatives.linked.map((r) => (
                    <li key={`${r.userId}:${r.role}`} className="card">
                      <p>
                        <strong>{r.name}</strong>, {t(`common.role.${r.role}`)}
                      </p>
                      <p>{r.email}</p>
                      {loaderData.canManageRepresentatives ? (
                        <form method="post">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="unlinkRepresentative" />
                          <input type="hidden" name="representative" value={`${r.userId}:${r.role}`} />
                          <button type="submit" className="button button--secondary button--small">
                            {t('organisations.representatives.unlink')}
                            <span className="visually-hidden">: {r.name}</span>
                          </button>
                        </form>
                      ) : null}
                    </li>
                  ))}
                  {representatives.pending.map((p) => (
                    <li key={`${p.email}:${p.role}`} className="card">
                      <p>
                        {t('organisations.representatives.pending', {
                          email: p.email,
                          role: t(`common.role.${p.role}`),
                          date: date(p.expiresOn),
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              {loaderData.canManageRepresentatives ? (
                <>
                  {/* Keyed by the lists: after a link or an invitation they start again closed and empty. */}
                  <details
                    key={`link-${representatives.linked.length}`}
                    className="panel-details"
                    open={Boolean(linkFail)}
                  >
                    <summary>{t('organisations.representatives.link.title')}</summary>
                    {representatives.candidates.length === 0 ? (
                      <p>{t('organisations.representatives.link.noCandidates')}</p>
                    ) : (
                      <>
                        <ErrorSummary errors={linkFail?.errors} />
                        <PostForm className="stack">
                          <input type="hidden" name="intent" value="linkRepresentative" />
                          <SelectField
                            name="representative"
                            label={t('organisations.representatives.link.label')}
                            emptyLabel={t('organisations.representatives.link.choose')}
                            error={linkFail?.errors.representative}
                            options={representatives.candidates.map((c) => ({
                              value: `${c.userId}:${c.role}`,
                              label: c.organisationName
                                ? t('organisations.representatives.link.elsewhere', {
                                    name: c.name,
                                    role: t(`common.role.${c.role}`),
                                    organisation: c.organisationName,
                                  })
                                : t('organisations.representatives.link.free', {
                                    name: c.name,
                                    role: t(`common.role.${c.role}`),
                                  }),
                            }))}
                          />
                          <div>
                            <button type="submit" className="button">
                              {t('organisations.representatives.link.submit')}
                            </button>
                          </div>
                        </PostForm>
                      </>
                    )}
                  </details>
                  <details
                    key={`invite-${representatives.pending.length}`}
                    className="panel-details"
                    open={Boolean(inviteFail)}
                  >
                    <summary>{t('organisations.representatives.invite.title')}</summary>
                    <ErrorSummary errors={inviteFail?.errors} />
                    <PostForm className="stack">
                      <input type="hidden" name="intent" value="inviteRepresentative" />
                      <TextField
                        name="email"
                        type="email"
                        autoComplete="off"
                        label={t('organisations.representatives.invite.email')}
                        defaultValue={inviteFail?.values.email}
                        error={inviteFail?.errors.email}
                      />
                      <RadioGroup
                        name="role"
                        label={t('organisations.representatives.invite.role')}
                        defaultValue={inviteFail?.values.role ?? 'partner_rep'}
                        error={inviteFail?.errors.role}
                        options={REPRESENTATIVE_ROLES.map((r) => ({
                          value: r,
                          label: t(`common.role.${r}`),
                        }))}
                      />
                      <div>
                        <button type="submit" className="button">
                          {t('organisations.representatives.invite.submit')}
                        </button>
                      </div>
                    </PostForm>
                  </details>
                </>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="history" className="section">
            <h2 id="history">{t('organisations.events.title')}</h2>
            {events.length === 0 ? (
              <p>{t('organisations.events.none')}</p>
            ) : (
              <ol className="history">
                {events.map((e) => (
                  <li key={e.id}>
                    <p className="history__meta">
                      {date(e.happenedOn)} · {t(`organisations.events.channel.${e.channel as 'phone'}`)}
                      {e.contactName ? ` · ${e.contactName}` : ''}
                      {e.authorName ? ` · ${t('organisations.events.by', { name: e.authorName })}` : ''}
                    </p>
                    <p className="pre-line">{e.summary}</p>
                    {e.followUp ? (
                      <div className={e.followUpDoneAt ? 'follow-up follow-up--done' : 'follow-up'}>
                        <p>
                          <strong>{t('organisations.events.followUp.label')}:</strong> {e.followUp}
                        </p>
                        <p className="muted">
                          {e.followUpDoneAt
                            ? t('organisations.events.followUp.doneAt', { date: dateTime(e.followUpDoneAt) })
                            : t('organisations.events.followUp.dueBy', {
                                date: date(e.followUpDue),
                                name: e.ownerName ?? '—',
                              })}
                        </p>
                        {canManage && !e.followUpDoneAt ? (
                          <form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="completeFollowUp" />
                            <input type="hidden" name="eventId" value={e.id} />
                            <button type="submit" className="button button--secondary button--small">
                              {t('organisations.events.followUp.markDone')}
                            </button>
                          </form>
                        ) : null}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {canManage ? (
              <details key={events.length} className="panel-details" open={Boolean(eventFail)}>
                <summary>{t('organisations.events.add')}</summary>
                <ErrorSummary errors={eventFail?.errors} />
                <PostForm className="stack">
                  <input type="hidden" name="intent" value="addEvent" />
                  <div className="field-row">
                    <DateField
                      name="happenedOn"
                      label={t('organisations.events.date.label')}
                      defaultValue={eventFail?.values.happenedOn ?? today}
                      error={eventFail?.errors.happenedOn}
                    />
                    <SelectField
                      name="channel"
                      label={t('organisations.events.channel.label')}
                      emptyLabel={t('organisations.events.channel.choose')}
                      defaultValue={eventFail?.values.channel}
                      options={CONTACT_CHANNELS.map((c) => ({
                        value: c,
                        label: t(`organisations.events.channel.${c}`),
                      }))}
                      error={eventFail?.errors.channel}
                    />
                  </div>
                  {contacts.length > 0 ? (
                    <SelectField
                      name="contactId"
                      label={t('organisations.events.contact.label')}
                      emptyLabel={t('organisations.events.contact.none')}
                      defaultValue={eventFail?.values.contactId}
                      options={contacts.map((c) => ({ value: c.id, label: c.name }))}
                      error={eventFail?.errors.contactId}
                    />
                  ) : null}
                  <TextArea
                    name="summary"
                    rows={3}
                    label={t('organisations.events.summary.label')}
                    defaultValue={eventFail?.values.summary}
                    error={eventFail?.errors.summary}
                  />
                  <fieldset className="field-group">
                    <legend>{t('organisations.events.followUp.legend')}</legend>
                    <TextField
                      name="followUp"
                      label={t('organisations.events.followUp.label')}
                      hint={t('organisations.events.followUp.hint')}
                      defaultValue={eventFail?.values.followUp}
                      error={eventFail?.errors.followUp}
                    />
                    <div className="field-row">
                      <DateField
                        name="followUpDue"
                        label={t('organisations.events.followUp.due')}
                        defaultValue={eventFail?.values.followUpDue}
                        error={eventFail?.errors.followUpDue}
                      />
                      <SelectField
                        name="followUpOwnerId"
                        label={t('organisations.events.followUp.owner')}
                        defaultValue={eventFail?.values.followUpOwnerId ?? selfId}
                        options={staff.map((s) => ({ value: s.id, label: s.name }))}
                        error={eventFail?.errors.followUpOwnerId}
                      />
                    </div>
                  </fieldset>
                  <div className="actions">
                    <button type="submit" className="button button--primary">
                      {t('organisations.events.submit')}
                    </button>
                  </div>
                </PostForm>
              </details>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
