import { data, type RouterContextProvider } from 'react-router';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, services, throwAppError } from '../../lib/request.server.ts';
import { programmeFormOptions } from './programme.queries.server.ts';
import { outlineNumbers } from './programme.rules.ts';
import { programmeFormData, programmeItemSchema } from './programme.schema.ts';
import { createProgrammeItem, updateProgrammeItem } from './programme.server.ts';

export type ItemFormFailure = {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  problemIds: string[];
};

/** The form's options with outline numbers on goals and actions (as on the programme page). */
export async function itemFormOptions(
  context: Readonly<RouterContextProvider>,
  opts: { localityId: string; partnershipId: string },
) {
  const o = await programmeFormOptions(services(context).db, opts);
  const numbers = outlineNumbers(o.parents);
  return {
    members: o.members,
    people: o.people,
    parents: o.parents
      .filter((p) => p.status !== 'cancelled')
      .map((p) => ({ id: p.id, level: p.level, title: p.title, number: numbers.get(p.id) ?? '' })),
    problems: o.problems.map((p) => ({ id: p.id, title: p.title })),
  };
}

/** A stored item as the strings the form shows. */
export function itemFormValues(i: {
  parentId: string | null;
  title: string;
  description: string;
  responsibleOrganisationId: string | null;
  responsibleUserId: string | null;
  startsOn: string | null;
  dueOn: string | null;
  status: string;
  ownProgress: number;
  indicatorName: string;
  indicatorUnit: string;
  indicatorTarget: string | null;
  indicatorActual: string | null;
  version: number;
}): Record<string, string> {
  const num = (v: string | null) => (v === null ? '' : String(Number(v)));
  return {
    parentId: i.parentId ?? '',
    title: i.title,
    description: i.description,
    responsibleOrganisationId: i.responsibleOrganisationId ?? '',
    responsibleUserId: i.responsibleUserId ?? '',
    startsOn: dateInputValue(i.startsOn),
    dueOn: dateInputValue(i.dueOn),
    status: i.status,
    progress: String(i.ownProgress),
    indicatorName: i.indicatorName,
    indicatorUnit: i.indicatorUnit,
    indicatorTarget: num(i.indicatorTarget),
    indicatorActual: num(i.indicatorActual),
    version: String(i.version),
  };
}

/** The shared action of the add and edit forms: validate, save, or explain next to the fields. */
export async function handleItemForm(opts: {
  request: Request;
  context: Readonly<RouterContextProvider>;
  actor: Actor;
  locality: ActorLocality;
  partnershipId: string;
  itemId?: string;
}) {
  const raw = await opts.request.formData();
  const form = programmeFormData(raw);
  const problemIds = raw.getAll('problemIds').filter((v): v is string => typeof v === 'string');
  const fail = (errors: FieldErrors, status: number) =>
    data<ItemFormFailure>({ ok: false, errors, values: formValues(form), problemIds }, { status });
  const parsed = parseForm(form, programmeItemSchema);
  if (!parsed.ok) return fail(parsed.errors, 400);
  const { db } = services(opts.context);
  const ctx = { actor: opts.actor, locality: opts.locality, partnershipId: opts.partnershipId };
  try {
    let id = opts.itemId;
    if (id) {
      await updateProgrammeItem(db, {
        ...ctx,
        itemId: id,
        version: Number(form.get('version') ?? 0) || 0,
        input: parsed.data,
      });
    } else {
      id = await createProgrammeItem(db, { ...ctx, input: parsed.data });
    }
    return redirectWithFlash(
      opts.context,
      `/app/${opts.locality.slug}/partnerships/${opts.partnershipId}/programme#item-${id}`,
      { kind: 'success', key: opts.itemId ? 'programme.saved' : `programme.created.${parsed.data.level}` },
    );
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'BAD_REQUEST', 'CONFLICT'].includes(error.code)) {
      return fail(
        Object.keys(error.fieldErrors).length ? error.fieldErrors : { _form: error.messageKey },
        error.status,
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}
