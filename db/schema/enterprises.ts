import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/**
 * Part 4 of the seed (issue 6): creating social enterprises. An initiative group with an idea
 * moves through named stages (idea → business plan → founding → incubation → self-sufficient,
 * or closed) with a checklist and rules per stage; once founded it becomes an enterprise (an
 * organisation in the directory with an enterprise profile), with members, status decisions,
 * monthly figures and jobs. Market niches, business partners' offers, funding sources,
 * applications and grants support them; donations and the support system's own costs feed
 * the cost-reduction report.
 */

/** Stages: idea, business_plan, founding, incubation, self_sufficient, closed. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    idea: text('idea').notNull().default(''),
    /** social_cooperative, worker_cooperative, association, foundation, non_profit_company, … */
    intendedLegalForm: text('intended_legal_form').notNull(),
    stage: text('stage').notNull().default('idea'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    closedReason: text('closed_reason'),
    nicheId: uuid('niche_id').references(() => marketNiches.id, { onDelete: 'set null' }),
    /** The Centre's advisor who accompanies the group. */
    advisorId: uuid('advisor_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiatives_locality_stage_idx').on(t.localityId, t.stage, t.stageChangedAt),
    index('initiatives_niche_idx').on(t.nicheId),
  ],
);

/** Founders-to-be: natural persons (linked to a person record) or legal persons (organisations). */
export const initiativeFounders = pgTable(
  'initiative_founders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** natural or legal */
    kind: text('kind').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Shown when neither link is set (e.g. after erasure the statistics keep "founder"). */
    displayName: text('display_name').notNull().default(''),
    /** Belongs to a group of u.s.s. art. 4 ust. 1 (at risk) — as recorded when joining. */
    atRisk: boolean('at_risk').notNull().default(false),
    atRiskCategory: text('at_risk_category'),
    role: text('role').notNull().default(''),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_founders_initiative_idx').on(t.initiativeId)],
);

/** A checklist item of a stage that has been ticked (the list itself is defined in code). */
export const initiativeChecklist = pgTable(
  'initiative_checklist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    itemKey: text('item_key').notNull(),
    note: text('note').notNull().default(''),
    doneOn: date('done_on').notNull(),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('initiative_checklist_item_key').on(t.initiativeId, t.stage, t.itemKey)],
);

/** Every stage move with who made it, why, and the checks as they stood. */
export const initiativeStageHistory = pgTable(
  'initiative_stage_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    reason: text('reason').notNull().default(''),
    checks: jsonb('checks'),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_stage_history_initiative_idx').on(t.initiativeId, t.at)],
);

/**
 * The structured business plan of an initiative. Amounts in PLN as decimal strings:
 * startupCosts [{label, amount}], monthly [{month: 1..24, revenue, costs}],
 * fundingSources [{label, kind, amount}]. Figures (break-even, totals) are computed, not stored.
 */
export const businessPlans = pgTable(
  'business_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    offer: text('offer').notNull().default(''),
    customers: text('customers').notNull().default(''),
    niche: text('niche').notNull().default(''),
    team: text('team').notNull().default(''),
    startupCosts: jsonb('startup_costs').notNull().default([]),
    monthly: jsonb('monthly').notNull().default([]),
    fundingSources: jsonb('funding_sources').notNull().default([]),
    /** Why break-even comes after the 24 months, when it does (issue 6, migrations 0015 and 0019). */
    breakEvenNote: text('break_even_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('business_plans_initiative_key').on(t.initiativeId)],
);

/**
 * The enterprise profile of an organisation in the directory (legal form and identifiers live
 * on the organisation). psAims: reintegration and/or social_services (u.e.s. art. 4 ust. 1).
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    /** Date of entry in the KRS (or other register); the cooperative's 12-month clock starts here. */
    registeredOn: date('registered_on'),
    /** For cooperatives: natural (≥ 3 persons) or legal (≥ 2 legal persons) founders. */
    foundedBy: text('founded_by'),
    psAims: text('ps_aims').array().notNull().default([]),
    /** Controlled by the State Treasury or a local government (u.e.s. art. 3 ust. 2). */
    publicControl: boolean('public_control').notNull().default(false),
    /** The enterprise's role in the community: services to the locality and who benefits. */
    servicesToLocality: text('services_to_locality').notNull().default(''),
    beneficiaries: text('beneficiaries').notNull().default(''),
    offerSummary: text('offer_summary').notNull().default(''),
    /** Cash at the start of the figures, for the runway. */
    openingCashPln: numeric('opening_cash_pln', { precision: 12, scale: 2 }).notNull().default('0'),
    closedOn: date('closed_on'),
    /** The last status check: { checkedAt, onDate, results: [...] } and whether all passed. */
    lastCheck: jsonb('last_check'),
    lastCheckPassed: boolean('last_check_passed'),
    lastCheckAt: timestamp('last_check_at', { withTimezone: true }),
    /** When the coordinator was last told the checks fail (no repeat until it passes again). */
    failureNotifiedAt: timestamp('failure_notified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_organisation_key').on(t.organisationId),
    index('enterprises_locality_idx').on(t.localityId),
  ],
);

