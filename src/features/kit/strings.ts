/** Strings of the view kit's shared controls (bokmål and English). */
export const kitStrings = {
  nb: {
    groupKinds: { 'size-class': 'Størrelsesklasse', county: 'Fylke', 'kostra-group': 'KOSTRA-gruppe' },
    /** A parallel job's progress and cancel (JobProgress), and its failure (JobFailure). */
    cancel: 'Avbryt',
    done: 'ferdig',
    retry: 'Prøv igjen',
  },
  en: {
    groupKinds: { 'size-class': 'Size class', county: 'County', 'kostra-group': 'KOSTRA group' },
    cancel: 'Cancel',
    done: 'done',
    retry: 'Try again',
  },
};
