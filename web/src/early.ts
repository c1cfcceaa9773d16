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
