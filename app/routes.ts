import { index, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  index('routes/_public/home.tsx'),
  route('accessibility', 'routes/_public/accessibility.tsx'),
  route('privacy', 'routes/_public/privacy.tsx'),
  route('login', 'routes/_auth/login.tsx'),
  route('logout', 'routes/_auth/logout.tsx'),
  route('lang', 'routes/_auth/lang.tsx'),
  route('password/forgot', 'routes/_auth/password-forgot.tsx'),
  route('password/reset/:token', 'routes/_auth/password-reset.tsx'),
  route('invitation/:token', 'routes/_auth/invitation.tsx'),
  route('setup', 'routes/_auth/setup.tsx'),
  route('app', 'routes/app/index.tsx'),
  route('app/:locality', 'routes/app/locality-home.tsx'),
  route('app/:locality/roadmap', 'routes/app/roadmap.tsx'),
  route('app/:locality/roadmap/:stepKey', 'routes/app/roadmap-step.tsx'),
  route('app/:locality/organisations', 'routes/app/organisations.tsx'),
  route('app/:locality/organisations/new', 'routes/app/organisation-new.tsx'),
  route('app/:locality/organisations/import', 'routes/app/organisations-import.tsx'),
  route('app/:locality/organisations/export/:format', 'routes/app/organisations-export.ts'),
  route('app/:locality/organisations/:organisationId', 'routes/app/organisation.tsx'),
  route('app/:locality/organisations/:organisationId/edit', 'routes/app/organisation-edit.tsx'),
  route('app/:locality/partnerships', 'routes/app/partnerships.tsx'),
  route('app/:locality/partnerships/:partnershipId', 'routes/app/partnership.tsx'),
  route('app/:locality/partnerships/:partnershipId/agreement/:format', 'routes/app/partnership-agreement.ts'),
  route('app/:locality/in-kind', 'routes/app/in-kind.tsx'),
  route('app/:locality/problems', 'routes/app/problems.tsx'),
  route('p/:locality/problems', 'routes/_public/problems.tsx'),
  route('p/:locality/problems/new', 'routes/_public/problem-new.tsx'),
  // Programme of action
  route('app/:locality/partnerships/:partnershipId/programme', 'routes/app/programme.tsx'),
  route('app/:locality/partnerships/:partnershipId/programme/new', 'routes/app/programme-new.tsx'),
  route('app/:locality/partnerships/:partnershipId/programme/:itemId', 'routes/app/programme-item.tsx'),
  route('app/:locality/partnerships/:partnershipId/programme/:itemId/edit', 'routes/app/programme-edit.tsx'),
  route('p/:locality/partnerships/:partnershipId/progress', 'routes/_public/partnership-progress.tsx'),
  // Meetings
  route('app/:locality/partnerships/:partnershipId/meetings', 'routes/app/meetings.tsx'),
  route('app/:locality/partnerships/:partnershipId/meetings/new', 'routes/app/meeting-new.tsx'),
  route('app/:locality/partnerships/:partnershipId/meetings/:meetingId', 'routes/app/meeting.tsx'),
  route(
    'app/:locality/partnerships/:partnershipId/meetings/:meetingId/attendance.pdf',
    'routes/app/meeting-attendance-pdf.ts',
  ),
  route(
    'app/:locality/partnerships/:partnershipId/meetings/:meetingId/meeting.ics',
    'routes/app/meeting-ics.ts',
  ),
  // Integration club
  route('app/:locality/club', 'routes/app/club.tsx'),
  route('app/:locality/club/:clubId', 'routes/app/club-overview.tsx'),
  route('app/:locality/club/:clubId/settings', 'routes/app/club-settings.tsx'),
  route('app/:locality/club/:clubId/staff', 'routes/app/club-staff.tsx'),
  route('app/:locality/club/:clubId/members', 'routes/app/club-members.tsx'),
  route('app/:locality/club/:clubId/members/:memberId', 'routes/app/club-member.tsx'),
  route('app/:locality/club/:clubId/activities', 'routes/app/club-activities.tsx'),
  route('app/:locality/club/:clubId/activities/:activityId', 'routes/app/club-activity.tsx'),
  route('app/:locality/club/:clubId/calendar.ics', 'routes/app/club-calendar.ts'),
  route('app/:locality/club/:clubId/visits', 'routes/app/club-visits.tsx'),
  route('app/:locality/club/:clubId/grants', 'routes/app/club-grants.tsx'),
  route('app/:locality/club/:clubId/register', 'routes/app/club-register.tsx'),
  route('app/:locality/club/:clubId/register/pdf', 'routes/app/club-register-pdf.ts'),
  route('app/:locality/club/:clubId/report', 'routes/app/club-report.tsx'),
  route('app/:locality/club/:clubId/report/:format', 'routes/app/club-report-file.ts'),
  // Participants
  route('app/:locality/participants', 'routes/app/participants.tsx'),
  route('app/:locality/participants/new', 'routes/app/participant-new.tsx'),
  route('app/:locality/participants/access-log', 'routes/app/participants-access-log.tsx'),
  route('app/:locality/participants/:personId', 'routes/app/participant.tsx'),
  route('app/:locality/participants/:personId/edit', 'routes/app/participant-edit.tsx'),
  // Support plans
  route('app/:locality/plans', 'routes/app/plans.tsx'),
  route('app/:locality/participants/:personId/plans/new', 'routes/app/plan-new.tsx'),
  route('app/:locality/participants/:personId/plans/:planId', 'routes/app/plan.tsx'),
  // Advice and appointments
  route('app/:locality/advice', 'routes/app/advice.tsx'),
  route('app/:locality/advice/new', 'routes/app/advice-new.tsx'),
  route('app/:locality/advice/calendar', 'routes/app/advice-calendar.tsx'),
  route('app/:locality/advice/:sessionId', 'routes/app/advice-session.tsx'),
  // Referrals
  route('app/:locality/referrals', 'routes/app/referrals.tsx'),
  route('app/:locality/referrals/new', 'routes/app/referral-new.tsx'),
  route('app/:locality/referrals/:referralId', 'routes/app/referral.tsx'),
  // Participant self-service
  route('app/:locality/me', 'routes/app/me.tsx'),
  route('app/:locality/me/data', 'routes/app/me-data.tsx'),
  route('app/:locality/me/data.json', 'routes/app/me-data-json.ts'),
  route('app/:locality/me/data.pdf', 'routes/app/me-data-pdf.ts'),
  route('app/:locality/me/appointments/new', 'routes/app/me-appointment-new.tsx'),
  route('app/:locality/me/erasure', 'routes/app/me-erasure.tsx'),
  // Volunteers
  route('app/:locality/volunteers', 'routes/app/volunteers.tsx'),
  route('app/:locality/volunteers/new', 'routes/app/volunteer-new.tsx'),
  route('app/:locality/volunteers/:personId', 'routes/app/volunteer.tsx'),
  route('app/:locality/volunteers/:personId/agreement.pdf', 'routes/app/volunteer-agreement-pdf.ts'),
  // Data protection
  route('app/:locality/data-protection', 'routes/app/data-protection.tsx'),
  route('app/:locality/participants/:personId/data.json', 'routes/app/participant-data-json.ts'),
  route('app/:locality/participants/:personId/data.pdf', 'routes/app/participant-data-pdf.ts'),
  // Education: programmes and materials
  route('app/:locality/education/programmes', 'routes/app/education-programmes.tsx'),
  route('app/:locality/education/programmes/:curriculumId', 'routes/app/education-programme.tsx'),
  route('app/:locality/education/materials', 'routes/app/education-materials.tsx'),
  route('app/:locality/education/materials/new', 'routes/app/education-material-new.tsx'),
  route('app/:locality/education/materials/:materialId', 'routes/app/education-material.tsx'),
  route(
    'app/:locality/education/materials/:materialId/versions/:version',
    'routes/app/education-material-version.ts',
  ),
  route('p/:locality/materials', 'routes/_public/materials.tsx'),
  route('p/:locality/materials/:materialId/file', 'routes/_public/materials-file.ts'),
  // Education: groups, sessions, attendance
  route('app/:locality/education/groups', 'routes/app/education-groups.tsx'),
  route('app/:locality/education/groups/new', 'routes/app/education-group-new.tsx'),
  route('app/:locality/education/groups/:groupId', 'routes/app/education-group.tsx'),
  route('app/:locality/education/groups/:groupId/calendar.ics', 'routes/app/education-group-ics.ts'),
  route('app/:locality/education/groups/:groupId/attendance.xlsx', 'routes/app/education-group-xlsx.ts'),
  route('app/:locality/education/groups/:groupId/sessions/:sessionId', 'routes/app/education-session.tsx'),
  route(
    'app/:locality/education/groups/:groupId/sessions/:sessionId/attendance.pdf',
    'routes/app/education-session-pdf.ts',
  ),
  route('ics/:token', 'routes/_public/education-ics.ts'),
  // Education: qualification and the cascade
  route('app/:locality/education/leaders', 'routes/app/education-leaders.tsx'),
  route(
    'app/:locality/education/leaders/:qualificationId/certificate.pdf',
    'routes/app/education-leader-certificate-pdf.ts',
  ),
  route('app/:locality/education/cascade', 'routes/app/education-cascade.tsx'),
  // Education: feedback and reports
  route('app/:locality/education/feedback', 'routes/app/education-feedback.tsx'),
  route('app/:locality/education/feedback/:sessionId', 'routes/app/education-feedback-session.tsx'),
  route('app/:locality/education/reports', 'routes/app/education-reports.tsx'),
  route('app/:locality/education/reports/:format', 'routes/app/education-reports-file.ts'),
  // ---- issue 6: initiatives (begin)
  // ---- issue 6: initiatives (end)
  // ---- issue 6: enterprises (begin)
  // ---- issue 6: enterprises (end)
  // ---- issue 6: legal (begin)
  // ---- issue 6: legal (end)
  // ---- issue 6: financing (begin)
  // ---- issue 6: financing (end)
  // ---- issue 6: costs (begin)
  // ---- issue 6: costs (end)
  route('admin', 'routes/admin/overview.tsx'),
  route('admin/localities', 'routes/admin/localities.tsx'),
  route('admin/localities/new', 'routes/admin/locality-new.tsx'),
  route('admin/users', 'routes/admin/users.tsx'),
  route('admin/users/invite', 'routes/admin/user-invite.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
