export type Language = 'nb' | 'en';
export const LANGUAGES: Language[] = ['nb', 'en'];
