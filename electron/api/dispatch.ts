import type { z } from 'zod';
import {
  apiMethods,
  isMethodName,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/client';
import { KadarError, toApiError } from '../../shared/errors';

export type Handlers = {
  [M in MethodName]: (
    input: z.output<(typeof apiMethods)[M]['input']>,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');
}

/**
 * Runs one call from any transport: the method must exist, the input must match its schema,
 * and so must the output (a mismatch is a bug here, reported as INTERNAL). Nothing is thrown
 * across the boundary; every failure is `{ code, message }`.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
): Promise<CallResult> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `There is no API method ${String(method).slice(0, 80)}.`,
      },
    };
  }
  const spec = apiMethods[method];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid input for ${method}: ${describeIssues(parsed.error)}`,
      },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      throw new KadarError(
        'INTERNAL',
        `${method} produced output that breaks the contract: ${describeIssues(checked.error)}`,
      );
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

/** Typed call for in-process users (tests, the CLI). */
export function callApi<M extends MethodName>(
  handlers: Handlers,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  return callThrough((m, i) => dispatch(handlers, m, i), method, input);
}

/** Typed call through any `call` answering a `CallResult` (the window's API, window-api.ts). */
export async function callThrough<M extends MethodName>(
  call: (method: unknown, input: unknown) => Promise<CallResult>,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new KadarError(result.error.code, result.error.message);
  return result.value as MethodOutput<M>;
}
