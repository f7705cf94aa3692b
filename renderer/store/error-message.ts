import { isApiError } from '../../shared/errors';

/** What a person is shown when a call fails: the API's own message, never a stack. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  // fetch rejects with a bare TypeError when the host has gone away.
  if (error instanceof TypeError) return 'Kadar cannot reach its catalog. Is it still running?';
  return 'Something went wrong. Please try again.';
}
