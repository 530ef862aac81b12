/** The contract's limits on scanner prefixes and suffixes (settings.set). */
export const MAX_AFFIXES = 10;
export const MAX_AFFIX_LENGTH = 20;

/** One prefix or suffix a line; blank lines dropped. Spaces around them are never part of a code. */
export function parseAffixes(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function affixProblem(list: string[]): 'tooMany' | 'tooLong' | null {
  if (list.length > MAX_AFFIXES) return 'tooMany';
  if (list.some((a) => a.length > MAX_AFFIX_LENGTH)) return 'tooLong';
  return null;
}
