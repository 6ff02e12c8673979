import type { ViewDef } from '../features/registry';
import { useLanguage } from '../i18n/useLanguage';
import { useStrings } from '../i18n/useStrings';
import { shellStrings } from './strings';
import { viewHref } from './useActiveView';

/** Plain links in an ordered list: Tab moves through the steps, Enter opens one, Back works. */
export function Nav({ views, active }: { views: ViewDef[]; active?: string }) {
  const s = useStrings(shellStrings);
  const lang = useLanguage();
  return (
    <nav aria-label={s.nav} className="kl-nav">
      <ol>
        {views.map((v, i) => (
          <li key={v.id}>
            <a href={viewHref(v.id)} aria-current={v.id === active ? 'page' : undefined} data-view={v.id}>
              <span className="kl-step" aria-hidden="true">
                {i + 1}
              </span>
              {v.title[lang]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
