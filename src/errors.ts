/** Bad input: reported before any external command runs. One error lists every problem found. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(
      problems.length === 1
        ? formatProblem(problems[0]!)
        : `${problems.length} inputs need fixing:\n${problems.map((p) => `- ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'InputError';
  }
}

export interface InputProblem {
  /** the input's name as in action.yml, e.g. `native-routing-cidr`, or a values key path */
  input: string;
  problem: string;
  fix: string;
}

function formatProblem(p: InputProblem): string {
  return `${p.input}: ${p.problem}. Fix: ${p.fix}`;
}

/** A step failed for a reason we can name; `hint` says what to do next. */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown; hint?: string }) {
    super(options?.hint ? `${message}\n${options.hint}` : message, { cause: options?.cause });
    this.name = 'ActionError';
  }
}

/** The message of anything thrown, also of values that are not Errors. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** Records one input problem (the input, what is wrong, the fix) and returns undefined. */
export type Bad = (input: string, problem: string, fix: string) => undefined;
