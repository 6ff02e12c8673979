/**
 * The model formula of the CLI: `y ~ x1 + x2`; `- 1` (or `+ 0`) drops the intercept; `x:year` adds x
 * per year (first year the reference), `a:b` the product a·b (either order for `year`).
 */
import { YEAR_INTERACTION, type Interaction } from '../src/engine/model/types';

export interface ParsedFormula {
  dependent: string;
  regressors: string[];
  intercept: boolean;
  interactions?: Interaction[];
}

export function parseFormula(formula: string): ParsedFormula {
  const [lhs, rhs] = formula.split('~');
  if (!lhs?.trim() || rhs === undefined) throw new Error(`ugyldig formel «${formula}» / invalid formula "${formula}" (y ~ x1 + x2)`);
  let intercept = true;
  const regressors: string[] = [];
  const interactions: Interaction[] = [];
  for (const raw of rhs.replace(/-\s*1\b/g, '+ __noint').split('+')) {
    const term = raw.trim();
    if (term === '' || term === '1') continue;
    if (term === '__noint' || term === '0') intercept = false;
    else if (term.includes(':')) {
      const [a, b, ...rest] = term.split(':').map((t) => t.trim());
      if (!a || !b || rest.length) throw new Error(`ugyldig samspill «${term}» / invalid interaction "${term}" (a:b or x:${YEAR_INTERACTION})`);
      // x:year reads naturally either way round.
      interactions.push(a === YEAR_INTERACTION ? { variable: b, with: a } : { variable: a, with: b });
    } else regressors.push(term);
  }
  return { dependent: lhs.trim(), regressors, intercept, ...(interactions.length ? { interactions } : {}) };
}
