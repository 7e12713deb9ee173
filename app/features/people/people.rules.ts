/** A person's name for lists, or null once the person has been erased (the caller says so in words). */
export function personName(p: { givenName: string; familyName: string; erasedAt: Date | string | null }) {
  if (p.erasedAt) return null;
  return `${p.givenName} ${p.familyName}`.trim();
}
