import * as oauth from 'oauth4webapi';
import { isLoopback } from './config.js';

/** Options oauth4webapi needs for every request to this server. */
export interface BaseRequestOptions {
  signal: () => AbortSignal;
  [oauth.allowInsecureRequests]?: boolean;
}

/** A timeout for each request, and plain http only to a loopback server (a developer's own machine). */
export function requestOptions(server: URL | string, timeout: number): BaseRequestOptions {
  const url = typeof server === 'string' ? new URL(server) : server;
  return {
    signal: () => AbortSignal.timeout(timeout),
    ...(url.protocol === 'http:' && isLoopback(url) ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}
