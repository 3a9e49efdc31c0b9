/**
 * How a case-insensitive decoder reads an argument key: the one fold both decide() (a key that
 * reads as a limited or gated path without being it) and the MCP gateway (keys of one object
 * that read as one) compare keys by.
 */

/**
 * A key as a case-insensitive decoder might read it: compatibility forms unified (NFKC: the
 * long s "ſ" is "s", the Kelvin sign "K" is "K"), then upper- and lower-cased, which also puts
 * the Greek final sigma with sigma. Go's encoding/json takes a key that matches a field
 * case-insensitively (the Kelvin sign and the long s included), as .NET's
 * PropertyNameCaseInsensitive does; folding more than a decoder does only refuses more. An ASCII
 * key folds to its lower case, keeping its length.
 */
export function foldKey(key: string): string {
  if (isAsciiKey(key)) return key.toLowerCase();
  return key.normalize("NFKC").toUpperCase().toLowerCase();
}

/** Whether a key is ASCII only: it then folds to its lower case, of its own length. */
export function isAsciiKey(key: string): boolean {
  // A loop, not a pattern: keys are short, and a regular expression's entry costs more than the scan.
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return false;
  return true;
}
