import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { AdminApiError, IntegrationKind } from '../../src/admin/index.js';
import { isAllowedRedirectUri } from './formats.js';
import type { Strings } from './localize.js';

/** What is wrong with a list of callback URLs: per row (by index), or with the list as a whole. */
export interface CallbackUrlErrors {
  rows?: Record<number, string>;
  list?: string;
}

export const hasCallbackUrlErrors = (errors: CallbackUrlErrors): boolean => errors.list !== undefined || Object.keys(errors.rows ?? {}).length > 0;

/**
 * Which of an integration's URL lists: its callback URLs (`redirect_uris`), or its allowed logout
 * URLs (`post_logout_redirect_uris`), which take the same form and are edited the same way.
 */
export type UrlList = 'callbacks' | 'logout';

/** Each list's field in the admin API, its part and id prefix, and its words. */
const LISTS = {
  callbacks: {
    field: 'redirect_uris', part: 'redirect', id: 'redirect', addClass: 'add',
    words: (t: Strings) => ({ legend: t.details.redirects, hint: t.details.redirectsHint, nativeHint: t.details.nativeRedirectsHint, row: t.details.redirect, remove: t.details.removeRedirect, add: t.details.addRedirect, none: t.details.noRedirects, duplicate: t.details.duplicateRedirect }),
  },
  logout: {
    field: 'post_logout_redirect_uris', part: 'logout-url', id: 'logout', addClass: 'add-logout',
    words: (t: Strings) => ({ legend: t.details.logoutUrls, hint: t.details.logoutUrlsHint, nativeHint: t.details.nativeLogoutUrlsHint, row: t.details.logoutUrl, remove: t.details.removeLogoutUrl, add: t.details.addLogoutUrl, none: t.details.noLogoutUrls, duplicate: t.details.duplicateLogoutUrl }),
  },
} as const;

/** The URLs as they will be sent: trimmed, blank rows dropped. */
export const callbackUrlsOf = (rows: readonly string[]): string[] => rows.map((uri) => uri.trim()).filter(Boolean);

/**
 * What can be told before asking the server, by the rule the server applies (the document's
 * callback form for the kind), and duplicates; `needsOne` when the authorization code grant is allowed.
 */
export function checkCallbackUrls(t: Strings, rows: readonly string[], needsOne: boolean, kind: IntegrationKind, list: UrlList = 'callbacks'): CallbackUrlErrors {
  const errors: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    const uri = raw.trim();
    if (!uri) return;
    if (!isAllowedRedirectUri(uri, kind)) errors[i] = kind === 'native' ? t.create.badNativeRedirect(uri) : t.create.badRedirect(uri);
    else if (seen.has(uri)) errors[i] = LISTS[list].words(t).duplicate;
    seen.add(uri);
  });
  if (Object.keys(errors).length > 0) return { rows: errors };
  return needsOne && seen.size === 0 ? { list: t.create.needsRedirect } : {};
}

/**
 * The server's refusals of the list's field, beside the rows it named. Its indexes count the URLs
 * sent, which skip blank rows: they are mapped back to the rows on screen.
 */
export function refusedCallbackUrls(t: Strings, error: AdminApiError, rows: readonly string[], list: UrlList = 'callbacks'): CallbackUrlErrors {
  const shown = rows.flatMap((uri, i) => (uri.trim() ? [i] : []));
  const result: CallbackUrlErrors = {};
  for (const e of error.errors) {
    const [, body, field, index] = e.path.split('/');
    if (body !== 'body' || field !== LISTS[list].field) continue;
    const row = index !== undefined && /^\d+$/.test(index) ? shown[Number(index)] : undefined;
    if (row === undefined) result.list = t.create.invalid;
    else result.rows = { ...result.rows, [row]: t.create.invalid };
  }
  return result;
}

export interface CallbackUrlView {
  rows: readonly string[];
  /** Whose callbacks: a native app's take other forms, and are explained otherwise. */
  kind: IntegrationKind;
  errors: CallbackUrlErrors;
  disabled: boolean;
}

