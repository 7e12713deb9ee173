import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ShellContext } from '../../../components/ui/i18n-context.tsx';
import { getI18n } from '../../../lib/i18n/i18n.ts';
import type { ParticipantPlans } from '../participant-plan.server.ts';
import { PlanForParticipant, PlanSection } from './plan-section.tsx';

const PERSON = '44444444-4444-4444-8444-444444444444';
const PLAN = '55555555-5555-4555-8555-555555555555';
const plans: ParticipantPlans = {
  open: {
    id: PLAN,
    step: 'in_progress',
    needs: 'Pomoc z CV',
    goals: 'Praca w handlu',
    startsOn: '2026-10-01',
    agreedOn: '2026-10-05',
    responsibleName: 'Piotr Zieliński',
    nextReviewOn: '2026-12-27',
    actions: [
      {
        id: 'a1',
        kind: 'advice',
        description: 'CV z doradcą',
        status: 'done',
        dueOn: '2026-10-20',
        doneOn: '2026-10-18',
        responsibleName: 'Piotr Zieliński',
      },
      {
        id: 'a2',
        kind: 'training',
        description: 'Kurs prawa jazdy',
        status: 'planned',
        dueOn: '2027-01-26',
        doneOn: null,
        responsibleName: 'Powiatowy Urząd Pracy w Poznaniu',
      },
    ],
  },
  closed: [{ id: 'c1', startsOn: '2025-01-10', closedOn: '2025-06-30', closingReason: 'found_work' }],
  outcomes: [{ id: 'o1', kind: 'found_work', achievedOn: '2025-06-20', organisationName: 'Piekarnia' }],
};
const none: ParticipantPlans = { open: null, closed: [], outcomes: [] };

let shown: { node: () => ReturnType<typeof createElement>; locale: 'pl' | 'en' } = {
  node: () => createElement('p'),
  locale: 'pl',
};
function Shown() {
  return createElement(
    ShellContext.Provider,
    { value: { i18n: getI18n(shown.locale), csrf: 't' } },
    shown.node(),
  );
}
const Stub = createRoutesStub([{ path: '/', Component: Shown }]);
function render(node: () => ReturnType<typeof createElement>, locale: 'pl' | 'en' = 'pl') {
  shown = { node, locale };
  return renderToString(createElement(Stub, { initialEntries: ['/'] }));
}
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('the participant page section', () => {
  it('shows the open plan in short with its step, next review and actions done, and links to it', () => {
    const html = render(() =>
      createElement(PlanSection, { plans, localitySlug: 'poznan', personId: PERSON, canEdit: true }),
    );
    expect(html).toContain('<h2 id="pp-plan">Plan wsparcia</h2>');
    expect(html).toContain('aria-current="step"');
    expect(text(html)).toContain('w realizacji ( obecny etap )');
    expect(text(html)).toContain('27.12.2026');
    expect(text(html)).toContain('1 z 2 działań zrobione');
    expect(html).toContain(`href="/app/poznan/participants/${PERSON}/plans/${PLAN}"`);
    expect(text(html)).toContain('od 10.01.2025 do 30.06.2025: podjęcie pracy');
    expect(html).not.toContain('Utwórz plan');
  });

  it('offers "Utwórz plan" only to staff who may, and speaks English', () => {
    const html = render(() =>
      createElement(PlanSection, { plans: none, localitySlug: 'poznan', personId: PERSON, canEdit: true }),
    );
    expect(html).toContain('Utwórz plan');
    expect(html).toContain(`href="/app/poznan/participants/${PERSON}/plans/new"`);
    const readOnly = render(() =>
      createElement(PlanSection, { plans: none, localitySlug: 'poznan', personId: PERSON, canEdit: false }),
    );
    expect(readOnly).not.toContain('Utwórz plan');
    const en = render(
      () => createElement(PlanSection, { plans, localitySlug: 'poznan', personId: PERSON, canEdit: true }),
      'en',
    );
    expect(text(en)).toContain('1 of 2 actions done');
  });
});

describe('the participant’s own view', () => {
  it('speaks plainly: your plan, what we do next, what is done, the next talk, your successes', () => {
    const t = text(render(() => createElement(PlanForParticipant, { plans })));
    expect(t).toContain('Twój plan');
    expect(t).toContain('Ten plan właśnie realizujemy.');
    expect(t).toContain('Co robimy dalej');
    expect(t).toContain('Szkolenie Kurs prawa jazdy do 26 stycznia 2027 r.');
    expect(t).toContain('Co już zrobione');
    expect(t).toContain('Następna rozmowa o planie: 27 grudnia 2026 r.');
    expect(t).toContain('Twoje sukcesy');
    expect(t).toContain('Masz pracę');
    // No staff jargon.
    expect(t).not.toContain('w realizacji');
    expect(t).not.toContain('przegląd');
  });

  it('says what to do without a plan', () => {
    expect(text(render(() => createElement(PlanForParticipant, { plans: none })))).toContain(
      'Nie masz teraz planu.',
    );
  });
});
