// How long browsers may keep public answers that are the same for everyone.

/**
 * A region's profile and complaint categories: its admin may change them, and
 * five minutes of an old list is harmless (a complaint filed under a category
 * switched off meanwhile is refused with a clear message).
 */
export const REFERENCE_CACHING = 'public, max-age=300';
