import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { startHost, type RunningHost } from '../../electron/host/serve';
import { repoFixtures } from '../helpers/fixtures';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let api: KadarApi;
let host: RunningHost;
let photoId: number;

/** A raw HTTP request to the host on 127.0.0.1, with exactly the headers given. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}` });
const call = (method: string, body: string, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    body,
    headers: { ...auth(), 'Content-Type': 'application/json', ...headers },
  });

beforeAll(async () => {
  const renderer = tempDir();
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><title>Kadar</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("kadar")');
  api = createKadarApi({ catalogPath: join(tempDir(), 'catalog.sqlite') });
  const { rootId } = await callApi(api.handlers, 'roots.add', { path: join(repoFixtures, 'gps') });
  api.indexing.start([rootId]);
  await api.indexing.idle();
  photoId = (await callApi(api.handlers, 'photos.page', { limit: 1 })).items[0]!.id;
  host = await startHost({ api, rendererDir: renderer });
});

afterAll(async () => {
  await host.close();
  await api.close();
  removeTempDirs();
});

describe('the browser host', () => {
  it('listens on the loopback address only', () => {
    const address = host.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[\w-]{32}$/);
  });

  it('serves the page with the token, and sets it as a strict, HttpOnly cookie', async () => {
    const page = await send(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['set-cookie']).toEqual([
      `kadar_token=${host.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    const script = await send('/assets/app.js', {
      headers: { Cookie: `kadar_token=${host.token}` },
    });
    expect(script).toMatchObject({ status: 200, body: 'console.log("kadar")' });
  });

  it('refuses every request without the token, or with a wrong one', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      `/img/thumb/${photoId}`,
      '/api/events',
    ]) {
      const attempts: Record<string, string>[] = [
        {},
        { Authorization: 'Bearer nope' },
        { Cookie: 'kadar_token=nope' },
      ];
      for (const headers of attempts) {
        const reply = await send(path, { headers });
        expect(reply.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(JSON.parse(reply.body)).toMatchObject({ code: 'UNAUTHORIZED' });
      }
    }
    expect(
      (await call('catalog.stats', '{}', { Authorization: `Bearer ${host.token.slice(1)}x` }))
        .status,
    ).toBe(401);
  });

  it('refuses other origins, cross-site requests and other host names, even with the token', async () => {
    for (const headers of [
      { Origin: 'https://evil.example' } as Record<string, string>,
      { Origin: 'http://127.0.0.1:1' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Host: 'evil.example' },
      { Host: `attacker.example:${host.port}` },
    ]) {
      const reply = await call('catalog.stats', '{}', headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(
      (
        await call('catalog.stats', '{}', {
          Origin: `http://127.0.0.1:${host.port}`,
          'Sec-Fetch-Site': 'same-origin',
        })
      ).status,
    ).toBe(200);
  });

  it('serves images by photo id only: paths, traversal, other kinds and unknown ids are refused', async () => {
    const image = await send(`/img/thumb/${photoId}`, { headers: auth() });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.body.slice(0, 3)).toBe('\xff\xd8\xff');
    const withPath = await send(`/img/thumb/${photoId}?path=/etc/passwd`, { headers: auth() });
    expect(withPath.body).toBe(image.body);
    for (const path of [
      '/img/thumb/../../../../etc/passwd',
      '/img/thumb/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/img/..%2f..%2fpackage.json',
      '/img//etc/passwd',
      `/img/${encodeURIComponent(join(repoFixtures, 'gps/DSCN0010.jpg'))}`,
      '/img/thumb/abc',
      '/img/thumb/-1',
      '/img/thumb/0',
      '/img/thumb/99999999',
      `/img/original/${photoId}`,
      `/img/thumb/${photoId}/../../1`,
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
    ]) {
      const reply = await send(path, { headers: auth() });
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('"name": "kadar"');
      expect(reply.body, path).not.toContain('root:');
    }
  });

  it('lets browsers keep an image for good only under a URL naming its content', async () => {
    const [photo] = await callApi(api.handlers, 'photos.get', { ids: [photoId] });
    const fingerprint = photo!.fingerprint!;
    const named = await send(`/img/thumb/${photoId}?v=${fingerprint}`, { headers: auth() });
    expect(named.status).toBe(200);
    expect(named.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    // By id alone, or naming content the photo no longer has (its file changed since the
    // page was read): asked again each time, answered 304 while the file is the same.
    for (const path of [`/img/thumb/${photoId}`, `/img/preview/${photoId}?v=0123456789abcdef`]) {
      const reply = await send(path, { headers: auth() });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['cache-control'], path).toBe('private, no-cache');
    }
    const again = await send(`/img/thumb/${photoId}`, {
      headers: { ...auth(), 'If-None-Match': String(named.headers.etag) },
    });
    expect(again.status).toBe(304);
  });

  it('answers malformed API input with { code, message } and changes nothing', async () => {
    const before = await call('catalog.stats', '{}');
    const cases: [string, string, number, string, Record<string, string>?][] = [
      ['roots.add', '{"path": 42}', 400, 'INVALID_INPUT'],
      ['roots.add', '{"path": "/tmp", "extra": 1}', 400, 'INVALID_INPUT'],
      ['roots.add', 'not json', 400, 'INVALID_INPUT'],
      ['roots.add', '[]', 400, 'INVALID_INPUT'],
      ['photos.ids', '{"sort": "random"}', 400, 'INVALID_INPUT'],
      ['photos.get', `{"ids": [${Array(501).fill(1).join(',')}]}`, 400, 'INVALID_INPUT'],
      ['photos.page', '{"cursor": "garbage"}', 400, 'INVALID_INPUT'],
      ['roots.add', '{"path": "/no/such/folder"}', 404, 'FOLDER_NOT_FOUND'],
      ['no.such.method', '{}', 404, 'NOT_FOUND'],
      ['__proto__', '{}', 404, 'NOT_FOUND'],
      ['shell.showInFolder', `{"photoId": ${photoId}}`, 501, 'UNSUPPORTED'],
      ['roots.add', '{"path": "/tmp"}', 415, 'INVALID_INPUT', { 'Content-Type': 'text/plain' }],
      ['roots.add', `{"path": "${'x'.repeat(2 << 20)}"}`, 413, 'INVALID_INPUT'],
    ];
    for (const [method, body, status, code, headers] of cases) {
      const reply = await call(method, body, headers);
      expect(reply.status, `${method} ${body.slice(0, 40)}`).toBe(status);
      const error = JSON.parse(reply.body) as { code: string; message: string };
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(5);
      expect(Object.keys(error).sort()).toEqual(['code', 'message']);
    }
    expect((await send('/api/roots.list', { headers: auth() })).status).toBe(405);
    expect(await call('catalog.stats', '{}')).toMatchObject({ status: 200, body: before.body });
  });

  it('streams contract events to the page', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${host.port}`, Cookie: `kadar_token=${host.token}` },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => {
            text += d;
            if (text.includes('event: catalog.changed')) {
              req.destroy();
              resolve(text);
            }
          });
          void call('roots.add', JSON.stringify({ path: join(repoFixtures, 'orientation') }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain(
      'event: catalog.changed\ndata: {"reason":"roots","kinds":["roots","photos"]}',
    );
  });
});
