/**
 * Which of a result section's problems a part of its view shows. A stage marks the problems of a job's
 * part (the subset search, leave-one-year-out, the bootstrap) with that job's name in `where.job`; the
 * rest belong to the section as a whole. A job's pool failure is left out: JobFailure shows it, with
 * its «Prøv igjen». Nothing is dropped: every problem of a section belongs to exactly one part.
 */
import type { Problem } from '../../engine/problem';

/** `job`: the part's job name, or null for the problems of no job (the section as a whole). */
export function partProblems(problems: readonly Problem[] | undefined, job: string | null): Problem[] {
  return (problems ?? []).filter((p) => p.code !== 'pool-block-failed' && (p.where?.job ?? null) === job);
}
