import { toApiError } from '../../shared/errors';

/** Fatal errors end the process with one line saying why, and a non-zero status. */
export function exitWithError(error: unknown): never {
  const { code, message } = toApiError(error);
  // Scripts that asked for JSON get the failure as JSON too, where they read answers.
  if (process.argv.includes('--json'))
    process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
  process.stderr.write(
    `kadar: ${message}${code === 'INTERNAL' && process.env.KADAR_DEBUG ? `\n${(error as Error).stack}` : ''}\n`,
  );
  process.exit(code === 'CANCELLED' ? 130 : 1);
}
