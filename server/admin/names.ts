import unhomoglyph from 'unhomoglyph';

// Integration names as people read them: on the login page ("Sign in to ERP Connector 1.0")
// and in the admin lists. The document (IntegrationName) refuses control, format and other
// invisible characters (zero-width spaces, bidirectional overrides, Hangul fillers); what it
// cannot say is here: one normal form for storing, whether anything is visible, and when two
// names look the same.

/** The longest name the document allows (IntegrationName's maxLength), which a normalised name must keep to. */
export const MAX_NAME_LENGTH = 100;

/** Characters that take no room: Unicode's default-ignorable ones (Hangul fillers, variation selectors, …) and the blank Braille cell. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * The form a name is stored in: NFKC (fullwidth and mathematical letters, ligatures and
 * no-break spaces become their plain forms), runs of white space one space, trimmed.
 */
export function normaliseName(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Whether a name shows anything: a letter, digit, punctuation mark or symbol that is not invisible. */
export function hasVisibleCharacter(name: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(name.replace(INVISIBLE, ''));
}

/**
 * A skeleton in the manner of UTS #39 §4, case-insensitive: two names with the same
 * skeleton look the same. NFKD (fullwidth, mathematical and other compatibility forms fold
 * here), invisible characters dropped, every character mapped to its prototype by Unicode's
 * confusables table (unhomoglyph ships confusables.txt as data: Cyrillic, Greek, Armenian,
 * Cherokee, small capitals…), case folded, mapped again for what folding made, white space
 * collapsed. The table maps `m` to `rn` and capital `I` to `l`, so "MaIl" and "Mall" are one
 * skeleton while "Mail" is another, as they read.
 */
export function skeleton(text: string): string {
  const mapped = unhomoglyph(text.normalize('NFKD').replace(INVISIBLE, '')).normalize('NFD');
  const folded = unhomoglyph(mapped.toUpperCase().toLowerCase()).normalize('NFD');
  return folded.replace(/\s+/gu, ' ').trim();
}
