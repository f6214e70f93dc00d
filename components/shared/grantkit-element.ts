import { LitElement } from 'lit';
import type { GrantkitErrorCode } from '../../src/errors.js';
import type { AdminApiErrorCode } from '../../src/admin/index.js';
import { emit } from './events.js';
import { LanguageWatch } from './language-watch.js';
import { en } from './locales/en.js';

/** Every code an element reports in `grantkit-error`: the core's, the admin client's, and `unknown`. */
export type ElementErrorCode = GrantkitErrorCode | AdminApiErrorCode | 'unknown';

/**
 * The code of a failure, as one of the codes the elements have a message for. A code the
 * tables do not know (a server's invention, say) is `unknown`, so `detail.code` stays a union.
 */
export function errorCodeOf(error: unknown): ElementErrorCode {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(en.errors, code) ? (code as ElementErrorCode) : 'unknown';
}

/**
 * What every grantkit element has: it speaks the language of its nearest `lang` and
 * follows it when it changes, and it reports failures in one way.
 */
export class GrantkitElement extends LitElement {
  constructor() {
    super();
    this.addController(new LanguageWatch(this));
  }

  /** Tells the page that loading or a change failed: `grantkit-error`, with the error's code. */
  protected report(error: unknown): void {
    const code = errorCodeOf(error);
    // A request the element canceled itself (a newer load, the element leaving the page) is no failure.
    if (code === 'aborted') return;
    emit(this, 'grantkit-error', { error, code });
  }
}
