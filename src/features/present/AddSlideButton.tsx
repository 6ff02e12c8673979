/**
 * «Legg til som lysbilde» beside a chart's or a table's export buttons: adds the item to the
 * presentation's slide set (view state, saved with the project), or takes it out again.
 */
import { Button } from '@digdir/designsystemet-react';
import { useContext } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useLanguage } from '../../i18n/useLanguage';
import { useUiStore } from '../../store/uiStore';
import type { SlideSlotProps } from '../../charts/slideSlot';
import { defaultSlides } from './slides';
import { itemSlideKind } from './slideKinds';
import { ViewIdContext } from './slideFocus';

const strings = {
  nb: { add: 'Legg til som lysbilde', remove: 'Fjern lysbildet', added: (t: string) => `«${t}» er lagt til i presentasjonen (Del og eksporter).` },
  en: { add: 'Add as slide', remove: 'Remove the slide', added: (t: string) => `«${t}» was added to the presentation (Share and export).` },
};

export function AddSlideButton({ kind, slideKey, title }: SlideSlotProps) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const view = useContext(ViewIdContext);
  const slides = useUiStore((st) => st.slides);
  const setView = useUiStore((st) => st.setView);
  if (!view) return null;
  const slideKind = itemSlideKind({ item: kind, view, key: slideKey });
  const on = slides.some((x) => x.kind === slideKind);
  const toggle = () => {
    // An empty set means the default slides: adding to it keeps them in front.
    const current = slides.length ? slides : defaultSlides(lang);
    setView({
      slides: on ? current.filter((x) => x.kind !== slideKind) : [...current, { id: slideKind, kind: slideKind, title }],
    });
  };
  return (
    <>
      <Button variant="tertiary" data-size="sm" aria-pressed={on} onClick={toggle} data-testid="add-slide">
        {on ? s.remove : s.add}
      </Button>
      {on && (
        <span className="kl-visually-hidden" role="status">
          {s.added(title)}
        </span>
      )}
    </>
  );
}
