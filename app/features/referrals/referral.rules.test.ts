import { describe, expect, it } from 'vitest';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import {
  completeSchema,
  doneDateProblem,
  type ReferralRecord,
  respondSchema,
  sendReferralSchema,
  shareConsentFor,
  sharedFor,
  TRANSITIONS,
  transitionProblem,
} from './referral.rules.ts';
import {
  canAnswerReferral,
  canSeeReferralsInbox,
  canSendReferrals,
  referralSide,
} from './referrals.policy.ts';

const PUP = '11111111-1111-4111-8111-111111111111';
const OPS = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

describe('the status machine', () => {
  it('moves only sent → accepted | declined and accepted → done', () => {
    expect(transitionProblem('sent', 'accepted')).toBeNull();
    expect(transitionProblem('sent', 'declined')).toBeNull();
    expect(transitionProblem('accepted', 'done')).toBeNull();
    expect(TRANSITIONS.declined).toEqual([]);
    expect(TRANSITIONS.done).toEqual([]);
  });

  it('explains every other move in words', () => {
    expect(transitionProblem('sent', 'done')).toBe('referrals.transition.notAccepted');
    expect(transitionProblem('accepted', 'accepted')).toBe('referrals.transition.alreadyAccepted');
    expect(transitionProblem('accepted', 'declined')).toBe('referrals.transition.alreadyAccepted');
    expect(transitionProblem('declined', 'accepted')).toBe('referrals.transition.declined');
    expect(transitionProblem('done', 'done')).toBe('referrals.transition.done');
    expect(transitionProblem('weird', 'done')).toBe('referrals.transition.unknown');
  });
});

describe('the consent precondition', () => {
  const c = (over: Partial<Parameters<typeof shareConsentFor>[0][number]>) => ({
    id: 'c1',
    purpose: 'share_partner',
    organisationId: PUP,
    givenOn: '2026-10-01',
    withdrawnOn: null,
    ...over,
  });

  it('finds the share_partner consent in force for the receiving organisation', () => {
    const r = shareConsentFor(
      [c({ id: 'old', withdrawnOn: '2026-10-05' }), c({ id: 'now', givenOn: '2026-11-01' })],
      PUP,
    );
    expect(r).toEqual({ ok: true, consent: expect.objectContaining({ id: 'now' }) });
  });

  it('does not take another organisation, another purpose or a withdrawn consent', () => {
    expect(shareConsentFor([c({ organisationId: OPS })], PUP)).toEqual({ ok: false, withdrawnOn: null });
    expect(shareConsentFor([c({ purpose: 'contact' })], PUP)).toEqual({ ok: false, withdrawnOn: null });
    expect(shareConsentFor([c({ withdrawnOn: '2026-11-02' })], PUP)).toEqual({
      ok: false,
      withdrawnOn: '2026-11-02',
    });
  });
});

describe('what each side reads', () => {
  const record: ReferralRecord = {
    status: 'sent',
    givenName: 'Anna',
    familyName: 'Nowak',
    email: 'anna@example.test',
    phone: '600100200',
    reason: 'Szkolenie',
    sharedNote: 'Kurs HACCP',
    shareContact: false,
    responseNote: '',
    outcomeNote: '',
    consentWithdrawn: false,
    erased: false,
  };

  it('gives the organisation the name, reason and note, and contact data only when shared', () => {
    const s = sharedFor('receiving', record);
    expect(s).toMatchObject({
      name: 'Anna Nowak',
      reason: 'Szkolenie',
      sharedNote: 'Kurs HACCP',
      email: null,
      phone: null,
    });
    expect(sharedFor('receiving', { ...record, shareContact: true })).toMatchObject({
      email: 'anna@example.test',
      phone: '600100200',
    });
  });

  it('gives the organisations nothing personal once the consent is withdrawn or the person erased', () => {
    for (const r of [
      { ...record, consentWithdrawn: true },
      { ...record, erased: true },
    ]) {
      const s = sharedFor('sending', r);
      expect(s.hidden).toBe(true);
      expect(Object.values(s).filter((v) => typeof v === 'string')).toEqual([]);
    }
  });

  it('gives staff the whole referral', () => {
    expect(sharedFor('staff', { ...record, consentWithdrawn: true })).toMatchObject({
      name: 'Anna Nowak',
      email: 'anna@example.test',
      hidden: false,
    });
  });
});

describe('forms', () => {
  it('needs a receiving organisation and a reason, different organisations, and reads the checkbox', () => {
    const bad = sendReferralSchema.safeParse({ toOrganisationId: '', reason: ' ' });
    expect(bad.success).toBe(false);
    const same = sendReferralSchema.safeParse({
      fromOrganisationId: PUP,
      toOrganisationId: PUP,
      reason: 'x',
    });
    expect(same.error?.issues[0]?.message).toBe('referrals.form.to.same');
    const ok = sendReferralSchema.parse({ toOrganisationId: PUP, reason: ' x ', shareContact: 'on' });
    expect(ok).toMatchObject({ reason: 'x', shareContact: true, fromOrganisationId: '' });
  });

  it('asks why when declining, and for an outcome when done', () => {
    expect(
      respondSchema.safeParse({ decision: 'declined', responseNote: '' }).error?.issues[0]?.message,
    ).toBe('referrals.respond.note.requiredForDecline');
    expect(respondSchema.safeParse({ decision: 'accepted' }).success).toBe(true);
    expect(respondSchema.safeParse({ decision: 'done' }).success).toBe(false);
    expect(completeSchema.safeParse({ outcomeNote: '' }).success).toBe(false);
    expect(doneDateProblem('2026-12-01', '2026-11-01', '2026-11-27')).toBe(
      'referrals.complete.doneOn.future',
    );
    expect(doneDateProblem('2026-10-01', '2026-11-01', '2026-11-27')).toBe(
      'referrals.complete.doneOn.beforeSent',
    );
    expect(doneDateProblem('2026-11-20', '2026-11-01', '2026-11-27')).toBeNull();
  });
});

describe('who may do what', () => {
  const loc = (roles: Role[], organisationIds: string[] = []): ActorLocality => ({
    localityId: 'l',
    slug: 'poznan',
    name: 'Poznań',
    kind: 'urban',
    roles,
    organisationIds,
  });
  const actor = actorFor({ id: 'u' });
  const referral = { fromOrganisationId: OPS, toOrganisationId: PUP };

  it('lets staff who manage participants send and see all; not a leader', () => {
    expect(canSendReferrals(actor, loc(['advisor']))).toBe(true);
    expect(referralSide(actor, loc(['animator']), referral)).toBe('staff');
    expect(canSendReferrals(actor, loc(['leader']))).toBe(false);
    expect(canSeeReferralsInbox(actor, loc(['leader']))).toBe(false);
  });

  it('gives representatives an inbox only when linked, and a side only on their referrals', () => {
    expect(canSeeReferralsInbox(actor, loc(['partner_rep']))).toBe(false);
    expect(canSeeReferralsInbox(actor, loc(['partner_rep'], [PUP]))).toBe(true);
    expect(referralSide(actor, loc(['partner_rep'], [PUP]), referral)).toBe('receiving');
    expect(referralSide(actor, loc(['enterprise_member'], [OPS]), referral)).toBe('sending');
    expect(referralSide(actor, loc(['partner_rep'], [OTHER]), referral)).toBeNull();
    expect(canAnswerReferral('receiving')).toBe(true);
    expect(canAnswerReferral('sending')).toBe(false);
  });
});
