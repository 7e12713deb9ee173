import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ShellContext } from '../../../components/ui/i18n-context.tsx';
import { getI18n } from '../../../lib/i18n/i18n.ts';
import type { ParticipantReferral } from '../participant-referrals.server.ts';
import { ReferralsSection } from './referrals-section.tsx';

const PERSON = '44444444-4444-4444-8444-444444444444';
const rows: ParticipantReferral[] = [
  {
    id: 'r1',
    fromName: null,
    toName: 'Powiatowy Urząd Pracy w Poznaniu',
    status: 'sent',
    sentOn: '2026-11-20',
    doneOn: null,
    consentWithdrawn: false,
  },
  {
    id: 'r2',
    fromName: 'MOPS',
    toName: 'Fundacja Wspólna Droga',
    status: 'done',
    sentOn: '2026-10-01',
    doneOn: '2026-11-01',
    consentWithdrawn: true,
  },
];

type Shown = { referrals: ParticipantReferral[]; canSend: boolean; locale: 'pl' | 'en' };
let shown: Shown = { referrals: [], canSend: false, locale: 'pl' };
function ShownSection() {
  return createElement(
    ShellContext.Provider,
    { value: { i18n: getI18n(shown.locale), csrf: 't' } },
    createElement(ReferralsSection, {
      referrals: shown.referrals,
      localitySlug: 'poznan',
      personId: PERSON,
      canSend: shown.canSend,
    }),
  );
}
const Stub = createRoutesStub([{ path: '/', Component: ShownSection }]);

function render(referrals: ParticipantReferral[], canSend: boolean, locale: 'pl' | 'en' = 'pl') {
  shown = { referrals, canSend, locale };
  return renderToString(createElement(Stub, { initialEntries: ['/'] }));
}

describe('the participant page section', () => {
  it('lists the referrals with statuses in words, a caption with the right plural, and the "Skieruj" link', () => {
    const html = render(rows, true);
    expect(html).toContain('<h2 id="pp-referrals">Skierowania</h2>');
    expect(html).toContain('Skierowania osoby: 2 skierowania');
    expect(html).toContain('wysłane — czeka na odpowiedź');
    expect(html).toContain('zrealizowane');
    expect(html).toContain('zgoda wycofana');
    expect(html).toContain('Centrum (bez wskazania organizacji)');
    expect(html).toContain('href="/app/poznan/referrals/r1"');
    expect(html).toContain(`href="/app/poznan/referrals/new?person=${PERSON}"`);
    expect(html).toContain('scope="col"');
  });

  it('says when there are none, and offers no link to those who may not send', () => {
    const html = render([], false, 'en');
    expect(html).toContain('This person has no referrals.');
    expect(html).not.toContain('/referrals/new');
  });
});
