/** Strings of the view kit's shared controls (bokmål and English). */
export const kitStrings = {
  nb: {
    groupKinds: { 'size-class': 'Størrelsesklasse', county: 'Fylke', 'kostra-group': 'KOSTRA-gruppe' },
  },
  en: {
    groupKinds: { 'size-class': 'Size class', county: 'County', 'kostra-group': 'KOSTRA group' },
  },
};
