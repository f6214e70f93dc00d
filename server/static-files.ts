import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves `path` from inside `root`; false when there is no such file (or it would leave root). */
export async function serveFile(res: ServerResponse, root: string, path: string, headers: Record<string, string> = {}): Promise<boolean> {
  let name: string;
  try {
    name = decodeURIComponent(path);
  } catch {
    return false; // not a name any file has
  }
  const file = normalize(join(root, name));
  if (file !== root && !file.startsWith(root + sep)) return false;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(body);
  return true;
}
