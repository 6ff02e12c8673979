/**
 * Errors are values. Every layer returns structured problems that the UI shows in plain Norwegian
 * next to the thing that caused them; `messageEn` is the English text for the language toggle.
 */
export interface Problem {
  /** Stable machine code, e.g. `collinear`, `too-few-observations`, `one-cluster`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Norwegian bokmål, for the user. */
  message: string;
  /** English. */
  messageEn: string;
  /** Where the problem sits: file, line, column, variable, model … */
  where?: {
    file?: string;
    line?: number;
    column?: string;
    variable?: string;
    variables?: string[];
    model?: string;
    unit?: string;
    year?: number;
    position?: number;
    /** A parallel job (its pool registry name, e.g. `cluster-bootstrap`) that failed, or whose part of a
     *  stage the problem belongs to (the view shows it in that job's panel). */
    job?: string;
  };
}

export function problem(
  code: string,
  message: string,
  messageEn: string,
  where?: Problem['where'],
  severity: Problem['severity'] = 'error',
): Problem {
  return where ? { code, severity, message, messageEn, where } : { code, severity, message, messageEn };
}