/** Members of an enterprise (cooperatives: with share capital). */
export const enterpriseMembers = pgTable(
  'enterprise_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull().default(''),
    atRisk: boolean('at_risk').notNull().default(false),
    atRiskCategory: text('at_risk_category'),
    isFounder: boolean('is_founder').notNull().default(false),
    shareCapitalPln: numeric('share_capital_pln', { precision: 12, scale: 2 }).notNull().default('0'),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_members_enterprise_idx').on(t.enterpriseId)],
);

/**
 * Decisions on an enterprise's legal status: krs_registered, ps_granted (voivode decision),
 * ps_lost (with the day it became final: the one-year bar runs from it), ps_legacy_ct9 (OWES,
 * valid until).
 */
export const enterpriseStatusDecisions = pgTable(
  'enterprise_status_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    decidedOn: date('decided_on').notNull(),
    finalOn: date('final_on'),
    validUntil: date('valid_until'),
    number: text('number').notNull().default(''),
    authority: text('authority').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_status_decisions_enterprise_idx').on(t.enterpriseId, t.decidedOn)],
);

/** Monthly figures: own revenue, grants, costs, headcount, customers (month = first day). */
export const enterpriseMonthlyFigures = pgTable(
  'enterprise_monthly_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    ownRevenuePln: numeric('own_revenue_pln', { precision: 12, scale: 2 }).notNull().default('0'),
    grantsPln: numeric('grants_pln', { precision: 12, scale: 2 }).notNull().default('0'),
    costsPln: numeric('costs_pln', { precision: 12, scale: 2 }).notNull().default('0'),
    headcount: integer('headcount').notNull().default(0),
    customers: integer('customers').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enterprise_monthly_figures_month_key').on(t.enterpriseId, t.month)],
);

/**
 * A job: a position held by a person (linked to the participant's person record when there
 * is one). contractType: employment, cooperative_employment, mandate, specific_work, other.
 * keepUntil: the date until which the funding's rules require the job to be kept.
 */
export const enterpriseJobs = pgTable(
  'enterprise_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    position: text('position').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull().default(''),
    contractType: text('contract_type').notNull(),
    fte: numeric('fte', { precision: 3, scale: 2 }).notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    /** The person's at-risk category at hiring (null: not at risk). */
    atRiskCategory: text('at_risk_category'),
    grantId: uuid('grant_id').references(() => grants.id, { onDelete: 'set null' }),
    fundingNote: text('funding_note').notNull().default(''),
    keepUntil: date('keep_until'),
    keepReminderSentAt: timestamp('keep_reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enterprise_jobs_enterprise_idx').on(t.enterpriseId, t.startOn),
    index('enterprise_jobs_locality_idx').on(t.localityId, t.startOn),
    index('enterprise_jobs_person_idx').on(t.personId),
  ],
);

/** Market niches with a score from the locality's weighted criteria (scores: {key: 1..5}). */
export const marketNiches = pgTable(
  'market_niches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    description: text('description').notNull().default(''),
    /** Estimated yearly demand in PLN (may be unknown). */
    estimatedDemandPln: numeric('estimated_demand_pln', { precision: 14, scale: 2 }),
    /** low, medium, high */
    competition: text('competition').notNull().default('medium'),
    /** identified, researching, pursued, dropped */
    status: text('status').notNull().default('identified'),
    scores: jsonb('scores').notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('market_niches_locality_idx').on(t.localityId, t.status)],
);

