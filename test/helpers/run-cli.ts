import { spawn, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const cliPath = fileURLToPath(new URL('../../dist/node/kadar.cjs', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `kadar` CLI (as `npx kadar` would) and collects its output. */
export function runCli(args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function parseJson<T>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(
      `kadar printed no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/**
 * `kadar --catalog FILE …` for a test that drives one catalog (`catalog()`, read at each call:
 * tests move to a new one), and `json`, which expects success and parses the JSON answer.
 */
export function catalogCli(catalog: () => string) {
  const kadar = (...args: string[]) => runCli(['--catalog', catalog(), ...args]);
  async function json<T>(...args: string[]): Promise<T> {
    const result = await kadar(...args);
    expect(result.code, `kadar ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return parseJson<T>(result);
  }
  return { kadar, json };
}
