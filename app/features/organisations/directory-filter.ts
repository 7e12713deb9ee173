import { ORGANISATION_KINDS, type OrganisationKind } from './organisation.rules.ts';
import type { DirectoryFilter } from './organisations.queries.server.ts';

/** The directory's filters from the address (?q=&kind=&pes=yes|no), shared by the list and its exports. */
export function directoryFilter(url: URL): DirectoryFilter {
  const kind = url.searchParams.get('kind');
  const pes = url.searchParams.get('pes');
  return {
    q: url.searchParams.get('q')?.slice(0, 100) ?? '',
    kind: (ORGANISATION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as OrganisationKind) : null,
    pes: pes === 'yes' ? true : pes === 'no' ? false : null,
  };
}
