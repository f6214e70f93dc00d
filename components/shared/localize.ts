import { en, type Strings } from './locales/en.js';

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
}

export function stringsFor(element: Element): Strings {
  const lang = (element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? 'en').toLowerCase();
  return tables.get(lang) ?? tables.get(lang.split('-')[0]!) ?? en;
}

/** The message for an error a user should see: chosen by its stable `code`, never its text. */
export function errorMessage(strings: Strings, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in strings.errors) return strings.errors[code as keyof Strings['errors']];
  return strings.errors.unknown;
}
