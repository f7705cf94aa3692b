import { toApiError } from '../../shared/errors';

/** Fatal errors end the process with one line saying why, and a non-zero status. */
export function exitWithError(error: unknown): never {
  const { code, message } = toApiError(error);
  process.stderr.write(
    `kadar: ${message}${code === 'INTERNAL' && process.env.KADAR_DEBUG ? `\n${(error as Error).stack}` : ''}\n`,
  );
  process.exit(code === 'CANCELLED' ? 130 : 1);
}
