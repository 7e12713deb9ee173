/**
 * The leader qualification rule (issue 5, item 3): a member of a group following the leaders'
 * programme qualifies when the share of the group's held sessions they attended and the share
 * of the programme's modules covered by the sessions they attended both reach the dated
 * parameter `education.leaderQualification`.
 */

export const QUALIFICATION_PARAMETER = 'education.leaderQualification';

export type QualificationRule = { minAttendanceShare: number; minModulesShare: number };

export type ProgrammeModule = { id: string; title: string; position: number };

export type QualificationAssessment = {
  sessionsHeld: number;
  sessionsAttended: number;
  /** 0..1, rounded to 3 places (as kept on the qualification row). */
  attendanceShare: number;
  modulesTotal: number;
  modulesCovered: number;
  modulesShare: number;
  missingModules: ProgrammeModule[];
  meetsAttendance: boolean;
  meetsModules: boolean;
  eligible: boolean;
};

/** Rounds a share down to 3 decimal places: a figure kept with a grant never overstates it. */
export function share(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part / whole) * 1000) / 1000;
}

/** Rounds a share to whole percent for messages (never up past the real figure). */
export function percent(value: number): number {
  return Math.floor(value * 100 + 1e-9);
}

export function assessQualification(input: {
  sessionsHeld: number;
  sessionsAttended: number;
  modules: ProgrammeModule[];
  coveredModuleIds: ReadonlySet<string> | readonly string[];
  rule: QualificationRule;
}): QualificationAssessment {
  const covered = new Set(input.coveredModuleIds);
  const modules = [...input.modules].sort((a, b) => a.position - b.position);
  const missingModules = modules.filter((m) => !covered.has(m.id));
  const modulesCovered = modules.length - missingModules.length;
  const attended = Math.min(input.sessionsAttended, input.sessionsHeld);
  const attendanceShare = share(attended, input.sessionsHeld);
  const modulesShare = share(modulesCovered, modules.length);
  // Compare exact fractions (7/8 vs 0.8) so rounding never tips the decision.
  const meetsAttendance =
    input.sessionsHeld > 0 && attended >= input.rule.minAttendanceShare * input.sessionsHeld - 1e-9;
  const meetsModules =
    modules.length > 0 && modulesCovered >= input.rule.minModulesShare * modules.length - 1e-9;
  return {
    sessionsHeld: input.sessionsHeld,
    sessionsAttended: attended,
    attendanceShare,
    modulesTotal: modules.length,
    modulesCovered,
    modulesShare,
    missingModules,
    meetsAttendance,
    meetsModules,
    eligible: meetsAttendance && meetsModules,
  };
}

/** Sessions still needed to reach the attendance share (assuming every further session is attended). */
export function sessionsShort(
  a: Pick<QualificationAssessment, 'sessionsHeld' | 'sessionsAttended'>,
  rule: QualificationRule,
): number {
  const needed = Math.ceil(rule.minAttendanceShare * a.sessionsHeld - 1e-9);
  return Math.max(0, needed - a.sessionsAttended);
}

/**
 * The next certificate number of a locality: PREFIX/YEAR/NNN, one more than the highest number
 * already issued with that prefix and year.
 */
export function nextCertificateNumber(prefix: string, year: number, existing: readonly string[]): string {
  const head = `${prefix}/${year}/`;
  let max = 0;
  for (const n of existing) {
    if (!n.startsWith(head)) continue;
    const k = Number.parseInt(n.slice(head.length), 10);
    if (Number.isFinite(k) && k > max) max = k;
  }
  return `${head}${String(max + 1).padStart(3, '0')}`;
}

/** A locality's certificate prefix: the first three letters of its slug, upper case ("POZ"). */
export function certificatePrefix(slug: string): string {
  const letters = slug.replace(/[^a-z]/gi, '').toUpperCase();
  return (letters.slice(0, 3) || 'CER').padEnd(3, 'X');
}
