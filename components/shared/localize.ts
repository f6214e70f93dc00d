import { en, type Strings } from './locales/en.js';
import { languagesChanged } from './language-watch.js';

export type { Strings };

// English is built in; other languages register themselves when imported
// (`import 'grantkit/components/locales/de'`), so a page ships only the ones it uses.
const tables = new Map<string, Strings>([['en', en]]);

/**
 * Adds or replaces the strings for a language (`fr`, `pt-BR`…). Elements pick the table of
 * the nearest `lang` attribute, then its base language, then English.
 */
export function registerTranslation(lang: string, strings: Strings): void {
  tables.set(lang.toLowerCase(), strings);
  languagesChanged();
}

/**
 * The language an element speaks: its nearest `lang` attribute, looking out of shadow roots
 * (a dialog inside another element speaks as that element does), else the document's.
 */
function langOf(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || undefined;
}

export function stringsFor(element: Element): Strings {
  const lang = (langOf(element) ?? 'en').toLowerCase();
  return tables.get(lang) ?? tables.get(lang.split('-')[0]!) ?? en;
}

/** The message for an error a user should see: chosen by its stable `code`, never its text. */
export function errorMessage(strings: Strings, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in strings.errors) return strings.errors[code as keyof Strings['errors']];
  return strings.errors.unknown;
}

/** Dates as the element's language writes them: make one per render, then `format()` each date. */
export function dateFormat(element: Element, withTime = true): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(langOf(element), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}
