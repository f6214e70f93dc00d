import type { AdminApiError } from '../../src/admin/index.js';

/**
 * The form fields the server refused, by the field its JSON Pointer names under `/body`
 * (`/body/client_name` → `name`), each with `message`: the element speaks the page's
 * language, and the server's English `message` is not shown. One mapping for every form.
 */
export function refusedFields<K extends string>(error: AdminApiError, fieldOf: Readonly<Partial<Record<string, K>>>, message: string): Partial<Record<K, string>> {
  const refused: Partial<Record<K, string>> = {};
  for (const e of error.errors) {
    const [, body, field] = e.path.split('/');
    const key = body === 'body' && field !== undefined ? fieldOf[field] : undefined;
    if (key !== undefined) refused[key] = message;
  }
  return refused;
}
