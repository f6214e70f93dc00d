import type { ServerResponse } from 'node:http';

/** A request the server will not take, for a reason on the client's side: answered with its status, not logged. */
export class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Answers a request whose handler failed: a RequestError with its own status, anything else as a bug. */
export function answerFailure(res: ServerResponse, error: unknown): void {
  if (error instanceof RequestError) {
    // The rest of a refused body is not worth reading: the connection goes with the answer.
    if (!res.headersSent) res.writeHead(error.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
    res.end(error.message);
    return;
  }
  // A bug: the stack goes to the log, never into the response.
  console.error(error);
  if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Internal error');
}
