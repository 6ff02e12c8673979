/**
 * Header hygiene: empty headers get a name (`kolonne_3`), duplicates get a suffix (`alder (2)`),
 * and both are reported. Header text is only ever used as a Map key or array entry, so hostile
 * names such as `__proto__` or `constructor` stay plain strings.
 */
import { problem, type Problem } from '../engine/problem';
import { cleanLabel } from './regions';

export function normaliseHeaders(raw: string[], file: string, line: number): { headers: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const headers = raw.map((h, j) => {
    let name = cleanLabel(h);
    if (name === '') {
      name = `kolonne_${j + 1}`;
      problems.push(
        problem(
          'empty-header',
          `${file}, linje ${line}, kolonne ${j + 1}: tom kolonneoverskrift – kalt «${name}».`,
          `${file}, line ${line}, column ${j + 1}: empty column header – named "${name}".`,
          { file, line, column: name },
          'warning',
        ),
      );
    }
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) {
      const renamed = `${name} (${n})`;
      problems.push(
        problem(
          'duplicate-header',
          `${file}, linje ${line}, kolonne ${j + 1}: overskriften «${name}» finnes fra før – kalt «${renamed}».`,
          `${file}, line ${line}, column ${j + 1}: the header "${name}" is repeated – named "${renamed}".`,
          { file, line, column: renamed },
          'warning',
        ),
      );
      name = renamed;
    }
    return name;
  });
  return { headers, problems };
}
