// What each part of `npm run verify` found.
export interface Check {
  part: string;
  check: string;
  ok: boolean;
  detail: string;
}

export const check = (part: string, name: string, ok: boolean, detail: string): Check => ({ part, check: name, ok, detail });
