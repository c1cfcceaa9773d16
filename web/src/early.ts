// On a slow phone the app's script takes seconds to arrive. So the small
// script in index.html asks for the report form's data (region profile,
// categories, areas on /r/:region and /r/:region/lapor) as soon as the HTML
// is read, and the app takes those answers here instead of asking again.
// Each is used once, by the first GET of the same path; a failure shows up
// there as a network error. The server allows that inline script by its
// hash (src/platform/http/security-headers.ts).
// (Outside a browser, e.g. the API client under test, there is nothing early.)
const early: Record<string, Promise<Response> | undefined> = (globalThis as { pamongEarly?: Record<string, Promise<Response>> }).pamongEarly ?? {};

export function takeEarlyAnswer(path: string): Promise<Response> | undefined {
  const answer = early[path];
  delete early[path];
  return answer;
}

/**
 * What the person chose on a page the server painted before this script ran
 * (src/platform/http/first-paint.ts): the fields of its form marked
 * data-first-paint, read once, just before the app replaces the page. The
 * painted nodes go, so the app draws its own instead of patching them.
 */
const painted = new Map<string, string>();

export function takeOverPaintedPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-first-paint]');
  if (form) new FormData(form).forEach((value, name) => typeof value === 'string' && painted.set(name, value));
  root.replaceChildren();
}

export function takePaintedValue(name: string): string | undefined {
  const value = painted.get(name);
  painted.delete(name);
  return value;
}
