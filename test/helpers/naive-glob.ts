/** A reference glob matcher for tests: plain dynamic programming, written apart from src/runtime/glob.ts. */
export function naiveGlobMatch(pattern: string, name: string): boolean {
  // row[j]: pattern[0..i) matches name[0..j)
  let row = new Array<boolean>(name.length + 1).fill(false);
  row[0] = true;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const next = new Array<boolean>(name.length + 1).fill(false);
    next[0] = p === "*" && row[0]!;
    for (let j = 1; j <= name.length; j++) {
      if (p === "*") next[j] = row[j]! || next[j - 1]!;
      else next[j] = row[j - 1]! && (p === "?" || p === name[j - 1]);
    }
    row = next;
  }
  return row[name.length]!;
}
