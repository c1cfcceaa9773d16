// A form's sending state, for every module's forms: whether a request is at
// work, the last answer and the last error, so a form shows the API's error
// in place and keeps what was typed when it fails.
import { useState } from 'react';

/** `run` clears the last answer and error, waits for the request, and keeps its answer or error; it resolves to whether it succeeded. */
export function useSend<T = void>() {
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (request: () => Promise<T>): Promise<boolean> => {
    setError(undefined);
    setResult(null);
    setBusy(true);
    try {
      setResult(await request());
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { result, error, busy, run };
}
