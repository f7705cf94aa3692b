import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cli = fileURLToPath(new URL('../../dist/node/kadar.cjs', import.meta.url));
export const repoFixtures = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));

export interface KadarHost {
  url: string;
  origin: string;
  token: string;
  catalog: string;
  dir: string;
  /** Stops the host; `keep` leaves its folder (catalog and all) for a restart. */
  stop(options?: { keep?: boolean }): Promise<void>;
}

/** Runs the built CLI to completion (e.g. `index <folder>` into the test's catalog). */
export function runKadar(catalog: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--catalog', catalog, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`kadar ${args.join(' ')} exited ${code}: ${err}`)),
    );
  });
}

/**
 * A real `kadar serve` (the built CLI, a real catalog, real sharp and SQLite) in a fresh
 * temp folder, optionally after indexing some folders into its catalog.
 */
export async function startKadarHost(
  options: { index?: string[]; extraArgs?: string[]; dir?: string } = {},
): Promise<KadarHost> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kadar-e2e-'));
  const catalog = join(dir, 'catalog.sqlite');
  for (const folder of options.index ?? [])
    await runKadar(catalog, ['index', folder, '--progress', 'none']);
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, '--catalog', catalog, 'serve', ...(options.extraArgs ?? [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    if (process.env.KADAR_E2E_DEBUG) child.stderr!.pipe(process.stderr);
    child.on('exit', (code) => reject(new Error(`kadar serve exited ${code}: ${err}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    catalog,
    dir,
    async stop({ keep = false } = {}) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
