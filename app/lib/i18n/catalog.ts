import enAdmin from '../../../locales/en/admin.json' with { type: 'json' };
import enAdvice from '../../../locales/en/advice.json' with { type: 'json' };
import enAuth from '../../../locales/en/auth.json' with { type: 'json' };
import enClub from '../../../locales/en/club.json' with { type: 'json' };
import enCommon from '../../../locales/en/common.json' with { type: 'json' };
import enCosts from '../../../locales/en/costs.json' with { type: 'json' };
import enEducation from '../../../locales/en/education.json' with { type: 'json' };
import enEnterprises from '../../../locales/en/enterprises.json' with { type: 'json' };
import enErrors from '../../../locales/en/errors.json' with { type: 'json' };
import enFinancing from '../../../locales/en/financing.json' with { type: 'json' };
import enImport from '../../../locales/en/import.json' with { type: 'json' };
import enInitiatives from '../../../locales/en/initiatives.json' with { type: 'json' };
import enLegal from '../../../locales/en/legal.json' with { type: 'json' };
import enMe from '../../../locales/en/me.json' with { type: 'json' };
import enMeetings from '../../../locales/en/meetings.json' with { type: 'json' };
import enOrganisations from '../../../locales/en/organisations.json' with { type: 'json' };
import enParticipants from '../../../locales/en/participants.json' with { type: 'json' };
import enPartnerships from '../../../locales/en/partnerships.json' with { type: 'json' };
import enPlans from '../../../locales/en/plans.json' with { type: 'json' };
import enProblems from '../../../locales/en/problems.json' with { type: 'json' };
import enProgramme from '../../../locales/en/programme.json' with { type: 'json' };
import enReferrals from '../../../locales/en/referrals.json' with { type: 'json' };
import enRoadmap from '../../../locales/en/roadmap.json' with { type: 'json' };
import enVolunteers from '../../../locales/en/volunteers.json' with { type: 'json' };
import plAdmin from '../../../locales/pl/admin.json' with { type: 'json' };
import plAdvice from '../../../locales/pl/advice.json' with { type: 'json' };
import plAuth from '../../../locales/pl/auth.json' with { type: 'json' };
import plClub from '../../../locales/pl/club.json' with { type: 'json' };
import plCommon from '../../../locales/pl/common.json' with { type: 'json' };
import plCosts from '../../../locales/pl/costs.json' with { type: 'json' };
import plEducation from '../../../locales/pl/education.json' with { type: 'json' };
import plEnterprises from '../../../locales/pl/enterprises.json' with { type: 'json' };
import plErrors from '../../../locales/pl/errors.json' with { type: 'json' };
import plFinancing from '../../../locales/pl/financing.json' with { type: 'json' };
import plImport from '../../../locales/pl/import.json' with { type: 'json' };
import plInitiatives from '../../../locales/pl/initiatives.json' with { type: 'json' };
import plLegal from '../../../locales/pl/legal.json' with { type: 'json' };
import plMe from '../../../locales/pl/me.json' with { type: 'json' };
import plMeetings from '../../../locales/pl/meetings.json' with { type: 'json' };
import plOrganisations from '../../../locales/pl/organisations.json' with { type: 'json' };
import plParticipants from '../../../locales/pl/participants.json' with { type: 'json' };
import plPartnerships from '../../../locales/pl/partnerships.json' with { type: 'json' };
import plPlans from '../../../locales/pl/plans.json' with { type: 'json' };
import plProblems from '../../../locales/pl/problems.json' with { type: 'json' };
import plProgramme from '../../../locales/pl/programme.json' with { type: 'json' };
import plReferrals from '../../../locales/pl/referrals.json' with { type: 'json' };
import plRoadmap from '../../../locales/pl/roadmap.json' with { type: 'json' };
import plVolunteers from '../../../locales/pl/volunteers.json' with { type: 'json' };

export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'pl';

const pl = {
  ...plCommon,
  ...plAuth,
  ...plErrors,
  ...plRoadmap,
  ...plAdmin,
  ...plOrganisations,
  ...plImport,
  ...plPartnerships,
  ...plProblems,
  ...plProgramme,
  ...plMeetings,
  ...plClub,
  ...plParticipants,
  ...plPlans,
  ...plAdvice,
  ...plReferrals,
  ...plMe,
  ...plVolunteers,
  ...plEducation,
  ...plCosts,
  ...plLegal,
  ...plInitiatives,
  ...plEnterprises,
  ...plFinancing,
};
/** Every message id; Polish is the reference catalogue. */
export type MessageKey = keyof typeof pl;

const en: Record<MessageKey, string> = {
  ...enCommon,
  ...enAuth,
  ...enErrors,
  ...enRoadmap,
  ...enAdmin,
  ...enOrganisations,
  ...enImport,
  ...enPartnerships,
  ...enProblems,
  ...enProgramme,
  ...enMeetings,
  ...enClub,
  ...enParticipants,
  ...enPlans,
  ...enAdvice,
  ...enReferrals,
  ...enMe,
  ...enVolunteers,
  ...enEducation,
  ...enCosts,
  ...enLegal,
  ...enInitiatives,
  ...enEnterprises,
  ...enFinancing,
};

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { pl, en };

/** Files per locale, so tests can check that both languages move together. */
export const CATALOG_FILES = {
  pl: {
    common: plCommon,
    auth: plAuth,
    errors: plErrors,
    roadmap: plRoadmap,
    admin: plAdmin,
    organisations: plOrganisations,
    import: plImport,
    partnerships: plPartnerships,
    problems: plProblems,
    programme: plProgramme,
    meetings: plMeetings,
    club: plClub,
    participants: plParticipants,
    plans: plPlans,
    advice: plAdvice,
    referrals: plReferrals,
    me: plMe,
    volunteers: plVolunteers,
    education: plEducation,
    initiatives: plInitiatives,
    enterprises: plEnterprises,
    legal: plLegal,
    financing: plFinancing,
    costs: plCosts,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    errors: enErrors,
    roadmap: enRoadmap,
    admin: enAdmin,
    organisations: enOrganisations,
    import: enImport,
    partnerships: enPartnerships,
    problems: enProblems,
    programme: enProgramme,
    meetings: enMeetings,
    club: enClub,
    participants: enParticipants,
    plans: enPlans,
    advice: enAdvice,
    referrals: enReferrals,
    me: enMe,
    volunteers: enVolunteers,
    education: enEducation,
    initiatives: enInitiatives,
    enterprises: enEnterprises,
    legal: enLegal,
    financing: enFinancing,
    costs: enCosts,
  },
} as const;

export function isLocale(value: unknown): value is Locale {
  return value === 'pl' || value === 'en';
}
