import type { MessageKey } from './i18n/catalog.ts';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'DOMAIN_RULE'
  | 'RATE_LIMITED';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  DOMAIN_RULE: 422,
  RATE_LIMITED: 429,
};

/** A message id, or a message id with the figures it needs ("7 digits typed; 10 needed"). */
export type FieldError = MessageKey | { key: MessageKey; values?: Record<string, string | number> };

/** The one error type of the app: a code (→ HTTP status) and a message id for the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly values: Record<string, string | number>;
  /** For rule and validation failures: which form field each problem belongs to. */
  readonly fieldErrors: Partial<Record<string, FieldError>>;

  constructor(
    code: ErrorCode,
    messageKey: MessageKey,
    values: Record<string, string | number> = {},
    fieldErrors: Partial<Record<string, FieldError>> = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.messageKey = messageKey;
    this.values = values;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'errors.404.body');
export const forbidden = () => new AppError('FORBIDDEN', 'errors.403.body');
