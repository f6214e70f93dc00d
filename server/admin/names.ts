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
 * Look-alikes of Latin letters and signs in other scripts, case by case, after the
 * confusables of Unicode's UTS #39 data (confusables.txt). Not the whole table: a compact
 * hand-written map of the common Cyrillic and Greek look-alikes (plus a few dashes), as
 * no maintained confusables package is a dependency here. NFKD in skeleton() already
 * folds fullwidth, mathematical and other compatibility forms.
 */
const LOOK_ALIKES = new Map<string, string>(
  Object.entries({
    // Cyrillic capitals and small letters
    А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
    Ԛ: 'Q', Ԝ: 'W', Ү: 'Y', Һ: 'H', Ӏ: 'l', Ԁ: 'D', З: '3',
    а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԛ: 'q', ԝ: 'w', ү: 'y', һ: 'h', ӏ: 'l', ԁ: 'd',
    // Greek capitals and small letters
    Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', Ϲ: 'C', Ϳ: 'J',
    α: 'a', γ: 'y', η: 'n', ι: 'i', ν: 'v', ο: 'o', ρ: 'p', υ: 'u', ϲ: 'c', ϳ: 'j',
    // Latin letters that read as others
    ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ǀ: 'l',
    // Dashes and minus signs
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2043': '-', '\u2212': '-', '\u02D7': '-',
  }),
);

/** Within plain lower-case Latin, what still reads alike: digits for letters, `rn` for `m`. */
const LATIN_LOOK_ALIKES: Array<[RegExp, string]> = [
  [/0/g, 'o'],
  [/[1|]/g, 'l'],
  [/rn/g, 'm'],
];

/**
 * A skeleton in the manner of UTS #39 §4, case-insensitive: two names with the same
 * skeleton look the same. NFKD, invisible characters dropped, look-alikes mapped to their
 * Latin prototypes, case folded (upper then lower case, which also folds ß to ss), the
 * map applied again for what case folding made, white space collapsed.
 *
 * Uppercase I and lowercase l are not taken as one: after folding they are i and l, and
 * merging those would make "Mail" a duplicate of "Mall".
 */
export function skeleton(text: string): string {
  const mapped = (s: string) => Array.from(s, (c) => LOOK_ALIKES.get(c) ?? c).join('');
  let result = mapped(text.normalize('NFKD').replace(INVISIBLE, ''));
  result = mapped(result.toUpperCase().toLowerCase());
  for (const [pattern, prototype] of LATIN_LOOK_ALIKES) result = result.replace(pattern, prototype);
  return result.replace(/\s+/gu, ' ').trim().normalize('NFD');
}
