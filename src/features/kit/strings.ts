/** Strings of the view kit's shared controls (bokmål and English). */
export const kitStrings = {
  nb: {
    groupKinds: { 'size-class': 'Størrelsesklasse', county: 'Fylke', 'kostra-group': 'KOSTRA-gruppe' },
    /** A parallel job's progress and cancel (JobProgress), and its failure (JobFailure). */
    cancel: 'Avbryt',
    done: 'ferdig',
    retry: 'Prøv igjen',
    /** While the pool runs a backup copy of a block that hung (JobProgress.backups). */
    backup: 'En del av jobben tar uvanlig lang tid, så den kjøres på nytt i en annen hjelpetråd. Resultatet blir det samme.',
  },
  en: {
    groupKinds: { 'size-class': 'Size class', county: 'County', 'kostra-group': 'KOSTRA group' },
    cancel: 'Cancel',
    done: 'done',
    retry: 'Try again',
    backup: 'One part of the job is taking unusually long, so it is being run again in another helper thread. The result will be the same.',
  },
};
