/**
 * For the headless command (`analyze -- fit --spec FILE`): evaluate a spec's derived variables on a
 * tidy CSV table before fitting, so a model saved from the dashboard runs on the same columns.
 *
 * A tidy CSV has no catalogue, so its columns get one derived from their names: KOSTRA accounts
 * columns named like `f244_agd10_konsern` or `f244_590_kasse` and single-age population columns
 * like `alder_17` / `age_105p` are recognised; any catalogue passed in wins.
 */
import type { Problem } from '../problem';
import type { Table } from '../table';
import { variablesSpecSchema } from '../../spec/sections/variables';
import { buildVariables } from './buildVariables';
import type { BuildResult, CatalogueEntry } from './types';

export function applySpecVariables(
  table: Table,
  /** A whole AnalysisSpec (as read from a file) or just its variables section. */
  spec: object,
  catalogue?: CatalogueEntry[],
): BuildResult {
  const raw = 'variables' in spec && (spec as { variables?: unknown }).variables !== undefined ? (spec as { variables: unknown }).variables : spec;
  const parsed = variablesSpecSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    const problems: Problem[] = [
      {
        code: 'spec-variables-invalid',
        severity: 'error',
        message: `Variabeldelen av spesifikasjonen er ugyldig (${where}): ${parsed.error.issues[0]?.message ?? ''}`,
        messageEn: `The variables section of the spec is invalid (${where}): ${parsed.error.issues[0]?.message ?? ''}`,
        where: { variable: where },
      },
    ];
    return { table, derived: [], problems };
  }
  return buildVariables({ table, catalogue: catalogue ?? catalogueFromNames(table) }, parsed.data);
}

/** A catalogue guessed from column names (see the module comment). */
export function catalogueFromNames(table: Table): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const col of table.columns.values()) {
    if (col.kind !== 'number') continue;
    const dims: Record<string, string> = {};
    const acc = /^f(\d{3})_([a-z0-9]+?)(?:_(konsern|kasse))?$/i.exec(col.name);
    if (acc) {
      dims.function = acc[1];
      dims.art = acc[2].toUpperCase();
      if (acc[3]) dims.scope = acc[3].toLowerCase();
    }
    const age = /^(?:alder|age)_(\d+)(p|pluss|plus)?$/i.exec(col.name);
    if (age) dims.age = age[2] ? `${age[1]}+` : age[1];
    out.push({ name: col.name, label: col.label ?? col.name, unit: col.unit, dims });
  }
  return out;
}
