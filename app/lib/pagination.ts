export const DEFAULT_PAGE_SIZE = 20;

export type PageRequest = { page: number; pageSize: number; offset: number };

export function parsePage(url: URL, pageSize = DEFAULT_PAGE_SIZE): PageRequest {
  const raw = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(raw) && raw > 0 ? Math.min(raw, 100_000) : 1;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export type PageInfo = { page: number; pageSize: number; total: number };

export function pageCount(info: PageInfo): number {
  return Math.max(1, Math.ceil(info.total / info.pageSize));
}
