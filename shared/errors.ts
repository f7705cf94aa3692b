/**
 * Errors cross every boundary (worker → core → IPC/HTTP → renderer, CLI → shell) as plain
 * `{ code, message }` objects: a message a user can act on, and a code a program can test.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'FOLDER_NOT_FOUND',
  'FOLDER_UNREADABLE',
  'FILE_UNREADABLE',
  'DOCUMENT_UNREADABLE',
  'DOCUMENT_MISSING',
  'ALREADY_RUNNING',
  'CANCELLED',
  'OUTPUT_NOT_EMPTY',
  'OUTPUT_UNWRITABLE',
  'NOTHING_TO_EXPORT',
  'EXPORT_FAILED',
  'BACKUP_FAILED',
  'RESTORE_FAILED',
  'CATALOG_BUSY',
  'CATALOG_UNWRITABLE',
  'CATALOG_TOO_NEW',
  'CATALOG_CORRUPT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNSUPPORTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export class KadarError extends Error implements ApiError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KadarError';
    this.code = code;
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    (errorCodes as readonly string[]).includes((value as ApiError).code) &&
    typeof (value as ApiError).message === 'string'
  );
}

/** Any thrown value as an `{ code, message }`; unknown failures become INTERNAL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof KadarError) return error.toJSON();
  if (isApiError(error)) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: message || 'Unexpected error' };
}

/** Any thrown value as an Error, keeping Errors as they are. */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(toApiError(error).message);
}
