import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServedApi } from '../api/window-api';
import { imageCacheControl } from '../api/image-cache-control';
import type { DocumentFile } from '../api/services/documents-service';
import { apiMethods, imageKinds, isMethodName, type ImageKind } from '../../shared/api/contract';
import { documentFileKinds, type DocumentFileKind } from '../../shared/api/domains/documents';
import type { ApiError } from '../../shared/errors';
import { checkRequest, newToken, securityHeaders, tokenCookie } from './host-security';
import { loadStaticFiles } from './static-files';

export interface HostOptions {
  api: ServedApi;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  /** The address to open: it carries the token. */
  url: string;
  close(): Promise<void>;
}

const statusOf: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FOLDER_NOT_FOUND: 404,
  FILE_UNREADABLE: 422,
  DOCUMENT_UNREADABLE: 422,
  ALREADY_RUNNING: 409,
  UNSUPPORTED: 501,
};

const maxBody = 1 << 20;

function sendJson(res: ServerResponse, status: number, body: unknown, startedMs?: number): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    // How long the call took here, as the browser's resource timing shows it (serverTiming).
    ...(startedMs == null
      ? {}
      : { 'Server-Timing': `api;dur=${(performance.now() - startedMs).toFixed(1)}` }),
  });
  res.end(data);
}

function sendError(res: ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, error);
}

/** How large a method's input may be: 1 MiB, unless the contract allows more (dropped files). */
function bodyLimit(method: string): number {
  const spec = isMethodName(method) ? apiMethods[method] : undefined;
  return spec && 'maxInputBytes' in spec ? spec.maxInputBytes : maxBody;
}

/** The request body as text; a body over the limit is read to its end and refused (beyond 64
 * times it the connection is dropped), so the client still gets its 413 answer. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > 64 * limit) req.destroy();
    });
    req.on('end', () =>
      size > limit
        ? reject(new Error('too large'))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/**
 * `kadar serve`: the renderer and the API contract over HTTP on 127.0.0.1 only. The routes
 * are the contract (`POST /api/<method>`), its events (`GET /api/events`, server-sent), the
 * built renderer, and images by photo id (`GET /img/<kind>/<id>`).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { api } = options;
  const token = options.token ?? newToken();
  const files = loadStaticFiles(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refusal = checkRequest(req, url, token, port);
    if (refusal)
      return sendError(res, refusal.status, { code: refusal.code, message: refusal.message });

    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice(5);
      if (method === 'events' && req.method === 'GET') return openEvents(res);
      if (req.method !== 'POST')
        return sendError(res, 405, {
          code: 'INVALID_INPUT',
          message: 'API calls are POST requests.',
        });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, 415, { code: 'INVALID_INPUT', message: 'API calls send JSON.' });
      }
      readBody(req, bodyLimit(method))
        .then(async (text) => {
          let input: unknown;
          try {
            input = text ? JSON.parse(text) : {};
          } catch {
            return sendError(res, 400, {
              code: 'INVALID_INPUT',
              message: 'The request body is not valid JSON.',
            });
          }
          const started = performance.now();
          const result = await api.call(method, input);
          if (result.ok) sendJson(res, 200, result.value, started);
          else sendError(res, statusOf[result.error.code] ?? 500, result.error);
        })
        .catch(() =>
          sendError(res, 413, { code: 'INVALID_INPUT', message: 'The request body is too large.' }),
        );
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, { code: 'INVALID_INPUT', message: 'Not allowed.' });

    const image = /^\/img\/([a-z]+)\/(\d{1,15})$/.exec(url.pathname);
    if (image) return serveImage(req, res, image[1]!, Number(image[2]), url.searchParams.get('v'));
    if (url.pathname.startsWith('/img/'))
      return sendError(res, 404, {
        code: 'NOT_FOUND',
        message: 'Images are addressed by photo id.',
      });

    const doc = /^\/doc\/([a-z]+)\/(\d{1,15})$/.exec(url.pathname);
    if (doc)
      return serveDocument(req, res, doc[1]!, Number(doc[2]), url.searchParams.has('download'));

    const file = files.get(url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return sendError(res, 404, { code: 'NOT_FOUND', message: 'Not found.' });
    const headers: Record<string, string> = {
      ...securityHeaders,
      'Content-Type': file.type,
      'Content-Length': String(file.body.length),
    };
    // Images, the SSE stream and module scripts then carry the token without it in their URLs.
    if (url.searchParams.has('token'))
      headers['Set-Cookie'] = `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (url.pathname.startsWith('/assets/'))
      headers['Cache-Control'] = 'private, max-age=31536000, immutable';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  function openEvents(res: ServerResponse): void {
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const unsubscribe = api.onEvent((event, payload) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`),
    );
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  function serveImage(
    req: IncomingMessage,
    res: ServerResponse,
    kind: string,
    id: number,
    version: string | null,
  ): void {
    if (!(imageKinds as readonly string[]).includes(kind)) {
      return sendError(res, 404, { code: 'NOT_FOUND', message: `There are no ${kind} images.` });
    }
    api
      .images(kind as ImageKind, id)
      .then((image) => {
        if (!image)
          return sendError(res, 404, { code: 'NOT_FOUND', message: `Photo ${id} has no ${kind}.` });
        if (req.headers['if-none-match'] === image.etag) {
          res.writeHead(304, { ETag: image.etag });
          return res.end();
        }
        res.writeHead(200, {
          ...securityHeaders,
          'Content-Type': 'image/jpeg',
          'Cache-Control': imageCacheControl(image, version),
          ETag: image.etag,
        });
        if (req.method === 'HEAD') return res.end();
        createReadStream(image.path)
          .on('error', () => res.destroy())
          .pipe(res);
      })
      .catch((error: unknown) =>
        sendError(res, 500, { code: 'INTERNAL', message: (error as Error).message }),
      );
  }

  /** A document's file or first-page thumbnail, by document id: never a path from the request. */
  function serveDocument(
    req: IncomingMessage,
    res: ServerResponse,
    kind: string,
    id: number,
    download: boolean,
  ): void {
    if (!(documentFileKinds as readonly string[]).includes(kind))
      return sendError(res, 404, { code: 'NOT_FOUND', message: `Documents have no ${kind}.` });
    api
      .documentFile(kind as DocumentFileKind, id)
      .then((found) => {
        if (!found)
          return sendError(res, 404, {
            code: 'NOT_FOUND',
            message: `Document ${id} has no ${kind}.`,
          });
        sendDocument(req, res, found, id, download);
      })
      .catch((error: unknown) =>
        sendError(res, 500, { code: 'INTERNAL', message: (error as Error).message }),
      );
  }

  function sendDocument(
    req: IncomingMessage,
    res: ServerResponse,
    found: DocumentFile,
    id: number,
    download: boolean,
  ): void {
    if (req.headers['if-none-match'] === found.etag) {
      res.writeHead(304, { ETag: found.etag });
      res.end();
      return;
    }
    createReadStream(found.path)
      .on('error', () =>
        sendError(res, 404, {
          code: 'FILE_UNREADABLE',
          message: `The file of document ${id} cannot be read: is its drive connected?`,
        }),
      )
      .on('open', function (this: NodeJS.ReadableStream) {
        res.writeHead(200, {
          ...securityHeaders,
          'Content-Type': found.mime,
          'Cache-Control': 'private, no-cache',
          ETag: found.etag,
          'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
        });
        if (req.method === 'HEAD') res.end();
        else this.pipe(res);
      });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
