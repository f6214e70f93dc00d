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

// Bundlers replace process.env.NODE_ENV in an app's production build; a page with no bundler has no process.
declare const process: { env: { NODE_ENV?: string } };
function isProduction(): boolean {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
}

/**
 * What every grantkit element has: it speaks the language of its nearest `lang` and
 * follows it when it changes, it reports failures in one way, and it registers itself with the
 * elements it renders.
 */
export class GrantkitElement extends LitElement {
  /** The elements this one renders, by tag: {@link define} registers them with it. */
  static dependencies: Record<string, typeof GrantkitElement> = {};

  /**
   * Registers the element as `tag`, after the elements it renders. A tag that another class holds
   * already (a second copy of grantkit on the page, or another library's element) is left as it
   * is: the page's elements are then not this copy's, which is worth a warning outside a
   * production build.
   */
  static define(tag: string): void {
    for (const [dependency, element] of Object.entries(this.dependencies)) element.define(dependency);
    const registered = customElements.get(tag);
    if (!registered) customElements.define(tag, this);
    else if (registered !== this && !isProduction()) {
      console.warn(`grantkit: <${tag}> is already defined by another class, so this copy of it is not used. Is grantkit loaded twice on this page?`);
    }
  }

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
