// A step whose failure the run reports and goes on from (a restart that did not finish: the checks
// that follow name the nodes it left behind).
import { errorMessage } from '../errors.js';

/** The error's message, or undefined when `fn` succeeded. */
export async function failureOf(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (e) {
    return errorMessage(e);
  }
}

/** `fn`'s text when it succeeded, else its error's message: for a reason that says how it went. */
export async function outcomeOf(fn: () => Promise<string>): Promise<{ ok: boolean; text: string }> {
  try {
    return { ok: true, text: await fn() };
  } catch (e) {
    return { ok: false, text: errorMessage(e) };
  }
}
