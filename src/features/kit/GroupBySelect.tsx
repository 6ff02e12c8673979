/**
 * The one grouping picker of the redistribution sums (size class, county, KOSTRA group). The choice is
 * view state (`redistributionGroupBy`, spec/viewState.ts): Omfordeling and the scenario panel share
 * it, and no stage re-runs when it changes.
 */
import { Field, Label, Select } from '@digdir/designsystemet-react';
import type { GroupKind } from '../../engine/costkey';
import { groupKinds } from '../../spec/viewState';
import { useStrings } from '../../i18n/useStrings';
import { useUiStore } from '../../store';
import { kitStrings } from './strings';

export interface GroupBySelectProps {
  id: string;
  label: string;
}

export function GroupBySelect({ id, label }: GroupBySelectProps) {
  const s = useStrings(kitStrings);
  const groupBy = useUiStore((st) => st.redistributionGroupBy);
  const setView = useUiStore((st) => st.setView);
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={groupBy} onChange={(e) => setView({ redistributionGroupBy: e.target.value as GroupKind })}>
        {groupKinds.map((g) => (
          <option key={g} value={g}>
            {s.groupKinds[g]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The name of a grouping in the language, for captions. */
export function useGroupKindLabel(kind: GroupKind): string {
  return useStrings(kitStrings).groupKinds[kind];
}
