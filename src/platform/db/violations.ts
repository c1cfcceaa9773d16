// Telling a unique-index violation apart from other database failures, so a
// use case can answer a race it lost with its own clear error. Drizzle wraps
// the driver's error (PostgreSQL or PGlite) and keeps it as the cause.

/** Whether the error is PostgreSQL's unique violation (23505), of the named index or constraint when one is given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e.code ? e : e.cause;
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}
