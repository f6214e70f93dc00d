// The filter row of the lists: labelled choices, one select each, that wrap on a narrow screen.
import { css, html, type TemplateResult } from 'lit';

/** One labelled choice of a filter row; \`choose\` gets one of the offered values, never another. */
export function renderChoice<V extends string>(label: string, value: V, options: ReadonlyArray<readonly [V, string]>, choose: (value: V) => void): TemplateResult {
  return html`<label class="filter"><span>${label}</span>
    <select part="filter" @change=${(e: Event) => {
      const picked = options.find(([v]) => v === (e.target as HTMLSelectElement).value);
      if (picked) choose(picked[0]);
    }}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select></label>`;
}

export const filterStyles = css`
    [part='filters'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      margin-top: 0.5rem;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      font-size: 0.85em;
      color: var(--_muted);
      /* Wide enough for "Newest first" in German too; the row wraps before a choice is cut. */
      flex: 1 1 9.5rem;
      min-width: 0;
    }
    [part='filter'] {
      font: inherit;
      font-size: 1rem;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      min-width: 0;
    }
`;
