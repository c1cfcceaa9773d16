// The report form's steps, in order: the web app walks them and the page the
// server paints before the app arrives shows the first (http/first-paint.ts),
// counting the same steps.
export const reportSteps = ['category', 'details', 'location', 'photos', 'privacy', 'review'] as const;
export type ReportStep = (typeof reportSteps)[number];

/** The address parameter naming a category (its id or code): the painted form sends it, and a link may carry it. */
export const CATEGORY_PARAM = 'kategori';
