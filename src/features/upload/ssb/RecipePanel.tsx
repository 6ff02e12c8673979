/**
 * Recipes: one click fetches a sector's standard data set (src/ssb/recipes). Afterwards a checklist says,
 * item by item, which table was used and what was not found — by name.
 */
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/useLanguage';
import { useStrings } from '../../../i18n/useStrings';
import { recipes } from '../../../ssb/recipes';
import { runRecipe, type RecipeItemOutcome } from '../../../store/ssbRecipe';
import { FetchStatus } from './FetchStatus';
import { ssbStrings } from './strings';
import { useSsbTask, type TaskOutcome } from './useSsbTask';

export function RecipePanel() {
  const s = useStrings(ssbStrings);
  const lang = useLanguage();
  const task = useSsbTask();
  const [years, setYears] = useState(5);
  const [items, setItems] = useState<RecipeItemOutcome[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const start = (id: string) => {
    const recipe = recipes.find((r) => r.id === id)!;
    setActive(id);
    setItems([]);
    void task.run(async (signal, onProgress) => {
      const out = await runRecipe(recipe, years, { signal, onProgress, onItems: setItems });
      setItems(out.items);
      const message: TaskOutcome['message'] = out.cancelled ? (t) => t.cancelled : (t, l) => `${t.recipeDone}: ${recipe.name[l]}.${out.newAnalysis ? ` ${t.recipeNew}` : ''}`;
      return { problems: out.problems, message };
    });
  };
  return (
    <div className="kl-ssb-recipes" data-testid="ssb-recipes">
      <Paragraph data-size="sm">
        <strong>{s.recipes}.</strong> {s.recipesHelp}
      </Paragraph>
      <div className="kl-ssb-recipe-form">
        <Textfield data-size="sm" type="number" min={1} max={30} label={s.recipeYears} value={String(years)} onChange={(e) => setYears(Math.max(1, Math.min(30, Number(e.target.value) || 1)))} data-testid="ssb-recipe-years" />
        {recipes.map((r) => (
          <Button key={r.id} data-size="sm" variant="secondary" disabled={task.running} onClick={() => start(r.id)} data-testid={`ssb-recipe-${r.id}`}>
            {s.recipeRun}: {r.name[lang]}
          </Button>
        ))}
      </div>
      <FetchStatus task={task} onCancel={task.cancel} testId="ssb-recipe-status" />
      {items.length > 0 && (
        <ul className="kl-ssb-checklist" data-testid="ssb-recipe-items" data-recipe={active ?? ''}>
          {items.map((it) => (
            <li key={it.item.key} data-key={it.item.key} data-state={it.fetched ? 'fetched' : it.ok ? 'found' : 'missing'}>
              <span aria-hidden="true">{it.fetched ? '✓' : it.ok ? '…' : '✗'}</span> <strong>{it.item.name[lang]}</strong>
              {it.tableId ? ` – ${s.table} ${it.tableId}${it.title ? ` «${it.title}»` : ''}` : ''}
              {it.fetched ? ` (${s.found})` : !it.ok ? ` – ${s.notFound}: ${it.missing.map((m) => m[lang]).join('; ')}` : task.running ? '' : ` (${s.notFetched})`}
              {it.optionalMissing.length > 0 && ` · ${it.optionalMissing.map((m) => m[lang]).join('; ')}: ${s.optionalMissing}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