/** Evidence of demand: source partner, municipality (needs and purchases), residents, other. */
export const nicheEvidence = pgTable(
  'niche_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    nicheId: uuid('niche_id')
      .notNull()
      .references(() => marketNiches.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    amountPln: numeric('amount_pln', { precision: 14, scale: 2 }),
    recordedOn: date('recorded_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('niche_evidence_niche_idx').on(t.nicheId)],
);

/** The locality's weighted criteria for scoring niches. */
export const nicheCriteria = pgTable(
  'niche_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    weight: numeric('weight', { precision: 5, scale: 2 }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('niche_criteria_key').on(t.localityId, t.key)],
);

/** A business partner's offer: orders, mentoring, premises, equipment, other. */
export const businessOffers = pgTable(
  'business_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    valuePln: numeric('value_pln', { precision: 12, scale: 2 }),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** open, taken, closed */
    status: text('status').notNull().default('open'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('business_offers_locality_idx').on(t.localityId, t.status)],
);

/** Funding sources: efs_plus, labour_fund, pfron, municipality, private, other. */
export const fundingSources = pgTable(
  'funding_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    url: text('url').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('funding_sources_locality_idx').on(t.localityId)],
);

/** An application to a call: planned, submitted, granted, rejected, withdrawn. */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => fundingSources.id, { onDelete: 'restrict' }),
    callName: text('call_name').notNull(),
    deadline: date('deadline').notNull(),
    amountPln: numeric('amount_pln', { precision: 12, scale: 2 }).notNull(),
    status: text('status').notNull().default('planned'),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    submittedOn: date('submitted_on'),
    decidedOn: date('decided_on'),
    notes: text('notes').notNull().default(''),
    deadlineReminderSentAt: timestamp('deadline_reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('funding_applications_locality_idx').on(t.localityId, t.deadline)],
);

/** A document attached to an application (stored like other attachments, under the data folder). */
export const fundingApplicationDocuments = pgTable(
  'funding_application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('funding_application_documents_app_idx').on(t.applicationId)],
);

/**
 * A grant received: job_creation, bridging (paid monthly), other; with the obligation it
 * brings (keep jobs until, report by) and a reminder before the obligation ends.
 */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => fundingSources.id, { onDelete: 'restrict' }),
    applicationId: uuid('application_id').references(() => fundingApplications.id, { onDelete: 'set null' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    amountPln: numeric('amount_pln', { precision: 12, scale: 2 }).notNull(),
    awardedOn: date('awarded_on').notNull(),
    /** What the grant obliges (e.g. "keep 2 jobs for 12 months + 6 months") and until when. */
    obligation: text('obligation').notNull().default(''),
    obligationUntil: date('obligation_until'),
    obligationReminderSentAt: timestamp('obligation_reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grants_locality_idx').on(t.localityId, t.awardedOn),
    index('grants_enterprise_idx').on(t.enterpriseId),
  ],
);

/** A grant's payment schedule; the instalments add up to the grant's amount. */
export const grantInstalments = pgTable(
  'grant_instalments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    amountPln: numeric('amount_pln', { precision: 12, scale: 2 }).notNull(),
    paidOn: date('paid_on'),
  },
  (t) => [index('grant_instalments_grant_idx').on(t.grantId, t.dueOn)],
);

/** Donations recorded here (money or goods); each also enters the in-kind ledger. */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** money or goods */
    kind: text('kind').notNull(),
    donorOrganisationId: uuid('donor_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    donorName: text('donor_name').notNull().default(''),
    description: text('description').notNull(),
    valuePln: numeric('value_pln', { precision: 12, scale: 2 }).notNull(),
    receivedOn: date('received_on').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('donations_locality_idx').on(t.localityId, t.receivedOn)],
);

/**
 * What the support system's work cost (staff, premises, materials, services, other) per month:
 * the denominator of the cost-reduction report.
 */
export const supportCosts = pgTable(
  'support_costs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    amountPln: numeric('amount_pln', { precision: 12, scale: 2 }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_costs_locality_idx').on(t.localityId, t.month)],
);
