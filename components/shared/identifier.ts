import { html, type TemplateResult } from 'lit';

/**
 * An identifier (a client ID, a scope name, a user id) that may wrap only after `_`, `:`, `-`,
 * `.` or `/`, where a reader expects a break, never in the middle of a word: a `<wbr>` after
 * each. Its text is unchanged, so copying it, searching it and screen readers see the same
 * string. Pair it with `overflow-wrap: break-word`, which breaks elsewhere only when a part is
 * longer than the whole line.
 */
export function breakable(id: string): TemplateResult {
  const parts = id.split(/(?<=[_:\-./])/);
  return html`${parts.map((part, i) => (i === 0 ? part : html`<wbr />${part}`))}`;
}
