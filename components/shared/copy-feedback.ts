import { css, html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { copyFromField } from './copy.js';
import type { Strings } from './localize.js';

/** How long a copy button says "Copied" before it says "Copy" again. */
export const COPIED_FOR_MS = 2500;

/**
 * The feedback of an element's copy buttons: which value was copied last, for a few seconds
 * ("Copied" says what just happened, not what is true for good), and a button label that is
 * as wide either way, so the field beside it does not move.
 */
export class CopyFeedback implements ReactiveController {
  readonly #host: ReactiveElement;
  #copied = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The id of the value copied last, while the button still says so; '' otherwise. */
  get copied(): string {
    return this.#copied;
  }

  /** Copies `value`; without clipboard permission, selects `field` for the user's own copy. */
  async copy(id: string, field: HTMLInputElement | null | undefined, value: string): Promise<void> {
    const copied = await copyFromField(field, value);
    this.#say(copied ? id : '');
    if (copied) this.#timer = setTimeout(() => this.#say(''), COPIED_FOR_MS);
  }

  /** Forgets what was copied (a secret view that closes, another integration shown). */
  clear(): void {
    this.#say('');
  }

  #say(id: string): void {
    clearTimeout(this.#timer);
    this.#copied = id;
    this.#host.requestUpdate();
  }

  /** The label of the copy button for `id`: both words in one cell, one of them hidden. */
  label(t: Strings, id: string): TemplateResult {
    const copied = this.#copied === id;
    return html`<span class=${copied ? 'unshown' : ''}>${t.common.copy}</span><span class=${copied ? '' : 'unshown'}>${t.common.copied}</span>`;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}

/** The copy button's two labels share one cell, so it is as wide as the longer one either way. */
export const copyButtonStyles = css`
  [part~='copy'] {
    display: inline-grid;
  }
  [part~='copy'] > span {
    grid-area: 1 / 1;
  }
  [part~='copy'] > .unshown {
    visibility: hidden;
  }
`;
