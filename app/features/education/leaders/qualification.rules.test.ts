import { describe, expect, it } from 'vitest';
import {
  assessQualification,
  certificatePrefix,
  nextCertificateNumber,
  percent,
  sessionsShort,
  share,
} from './qualification.rules.ts';

const modules = [
  { id: 'm2', title: 'Rozwiązywanie problemów lokalnych', position: 2 },
  { id: 'm1', title: 'Budowanie partnerstw', position: 1 },
  { id: 'm3', title: 'Praca w instytucjach ekonomii społecznej', position: 3 },
];
const rule = { minAttendanceShare: 0.8, minModulesShare: 1 };

describe('the leader qualification rule', () => {
  it('qualifies at exactly the attendance share and every module', () => {
    const a = assessQualification({
      sessionsHeld: 10,
      sessionsAttended: 8,
      modules,
      coveredModuleIds: ['m1', 'm2', 'm3'],
      rule,
    });
    expect(a).toMatchObject({ attendanceShare: 0.8, modulesShare: 1, eligible: true, missingModules: [] });
  });

  it('names the missing modules in programme order and the attendance shortfall', () => {
    const a = assessQualification({
      sessionsHeld: 9,
      sessionsAttended: 7,
      modules,
      coveredModuleIds: ['m2'],
      rule,
    });
    expect(a.meetsAttendance).toBe(false); // 7/9 = 77.7 % < 80 %
    expect(a.attendanceShare).toBe(0.777);
    expect(percent(a.attendanceShare)).toBe(77);
    expect(a.missingModules.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(a.modulesShare).toBe(0.333);
    expect(a.eligible).toBe(false);
    expect(sessionsShort(a, rule)).toBe(1); // 8 of 9 needed
  });

  it('never qualifies without sessions or without modules', () => {
    expect(
      assessQualification({ sessionsHeld: 0, sessionsAttended: 0, modules, coveredModuleIds: [], rule })
        .eligible,
    ).toBe(false);
    expect(
      assessQualification({ sessionsHeld: 3, sessionsAttended: 3, modules: [], coveredModuleIds: [], rule })
        .eligible,
    ).toBe(false);
  });

  it('accepts a lower modules share when the parameter says so', () => {
    const a = assessQualification({
      sessionsHeld: 5,
      sessionsAttended: 5,
      modules,
      coveredModuleIds: ['m1', 'm2'],
      rule: { minAttendanceShare: 0.8, minModulesShare: 0.6 },
    });
    expect(a.eligible).toBe(true);
  });

  it('rounds shares down, never up', () => {
    expect(share(2, 3)).toBe(0.666);
    expect(share(1, 0)).toBe(0);
  });
});

describe('certificate numbers', () => {
  it('count up per prefix and year', () => {
    expect(nextCertificateNumber('POZ', 2026, [])).toBe('POZ/2026/001');
    expect(
      nextCertificateNumber('POZ', 2026, ['POZ/2026/006', 'POZ/2026/002', 'POZ/2025/010', 'WAG/2026/009']),
    ).toBe('POZ/2026/007');
    expect(certificatePrefix('poznan')).toBe('POZ');
    expect(certificatePrefix('wagrowiec')).toBe('WAG');
  });
});
