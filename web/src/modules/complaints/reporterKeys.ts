// The reporter's key proves who filed a report (to rate, reopen, or open a
// confidential one). It arrives with the receipt link; this browser keeps it
// so the citizen can come back without the link.
const storageKey = (code: string) => `pamong_kunci_${code}`;

export function rememberKey(code: string, key: string): void {
  try {
    localStorage.setItem(storageKey(code), key);
  } catch {
    // Private mode or storage full: the receipt link still works.
  }
}

/** The key from the link, else the one this browser kept. */
export function reporterKeyFor(code: string, fromLink: string | null): string | null {
  if (fromLink) {
    rememberKey(code, fromLink);
    return fromLink;
  }
  try {
    return localStorage.getItem(storageKey(code));
  } catch {
    return null;
  }
}
