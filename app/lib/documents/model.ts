/**
 * A format-neutral description of a document that users download: a partnership agreement,
 * an attendance list, a certificate, a business plan. Callers build a `DocModel` from
 * already-translated strings; `renderPdf` (pdf.server.ts) and `renderDocx` (docx.server.ts)
 * turn the same model into files.
 */

export type TableColumn = {
  header: string;
  /** Relative width: columns of width 1 and 3 share the line 1:3. Defaults to 1. */
  width?: number;
  align?: 'left' | 'right';
};

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: string[][];
      /** Repeat the header row at the top of every page the table continues on. */
      repeatHeader?: boolean;
      /** Minimum height of a body row in points, e.g. tall rows to sign in. */
      rowHeight?: number;
    }
  | { kind: 'keyValue'; rows: { label: string; value: string }[] }
  /** Signature lines side by side, each with the party's name (and role) under it. */
  | { kind: 'signatures'; parties: { name: string; role?: string }[] }
  /** Vertical space in points (default 12). */
  | { kind: 'spacer'; size?: number }
  | { kind: 'pageBreak' };

export type DocModel = {
  /** Document title: file metadata, and printed as the first heading unless `showTitle` is false. */
  title: string;
  /** Language of the text, written into the file's metadata (screen readers use it). */
  language: 'pl' | 'en';
  author?: string;
  subject?: string;
  /** Print the title as the first heading (default true). Blocks then usually start at level 2. */
  showTitle?: boolean;
  orientation?: 'portrait' | 'landscape';
  /** Small text at the top of every page, e.g. the locality's name. */
  header?: string;
  /** Small text at the bottom of every page. */
  footer?: string;
  /** Page label at the bottom of every page, e.g. 'Strona {page} z {pages}'. None when absent. */
  footerPageTemplate?: string;
  blocks: DocBlock[];
};

export type RenderOptions = {
  /** Creation date written into the file (default: now). Fix it for reproducible output. */
  createdAt?: Date;
};

/** Widths from relative weights (missing or non-positive count as 1), summing to `total`. */
export function relativeWidths(relative: (number | undefined)[], total: number): number[] {
  const weights = relative.map((w) => (w !== undefined && w > 0 ? w : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total * w) / sum);
}

/** Signatures per line: up to three side by side; four as two pairs. */
export function signaturesPerLine(count: number): number {
  return count === 4 ? 2 : Math.min(Math.max(count, 1), 3);
}

export type PageLabelPart = { kind: 'text'; text: string } | { kind: 'page' } | { kind: 'pages' };

/** Splits 'Strona {page} z {pages}' into text and the two placeholders, in order. */
export function parsePageTemplate(template: string): PageLabelPart[] {
  const parts: PageLabelPart[] = [];
  for (const piece of template.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') parts.push({ kind: 'page' });
    else if (piece === '{pages}') parts.push({ kind: 'pages' });
    else if (piece !== '') parts.push({ kind: 'text', text: piece });
  }
  return parts;
}

/** 'Strona {page} z {pages}' with numbers filled in: 'Strona 2 z 5'. */
export function formatPageLabel(template: string, page: number, pages: number): string {
  return parsePageTemplate(template)
    .map((part) => (part.kind === 'text' ? part.text : String(part.kind === 'page' ? page : pages)))
    .join('');
}
