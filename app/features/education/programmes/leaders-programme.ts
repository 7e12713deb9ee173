/**
 * The social-economy leaders' programme as editable demo content, after the EQUAL D0104
 * partnership's programme „Ekonomia Społeczna w Praktyce”: building local partnerships,
 * solving local problems, working in social-economy institutions, and the basics around them.
 * A locality gets its own copy and edits it freely.
 */
export const LEADERS_PROGRAMME = {
  name: 'Program edukacyjny dla liderów ekonomii społecznej',
  description:
    'Program nieformalnej edukacji dorosłych dla przyszłych liderów lokalnych (na podstawie programu partnerstwa EQUAL D0104 „Ekonomia Społeczna w Praktyce”). Po jego ukończeniu lider prowadzi grupę samokształceniową w swojej społeczności.',
  modules: [
    {
      title: 'Podstawy ekonomii społecznej',
      objectives:
        'Uczestnik wyjaśnia, czym jest ekonomia społeczna i przedsiębiorstwo społeczne; rozróżnia podmioty ekonomii społecznej (spółdzielnie socjalne, CIS, KIS, WTZ, ZAZ, organizacje pozarządowe); zna ustawę o ekonomii społecznej.',
      plannedHours: 6,
    },
    {
      title: 'Budowanie lokalnych partnerstw',
      objectives:
        'Uczestnik rozpoznaje lokalnych partnerów (samorząd, organizacje, biznes, parafie); przygotowuje pierwsze spotkanie partnerskie; zna zasady umowy partnerskiej i podziału ról.',
      plannedHours: 8,
    },
    {
      title: 'Rozwiązywanie lokalnych problemów',
      objectives:
        'Uczestnik opisuje problem społeczny swojej miejscowości na podstawie faktów; prowadzi z mieszkańcami analizę przyczyn i skutków; wybiera rozwiązanie, które społeczność może wdrożyć sama.',
      plannedHours: 8,
    },
    {
      title: 'Praca w instytucjach ekonomii społecznej',
      objectives:
        'Uczestnik zna codzienną pracę CIS, KIS i spółdzielni socjalnej; rozumie rolę opiekuna i reintegracji społeczno-zawodowej; odbywa wizytę studyjną w podmiocie ekonomii społecznej.',
      plannedHours: 8,
    },
    {
      title: 'Spółdzielnia socjalna krok po kroku',
      objectives:
        'Uczestnik zna kolejne kroki założenia spółdzielni socjalnej (założyciele, statut, rejestracja w KRS, dotacje); przygotowuje szkic biznesplanu.',
      plannedHours: 6,
    },
    {
      title: 'Praca projektowa i zespołowa',
      objectives:
        'Uczestnik planuje małe przedsięwzięcie (cele, zadania, harmonogram, budżet); prowadzi spotkanie zespołu; rozwiązuje konflikty w grupie.',
      plannedHours: 6,
    },
    {
      title: 'Grupy wsparcia, samopomocy i samokształcenia',
      objectives:
        'Uczestnik zakłada i prowadzi grupę samokształceniową: ustala zasady, planuje spotkania, dba o udział każdego; zna metody pracy z dorosłymi.',
      plannedHours: 6,
    },
  ],
} as const;