/**
 * The one editor of callback URLs and of logout URLs (in `<create-integration-dialog>` and
 * `<integration-details>`): one field per URL, each with its own message, a remove button and
 * "Add"; pasting several lines into a field makes a row of each. Focus stays where the user is
 * when rows come and go. Two lists in one element keep apart by their parts and ids.
 */
export class CallbackUrlEditor {
  readonly #host: ReactiveElement;
  readonly #onChange: (rows: string[]) => void;
  readonly #list: (typeof LISTS)[UrlList];

  constructor(host: ReactiveElement, onChange: (rows: string[]) => void, list: UrlList = 'callbacks') {
    this.#host = host;
    this.#onChange = onChange;
    this.#list = LISTS[list];
  }

  get #inputs(): HTMLInputElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLInputElement>(`[part~=${this.#list.part}] input`)];
  }

  get #add(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`button.${this.#list.addClass}`);
  }

  /** Focuses the first row in error, or "Add" when the list needs a URL and has no row; false when nothing is wrong. */
  focusError(errors: CallbackUrlErrors): boolean {
    const rows = Object.keys(errors.rows ?? {}).map(Number);
    const target = rows.length ? this.#inputs[Math.min(...rows)] : errors.list !== undefined ? (this.#inputs[0] ?? this.#add) : undefined;
    target?.focus();
    return target !== undefined;
  }

  async #change(rows: string[], focus?: number | 'add'): Promise<void> {
    this.#onChange(rows);
    if (focus === undefined) return;
    await this.#host.updateComplete;
    const inputs = this.#inputs;
    (focus === 'add' ? this.#add : inputs[Math.min(focus, inputs.length - 1)])?.focus();
  }

  #remove(rows: readonly string[], index: number): void {
    const next = rows.filter((_, i) => i !== index);
    // Focus goes to the URL now in its place, the one before, or "Add".
    void this.#change(next, next.length === 0 ? 'add' : index);
  }

  #paste(rows: readonly string[], index: number, event: ClipboardEvent): void {
    const lines = (event.clipboardData?.getData('text') ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.length < 2) return;
    event.preventDefault();
    // Into an empty row, the lines take its place; into a filled one, they follow it.
    const keep = rows[index]!.trim() ? [rows[index]!] : [];
    void this.#change([...rows.slice(0, index), ...keep, ...lines, ...rows.slice(index + 1)], index + keep.length + lines.length - 1);
  }

  render(t: Strings, view: CallbackUrlView): TemplateResult {
    const { rows, errors, disabled } = view;
    const rowErrors = errors.rows ?? {};
    const { id, part, addClass } = this.#list;
    const words = this.#list.words(t);
    // A native app's callbacks (and logout URLs) take other forms than a web app's, and are explained so.
    const hint = view.kind === 'native' ? words.nativeHint : words.hint;
    return html`
      <fieldset aria-describedby="${id}s-hint${errors.list ? ` ${id}s-error` : ''}">
        <legend>${words.legend}</legend>
        <p class="hint" id="${id}s-hint">${hint}</p>
        ${rows.length === 0 ? html`<p class="note">${words.none}</p>` : nothing}
        ${rows.map((uri, i) => html`
          <div part="${part}">
            <input type="url" spellcheck="false" aria-label=${words.row(i + 1)} .value=${uri} ?disabled=${disabled}
              aria-invalid=${rowErrors[i] || (errors.list && i === 0) ? 'true' : 'false'} aria-describedby=${rowErrors[i] ? `${id}-${i}-error` : nothing}
              @input=${(e: Event) => void this.#change(rows.map((r, j) => (j === i ? (e.target as HTMLInputElement).value : r)))}
              @paste=${(e: ClipboardEvent) => this.#paste(rows, i, e)} />
            <button type="button" ?disabled=${disabled} aria-label=${words.remove(i + 1)} @click=${() => this.#remove(rows, i)}>×</button>
            ${rowErrors[i] ? html`<p class="field-error" id="${id}-${i}-error">${rowErrors[i]}</p>` : nothing}
          </div>`)}
        ${errors.list ? html`<p class="field-error" id="${id}s-error">${errors.list}</p>` : nothing}
        <button type="button" class=${addClass} ?disabled=${disabled} @click=${() => void this.#change([...rows, ''], rows.length)}>${words.add}</button>
      </fieldset>
    `;
  }
}
