import { existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NOT_BUILT_PAGE } from './web-pages.js';

/** Cache-Control of content-hashed assets: they never change under their name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of everything else: revalidate each time (cheap with ETags), so a rebuild shows at once. */
export const REVALIDATE = 'no-cache';

// Vite names built assets `assets/<name>-<hash>.<ext>`, the hash 8 or more URL-safe characters.
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;

/** The Cache-Control of a file, given its path relative to the renderer's folder. */
export function cacheControlFor(relativePath: string): string {
  return HASHED_ASSET.test(relativePath.split(sep).join('/')) ? IMMUTABLE : REVALIDATE;
}

/** Whether a request path is a page of the single-page app (no file extension), not a missing file. */
export function isAppRoute(path: string): boolean {
  return !basename(path).includes('.');
}

/** Serves the built renderer and answers its client-side routes with its index.html. */
export interface RendererFiles {
  /** Answers a GET for an app route with index.html (or the "not built" page). */
  sendApp(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

/**
 * Serves `rendererDir` (electron-vite's `out/renderer`) as static files. A rebuild while the server
 * runs shows at once (index.html is checked per request); a folder that did not exist at start is
 * not watched for, so the "not built" page asks for a restart after building.
 */
export async function registerRendererFiles(
  app: FastifyInstance,
  rendererDir: string,
): Promise<RendererFiles> {
  const present = existsSync(rendererDir);
  // Only when the folder is there: @fastify/static warns about a missing root, which before the
  // first build is expected and explained by the page below.
  if (present) {
    await app.register(fastifyStatic, {
      root: rendererDir,
      index: false,
      wildcard: true,
      cacheControl: false,
      setHeaders: (response, filePath) => {
        response.setHeader('cache-control', cacheControlFor(relative(rendererDir, filePath)));
      },
    });
  }
  const files: RendererFiles = {
    sendApp(_request, reply) {
      if (!present || !existsSync(join(rendererDir, 'index.html'))) {
        return reply
          .code(503)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(NOT_BUILT_PAGE);
      }
      return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    },
  };
  app.get('/', { schema: { hide: true } }, (request, reply) => files.sendApp(request, reply));
  return files;
}
