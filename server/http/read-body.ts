import type { IncomingMessage } from 'node:http';
import { RequestError } from './failures.js';

/** The request body as UTF-8 text; one over `limit` bytes is a 413, and is not read further. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new RequestError(413, `The request body is larger than ${limit} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
