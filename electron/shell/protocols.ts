import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { ServedApi } from '../api/window-api';
import { imageCacheControl } from '../api/image-cache-control';
import { loadStaticFiles } from '../host/static-files';
import { contentSecurityPolicy } from '../host/host-security';
import { imageProtocol } from '../../shared/api/client';
import { imageKinds, type ImageKind } from '../../shared/api/contract';
import { documentFileKinds, type DocumentFileKind } from '../../shared/api/domains/documents';
import { appScheme } from './window-options';

/** Must run before the app is ready: both schemes behave like https for the renderer. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: imageProtocol,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

const notFound = () => new Response('Not found', { status: 404 });

/**
 * app://kadar/… serves the built renderer from a table made at start-up; kadar://image/<kind>/<id>
 * serves thumbnails and previews by photo id. Neither ever turns a request path into a file path.
 */
export function handleSchemes(api: ServedApi, rendererDir: string): void {
  // The renderer's CSP, for Electron: the same as the host's, plus the image scheme.
  const csp = contentSecurityPolicy.replace("img-src 'self'", `img-src 'self' ${imageProtocol}:`);
  const files = loadStaticFiles(rendererDir);

  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    // Documents by id, on the renderer's own origin, so the PDF viewer may fetch them.
    const doc = /^\/doc\/([a-z]+)\/(\d{1,15})$/.exec(url.pathname);
    if (url.host === 'kadar' && doc) {
      const found =
        (documentFileKinds as readonly string[]).includes(doc[1]!) &&
        (await api.documentFile(doc[1] as DocumentFileKind, Number(doc[2])));
      if (!found) return notFound();
      const response = await net.fetch(pathToFileURL(found.path).href);
      return new Response(response.body, {
        headers: {
          'Content-Type': found.mime,
          ETag: found.etag,
          'Content-Disposition': `${url.searchParams.has('download') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
        },
      });
    }
    const file =
      url.host === 'kadar'
        ? files.get(url.pathname === '/' ? '/index.html' : url.pathname)
        : undefined;
    if (!file) return notFound();
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.type,
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  protocol.handle(imageProtocol, async (request) => {
    const url = new URL(request.url);
    const match = url.host === 'image' ? /^\/([a-z]+)\/(\d{1,15})$/.exec(url.pathname) : null;
    if (!match || !(imageKinds as readonly string[]).includes(match[1]!)) return notFound();
    const image = await api.images(match[1] as ImageKind, Number(match[2]));
    if (!image) return notFound();
    const response = await net.fetch(pathToFileURL(image.path).href);
    return new Response(response.body, {
      headers: {
        'Content-Type': 'image/jpeg',
        'Cache-Control': imageCacheControl(image, url.searchParams.get('v')),
        ETag: image.etag,
      },
    });
  });
}
