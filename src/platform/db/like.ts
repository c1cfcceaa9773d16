// A search term inside a LIKE/ILIKE pattern: its own %, _ and \ match
// themselves (PostgreSQL's default escape character is the backslash).
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%term%`: rows containing the term as typed. */
export const containing = (term: string) => `%${escapeLike(term)}%`;
