/**
 * Serves a built site from disk on 127.0.0.1 at a port the system picks, the
 * way a static host would: `/a/` is `a/index.html`, a missing file gets
 * `404.html` with status 404. It counts the bytes of every response, so a test
 * or a measurement can tell what a page transferred. With `compress`, it gzips
 * text (HTML, CSS, JavaScript, JSON, SVG, plain text) for a browser that accepts
 * it, as static hosts such as GitHub Pages and Netlify do, and counts the bytes sent.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** One response the server sent. */
export interface ServedFile {
  /** The URL path requested, without the query string. */
  path: string;
  status: number;
  /** Body bytes sent. */
  bytes: number;
}

export interface StaticServer {
  /** Origin to prefix paths with, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Every response so far, in order; clear it with `served.length = 0`. */
  served: ServedFile[];
  close(): Promise<void>;
}

async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const path = join(root, relative);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  return undefined;
}

/** Types a static host compresses; Pagefind's own files are gzipped already, and are served as they are. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/** Starts serving `root`; call `close()` when done. With `compress`, text goes out gzipped to browsers that accept it. */
export async function serveDirectory(root: string, { compress = false } = {}): Promise<StaticServer> {
  const served: ServedFile[] = [];
  const respond = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const found = await fileAt(root, path);
    const status = found ? 200 : 404;
    const file = found ?? (await fileAt(root, '404.html'));
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      served.push({ path, status: 404, bytes: 9 });
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const body = gzipSync(await readFile(file));
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Encoding': 'gzip',
        'Content-Length': body.byteLength,
        'Cache-Control': 'no-store',
        Vary: 'Accept-Encoding',
      });
      served.push({ path, status, bytes: body.byteLength });
      response.end(body);
      return;
    }
    const { size } = await stat(file);
    response.writeHead(status, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-store' });
    served.push({ path, status, bytes: size });
    createReadStream(file).pipe(response);
  };
  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => response.destroy(error as Error));
  });
  // Nothing may hang a test run: idle or slow connections are cut.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
