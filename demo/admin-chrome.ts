// The demo page's own words (not the elements': they have their own tables), in each language
// the switcher offers. Setting <html lang> is all the elements need; this does the rest.

const en = {
  pageTitle: 'Integrations — grantkit admin demo',
  language: 'Language',
  nav: 'Demo pages',
  app: 'App',
  portal: 'Admin portal',
  signedOutBefore: 'Sign in to manage integrations. Ada (',
  signedOutAdmin: ') is an admin; Vic (',
  signedOutViewer: ') can only look.',
  integrations: 'Integrations',
  newIntegration: 'New integration…',
  createNote: 'Creating integrations needs the admin role.',
  scopes: 'Scopes',
  scopesOfIntegration: 'Scopes this integration may ask for',
  back: '← All integrations',
  details: 'Integration details',
  issuedTokens: 'Issued tokens',
  personalTokens: 'Your personal access tokens',
  connectedApps: 'Connected apps',
  connectedNote: 'Integrations you allowed to act for you on their consent page.',
};

export type ChromeKey = keyof typeof en;

const de: Record<ChromeKey, string> = {
  pageTitle: 'Integrationen — grantkit-Admin-Demo',
  language: 'Sprache',
  nav: 'Demo-Seiten',
  app: 'App',
  portal: 'Admin-Portal',
  signedOutBefore: 'Melden Sie sich an, um Integrationen zu verwalten. Ada (',
  signedOutAdmin: ') ist Administratorin; Vic (',
  signedOutViewer: ') darf nur ansehen.',
  integrations: 'Integrationen',
  newIntegration: 'Neue Integration …',
  createNote: 'Zum Anlegen von Integrationen ist die Administratorrolle nötig.',
  scopes: 'Scopes',
  scopesOfIntegration: 'Scopes, die diese Integration anfordern darf',
  back: '← Alle Integrationen',
  details: 'Details der Integration',
  issuedTokens: 'Ausgestellte Tokens',
  personalTokens: 'Ihre persönlichen Zugriffstokens',
  connectedApps: 'Verbundene Apps',
  connectedNote: 'Integrationen, denen Sie auf ihrer Zustimmungsseite erlaubt haben, für Sie zu handeln.',
};

const TABLES: Record<string, Record<ChromeKey, string>> = { en, de };
export const LANGUAGES = Object.keys(TABLES);
const STORED = 'grantkit-demo-language';

/** The page's text for a key, in the page's language now. */
export function chrome(key: ChromeKey): string {
  return (TABLES[document.documentElement.lang] ?? en)[key];
}

/** Puts the page into `lang`: <html lang> (which the elements follow) and the page's own words. */
export function applyLanguage(lang: string): void {
  const table = TABLES[lang] ?? en;
  document.documentElement.lang = TABLES[lang] ? lang : 'en';
  document.title = table.pageTitle;
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = table[el.dataset.text as ChromeKey] ?? el.textContent;
  for (const el of document.querySelectorAll<HTMLElement>('[data-label]')) el.setAttribute('aria-label', table[el.dataset.label as ChromeKey] ?? '');
  try {
    localStorage.setItem(STORED, document.documentElement.lang);
  } catch {
    // Storage refused (a private window's quota): the choice lasts for this page only.
  }
}

/** The language chosen last time, else the browser's if the demo has it, else English. */
export function initialLanguage(): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORED);
  } catch {
    stored = null;
  }
  const preferred = [stored, ...navigator.languages.map((l) => l.split('-')[0]!)];
  return preferred.find((l): l is string => !!l && l in TABLES) ?? 'en';
}
